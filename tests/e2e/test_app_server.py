"""``python app.py`` as a real server process: starts, answers over HTTP, refuses path
traversal, stops; and a broken start-up is one clear line and exit 1, no traceback."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from .browser import ROOT, raw_get, running_app

pytestmark = pytest.mark.e2e

TRAVERSALS = [
    "/gradio_api/file=/etc/passwd",
    "/gradio_api/file=%2Fetc%2Fpasswd",
    "/gradio_api/file=../../../../etc/passwd",
    "/gradio_api/file=%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/gradio_api/file=..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/gradio_api/file/etc/passwd",
    "/gradio_api/file=" + str(ROOT / "app.py"),
    "/file=../../etc/passwd",
    "/file=/etc/passwd",
    "/static/../../../../etc/passwd",
    "/assets/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/api/sources/..%2f..%2f..%2fetc%2fpasswd",
]


@pytest.fixture(scope="module")
def server_log(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("app-server") / "app.log"


@pytest.fixture(scope="module")
def server(server_log: Path, monkeypatch_module):
    """The app on the fake embedder (fast start), its own index dir, on a free port."""
    monkeypatch_module.setenv("ASSISTANT_EMBEDDER", "hash")
    with running_app(server_log.parent / "index", server_log) as url:
        yield url


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def test_server_answers_over_http(server):
    health = httpx.get(f"{server}/api/health", timeout=10).json()
    assert health["status"] == "ok" and health["chunks"] > 0
    r = httpx.post(f"{server}/api/answer", json={"question": "Which cells break down bone?"},
                   timeout=30)
    assert r.status_code == 200
    body = r.json()
    assert not body["abstained"] and "osteoclasts" in body["answer"]
    assert httpx.get(f"{server}/", timeout=10).status_code == 200  # the chat page
    assert httpx.get(f"{server}/openapi.json", timeout=10).json()["paths"]["/api/answer"]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_no_route_serves_files_outside_the_app(server, path):
    # Over a raw socket: httpx would resolve a literal "../" before sending it.
    response = raw_get(server, path)
    status = int(response.split(b" ", 2)[1])
    assert 400 <= status < 500, response[:300]
    assert b"root:" not in response and b"build_app" not in response


def test_start_up_log_shows_only_our_lines_unless_debug(server, server_log: Path):
    """faiss's loader ("Could not load library ... ModuleNotFoundError"), uvicorn's and
    gradio's INFO chatter look like errors to a newcomer: only warnings from them."""
    httpx.get(f"{server}/api/health", timeout=10)
    lines = server_log.read_text(errors="replace").splitlines()
    ours = re.compile(r"^\S+ \S+ (INFO|DEBUG) (app|assistant)[.:]")
    theirs = [ln for ln in lines if re.match(r"^\S+ \S+ (INFO|DEBUG) ", ln) and not ours.match(ln)]
    assert theirs == []
    assert not any("ModuleNotFoundError" in ln for ln in lines)
    assert any("serving on http://127.0.0.1:" in ln for ln in lines)


def test_no_cors_headers_by_default(server):
    r = httpx.options(f"{server}/api/answer", timeout=10, headers={
        "origin": "https://elsewhere.example", "access-control-request-method": "POST"})
    assert "access-control-allow-origin" not in r.headers


def test_broken_corpus_is_one_clear_line_and_exit_1(tmp_path):
    env = {**os.environ, "ASSISTANT_CORPUS_DIR": str(tmp_path / "missing"),
           "ASSISTANT_INDEX_DIR": str(tmp_path / "index"), "ASSISTANT_EMBEDDER": "hash"}
    proc = subprocess.run([sys.executable, "app.py", "--port", "1"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    errors = [ln for ln in proc.stderr.splitlines() if ln.startswith("error: ")]
    assert len(errors) == 1 and "missing" in errors[0], proc.stderr
