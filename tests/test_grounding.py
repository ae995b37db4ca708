"""How a question's words are found in the article (spelling, synonyms, never mentioned)."""

from assistant.grounding import unknown_phrases
from assistant.query import make_query


def _ground(assistant, question):
    q = make_query(question)
    return q, assistant.answerer.ground(q)


def test_a_slip_of_the_pen_is_read_as_the_article_spells_it(assistant):
    _, g = _ground(assistant, "What is osteoprosis?")
    assert g.spelled == {"osteoprosi": "osteoporosi"} and not g.unknown


def test_a_real_word_is_never_taken_for_a_slip(assistant):
    # "caution" is one letter from "caption", but the model's vocabulary knows it.
    _, g = _ground(assistant, "Is there any caution about this?")
    assert "caution" not in g.spelled and "caution" in g.unknown


def test_words_about_the_page_are_never_unknown(assistant):
    _, g = _ground(assistant, "Who wrote this blog post and when was it published?")
    assert not g.unknown


def test_the_reason_names_what_the_article_never_mentions(assistant):
    q, g = _ground(assistant, "Does chocolate cake cure baldness?")
    assert set(unknown_phrases(q.question, g)) == {"chocolate cake cure baldness"}
