"""Lines a page sets in inline elements only, made paragraphs the extractor keeps.

A recipe card prints its details as boxes of ``<span>``s ("Cook Time" / "40" / "mins",
"Servings" / "4"), its notes as spans styled ``display: block``, and its nutrition label as a
heading over a run of spans ("Calories: 412 kcal | Fat: 18 g"). A reader sees lines of text;
the extractor, finding no paragraph there, drops them or leaves them as loose text that no
paragraph holds. Each such line in a recipe card (an element classed "...recipe..." or
marked as a schema.org ``Recipe``) becomes a ``<p>``; elsewhere a box of spans is as often a
byline, a vote count or a badge, and is left to the extractor.
"""

from __future__ import annotations

import re

import lxml.html
from lxml.html import HtmlElement

_INLINE = frozenset({"span", "a", "strong", "em", "b", "i", "small", "time", "abbr", "sup", "sub",
                     "br", "code", "mark", "u", "s", "data"})
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_BLOCK_STYLE = re.compile(r"display\s*:\s*block", re.I)


def _inline_only(el: HtmlElement) -> bool:
    return all(not isinstance(d.tag, str) or d.tag in _INLINE for d in el.iterdescendants())


def _has_words(el: HtmlElement) -> bool:
    return bool(re.search(r"[^\W\d_]", el.text_content()))


_SPLIT = re.compile(r"[-_\s]+")
_CARD_WORDS = frozenset({"recipe", "recipes"})


def _is_card(el: HtmlElement) -> bool:
    return bool(set(_SPLIT.split((el.get("class") or "").lower())) & _CARD_WORDS) \
        or (el.get("itemtype") or "").endswith("/Recipe")


def make_lines(root: HtmlElement) -> None:
    """In the recipe cards of ``root`` (the article's body): a ``<div>`` of inline elements
    only is a paragraph; in such a ``<div>``, each span styled ``display: block`` is one; a run
    of inline elements after a heading in its box (a nutrition label) is one."""
    cards = [el for el in root.iter() if isinstance(el.tag, str) and _is_card(el)]
    chosen = set(cards)
    for card in [c for c in cards if not any(a in chosen for a in c.iterancestors())]:
        _make_lines(card)


def _make_lines(card: HtmlElement) -> None:
    for div in list(card.iter("div")):
        kids = [c for c in div if isinstance(c.tag, str)]
        if not kids or not _has_words(div):
            continue
        if _inline_only(div):
            shown = [c for c in kids if c.tag == "span" and _BLOCK_STYLE.search(c.get("style") or "")]
            if len(shown) >= 2 and len(shown) == len(kids) and not (div.text or "").strip():
                for span in shown:
                    span.tag = "p"
            else:
                div.tag = "p"
        elif kids[0].tag in _HEADINGS and len(kids) > 1 and all(
                c.tag in _INLINE and _inline_only(c) for c in kids[1:]) and not (kids[0].tail or "").strip():
            line = lxml.html.Element("p")
            for child in kids[1:]:
                line.append(child)  # moves it, with its tail
            kids[0].addnext(line)
