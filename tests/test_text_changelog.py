"""A changelog in Markdown (Keep a Changelog's shape): each release's heading, a version and a
date with no letters, is a heading, and the sections under it say which release they are."""

from __future__ import annotations

from assistant.ingest.page import page_sources
from assistant.ingest.text import read_text_page

CHANGELOG = """# Changelog

All notable changes to quillpond are listed here.

## [Unreleased]

### Added
- A `--quiet` flag for the sync command (@rbanerjee)

## [3.1.0] - 2024-10-09

### Fixed
- The importer no longer drops empty notebooks (#88, @tmoss)

## 3.0.2

- Faster start-up on large vaults (@lhart)

## 2024-06-30

- First public preview (@tmoss)
"""


def _labels() -> dict[str, str]:
    page = read_text_page(CHANGELOG, "CHANGELOG.md", markdown=True)
    return {s.text.split(" (")[0]: s.label for s in page_sources(page) if s.kind == "post"}


def test_a_release_heading_of_digits_is_a_heading():
    labels = _labels()
    assert labels["Faster start-up on large vaults"] == 'Post, paragraph 4 (under "3.0.2")'
    assert labels["First public preview"] == 'Post, paragraph 5 (under "2024-06-30")'


def test_a_release_s_sections_are_labelled_with_its_version_and_date():
    labels = _labels()
    assert labels["The importer no longer drops empty notebooks"] == \
        'Post, paragraph 3 (under "[3.1.0] - 2024-10-09 > Fixed")'
    assert labels["A --quiet flag for the sync command"] == \
        'Post, paragraph 2 (under "[Unreleased] > Added")'


def test_other_nested_headings_keep_their_own_label():
    text = "# Fair guide\n\n## Saturday 4 May\n\n### Dog show\n\nEntries close at noon.\n\n" \
           "## Tips\n\n### Parking\n\nUse the school field.\n"
    labels = [s.label for s in page_sources(read_text_page(text, "fair.md")) if s.kind == "post"]
    assert labels == ['Post, paragraph 1 (under "Dog show")', 'Post, paragraph 2 (under "Parking")']


def test_a_rule_of_marks_alone_is_still_no_heading():
    text = "# Notes\n\nFirst part of the notes.\n\n## * * *\n\nSecond part of the notes.\n"
    posts = [s for s in page_sources(read_text_page(text, "notes.md")) if s.kind == "post"]
    assert [s.label for s in posts] == ["Post, paragraph 1", "Post, paragraph 2"]
