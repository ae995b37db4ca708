"""A post's or a comment's date as its element stamps it: the full date a page keeps in an
attribute behind the short one it shows.

Forums show a date relative to the visit, often in a tiny form ("4d", "3h", "2w", "Mar 4"),
and keep the full one beside it: in the element's ``title`` ("Feb 28, 2025 9:20 pm"), its
``datetime`` or Discourse's ``data-time`` (milliseconds since 1970). The full date is what
the post was written on; the shown one says only how long ago the page was saved.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from lxml.html import HtmlElement

from .dom import parse_date, printed_date

# "4d", "1d", "3h", "2w", "5mo", "1y", "12m": how long ago, without "ago"; a month of an
# earlier year with the year cut to two digits ("Oct '23", "Oct 27, '23"), as Discourse
# prints one.
_TINY = re.compile(r"^\s*(?:\d{1,3}\s?(?:s|m|min|h|hr|d|w|mo|y|yr)|(?:jan|feb|mar|apr|may|jun|jul|"
                   r"aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2},?\s+)?['\u2019]\d{2})\s*$", re.I)
_EPOCH = re.compile(r"^\d{9,13}$")
# A month and its year only ("Apr 2024"), as a forum prints an older post's date
_MONTH_YEAR = re.compile(r"^\s*(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+"
                         r"\d{4}\s*$", re.I)


def is_tiny_date(text: str) -> bool:
    """``text`` is only a tiny date: "4d", "3h", "2w", "Oct '23"."""
    return bool(_TINY.match(text))


def _epoch_day(value: str) -> str | None:
    """The ISO day of a timestamp in seconds or milliseconds since 1970 ("1740777600000")."""
    if not _EPOCH.match(value):
        return None
    seconds = int(value) / (1000 if len(value) > 11 else 1)
    try:
        return datetime.fromtimestamp(seconds, tz=UTC).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return None


def full_date(el: HtmlElement) -> str | None:
    """The full date the element (or one inside it: a link around a span) keeps in its
    ``datetime`` or ``title`` (as written there: "Feb 28, 2025"), else in its ``data-time``
    (as an ISO day), or None."""
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        for value in (node.get("datetime"), node.get("title")):
            if value and parse_date(value) is not None:
                return printed_date(value)
    for node in el.iter():
        if isinstance(node.tag, str):
            day = _epoch_day((node.get("data-time") or "").strip())
            if day:
                return day
    return None


def stamped(el: HtmlElement, text: str) -> bool:
    """A tiny date ("4d", "Oct '23") whose element keeps the full date: a date, though its
    text alone is none."""
    return is_tiny_date(text) and full_date(el) is not None


def fuller_date(el: HtmlElement, text: str) -> str | None:
    """The full date behind a shown month and year ("Apr 2024": Discourse's ``title`` "Apr 8,
    2024 7:22 pm"), when it falls in that month; else None."""
    if not _MONTH_YEAR.match(text):
        return None
    full = full_date(el)
    day, shown = parse_date(full or ""), parse_date(text)
    same = day is not None and shown is not None and (day.year, day.month) == (shown.year, shown.month)
    return full if same else None
