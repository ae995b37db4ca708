"""The readers' comments of a text article: a block of its comments section read as a
comment's text and who wrote it when, from a byline under it, a header above it ("Priya Nair
on 3 March 2021:"), a signature inside its text or a date on a line of its own."""

from __future__ import annotations

from collections.abc import Callable

from .bylines import COMMENT_DATE_LINE, COMMENT_HEADERS, comment_byline, match_byline, signed_inline
from .furniture import FURNITURE
from .layout import TextBlock, section_name


def add_comment(block: TextBlock, following: TextBlock | None, comments: list[list],
                clean: Callable[[str], str]) -> bool:
    """Add ``block`` of the comments section to ``comments`` ([text, author, date] each): as a
    comment of its own, or as the byline or the text of the last one. False for a byline that
    follows no comment, which is skipped."""
    found = comment_byline(block.text) if len(block.lines) == 1 else None
    if found:
        if comments and comments[-1][1] is None and comments[-1][2] is None:
            comments[-1][1:] = found
            return True
        return False
    # "Reply" under a comment's text is the page's button, not the reader's words
    lines = [line for line in block.lines if not FURNITURE.match(section_name(line))] \
        if len(block.lines) > 1 else list(block.lines)
    if not lines:
        return True
    who: tuple[str | None, str | None] | None = None
    if len(lines) > 1:
        who = comment_byline(lines[-1])
        if who:
            lines = lines[:-1]
        else:
            who = match_byline(lines[0], COMMENT_HEADERS)
            if who:
                lines = lines[1:]
    elif following is not None and not comment_byline(following.text):
        header = match_byline(lines[0], COMMENT_HEADERS)
        if header:
            # A header block above the comment's text: it signs the next block.
            comments.append(["", *header])
            return True
    if who is None and lines:
        signed = signed_inline(lines[0], lines[-1])
        if signed:
            where, signer, when, text = signed
            who = (signer, when)
            lines = [text, *lines[1:]] if where == "head" else [*lines[:-1], text]
    if len(lines) > 1:
        # a date on a line of its own: "Paul says:" / "March 4, 2021 at 9:12 am" / text,
        # or the text, then "4 March 2021 at 09:12"
        for at in (0, -1):
            m = COMMENT_DATE_LINE.match(clean(lines[at]).strip())
            if m and not (who and who[1]):
                who = (who[0] if who else None, m["date"])
                del lines[at]
                break
    body = clean("\n".join(lines))
    if comments and comments[-1][0] == "" and body:
        comments[-1][0] = body
    elif body:
        comments.append([body, *(who or (None, None))])
    return True
