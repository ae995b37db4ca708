"""A question page's answers read as signed boxes (Quora's shape): each answer is a reply to
the question, signed by its writer, with the credential line and the stamp printed under the
name.

Such a page declares itself a question with answers to search engines (JSON-LD ``QAPage`` /
``Question`` with ``suggestedAnswer``, ``acceptedAnswer`` or ``answerCount``) but prints its
answers in boxes whose class names are generated ("q-box qu-mb--small"), named for no
comment: what marks an answer is its shape, a link to its writer's profile (the name), a
stamp ("Updated 2y", "Answered Mar 3") and paragraphs. The question is the post; the page's
declared date is when it was asked, not when any answer was written, and an answer's date is
the one the page declares for it, else its stamp as printed. Boxes signed by no profile (a
sponsored answer, an advert) and the sidebar ("Related questions") are not answers, and are
not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from lxml.html import HtmlElement

from .bylines import is_comment_date, name_ok
from .comments import FoundComment
from .declared import ld_name, ld_objects, ld_types
from .dom import clean_text, iter_elements, parse_date, text_of
from .stamps import is_tiny_date
from .thread_marks import ACCEPTED_ANSWER, ANSWER

# A link to a member's profile: "/profile/Ann-Roe-3", "/users/2318/ann-roe", "/u/ann".
_PROFILE = re.compile(r"/(?:profile|users?|u|people|members?)/[^/?#]+", re.I)
# An answer's stamp: "Updated 2y", "3y", "Answered Mar 3", "Answered March 3, 2023".
_STAMP_VERB = re.compile(r"^(?:(?:originally\s+)?answered|updated|edited|posted|written)\s+", re.I)
_STAMP_CHARS = 40
_SEPARATORS = frozenset({"\u00b7", "|", "\u2022", "-", "\u2013", "\u2014"})
_MIN_WORDS = 8  # a paragraph of an answer, not a button's label


@dataclass(frozen=True)
class Question:
    """What the page declares about its question: its text (paragraphs), the day it was asked
    (ISO), and each declared answer's writer with its day (ISO) and whether it is accepted."""

    text: tuple[str, ...]
    asked: str | None
    answers: tuple[tuple[str, str | None, bool], ...]


@dataclass(frozen=True)
class QAPage:
    """The question and its answers as read: the answers as comments, and their boxes (which
    are not the post's text)."""

    question: Question
    answers: tuple[FoundComment, ...]
    boxes: tuple[HtmlElement, ...]


def _day(value: Any) -> str | None:
    return value[:10] if isinstance(value, str) and parse_date(value[:10]) is not None else None


def declared_question(root: HtmlElement) -> Question | None:
    """The question the page's JSON-LD declares with its answers, else None."""
    for obj in ld_objects(root):
        if "Question" not in ld_types(obj) or not any(
                k in obj for k in ("suggestedAnswer", "acceptedAnswer", "answerCount")):
            continue
        answers: list[tuple[str, str | None, bool]] = []
        for key in ("acceptedAnswer", "suggestedAnswer"):
            value = obj.get(key)
            for answer in value if isinstance(value, list) else [value]:
                who = ld_name(answer.get("author")) if isinstance(answer, dict) else None
                if who and isinstance(answer, dict):
                    answers.append((who, _day(answer.get("dateCreated")), key == "acceptedAnswer"))
        name = ld_name(obj.get("name")) or ""
        text = clean_text(str(obj.get("text") or ""))
        return Question((text,) if text and text != name else (name,) if name else (),
                        _day(obj.get("dateCreated")), tuple(answers))
    return None


def _is_stamp(text: str) -> bool:
    if len(text) > _STAMP_CHARS:
        return False
    rest = _STAMP_VERB.sub("", text)
    return is_tiny_date(rest) or is_comment_date(rest) or (
        rest != text and parse_date(rest) is not None)


def _signers(root: HtmlElement) -> list[tuple[HtmlElement, str]]:
    """The links to a member's profile whose text is a name, with that name."""
    out = []
    for a in root.iter("a"):
        name = text_of(a)
        if _PROFILE.search(a.get("href") or "") and name and name_ok(name) and len(name.split()) <= 5:
            out.append((a, name))
    return out


def _box(link: HtmlElement, profiles: dict[Any, str]) -> HtmlElement:
    """The largest element around a signer's link holding no link to another profile."""
    own = profiles[link]
    box = link
    for parent in link.iterancestors():
        if parent.tag in ("body", "html") or any(
                profiles.get(a, own) != own for a in parent.iter("a")):
            break
        box = parent
    return box


def _answer(box: HtmlElement, link: HtmlElement, name: str) -> tuple[str, str] | None:
    """An answer box's stamp and text (its credential line, then its paragraphs), or None
    when it has no stamp or no paragraph."""
    inside_link = set(link.iter())
    credential: list[str] = []
    stamp = None
    seen = False
    for el in iter_elements(box):
        if el is link:
            seen = True
        elif seen and el not in inside_link and not any(
                isinstance(c.tag, str) and text_of(c) for c in el):
            text = text_of(el)
            if _is_stamp(text):
                stamp = text
                break
            if text and text not in _SEPARATORS and text != name:
                credential.append(text)
    paragraphs = [text_of(p) for p in box.iter("p") if len(text_of(p).split()) >= _MIN_WORDS]
    if stamp is None or not paragraphs:
        return None
    return stamp, "\n".join([" ".join(credential)] * bool(credential) + paragraphs)


def read_qa_page(root: HtmlElement) -> QAPage | None:
    """The page's question and its answers (two or more boxes side by side, each signed by a
    profile link, stamped and holding paragraphs), on a page that declares a question with
    answers; else None."""
    question = declared_question(root)
    if question is None:
        return None
    signers = _signers(root)
    profiles = {a: (a.get("href") or "").split("?")[0] for a, _ in signers}
    found: list[tuple[HtmlElement, str, str, str]] = []
    for link, name in signers:
        box = _box(link, profiles)
        if any(box is b for b, *_ in found):
            continue  # the same writer's other link (avatar, name) in the same box
        answer = _answer(box, link, name)
        if answer:
            found.append((box, name, *answer))
    parents = {id(b.getparent()) for b, *_ in found}
    if len(found) < 2 or len(parents) != 1:
        return None
    declared = {who: (day, accepted) for who, day, accepted in question.answers}
    answers = tuple(FoundComment(text, name, declared.get(name, (None, False))[0] or stamp,
                                 mark=ACCEPTED_ANSWER if declared.get(name, (None, False))[1]
                                 else ANSWER)
                    for _, name, stamp, text in found)
    return QAPage(question, answers, tuple(b for b, *_ in found))


def with_declared_accepted(found: list[FoundComment], root: HtmlElement) -> list[FoundComment]:
    """The comments, the answer the page's JSON-LD declares accepted marked so: the only
    answer by the writer its ``acceptedAnswer`` names, when the markup marks no answer
    accepted (a "Best answer" box in classes only)."""
    if any(c.mark == ACCEPTED_ANSWER for c in found) or not any(c.mark == ANSWER for c in found):
        return found
    question = declared_question(root)
    accepted = {who for who, _, chosen in question.answers if chosen} if question else set()
    mine = [i for i, c in enumerate(found) if c.mark == ANSWER and c.author in accepted]
    if len(accepted) != 1 or len(mine) != 1:
        return found
    return [replace(c, mark=ACCEPTED_ANSWER) if i == mine[0] else c for i, c in enumerate(found)]
