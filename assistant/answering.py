"""Scored sentences → an extractive Answer: verbatim quotes, [n] citations, or an abstention."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .query import DATE, NAME, NUMBER, PERSON, Query
from .retrieval import ScoredSentence
from .text import terms, word_count
from .types import Answer, Quote, Source

ABSTAIN_TEXT = "The article does not say. The closest passages are listed below for you to judge."

_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"hundred|hundreds|thousand|thousands|million|millions|dozen|dozens|half|twice|percent"
)
_HAS_NUMBER = re.compile(rf"\d|\b({_NUMBER_WORDS})\b", re.I)
_HAS_DATE = re.compile(
    r"\b(1[89]\d\d|20\d\d)\b|\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d", re.I
)
# A capitalised word that does not start the sentence: a name, a place, a journal.
_PROPER = re.compile(r"(?<=[\s(,])(?:Dr\.\s|Prof\.\s)?[A-Z][a-z]+")
# A sentence that leans on the one before: a pronoun subject ("It ...", "This causes ...").
# "This new research ..." (a determiner with its noun) stands on its own.
_ANAPHOR = re.compile(
    r"^(?:It|They|He|She|Such)\b"
    r"|^(?:This|That|These|Those)\s+(?:is|was|are|were|has|had|have|can|could|may|might|will|"
    r"would|should|must|does|did|also|\w+s(?<!ss)(?<!us)(?<!is))\b"
)


@dataclass(frozen=True)
class AnswerOptions:
    """Thresholds and switches (the ablation benchmarks turn ``abstain`` off)."""

    min_score: float = 0.41
    keep_ratio: float = 0.8
    max_quotes: int = 3
    max_words: int = 120
    abstain: bool = True


def fits_type(s: ScoredSentence, query: Query) -> bool:
    """Whether the sentence (with its source's metadata) can hold the kind of answer asked for.

    A comment's date answers "when" only when the question is about comments or their authors.
    """
    text = s.span.text
    answer_type = query.answer_type
    if answer_type == NUMBER:
        return bool(_HAS_NUMBER.search(text))
    if answer_type == DATE:
        about_comment = s.anchored and s.source.kind == "comment"
        return bool((s.source.date and about_comment) or _HAS_DATE.search(text))
    if answer_type == PERSON:
        return bool(s.source.author) or s.source.kind == "reference" or bool(
            re.search(r"\b(Dr|Prof)\.\s+[A-Z]|\b[A-Z][a-z]+ [A-Z][a-z]+\b", text[1:])
        )
    if answer_type == NAME:
        return bool(_PROPER.search(text))
    return True


_REASONS = {
    "too far": "the closest passage is not close enough to the question",
    "nothing on the subject": "no passage speaks of the question's subject",
    "nothing of the asked kind": "no passage holds the kind of answer asked for",
    "unknown subject": "the article never mentions the question's subject",
    "no author": "the page does not name the post's author",
}


def _near_duplicate(a: str, b: str) -> bool:
    ta, tb = set(terms(a)), set(terms(b))
    if not ta or not tb:
        return a.strip() == b.strip()
    return len(ta & tb) / len(ta | tb) > 0.6


def attribution(source: Source) -> str:
    """How the answer introduces a quote: readers' comments are marked as their opinion."""
    if source.kind == "comment":
        if source.author:
            return f"A reader, {source.author}, commented on {source.date}: "
        return "A reader commented (unsigned): "
    if source.kind == "abstract":
        return "The review's abstract: "
    return ""


def _expand(s: ScoredSentence, by_source: dict) -> tuple[int, int]:
    """Quote a sentence with its context: one opening with "This ..." takes the sentence
    before it; one followed by a "This ..." sentence takes that one too."""
    start, end = s.span.start, s.span.end
    spans = by_source.get(s.span.source_id, [])
    if _ANAPHOR.match(s.span.text):
        prev = [p for p in spans if p.end <= start]
        if prev:
            start = prev[-1].start
    else:
        nxt = [p for p in spans if p.start >= end]
        if nxt and _ANAPHOR.match(nxt[0].text):
            end = nxt[0].end
    return start, end


def compose(
    question: str,
    query: Query,
    ranked: Sequence[ScoredSentence],
    sentences_by_source: dict,
    subject_terms: Callable[[str], frozenset[str]],
    options: AnswerOptions,
    closest_k: int = 3,
) -> Answer:
    """Choose quotes from ``ranked`` (best first) or abstain, and write the answer text."""
    # A title is a headline, not a statement: it is quoted when the question asks for it.
    fitting = [s for s in ranked if fits_type(s, query)
               and (s.source.kind != "title" or "title" in query.kinds)]
    # "Does estrogen ...?" is answered only by passages about estrogen (or a close synonym):
    # one that merely shares the rest of the question says nothing about it.
    topic = subject_terms(query.yes_no_topic) if query.yes_no_topic and options.abstain else None
    if topic:
        fitting = [s for s in fitting if topic & set(terms(s.span.text))]
    top = max(fitting, key=lambda s: s.score) if fitting else None
    reason = None
    if options.abstain:
        if top is None:
            reason = "nothing on the subject" if topic else "nothing of the asked kind"
        elif top.score < options.min_score:
            reason = "too far"
        elif query.yes_no_subject and not (
            topic if topic is not None else subject_terms(query.yes_no_subject)
        ):
            reason = "unknown subject"
        elif query.author_of == "post" and not any(
            s.source.author for s in ranked if s.source.kind == "post"
        ):
            reason = "no author"
    if top is None or reason:
        closest = tuple(
            Quote(n, s.span.text, s.span.start, s.span.end, s.score, s.source)
            for n, s in enumerate(ranked[:closest_k], start=1)
        )
        return Answer(question, ABSTAIN_TEXT, True, (), closest, query.text,
                      reason=_REASONS.get(reason or "", "nothing in the article answers it"),
                      extra={"reason": reason})

    best_rank = fitting[0].rank
    chosen: list[tuple[ScoredSentence, int, int]] = []
    words = 0
    for s in fitting:
        if len(chosen) >= options.max_quotes:
            break
        if chosen and (s.score < options.min_score or s.rank < options.keep_ratio * best_rank):
            break
        start, end = _expand(s, sentences_by_source)
        text = s.source.text[start:end]
        if any(
            c.span.source_id == s.span.source_id and start < e and b < end for c, b, e in chosen
        ) or any(_near_duplicate(text, c.source.text[b:e]) for c, b, e in chosen):
            continue
        cost = word_count(text) + word_count(attribution(s.source)) + 1
        if chosen and words + cost > options.max_words:
            continue
        chosen.append((s, start, end))
        words += cost
    quotes = tuple(
        Quote(n, s.source.text[b:e], b, e, s.score, s.source)
        for n, (s, b, e) in enumerate(chosen, start=1)
    )
    parts = [f"{attribution(q.source)}{q.text} [{q.n}]" for q in quotes]
    return Answer(question, " ".join(parts), False, quotes, (), query.text)
