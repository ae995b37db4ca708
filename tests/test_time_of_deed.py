"""A "when" question asks the time of one deed ("When were the results published?"): a
sentence whose every date is told of another deed ("the survey was carried out in May", "the
board voted in June") does not say it."""

from __future__ import annotations

import pytest

from assistant.features import timed_deed
from assistant.query import make_query
from assistant.sentences import (
    tells_event,
    tells_when,
    times_earlier_event,
    times_other_event,
    times_other_phase,
    times_other_side,
)
from assistant.text import terms


def _deed(question: str) -> tuple[str, ...]:
    return timed_deed(make_query(question))


@pytest.mark.parametrize(("question", "deed"), [
    ("When were the results of the orchard census published?", ("publish",)),
    ("When did the parish council first start discussing a bypass?", ("discuss",)),
    ("When did the café start serving breakfast?", ("serv",)),
    ("On what date was the footbridge inspected?", ("inspect",)),
])
def test_a_when_question_names_its_deed_by_its_participle(question, deed):
    assert _deed(question) == deed


@pytest.mark.parametrize("question", [
    "When was the rowing club founded?",  # a life's event: tells_event knows its words
    "When does the market open?",  # a bare start
    "When do pupils get their tablets back?",  # a bare verb, too often paraphrased
    "What time in the morning does the ferry leave?",
])
def test_no_deed_is_taken_from_other_when_questions(question):
    assert _deed(question) == ()


@pytest.mark.parametrize(("question", "text"), [
    ("When were the results of the orchard census published?",
     "The orchard census, carried out in the spring of 2024, found that most of the trees "
     "were Bramleys."),
    ("When did the parish council first start discussing a bypass?",
     "When the parish council voted 6 to 3 in March to fund the bypass, few people noticed."),
    ("When did the café start serving breakfast?",
     "Our family stopped visiting the café in 2019 after the owners changed."),
    # a bare stretch ("after about an hour") dates no deed: the year is another deed's
    ("When was the windmill on Hob Hill restored?",
     "After about an hour you reach the windmill on Hob Hill, built in 1790 and still turning."),
])
def test_a_date_told_of_another_deed_does_not_answer(question, text):
    assert times_other_event(_deed(question), text)


@pytest.mark.parametrize(("question", "text"), [
    # the deed's own word, or its noun, stands in the sentence
    ("When were the results of the orchard census published?",
     "The census results were published on 3 June, two months after the count."),
    ("When were the results of the orchard census published?",
     "Publication of the census followed in June 2024."),
    ("When did the parish council first start discussing a bypass?",
     "Discussions of a bypass began in 1998, when the first lorries came through."),
    # a date with no verb before it in its clause may be any deed's
    ("When were the results of the orchard census published?",
     "In June 2024, the census results came out in the parish magazine."),
    ("When did the café start serving breakfast?", "Since last spring, breakfast is on."),
    # a stretch alone, or one counted back from now, may be the deed's time
    ("When was the windmill on Hob Hill restored?", "After three weeks the sails turned again."),
    ("When was the windmill on Hob Hill restored?",
     "Three years ago the windmill, built in 1790, turned again."),
    # no date at all
    ("When did the café start serving breakfast?", "The owners are friendly and the tea is strong."),
])
def test_a_date_that_may_be_the_deeds_own_is_not_ruled_out(question, text):
    assert not times_other_event(_deed(question), text)


def test_nothing_is_ruled_out_without_a_deed_asked():
    assert not times_other_event((), "The board voted in June to close the pool.")


@pytest.mark.parametrize(("thing", "text"), [
    ("reception", "The memorial service is at 2pm on Saturday, followed by a reception in the "
                  "church hall."),
    ("fireworks", "The lantern parade leaves the green at 6.30pm and then fireworks by the river."),
])
def test_a_time_of_the_event_before_does_not_time_what_follows(thing, text):
    assert times_earlier_event(tuple(terms(thing)), text)


@pytest.mark.parametrize(("thing", "text"), [
    ("reception", "The service is at 2pm, followed by a reception at 4pm."),  # its own time
    ("reception", "The reception is at 4pm, followed by dancing."),  # the thing comes first
    ("reception", "The reception is at 4pm in the hall."),  # nothing follows
    ("reception", "The service is at 2pm, followed by tea."),  # not the thing asked
])
def test_a_time_of_the_thing_itself_is_not_ruled_out(thing, text):
    assert not times_earlier_event(tuple(terms(thing)), text)


# An event of a person's life ("When did Martha Quill die?") told of another named person.

@pytest.mark.parametrize(("question", "names"), [
    ("When did Martha Quill die?", {"martha", "quill"}),
    ("When was Dr. Martha Quill born?", {"dr", "martha", "quill"}),
    ("When did Quill retire from the post office?", {"quill"}),
    ("When was Martha Quill's son born?", set()),  # another person, named by her
    ("When did the postmistress die?", set()),  # no one named
])
def test_a_life_event_is_asked_of_the_person_named_as_its_subject(question, names):
    from assistant.sentences import life_asked_of

    assert life_asked_of(question) == names


@pytest.mark.parametrize(("text", "names", "other"), [
    ("Tobias Wren died in the flood of 1927.", {"tobias", "wren"}, True),
    ("Wren had suddenly died in the winter of 1927.", {"wren"}, True),
    ("Her neighbour Tobias Wren's death in 1927 shook the village.", {"tobias", "wren"}, True),
    # the person asked is named, or the event is told with no other name before it
    ("Quill died in 1941, two years after Tobias Wren.", {"quill", "tobias", "wren"}, False),
    ("She died in March 1941, aged 88.", set(), False),
    ("Her husband died in 1927.", set(), False),
    ("Tobias Wren was mayor in 1927.", {"tobias", "wren"}, False),  # no death told
])
def test_a_death_told_of_another_named_person_is_not_the_one_asked(text, names, other):
    from assistant.sentences import event_of_other

    asked = frozenset({"martha", "quill"})
    assert event_of_other("died", asked, frozenset(names), text) is other
    # other questions are as before
    assert not event_of_other("built", asked, frozenset(names), text)
    assert not event_of_other("died", frozenset(), frozenset(names), text)


# A time counted from the thing asked ("in the spring after the flood") is another event's.

@pytest.mark.parametrize(("question", "text", "relative"), [
    ("When did the flood happen?",
     "The old footbridge was rebuilt in the spring after the flood.", True),
    ("When was the tannery fire?", "Two weeks before the fire, the owners had doubled the insurance.",
     True),
    # the thing asked is told for itself too, or with a time of its own right after it
    ("When did the flood happen?", "The flood came in March, and the footbridge was rebuilt "
                                   "in the spring after the flood.", False),
    ("When did the flood happen?", "The footbridge was rebuilt a year after the flood of 1953.",
     False),
    ("When did the flood happen?", "The footbridge was rebuilt in 1954.", False),  # not named
    # the question itself times from an event
    ("How long after the flood did it take?", "It was done in the spring after the flood.",
     False),
])
def test_a_time_counted_from_the_thing_asked_is_another_events(question, text, relative):
    from assistant.sentences import times_relative_to

    assert times_relative_to(tuple(make_query(question).terms), text, question) is relative


# The start or the end asked: a time told of the other end, or of another deed, is not it.
@pytest.mark.parametrize(("question", "text"), [
    ("When is the pier repair expected to be finished?",
     "Under the plan agreed on Monday, bids will open in March, a builder is due to be hired "
     "by August 2027, and work on the pier is expected to begin in October 2027."),
    ("When does the outdoor pool close?", "The outdoor pool opened in November."),
    ("When did the choir start rehearsing?", "The choir stopped rehearsing in 2020."),
])
def test_a_time_of_the_other_end_or_another_deed_is_not_the_end_asked(question, text):
    q = make_query(question)
    assert q.event in ("start", "end")
    assert times_other_phase(q.event, text, q.words)
    assert not tells_event(q.event, text, q.words)


@pytest.mark.parametrize(("question", "text"), [
    ("When is the pier repair expected to be finished?",
     "The repair should be complete by spring 2028."),
    ("When is the pier repair expected to be finished?", "Work will finish in May."),
    # a state's end: "open until" tells when it closes
    ("When does the outdoor pool close?", "The outdoor pool is open until 5 April."),
    # a range gives both ends
    ("When does the outdoor pool close?", "The outdoor pool opens from 7am to 9pm."),
    # a time with no verb of its own may be any deed's
    ("When does the outdoor pool close?", "In April, the pool opens again after it closes."),
    # the question names the other end's thing too: "closure"
    ("When did the closure of the pool start?", "The pool has been shut since 4 May."),
    ("When did the choir start rehearsing?", "The choir began rehearsing in 2020."),
])
def test_a_time_that_may_be_the_end_asked_is_not_ruled_out(question, text):
    q = make_query(question)
    assert not times_other_phase(q.event, text, q.words)


def test_a_verb_of_starting_may_time_the_deed_whose_start_is_asked():
    question = "When will the council start changing the streetlamps?"
    text = "The council will replace 400 streetlamps with dimmable ones, starting in May 2027."
    assert times_other_event(_deed(question), text) and _deed(question) == ("chang",)
    assert not times_other_event(_deed(question), text, phase=True)
    # ... not when the verb is a deed of its own: "the pool was shut the same afternoon"
    assert times_other_event(("inspect",), "The pool was shut the same afternoon.", phase=False)


@pytest.mark.parametrize(("question", "text", "other"), [
    ("When was the jetty last inspected before the storm?",
     "The jetty has been closed since 2 March, when an inspection after the storm found rot.",
     True),
    ("When did the ferry run after the strike?", "Before the strike the ferry ran at 7am.", True),
    # the same side, both sides, or no side of it told: not ruled out
    ("When was the jetty last inspected before the storm?",
     "It was inspected in May, a month before the storm.", False),
    ("When was the jetty last inspected before the storm?",
     "It was inspected before the storm and again after the storm.", False),
    ("When was the jetty last inspected before the storm?", "It was inspected in 2019.", False),
    ("When was the jetty last inspected?", "An inspection after the storm found rot.", False),
])
def test_a_time_on_the_other_side_of_the_event_asked_from(question, text, other):
    assert times_other_side(question, text) is other


@pytest.mark.parametrize(("text", "when"), [
    ("From now on we will check the jetty every year rather than every three years.", False),
    ("Before it closed, the jetty took around 300 boats a day.", False),
    ("The lamp is cleaned twice a year.", False),
    ("Such a storm comes once in 100 years.", False),
    # a day of the week, a month or a season every time, or a stretch from a time, is when
    ("Swifts arrive every May.", True),
    ("The club meets every Tuesday at 7pm.", True),
    ("In a year the jetty will be rebuilt.", True),
    ("A day later the storm broke.", True),
])
def test_how_often_is_not_when(text, when):
    assert tells_when(text) is when
