"""`assistant sheet`: files and stdin in, md/csv/json out, exit codes, atomic output."""

from __future__ import annotations

import csv
import functools
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant import AssistantError, sheet
from assistant.cli import cli
from assistant.service import Assistant

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
    path = tmp_path / "questions.txt"
    path.write_text(QUESTIONS, encoding="utf-8")
    return path


def test_markdown_sheet_from_a_text_file(run, questions: Path, tmp_path: Path):
    out = tmp_path / "lesson.md"
    result = run(str(questions), "-o", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    for q in ("What is osteoporosis?", "Which cells break down bone?", "2014 FIFA World Cup?"):
        assert q in text
    assert "## Sources" in text
    assert "Wrote" in result.stderr and "3 questions" in result.stderr
    assert "Answering" not in result.stderr  # no progress bar when stderr is not a terminal


@pytest.mark.parametrize("name", ["lesson.md", "lesson.csv"])
def test_the_bundled_link_only_comment_is_quoted_nowhere(run, questions: Path, tmp_path: Path,
                                                        name: str):
    """comment-3 is flagged low-content when the article is parsed (its link is gone)."""
    out = tmp_path / name
    assert run(str(questions), "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "would love to see this treatment" not in text
    assert "Post, paragraph" in text


def test_student_copy_has_the_questions_alone_and_the_key_the_answers(run, tmp_path: Path):
    src = tmp_path / "questions.txt"
    src.write_text("What is osteoporosis?\n\nWhich cells break down bone?\n"
                   "Who won the 2014 FIFA World Cup?\n", encoding="utf-8")
    key, student = tmp_path / "key.md", tmp_path / "student.md"
    result = run(str(src), "-o", str(key), "--student", str(student))
    assert result.exit_code == 0, result.output
    copy = student.read_text(encoding="utf-8")
    assert [ln for ln in copy.splitlines() if ln.startswith("## ")] == [
        "## 1. What is osteoporosis?", "## 2. Which cells break down bone?",
        "## 3. Who won the 2014 FIFA World Cup?"]
    # No answer, quote or source in the students' copy; room to write instead.
    for giveaway in ("osteoclasts", "Post, paragraph", "Not answered", "Closest", "[1]"):
        assert giveaway not in copy
    assert copy.count("." * 40) >= 3 * 4
    answers = key.read_text(encoding="utf-8")
    assert "## 2. Which cells break down bone?" in answers and "osteoclasts" in answers
    assert "students' copy, 3 questions" in result.stderr


def test_student_copy_keeps_the_keys_numbers_around_a_bad_line(run, tmp_path: Path):
    src = tmp_path / "q.jsonl"
    src.write_text('{"question": "What is osteoporosis?"}\n{broken\n'
                   '{"question": "Which cells break down bone?"}\n', encoding="utf-8")
    student = tmp_path / "student.csv"
    result = run(str(src), "-o", str(tmp_path / "key.md"), "--student", str(student))
    assert result.exit_code == 1 and "line 2" in result.stderr
    rows = list(csv.DictReader(io.StringIO(student.read_text(encoding="utf-8-sig"))))
    assert [(r["number"], r["question"], r["your answer"]) for r in rows] == [
        ("1", "What is osteoporosis?", ""), ("3", "Which cells break down bone?", "")]


@pytest.mark.parametrize(("student", "message"), [
    ("key.md", "must not overwrite the answer key"),
    ("student.txt", "cannot tell the sheet format"),
    ("-", "goes to a file"),
    ("missing/student.md", "does not exist"),
])
def test_a_bad_student_copy_path_is_refused_before_answering(run, questions: Path,
                                                             tmp_path: Path, monkeypatch,
                                                             student: str, message: str):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["sheet", str(questions), "-o", "key.md",
                                      "--student", student])
    assert result.exit_code == 2 and message in result.output
    assert not (tmp_path / "key.md").exists()


def test_bad_lines_are_reported_and_the_rest_answered(run, tmp_path: Path):
    src = tmp_path / "q.jsonl"
    src.write_text(
        '{"question": "What is osteoporosis?"}\n'
        '{"question": "broken"\n'
        '{"question": ""}\n'
        '{"question": "Which university?", "history": ["Who led the review?"]}\n',
        encoding="utf-8",
    )
    out = tmp_path / "sheet.csv"
    result = run(str(src), "-o", str(out))
    assert result.exit_code == 1
    assert "line 2: not valid JSON" in result.stderr
    assert "line 3: the question is empty" in result.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert [r["answered"] for r in rows][1:3] == ["error", "error"]
    assert rows[0]["answered"] in ("yes", "no") and rows[3]["answered"] in ("yes", "no")
    # a follow-up shows the question it follows, so the sheet's row can be read on its own
    assert rows[3]["question"] == "Which university? (after: Who led the review?)"


def test_a_follow_up_shows_the_question_it_follows_on_the_key_and_the_students_copy(
        run, tmp_path: Path):
    src = tmp_path / "q.jsonl"
    src.write_text('{"question": "Who led the review?"}\n'
                   '{"question": "when?", "history": ["Who led the review?"]}\n', encoding="utf-8")
    key, student, data = tmp_path / "key.md", tmp_path / "student.md", tmp_path / "key.json"
    assert run(str(src), "-o", str(key), "--student", str(student)).exit_code == 0
    assert "## 2. when?\n\n*After:* Who led the review?" in key.read_text(encoding="utf-8")
    assert "## 2. when? (after: Who led the review?)" in student.read_text(encoding="utf-8")
    assert run(str(src), "-o", str(data)).exit_code == 0
    rows = json.loads(data.read_text(encoding="utf-8"))
    assert "history" not in rows[0] and rows[1]["history"] == ["Who led the review?"]


def test_stdin_to_json_and_format_option(run, tmp_path: Path):
    out = tmp_path / "sheet.txt"
    result = run("-", "-o", str(out), "--format", "json", input=QUESTIONS)
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [a["question"] for a in data] == [
        "What is osteoporosis?",
        "Which cells break down bone?",
        "Who won the 2014 FIFA World Cup?",
    ]
    assert all({"answer", "abstained", "quotes", "closest"} <= set(a) for a in data)


def test_sheet_to_stdout(run, questions: Path):
    result = run(str(questions), "-o", "-", "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout.startswith("\ufeffquestion,answer,answered,citations,quotes")


def test_unknown_extension_is_a_usage_error(run, questions: Path, tmp_path: Path):
    out = tmp_path / "sheet.txt"
    result = run(str(questions), "-o", str(out))
    assert result.exit_code == 2 and "--format" in result.output
    assert not out.exists()


def test_same_questions_same_bytes(run, questions: Path, tmp_path: Path):
    for fmt in sheet.FORMATS:
        first, second = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        assert run(str(questions), "-o", str(first)).exit_code == 0
        assert run(str(questions), "-o", str(second)).exit_code == 0
        assert first.read_bytes() == second.read_bytes()


def test_examples_are_printed_or_answered(run, corpus_dir: Path, tmp_path: Path):
    printed = run("--examples")
    assert printed.exit_code == 0
    starters = sheet.read_questions(corpus_dir / "questions.txt")
    assert printed.stdout.splitlines() == [item.question for item in starters]
    out = tmp_path / "starter.json"
    result = run("--examples", "-o", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert len(data) == len(starters) and not any("error" in a for a in data)


def test_failure_mid_run_leaves_out_untouched(
    run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    folder = tmp_path / "lesson"
    folder.mkdir()
    src = folder / "many.txt"
    src.write_text("".join(f"What is osteoporosis, part {i}?\n" for i in range(100)), "utf-8")
    out = folder / "sheet.md"
    out.write_text("last week's sheet", encoding="utf-8")
    real = Assistant.ask_many
    calls = []

    def fail_second_batch(self, requests):
        calls.append(len(requests))
        if len(calls) == 2:
            raise AssistantError("the model crashed")
        return real(self, requests)

    monkeypatch.setattr(Assistant, "ask_many", fail_second_batch)
    result = run(str(src), "-o", str(out))
    assert result.exit_code == 1 and "the model crashed" in result.output
    assert len(calls) == 2
    assert out.read_text(encoding="utf-8") == "last week's sheet"
    assert sorted(p.name for p in folder.iterdir()) == ["many.txt", "sheet.md"]


def test_failed_write_creates_no_out(run, questions: Path, tmp_path: Path, monkeypatch):
    def no_space(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(sheet.os, "replace", no_space)
    folder = tmp_path / "lesson"
    folder.mkdir()
    out = folder / "sheet.json"
    result = run(str(questions), "-o", str(out))
    assert result.exit_code == 1 and "No space left on device" in result.output
    assert list(folder.iterdir()) == []  # neither the sheet nor a temp file


def test_missing_questions_file(run, tmp_path: Path):
    result = run(str(tmp_path / "nope.txt"), "-o", str(tmp_path / "x.md"))
    assert result.exit_code == 2 and "nope.txt" in result.output


def test_a_file_without_questions_writes_nothing(run, tmp_path: Path):
    src = tmp_path / "empty.txt"
    src.write_text("# to do\n\n", encoding="utf-8")
    out = tmp_path / "sheet.md"
    result = run(str(src), "-o", str(out))
    assert result.exit_code == 1 and "no questions" in result.output
    assert not out.exists()

