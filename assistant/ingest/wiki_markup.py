"""An encyclopedia article's infobox (MediaWiki's ``table.infobox``) as a reader sees it.

A cell broken into lines (``Northfold Railway (1874–1968)<br>Aske Valley Way footpath``)
shows two values; the extractor glues them ("(1874–1968)Aske Valley"), so the break reads
"; " between them.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

_SPLIT = re.compile(r"\s+")


def _infoboxes(root: HtmlElement) -> list[HtmlElement]:
    return [t for t in root.iter("table")
            if "infobox" in _SPLIT.split((t.get("class") or "").lower())]


def rewrite(root: HtmlElement) -> None:
    """In an infobox, a line break in a cell reads "; "."""
    for table in _infoboxes(root):
        for cell in list(table.iter("td", "th")):
            for br in list(cell.iter("br")):
                _break_as_separator(br)


def _break_as_separator(br: HtmlElement) -> None:
    """``<br>`` -> "; " between the text before it and after it (nothing at either end)."""
    before, parent = br.getprevious(), br.getparent()
    after = (br.tail or "").lstrip()
    shown = (before.tail if before is not None else parent.text) or ""
    has_before = bool(shown.strip()) or before is not None
    joined = ("; " if has_before and (after.strip() or br.getnext() is not None) else "") + after
    if before is not None:
        before.tail = shown.rstrip() + joined
    else:
        parent.text = shown.rstrip() + joined
    parent.remove(br)  # its tail went into the text before it
