"""A star rating shown as a picture (``<img alt="5 stars">``, an element that is only its
``aria-label="Rated 4 out of 5"``, or its glyphs "★★★★☆", or a travel site's "4 of 5 bubbles")
as the words a reader sees: a recipe's reader comment
rated five stars says so in its text ("Rated 5 stars. Made this on ..."), where the
extractor and the comment reader, which skip images and labels, would lose it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import lxml.html
from lxml.html import HtmlElement

from .declared import ld_objects, ld_types
from .dom import is_furniture

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


# A product's rating summary as a shop prints it by its title or over its reviews: the average
# ("3.9 out of 5", "4.1 out of 5 stars", "4.5/5") and, in the same small box, how many rated
# it ("412 ratings", "Based on 89 reviews", "238 global ratings"), often as links to the
# reviews. Trafilatura drops the box (short lines, links), and a box over the reviews goes
# with the comment section, so "What is its average rating?" had nothing to cite.
_AVERAGE = re.compile(r"^(?:rated\s+)?(?P<avg>\d(?:[.,]\d{1,2})?\s*(?:(?:out\s+)?of|/)\s*(?:5|10)"
                      r"(?:\s+stars?)?)\.?$", re.I)
_COUNT = re.compile(r"^\(?(?P<count>(?:based\s+on\s+)?\d[\d,.]*\s*k?\s+(?:global\s+|customer\s+|"
                    r"verified\s+|product\s+|total\s+)?(?:ratings?|reviews?))\)?$", re.I)
_SUMMARY_BOX_CHARS = 200


@dataclass(frozen=True)
class RatingSummary:
    """The average rating and the count of ratings as printed."""

    average: str
    count: str

    @property
    def sentence(self) -> str:
        count = self.count[:1].lower() + self.count[1:] if self.count.lower().startswith("based") \
            else self.count
        return f"Customer rating: {self.average}, {count}."

    def printed_in(self, text: str) -> bool:
        return self.average in text and self.count in text


def _line(el: HtmlElement) -> bool:
    """An element that is one line: no element inside it with text of its own."""
    return not any(isinstance(c.tag, str) and c.text_content().strip() for c in el)


def _count_near(el: HtmlElement) -> str | None:
    """The count of ratings printed in the small box around the average ``el``."""
    for box in el.iterancestors():
        if len(" ".join(box.text_content().split())) > _SUMMARY_BOX_CHARS:
            return None
        for line in box.iter():
            m = _COUNT.match(" ".join(line.text_content().split())) \
                if isinstance(line.tag, str) and _line(line) else None
            if m:
                return m["count"]
    return None


def rating_summary(root: HtmlElement) -> RatingSummary | None:
    """The page's first rating summary (an average with the count of ratings beside it), not
    a related product's in a link or a furniture box (``dom.is_furniture``); None when it
    prints none."""
    for el in root.iter():
        if not isinstance(el.tag, str) or not _line(el):
            continue
        m = _AVERAGE.match(" ".join(el.text_content().split()))
        if m is None or any(a.tag == "a" or is_furniture(a) for a in (el, *el.iterancestors())):
            continue
        count = _count_near(el)
        if count:
            return RatingSummary(m["avg"], count)
    return None


def _number(value: Any) -> float | None:
    try:
        number = float(str(value).replace(",", "").strip())
    except ValueError:
        return None
    return number if number == number and number >= 0 else None  # not NaN


def _shown(number: float) -> str:
    """3.9 -> "3.9", 4.0 -> "4", 4.35 -> "4.35", 4.6667 -> "4.67"."""
    return f"{round(number, 2):g}"


def _summary_of(value: Any, best: Any, ratings: Any, reviews: Any) -> RatingSummary | None:
    """The summary an aggregate rating declares: its value out of its best (5 unless it says),
    and how many rated (its ratings' count, else its reviews')."""
    average, top = _number(value), _number(best) if best not in (None, "") else 5.0
    counted = [(n, word) for n, word in ((_number(ratings), "rating"), (_number(reviews), "review"))
               if n is not None and n >= 1 and n == int(n)]
    if average is None or not top or average > top or not counted:
        return None
    n, word = counted[0]
    return RatingSummary(f"{_shown(average)} out of {_shown(top)}",
                         f"{int(n):,} {word}{'s' if n != 1 else ''}")


def declared_rating(root: HtmlElement) -> RatingSummary | None:
    """The product's rating summary as the page declares it for search engines and not as it
    prints it (a shop that draws its stars by script): a schema.org ``Product``'s
    ``aggregateRating`` in JSON-LD, or in microdata (``itemprop="aggregateRating"`` with its
    ``ratingValue`` and ``ratingCount`` / ``reviewCount``, often in ``<meta>`` tags). The
    first product's; None when the page declares none with a count."""
    for obj in ld_objects(root):
        if not any("Product" in t for t in ld_types(obj)):
            continue
        agg = obj.get("aggregateRating")
        if isinstance(agg, dict):
            found = _summary_of(agg.get("ratingValue"), agg.get("bestRating"),
                                agg.get("ratingCount"), agg.get("reviewCount"))
            if found is not None:
                return found
    for box in root.iter():
        if not isinstance(box.tag, str) or box.get("itemprop") != "aggregateRating":
            continue
        item = next((a for a in box.iterancestors() if a.get("itemscope") is not None), None)
        if item is None or "Product" not in (item.get("itemtype") or "").rsplit("/", 1)[-1]:
            continue  # a recipe's, a place's: no product's
        props: dict[str, str] = {}
        for el in box.iter():
            name = el.get("itemprop") if isinstance(el.tag, str) else None
            if name and name not in props:
                props[name] = el.get("content") or " ".join(el.text_content().split())
        found = _summary_of(props.get("ratingValue"), props.get("bestRating"),
                            props.get("ratingCount"), props.get("reviewCount"))
        if found is not None:
            return found
    return None


# Stars typed as characters in running text ("Rating: 4 out of 5 \u2605\u2605\u2605\u2605\u2606",
# "Verdict: \u2605\u2605\u2605\u2606\u2606"): filled and empty stars, three to ten of them.
_GLYPH_RUN = re.compile(r"[\u2605\u2606]{3,10}")
# the score the stars repeat, printed just before them ("4 out of 5", "4/5")
_SCORE_BEFORE = re.compile(r"\d(?:[.,]\d)?\s*(?:(?:out\s+)?of|/)\s*\d+\s*$", re.I)


def _glyph_words(run: str, before: str) -> str:
    if _SCORE_BEFORE.search(before):
        return "stars"
    return f"{run.count(chr(0x2605))} out of {len(run)} stars"


def _spell_glyphs(text: str, before: str) -> str:
    out, at = [], 0
    for m in _GLYPH_RUN.finditer(text):
        out.append(text[at:m.start()])
        out.append(_glyph_words(m.group(), before + text[:m.start()]))
        at = m.end()
    return "".join(out) + text[at:]


def spell_star_glyphs(root: HtmlElement) -> None:
    """Stars typed as characters in the text read as the words they picture: "4 out of 5"
    and four filled stars and one empty as "4 out of 5 stars", a bare row of three filled
    and two empty as "3 out of 5 stars", so "How many stars?" finds the reviewer's rating
    and not only a reader who wrote the word. An element that is only stars is a picture of
    its own, which the review cards and ``show_star_ratings`` read by its label or the
    rating printed beside it."""
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        if el.text and _GLYPH_RUN.search(el.text) and not _GLYPHS.match(el.text_content()):
            el.text = _spell_glyphs(el.text, "")
        parent = el.getparent()
        if el.tail and _GLYPH_RUN.search(el.tail) and parent is not None \
                and not _GLYPHS.match(parent.text_content()):
            el.tail = _spell_glyphs(el.tail, el.text_content())
