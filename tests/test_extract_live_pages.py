"""Pages of many voices under one headline: a news live blog read update by update (each
opened by its time, signed by its reporter), a social post embedded in a wrapper classed
"social", and a Tumblr reblog with its trail and notes."""

from __future__ import annotations

from assistant.ingest.extract import read_html_page
from assistant.ingest.page import page_sources

CANAL = "".join(f"<p>Sentence number {i} tells the reader something new about the canal and "
                f"its locks, at some length.</p>" for i in range(5))


def _page(body: str, title: str = "Canal day", head: str = ""):
    html = (f"<!doctype html><html><head><title>{title}</title>{head}</head>"
            f"<body>{body}</body></html>")
    return read_html_page(html.encode())


def _texts(page) -> list[str]:
    return [b.text for b in page.blocks]


def test_a_social_post_in_a_wrapper_classed_social_is_quoted_with_who_posted_it():
    tweet = ("<blockquote class='twitter-tweet'><p>Lock 14 reopens to boats on Friday at "
             "noon, a week early.</p>&mdash; Canal Trust North (@CanalTrustN) <a "
             "href='https://twitter.com/x/status/2'>May 2, 2025</a></blockquote>")
    for wrapper in ("embed embed--social", "social-embed"):
        page = _page(f"<article><h1>Canal day</h1>{CANAL}<div class='{wrapper}'>{tweet}</div>"
                     "</article>")
        assert "Lock 14 reopens to boats on Friday at noon, a week early. \u2014 Canal Trust " \
               "North (@CanalTrustN) May 2, 2025" in _texts(page), wrapper


def test_a_share_bar_classed_social_stays_out():
    page = _page(f"<article><h1>Canal day</h1>{CANAL}<div class='social-share'><a href='#'>"
                 "Share on Facebook</a> <a href='#'>Share by e-mail</a></div></article>")
    assert not any("Share" in t for t in _texts(page))
