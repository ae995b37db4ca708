"""The ``Assistant``: loads the corpus, index and model once; every front end calls it."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from . import index as index_mod
from .answer_model import AnswerModel, load_model
from .answerer import WHO_ASKED, Answerer, WordLookup
from .answering import AnswerOptions
from .config import Settings
from .corpus import load_sources
from .embedding import Embedder, make_embedder
from .errors import AssistantError, UnknownSourceError
from .pronouns import asked_gender, gender_of, people_of
from .query import Query, make_query, next_in_series, person_question, recent
from .retrieval import RetrievalOptions, Retriever
from .sentences import PERSON_TITLES, person_names
from .text import STOPWORDS, words
from .types import Answer, Hit, Quote, Source
from .validation import check_history, check_k, check_kinds, check_question

if TYPE_CHECKING:
    from .library import ArticleInfo

log = logging.getLogger(__name__)


def person_answered(answer: Answer, given: Iterable[str] = (), gender: str | None = None,
                    genders: Mapping[str, str] | None = None) -> str | None:
    """The person an answer to a "who ...?" question names: a quote's writer when it is a
    comment or the byline (for "Who asked ...?", of its first quote that asks: a reply quoted
    before it is not who asked), a reference's first author, else the person the quote names
    that the question (``given``: its words) does not; None when it abstained. The first quote
    that names someone as a person ("X said", "X, a ...", "Dr. X", a writer the question does
    not name) wins; else the first that names anyone ("the Feeder Count, run by ..." is no
    more a person than a reader who wrote in further down). For a follow-up asking after a
    "he" or a "she" (``gender``), a person the article gives the other gender (``genders``:
    ``pronouns.name_genders``) is not who, and one it gives that gender, named as a person,
    comes before one it gives none ("Which outside expert ...? / Where does he work?": the
    expert the article calls "he", not a reader who wrote in above him)."""
    if answer.abstained or not answer.quotes:
        return None
    quotes = list(answer.quotes)
    if WHO_ASKED.search(answer.question):
        asking = next((q for q in quotes if q.text.rstrip("\"'\u201d) ").endswith("?")), None)
        if asking is not None:
            quotes.remove(asking)
            quotes.insert(0, asking)
    asked = set(given)
    found = [_person_in(quote, asked) for quote in quotes]
    if gender and genders:
        found = [(name, cued) for name, cued in found if name and people_of([name], gender, genders)]
        known = next((name for name, cued in found
                      if cued and name and gender_of(name, genders) == gender), None)
        if known:
            return known
    fallback = None
    for name, cued in found:
        if name and cued:
            return name
        fallback = fallback or name
    return fallback


def _person_in(quote: Quote, asked: set[str]) -> tuple[str | None, bool]:
    """The person ``quote`` answers with, and whether it names them as a person."""
    if quote.source.kind in ("comment", "byline"):
        author = quote.source.author or None
        if author and all(w in asked for w in words(author)):
            author = None  # "the officer Margaret talked to": not Margaret, who wrote
        return author, author is not None
    if quote.source.kind == "reference":  # its first author: "Colaianni G, Sun L, ..."
        first = re.match(r"([A-Z][\w'\-\u00c0-\u017f]+),? [A-Z]{1,3}[,.]", quote.source.text)
        return (first.group(1), True) if first else (None, False)
    names = [n for n in person_names(quote.text) if any(w not in asked for w in words(n))]
    if not names:
        return None, False
    # "raised $3,870 for the Food Shelf, according to the choir's treasurer, Linda Kowalczyk":
    # a name said to be a person's ("X said", "X, a ...", "Dr. X") before one that may be a
    # body's, then the name nearest a word of the question ("Who is the choir's treasurer?")
    text = quote.text
    at = [m.start() for w in asked if len(w) > 3 and w not in STOPWORDS
          for m in re.finditer(rf"\b{re.escape(w)}", text.lower())]

    def rank(name: str) -> tuple[bool, int]:
        start = text.find(name)
        end = start + len(name)
        cued = bool(_TITLE.match(name) or _PERSON_AFTER.match(text, end)
                    or _PERSON_BEFORE.search(text, 0, start))
        return (not cued, min((abs(start - a) for a in at), default=0))

    best = min(names, key=rank)
    return best, not rank(best)[0]


_TITLE = re.compile(rf"{PERSON_TITLES}\b")
_PERSON_AFTER = re.compile(r",\s+(?:a|an|the|who|whose|his|her)\b|\s+(?:said|says|told|wrote|"
                           r"asked|added|explained|replied)\b|\s*:")
_PERSON_BEFORE = re.compile(r"\b(?:said|says|told|asked|according to|by)\s+$")


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
        self.answerer = Answerer(
            index, self._sources, self.retriever, model or load_model(),
            answering or AnswerOptions(max_words=settings.max_answer_words,
                                       max_quotes=settings.max_quotes),
            WordLookup(embedder, settings.model_path), settings.closest_k)

    @property
    def model(self) -> AnswerModel:
        """The fitted answer model in use (``answerer.model``)."""
        return self.answerer.model

    @property
    def answer_options(self) -> AnswerOptions:
        return self.answerer.options

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
        """Load the model and run one query, and read the word lists a misspelt question
        needs, so the first real question is fast."""
        self._encode(["warm up"])
        self.answerer.words.load()

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        return self.embedder.encode(texts)  # embedders are thread-safe

    # -- questions ---------------------------------------------------------------------

    def _prepare(self, question: object, history: object, kinds: Iterable[str] | None):
        limit = self.settings.max_question_chars
        q = check_question(question, limit)
        h = check_history(history, limit)
        return q, self.query_for(q, h), check_kinds(kinds)

    def query_for(self, question: str, history: Sequence[str] = ()) -> Query:
        """``question`` analysed in its conversation. A follow-up to a "who ...?" question
        ("Who answered Paul's comment?" / "What did he propose?") is about the person that
        question's answer names, so the earlier question is answered first (once, without
        its own follow-up resolution) and the person joins the context. Another follow-up is
        most likely answered where the earlier one was: the last earlier question is answered
        first (once, the same way), and when its first quote is a reader's comment, that
        comment is the query's ``earlier_comment``. A slip of the pen is
        read as the article spells the word ("parnets" -> "parents"), in the question and its
        history, before anything else: it is embedded, retrieved and parsed so; on a
        question-and-answer page, so is "the asker" (or "the OP") as the name of the person who
        signed the question."""
        n = self.settings.max_history
        question = self.answerer.asker_named(self.answerer.respell(question))
        history = [self.answerer.asker_named(self.answerer.respell(h)) for h in recent(history, n)]
        # "What comes after step 4?", "What do you do in step 4? / And what comes after that?"
        # ask what step 5 is
        question = next_in_series(question, history) or question
        referent = None
        at = person_question(question, history, n)
        if at is not None:
            earlier = recent(history, n)
            prior = self.answerer.on_page(make_query(earlier[at], earlier[:at], n))
            got = self.answerer.answer(earlier[at], prior, None, self._encode([prior.text])[0])
            referent = person_answered(got, prior.words, asked_gender(question),
                                       self.answerer.name_genders)
        query = self.answerer.on_page(make_query(question, history, n, referent))
        if query.follow_up and referent is None and at is None:
            # the reader's comment the earlier question was answered from, where a follow-up
            # about the same thing most likely finds its answer
            earlier = recent(history, n)
            prior = self.answerer.on_page(make_query(earlier[-1], earlier[:-1], n))
            got = self.answerer.answer(earlier[-1], prior, None, self._encode([prior.text])[0])
            first = got.quotes[0].source if got.quotes and not got.abstained else None
            if first is not None and first.kind == "comment":
                query = replace(query, earlier_comment=first.id)
        return query

    def _answer(self, q: str, query: Query, kinds, qvec: np.ndarray) -> Answer:
        return self.answerer.answer(q, query, kinds, qvec)

    def ask(
        self, question: str, history: Sequence[str] = (), kinds: Iterable[str] | None = None
    ) -> Answer:
        """Answer one question; ``history`` holds the conversation's earlier questions."""
        q, query, k = self._prepare(question, history, kinds)
        return self._answer(q, query, k, self._encode([query.text])[0])

    def ask_many(self, requests: Sequence[AskRequest]) -> list[Answer | AssistantError]:
        """Answer many questions with one model call (and one more for each follow-up that asks
        after the person an earlier answer named); a bad one comes back as its error."""
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
