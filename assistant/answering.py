"""Candidates with their probabilities -> an extractive Answer: verbatim quotes, [n]
citations, or an abstention that says why."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .query import Query
from .text import terms, word_count
from .types import Answer, Quote, Source, Span

ABSTAIN_TEXT = "The article does not say."

# A sentence that leans on the one before: a pronoun subject ("It ...", "This causes ...").
# "This new research ..." (a determiner with its noun) stands on its own.
_ANAPHOR = re.compile(
    r"^(?:It|They|He|She|Such|Its|Their|His|Her)\b"
    r"|^(?:This|That|These|Those)\s+(?:is|was|are|were|has|had|have|can|could|may|might|will|"
    r"would|should|must|does|did|also|\w+s(?<!ss)(?<!us)(?<!is))\b"
)


@dataclass(frozen=True)
class AnswerOptions:
    """How the answer is put together. ``threshold`` and ``keep`` default to the fitted
    model's (None); the ablation benchmarks turn ``abstain`` off."""

    threshold: float | None = None
    keep: float | None = None
    max_quotes: int = 3
    max_words: int = 120
    abstain: bool = True


@dataclass(frozen=True)
class Candidate:
    """A sentence that may answer the question, with the model's probability that it does."""

    row: int  # the sentence's row in the index
    span: Span
    source: Source
    prob: float
    features: np.ndarray


def _near_duplicate(a: str, b: str) -> bool:
    ta, tb = set(terms(a)), set(terms(b))
    if not ta or not tb:
        return a.strip() == b.strip()
    return len(ta & tb) / len(ta | tb) > 0.6


_RELATIVE_DATE = re.compile(r"\bago\b|^(?:yesterday|today)\b", re.I)


def attribution(source: Source, post_author: str | None = None) -> str:
    """How the answer introduces a quote: readers' comments are marked as their opinion; a
    comment signed by the post's own author (``post_author``) as the author's."""
    if source.kind == "comment":
        who = "The post's author" if source.author and source.author == post_author \
            else "A reader"
        if source.author and source.date:
            # "commented on 4 June", but "commented 2 days ago", "commented yesterday"
            on = "" if _RELATIVE_DATE.search(source.date) else "on "
            return f"{who}, {source.author}, commented {on}{source.date}: "
        if source.author:
            return f"{who}, {source.author}, commented: "
        return "A reader commented (unsigned): "
    if source.kind == "abstract":
        return "The review's abstract: "
    return ""


def expand(span: Span, spans: Sequence[Span], extra: Span | None = None) -> tuple[int, int]:
    """Quote a sentence with its context: one opening with "This ..." takes the sentence
    before it; one followed by a "This ..." sentence takes that one too; ``extra`` (a
    neighbour holding the kind of answer asked for) is joined in."""
    start, end = span.start, span.end
    if _ANAPHOR.match(span.text):
        prev = [p for p in spans if p.end <= start]
        if prev:
            start = prev[-1].start
    else:
        nxt = [p for p in spans if p.start >= end]
        if nxt and _ANAPHOR.match(nxt[0].text):
            end = nxt[0].end
    if extra is not None:
        start, end = min(start, extra.start), max(end, extra.end)
    return start, end


def _quote(n: int, c: Candidate) -> Quote:
    return Quote(n, c.span.text, c.span.start, c.span.end, c.prob, c.source)


def compose(
    question: str,
    query: Query,
    candidates: Sequence[Candidate],
    spans_by_source: Mapping[str, Sequence[Span]],
    *,
    confidence: float,
    threshold: float,
    keep: float,
    options: AnswerOptions,
    why_not: Callable[[Sequence[Candidate]], str],
    neighbour: Callable[[Candidate], Span | None] = lambda c: None,
    closest_k: int = 3,
    post_author: str | None = None,
) -> Answer:
    """Quote the candidates the model believes answer (best first), or abstain.

    ``candidates`` are sorted by probability, best first. The question model's
    ``confidence`` that an answer from them is right must reach ``threshold``; others join
    the best one when they reach ``keep`` x its probability, up to ``max_quotes`` quotes and
    ``max_words`` words.
    """
    top = candidates[0] if candidates else None
    if top is None or (options.abstain and confidence < threshold):
        closest = tuple(_quote(n, c) for n, c in enumerate(candidates[:closest_k], start=1))
        reason = why_not(candidates)
        return Answer(question, ABSTAIN_TEXT, True, (), closest, query.text, reason=reason,
                      extra={"reason": reason, "confidence": round(confidence, 4)})

    chosen: list[tuple[Candidate, int, int]] = []
    used = 0
    floor = keep * top.prob
    for c in candidates:
        if len(chosen) >= options.max_quotes:
            break
        if chosen and c.prob < floor:
            break
        start, end = expand(c.span, spans_by_source.get(c.span.source_id, ()), neighbour(c))
        text = c.source.text[start:end]
        if any(k.span.source_id == c.span.source_id and start < e and b < end
               for k, b, e in chosen) or any(
                _near_duplicate(text, k.source.text[b:e]) for k, b, e in chosen):
            continue
        cost = word_count(text) + word_count(attribution(c.source, post_author)) + 1
        if chosen and used + cost > options.max_words:
            continue
        chosen.append((c, start, end))
        used += cost
    quotes = tuple(
        Quote(n, c.source.text[b:e], b, e, c.prob, c.source)
        for n, (c, b, e) in enumerate(chosen, start=1)
    )
    parts = [f"{attribution(q.source, post_author)}{q.text} [{q.n}]" for q in quotes]
    return Answer(question, " ".join(parts), False, quotes, (), query.text,
                  extra={"confidence": round(confidence, 4)})
