"""Start-up and shutdown of a real ``python app.py`` (fake embedder): SIGTERM ends it in
bounded time whatever chat tabs hold open, leaves no sheets behind, and Ctrl-C at any point
of start-up is a quiet exit."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from assistant.downloads import PREFIX
from assistant.http_server import GRACEFUL_SHUTDOWN

from .servers import fake_model_server, join_body

AREA = "Start-up and shutdown"
pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
BOUND = GRACEFUL_SHUTDOWN + 5.0  # seconds SIGTERM may take, whatever is open


def _hold(url: str, opened: threading.Event) -> threading.Thread:
    """A GET stream held open in a thread, as a chat tab holds it."""

    def read() -> None:
        try:
            with httpx.stream("GET", url, timeout=httpx.Timeout(5, read=120)) as r:
                opened.set()
                for _ in r.iter_raw():
                    pass
        except httpx.HTTPError:
            pass

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


def _stop_and_time(process: subprocess.Popen[bytes], sig: int = signal.SIGTERM) -> float:
    started = time.monotonic()
    process.send_signal(sig)
    try:
        process.wait(timeout=60)
    except subprocess.TimeoutExpired:
        return float("inf")
    return time.monotonic() - started


STREAMS = {
    "heartbeat": ["/gradio_api/heartbeat/tab1"],
    "dev reload": ["/gradio_api/dev/reload"],
    "three tabs' streams": [f"/gradio_api/heartbeat/tab{i}" for i in range(3)]
    + ["/gradio_api/dev/reload"],
}


@pytest.mark.parametrize("paths", [pytest.param(p, id=k) for k, p in STREAMS.items()])
def test_sigterm_ends_the_server_in_bounded_time_with_streams_open(tmp_path, paths):
    with fake_model_server(tmp_path) as app:
        opened = [threading.Event() for _ in paths]
        readers = [_hold(app.url + p, o) for p, o in zip(paths, opened, strict=True)]
        assert all(o.wait(20) for o in opened)
        took = _stop_and_time(app.process)
        assert took < BOUND, f"SIGTERM took {took:.1f} s with {paths} open"
        assert app.process.returncode in (0, -signal.SIGTERM)
        for reader in readers:
            reader.join(5)
            assert not reader.is_alive(), "a stream outlived the server"
    log = (tmp_path / "app.log").read_text(errors="replace")
    assert "Traceback" not in log, log[-3000:]


def test_sigterm_with_a_request_head_half_sent_and_a_keep_alive_idle(tmp_path):
    import socket

    with fake_model_server(tmp_path) as app:
        host, port = app.url.rsplit("//", 1)[1].split(":")
        half = socket.create_connection((host, int(port)))
        half.sendall(b"GET /api/health HTTP/1.1\r\nHost: t\r\n")
        idle = socket.create_connection((host, int(port)))
        idle.sendall(b"GET /api/health HTTP/1.1\r\nHost: t\r\n\r\n")
        idle.recv(4096)
        try:
            assert _stop_and_time(app.process) < BOUND
        finally:
            half.close()
            idle.close()


def _ask_in_the_chat(url: str, question: str) -> None:
    """Ask as the page does: join the queue with the respond handler, read the stream."""
    config = httpx.get(url + "/config", timeout=10).json()
    body = join_body(config, "respond", question, session_hash="sheets")
    assert httpx.post(url + "/gradio_api/queue/join", json=body, timeout=10).status_code == 200
    with httpx.stream("GET", url + "/gradio_api/queue/data?session_hash=sheets",
                      timeout=30) as r:
        for line in r.iter_lines():
            if line.startswith("data:") and json.loads(line[5:])["msg"] == "process_completed":
                return
    raise AssertionError("the chat never answered")


def test_the_sheets_folder_is_swept_at_start_and_removed_on_sigterm(tmp_path):
    temp = tmp_path / "tmp"
    temp.mkdir()
    gone = temp / f"{PREFIX}999999999-left"  # a pid no process has
    (gone / "abc").mkdir(parents=True)
    with fake_model_server(tmp_path, env={"TMPDIR": str(temp)}) as app:
        assert not gone.exists(), "a gone server's sheets were not swept at start"
        _ask_in_the_chat(app.url, "Which cells break down bone?")
        ours = list(temp.glob(f"{PREFIX}{app.pid}-*"))
        assert ours and any(p.name == "qa-sheet.md" for p in ours[0].rglob("*"))
        assert _stop_and_time(app.process) < BOUND
    assert not list(temp.glob(f"{PREFIX}*")), "the sheets stayed after SIGTERM"


def _start(tmp_path: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "ASSISTANT_EMBEDDER": "hash", "HF_HUB_OFFLINE": "1",
           "ASSISTANT_INDEX_DIR": str(tmp_path / "index"),
           "ASSISTANT_LIBRARY_DIR": str(tmp_path / "library"), "GRADIO_ANALYTICS_ENABLED": "False"}
    # Ctrl-C as from a terminal: a shell may start the test runner with SIGINT ignored,
    # which the server would inherit.
    return subprocess.Popen(
        [sys.executable, "app.py", "--port", "0"], cwd=ROOT, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


@pytest.mark.parametrize("after", [
    pytest.param(0.3, id="Ctrl-C while importing"),
    pytest.param(2.0, id="Ctrl-C while loading"),
    pytest.param(4.0, id="Ctrl-C while building the app"),
])
def test_ctrl_c_during_start_up_exits_quietly(tmp_path, after):
    process = _start(tmp_path)
    time.sleep(after)
    process.send_signal(signal.SIGINT)
    out, _ = process.communicate(timeout=60)
    assert "Traceback" not in out and "KeyboardInterrupt" not in out, out[-3000:]
    assert process.returncode in (0, 130), out[-3000:]


def test_ctrl_c_while_serving_with_a_stream_open_exits_quietly(tmp_path):
    with fake_model_server(tmp_path) as app:
        opened = threading.Event()
        _hold(app.url + "/gradio_api/heartbeat/tab1", opened)
        assert opened.wait(20)
        assert _stop_and_time(app.process, signal.SIGINT) < BOUND
        assert app.process.returncode == 0
    assert "Traceback" not in (tmp_path / "app.log").read_text(errors="replace")
