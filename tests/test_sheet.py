"""Q&A sheets: reading question lists, answering them, rendering md/csv/json, atomic writes."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from assistant import sheet
from assistant.config import PROJECT_ROOT
from assistant.sheet import SheetError, SheetItem
from assistant.types import Answer, Quote, Source

POST = Source("post-3", "post", "Post, paragraph 3", 'Oxytocin binds, "strongly",\nto osteoblasts.')
COMMENT = Source(
    "comment-2",
    "comment",
    "Reader comment by Simran Ghooi, 17 Nov 2014",
    "Estrogen may be involved.",
    "Simran Ghooi",
    "17 Nov 2014",
)
TITLE = Source("title", "title", "Title", "New treatment for osteoporosis?")
REFERENCE = Source("reference", "reference", "Reference", "Colaianni G, Sun L. Oxytocin and Bone.")
OTHER_COMMENT = Source("comment-1", "comment", "Reader comment 1 (unsigned)",
                       "Bones are like trees, I reckon.")
LINK_ONLY = Source("comment-3", "comment", "Reader comment by Al, 1 Jan 2015",
                   "http://broken.example/x", "Al", "1 Jan 2015", low_content=True)
SOURCES = (TITLE, POST, REFERENCE, OTHER_COMMENT, COMMENT, LINK_ONLY)


def _quote(n: int, source: Source, start: int = 0, end: int | None = None) -> Quote:
    end = len(source.text) if end is None else end
    return Quote(n, source.text[start:end], start, end, 0.5, source)


ANSWERED = Answer(
    "Which cells, exactly, does oxytocin bind?",
    'Oxytocin binds, "strongly", to osteoblasts [1]; estrogen may be involved [2].',
    False,
    (_quote(1, POST), _quote(2, COMMENT)),
)
ABSTAINED = Answer(
    "How many mice were studied?",
    "The article does not say. The closest passages are listed below for you to judge.",
    True,
    (),
    (_quote(1, OTHER_COMMENT), _quote(2, REFERENCE), _quote(3, LINK_ONLY)),
    reason="the closest passage is not close enough to the question",
)
FORMULA = Answer("=HYPERLINK(\"http://x\")", "-1 is not an answer [1].", False, (_quote(1, POST),))
BAD = SheetError("", "the question is empty", 4)
ROWS = [ANSWERED, ABSTAINED, FORMULA, BAD]


def _csv_rows(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


# --- reading ---------------------------------------------------------------------------


def test_text_questions_skip_comments_and_blanks_and_keep_line_numbers():
    items = sheet.read_questions("# heading\nWhat is osteoporosis?\n\n  Who wrote it?  \r\n")
    assert items == [
        SheetItem("What is osteoporosis?", (), 2),
        SheetItem("Who wrote it?", (), 4),
    ]


def test_bad_lines_are_reported_with_their_line_number():
    long = "why " * 300
    text = "\n".join(
        [
            '{"question": "What is osteoporosis?"}',
            '{"question": "Which university?", "history": ["Who led the review?"]}',
            '{"question": "   "}',
            '{"question": "broken"',
            '{"question": "' + long + '"}',
            '{"history": []}',
        ]
    )
    items = sheet.read_questions(text)
    assert items[0] == SheetItem("What is osteoporosis?", (), 1)
    assert items[1] == SheetItem("Which university?", ("Who led the review?",), 2)
    errors = items[2:]
    assert all(isinstance(e, SheetError) for e in errors)
    assert [e.line for e in errors] == [3, 4, 5, 6]
    assert "empty" in errors[0].error
    assert "JSON" in errors[1].error
    assert "1000" in errors[2].error and len(errors[2].question) < 300
    assert "question" in errors[3].error


def test_jsonl_detected_from_extension_even_with_a_broken_first_line(tmp_path: Path):
    path = tmp_path / "q.jsonl"
    path.write_text('not json\n{"question": "What is osteoporosis?"}\n', encoding="utf-8")
    items = sheet.read_questions(path)
    assert isinstance(items[0], SheetError) and items[0].line == 1
    assert items[1] == SheetItem("What is osteoporosis?", (), 2)


def test_a_one_line_string_naming_a_file_reads_the_file(tmp_path: Path):
    path = tmp_path / "upload.jsonl"
    path.write_text('{"question": "Who wrote it?"}\n', encoding="utf-8")
    assert sheet.read_questions(str(path)) == [SheetItem("Who wrote it?", (), 1)]
    assert sheet.read_questions(str(tmp_path / "missing.txt"))[0].question.endswith("missing.txt")


def test_file_with_bom_crlf_and_a_non_utf8_line(tmp_path: Path):
    path = tmp_path / "q.txt"
    path.write_bytes(b"\xef\xbb\xbfWhat is osteoporosis?\r\n\xff\xfe bad\r\nWho wrote it?\r\n")
    items = sheet.read_questions(path)
    assert items[0] == SheetItem("What is osteoporosis?", (), 1)
    assert isinstance(items[1], SheetError) and items[1].line == 2 and "UTF-8" in items[1].error
    assert items[2] == SheetItem("Who wrote it?", (), 3)


def test_too_long_text_line_is_an_error_and_the_limit_is_configurable():
    items = sheet.read_questions("a" * 21 + "\nshort?\n", max_chars=20)
    assert isinstance(items[0], SheetError) and items[0].line == 1
    assert items[1] == SheetItem("short?", (), 2)


# --- formats ---------------------------------------------------------------------------


def test_csv_parses_back_to_one_row_per_question():
    rows = _csv_rows(sheet.render(ROWS, "csv", SOURCES))
    assert list(rows[0]) == list(sheet.CSV_COLUMNS)
    assert rows[3]["answered"] == "error" and "line 4" in rows[3]["answer"]
    assert len(rows) == len(ROWS)
    first = rows[0]
    assert first["question"] == ANSWERED.question
    assert first["answer"] == ANSWERED.answer  # commas and double quotes survive
    assert first["answered"] == "yes"
    assert first["citations"].split("\n") == [
        "[1] Post, paragraph 3",
        f"[2] Reader comment by Simran Ghooi, 17 Nov 2014 ({sheet.READERS_WORDS})",
    ]
    assert POST.text in first["quotes"]  # the newline inside the quote survives too
    assert rows[1]["answered"] == "no"
    assert rows[3]["answered"] == "error" and "line 4" in rows[3]["answer"]


def test_csv_abstention_says_why_and_holds_the_closest_passages_it_mentions():
    row = _csv_rows(sheet.render([ABSTAINED], "csv", SOURCES))[0]
    assert row["answer"].startswith(
        "Not answered in the article: the closest passage is not close enough to the question.")
    assert "listed below" not in row["answer"]
    assert "quotes columns" in row["answer"]
    # The cells the answer points at are filled: the article's own closest passage.
    assert row["citations"] == "[1] Reference"
    assert row["quotes"] == f"[1] \u201c{REFERENCE.text}\u201d"


def test_csv_defuses_formulas():
    row = _csv_rows(sheet.render([FORMULA], "csv", SOURCES))[0]
    assert row["question"] == "'" + FORMULA.question
    assert row["answer"] == "'" + FORMULA.answer
    for cell in row.values():
        assert not cell.startswith(("=", "+", "-", "@"))


def test_markdown_has_every_question_citation_and_the_sources_appendix():
    text = sheet.render(ROWS, "md", SOURCES)
    assert text.startswith("# Questions and answers: New treatment for osteoporosis?")
    assert "Colaianni G, Sun L. Oxytocin and Bone." in text
    for row in (ANSWERED, ABSTAINED):
        assert row.question in text
    assert "'=HYPERLINK" not in text  # the CSV formula guard is for CSV only
    assert "*Post, paragraph 3*" in text
    assert "*Reader comment by Simran Ghooi, 17 Nov 2014*" in text
    abstained = text.split(ABSTAINED.question)[1].split("## ")[0]
    assert "Not answered in the article" in abstained and "Closest passages" in abstained
    assert "Could not be read (line 4)" in text
    html = MarkdownIt("commonmark").render(text)
    assert html.count("<h2>") == len(ROWS) + 1  # one heading per question, then the sources
    appendix = text.split("## Sources")[1]
    for source in (TITLE, POST, REFERENCE, COMMENT):
        assert source.label in appendix


def test_markdown_quotes_each_passage_once():
    text = sheet.render([ANSWERED], "md", SOURCES).split("## Sources")[0]
    answer = text.split("## 1.")[1]
    # The answer paragraph holds each quote; the list under it says where each comes from.
    assert answer.count("to osteoblasts") == 1
    assert answer.count("Estrogen may be involved") + answer.count("estrogen may be involved") == 1
    assert "- **[1]** *Post, paragraph 3*" in answer


def test_markdown_abstention_says_why_once_and_quotes_the_articles_closest_passages():
    text = sheet.render([ABSTAINED], "md", SOURCES)
    part = text.split("## 1.")[1].split("---")[0]
    assert ("**Not answered in the article: the closest passage is not close enough to the "
            "question.**") in part
    assert part.count("for you to judge") == 1 and "listed below" not in part
    assert REFERENCE.text in part


def test_a_reader_comment_is_quoted_only_where_it_answers_and_marked_as_a_readers_words():
    text = sheet.render([ANSWERED, ABSTAINED], "md", SOURCES)
    # OTHER_COMMENT is only a closest passage: quoted nowhere, not even in the appendix.
    assert OTHER_COMMENT.text not in text and OTHER_COMMENT.label not in text
    # COMMENT answers the first question: quoted there, and in the appendix, marked.
    answered = text.split("## 2.")[0]
    assert f"*Reader comment by Simran Ghooi, 17 Nov 2014* ({sheet.READERS_WORDS})" in answered
    appendix = text.split("## Sources")[1]
    assert f"({sheet.READERS_WORDS}): {COMMENT.text}" in appendix


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_a_low_content_source_is_never_quoted(fmt):
    text = sheet.render([ANSWERED, ABSTAINED], fmt, SOURCES)
    assert LINK_ONLY.text not in text and LINK_ONLY.label not in text


def test_markdown_escapes_markup_in_questions():
    evil = Answer("<script>*bold* [x](http://e)</script>", "The article does not say.", True)
    html = MarkdownIt("commonmark").render(sheet.render([evil], "md", SOURCES))
    assert "<script>" not in html and "<a " not in html and "<em>" not in html
    assert "&lt;script&gt;*bold* [x](http://e)&lt;/script&gt;" in html


def test_json_is_the_contract_list():
    data = json.loads(sheet.render(ROWS, "json", SOURCES))
    assert data[0] == ANSWERED.to_dict()
    assert data[1]["abstained"] is True and data[1]["quotes"] == []
    assert data[3] == {"question": "", "error": "the question is empty", "line": 4}


def test_cite_adds_author_and_date_only_when_the_label_lacks_them():
    assert sheet.cite(COMMENT) == "Reader comment by Simran Ghooi, 17 Nov 2014"
    other = Source("abstract", "abstract", "Abstract", "x", "Colaianni G", "2014")
    assert sheet.cite(other) == "Abstract, Colaianni G, 2014"


def test_format_follows_extension_unless_given():
    assert sheet.format_for("a/b.CSV") == "csv"
    assert sheet.format_for("b.md") == "md"
    assert sheet.format_for("b.txt", "json") == "json"
    with pytest.raises(ValueError, match="--format"):
        sheet.format_for("b.txt")


# --- answering with the (fake) assistant ----------------------------------------------


def _sheet(assistant, text: str, fmt: str) -> tuple[list, str]:
    rows = sheet.answer_items(assistant, sheet.read_questions(text), batch_size=2)
    return rows, sheet.render(rows, fmt, assistant.sources())


QUESTIONS = "What is osteoporosis?\n\nWho won the 2014 FIFA World Cup?\n# note\nWhich cells?\n"


@pytest.mark.parametrize("fmt", sheet.FORMATS)
def test_same_questions_same_bytes(assistant, fmt: str):
    _, first = _sheet(assistant, QUESTIONS, fmt)
    _, second = _sheet(assistant, QUESTIONS, fmt)
    assert first == second


def test_answers_keep_input_order_and_bad_lines_do_not_stop_the_rest(assistant):
    text = "What is osteoporosis?\n" + "x" * 1001 + "\nWhich cells break down bone?\nbad\x00char\n"
    rows, out = _sheet(assistant, text, "json")
    assert [r.question for r in rows[::2]] == [
        "What is osteoporosis?",
        "Which cells break down bone?",
    ]
    assert isinstance(rows[0], Answer) and isinstance(rows[2], Answer)
    errors = sheet.failures(rows)
    assert [e.line for e in errors] == [2, 4]  # too long; rejected by the assistant
    data = json.loads(out)
    assert data[1]["line"] == 2 and "error" in data[1]


def test_json_quotes_are_verbatim(assistant):
    rows, out = _sheet(assistant, QUESTIONS, "json")
    texts = {s.id: s.text for s in assistant.sources()}
    quotes = [q for a in json.loads(out) for q in a["quotes"] + a["closest"]]
    assert quotes
    for q in quotes:
        assert texts[q["source"]["id"]][q["start"] : q["end"]] == q["text"]


def test_history_reaches_the_assistant(assistant, monkeypatch: pytest.MonkeyPatch):
    seen = []
    real = assistant.ask_many

    def spy(requests):
        seen.extend(requests)
        return real(requests)

    monkeypatch.setattr(assistant, "ask_many", spy)
    items = sheet.read_questions('{"question": "Which university?", "history": ["Who led it?"]}')
    sheet.answer_items(assistant, items)
    assert seen[0].question == "Which university?" and tuple(seen[0].history) == ("Who led it?",)


def test_no_progress_bar_when_asked_for_none(assistant, capsys: pytest.CaptureFixture[str]):
    sheet.answer_items(assistant, sheet.read_questions(QUESTIONS), progress=False)
    assert capsys.readouterr().err == ""


def test_progress_bar_on_request(assistant, capsys: pytest.CaptureFixture[str]):
    sheet.answer_items(assistant, sheet.read_questions(QUESTIONS), progress=True)
    assert "Answering" in capsys.readouterr().err


def test_starter_questions_are_offered_and_answered(assistant):
    items = sheet.read_questions(PROJECT_ROOT / "corpus" / "questions.txt")
    assert 12 <= len(items) <= 15
    assert all(isinstance(i, SheetItem) for i in items)
    assert assistant.examples() == [i.question for i in items]
    rows = sheet.answer_items(assistant, items)
    assert sheet.failures(rows) == []


# --- atomic writes ---------------------------------------------------------------------


def test_write_atomic_writes_utf8_with_normal_permissions(tmp_path: Path):
    out = tmp_path / "sheet.csv"
    sheet.write_atomic(out, "\ufeffcaf\u00e9\r\n")
    assert out.read_bytes() == b"\xef\xbb\xbfcaf\xc3\xa9\r\n"
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
    assert os.listdir(tmp_path) == ["sheet.csv"]


@pytest.mark.parametrize("existing", [True, False])
def test_failed_write_leaves_out_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, existing: bool
):
    out = tmp_path / "sheet.md"
    if existing:
        out.write_text("old sheet", encoding="utf-8")

    def boom(fd: int) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(sheet.os, "fsync", boom)
    with pytest.raises(OSError, match="disk full"):
        sheet.write_atomic(out, "new sheet " * 1000)
    assert (out.read_text(encoding="utf-8") == "old sheet") if existing else not out.exists()
    assert os.listdir(tmp_path) == (["sheet.md"] if existing else [])


# --- with the real model ------------------------------------------------------------------


@pytest.mark.integration
def test_starter_questions_are_answered_by_the_real_model(real_assistant):
    items = sheet.read_questions(real_assistant.settings.corpus_dir / "questions.txt")
    rows = sheet.answer_items(real_assistant, items)
    assert sheet.failures(rows) == []
    unanswered = [r.question for r in rows if r.abstained]
    assert unanswered == []  # the starter list promises questions the article answers
    texts = {s.id: s.text for s in real_assistant.sources()}
    for row in rows:
        for q in row.quotes:
            assert texts[q.source.id][q.start : q.end] == q.text


@pytest.mark.integration
def test_a_hundred_questions_answered_in_order(real_assistant):
    """Timing lives in benchmarks/sheet_speed.py (timed tests flake on shared machines)."""
    starters = real_assistant.examples()
    questions = [f"{starters[i % len(starters)]} ({i})" for i in range(100)]
    rows = sheet.answer_items(real_assistant, sheet.read_questions("\n".join(questions)))
    assert [r.question for r in rows] == questions and not sheet.failures(rows)
    for fmt in sheet.FORMATS:
        assert all(q in sheet.render(rows, fmt, real_assistant.sources()) for q in questions[:3])
