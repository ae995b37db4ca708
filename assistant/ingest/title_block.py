"""What a text article prints right under its title: a subtitle, and the post's byline.

A byline is read by ``bylines.byline_under_title`` ("By Ann Lee, 3 March 2021", a date alone,
"Last updated 3 February 2025"); a speech's header is one too: "Remarks by NAME, role" over the
occasion and the day ("Opening of the ... Bridge" / "Friday 21 March 2025, 11:00am") names who
spoke and when, not an image's caption. A second line in the title's own block that is no
sentence is its subtitle, a paragraph of its own (as a web page's subtitle reads), when a
byline follows it ("Frequently Asked Questions for Plot Holders" / "Last updated 3 February
2025") or it is longer than a heading ("Spring 2025 - north hide, the scrape and the dyke"):
a line in the title's block is no image's caption. A diary's first entry, headed by its day
like the entries after it, is not the page's byline.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .bylines import (
    DATE_LINE,
    POST_BYLINES,
    SPEECH_BYLINE,
    YEAR_DATE,
    byline_under_title,
    match_byline,
    name_ok,
)
from .layout import CAPTION_LINE, SENTENCE_END, TextBlock
from .markup import MD_IMAGE, md_heading

_OCCASION_WORDS = 15  # a speech's occasion line: "Opening of the Millrace Footbridge, Quayside"
_SUBTITLE_WORDS = 16
_CAPTION_WORDS = 8  # a longer line under the title, no sentence, was once taken for a caption


@dataclass(frozen=True)
class UnderTitle:
    """The subtitle and the byline under the title, and the blocks after them."""

    subtitle: str | None
    author: str | None
    date: str | None
    byline: str | None  # the byline's lines as printed
    rest: tuple[TextBlock, ...]


def _leading_lines(blocks: Sequence[TextBlock]) -> list[str]:
    """The first lines under the title: up to three of its first block, or the first lines
    of its first two one-line blocks."""
    if not blocks:
        return []
    if len(blocks[0].lines) > 1 or len(blocks) == 1 or len(blocks[1].lines) > 1:
        return list(blocks[0].lines[:3])
    return [blocks[0].lines[0], blocks[1].lines[0]]


def speech_header(lines: list[str]) -> tuple[str | None, str | None, int] | None:
    """(speaker, date, how many of ``lines`` it takes) for a speech's header: "Remarks by
    NAME, role" (``SPEECH_BYLINE``), then up to two lines: the occasion and the day."""
    found = match_byline(lines[0], (SPEECH_BYLINE,)) if lines else None
    if not found or not found[0]:
        return None
    author, date = found
    for k, line in enumerate(lines[1:3], start=1):
        if date is None and (m := DATE_LINE.match(line)):
            return author, m["date"], k + 1
        if SENTENCE_END.search(line) or len(line.split()) > _OCCASION_WORDS:
            break
    return author, date, 1


_Byline = tuple[str | None, str | None, int, list[str]]  # author, date, lines taken, the lines


def _byline(rest: Sequence[TextBlock], clean: Callable[[str], str]) -> _Byline:
    leading = [clean(line).strip() for line in _leading_lines(rest)]
    author, date, taken = speech_header(leading) or byline_under_title(leading)
    if taken == 1 and author is None and _dated_entries(rest):
        return None, None, 0, leading  # the first entry's day, not the page's
    return author, date, taken, leading


def _dated_entries(blocks: Sequence[TextBlock]) -> bool:
    """A diary's or a log's entries, each headed by its day alone on a line ("Tues 8 April
    2025"): the first block and a later one are such days."""
    days = [b for b in blocks if len(b.lines) == 1 and DATE_LINE.match(b.lines[0].strip())]
    return len(days) >= 2 and days[0] is blocks[0]


_SITE_LINES = 8  # words: a site's name, its tagline, a menu line above the piece's own title
_TOP_BLOCKS = 4


@dataclass(frozen=True)
class PieceDated:
    """The byline under a piece's own title, below its site's header."""

    author: str | None
    date: str
    byline: str  # as printed
    site_lines: tuple[TextBlock, ...]  # the blocks above the piece's title: the site's header


def piece_dated(rest: Sequence[TextBlock], clean: Callable[[str], str]) -> PieceDated | None:
    """The byline of a page copied with its site's name and menu above the piece's own title:
    the line under that title says when the piece was published ("Episode 47: ..." /
    "Published 12 November 2026 \u00b7 41 min"), while only short lines that end like no sentence
    (the site's tagline, its menu) come before it. The page is dated so; its lines stay where
    they are."""
    for n, block in enumerate(rest[:_TOP_BLOCKS]):
        lines = [clean(line).strip() for line in block.lines]
        for k, line in enumerate(lines[1:], start=1):
            found = match_byline(line, POST_BYLINES)
            if found and found[1] and YEAR_DATE.match(found[1]) and _subtitle_like(lines[k - 1]):
                return PieceDated(found[0], found[1], line, tuple(rest[:n]))
        if any(len(re.findall(r"\w+", line)) > _SITE_LINES or SENTENCE_END.search(line) for line in lines):
            return None
    return None


# The writer's name alone as a sentence, with what they are in brackets: "Ruth Eddowes (C
# permit).", "Tom Hale (volunteer warden)."
_NAME_ALONE = re.compile(r"^(?P<name>[A-Z][\w'\u2019-]+(?: [A-Z][\w'\u2019-]+){1,2})"
                         r"(?: \([^()\n]{1,40}\))?\.?$")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|[Mm]y|[Mm]e)\b")


def self_named(intro: str, title: str) -> str | None:
    """The writer of notes that open in the first person ("My notes from a fortnight at ...")
    and then name their writer in a sentence of the name alone ("... so forgive the typos.
    Ruth Eddowes (C permit). Nets this spring are ..."), as a diarist signs the opening of a
    diary or a log: that name. Not a name the title holds (the place the notes are about)."""
    if not _FIRST_PERSON.search(intro):
        return None
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", intro.strip()) if s.strip()]
    titled = title.lower().split()
    for sentence in sentences[1:]:
        m = _NAME_ALONE.match(sentence)
        if m and name_ok(m["name"]) and not any(w.lower() in titled for w in m["name"].split()):
            return m["name"]
    return None


def _subtitle_like(line: str) -> bool:
    line = line.strip()
    return (len(line.split()) <= _SUBTITLE_WORDS and not SENTENCE_END.search(line)
            and not line.endswith((":", ";", ",")) and not md_heading(line)
            and not MD_IMAGE.match(line) and not CAPTION_LINE.match(line))


def under_title(first: TextBlock, rest: Sequence[TextBlock], clean: Callable[[str], str]) -> UnderTitle:
    """The subtitle and byline under the title (``first`` is the title's block, ``rest`` the
    blocks after the title's line, its block's other lines first)."""
    author, date, taken, leading = _byline(rest, clean)
    subtitle = None
    if not taken and len(first.lines) > 1 and _subtitle_like(first.lines[1]):
        after = [TextBlock(first.lines[2:], first.line + 2)] if len(first.lines) > 2 else []
        author2, date2, taken2, leading2 = _byline([*after, *rest[1:]], clean)
        if taken2 or len(first.lines) == 2 and len(first.lines[1].split()) > _CAPTION_WORDS:
            # (a short line over no byline stays what it was: a heading)
            subtitle = clean(first.lines[1]).strip()
            rest = [*after, *rest[1:]]
            author, date, taken, leading = author2, date2, taken2, leading2
    blocks = list(rest)
    for _ in range(taken):
        head, *blocks = blocks
        if len(head.lines) > 1:
            blocks.insert(0, TextBlock(head.lines[1:], head.line + 1))
    return UnderTitle(subtitle, author, date, "\n".join(leading[:taken]) or None, tuple(blocks))
