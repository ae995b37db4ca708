"""The students' copy of a Q&A sheet: the questions alone, with room to answer.

``assistant sheet QUESTIONS -o key.md --student questions.md`` writes both: the answer key
(``sheet.render``) and this copy, which numbers the questions as the key does. A line that
could not be read is left out here (its number too); the key and stderr report it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from .sheet_questions import SheetError, SheetRow
from .sheet_render import _cell, _md, shown_question
from .types import Answer, Source

ANSWER_LINES = 4  # dotted lines to write on under each question
_LINE = "." * 72
CSV_COLUMNS: tuple[str, ...] = ("number", "question", "your answer")
INSTRUCTIONS = (
    "Answer each question from the article. Quote the sentence you used and say where it is "
    "(which paragraph, the reference, or a reader's comment, which is a reader's opinion, not "
    "the article's finding). If the article does not answer a question, write \"Not in the "
    "article\" and name the passage that comes closest."
)


def questions(items: Sequence[SheetRow]) -> list[tuple[int, str]]:
    """(number on the key, question) for every question that could be read; a follow-up
    with the question it follows."""
    return [(n, shown_question(item)) for n, item in enumerate(items, start=1)
            if isinstance(item, Answer)]


def render_student(items: Sequence[SheetRow | SheetError], fmt: str,
                   sources: Sequence[Source] = ()) -> str:
    """The students' copy in ``fmt`` ("md", "csv" or "json"); same items, same bytes."""
    rows = questions(items)
    if fmt == "md":
        return _render_md(rows, sources)
    if fmt == "csv":
        out = io.StringIO()
        out.write("\ufeff")  # the BOM tells Excel the file is UTF-8
        writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        writer.writerows([str(n), _cell(q), ""] for n, q in rows)
        return out.getvalue()
    if fmt == "json":
        data = [{"number": n, "question": q} for n, q in rows]
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    raise ValueError(f"unknown sheet format {fmt!r}; choose one of md, csv, json")


def _render_md(rows: Sequence[tuple[int, str]], sources: Sequence[Source]) -> str:
    title = next((s.text for s in sources if s.kind == "title"), "the article")
    out = [f"# Questions: {_md(title)}", "",
           f"**Name:** {'.' * 40} **Date:** {'.' * 20}", "",
           INSTRUCTIONS, ""]
    for number, question in rows:
        out += [f"## {number}. {_md(question, user=True)}", ""]
        out += [line for _ in range(ANSWER_LINES) for line in (_LINE, "")]
    return "\n".join(out)
