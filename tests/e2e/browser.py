"""Start the app as a real server and drive it with Debian's Chromium (never `playwright install`).

Shared by the e2e fixtures and ``python -m tests.e2e.screenshot``; the server itself is
started by ``benchmarks.server.app_server``, as for the load test.
"""

from __future__ import annotations

import socket
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from benchmarks.server import app_server

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
# No request may leave the machine: every host except the app's resolves to nothing.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
]
START_TIMEOUT = 240.0  # the first start builds the index with the real model


def _ready(url: str) -> bool:
    """True once /api/health says ok (or, without the API, once "/" serves the page)."""
    try:
        health = httpx.get(f"{url}/api/health", timeout=2)
        if health.status_code == 200:
            return True
        return health.status_code == 404 and httpx.get(url + "/", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


@contextmanager
def running_app(index_dir: Path, log_path: Path) -> Iterator[str]:
    """``python app.py`` on a free port with its own index dir and an empty article library
    beside it; yields its base URL."""
    env = {"ASSISTANT_INDEX_DIR": str(index_dir),
           "ASSISTANT_LIBRARY_DIR": str(index_dir.parent / "library")}
    with app_server(log_path, env=env, timeout=START_TIMEOUT, ready=_ready) as app:
        yield app.url


def raw_get(base: str, raw_path: str) -> bytes:
    """One HTTP/1.1 GET with the path byte for byte ("../" too: clients normalise it away)."""
    url = urlsplit(base)
    with socket.create_connection((url.hostname, url.port), timeout=10) as sock:
        sock.sendall(f"GET {raw_path} HTTP/1.1\r\nHost: {url.netloc}\r\n"
                     f"Connection: close\r\n\r\n".encode())
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)
