"""A news live blog read update by update: each update opens with the time it was posted, as
printed ("15.41 GMT"), and is signed by the reporter who posted it.

A live blog is one page written by several reporters over a day; its byline names them all.
Each update is a box of its own (``div.block``, ``li.liveblog-entry``, ``article.live-update``)
holding a ``<time>``, often the reporter's name (``span.block__author``, "Posted by NAME"),
and the update's paragraphs. The extractor drops the time and the name with the box's "meta"
line, so "What happened at 13.30?" and "Who wrote the update about the bridge?" would have
nothing to quote. Here the update's first paragraph opens with them ("15.41 GMT, by Gwen
Hallett: Wessex Grid says ..."), so a quote carries them, and the update's paragraphs are
signed by the reporter (``Block.author``), not by the page's joint byline.

Only a page that says it is a live blog (schema.org ``LiveBlogPosting``, or a box classed
``liveblog`` / ``live-blog`` around the updates) with two or more such boxes side by side is
read so: a blog's list of posts or a forum's replies, each with its ``<time>``, is not.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from lxml.html import HtmlElement

from . import dom
from .bylines import clean_name, name_ok
from .declared import ld_objects, ld_types
from .page import PARAGRAPH, Block

_ENTRY_WORDS = frozenset({"block", "entry", "update", "post"})
_LIVE_WORDS = frozenset({"liveblog", "live-blog", "livebloging", "liveblogging", "live-updates",
                         "live-coverage"})
_REPORTER_WORDS = frozenset({"author", "byline", "contributor", "contributors", "reporter"})
_POSTED_BY = re.compile(r"^(?:posted\s+|written\s+|updated\s+)?by\s+(?P<name>\S.{0,60})$", re.I)
_TEXT_TAGS = ("p", "li", "blockquote", "pre")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_LINES = frozenset({"p", "div", "span", "a", "li"})  # a footer's lines
_KEY = 40  # characters of a paragraph's opening that find it again among the blocks read


@dataclass(frozen=True)
class Update:
    """One update of a live blog: its time as printed, its reporter (if it names one), the
    openings of its paragraphs and the headings it holds (an update's headline is its own, not
    the next updates')."""

    stamp: str
    reporter: str | None
    openings: tuple[str, ...]
    headings: tuple[str, ...] = ()


def _declared(tree: HtmlElement) -> bool:
    return any("LiveBlogPosting" in ld_types(obj) for obj in ld_objects(tree)) or any(
        (el.get("itemtype") or "").rstrip("/").endswith("LiveBlogPosting") for el in tree.iter())


def _is_entry(el: HtmlElement) -> bool:
    return bool(dom.words(el) & _ENTRY_WORDS) and el.find(".//time") is not None \
        and any(dom.text_of(p) for p in el.iter("p"))


def _entries(tree: HtmlElement) -> list[HtmlElement]:
    """The largest set of two or more update boxes side by side, on a page that is a live
    blog; [] on any other page."""
    best: list[HtmlElement] = []
    for parent in tree.iter():
        if not isinstance(parent.tag, str):
            continue
        boxes = [c for c in parent if isinstance(c.tag, str) and _is_entry(c)]
        if len(boxes) > len(best):
            best = boxes
    if len(best) < 2:
        return []
    around = [best[0].getparent(), *best[0].getparent().iterancestors(), *best]
    live = any(dom.words(el) & _LIVE_WORDS for el in around) or _declared(tree)
    return best if live else []


def _reporter(entry: HtmlElement, stamp_el: HtmlElement) -> tuple[str | None, HtmlElement | None]:
    """The reporter the update names (an element classed for them, else a "Posted by NAME"
    line, else a name of two words or more alone on a line of its ``<footer>``), and the
    element naming them."""
    candidates: list[tuple[int, str, HtmlElement]] = []
    for el in entry.iter():
        if not isinstance(el.tag, str) or el is stamp_el or el.tag in _TEXT_TAGS[1:]:
            continue
        text = dom.text_of(el)
        if not text or len(text.split()) > 8:
            continue
        m = _POSTED_BY.match(text)
        if dom.words(el) & _REPORTER_WORDS:
            candidates.append((0, clean_name(m["name"] if m else text), el))
        elif m:
            candidates.append((1, clean_name(m["name"]), el))
        elif el.tag == "footer":
            candidates += [(2, line, el) for line in dom.text_lines(el, _LINES) if len(line.split()) > 1]
    for _, name, el in sorted(candidates, key=lambda c: c[0]):
        if name and name_ok(name):
            return name, el
    return None, None


def mark_updates(tree: HtmlElement) -> list[Update]:
    """Open each update's first paragraph with its time and reporter ("15.41 GMT, by Gwen
    Hallett: ..."), dropping the line that printed them; the updates, in the page's order."""
    out: list[Update] = []
    for entry in _entries(tree):
        stamp_el = entry.find(".//time")
        stamp = dom.text_of(stamp_el) if stamp_el is not None else ""
        if stamp_el is None or not stamp or len(stamp) > 40:
            continue
        reporter, named = _reporter(entry, stamp_el)
        dom.drop([el for el in (stamp_el, named) if el is not None])
        first = next(p for p in entry.iter("p") if dom.text_of(p))
        lead = f"{stamp}, by {reporter}: " if reporter else f"{stamp}: "
        first.text = lead + (first.text or "").lstrip()
        openings = tuple(dom.text_of(el)[:_KEY] for el in entry.iter(*_TEXT_TAGS) if dom.text_of(el))
        headings = tuple(dom.text_of(el) for el in entry.iter(*_HEADINGS) if dom.text_of(el))
        out.append(Update(stamp, reporter, openings, headings))
    return out


def sign_updates(blocks: Sequence[Block], updates: Sequence[Update]) -> list[Block]:
    """The blocks, each paragraph read from an update signed by its reporter and under no
    heading but one of its own (an earlier update's headline does not head the next ones)."""
    by_opening = {o: u for u in updates for o in u.openings}
    out: list[Block] = []
    for b in blocks:
        update = next((u for o, u in by_opening.items() if b.text.startswith(o)), None) \
            if b.kind == PARAGRAPH else None
        if update is not None:
            heading = b.heading if b.heading in update.headings else None
            b = replace(b, heading=heading, author=b.author or update.reporter)
        out.append(b)
    return out
