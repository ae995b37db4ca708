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

Real sites print the time in many ways: a ``<time>``, a ``<span>`` classed for it
("block-time__absolute", a WordPress plugin's "liveblog-meta-time"), or the update's heading
("14:05 - Bridge closed", its headline kept). Update boxes are read as the article whatever
their class says (a "live-feed" is no site's feed; a box classed "post" no article of its
own), never as a forum's posts or as reader comments, and an update in a list item keeps its
headline apart from its text. A ``LiveBlogPosting``'s ``liveBlogUpdate`` entries and the first
update's reporter are not the page's title, author or date.

Only a page that says it is a live blog (schema.org ``LiveBlogPosting``, or a box classed
``liveblog`` / ``live-blog`` around the updates) with two or more such boxes side by side is
read so: a blog's list of posts or a forum's replies, each with its ``<time>``, is not.
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from lxml.html import HtmlElement

from . import dom
from .bylines import clean_name, name_ok
from .declared import ld_objects, ld_types
from .page import PARAGRAPH, Block

_ENTRY_WORDS = frozenset({"block", "entry", "update", "post", "item"})
# an update's time printed in a box of its own, not a <time> ("span.block-time__absolute",
# "a.liveblog-meta-time"): a clock time, on a line of its own
_STAMP_WORDS = frozenset({"time", "timestamp", "published"})
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b(?:\s*[ap]\.?m\.?)?", re.I)
# ...or opening the update's heading: "14:05", "14:05 GMT - Power restored", "2.30pm: Bridge shut"
_HEADING_CLOCK = re.compile(r"^(?P<stamp>\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)"
                            r"(?:\s*[-\u2013\u2014:|]\s*|\s*$)", re.I)
_LIVE_WORDS = frozenset({"liveblog", "live-blog", "livebloging", "liveblogging", "live-updates",
                         "live-coverage"})
_REPORTER_WORDS = frozenset({"author", "byline", "contributor", "contributors", "reporter"})
_POSTED_BY = re.compile(r"^(?:posted\s+|written\s+|updated\s+|reported\s+)?by\s+(?P<name>\S.{0,60})$", re.I)
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


def _spaced(el: HtmlElement) -> str:
    """An element's text, its parts apart ("14 Nov" and "09:02" in two spans: "14 Nov 09:02")."""
    return dom.clean_text(" ".join(el.itertext()))


def _stamp(entry: HtmlElement) -> HtmlElement | None:
    """The element printing the update's time: its ``<time>``, else the outermost element
    classed for a time ("block-time", "liveblog-meta-time") printing a clock time alone."""
    found = entry.find(".//time")
    if found is not None:
        return found
    for el in entry.iter():
        if isinstance(el.tag, str) and el is not entry and el.tag not in _HEADINGS \
                and dom.words(el) & _STAMP_WORDS:
            text = _spaced(el)
            if _CLOCK.search(text) and len(text.split()) <= 6:
                return el
    heading = next(entry.iter(*_HEADINGS), None)
    if heading is not None and _HEADING_CLOCK.match(heading.text or "" if len(heading) else
                                                    _spaced(heading)):
        return heading
    return None


def _take_stamp(stamp_el: HtmlElement) -> str:
    """The time an element prints, taken out of the page: the element itself, or the time
    opening a heading, which keeps the headline after it."""
    text = _spaced(stamp_el)
    if stamp_el.tag in _HEADINGS:
        m = _HEADING_CLOCK.match(dom.clean_text(stamp_el.text or "") if len(stamp_el) else text)
        if m and (len(stamp_el) or m.end() < len(text)):
            stamp_el.text = dom.clean_text(stamp_el.text or "")[m.end():]
            return m["stamp"]
        text = m["stamp"] if m else text
    dom.drop([stamp_el])
    return text


def _is_entry(el: HtmlElement) -> bool:
    return bool(dom.words(el) & _ENTRY_WORDS) and _stamp(el) is not None \
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


def update_boxes(tree: HtmlElement) -> list[HtmlElement]:
    """The boxes of a live blog's updates, in the page's order; [] on any other page. Their
    box and the boxes around it are the article, whatever their class says ("live-feed",
    "liveblog-feed" reads as a site's feed of links)."""
    return _entries(tree)


def around_updates(boxes: Sequence[HtmlElement]) -> HtmlElement | None:
    """The live blog's body on a page with no article marked: the box holding its updates,
    with the headline and introduction above them when a box around it holds the page's
    ``<h1>``."""
    if not boxes:
        return None
    feed = boxes[0].getparent()
    for el in (feed, *feed.iterancestors()):
        if el.tag in ("body", "html"):
            break
        if el.find(".//h1") is not None:
            return el
    return feed


def _time_headings(tree: HtmlElement) -> None:
    """A live blog with no box per update, each opened by a heading that is only its time
    ("14:05") over its paragraphs: the time opens the first paragraph after it ("14:05: ..."),
    which the extractor would otherwise drop as a heading of no words."""
    for parent in tree.iter():
        if not isinstance(parent.tag, str):
            continue
        heads = [c for c in parent if isinstance(c.tag, str) and c.tag in _HEADINGS
                 and _HEADING_CLOCK.fullmatch(_spaced(c))]
        if len(heads) < 2 or not (_declared(tree) or any(
                dom.words(el) & _LIVE_WORDS for el in (parent, *parent.iterancestors()))):
            continue
        for head in heads:
            first = head.getnext()
            while first is not None and not (isinstance(first.tag, str) and first.tag == "p"
                                             and dom.text_of(first)):
                if isinstance(first.tag, str) and first.tag in _HEADINGS:
                    first = None
                    break
                first = first.getnext()
            if first is None:
                continue
            first.text = f"{_spaced(head)}: {(first.text or '').lstrip()}"
            dom.drop([head])


def mark_updates(tree: HtmlElement, boxes: Sequence[HtmlElement] | None = None) -> list[Update]:
    """Open each update's first paragraph with its time and reporter ("15.41 GMT, by Gwen
    Hallett: ..."), dropping the line that printed them; the updates, in the page's order."""
    out: list[Update] = []
    boxes = _entries(tree) if boxes is None else boxes
    if not boxes:
        _time_headings(tree)
    for entry in boxes:
        stamp_el = _stamp(entry)
        shown = _spaced(stamp_el) if stamp_el is not None else ""
        if stamp_el is None or not shown or len(shown) > 40 and stamp_el.tag not in _HEADINGS:
            continue
        reporter, named = _reporter(entry, stamp_el)
        dom.drop([named] if named is not None else [])
        stamp = _take_stamp(stamp_el)
        first = next(p for p in entry.iter("p") if dom.text_of(p))
        lead = f"{stamp}, by {reporter}: " if reporter else f"{stamp}: "
        first.text = lead + (first.text or "").lstrip()
        openings = tuple(dom.text_of(el)[:_KEY] for el in entry.iter(*_TEXT_TAGS) if dom.text_of(el))
        headings = tuple(dom.text_of(el) for el in entry.iter(*_HEADINGS) if dom.text_of(el))
        # a box classed "post" reads to the extractor as the article's body, the others'
        # headlines left out: each box is one update of the article, and its headline the
        # update's, whatever their class
        for el in (entry, *entry.iter(*_HEADINGS)):
            el.attrib.pop("class", None)
            el.attrib.pop("id", None)
        if entry.tag == "li":  # an update in a list is a box of its own, its headline apart
            entry.tag = "div"
            if entry.getparent().tag in ("ol", "ul"):
                entry.getparent().tag = "div"
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


def _without_updates(value: Any) -> Any:
    if isinstance(value, list):
        return [_without_updates(v) for v in value]
    if isinstance(value, dict):
        return {k: _without_updates(v) for k, v in value.items() if k != "liveBlogUpdate"}
    return value


def metadata_tree(tree: HtmlElement) -> HtmlElement:
    """A copy of the page for reading its title, author and date: a ``LiveBlogPosting``'s
    ``liveBlogUpdate`` entries are its updates, each with its own headline, reporter and time,
    which are not the page's (the last update's headline is no title for the blog); nor is
    the name of the reporter signing the first update printed (its author for a page's)."""
    out = copy.deepcopy(tree)
    for entry in _entries(out):
        stamp_el = _stamp(entry)
        _, named = _reporter(entry, stamp_el) if stamp_el is not None else (None, None)
        dom.drop([named] if named is not None else [])
    for script in out.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" \
                or "liveBlogUpdate" not in (script.text or ""):
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        script.text = json.dumps(_without_updates(data))
    return out
