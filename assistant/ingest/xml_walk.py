"""Trafilatura's XML of a page's main text -> the page's blocks, in reading order.

Trafilatura keeps headings, paragraphs, lists, quotes, tables and code apart in its XML;
``walk_main`` reads them into ``Walk``, which keeps what a reader sees as the article: a
paragraph under its heading, a caption where it stands, a reference in a references section,
a line in a comments section as an unsigned comment, and no furniture ("Share this", "9 min
read", a byline the page's header already gave, a lone "Published:").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from . import dom
from .bylines import POST_BYLINES, match_byline
from .furniture import COMMENTS_HEAD, FURNITURE, REFERENCES_HEAD
from .layout import section_name
from .page import CAPTION, PARAGRAPH, REFERENCE, Block
from .tables import xml_rows
from .text import REFERENCE_LIKE

_LETTERS = re.compile(r"[^\W\d_]{2,}")
_SPACES = re.compile(r"\s+")
# Lines that are page furniture wherever they turn up ("Share this:", "Posted by X at 3 PM").
_FURNITURE_LINE = re.compile(
    r"^(?:share(?: this)?(?: (?:post|article|story))?|previous(?: post| article)?|"
    r"next(?: post| article)?|leave a (?:reply|comment)|post a comment|labels?|tags?|"
    r"filed under|categories|subscribe to|powered by|advertisement|sponsored|read more|"
    r"sign (?:up|in)|log in|follow|listen|cookie settings|accept(?: all)?(?: cookies)?|"
    r"skip to (?:the )?(?:main )?content|(?:this|the) (?:post|article|page|site) (?:may )?"
    r"contains? affiliate links|as an amazon associate)\b.{0,80}$"
    # how long the page takes to read, left beside a date the byline took: "· 9 min read"
    r"|^[\W_]*(?:\d+|an?|one)[\s-]*min(?:ute)?s?\s+read(?:ing)?(?:\s+time)?\W*$"
    r"|^[\W_]*(?:reading time|read time|time to read)\W*(?:\d+|an?|one)?[\s-]*(?:min(?:ute)?s?)?\W*$"
    r"|^(?:login|logout|log out)$",  # a site's account link alone, beside its menu bar
    re.I)


# A date's label left alone once its <time> went to the byline: "Published:", "Posted on".
_DATE_LABEL = re.compile(r"(?:first\s+)?(?:published|posted|dated?)(?:\s+on)?\s*:?\s*", re.I)


@dataclass
class Walk:
    """State while reading trafilatura's XML into blocks."""

    title: str
    captions: list[str]
    skip: set[str] = field(default_factory=set)  # lines never kept (title, byline, standfirst)
    blocks: list[Block] = field(default_factory=list)
    heading: str | None = None
    section: str = "body"  # body, references, comments, furniture
    unsigned: list[str] = field(default_factory=list)  # comments found in the main text
    placed: set[str] = field(default_factory=set)
    signer: str | None = None  # who signs the section under ``heading`` ("Report by NAME")

    def caption_in(self, text: str) -> str | None:
        """The caption ``text`` is (or is part of), as the page's captions were read; the
        extractor may drop the space after a bold label ("<b>Figure 2.</b> Proportion" ->
        "Figure 2.Proportion"), so spaces are not compared. A part opens or closes the caption:
        a short line found inside one (a keyword, "Soil moisture", of "Fig. 1 Soil moisture
        against depth") is not it."""
        bare = _SPACES.sub("", text)
        for caption in self.captions:
            whole = _SPACES.sub("", caption)
            if caption not in self.placed and (bare == whole or len(text) > 20 and (
                    whole.startswith(bare) or whole.endswith(bare))):
                return caption
        return None

    def add_line(self, text: str, *, bold: bool = False) -> None:
        text = dom.clean_text(text)
        if not text or not _LETTERS.search(text) or text in self.skip:
            return
        caption = self.caption_in(text)
        if caption:
            self.placed.add(caption)
            self.blocks.append(Block(CAPTION, caption))
            return
        if FURNITURE.match(section_name(text)) or _FURNITURE_LINE.match(text):
            return
        byline = match_byline(text, POST_BYLINES)
        if byline and byline[0] and self._opens_later_section():
            # a byline right under a heading after the article's opening text ("Report by Ann
            # Lee" under a newsletter's "Walk Report: ..."): who wrote that section, as printed
            self.signer = byline[0]
            self.blocks.append(Block(PARAGRAPH, text, self.heading, author=self.signer))
            return
        if byline or dom.UPDATED.fullmatch(text) or _DATE_LABEL.fullmatch(text):
            return  # a byline; "Last updated:", "Published:" whose date went to the byline
        if self.section == "furniture":
            return
        if self.section == "comments":
            self.unsigned.append(text)
            return
        if self.section == "references":
            self.blocks.append(Block(REFERENCE, text))
            return
        if bold and len(text.split()) <= 12 and not text.endswith((".", "?", "!", ":")):
            self.add_heading(text)
            return
        if REFERENCE_LIKE.search(text) and len(text) < 500:
            self.blocks.append(Block(REFERENCE, text))
            return
        self.blocks.append(Block(PARAGRAPH, text, self.heading, author=self.signer))

    def _opens_later_section(self) -> bool:
        """The walk is under a heading with nothing read under it yet, and text was read
        before that heading (the page's own byline sits above all of its text)."""
        if self.section != "body" or self.heading is None or not self.blocks:
            return False
        last = self.blocks[-1]
        return last.kind == PARAGRAPH and last.heading != self.heading
    def add_code(self, text: str) -> None:
        """A code block keeps its lines (a console session's prompts and output)."""
        lines = [line.rstrip() for line in text.strip("\n").split("\n")]
        if len(lines) < 2 or self.section != "body":
            self.add_line(text)
        elif any(_LETTERS.search(line) for line in lines):
            self.blocks.append(Block(PARAGRAPH, "\n".join(lines), self.heading))

    def add_heading(self, text: str) -> None:
        text = dom.clean_text(text)
        name = section_name(text)
        if not text or text == self.title or text in self.skip:
            return
        if REFERENCES_HEAD.match(name):
            self.section = "references"
        elif COMMENTS_HEAD.match(name):
            self.section = "comments"
        elif FURNITURE.match(name) or _FURNITURE_LINE.match(text):
            self.section = "furniture"
        elif not any(b.kind == PARAGRAPH for b in self.blocks) and len(text.split()) >= 8:
            self.section = "body"
            self.blocks.append(Block(PARAGRAPH, text))  # a subtitle, not a heading
        else:
            self.section = "body"
            self.heading = text
            self.signer = None


def _lines(el: etree._Element, walk: Walk) -> list[tuple[str, bool]]:
    """A trafilatura ``<p>``'s lines (split at ``<lb/>``), each with "all bold" (a heading
    in a page that marks headings only with bold). Graphics are skipped; a table inside is
    its own line (Blogger puts image captions in one)."""
    lines: list[tuple[str, bool]] = []
    parts: list[str] = [el.text or ""]
    bold = [False]

    def flush() -> None:
        text = dom.clean_text("".join(parts))
        lines.append((text, bold[0] and text == dom.clean_text(bold_text[0])))
        parts.clear()
        bold[0] = False
        bold_text[0] = ""

    bold_text = [""]
    for child in el:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "lb":
            flush()
        elif tag == "table":
            flush()
            lines.append((dom.clean_text(" ".join(child.itertext())), False))
        elif tag == "graphic":
            pass
        else:
            inner = "".join(child.itertext())
            if tag == "hi" and (child.get("rend") or "") in ("#b", "#strong") and inner.strip():
                bold[0] = not dom.clean_text("".join(parts))
                bold_text[0] += inner
            parts.append(inner)
        parts.append(child.tail or "")
    flush()
    return lines


def _holds_blocks(el: etree._Element) -> bool:
    """The element holds paragraphs, items or headings of its own, or in boxes within it (a
    live blog's updates, each a ``<div>`` of a heading and paragraphs, in a ``<div>``)."""
    return any(c.tag in ("p", "item", "head", "list")
               or c.tag in ("div", "quote") and _holds_blocks(c) for c in el)


def walk_main(main: etree._Element, walk: Walk) -> None:
    for el in main:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "head":
            walk.add_heading("".join(el.itertext()))
        elif tag == "p":
            for text, bold in _lines(el, walk):
                walk.add_line(text, bold=bold)
        elif tag in ("list", "quote", "div"):
            walk_main(el, walk) if _holds_blocks(el) else walk.add_line("".join(el.itertext()))
        elif tag == "item":
            for text, bold in _lines(el, walk):
                walk.add_line(text, bold=bold)
        elif tag == "table":
            for line in xml_rows(el):  # a data table's rows each with its header
                walk.add_line(line)
        elif tag in ("code", "pre"):
            walk.add_code("".join(el.itertext()))
