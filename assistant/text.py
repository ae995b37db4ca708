"""Text primitives shared by every stage: sentence spans with offsets, terms for BM25."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer

# Words that end in a period without ending the sentence.
ABBREVIATIONS = frozenset(
    """dr mr mrs ms prof st sr jr vs etc e.g i.e al fig figs no vol vols pp approx ca cf dept
    univ inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec rev revd fr capt cllr
    sgt lt""".split()
)

# Candidate sentence end: terminal punctuation (incl. the ellipsis character), any closing
# quotes or brackets, any citation marks ("[1]", "[2, 3]", "\u00b2"), then whitespace.
CITATION_MARK = r"(?:\[\d+(?:\s*[,\u2013-]\s*\d+)*\]|[\u00b9\u00b2\u00b3\u2070-\u2079])"
_END = re.compile(rf"[.!?\u2026]+[\"'\u201d\u2019)\]]*{CITATION_MARK}*(?=\s)")
_NEXT_START = re.compile(r"\s+([\"'\u201c\u2018(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at ``dot`` closes an abbreviation or an initial."""
    m = _WORD_BEFORE.search(text, 0, dot)
    if not m:
        return False
    word = m.group(1).lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    # A single capital letter ("Zallone A.") is an initial.
    return len(m.group(1)) == 1 and m.group(1).isupper()


def _is_list_number(text: str, dot: int) -> bool:
    """True when the period at ``dot`` closes an item's number at the start of a line ("1. The
    paper ..."): the item's sentence starts before it."""
    start = text.rfind("\n", 0, dot) + 1
    return bool(re.fullmatch(r"\s*\d{1,3}", text[start:dot]))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences as ``(start, end)`` offsets, whitespace trimmed.

    A sentence ends at ., !, ? or ... followed by whitespace and a capital, digit or
    opening quote, unless the period closes an abbreviation ("Dr."), an initial or a list
    item's number at the start of a line ("1. The paper"); a line break always ends one.
    ``text[start:end]`` is never cut inside a sentence, but for one longer than
    ``MAX_SENTENCE_CHARS`` (a list or a table run together, or text made to stall the
    patterns that read a sentence), which is cut at its last space before each limit.
    """
    cuts: list[int] = []
    for m in _END.finditer(text):
        end = m.end()
        if not _NEXT_START.match(text, end):
            continue
        punct = re.sub(rf"{CITATION_MARK}+$", "", text[m.start() : m.end()]).rstrip("\"'\u201d\u2019)]")
        if punct == "." and (_is_abbreviation(text, m.start()) or _is_list_number(text, m.start())):
            continue
        cuts.append(end)
    for m in re.finditer(r"\n", text):
        cuts.append(m.start())
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in sorted(set(cuts)) + [len(text)]:
        if cut <= start:
            continue
        s, e = start, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.extend(_bounded(text, s, e))
        start = cut
    return spans


MAX_SENTENCE_CHARS = 1000  # the suite's longest sentence has 359


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``text[start:end]`` as pieces of at most ``MAX_SENTENCE_CHARS``, cut at spaces."""
    pieces: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = next((i for i in range(limit, start, -1) if text[i].isspace()), limit)
        piece_end = cut
        while piece_end > start and text[piece_end - 1].isspace():
            piece_end -= 1
        if piece_end > start:
            pieces.append((start, piece_end))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append((start, end))
    return pieces


STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is
    it its itself just me more most my myself no nor not now of off on once only or other our
    ours out over own same she should so some such than that the their theirs them themselves
    then there these they this those through to too under until up very was we were what when
    where which while who whom why will with would you your yours yourself also may might must
    shall s t don isn aren wasn weren s us well much many per""".split()
) | frozenset(
    # the same words with the apostrophe left out, as people type a question ("whats the
    # name of the ferry thats still running", "im not sure", "it doesnt say")
    """whats thats wheres whos hows whens whys theres heres im ive youre youve theyre theyve
    hes shes dont doesnt didnt isnt arent wasnt werent cant couldnt wouldnt shouldnt hasnt
    havent hadnt""".split()
)

# A word token of lower-cased text ("o'neil", "kiln's"; "second-hand" is two).
WORD = r"[a-z0-9]+(?:['\u2019][a-z]+)?"
_TOKEN = re.compile(WORD)


_LOCAL = threading.local()


def _stemmer() -> snowballstemmer.stemmer:
    """This thread's Snowball stemmer. A stemmer keeps the word it is working on in its own
    fields, so one shared by the answering threads garbled words and raised IndexError."""
    try:
        return _LOCAL.stemmer
    except AttributeError:
        _LOCAL.stemmer = snowballstemmer.stemmer("english")
        return _LOCAL.stemmer


# Irregular forms the Snowball stemmer leaves apart from their base ("shown" / "show").
_IRREGULAR = {
    "shown": "show", "showed": "show", "known": "know", "knew": "know", "found": "find",
    "led": "lead", "made": "make", "took": "take", "taken": "take", "given": "give",
    "gave": "give", "written": "write", "wrote": "write", "thought": "think", "said": "say",
    "seen": "see", "saw": "see", "began": "begin", "begun": "begin", "done": "do", "did": "do",
    "went": "go", "gone": "go", "got": "get", "gotten": "get", "brought": "bring",
    "built": "build", "broke": "break", "broken": "break", "men": "man", "women": "woman",
    "mice": "mouse", "children": "child", "feet": "foot", "teeth": "tooth", "people": "person",
    "better": "good", "best": "good", "worse": "bad", "worst": "bad", "bore": "bear", "born": "bear",
}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    return str(_stemmer().stemWord(_IRREGULAR.get(word, word)))


def word_of(token: str) -> str:
    """A lower-cased token as ``words`` gives it: a curly apostrophe straight, a possessive
    dropped ("kiln\u2019s" -> "kiln")."""
    token = token.replace("\u2019", "'")
    return token[:-2] if token.endswith("'s") else token


def words(text: str) -> list[str]:
    """Lower-cased word tokens, possessives dropped."""
    if len(text) <= _CACHED_TEXT:
        return list(_words_of_short(text))
    return [word_of(tok) for tok in _TOKEN.findall(text.lower())]


# A sentence or a question is read again for each question and each check: its words are
# kept (the last 8,192: a few MB); longer texts, read once, are not.
_CACHED_TEXT = 1_000


@lru_cache(maxsize=8192)
def _words_of_short(text: str) -> tuple[str, ...]:
    return tuple(word_of(tok) for tok in _TOKEN.findall(text.lower()))


def terms(text: str) -> list[str]:
    """Stemmed content terms: what BM25 and term overlap count."""
    return [stem(w) for w in words(text) if w not in STOPWORDS]


def word_count(text: str) -> int:
    return len(text.split())


# (a run of spaces is tried where it starts, or where an earlier break left off: never at each
# of its spaces, which takes time in the square of its length)
_CLAUSE_BREAK = re.compile(r"(?:(?<!\s)\s*|(?<=\s))(?:[,;:()]|\s[-\u2013\u2014]\s)\s*")


def clauses(sentence: str, min_words: int = 4) -> list[str]:
    """The sentence's parts between commas, semicolons, colons, dashes and brackets, with at
    least ``min_words`` words: a long sentence about two things is matched on each."""
    parts = [p.strip() for p in _CLAUSE_BREAK.split(sentence)]
    found = [p for p in parts if len(p.split()) >= min_words]
    return found if len(found) > 1 else []


def vocabulary(texts: Iterable[str]) -> list[str]:
    """The distinct content words of ``texts``, sorted: what synonyms are looked up among."""
    return sorted({w for t in texts for w in words(t) if w not in STOPWORDS and not w.isdigit()})


_SURROGATE = re.compile(r"[\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` with each lone surrogate (``"\\ud800"``, which no UTF-8 output can hold)
    replaced by U+FFFD, so a rejected question can still be shown or written."""
    return _SURROGATE.sub("\ufffd", text)
