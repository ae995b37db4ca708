"""A page or a file built to make the readers' patterns try every split of a long run (spaces,
digits, pipes) is read in bounded time: each pattern that starts with a run of spaces starts it
only where the run starts, and the patterns made for short lines are tried on short lines only.
The bound is generous (quadratic work on these inputs takes many minutes, the fixed readers seconds;
two minutes leaves room for a loaded machine); it guards against a hang,
not a speed target."""

from __future__ import annotations

import contextlib
import time

import pytest

from assistant.errors import PageError
from assistant.ingest.read import read_bytes

RUN = 60_000
TEXTS = {
    "spaces": "A title\n\nSome words" + " " * RUN + "x [00:01] (edited) <a@b.c>\n\nMore words here.",
    "spaces-and-lines": "A title\n\n" + " \n" * (RUN // 2) + "Some words at the end of it all.",
    "digits": "A title\n\n" + "1 " * (RUN // 2) + "replies\n\nSome words at the end of it.",
    "pipes": "A title\n\n|" + " " * RUN + "---|\n\nSome words at the end of it all.",
}


@pytest.mark.parametrize("name", sorted(TEXTS))
@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_a_long_run_is_read_in_bounded_time(name, suffix):
    text = TEXTS[name]
    data = (f"<html><head><title>A title</title></head><body><article><p>{text}</p>"
            f"<div class='replies'>{'1 ' * (RUN // 2)}</div></article></body></html>"
            if suffix == ".html" else text).encode()
    started = time.monotonic()
    with contextlib.suppress(PageError):  # refused with a message is fine; hanging is not
        read_bytes(data, f"page{suffix}")
    assert time.monotonic() - started < 120  # seconds now; minutes if quadratic


def test_a_run_on_sentence_is_cut_at_spaces_into_verbatim_pieces():
    from assistant.text import MAX_SENTENCE_CHARS, sentence_spans

    text = "The wall is old." + " " * 5000 + "It was built, " + "stone by stone " * 200 + "in 1890."
    spans = sentence_spans(text)
    assert spans[0] == (0, 16)
    assert all(0 < end - start <= MAX_SENTENCE_CHARS for start, end in spans)
    assert all(text[start:end] == text[start:end].strip() for start, end in spans)
    # nothing but the spaces between the pieces is left out
    assert "".join(text[s:e] for s, e in spans).replace(" ", "") == text.replace(" ", "")
    assert text.endswith(text[spans[-1][0]:spans[-1][1]])


@pytest.mark.slow
def test_what_a_long_run_sentence_can_answer_is_found_in_bounded_time():
    """The patterns that read a sentence take time in the square of its length on such runs;
    a run-on "sentence" of 30,000 characters is read as pieces of 1,000 (minutes whole)."""
    from assistant.sentences import answer_slots, measures, sentence_flags
    from assistant.text import sentence_spans
    from assistant.types import Source

    source = Source("post-1", "post", "Post", "")
    for text in (TEXTS["spaces"], "1," * 15_000, "one " * 7_500, "In 2019, 40 people " * 1_500):
        started = time.monotonic()
        for start, end in sentence_spans(text):
            piece = text[start:end]
            measures(piece), sentence_flags(piece, source), answer_slots(piece)
        assert time.monotonic() - started < 60
