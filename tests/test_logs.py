"""Other libraries' start-up chatter stays out of the way unless the level is debug."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import pytest

from assistant.logs import THIRD_PARTY, level_of, quiet_third_party


@pytest.fixture(autouse=True)
def _restore_levels():
    saved = {name: logging.getLogger(name).level for name in (*THIRD_PARTY, "faiss.loader")}
    yield
    for name, level in saved.items():
        logging.getLogger(name).setLevel(level)


@pytest.mark.parametrize("level", ["info", "warning", "INFO"])
def test_third_party_info_lines_are_hidden(level):
    logging.getLogger().setLevel(logging.DEBUG)
    quiet_third_party(level)
    for name in ("faiss.loader", "httpx", "gradio", "uvicorn.error"):
        assert not logging.getLogger(name).isEnabledFor(logging.INFO), name
        assert logging.getLogger(name).isEnabledFor(logging.WARNING), name


def test_debug_shows_them():
    logging.getLogger().setLevel(logging.DEBUG)
    quiet_third_party("warning")
    quiet_third_party("debug")
    assert logging.getLogger("faiss.loader").isEnabledFor(logging.DEBUG)


def test_unknown_level_names_the_choices():
    with pytest.raises(ValueError, match="choose debug, info"):
        level_of("loud")


def _cli_stderr(tmp_path, *args: str) -> str:
    env = {**os.environ, "ASSISTANT_EMBEDDER": "hash", "ASSISTANT_INDEX_DIR": str(tmp_path / "idx")}
    r = subprocess.run([sys.executable, "-m", "assistant.cli", *args, "ask", "What is osteoporosis?"],
                       env=env, capture_output=True, text=True, timeout=120, check=False)
    assert r.returncode == 0, r.stderr
    return r.stderr


def test_cli_verbose_shows_our_lines_not_faiss_loader_chatter(tmp_path):
    err = _cli_stderr(tmp_path, "-v")
    assert "assistant: no index in" in err  # our own INFO lines
    assert "faiss" not in err and "ModuleNotFoundError" not in err


def test_cli_debug_shows_everything(tmp_path):
    assert "Loading faiss" in _cli_stderr(tmp_path, "--log-level", "debug")
