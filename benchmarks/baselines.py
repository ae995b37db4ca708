"""Three tutorial-style baselines, reimplemented on the same article and the same model.

What a typical "chat with a web page" tutorial does, with nothing tuned for this article:

- ``bm25-paragraph``: rank-bm25 ``BM25Okapi`` (default parameters) over the paragraphs,
  each indexed with its heading ("Post, paragraph 3: ..."), tokens lower-cased words minus
  English stopwords; answer with the top paragraph.
- ``dense-paragraph``: MiniLM embeddings of the same "heading: paragraph" texts in a FAISS
  ``IndexFlatIP`` (cosine on normalised vectors); answer with the top paragraph.
- ``dense-sentences``: MiniLM embeddings of the bare sentences, same index; answer with the
  top two sentences.

A "paragraph" is one of the article's sources (title, caption, post paragraphs, reference,
comments) as ``assistant.corpus.load_sources`` reads them; its heading is the source's label.
These defaults reproduce the figures quoted in the benchmark issue; ``quality.py`` also
scores a few other common choices (whitespace tokens, no headings) to show how much such
details move a baseline. Each baseline returns an
``Answer`` in the contract's shape: the quotes are the retrieved text verbatim with offsets
into their source, the answer text is those quotes with ``[n]`` markers. Baselines ignore
the conversation history and never abstain.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import faiss
import numpy as np
from rank_bm25 import BM25Okapi

from assistant.embedding import Embedder
from assistant.text import STOPWORDS, sentence_spans, words
from assistant.types import Answer, Quote, Source


@dataclass(frozen=True)
class Passage:
    """A retrievable unit: ``source.text[start:end]``."""

    source: Source
    start: int
    end: int

    @property
    def text(self) -> str:
        return self.source.text[self.start : self.end]


def paragraphs(sources: Sequence[Source]) -> list[Passage]:
    return [Passage(s, 0, len(s.text)) for s in sources]


def sentences(sources: Sequence[Source]) -> list[Passage]:
    return [Passage(s, a, b) for s in sources for a, b in sentence_spans(s.text)]


def _answer(question: str, picked: Sequence[tuple[Passage, float]]) -> Answer:
    quotes = tuple(
        Quote(n, p.text, p.start, p.end, float(score), p.source)
        for n, (p, score) in enumerate(picked, start=1)
    )
    text = " ".join(f"{q.text} [{q.n}]" for q in quotes)
    return Answer(question=question, answer=text, abstained=False, quotes=quotes)


def content_words(text: str) -> list[str]:
    """Lower-cased words without English stopwords (the usual tutorial preprocessing)."""
    return [w for w in words(text) if w not in STOPWORDS]


def whitespace_tokens(text: str) -> list[str]:
    """The bare rank-bm25 README tokeniser: lower-case, split on whitespace."""
    return text.lower().split()


TOKENIZERS: dict[str, Callable[[str], list[str]]] = {
    "content-words": content_words,
    "whitespace": whitespace_tokens,
}


def _indexed_text(p: Passage, heading: bool) -> str:
    return f"{p.source.label}: {p.text}" if heading else p.text


class BM25Paragraph:
    """Top-1 paragraph by BM25 (rank-bm25 ``BM25Okapi``, default parameters)."""

    def __init__(
        self,
        sources: Sequence[Source],
        *,
        tokenizer: str = "content-words",
        heading: bool = True,
        name: str = "bm25-paragraph",
    ):
        if tokenizer not in TOKENIZERS:
            raise ValueError(f"unknown tokenizer {tokenizer!r}: use one of {sorted(TOKENIZERS)}")
        self.name = name
        self._tok = TOKENIZERS[tokenizer]
        self._passages = paragraphs(sources)
        self._bm25 = BM25Okapi([self._tok(_indexed_text(p, heading)) for p in self._passages])

    def ask(self, question: str, history: Sequence[str] = ()) -> Answer:
        scores = self._bm25.get_scores(self._tok(question))
        best = int(np.argmax(scores))
        return _answer(question, [(self._passages[best], float(scores[best]))])


class DenseTopK:
    """Top-k passages by cosine similarity: embeddings in a FAISS ``IndexFlatIP``."""

    def __init__(
        self,
        name: str,
        passages: Sequence[Passage],
        embedder: Embedder,
        *,
        k: int,
        heading: bool,
    ):
        self.name = name
        self._passages = list(passages)
        self._embedder = embedder
        self._k = k
        vecs = embedder.encode([_indexed_text(p, heading) for p in self._passages])
        self._index = faiss.IndexFlatIP(vecs.shape[1])
        self._index.add(vecs)

    def ask(self, question: str, history: Sequence[str] = ()) -> Answer:
        scores, ids = self._index.search(self._embedder.encode([question]), self._k)
        picked = [(self._passages[i], float(s)) for s, i in zip(scores[0], ids[0], strict=True)]
        return _answer(question, picked)


def dense_paragraph(
    sources: Sequence[Source], embedder: Embedder, *, heading: bool = True, name: str = ""
) -> DenseTopK:
    return DenseTopK(name or "dense-paragraph", paragraphs(sources), embedder, k=1, heading=heading)


def dense_sentences(
    sources: Sequence[Source], embedder: Embedder, *, heading: bool = False, name: str = ""
) -> DenseTopK:
    return DenseTopK(name or "dense-sentences", sentences(sources), embedder, k=2, heading=heading)


Baseline = BM25Paragraph | DenseTopK


def all_baselines(sources: Sequence[Source], embedder: Embedder) -> list[Baseline]:
    """The three baselines of the comparison, as the issue describes them."""
    return [
        BM25Paragraph(sources),
        dense_paragraph(sources, embedder),
        dense_sentences(sources, embedder),
    ]


def variant_baselines(sources: Sequence[Source], embedder: Embedder) -> list[Baseline]:
    """Other common choices for the same three, to show how sensitive a baseline is."""
    return [
        BM25Paragraph(
            sources,
            tokenizer="whitespace",
            heading=False,
            name="bm25-paragraph/whitespace-no-heading",
        ),
        BM25Paragraph(sources, heading=False, name="bm25-paragraph/no-heading"),
        dense_paragraph(sources, embedder, heading=False, name="dense-paragraph/no-heading"),
        dense_sentences(sources, embedder, heading=True, name="dense-sentences/heading"),
    ]
