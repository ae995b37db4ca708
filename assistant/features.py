"""Features of a (question, sentence) pair: the general signals the answer model weighs.

Every feature is about the form of the question, the sentence and its place on the page
(its source's kind, author and date), never about one article's words:

- meaning: cosine similarity of the question with the sentence (bare, with its source's
  header, its best clause) and with its chunk, and how far it is from the best candidate;
- grounding: the IDF-weighted share of the question's terms in the sentence (the same
  stem, a spelling fixed against the article's own words, or a close synonym from the
  article's vocabulary found by the embedding model) or in its source's metadata, and the
  share the article never mentions at all;
- answer kind: whether the sentence (or its source's metadata) can hold what the question
  asks for: a person, a place, a number, a date, period or duration, a title;
- the page: the source's kind, whether the question names that part of the page or its
  author, whether it asks who wrote or when was published what this source records.

``CandidateSet`` computes them for the candidate sentences of one question, as a matrix
whose columns are ``FEATURES``; ``answer_model`` turns a row into a probability.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .query import NUMBER, PERSON, PLACE, TIME, TITLE, Query
from .text import STOPWORDS, terms, words
from .types import Source, Span

FEATURES: tuple[str, ...] = (
    "dense",  # cosine of the question and the bare sentence
    "dense_ctx",  # the best of: with its source's header, its best clause
    "dense_chunk",  # cosine of the question and the sentence's chunk (with header)
    "dense_gap",  # the best candidate's similarity minus this one's
    "dense_prev",  # cosine of the question and the sentence before it in its source
    "hub",  # how close the sentence is to the article's other sentences (generic ones are)
    "coverage",  # IDF share of the question's terms in the sentence (stem or fixed spelling)
    "coverage_syn",  # ... counting the article's close synonyms of a term too
    "coverage_meta",  # ... in the source's label, author and date instead
    "coverage_prev",  # ... in the sentence before it (an answer often follows its lead-in)
    "lexical",  # BM25 of the sentence's chunk over the best chunk's
    "lexical_sentence",  # BM25 of the sentence over the best sentence's
    "unknown",  # IDF share of the question's terms the article never uses, even as synonyms
    "unknown_yes_no",  # the same for a yes/no question (its predicate must be there)
    "type_ok",  # +1 the sentence can hold the kind of answer asked for, -1 it cannot, 0 none asked
    "type_near",  # it cannot, but the sentence next to it in the paragraph can
    "kind_title",
    "kind_byline",
    "kind_caption",
    "kind_reference",
    "kind_comment",
    "kind_named",  # the question names this part of the page ("the picture", "the DOI")
    "author_named",  # the question (or its context) names this source's author
    "meta_byline",  # asks who wrote / when was published the post, and this is its byline
    "meta_reference",  # asks who wrote / when appeared a cited work, and this is a reference
    "meta_comment",  # asks who / when about a named commenter, and this is their comment
    "names_found",  # share of the question's proper names in the sentence
    "topic_found",  # a yes/no question's plain subject ("Does estrogen ...?"): +1 named, -1 not
    "focus_align",  # how closely the sentence's words match the thing asked ("pages", "company")
    "verb_align",  # ... match the predicate asked about ("paid", "founded", "live")
    "agent",  # a "who did X" question, and the sentence says X was done "by" someone
    "affiliation",  # a "where" question, and the sentence ties a person to an institution
    "type_new",  # the sentence names something (a name, a number) the question does not
    "why_prev",  # a why/how question, times dense_prev (the reason follows the restatement)
    "short_question",  # at most two content words ("side effects?")
    "low_info",  # fewer than four content words ("Really interesting post.")
    "is_question",  # the sentence is itself a question
    "prev_is_question",  # the sentence before it is a question (this one may answer it)
)
INDEX = {name: i for i, name in enumerate(FEATURES)}

_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|hundred|hundreds|thousand|thousands|million|millions|billion|"
    r"dozen|dozens|half|twice|percent|per cent|a third|a quarter|several|few"
)
_HAS_NUMBER = re.compile(rf"\d|\b({_NUMBER_WORDS})\b", re.I)
_MONTHS = (r"January|February|March|April|May|June|July|August|September|October|November|"
           r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec")
_TIME_UNITS = (r"seconds?|minutes?|hours?|days?|nights?|weeks?|weekends?|fortnights?|months?|"
               r"years?|decades?|centuries|century|seasons?|winters?|summers?|springs?|autumns?|"
               r"semesters?|terms?|mornings?|evenings?|afternoons?")
_QUANTIFIER = (rf"\d[\d,.]*|{_NUMBER_WORDS}|a|an|the|few|several|couple of|first|last|next|"
               r"previous|following|coming|past|early|late|same|each|every|that|this|one")
_HAS_TIME = re.compile(
    rf"\b(1[5-9]\d\d|20\d\d)s?\b|\b({_MONTHS})\b\.?"
    r"|\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tonight|yesterday|"
    r"tomorrow|overnight|nightly|daily|weekly|fortnightly|monthly|yearly|annually|ago|"
    r"nowadays|recently)\b"
    r"|\b(spring|summer|autumn|winter|midnight|noon|dawn|dusk|christmas|easter)\b"
    rf"|\b({_QUANTIFIER})[\s-]+(?:\w+[\s-]+)?({_TIME_UNITS})\b"
    r"|\b(at night|in the (morning|evening|afternoon|night))\b"
    r"|\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?|\b\d{1,2}\s*[ap]\.?m\.?",
    re.I)
# People named or described: a title and a name, two capitalised words, an interview's
# speaker ("FERREIRA: ..."), or a word for a person by role or relation.
_PERSON_NOUNS = (
    r"man|woman|men|women|person|people|son|sons|daughter|daughters|wife|husband|widow|widower|"
    r"mother|father|brother|sister|grandmother|grandfather|family|friend|friends|neighbour|"
    r"neighbor|colleague|colleagues|team|researcher|researchers|scientist|scientists|author|"
    r"authors|doctor|doctors|nurse|nurses|professor|student|students|volunteers?|participants?|"
    r"patients?|manager|owner|engineer|keeper|keepers|councillor|councillors|officials?|"
    r"spokesperson|spokeswoman|spokesman|director|chair|president|minister|mayor|staff|crew|"
    r"reader|readers|writer|journalist|reporter|editor|expert|experts|lead|leader|founder|"
    r"customer|customers|employees?|workers?|farmer|teacher|pupil|curator|historian|captain|"
    r"skipper|descendants?|ancestor|child|children|baby|babies|volunteer|advocate|resident|"
    r"residents|coach|player|players|artist|designer|developer|developers|users?"
)
_PERSON = re.compile(
    r"\b(Dr|Prof|Professor|Mr|Mrs|Ms|Mx|Sir|Dame|Councillor|Councilor|Senator|Captain|Rev)\.?\s+"
    r"[A-Z]|(?<=[\s(\"'\u201c])[A-Z][\w'\-\u00c0-\u017f]+\s+(?:[A-Z]\.\s+)?[A-Z][\w'\-\u00c0-\u017f]+"
    r"|^[A-Z][a-z\u00c0-\u017f]+ [A-Z][a-z\u00c0-\u017f]+(?=,| said| says| told| wrote| who)"
    r"|^[A-Z]{2,}[A-Z .'\-]*:\s")
# Capitalised pairs that name places and bodies, not people ("Maritime Museum").
_NOT_PERSON = re.compile(
    r"\b(Museum|University|Institute|Institution|College|School|Hospital|Centre|Center|Press|"
    r"Society|Council|Journal|Review|Point|Bay|Street|Road|Avenue|Park|Bridge|River|Lake|"
    r"Island|Islands|Trench|Sea|Ocean|Station|Company|Ltd|Inc|Group|Foundation|Trust|Agency|"
    r"Department|Ministry|Association|Club|Coalition|Garden|Gardens|Church|Hall|Library|"
    r"Laboratory|Lab|Office|Service|Services|Court|House|Square|Lane|Way)\b")
_PERSON_WORD = re.compile(rf"\b({_PERSON_NOUNS})\b", re.I)
# A proper noun past the sentence's first word: a place, an institution, a journal.
_PROPER = re.compile(r"(?<=[\s(,\"'\u201c])[A-Z][\w'\-\u00c0-\u017f]+")
_AUTHORS_LIST = re.compile(r"^(?:[A-Z][\w'\-]+ [A-Z]{1,3}, )*[A-Z][\w'\-]+ [A-Z]{1,3}[.,]"
                           r"|^[A-Z][\w'\-]+, (?:[A-Z]\.\s?)+")


_YEAR = re.compile(r"\b(1[5-9]\d\d|20\d\d)s?\b")
_INSTITUTION = (r"University|Institute|Institution|College|School|Hospital|Centre|Center|"
                r"Laboratory|Lab|Museum|Society|Council|Foundation|Agency|Department|Ministry|"
                r"Clinic|Academy|Trust|Company|Bakery|Press")
# "published by Dr. X", "a study by X and Y": the agent of a deed, named.
_AGENT = re.compile(r"\bby\s+(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms)\.?\s+)?[A-Z][\w'\-\u00c0-\u017f]+")
# "Dr. X (University of Bari, Italy)", "X, of the Y Institute", "X at Y University".
_AFFILIATION = re.compile(
    rf"[A-Z][\w'\-\u00c0-\u017f]+\s*(?:\(|,\s*(?:of|from|at)\s|\s(?:of|from|at)\s)"
    rf"(?:the\s+)?(?:[A-Z][\w'\-\u00c0-\u017f]+\s+)*(?:{_INSTITUTION})\b")
# What a sentence names: capitalised words past its first, and numbers.
_NAMED = re.compile(r"(?<=[\s(\"'\u201c,])[A-Z][\w'\-\u00c0-\u017f]+|\b\d[\d,.]*\b")


def _has_person(text: str) -> bool:
    if _PERSON_WORD.search(text):
        return True
    return any(not _NOT_PERSON.search(text, m.start(), m.end() + 1) for m in _PERSON.finditer(text))


def sentence_flags(text: str, source: Source) -> dict[str, bool]:
    """What kinds of answer the sentence itself can hold (question-independent)."""
    return {
        NUMBER: bool(_HAS_NUMBER.search(text)),
        TIME: bool(_HAS_TIME.search(text)),
        PERSON: _has_person(text) or (source.kind == "reference"
                                       and bool(_AUTHORS_LIST.search(text))),
        "year": bool(_YEAR.search(text)),
        PLACE: bool(_PROPER.search(text)),
        TITLE: source.kind in ("title", "reference"),
    }


_NONE = np.empty(0, dtype=np.int64)
# Words that name the page and its parts, or ask who said what: they are about the page, not
# facts the article must state, so they never count as unknown.
PAGE_WORDS = frozenset(terms(
    "author authors wrote write written writer blogger columnist journalist reporter publish "
    "published posted post posts article blog piece column guide story interview essay title "
    "headline picture image photo caption figure illustration diagram comment comments "
    "commented commenter commenters reader readers reply replied reference references cite "
    "cited citation say said says mention mentioned mentions according think thinks thought "
    "talk talks talked claim claims suggest suggests suggested describe described explain "
    "explained argue argues argued"))


# Verbs of doing a piece of work, whose doer "X by Y" names; of where a person works.
_DOING = frozenset(terms("lead led leads conduct conducted run ran author authored write wrote "
                         "written perform performed carry carried head headed direct directed "
                         "undertake undertook do did done coordinate coordinated"))
_WORKING = frozenset(terms("work works worked teach teaches taught study studies studied research "
                           "researches based employed"))
# Words whose absence says nothing: about the page itself, or light verbs of who did what and
# where people work, which a paraphrase leaves out ("Who led it?" / "a review by Dr. X").
NEVER_UNKNOWN = PAGE_WORDS | _DOING | _WORKING | frozenset(terms(
    "top bottom above below left right first last next previous middle"))


def _edit_distance_at_most_one(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return a == b
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


# A question's word counts as found in the article when one of the article's words is this
# close to it in meaning (lower matches, from 0.6, still count towards ``coverage_syn``).
KNOWN_SIMILARITY = 0.7


@dataclass(frozen=True)
class Grounding:
    """How each of the question's own terms is found in the article."""

    spelled: Mapping[str, str]  # a misspelt term -> the article's term it stands for
    synonyms: Mapping[str, tuple[tuple[str, float], ...]]  # term -> (article term, similarity)
    unknown: frozenset[str]  # terms found in none of these ways


class ArticleTerms:
    """The article's sentences as term sets, with the look-ups the features need."""

    def __init__(self, sentences: Sequence[Span], sources: Mapping[str, Source],
                 headers: Sequence[str], vocabulary: Sequence[str]):
        self.n = len(sentences)
        self.sentence_terms = [frozenset(terms(s.text)) for s in sentences]
        self.idf = _idf(self.sentence_terms)
        self.max_idf = float(np.log(1 + (self.n + 0.5) / 0.5))
        rows: dict[str, list[int]] = {}
        for i, ts in enumerate(self.sentence_terms):
            for t in ts:
                rows.setdefault(t, []).append(i)
        self._rows = {t: np.array(r, dtype=np.int64) for t, r in rows.items()}
        meta_terms: list[frozenset[str]] = []
        for s, header in zip(sentences, headers, strict=True):
            src = sources[s.source_id]
            meta_terms.append(frozenset(terms(" ".join(
                x for x in (src.label, src.author or "", src.date or "", header) if x))))
        self.meta_terms = meta_terms
        meta_rows: dict[str, list[int]] = {}
        for i, ts in enumerate(meta_terms):
            for t in ts:
                meta_rows.setdefault(t, []).append(i)
        self._meta_rows = {t: np.array(r, dtype=np.int64) for t, r in meta_rows.items()}
        self.stems = frozenset(self._rows) | frozenset(self._meta_rows)
        # The article's words by first letter, for fixing a question's spelling.
        self._by_letter: dict[str, set[str]] = {}
        for w in vocabulary:
            self._by_letter.setdefault(w[:1], set()).add(w)

    def rows(self, term: str) -> np.ndarray:
        return self._rows.get(term, _NONE)

    def meta_rows(self, term: str) -> np.ndarray:
        return self._meta_rows.get(term, _NONE)

    def idf_of(self, term: str) -> float:
        return self.idf.get(term, self.max_idf)

    def spelling(self, word: str) -> str | None:
        """The article's word that ``word`` is a one-letter slip of (words of 5+ letters,
        same first letter), or None."""
        if len(word) < 5:
            return None
        close = [w for w in self._by_letter.get(word[:1], ()) if _edit_distance_at_most_one(word, w)
                 and w != word]
        return close[0] if len(close) == 1 else None


def _idf(docs: Sequence[frozenset[str]]) -> dict[str, float]:
    df: dict[str, int] = {}
    for d in docs:
        for t in d:
            df[t] = df.get(t, 0) + 1
    n = len(docs)
    return {t: float(np.log(1 + (n - f + 0.5) / (f + 0.5))) for t, f in df.items()}


@lru_cache(maxsize=4096)
def stem_of(word: str) -> str:
    found = terms(word)
    return found[0] if found else word


def ground(query: Query, article: ArticleTerms,
           similar: Callable[[Sequence[str]], Mapping[str, Sequence[tuple[str, float]]]],
           is_word: Callable[[str], bool] = lambda w: True) -> Grounding:
    """Find each of the question's content words in the article: as is, as a slip of the
    pen of one of its words, or as a close synonym (``similar``: word -> article words).

    Only a word the model's vocabulary does not know (``is_word``) is taken for a slip:
    "osteoprosis" is "osteoporosis", but "caution" is not "caption"."""
    spelled: dict[str, str] = {}
    missing: list[str] = []
    for w in query.surface:
        t = stem_of(w)
        if t in article.stems or w.isdigit() or t in NEVER_UNKNOWN:
            continue
        fixed = None if is_word(w) else article.spelling(w)
        if fixed is not None and stem_of(fixed) in article.stems:
            spelled[t] = stem_of(fixed)
        else:
            missing.append(w)
    found = similar(missing) if missing else {}
    synonyms: dict[str, tuple[tuple[str, float], ...]] = {}
    unknown = set()
    for w in missing:
        near = tuple((stem_of(v), s) for v, s in found.get(w, ()) if stem_of(v) in article.stems)
        if near:
            synonyms[stem_of(w)] = near
        if not any(s >= KNOWN_SIMILARITY for _, s in near):
            unknown.add(stem_of(w))
    return Grounding(spelled, synonyms, frozenset(unknown))


@dataclass(frozen=True)
class SentenceInfo:
    """Question-independent facts about every sentence of an article, computed once."""

    kinds: np.ndarray  # source kind per sentence (str)
    flags: dict[str, np.ndarray]  # answer type -> bool per sentence
    near: dict[str, np.ndarray]  # answer type -> a neighbour in the same source has it
    low_info: np.ndarray
    is_question: np.ndarray
    author_terms: tuple[frozenset[str], ...]  # the source's author's name terms
    words: tuple[frozenset[str], ...]  # the sentence's words and its source's author's
    prev: np.ndarray  # the row of the sentence before it in its source, or -1
    hub: np.ndarray  # mean cosine with its 5 closest other sentences
    agent: np.ndarray  # "... by Dr. X", "a study by X and Y": who did something is named
    affiliation: np.ndarray  # "Dr. X (University of Y)", "X, of the Y Institute"
    vocab_ids: np.ndarray  # (n, L): the sentence's words (and its author's) as vocabulary rows, -1 pads
    named: tuple[frozenset[str], ...]  # capitalised words past the first, numbers: what it names

    @classmethod
    def build(cls, sentences: Sequence[Span], sources: Mapping[str, Source],
              sentence_terms: Sequence[frozenset[str]], vectors: np.ndarray,
              vocabulary: Sequence[str]) -> SentenceInfo:
        """``vectors``: the sentences' (bare) embeddings, one row each; ``vocabulary``: the
        words of the index's vocabulary vectors, in order."""
        n = len(sentences)
        row_of = {w: i for i, w in enumerate(vocabulary)}
        ids = [sorted({row_of[w] for w in words(f"{s.text} {sources[s.source_id].author or ''}")
                       if w in row_of}) for s in sentences]
        width = max((len(x) for x in ids), default=0) or 1
        vocab_ids = np.full((n, width), -1, dtype=np.int64)
        for i, x in enumerate(ids):
            vocab_ids[i, : len(x)] = x
        flag_rows = [sentence_flags(s.text, sources[s.source_id]) for s in sentences]
        flags = {t: np.array([f[t] for f in flag_rows], dtype=bool) for t in flag_rows[0]} if n else {}
        near = {}
        for t, arr in flags.items():
            nb = np.zeros(n, dtype=bool)
            for i in range(n):
                for j in (i - 1, i + 1):
                    if 0 <= j < n and sentences[j].source_id == sentences[i].source_id and arr[j]:
                        nb[i] = True
            near[t] = nb
        authors = tuple(frozenset(terms(sources[s.source_id].author or "")) for s in sentences)
        return cls(
            kinds=np.array([sources[s.source_id].kind for s in sentences]),
            flags=flags,
            near=near,
            low_info=np.array([len(t) < 4 for t in sentence_terms], dtype=bool),
            is_question=np.array([s.text.rstrip("\"'\u201d)").endswith("?") for s in sentences],
                                 dtype=bool),
            author_terms=authors,
            words=tuple(frozenset(words(s.text)) | frozenset(words(sources[s.source_id].author or ""))
                        for s in sentences),
            prev=np.array([i - 1 if i and sentences[i - 1].source_id == s.source_id else -1
                           for i, s in enumerate(sentences)], dtype=np.int64),
            hub=_hubness(vectors),
            agent=np.array([bool(_AGENT.search(s.text)) for s in sentences], dtype=bool),
            affiliation=np.array([bool(_AFFILIATION.search(s.text)) for s in sentences], dtype=bool),
            vocab_ids=vocab_ids,
            named=tuple(frozenset(w.lower() for w in _NAMED.findall(s.text)) for s in sentences),
        )


def _hubness(vectors: np.ndarray, k: int = 5) -> np.ndarray:
    """Each sentence's mean cosine with its ``k`` closest other sentences: a sentence close to
    many (a summary, a generic remark) matches many questions a little."""
    n = len(vectors)
    if n < 2:
        return np.zeros(n)
    sims = vectors @ vectors.T
    np.fill_diagonal(sims, -np.inf)
    k = min(k, n - 1)
    top = -np.sort(-sims, axis=1)[:, :k]
    return top.mean(axis=1).astype(np.float64)


def _term_weights(query: Query, grounding: Grounding, article: ArticleTerms) -> list[tuple[str, float]]:
    """(term, weight x IDF) for the question's own terms (weight 1) and its context's (0.4),
    each under the article's spelling of it."""
    out = []
    for t, w in [(t, 1.0) for t in query.terms] + [(t, 0.4) for t in query.context_terms]:
        t = grounding.spelled.get(t, t)
        out.append((t, w * article.idf_of(t)))
    return out


def coverage(query: Query, grounding: Grounding, article: ArticleTerms, n: int
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per sentence: exact coverage, coverage with synonyms, coverage by the source's metadata."""
    weights = _term_weights(query, grounding, article)
    total = sum(w for _, w in weights) or 1.0
    exact = np.zeros(n)
    syn = np.zeros(n)
    meta = np.zeros(n)
    for t, w in weights:
        rows = article.rows(t)
        exact[rows] += w
        hit = np.zeros(n)
        hit[rows] = 1.0
        for s, sim in grounding.synonyms.get(t, ()):
            hit[article.rows(s)] = np.maximum(hit[article.rows(s)], sim)
        syn += w * hit
        meta[article.meta_rows(t)] += w
    return exact / total, syn / total, meta / total


def unknown_share(query: Query, grounding: Grounding, article: ArticleTerms) -> float:
    own = [(t, article.idf_of(grounding.spelled.get(t, t))) for t in query.terms
           if t not in NEVER_UNKNOWN]
    total = sum(w for _, w in own)
    if not total:
        return 0.0
    return sum(w for t, w in own if t in grounding.unknown) / total


def feature_matrix(
    query: Query,
    candidates: np.ndarray,
    *,
    info: SentenceInfo,
    article: ArticleTerms,
    grounding: Grounding,
    dense: np.ndarray,
    dense_ctx: np.ndarray,
    dense_chunk: np.ndarray,
    lexical: np.ndarray,
    lexical_sentence: np.ndarray,
    sources: Sequence[Source],
    focus_sims: np.ndarray | None = None,
) -> np.ndarray:
    """The ``FEATURES`` of each candidate sentence (rows in ``candidates`` order).

    ``dense``, ``dense_ctx``, ``dense_chunk`` and ``lexical`` are per sentence of the article;
    ``sources[i]`` is candidate i's source; ``focus_sims[f, v]`` is the cosine of the
    question's focus word f with the article's vocabulary word v.
    """
    n = article.n
    cov, cov_syn, cov_meta = coverage(query, grounding, article, n)
    unknown = unknown_share(query, grounding, article)
    best = float(np.max(np.maximum(dense, dense_ctx)[candidates])) if len(candidates) else 0.0
    X = np.zeros((len(candidates), len(FEATURES)), dtype=np.float64)
    names = query.names
    kind_cols = {k: INDEX[f"kind_{k}"] for k in ("title", "byline", "caption", "reference", "comment")}
    content = [t for t in query.terms if t not in STOPWORDS]
    n_things = len(query.focus)
    sims_things = focus_sims[:n_things] if focus_sims is not None else None
    sims_verbs = focus_sims[n_things:] if focus_sims is not None else None
    align = _focus_align([stem_of(f) for f in query.focus], sims_things, info, article, candidates)
    verb_align = _focus_align([stem_of(f) for f in query.focus_verb], sims_verbs, info, article,
                              candidates)
    qwords = {w.lower() for w in query.words}
    topic_rows = _topic_rows(query, grounding, article)
    wanted = query.answer_type
    flags = info.flags["year"] if query.year else (info.flags[wanted] if wanted else None)
    for row, (i, src) in enumerate(zip(candidates, sources, strict=True)):
        x = X[row]
        x[INDEX["dense"]] = dense[i]
        x[INDEX["dense_ctx"]] = dense_ctx[i]
        x[INDEX["dense_chunk"]] = dense_chunk[i]
        x[INDEX["dense_gap"]] = best - max(dense[i], dense_ctx[i])
        prev = info.prev[i]
        if prev >= 0:
            x[INDEX["dense_prev"]] = dense[prev]
            x[INDEX["coverage_prev"]] = cov_syn[prev]
            x[INDEX["prev_is_question"]] = float(info.is_question[prev])
            x[INDEX["why_prev"]] = dense[prev] if query.explains else 0.0
        x[INDEX["hub"]] = info.hub[i]
        x[INDEX["coverage"]] = cov[i]
        x[INDEX["coverage_syn"]] = cov_syn[i]
        x[INDEX["coverage_meta"]] = cov_meta[i]
        x[INDEX["lexical"]] = lexical[i]
        x[INDEX["lexical_sentence"]] = lexical_sentence[i]
        x[INDEX["unknown"]] = unknown
        x[INDEX["unknown_yes_no"]] = unknown if query.yes_no else 0.0
        kind = src.kind
        if kind in kind_cols:
            x[kind_cols[kind]] = 1.0
        x[INDEX["kind_named"]] = float(kind in query.kinds)
        author = info.author_terms[i]
        named = bool(author) and any(len(w) > 2 and w in query.words for w in author)
        x[INDEX["author_named"]] = float(named)
        meta = _meta_match(query, src, named)
        if meta:
            x[INDEX[meta]] = 1.0
        if wanted is not None and flags is not None:
            fits = bool(flags[i]) or _meta_fits(wanted, query, src, named)
            x[INDEX["type_ok"]] = 1.0 if fits else -1.0
            x[INDEX["type_near"]] = float(not fits and bool(info.near[wanted][i]))
            x[INDEX["type_new"]] = float(bool(info.named[i] - qwords) or (
                wanted in (PERSON, TIME) and _meta_fits(wanted, query, src, named)))
        x[INDEX["focus_align"]] = align[row]
        x[INDEX["verb_align"]] = verb_align[row]
        if wanted == PERSON and query.focus_verb:
            x[INDEX["agent"]] = float(info.agent[i])
            # "Who led the study?" / "a study by Dr. X": who does a piece of work is its agent.
            if info.agent[i] and stem_of(query.focus_verb[0]) in _DOING:
                x[INDEX["verb_align"]] = 1.0
        if wanted == PLACE:
            x[INDEX["affiliation"]] = float(info.affiliation[i])
            # "Where does she work?" / "Dr. X (University of Bari)": a person's institution.
            if info.affiliation[i] and query.focus_verb and stem_of(query.focus_verb[0]) in _WORKING:
                x[INDEX["verb_align"]] = 1.0
        if topic_rows is not None:
            x[INDEX["topic_found"]] = 1.0 if topic_rows[i] else -1.0
        if names:
            x[INDEX["names_found"]] = len(names & info.words[i]) / len(names)
        x[INDEX["short_question"]] = float(len(content) <= 2)
        x[INDEX["low_info"]] = float(info.low_info[i])
        x[INDEX["is_question"]] = float(info.is_question[i])
    return X


def _topic_rows(query: Query, grounding: Grounding, article: ArticleTerms) -> np.ndarray | None:
    """For a yes/no question with a plain subject, which sentences name it (its stem, its
    spelling in the article, or a close synonym); None for other questions."""
    if not query.yes_no_topic:
        return None
    t = stem_of(query.yes_no_topic)
    t = grounding.spelled.get(t, t)
    has = np.zeros(article.n, dtype=bool)
    has[article.rows(t)] = True
    for s, sim in grounding.synonyms.get(t, ()):
        if sim >= KNOWN_SIMILARITY:
            has[article.rows(s)] = True
    return has


def _focus_align(focus: Sequence[str], sims: np.ndarray | None, info: SentenceInfo,
                 article: ArticleTerms, candidates: np.ndarray) -> np.ndarray:
    """Per candidate: for the weakest of the question's focus words, the best cosine with one
    of the sentence's words (1 when the sentence has the word itself); 1 with no focus."""
    out = np.ones(len(candidates))
    if not focus:
        return out
    for f_at, f in enumerate(focus):
        has = np.zeros(article.n, dtype=bool)
        has[article.rows(f)] = True
        best = np.zeros(len(candidates))
        if sims is not None and sims.shape[1]:
            ids = info.vocab_ids[candidates]
            vals = np.where(ids >= 0, sims[f_at][np.maximum(ids, 0)], 0.0)
            best = vals.max(axis=1)
        best = np.where(has[candidates], 1.0, best)
        out = np.minimum(out, best)
    return out


def _meta_match(query: Query, src: Source, author_named: bool) -> str | None:
    """The feature for a question asking who wrote, or when was published, what this source
    prints (its byline, a reference's authors and year, a named commenter's name and date)."""
    if src.kind == "byline" and ((query.author_of == "post" and src.author)
                                 or (query.published_of == "post" and src.date)):
        return "meta_byline"
    if src.kind == "reference" and "paper" in (query.author_of, query.published_of):
        return "meta_reference"
    if src.kind == "comment" and (query.author_of == "comment" or query.published_of == "comment"
                                  or (author_named and query.answer_type in (TIME, PERSON))):
        return "meta_comment"
    return None


def _meta_fits(wanted: str, query: Query, src: Source, author_named: bool) -> bool:
    """The source's metadata holds the kind of answer asked for: a comment's author answers
    "who said ...", its date "when did X comment"; the byline holds the post's."""
    if wanted == PERSON:
        return bool(src.author) and src.kind in ("comment", "byline", "abstract")
    if wanted == TIME:
        return bool(src.date) and (src.kind == "byline" or (src.kind == "comment" and (
            author_named or query.target == "comment")))
    return False


QUESTION_FEATURES: tuple[str, ...] = (
    "p1",  # the best candidate's sentence probability
    "logit_p1",
    "p2",  # the second best's
    "margin",  # p1 - p2
    "dense1",  # the best candidate's similarity (the better of bare and in context)
    "dense_max",  # the best similarity of any candidate
    "coverage1",  # the best candidate's coverage (with synonyms)
    "coverage_max",  # the best coverage of any candidate
    "unknown",  # share of the question the article never mentions
    "unknown_yes_no",
    "type_asked",  # the question asks for a kind of answer (a date, a person...)
    "type_ok1",  # the best candidate can hold it (+1), cannot (-1), none asked (0)
    "meta_match1",  # the best candidate records who wrote / when what the question asks
    "missing_meta",  # asks who wrote / when was published what the page does not record
    "focus1",  # the best candidate's focus_align
    "focus_max",  # the best focus_align of the top three
    "type_new1",  # the best candidate names something the question does not
    "focus_article",  # the best focus_align of any candidate: is what is asked anywhere?
    "verb1",  # the best candidate's verb_align
    "verb_article",  # the best verb_align of any candidate
    "short_question",
    "follow_up",
    "yes_no",
    "terms",  # log(1 + the question's own content terms)
)


def question_features(query: Query, probs: np.ndarray, X: np.ndarray,
                      kinds: frozenset[str] = frozenset()) -> np.ndarray:
    """``QUESTION_FEATURES`` for one question, from its candidates' sentence probabilities
    and features, best first; ``kinds``: the kinds of source the article has."""
    out = np.zeros(len(QUESTION_FEATURES))
    if not len(probs):
        return out
    col = INDEX.__getitem__
    p1 = float(probs[0])
    p2 = float(probs[1]) if len(probs) > 1 else 0.0
    dense = np.maximum(X[:, col("dense")], X[:, col("dense_ctx")])
    values = {
        "p1": p1,
        "logit_p1": float(np.log(max(p1, 1e-6) / max(1 - p1, 1e-6))),
        "p2": p2,
        "margin": p1 - p2,
        "dense1": float(dense[0]),
        "dense_max": float(dense.max()),
        "coverage1": float(X[0, col("coverage_syn")]),
        "coverage_max": float(X[:, col("coverage_syn")].max()),
        "unknown": float(X[0, col("unknown")]),
        "unknown_yes_no": float(X[0, col("unknown_yes_no")]),
        "type_asked": float(query.answer_type is not None),
        "type_ok1": float(X[0, col("type_ok")]),
        "meta_match1": float(X[0, col("meta_byline")] + X[0, col("meta_reference")]
                             + X[0, col("meta_comment")]),
        "short_question": float(X[0, col("short_question")]),
        "follow_up": float(query.follow_up),
        "yes_no": float(query.yes_no),
        "terms": float(np.log1p(len(query.terms))),
        "missing_meta": float(missing_meta(query, kinds)),
        "focus1": float(X[0, col("focus_align")]),
        "focus_max": float(X[:3, col("focus_align")].max()),
        "type_new1": float(X[0, col("type_new")]),
        "focus_article": float(X[:, col("focus_align")].max()),
        "verb1": float(X[0, col("verb_align")]),
        "verb_article": float(X[:, col("verb_align")].max()),
    }
    for i, name in enumerate(QUESTION_FEATURES):
        out[i] = values[name]
    return out


def missing_meta(query: Query, kinds: frozenset[str]) -> bool:
    """The question asks who wrote or when was published what the page does not record: the
    post's author or date with no byline, a cited work's with no reference."""
    if "post" in (query.author_of, query.published_of) and "byline" not in kinds:
        return True
    return "paper" in (query.author_of, query.published_of) and "reference" not in kinds
