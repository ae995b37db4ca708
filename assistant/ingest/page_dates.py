"""What a public body's page prints about itself: who issued it and when it was published,
updated and reviewed, and which dates on it are not its own.

- A guidance page's metadata list (GOV.UK's ``dl.gem-c-metadata``: "From: Department for
  ... and ...", "Published 3 March 2025", "Last updated 12 May 2025 — See all updates") is
  its byline, as printed, without the link to the history; who it is "From" is its author
  (an organisation), since no person signs it.
- A review line's next one ("Page last reviewed: 4 March 2024" / "Next review due: 4 March
  2027", a health page's) stays with it in the byline.
- A sidebar beside the article listing other pages (an ``<aside>``'s "Latest news" widget,
  each link with its ``.post-date``) dates those pages, never this one: its dates are not looked at for the
  page's date, which is then none unless the article gives one.
- A change history's entries (``<li><time>12 May 2025</time><p>The closing date ...</p>``)
  keep their dates: the extractor keeps the note and drops the date set beside it, and
  "When was the closing date changed?" is answered by the date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lxml.html import HtmlElement

from .dom import (
    drop,
    iter_elements,
    outermost,
    parse_date,
    printed_date,
    text_lines,
    text_of,
    words,
)

_FROM_TERM = re.compile(r"^(?:from|published by|publisher|issued by)\s*:?$", re.I)
_DATE_TERM = re.compile(r"^(?:(?:first )?published|(?:last )?updated|(?:last )?reviewed|"
                        r"(?:last )?modified)\s*:?$", re.I)
# "Next review due: 4 March 2027", "Next update: May 2026"
_NEXT_LINE = re.compile(r"^next\s+(?:review|update)\w*\b", re.I)


@dataclass(frozen=True)
class Record:
    """A page's metadata list read: its byline lines as printed, who issued it, and the date
    it was published as printed (None if it gives none)."""

    byline: str
    publisher: str | None
    published: str | None
    element: Any  # the list, to drop once read


def _value(dd: HtmlElement) -> str:
    """A definition's text without its links within the page ("— See all updates")."""
    parts = [dd.text or ""]
    for child in dd:
        inner = any((a.get("href") or "").startswith("#") for a in child.iter("a"))
        if not inner:
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return re.sub(r"[\s\u2014\u2013-]+$", "", re.sub(r"\s+", " ", "".join(parts))).strip()


def metadata_list(root: HtmlElement, skip: set[Any]) -> Record | None:
    """The page's metadata list: a ``<dl>`` outside ``skip`` (the comments) whose terms are
    all "From" and dates ("Published", "Last updated"), a dated one among them; None if
    the page has none."""
    for dl in root.iter("dl"):
        if dl in skip:
            continue
        pairs: list[tuple[str, str]] = []
        for child in (c for x in dl for c in (x if x.tag == "div" else (x,))):
            if child.tag == "dt":
                pairs.append((text_of(child), ""))
            elif child.tag == "dd" and pairs and not pairs[-1][1]:
                pairs[-1] = (pairs[-1][0], _value(child))
        if not pairs or not all(v and (_FROM_TERM.match(t) or _DATE_TERM.match(t) and parse_date(v))
                                for t, v in pairs):
            continue
        dated = [(t.rstrip(": "), printed_date(v)) for t, v in pairs if _DATE_TERM.match(t)]
        if not dated:
            continue
        publisher = next((v for t, v in pairs if _FROM_TERM.match(t)), None)
        lines = [f"{t.rstrip(': ')}: {v}" for t, v in pairs if _FROM_TERM.match(t)]
        lines += [f"{t} {d}" for t, d in dated]
        published = next((d for t, d in dated if t.lower().endswith("published")), None)
        return Record("; ".join(lines), publisher, published, dl)
    return None


def updated_lines(el: HtmlElement) -> list[str]:
    """The line saying when the page changed, and a "Next review due: DATE" line right under
    it in the same element: ["Page last reviewed: 4 March 2024", "Next review due: 4 March
    2027"]."""
    lines = text_lines(el)
    out = lines[:1]
    for line in lines[1:]:
        if not (_NEXT_LINE.match(line) and parse_date(line)):
            break
        out.append(line)
    return out


def date_change_notes(root: HtmlElement) -> None:
    """A list of changes whose every item opens with its date (``<time>``) over a note in a
    block of its own: the note reads "12 May 2025: The closing date ...", the date kept."""
    for items in list(root.iter("ol", "ul")):
        entries = [li for li in items if isinstance(li.tag, str)]
        if len(entries) < 2 or not all(_dated_entry(li) for li in entries):
            continue
        for li in entries:
            stamp = next(c for c in li if isinstance(c.tag, str))
            note = next(c for c in stamp.itersiblings() if isinstance(c.tag, str) and text_of(c))
            note.text = f"{text_of(stamp)}: {note.text or ''}"
            drop([stamp])


def _dated_entry(li: HtmlElement) -> bool:
    """``li`` opens with a dated ``<time>`` and nothing before it, a block with text after."""
    first = next((c for c in li if isinstance(c.tag, str)), None)
    return li.tag == "li" and first is not None and first.tag == "time" \
        and not (li.text or "").strip() and parse_date(text_of(first)) is not None \
        and any(isinstance(c.tag, str) and c.tag in ("p", "div") and text_of(c)
                for c in first.itersiblings()) and all(
            e.tag != "time" for e in iter_elements(li) if e is not first)


_DATE_WORDS = frozenset({"date", "post-date", "entry-date", "published"})


def sidebars(root: HtmlElement) -> list[HtmlElement]:
    """Boxes beside the article listing other pages: an ``<aside>`` (or a box of the
    complementary role) holding no ``<h1>`` and no ``<article>``, less than half the page's
    text, and two or more list items each with a link and a date in an element of its own
    classed as one (``<span class="post-date">6 January 2025</span>``)."""
    half = len(text_of(root)) / 2
    found = []
    for el in iter_elements(root):
        if el.tag != "aside" and (el.get("role") or "").lower() != "complementary":
            continue
        if next(el.iter("h1", "article"), None) is not None or len(text_of(el)) >= half:
            continue
        dated = [li for li in el.iter("li") if next(li.iter("a"), None) is not None and any(
            words(d) & _DATE_WORDS and parse_date(text_of(d)) for d in iter_elements(li))]
        if len(dated) >= 2:
            found.append(el)
    return outermost(found)
