"""A journal article's full-text page: the front matter above its abstract, as printed.

- Its history ("Received: 2 February 2024 / Revised: 11 May 2024 / Accepted: 29 July 2024 /
  Published: 18 September 2024", a ``div.history`` of labelled dates, or a definition list of
  them as a publisher's "About this article" box prints it, with the article's DOI among them)
  is one line of its own, every date kept, wherever the page puts it; none of them says when
  the page was last updated, and the published one is the page's date when nothing else gives
  one.
- Its citation line (``J. Urban Ecol. Conserv. 2024, 11(3), 214-229; https://doi.org/...``:
  the text holding the DOI the page declares as its own, ``citation_doi``) says where the
  article itself appeared: a line of its own, not a reference the article cites, so the
  numbered reference list keeps the numbers the text's ``[1]`` uses. So is a "Cite this
  article" paragraph below the text that holds both that DOI and the article's title.
- Its journal line above the abstract ("Journal of Soil Biota volume 41, Article number: 108
  (2026)": the short paragraph naming the journal the page declares, ``citation_journal_title``,
  with its volume or year) is a line of its own too, without its "Cite this article" link.
- Its authors' marks (``Ann Lee<sup>1,*</sup>``, pointing to the affiliations and to the
  corresponding author's note) are set apart from the names: "Ann Lee (1,*)", not "Ann Lee1,*",
  and the authors' line is read, above the affiliations and the note it points to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml.html import HtmlElement

from .dom import drop, iter_elements, parse_date, printed_date, text_of

_LABELS = r"(?:received|revised|accepted|published(?: online)?|available online|first published)"
_ENTRY = re.compile(rf"\b(?P<label>{_LABELS})\s*:?\s*(?P<date>[^/;|\u00b7]+)", re.I)
_DOI_ENTRY = r"\bdoi\s*:?\s*(?:https?://(?:dx\.)?doi\.org/)?10\.\d{4,9}/\S+"
_HISTORY = re.compile(rf"^(?:(?:{_ENTRY.pattern}|{_DOI_ENTRY})[\s/;|\u00b7,]*){{2,}}$", re.I)
_MARK = re.compile(r"^[\s\d,*\u2020\u2021\u00a7#\u2013-]+$")  # "1,3", "*", "2,\u2020"
_DOI = re.compile(r"10\.\d{4,9}/\S+")


@dataclass(frozen=True)
class FrontMatter:
    """The lines read from a journal page's front matter (the history, the citation line), in
    the page's order, and the published date its history prints (None if it prints none)."""

    lines: tuple[str, ...]
    published: str | None


def _printed(el: HtmlElement) -> str:
    """``el``'s text as a reader sees it: a definition list's terms each with its value
    ("Received: 14 March 2026 / Accepted: 2 September 2026"), not run together."""
    if el.tag != "dl":
        return text_of(el)
    pairs: list[str] = []
    for child in (c for x in el for c in (x if x.tag == "div" else (x,))):
        if not isinstance(child.tag, str) or not text_of(child):
            continue
        if child.tag == "dt" or not pairs:
            pairs.append(text_of(child).rstrip(":") + ":")
        if child.tag == "dd":
            pairs[-1] += " " + text_of(child)
    return " / ".join(pairs)


def _history(el: HtmlElement) -> bool:
    """Two labelled dates or more, and nothing else but the article's DOI: "Received: ... /
    Accepted: ..."."""
    text = _printed(el)
    entries = list(_ENTRY.finditer(text))
    return len(text) <= 240 and bool(_HISTORY.match(text)) and len(entries) >= 2 \
        and all(parse_date(m["date"]) for m in entries)


def _meta_values(root: HtmlElement, names: tuple[str, ...]) -> Iterator[str]:
    """The contents of the page's ``<meta>`` tags named one of ``names`` (any case), in page
    order, their spaces closed up."""
    for meta in root.iter("meta"):
        if (meta.get("name") or "").lower() in names and meta.get("content"):
            yield " ".join(meta.get("content", "").split())


def _own_doi(root: HtmlElement) -> str | None:
    for content in _meta_values(root, ("citation_doi", "dc.identifier", "prism.doi")):
        m = _DOI.search(content)
        if m:
            return m[0].lower()
    return None


def _leaf_paragraph(el: HtmlElement, skip: set[Any]) -> bool:
    return el not in skip and el.tag in ("p", "div") and not any(
        a.tag in ("li", "ol", "ul", "aside", "footer") for a in el.iterancestors()) and not any(
        c.tag in ("p", "div") for c in el.iterdescendants())


def _own_title(root: HtmlElement) -> str | None:
    for content in _meta_values(root, ("citation_title", "dc.title")):
        return content.casefold()
    h1 = next(root.iter("h1"), None)
    return text_of(h1).casefold() if h1 is not None and text_of(h1) else None


def _in_order(root: HtmlElement) -> Iterator[tuple[HtmlElement, bool]]:
    """The page's elements, each with whether it is in the front matter: from the title (the
    ``<h1>``; a cookie banner's heading above it is not a section) to the first section
    heading below it."""
    h1 = next(root.iter("h1"), None)
    started, above = h1 is None, True
    for el in iter_elements(root):
        started = started or el is h1
        if started and el is not h1 and (el.tag in ("h2", "h3") or el.tag == "section"):
            above = False  # the abstract or the first section: past the front matter
        yield el, started and above


def _citation_line(root: HtmlElement, skip: set[Any]) -> HtmlElement | None:
    """The short paragraph that cites the article itself: above its first section heading, it
    holds the page's own DOI; anywhere below ("Cite this article"), the DOI and the title."""
    doi = _own_doi(root)
    if doi is None:
        return None
    title = _own_title(root)
    title = title if title is not None and len(title) >= 20 else None
    for el, above in _in_order(root):
        if not _leaf_paragraph(el, skip):
            continue
        text = text_of(el)
        if doi in text.lower() and (above and len(text) <= 300 or not above and len(text) <= 600
                                    and title is not None and title in text.casefold()):
            return el
    return None


def _journal_name(root: HtmlElement) -> str | None:
    return next((name.casefold() for name in _meta_values(
        root, ("citation_journal_title", "prism.publicationname")) if name), None)


def _journal_line(root: HtmlElement, skip: set[Any]) -> HtmlElement | None:
    """The short paragraph above the first section heading that names the journal the page
    declares, with a number (its volume, its year): "Soil Biota volume 41, Article number:
    108 (2026)"; its links within the page ("Cite this article") go with it."""
    name = _journal_name(root)
    if name is None:
        return None
    for el, above in _in_order(root):
        if not above or not _leaf_paragraph(el, skip):
            continue
        text = text_of(el)
        if len(text) <= 200 and name in text.casefold() and re.search(r"\d", text) \
                and text.casefold() != name:
            for a in list(el.iter("a")):
                if (a.get("href") or "").startswith("#") and not re.search(r"\d", text_of(a)):
                    a.drop_tree()
            return el
    return None


def authors_line(root: HtmlElement) -> str | None:
    """The authors' line with their marks set apart ("Ann Lee (1,*) and Tom Hay (2)"), read
    and dropped from ``root`` (a box the furniture would go with); None if no name is marked."""
    box = _mark_authors(root)
    if box is None or box.tag in ("body", "article", "main", "section"):
        return None
    line = text_of(box)
    drop([box])
    return line


def _mark_authors(root: HtmlElement) -> HtmlElement | None:
    """An author's superscript marks set apart: "Ann Lee<sup>1,*</sup>" -> "Ann Lee (1,*)",
    when the page has a list the numbers point to (an affiliation opening with its mark); the
    box of the names so marked (None if none is)."""
    openers = [sup for sup in root.iter("sup") if sup.getparent() is not None
               and sup.getparent().tag in ("li", "p", "div") and sup.getparent().index(sup) == 0
               and not (sup.getparent().text or "").strip()]  # "<li><sup>1</sup> School of ..."
    notes = {text_of(sup) for sup in openers}
    marked: list[HtmlElement] = []
    for sup in list(root.iter("sup")):
        mark, parent, before = text_of(sup), sup.getparent(), sup.getprevious()
        lead = (before.tail if before is not None else parent.text if parent is not None else "")
        if parent is None or not mark or not _MARK.match(mark) or sup in openers \
                or not (lead or "").strip() or not any(p.strip() in notes for p in mark.split(",")):
            continue
        shown = f" ({mark.replace(' ', '')})" + (sup.tail or "")
        if before is not None:
            before.tail = (before.tail or "").rstrip() + shown
        else:
            parent.text = (parent.text or "").rstrip() + shown
        parent.remove(sup)
        marked.append(parent)
    if not marked:
        return None
    box = next((a for a in (marked[0], *marked[0].iterancestors())
                if all(m is a or a in m.iterancestors() for m in marked)), None)
    return box if box is not None and len(text_of(box)) <= 400 else None


def front_matter(root: HtmlElement, skip: set[Any]) -> FrontMatter | None:
    """A journal page's history and citation line read and dropped from ``root``, to be read
    as lines of their own; None (the page untouched) for a
    page with no history of labelled dates."""
    found = [el for el in iter_elements(root) if el not in skip and _history(el)]
    history = [el for el in found if not any(i is not el and i in found for i in el.iter())]
    if not history:
        return None
    citation = _citation_line(root, skip)
    journal = _journal_line(root, skip)
    found = [history[0], *(e for e in (citation, journal) if e is not None and e is not history[0])]
    order = list(root.iter())
    lines, published = [], None
    for el in sorted(found, key=order.index):
        text = _printed(el)
        lines.append(text)
        for m in _ENTRY.finditer(text) if el is history[0] else ():
            if m["label"].lower().startswith(("published", "available", "first")):
                published = published or printed_date(m["date"].strip())
    drop(found)
    return FrontMatter(tuple(lines), published)
