"""Understanding a question: its terms, the kind of answer it wants, and its context.

All rules here are about the form of questions in English (wh-words, auxiliaries,
pronouns), never about particular questions or this article's content.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .text import STOPWORDS, terms, words

# The kind of thing a question asks for, when the form says so.
NUMBER, DATE, PERSON, NAME = "number", "date", "person", "name"

_TYPE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (NUMBER, re.compile(
        r"\bhow (many|much|often|long|old|large|big|high|low|frequently|common|prevalent|"
        r"widespread|likely|fast|soon)\b"
        r"|\b(what|which) (dose|doses|dosage|amount|percentage|proportion|number|quantity|rate|age)\b",
        re.I)),
    (DATE, re.compile(
        r"^\s*when\b|\b(what|which|in what) (year|date|day|month|time)\b|\bhow long ago\b", re.I)),
    (PERSON, re.compile(
        r"^\s*who\b|\bwhose\b|\bwhom\b"
        r"|\b(which|what) (researcher|scientist|author|person|people|reader|commenter|doctor|"
        r"professor)s?\b|\bwhat (is|was|are|were) the names?\b",
        re.I)),
    (NAME, re.compile(
        r"^\s*where\b|\b(which|what) (university|universities|institution|country|city|journal|"
        r"lab|laboratory|magazine|publisher|organi[sz]ation|school)\b",
        re.I)),
)

_AUX = frozenset(
    """do does did is are was were can could will would should has have had may might must""".split()
)
_DETERMINERS = frozenset("""the a an this that these those some any all there its their his her""".split())
_PRONOUNS = frozenset(
    """he she him her his hers they them their theirs it its this that these those there""".split()
)
# Words that name the article's parts rather than its topic.
_AUTHOR_WORDS = re.compile(r"\b(wrote|writes|written|author|authors|authored|writer|blogger)\b", re.I)
_KIND_NOUNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("comment", re.compile(r"\b(comment|comments|commenter|reader|readers)\b", re.I)),
    ("reference", re.compile(r"\b(review|paper|study|article cited|cited paper|publication)\b", re.I)),
    ("post", re.compile(r"\b(post|blog|blog post|article|entry|piece)\b", re.I)),
)


# Nouns naming a part of a blog page, and the source kind that part is.
_PART_NOUNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("title", re.compile(r"\b(title|titled|headline|heading)\b", re.I)),
    ("caption", re.compile(r"\b(picture|image|photo|photograph|figure|caption|illustration)s?\b", re.I)),
    ("reference", re.compile(
        r"\b(journal|doi|reference|citation|cited|volume|pages|review|paper|publication)\b", re.I)),
    ("comment", re.compile(r"\b(comment|comments|commented|commenter|reader|readers)\b", re.I)),
    ("abstract", re.compile(r"\babstract\b", re.I)),
)


def kind_hints(question: str) -> frozenset[str]:
    """Source kinds the question names by a part of the page ("the picture", "the DOI")."""
    return frozenset(kind for kind, pattern in _PART_NOUNS if pattern.search(question))


@dataclass(frozen=True)
class Query:
    """A question made ready for retrieval."""

    question: str
    text: str  # what is embedded: the question, plus earlier ones for a follow-up
    terms: tuple[str, ...]  # the question's own content terms
    context_terms: tuple[str, ...]  # terms of earlier questions, weighted lower
    answer_type: str | None
    follow_up: bool
    yes_no_subject: str | None  # the subject word of a yes/no question, e.g. "vitamin"
    author_of: str | None  # "post" for "Who wrote this post?", etc.
    kinds: frozenset[str] = frozenset()  # parts of the page the question (or context) names
    words: frozenset[str] = frozenset()  # every word of the question, for name matching
    names: frozenset[str] = frozenset()  # capitalised words past the first: "Colaianni", "Bari"
    # The same word when it is plainly the grammatical subject ("Does estrogen ...?"), not a
    # verb behind a pronoun ("Does it work?" gives "work" above and None here).
    yes_no_topic: str | None = None


def answer_type(question: str) -> str | None:
    for kind, pattern in _TYPE_PATTERNS:
        if pattern.search(question):
            return kind
    return None


def is_follow_up(question: str) -> bool:
    """True when the question leans on the conversation: a pronoun, "and ...", "what about ...",
    or no content words at all ("Why?")."""
    ws = words(question)
    if any(w in _PRONOUNS for w in ws):
        return True
    if re.match(r"^\s*(and|what about|how about|also)\b", question, re.I):
        return True
    return not terms(question)


def yes_no_subject(question: str) -> str | None:
    """For "Does vitamin D reduce ...?", the first content word after the auxiliary."""
    ws = words(question)
    if not ws or ws[0] not in _AUX:
        return None
    rest = ws[1:]
    if rest and rest[0] == "there":  # "Are there concerns about ...": existential, no subject
        return None
    for w in rest:
        if w in _DETERMINERS or w in STOPWORDS:
            continue
        return w
    return None


def author_target(question: str) -> str | None:
    """Which kind of source a "who wrote ...?" question is about, if it is one."""
    if not _AUTHOR_WORDS.search(question) or answer_type(question) != PERSON:
        return None
    for kind, pattern in _KIND_NOUNS:
        if pattern.search(question):
            return kind
    return None


def make_query(question: str, history: Sequence[str] = (), max_history: int = 5) -> Query:
    """Analyse ``question``; a follow-up borrows the text of the latest earlier questions."""
    history = [h for h in history if h.strip()][-max_history:] if max_history > 0 else []
    follow = bool(history) and is_follow_up(question)
    context = history[-2:] if follow else []
    own = tuple(terms(question))
    ctx = tuple(t for h in context for t in terms(h) if t not in own)
    text = " ".join([*context, question]) if context else question
    subject = yes_no_subject(question)
    ws = [w for w in words(question) if w not in ("a", "an", "the")]
    topic = subject if subject and len(ws) > 1 and ws[1] == subject else None
    return Query(
        question=question,
        text=text,
        terms=own,
        context_terms=ctx,
        answer_type=answer_type(question)
        or (answer_type(context[-1]) if context and len(own) <= 1 else None),
        follow_up=follow,
        yes_no_subject=subject,
        yes_no_topic=topic,
        author_of=author_target(question),
        kinds=kind_hints(text),
        words=frozenset(words(question)) | frozenset(w for h in context for w in words(h)),
        names=frozenset(proper_names(question)),
    )


def proper_names(question: str) -> list[str]:
    """Capitalised words that do not open the question, lower-cased ("Dr." excluded)."""
    found = re.findall(r"(?<=\s)[A-Z][a-z]+\b(?!\.)", question)
    return [w.lower() for w in found if w.lower() not in STOPWORDS]
