"""How a text article's lines are laid out: blocks between blank lines, hard-wrapped
paragraphs unwrapped, sentence ends, plain headings and the other line shapes the text readers
share (``text``, ``furniture``, ``signoff``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..text import CITATION_MARK

# A list item as Word saves it as plain text: its bullet or number, a tab, the text ("•<TAB>The
# roof", "o<TAB>..." a level down, "2.<TAB>...", "b)<TAB>..."); Symbol-font bullets come out as
# "·", "§", "Ø" or "o".
_TAB_ITEM = re.compile(r"^\s*(?:(?P<bullet>[\u2022\u00b7\u25aa\u25e6\u25a0\u27a2o\u00a7\u00d8])|"
                       r"(?P<mark>[-*\u2013]|(?:\d{1,2}|[a-z])[.)]))\t+(?=\S)")
_BULLET = "\u2022"


def tab_cells(text: str) -> str:
    """Lines of cells copied from a table (an infobox's "Opened<TAB>1871") as the page shows
    them: "Opened: 1871", or more cells between " | ". A list item saved by Word ("•<TAB>The
    roof") is no row of cells: it reads "• The roof"."""
    def row(line: str) -> str:
        item = _TAB_ITEM.match(line)
        if item and "\t" not in line[item.end():].strip():  # (a numbered row of cells is a row)
            return f"{item['mark'] or _BULLET} {line[item.end():].strip()}"
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        if "\t" not in line.strip() or len(cells) < 2:
            return line
        return f"{cells[0]}: {cells[1]}" if len(cells) == 2 else " | ".join(cells)
    return "\n".join(row(line) for line in text.split("\n"))


@dataclass(frozen=True)
class TextBlock:
    lines: tuple[str, ...]
    line: int  # 1-based number of its first line

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


FENCE = re.compile(r"^\s*(?:```|~~~)")


def split_blocks(text: str) -> list[TextBlock]:
    blocks: list[TextBlock] = []
    current: list[str] = []
    first = 0
    fenced = False  # inside a fenced code block, whose blank lines are its own
    for number, line in enumerate(text.split("\n"), start=1):
        if FENCE.match(line):
            fenced = not fenced
        if line.strip() or fenced and current:
            if not current:
                first = number
            current.append(line.rstrip())
        elif current:
            blocks.append(TextBlock(tuple(current), first))
            current = []
    if current:
        blocks.append(TextBlock(tuple(current), first))
    # Leading spaces of a block's first line are layout, not text.
    return [TextBlock((b.lines[0].lstrip(), *b.lines[1:]), b.line) for b in blocks]


def section_name(line: str) -> str:
    """A heading's words without the marks around it ("## Method:" -> "Method")."""
    line = re.sub(r"^[#*_\s]+", "", line)
    end = len(line)  # trailing marks, stripped without a pattern that tries every start
    while end and (line[end - 1] in ":#*_" or line[end - 1].isspace()):
        end -= 1
    return line[:end].strip()


def undouble(text: str) -> str:
    """The bundled page prints the caption twice in a row ("X X"): keep one copy."""
    n = len(text)
    half = (n - 1) // 2
    if n % 2 == 1 and text[:half] == text[half + 1 :] and text[half].isspace():
        return text[:half]
    return text


# A caption: "Figure 2: ...", "Photo - ...", "Image: ...".
CAPTION_LINE = re.compile(
    r"^(?:Figure|Fig\.|Image|Photo|Photograph|Picture|Caption|Illustration|Chart|Diagram)"
    r"(?:\s+\d+[a-z]?)?\s*[:.\u2013\u2014-]\s+\S")


# A sentence's end, a citation mark after it too ("... 40 minutes.[1]", "... in 2015.\u00b2").
SENTENCE_END = re.compile(rf"[.!?\u2026\"')\u201d\u2019]{CITATION_MARK}*$")


PERSONAL = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|[Mm]y|[Ww]e|[Ww]e're|[Oo]ur|[Yy]ou|[Yy]our)\b")


def plain_heading(block: TextBlock, following: TextBlock | None) -> bool:
    """A short line alone in its block, not ending like a sentence, followed by text."""
    if len(block.lines) != 1 or following is None:
        return False
    line = block.lines[0]
    # a numbered section's heading: "1. Who can apply", "2.1 Eligible work"
    name = _SECTION_NUMBER.sub("", line, count=1)
    return (len(line.split()) <= 10 and len(line) <= 80 and not SENTENCE_END.search(line)
            and not line.endswith((",", ";", ":")) and name[:1].isupper())


_SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+(?=[A-Z])")


_LIST_ITEM = re.compile(r"^\s*(?:[-*+\u2022]|\d+[.)])\s")


def unwrap(text: str) -> str:
    """A paragraph hard-wrapped at a fixed width (plain-text exports, e-mails) as one line per
    paragraph: when a line breaks off mid-sentence (no final punctuation, the next line going
    on in lower case; or, the lines all as long as the width, after "the", "at"...), every break in
    the block is a wrap, not a new line, except before a list item. Lists, tables and
    addresses (no such break) stay as they are."""
    lines = text.split("\n")
    wrapped = any(not SENTENCE_END.search(a.rstrip()) and not a.rstrip().endswith((":", ";"))
                  and b.lstrip()[:1].islower() for a, b in zip(lines, lines[1:], strict=False))
    if not wrapped and not _at_width(lines):
        return text
    out = [lines[0].rstrip()]
    for line in lines[1:]:
        if _LIST_ITEM.match(line):
            out.append(line.rstrip())
        else:
            out[-1] = f"{out[-1]} {line.strip()}"
    return "\n".join(out)


_WRAP_WIDTH = 60  # characters: a hard-wrapped line is about as long as the others, and long
_WRAP_SPREAD = 16  # ... its length is the width less at most a word


def _at_width(lines: list[str]) -> bool:
    """The lines of a paragraph hard-wrapped at a fixed width, though the next line opens with
    a capital, a digit or a quote mark ("... close the path before the" / "Easter crowds
    arrive."): all but the last about equally long, a long line's width, one breaking off
    where no phrase ends (``_OPEN_END``), and none of them a list item."""
    body = [line.rstrip() for line in lines[:-1]]
    if not body or any(_LIST_ITEM.match(line) for line in lines):
        return False
    shortest, longest = min(map(len, body)), max(len(line.rstrip()) for line in lines)
    return shortest >= _WRAP_WIDTH and longest - shortest <= _WRAP_SPREAD and any(
        _OPEN_END.search(line) for line in body)


# A line breaking off where no phrase ends: after an article, a preposition, a conjunction, a
# verb's "is" ("... close the path before the", "... at the north hide at", "the water is").
_OPEN_END = re.compile(r"\s(?:the|a|an|at|of|to|in|on|by|for|with|from|into|and|or|but|nor|than|that|"
                       r"is|are|was|were|be|been|has|have|had|will|would|should|could|can|his|her|"
                       r"their|its|our|my|your|this|these|those|before|after|about|over|under)$")


def file_title(filename: str, default: str) -> str:
    """The title of a file that prints none (a subtitle file, a chat's export): its name
    without its extension ("coastlines_ep12.srt" -> "coastlines_ep12"), or ``default`` when
    the text came without a file's name (pasted, from standard input)."""
    name = re.split(r"[/\\]", filename.split("?")[0].rstrip("/"))[-1]
    stem, dot, suffix = name.rpartition(".")
    return stem if dot and stem and suffix.isalnum() and len(suffix) <= 8 else default
