"""What every reader of an article produces (``Page``), and how it becomes ``Source``s.

A page is its title, the post's byline (author, date), and its blocks in reading order:
paragraphs (with the heading they sit under), figure captions, references and reader
comments (with their authors and dates). ``page_sources`` gives each block its id, kind and
label; the post's author and date go on the title and every post paragraph, so "who wrote
this?" is answered and cited from the page's own byline.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..text import terms
from ..types import REPLYING_TO, Source

PARAGRAPH, CAPTION, REFERENCE, COMMENT = "paragraph", "caption", "reference", "comment"
# A comment's mark for a shopper's question on a product page ("Is it waterproof?"), its
# answers below it: what was asked, however short, is worth quoting with who asked it.
QUESTION = "question"


@dataclass(frozen=True)
class Block:
    """One unit of the page: a paragraph, a caption, a reference or a comment."""

    kind: str
    text: str
    heading: str | None = None  # the section heading a paragraph sits under
    author: str | None = None  # a comment's author (a live blog update's reporter), as printed
    date: str | None = None  # a comment's date, as printed
    reply_to: str | None = None  # for a reply, the author of the comment it answers
    mark: str | None = None  # how the page marks a comment: "accepted solution"


@dataclass(frozen=True)
class Page:
    """An article as read from a page: what ``page_sources`` turns into sources."""

    title: str
    blocks: tuple[Block, ...] = ()
    author: str | None = None  # the post's author, as printed
    date: str | None = None  # the post's date, as printed
    byline: str | None = None  # the byline line as the page prints it, if it prints one
    url: str | None = None
    site: str | None = None
    meta: dict[str, str] = field(default_factory=dict, compare=False)

    def counts(self) -> Counter[str]:
        return Counter(b.kind for b in self.blocks)


# A link whose text was lost leaves a preposition before the punctuation ("on sites like .").
_LOST_LINK = re.compile(r"\b(?:like|at|on|here|see|visit|via|from|to)\s+[.,!?;:]", re.I)
_URL = re.compile(r"\bhttps?://\S+|\bwww\.\S+", re.I)


def is_low_content(block: Block) -> bool:
    """A reader comment with next to nothing to quote: fewer than three content words once
    links are removed ("+1", "see here", "Thanks!"; "$214k for bags with magnets." says
    something), or a short one whose point was a link that the page no longer shows ("would
    love to see this on sites like ."). Never quoted. A shopper's question is never one."""
    if block.kind != COMMENT or block.mark == QUESTION:
        return False
    text = _URL.sub(" ", block.text)
    content = terms(text)
    if len(content) < 3:
        return True
    return len(text.split()) <= 30 and bool(_LOST_LINK.search(text))


def byline_text(page: Page) -> str | None:
    """The byline as printed, or one made of the page's author and date ("By X, DATE")."""
    return page.byline or made_byline(page.author, page.date)


def made_byline(author: str | None, date: str | None) -> str | None:
    """A byline of an author and a date the page gives but does not print as one line."""
    if author and date:
        return f"By {author}, {date}"
    if author:
        return f"By {author}"
    if date:
        return f"Published {date}"
    return None


# A question and its answer printed as two paragraphs ("Q: Can it crush ice?" / "A: No, ...";
# "Question." / "Answer."): one paragraph, so the answer is read after what it answers, and
# signed by the line under it that says who answered ("Answered by Ann Lee on 2 May 2025").
_QUESTION_LINE = re.compile(r"^(?:Q|Question)\s*\d*\s*[:.)\u2013\u2014-]\s+\S")
_ANSWER_LINE = re.compile(r"^(?:A|Answer)\s*\d*\s*[:.)\u2013\u2014-]\s+\S")
_ANSWER_SEEN = re.compile(r"\s(?:A|Answer)\s*\d*\s*[:.)\u2013\u2014-]\s+\S")  # ... joined already
_ANSWERED_BY = re.compile(r"^(?:answered|replied|responded)\s+by\s+\S.{0,80}$", re.I)


def _answers_joined(blocks: Sequence[Block]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        last = out[-1] if out else None
        if last is not None and block.kind == last.kind == PARAGRAPH \
                and block.heading == last.heading and _QUESTION_LINE.match(last.text) and (
                    _ANSWER_LINE.match(block.text) and not _ANSWER_SEEN.search(last.text)
                    or _ANSWERED_BY.match(block.text) and _ANSWER_SEEN.search(last.text)):
            out[-1] = replace(last, text=f"{last.text} {block.text}")
        else:
            out.append(block)
    return out


def _numbered(kind: str, n: int, total: int) -> str:
    return kind if total == 1 else f"{kind}-{n}"


def page_sources(page: Page) -> list[Source]:
    """The page's sources in reading order, with stable ids: ``title``, ``byline``,
    ``caption`` (or ``caption-N``), ``post-N``, ``reference`` (or ``reference-N``),
    ``comment-N``."""
    author, date = page.author, page.date
    out = [Source("title", "title", "Title", page.title, author, date)]
    byline = byline_text(page)
    if byline:
        out.append(Source("byline", "byline", "Byline", byline, author, date))
    blocks = _answers_joined(page.blocks)
    totals = Counter(b.kind for b in blocks)
    seen: Counter[str] = Counter()
    for block in blocks:
        seen[block.kind] += 1
        n, total = seen[block.kind], totals[block.kind]
        low = is_low_content(block)
        if block.kind == PARAGRAPH:
            label = f"Post, paragraph {n}"
            if block.heading:
                label += f' (under "{block.heading}")'
            if block.author and block.author != author:  # a live blog's update, by its reporter
                label += f", by {block.author}"
            out.append(Source(f"post-{n}", "post", label, block.text, block.author or author, date,
                              section=block.heading))
        elif block.kind == CAPTION:
            label = "Image caption" if total == 1 else f"Image caption {n}"
            out.append(Source(_numbered("caption", n, total), "caption", label, block.text))
        elif block.kind == REFERENCE:
            label = "Reference" if total == 1 else f"Reference {n}"
            out.append(Source(_numbered("reference", n, total), "reference", label, block.text))
        elif block.kind == COMMENT:
            if block.author:
                label = f"Reader comment by {block.author}"
                label += f", {block.date}" if block.date else ""
            else:
                label = f"Reader comment {n} (unsigned)"
            if block.mark:  # "Reader comment by priya_k, 4 May 2025 (accepted solution)"
                label += f" ({block.mark})"
            if block.reply_to:
                label += REPLYING_TO + block.reply_to
            out.append(Source(f"comment-{n}", "comment", label, block.text, block.author,
                              block.date, low_content=low, reply_to=block.reply_to))
        else:
            raise ValueError(f"unknown block kind {block.kind!r}")
    return out


# A comment that opens by addressing someone: "Paul, I agree", "@Paul: ...", "Thanks, Paul -",
# "Hi Paul Brierley,".
_ADDRESSED = re.compile(r"^\s*(?:(?i:thanks|thank you|hi|hello|dear|cheers|sorry)\s*,?\s+)?@?"
                        r"(?P<name>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?)"
                        r"\s*(?:[,:!]|\s[-\u2013\u2014]\s)")


# A comment that opens with a mention, as Stack Exchange writes one: "@AnnRoe it is ...".
_AT_HANDLE = re.compile(r"^\s*@(?P<handle>\w[\w.'\u2019-]*\w|\w)")


def _mentions(handle: str, name: str) -> bool:
    """``@handle`` names the person ``name``: their name of two words or more as a mention
    writes it, without its spaces, in any case ("@AnnRoe", "@annroe"), or their first name
    ("@Ann"). A handle (one word) is matched only as ``_ADDRESSED`` does, before a comma or a
    colon: a forum's "@handle" in passing mentions, it need not answer."""
    parts = name.split()
    return len(parts) > 1 and handle.casefold() in ("".join(parts).casefold(), parts[0].casefold())


def with_replies(blocks: Sequence[Block]) -> tuple[Block, ...]:
    """The blocks, each comment that opens by addressing an earlier commenter by name ("Paul,
    I agree ...") or by a mention of their name ("@PaulBrierley ...") marked as a
    reply to that commenter (the latest one of that name); comments already marked (by the
    page's threading) are kept as they are."""
    out: list[Block] = []
    earlier: list[str] = []  # the authors of the comments so far
    for block in blocks:
        if block.kind == COMMENT and block.reply_to is None and block.text:
            m = _ADDRESSED.match(block.text)
            at = _AT_HANDLE.match(block.text)
            called = m["name"].lower() if m else None
            for name in reversed(earlier):
                if name != block.author and (called in (name.lower(), name.split()[0].lower())
                                             or at is not None and _mentions(at["handle"], name)):
                    block = replace(block, reply_to=name)
                    break
        if block.kind == COMMENT and block.author:
            earlier.append(block.author)
        out.append(block)
    return tuple(out)
