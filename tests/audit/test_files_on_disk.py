"""Files on disk: what ``assistant sheet`` writes, on the fake embedder.

The output is never the input (finding 12: the same name, a relative path, a link, a hard
link, standard input redirected from it, the students' copy, the starter questions), and a
special file is written through, never replaced by a regular file (finding 13: a link to a
device or to standard output, a FIFO); a folder is a clear error.
"""

from __future__ import annotations

import functools
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

AREA = "Files on disk"
QUESTIONS = """# lesson 3
What is osteoporosis?

Which cells break down bone?
Who won the 2014 FIFA World Cup?
"""


@pytest.fixture
def run(cli_run):
    """``assistant sheet ...`` on the fake embedder and a private copy of the corpus."""
    return functools.partial(cli_run, "sheet")


@pytest.fixture
def questions(tmp_path: Path) -> Path:
    """A teacher's questions in Markdown: a name a sheet could be written as."""
    path = tmp_path / "questions.md"
    path.write_text(QUESTIONS, encoding="utf-8")
    return path


def _env(corpus_dir: Path) -> dict[str, str]:
    return {**os.environ, "ASSISTANT_EMBEDDER": "hash", "ASSISTANT_CORPUS_DIR": str(corpus_dir)}


# -- the output is never the input (finding 12) ----------------------------------------------

SAME_FILE = {
    "same-name": lambda q, tmp: (str(q), []),
    "same-name-with-format": lambda q, tmp: (str(q), ["--format", "md"]),
    "relative-path": lambda q, tmp: (os.path.relpath(q), ["--format", "csv"]),
    "through-a-link": lambda q, tmp: (_link(tmp / "link.md", q), []),
    "hard-link": lambda q, tmp: (_hard_link(tmp / "hard.json", q), []),
}


def _link(link: Path, target: Path) -> str:
    link.symlink_to(target)
    return str(link)


def _hard_link(link: Path, target: Path) -> str:
    os.link(target, link)
    return str(link)


@pytest.mark.parametrize("make_out", SAME_FILE.values(), ids=SAME_FILE.keys())
def test_the_sheet_never_replaces_its_questions(run, questions: Path, tmp_path: Path, make_out):
    out, extra = make_out(questions, tmp_path)
    result = run(str(questions), "-o", out, *extra)
    assert result.exit_code == 2
    assert "is the questions file itself" in result.output
    assert questions.read_text(encoding="utf-8") == QUESTIONS


def test_the_sheet_never_replaces_questions_read_from_stdin(questions: Path, corpus_dir: Path):
    with open(questions, "rb") as stdin:
        r = subprocess.run([sys.executable, "-m", "assistant.cli", "sheet", "-", "-o",
                            str(questions), "--format", "md"], stdin=stdin, env=_env(corpus_dir),
                           capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "is the questions file itself" in r.stderr
    assert questions.read_text(encoding="utf-8") == QUESTIONS


def test_the_students_copy_never_replaces_the_questions(run, questions: Path,
                                                         tmp_path: Path):
    key = tmp_path / "key.md"
    result = run(str(questions), "-o", str(key), "--student", str(questions))
    assert result.exit_code == 2
    assert "is the questions file itself" in result.output and "--student" in result.output
    assert questions.read_text(encoding="utf-8") == QUESTIONS and not key.exists()


def test_the_starter_sheet_never_replaces_the_starter_questions(run, corpus_dir: Path):
    starters = corpus_dir / "questions.txt"
    before = starters.read_bytes()
    result = run("--examples", "-o", str(starters), "--format", "md")
    assert result.exit_code == 2 and "is the questions file itself" in result.output
    assert starters.read_bytes() == before


# -- special files are written through, never replaced (finding 13) -------------------------

def test_a_link_to_a_file_is_kept_and_its_file_written(run, questions: Path, tmp_path: Path):
    target = tmp_path / "sheets" / "lesson.md"
    target.parent.mkdir()
    target.write_text("last week", encoding="utf-8")
    link = tmp_path / "current.md"
    link.symlink_to(target)
    assert run(str(questions), "-o", str(link)).exit_code == 0
    assert link.is_symlink() and target.read_text(encoding="utf-8").startswith("# Questions")


def test_a_link_to_a_device_is_written_through_never_replaced(run, questions: Path,
                                                               tmp_path: Path):
    link = tmp_path / "discard.md"
    link.symlink_to(os.devnull)
    result = run(str(questions), "-o", str(link))
    assert result.exit_code == 0 and "Wrote" in result.output
    assert link.is_symlink() and stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_a_fifo_is_written_through_never_replaced(run, questions: Path, tmp_path: Path):
    fifo = tmp_path / "sheet.md"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run(str(questions), "-o", str(fifo))
    reader.join(timeout=60)
    assert result.exit_code == 0
    assert received and received[0].decode("utf-8").startswith("# Questions and answers")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_symlink_to_stdout_is_written_through(questions: Path, corpus_dir: Path,
                                                tmp_path: Path):
    link = tmp_path / "out.md"
    link.symlink_to("/dev/stdout")
    r = subprocess.run([sys.executable, "-m", "assistant.cli", "sheet", str(questions), "-o",
                        str(link)], env=_env(corpus_dir), capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("# Questions and answers") and link.is_symlink()


def test_a_folder_as_out_is_a_clear_error(run, questions: Path, tmp_path: Path):
    result = run(str(questions), "-o", str(tmp_path), "--format", "md")
    assert result.exit_code == 1 and "it is a folder" in result.output
