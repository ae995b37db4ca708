"""A Google Docs document downloaded as a web page: the paragraph styled Title is the title
(not the first heading), a "Prepared by" subtitle its byline, its footnotes' marks are not
part of the sentences and the notes are references, and links through Google's redirect are
their targets."""

from __future__ import annotations

import lxml.html

from assistant.ingest import google_doc
from assistant.ingest.extract import read_html_page
from assistant.ingest.page import page_sources

SPACER = '<p class="c3"><span class="c1"></span></p>'


def _export(subtitle: str, body_class: str = "c9 doc-content") -> bytes:
    return ('<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type">'
            '<style type="text/css">.c1{color:#000000}.title{font-size:26pt}</style></head>'
            f'<body class="{body_class}"><p class="c5 title" id="h.aa1"><span class="c7">Hilltop '
            'Bell Ringers \u2013 Tower Report 2024</span></p>'
            f'{subtitle}{SPACER}<h1 class="c4" id="h.bb2"><span class="c6">1. The bells</span></h1>'
            '<p class="c2"><span class="c1">All eight bells were rung on 41 Sundays this year, '
            'and the tenor was rehung in May</span><sup><a href="#ftnt1" id="ftnt_ref1">[1]</a>'
            '</sup><span class="c1">. Practice night moved to Thursdays.</span></p>' + SPACER +
            '<p class="c2"><span class="c1">The rota is kept on our </span><span class="c8"><a '
            'class="c10" href="https://www.google.com/url?q=https://hilltopbells.example/rota&amp;'
            'sa=D&amp;source=editors&amp;usg=AOvVaw1x">shared calendar</a></span><span class="c1">'
            '.</span></p><h1 class="c4" id="h.cc3"><span class="c6">2. Money</span></h1><p class='
            '"c2"><span class="c1">The tower fund stands at 2,310 pounds after the spring fair'
            '</span><sup><a href="#ftnt2" id="ftnt_ref2">[2]</a></sup><span class="c1">.</span>'
            '</p><hr class="c11"><div><p class="c2"><a href="#ftnt_ref1" id="ftnt1">[1]</a><span '
            'class="c1">&nbsp;The clapper was recast at the Loughborough foundry.</span></p></div>'
            '<div><p class="c2"><a href="#ftnt_ref2" id="ftnt2">[2]</a><span class="c1">&nbsp;'
            'Audited by the churchwardens in October.</span></p></div></body></html>').encode()


SUBTITLE = ('<p class="c12 subtitle" id="h.dd4"><span class="c13">Prepared by Ines Calloway, '
            'Tower Captain, for the annual meeting on 9 February 2025</span></p>')


def test_a_google_docs_title_is_its_title_paragraph_and_its_subtitle_its_byline() -> None:
    page = read_html_page(_export(SUBTITLE), "report.html")
    assert page.title == "Hilltop Bell Ringers \u2013 Tower Report 2024"
    assert (page.author, page.date) == ("Ines Calloway", "9 February 2025")
    assert page.byline == ("Prepared by Ines Calloway, Tower Captain, for the annual meeting on "
                           "9 February 2025")
    sources = page_sources(page)
    first = next(s for s in sources if s.kind == "post")
    assert first.section == "1. The bells" and first.text.startswith("All eight bells")


def test_a_google_docs_footnotes_are_references_and_their_marks_leave_the_sentence() -> None:
    sources = page_sources(read_html_page(_export(SUBTITLE), "report.html"))
    posts = [s.text for s in sources if s.kind == "post"]
    assert "rehung in May. Practice night moved to Thursdays." in posts[0]
    assert not any("[1]" in t or "[2]" in t for t in posts)
    assert [s.text for s in sources if s.kind == "reference"] == [
        "The clapper was recast at the Loughborough foundry.",
        "Audited by the churchwardens in October."]
    assert all(s.text for s in sources)


def test_a_first_line_prepared_by_signs_a_google_doc_without_a_subtitle() -> None:
    line = ('<p class="c2"><span class="c1">Prepared by Ines Calloway, Tower Captain, 9 February '
            '2025</span></p>')
    page = read_html_page(_export(line), "report.html")
    assert (page.title, page.author, page.date) == (
        "Hilltop Bell Ringers \u2013 Tower Report 2024", "Ines Calloway", "9 February 2025")


def test_a_link_through_googles_redirect_is_its_target() -> None:
    root = lxml.html.fromstring(_export(SUBTITLE))
    google_doc.rewrite(root)
    assert [a.get("href") for a in root.iter("a")] == ["https://hilltopbells.example/rota"]


def test_a_page_that_is_no_google_docs_export_is_left_as_it_is() -> None:
    root = lxml.html.fromstring(_export(SUBTITLE, body_class="c9 post-content"))
    google_doc.rewrite(root)
    assert google_doc.title(root) is None
    assert len(list(root.iter("a"))) == 5
