"""A shop's customer questions and answers on a product page, read as signed comments.

A product page prints its shoppers' questions in a section of their own ("Customer questions
& answers", "Q&A"; classed ``qa``, ``questions``; schema.org ``Question`` items): each
question signed by a line saying who asked it and when ("Asked by NAME on DATE"), each
answer under it by who answered ("Answered by the seller", "By NAME on DATE", a name and a
date in elements of their own), with "Question:" / "Answer:" labels and furniture ("12
people found this helpful", "Report"). Each question is a comment signed by its asker; each
answer a comment labelled "(answer)" replying to the asker, signed by its answerer. The
signature lines are who and when, not the text. Only on a page that says it is a product's
(JSON-LD or microdata ``Product``, ``og:type`` product) or whose section is headed
"Customer questions", and only questions that print their text and a signature or an answer.
The section is taken out of the page when read, so it is no part of the post.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

from lxml.html import HtmlElement

from .bylines import is_comment_date, name_ok
from .comments import AUTHOR_WORDS, FoundComment, regions
from .declared import ld_name, ld_objects, ld_types
from .dom import HEADINGS, clean_text, drop, iter_elements, parse_date, text_of, words
from .page import QUESTION
from .stamps import is_tiny_date
from .thread_marks import ANSWER

_HEADING = re.compile(r"^(?:(?:customer|product|shopper|community)\s+)?(?:questions?\s*(?:&|and|\+)\s*"
                      r"answers?|q\s*&\s*a|q\s+and\s+a|questions)(?:\s*\(\d[\d,]*\))?$", re.I)
_CUSTOMER_HEADING = re.compile(r"^customer\s+questions\b", re.I)
_REGION_NAME = re.compile(r"(?:^|[-_])(?:qa|qna|q-and-a|questions|questions-answers)(?:$|[-_])", re.I)
_QUESTION_LABEL = re.compile(r"^(?:Q|Question)\s*[:.]\s*", re.I)
_ANSWER_LABEL = re.compile(r"^(?:A|Answer)\s*[:.]\s*", re.I)
# "Asked by NAME on DATE", "Answered by the seller · DATE", "By NAME on DATE" (an answer's)
_SIGNED = re.compile(r"^(?:(?P<verb>asked|answered|replied|responded|submitted|posted)\s+)?by\s+"
                     r"(?P<who>[^\u00b7\u2022|,]{1,60}?)(?:(?:\s+on\s+|\s*[,|\u00b7\u2022]\s*|"
                     r"\s+[-\u2013\u2014]\s+)(?P<date>.{1,40}))?$", re.I)
_ASKED_VERBS = frozenset({"asked", "submitted", "posted"})
_ANSWERED_VERBS = frozenset({"answered", "replied", "responded", "posted"})
_MAX_SIGNER_WORDS = 6
# Furniture under a question or an answer: votes, "Report", links to more questions; a line
# may print several ("Helpful? Yes (31) No (2) Report", "Upvote | Reply").
_FURNITURE_ITEM = (r"(?:\d[\d,]*\s+(?:of\s+\d[\d,]*\s+)?(?:people|persons?|customers?|shoppers?)\s+"
                   r"found\s+this\s+(?:answer\s+)?(?:helpful|useful)\.?|(?:was\s+this\s+(?:answer\s+)?"
                   r"helpful\??|helpful\??)(?:\s*(?:yes|no)\s*\(?\d*\)?)*|(?:yes|no)\s*\(\d+\)|report"
                   r"(?:\s+(?:abuse|this|answer|question))?|(?:see|show|view)\s+(?:all|more)\b.{0,40}|"
                   r"answer\s+this\s+question|ask\s+a\s+question|\d[\d,]*\s+answers?|reply|"
                   r"(?:up|down)vote)")
_FURNITURE = re.compile(rf"^{_FURNITURE_ITEM}(?:\s*[|\u00b7\u2022]?\s*{_FURNITURE_ITEM})*$", re.I)
# A line classed as the votes' or the actions' box ("vote", "qa-helpful", "answer-feedback").
_FURNITURE_WORDS = frozenset({"vote", "votes", "voting", "helpful", "helpfulness", "feedback",
                              "report", "actions"})
# A badge printed after a signer's name ("<span class="badge-seller">Seller</span>", "Staff",
# "Brand representative"): who they are, not their name.
_BADGE = re.compile(r"badge", re.I)
_MAX_BADGE_WORDS = 4
_BLOCKS = frozenset({"p", "div", "li", "ul", "ol", "section", "article", "header", "footer", "dl",
                     "dt", "dd", "blockquote", "table", "tr", "td", "figure", *HEADINGS})
_NAME_WORDS = frozenset({*AUTHOR_WORDS, "nickname", "name", "author-name", "user-nickname"})
_DATE_WORDS = frozenset({"date", "time", "timestamp", "datetime", "published"})


@dataclass(frozen=True)
class ShopQA:
    """The questions and answers as comments, and whether they come before the page's other
    comments (a shop's reviews)."""

    comments: tuple[FoundComment, ...]
    ahead: bool


@dataclass(frozen=True)
class _Part:
    """A question's or an answer's text, who signed it and when."""

    text: str
    who: str | None
    date: str | None
    role: str | None = None  # the badge beside the signer's name: "seller"


def _is_product_page(root: HtmlElement) -> bool:
    return any("Product" in ld_types(obj) for obj in ld_objects(root)) or any(
        (el.get("itemtype") or "").rstrip("/").endswith("schema.org/Product") for el in root.iter()
        if isinstance(el.tag, str)) or any(
        (m.get("property") or "").lower() == "og:type" and (m.get("content") or "").lower()
        in ("product", "og:product", "product.item") for m in root.iter("meta"))


def _is_type(el: HtmlElement, kind: str) -> bool:
    return (el.get("itemtype") or "").rstrip("/").endswith(f"schema.org/{kind}")


def _last_words(el: HtmlElement) -> set[str]:
    """The last part of each class name ("qa-question" -> "question", "jdgm-question__body" ->
    "body"): what the element is, in BEM or plain names."""
    return {re.split(r"[-_]+", n)[-1] for n in (el.get("class") or "").lower().split() if n}


def _has_blocks(el: HtmlElement) -> bool:
    return any(isinstance(d.tag, str) and d.tag in _BLOCKS and text_of(d) for d in el.iterdescendants())


def _outermost(found: list[HtmlElement]) -> list[HtmlElement]:
    ids = set(found)
    return [e for e in found if not any(a in ids for a in e.iterancestors())]


def _question_anchors(region: HtmlElement) -> list[HtmlElement]:
    return _outermost([el for el in iter_elements(region) if el is not region and (
        _is_type(el, "Question") or "question" in _last_words(el)
        or not _has_blocks(el) and bool(_QUESTION_LABEL.match(text_of(el))))])


def _answer_anchors(item: HtmlElement, question: HtmlElement) -> list[HtmlElement]:
    above = set(question.iterancestors())
    return _outermost([el for el in iter_elements(item) if el is not item and el is not question
                       and el not in above and (
        _is_type(el, "Answer") or el.get("itemprop") in ("suggestedAnswer", "acceptedAnswer")
        or "answer" in _last_words(el)
        or not _has_blocks(el) and bool(_ANSWER_LABEL.match(text_of(el))))])


def _box(anchor: HtmlElement, up_to: HtmlElement, others: set[Any]) -> HtmlElement:
    """The largest element around ``anchor`` below ``up_to`` holding no other anchor."""
    box = anchor
    for parent in anchor.iterancestors():
        if parent is up_to or any(d in others for d in parent.iter() if d is not anchor):
            break
        box = parent
    return box


def _is_date(text: str) -> bool:
    return len(text) <= 40 and (parse_date(text) is not None or is_comment_date(text)
                                or is_tiny_date(text))


def _signed(text: str, *, answer: bool) -> tuple[str | None, str | None] | None:
    """(who, date) when ``text`` is a signature line: "Asked by NAME on DATE", "Answered by the
    seller", and for an answer "By NAME on DATE"; else None."""
    m = _SIGNED.match(text) if len(text) <= 120 else None
    verb = (m["verb"] or "").lower() if m else ""
    if m is None or not verb and not (answer and m["date"]) \
            or verb and verb not in (_ANSWERED_VERBS if answer else _ASKED_VERBS):
        return None
    who, date = clean_text(m["who"]), m["date"] and clean_text(m["date"])
    if date and not _is_date(date):
        return None
    if len(who.split()) > _MAX_SIGNER_WORDS or who[-1:] in ".?!" or not verb and not name_ok(who):
        return None
    return who, date


def _units(part: HtmlElement) -> list[HtmlElement]:
    """The part's lines: the outermost elements with text and no block of text inside."""
    return _outermost([el for el in iter_elements(part) if text_of(el) and not _has_blocks(el)
                       and el.tag not in ("script", "style", "button")])


def _marks(unit: HtmlElement) -> tuple[str | None, str | None] | None:
    """(who, date) of a line made of a name and a date in elements marked as such (a widget's
    "<span class=author>NAME</span><span class=datetime-stamp>DATE</span>"), with at most a
    word or two beside them ("by", "on", a dot); else None."""
    who = date = None
    clone = copy.deepcopy(unit)
    marked = []
    for el in clone.iter():
        if el is clone or not isinstance(el.tag, str):
            continue
        text = text_of(el)
        if who is None and (words(el) & _NAME_WORDS or el.get("itemprop") == "author") \
                and 0 < len(text.split()) <= _MAX_SIGNER_WORDS and not _is_date(text):
            who = text
            marked.append(el)
        elif date is None and (el.tag == "time" or words(el) & _DATE_WORDS) and _is_date(text):
            date = text
            marked.append(el)
    drop(marked)
    if not marked or len(_WORD.findall(text_of(clone))) > 2:
        return None
    return who, date


_WORD = re.compile(r"[^\W\d_]{2,}")


def _is_furniture(unit: HtmlElement, part: HtmlElement) -> bool:
    """A line of votes or actions: its words say so ("Helpful? Yes (31) No (2) Report"), or it
    sits in a box classed for them ("vote", "helpful") and is a few words long."""
    if _FURNITURE.match(text_of(unit)):
        return True
    boxes = [unit, *(a for a in unit.iterancestors() if a is not part and part in a.iterancestors())]
    return len(text_of(unit).split()) <= _MAX_FURNITURE_WORDS and any(
        words(b) & _FURNITURE_WORDS for b in boxes)


_MAX_FURNITURE_WORDS = 12


def _is_badge(el: HtmlElement) -> bool:
    text = text_of(el)
    return bool(_BADGE.search(el.get("class") or "")) and 0 < len(text.split()) <= _MAX_BADGE_WORDS \
        and not words(el) & _NAME_WORDS


def _without_badge(unit: HtmlElement) -> tuple[HtmlElement, str | None]:
    """The line without the badge printed in it (a copy), and the badge's words: "Answered by
    <span class=author>NAME</span> <span class=badge-seller>Seller</span> on DATE" is signed
    by NAME, a seller."""
    badges = [el for el in unit.iterdescendants() if isinstance(el.tag, str) and _is_badge(el)]
    if not badges:
        return unit, None
    clone = copy.deepcopy(unit)
    doomed = set(badges)
    drop([c for o, c in zip(unit.iter(), clone.iter(), strict=True) if o in doomed])
    return clone, text_of(badges[0]).lower()


def _read(part: HtmlElement, *, answer: bool) -> _Part | None:
    """A question's or an answer's text (labels, furniture and badges left out), signer, date
    and the signer's badge."""
    label = (_QUESTION_LABEL, _ANSWER_LABEL)[answer]
    texts: list[str] = []
    who = date = role = None
    for unit in _units(part):
        if _is_furniture(unit, part):
            continue
        if _is_badge(unit):  # a badge on a line of its own
            role = role or text_of(unit).lower()
            continue
        el, badge = _without_badge(unit)
        role, text = role or badge, text_of(el)
        signed = _signed(text, answer=answer) or _marks(el)
        if signed is not None:
            who, date = who or signed[0], date or signed[1]
        elif label.fullmatch(text):
            continue
        elif _is_date(text) and (words(el) & _DATE_WORDS or el.tag == "time" or not texts or who):
            date = date or text
        elif words(el) & _NAME_WORDS and len(text.split()) <= _MAX_SIGNER_WORDS and who is None:
            who = text
        else:
            texts.append(label.sub("", text, count=1))
    texts = [t for t in texts if t]
    return _Part("\n".join(texts), who, date, role) if texts else None


def _without(item: HtmlElement, boxes: list[HtmlElement]) -> HtmlElement:
    """A copy of ``item`` without ``boxes`` (its answers)."""
    clone = copy.deepcopy(item)
    doomed = set(boxes)
    drop([c for o, c in zip(item.iter(), clone.iter(), strict=True) if o in doomed])
    return clone


def _trailing(box: HtmlElement, ids: set[Any]) -> list[HtmlElement]:
    """The lines after an answer's box up to the next question or answer, when they sit
    beside it rather than in it (a flat item: "<p class=question>", "<p class=answer>",
    "<p>Answered by NAME on DATE</p>", "<p>8 people found this helpful</p>"): the answer's
    signature and votes."""
    out: list[HtmlElement] = []
    for el in box.itersiblings():
        if not isinstance(el.tag, str):
            continue
        if any(d in ids for d in el.iter()):
            break
        out.append(el)
    return out


def _joined(box: HtmlElement, after: list[HtmlElement]) -> HtmlElement:
    """A copy of ``box`` and the lines ``after`` it, in one element."""
    if not after:
        return box
    joined = box.makeelement("div", {})
    for el in (box, *after):
        part = copy.deepcopy(el)
        part.tail = None
        joined.append(part)
    return joined


def _read_item(item: HtmlElement, question: HtmlElement) -> list[FoundComment]:
    """A question and its answers as comments (the answers replying to the asker)."""
    anchors = _answer_anchors(item, question)
    ids = set(anchors) | {question}
    boxes = [_box(a, item, ids) for a in anchors]
    after = [_trailing(b, ids) for b in boxes]
    asked = _read(_without(item, [*boxes, *(el for els in after for el in els)]), answer=False)
    if asked is None:
        return []
    out = [FoundComment(asked.text, asked.who, asked.date, mark=QUESTION)]
    for box, lines in zip(boxes, after, strict=True):
        said = _read(_joined(box, lines), answer=True)
        if said is not None:
            mark = f"{ANSWER}, {said.role}" if said.role else ANSWER  # "(answer, seller)"
            out.append(FoundComment(said.text, said.who, said.date,
                                    asked.who if said.who != asked.who else None, mark=mark))
    return out


def _region_of(el: HtmlElement) -> HtmlElement | None:
    """The section a Q&A heading heads: its nearest ancestor holding a question."""
    for parent in el.iterancestors():
        if parent.tag in ("body", "html", "main"):
            return None
        if _question_anchors(parent):
            return parent
    return None


def _under(heading: HtmlElement, region: HtmlElement) -> bool:
    """``region`` is the section ``heading`` heads: no other heading of its rank in it."""
    return region.find(".//h1") is None and all(
        h is heading or _HEADING.match(text_of(h)) for h in region.iter(heading.tag))


def _regions(root: HtmlElement, product: bool) -> list[HtmlElement]:
    found: list[HtmlElement] = []
    for el in iter_elements(root):
        if el.tag in HEADINGS and _HEADING.match(text_of(el)) and (
                product or _CUSTOMER_HEADING.match(text_of(el))):
            region = _region_of(el)
            region = region if region is not None and _under(el, region) else None
        elif product and el.tag not in ("body", "html", "main") and any(
                _REGION_NAME.search(n) for n in f"{el.get('class') or ''} {el.get('id') or ''}".split()):
            region = el
        elif product and _is_type(el, "Question"):  # schema.org's items, in a list of their own
            region = el.getparent()
        else:
            continue
        if region is not None and region.find(".//h1") is None and region not in found:
            found.append(region)
    return _outermost(found)


def _day(value: Any) -> str | None:
    return value[:10] if isinstance(value, str) and parse_date(value[:10]) is not None else None


def _declared(root: HtmlElement) -> list[FoundComment]:
    """The questions and answers the page's JSON-LD declares (``Question`` objects with their
    ``acceptedAnswer`` / ``suggestedAnswer``), as comments."""
    out: list[FoundComment] = []
    for obj in ld_objects(root):
        text = clean_text(str(obj.get("text") or obj.get("name") or ""))
        if "Question" not in ld_types(obj) or not text:
            continue
        asker = ld_name(obj.get("author"))
        out.append(FoundComment(text, asker, _day(obj.get("dateCreated")), mark=QUESTION))
        for key in ("acceptedAnswer", "suggestedAnswer"):
            value = obj.get(key)
            for answer in value if isinstance(value, list) else [value]:
                said = clean_text(str(answer.get("text") or "")) if isinstance(answer, dict) else ""
                if said and isinstance(answer, dict):
                    who = ld_name(answer.get("author"))
                    out.append(FoundComment(said, who, _day(answer.get("dateCreated")),
                                            asker if who != asker else None, mark=ANSWER))
    return out


def _printed(root: HtmlElement, declared: list[FoundComment]) -> HtmlElement | None:
    """The section printing the declared questions and answers: the smallest element holding
    every line that prints one, widened over what sits beside it with few words of its own
    (its heading, a "See all" link); None when the page prints none of them."""
    said = {c.text for c in declared}
    lines = [el for el in iter_elements(root) if text_of(el) in said
             or _QUESTION_LABEL.sub("", text_of(el), count=1) in said
             or _ANSWER_LABEL.sub("", text_of(el), count=1) in said]
    if not lines:
        return None
    box = lines[0]
    while box.getparent() is not None and not all(box in ln.iterancestors() or box is ln for ln in lines):
        box = box.getparent()
    while box.getparent() is not None and box.getparent().tag not in ("body", "html", "main") \
            and len(text_of(box.getparent())) - len(text_of(box)) < _BESIDE_CHARS \
            and box.getparent().find(".//h1") is None:
        box = box.getparent()
    return None if box.tag in ("body", "html", "main") or box.find(".//h1") is not None else box


_BESIDE_CHARS = 200


def read_shop_qa(root: HtmlElement) -> ShopQA | None:
    """The page's customer questions with their answers, taken out of the page; None (the
    page untouched) when it has none signed."""
    product = _is_product_page(root)
    out: list[tuple[HtmlElement, list[FoundComment]]] = []
    for region in _regions(root, product):
        anchors = _question_anchors(region)
        ids = set(anchors)
        read = [c for a in anchors for c in _read_item(_box(a, region, ids), a)]
        if any(c.author for c in read):  # signed by an asker or an answerer
            out.append((region, read))
    declared = _declared(root) if product and not out else []
    if any(c.author for c in declared):  # declared, in markup no rule above reads (or none)
        printed = _printed(root, declared)
        if printed is None:
            return ShopQA(tuple(declared), False)
        out.append((printed, declared))
    if not out:
        return None
    order = {el: i for i, el in enumerate(root.iter())}
    first = min(order[r] for r, _ in out)
    ahead = not any(order[r] < first for r in regions(root)
                    if not any(r is q or q in r.iterancestors() or r in q.iterancestors() for q, _ in out))
    drop([r for r, _ in out])
    return ShopQA(tuple(c for _, read in out for c in read), ahead)
