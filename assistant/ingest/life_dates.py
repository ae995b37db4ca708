"""Dates a page prints about what it is about, not about when it was published: a person's
life on an obituary, an event's time on its listing.

An obituary prints its subject's birth and death dates (``<span class="obit-born">`` /
``<span class="obit-died">``), and a date finder takes the death for the page's date; an
event page declares when the event starts (``event:start_time``, a JSON-LD ``Event``'s
``startDate``), and a date finder takes that for it too. Neither says when the page was
written, so the page is then undated ("Published 2 February 2025" would be made up), unless
it declares its publication on that day itself (``article:published_time``, JSON-LD
``datePublished``). An event's date, as printed, is its byline as printed; the life dates,
as printed ("14 June 1938 – 2 February 2025"), are a paragraph of the page, where "When was
she born?" finds them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import lxml.html
from lxml.html import HtmlElement

from .declared import ld_objects, ld_types
from .dom import iso_day, iter_elements, parse_date, post_date, text_of, words

_BIRTH = frozenset({"born", "birth", "birthdate", "dob"})
_DEATH = frozenset({"died", "death", "deathdate", "dod", "passed"})
_EVENT_META = frozenset({"event:start_time", "event:end_time", "og:event:start_time"})
_PUBLISHED_META = frozenset({"article:published_time", "og:article:published_time",
                             "datepublished", "pubdate", "publish-date", "dc.date.issued",
                             "dcterms.issued", "parsely-pub-date", "sailthru.date"})


def _life_elements(tree: HtmlElement) -> tuple[list[HtmlElement], list[HtmlElement]]:
    """The elements classed as a birth date and as a death date that print a date."""
    born = [el for el in iter_elements(tree)
            if words(el) & _BIRTH and parse_date(text_of(el)) and len(text_of(el)) <= 60]
    died = [el for el in iter_elements(tree)
            if words(el) & _DEATH and parse_date(text_of(el)) and len(text_of(el)) <= 60]
    return born, died


def _is_event(obj: dict[str, Any]) -> bool:
    return any(k.endswith("Event") for k in ld_types(obj))


def _days(values: list[Any]) -> set[date]:
    return {d for v in values if isinstance(v, str) for d in [iso_day(v.strip())] if d}


@dataclass(frozen=True)
class SubjectDate:
    """The date found for the page is its subject's: ``printed`` is an event's date as the
    page prints it ("Saturday, September 20, 2025"), which stands as its byline as printed;
    a life's dates are read in their own paragraph instead (``show_life_dates``)."""

    printed: str | None


def _life_days(tree: HtmlElement) -> set[date]:
    """The days of a life the page prints at both ends (a birth and a death)."""
    born, died = _life_elements(tree)
    if not born or not died:
        return set()
    return {d for el in (born + died) for d in [parse_date(text_of(el))] if d}


def _event_days(tree: HtmlElement) -> set[date]:
    """The days an event the page declares starts and ends on."""
    out = _days([m.get("content") for m in tree.iter("meta")
                 if (m.get("property") or m.get("name") or "").lower() in _EVENT_META])
    return out | _days([obj.get(k) for obj in ld_objects(tree) if _is_event(obj)
                        for k in ("startDate", "endDate")])


def declares_event(tree: HtmlElement) -> bool:
    """Whether the page declares an event's start or end (an event listing)."""
    return bool(_event_days(tree))


def _published_days(tree: HtmlElement) -> set[date]:
    """The days the page declares it was published on."""
    found = [m.get("content") for m in tree.iter("meta")
             if (m.get("property") or m.get("name") or m.get("itemprop") or "").lower()
             in _PUBLISHED_META]
    found += [obj.get("datePublished") for obj in ld_objects(tree) if not _is_event(obj)]
    found += [el.get("datetime") or el.get("content") for el in tree.iter()
              if isinstance(el.tag, str) and el.get("itemprop") == "datePublished"]
    return _days(found)


def subject_date(tree: HtmlElement, iso: str | None, skip: set[Any]) -> SubjectDate | None:
    """When ``iso`` (the date found for the page) is its subject's (a life's end, an event's
    start) and the page declares no publication on that day: what to print for it; ``skip``
    holds the elements (comments, sidebars) whose dates are not the page's."""
    day = iso_day(iso)
    if day is None or day in _published_days(tree):
        return None
    if day in _life_days(tree):
        return SubjectDate(None)
    if day in _event_days(tree):
        return SubjectDate(post_date(tree, iso, skip))
    return None


def show_life_dates(tree: HtmlElement) -> None:
    """The box printing a life's two dates ("14 June 1938 – 2 February 2025") becomes a
    paragraph of its text, as printed, so it is read where it stands."""
    born, died = _life_elements(tree)
    if len(born) != 1 or len(died) != 1:
        return
    box = next((a for a in born[0].iterancestors() if died[0] in a.iter()), None)
    if box is None or box.tag in ("body", "html") or len(text_of(box)) > 80:
        return
    para = lxml.html.Element("p")
    para.text = text_of(box)
    para.tail = box.tail
    parent = box.getparent()
    if parent is not None:
        parent.replace(box, para)
