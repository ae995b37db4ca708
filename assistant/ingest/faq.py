"""A plain-text FAQ: each question and its answer in one block, "Q: Can I use a hosepipe?" over
"A: No. Hosepipes ...". The question heads its answer, as a Markdown FAQ's "## Can I use a
hosepipe?" heading does: the answer is a paragraph labelled with it, and the "Q:" / "A:" marks
are not text, so a question is never quoted as an answer."""

from __future__ import annotations

import re

from .layout import TextBlock

_QUESTION = re.compile(r"^(?:Q|Question)\s*\d{0,3}\s*[:.)]\s+(?=\S)")
_ANSWER = re.compile(r"^(?:A|Answer)\s*\d{0,3}\s*[:.)]\s+(?=\S)")
_QUESTION_LINES = 3  # a question wrapped over a line or two


def faq_pair(block: TextBlock) -> tuple[str, TextBlock] | None:
    """(the question, the answer's block without its mark) for a block holding a question and
    its answer, the question ending with a question mark; None for any other block."""
    if not _QUESTION.match(block.lines[0]):
        return None
    at = next((k for k, line in enumerate(block.lines[1:_QUESTION_LINES + 1], start=1)
               if _ANSWER.match(line)), None)
    if at is None:
        return None
    question = " ".join(line.strip() for line in block.lines[:at])
    question = _QUESTION.sub("", question, count=1)
    if not question.endswith("?"):
        return None
    answer = block.lines[at]
    return question, TextBlock((_ANSWER.sub("", answer, count=1), *block.lines[at + 1:]), block.line + at)
