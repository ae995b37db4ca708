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
    assert page.byline == "Fri, Oct 3, 2025 2:15PM \u2022 09:41"
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
