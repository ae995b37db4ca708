"""How much of the page a quote takes: a speaker's words that run over several sentences are
quoted from where the quotation opens, not from the middle of it."""

from __future__ import annotations

from assistant.answering import expand
from assistant.types import Span


def _spans(*texts: str) -> list[Span]:
    out, at = [], 0
    for t in texts:
        out.append(Span("post-1", at, at + len(t), t))
        at += len(t) + 1
    return out


def test_a_sentence_closing_a_quotation_is_quoted_from_where_it_opens():
    spans = _spans("The pass opened in May.", "\u201cWe expected the elvers first.",
                   "But the adults came later,\u201d said Dr Harriet Combe.")
    assert expand(spans[2], spans) == (spans[1].start, spans[2].end)
    # straight marks too, over a sentence without marks
    spans = _spans('"We expected the elvers first.', "Nobody knew why.",
                   'But the adults came later," said Dr Harriet Combe.')
    assert expand(spans[2], spans) == (spans[0].start, spans[2].end)


def test_a_whole_quotation_or_a_sentence_outside_one_is_quoted_alone():
    spans = _spans("The pass opened in May.", '"It works," said Dr Harriet Combe.',
                   "Counts rose in June.")
    assert expand(spans[1], spans) == (spans[1].start, spans[1].end)
    assert expand(spans[2], spans) == (spans[2].start, spans[2].end)
    # an earlier, closed quotation is not where this one opens
    spans = _spans('"One," she said.', "Counts rose.", 'Later," she added.')
    assert expand(spans[2], spans) == (spans[2].start, spans[2].end)


def test_a_condition_on_the_sentence_before_is_quoted_with_it():
    """A step's follow-up that only reads with the step before ("If it is jammed, ...",
    "Otherwise ...") is quoted with that step, and the step with it; a condition of its own
    ("If you rent, ...") is quoted alone."""
    spans = _spans("Grip the lid and turn it anticlockwise.",
                   "If it is jammed, tap the rim with a spoon first.", "Wash the jar after.")
    assert expand(spans[1], spans) == (spans[0].start, spans[1].end)
    assert expand(spans[0], spans) == (spans[0].start, spans[1].end)
    spans = _spans("Grip the lid and turn it.", "Otherwise soak it in hot water.")
    assert expand(spans[1], spans) == (spans[0].start, spans[1].end)
    spans = _spans("The bins go out on Monday.", "If you rent, ask your landlord for a bin.")
    assert expand(spans[1], spans) == (spans[1].start, spans[1].end)


def test_advice_about_what_the_sentence_before_lists_is_quoted_with_the_list():
    """"I'd suggest trying those for a month" only says what is advised with the sentence
    before it, which names "those"; a condition on that advice ("If they fail, ...") takes
    both. "Those who ..." and "these bins" name their own thing."""
    spans = _spans("The hedge is patchy.", "A net and a row of canes would keep the hens off.",
                   "I would suggest trying those for a month.", "If they fail, fence it.")
    assert expand(spans[2], spans) == (spans[1].start, spans[2].end)
    assert expand(spans[3], spans) == (spans[1].start, spans[3].end)
    for own in ("Those who keep hens know the trouble.", "I would suggest moving these bins."):
        spans = _spans("The hedge is patchy.", own)
        assert expand(spans[1], spans) == (spans[1].start, spans[1].end), own


def test_a_thing_named_only_as_a_new_one_is_quoted_with_the_sentence_naming_it():
    """"... came back with a new one" names its thing only through the sentence before ("The
    shed's padlock rusted through."), which is quoted with it; "a new one of the ..." names it."""
    spans = _spans("Wind all night.", "The shed's padlock rusted through on Monday.",
                   "Priya walked to the village and came back with a new one for £6.")
    assert expand(spans[2], spans) == (spans[1].start, spans[2].end)
    spans = _spans("Wind all night.", "Priya bought a new one of the brass kind for £6.")
    assert expand(spans[1], spans) == (spans[1].start, spans[1].end)


def test_a_sentence_opening_a_quotation_is_quoted_to_where_it_closes():
    """A notice or a speaker's words running on over short sentences ('... a card on the gate:
    "Eggs for sale. / Honesty box. / Ring twice."') are quoted to their close; a quotation that
    never closes near, or runs long, leaves the sentence alone."""
    spans = _spans('The farm shop began when Ann pinned a card on the gate: "Eggs for sale.',
                   "Honesty box.", 'Ring twice." Nine people came the first week.')
    assert expand(spans[0], spans) == (spans[0].start, spans[2].end)
    spans = _spans('Ann pinned a card on the gate: "Eggs for sale.', "Honesty box.")
    assert expand(spans[0], spans) == (spans[0].start, spans[0].end)
    long = " ".join(["We sold every egg we had that morning."] * 8)
    spans = _spans('Ann said: "Eggs went fast.', long, 'Then we shut," she said.')
    assert expand(spans[0], spans) == (spans[0].start, spans[0].end)


def test_an_answer_ending_a_quotation_shows_it_from_its_first_word(settings, fake_embedder):
    from tests.test_service import _text_assistant

    a = _text_assistant(
        "Eel pass report\n\nThe new eel pass on the weir opened in May.\n\n"
        "\u201cWe expected the elvers to come first. But the adult eels arrived in March, "
        "weeks early,\u201d said Dr Harriet Combe.\n", settings, fake_embedder)
    answer = a.ask("When did the adult eels arrive?")
    assert answer.quotes[0].text.startswith("\u201cWe expected the elvers")
    assert answer.quotes[0].text.endswith("said Dr Harriet Combe.")
