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
