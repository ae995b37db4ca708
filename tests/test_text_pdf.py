"""Text copied from a PDF (docs/article-format.md): the pages' running headers, footers and
numbers are furniture, a sentence split by a page break is one paragraph, words hyphenated at
line ends are whole, glued headings and a numbered reference list read as such, and the title
and author line are the paper's."""

from __future__ import annotations

import pytest

from assistant.ingest.page import page_sources
from assistant.ingest.pdf_copy import pdf_copy
from assistant.ingest.text import read_text_page

FOOTER = "Coastal Monit Rev 2022; 7: 101-118"
HEADER = "Carvalho et al.                         Eelgrass recovery in Lyme Sound"

PAPER = f"""{FOOTER}
ORIGINAL RESEARCH

Eelgrass recovery after the 2019 mooring
ban in Lyme Sound

Ines Carvalho1,2, Tomasz Wrobel2 and Aiko Hayashi1*
1School of Marine Science, Penhallow University, Falmouth, UK
2Lyme Sound Conservation Trust, Dorset, UK
Received 12 January 2022; accepted 30 April 2022

Abstract
Seagrass meadows store carbon and shelter juvenile fish. We sur-
veyed eelgrass in Lyme Sound each summer from 2017 to 2021 and
found that cover doubled after swinging moorings were banned
in 2019. Long-term monitoring will show whether the gain lasts.

1. Introduction
Eelgrass (Zostera marina) once covered most of the sheltered
bays of southern England [1]. Anchor chains scour the sea-
bed and leave bare circles around each buoy [2,3].

2. Study area and methods
Divers recorded cover along 14 transects at depths between
2 and 6 metres. The long-
term plots were marked with steel pins in 2016. Each

{FOOTER}                              102
\f
{HEADER}

transect was swum by two divers, who agreed on every esti-
mate before leaving the water.

Fig. 3. Eelgrass cover (%) on the 14 transects from 2017
to 2021; the dashed line marks the mooring ban.

3. Results
Mean cover rose from 18% in 2018 to 37% in 2021. "We did not
expect the meadow to come back so quickly," said Aiko Hayashi.

References
1. Holt TJ, Marsh AP. The decline of eelgrass in southern Eng-
land. J Coast Ecol 2009; 12: 44-51.
2. Ortega R, Finch LM. Mooring scars and seagrass loss. Mar Pol-
lut Bull 2014; 80: 211-19.

{FOOTER}                              103
"""


@pytest.fixture(scope="module")
def page():
    return read_text_page(PAPER, "eelgrass.txt")


def _posts(page):
    return [s for s in page_sources(page) if s.kind == "post"]


def test_the_title_is_the_papers_and_the_author_line_its_byline(page):
    assert page.title == "Eelgrass recovery after the 2019 mooring ban in Lyme Sound"
    assert page.author == "Ines Carvalho, Tomasz Wrobel and Aiko Hayashi"


def test_running_headers_footers_and_page_numbers_are_not_text(page):
    texts = [b.text for b in page.blocks] + [b.heading or "" for b in page.blocks]
    assert not any("Coastal Monit Rev" in t or "Carvalho et al." in t or "ORIGINAL RESEARCH" in t
                   for t in texts)


def test_a_sentence_split_by_a_page_break_is_one_paragraph(page):
    assert any(p.text.endswith("Each transect was swum by two divers, who agreed on every "
                               "estimate before leaving the water.") for p in _posts(page))


def test_words_hyphenated_at_line_ends_are_joined_unless_the_text_spells_them_with_it(page):
    text = " ".join(b.text for b in page.blocks)
    assert "We surveyed eelgrass" in text and "scour the seabed" in text
    assert "The long-term plots" in text  # "Long-term" elsewhere: the hyphen is the word's
    assert "sur- veyed" not in text and "esti- mate" not in text


def test_glued_headings_are_headings_and_the_abstract_is_under_its_own(page):
    by_start = {p.text.split()[0]: p.label for p in _posts(page)}
    assert by_start["Seagrass"].endswith('(under "Abstract")')
    assert by_start["Eelgrass"].endswith('(under "1. Introduction")')
    assert by_start["Mean"].endswith('(under "3. Results")')


def test_the_reference_list_is_one_reference_an_entry(page):
    refs = [b.text for b in page.blocks if b.kind == "reference"]
    assert refs == [
        "1. Holt TJ, Marsh AP. The decline of eelgrass in southern England. J Coast Ecol 2009; 12: 44-51.",
        "2. Ortega R, Finch LM. Mooring scars and seagrass loss. Mar Pollut Bull 2014; 80: 211-19.",
    ]


def test_the_figure_caption_and_the_affiliations_keep_their_kinds(page):
    captions = [b.text for b in page.blocks if b.kind == "caption"]
    assert captions == ["Fig. 3. Eelgrass cover (%) on the 14 transects from 2017 to 2021; the "
                        "dashed line marks the mooring ban."]
    first = _posts(page)[0].text
    assert first.startswith("School of Marine Science, Penhallow University")


def test_without_form_feeds_the_repeated_numbered_footer_shows_the_pages():
    assert pdf_copy(PAPER.replace("\f\n", "")) == pdf_copy(PAPER)


def test_hyphenated_line_ends_alone_are_a_pdfs_sign():
    text = ("Night shelters in Harwick\n\nThe council opened two shel-\nters in the old "
            "library and the drill hall. Vol-\nunteers cooked for forty guests each night, "
            "and a local\nbakery gave the left-\nover bread. Staff were trained in first "
            "aid and de-\nescalation.\n")
    page = read_text_page(text, "shelters.txt")
    assert page.blocks[0].text == ("The council opened two shelters in the old library and the "
                                   "drill hall. Volunteers cooked for forty guests each night, "
                                   "and a local bakery gave the leftover bread. Staff were "
                                   "trained in first aid and deescalation.")


@pytest.mark.parametrize("text", [
    # an ordinary hard-wrapped text, a compound word broken at its hyphen once
    "Repair cafe\n\nThe repair cafe meets in the church hall. A well-\nknown tailor mends "
    "coats for free.\n\nBring your kettle.\n",
    # numbered sections that repeat a line with a number: not a page's running footer
    "Club results\n\n=== Round 1 of the winter league\n\nAnn won.\n\n=== Round 2 of the winter "
    "league\n\nBen won.\n\n=== Round 3 of the winter league\n\nCai won.\n",
    "Timeline\n\nDay one of the walk 1\nWe left Exeter.\n\nDay one of the walk 2\nWe reached "
    "Crediton.\n",
])
def test_ordinary_text_is_not_read_as_a_pdf(text):
    assert pdf_copy(text) is None


def test_a_copy_without_blank_lines_still_has_its_headings_caption_and_title():
    page = read_text_page("\n".join(line for line in PAPER.split("\n") if line.strip()), "eelgrass.txt")
    assert page.title == "Eelgrass recovery after the 2019 mooring ban in Lyme Sound"
    assert page.author == "Ines Carvalho, Tomasz Wrobel and Aiko Hayashi"
    by_start = {p.text.split()[0]: p.label for p in _posts(page)}
    assert by_start["Seagrass"].endswith('(under "Abstract")')
    assert by_start["Divers"].endswith('(under "2. Study area and methods")')
    assert [b.text[:7] for b in page.blocks if b.kind == "caption"] == ["Fig. 3."]
    assert not any("Carvalho et al." in b.text for b in page.blocks)


def test_a_reports_plain_headings_glued_to_their_text_and_bare_page_numbers():
    text = ("Annual report of the Fenwick Harbour Trust\n\nSummary\nThe trust handled 412 vessel "
            "move-\nments in 2023, up from 377. Dredging of the inner basin was\ncompleted in June "
            "at a cost of 1.2 million pounds, and the\n\n4\n\f\nnew pontoon opened in August.\n\n"
            "Finances\nIncome rose to 2.9 million pounds, mostly from mooring fees.\n\n5\n\f\n"
            "Staff\nThe harbour master, Elin Pascoe, retired after 22 years in the post.\n")
    posts = _posts(read_text_page(text, "harbour.txt"))
    assert [(p.label, p.text[:20]) for p in posts] == [
        ('Post, paragraph 1 (under "Summary")', "The trust handled 41"),
        ('Post, paragraph 2 (under "Finances")', "Income rose to 2.9 m"),
        ('Post, paragraph 3 (under "Staff")', "The harbour master, "),
    ]
    assert posts[0].text.endswith("1.2 million pounds, and the new pontoon opened in August.")
