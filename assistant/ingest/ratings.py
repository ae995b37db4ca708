"""A star rating shown as a picture (``<img alt="5 stars">``, an element that is only its
``aria-label="Rated 4 out of 5"``, or its glyphs "★★★★☆", or a travel site's "4 of 5 bubbles")
as the words a reader sees: a recipe's reader comment
rated five stars says so in its text ("Rated 5 stars. Made this on ..."), where the
extractor and the comment reader, which skip images and labels, would lose it."""

from __future__ import annotations

import re

import lxml.html
from lxml.html import HtmlElement

# "5 stars", "4.5 out of 5 stars", "Rated 4 out of 5", "3 star rating", "4 of 5 bubbles"
_RATING = re.compile(r"^(?:rated\s+)?\d(?:[.,]\d)?\s*(?:(?:out\s+)?of\s+\d+\s*)?"
                     r"(?:stars?|bubbles?)?(?:\s+rating)?$", re.I)
# Stars drawn as characters: the picture, not words ("\u2605\u2605\u2605\u2606\u2606").
_GLYPHS = re.compile(r"^[\u2605\u2606\u2729-\u2730\u2b50\u2bea\u2beb\s]*$")


def _says_rating(label: str) -> bool:
    label = " ".join(label.split()).lower()
    return bool(_RATING.match(label)) and ("star" in label or "out of" in label
                                           or label.endswith(("bubble", "bubbles")))


def shown_rating(el: HtmlElement) -> bool:
    """``el`` is a rating shown as its words ("Rated 5 stars.")."""
    text = " ".join(el.text_content().split())
    return not len(el) and text.startswith("Rated ") and text.endswith(".") \
        and _says_rating(text[:-1])


def printed_rating(el: HtmlElement) -> bool:
    """``el`` prints a rating in words of its own, with no element inside: a review card's
    "<span class="rating-text">4 out of 5 stars</span>" beside its pictured stars."""
    return not len(el) and _says_rating(el.text_content())


def is_rating(el: HtmlElement) -> bool:
    """``el`` is a rating as a reader sees it: a picture's shown as words, or printed."""
    return shown_rating(el) or printed_rating(el)


def rating_sentence(el: HtmlElement) -> str:
    """A rating (``is_rating``) as the sentence a picture's becomes: "Rated 4 out of 5 stars."."""
    text = " ".join(el.text_content().split())
    return text if shown_rating(el) else f"{_rated(text.rstrip('.'))}."


def _rated(words: str) -> str:
    return words if words.lower().startswith("rated") else f"Rated {words}"


def show_star_ratings(root: HtmlElement) -> None:
    """Each picture of a rating becomes its words, as a sentence: "Rated 5 stars."."""
    for el in list(root.iter("img", "span", "div", "i")):
        label = (el.get("alt") if el.tag == "img" else el.get("aria-label")) or ""
        if not _says_rating(label) or (el.tag != "img" and not _GLYPHS.match(el.text_content())):
            continue
        shown = lxml.html.Element("span")
        shown.text = f"{_rated(' '.join(label.split()))}. "
        shown.tail = el.tail
        parent = el.getparent()
        if parent is not None:
            parent.replace(el, shown)
