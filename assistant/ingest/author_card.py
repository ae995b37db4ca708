"""The "about the author" card after a post (Ghost's ``section.gh-author-card``, a theme's
``author-box`` / ``author-bio``): the author's bio is the post's text, though the extractor
drops the card with the bylines and share buttons it takes it for.

A card counts only when it names the post's author and holds a bio of a sentence or more
in an element classed for it ("Ilse is a freshwater ecologist ..."), after the start of the
post; a byline box (a name and
a date), a related-posts card or another writer's card stays out. The bio is read as a
paragraph under "About the author", as the text reader reads such a box
(``author_box``).
"""

from __future__ import annotations

from typing import Any

from lxml.html import HtmlElement

from .dom import iter_elements, text_of

HEADING = "About the author"
_CARD_PARTS = frozenset({"card", "box", "bio", "about", "profile"})
_BIO_WORDS = frozenset({"bio", "description"})
_MIN_WORDS = 8


def _card_class(el: HtmlElement) -> bool:
    """A class naming an author's card: "gh-author-card", "author-box", "about-author"."""
    for name in (el.get("class") or "").lower().split():
        parts = set(name.replace("_", "-").split("-"))
        if "author" in parts and parts & _CARD_PARTS and not parts & {"name", "image", "avatar"}:
            return True
    return False


def _bio(card: HtmlElement) -> str | None:
    """The card's bio: a sentence or more in an element classed for it ("gh-author-card-bio",
    "author-description"); a card's other paragraphs may be a teaser or a call to subscribe."""
    for el in iter_elements(card):
        if el is card:
            continue
        parts = {p for n in (el.get("class") or "").lower().split()
                 for p in n.replace("_", "-").split("-")}
        if parts & _BIO_WORDS:
            text = text_of(el)
            if len(text.split()) >= _MIN_WORDS and text.endswith((".", "!", "?")):
                return text
    return None


def author_bio(root: HtmlElement, author: str | None, body: HtmlElement | None,
               skip: set[Any]) -> str | None:
    """The bio of the post's ``author`` in a card after the start of the post's ``body``
    (outside ``skip``: the comments), else None."""
    if not author or body is None:
        return None
    order = {el: i for i, el in enumerate(root.iter())}
    start = order.get(body, -1)
    for el in iter_elements(root):
        if el in skip or order.get(el, -1) <= start or not _card_class(el):
            continue
        if any(text_of(n) == author for n in iter_elements(el)) and not any(
                _card_class(a) for a in el.iterancestors()):
            bio = _bio(el)
            if bio:
                return bio
    return None
