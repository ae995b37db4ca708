"""A name the page marks as an author inside a sentence is a word of that sentence, and not
the page's author; a byline marked the same way still names the page's author."""

from __future__ import annotations

from assistant.ingest.extract import read_html_page
from assistant.ingest.page import page_sources


def _page(middle: str) -> str:
    return ('<html><head><title>Spring meeting of the orchard trust</title></head><body><article>'
            '<h1>Spring meeting of the orchard trust</h1>' + middle +
            '<p>Members met in the cider barn to agree the grafting days for the season and to '
            'count the trees lost in the February gales.</p>'
            '<p>The next meeting falls in June, when the trust will choose which of the old '
            'varieties to propagate for the village school.</p></article></body></html>')


def test_a_name_marked_as_an_author_inside_a_sentence_keeps_its_place():
    page = read_html_page(_page('<p>The grafting plan was drawn up by <span class="author">'
                                'Ottoline Brash</span> after a walk round every row.</p>'))
    texts = [s.text for s in page_sources(page) if s.kind == "post"]
    assert "The grafting plan was drawn up by Ottoline Brash after a walk round every row." in texts


def test_a_name_in_a_sentence_is_not_the_pages_author():
    page = read_html_page(_page('<p>Question put by <span class="author">Ottoline Brash</span> '
                                'on 4 April 2024: may members bring their own rootstock?</p>'))
    assert page.author is None
    assert any("Ottoline Brash on 4 April 2024" in s.text for s in page_sources(page))


def test_a_byline_marked_as_an_author_still_names_the_pages_author():
    page = read_html_page(_page('<p class="byline">By <span class="author">Ottoline Brash'
                                '</span></p>'))
    assert page.author == "Ottoline Brash"
