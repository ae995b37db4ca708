"""A document Word saved as "Plain Text": its headings set apart from the paragraphs under them.

Word writes each paragraph on one line however long, ends its lines with CR LF, and puts a
blank line only where the writer typed an empty paragraph, so a heading often sits right above
its paragraph in one block ("Condition of the Building" / "The roof is ..."), where the text
layout would read it as the paragraph's first line. In such a file (CR line ends, paragraphs of
150 characters or more on one line, none hard-wrapped) a heading's line is a block of its own,
which the text reader then takes for the heading of what follows. Any other file, hard-wrapped
or written on another system, is left as it is.
"""

from __future__ import annotations

import re

from .bylines import DATE_LINE, post_byline
from .layout import SENTENCE_END, TextBlock, plain_heading, unwrap

_LONG_LINE = 150  # characters: a paragraph written on one line, as no hard-wrapped text has
# A line under a heading: a sentence (or one leading into a list: "... included:"), a list item
# or a row of a table's cells.
_TEXT_LINE = re.compile(r"\t|[.!?:\u201d\u2019\"')]\s*$")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+\u2022\u00b7\u00a7o]|\d{1,2}[.)])\s")


def _saved_by_word(blocks: list[TextBlock]) -> bool:
    """The blocks of a file with CR line ends look saved by Word as plain text: some paragraph
    of ``_LONG_LINE`` characters on one line, no block hard-wrapped."""
    return any(len(line) >= _LONG_LINE for b in blocks for line in b.lines) \
        and all(unwrap(b.text) == b.text for b in blocks)


def _heading(line: str, above: str | None, below: str) -> bool:
    """A heading line inside a block: short, with no final stop, no date or byline, after a
    sentence's end (or opening the block), over a longer line of text."""
    return "\t" not in line and plain_heading(TextBlock((line,), 0), TextBlock((below,), 0)) \
        and not DATE_LINE.match(line) and not post_byline(line) and not _LIST_ITEM.match(line) \
        and (above is None or bool(SENTENCE_END.search(above)) or "\t" in above) \
        and len(below) > len(line) and bool(_TEXT_LINE.search(below) or _LIST_ITEM.match(below))


def word_headings(blocks: list[TextBlock]) -> list[TextBlock]:
    """The blocks of a file with CR line ends, each heading line Word wrote right above its
    paragraph made a block of its own; the blocks as they are when Word did not save them."""
    if not _saved_by_word(blocks):
        return blocks
    out: list[TextBlock] = []
    for block in blocks:
        lines, start = block.lines, 0
        for k in range(len(lines) - 1):
            if _heading(lines[k], lines[k - 1] if k else None, lines[k + 1]):
                if k > start:
                    out.append(TextBlock(lines[start:k], block.line + start))
                out.append(TextBlock((lines[k],), block.line + k))
                start = k + 1
        out.append(TextBlock(lines[start:], block.line + start))
    return out
