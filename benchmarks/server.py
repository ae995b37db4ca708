"""``python app.py`` as a real server on a free loopback port, started and stopped for you.

Shared by the load test (``benchmarks.load_api``) and the browser tests (``tests.e2e.browser``)::

    with app_server(log_path, timeout=240) as app:
        httpx.get(app.url + "/api/health")   # app.pid is the server's process id, app.process its Popen
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
OFFLINE_ENV = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False"}
LOG_TAIL_CHARS = 3000  # how much of the server's log a failed start shows
STOP_TIMEOUT = 15.0  # seconds between terminate and kill


@dataclass(frozen=True)
class RunningApp:
    url: str  # e.g. http://127.0.0.1:41234 (no trailing slash)
    pid: int
    process: subprocess.Popen[bytes] | None = None  # to signal it or wait for its exit


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def health_ok(url: str) -> bool:
    """True once ``/api/health`` answers 200."""
    try:
        return httpx.get(f"{url}/api/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


@contextmanager
def app_server(log_path: Path, *, args: Sequence[str] = (), env: Mapping[str, str] | None = None,
               timeout: float = 300.0, ready: Callable[[str], bool] = health_ok,
               poll: float = 0.3, error: Callable[[str], BaseException] = RuntimeError,
               ) -> Iterator[RunningApp]:
    """Run ``python app.py --host 127.0.0.1 --port <free> *args`` from the repo root.

    Its output goes to ``log_path``; the environment is this process's, offline
    (``OFFLINE_ENV``), plus ``env``. Waits until ``ready(url)``; if the app exits first or
    ``timeout`` seconds pass, raises ``error(message)`` with the exit code and the log's tail.
    On leaving, terminates the server (killing it after ``STOP_TIMEOUT`` seconds).
    """
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    full_env = {**os.environ, **OFFLINE_ENV, **(env or {})}
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "app.py", "--host", "127.0.0.1", "--port", str(port), *args],
            cwd=ROOT, env=full_env, stdout=log, stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.monotonic() + timeout
            while not ready(url):
                if proc.poll() is not None or time.monotonic() > deadline:
                    tail = log_path.read_text(errors="replace")[-LOG_TAIL_CHARS:]
                    raise error(f"app.py did not start (exit {proc.poll()}):\n{tail}")
                time.sleep(poll)
            yield RunningApp(url, proc.pid, proc)
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
