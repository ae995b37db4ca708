"""A diary or a log kept as a text file, each entry opening with its day on a line of its own
and its lines right under it; and a page copied with its site's name and menu above the
piece's own title and publishing line."""

from __future__ import annotations

import pytest

from assistant.days import Day, asked_days, heading_day, row_day, same_day
from assistant.ingest.page import page_sources
from assistant.ingest.text import read_text_page

LOG = ("Harbour pontoon log - summer 2025\n\nMy notes from three weeks helping at the Saltmere sailing "
       "school. Joe Brannock (dinghy instructor). Boats are the six Toppers and the club RIB.\n"
       """
Sat 5 July 2025
Wind SW 3, sunny.
Two Toppers out with the juniors all morning.

Sun 6th
Wind NW 6. No boats out.
Patched the RIB's fender with Priya.

7/7
Wind E 2, hazy.
Eight juniors, four boats, and a capsize drill at 11.

Tues 8 Jul
Fog until noon. Sorted the buoyancy aids.
""")


def _read(text: str):
    page = read_text_page(text, "log.txt")
    return page, page_sources(page)


def test_a_diary_entry_s_day_line_heads_its_lines():
    _, sources = _read(LOG)
    posts = {s.section: s.text for s in sources if s.kind == "post" and s.section}
    assert list(posts) == ["Sat 5 July 2025", "Sun 6th", "7/7", "Tues 8 Jul"]
    assert posts["Sun 6th"].startswith("Wind NW 6. No boats out.")
    assert 'Post, paragraph 3 (under "Sun 6th")' in [s.label for s in sources]


def test_a_diary_s_opening_names_its_writer_by_a_sentence_of_the_name_alone():
    page, _ = _read(LOG)
    assert page.author == "Joe Brannock"


def test_a_name_alone_in_an_opening_that_is_not_a_diary_s_is_not_its_writer():
    text = LOG.split("Sat 5 July")[0] + "The boats\n\nSix Toppers and a RIB, kept on the pontoon.\n"
    page, _ = _read(text)
    assert page.author is None


def test_two_dated_blocks_are_no_diary():
    text = ("A walk on the fell\n\nWe set off early and kept to the wall.\n\n"
            "Sat 5 July\nRain at noon.\nLunch in the bothy.\n\n"
            "Sun 6th\nSun all day.\nHome by six.\n")
    _, sources = _read(text)
    assert not any(s.section for s in sources if s.kind == "post")


@pytest.mark.parametrize("heading, day", [
    ("Sat 11 April 2026", Day(11, 4, 5)),
    ("Sun 12th", Day(12, None, 6)),
    ("14/04", Day(14, 4, None)),
    ("Thurs 16 Apr", Day(16, 4, 3)),
    ("2025-01-27", Day(27, 1, None)),
    ("12th", None),  # an ordinal alone
    ("Transcript", None),
    ("Sunday lunch", None),
])
def test_the_day_a_heading_is(heading, day):
    assert heading_day(heading) == day


@pytest.mark.parametrize("text, day", [
    ("Sunday 4 May | Hill walk, 9 miles. Leader: Ann Roe.", Day(4, 5, 6)),
    ("Thurs 16 Apr: cold, 6C at dawn.", Day(16, 4, 3)),
    ("14/04 | fog until ten", Day(14, 4, None)),
    ("Saturday 13 December, 1pm, at the inn.", None),  # a day in running text
    ("Leader: Ann Roe.", None),
    ("Note: meet at 10:30 sharp.", None),
])
def test_the_day_a_row_opens_on_as_its_first_cell(text, day):
    assert row_day(text) == day


def test_the_day_a_question_names_matches_an_entry_by_what_both_say():
    (monday,) = asked_days("How many boats were out on Monday 7 July?")
    assert same_day(monday, Day(7, 7, None)) and not same_day(monday, Day(8, 7, 1))
    (sixth,) = asked_days("What was the wind on the 6th?")
    assert same_day(sixth, Day(6, None, 6))
    (tuesday,) = asked_days("Why was there fog on the Tuesday?")
    assert same_day(tuesday, Day(8, 7, 1)) and not same_day(tuesday, Day(5, 7, 5))
    assert asked_days("What happened in June 2021?") == []


PODCAST = ("""The Slipway
Stories from the working waterfront

Home | Episodes | About | Donate

Episode 12: Rope Makers of the Estuary
Published 3 March 2025 \u00b7 38 min

Listen on Spotify | Pocket Casts | RSS

"""
           "This week Ada Quist talks to the last two rope makers on the estuary about hemp, tar and a "
           """trade that nearly vanished.

Transcript

[00:00] ADA QUIST: Welcome to The Slipway. Tom, how long have you made rope?

[00:20] TOM FENN: Forty years this spring, all of it in the same shed.
""")


def test_a_piece_s_publishing_line_under_its_own_title_below_the_site_s_header_dates_the_page():
    page, sources = _read(PODCAST)
    assert page.title == "The Slipway"
    assert page.date == "3 March 2025"
    assert page.byline == "Published 3 March 2025 \u00b7 38 min"
    posts = [s for s in sources if s.kind == "post"]
    # the site's tagline heads nothing; the menu and the listen-on links are not text
    assert posts[0].text == "Stories from the working waterfront" and posts[0].section is None
    assert not any("|" in s.text or "|" in (s.section or "") for s in posts)
    assert posts[1].text.startswith("Episode 12: Rope Makers of the Estuary")
    assert posts[2].section is None and posts[2].text.startswith("This week Ada Quist")


def test_a_publishing_line_below_a_paragraph_is_not_the_page_s():
    text = PODCAST.replace("Stories from the working waterfront",
                           "We tell stories from the working waterfront. Every week, a new one.")
    page, _ = _read(text)
    assert page.date is None
