"""An old Reddit thread page (old.reddit.com): the post signed by its submitter line, its
title without the subreddit's name, the submitter's own comments the post author's."""

from __future__ import annotations

from assistant.ingest.extract import read_html_page


def _comment(who: str, iso: str, text: str, submitter: bool = False) -> str:
    mark = (' title="submitter"', '<span class="userattrs">[<a class="submitter">S</a>]</span>') \
        if submitter else ("", "")
    return (f'<div class="thing noncollapsed comment" data-type="comment"><div class="entry">'
            f'<p class="tagline"><a href="/user/{who}" class="author may-blank'
            f'{" submitter" if submitter else ""}"{mark[0]}>{who}</a>{mark[1]} <span class="score">'
            f'7 points</span> <time datetime="{iso}" title="{iso}">2 hours ago</time></p><form '
            f'class="usertext"><div class="usertext-body"><div class="md"><p>{text}</p></div></div>'
            f'</form></div><div class="child"></div></div>')


PAGE = (
    '<html><head><title>My allotment shed roof leaks at the ridge : Allotments</title>'
    '<meta property="og:title" content="r/Allotments - My allotment shed roof leaks at the '
    'ridge"></head><body><div class="side"><div class="linkinfo"><div class="date">this post '
    'was submitted on <time datetime="2024-09-14T08:00:00+00:00">14 Sep 2024</time></div></div>'
    '</div><div class="content" role="main"><div class="sitetable linklisting"><div class="thing '
    'link self"><div class="entry"><div class="top-matter"><p class="title"><a class="title" '
    'href="/r/Allotments/comments/1x/">My allotment shed roof leaks at the ridge</a></p><p '
    'class="tagline">submitted <time datetime="2024-09-14T08:00:00+00:00" title="Sat Sep 14 '
    '08:00:00 2024 UTC">6 hours ago</time> by <a href="/user/plot_37_ada" class="author">'
    'plot_37_ada</a><span class="flair" title="Leeds">Leeds</span> to <a href="/r/Allotments/" '
    'class="subreddit">r/Allotments</a></p></div><div class="expando"><div class="usertext-body">'
    '<div class="md"><p>The felt on my shed roof is fine everywhere except the ridge, where rain '
    'gets in every time the wind blows from the west. I have tried a tube of sealant twice this '
    'summer.</p><p>Should I replace the ridge strip or the whole roof before winter?</p></div>'
    '</div></div></div></div></div><div class="commentarea"><div class="sitetable nestedlisting">'
    + _comment("Gus_Ferreira", "2024-09-14T09:00:00+00:00", "Only the ridge strip: lap it at "
               "least four inches over both sides and nail it along the bottom edge.")
    + _comment("plot_37_ada", "2024-09-14T11:00:00+00:00", "Did that this afternoon with a "
               "roll of felt from the trading hut, dry so far.", submitter=True)
    + "</div></div></div></body></html>")


def test_an_old_reddit_post_is_signed_by_its_submitter_line():
    page = read_html_page(PAGE.encode())
    assert page.author == "plot_37_ada"
    assert page.date == "2024-09-14"
    assert page.byline == "By plot_37_ada, 2024-09-14"
    posts = [b.text for b in page.blocks if b.kind == "paragraph"]
    assert not any("submitted" in t for t in posts)


def test_an_old_reddit_title_drops_the_subreddit_before_it():
    assert read_html_page(PAGE.encode()).title == "My allotment shed roof leaks at the ridge"


def test_the_submitters_own_comment_is_the_post_authors():
    page = read_html_page(PAGE.encode())
    comments = [b for b in page.blocks if b.kind == "comment"]
    assert [c.author for c in comments] == ["Gus_Ferreira", "plot_37_ada"]
    assert comments[1].author == page.author


def test_a_title_with_a_prefix_the_page_title_does_not_name_as_its_site_is_kept():
    html = PAGE.replace("My allotment shed roof leaks at the ridge : Allotments",
                        "My allotment shed roof leaks at the ridge : Gardening Weekly")
    assert read_html_page(html.encode()).title.startswith("r/Allotments - ")
