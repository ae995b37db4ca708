"""A notebook or a technical post in Markdown: its code cells and their printed outputs, and
its display maths.

A notebook exported to Markdown (Jupyter, Quarto, R Markdown) prints each code cell as a
fenced block naming its language (```` ```python ````) and the cell's output right under it,
fenced without one. The code is instructions to a computer and the output what it printed,
numbers without the words that say what they are: the write-up's prose states its findings,
and answers quote that. So in such a file (one code cell, at least, with its output under
it) the code cells and their outputs are not text. A README's or a tutorial's code, with no
outputs, is kept as typed, as before: "how do I install it?" is answered by it.

Display maths (``$$ ... $$`` on lines of its own) belongs to the sentence that introduces it
("The rating curve is" / formula / "where $Q$ is the discharge ..."): it is read inside that
sentence, as inline maths, not as a paragraph of its own.
"""

from __future__ import annotations

import re

from .layout import FENCE, SENTENCE_END, TextBlock
from .markup import md_heading

_CODE_CELL = re.compile(r"^\s*(?:```|~~~)\s*\{?[\w+#.-]+")  # a fence naming its language
_DISPLAY_MATHS = re.compile(r"\A\s*\$\$(?P<tex>.+?)\$\$\s*\Z", re.S)
# A block that is no sentence's beginning: a heading, a list, a table, a quote, code, HTML.
_NOT_PROSE = re.compile(r"^\s*(?:[-*+|>#<!]|\d+[.)]\s|```|~~~|\$\$)")


def _fenced(block: TextBlock) -> bool:
    """The block is fenced code only: it opens with a fence and closes with one."""
    return len(block.lines) >= 2 and bool(FENCE.match(block.lines[0])) and bool(FENCE.match(block.lines[-1]))


def _is_output(block: TextBlock) -> bool:
    return _fenced(block) and not _CODE_CELL.match(block.lines[0])


def _without_cells(blocks: list[TextBlock]) -> list[TextBlock]:
    """The blocks without the code cells and their outputs, when some cell has its output
    under it (a notebook); else the blocks as they are."""
    cells = [i for i, b in enumerate(blocks) if _fenced(b) and _CODE_CELL.match(b.lines[0])]
    if not any(i + 1 < len(blocks) and _is_output(blocks[i + 1]) for i in cells):
        return blocks
    out: list[TextBlock] = []
    for i, block in enumerate(blocks):
        if i in cells or _is_output(block) and i - 1 in cells:
            continue
        out.append(block)
    return out


def _joined_maths(blocks: list[TextBlock]) -> list[TextBlock]:
    """Display maths read inside the sentence that introduces it: the paragraph above that
    does not end like a sentence, and the words under it that go on with it in lower case."""
    out: list[TextBlock] = []
    carry = False  # the last block took a formula: lower-case words under it go on with it
    for block in blocks:
        maths = _DISPLAY_MATHS.match(block.text)
        last = out[-1] if out else None
        if maths and last and _prose(last) and not SENTENCE_END.search(last.lines[-1].rstrip()):
            tex = " ".join(line.strip() for line in maths["tex"].split("\n") if line.strip())
            out[-1] = _extended(last, f"${tex}$")
            carry = True
            continue
        if carry and last and block.lines[0][:1].islower():
            out[-1] = _extended(last, block.lines[0].strip(), block.lines[1:])
            carry = False
            continue
        carry = False
        out.append(block)
    return out


def _prose(block: TextBlock) -> bool:
    return not _NOT_PROSE.match(block.lines[0]) and md_heading(block.lines[0]) is None


def _extended(block: TextBlock, words: str, more: tuple[str, ...] = ()) -> TextBlock:
    return TextBlock((*block.lines[:-1], f"{block.lines[-1].rstrip()} {words}", *more), block.line)


def notebook_blocks(blocks: list[TextBlock]) -> list[TextBlock]:
    """A Markdown file's blocks without a notebook's code cells and outputs, its display
    maths inside the sentences that introduce it."""
    return _joined_maths(_without_cells(blocks))
