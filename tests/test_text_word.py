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
