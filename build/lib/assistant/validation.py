"""Checks at the boundary: every message names the bad value and what is allowed."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .errors import InvalidQuestionError, InvalidRequestError
from .types import KINDS

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def check_question(question: object, max_chars: int = 1000, what: str = "question") -> str:
    """The question with surrounding whitespace removed, or InvalidQuestionError."""
    if not isinstance(question, str):
        raise InvalidQuestionError(f"the {what} must be text, got {type(question).__name__}")
    text = question.strip()
    if not text:
        raise InvalidQuestionError(f"the {what} is empty: type a question about the article")
    if len(text) > max_chars:
        raise InvalidQuestionError(
            f"the {what} is {len(text):,} characters long; the limit is {max_chars:,}"
        )
    bad = _CONTROL.search(text)
    if bad:
        raise InvalidQuestionError(
            f"the {what} contains a control character ({bad.group()!r} at position {bad.start()})"
        )
    return text


def check_history(history: object, max_chars: int = 1000) -> tuple[str, ...]:
    if history is None:
        return ()
    if isinstance(history, str) or not isinstance(history, Iterable):
        raise InvalidQuestionError("history must be a list of earlier questions (text)")
    return tuple(check_question(h, max_chars, "earlier question") for h in history)


def check_kinds(kinds: Iterable[str] | None) -> frozenset[str] | None:
    """None (all kinds) or a non-empty set of known source kinds."""
    if kinds is None:
        return None
    if isinstance(kinds, str):
        kinds = [kinds]
    out = set()
    for kind in kinds:
        k = kind.strip().lower() if isinstance(kind, str) else kind
        if k == "comments":
            k = "comment"
        if k not in KINDS:
            raise InvalidRequestError(
                f"unknown source kind {kind!r}; choose from {', '.join(KINDS)}"
            )
        out.add(k)
    if not out:
        raise InvalidRequestError(f"kinds is empty; choose one or more of {', '.join(KINDS)}")
    return frozenset(out)


def check_k(k: object, limit: int = 50) -> int:
    if isinstance(k, bool) or not isinstance(k, int) or not 1 <= k <= limit:
        raise InvalidRequestError(f"k must be a whole number from 1 to {limit}, got {k!r}")
    return k
