"""A plain-text FAQ: each "Q:" / "A:" pair reads as a Markdown FAQ does, the question heading
its answer, so the question is never quoted as the answer."""

from __future__ import annotations

from assistant.ingest.page import page_sources
from assistant.ingest.text import read_text_page

FAQ = """Millbeck Swimming Club

MEMBERSHIP

Q: Can children join on their own?
A: Under-12s must swim with a parent. Older children can join alone.

Q: Is there a trial
session for new swimmers?
A: Yes, the first Tuesday of each month is free.

Ask at the desk for a form.
"""


def test_the_question_heads_its_answer_without_its_marks():
    posts = [(s.label, s.text) for s in page_sources(read_text_page(FAQ, "faq.txt")) if s.kind == "post"]
    assert posts == [
        ('Post, paragraph 1 (under "Can children join on their own?")',
         "Under-12s must swim with a parent. Older children can join alone."),
        ('Post, paragraph 2 (under "Is there a trial session for new swimmers?")',
         "Yes, the first Tuesday of each month is free."),
        ('Post, paragraph 3 (under "Is there a trial session for new swimmers?")',
         "Ask at the desk for a form."),
    ]


def test_a_q_line_that_asks_nothing_stays_text():
    text = ("Notes\n\nSome notes first.\n\nQ: the tide table for March\nA: see the harbour office\n\n"
            "More notes follow here.\n")
    posts = [s.text for s in page_sources(read_text_page(text, "notes.txt")) if s.kind == "post"]
    assert posts[1] == "Q: the tide table for March\nA: see the harbour office"
