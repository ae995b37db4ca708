"""Whom a "he" or a "she" can be: the gender a question's pronouns give the person it asks
about, the gender the article's own pronouns give each person it names, and the sentences
that are plainly about someone of the other gender.

Only the article's words are read: a person's "he" or "she" in the sentence that names them
or the one after it, or a title ("Mrs Achterberg"). A first name alone says nothing, and a
comment's writer, who speaks as "I", has no gender the page gives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from .sentences import QUOTED, person_names
from .text import words
from .types import Source, Span

MALE, FEMALE = "m", "f"
_GENDER_OF = {"he": MALE, "him": MALE, "his": MALE, "himself": MALE,
              "she": FEMALE, "her": FEMALE, "hers": FEMALE, "herself": FEMALE}
_SUBJECT = {"he": MALE, "she": FEMALE}
# A person a possessive pronoun relates the one asked about to: "his wife", "her son", "her
# GP" (the question's "her" is then not the person asked after, and its "his" may be
# someone's other than the sentence's "he").
_RELATION = re.compile(
    r"\b(?:his|her)\s+(?:\w+\s+)?(?:mother|mum|mom|father|dad|son|sons|daughter|daughters|wife|"
    r"husband|partner|brother|brothers|sister|sisters|aunt|uncle|niece|nephew|cousin|"
    r"grandmother|grandfather|gran|grandma|grandpa|granddaughter|grandson|grandchildren|"
    r"children|child|kids|kid|family|parents|parent|friend|friends|boss|colleague|colleagues|"
    r"neighbour|neighbor|girlfriend|boyfriend|fianc\w*|widow|widower|teacher|doctor|GP|"
    r"coach|pupil|pupils|student|students|patient|patients|team|staff)\b", re.I)
# Words for a person that give their gender ("a widowed ferryman", "her grandmother"): a
# sentence with one may be about the person asked after without naming them.
_GENDERED_NOUNS = {
    MALE: re.compile(r"\b(?:man|men|boy|boys|lad|lads|father|dad|son|sons|husband|brother|"
                     r"brothers|uncle|nephew|grandfather|grandpa|grandson|king|prince|gentleman|"
                     r"gentlemen|widower|mr|sir|[a-z]{3,}(?<!wo)(?<!hu)m[ae]n)\b", re.I),
    FEMALE: re.compile(r"\b(?:woman|women|girl|girls|lass|mother|mum|mom|daughter|daughters|"
                       r"wife|sister|sisters|aunt|niece|grandmother|grandma|gran|granddaughter|"
                       r"queen|princess|lady|ladies|widow|mrs|ms|miss|\w+woman|\w+women)\b",
                       re.I),
}
_TITLE_GENDER = re.compile(r"\b(?:(?P<m>Mr|Sir)|(?P<f>Mrs|Ms|Miss|Dame|Lady))\.?\s+"
                           r"(?P<name>[A-Z][\w'\-\u00c0-\u017f]+)")
# "the youngest of four children of a colliery winding engineman": a person the sentence's
# subject is related to, not its subject.
_OF_BEFORE = re.compile(r"\bof\s+(?:an?|the|his|her|their)\s+(?:[\w'-]+\s+){0,3}$", re.I)
_FIRST_PERSON = re.compile(r"\b(?:i|me|my|mine|myself|we|us|our|ours)\b", re.I)
_PRONOUN = re.compile(r"\b(?:he|she|his|himself|herself)\b", re.I)
_TITLES = frozenset("dr prof professor mr mrs ms mx sir dame councillor councilor senator captain "
                    "rev miss lady".split())


def other(gender: str) -> str:
    return FEMALE if gender == MALE else MALE


def asked_gender(question: str) -> str | None:
    """The gender of the person a question asks after by pronoun ("When was he born?": "m"),
    or None: no pronoun, pronouns of both ("What did he tell her?"), or a possessive that
    relates them to another person ("How old is his daughter?")."""
    if _RELATION.search(question):
        return None
    found = {_GENDER_OF[w] for w in words(question) if w in _GENDER_OF}
    return found.pop() if len(found) == 1 else None


def _name_words(name: str) -> list[str]:
    return [w for w in words(name) if w not in _TITLES and len(w) > 1]


def name_genders(spans: Sequence[Span], sources: Mapping[str, Source]) -> dict[str, str]:
    """For each word of a person's name the article gives a gender, that gender: the person
    named nearest before a "he", "she" or "his" in a sentence (quotations left out), or the one
    person named last before it (at most two sentences that name no one between) when the
    pronoun comes before any name; or a title
    ("Mrs Achterberg"). A word found with both is left out."""
    votes: dict[str, set[str]] = {}

    def vote(name: str, gender: str) -> None:
        for w in _name_words(name):
            votes.setdefault(w, set()).add(gender)

    before: list[str] = []
    last_source = None
    nameless = 0  # sentences since the last that named anyone
    for span in spans:
        if span.source_id != last_source:
            before, last_source, nameless = [], span.source_id, 0
        text = QUOTED.sub(" ", span.text)
        for m in _TITLE_GENDER.finditer(span.text):
            vote(m["name"], MALE if m["m"] else FEMALE)
        names = person_names(text)
        at = sorted((text.find(n), n) for n in names if text.find(n) >= 0)
        for p in _PRONOUN.finditer(text):
            gender = _GENDER_OF[p.group().lower()]
            earlier = [n for start, n in at if start < p.start()]
            if earlier:
                vote(earlier[-1], gender)
            elif len(before) == 1:
                vote(before[0], gender)
        # a quotation running on over sentences of its own names no one: the person named
        # before it is still the one spoken of ('said Miriam Okafor. "Seeing ..." She said')
        nameless = 0 if names else nameless + 1
        if names or nameless > 2:
            before = names
    return {w: g.pop() for w, g in votes.items() if len(g) == 1}


def _named_genders(text: str, genders: Mapping[str, str]) -> list[str | None]:
    """The gender of each person the sentence names (None when the article gives none)."""
    return [gender_of(name, genders) for name in person_names(text)]


def about_other(text: str, gender: str, genders: Mapping[str, str]) -> bool:
    """Whether a sentence is plainly about someone of the other gender than ``gender``: it
    says "she" (for a "he" asked after) and no pronoun, title or word for a person of
    ``gender``; it does not speak as "I" (a writer may be the one asked after); and every
    person it names, the article says is of the other gender."""
    said = {_GENDER_OF[w] for w in words(text) if w in _GENDER_OF}
    if gender in said or other(gender) not in {_SUBJECT[w] for w in words(text) if w in _SUBJECT}:
        return False
    if _FIRST_PERSON.search(text) or any(not _OF_BEFORE.search(text, 0, m.start())
                                         for m in _GENDERED_NOUNS[gender].finditer(text)):
        return False
    if any(g != other(gender) for g in _named_genders(text, genders)):
        return False
    # a name the article gives this gender, by a word of it alone ("Desmond")
    return not any(genders.get(w) == gender for w in words(text))


def gender_of(name: str, genders: Mapping[str, str]) -> str | None:
    """The gender the article gives the person so named, if one."""
    found = {genders[w] for w in _name_words(name) if w in genders}
    return found.pop() if len(found) == 1 else None


def people_of(names: Iterable[str], gender: str, genders: Mapping[str, str]) -> list[str]:
    """The names that may be of ``gender``: none the article gives the other."""
    return [name for name in names if gender_of(name, genders) != other(gender)]
