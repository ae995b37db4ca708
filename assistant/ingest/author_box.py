"""The "About the author" box closing a post ("> **About the author**" / "> Oskar Lindqvist
is a hydrologist ..."): its own section, not the last paragraph's lines, and the name it
opens with the post's author when no byline names one."""

from __future__ import annotations

import re

from .bylines import name_ok
from .furniture import COMMENTS_HEAD
from .layout import TextBlock, section_name
from .markup import QUOTED, md_heading, unemphasised

_HEAD = re.compile(r"^About the (?:author|writer)$", re.I)
# "Oskar Lindqvist is a hydrologist ...", "**Ann Lee** writes about ...", "Ann Lee, a nurse, ..."
_OPENS_WITH_NAME = re.compile(
    r"^(?P<name>[A-Z][\w'\u2019.-]+(?:\s+[\w'\u2019.-]+){1,3}?)(?:,\s|\s+(?:is|was|has|writes|"
    r"works|worked|lives|leads|teaches|runs|joined|spent|studied)\b)")


def _head(line: str) -> bool:
    """``line`` is the box's heading: "About the author", quoted, in bold or a heading's."""
    plain = unemphasised(QUOTED.sub("", line).strip())
    return bool(_HEAD.match(section_name(md_heading(plain) or plain)))


def _last(blocks: list[TextBlock], at: int) -> bool:
    """Nothing but a Comments heading (and what it heads) follows block ``at``."""
    after = blocks[at + 1:]
    return not after or len(after[0].lines) == 1 and bool(COMMENTS_HEAD.match(section_name(
        md_heading(after[0].lines[0]) or after[0].lines[0])))


def author_box(blocks: list[TextBlock]) -> tuple[str | None, list[TextBlock]]:
    """The name the post's closing "About the author" box opens with (None when it opens with
    none, or there is no box), and the blocks with the box's heading a heading of its own,
    its text under it."""
    for at in range(len(blocks) - 1, 0, -1):
        block = blocks[at]
        if not _head(block.lines[0]):
            continue
        heading = TextBlock(("## About the author",), block.line)
        if len(block.lines) > 1 and _last(blocks, at):  # "> **About the author**" / "> NAME ..."
            text = TextBlock(tuple(line for line in block.lines[1:] if QUOTED.sub("", line).strip()),
                             block.line + 1)
            blocks = [*blocks[:at], heading, *([text] if text.lines else []), *blocks[at + 1:]]
        elif len(block.lines) == 1 and at + 1 < len(blocks) and _last(blocks, at + 1):
            text = blocks[at + 1]
            blocks = [*blocks[:at], heading, *blocks[at + 1:]]
        else:
            return None, blocks
        m = _OPENS_WITH_NAME.match(unemphasised(QUOTED.sub("", text.lines[0]).strip())) \
            if text.lines else None
        return (m["name"] if m and name_ok(m["name"]) else None), blocks
    return None, blocks
