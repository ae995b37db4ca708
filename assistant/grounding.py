"""How a question's words are found in an article: as they are, as a slip of the pen of one
of its words, as a close synonym from its vocabulary, or not at all; and how much of the
question each sentence covers.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from .query import TIME, Query, object_heads
from .text import STOPWORDS, stem, terms, words
from .types import Source, Span

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
    "explained argue argues argued ask asks asked asker question questions answer answers "
    "answered"))


# Verbs of doing a piece of work, whose doer "X by Y" names; of where a person works.
DOING_VERBS = frozenset(terms("lead led leads conduct conducted run ran author authored write wrote "
                         "written perform performed carry carried head headed direct directed "
                         "undertake undertook do did done coordinate coordinated"))
WORKING_VERBS = frozenset(terms("work works worked teach teaches taught study studies studied research "
                           "researches based employed"))
# Words whose absence says nothing: about the page itself, or light verbs of who did what and
# where people work, which a paraphrase leaves out ("Who led it?" / "a review by Dr. X").
# A pronoun with its verb run on ("I'm", "we've", "they'd", "you'll"): no more a word the
# article must use than the pronoun alone, a stopword ("it's" and "he's" lose their "'s" as a
# possessive does).
RUN_ON_PRONOUNS = frozenset(f"{who}'{verb}" for who in ("i", "you", "we", "they", "he", "she",
                                                        "it", "that", "there")
                            for verb in ("m", "re", "ve", "d", "ll") if who == "i" or verb != "m")
# "get", a light verb a paraphrase leaves out ("How do I get the longer one?" / "3 years if
# registered online").
LIGHT_VERBS = frozenset(terms("get gets got getting gotten"))
# Verbs of the question's frame, not of the thing asked: "become", which a change of role or
# state is told without ("When did she become the director?" / "handing the baton to her in
# 2015"); speaking to someone ("Did the reporter speak to her?" / "she told me"); letting
# someone know ("Has anyone let the council know?" / "has reported the problem").
FRAME_VERBS = frozenset(terms("become becomes became becoming speak speaks spoke spoken speaking "
                              "tell tells told telling know knows knew"))
# Verbs of speaking to someone: one stands for another where the answer is ("Did she speak to
# him?" / "he told me"), as a synonym.
SPEAKING_VERBS = frozenset(terms("speak speaks spoke spoken speaking tell tells told telling talk "
                                 "talks talked say says said"))
NEVER_UNKNOWN = PAGE_WORDS | DOING_VERBS | WORKING_VERBS | LIGHT_VERBS | FRAME_VERBS | frozenset(
    terms(" ".join(RUN_ON_PRONOUNS))) | frozenset(terms(
        "top bottom above below left right first last next previous middle"))

# The words that ask what a thing is called ("What is the storm called?", "What's the name of
# her dog?"): the answer gives the name without saying "called" or "name".
NAMING_WORDS = frozenset(terms("call called name names named"))
# The verbs of something coming about, in a question asking when ("When did the notice
# appear?", "When did it happen?"): the answer tells when without them ("In February 2024 a
# notice went up", "first recorded in a charter of 1132").
EVENT_VERBS = frozenset(terms("appear appears appeared happen happens happened occur occurs occurred"))


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


def siblings(a: str, b: str) -> bool:
    """Two stems built on one root with different affixes ("osteoblast" / "osteoclast",
    "inflow" / "outflow"): the model's word pieces make them close, but they name different
    things, so neither stands in for the other. A stem that extends the other ("analys" /
    "analysi", "teach" / "teacher") is the same word's kin, not a sibling."""
    if a == b or a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a):
        return False
    prefix = len(os.path.commonprefix([a, b]))
    suffix = len(os.path.commonprefix([a[::-1], b[::-1]]))
    return max(prefix, suffix) >= 4


# A question's word counts as found in the article when one of the article's words is this
# close to it in meaning (lower matches, from 0.6, still count towards ``coverage_syn``).
KNOWN_SIMILARITY = 0.7


@dataclass(frozen=True)
class Grounding:
    """How each of the question's own terms is found in the article."""

    spelled: Mapping[str, str]  # a misspelt term -> the article's term it stands for
    synonyms: Mapping[str, tuple[tuple[str, float], ...]]  # term -> (article term, similarity)
    unknown: frozenset[str]  # terms found in none of these ways
    # a term the article uses, -> its other close words in the article: the answering sentence
    # may say "female" where another says "women" (credited in ``coverage_syn`` only)
    related: Mapping[str, tuple[tuple[str, float], ...]] = field(default_factory=dict)
    # a term the article never uses, -> the article's word that stands in its place in a
    # sentence (``placed_words``): "accept" -> "take" of "the inn take cards"
    placed: Mapping[str, str] = field(default_factory=dict)


# How many words' slips an article keeps (``ArticleTerms.spelling``).
SPELT_KEPT = 8192


class ArticleTerms:
    """The article's sentences as term sets, with the look-ups the features need."""

    def __init__(self, sentences: Sequence[Span], sources: Mapping[str, Source],
                 headers: Sequence[str], vocabulary: Sequence[str]):
        self.n = len(sentences)
        self.texts = [s.text for s in sentences]
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
        # each sentence's source (a paragraph, a comment...), numbered
        numbers: dict[str, int] = {}
        self.source_of = np.array([numbers.setdefault(s.source_id, len(numbers)) for s in sentences],
                                  dtype=np.int64)
        # each sentence's section of the post (the heading its paragraph sits under), numbered;
        # -1 outside one
        sections: dict[tuple[str, str], int] = {}
        self.section_of = np.array(
            [sections.setdefault((src.kind, src.section), len(sections))
             if (src := sources[s.source_id]).kind == "post" and src.section else -1
             for s in sentences], dtype=np.int64)
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
        # each word's slip found already: a question's words are read again for each question
        self._spelt: dict[str, tuple[str | None]] = {}

    def rows(self, term: str) -> np.ndarray:
        return self._rows.get(term, _NONE)

    def meta_rows(self, term: str) -> np.ndarray:
        return self._meta_rows.get(term, _NONE)

    def idf_of(self, term: str) -> float:
        return self.idf.get(term, self.max_idf)

    def spelling(self, word: str) -> str | None:
        """The article's word that ``word`` is a one-letter slip of (words of 4+ letters,
        same first letter), or None."""
        if len(word) < 4:
            return None
        kept = self._spelt.get(word)  # (one look-up: another thread may clear it)
        if kept is not None:
            return kept[0]
        close = [w for w in self._by_letter.get(word[:1], ()) if _edit_distance_at_most_one(word, w)
                 and w != word]
        found = close[0] if len(close) == 1 else None
        if len(self._spelt) >= SPELT_KEPT:
            self._spelt.clear()
        self._spelt[word] = (found,)
        return found


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


_LETTERS = re.compile(r"[^\W\d_]+")
# British spellings that American word lists spell otherwise: "memorise", "colour", "centre".
_BRITISH = ((re.compile(r"is(e|ed|es|ing|ation|ations)$"), r"iz\1"),
            (re.compile(r"ys(e|ed|es|ing)$"), r"yz\1"), (re.compile(r"our(s|ed|ing)?$"), r"or\1"),
            (re.compile(r"tre(s)?$"), r"ter\1"), (re.compile(r"mme(s)?$"), r"m\1"))


def american(word: str) -> str:
    """``word`` as American word lists spell it ("organised" -> "organized"), else itself."""
    for pattern, repl in _BRITISH:
        if pattern.search(word):
            return pattern.sub(repl, word)
    return word


def known_word(word: str, is_word: Callable[[str], bool]) -> bool:
    """``is_word`` knows ``word``, its stem ("chills": "chill") or its American spelling
    ("memorise": "memorize"): a real word, not a slip of the pen."""
    return is_word(word) or is_word(stem_of(word)) or is_word(american(word))


def slip_fix(word: str, article: ArticleTerms, is_word: Callable[[str], bool]) -> str | None:
    """The article's word that ``word`` (lower case) is a slip of the pen of, or None. A slip
    is a word of 4+ letters ("tiem", "quik") that the article does not use, one letter from
    exactly one of the article's words (``ArticleTerms.spelling``), and not a real word (``known_word``:
    "mites" stays, though the article says "miles"), unless that article word is its
    American spelling ("colour" is read as "color")."""
    if len(word) < 4 or stem_of(word) in article.stems:
        return None
    fixed = article.spelling(word)
    if (fixed is None or stem_of(fixed) not in article.stems
            or (known_word(word, is_word) and fixed != american(word))):
        return None
    return fixed


_ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def _one_slip(word: str) -> set[str]:
    """Every string one letter dropped, swapped with the next, changed or added from ``word``."""
    cuts = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    return ({a + b[1:] for a, b in cuts if b}
            | {a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1}
            | {a + c + b[1:] for a, b in cuts if b for c in _ALPHABET}
            | {a + c + b for a, b in cuts for c in _ALPHABET})


def common_fix(word: str, counts: Mapping[str, int]) -> str | None:
    """The English word that ``word`` (lower case, 7+ letters, in no word list) is a slip of
    the pen of, when the article has none ("jounral" -> "journal"): of the words one letter
    away with its first letter (``counts``: word -> how common), the one at least ten times
    as common as the next; None when there is none or no clear one ("crsts": "costs",
    "crests"...). A shorter word may be a rare real one the list lacks ("resorb", not
    "resort")."""
    if len(word) < 7 or not word.isalpha() or word in counts:
        return None
    near = sorted(((counts[w], w) for w in _one_slip(word)
                   if w != word and w[:1] == word[:1] and w in counts), reverse=True)
    if not near or len(near) > 1 and near[0][0] < 10 * near[1][0]:
        return None
    return near[0][1]


# Chat shorthand that any English question typed in a hurry may use ("how many ppl", "wat
# year", "who helped w the survey"), with the words it stands for. Only lower-case words
# standing alone are read so: "BC", "U.S.", "r/cycling" and a unit after a number ("5 w")
# stay as they are.
SHORTHAND = {
    "ppl": "people", "wat": "what", "wut": "what", "wht": "what", "hw": "how", "wen": "when",
    "whr": "where", "r": "are", "u": "you", "ur": "your", "tho": "though", "thru": "through",
    "shud": "should", "shld": "should", "wud": "would", "cud": "could", "frm": "from",
    "abt": "about", "pls": "please", "plz": "please", "govt": "government", "b4": "before",
    "w/o": "without", "w/": "with", "w": "with", "cuz": "because", "coz": "because",
    "becuz": "because", "bcuz": "because", "nite": "night", "yr": "year", "yrs": "years",
    "hrs": "hours", "mins": "minutes", "bday": "birthday", "pic": "picture", "pics": "pictures",
}
_SHORTHAND = re.compile(r"(?<![\w/&.'\u2019-])(?<!\d )(?:" + "|".join(
    re.escape(k) for k in sorted(SHORTHAND, key=len, reverse=True)) + r")(?![\w/&'\u2019-]|\.\w)")


def written_out(text: str) -> str:
    """``text`` with chat shorthand (``SHORTHAND``) written out: "hw many ppl came" -> "how
    many people came"."""
    return _SHORTHAND.sub(lambda m: SHORTHAND[m.group(0)], text)


def respell(text: str, article: ArticleTerms, is_word: Callable[[str], bool],
            english: Mapping[str, int] | Callable[[], Mapping[str, int]] | None = None) -> str:
    """``text`` with chat shorthand written out (``written_out``) and each slip of the pen
    (``slip_fix``) written as the article spells the word ("how many parnets in the survy" ->
    "how many parents in the survey"), so that the question is embedded, retrieved and read
    with the article's words; a lower-case slip of a word the article does not use, as the
    ``english`` word list (word -> how common) spells it (``common_fix``: "wat jounral is
    this in" -> "what journal is this in"; a function giving it is called only when a word
    needs it, so that a question with none does not read the list); every other word, the
    punctuation and a capital first letter are kept."""
    text = written_out(text)
    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        fixed = slip_fix(word.lower(), article, is_word)
        if fixed is None and english is not None and word.islower() \
                and stem_of(word) not in article.stems and not known_word(word, is_word):
            counts = english() if callable(english) else english
            fixed = common_fix(word, counts) if counts else None
        if fixed is None:
            return word
        return fixed[:1].upper() + fixed[1:] if word[:1].isupper() else fixed

    return _LETTERS.sub(fix, text)


# A question's word that the article never uses is found as the word standing in its place
# in one of its sentences, between the same two words ("Do the shop and the inn accept
# cards?" / "the shop and the inn take cards"), when the two are at least this close in
# meaning by the embedding model alone: a word in the same slot that is of the same sort
# (unrelated words sit at 0.1-0.35), not one that merely fills a gap.
PLACED_SIMILARITY = 0.4
# At most this many words stand between the two neighbours in the sentence.
PLACED_GAP = 3


# The verb of a question asking what its subject is ("Are the brakes hydraulic?"), and of a
# sentence saying it ("the brakes are mechanical discs").
_COPULA = frozenset({"is", "are", "was", "were"})


def placed_words(question_words: Sequence[str], at: int, article: ArticleTerms) -> set[str]:
    """The words that stand where ``question_words[at]`` stands in the question, in the
    article's sentences: between the content words next to it on either side (past
    stopwords), both of which the article uses, with at most ``PLACED_GAP`` words between
    them, one or two of them content words ("accept" in "the inn accept cards": "take" of
    "the inn take cards"). The last word of a question asking what its subject is ("Are the
    brakes hydraulic?") stands where a sentence says what the subject is ("the brakes are
    mechanical discs"). Else empty when the word is at either end of the question or a
    neighbour is a word the article does not use: one neighbour alone says little of where
    the word would stand."""
    def neighbour(step: int) -> str | None:
        j = at + step
        while 0 <= j < len(question_words) and question_words[j] in STOPWORDS:
            j += step
        if not 0 <= j < len(question_words):
            return None
        t = stem_of(question_words[j])
        return t if t in article.stems else None

    left, right = neighbour(-1), neighbour(1)
    asked = {stem_of(w) for w in question_words}
    out: set[str] = set()
    if (left is not None and right is None and question_words and question_words[0] in _COPULA
            and not any(w not in STOPWORDS for w in question_words[at + 1:])):
        # "Are the brakes hydraulic?": what a sentence says the subject is ("the brakes are
        # mechanical discs")
        for row in article.rows(left):
            ws = words(article.texts[int(row)])
            for k in range(len(ws) - 2):
                if stem_of(ws[k]) == left and ws[k + 1] in _COPULA and ws[k + 2] not in STOPWORDS \
                        and stem_of(ws[k + 2]) not in asked:
                    out.add(ws[k + 2])
        return out
    if left is None or right is None or left == right:
        return set()
    for row in np.intersect1d(article.rows(left), article.rows(right)):
        ws = words(article.texts[int(row)])
        stems = [stem_of(w) for w in ws]
        for k, t in enumerate(stems):
            if t != left:
                continue
            end = next((j for j in range(k + 1, min(len(ws), k + 2 + PLACED_GAP))
                        if stems[j] == right), None)
            if end is None or end == k + 1:
                continue
            between = [w for w in ws[k + 1:end] if w not in STOPWORDS and stem_of(w) not in asked]
            if 0 < len(between) <= 2 and len(between) == sum(w not in STOPWORDS for w in ws[k + 1:end]):
                out.update(between)
    return out


def ground(query: Query, article: ArticleTerms,
           similar: Callable[[Sequence[str]], Mapping[str, Sequence[tuple[str, float]]]],
           is_word: Callable[[str], bool] = lambda w: True,
           related_words: Callable[[Sequence[str]], Mapping[str, Sequence[tuple[str, float]]]]
           | None = None,
           closeness: Callable[[str, Sequence[str]], Sequence[float]] | None = None) -> Grounding:
    """Find each of the question's content words in the article: as is, as a slip of the
    pen of one of its words, or as a close synonym (``similar``: word -> article words).
    A word the article uses may also be said otherwise where the answer is: its other close
    words in the article (``related_words``) are kept too. A word found in none of these ways
    is found as the word standing in its place in a sentence (``placed_words``), when
    ``closeness`` (word, words -> cosines) puts the two at least ``PLACED_SIMILARITY`` apart.

    Only a word that is not a real one (``slip_fix``) is taken for a slip: "osteoprosis" is
    "osteoporosis", but "caution" is not "caption"."""
    spelled: dict[str, str] = {}
    missing: list[str] = []
    present: list[str] = []
    synonyms: dict[str, tuple[tuple[str, float], ...]] = {}
    for w in query.surface:
        t = stem_of(w)
        if t in SPEAKING_VERBS and t not in article.stems:
            said = tuple((v, 1.0) for v in sorted(SPEAKING_VERBS - {t}) if v in article.stems)
            if said:
                synonyms[t] = said
        if w.isdigit() or t in NEVER_UNKNOWN or query.naming and t in NAMING_WORDS \
                or query.answer_type == TIME and t in EVENT_VERBS:
            continue
        if t in article.stems:
            present.append(w)
            continue
        fixed = slip_fix(w, article, is_word)
        if fixed is not None:
            spelled[t] = stem_of(fixed)
        else:
            missing.append(w)
    found = similar(missing) if missing else {}
    related: dict[str, tuple[tuple[str, float], ...]] = {}
    if present and related_words is not None:
        for w, near_words in related_words(present).items():
            t = stem_of(w)
            near = tuple((stem_of(v), s) for v, s in near_words
                         if stem_of(v) != t and stem_of(v) in article.stems
                         and not siblings(t, stem_of(v)))
            if near:
                related[t] = near
    unknown = set()
    placed: dict[str, str] = {}
    question_words = words(query.question) if closeness is not None else []
    for w in missing:
        near = tuple((stem_of(v), s) for v, s in found.get(w, ())
                     if stem_of(v) in article.stems and not siblings(stem_of(w), stem_of(v)))
        if near:
            synonyms[stem_of(w)] = near
        if any(s >= KNOWN_SIMILARITY for _, s in near):
            continue
        slot = sorted(set().union(*(placed_words(question_words, i, article)
                                    for i, x in enumerate(question_words) if x == w)))
        sims = list(closeness(w, slot)) if slot and closeness is not None else []
        if sims and max(sims) >= PLACED_SIMILARITY:
            best = slot[int(np.argmax(sims))]
            placed[stem_of(w)] = best
            synonyms[stem_of(w)] = (*near, (stem_of(best), KNOWN_SIMILARITY))
        else:
            unknown.add(stem_of(w))
    return Grounding(spelled, synonyms, frozenset(unknown), related, placed)


def _term_weights(query: Query, grounding: Grounding, article: ArticleTerms) -> list[tuple[str, float]]:
    """(term, weight x IDF) for the question's own terms (weight 1) and its context's (the
    earlier questions' words of a follow-up: 0.4, or 0.8 when it has at most two words of its
    own), each under the article's spelling of it."""
    out = []
    # a follow-up that says little of its own ("When was it installed?") is about what the
    # earlier questions named
    ctx = 0.8 if len(query.terms) <= 2 else 0.4
    for t, w in [(t, 1.0) for t in query.terms] + [(t, ctx) for t in query.context_terms]:
        t = grounding.spelled.get(t, t)
        out.append((t, w * article.idf_of(t)))
    return out


def coverage(query: Query, grounding: Grounding, article: ArticleTerms, n: int,
             kinds: Mapping[str, np.ndarray] | None = None
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per sentence: exact coverage, coverage with synonyms, coverage by the source's metadata.
    ``kinds[t]``: the sentences that name a thing of the kind term ``t`` asks for without the
    word ("contractor Hallam & Pryce" for "company"), which count with the synonyms."""
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
        for s, sim in (*grounding.synonyms.get(t, ()), *grounding.related.get(t, ())):
            hit[article.rows(s)] = np.maximum(hit[article.rows(s)], sim)
        if kinds and t in kinds:
            hit[kinds[t]] = 1.0
        syn += w * hit
        meta[article.meta_rows(t)] += w
    return exact / total, syn / total, meta / total


def unknown_share(query: Query, grounding: Grounding, article: ArticleTerms,
                  known: frozenset[str] = frozenset()) -> float:
    """The share (by idf) of the question's terms the article never uses; ``known`` are terms
    the article speaks of without the word (a kind of body it names by a person's
    affiliation)."""
    own = [(t, article.idf_of(grounding.spelled.get(t, t))) for t in query.terms
           if t not in NEVER_UNKNOWN and t not in known]
    total = sum(w for _, w in own)
    if not total:
        return 0.0
    return sum(w for t, w in own if t in grounding.unknown) / total


def unknown_phrases(question: str, grounding: Grounding) -> list[str]:
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


def predicate_terms(query: Query) -> list[str]:
    """A yes/no question's terms that say what it asks of its subject, its verb and object
    ("make", "bow" in "Does Brandvold make bows?"): not the subject itself (its plain subject
    word and the names it gives), nor words that are never unknown."""
    if not query.yes_no:
        return []
    subject = {stem_of(query.yes_no_topic)} if query.yes_no_topic else set()
    names = {t for n in query.names for t in terms(n)}
    return [t for t in query.terms if t not in subject and t not in names and t not in NEVER_UNKNOWN]


def predicate_rows(query: Query, grounding: Grounding, article: ArticleTerms) -> np.ndarray:
    """Per sentence, for a yes/no question: whether it says a word of the question's predicate
    (``predicate_terms``) as the same stem, the article's spelling of it, or a synonym at least
    ``KNOWN_SIMILARITY`` close."""
    has = np.zeros(article.n, dtype=bool)
    for t in predicate_terms(query):
        t = grounding.spelled.get(t, t)
        has[article.rows(t)] = True
        for s, sim in (*grounding.synonyms.get(t, ()), *grounding.related.get(t, ())):
            if sim >= KNOWN_SIMILARITY:
                has[article.rows(s)] = True
    return has


def unknown_objects(query: Query, grounding: Grounding) -> list[str]:
    """A yes/no question's things asked after (``object_heads``: "Is there a discount ...?",
    "Can it go in the dishwasher?") that the article never names, nor anything close to them
    in meaning: it cannot say whether there is one, or what the subject does with it."""
    if not query.yes_no:
        return []
    found = []
    for w in object_heads(query.question):
        t = stem_of(w)
        if t in grounding.unknown and t not in grounding.synonyms and t not in NEVER_UNKNOWN:
            found.append(w)
    return found


# Words of greeting and thanks: "Fiona here. Thank you so much." says nothing of anything.
COURTESY_WORDS = frozenset(terms("thank thanks hello hi hey cheers dear welcome"))


# Words of a reader's bare reaction ("A toothbrush, wonderful.", "Of course it was a rubber
# glove."), and the little words that hold them together: they add nothing to what is named.
REACTION_WORDS = frozenset(terms(
    "wonderful great brilliant lovely amazing fascinating interesting nice cool wow course "
    "indeed exactly really love loved fun funny classic typical"))
_ECHO_GLUE = frozenset(
    "a an the it its it's this that that's was is were are be been of oh ah so just".split())


def echoes(query: Query, grounding: Grounding, text: str) -> bool:
    """Whether the sentence only says back the question's own words (as the article spells
    them), with at most words of reaction or greeting and the little words between them
    ("Rubber glove." and "A toothbrush, wonderful." for "rubber glove??" or "toothbrush what
    for??"): it names what is asked about and says nothing of it. Any other word says
    something: "No audition." (that there is none), "You've left out the brambling."."""
    return echoes_terms(echo_terms(query, grounding), text)


def echo_terms(query: Query, grounding: Grounding) -> frozenset[str]:
    """The question's terms as the article spells them, for ``echoes_terms``: read once per
    question, not once per sentence."""
    return frozenset(grounding.spelled.get(t, t) for t in (*query.terms, *query.context_terms))


def echoes_terms(asked: frozenset[str], text: str) -> bool:
    """``echoes`` with the question's terms read already (``echo_terms``)."""
    stems, needed, bare = _echo_words(text)
    if asked.isdisjoint(stems):
        return False
    return not bare and all(s in asked or s in COURTESY_WORDS or s in REACTION_WORDS for s in needed)


@lru_cache(maxsize=8192)  # every candidate sentence is read so, for each question
def _echo_words(text: str) -> tuple[frozenset[str], frozenset[str], bool]:
    """The words of ``text`` for ``echoes``: the stems of all but stopwords; those of the
    words that are not little words holding an echo together (``_ECHO_GLUE``); and whether
    one such word is a stopword (which says something of its own)."""
    said = [(w in _ECHO_GLUE, None if w in STOPWORDS else stem(w))
            for w in (w.lower() for w in words(text))]
    return (frozenset(s for _, s in said if s is not None),
            frozenset(s for glue, s in said if not glue and s is not None),
            any(not glue and s is None for glue, s in said))


def subject_only(query: Query, sentence_terms: frozenset[str]) -> frozenset[str]:
    """The sentence's terms besides the yes/no question's subject and names, words about the
    page and words of greeting: what it says of anything ("Fiona here." and "Thank you so
    much." say nothing; "No passengers are on board." says where they are not)."""
    subject = {stem_of(query.yes_no_topic)} if query.yes_no_topic else set()
    names = {t for n in query.names for t in terms(n)}
    return frozenset(t for t in sentence_terms if t not in subject and t not in names
                     and t not in NEVER_UNKNOWN and t not in COURTESY_WORDS)
