"""A name asked, none given: "Which member voted against?", "Who took over as head?", "Which
company will build it?" want someone named in the role; a count or a word for the role ("the
board voted 5 to 2", "six brands", "the consultancy's engineer") names no one."""

from __future__ import annotations

import pytest

from assistant.answerer import name_asked
from assistant.query import make_query
from assistant.sentences import names_filler
from assistant.text import words
from assistant.types import Source


def _given(question: str) -> frozenset[str]:
    return frozenset(w.lower() for w in words(question))


def _names(question: str) -> frozenset[str]:
    return make_query(question).names


@pytest.mark.parametrize(("text", "question", "people", "bodies"), [
    # a count, a word for the role, a date, the question's own names
    ("When the Dunmere parish council voted 6 to 1 in May to close the tip, I was surprised.",
     "Which two councillors voted against closing the tip?", True, False),
    ("He joined Brackley Road Infant School in 1971 and was made deputy head in 1980.",
     "Who took over as head of Brackley Road after he left?", True, True),
    ("The service will be held at St Oswin's Chapel, Harrowby, at 2pm on Tuesday 3 March.",
     "Who is taking the service at St Oswin's?", True, True),
    ("In 2009 he was given the freedom of Harrowby, only the third person to be so honoured.",
     "Who else has been given the freedom of Harrowby?", True, True),
    # a person named, where a body is asked; a kind of thing counted or told by its country
    ("Dr Ines Albery, the firm's senior surveyor, said the pier would need new piles.",
     "Which company will rebuild the pier?", False, True),
    ("We tried nine jams from French and Belgian shops (four apricot, three PLUM and two fig).",
     "Which jam brands were tried?", False, True),
])
def test_a_count_or_a_word_for_the_role_names_no_one(text, question, people, bodies):
    assert not names_filler(text, _given(question), people=people, bodies=bodies,
                            names=_names(question))


@pytest.mark.parametrize(("text", "question", "people", "bodies"), [
    ("Only Ruth Mallory and Councillor Ade Okoro voted against closing the tip.",
     "Which two councillors voted against closing the tip?", True, False),
    ("Superintendent Anwen Price has run the district since 2021.",
     "Who is the superintendent of the district?", True, True),
    ("The count is run by the Hollin Moor Bird Trust, which pays for the feeders.",
     "Who organises the feeder count?", True, True),
    ("The new hall was designed by researchers at the Tarrant Institute for Timber.",
     "Who designed the new hall?", True, True),
    ("The work went to the contractor Marlow & Sedge Marine, who start in June.",
     "Which company will rebuild the pier?", False, True),
    ("Łukasz Nowicki took over as head in 1998.", "Who took over as head?", True, True),
])
def test_a_name_in_the_role_fills_it(text, question, people, bodies):
    assert names_filler(text, _given(question), people=people, bodies=bodies,
                        names=_names(question))


def test_a_name_opening_a_sentence_counts_where_the_article_writes_it_as_one():
    question = "Which member offered to write the grant bid?"
    text = "Joanna rang me to say she would write the first draft."
    assert not names_filler(text, _given(question), bodies=False)
    assert names_filler(text, _given(question), bodies=False, opening=frozenset({"joanna"}))


@pytest.mark.parametrize(("question", "asked"), [
    ("Which two councillors voted against closing the tip?", (True, False)),
    ("Which committee member wanted the money spent on the shed?", (True, False)),
    ("Who took over as head after he left?", (True, True)),
    ("Whose van was it?", (True, True)),
    ("Which company will rebuild the pier?", (False, True)),
    # who someone named is, advice, an audience, a group told apart, the page's writer
    ("Who is Ruth Mallory?", None),
    ("Who should I ask about the roof?", None),
    ("Who is this guide for?", None),
    ("Which participants improved the most?", None),
    ("Who wrote this post?", None),
    ("How did they find out which bacteria people had?", None),
    ("Which county is Harrowby in?", None),
])
def test_the_questions_that_want_a_name(question, asked):
    assert name_asked(make_query(question)) == asked


_PAGE = [
    Source("title", "title", "Title", "Harvest supper returns to Dunmere", None, None),
    Source("post-1", "post", "Post, paragraph 1",
           "The harvest supper will be held in the village hall on Saturday 4 October.", None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "The committee voted 6 to 1 to bring the supper back after a two-year break.", None,
           None),
    Source("post-3", "post", "Post, paragraph 3",
           "Tickets cost twelve pounds and include a pudding.", None, None),
]


def test_a_question_wanting_a_member_named_is_declined_when_only_the_vote_is_counted(
        settings, fake_embedder):
    from assistant import Assistant

    a = Assistant.from_sources(_PAGE, settings, embedder=fake_embedder)
    got = a.ask("Which committee member voted against the supper?")
    assert got.abstained and "names no one in the role asked" in (got.reason or "")


def test_a_question_wanting_a_member_named_is_not_declined_by_it_when_one_is_named(
        settings, fake_embedder):
    from assistant import Assistant

    page = [*_PAGE[:2], Source("post-2b", "post", "Post, paragraph 2",
                               "The committee voted 6 to 1, with Ruth Mallory voting against the "
                               "supper.", None, None), *_PAGE[3:]]
    page = [s for s in page if s.id != "post-2"]
    a = Assistant.from_sources(page, settings, embedder=fake_embedder)
    got = a.ask("Which committee member voted against the supper?")
    assert "names no one in the role asked" not in (got.reason or "")


# A name in another role: the question asks the doer of a deed the shown quotes never tell.

@pytest.mark.parametrize(("question", "deed"), [
    ("Which company will rebuild the pier?", "rebuild"),
    ("Who took over as head after he left?", "took"),
    ("Which firm carried out the survey that found the cracks?", "survey"),
    ("Who first designed the lock gates?", "designed"),
    ("Who organises the feeder count?", "organises"),
    # no deed of a doer: another's verb, being, saying or writing, a light verb's vague object
    ("Which hospital does she work at?", None),
    ("Who is the superintendent of the district?", None),
    ("Who asked about the parking?", None),
    ("Who wrote this post?", None),
    ("Who did the work?", None),  # a light verb: its object is the deed, unless vague
    ("Who led the trial?", "trial"),
])
def test_the_deed_whose_doer_is_asked(question, deed):
    from assistant.answerer import deed_asked

    assert deed_asked(question) == deed


def test_a_deed_is_told_by_its_word_or_a_doer_after_by():
    from assistant.answerer import tells_deed
    from assistant.text import stem

    deeds = {stem("rebuild")}
    assert tells_deed("Rebuilding the pier will start in May.", deeds)
    assert tells_deed("The new pier is being put up by Marlow & Sedge.", deeds)
    assert not tells_deed("A survey commissioned from Tolland Brae found cracks in the piles.", deeds)


def test_a_name_a_preposition_takes_is_no_doer():
    question = "Which company will rebuild the pier?"
    text = "A survey commissioned from the engineering firm Tolland Brae found cracks in the piles."
    assert names_filler(text, _given(question), people=False, bodies=True)
    assert not names_filler(text, _given(question), people=False, bodies=True, doer=True)
    said = "Tolland Brae found cracks in the piles last winter."
    assert names_filler(said, _given(question), people=False, bodies=True,
                        opening=frozenset({"tolland"}), doer=True)


_PIER = [
    Source("title", "title", "Title", "Harrowby pier to be rebuilt", None, None),
    Source("post-1", "post", "Post, paragraph 1",
           "The council has agreed to rebuild Harrowby pier after storm damage last winter.",
           None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "A survey commissioned from the engineering firm Tolland Brae found cracks in most of "
           "the piles.", None, None),
    Source("post-3", "post", "Post, paragraph 3",
           "Tenders open in March and the work should take two years.", None, None),
]


def test_a_company_named_only_for_another_deed_does_not_answer_who_will_do_this_one(
        settings, fake_embedder):
    from assistant import Assistant

    page = [s for s in _PIER if s.id != "post-1"]
    a = Assistant.from_sources(page, settings, embedder=fake_embedder)
    got = a.ask("Which company will rebuild the pier?")
    assert got.abstained and "names no one in the role asked" in (got.reason or "")


def test_a_company_named_where_the_deed_is_told_is_not_declined_by_it(settings, fake_embedder):
    from assistant import Assistant

    page = [*_PIER[:2], Source("post-2", "post", "Post, paragraph 2",
                               "The pier will be rebuilt by the engineering firm Tolland Brae.",
                               None, None), _PIER[3]]
    a = Assistant.from_sources(page, settings, embedder=fake_embedder)
    got = a.ask("Which company will rebuild the pier?")
    assert "names no one in the role asked" not in (got.reason or "")


# A kind of thing asked ("Which disease ...?", "What side effects ...?"): a passage that says
# the kind's noun only of any one or none names none of it.

@pytest.mark.parametrize(("question", "kind"), [
    ("Which disease threatens the oak trees?", ("disease",)),
    ("What side effects did the volunteers report?", ("side", "effects")),
    ("What kind of glue should I use on the handle?", ("glue",)),
    ("Which other towns have tried it?", ("towns",)),
    # a verb, no noun; no kind
    ("What causes rust on the chain?", ()),
    ("What did she say about the glue?", ()),
    ("What is a heat exchanger?", ()),
])
def test_the_kind_a_question_asks_one_of(question, kind):
    from assistant.sentences import kind_asked

    assert kind_asked(question, make_query(question).focus) == kind


@pytest.mark.parametrize(("text", "question", "said"), [
    # the noun only of any one, or of none: no one of the kind named
    ("If one disease arrives that likes oaks, we could lose half the wood in ten years.",
     "Which disease threatens the oak trees?", False),
    ("It may be a cheap way to ease joint pain without adverse side effects.",
     "What side effects did the volunteers report?", False),
    # what is, whatever it says: "none" answers too
    ("The volunteers reported no side effects at all.",
     "What side effects did the volunteers report?", True),
    ("It was used for a year without adverse side effects.",
     "What side effects did the volunteers report?", True),
    # one named, or told apart by a word before or after the noun
    ("Oak wilt is the disease foresters fear most.", "Which disease threatens the oak trees?", True),
    ("Acute oak disease has reached the wood.", "Which disease threatens the oak trees?", True),
    ("The wood lost forty oaks to a fungal disease last year.",
     "Which disease threatens the oak trees?", True),
    ("The main side effects were headaches and a dry mouth.",
     "What side effects did the volunteers report?", True),
    ("A disease called wilt is spreading.", "Which disease threatens the oak trees?", True),
    # the noun not said: another check's business
    ("The oaks were planted in 1890.", "Which disease threatens the oak trees?", None),
])
def test_a_passage_naming_one_of_the_kind_asked(text, question, said):
    from assistant.sentences import kind_asked, names_of_kind

    kind = kind_asked(question, make_query(question).focus)
    assert names_of_kind(text, kind, _given(question)) is said


_TRIAL = [
    Source("title", "title", "Title", "A nasal spray for joint pain?", None, None),
    Source("post-1", "post", "Post, paragraph 1",
           "It may one day be a cheap way to ease joint pain without adverse side effects.",
           None, None),
    Source("post-2", "post", "Post, paragraph 2", "The spray smells faintly of mint.", None, None),
]


def test_a_kind_asked_is_declined_when_the_closest_passage_names_none_of_it(settings,
                                                                             fake_embedder):
    from assistant import Assistant

    a = Assistant.from_sources(_TRIAL, settings, embedder=fake_embedder)
    got = a.ask("What side effects did the volunteers report?")
    assert got.abstained and "name no side effects" in (got.reason or "")


def test_a_kind_asked_is_not_declined_by_it_when_one_is_named(settings, fake_embedder):
    from assistant import Assistant

    page = [_TRIAL[0], Source("post-1", "post", "Post, paragraph 1",
                              "The main side effects the volunteers reported were headaches "
                              "and a dry mouth.", None, None), _TRIAL[2]]
    a = Assistant.from_sources(page, settings, embedder=fake_embedder)
    got = a.ask("What side effects did the volunteers report?")
    assert "name no side effects" not in (got.reason or "")
