"""Candidates with their probabilities -> an extractive Answer: verbatim quotes, [n]
citations, or an abstention that says why."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from .query import Query
from .text import terms, word_count
from .types import ANSWER_LABEL, Answer, Quote, Source, Span

ABSTAIN_TEXT = "The article does not say."

# A sentence that leans on the one before: a pronoun subject ("It ...", "This causes ...").
# "This new research ..." (a determiner with its noun) stands on its own.
_ANAPHOR = re.compile(
    r"^(?:It|They|He|She|Such|Its|Their|His|Her)\b"
    r"|^(?:This|That|These|Those)\s+(?:is|was|are|were|has|had|have|can|could|may|might|will|"
    r"would|should|must|does|did|also|\w+s(?<!ss)(?<!us)(?<!is))\b"
    # a condition on what the sentence before tells: "If it is stuck, ...", "If not, ...",
    # "Otherwise ..."
    r"|^(?:If|Unless)\s+(?:so|not|it|they|this|that|these|those)\b|^Otherwise\b"
    # an advice or a deed done to what the sentence before lists, early in the sentence: "I
    # would suggest trying those for three months", "Give these a go first" ("those who ...",
    # "these bins" name their own thing)
    r"|^(?:[\w'\u2019]+\s+){1,5}?(?:those|these)(?=[.,;:!?]|\s+(?:for|first|again|instead|too|"
    r"until|before|after|out|up|a\s+(?:go|try|chance)|at\s+least)\b)"
    # a thing named only as another of what the sentence before names: "... came back with a
    # new one", "bought a replacement one"
    r"|^[^.!?]*?\b(?:a|another)\s+(?:new|replacement|spare|second|fresh|better|cheaper|bigger|"
    r"smaller)\s+one\b(?!\s+of\b)"
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
# A site's stamp that is no date to say "on" before: "3y", "Updated 1y", "edited".
_STAMP = re.compile(r"^(?:(?:updated|edited|answered)\s+)?\d+\s*[smhdwy]$|^(?:updated|edited)$", re.I)


def _when(date: str | None) -> str:
    """How the answer says when a reply was written: " on 4 June 2024", " 2 days ago",
    " (Updated 1y)"."""
    if not date:
        return ""
    if _RELATIVE_DATE.search(date):
        return f" {date}"
    return f" ({date})" if _STAMP.match(date.strip()) else f" on {date}"


# An interview's speaker label opening a paragraph: "Brandvold: ...", "FERREIRA: ...",
# "Maria Lopez: ...", a transcript's "[00:01:12] Host (Priya Menon): ...".
_SPEAKER_LABEL = re.compile(
    r"(?:\[?\d{1,2}(?::\d{2}){1,2}\]?\s+)?"
    r"(?P<label>[A-Z][\w'\u2019\-]*(?: [A-Z][\w'\u2019\-]*){0,2}(?: \d{1,2})?"
    r"(?: \((?P<name>[A-Z][\w.'\u2019\- ]{1,40})\))?):\s")
# The label a transcription service gives a voice it cannot name: "Speaker 3", "Unknown
# Speaker", "Participant 2"; no one names them so in the talk, yet they are speakers.
_UNNAMED_VOICE = re.compile(r"^(?:unknown )?(?:speaker|participant|guest|caller|attendee)(?: \d{1,2})?$",
                            re.I)
# Labels that head a paragraph without naming who speaks: the asker, or a note (a label is
# letters only, so "TL;DR" and "P.S." never reach here).
_NOT_SPEAKER = frozenset(
    "q a question answer interviewer interviewee note notes tip tips update updated warning "
    "caution important step summary source sources editor correction disclaimer ingredients "
    "method verdict pros cons price photo image caption figure table ps bonus example key "
    "takeaway takeaways".split())


def speaker_labels(sources: Iterable[Source]) -> dict[str, str]:
    """For an interview set out as a transcript, the speaker of each post paragraph that opens
    with a label naming them: {source id: name}. A label counts when it opens two paragraphs
    or more and a name of it is also used outside the labels (the introduction names the
    person interviewed by their surname; in a meeting, people call each other by their first
    names), or it is a transcription service's label for a voice it could not name ("Speaker
    3"); "Q:", "Note:" and the like name nobody. An all-capitals label is shown in title case
    ("FERREIRA" -> "Ferreira")."""
    posts = [s for s in sources if s.kind in ("post", "title", "byline", "caption")]
    found = {s.id: m for s in posts if s.kind == "post" and (m := _SPEAKER_LABEL.match(s.text))}
    counts = Counter(m["label"] for m in found.values())
    unlabelled = " ".join(
        s.text[found[s.id].end():] if s.id in found else s.text for s in posts).lower()

    def shown(m: re.Match[str]) -> str:  # "Host (Priya Menon)" -> "Priya Menon"
        name = m["name"] or m["label"]
        return name.title() if name.isupper() else name

    def named(name: str) -> bool:
        parts = name.split()
        return bool(_UNNAMED_VOICE.match(name)) or any(
            re.search(rf"\b{re.escape(part.lower())}\b", unlabelled)
            for part in {parts[0], parts[-1]} if len(part) > 1)

    return {sid: shown(m) for sid, m in found.items()
            if counts[m["label"]] >= 2 and m["label"].lower() not in _NOT_SPEAKER
            and named(shown(m))}


def attribution(source: Source, post_author: str | None = None, speaker: str | None = None,
                asks: bool = False) -> str:
    """How the answer introduces a quote: readers' comments are marked as their opinion; a
    comment signed by the post's own author (``post_author``) as the author's. A quote from
    an interview's answer past its speaker's label names the ``speaker`` ("Brandvold said:
    ..."; ``asks``: the quote is a question, "... asked: ...")."""
    if speaker:
        return f"{speaker} {'asked' if asks else 'said'}: "
    if source.kind == "comment":
        who = "The post's author" if source.author and source.author == post_author \
            else "A reader"
        answer = ANSWER_LABEL.search(source.label)
        if answer and source.author:
            # a question-and-answer page's answer: "Nils Ahlgren answered on 3 March 2024 (the
            # accepted answer): "
            name = f"The post's author, {source.author}," if who != "A reader" else source.author
            if answer[3]:  # "Bramblegate Garden Supplies (seller) answered ..."
                name = f"{name} ({answer[3]})"
            accepted = f" (the accepted {answer[2]})" if answer[1] else ""
            return f"{name} answered{_when(source.date)}{accepted}: "
        if source.author and source.date:
            # "commented on 4 June", but "commented 2 days ago", "commented yesterday"
            return f"{who}, {source.author}, commented{_when(source.date)}: "
        if source.author:
            return f"{who}, {source.author}, commented: "
        return "A reader commented (unsigned): "
    if source.kind == "abstract":
        return "The review's abstract: "
    return ""


# Double quotation marks: an opening or closing curly one, or a straight one (either).
_OPEN_MARK, _CLOSE_MARK, _STRAIGHT = "\u201c", "\u201d", '"'
QUOTE_REACH = 3  # sentences back to where a quotation opens
# The best quote runs on to the reason after it up to this many words in all.
REASON_WORDS = 60


def _closes_quotation(text: str) -> bool:
    """The sentence ends a quotation opened in an earlier sentence: its first double mark is
    a closing one ('But the eels came later," said Dr Combe.')."""
    marks = [c for c in text if c in (_OPEN_MARK, _CLOSE_MARK, _STRAIGHT)]
    if not marks:
        return False
    if marks[0] == _CLOSE_MARK:
        return True
    return marks[0] == _STRAIGHT and len(marks) % 2 == 1 and not text.lstrip().startswith('"')


def _opens_quotation(text: str) -> bool:
    """The sentence leaves a quotation open: more opening marks than closing ones, or an odd
    number of straight marks."""
    if text.count(_OPEN_MARK) > text.count(_CLOSE_MARK):
        return True
    return _OPEN_MARK not in text and text.count(_STRAIGHT) % 2 == 1


def quotation_start(span: Span, spans: Sequence[Span]) -> int:
    """Where the quotation a sentence closes opens: a speaker's words running over sentences
    ('"We expected the pass to help. / But the eels came later," said Dr Combe.') are quoted
    whole, from the sentence that opens them, up to ``QUOTE_REACH`` sentences back in the
    same source; the sentence's own start otherwise."""
    if not _closes_quotation(span.text):
        return span.start
    prev = [p for p in spans if p.end <= span.start][-QUOTE_REACH:]
    for p in reversed(prev):
        if _opens_quotation(p.text):
            return p.start
        if any(c in p.text for c in (_OPEN_MARK, _CLOSE_MARK, _STRAIGHT)):
            break  # another quotation's marks: not this one's opening
    return span.start


def quotation_end(span: Span, spans: Sequence[Span]) -> int:
    """Where the quotation a sentence leaves open closes: a notice or a speaker's words that run
    on over the next sentences ('... a notice in the window: "Singers wanted. / No audition. /
    Bring a pencil."') are quoted to their end, up to ``QUOTE_REACH`` sentences on and
    ``REASON_WORDS`` words in all; the sentence's own end otherwise."""
    if not _opens_quotation(span.text):
        return span.end
    words = word_count(span.text)
    for p in [p for p in spans if p.start >= span.end][:QUOTE_REACH]:
        words += word_count(p.text)
        if _closes_quotation(p.text):
            return p.end if words <= REASON_WORDS else span.end
        if any(c in p.text for c in (_OPEN_MARK, _CLOSE_MARK, _STRAIGHT)):
            break
    return span.end


def expand(span: Span, spans: Sequence[Span], extra: Span | None = None,
           whole_quotation: bool = True) -> tuple[int, int]:
    """Quote a sentence with its context: one opening with "This ..." (or a condition on what
    it tells: "If it is stuck, ...") takes the sentence before it; one followed by a "This ..."
    sentence takes that one too; with
    ``whole_quotation``, one that closes a quotation opened sentences before takes it from
    where it opens (``quotation_start``); ``extra`` (a neighbour holding the kind of answer
    asked for) is joined in."""
    start, end = quotation_start(span, spans) if whole_quotation else span.start, span.end
    if whole_quotation:
        end = quotation_end(span, spans)
    if _ANAPHOR.match(span.text):
        prev = [p for p in spans if p.end <= span.start]
        if prev:
            start = min(start, prev[-1].start)
            # ... and the one before that when it leans back too ("I would suggest trying
            # those for a month. / If they fail, ...")
            if len(prev) > 1 and _ANAPHOR.match(prev[-1].text):
                start = min(start, prev[-2].start)
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
    lead_in: Callable[[Candidate], Candidate | None] = lambda c: None,
    reason_after: Callable[[Candidate], Span | None] = lambda c: None,
    announced: Callable[[Candidate], Span | None] = lambda c: None,
    reply: Callable[[Candidate], Candidate | None] = lambda c: None,
    closest_k: int = 3,
    post_author: str | None = None,
    speakers: Mapping[str, str] | None = None,
) -> Answer:
    """Quote the candidates the model believes answer (best first), or abstain.

    ``candidates`` are sorted by probability, best first. The question model's
    ``confidence`` that an answer from them is right must reach ``threshold``; others join
    the best one when they reach ``keep`` x its probability, up to ``max_quotes`` quotes and
    ``max_words`` words. ``speakers`` names the speaker of an interview's paragraphs
    (``speaker_labels``): a quote past the label is introduced with the name. ``lead_in``
    gives a sentence of another paragraph to quote before the best one (the one naming
    whom its '"...," she said.' stands for). The best quote
    runs on to the sentence ``reason_after`` gives for it (the reason a "why" question asks
    for, told just after the sentence that restates what it explains; whatever is asked, the
    sentence after one that only sets it up), words allowing; any other quote that only
    announces what the next sentence tells runs on to the sentence ``announced`` gives ("The
    survey results are the most interesting part. / Both show ..."); a best quote that is a question
    closing its paragraph is followed by the ``reply`` to it (the next paragraph).
    """
    speakers = speakers or {}

    def introduce(source: Source, start: int, text: str) -> str:
        speaker = speakers.get(source.id) if start > 0 else None
        return attribution(source, post_author, speaker, text.rstrip().endswith("?"))

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
        # the best quote is shown whole when it ends a quotation; the others keep to their
        # sentence, leaving the words to more of the page
        start, end = expand(c.span, spans_by_source.get(c.span.source_id, ()), neighbour(c),
                            whole_quotation=not chosen)
        after = reason_after(c) if not chosen else announced(c)
        if chosen and after is not None:
            # what a lead-in announces may run over more than one sentence: when the one after
            # it is quoted already, the lead-in carries on to the next one that is not
            rest = [s for s in spans_by_source.get(c.span.source_id, ()) if s.start >= after.start]
            after = next((s for s in rest if not any(
                k.span.source_id == c.span.source_id and b <= s.start and s.end <= e
                for k, b, e in chosen)), None)
            if after is not None and after.text.rstrip("\"'\u201d)").endswith("?"):
                after = None
            if after is not None and word_count(c.span.text) + word_count(after.text) \
                    <= REASON_WORDS:
                start, end = min(start, c.span.start), max(end, after.end)
                after = None
        if after is not None and after.start >= end \
                and word_count(c.source.text[start:after.end]) <= REASON_WORDS:
            end = after.end
        elif after is not None and after.end <= start \
                and word_count(c.source.text[after.start:end]) <= REASON_WORDS:
            start = after.start  # the verdict told just before (``reason_after``)
        text = c.source.text[start:end]
        overlap = next((i for i, (k, b, e) in enumerate(chosen)
                        if k.span.source_id == c.span.source_id and start < e and b < end), None)
        if overlap is not None:
            # it runs into a quote already chosen (its lead-in, a quote's speaker): one quote of
            # both, when the words allow ("Councillor Hale ... questioned ... / '...,' he said.
            # / 'I would rather we fixed the roofs first.'")
            k, b, e = chosen[overlap]
            nb, ne = min(b, start), max(e, end)
            grown = word_count(c.source.text[nb:ne]) - word_count(c.source.text[b:e])
            if grown and used + grown <= options.max_words:
                chosen[overlap] = (k, nb, ne)
                used += grown
            continue
        if any(_near_duplicate(text, k.source.text[b:e]) for k, b, e in chosen):
            continue
        cost = word_count(text) + word_count(introduce(c.source, start, text)) + 1
        if chosen and used + cost > options.max_words:
            continue
        lead = lead_in(c) if not chosen else None
        if lead is not None:
            lead_text = lead.span.text
            lead_cost = word_count(lead_text) + word_count(introduce(lead.source, lead.span.start,
                                                                     lead_text)) + 1
            if lead_cost + cost <= options.max_words:
                chosen.append((lead, lead.span.start, lead.span.end))
                used += lead_cost
        chosen.append((c, start, end))
        used += cost
        answer_to = reply(c) if len(chosen) == 1 else None
        if answer_to is not None:
            reply_text = answer_to.span.text
            reply_cost = word_count(reply_text) + word_count(
                introduce(answer_to.source, answer_to.span.start, reply_text)) + 1
            if used + reply_cost <= options.max_words:
                chosen.append((answer_to, answer_to.span.start, answer_to.span.end))
                used += reply_cost
    quotes = tuple(
        Quote(n, c.source.text[b:e], b, e, c.prob, c.source)
        for n, (c, b, e) in enumerate(chosen, start=1)
    )
    parts = [f"{introduce(q.source, q.start, q.text)}{q.text} [{q.n}]" for q in quotes]
    return Answer(question, " ".join(parts), False, quotes, (), query.text,
                  extra={"confidence": round(confidence, 4)})
