"""A "what" question about something the article names but does not tell: the sentence closest
to it says the thing is kept back ("she won't give the recipe"), or gives only its new value
when the question asks how it was before ("a new 30p fee applies")."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from assistant.answerer import asked_back
from assistant.answering import Candidate
from assistant.features import asks_before, asks_told, who_withheld
from assistant.query import make_query
from assistant.sentences import raises, tells_only_new, withholds
from assistant.text import terms
from assistant.types import Source, Span


def _asked(question: str) -> frozenset[str]:
    return frozenset(make_query(question).terms)


@pytest.mark.parametrize(("text", "question"), [
    ("I'd love to hear more about the glaze, even if he won't give the formula.",
     "What exactly is in his glaze formula?"),
    ("There was a mishap with the kiln last spring that I won't describe here.",
     "What was the mishap with the kiln?"),
    ("The buyer declined to say what the painting cost.", "What did the painting cost the buyer?"),
    ("The price of the land has not been disclosed.", "What was the price of the land?"),
    ("The family keeps the sauce recipe a closely guarded secret.", "What goes into the sauce?"),
    ("The cause of the barn fire is not yet known.", "What caused the barn fire?"),
    ("The route of the new ring road has yet to be decided.", "Which route will the ring road take?"),
    ("The club paid an undisclosed fee for the striker.", "What fee did the club pay?"),
])
def test_a_sentence_keeping_the_asked_thing_back_withholds_it(text, question):
    assert withholds(text, _asked(question))


@pytest.mark.parametrize(("text", "question"), [
    ("He gave the formula to his apprentice in 2019.", "What is in his glaze formula?"),
    ("She won't give up on the kiln.", "What was the price of the land?"),  # not what is asked
    ("I do not tell this story to shame the school, which is a good one.",
     "What school does Ada go to?"),  # what it does not tell is the story
    ("An unnamed donor gave the library a signed first edition.", "What did the donor give?"),
    ("We do not use lead in the glaze formula, which is two parts feldspar to one of silica.",
     "What is in the glaze formula?"),  # "do not use", not "do not say"
])
def test_a_sentence_telling_or_keeping_back_something_else_does_not_withhold_it(text, question):
    assert not withholds(text, _asked(question))


@pytest.mark.parametrize("question", ["What exactly is in his glaze formula?",
                                      "Which supplier sells her clay?"])
def test_a_what_question_asks_to_be_told(question):
    assert asks_told(make_query(question))


@pytest.mark.parametrize("question", ["What won't he give away?", "Why is the recipe secret?",
                                      "Does he share the formula?",
                                      "Which detail was not disclosed?"])
def test_asking_what_is_kept_back_is_not_asking_to_be_told(question):
    assert not asks_told(make_query(question))


def test_a_new_value_alone_does_not_say_the_one_before():
    asked = frozenset(terms("fee parking"))
    assert tells_only_new("From Monday a new parking fee of 80p an hour will apply.", asked)
    # the old one is given too: it may answer
    assert not tells_only_new("The new parking fee of 80p replaces the old 50p charge.", asked)
    assert not tells_only_new("The parking fee rose from 50p to a new 80p.", asked)
    assert not tells_only_new("The new car park opens on Monday.", asked)


@pytest.mark.parametrize(("question", "before"), [
    ("What was the parking fee before the change?", True),
    ("What did the older model cost?", True),
    ("What was the original name of the pub?", True),
    ("What is the new parking fee?", False),
    ("What was the parking fee?", False),
    ("What did the shop used to sell?", True),
    ("What might the gel be used to treat?", False),  # a use, not how it was
    ("How old is the new pier?", False),
])
def test_a_question_asking_how_it_was_before(question, before):
    assert asks_before(make_query(question)) is before


_PAGE = [
    Source("post-1", "post", "Post, paragraph 1",
           "The Ferncombe pottery has fired its wood kiln every autumn since 1987.", None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "Its potter Hal Brisley mixes every ash glaze himself, and he won't give the formula "
           "to anyone.", None, None),
    Source("post-3", "post", "Post, paragraph 3",
           "From next month a new car parking fee of 80p an hour will apply in the pottery's "
           "yard.", None, None),
    Source("post-4", "post", "Post, paragraph 4",
           "Visitors can watch the kiln being loaded on the first Saturday of October.", None, None),
]


@pytest.mark.parametrize("question", ["What is in Hal Brisley's ash glaze formula?",
                                      "What was the car parking fee in the yard before?"])
def test_a_what_question_the_page_names_but_does_not_tell_is_declined(settings, fake_embedder,
                                                                      question):
    from assistant import Assistant

    a = Assistant.from_sources(_PAGE, settings, embedder=fake_embedder)
    got = a.ask(question)
    assert got.abstained and "not what is asked of it" in got.reason


def test_a_forum_posts_abbreviated_date_names_no_place():
    from assistant.features import names_a_place

    # "By wheelie_bin, Tue Mar 17, 2026 9:02 am": "Tue" and "Mar" are no place or name
    assert not names_a_place(frozenset({"tue", "mar", "17", "2026"}), {"wheelie_bin"})
    assert names_a_place(frozenset({"tue", "harrowgate"}), {"wheelie_bin"})


def test_a_group_told_only_by_its_count_names_none_of_its_members():
    from assistant.sentences import asked_group, counts_only

    group = asked_group("What were the names of the four almshouses?")
    assert group == (4, frozenset(terms("almshouses")))
    assert counts_only("A plaque recalls the four almshouses that stood on the green until 1952.",
                       *group)
    assert not counts_only("The four almshouses were Hart's, Mercer's, Pound's and Tilley's.",
                           *group)
    assert asked_group("What are the 6 settings on the dial?") == (6, frozenset(terms("settings")))
    assert counts_only("A 6-setting dial on the front picks the programme.",
                       *asked_group("What are the 6 settings on the dial?"))
    assert asked_group("What are the settings on the dial?") is None


def test_a_question_asking_a_counted_groups_members_is_declined_when_only_counted(
        settings, fake_embedder):
    from assistant import Assistant

    page = [*_PAGE, Source("post-5", "post", "Post, paragraph 5",
                           "The pottery sells a 5-colour glaze sampler for beginners.", None, None)]
    a = Assistant.from_sources(page, settings, embedder=fake_embedder)
    got = a.ask("What are the five colours in the glaze sampler?")
    assert got.abstained and "not what is asked of it" in got.reason


@pytest.mark.parametrize(("text", "question", "withheld"), [
    # the deed's own words stand for the question's verb: writing a piece is composing it
    ("The band has a new song on the way, but Ada would not say who is writing it.",
     "Who is composing the band's new song?", True),
    ("The firm declined to say who paid for the new pavilion.", "Who funded the new pavilion?", True),
    # what is kept back is something else
    ("Ada would not say when the song comes out.", "Who is composing the band's new song?", False),
    ("The pavilion was paid for by the Kestrel Cricket Trust.", "Who funded the new pavilion?",
     False),
])
def test_a_who_question_is_not_answered_by_a_sentence_keeping_the_doer_back(text, question,
                                                                          withheld):
    assert who_withheld(make_query(question), text) is withheld


def test_a_doer_asked_is_kept_back_when_the_role_is_said_to_be_unnamed():
    assert who_withheld(make_query("Who is the referee for the final?"),
                        "The referee for the final has not been named.")


@pytest.mark.parametrize(("text", "question"), [
    ("I'd want to know how many volunteers turned up on the wet Saturday before I believe it.",
     "How many volunteers turned up on the wet Saturday?"),
    ("The council could not yet say whether or for how long the footbridge would have to close.",
     "How long will the footbridge be closed?"),
    ("It makes me wonder when the orchard was first planted.", "When was the orchard planted?"),
    ("The landlord declined to say how much the new roof cost.",
     "How much did the new roof cost?"),
    ("Nobody knows why the ferry timetable changed.", "Why did the ferry timetable change?"),
    ("Does anyone know where the market moves to in winter?",
     "Where does the market move in winter?"),
])
def test_a_sentence_leaving_the_question_open_raises_it(text, question):
    assert raises(text, question, _asked(question), asking=False)


@pytest.mark.parametrize(("text", "question"), [
    ("She told me how long the varnish takes to dry: two full days.",
     "How long does the varnish take to dry?"),  # told, not kept back
    ("I often wondered whether we would reopen, said the warden, who has run it since 2015.",
     "How long has the warden run it?"),  # wonders about another thing
    ("I'd want to know how many lambs were born before I judge the farm.",
     "How many ewes does the farm keep?"),  # another thing asked
    ("Nobody knows why the ferry timetable changed.", "When did the ferry timetable change?"),
    ("Is the footbridge open in winter?", "Is the footbridge open in winter?"),  # yes/no
])
def test_a_sentence_not_leaving_the_question_open_does_not_raise_it(text, question):
    assert not raises(text, question, _asked(question), asking=False)


def test_a_sentence_asking_the_question_raises_it_only_when_asking_counts():
    question = "How many seats does the minibus have?"
    assert raises("How many seats does the minibus have, then?", question, _asked(question))
    assert not raises("How many seats does the minibus have, then?", question, _asked(question),
                      asking=False)
    assert raises("She asked how many seats the minibus has.", question, _asked(question))
    assert not raises("She asked how many seats the minibus has.", question, _asked(question),
                      asking=False)


_OPEN_PAGE = [
    Source("post-1", "post", "Post, paragraph 1",
           "The Dunmere beach clean last Saturday filled 38 sacks with litter.", None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "Organisers said the haul was the largest since the cleans began in 2016.", None, None),
    Source("comment-1", "comment", "Reader comment by Ilse Marr, 3 May 2026",
           "I'd want to know how many volunteers turned up on the beach in the rain before "
           "calling it a success.", "Ilse Marr", "3 May 2026"),
]


def test_a_question_the_closest_passage_leaves_open_is_declined(settings, fake_embedder):
    """"How many volunteers turned up on the beach?" is not answered by the reader who would
    want to know, nor by the count of sacks the post gives."""
    from assistant import Assistant

    a = Assistant.from_sources(_OPEN_PAGE, settings, embedder=fake_embedder)
    query = a.query_for("How many volunteers turned up on the beach in the rain?")
    candidates, _ = a.answerer.candidates(query, None, a._encode([query.text])[0])
    assert {c.span.source_id: c.prob for c in candidates}["comment-1"] == 0.0
    got = a.ask("How many volunteers turned up on the beach in the rain?")
    assert got.abstained and "not known, or asks it too" in got.reason


@pytest.mark.parametrize(("question", "event"), [
    ("What did the roof survey find?", "survey"),
    ("And what did the inspection show?", "inspect"),
    ("What did Priya Shah say at the 3 March hearing?", "hear"),
    ("What happened at the parish meeting last week?", "meet"),
    ("What was the result of the ballot?", "ballot"),
    ("How did the open day go?", "day"),
])
def test_a_question_asking_what_an_event_brought(question, event):
    from assistant.sentences import outcome_asked

    assert outcome_asked(question) == {event}


@pytest.mark.parametrize("question", [
    "What did the surveyors find?",  # people, not an event
    "What happened on the bus on Friday?",
    "What will the survey look at?",
    "What did she die of?",
    "Why was the meeting called?",
])
def test_a_question_not_asking_what_an_event_brought(question):
    from assistant.sentences import outcome_asked

    assert outcome_asked(question) == frozenset()


def test_a_sentence_naming_an_event_only_as_still_to_come():
    from assistant.sentences import tells_only_coming

    survey = frozenset({"survey"})
    assert tells_only_coming("We've booked a roof survey for 3 March and I'll post what it says.",
                             survey)
    assert tells_only_coming("The survey is due to start next month.", survey)
    assert tells_only_coming("The parish clerk is meeting the builders on Tuesday to plan the "
                             "survey.", survey)
    # told as done, or not named at all
    assert not tells_only_coming("The survey found rot in two rafters, and the repair will "
                                 "take a week.", survey)
    assert not tells_only_coming("Last spring's survey was cancelled in the rain.", survey)
    assert not tells_only_coming("The builders will start on Monday.", survey)
    assert not tells_only_coming("We booked a survey last year.", survey)


_COMING_PAGE = [
    Source("post-1", "post", "Post, paragraph 1",
           "The chapel at Holt End has had a leaking roof since the storms in January.", None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "The trustees have booked a full roof survey for 3 March, and the parish newsletter "
           "will print its findings in April.", None, None),
    Source("post-3", "post", "Post, paragraph 3",
           "Until then the chapel stays open for Sunday services.", None, None),
]


def test_a_question_about_an_event_the_page_places_still_to_come_is_declined(
        settings, fake_embedder):
    """"What did the roof survey find?" cannot be answered by a page on which the survey is
    only booked; once a reader tells what it found, that is quoted."""
    from assistant import Assistant

    a = Assistant.from_sources(_COMING_PAGE, settings, embedder=fake_embedder)
    got = a.ask("What did the roof survey find?")
    assert got.abstained and "still to come" in got.reason
    found = Source("comment-1", "comment", "Reader comment by Ivo Hart, 20 March",
                   "The roof survey found rot in two rafters above the porch.", "Ivo Hart",
                   "20 March")
    b = Assistant.from_sources([*_COMING_PAGE, found], settings, embedder=fake_embedder)
    got = b.ask("What did the roof survey find?")
    assert not got.abstained and "rot in two rafters" in got.answer


@pytest.mark.parametrize(("question", "asks"), [
    ("What did he die of?", True),
    ("What was the cause of death?", True),
    ("How did the old ferryman die?", True),
    ("What killed the miller?", True),
    ("When did he die?", False),
    ("How old was she when she died?", False),
    ("Where did she die?", False),
    ("How many people died from the flu last winter?", False),
    ("And what did his father die of?", True),
])
def test_a_question_asking_what_caused_a_death(question, asks):
    from assistant.sentences import asks_death_cause

    assert asks_death_cause(question) is asks


def test_a_sentence_telling_what_caused_a_death():
    from assistant.sentences import tells_death_cause

    what = "What did he die of?"
    assert tells_death_cause("He died of pneumonia in the winter of 1951.", what)
    assert tells_death_cause("Bill died after a fall on the quay.", what)
    assert tells_death_cause("Her brother was killed in a crash on the coast road.", what)
    # when, where and how peacefully, not of what
    assert not tells_death_cause("He died peacefully at home on 3 May, aged 91.", what)
    assert not tells_death_cause("His wife died in 1999.", what)
    # "How did he die?" is answered by the way it came too
    assert tells_death_cause("He died peacefully in his sleep.", "How did he die?")


_OBITUARY = [
    Source("post-1", "post", "Post, paragraph 1",
           "Walter Pennick, who ran the Saltby ferry for forty years, has died aged 91.", None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "He died peacefully at home on 3 May, with his two sons beside him.", None, None),
    Source("post-3", "post", "Post, paragraph 3",
           "His wife Nora died in 1999, and he kept her garden going for a quarter of a century.",
           None, None),
]


def test_a_question_of_what_caused_a_death_no_passage_tells_is_declined(settings, fake_embedder):
    """"What did he die of?" is not answered by when, where or how peacefully he died; once the
    page names an illness, it is."""
    from assistant import Assistant

    a = Assistant.from_sources(_OBITUARY, settings, embedder=fake_embedder)
    got = a.ask("What did Walter Pennick die of?")
    assert got.abstained and "what caused the death" in got.reason
    told = Source("post-4", "post", "Post, paragraph 4",
                  "Walter Pennick died of heart failure after a short stay in hospital.", None, None)
    b = Assistant.from_sources([*_OBITUARY, told], settings, embedder=fake_embedder)
    got = b.ask("What did Walter Pennick die of?")
    assert not got.abstained and "heart failure" in got.answer


def test_a_sentence_telling_an_outcome():
    from assistant.sentences import tells_outcome

    assert tells_outcome("Deaths under the lamps fell by 31 percent.")
    assert tells_outcome("The inspectors found cracks in two piers.")
    assert not tells_outcome("The study will be published in the spring.")


_STUDY_PAGE = [
    Source("post-1", "post", "Post, paragraph 1",
           "The lamp study will be published in the Journal of Night Ecology next month.", None,
           None),
    Source("post-2", "post", "Post, paragraph 2",
           "Moth deaths under the dimmed lamps fell by 31 percent over two summers.", None, None),
]


def test_an_event_still_to_come_is_not_declined_when_an_outcome_is_told_nearby(
        settings, fake_embedder):
    """"What did the lamp study find?": the study's publication is still to come, but the page
    tells what it found without naming it."""
    from assistant import Assistant

    a = Assistant.from_sources(_STUDY_PAGE, settings, embedder=fake_embedder)
    query = a.query_for("What did the lamp study find?")
    candidates, _ = a.answerer.candidates(query, None, a._encode([query.text])[0])
    first = next(c for c in candidates if c.span.source_id == "post-1")
    others = [c for c in candidates if c is not first]
    assert not a.answerer.still_to_come(query, [first, *others])
    assert a.answerer.still_to_come(query, [first])


def _comment_candidates(*texts: str) -> list[Candidate]:
    out = []
    for i, text in enumerate(texts):
        src = Source(f"comment-{i}", "comment", f"Reader comment {i}", text)
        out.append(Candidate(i, Span(src.id, 0, len(text), text), src, 0.3 if i == 0 else 0.05,
                             np.zeros(3)))
    return out


def test_a_yes_no_question_a_reader_only_asks_too_is_asked_back():
    q = make_query("So is it safe to freeze?", ["Who asked about freezing the sauce?"])
    asking = _comment_candidates("Is it safe to freeze the tomato sauce?", "Lovely recipe, thanks.")
    assert asked_back(q, asking, lambda c: ["We never have leftovers anyway."], keep=0.3)
    # the asker (or another comment) answers it
    assert not asked_back(q, asking, lambda c: ["Yes, I did it last week."], keep=0.3)
    assert not asked_back(q, _comment_candidates("Is it safe to freeze the tomato sauce?",
                                                 "No, it splits."), lambda c: [], keep=0.3)
    # another passage close enough to be quoted with it may answer it
    close = _comment_candidates("Is it safe to freeze the tomato sauce?", "Mine keeps for a month.")
    assert asked_back(q, close, lambda c: [], keep=0.3)
    close[1] = replace(close[1], prob=0.2)
    assert not asked_back(q, close, lambda c: [], keep=0.3)
    # a sentence asking another thing, or telling it
    assert not asked_back(q, _comment_candidates("Is it spicy?"), lambda c: [], keep=0.3)
    assert not asked_back(q, _comment_candidates("It is safe to freeze for a month."), lambda c: [], keep=0.3)
    # a question in the post itself is the writer's, who answers it
    post = make_query("Is it safe to freeze the sauce?")
    src = Source("post-0", "post", "Post, paragraph 0", "Is it safe to freeze the sauce?")
    own = [Candidate(0, Span(src.id, 0, len(src.text), src.text), src, 0.3, np.zeros(3))]
    assert not asked_back(post, own, lambda c: ["For a month or two, it is."], keep=0.3)
    # not a yes/no question
    assert not asked_back(make_query("How long can I freeze it?"), asking, lambda c: [], keep=0.3)
