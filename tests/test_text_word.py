"""A report written in Word and saved as "Plain Text" (docs/article-format.md): its report
byline ("Prepared by NAME, DATE"), its tab bullets, its headings glued to the paragraph under
them and its footnotes read as such."""

from __future__ import annotations

import pytest

from assistant.ingest.text import read_text_page


@pytest.mark.parametrize("line, author, date", [
    ("Prepared by Tobias Wren, 3 April 2025", "Tobias Wren", "3 April 2025"),
    ("Prepared for the Allotment Committee by Tobias Wren", "Tobias Wren", None),
    ("Compiled by Tobias Wren | April 2025", "Tobias Wren", "April 2025"),
    # the meeting it is prepared for dates it; the job title is not part of the name
    ("Prepared by Tobias Wren, Treasurer, for the spring meeting on 3 April 2025", "Tobias Wren",
     "3 April 2025"),
])
def test_a_reports_prepared_by_line_is_its_byline(line, author, date):
    page = read_text_page(f"Allotment Water Survey\n{line}\n\nWe measured every tap on the site.\n")
    assert (page.author, page.date, page.byline) == (author, date, line)
    assert [b.heading for b in page.blocks] == [None]


def test_a_job_title_after_the_preparers_name_is_not_part_of_it():
    page = read_text_page("Allotment Water Survey\nPrepared by Tobias Wren, Treasurer, 3 April 2025\n\n"
                          "We measured every tap on the site.\n")
    assert (page.author, page.date) == ("Tobias Wren", "3 April 2025")


def test_words_tab_bullets_and_numbers_are_list_items_not_table_cells():
    text = ("Allotment Water Survey\n\nWe found three problems:\n\u2022\tThe north tap drips.\n"
            "o\tIts washer is worn.\n-\tThe trough has no lid.\n2.\tNobody reads the meter.\n"
            "Tap\tLitres a day\nNorth\t40\n1.\tSouth\t25\n")
    [paragraph] = read_text_page(text).blocks
    assert paragraph.text.split("\n") == [
        "We found three problems:", "\u2022 The north tap drips.", "\u2022 Its washer is worn.",
        "- The trough has no lid.", "2. Nobody reads the meter.", "Tap: Litres a day", "North: 40",
        "1. | South | 25"]


@pytest.mark.parametrize("notes", [
    "Footnotes\n[1] Meter readings taken by the committee.\n[2] Water company bill, March 2025.",
    "Endnotes\n\n[1] Meter readings taken by the committee.\n[2] Water company bill, March 2025.",
    "## Notes\n\n[1] Meter readings taken by the committee.\n[2] Water company bill, March 2025.",
])
def test_numbered_notes_under_a_footnotes_heading_are_references(notes):
    page = read_text_page(f"Allotment Water Survey\n\nThe site used 41,000 litres.[1] The bill rose.[2]\n\n"
                          f"{notes}\n", markdown=notes.startswith("#"))
    assert [(b.kind, b.text) for b in page.blocks] == [
        ("paragraph", "The site used 41,000 litres. The bill rose."),
        ("reference", "Meter readings taken by the committee."),
        ("reference", "Water company bill, March 2025.")]


def test_bracketed_numbers_without_a_notes_heading_stay_text():
    page = read_text_page("Allotment Water Survey\n\nThe site used 41,000 litres.\n\n"
                          "[1] North tap, 12 litres.\n[2] South tap, 9 litres.\n")
    assert [b.kind for b in page.blocks] == ["paragraph", "paragraph"]


LONG = ("Every plot holder was asked to read their tap's meter on the first Sunday of each month "
        "from April to September, and the committee checked the readings against the bill.")
WORD_EXPORT = "\r\n".join([
    "Allotment Water Survey", "Prepared by Tobias Wren, 3 April 2025", "",
    "How We Measured", LONG, "The meters were new in 2023.", "",
    "What We Found", "The site used 41,000 litres.", "",
    "Next Steps", "\u2022\tFit a lid to the trough.", "\u2022\tMend the north tap.", ""])


def test_a_heading_word_wrote_right_above_its_paragraph_heads_it():
    page = read_text_page(WORD_EXPORT, "survey.txt")
    assert [(b.heading, b.text) for b in page.blocks] == [
        ("How We Measured", f"{LONG}\nThe meters were new in 2023."),
        ("What We Found", "The site used 41,000 litres."),
        ("Next Steps", "\u2022 Fit a lid to the trough.\n\u2022 Mend the north tap.")]


@pytest.mark.parametrize("text", [
    WORD_EXPORT.replace("\r\n", "\n"),  # not saved by Word: no CR line ends
    WORD_EXPORT.replace(LONG, "Every plot holder was asked to read their tap's meter on\r\n"
                              "the first Sunday of each month.").replace(  # hard-wrapped
        "The site used", f"{LONG} The site used"),
])
def test_other_files_keep_a_line_above_a_paragraph_in_it(text):
    page = read_text_page(text, "survey.txt")
    assert page.blocks[0].heading is None
    assert page.blocks[0].text.startswith("How We Measured")
