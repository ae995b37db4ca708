"""The chat's HTML: a conversation's turns, answers with linked citations, and the article
with every quote anchored and the latest answer's sentences highlighted. Pure functions;
everything shown, questions and article alike, is escaped here before it becomes HTML."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .types import Answer, Quote, Source

OPINION = "Reader\u2019s opinion, not the article\u2019s findings"
FAILED = "Sorry, something went wrong while answering. Please try again or rephrase the question."
_SHOWN_CHARS = 400  # an over-long question is shown cut to this length
_MARK = re.compile(r"\[(\d+)\]")


@dataclass(frozen=True)
class Turn:
    """One exchange: the question as typed and either its answer or a friendly error."""

    question: str
    answer: Answer | None = None
    error: str | None = None


def quote_id(quote: Quote) -> str:
    """The article anchor of a quoted span, e.g. ``q-post-3-120-250``."""
    return f"q-{quote.source.id}-{quote.start}-{quote.end}"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def user_html(question: str) -> str:
    """The reader's question, shown literally (cut if over-long)."""
    shown = question if len(question) <= _SHOWN_CHARS else question[:_SHOWN_CHARS] + "\u2026"
    return _e(shown)


def _opinion(source: Source) -> str:
    if source.kind != "comment":
        return ""
    return f' <span class="qa-opinion">({OPINION})</span>'


def citation_html(quote: Quote, *, numbered: bool = True) -> str:
    """A link that takes the reader to the quote in the article, with the source's label."""
    mark = f"[{quote.n}] " if numbered else ""
    return (
        f'<a class="qa-cite" href="#{quote_id(quote)}" title="Show in the article">'
        f"{mark}{_e(quote.source.label)}</a>{_opinion(quote.source)}"
    )


def _closest_html(quotes: Sequence[Quote]) -> str:
    items = "".join(
        f'<li><span class="qa-quote">\u201c{_e(q.text)}\u201d</span> \u2014 '
        f"{citation_html(q, numbered=False)}</li>"
        for q in quotes
    )
    return (
        '<p class="qa-closest-head">Closest passages, for you to judge:</p>'
        f'<ul class="qa-closest">{items}</ul>'
    )


def _headline(text: str) -> str:
    """The first sentence of an abstention ("The article does not say."): the rest points at
    the closest passages, which the reply heads itself."""
    first, sep, _ = text.partition(". ")
    return first + "." if sep else text


def _reason_html(reason: str | None) -> str:
    """Why the article does not answer, in plain words, as a sentence."""
    if not reason:
        return ""
    sentence = reason[0].upper() + reason[1:]
    return f'<p class="qa-reason">{_e(sentence.rstrip("."))}.</p>'


def answer_html(answer: Answer) -> str:
    """An answer with its ``[n]`` markers linked and its citations listed under it.

    When the article does not say, a distinct plain reply: that it does not, why, and the
    closest passages. "Read as" only for a follow-up (the question read with earlier ones).
    """
    read_as = ""
    if answer.resolved_question and answer.resolved_question != answer.question:
        read_as = f'<p class="qa-read-as">Read as: <em>{_e(answer.resolved_question)}</em></p>'
    if answer.abstained:
        closest = _closest_html(answer.closest) if answer.closest else ""
        return (
            f'<div class="qa-abstain">{read_as}'
            f'<p class="qa-abstain-head"><strong>{_e(_headline(answer.answer))}</strong></p>'
            f"{_reason_html(answer.reason)}{closest}</div>"
        )
    by_n = {q.n: q for q in answer.quotes}

    def link(m: re.Match[str]) -> str:
        q = by_n.get(int(m.group(1)))
        if q is None:
            return m.group(0)
        return f'<a class="qa-mark" href="#{quote_id(q)}" title="{_e(q.source.label)}">[{q.n}]</a>'

    body = _MARK.sub(link, _e(answer.answer))
    cites = "".join(f"<li>{citation_html(q)}</li>" for q in answer.quotes)
    return (
        f'<div class="qa-answer">{read_as}<p class="qa-text">{body}</p>'
        f'<p class="qa-cites-head">Sources:</p><ul class="qa-cites">{cites}</ul></div>'
    )


def error_html(message: str) -> str:
    return f'<p class="qa-error" role="alert">{_e(message)}</p>'


def chat_messages(turns: Sequence[Turn]) -> list[dict[str, str]]:
    """The conversation in the Chatbot's messages format."""
    messages = []
    for turn in turns:
        messages.append({"role": "user", "content": user_html(turn.question)})
        reply = answer_html(turn.answer) if turn.answer else error_html(turn.error or FAILED)
        messages.append({"role": "assistant", "content": reply})
    return messages


def _text_html(source: Source, anchors: Iterable[Quote], cited: set[tuple[int, int]]) -> str:
    """The source's text cut at every quote boundary; cited spans in <mark>, anchors by id."""
    text = source.text
    spans = {(q.start, q.end) for q in anchors
             if q.source.id == source.id and 0 <= q.start < q.end <= len(text)}
    if not spans:
        return _e(text)
    cuts = sorted({0, len(text)} | {s for s, _ in spans} | {e for _, e in spans})
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        out += [f'<span class="qa-anchor" id="q-{_e(source.id)}-{s}-{e}"></span>'
                for s, e in sorted(spans) if s == a]
        inside = [sp for sp in spans if sp[0] <= a and b <= sp[1]]
        piece = _e(text[a:b])
        if not inside:
            out.append(piece)
            continue
        hot = any(sp in cited for sp in inside)
        tag, cls = ("mark", "qa-seg qa-cited") if hot else ("span", "qa-seg")
        out.append(f'<{tag} class="{cls}" data-s="{a}" data-e="{b}">{piece}</{tag}>')
    return "".join(out)


def article_html(sources: Sequence[Source], turns: Sequence[Turn] = ()) -> str:
    """The article as published; every quote of the conversation is an anchor and the
    sentences cited in the latest answer are highlighted."""
    answers = [t.answer for t in turns if t.answer]
    anchors = [q for a in answers for q in (*a.quotes, *a.closest)]
    latest = turns[-1].answer if turns else None
    cited = {(q.start, q.end) for q in latest.quotes} if latest else set()
    cited_ids = {q.source.id for q in latest.quotes} if latest else set()
    parts = ['<article class="qa-article" aria-labelledby="qa-article-head">'
             '<p class="qa-panel-head" id="qa-article-head">The article, as published</p>']
    in_comments = False
    for s in sources:
        mine = cited if s.id in cited_ids else set()
        body = _text_html(s, anchors, mine)
        sid = f'id="src-{_e(s.id)}"'
        if s.kind == "comment" and not in_comments:
            in_comments = True
            parts.append(
                '<h3 class="qa-h">Reader comments</h3>'
                '<p class="qa-note">What readers wrote: their opinions, not the article\u2019s '
                "findings.</p>"
            )
        if s.kind == "title":
            parts.append(f'<h2 class="qa-title" {sid}>{body}</h2>')
        elif s.kind == "caption":
            parts.append(f'<p class="qa-caption" {sid}><em>{body}</em></p>')
        elif s.kind in ("reference", "abstract"):
            parts.append(f'<h3 class="qa-h">{_e(s.label)}</h3><p class="qa-src" {sid}>{body}</p>')
        elif s.kind == "comment":
            parts.append(
                f'<div class="qa-comment" {sid}><p class="qa-who">{_e(s.label)}</p>'
                f'<p class="qa-src">{body}</p></div>'
            )
        else:
            parts.append(f'<p class="qa-src" {sid}>{body}</p>')
    parts.append("</article>")
    return "".join(parts)
