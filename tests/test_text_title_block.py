"""What a text file prints under its title: a subtitle in the title's block, a byline after
it, a speech's header naming who spoke, where and when, and a diary's first day."""

from __future__ import annotations

from assistant.ingest.page import page_sources
from assistant.ingest.text import read_text_page

LEAFLET = """WESTMOOR COMMUNITY ORCHARD
Questions and Answers for Volunteers

Last updated: 9 January 2025

PRUNING DAYS

We prune on the second Sunday of each winter month, from ten until one.
"""

SPEECH = """TRANSCRIPT

Speech by Dr Imogen Vance, Chair of the Kelby Harbour Trust
Reopening of the Kelby Lifeboat Slipway, East Pier
Saturday 3 May 2025, 2:30pm

DR VANCE: Thank you all for coming down to the pier this afternoon.
"""

DIARY = """Otterburn Marsh Notebook of Cass Delaney
Winter 2024 - the reed hide, the long pool and the sea wall path

Mon 2 December 2024

Frost on the pool edges. Two snipe flushed from the ditch at nine.

Wed 4 December 2024

Mild and grey. A water rail called from the reed hide all morning.
"""


def _read(text: str, name: str):
    page = read_text_page(text, name)
    return page, page_sources(page)


def test_a_byline_under_a_two_line_title_block_is_read():
    page, sources = _read(LEAFLET, "orchard.txt")
    assert page.byline == "Last updated: 9 January 2025"
    assert page.date is None  # an update's date dates no post
    posts = [(s.label, s.text) for s in sources if s.kind == "post"]
    assert posts[0] == ("Post, paragraph 1", "Questions and Answers for Volunteers")
    assert posts[1][0] == 'Post, paragraph 2 (under "PRUNING DAYS")'


def test_a_speech_header_names_the_speaker_and_the_day():
    page, sources = _read(SPEECH, "slipway.txt")
    assert page.author == "Dr Imogen Vance"
    assert page.date == "Saturday 3 May 2025"
    assert page.byline.splitlines()[1] == "Reopening of the Kelby Lifeboat Slipway, East Pier"
    assert not any(s.kind == "caption" for s in sources)


def test_a_diary_s_subtitle_is_no_caption_and_its_first_day_no_byline():
    page, sources = _read(DIARY, "otterburn.txt")
    assert page.byline is None and page.date is None
    assert not any(s.kind == "caption" for s in sources)
    posts = [(s.label, s.text) for s in sources if s.kind == "post"]
    assert posts[0][1].startswith("Winter 2024 - the reed hide")
    assert posts[1][0] == 'Post, paragraph 2 (under "Mon 2 December 2024")'


def test_a_byline_in_the_title_s_block_is_read_as_before():
    page, _ = _read("A walk on the fell\nBy Ann Lee, 3 March 2021\n\nWe set off at nine.\n", "walk.txt")
    assert (page.author, page.date) == ("Ann Lee", "3 March 2021")


def test_a_publishing_line_with_the_piece_s_length_is_its_byline():
    page, _ = _read("Reading the tide tables\nPublished 3 May 2025 \u00b7 6 min read\n\n"
                    "High water comes about fifty minutes later each day.\n", "tides.txt")
    assert page.date == "3 May 2025" and page.byline == "Published 3 May 2025 \u00b7 6 min read"
