"""A web site on 127.0.0.1 for the link tests: nothing in the tests leaves the machine."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PAGES = Path(__file__).parent / "fixtures" / "pages"


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes]] = {}

    def log_message(self, *_args: object) -> None:  # keep test output clean
        pass

    def do_GET(self) -> None:  # noqa: N802 - the http.server API
        path = self.path.split("?")[0]
        if path == "/slow":
            time.sleep(3)
        if path.startswith("/loop/"):
            n = int(path.rsplit("/", 1)[1])
            self.send_response(302)
            self.send_header("Location", f"/loop/{n + 1}")
            self.end_headers()
            return
        if path == "/redirect":
            self.send_response(301)
            self.send_header("Location", "/wordpress.html")
            self.end_headers()
            return
        if path == "/endless":  # no Content-Length, never ends on its own: 1 MB a write
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(20):
                    self.wfile.write(b"<p>" + b"x" * (1024 * 1024) + b"</p>")
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        status, ctype, body = self.routes.get(path, (404, "text/html", b"<h1>Not found</h1>"))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hung up on purpose (the size limit) is not an error here


@contextmanager
def local_site() -> Iterator[str]:
    """Serve the fixture pages and some bad answers; yields the base URL."""
    wordpress = (PAGES / "wordpress-threaded-comments" / "page.html").read_bytes()
    _Handler.routes = {
        "/wordpress.html": (200, "text/html; charset=utf-8", wordpress),
        "/notes.txt": (200, "text/plain; charset=utf-8",
                       b"Tide tables for beginners\n\nBy Ann Lee\n\nHigh tide comes about "
                       b"every twelve hours and twenty-five minutes on most coasts."),
        "/image.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100),
        "/error": (500, "text/html", b"oops"),
        "/huge": (200, "text/html", b"<p>" + b"x" * (6 * 1024 * 1024) + b"</p>"),
    }
    server = _Server(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
