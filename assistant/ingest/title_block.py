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

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .bylines import DATE_LINE, SPEECH_BYLINE, byline_under_title, match_byline
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
