"""A Tumblr reblog read as a thread: the original post by its blog, then each blog that
reblogged it with words of its own, signed by its blog name.

A reblog's page prints its "trail": the original post and each addition made along the way,
one box a blog (``div.reblog-list-item`` under a ``reblog-header`` naming the blog, or the
newer markup's boxes named by ``data-testid`` with the name in a ``<span>``), the original
first; then the reblogging blog's own words, if it added any; then the notes ("x liked this",
"y reblogged this from z and added: ..."). The extractor reads it all as one post by nobody.
Here the original poster signs the post (the first box is its text), every later box is a
comment by its blog, the reblogger's own words (when a "x reblogged y" line names it) a
comment by it, and of the notes only the words a blog added, a comment by that blog replying
to the blog it reblogged from; likes, bare reblogs, "posted this" and "Show more notes" are
not text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from . import dom
from .bylines import HANDLE, name_or_handle
from .comments import FoundComment

_ITEM_WORDS = frozenset({"reblog-list-item", "reblog-trail-item", "reblogtrailitem",
                         "reblog-item"})
_NAME_WORDS = frozenset({"reblog-tumblelog-name", "tumblelog-name", "reblog-header",
                         "reblog-blog-name", "blog-name", "blogname", "reblog-name"})
_CONTENT_WORDS = frozenset({"reblog-content", "reblog-body", "reblog-text"})
_REBLOGGED = re.compile(rf"^(?P<who>{HANDLE.pattern}) reblogged (?P<source>{HANDLE.pattern})$")
_NOTE_LINE = re.compile(rf"^{HANDLE.pattern} (?:liked this|posted this|reblogged this from )")
_NOTE = re.compile(rf"^(?P<who>{HANDLE.pattern}) reblogged this from (?P<source>"
                   rf"{HANDLE.pattern}) and added:\s*(?P<text>\S.*)$", re.S)


@dataclass(frozen=True)
class Reblog:
    """What a reblog's page says beyond its original post."""

    poster: str | None  # the blog that wrote the original post (the trail's first box)
    comments: tuple[FoundComment, ...]  # later boxes, the reblogger's words, the notes' words
    read: tuple[HtmlElement, ...]  # the elements read here, not the post's text


def _items(tree: HtmlElement) -> list[HtmlElement]:
    found = [el for el in dom.iter_elements(tree) if dom.words(el) & _ITEM_WORDS]
    return dom.outermost(found)


def _name(item: HtmlElement) -> tuple[str | None, HtmlElement | None]:
    """The blog a trail box is by, and the element naming it."""
    for el in dom.iter_elements(item):
        if el is not item and dom.words(el) & _NAME_WORDS:
            for line in dom.text_lines(el, frozenset({"a", "span", "div"})):
                if (name := name_or_handle(line)) and " " not in name:
                    return name, el
    for el in item.iter("span", "a"):  # the newer markup: the first handle on its own
        name = name_or_handle(dom.text_of(el))
        if name and " " not in name:
            return name, el
    return None, None


def _box_text(item: HtmlElement, named: HtmlElement) -> str:
    content = next((el for el in dom.iter_elements(item) if dom.words(el) & _CONTENT_WORDS), None)
    shown = [el for el in (content if content is not None else item).iter("p", "li", "blockquote")
             if named not in el.iterancestors() and el is not named]
    lines = [dom.text_of(el) for el in shown if not any(a in shown for a in el.iterancestors())]
    return "\n".join(line for line in lines if line)


def _own_words(trail: HtmlElement, post: HtmlElement | None) -> tuple[str | None, list[HtmlElement]]:
    """The reblogger's name (from its "x reblogged y" line) and the boxes of its own words
    after the trail, in the same post."""
    if post is None:
        return None, []
    who = next((m["who"] for el in post.iter("a", "span", "div", "p")
                if (m := _REBLOGGED.match(dom.text_of(el)))), None)
    parent = trail.getparent()
    after = [] if parent is None else list(trail.itersiblings())
    boxes = [el for el in after if isinstance(el.tag, str) and el.find(".//p") is not None
             and not dom.words(el) & {"notes", "footer", "tags", "post-footer"} and el.tag != "section"]
    return who, boxes


def _notes(tree: HtmlElement) -> tuple[list[FoundComment], list[HtmlElement]]:
    """The words the notes say blogs added, each a comment by that blog replying to the blog
    it reblogged from; the boxes of the notes (a list classed ``notes`` of Tumblr's note
    lines: "x liked this", "y reblogged this from z", "z posted this")."""
    lists = [el for el in dom.iter_elements(tree) if el.tag in ("ol", "ul")
             and "notes" in dom.words(el) and any(_NOTE_LINE.match(dom.text_of(li))
                                                  for li in el.iter("li"))]
    out: list[FoundComment] = []
    for box in lists:
        for li in box.iter("li"):
            m = _NOTE.match(dom.text_of(li))
            if m:
                out.append(FoundComment(m["text"].strip(), m["who"], None, reply_to=m["source"]))
    boxes = [next((a for a in box.iterancestors() if a.tag == "section" or "notes" in dom.words(a)),
                  box) for box in lists]
    return out, boxes


def read_reblog(tree: HtmlElement) -> Reblog | None:
    """What a Tumblr post's page says beyond its post: a trail of two or more boxes each
    signed by its blog (or one with the reblogger's own words under it), its notes; None on
    a page showing neither."""
    items = _items(tree)
    signed = [(item, *_name(item)) for item in items]
    trail = items[0].getparent() if items and all(name for _, name, _ in signed) else None
    post = None if trail is None else next(
        (a for a in items[0].iterancestors() if a.tag == "article" or dom.words(a) & {"post", "entry"}),
        None)
    who, own = _own_words(trail, post) if trail is not None else (None, [])
    if len(items) < 2 and not (who and own):
        signed = []
    notes, note_boxes = _notes(tree)
    if not signed and not note_boxes:
        return None
    comments = [FoundComment(_box_text(item, named), name, None)
                for item, name, named in signed[1:] if named is not None]
    if signed and who and own:
        comments.append(FoundComment("\n".join(dom.text_of(b) for b in own), who, None))
    said = [(c.author, c.text) for c in comments]
    comments += [n for n in notes if not any(  # a note's copy of a box's words, cut short
        a == n.author and t.startswith(n.text.rstrip("\u2026. ")) for a, t in said)]
    read = [*items[1:], *(own if signed and who else []), *note_boxes] if signed else note_boxes
    return Reblog(signed[0][1] if signed else None, tuple(c for c in comments if c.text),
                  tuple(read))
