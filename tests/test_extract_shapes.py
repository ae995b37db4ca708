"""Saved pages of reference works and recipe blogs: documentation (Sphinx, MkDocs), an
encyclopedia article, a preprint's abstract page and a recipe card read as a reader sees
them, with the parts their class and id words make look like furniture kept."""

from __future__ import annotations

from assistant.ingest.extract import read_html_page
from assistant.ingest.page import page_sources

LAKE = "".join(f"<p>Sentence number {i} says something new about the lake and its ferries, "
               f"at some length.</p>" for i in range(5))


def _page(body: str, title: str = "Lake ferries", head: str = ""):
    html = (f"<!doctype html><html><head><title>{title}</title>{head}</head>"
            f"<body>{body}</body></html>")
    return read_html_page(html.encode())


def _texts(page) -> list[str]:
    return [b.text for b in page.blocks]


def test_a_heading_whose_id_is_its_own_slug_is_not_furniture():
    # a wiki's headings carry their slugs as ids: "Related_routes" names the section
    body = ("<main><h1>Lake ferries</h1>" + LAKE
            + "".join(f"<h2 id='{h.replace(' ', '_')}'>{h}</h2><p>The {h.lower()} section "
                      f"tells of the boats that crossed the lake in winter.</p>"
                      for h in ("Early years", "Steam era", "Related routes", "Popular culture"))
            + "</main>")
    page = _page(body)
    headings = [b.heading for b in page.blocks if b.text.startswith("The ")]
    assert headings == ["Early years", "Steam era", "Related routes", "Popular culture"]


def test_a_documentation_section_whose_id_says_sharing_is_read():
    body = ("<div itemprop='articleBody'><section id='ferry-api'><h1>Ferry API</h1>" + LAKE
            + "<section id='opening-a-port'><h2>Opening a port</h2><p>A port opens once per "
              "process and stays open until the process exits.</p></section>"
              "<section id='sharing-a-port'><h2>Sharing a port</h2><p>Two threads may share "
              "one port, but two processes may not.</p></section>"
              "<section id='closing-a-port'><h2>Closing a port</h2><p>Closing a port twice "
              "raises PortClosed.</p></section></section></div>")
    page = _page(body, "Ferry API")
    shared = [b for b in page.blocks if b.text.startswith("Two threads")]
    assert [b.heading for b in shared] == ["Sharing a port"]


def test_a_lone_box_whose_id_is_its_headings_slug_is_still_furniture():
    body = ("<article><h1>Lake ferries</h1>" + LAKE + "<div id='related-stories'><h3>Related "
            "stories</h3><ul><li><a href='/a'>Ferry fares rise again next spring</a></li></ul>"
            "</div></article>")
    assert not any("fares rise" in t for t in _texts(_page(body)))


def test_a_recipe_cards_times_servings_and_nutrition_are_read():
    card = (
        "<div class='wprm-recipe-container'><div class='wprm-recipe'><h2>Lentil soup</h2>"
        "<div class='wprm-recipe-summary'><span style='display: block;'>A thick red lentil "
        "soup for cold evenings.</span></div>"
        "<div class='wprm-recipe-meta-container wprm-recipe-times-container'>"
        "<div class='wprm-recipe-block-container'><span class='wprm-recipe-details-label'>Cook "
        "Time </span><span class='wprm-recipe-time'><span>35</span> <span>mins</span></span>"
        "</div></div><div class='wprm-recipe-meta-container wprm-recipe-tags-container'>"
        "<div class='wprm-recipe-block-container'><span>Servings </span><span>6</span></div></div>"
        "<div class='wprm-recipe-notes'><span style='display: block;'><strong>Freezing:</strong>"
        " it keeps for 2 months.</span><span style='display: block;'><strong>Spice:</strong> "
        "add chilli at the end.</span></div>"
        "<div class='wprm-nutrition-label-container'><h3>Nutrition</h3><span><span>Calories: "
        "</span><span>310</span><span> kcal</span></span><span> | </span><span><span>Fat: "
        "</span><span>9</span><span> g</span></span></div>"
        "<div class='wprm-call-to-action'><span>Tried this recipe?</span><span>Tag us!</span>"
        "</div></div></div>")
    texts = _texts(_page(f"<article><div class='entry-content'>{LAKE}{card}</div></article>"))
    assert "A thick red lentil soup for cold evenings." in texts
    assert "Cook Time 35 mins" in texts and "Servings 6" in texts
    assert "Freezing: it keeps for 2 months." in texts and "Spice: add chilli at the end." in texts
    assert "Calories: 310 kcal | Fat: 9 g" in texts
    assert not any("Tried this recipe" in t for t in texts)


ABSTRACT_PAGE = (
    "<main><div class='subheader'><h1>Physics &gt; Fluid Dynamics</h1></div>"
    "<div id='abs'><div class='dateline'>[Submitted on 2 Feb 2026]</div>"
    "<h1 class='title mathjax'><span class='descriptor'>Title:</span>Ripples on shallow lakes "
    "under steady wind</h1><div class='authors'><span class='descriptor'>Authors:</span>"
    "<a href='/a/1'>Ines Varga</a>, <a href='/a/2'>Tom Okoro</a></div>"
    "<blockquote class='abstract mathjax'><span class='descriptor'>Abstract:</span>We measure "
    "ripples on three shallow lakes over two winters. Ripple height grows with fetch until the "
    "water is 2 m deep, and then stops growing.</blockquote>"
    "<div class='metatable'><table><tr><td class='tablecell label'>Comments:</td>"
    "<td class='tablecell comments mathjax'>9 pages, 3 figures</td></tr><tr><td class='tablecell "
    "label'>Subjects:</td><td class='tablecell subjects'>Fluid Dynamics (physics.flu-dyn)</td>"
    "</tr></table></div></div>"
    "<div class='extra-services'><div class='full-text'><span class='descriptor'>Full-text "
    "links:</span><h2>Access Paper:</h2><ul><li><a href='/pdf/1'>View PDF</a></li></ul></div>"
    "<div class='browse'>Current browse context: <div class='current'>physics.flu-dyn</div>"
    "</div></div></main>")


def test_an_abstract_page_reads_its_abstract_under_a_heading_without_labels():
    page = _page(ABSTRACT_PAGE, "Ripples on shallow lakes under steady wind")
    abstract = [b for b in page.blocks if b.text.startswith("We measure ripples")]
    assert [b.heading for b in abstract] == ["Abstract"]
    texts = _texts(page)
    assert not any("Abstract:" in t or "Title:" in t for t in texts)
    assert not any(b.heading and b.heading.startswith("Title:") for b in page.blocks)


def test_an_abstract_pages_fields_are_lines_and_a_comments_cell_is_no_comment():
    page = _page(ABSTRACT_PAGE, "Ripples on shallow lakes under steady wind")
    texts = _texts(page)
    assert "Comments: 9 pages, 3 figures" in texts
    assert "Subjects: Fluid Dynamics (physics.flu-dyn)" in texts
    assert not any(b.kind == "comment" for b in page.blocks)
    assert not any("browse context" in t or "Full-text" in t for t in texts)


def test_sources_of_an_abstract_page_name_its_authors():
    page = _page(ABSTRACT_PAGE, "Ripples on shallow lakes under steady wind")
    assert any("Authors: Ines Varga, Tom Okoro" in s.text for s in page_sources(page))


DOCS_PAGE = (
    "<div itemprop='articleBody'><section id='tide-tables'><h1>Tide tables<a class='headerlink' "
    "href='#tide-tables' title='Link to this heading'>\u00b6</a></h1>" + LAKE
    + "<section id='reading-a-table'><h2>Reading a table<a class='headerlink' "
      "href='#reading-a-table'>\u00b6</a></h2><p>Load a table and ask it for a day:</p>"
      "<div class='highlight-pycon'><div class='highlight'><pre><span></span><span class='gp'>"
      "&gt;&gt;&gt; </span><span class='n'>t</span> <span class='o'>=</span> <span class='n'>"
      "load</span><span class='p'>(</span><span class='s2'>'oban'</span><span class='p'>)"
      "</span>\n<span class='gp'>&gt;&gt;&gt; </span><span class='n'>t</span><span class='o'>."
      "</span><span class='n'>high</span><span class='p'>()</span>\n<span class='go'>06:42"
      "</span>\n</pre></div></div>"
      "<div class='admonition warning'><p class='admonition-title'>Warning</p><p>Tables before "
      "1990 use local time, not UTC.</p></div></section></section></div>")


def test_a_documentation_pages_permalink_marks_are_not_in_its_title_or_headings():
    page = _page(DOCS_PAGE, "Tide tables \u2014 tides 1.2 documentation")
    assert page.title == "Tide tables"
    assert {b.heading for b in page.blocks} == {None, "Reading a table"}


def test_an_admonitions_title_leads_its_text():
    texts = _texts(_page(DOCS_PAGE, "Tide tables"))
    assert "Warning: Tables before 1990 use local time, not UTC." in texts
    assert "Warning" not in texts


def test_a_code_blocks_lines_are_kept():
    texts = _texts(_page(DOCS_PAGE, "Tide tables"))
    assert ">>> t = load('oban')\n>>> t.high()\n06:42" in texts


def test_a_line_break_in_an_infobox_cell_keeps_a_separator():
    box = ("<table class='infobox'><tbody><tr><th scope='row' class='infobox-label'>Services</th>"
           "<td class='infobox-data'><a href='/wiki/Ferry'>Car ferry</a> (1921\u20131980)<br>"
           "Foot ferry (since 1981)</td></tr><tr><th>Length</th><td>2.4 km</td></tr></tbody>"
           "</table>")
    texts = _texts(_page(f"<main><h1>Lake ferries</h1>{box}{LAKE}</main>"))
    assert "Services | Car ferry (1921\u20131980); Foot ferry (since 1981)" in texts


def test_a_bold_label_opening_a_box_keeps_its_space():
    body = (f"<article><div class='entry-content'>{LAKE}<div class='tip'><strong>Best time:"
            "</strong> the first ferry leaves at dawn.</div></div></article>")
    assert "Best time: the first ferry leaves at dawn." in _texts(_page(body))


def test_a_star_rating_shown_as_a_picture_heads_its_comment():
    comments = (
        "<div id='comments' class='comments-area'><ol class='comment-list'>"
        "<li id='comment-1' class='comment'><article class='comment-body'><footer "
        "class='comment-meta'><div class='comment-author vcard'><b class='fn'>Nia Brook</b> "
        "<span class='says'>says:</span></div><div class='comment-metadata'><time datetime="
        "'2025-06-02T10:00:00+00:00'>June 2, 2025 at 10:00 am</time></div></footer>"
        "<div class='comment-content'><div class='comment-rating'><img src='s.svg' alt='4 stars'>"
        "</div><p>We took the early ferry and it was quiet and cold.</p></div></article></li>"
        "</ol></div>")
    page = _page(f"<article><div class='entry-content'>{LAKE}</div></article>{comments}")
    # the rating's box and the paragraph are lines of the comment
    assert [(b.author, " ".join(b.text.split())) for b in page.blocks if b.kind == "comment"] == [
        ("Nia Brook", "Rated 4 stars. We took the early ferry and it was quiet and cold.")]


def test_a_rating_drawn_as_star_characters_or_bubbles_heads_its_comment():
    def comment(n: int, who: str, rating: str, text: str) -> str:
        return (f"<li id='comment-{n}' class='comment'><article class='comment-body'><footer "
                f"class='comment-meta'><div class='comment-author vcard'><b class='fn'>{who}</b>"
                "</div><div class='comment-metadata'><time datetime='2025-06-02T10:00:00+00:00'>"
                f"June 2, 2025 at 10:00 am</time></div></footer><div class='comment-content'>"
                f"{rating}<p>{text}</p></div></article></li>")
    comments = ("<div id='comments' class='comments-area'><ol class='comment-list'>"
                + comment(1, "Nia Brook", "<span class='stars' aria-label='4 out of 5 stars'>"
                          "\u2605\u2605\u2605\u2605\u2606</span>", "The early ferry was quiet.")
                + comment(2, "Ivo Marsh", "<span class='ui_bubble_rating bubble_30' aria-label="
                          "'3 of 5 bubbles'></span>", "The cafe on the pier was shut.")
                + "</ol></div>")
    page = _page(f"<article><div class='entry-content'>{LAKE}</div></article>{comments}")
    # the characters draw the rating: its label says it in words
    assert [(b.author, " ".join(b.text.split())) for b in page.blocks if b.kind == "comment"] == [
        ("Nia Brook", "Rated 4 out of 5 stars. The early ferry was quiet."),
        ("Ivo Marsh", "Rated 3 of 5 bubbles. The cafe on the pier was shut.")]


def test_a_rating_printed_in_words_beside_its_stars_is_not_read_twice():
    body = (f"<article><div class='entry-content'>{LAKE}<p>Our verdict: <span aria-label='4 out "
            "of 5 stars'>four stars out of five</span> for the crossing.</p></div></article>")
    assert "Our verdict: four stars out of five for the crossing." in _texts(_page(body))
