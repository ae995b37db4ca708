"""An interview's automatic transcript, as Otter.ai or Rev exports it (docs/article-format.md):
each turn its speaker's words, opening with their label; the day recorded dates the page; the
timestamps, keyword and speaker lists and the sign-off are not text."""

from __future__ import annotations

import pytest

from assistant.answering import speaker_labels
from assistant.ingest.page import page_sources
from assistant.ingest.text import read_text_page
from assistant.ingest.transcript import split_transcript

OTTER = """Harbour Talk 7 - Nell Quist on the ferry timetable
Fri, Oct 3, 2025 2:15PM \u2022 09:41

SUMMARY KEYWORDS
ferry, timetable, winter, harbour

SPEAKERS
Ivo Brandt, Nell Quist, Speaker 3

Ivo Brandt  0:02
Hello, I am Ivo Brandt. With me is Nell Quist, who runs the harbour ferry.

Nell Quist  0:09
Thanks, Ivo. We carry about 600 people a day in summer.

Ivo Brandt  0:15
And in winter? [laughs]

Speaker 3  0:18
Sorry, is the first boat still at 7:10?

Nell Quist  0:21
It moves to 7:40 from November, [inaudible 00:25] the tides.

Transcribed by https://otter.ai
"""


def test_an_otter_transcript_reads_as_its_speakers_turns():
    page = read_text_page(OTTER, "harbour-talk-7.txt")
    assert page.title == "Harbour Talk 7 - Nell Quist on the ferry timetable"
    assert (page.author, page.date) == (None, "Fri, Oct 3, 2025")
    assert page.byline == "Recorded Fri, Oct 3, 2025 2:15PM \u2022 09:41"
    assert [b.text for b in page.blocks] == [
        "Ivo Brandt: Hello, I am Ivo Brandt. With me is Nell Quist, who runs the harbour ferry.",
        "Nell Quist: Thanks, Ivo. We carry about 600 people a day in summer.",
        "Ivo Brandt: And in winter? [laughs]",
        "Speaker 3: Sorry, is the first boat still at 7:10?",
        "Nell Quist: It moves to 7:40 from November, [inaudible] the tides.",
    ]
    speakers = speaker_labels(page_sources(page))
    assert sorted(set(speakers.values())) == ["Ivo Brandt", "Nell Quist"]


@pytest.mark.parametrize("head", ["{name} ({stamp}):\n", "{name}: [{stamp}]\n", "{name} ({stamp}): "])
def test_a_rev_transcript_reads_as_its_speakers_turns(head):
    turns = [("Ivo Brandt", "00:00:02", "Who started the ferry?"),
             ("Nell Quist", "00:00:06", "My grandmother did, in 1961."),
             ("Ivo Brandt", "00:00:11", "With one boat?"),
             ("Nell Quist", "00:00:14", "One boat, the Kittiwake.")]
    text = "\n\n".join(head.format(name=n, stamp=s) + said for n, s, said in turns)
    page = read_text_page(text, "ferry_interview.txt")
    assert page.title == "ferry_interview"
    assert [b.text for b in page.blocks] == [f"{n}: {said}" for n, _, said in turns]


@pytest.mark.parametrize("text", [
    # a schedule: times under names, but no one's words under them
    "Harbour open day\n\nFerry Trip  1:30\nBoat Tour  2:15\nHarbour Walk  3:00\n\nAll welcome.\n",
    # an interview written as "NAME: words" has no timestamps
    "Harbour talk\n\nIvo Brandt: Hello.\n\nNell Quist: Thanks, Ivo.\n\nIvo Brandt: And in winter?\n",
    # one speaker only
    "Harbour notes\n\nNell Quist  0:01\nFirst note.\n\nNell Quist  0:05\nSecond.\n\n"
    "Nell Quist  0:09\nThird.\n",
])
def test_other_text_with_names_and_times_is_no_transcript(text):
    assert split_transcript(text) is None


MEETING = """Orchard group - March meeting
Tue, Mar 4, 2025 7:02PM \u2022 31:10

Ruth Abbot  0:03
OK, first thing. Ken, can you do the numbers?

Ken Ostrow  0:09
Sure. We planted 40 trees.

Speaker 3  0:14
Forty-two, with the two pears.

Ruth Abbot  0:18
Right, forty-two. Ken, and the cost?

Ken Ostrow  0:22
About 600 pounds in all.

Speaker 3  0:26
The pears were a gift, so 560.
"""


def test_a_meeting_s_speakers_are_known_by_first_names_and_unnamed_voices_speak_too():
    page = read_text_page(MEETING, "orchard.txt")
    speakers = speaker_labels(page_sources(page))
    # "Ken" is called by his first name only; "Speaker 3" is a voice the service could not
    # name; Ruth, whom no one names, is not taken for a speaker (a label the talk never uses
    # may be a heading's)
    assert sorted(set(speakers.values())) == ["Ken Ostrow", "Speaker 3"]


TEAMS = """Home heat pumps 101 - Ashby Energy webinar-20241009_180215-Meeting Recording
October 9, 2024, 6:02PM
47m 31s

Colm Brady   0:05
Good evening and welcome. Our speaker is Priya Natarajan, who runs our installs team.

Priya Natarajan   0:31
Thanks, Colm. We fitted 120 heat pumps last year.

Colm Brady   1:02
And how long does one take, Priya?

Priya Natarajan   1:09
Most installs are done in two days.
"""


def test_a_teams_transcript_s_title_and_length_are_not_text():
    page = read_text_page(TEAMS, "webinar.txt")
    assert page.title == "Home heat pumps 101 - Ashby Energy webinar"
    assert (page.date, page.byline) == ("October 9, 2024", "Recorded October 9, 2024, 6:02PM \u2022 47m 31s")
    assert [b.text for b in page.blocks][0].startswith("Colm Brady: Good evening")
