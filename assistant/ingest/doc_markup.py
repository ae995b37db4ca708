"""A documentation page's markup (Sphinx, MkDocs, Read the Docs themes) as a reader sees it.

A heading's permalink mark (``<a class="headerlink" href="#creating-a-pool">¶</a>``, a "#"
or "§" that shows on hover) is not part of the heading or of the page's title; an
admonition's title (``<p class="admonition-title">Note</p>`` over the box's text) leads the
box's text ("Note: A pool is ...") rather than standing alone as a one-word paragraph.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from .dom import HEADINGS

_WORD = re.compile(r"[^\W_]")
_TITLE_WORDS = frozenset({"admonition-title", "markdown-alert-title"})


def drop_permalinks(root: HtmlElement) -> None:
    """A link inside a heading to the heading itself ("#...") showing no word or number, only
    a mark ("¶", "#", "§", an icon), goes; its tail stays."""
    doomed = [a for h in root.iter(*HEADINGS) for a in h.iter("a")
              if (a.get("href") or "").startswith("#") and not _WORD.search(a.text_content())]
    for a in doomed:
        if a.getparent() is not None:
            a.drop_tree()


def lead_admonitions(root: HtmlElement) -> None:
    """An admonition's title ("Note", "Warning", "Tip": a short ``p.admonition-title``) opens
    the paragraph after it, "Note: ...", and goes."""
    for title in list(root.iter("p", "div", "span")):
        if not set((title.get("class") or "").lower().split()) & _TITLE_WORDS:
            continue
        label = " ".join(title.text_content().split()).rstrip(":")
        following = title.getnext()
        if not label or len(label.split()) > 4 or following is None or following.tag != "p":
            continue
        following.text = f"{label}: " + (following.text or "").lstrip()
        title.drop_tree()
