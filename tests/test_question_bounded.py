"""A question built to make the question readers' patterns try every split of a long run (hyphens,
which are both a non-word character and part of a hyphenated word) is read in bounded time. The
bound is generous (the old patterns took minutes on a few hundred characters, the fixed ones
milliseconds; two minutes leaves room for a loaded machine); it guards against a hang, not a
speed target."""

from __future__ import annotations

import time

import pytest

from assistant.query import make_query, topic_and_asked

QUESTIONS = ["-" * 995 + " what", "a-" * 495 + " what is it", " -" * 495 + " size",
             "'" * 995 + " cost", "a -" * 330 + "when"]


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: repr(q[:6]))
def test_a_long_run_of_hyphens_is_read_in_bounded_time(question):
    started = time.monotonic()
    topic_and_asked(question)
    make_query(question, [])
    assert time.monotonic() - started < 120  # milliseconds now; minutes before
