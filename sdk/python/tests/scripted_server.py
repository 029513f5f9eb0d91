"""A tiny HTTP server on a free loopback port that answers from a script and records every request it got."""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable, Dict, List, Optional, Union


@dataclass
class Recorded:
    method: str
    path: str
    headers: Dict[str, str]
    body: bytes


@dataclass
class Answer:
    status: int
    body: Any = None                     # dict/list -> JSON, str -> text, None -> empty
    headers: Dict[str, str] = field(default_factory=dict)
    hang_up: bool = False                # close the connection without answering
    wait: Optional[threading.Event] = None  # block until set (the client times out first)


Script = Union[List[Answer], Callable[[Recorded], Answer]]


class ScriptedServer:
    def __init__(self, script: Script):
        self.requests: List[Recorded] = []
        self.release = threading.Event()
        owner = self
        answers = list(script) if isinstance(script, list) else None

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                recorded = Recorded(self.command, self.path, dict(self.headers.items()), self.rfile.read(length))
                owner.requests.append(recorded)
                if answers is not None:
                    answer = answers.pop(0) if answers else Answer(500, {"errors": ["script exhausted"]})
                else:
                    answer = script(recorded)  # type: ignore[operator]
                if answer.hang_up:
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                if answer.wait is not None:
                    answer.wait.wait(10)
                payload = b""
                content_type = "application/json"
                if isinstance(answer.body, (dict, list)):
                    payload = json.dumps(answer.body).encode()
                elif isinstance(answer.body, str):
                    payload, content_type = answer.body.encode(), "text/plain"
                try:
                    self.send_response(answer.status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(payload)))
                    for name, value in answer.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, args=(0.05,), daemon=True)

    def __enter__(self) -> "ScriptedServer":
        self.thread.start()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
