"""A star rating shown as a picture (``<img alt="5 stars">``, an element that is only its
``aria-label="Rated 4 out of 5"``) as the words a reader sees: a recipe's reader comment
rated five stars says so in its text ("Rated 5 stars. Made this on ..."), where the
extractor and the comment reader, which skip images and labels, would lose it."""

from __future__ import annotations

import re

import lxml.html
from lxml.html import HtmlElement

# "5 stars", "4.5 out of 5 stars", "Rated 4 out of 5", "3 star rating"
_RATING = re.compile(r"^(?:rated\s+)?\d(?:[.,]\d)?\s*(?:out\s+of\s+\d+\s*)?(?:stars?)?"
                     r"(?:\s+rating)?$", re.I)


def _says_rating(label: str) -> bool:
    label = " ".join(label.split())
    return bool(_RATING.match(label)) and ("star" in label.lower() or "out of" in label.lower())


def show_star_ratings(root: HtmlElement) -> None:
    """Each picture of a rating becomes its words, as a sentence: "Rated 5 stars."."""
    for el in list(root.iter("img", "span", "div", "i")):
        label = (el.get("alt") if el.tag == "img" else el.get("aria-label")) or ""
        if not _says_rating(label) or (el.tag != "img" and el.text_content().strip()):
            continue
        words = " ".join(label.split())
        text = words if words.lower().startswith("rated") else f"Rated {words}"
        shown = lxml.html.Element("span")
        shown.text = f"{text}. "
        shown.tail = el.tail
        parent = el.getparent()
        if parent is not None:
            parent.replace(el, shown)
