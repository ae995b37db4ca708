"""The article's text as the page declares it to search engines: schema.org's ``articleBody``
in a JSON-LD script, read when the page shows little more than a teaser.

A page built by JavaScript (Next.js, Nuxt, a news site's app shell), saved or fetched before
its scripts ran, shows a skeleton: a logo, a teaser, "Loading story...". Many such pages still
declare the whole article in ``<script type="application/ld+json">`` for search engines
(``NewsArticle``/``BlogPosting``/``Article`` with ``articleBody``), and so do pages that fold
their text behind a "Read more" or a paywall. That text is the page's own, so an answer quoted
from it is still the article's words. It is used only when it is much longer than what the page
shows (``use_declared``); a page whose text is on show reads as before.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from typing import Any

import lxml.html
from lxml.html import HtmlElement

from . import dom

log = logging.getLogger(__name__)

MAX_SCRIPT_CHARS = 2_000_000  # a JSON-LD script longer than this is not read
MIN_WORDS = 60  # a declared body shorter than this is a description, not the article
SHOWN_SHARE = 0.5  # the page shows less than this share of the declared body's words
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\r\n\s*\r\n")
_LINE_BREAK = re.compile(r"(?<!\s)\s*\n\s*")
_TAG = re.compile(r"<(?:p|br|div|h[1-6]|li|ul|ol|blockquote)\b[^>]*>", re.I)
_TEXT_TAGS = ("p", *dom.HEADINGS, "li", "blockquote")


def _objects(value: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    """Every JSON object in a JSON-LD value (``@graph`` lists, nested ``mainEntity``...)."""
    if depth > 8:
        return
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from _objects(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            yield from _objects(item, depth + 1)


def _paragraphs(body: str) -> list[str]:
    """A declared body -> its paragraphs: an HTML body by its block elements, a plain one by
    its blank lines (or its line breaks, when it has no blank line)."""
    if _TAG.search(body):
        try:
            holder = lxml.html.fragment_fromstring(body, create_parent="div")
        except (ValueError, lxml.etree.ParserError):
            return []
        found = [dom.clean_text(el.text_content()) for el in holder.iter(*_TEXT_TAGS)
                 if not any(a.tag in _TEXT_TAGS for a in el.iterancestors())]
        return [text for text in found if text]
    parts = _PARAGRAPH_BREAK.split(body) if _PARAGRAPH_BREAK.search(body) else _LINE_BREAK.split(body)
    return [text for text in (dom.clean_text(part) for part in parts) if text]


def ld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    """Every object the page's JSON-LD scripts declare (a broken script is skipped, never an
    error)."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = script.text or ""
        if not raw.strip() or len(raw) > MAX_SCRIPT_CHARS:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            log.debug("a JSON-LD script that does not parse", exc_info=True)
            continue
        yield from _objects(data)


def ld_types(obj: dict[str, Any]) -> set[str]:
    """The types a JSON-LD object declares (its ``@type``, one or a list)."""
    kind = obj.get("@type")
    return {k for k in (kind if isinstance(kind, list) else [kind]) if isinstance(k, str)}


def ld_name(who: Any) -> str | None:
    """A JSON-LD person's name (an object's ``name``, or a bare string), cleaned; None if none."""
    name = who.get("name") if isinstance(who, dict) else who
    return dom.clean_text(name) or None if isinstance(name, str) else None


def article_body(tree: HtmlElement) -> list[str]:
    """The paragraphs of the longest ``articleBody`` the page's JSON-LD declares; [] if none
    (or none that parses)."""
    best: list[str] = []
    best_words = 0
    for obj in ld_objects(tree):
        body = obj.get("articleBody")
        if not isinstance(body, str):
            continue
        paragraphs = _paragraphs(body)
        words = sum(len(p.split()) for p in paragraphs)
        if words > best_words:
            best, best_words = paragraphs, words
    return best


def use_declared(shown_words: int, declared: list[str]) -> bool:
    """Whether the declared body should stand for the article: it is an article's length and
    the page shows less than half of it (a teaser, a skeleton, a folded or paywalled text)."""
    words = sum(len(p.split()) for p in declared)
    return words >= MIN_WORDS and shown_words < SHOWN_SHARE * words
