"""The ``Assistant``: loads the corpus, index and model once; every front end calls it."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import index as index_mod
from .answering import AnswerOptions, compose
from .config import Settings
from .corpus import load_sources
from .embedding import Embedder, make_embedder
from .errors import AssistantError, UnknownSourceError
from .query import make_query
from .retrieval import RetrievalOptions, Retriever
from .text import stem
from .types import Answer, Hit, Source, Span
from .validation import check_history, check_k, check_kinds, check_question

log = logging.getLogger(__name__)

SYNONYM_SIMILARITY = 0.6


@dataclass(frozen=True)
class AskRequest:
    """One question for ``Assistant.ask_many``."""

    question: str
    history: tuple[str, ...] = ()
    kinds: tuple[str, ...] | None = None


class Assistant:
    """Answers questions about the article. Thread-safe; build it with ``Assistant.load``."""

    def __init__(
        self,
        settings: Settings,
        sources: Sequence[Source],
        index: index_mod.Index,
        embedder: Embedder,
        retrieval: RetrievalOptions | None = None,
        answering: AnswerOptions | None = None,
    ):
        self.settings = settings
        self._sources = tuple(sources)
        self._by_id = {s.id: s for s in sources}
        self.index = index
        self.embedder = embedder
        self.retriever = Retriever(index, sources, retrieval)
        self.answer_options = answering or AnswerOptions(max_words=settings.max_answer_words,
                                                         max_quotes=settings.max_quotes)
        self._spans: dict[str, list[Span]] = {}
        for span in index.sentences:
            self._spans.setdefault(span.source_id, []).append(span)

    @classmethod
    def load(
        cls,
        settings: Settings | None = None,
        *,
        embedder: Embedder | None = None,
        rebuild: bool = False,
        retrieval: RetrievalOptions | None = None,
        answering: AnswerOptions | None = None,
    ) -> Assistant:
        """Read the corpus and open (or build) the index; the model loads on first use."""
        settings = settings or Settings.from_env()
        sources = load_sources(settings.article_path)
        embedder = embedder or make_embedder(settings)
        idx = index_mod.open_index(sources, embedder, settings, rebuild=rebuild)
        return cls(settings, sources, idx, embedder, retrieval, answering)

    def warm_up(self) -> None:
        """Load the model and run one query so the first real question is fast."""
        self._encode(["warm up"])

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        return self.embedder.encode(texts)  # embedders are thread-safe

    # -- questions ---------------------------------------------------------------------

    def _prepare(self, question: object, history: object, kinds: Iterable[str] | None):
        limit = self.settings.max_question_chars
        q = check_question(question, limit)
        h = check_history(history, limit)
        return q, make_query(q, h, self.settings.max_history), check_kinds(kinds)

    def subject_terms(self, word: str) -> frozenset[str]:
        """The article's terms for ``word``: its own stem if the article uses it, and the
        stems of close synonyms by embedding ("men" / "males"); empty if it never speaks
        of it."""
        found = {stem(word)} & self.retriever.vocabulary
        vectors = self.index.vocabulary_vectors
        if vectors.ntotal:
            sims, ids = vectors.search(self._encode([word]), min(5, vectors.ntotal))
            found |= {stem(self.index.vocabulary[i])
                      for sim, i in zip(sims[0], ids[0], strict=True)
                      if i >= 0 and sim >= SYNONYM_SIMILARITY}
        return frozenset(found)

    def _answer(self, q: str, query, kinds, qvec: np.ndarray) -> Answer:
        ranked = self.retriever.sentences(qvec, query, kinds)
        return compose(q, query, ranked, self._spans, self.subject_terms,
                       self.answer_options, self.settings.closest_k)

    def ask(
        self, question: str, history: Sequence[str] = (), kinds: Iterable[str] | None = None
    ) -> Answer:
        """Answer one question; ``history`` holds the conversation's earlier questions."""
        q, query, k = self._prepare(question, history, kinds)
        return self._answer(q, query, k, self._encode([query.text])[0])

    def ask_many(self, requests: Sequence[AskRequest]) -> list[Answer | AssistantError]:
        """Answer many questions with one model call; a bad one comes back as its error."""
        prepared: list[Any] = []
        for r in requests:
            try:
                prepared.append(self._prepare(r.question, r.history, r.kinds))
            except AssistantError as exc:
                prepared.append(exc)
        texts = [p[1].text for p in prepared if not isinstance(p, AssistantError)]
        vectors = iter(self._encode(texts)) if texts else iter(())
        out: list[Answer | AssistantError] = []
        for p in prepared:
            if isinstance(p, AssistantError):
                out.append(p)
            else:
                out.append(self._answer(p[0], p[1], p[2], next(vectors)))
        return out

    def search(self, query: str, k: int = 5, kinds: Iterable[str] | None = None) -> list[Hit]:
        """The ``k`` best chunks for ``query`` by fused dense and lexical rank."""
        _, parsed, kk = self._prepare(query, (), kinds)
        check_k(k)
        return self.retriever.search(self._encode([parsed.text])[0], parsed, k, kk)

    # -- the article -------------------------------------------------------------------

    def sources(self) -> tuple[Source, ...]:
        return self._sources

    def source(self, source_id: str) -> Source:
        try:
            return self._by_id[source_id]
        except KeyError:
            known = ", ".join(self._by_id)
            raise UnknownSourceError(f"no source {source_id!r}; known sources: {known}") from None

    def examples(self) -> list[str]:
        """The team's starter questions (``corpus/questions.txt``), for the UI and sheets."""
        path = self.settings.corpus_dir / "questions.txt"
        if not path.is_file():
            return []
        lines = path.read_text(encoding="utf-8").splitlines()
        return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]

    def health(self) -> dict[str, Any]:
        m = self.index.manifest
        return {
            "status": "ok",
            "model": m.get("model"),
            "corpus_hash": m.get("corpus_hash"),
            "chunks": m.get("chunks"),
            "sentences": m.get("sentences"),
            "sources": len(self._sources),
            "built_at": m.get("built_at"),
        }
