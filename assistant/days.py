"""Days as a diary heads its entries and as a question names one.

A diary's or a log's entries are headed by their day, typed a little differently each time
("Sat 11 April 2026", "Sun 12th", "14/04", "Thurs 16 Apr", "17/4"); a question about one
names the day its own way ("on Monday 13 April", "on the 12th", "on 17 April", "on the
Wednesday"). ``Day`` holds what each says (the day of the month, the month, the weekday), and
``same_day`` whether a question's day can be an entry's: what both say agrees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_MONTH_NAME = (r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
               r"Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?")
_MONTH = rf"(?P<month>{_MONTH_NAME})\.?"
_WEEKDAY = r"(?P<weekday>Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?"
_ORD = r"(?:st|nd|rd|th)"
# A heading that is a day and nothing else.
_HEADING = re.compile(
    rf"^(?:{_WEEKDAY}\s+)?(?:the\s+)?(?:"
    rf"(?P<d1>\d{{1,2}}){_ORD}?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<m2>{_MONTH_NAME})\.?\s+(?P<d2>\d{{1,2}}){_ORD}?(?:,?\s+\d{{4}})?"
    rf"|(?P<d3>\d{{1,2}})/(?P<m3>\d{{1,2}})(?:/\d{{2,4}})?"
    rf"|(?P<y4>\d{{4}})-(?P<m4>\d{{2}})-(?P<d4>\d{{2}})"
    rf"|(?P<d5>\d{{1,2}}){_ORD})\s*[:\-\u2013\u2014]?\s*$", re.I)
# A day a question names: "13 April", "April 13th", "the 12th", "Sunday the 12th", "on the
# Wednesday", "14/04".
_ASKED = re.compile(
    rf"\b(?:{_WEEKDAY}\s+)?(?:the\s+)?(?:"
    rf"(?P<d1>\d{{1,2}}){_ORD}?\s+(?:of\s+)?{_MONTH}"
    rf"|(?P<m2>{_MONTH_NAME})\.?\s+(?P<d2>\d{{1,2}})(?:{_ORD})?"
    rf"|(?P<d3>\d{{1,2}})/(?P<m3>\d{{1,2}})(?!/)"
    rf"|(?P<d5>\d{{1,2}}){_ORD})\b"
    rf"|\b(?:on|that|last|the)\s+{_WEEKDAY.replace('weekday', 'weekday6')}(?![\w'])"
    r"(?!\s+(?:the\s+)?\d)", re.I)


@dataclass(frozen=True)
class Day:
    """What a heading or a question says of a day: the day of the month (1-31), the month
    (1-12), the weekday (0 Monday - 6 Sunday), each None when not said."""

    day: int | None
    month: int | None
    weekday: int | None


def _month(name: str | None) -> int | None:
    if not name:
        return None
    if name.isdigit():
        n = int(name)
        return n if 1 <= n <= 12 else None
    return _MONTHS.index(name[:3].lower()) + 1


def _weekday(name: str | None) -> int | None:
    return _WEEKDAYS.index(name[:3].lower()) if name else None


def _day(m: re.Match[str]) -> Day | None:
    g = m.groupdict()
    day = next((int(g[k]) for k in ("d1", "d2", "d3", "d4", "d5") if g.get(k)), None)
    month = _month(g.get("month") or g.get("m2") or g.get("m3") or g.get("m4"))
    weekday = _weekday(g.get("weekday") or g.get("weekday6"))
    if day is not None and not 1 <= day <= 31 or (g.get("m3") and month is None):
        return None
    if day is None and weekday is None:
        return None
    return Day(day, month, weekday)


def heading_day(heading: str | None) -> Day | None:
    """The day a heading is, when it is a day and nothing else ("Sun 12th", "14/04")."""
    m = _HEADING.match(heading.strip()) if heading else None
    if m is None or not (m["weekday"] or m["d1"] or m["d2"] or m["d3"] or m["d4"]):
        return None  # (an ordinal alone, "12th", heads no diary's entry)
    return _day(m)


# A row or an entry that opens on its day as its first cell or its label: "Sunday 12 October |
# Kelbrook Edge ...", "14/04: fog until ten".
_ROW_HEAD = re.compile(r"^(?P<head>[^|:\n]{3,40}?)\s*(?:\||:\s)")


def row_day(text: str) -> Day | None:
    """The day a table row or a list entry opens on as its first cell or label ("Sunday 12
    October | Kelbrook Edge", "Thurs 16 Apr: cold"); None when it opens on anything else
    ("Saturday 13 December, 1pm, at ...": a day in running text heads nothing)."""
    m = _ROW_HEAD.match(text)
    return heading_day(m["head"]) if m else None


def asked_days(question: str) -> list[Day]:
    """The days a question names ("What was the weather on Sunday the 12th?")."""
    return [d for m in _ASKED.finditer(question) if (d := _day(m))]


def same_day(asked: Day, entry: Day) -> bool:
    """Whether the day a question names can be the entry's: what both say agrees, and they
    share a day of the month or (the question giving none) a weekday."""
    if asked.day is not None:
        return entry.day == asked.day and (asked.month is None or entry.month in (None, asked.month))
    return asked.weekday is not None and entry.weekday == asked.weekday


# A day as running text tells it: a date ("13 April", "April 13th", "14/04", "2026-05-19", "the
# 12th"), a weekday by name ("on Saturday"), or one counted from today ("tomorrow").
_WEEKDAY_WORD = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)days?\b"
                           r"|\b(?:today|tomorrow|yesterday|tonight)\b", re.I)
_ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def tells_day(text: str) -> bool:
    """Whether ``text`` says which day something is on, not only its month or year ("in
    April", "a few years ago" do not)."""
    return bool(_WEEKDAY_WORD.search(text) or _ISO.search(text)
                or any(_day(m) for m in _ASKED.finditer(text)))
