"""Pages laid out in old ways: a table that holds the page's menu and its article side by
side, and a box of the article's own set aside under its heading (``<aside>``)."""

from __future__ import annotations

from assistant.ingest.extract import read_html_page
from assistant.ingest.page import page_sources

ARTICLE = ("<h1>Millbrook Residents' Bulletin</h1>"
           "<h2>Spring clean-up</h2><p>Our spring clean-up on Saturday drew 58 volunteers, who "
           "filled 30 bags of litter along the river path before lunch.</p>"
           "<p>Thanks go to the corner bakery, which gave coffee and rolls to everyone.</p>"
           "<h2>Dates for your diary</h2><ul><li>Tuesday 4 June, 7 pm: annual general meeting, "
           "the church hall</li><li>Saturday 15 June: summer fair on the green</li></ul>")


def _page(body: str) -> bytes:
    return (f"<html><head><title>Millbrook Residents' Bulletin</title></head><body>{body}"
            "</body></html>").encode()


def test_a_table_that_lays_out_menu_and_article_reads_as_paragraphs_under_headings():
    body = ('<table width="720"><tr><td width="150"><b>In this issue</b><br>'
            '<a href="#a">Spring clean-up</a><br><a href="#b">Dates for your diary</a><br>'
            f'<a href="/join">Join us</a></td><td>{ARTICLE}</td></tr></table>')
    sources = [s for s in page_sources(read_html_page(_page(body))) if s.kind == "post"]
    assert [s.text for s in sources] == [
        "Our spring clean-up on Saturday drew 58 volunteers, who filled 30 bags of litter along "
        "the river path before lunch.",
        "Thanks go to the corner bakery, which gave coffee and rolls to everyone.",
        "Tuesday 4 June, 7 pm: annual general meeting, the church hall",
        "Saturday 15 June: summer fair on the green"]
    assert "Dates for your diary" in sources[2].label
    assert not any("In this issue" in s.text or "Join us" in s.text for s in sources)


def test_a_data_table_stays_a_table_of_rows():
    rows = "".join(f"<tr><td>{m}</td><td>{n}</td></tr>" for m, n in (("May", 58), ("June", 41)))
    body = (f"<article>{ARTICLE}<table><tr><th>Month</th><th>Volunteers</th></tr>{rows}"
            "</table></article>")
    texts = [s.text for s in page_sources(read_html_page(_page(body)))]
    # each row with its header row's words
    assert "Month: May; Volunteers: 58" in texts and "Month: June; Volunteers: 41" in texts


ASIDE = ('<aside class="about-study"><h2>About the study</h2><p>The paper, by A. Lind and '
         'B. Osei, is published in the Journal of River Ecology, volume 9 (2025).</p>'
         '<p>The research was funded by the Millbrook Trust.</p></aside>')


def test_a_box_of_the_article_s_own_under_its_heading_is_read():
    body = f"<article>{ARTICLE}{ASIDE}</article>"
    sources = [s for s in page_sources(read_html_page(_page(body))) if s.kind == "post"]
    funded = [s for s in sources if s.text == "The research was funded by the Millbrook Trust."]
    assert funded and "About the study" in funded[0].label


def test_a_pull_quote_and_a_related_links_box_stay_out():
    pull = '<aside class="pullquote"><p>"Fifty-eight volunteers filled thirty bags."</p></aside>'
    related = ('<aside class="more"><h2>More news</h2><ul><li><a href="/a">Bridge reopens after '
               'repairs to its deck</a></li><li><a href="/b">Library extends its opening '
               'hours</a></li></ul></aside>')
    texts = [s.text for s in page_sources(read_html_page(_page(
        f"<article>{ARTICLE}{pull}{related}</article>")))]
    assert not any("Fifty-eight" in t or "Bridge reopens" in t or "More news" in t for t in texts)
