"""The first questions a newcomer asks (issue 12), with the real model.

The README's own example and its everyday variants must be answered: the first closest
passage names Dr. Graziana Colaianni (University of Bari) and the reference says 2014.
They are not in the answer model's training sets (benchmarks/data/*.jsonl hold their
neighbours d05, h06, h07 at most), so they check the method, not a memory of them.
"""

from __future__ import annotations

import pytest

from assistant.evaluation import norm

pytestmark = pytest.mark.integration

EVERYDAY = [
    # (question, earlier questions, what the answer or its quotes must show)
    ("Who led the review?", (), "Colaianni"),
    ("Who wrote the review?", (), "Colaianni"),
    ("Who led the research?", (), "Colaianni"),
    ("Where does she work?", ("Who led the review?",), "University of Bari"),
    ("In what year was the review published?", (), "2014"),
    ("When was the review published?", (), "2014"),
]


@pytest.mark.parametrize(("question", "history", "evidence"), EVERYDAY,
                         ids=[q for q, _, _ in EVERYDAY])
def test_everyday_question_is_answered_with_the_evidence(real_assistant, question, history,
                                                         evidence):
    answer = real_assistant.ask(question, history=list(history))
    assert not answer.abstained, answer.reason
    shown = " ".join([answer.answer, *(q.text for q in answer.quotes),
                      *(q.source.label for q in answer.quotes)])
    assert norm(evidence) in norm(shown)


OFF_TOPIC = ["Who won the 2014 FIFA World Cup?", "What is the capital of France?",
             "Who painted the Mona Lisa?", "What is the boiling point of mercury?"]


@pytest.mark.parametrize("question", OFF_TOPIC)
def test_an_off_topic_question_is_declined_with_closest_passages(real_assistant, question):
    answer = real_assistant.ask(question)
    assert answer.abstained and answer.quotes == ()
    assert answer.answer.startswith("The article does not say") and answer.reason
    assert 1 <= len(answer.closest) <= 3
