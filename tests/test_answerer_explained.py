"""A question asking why, or what to do, is answered first by a sentence that gives a cause or
tells what to do (``explained``), not by one that only tells of the same things."""

from __future__ import annotations

import numpy as np

from assistant.answerer import explained
from assistant.query import make_query
from assistant.types import Source, Span


def _page(*paragraphs: tuple[str, ...]) -> tuple[list[Span], list[Source], dict[str, list[Span]]]:
    """The sentences of a made-up post, a paragraph each tuple, and each paragraph's sentences."""
    spans, sources, by_source = [], [], {}
    for i, sentences in enumerate(paragraphs):
        text = " ".join(sentences)
        src = Source(f"post-{i}", "post", f"Post, paragraph {i}", text)
        start, own = 0, []
        for sentence in sentences:
            span = Span(src.id, start, start + len(sentence), sentence)
            own.append(span)
            spans.append(span)
            sources.append(src)
            start += len(sentence) + 1
        by_source[src.id] = own
    return spans, sources, by_source


def _top(probs: np.ndarray, k: int = 3) -> list[int]:
    return sorted(range(len(probs)), key=lambda j: (-probs[j], j))[:k]


def test_a_why_question_prefers_a_cause_to_a_definition():
    spans, sources, by_source = _page(
        ("Bakers rate a starter by its lift: the height it gains in four hours of proving.",
         "A young starter often doubles in that time."),
        ("Because rye flour holds more sugar, rye starters rise fast.",),
        ("The dough is folded, so the gas stays trapped.",),
        ("The colder the kitchen, the slower the yeast works.",),
    )
    q = make_query("Why does a starter rise less in winter?")
    probs = np.array([0.42, 0.2, 0.34, 0.30, 0.29])
    out = explained(q, spans, sources, probs, by_source)
    # the sentence tying the cold to the slower yeast is among the three quoted, the definition
    # is not
    assert 4 in _top(out) and 0 not in _top(out)
    assert 4 not in _top(probs)


def test_a_why_question_answered_with_a_cause_keeps_the_models_order():
    spans, sources, by_source = _page(
        ("Starters rise less in winter because the yeast slows in the cold.",),
        ("The colder the kitchen, the slower the yeast works.",),
    )
    q = make_query("Why does a starter rise less in winter?")
    probs = np.array([0.5, 0.3])
    assert explained(q, spans, sources, probs, by_source).tolist() == [0.5, 0.3]
    # nor when the best one restates what is asked and the next sentence gives the reason
    spans, sources, by_source = _page(
        ("Starters rise less in winter.", "The yeast slows in the cold, so the dough stays flat."),
        ("The colder the kitchen, the slower the yeast works.",),
    )
    probs = np.array([0.5, 0.1, 0.3])
    assert explained(q, spans, sources, probs, by_source).tolist() == [0.5, 0.1, 0.3]


def test_a_question_asking_what_to_do_prefers_a_sentence_telling_it():
    spans, sources, by_source = _page(
        ("The rota started in 2021 and now has forty members.",),
        ("Members say the scheme has been a great success.",),
        ("Most evenings the hall is quiet.",),
        ("You sign the sheet, we give you a key, and you lock up after the last class.",),
    )
    q = make_query("What do you actually do if you join the rota?")
    probs = np.array([0.3, 0.2, 0.12, 0.1])
    out = explained(q, spans, sources, probs, by_source)
    assert 3 in _top(out) and 3 not in _top(probs)
    # a question asking something else is left to the model
    other = make_query("When did the rota start?")
    assert explained(other, spans, sources, probs, by_source).tolist() == probs.tolist()
