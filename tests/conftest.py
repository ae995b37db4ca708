"""Shared fixtures: every path points at a tmp dir; fast tests use the fake embedder."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT, Settings
from assistant.embedding import HashEmbedder

CORPUS = PROJECT_ROOT / "corpus"


@pytest.fixture(autouse=True)
def _isolated_paths(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """No test writes into the repo's index/ or the user's article library: both
    ASSISTANT_INDEX_DIR and ASSISTANT_LIBRARY_DIR are fresh tmp dirs."""
    index_dir = tmp_path_factory.mktemp("index")
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(index_dir))
    monkeypatch.setenv("ASSISTANT_LIBRARY_DIR", str(tmp_path_factory.mktemp("library")))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("GRADIO_ANALYTICS_ENABLED", "False")
    yield


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """A private copy of the corpus a test may edit."""
    dst = tmp_path / "corpus"
    shutil.copytree(CORPUS, dst)
    return dst


@pytest.fixture
def settings(tmp_path: Path, corpus_dir: Path) -> Settings:
    return Settings.from_env(index_dir=tmp_path / "idx", corpus_dir=corpus_dir)


@pytest.fixture
def cli_run(monkeypatch: pytest.MonkeyPatch, settings: Settings):
    """The ``assistant`` command in process, on the fake embedder, the test's copy of the
    corpus and its index folder: ``cli_run("ask", "What is osteoporosis?", input=None)``."""
    from click.testing import CliRunner, Result

    from assistant.cli import cli

    monkeypatch.setenv("ASSISTANT_EMBEDDER", "hash")
    monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(settings.corpus_dir))
    monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(settings.index_dir))

    def invoke(*args: str, input: str | bytes | None = None) -> Result:
        return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def fake_embedder() -> HashEmbedder:
    return HashEmbedder()


@pytest.fixture
def assistant(settings: Settings, fake_embedder: HashEmbedder):
    """An Assistant on the fake embedder (fast, deterministic)."""
    from assistant import Assistant

    return Assistant.load(settings, embedder=fake_embedder)


@pytest.fixture(scope="session")
def real_assistant(tmp_path_factory: pytest.TempPathFactory):
    """The Assistant with the bundled MiniLM, loaded once per session (integration tests)."""
    from assistant import Assistant

    idx = tmp_path_factory.mktemp("real-index")
    return Assistant.load(Settings.from_env(index_dir=idx))
