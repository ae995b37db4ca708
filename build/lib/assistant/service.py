"""The ``Assistant``: loads the corpus, index and model once; every front end calls it."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from . import index as index_mod
from .answer_model import AnswerModel, load_model
from .answering import AnswerOptions, Candidate, compose
from .config import Settings
from .corpus import load_sources
from .embedding import Embedder, make_embedder
from .errors import AssistantError, UnknownSourceError
from .features import FEATURES, feature_matrix, question_features
from .grounding import ground, stem_of
from .query import PERSON, TIME, Query, make_query
from .retrieval import RetrievalOptions, Retriever
from .types import Answer, Hit, Source, Span
from .validation import check_history, check_k, check_kinds, check_question

if TYPE_CHECKING:
    from .library import ArticleInfo

log = logging.getLogger(__name__)
_TYPE_OK = FEATURES.index("type_ok")
_TOPIC_FOUND = FEATURES.index("topic_found")

# A word of the article is a close synonym of a question's word at this cosine or above.
SYNONYM_SIMILARITY = 0.6
# At most this many candidate sentences are scored by the answer model per question.
MAX_CANDIDATES = 48
_KIND_WORDS = {"number": "a number", "time": "a date, period or duration", "person": "a person",
               "place": "a place or institution", "title": "a title"}


@dataclass(frozen=True)
class AskRequest:
    """One question for ``Assistant.ask_many``."""

    question: str
    history: tuple[str, ...] = ()
    kinds: tuple[str, ...] | None = None


def unknown_phrases(question: str, grounding: Any) -> list[str]:
    """The question's runs of words the article never uses (a word found only as a loose
    synonym joins its unknown neighbour): "vitamin D" in "Does vitamin D help?"."""
    runs: list[list[str]] = [[]]
    has_unknown = [False]
    for m in re.finditer(r"[\w'\u2019-]+", question):
        w = m.group()
        t = stem_of(w.lower())
        if t in grounding.unknown or (t in grounding.synonyms and runs[-1]):
            runs[-1].append(w)
            has_unknown[-1] |= t in grounding.unknown
        elif t in grounding.synonyms:
            runs[-1].append(w)
        else:
            runs.append([])
            has_unknown.append(False)
    return [" ".join(r) for r, u in zip(runs, has_unknown, strict=True) if r and u]


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
        model: AnswerModel | None = None,
        *,
        info: ArticleInfo | None = None,
        examples: Sequence[str] | None = None,
    ):
        self.settings = settings
        self._info = info
        self._examples = list(examples) if examples is not None else None
        self._sources = tuple(sources)
        self._by_id = {s.id: s for s in sources}
        self.index = index
        self.embedder = embedder
        self.retriever = Retriever(index, sources, retrieval)
        self.answer_options = answering or AnswerOptions(max_words=settings.max_answer_words,
                                                         max_quotes=settings.max_quotes)
        self.model = model or load_model()
        self._spans: dict[str, list[Span]] = {}
        for span in index.sentences:
            self._spans.setdefault(span.source_id, []).append(span)
        self._word_vectors: dict[str, np.ndarray] = {}
        self._vocab: frozenset[str] | None = None
        self._kinds = frozenset(s.kind for s in self._sources)

    @classmethod
    def load(
        cls,
        settings: Settings | None = None,
        *,
        embedder: Embedder | None = None,
        rebuild: bool = False,
        retrieval: RetrievalOptions | None = None,
        answering: AnswerOptions | None = None,
        model: AnswerModel | None = None,
        article: str | None = None,
    ) -> Assistant:
        """Read the corpus and open (or build) the index. This loads the model: an index is
        used only if the model here gives the vectors it was built with (else it is rebuilt).

        ``article`` names an article added to the library (``assistant add``); None is the
        bundled article.
        """
        settings = settings or Settings.from_env()
        if article is not None:
            from .library import Library

            library = Library(settings, embedder=embedder)
            if article != library.bundled_id:
                return library.rebuild(article) if rebuild else library.get(article)
        sources = load_sources(settings.article_path)
        return cls.from_sources(sources, settings, embedder=embedder, rebuild=rebuild,
                                retrieval=retrieval, answering=answering, model=model)

    @classmethod
    def from_sources(
        cls,
        sources: Sequence[Source],
        settings: Settings | None = None,
        *,
        embedder: Embedder | None = None,
        rebuild: bool = False,
        retrieval: RetrievalOptions | None = None,
        answering: AnswerOptions | None = None,
        model: AnswerModel | None = None,
    ) -> Assistant:
        """An Assistant on these sources, its index opened (or built) in ``settings.index_dir``."""
        settings = settings or Settings.from_env()
        embedder = embedder or make_embedder(settings)
        idx = index_mod.open_index(sources, embedder, settings, rebuild=rebuild)
        return cls(settings, sources, idx, embedder, retrieval, answering, model)

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

    def word_vectors(self, words: Sequence[str]) -> np.ndarray:
        """One vector per word, each embedded alone and kept for the next question."""
        todo = [w for w in dict.fromkeys(words) if w not in self._word_vectors]
        if todo:
            for w, v in zip(todo, self._encode(todo), strict=True):
                self._word_vectors[w] = v
        if not words:
            return np.zeros((0, self.embedder.dim), dtype=np.float32)
        return np.vstack([self._word_vectors[w] for w in words])

    def similar_words(self, words: Sequence[str]) -> dict[str, list[tuple[str, float]]]:
        """For each word, the article's words closest in meaning (cosine >= 0.6 by the
        embedding model): "men" finds "males". Each word is embedded alone, so a word's
        synonyms never depend on the question it came with."""
        vectors = self.index.vocabulary_vectors
        out: dict[str, list[tuple[str, float]]] = {}
        if not vectors.ntotal:
            return out
        for w, vec in zip(words, self.word_vectors(words), strict=True):
            sims, ids = vectors.search(vec.reshape(1, -1), min(3, vectors.ntotal))
            out[w] = [(self.index.vocabulary[i], float(sim))
                      for sim, i in zip(sims[0], ids[0], strict=True)
                      if i >= 0 and sim >= SYNONYM_SIMILARITY]
        return out

    def _is_word(self, word: str) -> bool:
        """Whether the embedding model's vocabulary has ``word`` as one whole token (a real
        word, not a slip of the pen). Unknown when the vocabulary cannot be read: True."""
        if self._vocab is None:
            path = self.settings.model_path / "vocab.txt" if self.settings.model_path else None
            try:
                self._vocab = frozenset(path.read_text(encoding="utf-8").split()) if path else frozenset()
            except OSError:
                self._vocab = frozenset()
        return not self._vocab or word in self._vocab

    def candidates(self, query: Query, kinds: frozenset[str] | None, qvec: np.ndarray
                   ) -> tuple[list[Candidate], Any]:
        """The article's sentences most likely to answer, with the model's probabilities,
        best first; and how the question's terms were found in the article."""
        r = self.retriever
        sig = r.signals(qvec, query, kinds)
        grounding = ground(query, r.article, self.similar_words, self._is_word)
        rows = np.flatnonzero(sig.allowed)
        if len(rows) > MAX_CANDIDATES:
            prior = np.maximum(sig.dense, sig.dense_ctx)[rows] + 0.5 * sig.lexical[rows]
            rows = rows[np.argsort(-prior, kind="stable")[:MAX_CANDIDATES]]
        spans = [self.index.sentences[i] for i in rows]
        sources = [self._by_id[s.source_id] for s in spans]
        X = feature_matrix(query, rows, info=r.info, article=r.article, grounding=grounding,
                           dense=sig.dense, dense_ctx=sig.dense_ctx, dense_chunk=sig.dense_chunk,
                           lexical=sig.lexical, lexical_sentence=sig.lexical_sentence,
                           sources=sources, focus_sims=self._focus_sims(query))
        probs = self.model.sentence.probabilities(X) if len(rows) else np.zeros(0)
        if query.yes_no_topic:
            # "Does estrogen ...?" is answered only from passages that name estrogen (or a
            # close synonym): one that merely shares the rest of the question says nothing
            # about it.
            probs = np.where(X[:, _TOPIC_FOUND] < 0, 0.0, probs)
        order = sorted(range(len(rows)), key=lambda j: (-probs[j], int(rows[j])))
        return [Candidate(int(rows[j]), spans[j], sources[j], float(probs[j]), X[j])
                for j in order], grounding

    def _focus_sims(self, query: Query) -> np.ndarray | None:
        """Cosine of each asked thing, then each asked verb, of the question with each word of
        the article."""
        matrix = self.retriever.vocabulary_matrix
        asked = [*query.focus, *query.focus_verb]
        if not asked or not len(matrix):
            return None
        return self.word_vectors(asked) @ matrix.T

    def _why_not(self, query: Query, grounding: Any, candidates: Sequence[Candidate]) -> str:
        """Why the article does not answer, in plain words."""
        kinds = {s.kind for s in self._sources}
        if query.author_of == "post" and "byline" not in kinds:
            return "the page does not name the post's author"
        if query.published_of == "post" and "byline" not in kinds:
            return "the page does not say when the post was published"
        if query.yes_no_topic and all(c.features[_TOPIC_FOUND] < 0 for c in candidates):
            return f"no passage speaks of \u201c{query.yes_no_topic}\u201d"
        phrases = unknown_phrases(query.question, grounding)
        if phrases:
            shown = " or ".join(f"\u201c{p}\u201d" for p in phrases[:3])
            return f"the article never mentions {shown}"
        wanted = query.answer_type
        if wanted and not any(c.features[_TYPE_OK] > 0 for c in candidates[:5]):
            return f"no passage close to the question gives {_KIND_WORDS.get(wanted, wanted)}"
        return "the closest passage is not close enough to the question"

    def _neighbour(self, query: Query, c: Candidate) -> Span | None:
        """A sentence next to ``c`` in its paragraph that holds the kind of answer asked for,
        when ``c`` does not ("Who said ...?" quotes the sentence naming the speaker)."""
        wanted = query.answer_type
        if not wanted or c.features[_TYPE_OK] >= 0 or wanted not in (PERSON, TIME, "number", "place"):
            return None
        flags = self.retriever.info.flags[wanted]
        for j in (c.row - 1, c.row + 1):
            if 0 <= j < len(self.index.sentences) and flags[j] and \
                    self.index.sentences[j].source_id == c.span.source_id:
                return self.index.sentences[j]
        return None

    def confidence(self, query: Query, candidates: Sequence[Candidate], qvec: np.ndarray) -> float:
        """P(an answer from these candidates is right), by the question model."""
        if not candidates:
            return 0.0
        q = self.question_vector(query, candidates, qvec)
        return float(self.model.question.probabilities(q[None, :])[0])

    def question_vector(self, query: Query, candidates: Sequence[Candidate], qvec: np.ndarray
                        ) -> np.ndarray:
        """The question model's features for this question and its ranked candidates."""
        probs = np.array([c.prob for c in candidates])
        X = np.vstack([c.features for c in candidates])
        return question_features(query, probs, X, self._kinds)

    def _answer(self, q: str, query: Query, kinds, qvec: np.ndarray) -> Answer:
        candidates, grounding = self.candidates(query, kinds, qvec)
        opts = self.answer_options
        return compose(
            q, query, candidates, self._spans,
            confidence=self.confidence(query, candidates, qvec),
            threshold=opts.threshold if opts.threshold is not None else self.model.threshold,
            keep=opts.keep if opts.keep is not None else self.model.keep,
            options=opts,
            why_not=lambda cs: self._why_not(query, grounding, cs),
            neighbour=lambda c: self._neighbour(query, c),
            closest_k=self.settings.closest_k,
        )

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

    @property
    def info(self) -> ArticleInfo:
        """Which article this is: id, title, author, date, link, counts."""
        if self._info is None:
            from .library import ArticleInfo, slugify

            self._info = ArticleInfo.of(slugify(Path(self.settings.article_file).stem),
                                        list(self._sources), bundled=True,
                                        page_file=self.settings.article_file)
        return self._info

    def examples(self) -> list[str]:
        """Starter questions for the UI and sheets: the team's (``corpus/questions.txt``)
        for the bundled article, ones made from the page for an added one."""
        if self._examples is not None:
            return list(self._examples)
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
