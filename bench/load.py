"""The service under load, against a fake model server of fixed latency on loopback.

Run with `make bench-load`. Starts, on 127.0.0.1 only, a fabricated OpenAI-compatible server
that answers every request with the fabricated strong answer for the seed article after a fixed
delay (the model name the service sends says how long: "delay-0.2"), then the service itself
(uvicorn, as `make run` serves it) with the settings each phase needs, and prints:

1. the service's own overhead per llm brief at concurrency 1 against a 200 ms upstream;
2. 200 concurrent distinct llm briefs against a 1 s upstream with the gate opened wide;
3. the default gate's split of 200 concurrent requests into 200s and 429s;
4. /healthz latency while 50 maximal extractive briefs arrive at once;
5. the service's resident memory before and after.

Figures, not a pass/fail test: the machine is shared and noisy, so compare within one run.
Every request goes to 127.0.0.1; every loop is bounded in count and time.
"""

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx2

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_d3966a6980451b6c.txt"
ANSWER = ROOT / "tests" / "fixtures" / "fabricated_strong_answer_seed.json"
HOST = "127.0.0.1"

FAKE_UPSTREAM = """
import asyncio, json, sys
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route
import uvicorn

ANSWER = open(sys.argv[2], encoding="utf-8").read()

async def complete(request):
    body = await request.json()
    await asyncio.sleep(float(body["model"].removeprefix("delay-")))
    return JSONResponse({
        "id": "chatcmpl-fabricated", "object": "chat.completion", "created": 0,
        "model": body["model"],
        "choices": [{"index": 0, "finish_reason": "stop",
                     "message": {"role": "assistant", "content": ANSWER}}],
        "usage": {"prompt_tokens": 1000, "completion_tokens": 300, "total_tokens": 1300},
    })

app = Starlette(routes=[Route("/v1/chat/completions", complete, methods=["POST"])])
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning",
            backlog=4096, limit_concurrency=10000)
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until_up(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            httpx2.get(url, timeout=1)
            return
        except httpx2.TransportError:
            time.sleep(0.1)
    raise SystemExit(f"nothing answered at {url} within {seconds:g} s")


@contextmanager
def process(args: list[str], env: dict[str, str], probe: str) -> Iterator[subprocess.Popen[bytes]]:
    proc = subprocess.Popen(args, env=env, cwd=ROOT)
    try:
        wait_until_up(probe)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextmanager
def service(upstream_port: int, delay: float, **settings: Any) -> Iterator[tuple[str, int]]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSBRIEF_")} | {
        "NEWSBRIEF_BASE_URL": f"http://{HOST}:{upstream_port}/v1",
        "NEWSBRIEF_MODEL": f"delay-{delay:g}",
        "NEWSBRIEF_OUTPUT_MODE": "json_schema",
        "NEWSBRIEF_LOG_LEVEL": "warning",
    }
    env |= {f"NEWSBRIEF_{k.upper()}": str(v) for k, v in settings.items()}
    url = f"http://{HOST}:{port}"
    args = [
        sys.executable,
        "-m",
        "uvicorn",
        "service.api:create_app",
        "--factory",
        "--host",
        HOST,
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--backlog",
        "4096",
    ]
    with process(args, env, f"{url}/healthz") as proc:
        yield url, proc.pid


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def tree_rss_mb(pid: int) -> float:
    """The service and its worker processes."""
    total = rss_mb(pid)
    for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
        total += tree_rss_mb(int(child))
    return total


def own_cpu_s(pid: int) -> float:
    """CPU seconds one process has used (user + system); steadier than wall time on a
    shared machine."""
    ticks = os.sysconf("SC_CLK_TCK")
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / ticks


def cpu_s(pid: int) -> tuple[float, float]:
    """CPU seconds of the service's own process, and of its worker processes."""
    workers = 0.0
    for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
        workers += sum(cpu_s(int(child)))
    return own_cpu_s(pid), workers


def p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * q))]


def texts(count: int, seed: str) -> list[str]:
    """Distinct articles: the seed, then a closing line that makes each its own brief."""
    return [f"{seed}\n\nEnd of bulletin {i}." for i in range(count)]


async def post_many(url: str, bodies: list[dict[str, Any]]) -> list[tuple[int, float, Any]]:
    limits = httpx2.Limits(max_connections=len(bodies) + 10)
    async with httpx2.AsyncClient(base_url=url, timeout=300, limits=limits) as client:

        async def one(body: dict[str, Any]) -> tuple[int, float, Any]:
            t0 = time.perf_counter()
            response = await client.post("/v1/summaries", json=body)
            return response.status_code, time.perf_counter() - t0, response.json()

        return await asyncio.gather(*(one(b) for b in bodies))


def overhead(upstream: int, seed: str, runs: int) -> None:
    delay = 0.2
    with service(upstream, delay) as (url, _):
        asyncio.run(post_many(url, [{"text": seed + "\n\nWarm-up."}]))
        seen, own = [], []
        for text in texts(runs, seed):
            [(status, took, brief)] = asyncio.run(post_many(url, [{"text": text}]))
            assert status == 200, brief
            seen.append((took - delay) * 1000)
            own.append(brief["meta"]["timings_ms"]["service"])
    print(
        f"1. overhead at concurrency 1, {delay * 1000:.0f} ms upstream, {runs} briefs: "
        f"service's own time {statistics.median(own):.1f} ms median (meta), "
        f"{statistics.median(seen):.1f} ms as the client sees it "
        f"({statistics.median(seen) / (delay * 10):.1f}% of the upstream's time)"
    )


def wide_burst(upstream: int, seed: str, count: int) -> None:
    """Twice: first on a fresh service (each brief opens its own connection to the model
    server), then again on the same service, whose connections are now open."""
    delay = 1.0
    with service(upstream, delay, max_inflight=count, max_queue=count) as (url, pid):
        asyncio.run(post_many(url, [{"text": seed + "\n\nWarm-up."}]))
        for run, when in enumerate(("fresh service", "connections warm")):
            bodies = [{"text": f"{t} Run {run}."} for t in texts(count, seed)]
            t0, c0 = time.perf_counter(), cpu_s(pid)
            results = asyncio.run(post_many(url, bodies))
            wall, c1 = time.perf_counter() - t0, cpu_s(pid)
            own, workers = ((c1[i] - c0[i]) * 1000 / count for i in (0, 1))
            errors = sum(1 for status, _, _ in results if status != 200)
            latencies = [took for _, took, _ in results]
            print(
                f"2. {count} concurrent distinct briefs, {delay:g} s upstream, gate wide open, "
                f"{when}: {wall:.2f} s in all ({wall / delay:.2f}x the ideal), {errors} "
                f"errors, p50 {p(latencies, 0.5):.2f} s, p99 {p(latencies, 0.99):.2f} s; "
                f"CPU per brief {own:.1f} ms in the service's process, {workers:.1f} ms in "
                "its workers"
            )


def default_gate(upstream: int, seed: str, count: int) -> None:
    delay = 1.0
    with service(upstream, delay) as (url, _):
        results = asyncio.run(post_many(url, [{"text": t} for t in texts(count, seed)]))
    split: dict[int, int] = {}
    for status, _, _ in results:
        split[status] = split.get(status, 0) + 1
    retry = sorted(
        {b.get("detail", "") for s, _, b in results if s == 429},
        key=len,
    )[:1]
    print(
        f"3. default gate, {count} concurrent on a {delay:g} s upstream: "
        + ", ".join(f"{n} x {s}" for s, n in sorted(split.items()))
        + (f"; a 429 says: {retry[0]!r}" if retry else "")
    )


def healthz_during_burst(upstream: int, seed: str, count: int, max_chars: int) -> None:
    reps = max_chars // (len(seed) + 2)
    bodies = [
        {
            "text": ("\n\n".join([seed] * reps) + f"\n\nEnd {i}.")[:max_chars],
            "options": {"engine": "extractive"},
        }
        for i in range(count)
    ]
    with service(upstream, 1.0) as (url, pid):
        before = tree_rss_mb(pid)

        async def scenario() -> tuple[list[float], list[int]]:
            latencies: list[float] = []
            burst = asyncio.create_task(post_many(url, bodies))
            async with httpx2.AsyncClient(base_url=url, timeout=30) as client:
                for _ in range(3000):  # at most a minute of probes
                    if burst.done():
                        break
                    t0 = time.perf_counter()
                    await client.get("/healthz")
                    latencies.append((time.perf_counter() - t0) * 1000)
                    await asyncio.sleep(0.02)
            return latencies, [status for status, _, _ in await burst]

        t0 = time.perf_counter()
        latencies, statuses = asyncio.run(scenario())
        wall = time.perf_counter() - t0
        after = tree_rss_mb(pid)
    split: dict[int, int] = {}
    for status in statuses:
        split[status] = split.get(status, 0) + 1
    print(
        f"4. /healthz during {count} concurrent extractive briefs of {max_chars:,} characters "
        f"({wall:.1f} s; " + ", ".join(f"{n} x {s}" for s, n in sorted(split.items())) + "): "
        f"{len(latencies)} probes, p50 {p(latencies, 0.5):.1f} ms, "
        f"p99 {p(latencies, 0.99):.1f} ms, max {max(latencies):.1f} ms"
    )
    print(
        f"5. service RSS (with its workers): {before:.0f} MB before the burst, {after:.0f} MB after"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=30, help="briefs for the overhead figure")
    parser.add_argument("--burst", type=int, default=200, help="concurrent llm briefs")
    parser.add_argument("--extractive", type=int, default=50, help="concurrent extractive briefs")
    parser.add_argument("--max-chars", type=int, default=200_000, help="size of each of those")
    parser.add_argument(
        "--only", type=int, nargs="*", default=[1, 2, 3, 4], help="phases to run (1-4)"
    )
    args = parser.parse_args()
    seed = SEED.read_bytes().decode("utf-8")
    answer = json.dumps(json.loads(ANSWER.read_text(encoding="utf-8")))
    answer_file = ROOT / "build" / "load-answer.json"
    answer_file.parent.mkdir(exist_ok=True)
    answer_file.write_text(answer, encoding="utf-8")
    port = free_port()
    upstream = [sys.executable, "-c", FAKE_UPSTREAM, str(port), str(answer_file)]
    with process(upstream, dict(os.environ), f"http://{HOST}:{port}/"):
        if 1 in args.only:
            overhead(port, seed, args.runs)
        if 2 in args.only:
            wide_burst(port, seed, args.burst)
        if 3 in args.only:
            default_gate(port, seed, args.burst)
        if 4 in args.only:
            healthz_during_burst(port, seed, args.extractive, args.max_chars)


if __name__ == "__main__":
    main()
