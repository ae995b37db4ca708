"""Discourse topics as browsers save them: the Ember app's view (with its timeline, its
suggested topics and its notices between posts) and the crawler's no-JavaScript view, each
read as a thread: the opening post signed by its writer, each reply a comment signed and
dated."""

from __future__ import annotations

import pytest

from assistant.ingest.extract import read_html_page

OPENING = ("<p>Our two hives on the allotment swarmed within a week of each other, and both "
           "times the cluster settled on the same hawthorn by the compost bays.</p><p>Is there "
           "something about that hedge that draws them, or is it only the nearest shade to the "
           "hives? I would like to put a bait box there before next May.</p>")
ANSWER = ("<p>Scout bees remember a spot that worked before, so a hedge that held one cluster "
          "tends to hold the next. A bait box with an old comb in it, two metres up, is the "
          "right call.</p>")
THANKS = ("<p>Thanks, I will hang the box from the hawthorn this weekend and report back in "
          "the spring when the scouts start looking.</p>")
LATER = ("<p>Same here with a crab apple by our gate: three swarms in four years, always on "
         "the lowest branch facing the sun in the morning.</p>")


def _post(n: int, handle: str, shown: str, full: str, text: str, classes: str = "regular",
          infos: str = "", name: str = "") -> str:
    """A post as the Ember app prints it: an avatar link holding only an image, the name,
    a tiny date ("3d", "Apr '22") whose full date is in its title, the cooked text, and a
    bar of buttons."""
    return (f'<div class="topic-post clearfix {classes}" data-post-number="{n}">'
            f'<article id="post_{n}" aria-label="post #{n} by @{handle}" class="boxed '
            f'onscreen-post {classes}"><div class="row"><div class="topic-avatar">'
            f'<a class="trigger-user-card main-avatar" data-user-card="{handle}"><img alt="" '
            f'src="/a/{handle}.png" class="avatar"></a></div><div class="topic-body clearfix">'
            f'<div class="topic-meta-data"><div class="names trigger-user-card"><span class='
            f'"first username"><a href="/u/{handle}" data-user-card="{handle}">{name or handle}</a>'
            f'</span></div><div class="post-infos">{infos}<div class="post-info post-date">'
            f'<a class="widget-link post-date" href="/t/hawthorn/77/{n}"><span title="{full}" '
            f'data-format="tiny" class="relative-date">{shown}</span></a></div></div></div>'
            f'<div class="regular contents"><div class="cooked">{text}</div><section class='
            f'"post-menu-area clearfix"><nav class="post-controls"><div class="actions"><button '
            f'class="widget-button btn-flat reply create" type="button"><span class="d-button-'
            f'label">Reply</span></button></div></nav></section></div></div></div></article>'
            f'</div>')


def _topic(posts: str, before: str = "", after: str = "") -> bytes:
    return ("<html><head><title>Swarms keep settling on the same hawthorn - Hives - Allotment "
            "Bees</title></head><body><div id=\"main-outlet\"><div id=\"topic-title\"><h1><a "
            "class=\"fancy-title\">Swarms keep settling on the same hawthorn</a></h1></div>"
            f"{before}<div class=\"post-stream\">{posts}</div>{after}</div></body></html>"
            ).encode()


THREAD = (_post(1, "wren_apiary", "Apr 3", "Apr 3, 2022 7:15 am", OPENING, "topic-owner regular")
          + _post(2, "old_skep", "Apr 4", "Apr 4, 2022 9:40 am", ANSWER)
          + _post(3, "wren_apiary", "Apr 4", "Apr 4, 2022 6:02 pm", THANKS, "topic-owner regular")
          + _post(4, "crab_apple_jo", "Apr 6", "Apr 6, 2022 8:30 pm", LATER))

SIGNED = [("old_skep", "Apr 4, 2022"), ("wren_apiary", "Apr 4, 2022"),
          ("crab_apple_jo", "Apr 6, 2022")]


def _comments(page: object) -> list[tuple[str | None, str | None]]:
    return [(b.author, b.date) for b in page.blocks if b.kind == "comment"]  # type: ignore[attr-defined]


# Class words naming replies on elements that hold no comment: a suggested topic's count of
# replies, the timeline's position, a post's button showing its replies.
_NOT_COMMENTS = {
    "suggested topics": ('<div class="suggested-topics"><h3>Suggested Topics</h3><table class='
                         '"topic-list"><tr class="topic-list-item"><td class="main-link"><a>'
                         'Queen cells in March?</a></td><td class="replies"><span class="posts">'
                         '11</span></td></tr><tr class="topic-list-item"><td class="main-link">'
                         '<a>Varroa boards</a></td><td class="replies"><span class="posts">3'
                         '</span></td></tr></table></div>'),
    "timeline": ('<div class="topic-timeline"><div class="timeline-scroller"><div class='
                 '"timeline-replies">1 / 4</div><div class="timeline-ago">Apr 3</div></div></div>'),
    "replies button": ('<div class="post-controls"><button class="widget-button show-replies" '
                       'type="button"><span class="d-button-label">2 Replies</span></button></div>'),
}


@pytest.mark.parametrize("furniture", sorted(_NOT_COMMENTS))
def test_an_element_named_for_replies_that_holds_no_comment_leaves_the_thread_read(furniture: str):
    page = read_html_page(_topic(THREAD, after=_NOT_COMMENTS[furniture]))
    assert (page.author, page.date) == ("wren_apiary", "Apr 3, 2022")
    assert _comments(page) == SIGNED
    texts = [b.text for b in page.blocks if b.kind == "paragraph"]
    assert texts[0].startswith("Our two hives") and len(texts) == 2


_TOPIC_MAP = ('<section class="topic-map"><ul class="clearfix"><li><h4>created</h4><div class='
              '"topic-map-post created-at"><span title="Apr 3, 2022 7:15 am" data-format="tiny" '
              'class="relative-date">Apr \'22</span></div></li><li><h4>last reply</h4><span '
              'data-time="1649277000000" class="relative-date">Apr \'22</span></li><li><span '
              'class="number">3</span><h4>replies</h4></li><li><span class="number">96</span>'
              '<h4>views</h4></li></ul></section>')


def test_a_tiny_date_of_an_earlier_year_is_read_in_full_and_the_topic_map_stays_out():
    # Discourse prints a post of an earlier year as "Apr '22", its full date in the title
    posts = (_post(1, "wren_apiary", "Apr '22", "Apr 3, 2022 7:15 am", OPENING + _TOPIC_MAP,
                   "topic-owner regular")
             + _post(2, "old_skep", "Apr '22", "Apr 4, 2022 9:40 am", ANSWER)
             + _post(3, "wren_apiary", "Apr '22", "Apr 4, 2022 6:02 pm", THANKS,
                     "topic-owner regular")
             + _post(4, "crab_apple_jo", "Apr '22", "Apr 6, 2022 8:30 pm", LATER))
    page = read_html_page(_topic(posts))
    assert (page.author, page.date) == ("wren_apiary", "Apr 3, 2022")
    assert _comments(page) == SIGNED
    texts = [b.text for b in page.blocks if b.kind == "paragraph"]
    assert len(texts) == 2 and not any("created" in t or "views" in t for t in texts)


_CLOSED = ('<div class="topic-post clearfix" data-post-number="9"><article id="post_9" class='
           '"small-action onscreen-post"><div class="topic-avatar"></div><div class="small-action-'
           'desc"><div class="small-action-contents"><a class="trigger-user-card" data-user-card='
           '"system"><img alt="" title="system" class="avatar"></a><p>closed this topic <span '
           'title="Apr 9, 2022 6:00 am" class="relative-date">Apr 9</span></p></div></div>'
           '</article></div>')
_WHISPER = _post(5, "hive_mod", "Apr 7", "Apr 7, 2022 7:00 am",
                 "<p>Moderator note: moving this to the swarm-season FAQ thread next week.</p>",
                 "staff moderator whisper")


def test_a_notice_between_posts_is_no_post_and_keeps_a_whisper_among_the_replies():
    # the whisper is classed apart from "regular" posts; a notice ("closed this topic") that
    # no one signs by name must not make the reader fall back to the "regular" ones
    page = read_html_page(_topic(THREAD + _WHISPER + _CLOSED))
    assert page.author == "wren_apiary"
    assert _comments(page) == [*SIGNED, ("hive_mod", "Apr 7, 2022")]
    assert not any("closed this topic" in b.text for b in page.blocks)


def test_an_unsigned_placeholder_among_the_posts_does_not_drop_a_whisper():
    hidden = ('<div class="topic-post clearfix regular"><article class="boxed"><p>This post is '
              'hidden because you are ignoring its author.</p></article></div>')
    page = read_html_page(_topic(THREAD + hidden + _WHISPER))
    assert _comments(page) == [*SIGNED, ("hive_mod", "Apr 7, 2022")]


def _crawler_copy(posts: list[tuple[str, str, str]]) -> str:
    """The posts again as Discourse's crawler view prints them, for browsers without
    JavaScript: a ``<noscript>`` copy the saved page keeps beside the app's."""
    return "<noscript>" + "".join(
        f'<div class="topic-body crawler-post"><div class="crawler-post-meta"><span class='
        f'"creator" itemprop="author"><a><span itemprop="name">{who}</span></a></span><time '
        f'itemprop="datePublished" datetime="{iso}">{iso}</time></div><div class="post" '
        f'itemprop="text">{text}</div></div>' for who, iso, text in posts) + "</noscript>"


def test_a_noscript_copy_of_the_posts_leaves_the_thread_read_once():
    copy = _crawler_copy([("wren_apiary", "2022-04-03", OPENING), ("old_skep", "2022-04-04", ANSWER),
                          ("wren_apiary", "2022-04-04", THANKS), ("crab_apple_jo", "2022-04-06", LATER)])
    page = read_html_page(_topic(THREAD, after=copy))
    assert (page.author, page.date) == ("wren_apiary", "Apr 3, 2022")
    assert _comments(page) == SIGNED
    assert len([b for b in page.blocks if b.kind == "paragraph"]) == 2


def _crawler_page(posts: list[tuple[str, str, str]], head: str = "") -> bytes:
    """A topic as Discourse serves it to a browser without JavaScript: schema.org markup,
    each post's writer in ``itemprop="author"`` and its text in ``div.post[itemprop=text]``."""
    body = "".join(
        f'<div id="post_{n}" class="topic-body crawler-post"{"" if n == 1 else " itemprop=comment"}>'
        f'<div class="crawler-post-meta"><span class="creator" itemprop="author"><a><span '
        f'itemprop="name">{who}</span></a></span><span class="crawler-post-infos"><time '
        f'itemprop="datePublished" datetime="{iso}T08:00:00Z" class="post-time">{iso}</time>'
        f'</span></div><div class="post" itemprop="text">{text}</div><div itemprop="interaction'
        f'Statistic"><span class="post-likes">{n + 1} Likes</span></div></div>'
        for n, (who, iso, text) in enumerate(posts, 1))
    return (f"<html><head><title>Swarms keep settling on the same hawthorn - Allotment Bees"
            f"</title>{head}</head><body class=\"crawler\"><div id=\"main-outlet\"><div id=\"topic"
            f"-title\"><h1><a>Swarms keep settling on the same hawthorn</a></h1></div><div "
            f"itemscope itemtype=\"http://schema.org/DiscussionForumPosting\">{body}</div></div>"
            f"</body></html>").encode()


QUOTING = ('<aside class="quote no-group" data-username="old_skep" data-post="2"><div class='
           '"title"><img alt="" class="avatar"> old_skep:</div><blockquote><p>A bait box with '
           'an old comb in it, two metres up, is the right call.</p></blockquote></aside>'
           + THANKS)
CRAWLED = [("wren_apiary", "2022-04-03", OPENING), ("old_skep", "2022-04-04", ANSWER),
           ("wren_apiary", "2022-04-04", QUOTING), ("crab_apple_jo", "2022-04-06", LATER)]


def test_the_crawler_views_quote_is_not_the_repliers_words_nor_its_likes_the_posts():
    page = read_html_page(_crawler_page(CRAWLED))
    assert (page.author, page.date) == ("wren_apiary", "2022-04-03")
    comments = [b for b in page.blocks if b.kind == "comment"]
    assert [(c.author, c.date) for c in comments] == [
        ("old_skep", "2022-04-04"), ("wren_apiary", "2022-04-04"), ("crab_apple_jo", "2022-04-06")]
    assert comments[1].text.startswith("Thanks, I will hang the box")
    assert not any("Likes" in b.text or "old_skep:" in b.text for b in page.blocks)


def test_a_withdrawn_post_is_not_a_comment():
    withdrawn = _post(5, "late_drone", "Apr 7", "Apr 7, 2022 9:12 am",
                      "<p>(post withdrawn by author, will be automatically deleted in 24 hours "
                      "unless flagged)</p>", "deleted")
    deleted = _post(6, "spam_bee", "Apr 8", "Apr 8, 2022 1:00 pm",
                    "<p>Cheap nucs delivered to your door, message me for prices today.</p>",
                    "deleted")
    page = read_html_page(_topic(THREAD + withdrawn + deleted))
    assert _comments(page) == SIGNED


def _tab(n: int, handle: str, label: bool = True) -> str:
    said = f' aria-label="in reply to post #{n} by @{handle}" title="in reply to post #{n} by @{handle}"'
    return (f'<a class="reply-to-tab" href="/t/hawthorn/77/{n}"{said if label else ""}><img '
            f'alt="" class="avatar" src="/a/{handle}.png"><span>{handle}</span></a>')


def test_a_replys_tab_names_the_post_it_answers():
    posts = (_post(1, "wren_apiary", "Apr 3", "Apr 3, 2022 7:15 am", OPENING, "topic-owner regular")
             + _post(2, "old_skep", "Apr 4", "Apr 4, 2022 9:40 am", ANSWER, infos=_tab(1, "wren_apiary"))
             + _post(3, "wren_apiary", "Apr 4", "Apr 4, 2022 6:02 pm", THANKS, "topic-owner regular",
                     infos=_tab(2, "old_skep", label=False))
             + _post(4, "crab_apple_jo", "Apr 6", "Apr 6, 2022 8:30 pm", LATER))
    page = read_html_page(_topic(posts))
    replies = [(b.author, b.reply_to) for b in page.blocks if b.kind == "comment"]
    assert replies == [("old_skep", "wren_apiary"), ("wren_apiary", "old_skep"), ("crab_apple_jo", None)]
    assert [b.date for b in page.blocks if b.kind == "comment"] == [d for _, d in SIGNED]


def test_a_reply_tabs_handle_names_the_writer_as_the_thread_signs_them():
    # a community showing full names: the tab's label gives the handle, the thread the name
    posts = (_post(1, "wren_apiary", "Apr 3", "Apr 3, 2022 7:15 am", OPENING, name="Wren Hollis")
             + _post(2, "old_skep", "Apr 4", "Apr 4, 2022 9:40 am", ANSWER, name="Amos Keel")
             + _post(3, "crab_apple_jo", "Apr 6", "Apr 6, 2022 8:30 pm", LATER, name="Jo Abara",
                     infos=_tab(1, "wren_apiary")))
    page = read_html_page(_topic(posts))
    replies = [(b.author, b.reply_to) for b in page.blocks if b.kind == "comment"]
    assert replies == [("Amos Keel", None), ("Jo Abara", "Wren Hollis")]


def test_the_accepted_answer_declared_in_json_ld_is_marked():
    ld = ('<script type="application/ld+json">{"@context": "http://schema.org", "@type": '
          '"QAPage", "mainEntity": {"@type": "Question", "name": "Swarms keep settling on the '
          'same hawthorn", "acceptedAnswer": {"@type": "Answer", "text": "Scout bees remember a '
          'spot that worked before, so a hedge that held one", "author": {"@type": "Person", '
          '"name": "old_skep"}}}}</script>')
    page = read_html_page(_crawler_page(CRAWLED, head=ld))
    marks = [(b.author, b.mark) for b in page.blocks if b.kind == "comment"]
    assert marks == [("old_skep", "accepted solution"), ("wren_apiary", None), ("crab_apple_jo", None)]


def test_a_post_shown_as_month_and_year_is_dated_by_its_full_title():
    """A theme that prints an older post's date as "Apr 2022" keeps the day in its title."""
    posts = (_post(1, "wren_apiary", "Apr 2022", "Apr 3, 2022 7:15 am", OPENING,
                   "topic-owner regular")
             + _post(2, "old_skep", "Apr 2022", "Apr 4, 2022 9:40 am", ANSWER))
    page = read_html_page(_topic(posts))
    assert page.date == "Apr 3, 2022"
    assert [b.date for b in page.blocks if b.kind == "comment"] == ["Apr 4, 2022"]


def test_a_shown_month_the_title_does_not_fall_in_stays_as_printed():
    posts = (_post(1, "wren_apiary", "May 2022", "Apr 3, 2022 7:15 am", OPENING,
                   "topic-owner regular")
             + _post(2, "old_skep", "Apr 2022", "Apr 4, 2022 9:40 am", ANSWER))
    assert read_html_page(_topic(posts)).date == "May 2022"


def _quote(handle: str, n: int, words: str) -> str:
    return (f'<aside class="quote no-group" data-username="{handle}" data-post="{n}" '
            f'data-topic="77"><div class="title"><img alt="" class="avatar"> {handle}:</div>'
            f'<blockquote><p>{words}</p></blockquote></aside>')


def test_a_reply_quoting_an_earlier_post_without_a_tab_is_a_reply_to_its_writer():
    posts = (_post(1, "wren_apiary", "Apr 3", "Apr 3, 2022 7:15 am", OPENING,
                   "topic-owner regular", name="Wren Abbott")
             + _post(2, "old_skep", "Apr 4", "Apr 4, 2022 9:40 am", ANSWER)
             + _post(3, "crab_apple_jo", "Apr 6", "Apr 6, 2022 8:30 pm",
                     _quote("wren_apiary", 1, "both times the cluster settled on the same "
                            "hawthorn") + LATER)
             + _post(4, "wren_apiary", "Apr 7", "Apr 7, 2022 8:00 am",
                     _quote("old_skep", 2, "A bait box with an old comb in it") + THANKS,
                     "topic-owner regular", name="Wren Abbott"))
    replies = [(b.author, b.reply_to) for b in read_html_page(_topic(posts)).blocks
               if b.kind == "comment"]
    assert replies == [("old_skep", None), ("crab_apple_jo", "Wren Abbott"),
                       ("Wren Abbott", "old_skep")]
