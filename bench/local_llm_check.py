"""The end of `make local-llm`: wait for the server, then ask it for one real completion.

A server can load its model and answer /v1/models, then die on its first completion (SIGILL
from a CPU kernel the machine only claims to have): only a completion proves it serves.
Standard library only: it runs in the server's venv, which has no newsbrief."""

import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.request

STARTUP_S = 120.0
COMPLETION_S = 120.0


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie (dead, not yet reaped by make's shell) counts as dead.
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return True


def fail(message: str) -> int:
    print(f"local-llm: {message}", file=sys.stderr)
    return 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--pid", type=int, required=True, help="the server's process id")
    args = parser.parse_args()
    deadline = time.monotonic() + STARTUP_S
    while True:
        if not alive(args.pid):
            return fail("the server exited while starting; its output is above")
        try:
            with urllib.request.urlopen(f"{args.base_url}/models", timeout=5):
                break
        except (urllib.error.URLError, OSError):
            if time.monotonic() > deadline:
                return fail(f"the server did not answer {args.base_url}/models in {STARTUP_S:g} s")
            time.sleep(1)
    body = json.dumps(
        {
            "model": "default",
            "messages": [{"role": "user", "content": "Say OK."}],
            "max_tokens": 8,
            "temperature": 0,
        }
    ).encode()
    request = urllib.request.Request(
        f"{args.base_url}/chat/completions",
        data=body,
        headers={"content-type": "application/json"},
    )
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=COMPLETION_S) as response:
            answer = json.load(response)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        if not alive(args.pid):
            return fail(
                "the server died on its first completion (a SIGILL is a CPU feature the "
                "build used and this machine lacks: see the README's local server section)"
            )
        return fail(f"the first completion failed: {exc}")
    text = answer["choices"][0]["message"]["content"]
    print(f"local-llm: a real completion in {time.monotonic() - started:.1f} s: {text!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
