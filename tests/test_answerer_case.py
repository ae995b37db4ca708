"""A sloppy question's own facts and the asked quantity choose the sentence: the side of a rule
the asker's number falls on ("my son is 9" / "Swimmers under 10 must ..."), and a number per
the unit of time asked ("kayaks per month" / "nine or ten a month")."""

import numpy as np

from assistant.answerer import bound_met_first, rate_first
from tests.candidates import post_candidates


def _parts(*passages):
    cands = post_candidates(*passages)
    return [c.span for c in cands], [c.source for c in cands], np.array([c.prob for c in cands])


def _one_paragraph(*passages):
    spans, sources, probs = _parts(*passages)
    return spans, [sources[0]] * len(sources), probs


def test_the_side_of_a_rule_the_askers_number_meets_comes_first():
    q = ("ok so my son is 9 and all his mates swim on their own at the saturday session, is he "
         "allowed to or do I have to get in the pool with him every time")
    spans, sources, probs = _one_paragraph(
        ("Swimmers aged 10 and over may swim on their own at the Saturday session.", 0.3),
        ("The Saturday session runs from 9am to noon.", 0.2),
        ("Swimmers under 10 must have an adult in the water with them.", 0.05))
    out = bound_met_first(q, spans, sources, probs)
    assert int(np.argmax(out)) == 2 and out[2] > 0.3 and out[0] == 0.3 and out[1] == 0.2


def test_the_models_order_stands_without_a_case_number_or_a_bound_on_it():
    spans, sources, probs = _one_paragraph(
        ("Swimmers aged 10 and over may swim on their own.", 0.3),
        ("Swimmers under 10 must have an adult in the water with them.", 0.05))
    # no number of the asker's own
    assert list(bound_met_first("can kids swim on their own?", spans, sources, probs)) == [0.3, 0.05]
    # a sentence the number meets, far from the one it fails, is about something else
    spans, sources, probs = _parts(("Swimmers aged 10 and over may swim on their own.", 0.3),
                                   ("Lockers take coins under 20p.", 0.05))
    assert list(bound_met_first("my son is 9, can he swim alone?", spans, sources, probs)) == [0.3, 0.05]


def test_a_number_per_the_unit_of_time_asked_comes_first():
    spans, _, probs = _parts(("Each kayak takes about 40 hours to build.", 0.4),
                             ("The waiting list is about two years long.", 0.3),
                             ("We hire out nine or ten a month in winter.", 0.2))
    out = rate_first("kayaks per month", spans, probs)
    assert int(np.argmax(out)) == 2 and list(out[:2]) == [0.4, 0.3]
    # not from far down the list, nor for a question asking no rate
    far = _parts(*[(f"Kayak {i} is red.", 0.5 - i / 100) for i in range(6)],
                 ("We hire out nine or ten a month.", 0.01))
    assert list(rate_first("kayaks per month", far[0], far[2])) == list(far[2])
    assert list(rate_first("how long does a kayak take?", spans, probs)) == [0.4, 0.3, 0.2]
