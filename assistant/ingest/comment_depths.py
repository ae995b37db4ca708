"""How deep a comment sits in its thread: nested in lists of replies, or, in a thread printed
flat, as the page states it on each comment (Hacker News' indent cells, ``data-depth``). A
reply answers the latest comment above it that sits less deep."""

from __future__ import annotations

import bisect
import re
from typing import Any

from lxml.html import HtmlElement

from .dom import words

# A list of replies inside a comment: WordPress ``ol.children``, ``div.comment-replies``...
NEST_WORDS = frozenset({"children", "child", "replies", "reply-list", "nested", "subcomments",
                        "sub-comments"})


# A thread printed flat, each comment saying how deep it sits: Hacker News'
# ``<td class="ind" indent="1">`` beside the comment, ``depth``/``data-depth``/``aria-level``
# on the comment's element.
_DEPTH_ATTRS = ("indent", "depth", "data-depth", "data-level", "aria-level")


def stated_depths(region: HtmlElement, anchors: list[HtmlElement]) -> dict[Any, int]:
    """For a thread printed flat that states each comment's depth, each anchor's depth: the
    one stated last before it in the page (its own element's, or its row's indent cell).
    Empty when the region states fewer depths than half its comments (a heading's
    ``aria-level`` is no thread)."""
    order: dict[Any, int] = {}
    stated: list[tuple[int, int]] = []  # (position, depth)
    for i, el in enumerate(region.iter()):
        order[el] = i
        if isinstance(el.tag, str):
            value = next((v for a in _DEPTH_ATTRS if (v := (el.get(a) or "").strip()).isdigit()), None)
            if value is not None:
                stated.append((i, int(value)))
    if not stated or 2 * len(stated) < len(anchors):
        return {}
    positions = [pos for pos, _ in stated]
    out: dict[Any, int] = {}
    for anchor in anchors:
        k = bisect.bisect_right(positions, order.get(anchor, -1)) - 1
        if k >= 0:
            out[anchor] = stated[k][1]
    return out


def depth_in(anchor: HtmlElement, region: HtmlElement) -> int:
    """How many lists of comments or replies hold a comment's ``anchor`` (its date or author)
    inside its comment region."""
    depth = 0
    for el in anchor.iterancestors():
        if el is region:
            break
        if el.tag in ("ol", "ul") or words(el) & NEST_WORDS:
            depth += 1
    return depth


# A comment's indent as its inline style states it: new Reddit's ``style="padding-left:37px"``
# on each comment's wrapper, in a thread printed flat.
_INDENT = re.compile(r"(?:^|;)\s*(?:padding|margin)-(?:left|inline-start)\s*:\s*"
                     r"(?P<n>\d+(?:\.\d+)?)\s*(?:px|em|rem)\b", re.I)


def _indent(el: HtmlElement) -> float | None:
    m = _INDENT.search(el.get("style") or "")
    return float(m["n"]) if m else None


def indent_depths(region: HtmlElement, anchors: list[HtmlElement]) -> dict[Any, int]:
    """For a thread printed flat whose comments are indented by their inline style (each
    comment's own wrapper, holding no other comment, ``padding-left`` or ``margin-left``),
    each anchor's depth: the rank of its indent among the thread's. Empty unless every
    comment states one and they differ (a flat list styled alike is no thread)."""
    ids = set(anchors)
    found: dict[Any, float] = {}
    for anchor in anchors:
        indent = None
        for el in anchor.iterancestors():
            if el is region or any(d in ids for d in el.iter() if d is not anchor):
                break
            own = _indent(el)
            indent = own if own is not None else indent
        if indent is None:
            return {}
        found[anchor] = indent
    levels = sorted(set(found.values()))
    if len(levels) < 2:
        return {}
    return {a: levels.index(v) for a, v in found.items()}
