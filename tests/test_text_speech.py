"""A speech set out as a transcript in a text file: every paragraph of a turn says who
speaks, a questioner's turn names the questioner, and the sound marks are no one's words."""

from __future__ import annotations

from assistant.ingest.page import page_sources
from assistant.ingest.text import read_text_page

SPEECH = """Kelby slipway reopening

DR VANCE: Good afternoon, and welcome to the East Pier. [cheers]

The old slipway was built in 1911 and rebuilt twice since. (APPLAUSE)

This one should last us another hundred years. [laughter from the crew]

Thank you. [applause]

QUESTIONS

QUESTION (Tom Quayle, Kelby Echo): How much did the work cost?

DR VANCE: Just under two million pounds, most of it raised by the town.

QUESTION (Tom Quayle, Kelby Echo): When will the boat launch from it?

DR VANCE: On Monday, weather allowing.

[END OF TRANSCRIPT]
"""


def _posts(text: str) -> list[str]:
    return [s.text for s in page_sources(read_text_page(text, "slipway.txt")) if s.kind == "post"]


def test_each_paragraph_of_a_turn_opens_with_its_speaker():
    posts = _posts(SPEECH)
    assert posts[:4] == [
        "DR VANCE: Good afternoon, and welcome to the East Pier.",
        "DR VANCE: The old slipway was built in 1911 and rebuilt twice since.",
        "DR VANCE: This one should last us another hundred years.",
        "DR VANCE: Thank you.",
    ]


def test_a_question_is_signed_by_its_questioner_and_sound_marks_are_dropped():
    posts = _posts(SPEECH)
    assert posts[4] == "QUESTION (Tom Quayle, Kelby Echo): How much did the work cost?"
    assert posts[-1] == "DR VANCE: On Monday, weather allowing."
    assert not any("[" in p or "APPLAUSE" in p for p in posts)


def test_an_article_quoting_a_labelled_line_reads_as_before():
    text = ("Harbour notes\n\nNOTE: the pier is closed on Sundays.\n\n"
            "The new slipway opened in May [with a brass band].\n\nBoats launch at high tide.\n")
    assert _posts(text) == ["NOTE: the pier is closed on Sundays.",
                            "The new slipway opened in May [with a brass band].",
                            "Boats launch at high tide."]
