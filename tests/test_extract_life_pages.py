"""Pages of everyday life read as a reader sees them: a professional network's article with
its comment cards (name, badge, headline, nested replies), an obituary with its guestbook,
an event listing and a newsletter sent by e-mail, with the ordinary pages they must leave
alone."""

from __future__ import annotations

from assistant.ingest.extract import read_html_page
from assistant.ingest.page import COMMENT

STORY = "".join(f"<p>Paragraph {i} of the story tells how the cannery on the quay reopened as "
                f"a bakery, and what the town thought of it.</p>" for i in range(4))


def _page(body: str, title: str = "The cannery bakery", head: str = ""):
    html = (f"<!doctype html><html><head><title>{title}</title>{head}</head>"
            f"<body>{body}</body></html>")
    return read_html_page(html.encode())


def _comments(page):
    return [b for b in page.blocks if b.kind == COMMENT]


def _card(name: str, headline: str, when: str, text: str, badge: str = "",
          replies: str = "", reply: bool = False) -> str:
    kind = "comments-comment-item comments-reply-item" if reply else "comments-comment-item"
    return (f'<article class="{kind}"><div class="comments-post-meta">'
            f'<span class="comments-post-meta__name-text">{name}</span>'
            + (f'<span class="comments-post-meta__author-badge">{badge}</span>' if badge else "")
            + f'<span class="comments-post-meta__headline">{headline}</span>'
            f'<time class="comments-comment-item__timestamp">{when}</time></div>'
            f'<div class="comments-comment-item__main-content"><span dir="ltr">{text}</span></div>'
            '<div class="comments-comment-social-bar"><button>Like</button> · <button>Reply'
            '</button> <span>· 4 Reactions</span></div>'
            + (f'<div class="comments-replies-list">{replies}</div>' if replies else "")
            + "</article>")


NETWORK = ('<main><article class="reader-article"><h1>The cannery bakery</h1>'
           f'<div class="reader-article-content">{STORY}</div></article>'
           '<section class="comments-comments-list"><h3>Comments</h3>'
           + _card("Odile Marchetti", "Baker at Quayside Loaves", "3w",
                   "Did the old ovens survive the conversion, or did you buy new ones?",
                   replies=_card("Rory Quill", "Owner at The Cannery Bakery", "3w",
                                 "Odile, two of the four ovens were kept and relined.",
                                 badge="Author", reply=True))
           + _card("Bev Tanaka", "Planning Officer", "6d",
                   "The change of use took eleven months to approve, which is quick for us.")
           + "</section></main>")


def test_a_network_comments_nested_reply_is_read_replying_to_its_parent():
    found = _comments(_page(NETWORK))
    assert [c.author for c in found] == ["Odile Marchetti", "Rory Quill", "Bev Tanaka"]
    reply = found[1]
    assert reply.reply_to == "Odile Marchetti" and reply.date == "3w"
    assert "two of the four ovens were kept" in reply.text and "Author" not in reply.text


def test_a_commenters_headline_is_the_comments_first_line():
    found = _comments(_page(NETWORK))
    assert found[0].text.splitlines() == [
        "Baker at Quayside Loaves",
        "Did the old ovens survive the conversion, or did you buy new ones?"]
    # a two-word job title is no name: the comment stays its commenter's
    assert found[2].author == "Bev Tanaka" and found[2].text.startswith("Planning Officer\n")


def _entry(name: str, town: str, relation: str, when: str, text: str) -> str:
    return ('<div class="guestbook-entry">'
            f'<p class="entry-text">{text}</p>'
            f'<p class="entry-sign"><span class="entry-name">{name}</span>, '
            f'<span class="entry-town">{town}</span>'
            + (f' <span class="entry-relation">({relation})</span>' if relation else "")
            + f'</p><p class="entry-date">{when}</p></div>')


GUESTBOOK = ('<main><section class="obit-text"><h1>Tobias Crane</h1>' + STORY + '</section>'
             '<section id="memories" class="guestbook"><h2>Share a memory</h2>'
             '<form class="guestbook-form"><textarea></textarea><button>Post</button></form>'
             + _entry("Maude Fenwick", "Kettering", "neighbour", "3 March 2025",
                      "He mended every bicycle on our street and never took a penny for it.")
             + _entry("Ivo and Lena Sands", "Corby", "", "5 March 2025",
                      "We will miss his whistling on the morning walk past the allotments.")
             + "</section></main>")


def test_an_obituarys_guestbook_entries_are_comments_signed_and_dated():
    found = _comments(_page(GUESTBOOK, title="Tobias Crane Obituary"))
    assert [(c.author, c.date) for c in found] == [("Maude Fenwick", "3 March 2025"),
                                                  ("Ivo and Lena Sands", "5 March 2025")]
    # the town and the relationship stay in the entry's text, its signature as printed
    assert found[0].text.splitlines() == [
        "He mended every bicycle on our street and never took a penny for it.",
        "Maude Fenwick, Kettering (neighbour)"]
