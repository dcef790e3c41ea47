"""A fabricated OpenAI-compatible model server on 127.0.0.1, for code that makes its own client
(the CLI, the library API, an installed wheel in another process): every chat completion is
answered with the fabricated strong answer for the seed article (tests/fixtures/).

Not a recording: tests/fake_model.py builds the same bodies behind httpx2.MockTransport for
code that takes a client; this one listens on a real socket, in a thread of the test."""

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from tests.fake_model import chat_completion

STRONG_ANSWER = Path(__file__).parent / "fixtures" / "fabricated_strong_answer_seed.json"
PROMPT_TOKENS, COMPLETION_TOKENS = 1000, 300


@dataclass
class LoopbackModel:
    base_url: str
    requests: list[dict[str, object]] = field(default_factory=list)


@contextmanager
def strong_model_on_loopback() -> Iterator[LoopbackModel]:
    """Serve the strong answer at http://127.0.0.1:<free port>/v1 until the block ends."""
    answer = STRONG_ANSWER.read_text(encoding="utf-8")
    body = json.dumps(
        chat_completion(answer, prompt_tokens=PROMPT_TOKENS, completion_tokens=COMPLETION_TOKENS)
    ).encode()
    seen: list[dict[str, object]] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", "0"))
            seen.append(json.loads(self.rfile.read(length)))
            if self.path != "/v1/chat/completions":
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # quiet in the test output
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LoopbackModel(f"http://127.0.0.1:{server.server_address[1]}/v1", seen)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
