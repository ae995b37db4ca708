"""A preprint's abstract page (arXiv's shape) read as the paper's title, abstract and details.

Such a page labels its parts inline: ``<h1 class="title"><span class="descriptor">Title:</span>
...``, ``<blockquote class="abstract"><span class="descriptor">Abstract:</span>Suspended ...``,
and a table of fields (``Comments:`` / ``12 pages, 4 figures``, ``Subjects:``, ``Cite as:``).
Around them sit the site's services: full-text links, the browse context, citation tools.
The page is recognised by its abstract box (an element classed "abstract" opening with an
inline "Abstract:" label); then the article is the box holding the title heading and the
abstract, the abstract is the paragraph under a heading "Abstract" (as a paper's text copied
from a PDF reads it), labels are not glued to the text, and each field is a line
("Comments: 12 pages, 4 figures").
"""

from __future__ import annotations

import re

import lxml.html
from lxml.html import HtmlElement

_LABEL = re.compile(r"^\s*([A-Z][\w ]{0,30}?)\s*:\s*$")
_ABSTRACT = re.compile(r"^\s*abstract\s*:?\s*$", re.I)
_LABEL_TAGS = ("span", "strong", "b", "em", "label")
_SPLIT = re.compile(r"[-_\s]+")


def _classed(el: HtmlElement, word: str) -> bool:
    return word in _SPLIT.split((el.get("class") or "").lower())


def _label(el: HtmlElement) -> HtmlElement | None:
    """The inline label ``el`` opens with ("Title:", "Abstract:"), if any."""
    first = next((c for c in el if isinstance(c.tag, str)), None)
    if first is None or first.tag not in _LABEL_TAGS or (el.text or "").strip():
        return None
    return first if _LABEL.match(first.text_content()) else None


def abstract_box(root: HtmlElement) -> HtmlElement | None:
    """The element holding the abstract, opening with an inline "Abstract:" label; None on
    any other page."""
    for el in root.iter("blockquote", "div", "section", "p"):
        if _classed(el, "abstract"):
            label = _label(el)
            if label is not None and _ABSTRACT.match(label.text_content()):
                return el
    return None


def find_body(root: HtmlElement) -> HtmlElement | None:
    """On an abstract page, the element holding the title heading and the abstract; else None."""
    box = abstract_box(root)
    if box is None:
        return None
    return next((a for a in box.iterancestors() if a.find(".//h1") is not None), None)


def rewrite(root: HtmlElement) -> None:
    """On an abstract page: the abstract's label becomes a heading "Abstract" over its text,
    the title's label goes, other labels keep a space before the text, and a table of fields
    is a line a field. Other pages are left as they are."""
    box = abstract_box(root)
    if box is None:
        return
    label = _label(box)
    if label is not None:
        label.drop_tree()  # its tail, the abstract's first words, stays
    heading = lxml.html.Element("h2")
    heading.text = "Abstract"
    box.addprevious(heading)
    if not any(isinstance(c.tag, str) and c.tag in ("p", "div") for c in box):
        box.tag = "p"
    for el in root.iter("h1", "h2", "div"):
        found = _label(el)
        if found is None:
            continue
        if el.tag == "h1":
            found.drop_tree()
        else:
            found.tail = " " + (found.tail or "").lstrip()
    for table in list(root.iter("table")):
        _fields_as_lines(table)


def _fields_as_lines(table: HtmlElement) -> None:
    """A table of fields, each row a label cell ("Comments:") and a value cell, as a line a
    field ("Comments: 12 pages, 4 figures"); a row with an empty label goes on its value."""
    rows = [[c for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
            for tr in table.iter("tr")]
    if not rows or any(len(r) != 2 for r in rows) or not any(
            _LABEL.match(r[0].text_content()) for r in rows):
        return
    lines = []
    for name, value in rows:
        text = " ".join(value.text_content().split())
        label = " ".join(name.text_content().split())
        if text:
            lines.append(lxml.html.Element("p"))
            lines[-1].text = f"{label} {text}" if label else text
    parent = table.getparent()
    if parent is None or not lines:
        return
    lines[-1].tail = table.tail
    for line in lines:
        table.addprevious(line)
    parent.remove(table)
    for el in (parent, *parent.iterancestors()):
        if "meta" in (el.get("class") or "").lower():
            el.attrib.pop("class")  # the extractor drops what is classed "meta..."
