"""A Google Docs document saved as a web page (File, Download, Web page): its title is the
paragraph styled Title, its footnotes are references, and its links are their targets.

The export is recognised by its ``<body class="... doc-content">``; its classes are
generated (``c1`` ... ``cN``) and say nothing else, but the export marks the document's
title (``p.title``) and subtitle (``p.subtitle``), and each footnote's mark in the text
(``<sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup>``) links to its note at the end
(``<div><p><a href="#ftnt_ref1" id="ftnt1">[1]</a> ...``). A subtitle or a first line
"Prepared by NAME, ..." is read as a byline by the rules every page's byline follows.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import lxml.html
from lxml.html import HtmlElement

from .dom import drop, text_of, words

# The heading the notes are read under, one the reader takes for a references section
# (``furniture.REFERENCES_HEAD``; a reference is labelled "Reference N", never by it): the
# export prints them after a rule, with no heading of their own.
NOTES_HEADING = "References"
_REDIRECT = ("https://www.google.com/url?", "http://www.google.com/url?")


def is_export(root: HtmlElement) -> bool:
    body = root.find(".//body")
    return body is not None and "doc-content" in words(body)


def title(root: HtmlElement) -> str | None:
    """The document's title, the paragraph styled Title (not its first heading); None on
    other pages."""
    if not is_export(root):
        return None
    found = next((p for p in root.iter("p") if "title" in words(p) and text_of(p)), None)
    return text_of(found) if found is not None else None


def _target(href: str) -> str:
    """A link through Google's redirect ("https://www.google.com/url?q=TARGET&sa=D...") is
    its target."""
    if not href.startswith(_REDIRECT):
        return href
    return parse_qs(urlsplit(href).query).get("q", [href])[0]


def _note_link(a: HtmlElement, prefix: str) -> bool:
    """A footnote's link: its mark in the text (``id="ftnt_ref1"``) or its note's
    (``id="ftnt1"``), linking to the other."""
    return (a.get("id") or "").startswith(prefix) and (a.get("href") or "").startswith("#ftnt")


def rewrite(root: HtmlElement) -> None:
    """On a Google Docs export, the footnotes as references: each mark dropped from its
    sentence, the notes under a heading of notes, each without its number; links to their
    targets; empty spacer paragraphs dropped. Other pages are left as they are."""
    if not is_export(root):
        return
    for a in root.iter("a"):
        if a.get("href"):
            a.set("href", _target(a.get("href") or ""))
    marks = [a for a in root.iter("a") if _note_link(a, "ftnt_ref")]
    drop(a.getparent() if a.getparent() is not None and a.getparent().tag == "sup"
         and text_of(a.getparent()) == text_of(a) else a for a in marks)
    notes = [a for a in root.iter("a") if _note_link(a, "ftnt") and not _note_link(a, "ftnt_ref")]
    if notes:
        first = next((el for el in notes[0].iterancestors() if el.getparent() is not None
                      and el.getparent().tag == "body"), None)
        if first is not None:
            heading = lxml.html.Element("h2")
            heading.text = NOTES_HEADING
            first.addprevious(heading)
        drop(notes)
    drop(p for p in root.iter("p") if not text_of(p) and p.find(".//img") is None)
