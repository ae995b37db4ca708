"""Discussion pages read from their markup: a Discourse-like topic, a link aggregator's story
(Hacker News-like), a video page (YouTube-like), and the ordinary pages those rules must leave
alone."""

from __future__ import annotations

from assistant.ingest.extract import read_html_page
from assistant.ingest.page import page_sources

LONG = ("The orchard committee met on Saturday to decide which of the old pear trees to graft "
        "this spring, and agreed to start with the three trees nearest the brook.")


def _topic_post(n: int, handle: str, full: str, shown: str, extra: str, text: str,
                classes: str = "") -> str:
    """A post as Discourse prints it: an avatar link holding only an image (a "user card"
    trigger), then the names, then a tiny date ("3d") whose full date is in its title."""
    return (f'<div class="topic-post clearfix regular {classes}"><article id="post_{n}">'
            f'<div class="topic-avatar"><a class="trigger-user-card main-avatar" href="/u/{handle}">'
            f'<img alt="" src="/a/{handle}.png" class="avatar"></a></div><div class="topic-body">'
            f'<div class="topic-meta-data"><div class="names trigger-user-card">'
            f'<span class="first username"><a href="/u/{handle}">{handle}</a></span>'
            f'<span class="second full-name"><a href="/u/{handle}">{full}</a></span></div>'
            f'<div class="post-infos"><a class="post-date" href="/t/1/{n}"><span {extra} '
            f'class="relative-date">{shown}</span></a></div></div><div class="cooked">{text}'
            f'</div>{"" if n > 1 else _STATS}</div></article></div>')


_STATS = ('<div class="topic-map"><ul class="topic-map__stats"><li><h4>created</h4>'
          '<span class="relative-date" data-time="1741000000000">Mar 3</span></li><li><h4>last '
          'reply</h4><span class="relative-date">2d</span></li><li><span class="number">3</span>'
          '<h4>replies</h4></li><li><span class="number">1.2k</span><h4>views</h4></li></ul></div>')

TOPIC = ("<html><head><title>Pear scab on the grafted trees - Orchard Forum</title></head><body>"
         '<div id="main-outlet"><h1>Pear scab on the grafted trees</h1><div class="posts">'
         + _topic_post(1, "hedgerow_ann", "Ann Pryce", "Mar 3", 'title="Mar 3, 2025 8:05 am"',
                       f"<p>{LONG}</p><p>Two of them now show scab on the new leaves. Should "
                       "we spray or cut the shoots back?</p>")
         + _topic_post(2, "brook_tom", "Tom Vale", "5d", 'title="Mar 5, 2025 6:40 pm"',
                       "<p>Cut them back to clean wood and burn the prunings, then watch the "
                       "new growth for a fortnight before you spray anything.</p>",
                       "accepted-answer")
         + _topic_post(3, "quince_jo", "Jo Hart", "2d", 'data-time="1741600000000"',
                       "<p>We sprayed sulphur last year and the scab came back anyway, so I "
                       "would follow the advice about cutting back first.</p>")
         + "</div></div></body></html>")


def test_a_discourse_topic_is_signed_by_name_links_not_avatars_and_dated_in_full():
    page = read_html_page(TOPIC.encode())
    assert (page.author, page.date) == ("hedgerow_ann", "Mar 3, 2025")
    comments = [(b.author, b.date) for b in page.blocks if b.kind == "comment"]
    # "5d" is read from its title, "2d" from its data-time (milliseconds since 1970)
    assert comments == [("brook_tom", "Mar 5, 2025"), ("quince_jo", "2025-03-10")]


def test_a_topics_stats_are_furniture_and_its_accepted_solution_is_marked():
    page = read_html_page(TOPIC.encode())
    texts = [b.text for b in page.blocks if b.kind == "paragraph"]
    assert texts == [LONG, "Two of them now show scab on the new leaves. Should we spray or "
                     "cut the shoots back?"]
    labels = [s.label for s in page_sources(page) if s.kind == "comment"]
    assert labels == ["Reader comment by brook_tom, Mar 5, 2025 (accepted solution)",
                      "Reader comment by quince_jo, 2025-03-10"]


def _hn_row(user: str, iso: str, text: str, indent: int = 0, dead: bool = False) -> str:
    flag = " [flagged] [dead]" if dead else ""
    return (f'<tr class="athing comtr"><td><table><tr><td class="ind" indent="{indent}"></td>'
            f'<td class="default"><div><span class="comhead"><a class="hnuser">{user}</a> '
            f'<span class="age" title="{iso}"><a>4 hours ago</a></span>{flag}</span></div>'
            f'<div class="comment"><div class="commtext {"cdd" if dead else "c00"}">{text}</div>'
            f'</div></td></tr></table></td></tr>')


STORY = ('<html><head><title>Show HN: Brookline, a pear-grafting planner | Link News</title>'
         '</head><body><table id="main"><tr><td><span class="pagetop"><b class="hnname">'
         '<a href="news">Link News</a></b> <a href="newest">new</a> | <a href="front">past</a> | '
         '<a href="ask">ask</a> | <a href="show">show</a> | <a href="jobs">jobs</a></span></td>'
         '</tr><tr><td><table class="fatitem"><tr class="athing submission"><td class="title">'
         '<span class="titleline"><a href="https://brookline.example">Show HN: Brookline, a '
         'pear-grafting planner</a></span></td></tr><tr><td class="subtext"><span class="subline">'
         '<span class="score">87 points</span> by <a href="user?id=orchardist" class="hnuser">'
         'orchardist</a> <span class="age" title="2025-04-02T09:30:00 1743586200">'
         '<a href="item?id=1">6 hours ago</a></span> | <a href="hide">hide</a> | '
         '<a href="item?id=1">12&nbsp;comments</a></span></td></tr><tr><td><div class="toptext">'
         f'{LONG}</div></td></tr></table><table class="comment-tree">'
         + _hn_row("graftwise", "2025-04-02T10:00:00", "Which rootstocks does it know about?")
         + _hn_row("orchardist", "2025-04-02T10:20:00", "Quince A and Quince C so far, which "
                   "covers most garden trees.<p>Pyrodwarf is next.", 1)
         + _hn_row("spam_account", "2025-04-02T10:30:00", "Buy cheap seedlings at my shop now.",
                   dead=True)
         + _hn_row("pomona", "2025-04-02T11:00:00", "Does it plan the pollination groups too?")
         + "</table></td></tr></table></body></html>")


def test_a_storys_submitter_line_signs_the_post_and_the_sites_menu_is_furniture():
    page = read_html_page(STORY.encode())
    assert (page.author, page.date) == ("orchardist", "2025-04-02")
    texts = [b.text for b in page.blocks if b.kind == "paragraph"]
    assert not any("points" in t or "new | past" in t or "hide" in t for t in texts)
    assert LONG in texts


def test_a_storys_comments_keep_their_paragraphs_apart_and_a_dead_one_is_dropped():
    page = read_html_page(STORY.encode())
    got = [(b.author, b.text, b.reply_to) for b in page.blocks if b.kind == "comment"]
    assert got == [
        ("graftwise", "Which rootstocks does it know about?", None),
        ("orchardist", "Quince A and Quince C so far, which covers most garden trees.\n"
         "Pyrodwarf is next.", "graftwise"),
        ("pomona", "Does it plan the pollination groups too?", None)]


def _yt_comment(handle: str, when: str, text: str, replies: str = "") -> str:
    return ('<ytd-comment-thread-renderer class="style-scope"><ytd-comment-view-model id="comment">'
            f'<div id="body"><div id="author-thumbnail"><a href="/@{handle}"><img alt=""></a></div>'
            f'<div id="main"><div id="header"><div id="header-author"><h3><a id="author-text" '
            f'href="/@{handle}"><span>@{handle}</span></a></h3><span id="published-time-text">'
            f'<a href="#">{when}</a></span></div></div><div id="expander"><yt-attributed-string '
            f'id="content-text"><span role="text">{text}</span></yt-attributed-string></div></div>'
            f'</div></ytd-comment-view-model>{replies}</ytd-comment-thread-renderer>')


def _yt_reply(handle: str, when: str, text: str) -> str:
    return ('<div id="replies"><ytd-comment-replies-renderer><div id="contents">'
            + _yt_comment(handle, when, text).replace("ytd-comment-thread-renderer", "div")
            + "</div></ytd-comment-replies-renderer></div>")


VIDEO = ('<html><head><title>Grafting a pear in five minutes - VideoSite</title>'
         '<meta property="og:site_name" content="VideoSite"></head><body><div id="primary">'
         '<h1><yt-formatted-string>Grafting a pear in five minutes</yt-formatted-string></h1>'
         '<div id="owner"><ytd-channel-name id="channel-name"><yt-formatted-string id="text" '
         'title="Brookside Orchard"><a href="/@BrooksideOrchard">Brookside Orchard</a>'
         '</yt-formatted-string></ytd-channel-name></div><div id="description"><span class='
         '"yt-core-attributed-string yt-core-attributed-string--white-space-pre-wrap">'
         f"{LONG}\nThe scion wood was cut in January and kept in the fridge.\n"
         '<a href="?t=0">00:00</a> Choosing the scion\n<a href="?t=95">01:35</a> The whip and '
         "tongue cut\n</span></div>"
         '<ytd-comments id="comments"><div id="contents">'
         + _yt_comment("pip_grower", "3 weeks ago", "Which tape do you use to bind the graft?",
                       _yt_reply("BrooksideOrchard", "3 weeks ago",
                                 "Plain rubber budding strips, they perish by themselves."))
         + _yt_comment("cider.maker", "1 week ago", "Would this work for an old perry pear?")
         + "</div></ytd-comments></div></body></html>")


def test_a_video_descriptions_lines_stay_apart_and_its_channel_signs_it():
    page = read_html_page(VIDEO.encode())
    assert page.author == "Brookside Orchard"
    texts = [b.text for b in page.blocks if b.kind == "paragraph"]
    assert texts == [LONG, "The scion wood was cut in January and kept in the fridge.",
                     "00:00 Choosing the scion", "01:35 The whip and tongue cut"]


def test_a_video_pages_comments_are_signed_by_handle_and_replies_know_whom_they_answer():
    page = read_html_page(VIDEO.encode())
    got = [(b.author, b.date, b.reply_to) for b in page.blocks if b.kind == "comment"]
    assert got == [("pip_grower", "3 weeks ago", None),
                   ("BrooksideOrchard", "3 weeks ago", "pip_grower"),
                   ("cider.maker", "1 week ago", None)]


def test_lists_of_quantities_and_bars_of_words_stay_text_on_an_ordinary_page():
    """A recipe's ingredients (a number and a word an item) are no topic stats, "5d" with no
    full date behind it is no date, and a line of words between bars is no menu."""
    html = ("<html><head><title>Pear chutney</title></head><body><article><h1>Pear chutney</h1>"
            f"<p>{LONG}</p><ul><li>6 pears</li><li>2 onions</li><li>300 ml vinegar</li></ul>"
            "<p>Grade: 5d</p><p>Sweet | sour | sharp | warm: the four notes of a good chutney, "
            "and this one has all of them.</p></article></body></html>")
    texts = [b.text for b in read_html_page(html.encode()).blocks]
    assert texts == [LONG, "6 pears", "2 onions", "300 ml vinegar", "Grade: 5d",
                     "Sweet | sour | sharp | warm: the four notes of a good chutney, and this "
                     "one has all of them."]


def _flat_comment(pad: int, who: str | None, title: str, text: str) -> str:
    """A comment as new Reddit prints a thread: flat, each comment's wrapper indented by its
    inline style, the handle linked by a test id, a relative time titled with the full date."""
    name = (f'<a data-testid="comment_author_link" href="/user/{who}/">{who}</a>' if who
            else '<span>Comment removed by moderator</span><span>[removed]</span>')
    return (f'<div class="w0" style="padding-left:{pad}px"><div class="Comment c1">'
            f'<div class="hd">{name} <a data-testid="comment_timestamp" title="{title}">2 hr. '
            f'ago</a></div><div data-testid="comment"><p>{text}</p></div><div class="bar">'
            '<button class="voteButton"></button><div>14</div><button>Reply</button></div>'
            '</div></div>')


FLAT = ('<html><head><title>Allotment water butts keep going green : r/Fenwick</title></head>'
        '<body><div data-testid="post-container" class="Post"><div class="meta"><span>Posted by'
        '</span><div><a data-testid="post_author_link" href="/user/wren_plot9/">u/wren_plot9</a>'
        '</div><a data-click-id="timestamp" title="Sun, Jun 8, 2025, 7:10:00 AM GMT+1">6 hr. ago'
        '</a></div><h1>Allotment water butts keep going green</h1><div data-click-id="text">'
        f'<p>{LONG}</p><p>My two water butts turn green within a week of filling. Is that algae '
        'harmful to seedlings, or only ugly?</p></div></div><div id="comments"><div>'
        + _flat_comment(16, "moss_and_mint", "Sun, Jun 8, 2025, 8:00:00 AM GMT+1",
                        "Only ugly. Put a lid on the butt and keep the light out and it stops.")
        + _flat_comment(37, "wren_plot9", "Sun, Jun 8, 2025, 8:30:00 AM GMT+1",
                        "A lid it is, there is an old bin lid that will fit the bigger one.")
        + _flat_comment(16, None, "Sun, Jun 8, 2025, 9:00:00 AM GMT+1", "[removed]")
        + _flat_comment(37, "tap_turner", "Sun, Jun 8, 2025, 9:40:00 AM GMT+1",
                        "Whatever that said, a black butt in the shade stays clear all summer.")
        + _flat_comment(16, "old_hoe_eli", "Sun, Jun 8, 2025, 10:00:00 AM GMT+1",
                        "Barley straw in a net bag works for me, one handful per butt.")
        + '</div></div></body></html>')


def test_a_posted_by_line_signs_the_post_and_is_its_byline_as_printed():
    page = read_html_page(FLAT.encode())
    assert (page.author, page.date) == ("wren_plot9", "Jun 8, 2025")
    assert page.byline == "Posted by u/wren_plot9 6 hr. ago, Jun 8, 2025"
    assert not any("Posted by" in b.text for b in page.blocks)


def test_a_flat_thread_indented_by_style_knows_whom_each_reply_answers():
    """A reply under a removed comment answers "a deleted comment"; the removal notice is no
    one's words."""
    page = read_html_page(FLAT.encode())
    assert [(b.author, b.reply_to) for b in page.blocks if b.kind == "comment"] == [
        ("moss_and_mint", None), ("wren_plot9", "moss_and_mint"),
        ("tap_turner", "a deleted comment"), ("old_hoe_eli", None)]
    labels = [s.label for s in page_sources(page) if s.kind == "comment"]
    assert labels[2] == "Reader comment by tap_turner, Jun 8, 2025, replying to a deleted comment"


def test_a_list_of_comments_styled_alike_is_no_thread():
    html = FLAT.replace("padding-left:37px", "padding-left:16px")
    page = read_html_page(html.encode())
    assert [b.reply_to for b in page.blocks if b.kind == "comment"] == [None] * 4
