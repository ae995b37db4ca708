"""Retrieval signals: dense (FAISS) and lexical (BM25) scores of chunks and sentences.

``Retriever.search`` ranks chunks by the reciprocal-rank fusion of both (the search API);
``Retriever.signals`` gives, for every sentence of the article, what the answer model's
features are made of (similarity bare, in context and of its chunk; BM25 of its chunk and of
itself). The article's term tables and question-independent sentence facts
(``features.ArticleTerms``, ``features.SentenceInfo``) are built once here.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from .grounding import ArticleTerms
from .index import Index, clause_owners
from .query import Query
from .sentences import SentenceInfo
from .text import terms
from .types import Hit, Source

RRF_K = 60


@dataclass(frozen=True)
class RetrievalOptions:
    """Switches for the ablation benchmarks; the defaults are the assistant."""

    dense: bool = True
    lexical: bool = True
    clauses: bool = True  # match long sentences on their clauses too


@dataclass(frozen=True)
class Signals:
    """Per sentence of the article, for one question: what the features are made of."""

    dense: np.ndarray  # cosine with the bare sentence
    dense_ctx: np.ndarray  # the best of: with its header, its best clause
    dense_chunk: np.ndarray  # cosine with the sentence's chunk
    lexical: np.ndarray  # BM25 of the sentence's chunk / the best chunk's
    lexical_sentence: np.ndarray  # BM25 of the sentence / the best sentence's
    allowed: np.ndarray  # the sentence's source is of an asked-for kind


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
        # each term's documents, in order, with its count in each; and each document's length
        # norm: a question's term is scored on the documents that have it, not on every one
        self.postings: dict[str, list[tuple[int, int]]] = {}
        for i, tf in enumerate(self.tf):
            for t, f in tf.items():
                self.postings.setdefault(t, []).append((i, f))
        self.norm = [self.k1 * (1 - self.b + self.b * length / self.avg) for length in self.len]

    def scores(self, query: Iterable[tuple[str, float]]) -> np.ndarray:
        out = np.zeros(len(self.tf), dtype=np.float32)
        for term, weight in query:
            idf = self.idf.get(term)
            if idf is None:
                continue
            for i, f in self.postings[term]:
                out[i] += weight * idf * f * (self.k1 + 1) / (f + self.norm[i])
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
        self.clause_owner = np.array(clause_owners(index.sentences), dtype=np.int64)
        headers = [index.chunks[c].header for c in index.sentence_chunk]
        self.article = ArticleTerms(index.sentences, self.sources, headers, index.vocabulary)
        self.sentence_bm25 = BM25([sorted(t) for t in self.article.sentence_terms])
        n = len(index.sentences)
        bare = (index.sentence_vectors.reconstruct_n(0, n) if n
                else np.zeros((0, index.sentence_vectors.d), dtype=np.float32))
        self.info = SentenceInfo.build(index.sentences, self.sources, self.article.sentence_terms,
                                       bare, index.vocabulary)
        nv = index.vocabulary_vectors.ntotal
        self.vocabulary_matrix = (index.vocabulary_vectors.reconstruct_n(0, nv) if nv
                                  else np.zeros((0, index.vocabulary_vectors.d), dtype=np.float32))
        self.sentence_kind = np.array([self.sources[s.source_id].kind for s in index.sentences])
        self.sentence_chunk = np.array(index.sentence_chunk, dtype=np.int64)

    def signals(self, qvec: np.ndarray, query: Query, kinds: frozenset[str] | None) -> Signals:
        """Dense and lexical signals of every sentence for one question."""
        rows = self._dense(self.index.sentence_vectors, qvec)
        n = len(self.index.sentences)
        bare = rows[:n].astype(np.float64)
        ctx = rows[n : 2 * n].astype(np.float64)
        if self.options.clauses and len(self.clause_owner):
            np.maximum.at(ctx, self.clause_owner, rows[2 * n :])
        chunk_dense = self._dense(self.index.chunk_vectors, qvec).astype(np.float64)
        lexical = self.bm25.scores(self._weighted_terms(query)).astype(np.float64)
        top = float(lexical.max()) if len(lexical) else 0.0
        lexical = lexical / top if top > 0 else lexical
        if not self.options.dense:
            bare = np.zeros(n)
            ctx = np.zeros(n)
            chunk_dense = np.zeros_like(chunk_dense)
        if not self.options.lexical:
            lexical = np.zeros_like(lexical)
        sentence_lexical = self.sentence_bm25.scores(self._weighted_terms(query)).astype(np.float64)
        top = float(sentence_lexical.max()) if n else 0.0
        if top > 0 and self.options.lexical:
            sentence_lexical /= top
        else:
            sentence_lexical = np.zeros(n)
        allowed = (np.ones(n, dtype=bool) if kinds is None
                   else np.isin(self.sentence_kind, list(kinds)))
        return Signals(bare, ctx, chunk_dense[self.sentence_chunk], lexical[self.sentence_chunk],
                       sentence_lexical, allowed)

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
