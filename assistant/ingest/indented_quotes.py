"""A quotation set in by indenting it, under the paragraph that leads into it.

A plain-text report quotes someone by indenting their words (four spaces or more, or a tab)
under a paragraph that names them and ends with a colon ("... described the change in her
field notes:"). Read as blocks, the quote would be a paragraph of its own, cut off from the
speaker; so its lines join the lead-in's block ("... field notes: We have never seen ..."),
and a sentence of the quote is read with who said it.

Only that shape: the lead-in is a paragraph of prose (six words or more, no line indented or
a list item) ending with a colon, and the indented block is prose too (sentences, six words
or more, ending like a sentence, no code's marks, no e-mail's "> " quoting). A Markdown file
(where an indented block is code) is left alone by the caller.
"""

from __future__ import annotations

import re

from .layout import SENTENCE_END

_INDENTED = re.compile(r"^(?: {4,}|\t)\S")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+\u2022]|\d+[.)]|[a-z][.)])\s")
_CODE = re.compile(r"[{};=<>$\\|`]|^\s*(?:#|//|>>>)|\w\(|^\s*[-*+\u2022]\s")
_QUOTE_MARKS = "\"'\u201c\u2018"
_MIN_WORDS = 6
_MAX_QUOTE_BLOCKS = 3


def _blocks(lines: list[str]) -> list[tuple[int, int]]:
    """(start, end) line spans of the blocks between blank lines."""
    spans: list[tuple[int, int]] = []
    start: int | None = None
    for i, line in enumerate([*lines, ""]):
        if line.strip() and start is None:
            start = i
        elif not line.strip() and start is not None:
            spans.append((start, i))
            start = None
    return spans


def _lead_in(lines: list[str]) -> bool:
    text = " ".join(line.strip() for line in lines)
    return (lines[-1].rstrip().endswith(":") and len(text.split()) >= _MIN_WORDS
            and not any(line[:1].isspace() or _LIST_ITEM.match(line) for line in lines))


def _quote(lines: list[str]) -> bool:
    text = " ".join(line.strip() for line in lines)
    return (all(_INDENTED.match(line) for line in lines) and len(text.split()) >= _MIN_WORDS
            and bool(SENTENCE_END.search(text)) and (text[:1].isalpha() or text[:1] in _QUOTE_MARKS)
            and not any(_CODE.search(line) for line in lines))


def join_indented_quotes(text: str) -> str:
    """``text`` with each indented quotation (and up to two more indented paragraphs of it)
    joined to the paragraph ending with a colon right above it, its indent dropped."""
    lines = text.split("\n")
    spans = _blocks(lines)
    out = list(lines)
    doomed: set[int] = set()  # blank lines between a lead-in and its quote
    i = 0
    while i < len(spans) - 1:
        start, end = spans[i]
        if not _lead_in(lines[start:end]):
            i += 1
            continue
        k = i + 1
        while k < len(spans) and k - i <= _MAX_QUOTE_BLOCKS and _quote(lines[slice(*spans[k])]):
            k += 1
        if k == i + 1:
            i += 1
            continue
        for j in range(i + 1, k):
            doomed.update(range(spans[j - 1][1], spans[j][0]))
            for n in range(*spans[j]):
                out[n] = lines[n].strip()
        i = k
    return "\n".join(line for n, line in enumerate(out) if n not in doomed)
