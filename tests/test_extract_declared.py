"""A page that shows only a skeleton or a teaser, but declares its article in JSON-LD
(``articleBody``), reads as that article; a page whose text is on show reads as before."""

from __future__ import annotations

import json

import pytest

from assistant.errors import PageError
from assistant.ingest.extract import read_html_page
from assistant.ingest.page import page_sources

BODY = [
    "The harbour board voted on Thursday to close the north slipway for eleven weeks while "
    "engineers replace the timber piles that hold up its lower end.",
    "Repairs will cost about 310,000 pounds, the board said, and most of it will come from the "
    "port's maintenance reserve rather than from mooring fees.",
    "\u201cWe would rather lose one summer than lose the slipway,\u201d said the harbour master, "
    "Odile Brack, after the meeting. Fishing crews will use the south ramp until the work ends.",
    "A survey in March found rot in nine of the forty piles, two of them cracked right through "
    "below the waterline, according to the board's report.",
]


def _page(shown: str, body: object, *, extra_head: str = "") -> bytes:
    data = {"@context": "https://schema.org", "@type": "NewsArticle",
            "headline": "Harbour board closes the north slipway",
            "author": {"@type": "Person", "name": "Ines Marlow"},
            "datePublished": "2025-03-06T09:00:00Z", "articleBody": body}
    return (
        "<!doctype html><html><head><title>Harbour board closes the north slipway</title>"
        f'<script type="application/ld+json">{json.dumps(data)}</script>{extra_head}</head>'
        '<body><header><a class="logo" href="/">The Coast Ledger</a></header>'
        f"<main>{shown}</main><footer>Copyright 2025 The Coast Ledger</footer></body></html>"
    ).encode()


def _posts(page) -> list[str]:
    return [s.text for s in page_sources(page) if s.kind == "post"]


SKELETON = ('<h1>Harbour board closes the north slipway</h1>'
            '<p class="teaser">The slipway closes for eleven weeks.</p>'
            '<div class="placeholder">Loading story\u2026</div>')


def test_a_skeleton_page_reads_the_article_its_json_ld_declares():
    page = read_html_page(_page(SKELETON, "\n\n".join(BODY)))
    assert _posts(page) == BODY
    assert page.author == "Ines Marlow"
    assert not any("Loading story" in text for text in _posts(page))


def test_a_declared_body_in_html_is_read_by_its_paragraphs():
    html_body = "".join(f"<p>{text}</p>" for text in BODY)
    assert _posts(read_html_page(_page(SKELETON, html_body))) == BODY


def test_a_page_with_no_visible_paragraph_but_a_declared_body_is_no_error():
    page = read_html_page(_page('<div id="__next"></div>', "\n".join(BODY)))
    assert _posts(page) == BODY


def test_a_page_that_shows_its_text_keeps_its_own_paragraphs_and_headings():
    shown = ("<article><h1>Harbour board closes the north slipway</h1>"
             f"<p>{BODY[0]}</p><p>{BODY[1]}</p><h2>What the crews say</h2>"
             f"<p>{BODY[2]}</p><p>{BODY[3]}</p></article>")
    page = read_html_page(_page(shown, " ".join(BODY)))
    posts = [s for s in page_sources(page) if s.kind == "post"]
    assert [s.text for s in posts] == BODY
    assert "What the crews say" in posts[2].label


def test_a_short_declared_body_is_a_description_not_the_article():
    with pytest.raises(PageError):
        read_html_page(_page('<div id="__next"></div>', "The slipway closes for eleven weeks."))


@pytest.mark.parametrize("script", ["{not json", "[1, 2", '{"articleBody": 42}'])
def test_a_broken_json_ld_script_is_skipped(script):
    shown = f"<article><h1>Harbour board closes the north slipway</h1><p>{BODY[0]}</p></article>"
    page = read_html_page(_page(shown, "", extra_head=(
        f'<script type="application/ld+json">{script}</script>')))
    assert _posts(page) == [BODY[0]]
