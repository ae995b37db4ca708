"""A journal article's full-text page: its history one line with every date, its citation line
no reference, its authors' marks set apart from the names, a figure's bold label spaced and
its caption read once."""

from __future__ import annotations

from assistant.ingest.extract import read_html_page
from assistant.ingest.page import page_sources

DOI = "10.4821/jcw.2023.0412"
HISTORY = ("<div class='history'><span>Received: 4 March 2023</span> / <span>Revised: 9 June "
           "2023</span> / <span>Accepted: 1 August 2023</span> / <span>Published: 12 October "
           "2023</span></div>")


def _page(history: str = HISTORY, meta: str = "") -> str:
    return (f"<!doctype html><html><head><title>Moss growth on slate roofs</title>"
            f"<meta name='citation_doi' content='{DOI}'>{meta}</head><body>"
            "<article class='full-text'><h1>Moss growth on slate roofs</h1>"
            "<div class='authors'><span class='author'>Rhys Pennant<sup>1,*</sup></span> and "
            "<span class='author'>Leila Haddad<sup>2</sup></span></div>"
            "<ol class='affiliations'><li><sup>1</sup> School of Earth Sciences, Carrow "
            "University, UK</li><li><sup>2</sup> Slate Heritage Trust, Bethel, UK</li></ol>"
            "<p class='corresp'><sup>*</sup> Corresponding author: r.pennant@carrow.ac.uk</p>"
            f"{history}<p class='citation-line'><i>J. Cold Weather Build.</i> <b>2023</b>, 8(2), "
            f"41\u201355; https://doi.org/{DOI}</p>"
            "<section class='abstract'><h2>Abstract</h2><p>We measured moss cover on 60 slate "
            "roofs in north Wales over three winters and found that north-facing roofs held "
            "twice the cover of south-facing ones.</p></section>"
            "<section><h2>1. Introduction</h2><p>Slate roofs last for a century or more, but "
            "moss holds water against the slates and speeds frost damage [1].</p>"
            "<figure><img src='f1.png' alt='map'><figcaption><b>Figure 1.</b> Moss cover by "
            "roof aspect across the sixty surveyed roofs in three winters.</figcaption></figure>"
            "<p>Cover was measured from photographs taken each February by two observers.</p>"
            "</section><section><h2>References</h2><ol class='references'><li>Owen, T.; Price, "
            "M. Frost damage in Welsh slate. <i>Build. Stone J.</i> <b>2015</b>, 3, 11\u201319."
            "</li><li>Hughes, A. Mosses of upland roofs. <i>Bryol. Notes</i> <b>2019</b>, 12, 4\u20139."
            "</li></ol></section></article></body></html>")


def _sources(html: str):
    return page_sources(read_html_page(html.encode()))


def test_the_history_is_one_line_with_every_date():
    page = read_html_page(_page().encode())
    texts = [b.text for b in page.blocks]
    assert ("Received: 4 March 2023 / Revised: 9 June 2023 / Accepted: 1 August 2023 / "
            "Published: 12 October 2023") in texts
    assert "Revised" not in (page.byline or "")


def test_the_published_date_dates_a_page_with_no_other_date():
    assert read_html_page(_page().encode()).date == "12 October 2023"


def test_the_citation_line_is_no_reference():
    refs = [s for s in _sources(_page()) if s.kind == "reference"]
    assert [s.text for s in refs][0] == \
        "Owen, T.; Price, M. Frost damage in Welsh slate. Build. Stone J. 2015, 3, 11\u201319."
    assert refs[0].label == "Reference 1" and len(refs) == 2  # as the text's [1] numbers it
    texts = [s.text for s in _sources(_page())]
    assert f"J. Cold Weather Build. 2023, 8(2), 41\u201355; https://doi.org/{DOI}" in texts


def test_the_authors_marks_are_set_apart_and_the_note_kept():
    texts = [s.text for s in _sources(_page())]
    assert "Rhys Pennant (1,*) and Leila Haddad (2)" in texts
    assert "* Corresponding author: r.pennant@carrow.ac.uk" in texts


def test_a_figures_bold_label_is_spaced_and_read_once():
    texts = [s.text for s in _sources(_page())]
    figure = [t for t in texts if "Moss cover by roof aspect" in t]
    assert figure == ["Figure 1. Moss cover by roof aspect across the sixty surveyed roofs in "
                      "three winters."]


def test_a_page_without_a_history_keeps_its_marks_and_lines_as_before():
    # no history of labelled dates: not a journal's front matter, nothing moved
    texts = [s.text for s in _sources(_page(history=""))]
    assert "Rhys Pennant (1,*) and Leila Haddad (2)" not in texts


def _about_page() -> str:
    """A publisher's full-text page (Springer's shape): a cookie banner's heading above the
    title, the journal line under the authors, and the history and "Cite this article" in an
    "About this article" box below the references."""
    title = "Lichen cover on churchyard headstones"
    return ("<!doctype html><html><head><title>Lichen cover | Stone Ecology</title>"
            f"<meta name='citation_title' content='{title}'>"
            "<meta name='citation_journal_title' content='Stone Ecology'>"
            f"<meta name='citation_doi' content='{DOI}'></head><body>"
            "<div class='cookies'><h2>We value your privacy</h2><p>We use cookies.</p></div>"
            f"<article><h1>{title}</h1><ul class='authors'><li>Mair Ellis</li></ul>"
            "<p class='info'><i>Stone Ecology</i> <b>volume 12</b>, Article number: 77 (2024) "
            "<a href='#citeas'>Cite this article</a></p>"
            "<section><h2>Abstract</h2><p>We counted lichen species on 300 headstones in 40 "
            "churchyards and found that older slate stones carried the most species.</p></section>"
            "<section><h2>References</h2><ol><li><p>Owen T (2015) Lichens on slate. Stone J 3:11"
            "\u201319. https://doi.org/10.1111/sj.2015.3</p></li></ol></section>"
            "<section><h2>About this article</h2><h3 id='citeas'>Cite this article</h3>"
            f"<p>Ellis, M. {title}. <i>Stone Ecol</i> <b>12</b>, 77 (2024). https://doi.org/{DOI}</p>"
            "<ul><li><dl><dt>Received</dt><dd>3 January 2024</dd><dt>Accepted</dt><dd>9 May 2024"
            f"</dd><dt>Published</dt><dd>20 June 2024</dd><dt>DOI</dt><dd>https://doi.org/{DOI}"
            "</dd></dl></li></ul></section></article></body></html>")


def test_a_history_box_below_the_text_is_the_articles_history_not_a_reference():
    sources = _sources(_about_page())
    posts = [s.text for s in sources if s.kind == "post"]
    assert ("Received: 3 January 2024 / Accepted: 9 May 2024 / Published: 20 June 2024 / "
            f"DOI: https://doi.org/{DOI}") in posts
    assert f"Ellis, M. Lichen cover on churchyard headstones. Stone Ecol 12, 77 (2024). " \
           f"https://doi.org/{DOI}" in posts
    refs = [s.text for s in sources if s.kind == "reference"]
    assert len(refs) == 1 and refs[0].startswith("Owen T (2015)")


def test_the_journal_line_is_read_without_its_cite_link():
    posts = [s.text for s in _sources(_about_page()) if s.kind == "post"]
    assert "Stone Ecology volume 12, Article number: 77 (2024)" in posts


def test_a_keyword_inside_a_figures_caption_is_not_taken_for_it():
    html = ("<!doctype html><html><head><title>Moss on roofs</title></head><body><article>"
            "<h1>Moss on roofs</h1><h3>Keywords</h3><ul><li>Roof aspect and moss cover</li>"
            "<li>Slate</li></ul><section><h2>Results</h2><p>North-facing roofs held twice the "
            "moss cover of south-facing ones in every winter we surveyed.</p><figure>"
            "<img src='f.png' alt='bars'><figcaption><b>Fig. 2</b> Roof aspect and moss cover "
            "in the three surveyed winters.</figcaption></figure></section></article></body></html>")
    sources = _sources(html)
    texts = [(s.kind, s.text) for s in sources]
    assert ("post", "Roof aspect and moss cover") in texts
    assert [t for k, t in texts if "surveyed winters" in t] == [
        "Fig. 2 Roof aspect and moss cover in the three surveyed winters."]
    assert [k for k, t in texts if "surveyed winters" in t] == ["caption"]
