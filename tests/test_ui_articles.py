"""The chat's article picker and "Add an article" panel, without a browser: the picker lists
the bundled article first, adding a page or pasted text selects it, and the conversation,
the article panel, the examples and the sheets follow the chosen article."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from assistant import ui
from assistant.library import Library
from assistant.ui_articles import add_article, article_choices, header_html

from .test_archive import blink_mhtml, safari

PAGES = Path(__file__).parent / "fixtures" / "pages"
WORDPRESS = PAGES / "wordpress-threaded-comments" / "page.html"


@pytest.fixture
def library(assistant, tmp_path) -> Library:
    return Library(replace(assistant.settings, library_dir=tmp_path / "lib"), bundled=assistant)


def _fn(page, name):
    return next(f for f in page.fns.values() if f.name == name).fn


def test_picker_lists_the_bundled_article_first(library):
    first = article_choices(library)[0]
    assert first == ("New treatment for osteoporosis? (built in)", library.bundled_id)
    added = library.add_source(str(WORDPRESS)).info
    assert article_choices(library)[1] == (f"{added.title} \u2014 Maren Ashdown", added.id)


def test_adding_an_upload_or_pasted_text(library, tmp_path):
    message, new_id = add_article(library, str(WORDPRESS), None)
    assert new_id and message.startswith("Added \u201cHot pavement")
    again, same = add_article(library, str(WORDPRESS), None)
    assert same == new_id and again.startswith("Already in the library")
    message, pasted_id = add_article(library, None, "Tide tables\n\nBy Ann Lee\n\nHigh tide "
                                                    "comes about every twelve hours.")
    assert pasted_id == "tide-tables" and "Ann Lee" in message


@pytest.mark.parametrize("name", ["pond.mhtml", "pond.webarchive"])
def test_a_page_saved_as_one_file_is_added(library, tmp_path, name):
    path = tmp_path / name
    path.write_bytes(blink_mhtml() if name.endswith("mhtml") else safari())
    message, new_id = add_article(library, str(path), None)
    assert new_id and message.startswith("Added \u201cWhy the pond froze from the top")


@pytest.mark.parametrize("content, words", [
    (b"", "empty"),
    (b"\x00\x01\x02\x03" * 500, "binary"),
    (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "no article text"),
])
def test_bad_uploads_get_a_message_and_add_nothing(library, tmp_path, content, words):
    path = tmp_path / "page.html"
    path.write_bytes(content)
    message, new_id = add_article(library, str(path), None)
    assert new_id is None and message.startswith("Not added") and words in message
    assert library.added() == []


def test_an_upload_over_5_mb_is_refused_with_the_limit(library, tmp_path):
    path = tmp_path / "big.html"
    with path.open("wb") as fh:
        fh.truncate(6 * 1024 * 1024)
    message, new_id = add_article(library, str(path), None)
    assert new_id is None and "6.0 MB; the limit is 5 MB" in message


def test_nothing_chosen(library):
    message, new_id = add_article(library, None, "   ")
    assert new_id is None and "paste" in message


def test_header_escapes_the_title_and_links_only_web_addresses(library):
    from assistant.library import ArticleInfo

    info = ArticleInfo("x", "<script>alert(1)</script>", author="<b>Eve</b>",
                       url="javascript:alert(2)")
    html = header_html(info)
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;Eve" in html
    assert "javascript:" not in html


def test_the_chat_follows_the_chosen_article(assistant, library, tmp_path):
    added = library.add_source(str(WORDPRESS)).info
    page = ui.build_ui(assistant, library=library, download_dir=tmp_path / "dl")
    switched = _fn(page, "switch")(added.id)
    question, chat, article, turns, _md, _csv, header, starters = switched
    assert chat == [] and turns == []
    assert "Hot pavement" in header and "Maren Ashdown" in header
    assert "Tobias Wren" in article and "osteoporosis" not in article
    assert ["Who wrote this article?"] in starters.constructor_args["samples"]

    out = _fn(page, "respond")("How many gardens were in the study?", list(ui.FILTERS), [],
                               added.id)
    turns = out[3]
    answer = turns[-1].answer
    ids = {s.id for s in library.get(added.id).sources()}
    assert all(q.source.id in ids for q in (*answer.quotes, *answer.closest))
    md = Path(out[4].value["path"]).read_text(encoding="utf-8")
    assert "Hot pavement" in md and "**By:** Maren Ashdown" in md
    assert "smallwingsnotes.org" in md

    back = _fn(page, "switch")(library.bundled_id)
    assert "osteoporosis" in back[2] and back[1] == []


def test_a_removed_article_gives_a_friendly_reply(assistant, library, tmp_path):
    added = library.add_source(str(WORDPRESS)).info
    page = ui.build_ui(assistant, library=library, download_dir=tmp_path / "dl")
    library.remove(added.id)
    out = _fn(page, "respond")("Who wrote it?", list(ui.FILTERS), [], added.id)
    assert "not available" in out[3][-1].error


def test_article_text_is_shown_as_text(assistant, library, tmp_path):
    html_page = (b"<html><head><title>Tricky &lt;b&gt; page</title></head><body><article>"
                 b"<h1>Tricky &lt;b&gt; page</h1><p>Write &lt;img src=x onerror=alert(1)&gt; "
                 b"in a comment box and see what a careless site does with it, the tutorial "
                 b"says, and then explains why escaping matters.</p></article></body></html>")
    path = tmp_path / "tricky.html"
    path.write_bytes(html_page)
    _, new_id = add_article(library, str(path), None)
    page = ui.build_ui(assistant, library=library, download_dir=tmp_path / "dl")
    out = _fn(page, "switch")(new_id)
    assert "<img src=x" not in out[2] and "&lt;img src=x onerror=alert(1)&gt;" in out[2]
    assert "<b>" not in out[6]
