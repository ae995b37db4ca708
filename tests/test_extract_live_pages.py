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


LIVE = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
        '"LiveBlogPosting", "headline": "Canal day", "author": [{"@type": "Person", "name": '
        '"Ada Fenwick"}, {"@type": "Person", "name": "Rob Tull"}]}</script>')


def _update(stamp: str, who: str, title: str, *paragraphs: str) -> str:
    return (f"<div class='block'><div class='block__meta'><time datetime='2025-05-02'>{stamp}"
            f"</time><span class='block__author'>{who}</span></div><div class='block__content'>"
            f"<h3>{title}</h3>" + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div></div>")


def test_a_live_blogs_updates_open_with_their_time_and_are_signed_by_their_reporters():
    body = ("<article class='story'><h1>Canal day</h1><p class='byline'>By Ada Fenwick and Rob "
            "Tull</p><div class='story-body'>"
            + _update("16.05 BST", "Rob Tull", "Lock 9 drained",
                      "Engineers have drained lock 9 to look at the cracked gate.",
                      "They expect to finish the repair by Sunday evening.")
            + _update("10.20 BST", "Ada Fenwick", "Boats queue at Lock 12",
                      "Some forty narrowboats were waiting above Lock 12 this morning.")
            + "</div></article>")
    page = _page(body, head=LIVE)
    posts = [(s.label, s.author, s.text) for s in page_sources(page) if s.kind == "post"]
    assert posts == [
        ('Post, paragraph 1 (under "Lock 9 drained"), by Rob Tull', "Rob Tull",
         "16.05 BST, by Rob Tull: Engineers have drained lock 9 to look at the cracked gate."),
        ('Post, paragraph 2 (under "Lock 9 drained"), by Rob Tull', "Rob Tull",
         "They expect to finish the repair by Sunday evening."),
        ('Post, paragraph 3 (under "Boats queue at Lock 12"), by Ada Fenwick', "Ada Fenwick",
         "10.20 BST, by Ada Fenwick: Some forty narrowboats were waiting above Lock 12 this "
         "morning.")]


def test_an_updates_headline_heads_that_update_only():
    plain = ("<div class='block'><div class='block__meta'><time datetime='2025-05-02'>09.40 BST"
             "</time><span class='block__author'>Ada Fenwick</span></div><div class='block__content'>"
             "<p>The towpath at Hollin Bridge is open again after the fallen tree was cleared.</p>"
             "</div></div>")
    body = ("<article class='story'><h1>Canal day</h1><p class='byline'>By Ada Fenwick and Rob "
            "Tull</p><div class='story-body'>"
            + _update("16.05 BST", "Rob Tull", "Lock 9 drained",
                      "Engineers have drained lock 9 to look at the cracked gate.")
            + plain + "</div></article>")
    posts = [s.label for s in page_sources(_page(body, head=LIVE)) if s.kind == "post"]
    assert posts == ['Post, paragraph 1 (under "Lock 9 drained"), by Rob Tull',
                     "Post, paragraph 2, by Ada Fenwick"]


def test_a_live_blog_classed_so_reads_a_posted_by_line_and_keeps_unsigned_updates_unsigned():
    def entry(stamp: str, line: str, text: str) -> str:
        return (f"<li class='liveblog-entry'><time>{stamp}</time><p>{text}</p>{line}</li>")
    body = ("<main><div class='liveblog'><h1>Canal day</h1>" + CANAL + "<ul class='entries'>"
            + entry("2:15pm", "<footer>Posted by Meg Ashdown</footer>",
                    "The towpath at Hollin Bridge is open again after the fallen tree was cleared.")
            + entry("1:40pm", "", "A second tree has come down near the aqueduct, blocking the "
                    "towpath for walkers.")
            + "</ul></div></main>")
    got = [(b.author, b.text) for b in _page(body).blocks if "towpath" in b.text]
    assert got == [("Meg Ashdown", "2:15pm, by Meg Ashdown: The towpath at Hollin Bridge is open "
                                   "again after the fallen tree was cleared."),
                   (None, "1:40pm: A second tree has come down near the aqueduct, blocking the "
                          "towpath for walkers.")]


def test_a_list_of_dated_posts_on_a_page_that_is_no_live_blog_reads_as_before():
    def post(day: str, who: str, text: str) -> str:
        return (f"<div class='post'><time>{day}</time><span class='author'>{who}</span>"
                f"<p>{text}</p></div>")
    body = ("<main><h1>Canal day</h1>" + CANAL
            + post("2 May 2025", "Meg Ashdown", "The spring clean-up at Hollin Bridge filled "
                   "forty sacks with litter from the water.")
            + post("1 May 2025", "Rob Tull", "Volunteers painted the balance beams at Lock 12 "
                   "white and black again.") + "</main>")
    page = _page(body)
    assert not any(b.author for b in page.blocks)
    assert not any(b.text.startswith(("2 May", "1 May")) for b in page.blocks)


def test_a_reporters_name_in_an_updates_footer_signs_it_without_the_share_link():
    def entry(stamp: str, footer: str, text: str) -> str:
        return (f"<div class='block'><header><time>{stamp}</time></header><div class='body'>"
                f"<p>{text}</p></div><footer>{footer}<a href='#'>Share</a></footer></div>")
    body = ("<article><h1>Canal day</h1>" + CANAL
            + entry("11.02", "<p>Ines Dobbs</p>", "The trip boat Kingfisher has cancelled its "
                    "afternoon sailings from the basin.")
            + entry("10.47", "", "Water levels in the summit pound have fallen by a foot since "
                    "dawn.") + "</article>")
    got = [(b.author, b.text) for b in _page(body, head=LIVE).blocks if "GMT" in b.text
           or b.text[:5] in ("11.02", "10.47")]
    assert got == [("Ines Dobbs", "11.02, by Ines Dobbs: The trip boat Kingfisher has cancelled "
                                  "its afternoon sailings from the basin."),
                   (None, "10.47: Water levels in the summit pound have fallen by a foot since "
                          "dawn.")]


def _trail_box(blog: str, *paragraphs: str) -> str:
    return (f"<div class='reblog-list-item'><div class='reblog-header'><img class='reblog-avatar' "
            f"src='a.png' alt=''><a class='reblog-tumblelog-name' href='#'>{blog}</a></div>"
            "<div class='reblog-content'>" + "".join(f"<p>{p}</p>" for p in paragraphs)
            + "</div></div>")


def _note(line: str, added: str = "") -> str:
    quote = f"<blockquote><a href='#'>{added}</a></blockquote>" if added else ""
    return f"<li class='note'><span class='action'>{line}</span>{quote}</li>"


def test_a_tumblr_reblog_reads_its_trail_and_the_words_its_notes_added_by_their_blogs():
    body = ("<main><article class='post text'><div class='post-meta'><a class='reblogged-from' "
            "href='#'>kettle-and-moss reblogged fernwise</a></div><div class='reblog-trail'>"
            + _trail_box("old-mill-notes", "I found a box of glass negatives in the attic of "
                         "the old mill at Ashcombe last week.",
                         "There are ninety of them, all of the mill race in the 1890s.")
            + _trail_box("fernwise", "the mill race photos!! my nan swam in that race as a girl")
            + "</div><div class='post-body'><p>please scan these before anything happens to "
            "them</p></div><div class='post-footer'><a class='post-date' href='#'>Apr 2nd, 2025"
            "</a></div><section id='notes'><h3>Notes</h3><ol class='notes'>"
            + _note("sparrowgrass liked this")
            + _note("quillpig reblogged this from fernwise and added:", "ninety negatives of one "
                    "mill race is a whole film")
            + _note("fernwise reblogged this from old-mill-notes and added:", "the mill race "
                    "photos!! my nan swam\u2026")
            + _note("old-mill-notes posted this")
            + "</ol><a class='more_notes_link' href='#'>Show more notes</a></section></article>"
            "</main>")
    page = _page(body, title="kettle-and-moss")
    assert page.author == "old-mill-notes"
    assert [b.text for b in page.blocks if b.kind == "paragraph"] == [
        "I found a box of glass negatives in the attic of the old mill at Ashcombe last week.",
        "There are ninety of them, all of the mill race in the 1890s."]
    assert [(b.author, b.text, b.reply_to) for b in page.blocks if b.kind == "comment"] == [
        ("fernwise", "the mill race photos!! my nan swam in that race as a girl", None),
        ("kettle-and-moss", "please scan these before anything happens to them", None),
        ("quillpig", "ninety negatives of one mill race is a whole film", "fernwise")]
    assert not any("liked this" in b.text or "Show more" in b.text for b in page.blocks)


def test_a_tumblr_trail_in_the_newer_markup_is_signed_by_the_names_in_its_spans():
    def box(blog: str, text: str) -> str:
        return (f"<div data-testid='reblog-list-item'><div><span>{blog}</span></div>"
                f"<div><p>{text}</p></div></div>")
    body = ("<main><article>" + box("hedge-layer", "Laid forty metres of hawthorn hedge along "
                                    "the lane this winter, in the Midland style.")
            + box("bramblecrown", "the Midland style is the one with the brash all on one side, "
                  "facing the field") + "</article></main>")
    page = _page(body, title="hedge-layer")
    assert page.author == "hedge-layer"
    assert [(b.kind, b.author) for b in page.blocks] == [("paragraph", None),
                                                         ("comment", "bramblecrown")]


def test_a_list_classed_notes_on_an_ordinary_page_stays_its_text():
    body = ("<article><h1>Canal day</h1>" + CANAL + "<ol class='notes'><li>The lock keeper's "
            "log for 1902 is kept at the county archive.</li><li>Boat counts are for the summer "
            "months only.</li></ol></article>")
    page = _page(body)
    assert not any(b.kind == "comment" for b in page.blocks)
    assert any("lock keeper's log" in b.text for b in page.blocks)


def _lines(page) -> list[str]:
    return [s.text for s in page_sources(page)]


def test_updates_in_a_box_classed_feed_are_the_article_not_a_sites_feed():
    body = ("<main><article class='live-blog'><h1>Canal day</h1><p class='byline'>By Ada Fenwick"
            "</p><div class='intro'><p>The canal festival runs all day; follow it here.</p></div>"
            "<div class='live-feed'>"
            + "".join(f"<article class='live-update'><header><time datetime='2025-05-02'>{t}"
                      f"</time><span class='author'>Rob Tull</span></header><h2>{h}</h2><p>{x}"
                      "</p></article>" for t, h, x in (
                          ("10:05", "Boats line up", "Forty boats have lined up by the wharf."),
                          ("11:30", "Race starts", "The rowing race set off from lock 3."),
                          ("12:15", "Winner", "A crew from Tewsbury won the rowing race.")))
            + "</div></article></main>")
    texts = _lines(_page(body))
    assert [t for t in texts if t.startswith(("10:05", "11:30", "12:15"))] == [
        "10:05, by Rob Tull: Forty boats have lined up by the wharf.",
        "11:30, by Rob Tull: The rowing race set off from lock 3.",
        "12:15, by Rob Tull: A crew from Tewsbury won the rowing race."]


def test_an_updates_time_printed_in_a_span_classed_time_opens_it():
    body = ("<main><h1>Canal day</h1><p class='byline'>By Ada Fenwick</p>"
            "<div class='liveblog-body'>"
            + "".join(f"<div class='block'><p class='block-time'><span class='block-time__abs'>"
                      f"{t}</span></p><div class='block-elements'><p>{x}</p></div>"
                      f"<p class='block-byline'><span class='contributor'>{w}</span></p></div>"
                      for t, x, w in (("16:40", "The lock keeper reopened lock 9.", "Rob Tull"),
                                      ("15:10", "A swan held up the boats at lock 9.",
                                       "Ada Fenwick")))
            + "</div></main>")
    page = _page(body)
    assert "16:40, by Rob Tull: The lock keeper reopened lock 9." in _texts(page)
    assert "15:10, by Ada Fenwick: A swan held up the boats at lock 9." in _texts(page)
    assert not any(t in ("16:40", "Rob Tull") for t in _texts(page))


def test_a_wordpress_live_blogs_entries_are_the_post_not_a_forums_replies():
    entries = "".join(
        f"<div class='liveblog-entry'><header class='liveblog-meta'><a class='liveblog-meta-time' "
        f"href='#'><span class='date'>2 May</span><span class='time'>{t}</span></a><div "
        f"class='liveblog-meta-authors'><span class='liveblog-author-name'>{w}</span></div>"
        f"</header><div class='liveblog-entry-text'><p>{x}</p></div></div>"
        for t, w, x in (("14:20", "Rob Tull", "The last boats are through lock 12 now."),
                        ("13:05", "Ada Fenwick", "Lunch at the wharf: the pie stall has sold out."),
                        ("11:45", "Rob Tull", "Lock 12 is open again after the gate repair.")))
    body = ("<article class='post'><h1 class='entry-title'>Canal day</h1><div class='entry-meta'>"
            "<span class='byline'>by <a class='url fn n' href='/a'>Ada Fenwick</a></span> "
            "<time class='entry-date published' datetime='2025-05-02T08:00'>May 2, 2025</time>"
            "</div><div class='entry-content'><p>We follow the canal festival all day.</p>"
            f"<div class='liveblog-feed'>{entries}</div></div></article>")
    page = _page(body)
    sources = page_sources(page)
    assert not any(s.kind == "comment" for s in sources)
    assert [s.text for s in sources if s.kind == "post"] == [
        "We follow the canal festival all day.",
        "2 May 14:20, by Rob Tull: The last boats are through lock 12 now.",
        "2 May 13:05, by Ada Fenwick: Lunch at the wharf: the pie stall has sold out.",
        "2 May 11:45, by Rob Tull: Lock 12 is open again after the gate repair."]
    assert page.author == "Ada Fenwick"


def test_a_declared_live_blogs_updates_name_neither_its_title_nor_its_author():
    import json
    ld = {"@context": "https://schema.org", "@type": "LiveBlogPosting", "headline": "Canal day",
          "datePublished": "2025-05-02T08:00:00Z",
          "liveBlogUpdate": [{"@type": "BlogPosting", "headline": "Pie stall sold out",
                              "datePublished": "2025-05-02T13:05:00Z",
                              "author": {"@type": "Person", "name": "Rob Tull"}}]}
    body = ("<main><h1>Canal day</h1><div class='live-updates'>"
            + "".join(f"<section class='post'><div class='post__meta'><time>{t}</time> <span "
                      f"class='author'>{w}</span></div><p>{x}</p></section>" for t, w, x in (
                          ("13:05", "Rob Tull", "The pie stall at the wharf has sold out."),
                          ("11:45", "Ada Fenwick", "Lock 12 is open again after the repair.")))
            + "</div></main>")
    page = _page(body, title="Canal day | Wharf News",
                 head=f"<script type='application/ld+json'>{json.dumps(ld)}</script>")
    assert page.title == "Canal day"
    assert page.author != "Rob Tull"
    assert "13:05, by Rob Tull: The pie stall at the wharf has sold out." in _texts(page)


_DAY = (("09:10", "Rob Tull", "Gates open", "The festival gates opened to a queue along the towpath."),
        ("10:25", "Ada Fenwick", "Lock 4 jammed", "A jammed paddle held boats at lock 4 for an hour."),
        ("11:40", "Rob Tull", "Brass band plays", "The Tewsbury brass band played on the wharf."))


def test_an_updates_time_printed_in_its_heading_opens_it_and_its_headline_stays():
    body = ("<div class='page'><h1>Canal day</h1><p class='author-name'>Ada Fenwick</p>"
            "<div class='live-coverage'>"
            + "".join(f"<div class='update'><h3>{t} &ndash; {h}</h3><p>{x}</p><p class='note'>"
                      f"Reported by {w}</p></div>" for t, w, h, x in _DAY)
            + "</div></div>")
    sources = [s for s in page_sources(_page(body)) if s.kind == "post"]
    assert [(s.text, s.author) for s in sources] == [
        (f"{t}, by {w}: {x}", w) for t, w, _, x in _DAY]
    assert [s.label.split('"')[1] for s in sources] == [h for _, _, h, _ in _DAY]


def test_each_update_in_a_box_classed_post_keeps_its_headline():
    body = ("<main><h1>Canal day</h1><div class='live-updates'>"
            + "".join(f"<section class='post'><div class='post__meta'><time>{t}</time> "
                      f"<span class='author'>{w}</span></div><h2 class='post__title'>{h}</h2>"
                      f"<div class='post__body'><p>{x}</p></div></section>" for t, w, h, x in _DAY)
            + "</div></main>")
    page = _page(body)
    assert [(b.heading, b.text) for b in page.blocks] == [
        (h, f"{t}, by {w}: {x}") for t, w, h, x in _DAY]


def test_updates_in_a_list_keep_their_headlines_apart_from_their_text():
    body = ("<main><article><h1>Canal day</h1><ol class='liveblog-stream'>"
            + "".join(f"<li class='liveblog-item'><time datetime='2025-05-02'>{t}</time><h3>{h}"
                      f"</h3><p>{x}</p><footer>{w}<a href='#'>Share</a></footer></li>"
                      for t, w, h, x in _DAY)
            + "</ol></article></main>")
    page = _page(body)
    assert [(b.heading, b.text, b.author) for b in page.blocks] == [
        (h, f"{t}, by {w}: {x}", w) for t, w, h, x in _DAY]


def test_a_live_blog_whose_updates_are_headed_only_by_their_time_keeps_each_time():
    body = ("<main><article class='story'><h1>Canal day</h1><p class='byline'>By Ada Fenwick</p>"
            "<div class='story-body liveblog'>"
            + "".join(f"<h3>{t}</h3><p>{x}</p><hr>" for t, _, _, x in _DAY)
            + "</div></article></main>")
    texts = _texts(_page(body))
    assert [t for t in texts if t[:2].isdigit()] == [f"{t}: {x}" for t, _, _, x in _DAY]


def test_times_heading_an_ordinary_pages_sections_stay_headings():
    body = ("<main><article><h1>Canal day</h1><div class='story-body'>"
            + "".join(f"<h3>{t}</h3><p>{x}</p>" for t, _, _, x in _DAY) + "</div></article></main>")
    assert not any(t[:2].isdigit() for t in _texts(_page(body)))
