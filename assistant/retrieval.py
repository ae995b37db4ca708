"""Hybrid retrieval: dense (FAISS) and lexical (BM25) over chunks, fused by reciprocal rank,
then a sentence stage that scores the sentences of the best chunks.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .index import Index, clause_owners
from .query import Query
from .text import terms, words
from .types import Hit, Source, Span

RRF_K = 60
KIND_BONUS = 0.15  # the question names this part of the page ("the picture", "the DOI")
AUTHOR_BONUS = 0.15  # the question names this comment's author or date
# Between near-equal candidates, prefer the article's own text to readers' comments.
ARTICLE_PRIOR = 0.03


@dataclass(frozen=True)
class RetrievalOptions:
    """Switches for the ablation benchmarks; the defaults are the assistant."""

    dense: bool = True
    lexical: bool = True
    sentence_stage: bool = True
    sentence_chunks: int = 6  # how many of the best chunks the sentence stage reads
    clauses: bool = True  # match long sentences on their clauses too


@dataclass(frozen=True)
class ScoredSentence:
    span: Span
    source: Source
    score: float
    dense: float
    coverage: float
    chunk_rank: int
    anchored: bool  # the question names this sentence's page part, author, or a name in it
    rank: float  # ordering score: leans on meaning (dense) more than ``score`` does


class BM25:
    """Okapi BM25 over pre-tokenised documents (the article is small: plain Python is plenty)."""

    def __init__(self, docs: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75):
        self.tf = [Counter(d) for d in docs]
        self.len = [len(d) for d in docs]
        self.avg = (sum(self.len) / len(docs)) if docs else 1.0
        df: Counter[str] = Counter(t for d in docs for t in set(d))
        n = len(docs)
        self.idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        self.max_idf = math.log(1 + (n + 0.5) / 0.5)
        self.k1, self.b = k1, b

    def scores(self, query: Iterable[tuple[str, float]]) -> np.ndarray:
        out = np.zeros(len(self.tf), dtype=np.float32)
        for term, weight in query:
            idf = self.idf.get(term)
            if idf is None:
                continue
            for i, tf in enumerate(self.tf):
                f = tf.get(term)
                if f:
                    norm = self.k1 * (1 - self.b + self.b * self.len[i] / self.avg)
                    out[i] += weight * idf * f * (self.k1 + 1) / (f + norm)
        return out


def _ranks(scores: np.ndarray, allowed: np.ndarray) -> np.ndarray:
    """1-based rank of each item by score among the allowed ones (others get a huge rank)."""
    order = np.argsort(-np.where(allowed, scores, -np.inf), kind="stable")
    ranks = np.empty(len(scores), dtype=np.float64)
    ranks[order] = np.arange(1, len(scores) + 1)
    ranks[~allowed] = 1e9
    return ranks


class Retriever:
    """Scores chunks and sentences of one index for a query vector and a ``Query``."""

    def __init__(self, index: Index, sources: Sequence[Source], options: RetrievalOptions | None = None):
        self.index = index
        self.options = options or RetrievalOptions()
        self.sources = {s.id: s for s in sources}
        self.chunk_kind = np.array([self.sources[c.source_id].kind for c in index.chunks])
        self.chunk_terms = [terms(c.header) + terms(c.text) for c in index.chunks]
        self.bm25 = BM25(self.chunk_terms)
        # Sentence terms: the sentence's own, and its source header's (weighted lower).
        self.sentence_terms = [set(terms(s.text)) for s in index.sentences]
        self.clause_owner = np.array(clause_owners(index.sentences), dtype=np.int64)
        self.header_terms = [set(terms(index.chunks[c].header)) for c in index.sentence_chunk]
        sent_bm25 = BM25([list(t) for t in self.sentence_terms])
        self.idf = sent_bm25.idf
        self.max_idf = sent_bm25.max_idf
        self.vocabulary = set(self.idf) | {t for h in self.header_terms for t in h}

    def _weighted_terms(self, query: Query) -> list[tuple[str, float]]:
        return [(t, 1.0) for t in query.terms] + [(t, 0.4) for t in query.context_terms]

    def _allowed(self, kinds: frozenset[str] | None) -> np.ndarray:
        if kinds is None:
            return np.ones(len(self.index.chunks), dtype=bool)
        return np.isin(self.chunk_kind, list(kinds))

    def _dense(self, vectors, qvec: np.ndarray) -> np.ndarray:
        scores, ids = vectors.search(qvec.reshape(1, -1).astype(np.float32), vectors.ntotal)
        out = np.zeros(vectors.ntotal, dtype=np.float32)
        out[ids[0]] = scores[0]
        return out

    def chunk_scores(self, qvec: np.ndarray, query: Query, kinds: frozenset[str] | None):
        """Fused (RRF) scores of every chunk, with the dense and lexical parts."""
        allowed = self._allowed(kinds)
        dense = self._dense(self.index.chunk_vectors, qvec)
        lexical = self.bm25.scores(self._weighted_terms(query))
        fused = np.zeros(len(dense))
        if self.options.dense:
            fused += 1.0 / (RRF_K + _ranks(dense, allowed))
        if self.options.lexical:
            has_terms = lexical > 0
            fused += np.where(has_terms, 1.0 / (RRF_K + _ranks(lexical, allowed)), 0.0)
        fused[~allowed] = -1.0
        return fused, dense, lexical

    def search(self, qvec: np.ndarray, query: Query, k: int, kinds: frozenset[str] | None) -> list[Hit]:
        fused, dense, lexical = self.chunk_scores(qvec, query, kinds)
        order = [int(i) for i in np.argsort(-fused, kind="stable") if fused[i] >= 0][:k]
        return [
            Hit(self.index.chunks[i], self.sources[self.index.chunks[i].source_id],
                float(fused[i]), float(dense[i]), float(lexical[i]))
            for i in order
        ]

    def coverage(self, query: Query, i: int) -> float:
        """IDF-weighted share of the question's terms found in sentence ``i`` (or its header,
        at half weight). Terms the article never uses count at the highest IDF."""
        total = got = 0.0
        for term, weight in self._weighted_terms(query):
            idf = self.idf.get(term, self.max_idf) * weight
            total += idf
            if term in self.sentence_terms[i]:
                got += idf
            elif term in self.header_terms[i]:
                got += 0.5 * idf
        return got / total if total else 0.0

    @staticmethod
    def _names_author(query: Query, author: str) -> bool:
        return any(len(w) > 2 and w in query.words for w in terms(author))

    def sentences(self, qvec: np.ndarray, query: Query, kinds: frozenset[str] | None) -> list[ScoredSentence]:
        """Every sentence of the best chunks, scored and best first."""
        fused, chunk_dense, _ = self.chunk_scores(qvec, query, kinds)
        chunk_order = [int(i) for i in np.argsort(-fused, kind="stable") if fused[i] >= 0]
        if self.options.sentence_stage:
            chunk_order = chunk_order[: self.options.sentence_chunks]
        chunk_rank = {c: r for r, c in enumerate(chunk_order)}
        rows = self._dense(self.index.sentence_vectors, qvec)
        n = len(self.index.sentences)
        sent_dense = np.maximum(rows[:n], rows[n : 2 * n])
        text_lower = query.text.lower()
        if self.options.clauses:
            np.maximum.at(sent_dense, self.clause_owner, rows[2 * n :])
        out = []
        for i, span in enumerate(self.index.sentences):
            c = self.index.sentence_chunk[i]
            if c not in chunk_rank:
                continue
            cov = self.coverage(query, i) if self.options.lexical else 0.0
            if not self.options.dense:
                dense = 0.0
            elif self.options.sentence_stage:
                dense = 0.7 * float(sent_dense[i]) + 0.3 * float(chunk_dense[c])
            else:
                dense = float(chunk_dense[c])
            # ``score`` decides whether the article answers at all: how much of the question
            # the sentence covers counts as much as meaning. ``rank`` orders the candidates.
            if self.options.dense and self.options.lexical:
                score = 0.55 * dense + 0.45 * cov
                rank = 0.75 * dense + 0.25 * cov
            else:
                score = rank = dense or cov
            source = self.sources[span.source_id]
            bonus = 0.0
            if source.kind in query.kinds:
                bonus += KIND_BONUS
            if (source.author and self._names_author(query, source.author)) or (
                source.date and source.date.lower() in text_lower
            ):
                bonus += AUTHOR_BONUS
            anchored = bonus > 0 or bool(query.names & set(words(span.text)))
            prior = ARTICLE_PRIOR if source.kind != "comment" else 0.0
            out.append(ScoredSentence(span, source, score + bonus, dense, cov, chunk_rank[c],
                                      anchored, rank + bonus + prior))
        out.sort(key=lambda s: (-s.rank, s.chunk_rank, s.span.start))
        return out
