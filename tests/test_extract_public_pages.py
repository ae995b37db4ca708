"""Public bodies' pages: a press release's closing sections (notes to editors, the media
contact, the boilerplate about who issued it) read as its text; a guidance page's metadata
list and change history, a health page's review dates, read into its byline; a sidebar's
dates never the page's; a heading's context label no caption."""

from __future__ import annotations

from assistant.ingest.extract import read_html_page

STORY = "".join(f"<p>Paragraph {i} of the release says what the otter survey on the Wend found "
                f"this spring, at some length.</p>" for i in range(5))


def _page(body: str, title: str = "Otters return to the Wend"):
    html = (f"<!doctype html><html><head><title>{title}</title></head>"
            f"<body>{body}</body></html>")
    return read_html_page(html.encode())


def _paragraphs(page) -> list[tuple[str | None, str]]:
    return [(b.heading, b.text) for b in page.blocks if b.kind == "paragraph"]


RELEASE = ("<main><article class='release'><h1>Otters return to the Wend</h1>"
           "<div class='release__body'>" + STORY + "</div>"
           "<aside class='press-contact'><h2>Press enquiries</h2><p>Owen Tarrant, Communications "
           "Officer<br>Email: o.tarrant@example.org<br>Phone: 01234 567 890</p></aside>"
           "<section class='editors'><h2>Notes to editors</h2><ol><li>The survey was paid for by "
           "the Lowmarsh Rivers Fund with a grant of £38,000.</li><li>Photographs are available "
           "from the press office.</li></ol></section>"
           "<section class='boilerplate'><h2>About the Wend Valley Trust</h2><p>The Wend Valley "
           "Trust is a charity founded in 1962 that looks after 40 miles of river.</p></section>"
           "{extra}</article>{outside}</main>")


def test_a_press_releases_closing_sections_are_its_text():
    page = _page(RELEASE.format(extra="", outside=""))
    paragraphs = _paragraphs(page)
    assert ("Notes to editors", "The survey was paid for by the Lowmarsh Rivers Fund with a "
            "grant of £38,000.") in paragraphs
    contact = [t for h, t in paragraphs if h == "Press enquiries"]
    assert any("Owen Tarrant" in t for t in contact) and any("01234 567 890" in t for t in contact)
    assert [h for h, t in paragraphs if t.startswith("The Wend Valley Trust is")] == [
        "About the Wend Valley Trust"]
    assert paragraphs[-1][1].startswith("The Wend Valley Trust is")  # after the story


def test_a_releases_sidebars_sign_ups_and_related_news_stay_out():
    extra = ("<aside class='newsletter-signup'><h2>About our newsletter</h2><p>Sign up to hear "
             "about every new survey we publish, once a month.</p></aside>")
    outside = ("<section class='related-news'><h2>Related news</h2><div class='card'><p>3 May "
               "2025</p><h3>Kingfishers nest at the old mill</h3></div></section>")
    texts = " ".join(t for _, t in _paragraphs(_page(RELEASE.format(extra=extra, outside=outside))))
    assert "Lowmarsh Rivers Fund" in texts
    assert "newsletter" not in texts and "Sign up" not in texts and "Kingfishers" not in texts



GUIDANCE = ("<main><div><h1>Register a community orchard</h1></div>"
            "<div class='gem-c-metadata'><dl><dt>From:</dt><dd><a href='/orgs/ofo'>Office for "
            "Orchards</a> and <a href='/orgs/tt'>Tree Trust</a></dd><dt>Published</dt>"
            "<dd>2 April 2024</dd><dt>Last updated</dt><dd>19 August 2024 <span>&mdash; <a "
            "href='#history'>See all updates</a></span></dd></dl></div>"
            "<div class='govspeak'>" + STORY.replace("release", "guide") + "</div>"
            "<div id='history'><h2>Updates to this page</h2><ol>"
            "<li><time datetime='2024-08-19'>19 August 2024</time><p>Added the rules for "
            "orchards on common land.</p></li>"
            "<li><time datetime='2024-04-02'>2 April 2024</time><p>First published.</p></li>"
            "</ol></div></main>")


def test_a_guidance_pages_metadata_list_is_its_byline_and_publisher():
    page = _page(GUIDANCE, title="Register a community orchard")
    assert page.author == "Office for Orchards and Tree Trust"
    assert page.byline == ("From: Office for Orchards and Tree Trust; Published 2 April 2024; "
                           "Last updated 19 August 2024")
    assert page.date == "2 April 2024"


def test_a_change_historys_entries_keep_their_dates():
    texts = [t for _, t in _paragraphs(_page(GUIDANCE, title="Register a community orchard"))]
    assert "19 August 2024: Added the rules for orchards on common land." in texts


def test_a_definition_list_of_other_fields_is_no_byline():
    body = ("<main><h1>Otters return to the Wend</h1><dl><dt>From:</dt><dd>Wendbury</dd>"
            "<dt>Distance</dt><dd>12 miles</dd></dl>" + STORY + "</main>")
    page = _page(body)
    assert page.author is None and "Wendbury" not in (page.byline or "")


def test_a_health_pages_next_review_date_stays_in_its_byline():
    body = ("<main><article><h1>Dune rash</h1>" + STORY + "<div class='review-date'><p>Page "
            "last reviewed: 9 June 2023<br>Next review due: 9 June 2026</p></div></article></main>")
    page = _page(body, title="Dune rash")
    assert page.byline == "Page last reviewed: 9 June 2023; Next review due: 9 June 2026"
    assert not any("reviewed" in t or "review due" in t for _, t in _paragraphs(page))


def test_a_sidebars_dates_of_other_posts_are_not_the_pages():
    sidebar = ("<aside id='secondary' class='widget-area'><section class='widget'><h2>Latest "
               "news</h2><ul><li><a href='/n/ferry'>Ferry timetable changes</a> <span "
               "class='post-date'>4 March 2025</span></li><li><a href='/n/weir'>Weir repairs "
               "finish early</a> <span class='post-date'>27 February 2025</span></li></ul>"
               "</section></aside>")
    body = ("<div class='site-content'><main><article><h1 class='entry-title'>Otters return to "
            "the Wend</h1><div class='entry-content'>" + STORY + "</div></article></main>"
            + sidebar + "</div>")
    page = _page(body)
    assert page.date is None and "2025" not in (page.byline or "")
    dated = body.replace("<h1 class='entry-title'>", "<p class='posted-on'><time datetime="
                         "'2025-03-01'>1 March 2025</time></p><h1 class='entry-title'>")
    assert _page(dated).date == "1 March 2025"  # the article's own date still is


def test_a_headings_context_label_is_no_image_caption():
    above = ("<main><span class='page-caption-l'>Detailed guide</span><h1>Otters return to the "
             "Wend</h1>" + STORY + "</main>")
    inside = ("<main><h1><span class='title-caption'>Case study</span> Otters return to the "
              "Wend</h1>" + STORY + "</main>")
    for body in (above, inside):
        page = _page(body)
        assert not [b for b in page.blocks if b.kind == "caption"]
        assert not any(t in ("Detailed guide", "Case study") for _, t in _paragraphs(page))
    photo = ("<main><h1>Otters return to the Wend</h1>" + STORY + "<div><img src='otter.jpg' "
             "alt=''><span class='wp-caption-text'>An otter at Wendbury weir</span></div>"
             "<h2>Where they live</h2><p>They live along the quieter stretches of the river, "
             "away from the towpath.</p></main>")
    assert [b.text for b in _page(photo).blocks if b.kind == "caption"] == [
        "An otter at Wendbury weir"]
