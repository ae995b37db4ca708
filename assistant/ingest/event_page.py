"""An event listing's parts (Eventbrite's shape), read as a reader sees them, on a page that
declares an event (``event:start_time``, a JSON-LD ``Event``: ``life_dates.declares_event``).

- The organiser's card ("By <a>Northern Waterways Forum</a>", or the card's heading link,
  in an element classed ``organizer`` / ``organiser``) names who puts the event on: the
  page's author, when nothing else names one.
- The venue's name, a bold-only first line of the location box
  (``<p><strong>The Corn Exchange</strong></p>`` over the address lines), is text read with
  its address ("The Corn Exchange, Call Lane, Leeds"), not a heading nobody quotes.
- The ticket box (an ``<aside>`` printing prices: "From £12.00", ticket types, "Sales end
  on ...") is the event's text, not a sidebar, under its heading or "Tickets".
- The organiser's counts ("1.2k followers · 34 events · Hosting for 6 years") and a box of
  "More events from this organiser" are furniture.
"""

from __future__ import annotations

import re
from typing import Any

import lxml.html
from lxml.html import HtmlElement

from .bylines import name_ok
from .dom import HEADINGS, drop, iter_elements, text_of, words
from .life_dates import declares_event

TICKETS = "Tickets"  # the heading of a ticket box printing none
_ORGANISER_WORDS = frozenset({"organizer", "organiser", "organizers", "organisers", "host"})
_PLACE_WORDS = frozenset({"location", "venue", "address", "where"})
_BY = re.compile(r"^(?:by|hosted by|organi[sz]ed by|presented by)\s+(.{2,80})$", re.I)
_PRICE = re.compile(r"(?:[£$€]\s?\d|\d(?:[.,]\d{2})?\s?(?:GBP|USD|EUR)\b)|\bfree\b", re.I)
_COUNT = re.compile(r"^(?:[\d.,]+\s?[km]?\s+(?:followers?|events?|members?|attendees?|"
                    r"reviews?|likes?)|(?:hosting|organi[sz]ing) (?:for|since) .{1,30})$", re.I)
_MORE_EVENTS = re.compile(r"^(?:more|other|similar|related) events\b", re.I)
_COUNT_GAPS = re.compile(r"\s*[\u00b7|\u2022]\s*")
_MAX_ADDRESS_LINES = 4
_MAX_BOX_CHARS = 1500  # a box of other events' links, not the page's body


def _classed(el: HtmlElement, wanted: frozenset[str]) -> bool:
    return bool(words(el) & wanted)


def organiser(tree: HtmlElement, skip: set[Any]) -> str | None:
    """The name the organiser's card gives the event's host ("By NAME" over a link, else the
    card's heading link), on an event page; None elsewhere."""
    if not declares_event(tree):
        return None
    cards = [el for el in iter_elements(tree) if el not in skip and _classed(el, _ORGANISER_WORDS)]
    for card in cards:
        for link in card.iter("a"):
            name = text_of(link)
            parent = link.getparent()
            line = text_of(parent) if parent is not None else ""
            by = _BY.match(line)
            if by and by.group(1) == name and name_ok(name):
                return name
    for card in cards:
        for head in (h for h in card.iter(*HEADINGS) if next(h.iter("a"), None) is not None):
            name = text_of(head)
            if name and name == text_of(next(head.iter("a"))) and name_ok(name):
                return name
    return None


def _is_counts(text: str) -> bool:
    parts = [p for p in _COUNT_GAPS.split(text) if p]
    return bool(parts) and all(_COUNT.match(p) for p in parts)


def _join_venue(box: HtmlElement) -> None:
    """The venue's bold-only line and the address lines under it become one paragraph."""
    paras = [c for c in box if isinstance(c.tag, str) and c.tag == "p"]
    if len(paras) < 2:
        return
    first = paras[0]
    bold = [c for c in first if isinstance(c.tag, str)]
    if len(bold) != 1 or bold[0].tag not in ("strong", "b") or (first.text or "").strip() \
            or (bold[0].tail or "").strip() or not text_of(first):
        return
    following: list[HtmlElement] = []
    for sib in first.itersiblings():
        if not isinstance(sib.tag, str) or sib.tag != "p":
            break
        following.append(sib)
    address = [text_of(p) for p in following[:_MAX_ADDRESS_LINES] if text_of(p)]
    if not address or any(len(a) > 120 or a.endswith((".", "!", "?")) for a in address):
        return
    for child in list(first):
        first.remove(child)
    first.text = ", ".join([text_of(bold[0]), *address])
    drop(following[:len(address)])


def rewrite(tree: HtmlElement) -> None:
    """An event page's venue, ticket box, organiser's counts and "More events" box, as the
    module says; any other page is left alone."""
    if not declares_event(tree):
        return
    for box in [el for el in iter_elements(tree) if _classed(el, _PLACE_WORDS)]:
        _join_venue(box)
    for aside in list(tree.iter("aside")):
        text = text_of(aside)
        links = sum(len(text_of(a)) for a in aside.iter("a"))
        if text and _PRICE.search(text) and len(text) <= 600 and links <= 0.3 * len(text):
            aside.tag = "section"
            for el in iter_elements(aside):  # "conversion-bar": no menu bar for the extractor
                el.attrib.pop("class", None)
            if next(aside.iter(*HEADINGS), None) is None:  # not under the card before it
                head = lxml.html.Element("h2")
                head.text = TICKETS
                aside.insert(0, head)
    doomed: list[HtmlElement] = []
    for el in iter_elements(tree):
        box = el.getparent()
        if el.tag in HEADINGS and _MORE_EVENTS.match(text_of(el)) and box is not None \
                and len(text_of(box)) <= _MAX_BOX_CHARS:
            doomed.append(box)
        elif any(_classed(a, _ORGANISER_WORDS) for a in (el, *el.iterancestors())) \
                and not any(c.tag in HEADINGS for c in el.iter()) and _is_counts(text_of(el)):
            doomed.append(el)
    drop(doomed)
