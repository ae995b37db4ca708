"""A press release's closing sections, read as the article's text.

A press release ends with parts a newsroom prints under the story: "Notes to editors" (the
paper's citation, its DOI, who funded the work), a media contact box (who to call, with an
e-mail and a phone number, often an ``<aside>``) and an "About the University of ..." section.
Pages set them beside the element that holds the story's paragraphs, so the extractor, which
reads only that element, drops them, and an ``<aside>`` goes as furniture. They answer "Who
funded it?" and "Who is the press contact?", so, inside the article, they are moved to the end
of the story's paragraphs' element, an ``<aside>`` becoming a section.

Recognised conservatively: a box (section, aside, div) inside the article that opens with such
a heading, on an article holding a "Notes to editors" or media contact heading; a box whose
class says furniture (a sidebar, a newsletter sign-up) and a box outside the article (related
news cards) stay out.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from .dom import FURNITURE_PHRASES, FURNITURE_WORDS, HEADINGS, is_furniture, iter_elements, text_of, words

# The headings that make an article a press release ...
_PRESS_HEAD = re.compile(
    r"^(?:notes? (?:to|for) (?:the )?editors?|editors?'?s?'? notes?|"
    r"(?:media|press|news) (?:contacts?|enquiries|inquiries|office|relations)|"
    r"for (?:further )?(?:media|press) (?:enquiries|inquiries|information)(?: contact)?|"
    r"contacts? for (?:the )?(?:media|press))\s*:?$", re.I)
# ... and the boilerplate about who issued it, closing it with them.
_ABOUT_HEAD = re.compile(r"^about (?:the |us\b)?\S.{0,80}$", re.I)
_BOXES = ("section", "aside", "div")


def _closing_box(heading: HtmlElement, scope: HtmlElement) -> HtmlElement | None:
    """The box ``heading`` opens (its parent, when the heading is its first element), inside
    ``scope`` and not ``scope`` itself."""
    box = heading.getparent()
    if box is None or box is scope or box.tag not in _BOXES:
        return None
    first = next((c for c in box if isinstance(c.tag, str)), None)
    return box if first is heading else None


def _host(scope: HtmlElement, boxes: list[HtmlElement]) -> HtmlElement:
    """The element holding most of the story's paragraphs (outside ``boxes``), as its
    children: the one the extractor reads."""
    inside = {e for b in boxes for e in b.iter()}
    chars: dict[HtmlElement, int] = {}
    for p in scope.iter("p"):
        parent = p.getparent()
        if p not in inside and parent is not None:
            chars[parent] = chars.get(parent, 0) + len(text_of(p))
    return max(chars, key=lambda el: chars[el]) if chars else scope


def _move_to_end(box: HtmlElement, host: HtmlElement) -> None:
    """``box`` appended to ``host``, the text after it left where it was."""
    parent, tail = box.getparent(), box.tail
    if parent is not None and tail and tail.strip():
        before = box.getprevious()
        if before is not None:
            before.tail = (before.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    box.tail = None
    host.append(box)


def keep_closing_sections(scope: HtmlElement, body: HtmlElement) -> None:
    """A press release's closing sections inside ``scope`` (the article around ``body``): moved
    to the end of the story's paragraphs' element inside ``body``, an ``<aside>`` becoming a
    section, so that they are read as its last sections, under their headings."""
    heads = [h for h in iter_elements(scope) if h.tag in HEADINGS[1:]]
    if not any(_PRESS_HEAD.match(text_of(h)) for h in heads):
        return
    boxes = [box for h in heads if _PRESS_HEAD.match(text_of(h)) or _ABOUT_HEAD.match(text_of(h))
             for box in (_closing_box(h, scope),) if box is not None and not _furniture_box(box, scope)]
    if not boxes:
        return
    host = _host(scope, boxes)
    if not any(e is host for e in body.iter()):
        return
    for box in boxes:
        if box.tag == "aside":
            box.tag = "section"
            box.attrib.pop("role", None)
        if not any(a is host for a in box.iterancestors()):
            _move_to_end(box, host)


def _furniture_box(box: HtmlElement, scope: HtmlElement) -> bool:
    """A box the page's class words mark as furniture (a sidebar, a newsletter sign-up), or
    one inside such a box in ``scope``: not the release's."""
    found = words(box)
    if found & FURNITURE_WORDS or any(p in w for w in found for p in FURNITURE_PHRASES):
        return True
    if box.tag != "aside" and is_furniture(box):
        return True
    for a in box.iterancestors():
        if a is scope:
            return False
        if is_furniture(a):
            return True
    return False
