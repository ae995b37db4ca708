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


OBITUARY = ('<main><section class="obit-hero"><h1 class="obit-name">Tobias Crane</h1>'
            '<div class="obit-dates"><span class="obit-born">3 May 1941</span> &ndash; '
            '<span class="obit-died">9 January 2025</span></div></section>'
            f'<section class="obit-text">{STORY}</section></main>')


def test_an_obituarys_life_dates_are_text_not_its_publication_date():
    page = _page(OBITUARY, title="Tobias Crane Obituary")
    assert page.date is None and page.byline is None  # no "Published 9 January 2025"
    assert "3 May 1941 \u2013 9 January 2025" in [b.text for b in page.blocks]


def test_an_obituary_declaring_its_publication_that_day_keeps_it():
    head = '<meta property="article:published_time" content="2025-01-09T10:00:00Z">'
    page = _page(OBITUARY, title="Tobias Crane Obituary", head=head)
    assert page.date is not None and "2025" in page.date


EVENT_HEAD = ('<meta property="event:start_time" content="2025-09-20T10:00:00+01:00">'
              '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
              '"Event", "name": "Apple Day", "startDate": "2025-09-20T10:00:00+01:00"}</script>')


def test_an_events_start_is_not_its_publication_date():
    body = ('<main><h1>Apple Day at the cannery</h1><section class="date-and-time"><h2>Date and '
            'time</h2><p class="date-info">Saturday, September 20 \u00b7 10am - 4pm</p></section>'
            f'<section class="event-description">{STORY}</section></main>')
    page = _page(body, title="Apple Day at the cannery", head=EVENT_HEAD)
    assert page.date is None and page.byline is None
    assert "Saturday, September 20 \u00b7 10am - 4pm" in [b.text for b in page.blocks]


def test_an_events_printed_date_is_its_byline_as_printed():
    body = ('<main><article class="eventitem"><h1>Apple Day at the cannery</h1>'
            '<time class="event-date" datetime="2025-09-20">September 20, 2025</time>'
            f'{STORY}</article></main>')
    page = _page(body, title="Apple Day at the cannery", head=EVENT_HEAD)
    assert page.date is None and page.byline == "September 20, 2025"


def test_a_news_story_declaring_its_date_keeps_it_beside_an_event():
    head = ('<meta property="article:published_time" content="2025-09-20T08:00:00Z">'
            + EVENT_HEAD)
    body = ('<main><article><h1>Apple Day at the cannery</h1>'
            '<time class="published" datetime="2025-09-20">September 20, 2025</time>'
            f'{STORY}</article></main>')
    page = _page(body, title="Apple Day at the cannery", head=head)
    assert page.date == "September 20, 2025"


def _cell(inner: str) -> str:
    """A block of an e-mail's layout: tables in tables, the text in the innermost cell."""
    return ('<table class="mcnTextBlock"><tbody><tr><td class="mcnTextBlockInner"><table '
            'class="mcnTextContentContainer"><tbody><tr><td valign="top" class="mcnTextContent">'
            f'{inner}</td></tr></tbody></table></td></tr></tbody></table>')


BUTTON = ('<table class="mcnButtonBlock"><tr><td><table class="mcnButtonContentContainer"><tr>'
          '<td><a class="mcnButton" href="/hire">Reserve a slot</a></td></tr></table></td></tr>'
          '</table>')


def _mailing(preheader: str, signed: str) -> str:
    return ('<center><table id="bodyTable"><tr><td id="bodyCell"><table class="templateContainer">'
            + (f'<tr><td id="templatePreheader">{_cell(preheader)}</td></tr>' if preheader else "")
            + '<tr><td id="templateBody">'
            + _cell("<h1>Summer news</h1><p>Dear members,</p>" + STORY)
            + _cell('<h2>Coming up</h2><table class="eventsTable"><tr><td><strong>Sat 7 June'
                    '</strong></td><td>Jam-making morning at the hut</td></tr><tr><td><strong>Sun '
                    '6 July</strong></td><td>Scarecrow contest, 2pm</td></tr></table>')
            + BUTTON
            + _cell("<p>See you at the hut.</p><p>Imogen Barrow<br>Newsletter Editor, Quayside "
                    f"Growers<br>Tel. 01632 960 777</p>{signed}")
            + "</td></tr></table></td></tr></table></center>")


def _lines(page) -> list[str]:
    return [b.text for b in page.blocks]


def test_a_data_table_in_a_layout_cell_is_read_a_row_a_line():
    page = _page(_mailing("", ""), title="Summer news")
    assert "Sat 7 June | Jam-making morning at the hut" in _lines(page)
    assert "Sun 6 July | Scarecrow contest, 2pm" in _lines(page)


def test_an_emails_web_copy_is_signed_by_its_sign_off_without_its_furniture():
    preheader = ('Summer News 2025 &middot; <a href="https://example.org/c/1">View this email in '
                 'your browser</a>')
    page = _page(_mailing(preheader, ""), title="Summer news")
    assert page.author == "Imogen Barrow"
    assert page.byline and page.byline.startswith("Imogen Barrow, Newsletter Editor, Quayside Growers")
    lines = _lines(page)
    assert not any("View this email" in t or t == "Reserve a slot" for t in lines)
    assert not any(t.startswith(("Imogen Barrow", "Newsletter Editor", "Tel.")) for t in lines)
    assert "See you at the hut." in lines


def test_a_page_that_is_no_emails_copy_keeps_its_last_paragraph():
    page = _page(_mailing("", ""), title="Summer news")
    assert page.author is None
    assert any(t.startswith("Imogen Barrow") for t in _lines(page))


def test_a_byline_under_a_later_heading_signs_that_section_only():
    """A club's bulletin gathers pieces by several members: "Report by NAME" right under a
    section's heading says who wrote that section, and is kept as printed; the sections
    before and after it are not theirs."""
    body = ('<main><article><h1>Autumn bulletin</h1><p class="byline">By Sal Okoro</p>'
            '<h2>News</h2><p>The hut has a new roof, fitted by six volunteers over two weekends '
            'in September.</p>'
            '<h2>Outing to the lakes</h2><p><em>Report by Dev Malhotra</em></p>'
            '<p>Fourteen of us took the early train and walked the shore path to the old mill '
            'before lunch.</p>'
            '<h2>Dates</h2><p>The quiz night is on Friday 7 November in the upstairs room of '
            'the Anchor.</p></article></main>')
    page = _page(body, title="Autumn bulletin")
    by = {b.text[:20]: (b.heading, b.author) for b in page.blocks}
    assert by["Report by Dev Malhot"] == ("Outing to the lakes", "Dev Malhotra")
    assert by["Fourteen of us took "] == ("Outing to the lakes", "Dev Malhotra")
    assert by["The hut has a new ro"] == ("News", None)
    assert by["The quiz night is on"] == ("Dates", None)
    assert page.author == "Sal Okoro"  # the page's own byline is still the page's
    assert not any(b.text == "By Sal Okoro" for b in page.blocks)


def test_an_emails_hidden_preview_line_marks_it_as_an_email_signed_by_its_sign_off():
    """An HTML e-mail hides its inbox preview line at the top of its body (styled
    ``display:none``, ``mso-hide:all``): the body is an e-mail's, so its last paragraph, a name
    over a role and a phone number, signs it rather than heading a section of its own."""
    hidden = ('<div style="display: none; max-height: 0px; overflow: hidden; mso-hide: all;">'
              'Jam-making, the scarecrow contest and hut hire</div>')
    signed = ('<p>See you at the hut.</p><p><strong>Imogen Barrow</strong><br>Newsletter Editor, '
              'Quayside Growers<br>01632 960 777</p>')
    page = _page(hidden + f'<table><tr><td><h1>Summer news</h1><p>Dear members,</p>{STORY}'
                 f'<h2>Hut hire</h2><p>The hut can be hired for parties on Saturdays.</p>{signed}'
                 '</td></tr></table>', title="Summer news")
    assert page.author == "Imogen Barrow"
    assert page.byline and page.byline.startswith("Imogen Barrow, Newsletter Editor")
    assert not any(b.heading == "Imogen Barrow" or b.text.startswith("Imogen Barrow")
                   for b in page.blocks)
    assert not any("scarecrow contest" in b.text for b in page.blocks)
    # shown, the same box is no preview line: a page's text
    page = _page(hidden.replace("display: none; ", "") + "<table><tr><td><h1>Summer news</h1>"
                 f"<p>Dear members,</p>{STORY}{signed}</td></tr></table>", title="Summer news")
    assert page.author is None
