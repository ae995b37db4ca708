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


# A longer export, its sections right under <body> with no container around them: the
# extractor's main pass used to drop every heading there (and with them the notes' heading).
_SECTIONS = [
    ("Opening hours", ["The reading room opens at nine on weekdays and at ten on Saturdays.",
                       "It closes an hour early on the last Friday of each month for stocktaking."]),
    ("Borrowing", ["Members may borrow up to six books at a time for three weeks.",
                   "Renewals can be made twice unless another member has reserved the book."]),
    ("Room hire", ["The meeting room seats twenty and costs twelve pounds an hour.",
                   "Bookings are taken by the desk and confirmed by e-mail within two days."]),
    ("Volunteers", ["Volunteers staff the desk in pairs on three-hour shifts.",
                    "New volunteers shadow an experienced one for their first month."]),
    ("Events", ["The book group meets on the first Tuesday of the month at seven.",
                "Author talks are free, but places must be booked in advance."]),
    ("Contacts", ["The librarian can be reached at the desk during opening hours."]),
]


def _long_export(subtitle: str = "", notes: bool = True) -> bytes:
    out = ['<html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"></head>'
           '<body class="c9 doc-content"><p class="c5 title"><span class="c7">Millbrook Reading Room '
           f'Guide</span></p>{subtitle}']
    for n, (head, paras) in enumerate(_SECTIONS):
        out.append(f'<h1 class="c4" id="h.{n}"><span class="c6">{head}</span></h1>')
        out += [f'<p class="c2"><span class="c1">{p}</span></p>' for p in paras]
        out.append('<ul class="c20"><li class="c4"><span class="c1">Ask at the desk for details of '
                   f'{head.lower()}.</span></li></ul>')
    if not notes:
        return "".join([*out, "</body></html>"]).encode()
    out.append('<p class="c2"><span class="c1">Fines were abolished in 2023</span><sup><a href="#ftnt1"'
               ' id="ftnt_ref1">[1]</a></sup><span class="c1">.</span></p><hr class="c11"><div><p '
               'class="c2"><a href="#ftnt_ref1" id="ftnt1">[1]</a><span class="c1">&nbsp;By a vote of '
               'the trustees in March.</span></p></div></body></html>')
    return "".join(out).encode()


def test_a_long_export_keeps_its_headings_and_its_notes() -> None:
    for notes in (False, True):
        sources = page_sources(read_html_page(_long_export(notes=notes), "guide.html"))
        assert {s.section for s in sources if s.kind == "post"} >= {h for h, _ in _SECTIONS}
    assert [s.text for s in sources if s.kind == "reference"] == ["By a vote of the trustees in March."]


def test_a_subtitle_that_says_when_it_was_last_updated_is_the_byline_undated() -> None:
    line = "Prepared by Ines Calloway, Librarian \u00b7 last updated 3 May 2025"
    page = read_html_page(_long_export(f'<p class="c5 subtitle"><span class="c13">{line}</span></p>'),
                          "guide.html")
    # who prepared it wrote it; the day it was last updated is not the day it was written, so
    # the byline, as printed, answers "When was it last updated?"
    assert (page.author, page.date, page.byline) == ("Ines Calloway", None, line)
