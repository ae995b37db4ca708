"""A Q&A sheet's questions: read from a file or text, one a line (``#`` comments and blank
lines skipped) or as JSON lines (``{"question": ..., "history": [...]}``). A line that cannot
be answered becomes a ``SheetError`` with its line number, in input order."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .text import printable
from .types import Answer

DEFAULT_MAX_CHARS = 1000
_SHOWN_CHARS = 200  # a too-long question is shown cut to this many characters


@dataclass(frozen=True)
class SheetItem:
    """One question to answer, with the line of the input it came from (1-based)."""

    question: str
    history: tuple[str, ...] = ()
    line: int | None = None


@dataclass(frozen=True)
class SheetError:
    """A line that could not be answered: what it said, why, and where."""

    question: str
    error: str
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"question": self.question, "error": self.error, "line": self.line}


SheetRow = Answer | SheetError


def _shown(text: str) -> str:
    """A question as the sheet shows it: cut if long, lone surrogates made printable."""
    text = printable(text)
    return text if len(text) <= _SHOWN_CHARS else text[:_SHOWN_CHARS] + "\u2026"


def _check(question: str, line: int, max_chars: int) -> SheetError | None:
    if not question.strip():
        return SheetError("", "the question is empty", line)
    if len(question) > max_chars:
        return SheetError(
            _shown(question),
            f"the question is {len(question)} characters long; the limit is {max_chars}",
            line,
        )
    return None


def _parse_json_line(raw: str, line: int, max_chars: int) -> SheetItem | SheetError:
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        reason = f"not valid JSON ({exc.msg} at column {exc.colno})"
        return SheetError(_shown(raw.strip()), reason, line)
    if not isinstance(obj, dict) or "question" not in obj:
        return SheetError(_shown(raw.strip()), 'expected an object with a "question" field', line)
    question = obj["question"]
    if not isinstance(question, str):
        return SheetError(_shown(raw.strip()), '"question" must be a string', line)
    history = obj.get("history") or []
    if not isinstance(history, list) or not all(isinstance(h, str) for h in history):
        return SheetError(_shown(question), '"history" must be a list of strings', line)
    return _check(question, line, max_chars) or SheetItem(question.strip(), tuple(history), line)


def _is_jsonl(lines: Sequence[str]) -> bool:
    filled = [ln for ln in lines if ln.strip()]
    return bool(filled) and all(ln.lstrip().startswith("{") for ln in filled)


def read_questions(
    path_or_text: str | bytes | os.PathLike[str],
    *,
    jsonl: bool | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> list[SheetItem | SheetError]:
    """Read questions from a file, or from the text itself (``str`` or ``bytes``).

    A ``Path`` is a file; so is a one-line ``str`` naming an existing file (e.g. an upload's
    path); any other ``str`` or ``bytes`` is the questions' text.

    Plain text has one question a line, blank lines and ``#`` comments skipped. JSON lines
    carry ``question`` and optional ``history``; they are detected from a ``.jsonl`` file
    name or from every non-blank line starting with ``{`` (``jsonl`` forces either way).
    Bad lines come back as ``SheetError`` with their line number, in input order.
    """
    if isinstance(path_or_text, str) and "\n" not in path_or_text and os.path.isfile(path_or_text):
        path_or_text = Path(path_or_text)
    if isinstance(path_or_text, os.PathLike):
        path = Path(path_or_text)
        data: str | bytes = path.read_bytes()
        if jsonl is None and path.suffix.lower() == ".jsonl":
            jsonl = True
    else:
        data = path_or_text
    raw_lines: list[str | None] = []
    chunks = data.split(b"\n") if isinstance(data, bytes) else data.split("\n")
    for chunk in chunks:
        if isinstance(chunk, bytes):
            try:
                chunk = chunk.decode("utf-8")
            except UnicodeDecodeError:
                raw_lines.append(None)
                continue
        raw_lines.append(chunk.removesuffix("\r"))
    if raw_lines and raw_lines[0] is not None:
        raw_lines[0] = raw_lines[0].removeprefix("\ufeff")
    if raw_lines and raw_lines[-1] == "":
        raw_lines.pop()
    if jsonl is None:
        jsonl = _is_jsonl([ln for ln in raw_lines if ln is not None])

    items: list[SheetItem | SheetError] = []
    for number, raw in enumerate(raw_lines, start=1):
        if raw is None:
            items.append(SheetError("", "the line is not valid UTF-8 text", number))
        elif not raw.strip():
            continue
        elif jsonl:
            items.append(_parse_json_line(raw, number, max_chars))
        elif not raw.lstrip().startswith("#"):
            question = raw.strip()
            items.append(_check(question, number, max_chars) or SheetItem(question, (), number))
    return items
