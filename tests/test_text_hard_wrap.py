"""Hard-wrapped text whose next line opens with a capital, a digit or a quote mark: the lines of
a paragraph wrapped at a fixed width are one paragraph, a quotation one sentence with its
lead-in; lines that are items of their own (an address, affiliations) keep their breaks."""

from __future__ import annotations

from assistant.ingest.layout import unwrap


def test_a_quotation_wrapped_after_an_article_is_joined_to_its_lead_in():
    text = ("Hal Brennock came up to the gate at noon and looked over the wall. He said,\n"
            "\"If the ewes are lambing already, we should move the whole flock before the\n"
            "Whitsun walkers come through.\" I told the shepherd that evening.")
    assert unwrap(text) == text.replace("\n", " ")


def test_a_line_wrapped_before_a_digit_is_joined():
    text = ("Calm and clear after the overnight rain, with a thin mist over the river at\n"
            "06:40. The lower meadow was still flooded by the time we left at noon.")
    assert unwrap(text) == text.replace("\n", " ")


def test_lines_that_end_their_own_items_keep_their_breaks():
    text = ("School of Earth Sciences, University of Tarnbridge, Tarnbridge, United Kingdom\n"
            "Institute of Coastal Studies, Harlow Marine Laboratory, Penmorvah, Cornwall\n"
            "Department of Geography, Northfell College, Kirkby Lonsdale, United Kingdom")
    assert unwrap(text) == text
