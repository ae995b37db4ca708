"""What a comment's card prints beside the commenter's name: the name in an element classed
for it, a badge, a headline.

A professional network's comment (LinkedIn's) opens with a card: the name
(``comments-post-meta__name-text``), a badge the site gives the commenter ("Author"), their
headline ("Shift Team Leader at ...") and a tiny date ("2w"). A guestbook entry (an
obituary's) is signed below its text: the name (``entry-name``), a town, a relationship.
The badge is never the commenter's name; the headline says who they are, so it is kept as
the comment's first line (as a question page's credential line is), where an answer can
quote it. Class names are matched as words, as everywhere in the comment reader.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from .bylines import clean_name, name_ok
from .dom import iter_elements, text_of, words

# What the site says of a commenter ("Author", "Top contributor"): not their name.
BADGE_WORDS = frozenset({"badge"})
_HEADLINE_WORDS = frozenset({"headline"})
# "Glyn and Mair Jenkins", "Ann & Bill Price": a couple signs one entry
_JOINED = re.compile(r"\s+(?:and|&)\s+")


def _leaf(el: HtmlElement) -> bool:
    return not any(isinstance(c.tag, str) and c.tag not in ("a", "span", "strong", "b", "bdi")
                   for c in el.iterdescendants())


def signer_name(item: HtmlElement, anchor: HtmlElement) -> str | None:
    """The name in the first element of the comment classed as a name (``entry-name``,
    ``name-text``) that holds no block and not the comment's date: "Huw Price"."""
    for el in iter_elements(item):
        if el is item or "name" not in words(el) or anchor in el.iter() or not _leaf(el):
            continue
        name = clean_name(text_of(el))
        if name and not any(c.isdigit() for c in name) \
                and all(name_ok(part) for part in _JOINED.split(name)):
            return name
    return None


def headline(item: HtmlElement, anchor: HtmlElement) -> str | None:
    """The commenter's headline printed in the comment's card: an element classed
    ``headline`` beside the comment's date (its parent holds the date), of a line's length."""
    for el in iter_elements(item):
        parent = el.getparent()
        if el is item or not words(el) & _HEADLINE_WORDS or parent is None \
                or anchor not in parent.iter() or anchor in el.iter():
            continue
        text = text_of(el)
        if 0 < len(text) <= 160:
            return text
    return None


def is_card_line(el: HtmlElement) -> bool:
    """A badge or a headline: a line of the card that is not the commenter's name."""
    return bool(words(el) & (BADGE_WORDS | _HEADLINE_WORDS))
