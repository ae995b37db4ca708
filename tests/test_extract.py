"""Saved pages of common platforms -> the article's sources, checked against each fixture's
expected.json: title, byline, paragraphs, headings, captions, references, comments (authors,
dates) and no page furniture in any source."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from assistant.errors import PageError
from assistant.ingest.dom import parse_date
from assistant.ingest.extract import read_html_page
from assistant.ingest.page import page_sources
from assistant.text import sentence_spans

PAGES = Path(__file__).parent / "fixtures" / "pages"
FIXTURES = sorted(p.name for p in PAGES.iterdir() if (p / "expected.json").is_file()) \
    if PAGES.is_dir() else []


def _read(name: str):
    page = read_html_page((PAGES / name / "page.html").read_bytes(), f"{name}/page.html")
    expected = json.loads((PAGES / name / "expected.json").read_text(encoding="utf-8"))
    return page, page_sources(page), expected


def test_there_are_at_least_five_fixture_pages():
    assert len(FIXTURES) >= 5, FIXTURES


@pytest.mark.parametrize("name", FIXTURES)
def test_title_author_and_date(name):
    page, sources, expected = _read(name)
    assert page.title == expected["title"]
    assert page.author == expected["author"]
    assert parse_date(page.date or "") == date.fromisoformat(expected["date"]), page.date
    byline = next(s for s in sources if s.kind == "byline")
    assert expected["author"] in byline.text
    # "Who wrote this?" and "When?" can be cited from the post itself.
    for s in sources:
        if s.kind in ("title", "post"):
            assert (s.author, s.date) == (page.author, page.date)


@pytest.mark.parametrize("name", FIXTURES)
def test_paragraphs_and_headings(name):
    _, sources, expected = _read(name)
    posts = [s for s in sources if s.kind == "post"]
    assert len(posts) >= expected["paragraphs_min"]
    sections = {s.section for s in posts}
    for heading in expected["headings"]:
        assert heading in sections, f"no paragraph under {heading!r}: {sections}"
    text = "\n".join(s.text for s in sources)
    for phrase in expected["must_contain"]:
        assert phrase in text, phrase


@pytest.mark.parametrize("name", FIXTURES)
def test_captions_and_references(name):
    _, sources, expected = _read(name)
    captions = [s.text for s in sources if s.kind == "caption"]
    assert len(captions) == len(expected["captions"])
    for want, got in zip(expected["captions"], captions, strict=True):
        assert want in got
    references = " ".join(s.text for s in sources if s.kind == "reference")
    for want in expected["references"]:
        assert want in references
    if not expected["references"]:
        assert not references


@pytest.mark.parametrize("name", FIXTURES)
def test_comments_with_authors_and_dates(name):
    _, sources, expected = _read(name)
    comments = [s for s in sources if s.kind == "comment"]
    assert [(c.author, c.date) for c in comments] == \
        [(c["author"], c["date"]) for c in expected["comments"]]
    for want, got in zip(expected["comments"], comments, strict=True):
        assert want["text_contains"] in got.text


@pytest.mark.parametrize("name", FIXTURES)
def test_no_furniture_in_any_source(name):
    _, sources, expected = _read(name)
    for s in sources:
        for phrase in expected["must_not_contain"]:
            assert phrase not in s.text, f"{phrase!r} in {s.id}"
            assert phrase not in s.label


def _html(body: str, title: str = "A test page") -> bytes:
    return (f"<!doctype html><html><head><title>{title}</title></head>"
            f"<body>{body}</body></html>").encode()


PARAGRAPHS = "".join(f"<p>Paragraph {i} says something about gardens and the bees that visit "
                     f"them in the long afternoons of summer.</p>" for i in range(1, 5))


def test_scripts_and_styles_never_become_text():
    page = read_html_page(_html(f"<article><h1>Bees</h1>{PARAGRAPHS}"
                                "<script>alert('owned'); var secret = 1;</script>"
                                "<style>p {{ color: red }}</style>"
                                "<noscript>Enable JavaScript to see more</noscript></article>"))
    text = " ".join(s.text for s in page_sources(page))
    assert "alert" not in text and "color: red" not in text and "Enable JavaScript" not in text
    assert "Paragraph 4 says" in text


def test_markup_in_text_stays_text():
    page = read_html_page(_html(f"<article><h1>Bees</h1>{PARAGRAPHS}"
                                "<p>Write &lt;script&gt;alert(1)&lt;/script&gt; to test a page, "
                                "the tutorial says, in the middle of a long paragraph.</p></article>"))
    assert any("<script>alert(1)</script>" in s.text for s in page_sources(page))


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"   \n\n  ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
    (_html("<nav><a href='/'>Home</a> <a href='/about'>About</a></nav>"), "no article text"),
    (_html("<script>document.write('hello')</script>"), "no"),
])
def test_pages_without_an_article_are_refused_with_the_reason(data, message):
    with pytest.raises(PageError, match=message):
        read_html_page(data, "page.html")


RIVER = "".join(f"<p>Sentence number {i} tells the reader something new about the river and "
                f"its old mills, at some length.</p>" for i in range(5))


def test_a_plain_page_without_classes_or_title_tag():
    page = read_html_page(f"<html><body><h1>River mills</h1>{RIVER}</body></html>".encode())
    assert page.title == "River mills"
    assert [b.kind for b in page.blocks] == ["paragraph"] * 5
    assert (page.author, page.date) == (None, None)


def test_a_subtitle_under_the_title_of_a_page_without_an_article_element_is_kept():
    """A newsletter post: no <article>, the subtitle printed between the <h1> and the body."""
    page = read_html_page((
        '<html><body><div class="topbar"><a href="/">Marsh Notes</a></div><div class="post">'
        '<h1 class="post-title">The quiet return of the night heron</h1>'
        '<h3 class="subtitle">Three pairs nested at Eddon Fen this spring</h3>'
        f'<div class="body markup">{RIVER}</div></div></body></html>').encode())
    texts = [b.text for b in page.blocks if b.kind == "paragraph"]
    assert texts[0] == "Three pairs nested at Eddon Fen this spring"
    assert texts.count(texts[0]) == 1 and len(texts) == 6


def _post(cls: str, who: str, when: str, text: str) -> str:
    return (f'<div class="{cls}"><div class="post-author"><strong>{who}</strong><br>'
            f'<span class="joined">Joined: 2019</span></div><div class="post-date">Posted {when}</div>'
            f'<div class="post-text"><p>{text}</p></div></div>')


FORUM = ('<html><head><title>Kiln firing schedule for stoneware? - Clay Talk</title></head><body>'
         '<div id="crumbs"><a href="/">Clay Talk</a> &raquo; <a href="/f/kilns">Kilns</a></div>'
         '<div class="topic"><h1>Kiln firing schedule for stoneware?</h1>'
         + _post("post first-post", "mossbank_pots", "12 March 2025, 9:14 pm",
                 "I have just bought a second-hand electric kiln and want to glaze-fire stoneware "
                 "to cone 6. Several of my test tiles came out pinholed. What schedule do people use?")
         + _post("post", "Gwen Talbot", "13 March 2025, 7:02 am",
                 "Pinholes usually mean gases are still escaping when the glaze seals over. Slow "
                 "the last 100 degrees to about 60 degrees an hour and add a 15 minute hold.")
         + _post("post", "kilnfolk", "13 March 2025, 12:40 pm",
                 "Also check your bisque. I bisque to cone 04 over ten hours.")
         + '</div><div class="reply-box"><textarea></textarea></div></body></html>')


def test_a_forum_thread_is_its_opening_post_signed_by_who_started_it_and_replies():
    page = read_html_page(FORUM.encode())
    assert (page.title, page.author, page.date) == (
        "Kiln firing schedule for stoneware?", "mossbank_pots", "12 March 2025, 9:14 pm")
    assert [b.kind for b in page.blocks] == ["paragraph", "comment", "comment"]
    assert page.blocks[0].text.startswith("I have just bought a second-hand electric kiln")
    assert "Joined" not in page.blocks[0].text
    assert [(b.author, b.date) for b in page.blocks[1:]] == [
        ("Gwen Talbot", "13 March 2025, 7:02 am"), ("kilnfolk", "13 March 2025, 12:40 pm")]
    assert page.blocks[1].text.startswith("Pinholes usually mean")


def _phpbb_post(number: int, who: str, joined: str, posted: str, iso: str, text: str,
                subject: str = "Re: Kiln firing schedule for stoneware?") -> str:
    """A post as phpBB's prosilver theme prints it: the member's profile (rank, join date)
    beside the post, whose class says it has one."""
    return (f'<div id="p{number}" class="post has-profile bg{1 + number % 2}"><div class="inner">'
            f'<dl class="postprofile"><dt><a href="/u/{who}" class="username">{who}</a></dt>'
            f'<dd class="profile-rank">Member</dd><dd class="profile-joined"><strong>Joined:'
            f'</strong> {joined}</dd></dl><div class="postbody"><div id="post_content{number}">'
            f'<h3 class="first"><a href="#p{number}">{subject}</a></h3><p class="author"><span>by '
            f'<strong><a href="/u/{who}" class="username">{who}</a></strong> &raquo; </span>'
            f'<time datetime="{iso}">{posted}</time></p><div class="content">{text}</div>'
            '</div></div></div></div><hr class="divider">')


PHPBB = ('<html><head><title>Kiln firing schedule for stoneware? - Clay Talk Forum</title></head>'
         '<body><div id="page-header"><h1>Clay Talk Forum</h1><p>Potters helping potters</p></div>'
         '<div id="page-body"><h2 class="topic-title"><a href="/t/12">Kiln firing schedule for '
         'stoneware?</a></h2>'
         + _phpbb_post(1, "mossbank_pots", "Tue Feb 17, 2026 6:22 pm", "Sat Oct 03, 2026 8:14 pm",
                       "2026-10-03T20:14:00", "I have just bought a second-hand electric kiln "
                       "and want to glaze-fire stoneware to cone 6. It came with a controller "
                       "but no manual, and the seller had only ever fired earthenware in it."
                       "<br>\n<br>\nSeveral of my test tiles came out pinholed, mostly the "
                       "darker glazes on the thicker pieces. The clay is a buff stoneware from "
                       "the local supplier. What schedule do people use?",
                       "Kiln firing schedule for stoneware?")
         + _phpbb_post(2, "gwen_t", "Mon Jun 01, 2015 9:00 am", "Sun Oct 04, 2026 7:02 am",
                       "2026-10-04T07:02:00", '<blockquote><cite>mossbank_pots wrote:</cite>'
                       "Several of my test tiles came out pinholed.</blockquote>"
                       "Slow the last 100 degrees to about 60 degrees an hour.")
         + _phpbb_post(3, "kilnfolk", "Wed Mar 02, 2022 1:00 pm", "Sun Oct 04, 2026 12:40 pm",
                       "2026-10-04T12:40:00", "I bisque to cone 04 over ten hours.")
         + '</div></body></html>')


def test_a_phpbb_thread_reads_its_opening_post_its_title_and_when_each_post_was_written():
    """Not the forum's name (its <h1>), not the date a member joined (in the profile beside
    each post), and a reply's own words without the post it quotes."""
    page = read_html_page(PHPBB.encode())
    assert (page.title, page.author, page.date) == (
        "Kiln firing schedule for stoneware?", "mossbank_pots", "Sat Oct 03, 2026 8:14 pm")
    assert [b.kind for b in page.blocks] == ["paragraph", "paragraph", "comment", "comment"]
    assert page.blocks[0].text.startswith("I have just bought a second-hand electric kiln")
    assert page.blocks[1].text.startswith("Several of my test tiles came out pinholed")
    assert page.blocks[1].text.endswith("What schedule do people use?")
    assert [(b.author, b.date, b.text) for b in page.blocks[2:]] == [
        ("gwen_t", "Sun Oct 04, 2026 7:02 am",
         "Slow the last 100 degrees to about 60 degrees an hour."),
        ("kilnfolk", "Sun Oct 04, 2026 12:40 pm", "I bisque to cone 04 over ten hours.")]


def test_a_forum_reply_that_quotes_a_post_replies_to_its_writer():
    """phpBB's "<cite>mossbank_pots wrote:</cite>" over the quote (XenForo's ``data-author``
    on the ``<blockquote>``) names whom the reply answers; a reply quoting no one answers no
    one in particular."""
    page = read_html_page(PHPBB.encode())
    assert [(b.author, b.reply_to) for b in page.blocks if b.kind == "comment"] == [
        ("gwen_t", "mossbank_pots"), ("kilnfolk", None)]
    xenforo = PHPBB.replace("<blockquote><cite>mossbank_pots wrote:</cite>",
                            '<blockquote data-author="mossbank_pots"><div>')
    xenforo = xenforo.replace("pinholed.</blockquote>", "pinholed.</div></blockquote>")
    page = read_html_page(xenforo.encode())
    assert [b.reply_to for b in page.blocks if b.kind == "comment"] == ["mossbank_pots", None]


def test_a_title_that_puts_the_sites_name_first_keeps_the_articles_heading():
    """"The Ledger | River mills": the site's name before the page's own heading is not the
    title, as a forum's thread title before the forum's name is."""
    page = read_html_page(("<html><head><title>The Ledger | River mills</title></head><body>"
                           '<div class="logo">The Ledger</div><article>'
                           f"<h1>River mills</h1>{RIVER}</article></body></html>").encode())
    assert page.title == "River mills"


def test_a_thread_whose_posts_alternate_two_classes_keeps_every_reply():
    """prosilver colours posts "bg1" and "bg2" in turn: every post shares "post", and the
    thread is all of them, however Python orders a set of class words (the hash seed)."""
    import subprocess
    import sys
    code = ("import sys; from tests.test_extract import PHPBB; "
            "from assistant.ingest.extract import read_html_page; "
            "print(sum(b.kind == 'comment' for b in read_html_page(PHPBB.encode()).blocks))")
    root = Path(__file__).parent.parent
    counts = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             cwd=root, env={**os.environ, "PYTHONHASHSEED": str(seed)},
                             check=True).stdout.strip() for seed in range(6)}
    assert counts == {"2"}


def _se_card(action: str, when: str, who: str | None = None) -> str:
    person = (f'<div class="user-details" itemprop="author" itemscope><a href="/u/1">{who}</a>'
              f'<span class="d-none" itemprop="name">{who}</span><div class="-flair"><span '
              'class="reputation-score">211</span></div></div>') if who else ""
    return (f'<div class="post-signature"><div class="user-info"><div class="user-action-time">'
            f'{action} <span class="relativetime">{when}</span></div>{person}</div></div>')


def _se_answer(body: str, *cards: str) -> str:
    return (f'<div class="answer" itemprop="suggestedAnswer" itemscope><div class="answercell">'
            f'<div class="s-prose js-post-body" itemprop="text">{body}</div><div class="menu">'
            '<a href="/edit">Improve this answer</a></div>' + "".join(cards) + "</div></div>")


STACK_EXCHANGE = (
    '<html><head><title>Why does my starter smell of acetone? - Seasoned Advice</title></head>'
    '<body><div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question">'
    '<h1 itemprop="name">Why does my starter smell of acetone?</h1><div class="question">'
    '<div class="s-prose js-post-body" itemprop="text"><p>I keep a rye starter at about 27 '
    'degrees and feed it once a day at 1:1:1.</p><p>Ten hours after each feeding it smells '
    'strongly of acetone. Is it dying?</p></div>' + _se_card("asked", "Mar 2, 2024 at 18:40",
                                                          "Ilse Vandermeer")
    + '</div><div id="answers">'
    + _se_answer("<p>It is hungry, not dying. Try one of two things:</p><ul><li>feed at 1:5:5"
                 "</li><li>keep it cooler, around 21 degrees.</li></ul>",
                 _se_card("answered", "Mar 3, 2024 at 9:12", "Hannah Oyelaran"))
    + _se_answer("<p>Check your water too: chloramine in tap water can upset a starter.</p>",
                 _se_card("edited", "Mar 4, 2024 at 16:41"),
                 _se_card("answered", "Mar 4, 2024 at 16:20", "breadhead_92"))
    + "</div></div></body></html>")


def test_a_stack_exchange_question_is_signed_by_its_asker_and_its_answers_kept_whole():
    """The asker's card names the post's author; an answer's list is its words too; an answer
    edited after it was written is dated and signed by its "answered" card."""
    page = read_html_page(STACK_EXCHANGE.encode())
    assert page.author == "Ilse Vandermeer"
    assert [(b.author, b.date, b.text) for b in page.blocks if b.kind == "comment"] == [
        ("Hannah Oyelaran", "Mar 3, 2024 at 9:12",
         "It is hungry, not dying. Try one of two things:\nfeed at 1:5:5\nkeep it cooler, "
         "around 21 degrees."),
        ("breadhead_92", "Mar 4, 2024 at 16:20",
         "Check your water too: chloramine in tap water can upset a starter.")]


def test_signed_teasers_beside_an_article_are_not_a_thread():
    teasers = "".join(f'<div class="card"><span class="author">Ann Roe</span> <time>{d} May 2024'
                      f'</time><p>A short teaser {d}.</p></div>' for d in (3, 4, 5))
    page = read_html_page((f"<html><body><article><h1>River mills</h1>{RIVER}</article>"
                           f'<aside class="related">{teasers}</aside></body></html>').encode())
    assert [b.kind for b in page.blocks] == ["paragraph"] * 5  # no comments, nothing dropped


def test_schema_org_comments_and_no_post_date_taken_from_them():
    html = f"""<html><head><title>River mills</title></head><body><article><h1>River mills</h1>
      {RIVER}</article><section id="comments">
      <div itemprop="comment" itemscope itemtype="https://schema.org/Comment">
        <span itemprop="author">Jo Bloggs</span>
        <time itemprop="dateCreated" datetime="2024-01-02">2 January 2024</time>
        <div itemprop="text"><p>I grew up near the mill on the east bank, and it was still
        grinding in the seventies.</p></div></div>
      <div itemprop="comment" itemscope itemtype="https://schema.org/Comment">
        <span itemprop="author">Sam Lee</span>
        <time itemprop="dateCreated" datetime="2024-01-03">3 January 2024</time>
        <div itemprop="text"><p>Lovely piece, thank you for the history of the weir.</p></div>
      </div></section></body></html>"""
    page = read_html_page(html.encode())
    comments = [(b.author, b.date) for b in page.blocks if b.kind == "comment"]
    assert comments == [("Jo Bloggs", "2 January 2024"), ("Sam Lee", "3 January 2024")]
    assert page.date is None  # a comment's date is not the post's


def test_a_references_section_and_no_post_date_taken_from_a_citation():
    html = f"""<html><head><title>River mills</title></head><body><article>
      <h1>River mills</h1>{RIVER}<h2>References</h2><ol>
      <li>Smith J. Mills of the north. Northern History 12: 1-20, 1999.</li>
      <li>Doe A, Roe B. Water power. 2001. doi:10.1000/xyz</li></ol></article></body></html>"""
    page = read_html_page(html.encode())
    refs = [b.text for b in page.blocks if b.kind == "reference"]
    assert refs == ["Smith J. Mills of the north. Northern History 12: 1-20, 1999.",
                    "Doe A, Roe B. Water power. 2001. doi:10.1000/xyz"]
    assert page.date is None


@pytest.mark.parametrize("text, low", [
    ("+1", True),
    ("Thanks!", True),
    ("see here: https://example.com/deal", True),
    ("$214k for bags with magnets in them. Amazing.", False),
    ("My son says the same thing about his school.", False),
])
def test_a_comment_is_low_content_only_when_it_says_next_to_nothing(text, low):
    """A short comment that makes a point is quoted and its author asked about; "+1" is not."""
    from assistant.ingest.page import Block, is_low_content

    assert is_low_content(Block("comment", text, author="Dale K", date="16 Sep 2025")) is low


def test_a_last_updated_line_is_kept_in_the_byline():
    """"When was this page last updated?" is answered from the byline, as the page prints it."""
    html = f"""<html><head><title>River mills</title>
      <meta property="article:published_time" content="2025-05-19T09:00:00+01:00"></head>
      <body><article><h1>River mills</h1>
      <p class="byline">By <a class="author-name" href="/people/jo">Jo Bloggs</a></p>
      <p class="last-updated">Last updated: <time datetime="2026-10-14">14 October 2026</time></p>
      {RIVER}</article></body></html>"""
    page = read_html_page(html.encode())
    byline = [s for s in page_sources(page) if s.kind == "byline"][0]
    assert byline.text.endswith("; Last updated: 14 October 2026"), byline.text
    assert page.date == "2025-05-19"  # the post's date stays the published one
    assert all("Last updated" not in b.text for b in page.blocks)


def test_the_posts_date_keeps_the_weekday_the_page_prints_before_it():
    """"What date is this from?" is answered as the page prints the day: "Friday 6 March
    2026", not "6 March 2026"."""
    html = f"""<html><head><title>Canal closure</title>
      <meta property="article:published_time" content="2026-03-06T07:10:00+00:00"></head>
      <body><article><h1>Canal closure</h1>
      <p class="byline">By <a class="author-name" href="/people/lena">Lena Marsh</a></p>
      <p><time class="published" datetime="2026-03-06T07:10:00+00:00">Friday 6 March 2026,
      07:10 GMT</time></p>{RIVER}</article></body></html>"""
    page = read_html_page(html.encode())
    assert page.date == "Friday 6 March 2026"
    assert page.byline == "By Lena Marsh, Friday 6 March 2026"


def test_an_update_stamp_giving_only_a_time_is_kept_in_the_byline():
    """A page updated through the day (a live blog) stamps the time of its last update beside
    its date, "Updated 19:05 GMT": "When was the page last updated?" is answered from it."""
    html = f"""<html><head><title>Canal closure live</title>
      <meta property="article:published_time" content="2026-03-06T07:10:00+00:00"></head>
      <body><article><h1>Canal closure live</h1>
      <p class="byline">By <a class="author-name" href="/people/lena">Lena Marsh</a></p>
      <p class="dates"><time class="published" datetime="2026-03-06T07:10:00+00:00">6 March
      2026, 07:10 GMT</time> <span class="updated">Updated <time
      datetime="2026-03-06T19:05:00+00:00">19:05 GMT</time></span></p>
      {RIVER}</article></body></html>"""
    page = read_html_page(html.encode())
    byline = [s for s in page_sources(page) if s.kind == "byline"][0]
    assert byline.text.endswith("; Updated 19:05 GMT"), byline.text
    assert page.date == "6 March 2026"  # the post's date stays the published one
    assert all("Updated" not in b.text for b in page.blocks)


@pytest.mark.parametrize("line", [
    "<p class='review-date'>Page last reviewed: 12 May 2024<br>Next review due: 12 May 2027</p>",
    "<div id='footer-info'>This page was last edited on 11 January 2025, at 16:22 (UTC).</div>",
], ids=["reviewed", "edited"])
def test_a_pages_only_date_saying_when_it_changed_is_not_its_publication(line):
    html = (f"<html><head><title>Shingles</title></head><body><article><h1>Shingles</h1>"
            f"{RIVER}{line}</article></body></html>")
    page = read_html_page(html.encode())
    assert page.date is None
    # the next review date under the review line stays with it in the byline
    assert page.byline in ("Page last reviewed: 12 May 2024; Next review due: 12 May 2027",
                           "This page was last edited on 11 January 2025, at 16:22 (UTC).")


def test_a_nested_reply_is_labelled_with_the_comment_it_answers():
    """WordPress threads replies in ``ol.children`` under the comment they answer."""
    def comment(name, day, text, children=""):
        return (f'<li class="comment"><article class="comment-body"><footer class="comment-meta">'
                f'<cite class="fn">{name}</cite> <time datetime="2024-03-{day:02d}">{day} March 2024'
                f'</time></footer><div class="comment-content"><p>{text}</p></div></article>'
                f'{children}</li>')
    thread = comment("Martin Oyelaran", 14, "Have you tried an IBC tank for more storage?",
                     '<ol class="children">' + comment(
                         "Rosalind Petch", 15, "I looked at one, but our rules limit the size.",
                         '<ol class="children">' + comment(
                             "Martin Oyelaran", 16, "Fair enough, the rules are the rules.") + "</ol>")
                     + "</ol>")
    html = f"""<html><head><title>River mills</title></head><body><article><h1>River mills</h1>
      {RIVER}</article><div id="comments" class="comments-area"><ol class="comment-list">
      {thread}{comment("Tom Briggs", 17, "Great guide, we did the same at our plot.")}
      </ol></div></body></html>"""
    labels = [s.label for s in page_sources(read_html_page(html.encode())) if s.kind == "comment"]
    assert labels == ["Reader comment by Martin Oyelaran, 14 March 2024",
                      "Reader comment by Rosalind Petch, 15 March 2024, replying to Martin Oyelaran",
                      "Reader comment by Martin Oyelaran, 16 March 2024, replying to Rosalind Petch",
                      "Reader comment by Tom Briggs, 17 March 2024"]


def test_a_reply_classed_as_a_reply_keeps_its_own_words_and_never_takes_its_parents():
    """``<li class="comment reply">`` is a reader's reply, not a "Reply" link: its words are its
    own. A reply whose words cannot be told apart is left out rather than given its parent's."""
    def comment(cls, name, day, text, children=""):
        return (f'<li class="{cls}"><div class="comment-meta"><span class="comment-author">{name}'
                f'</span> <time datetime="2024-05-{day:02d}T20:15:00+01:00">{day} May 2024</time>'
                f'</div><div class="comment-body"><p>{text}</p></div>{children}</li>')
    reply = comment("comment reply", "Geoff Tanner", 23, "Solar panels won't help with heating "
                    "bills though, the schools heat with gas.")
    html = f"""<html><head><title>River mills</title></head><body><article><h1>River mills</h1>
      {RIVER}</article><section class="comments" id="comments"><ol class="comment-list">
      {comment("comment", "Lorna McBride", 22, "About time, the heating bills cut the club.",
               f'<ol class="children">{reply}</ol>')}
      {comment("comment", "Priyanka Deol", 24, "Councillor Hale has a point about the roofs.")}
      </ol></section></body></html>"""
    got = [(b.author, b.text, b.reply_to) for b in read_html_page(html.encode()).blocks
           if b.kind == "comment"]
    assert got == [
        ("Lorna McBride", "About time, the heating bills cut the club.", None),
        ("Geoff Tanner", "Solar panels won't help with heating bills though, the schools heat "
                         "with gas.", "Lorna McBride"),
        ("Priyanka Deol", "Councillor Hale has a point about the roofs.", None),
    ]
    # a reply marked only by a word the reader takes for meta: dropped, not given Lorna's words
    unmarked = html.replace('class="comment reply"', 'class="reply"')
    got = [(b.author, b.text) for b in read_html_page(unmarked.encode()).blocks
           if b.kind == "comment"]
    assert ("Geoff Tanner", "About time, the heating bills cut the club.") not in got
    assert got[0] == ("Lorna McBride", "About time, the heating bills cut the club.")


def test_a_comment_whose_replies_sit_inside_it_keeps_its_own_words():
    """A theme that nests replies in the comment's own element (header, text, then
    ``div.comment-replies``) still gives the parent comment its words, and the reply its own."""
    def comment(cid, name, day, text, replies=""):
        return (f'<div class="comment" id="{cid}"><div class="comment-header"><span '
                f'class="comment-author">{name}</span> <time datetime="2026-02-0{day}">{day} '
                f'February 2026</time></div><div class="comment-text"><p>{text}</p></div>'
                f'<a class="reply-link" href="#">Reply</a>{replies}</div>')
    reply = comment("c2", "Ann Roe", 4, "It needs a USB-C port, so probably not without an adapter.")
    html = f"""<html><head><title>River mills</title></head><body><article><h1>River mills</h1>
      {RIVER}</article><section class="comments" id="comments">
      {comment("c1", "Rashid Oyelaran", 4, "Does it work with older phones? Mine is five years old.",
               f'<div class="comment-replies">{reply}</div>')}
      {comment("c3", "Mei Lin", 5, "We borrowed one from the library instead of buying it.")}
      </section></body></html>"""
    got = [(s.label, s.text) for s in page_sources(read_html_page(html.encode()))
           if s.kind == "comment"]
    assert got == [
        ("Reader comment by Rashid Oyelaran, 4 February 2026",
         "Does it work with older phones? Mine is five years old."),
        ("Reader comment by Ann Roe, 4 February 2026, replying to Rashid Oyelaran",
         "It needs a USB-C port, so probably not without an adapter."),
        ("Reader comment by Mei Lin, 5 February 2026",
         "We borrowed one from the library instead of buying it."),
    ]


def test_a_widget_nesting_a_reply_beside_its_parents_words_credits_each_their_own():
    """A comment widget (Commento's shape) that prints the name in a header with no author
    class, and nests a reply beside its parent's words: the parent's words are not its name,
    and the reply's words are not its parent's."""
    def card(cid, name, when, text, children=""):
        kids = f'<div class="widget-children" id="children-{cid}">{children}</div>' if children else ""
        return (f'<div class="widget-card" id="card-{cid}"><div class="widget-header">'
                f'<div class="widget-avatar">{name[0]}</div><div class="widget-name">{name}</div>'
                f'<div class="widget-score">3 points</div><div class="widget-timeago" '
                f'title="{when}">2 weeks ago</div></div><div class="widget-contents">'
                f'<div class="widget-text"><p>{text}</p></div>{kids}</div></div>')
    reply = card("b", "Iain Carrow", "Mon Jun 03 2024 18:40:51 GMT+0100",
                 "Lena, the ruler trick deserves a post of its own.")
    thread = (card("a", "Lena Fairweather", "Mon Jun 03 2024 09:14:02 GMT+0100",
                   "I went down the fine grit rabbit hole for a year and my planing did not "
                   "improve.", reply)
              + card("c", "Mark Ostrowski", "Sat Jun 08 2024 21:02:33 GMT+0100",
                     "On figured maple I do see a difference above 1000 grit."))
    html = (f"<html><head><title>River mills</title></head><body><article><h1>River mills</h1>"
            f'{RIVER}</article><div id="comments-area">{thread}</div></body></html>')
    got = [(b.author, b.text, b.reply_to) for b in read_html_page(html.encode()).blocks
           if b.kind == "comment"]
    assert got == [
        ("Lena Fairweather", "I went down the fine grit rabbit hole for a year and my planing "
                             "did not improve.", None),
        ("Iain Carrow", "Lena, the ruler trick deserves a post of its own.", "Lena Fairweather"),
        ("Mark Ostrowski", "On figured maple I do see a difference above 1000 grit.", None),
    ]


def _signed_comments(comments: list[tuple[str, str, str]]) -> list[tuple]:
    """(author, date) of the comments read from the river page with ``comments`` (who, the
    element printing the date, what they said) under it."""
    items = "".join(f'<div class="comment"><span class="comment-author">{who}</span> {when}'
                    f"<p>{text}</p></div>" for who, when, text in comments)
    page = read_html_page((f"<html><body><article><h1>River mills</h1>{RIVER}</article>"
                           f'<section class="comments"><h2>3 comments</h2>{items}</section>'
                           "</body></html>").encode())
    return [(b.author, b.date) for b in page.blocks if b.kind == "comment"]


def test_comments_dated_without_a_year_or_relative_to_the_visit_are_kept():
    def date(shown: str) -> str:
        return f'<span class="comment-date">{shown}</span>'
    assert _signed_comments([
        ("lena_k", date("2 days ago"), "I grew up by the east mill and miss its wheel."),
        ("Mark Evans", date("Jun 4"), "The weir was rebuilt in the sixties, not the fifties."),
        ("Ola Berg", date("May 8, 2024 at 10:12 am"), "Is the mill museum open on Sundays?"),
    ]) == [("lena_k", "2 days ago"), ("Mark Evans", "Jun 4"),
           ("Ola Berg", "May 8, 2024 at 10:12 am")]


def test_a_relative_comment_date_gives_way_to_the_full_date_the_element_holds():
    def ago(attr: str) -> str:
        return f'<a class="time-ago" {attr}>5 months ago</a>'
    assert _signed_comments([
        ("Pete Walsh", ago('title="Tuesday, June 4, 2024 10:12 AM"'), "Were they water-powered?"),
        ("Ann Roe", ago('datetime="2024-06-05T09:00:00Z"'), "My grandfather was a miller."),
        ("Sam Lee", ago(""), "Lovely piece on the weir."),
    ]) == [("Pete Walsh", "June 4, 2024"), ("Ann Roe", "2024-06-05"), ("Sam Lee", "5 months ago")]


def test_a_relative_comment_date_wrapped_in_a_span_takes_the_full_date_of_the_link_inside():
    def ago(title: str) -> str:  # Disqus: <span class="post-meta"><a title=...>an hour ago</a>
        return f'<span class="post-meta"><a class="time-ago" href="#c" title="{title}">an hour ago</a></span>'
    assert _signed_comments([
        ("QuaysideQueenie", ago("Saturday, March 16, 2024 8:05 PM"), "Marsh has to start."),
        ("millbrook_mike", ago("Saturday, March 16, 2024 8:31 PM"), "That was never a penalty."),
    ]) == [("QuaysideQueenie", "March 16, 2024"), ("millbrook_mike", "March 16, 2024")]


def test_a_mediawiki_pages_edit_links_leave_its_headings_and_references_section_alone():
    def head(tag: str, name: str) -> str:
        return (f'<{tag}><span class="mw-headline">{name}</span><span class="mw-editsection">'
                f'<span class="mw-editsection-bracket">[</span><a href="?action=edit">edit</a>'
                f'<span class="mw-editsection-bracket">]</span></span></{tag}>')
    html = f"""<html><head><title>River mills</title></head><body><article>
      <h1>River mills</h1>{head("h2", "History")}{RIVER}{head("h2", "References")}<ol class="references">
      <li>Smith J. Mills of the north. Northern History 12: 1-20, 1999.</li>
      <li>Doe A, Roe B. Water power. 2001. doi:10.1000/xyz</li></ol></article></body></html>"""
    page = read_html_page(html.encode())
    assert {b.heading for b in page.blocks if b.kind == "paragraph"} == {"History"}
    assert [b.text for b in page.blocks if b.kind == "reference"] == [
        "Smith J. Mills of the north. Northern History 12: 1-20, 1999.",
        "Doe A, Roe B. Water power. 2001. doi:10.1000/xyz"]
    assert "edit" not in " ".join(b.text for b in page.blocks)


@pytest.mark.parametrize("head, author", [
    ("", None),  # only a teaser in the box beside the article names anyone
    ('<meta name="author" content="Ruth Kaye">', "Ruth Kaye"),
], ids=["only in a teaser", "in the page's metadata"])
def test_a_name_in_a_related_posts_teaser_is_not_the_posts_author(head, author):
    teasers = ('<div class="related-posts"><h3>You might also like</h3>'
               '<div class="post-teaser"><a href="/x">Saving tomato seeds</a>'
               '<p class="author">by Greta Lind</p></div></div>')
    html = (f"<html><head><title>River mills</title>{head}</head><body><div id='content'>"
            f"<h1>River mills</h1>{RIVER}</div>{teasers}</body></html>")
    page = read_html_page(html.encode())
    assert page.author == author
    assert all("Greta Lind" not in b.text for b in page.blocks)


def test_a_figure_after_a_list_is_captioned_after_the_lists_last_item():
    html = ("<html><body><article><h1>How to bleed a radiator</h1><p>If the top of a radiator "
            "stays cold while the bottom is hot, air is trapped inside it.</p><ol>"
            "<li>Turn the heating off and wait thirty minutes for it to cool.</li>"
            "<li>Turn the key a quarter turn until water, not air, comes out.</li></ol>"
            "<figure><img src='v.jpg'><figcaption>The bleed valve sits at the top corner."
            "</figcaption></figure><p>Check the boiler pressure afterwards, at 1 to 1.5 bar.</p>"
            "</article></body></html>")
    page = read_html_page(html.encode())
    assert [b.kind for b in page.blocks] == ["paragraph"] * 3 + ["caption", "paragraph"]


def test_a_byline_printed_as_plain_text_atop_the_post_names_its_author():
    html = ("<html><head><title>Notes from the allotment</title></head><body><div id='main'>"
            "<h2>Notes from the allotment</h2><div class='post'>Posted by Gwen Hale on 3 March "
            "2023<br><br>The broad beans I sowed in November came through the frost with only two "
            "losses.<br><br>The first early potatoes are chitting on the kitchen windowsill, "
            "Swift and Rocket this year.<br><br>The water butts are full after the February rain."
            "</div></div></body></html>")
    page = read_html_page(html.encode())
    assert (page.author, page.date, page.byline) == (
        "Gwen Hale", "3 March 2023", "Posted by Gwen Hale on 3 March 2023")
    assert all("Posted by" not in b.text for b in page.blocks)


@pytest.mark.parametrize("printed, author", [
    ("<span>Interview by </span><a class='profile'><span>Tom Hadley</span></a>", "Tom Hadley"),
    ("<span>Words by Ruth Kaye</span>", "Ruth Kaye"),
    ("", "Clay Lines"),  # a one-person site may be signed by its own name: nothing says otherwise
], ids=["interview by", "words by", "no printed byline"])
def test_a_metadata_author_that_is_the_sites_name_gives_way_to_the_printed_byline(printed,
                                                                                   author):
    # Squarespace puts the site's name in <meta itemprop="author">
    html = ("<html><head><title>River mills - Clay Lines</title><meta property='og:site_name' "
            "content='Clay Lines'><meta itemprop='author' content='Clay Lines'></head><body>"
            "<header><a href='/'>Clay Lines</a></header><article><h1>River mills</h1>"
            f"<div class='blog-item-meta'><div class='author-name'>{printed}</div>"
            "<time datetime='2025-02-06'>6 February 2025</time></div>"
            f"{RIVER}</article></body></html>")
    page = read_html_page(html.encode())
    assert page.author == author
    if printed:
        assert page.byline.endswith(f"by {author}, 6 February 2025")


def test_a_standfirst_of_key_points_keeps_each_point_apart():
    html = ("<html><head><title>Storm Orla</title></head><body><article><h1>Storm Orla</h1>"
            "<div class='standfirst'><ul><li>Amber wind warning extended to 11pm</li>"
            "<li>All ferry crossings to the islands cancelled</li><li>Police urge people not "
            f"to travel</li></ul></div><div class='article-body'>{RIVER}</div></article>"
            "</body></html>")
    texts = [b.text for b in read_html_page(html.encode()).blocks]
    assert texts[:3] == ["Amber wind warning extended to 11pm",
                         "All ferry crossings to the islands cancelled",
                         "Police urge people not to travel"]
    assert sum("ferry crossings" in t for t in texts) == 1


@pytest.mark.parametrize("source", [
    "<cite>Anjali Rao, library manager</cite>",
    "<footer>\u2014 <cite>Anjali Rao, library manager</cite></footer>",
], ids=["cite", "footer"])
def test_a_pull_quote_keeps_who_said_it(source):
    html = ("<html><head><title>The library reopens</title></head><body><article>"
            f"<h1>The library reopens</h1>{RIVER}<blockquote class='pullquote'><p>\u201cPeople "
            "kept asking when they could come back. It was never a question of whether."
            f"\u201d</p>{source}</blockquote>{RIVER}</article></body></html>")
    texts = [b.text for b in read_html_page(html.encode()).blocks]
    assert "\u201cPeople kept asking when they could come back. It was never a question of " \
           "whether.\u201d \u2014 Anjali Rao, library manager" in texts


def test_a_gallerys_captions_stay_in_page_order():
    figures = "".join(f"<figure><img src='{i}.jpg' alt=''><figcaption>Photo {i} of the "
                      f"restored reading room.</figcaption></figure>" for i in (1, 2, 3))
    html = ("<html><head><title>The library reopens</title></head><body><article>"
            f"<h1>The library reopens</h1>{RIVER}<div class='gallery'>{figures}</div>"
            "<p>The library will open six days a week from Monday.</p></article></body></html>")
    captions = [b.text for b in read_html_page(html.encode()).blocks if b.kind == "caption"]
    assert captions == [f"Photo {i} of the restored reading room." for i in (1, 2, 3)]


@pytest.mark.parametrize("mark, notes", [
    # pandoc / Ghost
    ('<sup id="fnref1"><a href="#fn1" class="footnote-ref">1</a></sup>',
     '<section class="footnotes" role="doc-endnotes"><hr><ol><li id="fn1"><p>Paul Sellers makes '
     'this point well in his video. <a href="#fnref1" class="footnote-back" '
     'role="doc-backlink">\u21a9\ufe0e</a></p></li></ol></section>'),
    # kramdown (Jekyll)
    ('<sup id="fnref:1"><a href="#fn:1" class="footnote" rel="footnote">1</a></sup>',
     '<div class="footnotes" role="doc-endnotes"><ol><li id="fn:1"><p>Paul Sellers makes this '
     'point well in his video.&nbsp;<a href="#fnref:1" class="reversefootnote">&#8617;</a></p>'
     '</li></ol></div>'),
], ids=["pandoc", "kramdown"])
def test_footnotes_read_as_a_reader_sees_them(mark, notes):
    html = ("<html><head><title>Plane irons</title></head><body><article><h1>Plane irons</h1>"
            f"{RIVER}<p>The plane leaves tracks however sharp the bevel is.{mark} You do not "
            f"need the whole back flat, though.</p>{notes}</article></body></html>")
    page = read_html_page(html.encode())
    text = next(b.text for b in page.blocks if "bevel" in b.text)
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "The plane leaves tracks however sharp the bevel is.[1]",
        "You do not need the whole back flat, though."]
    note = next(b for b in page.blocks if "Paul Sellers" in b.text)
    assert (note.text, note.heading) == ("[1] Paul Sellers makes this point well in his video.",
                                         "Notes")


def test_a_wikipedia_references_backlinks_are_not_read():
    html = ("<html><head><title>Kestrel Point</title></head><body><article>"
            f"<h1>Kestrel Point</h1>{RIVER}<h2>References</h2><ol class='references'>"
            "<li id='cite_note-board-1'><span class='mw-cite-backlink'>^ <a href='#cite_ref-b-0'>"
            "<sup><i><b>a</b></i></sup></a> <a href='#cite_ref-b-1'><sup><i><b>b</b></i></sup>"
            "</a></span> <span class='reference-text'>Hendry, Alasdair (1998). Lights of the "
            "Northern Sounds. Carrick Press. pp. 112\u2013118.</span></li></ol></article></body></html>")
    refs = [b.text for b in read_html_page(html.encode()).blocks if b.kind == "reference"]
    assert refs == ["Hendry, Alasdair (1998). Lights of the Northern Sounds. Carrick Press. "
                    "pp. 112\u2013118."]


def test_a_questions_answers_are_read_as_signed_responses():
    """A Q&A page (Stack Exchange's shape): the answers, under ``div#answers``, are signed
    responses; the answerer's name is not run into their reputation ("21.5k")."""
    def answer(name, rep, when, text):
        return (f'<div class="answer"><div class="answercell"><div class="s-prose">'
                f'<p>{text}</p></div><div class="post-signature"><div class="user-info">'
                f'<div class="user-action-time">answered <span title="{when}" '
                f'class="relativetime">Mar 2 at 11:37</span></div><div class="user-details" '
                f'itemprop="author"><a href="/u/1">{name}</a><div class="-flair"><span '
                f'class="reputation-score">{rep}</span></div></div></div></div></div></div>')
    html = ("<html><head><title>Why does my starter smell of acetone?</title></head><body>"
            "<div id='question' class='question'><h1>Why does my starter smell of acetone?</h1>"
            f"{RIVER}</div><div id='answers'><h2>2 Answers</h2>"
            + answer("Tobias Brenner", "21.5k", "2024-03-02 11:37:05Z",
                     "It is not ruined; the smell means the starter is hungry.")
            + answer("Ruth Gallacher", "1,204", "2024-03-04 17:40:02Z",
                     "I would also move it somewhere cooler than the kitchen.")
            + "</div></body></html>")
    got = [(b.author, b.date, b.text) for b in read_html_page(html.encode()).blocks
           if b.kind == "comment"]
    assert got == [
        ("Tobias Brenner", "2024-03-02", "It is not ruined; the smell means the starter is hungry."),
        ("Ruth Gallacher", "2024-03-04", "I would also move it somewhere cooler than the kitchen."),
    ]


@pytest.mark.parametrize("title, expected", [
    ("Kestrel Point Lighthouse - Wikipedia", "Kestrel Point Lighthouse"),
    ("Kestrel Point Lighthouse | The Northern Ledger", "Kestrel Point Lighthouse"),
    ("Kestrel Point Lighthouse-keepers", "Kestrel Point Lighthouse-keepers"),
    ("Kestrel Point Lighthouse", "Kestrel Point Lighthouse"),
], ids=["site after a dash", "site after a bar", "a longer title", "same"])
def test_the_sites_name_after_the_title_is_not_the_title(title, expected):
    html = (f"<html><head><title>{title}</title><meta property='og:title' content='{title}'>"
            "</head><body><article>"
            f"<h1>Kestrel Point Lighthouse</h1>{RIVER}</article></body></html>")
    assert read_html_page(html.encode()).title == expected


def test_text_shown_in_a_form_is_read_and_a_search_form_is_not():
    """Old Reddit wraps a post's and each comment's words in ``form.usertext`` (no field a
    reader could use); replies nest in ``div.child``. A search box is still furniture."""
    def usertext(text):
        return (f'<form action="#" class="usertext"><input type="hidden" name="thing_id" '
                f'value="t1"><div class="usertext-body"><div class="md"><p>{text}</p></div></div>'
                f'</form>')

    def comment(who, text, child=""):
        return (f'<div class="thing comment"><div class="entry"><p class="tagline"><a '
                f'class="author">{who}</a> <span class="score">31 points</span> <time '
                f'datetime="2024-10-15T10:00:00+00:00">2 hours ago</time></p>{usertext(text)}'
                f'</div><div class="child">{child}</div></div>')
    html = ("<html><head><title>Cider stuck at 1.020</title></head><body><form role='search' "
            "action='/search'><input type='text' name='q'><p>Search the forum</p></form>"
            "<div class='content'><div class='link'><h1>Cider stuck at 1.020</h1>"
            + usertext("First cider from our own apples, pressed on the 28th of September and "
                       "fermenting in the garage since then without much change at all.")
            + "</div><div class='commentarea'>"
            + comment("cellar_rat_dan", "Twelve degrees is your problem; champagne yeast is slow "
                      "in the cold.", comment("orchard_end", "Thanks, would nutrient help now?"))
            + "</div></div></body></html>")
    page = read_html_page(html.encode())
    assert [b.text for b in page.blocks if b.kind == "paragraph"] == [
        "First cider from our own apples, pressed on the 28th of September and fermenting in "
        "the garage since then without much change at all."]
    assert [(b.author, b.reply_to, b.text) for b in page.blocks if b.kind == "comment"] == [
        ("cellar_rat_dan", None, "Twelve degrees is your problem; champagne yeast is slow in "
                                 "the cold."),
        ("orchard_end", "cellar_rat_dan", "Thanks, would nutrient help now?")]


def test_a_long_heading_above_the_first_paragraph_is_a_subtitle_not_a_section():
    html = ("<html><head><title>No more feature branches</title></head><body><article>"
            "<h1>No more feature branches</h1><h2>Trunk-based development on a team of six, "
            f"mistakes left in</h2>{RIVER}<h2>Why we changed</h2>{RIVER}</article></body></html>")
    blocks = read_html_page(html.encode()).blocks
    assert (blocks[0].text, blocks[0].heading) == (
        "Trunk-based development on a team of six, mistakes left in", None)
    assert blocks[1].heading is None and blocks[-1].heading == "Why we changed"


def test_an_affiliate_links_notice_is_not_the_posts_first_paragraph():
    html = ("<html><head><title>Lemon drizzle</title></head><body><article><h1>Lemon drizzle"
            "</h1><p>This post may contain affiliate links. Please read our disclosure policy."
            f"</p>{RIVER}</article></body></html>")
    texts = [b.text for b in read_html_page(html.encode()).blocks]
    assert not any("affiliate" in t for t in texts) and texts[0].startswith("Sentence number 0")


def test_comments_in_a_table_tree_signed_with_handles_are_read():
    """Hacker News prints its comments as rows of ``table.comment-tree``, each signed by an
    ``a.hnuser`` handle (digits and all) and dated in ``span.age``; a reply is a row whose
    indent cell says it sits one deeper."""
    def row(user, when, text, indent=0):
        return (f'<tr class="athing comtr"><td><table><tr><td class="ind" indent="{indent}"></td>'
                f'<td class="default"><div><span class="comhead"><a class="hnuser">{user}</a> '
                f'<span class="age" title="{when}"><a>5 months ago</a></span></span></div>'
                f'<div class="comment"><span class="commtext c00">{text}</span></div></td></tr>'
                f'</table></td></tr>')
    html = ("<html><head><title>Show HN: A tide table</title></head><body><table class='fatitem'>"
            f"<tr><td class='toptext'>{RIVER}</td></tr></table><table class='comment-tree'>"
            + row("seagull42", "2024-06-04T11:00:00", "How do you handle river ports?")
            + row("kelpie", "2024-06-04T11:30:00", "I don't yet; they are off by half a metre.", 1)
            + row("ferryman", "2024-06-04T12:00:00", "Does it do the Severn bore?")
            + "</table></body></html>")
    got = [(b.author, b.date, b.text, b.reply_to) for b in read_html_page(html.encode()).blocks
           if b.kind == "comment"]
    assert got == [("seagull42", "2024-06-04", "How do you handle river ports?", None),
                   ("kelpie", "2024-06-04", "I don't yet; they are off by half a metre.", "seagull42"),
                   ("ferryman", "2024-06-04", "Does it do the Severn bore?", None)]


def test_a_gallerys_heading_heads_no_paragraph_after_it():
    figures = "".join(f"<figure><img src='{i}.jpg' alt=''><figcaption>Photo {i} of the "
                      f"restored reading room.</figcaption></figure>" for i in (1, 2))
    html = ("<html><head><title>The library reopens</title></head><body><article>"
            f"<h1>The library reopens</h1>{RIVER}<div class='gallery'><h2>In pictures</h2>"
            f"{figures}</div><p>The library will open six days a week from Monday.</p>"
            "</article></body></html>")
    blocks = read_html_page(html.encode()).blocks
    assert all(b.heading is None for b in blocks)
    assert [b.text for b in blocks if b.kind == "caption"] == [
        "Photo 1 of the restored reading room.", "Photo 2 of the restored reading room."]


@pytest.mark.parametrize("attr, top", [("data-depth", 0), ("aria-level", 1), ("depth", 0)])
def test_a_flat_thread_that_states_each_comments_depth_reads_replies(attr, top):
    def comment(name, text, level):
        return (f'<div class="comment" {attr}="{level}"><span class="comment-author">{name}'
                f'</span> <time datetime="2024-06-04">4 June 2024</time><p>{text}</p></div>')
    html = (f"<html><head><title>River mills</title></head><body><article><h1>River mills</h1>"
            f'{RIVER}</article><section id="comments">'
            f'{comment("Ann Roe", "Which mill is the oldest?", top)}'
            f'{comment("Ben Hill", "The one at Crane Weir, Ann.", top + 1)}'
            f'{comment("Cat Dunn", "Lovely photos.", top)}</section></body></html>')
    got = [(b.author, b.reply_to) for b in read_html_page(html.encode()).blocks
           if b.kind == "comment"]
    assert got == [("Ann Roe", None), ("Ben Hill", "Ann Roe"), ("Cat Dunn", None)]


@pytest.mark.parametrize("left", ["\u00b7 9 min read", "5-minute read", "Reading time: 4 minutes"])
def test_how_long_the_page_takes_to_read_is_not_a_paragraph(left):
    html = (f"<html><head><title>River mills</title></head><body><article><h1>River mills</h1>"
            f'<p class="dateline"><time datetime="2024-10-18">18 October 2024</time> {left}</p>'
            f"{RIVER}</article></body></html>")
    page = read_html_page(html.encode())
    assert page.date == "18 October 2024"
    assert not any("read" in b.text.lower() for b in page.blocks if len(b.text) < 40)


def test_one_stated_level_in_a_nested_thread_does_not_flatten_it():
    """A heading's ``aria-level`` inside the comments is no thread's depth: replies nested in
    ``ol.children`` stay replies."""
    def comment(name, text, children=""):
        return (f'<li class="comment"><article class="comment-body"><footer class="comment-meta">'
                f'<cite class="fn">{name}</cite> <time datetime="2024-06-04">4 June 2024</time>'
                f'</footer><div class="comment-content"><p>{text}</p></div></article>{children}</li>')
    html = (f"<html><head><title>River mills</title></head><body><article><h1>River mills</h1>"
            f'{RIVER}</article><section id="comments"><div role="heading" aria-level="2">'
            f'3 thoughts</div><ol class="comment-list">'
            + comment("Ann Roe", "Which mill is the oldest?",
                      '<ol class="children">' + comment("Ben Hill", "Crane Weir, Ann.") + "</ol>")
            + comment("Cat Dunn", "Lovely photos.") + "</ol></section></body></html>")
    got = [(b.author, b.reply_to) for b in read_html_page(html.encode()).blocks
           if b.kind == "comment"]
    assert got == [("Ann Roe", None), ("Ben Hill", "Ann Roe"), ("Cat Dunn", None)]


@pytest.mark.parametrize("label", ["Published:", "Posted on", "Date:"])
def test_a_dates_label_is_not_left_as_a_paragraph_once_the_date_dates_the_post(label):
    html = f"""<html><head><title>Fungi and wheat</title></head><body><article>
      <h1>Fungi and wheat</h1><p class="release-date">{label} <time datetime="2024-06-11">11
      June 2024</time></p>{RIVER}</article></body></html>"""
    page = read_html_page(html.encode())
    assert page.date is not None and "2024" in page.date
    assert [b.text for b in page.blocks if not b.text.startswith("Sentence number")] == []


def _react_comment(who: str, when_full: str, ago: str, text: str) -> str:
    """A comment as a React-built forum prints it: its own element classed "Comment", a
    handle and an "hr. ago" date in a header, the words in a sibling marked only by a test id."""
    return (f'<div class="_pad"><div class="Comment t1_{who[:4]} Xq9" id="t1_{who[:4]}">'
            f'<div class="_m1"><a class="_a1" data-testid="comment_author_link" '
            f'href="/user/{who}/">{who}</a> <span>\u00b7</span> <a data-testid="comment_timestamp" '
            f'href="#"><span title="{when_full}">{ago}</span></a></div>'
            f'<div data-testid="comment" class="_b2"><div class="_r3"><p class="_p4">{text}</p>'
            f'</div></div><div class="_v5"><div>42</div><button>Reply</button></div></div></div>')


def test_comments_that_are_each_a_region_of_their_own_keep_their_words_and_signers():
    """Each comment classed "Comment" with a short relative date ("4 hr. ago", the full date in
    its title) and its words beside its header: no comment is lost, none is its signer's name."""
    html = ('<html><head><meta property="og:title" content="r/gardening - Why did my leeks bolt?">'
            "<title>Why did my leeks bolt? : r/gardening</title></head><body>"
            "<div class='Post'><h1>Why did my leeks bolt?</h1><div class='RichText'>"
            f"{RIVER}</div></div><div data-testid='comments-page'>"
            + _react_comment("soil_sam", "Tuesday, May 14, 2024 at 9:03:10 AM GMT+1", "4 hr. ago",
                             "A dry spell in June makes leeks bolt; water them weekly.")
            + _react_comment("Marrow_Meg", "Tuesday, May 14, 2024 at 9:40:52 AM GMT+1", "3h ago",
                             "Mine bolted after a cold April, so it is not only drought.")
            + "</div></body></html>")
    page = read_html_page(html.encode())
    assert page.title == "Why did my leeks bolt?"  # not the forum's name before it
    got = [(b.author, b.date, b.text) for b in page.blocks if b.kind == "comment"]
    assert got == [
        ("soil_sam", "May 14, 2024", "A dry spell in June makes leeks bolt; water them weekly."),
        ("Marrow_Meg", "May 14, 2024", "Mine bolted after a cold April, so it is not only drought.")]


def test_a_journal_pages_authors_are_named_as_people_write_them():
    """``citation_author`` tags print "Surname, Given", one author each."""
    html = ('<html><head><title>Grip and cold water</title>'
            '<meta name="citation_author" content="Okafor, Adaeze">'
            '<meta name="citation_author" content="van Dijk, Pieter J.">'
            '</head><body><article><h1>Grip and cold water</h1><ul class="author-list">'
            '<li>Adaeze Okafor<sup>1</sup>,</li><li>Pieter J. van Dijk<sup>2</sup></li></ul>'
            f"{RIVER}</article></body></html>")
    page = read_html_page(html.encode())
    assert page.author == "Adaeze Okafor and Pieter J. van Dijk"


def test_a_definition_lists_term_and_value_are_one_line():
    html = ("<html><head><title>Grip and cold water</title></head><body><article>"
            "<h1>Grip and cold water</h1><dl class='history'><dt>Received</dt><dd>14 March 2023"
            "</dd><dt>Accepted</dt><dd>2 August 2023</dd></dl><dl><div><dt>Source:</dt>"
            "<dd>University of Northmoor</dd></div><dt>Funders</dt><dd>A trust</dd><dd>A council"
            f"</dd></dl>{RIVER}</article></body></html>")
    texts = [b.text for b in read_html_page(html.encode()).blocks]
    # a list of labelled dates is a journal's history: one line (``journal_page``)
    assert texts[:3] == ["Received: 14 March 2023 / Accepted: 2 August 2023",
                         "Source: University of Northmoor", "Funders: A trust; A council"]


def test_a_shops_customer_reviews_are_signed_comments_but_a_review_site_is_no_comment():
    def review(who, stars, when, title, text):
        return (f'<div class="review"><div class="review-head"><span class="reviewer">{who}</span>'
                f' <span class="stars" aria-label="{stars} out of 5 stars">\u2605</span> <span '
                f'class="date">{when}</span> <span class="verified">Verified purchase</span></div>'
                f'<h3 class="review-title">{title}</h3><p>{text}</p>'
                '<p class="helpful">12 people found this helpful</p></div>')
    shop = ("<html><head><title>Aero kettle</title></head><body><main><h1>Aero kettle</h1>"
            f"{RIVER}</main><section class='reviews' id='reviews'><h2>Customer reviews</h2>"
            + review("Gwen Ap Rhys", 5, "18 April 2024", "Quiet", "It boils a litre in two "
                     "minutes and barely makes a sound.")
            + review("Sunil M.", 2, "3 May 2024", "Lid broke", "The lid hinge snapped after "
                     "five weeks of daily use.") + "</section></body></html>")
    got = [(b.author, b.date, b.text) for b in read_html_page(shop.encode()).blocks
           if b.kind == "comment"]
    # each review with its stars and its title (``review_cards``), without its furniture
    assert got == [("Gwen Ap Rhys", "18 April 2024", "Rated 5 out of 5 stars.\nQuiet\nIt boils a "
                                                      "litre in two minutes and barely makes a sound."),
                   ("Sunil M.", "3 May 2024", "Rated 2 out of 5 stars.\nLid broke\nThe lid hinge "
                                              "snapped after five weeks of daily use.")]
    # a review site's page is classed "reviews" around the article: that is the article
    site = ("<html><head><title>Aero kettle review</title></head><body><div class='site-reviews'>"
            "<article><h1>Aero kettle review</h1><p class='byline'>By Ann Lee, "
            f"<span class='date'>3 May 2024</span></p>{RIVER}</article></div></body></html>")
    page = read_html_page(site.encode())
    assert not [b for b in page.blocks if b.kind == "comment"]
    assert sum(b.kind == "paragraph" for b in page.blocks) == 5


def test_a_news_storys_journal_reference_block_is_its_reference():
    html = ("<html><head><title>Moths and lamps</title></head><body><article><h1>Moths and lamps"
            f"</h1>{RIVER}<h4>Journal Reference:</h4><ol><li>Ann Roe, Ben Hill. Amber light and "
            "moths. <i>Journal of Night Ecology</i>, 2026; 12 (3): 44. DOI: 10.5555/jne.2026.44"
            "</li></ol></article></body></html>")
    refs = [b.text for b in read_html_page(html.encode()).blocks if b.kind == "reference"]
    assert refs == ["Ann Roe, Ben Hill. Amber light and moths. Journal of Night Ecology, 2026; 12 "
                    "(3): 44. DOI: 10.5555/jne.2026.44"]


def test_a_papers_author_information_section_is_read_though_its_class_says_author():
    html = ("<html><head><title>Soil fungi</title></head><body><article><h1>Soil fungi</h1>"
            f"{RIVER}<section class='c-article-author-information' id='author-information'>"
            "<h2>Author information</h2><ol class='author-affiliation__list'><li><p>Department "
            "of Soil Sciences, University of Westmere, UK</p></li></ol><h3>Contributions</h3>"
            "<p>RP carried out the sequencing.</p></section></article></body></html>")
    texts = [b.text for b in read_html_page(html.encode()).blocks]
    assert "Department of Soil Sciences, University of Westmere, UK" in texts
    assert "RP carried out the sequencing." in texts


def test_a_space_between_two_inline_elements_is_kept():
    html = ("<html><head><title>Soil fungi</title></head><body><article><h1>Soil fungi</h1>"
            f"{RIVER}<p>It was a <em>very</em> <strong>big</strong> deal for the farm.</p>"
            "<p>Marwood, I. et al. Fungal networks. <i>Soil Biota Res</i> <b>41</b>, 108 (2026)."
            "</p></article></body></html>")
    texts = " ".join(b.text for b in read_html_page(html.encode()).blocks)
    assert "a very big deal" in texts and "Soil Biota Res 41, 108 (2026)" in texts


def test_a_product_pages_answers_keep_who_answered_and_reviews_their_dates_and_words():
    html = ("<html><head><title>Pour kettle</title></head><body><main><h1>Pour kettle</h1>"
            f"{RIVER}<section class='questions'><h2>Customer questions</h2><div class='qa-item'>"
            "<p class='qa-question'><span class='label'>Question:</span> Does it work in the "
            "USA?</p><p class='qa-answer'><span class='label'>Answer:</span> No, it needs 230 V."
            "</p><p class='qa-meta'>Answered by Priya Raman on 2 August 2025</p></div></section>"
            "<section class='reviews'><h2>Reviews</h2><div class='review'><p class='reviewer-name'>"
            "Helen Mathers</p><p class='review-rating'>3 out of 5 stars</p><p class='review-date'>"
            "Reviewed in the United Kingdom on 30 July 2026</p><p class='review-text'>Heavy when "
            "full, and pouring is awkward.</p></div></section></main></body></html>")
    page = read_html_page(html.encode())
    # the question and its answer, signed by who answered (the line beside it), then the review
    assert [(b.author, b.date, b.text) for b in page.blocks if b.kind == "comment"] == [
        (None, None, "Does it work in the USA?"),
        ("Priya Raman", "2 August 2025", "No, it needs 230 V."),
        ("Helen Mathers", "30 July 2026", "Heavy when full, and pouring is awkward.")]
    assert page.date is None  # the answer's date is not the page's


def test_a_comment_of_several_paragraphs_keeps_them_all():
    """Words beside the comment's header, in a box marked by nothing but a test id."""
    html = ("<html><head><title>Trains</title></head><body><main><h1>Trains</h1>"
            f"{RIVER}</main><div data-testid='comments-page'>"
            + _react_comment("rail_sal", "Tuesday, August 6, 2024 at 9:03 AM", "4 hr. ago",
                             "Not official, but I work in the industry.</p><p>Four units are "
                             "in the depot for repairs.")
            + "</div></body></html>")
    (comment,) = [b for b in read_html_page(html.encode()).blocks if b.kind == "comment"]
    assert comment.text == "Not official, but I work in the industry.\nFour units are in the " \
                           "depot for repairs."


def test_a_reply_by_a_registered_user_is_not_taken_for_the_comments_author_box():
    """WordPress classes a registered user's comment ``comment-author-lena``: a reply alone in
    its parent's ``ol.children`` is still a comment, not author metadata to drop."""
    def comment(cls, name, when, text, children=""):
        return (f'<li class="{cls}"><article class="ast-comment"><header class="comment-meta">'
                f'<cite><b class="fn">{name}</b></cite> <time datetime="2024-10-12">{when}</time>'
                f'</header><section class="ast-comment-content comment"><p>{text}</p></section>'
                f'</article>{children}</li>')
    html = (f"<html><head><title>Starters</title></head><body><article><h1>Starters</h1>{RIVER}"
            "</article><div class='comments-area'><ol class='comment-list'>"
            + comment("comment even depth-1", "Deborah Quince", "October 12, 2024 at 8:41 am",
                      "Mine smelled like this too.", "<ol class='children'>" + comment(
                          "comment byuser comment-author-lena bypostauthor odd depth-2",
                          "Lena Ashworth", "October 12, 2024 at 10:15 am", "So glad, Deborah!")
                      + "</ol>") + "</ol></div></body></html>")
    got = [(b.author, b.reply_to, b.text) for b in read_html_page(html.encode()).blocks
           if b.kind == "comment"]
    assert got == [("Deborah Quince", None, "Mine smelled like this too."),
                   ("Lena Ashworth", "Deborah Quince", "So glad, Deborah!")]


def test_an_issue_trackers_comments_keep_their_text_and_the_people_they_mention():
    """GitHub's comment text sits in a table classed "user-select-contain" and mentions link
    "user-mention": neither is the comment's author box."""
    def comment(who, iso, words_):
        return (f'<div class="timeline-comment comment"><div class="timeline-comment-header">'
                f'<a class="author" href="/{who}">{who}</a> commented <relative-time '
                f'datetime="{iso}">on Mar 3, 2025</relative-time></div><table class="d-block '
                f'user-select-contain"><tr><td class="comment-body markdown-body">{words_}</td>'
                f'</tr></table></div>')
    html = (f"<html><head><title>Pinned tiles</title></head><body><main><h1>Pinned tiles</h1>"
            f"{RIVER}</main><div class='js-discussion'>"
            + comment("marta-k", "2025-03-03T09:14:22Z", "<p>After upgrading, pinned tiles are "
                      "evicted from the cache within the hour, on every node we run.</p>")
            + comment("priya-r", "2025-03-04T08:05:17Z", "<p>Thanks both. <a class='user-mention'"
                      " href='/marta-k'>@marta-k</a> is right about the cause: the sweep never "
                      "checks the pinned flag.</p>") + "</div></body></html>")
    got = [(b.author, b.text) for b in read_html_page(html.encode()).blocks if b.kind == "comment"]
    assert got == [("marta-k", "After upgrading, pinned tiles are evicted from the cache within "
                                "the hour, on every node we run."),
                   ("priya-r", "Thanks both. @marta-k is right about the cause: the sweep never "
                               "checks the pinned flag.")]


def test_an_embedded_tweet_is_quoted_with_who_posted_it():
    html = (f"<html><head><title>Ferry</title></head><body><article><h1>Ferry</h1>{RIVER}"
            "<div class='embed embed--twitter'><blockquote class='twitter-tweet'><p>The school "
            "will stay open all week, whatever the ferry does.</p>&mdash; Marrow Primary "
            "(@MarrowPrimary) <a href='https://twitter.com/x/status/1'>March 3, 2025</a>"
            "</blockquote><script src='https://platform.twitter.com/widgets.js'></script></div>"
            "</article></body></html>")
    texts = [b.text for b in read_html_page(html.encode()).blocks]
    assert "The school will stay open all week, whatever the ferry does. \u2014 Marrow Primary " \
           "(@MarrowPrimary) March 3, 2025" in texts


def test_an_faqs_folded_answers_are_read():
    def item(q, a):
        return (f"<div class='faq-accordion' itemscope itemprop='mainEntity' "
                f"itemtype='https://schema.org/Question'><p itemprop='name'>{q}</p><div "
                f"style='display:none' itemprop='acceptedAnswer' itemscope><div itemprop='text'>"
                f"<p>{a}</p></div></div></div>")
    html = (f"<html><head><title>Starters</title></head><body><article><h1>Starters</h1>{RIVER}"
            "<h2>FAQ</h2>" + item("Can I use tap water?", "Yes, unless it is heavily chlorinated.")
            + item("How long can it stay in the fridge?", "Up to three weeks without a feed.")
            + "</article></body></html>")
    texts = [b.text for b in read_html_page(html.encode()).blocks]
    assert texts[-4:] == ["Can I use tap water?", "Yes, unless it is heavily chlorinated.",
                          "How long can it stay in the fridge?", "Up to three weeks without a feed."]


def test_a_google_doc_published_to_the_web_keeps_its_lists():
    html = ("<html><head><title>Allotment report</title></head><body><div id='banner'>Published "
            "using Google Docs</div><div class='doc-content'><p class='title'><span>Allotment "
            "report</span></p>" + "".join(f"<p class='c3'><span class='c1'>Paragraph {i} of the "
            "report says what the society did this year, at some length.</span></p>"
            for i in range(4)) + "<ul class='lst-kix_x'><li class='c6'><span class='c1'>Replace "
            "the north gate water pipe before the spring.</span></li><li class='c6'><span "
            "class='c1'>Hold a seed swap in February.</span></li></ul></div><div id='footer'>"
            "Report abuse</div></body></html>")
    texts = [b.text for b in read_html_page(html.encode()).blocks]
    assert "Replace the north gate water pipe before the spring." in texts
    assert "Hold a seed swap in February." in texts
