"""A subtitle file (SRT, WebVTT) read as its transcript (docs/article-format.md): no cue
numbers or timings in the text, cues joined into paragraphs at a speaker change or a pause,
each paragraph of a speaker's turn opening with their label."""

from __future__ import annotations

from assistant.answering import speaker_labels
from assistant.ingest.page import page_sources
from assistant.ingest.text import read_text_page

SRT = """1
00:00:01,000 --> 00:00:03,500
HOST: Good evening, and welcome
to Market Garden Hour.

2
00:00:03,500 --> 00:00:06,000
With me is Odile Varga, who grows
<i>forty kinds</i> of chilli near Pécs.

3
00:00:06,000 --> 00:00:08,200
ODILE: Thank you. I planted
the first ones in 2011.

4
00:00:08,200 --> 00:00:09,000
[laughs]

5
00:00:12,500 --> 00:00:15,000
Now the greenhouse holds 3,400 plants.

6
00:00:15,000 --> 00:00:17,000
HOST: Which one is the hottest?
"""


def test_an_srt_file_reads_as_a_transcript_without_numbers_or_timings():
    page = read_text_page(SRT, "market_garden_ep4.srt")
    assert page.title == "market_garden_ep4"  # no title line: the file's name
    assert [b.text for b in page.blocks] == [
        # a sentence split across cues is one sentence; a new speaker, a new paragraph
        "HOST: Good evening, and welcome to Market Garden Hour. With me is Odile Varga, who "
        "grows forty kinds of chilli near Pécs.",
        "ODILE: Thank you. I planted the first ones in 2011.",
        # a long pause: a new paragraph of the same speaker's turn, a sound is no one's words
        "ODILE: Now the greenhouse holds 3,400 plants.",
        "HOST: Which one is the hottest?",
    ]
    assert {b.kind for b in page.blocks} == {"paragraph"}
    # the labels are read as an interview's speakers
    assert set(speaker_labels(page_sources(page)).values()) == {"Odile"}


VTT = """WEBVTT - Night Shift at the Observatory

NOTE recorded at the open day, 4 May 2024

STYLE
::cue { color: yellow }

intro-1
00:01.000 --> 00:04.000 align:start position:10%
<v Teodor Ilic>We open the dome at dusk,
when the wind drops below 30 km/h.

00:04.000 --> 00:06.500
<v Teodor Ilic>Tonight we&apos;ll track Jupiter &amp; its moons.

00:06.500 --> 00:09.000
<v.question Maja Horvat>How long is a shift?</v>

00:09.000 --> 00:11.000
- Twelve hours, usually.
- And you sleep in the day?
"""


def test_a_webvtt_file_with_voice_tags_and_cue_settings():
    page = read_text_page(VTT, "observatory.vtt")
    assert page.title == "Night Shift at the Observatory"  # the header's title, not the NOTE
    assert [b.text for b in page.blocks] == [
        "Teodor Ilic: We open the dome at dusk, when the wind drops below 30 km/h. Tonight "
        "we'll track Jupiter & its moons.",
        "Maja Horvat: How long is a shift?",
        "Twelve hours, usually.",  # a dialogue dash: a new speaker, not named
        "And you sleep in the day?",
    ]


def test_a_subtitle_files_note_or_title_line_gives_its_title():
    vtt = ("WEBVTT\n\nNOTE Bee Club, March meeting\n\n00:00.000 --> 00:02.000\nWelcome, "
           "everyone.\n\n00:02.000 --> 00:04.000\nFirst, the swarm season.\n")
    assert read_text_page(vtt, "bees.vtt").title == "Bee Club, March meeting"
    srt = ("Bee Club: the March meeting\n\n1\n00:00:00,000 --> 00:00:02,000\nWelcome, everyone.\n\n"
           "2\n00:00:02,000 --> 00:00:04,000\nFirst, the swarm season.\n")
    page = read_text_page(srt, "bees.srt")
    assert page.title == "Bee Club: the March meeting"
    assert [b.text for b in page.blocks] == ["Welcome, everyone. First, the swarm season."]


def test_an_article_quoting_a_timing_line_is_not_a_subtitle_file():
    text = ("How to fix subtitles that drift\n\nEach cue has a timing line such as:\n\n1\n"
            "00:00:01,000 --> 00:00:02,000\nHello.\n\n2\n00:00:02,000 --> 00:00:03,000\nBye.\n\n"
            "Shift every line by the same offset and the drift is gone.\n")
    page = read_text_page(text, "drift.txt")
    assert page.title == "How to fix subtitles that drift"
    assert any("00:00:01,000" in b.text for b in page.blocks)
