"""Customer reviews read card by card: a shop's product reviews, a travel site's reviews of a
hotel, each review a card of one list, with an owner's response under it.

The comment reader anchors a comment on each date line, so a review whose signature line is
long ("By Callum Reid, Inverness · 9 October 2024 · Verified purchase") anchors none and is
lost, and a card of several date lines ("Written ...", "Date of stay: ...", "Responded ...")
splits into as many comments of a line each. A list of like cards (siblings of one tag and
class, classed for a review) says where each review starts and ends: every card is one review,
signed by its reviewer, dated by the day it was written, its rating, title and text kept; the
response under it is a reply signed by the responder.
"""

from __future__ import annotations

import copy
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import lxml.html
from lxml.html import HtmlElement

from .bylines import YEAR_DATE, clean_name, name_or_handle
from .comments import FoundComment, author_of, body_text, date_text, is_author_el, is_date_el
from .dom import iter_elements, text_of, words
from .ratings import is_rating, rating_sentence
from .thread_marks import name_text

# "Response from Demelza Penhallow, Manager at The Gull & Lantern Inn", "Owner's reply from Ann"
_RESPONSE = re.compile(r"^(?:(?:management|owner|manager|host|seller|business)(?:['\u2019]s)?\s+)?"
                       r"(?:response|reply)\s+from\s+(?P<who>[^,]{2,60}?)(?:,\s*(?P<role>.{2,100}))?$",
                       re.I)
# A line saying when the reviewer stayed or visited, not when they wrote the review.
_STAY = re.compile(r"^\W*(?:date\s+of\s+(?:stay|visit|experience|travel|purchase)|stayed|visited|"
                   r"travell?ed|experienced)\b", re.I)
_TITLE_TAGS = ("h2", "h3", "h4", "h5", "h6")
_BOXES = frozenset({"p", "div", "h2", "h3", "h4", "h5", "h6", "blockquote", "ul", "ol", "section"})


@dataclass(frozen=True)
class Response:
    """An owner's response printed in a review's card: its elements, who signed it (None for
    "Response from the owner") and the role printed after the name."""

    elements: tuple[HtmlElement, ...]
    header: HtmlElement
    who: str | None
    role: str | None


def _is_card(el: HtmlElement) -> bool:
    """A box (holding blocks, not a line) marked as a review: schema.org's, or classed for one
    ("review", "review-container", "reviewCard"), not for the list ("reviews")."""
    if not any(isinstance(c.tag, str) and c.tag in _BOXES for c in el.iterdescendants()):
        return False
    if el.get("itemprop") == "review" or "schema.org/Review" in (el.get("itemtype") or ""):
        return True
    return any("review" in w and "reviews" not in w for w in (el.get("class") or "").lower().split())


def cards(region: HtmlElement) -> list[HtmlElement]:
    """The outermost lists of like review cards in a comment region (two siblings or more of
    one tag and class), in page order; [] when there are none."""
    groups: dict[tuple[Any, str, str], list[HtmlElement]] = defaultdict(list)
    for el in iter_elements(region):
        parent = el.getparent()
        if el is not region and parent is not None and _is_card(el):
            groups[(parent, el.tag, " ".join(sorted((el.get("class") or "").split())))].append(el)
    found = {el for group in groups.values() if len(group) >= 2 for el in group}
    return [el for el in iter_elements(region)
            if el in found and not any(a in found for a in el.iterancestors())]


def _response(card: HtmlElement) -> Response | None:
    """The response the card prints under its review: the header line naming who responded,
    and the box holding it (or, in a flat card, the header and all that follows it)."""
    for el in iter_elements(card):
        text = text_of(el)
        m = _RESPONSE.match(text) if el is not card and len(text) <= 160 else None
        if m is None or any(text_of(c) == text for c in el if isinstance(c.tag, str)):
            continue  # not a header, or a box around one (its child is the header)
        top = next(a for a in (el, *el.iterancestors()) if a.getparent() is card)
        if top is el:
            elements: tuple[HtmlElement, ...] = (el, *el.itersiblings())
        elif text_of(top).startswith(text):
            elements = (top,)  # a box opening with the header
        else:
            return None
        who = name_or_handle(m["who"]) if not m["who"].lower().startswith("the ") else None
        return Response(elements, el, who, m["role"])
    return None


def _dated(el: HtmlElement) -> str | None:
    """The date a short line prints: a date line's, or the date inside a signature line
    ("By Callum Reid, Inverness · 9 October 2024 · Verified purchase")."""
    if is_date_el(el):
        return date_text(el)
    text = text_of(el)
    found = YEAR_DATE.search(text) if len(text) <= 120 else None
    if found is None or any(isinstance(c.tag, str) and YEAR_DATE.search(text_of(c)) for c in el):
        return None
    return found.group(0).strip()


def _date(elements: list[HtmlElement]) -> tuple[HtmlElement, str] | None:
    """The line dating the review: the first date line that says when it was written, not when
    the reviewer stayed ("Date of stay: September 2024")."""
    for el in elements:
        when = _dated(el) if not _STAY.match(text_of(el)) else None
        if when:
            return el, when
    return None


def _reviewer(elements: list[HtmlElement]) -> str | None:
    for el in elements:
        if is_author_el(el):
            return name_or_handle(clean_name(name_text(el)).removeprefix("@"))
    return None


def _title(elements: list[HtmlElement]) -> HtmlElement | None:
    """The review's title: a heading, or a short element classed as a title."""
    for el in elements:
        text = text_of(el)
        if text and len(text.split()) <= 20 and (el.tag in _TITLE_TAGS or "title" in words(el)):
            return el
    return None


def _lines(*parts: str | None) -> str:
    out: list[str] = []
    for part in parts:
        if part and not any(part in line for line in out):
            out.append(part)
    return "\n".join(out)


def _copy(elements: tuple[HtmlElement, ...], mark: HtmlElement) -> tuple[HtmlElement, HtmlElement]:
    """A copy of ``elements`` under one element, and the copy of ``mark`` in it."""
    box, found = lxml.html.Element("div"), None
    for el in elements:
        clone = copy.deepcopy(el)
        found = next((c for o, c in zip(el.iter(), clone.iter(), strict=True) if o is mark), found)
        box.append(clone)
    return box, found if found is not None else box


def _reply(response: Response, reviewer: str | None) -> FoundComment | None:
    """The response as a reply to the reviewer: its words without its header, dated by its own
    date line ("Responded 25 September 2024"); the responder's role is its first line, as a
    commenter's headline is."""
    box, header = _copy(response.elements, response.header)
    dated = _date([el for el in iter_elements(box) if el is not box and el is not header])
    if header is not box:
        header.drop_tree()
    text = body_text(box, dated[0] if dated else box)
    if not text:
        return None
    first = response.role if response.who else text_of(response.header)
    return FoundComment(_lines(first, text), response.who, dated[1] if dated else None,
                        reviewer if reviewer != response.who else None)


def _heads(own: list[HtmlElement]) -> tuple[HtmlElement | None, HtmlElement | None]:
    """The review's rating (its stars as words, or as printed: "4 out of 5 stars") and its
    title, each printed apart from its text."""
    return next((el for el in own if is_rating(el)), None), _title(own)


def _rating_box(rating: HtmlElement, card: HtmlElement) -> HtmlElement:
    """The box around a rating holding no words but it, a number and marks beside it ("<div
    class=stars><span aria-label='4 out of 5 stars'>...</span> 4.0</div>"): all the rating."""
    box = rating
    for parent in rating.iterancestors():
        if parent is card or _LETTER.search(text_of(parent).replace(text_of(rating), "")):
            break
        box = parent
    return box


_LETTER = re.compile(r"[^\W\d_]")


def _has_heads(card: HtmlElement) -> bool:
    return any(el is not None for el in _heads([el for el in iter_elements(card) if el is not card]))


def _anchor_in(card: HtmlElement, anchors: list[HtmlElement]) -> HtmlElement:
    inside = set(card.iter())
    return next(a for a in anchors if a in inside)


def read_card(card: HtmlElement, anchor: HtmlElement | None = None) -> list[FoundComment]:
    """A card's review (and the response under it, a reply to the reviewer); [] when the card
    holds no words. A card its comment ``anchor`` (its one date line) would read whole is dated
    and signed as that anchor's comment is."""
    response = _response(card)
    skip: set[Any] = {e for el in response.elements for e in el.iter()} if response else set()
    own = [el for el in iter_elements(card) if el is not card and el not in skip]
    dated, reviewer = _date(own), _reviewer(own)
    if anchor is not None and is_date_el(anchor):
        dated, reviewer = (anchor, date_text(anchor) or ""), reviewer or author_of(card, anchor)
    rating, title = _heads(own)
    box = _rating_box(rating, card) if rating is not None else None
    skip |= {e for el in (title, box) if el is not None for e in el.iter()}
    text = body_text(card, dated[0] if dated else card, skip)
    if not text:
        return []
    heads = [rating_sentence(rating) if rating is not None else None,
             text_of(title) if title is not None else None]
    out = [FoundComment(_lines(*heads, text),
                        reviewer, (dated[1] or None) if dated else None)]
    reply = _reply(response, reviewer) if response else None
    return out + [reply] if reply else out


def read_cards(region: HtmlElement, anchors: list[HtmlElement]) -> list[FoundComment] | None:
    """The region's reviews, card by card, when it lists like review cards one of which is
    dated, and its comments' ``anchors`` (date lines), all in the cards, miss a card or split
    one, or a card holds an owner's response, or prints a rating or a title apart from its
    text (a shop's card: stars, a headline, then the review), which a comment read by its
    anchor would lose; None when it does not (its comments are read by their anchors)."""
    found = cards(region)
    held = [sum(a in inside for a in anchors) for inside in (set(c.iter()) for c in found)]
    whole = all(n == 1 for n in held) and not any(map(_response, found))
    if whole and found and sum(held) == len(anchors) and any(map(_has_heads, found)):
        # each card read as its anchor's comment, with the rating and the title it prints
        return [c for card in found for c in read_card(card, _anchor_in(card, anchors))]
    if whole or sum(held) < len(anchors) \
            or not any(_date(list(iter_elements(card))) for card in found):
        return None  # read by its anchors, one a card, or some anchor outside the cards
    return [comment for card in found for comment in read_card(card)]
