"""Command line: what ``assistant ask``, ``sheet`` and ``eval`` are given, on the fake embedder.

A lone surrogate in a question (finding 8) is an error on its line and the rest is answered;
a read error on the questions, the gold file or standard input (finding 10) is one clear
line, never a traceback.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

AREA = "Command line"
LINUX_PROC = pytest.mark.skipif(not os.path.exists("/proc/self/mem"),
                                reason="needs Linux's /proc")
EIO = "/proc/self/mem"  # reading it at offset 0 fails with EIO


@pytest.fixture
def run(cli_run):
    return cli_run


def _env(settings, **more: str) -> dict[str, str]:
    return {**os.environ, "ASSISTANT_EMBEDDER": "hash", "ASSISTANT_INDEX_DIR": str(settings.index_dir),
            "ASSISTANT_CORPUS_DIR": str(settings.corpus_dir), **more}


# -- a lone surrogate (finding 8) ------------------------------------------------------------

def test_jsonl_a_lone_surrogate_is_an_error_on_its_line_and_the_rest_is_answered(run):
    data = b'{"question": "\\ud800"}\n{"question": "What is osteoporosis?"}\n'
    r = run("ask", "--jsonl", input=data)
    assert r.exit_code == 1
    first, second = (json.loads(line) for line in r.stdout_bytes.decode("utf-8").splitlines())
    assert first == {"question": "\ud800", "error": "line 1: the question contains a control "
                                                     "character ('\\ud800' at position 0)"}
    assert second["question"] == "What is osteoporosis?" and "answer" in second


@pytest.mark.parametrize("fmt", ["md", "csv", "json"])
def test_sheet_a_lone_surrogate_is_marked_on_its_line_and_the_rest_answered(run, tmp_path: Path,
                                                                            fmt):
    src = tmp_path / "questions.jsonl"
    src.write_bytes(b'{"question": "\\ud800"}\n{"question": "Which cells break down bone?"}\n')
    out = tmp_path / f"sheet.{fmt}"
    result = run("sheet", str(src), "-o", str(out))
    assert result.exit_code == 1
    assert "line 1: the question contains a control character" in result.output
    text = out.read_text(encoding="utf-8")
    assert "\ufffd" in text and "osteoclasts" in text
    if fmt == "json":
        first, second = json.loads(text)
        assert first["line"] == 1 and "control character" in first["error"]
        assert "answer" in second


# -- read errors (finding 10) ----------------------------------------------------------------

@LINUX_PROC
def test_jsonl_a_read_error_on_stdin_is_a_clear_error(settings):
    with open(EIO, "rb") as eio:
        r = subprocess.run([sys.executable, "-m", "assistant.cli", "ask", "--jsonl"], stdin=eio,
                           env=_env(settings), capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert r.stderr.strip().endswith("Error: cannot read standard input (Input/output error)")


@LINUX_PROC
def test_eval_a_read_error_on_the_gold_file_is_a_clear_error(run):
    r = run("eval", EIO)
    assert r.exit_code == 1
    assert r.output == "Error: cannot read /proc/self/mem (Input/output error)\n"


@LINUX_PROC
def test_sheet_a_read_error_on_the_questions_is_a_clear_error(run, tmp_path: Path):
    out = tmp_path / "sheet.md"
    result = run("sheet", EIO, "-o", str(out))
    assert result.exit_code == 1
    assert result.output == ("Error: cannot read /proc/self/mem (Input/output error); "
                             "no sheet written\n")
    assert not out.exists()


@LINUX_PROC
def test_sheet_a_read_error_on_stdin_is_a_clear_error(settings, tmp_path: Path):
    with open(EIO, "rb") as eio:
        r = subprocess.run([sys.executable, "-m", "assistant.cli", "sheet", "-", "-o",
                            str(tmp_path / "s.md")], stdin=eio, env=_env(settings),
                           capture_output=True, text=True, timeout=120)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert r.stderr == "Error: cannot read standard input (Input/output error); no sheet written\n"
