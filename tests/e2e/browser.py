"""Start the app as a real server and drive it with Debian's Chromium (never `playwright install`).

Shared by the e2e fixtures and ``python -m tests.e2e.screenshot``.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


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
    """``python app.py`` on a free port with its own index dir; yields its base URL."""
    port = free_port()
    env = {
        **os.environ,
        "ASSISTANT_INDEX_DIR": str(index_dir),
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "GRADIO_ANALYTICS_ENABLED": "False",
    }
    url = f"http://127.0.0.1:{port}"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "app.py", "--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + START_TIMEOUT
            while not _ready(url):
                if proc.poll() is not None or time.monotonic() > deadline:
                    tail = log_path.read_text(errors="replace")[-3000:]
                    raise RuntimeError(f"app.py did not start (exit {proc.poll()}):\n{tail}")
                time.sleep(0.3)
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
