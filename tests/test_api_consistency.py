"""The same question gives the same Answer over HTTP, Python and the CLI (`assistant ask
--json`), on the fake embedder (ASSISTANT_EMBEDDER=hash) so it runs in seconds."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from fastapi.testclient import TestClient

from assistant import Assistant, Settings
from assistant.api import create_app
from assistant.config import PROJECT_ROOT

CASES = [
    ("Which cells break down bone?", []),
    ("Who commented on 17 Nov 2014?", []),
    ("What about men?", ["Does oxytocin help women with osteoporosis?"]),
    ("What is the capital of France?", []),
]


@pytest.fixture
def hash_env(monkeypatch, settings):
    """Settings for the in-process Assistant and the CLI subprocess alike."""
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "hash")
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(settings.corpus_dir))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(settings.index_dir))
    return dict(os.environ)


@pytest.mark.parametrize(("question", "history"), CASES, ids=[q for q, _ in CASES])
def test_http_python_and_cli_give_the_same_answer(hash_env, question, history):
    assistant = Assistant.load(Settings.from_env())
    python = assistant.ask(question, history).to_dict()
    with TestClient(create_app(assistant)) as client:
        http = client.post("/api/answer", json={"question": question, "history": history})
    args = [sys.executable, "-m", "assistant.cli", "ask", question, "--json"]
    for earlier in history:
        args += ["--history", earlier]
    cli = subprocess.run(args, cwd=PROJECT_ROOT, env=hash_env, capture_output=True, text=True,
                         timeout=120)
    assert cli.returncode == 0, cli.stderr
    assert http.status_code == 200
    assert http.json() == python
    assert json.loads(cli.stdout) == python


@pytest.mark.integration
def test_real_model_http_python_and_cli_agree(real_assistant):
    question = "Which cells break down bone?"
    python = real_assistant.ask(question).to_dict()
    with TestClient(create_app(real_assistant)) as client:
        http = client.post("/api/answer", json={"question": question}).json()
    env = {**os.environ, "ASSISTANT_INDEX_DIR": str(real_assistant.settings.index_dir)}
    env.pop("ASSISTANT_EMBEDDER", None)
    cli = subprocess.run([sys.executable, "-m", "assistant.cli", "ask", question, "--json"],
                         cwd=PROJECT_ROOT, env=env, capture_output=True, text=True,
                         timeout=300)
    assert cli.returncode == 0, cli.stderr
    assert http == python == json.loads(cli.stdout)
