"""Links: fetched from a local server with limits; every failure is a clear message and
leaves the library unchanged."""

from __future__ import annotations

import pytest

from assistant.errors import FetchError
from assistant.ingest.fetch import fetch
from assistant.ingest.read import read_source

from .local_site import local_site


@pytest.fixture(scope="module")
def site():
    with local_site() as base:
        yield base


def test_a_page_is_fetched_and_read_as_html(site):
    got = read_source(f"{site}/wordpress.html")
    assert got.kind == "html" and got.page.author == "Maren Ashdown"
    assert got.url == f"{site}/wordpress.html"


def test_redirects_are_followed_and_the_final_link_kept(site):
    got = fetch(f"{site}/redirect")
    assert got.final_url == f"{site}/wordpress.html" and got.media_type == "text/html"


def test_plain_text_is_read_in_the_text_layout(site):
    got = read_source(f"{site}/notes.txt")
    assert (got.kind, got.page.title, got.page.author) == ("text", "Tide tables for beginners",
                                                           "Ann Lee")


@pytest.mark.parametrize("path, message", [
    ("/missing", "404"),
    ("/error", "500"),
    ("/image.png", "image/png, not a web page"),
    ("/huge", r"6\.0 MB; the limit is 5 MB"),
    ("/endless", "over 5 MB"),
    ("/loop/0", "redirects more than 5 times"),
])
def test_bad_links_get_a_clear_error(site, path, message):
    with pytest.raises(FetchError, match=message):
        fetch(site + path)


def test_a_link_that_does_not_answer_in_time(site):
    with pytest.raises(FetchError, match="did not answer within 0.5 s"):
        fetch(f"{site}/slow", timeout=0.5)


@pytest.mark.parametrize("link", ["ftp://example.org/x", "http://", "https:///path"])
def test_not_a_web_link(link):
    with pytest.raises(FetchError, match="web link"):
        fetch(link)


def test_nothing_listens(site):
    with pytest.raises(FetchError, match="could not fetch"):
        fetch("http://127.0.0.1:9/", timeout=2)
