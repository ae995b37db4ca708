"""Follow-ups whose earlier question brings a passage close that does not hold what is asked
now ("Who is the warden? / How long has he been warden there?")."""

import numpy as np
import pytest

from assistant.answerer import (
    counts_part,
    counts_whole_of_few,
    names_others,
    states_asked_day,
    states_asked_span,
    tells_asked_end,
    times_asked_event,
)
from assistant.answering import Candidate
from assistant.features import FEATURES
from assistant.query import make_query
from assistant.sentences import states_tenure
from assistant.types import Source, Span
from tests.candidates import post_candidates


@pytest.mark.parametrize("text", [
    "Wendy Auclair has kept the tearoom for eleven years.",
    "The ferry's skipper since 2011, Ross Veitch, knows every rock.",
    "I opened the workshop six years ago.",
    "After nine summers on the cliffs she knows the birds by sight.",
])
def test_a_span_of_years_is_a_tenure(text):
    assert states_tenure(text)


@pytest.mark.parametrize("text", [
    "Ross Veitch, the skipper, waved from the wheelhouse.",
    "The crossing takes about an hour.",
    "A late tide set the sailing back by a day.",
    "The rocks are thought to be 3,000 years old.",
])
def test_other_times_are_no_tenure(text):
    assert not states_tenure(text)


def test_how_long_someone_has_been_at_it_needs_a_passage_that_says():
    history = ["Who skippers the island ferry?"]
    q = make_query("How long has he been skipper?", history)
    told = post_candidates("Ross Veitch, the skipper, waved from the wheelhouse.",
                           "The crossing takes about an hour.")
    assert not states_asked_span(q, told)
    told = post_candidates("He has skippered the boat for fourteen years.",
                           "Ross Veitch, the skipper, waved from the wheelhouse.")
    assert states_asked_span(q, told)
    # the closest passage decides: another's years further down do not answer it
    told = post_candidates("Ross Veitch, the skipper, waved from the wheelhouse.",
                           "I have crossed on that ferry for thirty years.")
    assert not states_asked_span(q, told)
    # but a byline or headline closest is passed over
    byline = Source("byline", "byline", "Byline", "By Ina Moar, 2 May 2026")
    told = [Candidate(0, Span("byline", 0, 23, byline.text), byline, 0.5, np.zeros(3)),
            *post_candidates("He has skippered the boat for fourteen years.")]
    assert states_asked_span(q, told)


def test_a_birth_needs_a_passage_that_tells_of_it():
    q = make_query("When was she born?", ["Who was the first lighthouse keeper?"])
    assert not states_asked_span(q, post_candidates("The first keeper, Ada Rusk, arrived in 1902."))
    assert states_asked_span(q, post_candidates("Ada Rusk was born in Leith in 1871."))


def test_other_questions_are_not_held_to_it():
    q = make_query("When did she arrive?", ["Who was the first lighthouse keeper?"])
    assert states_asked_span(q, post_candidates("The first keeper, Ada Rusk, arrived in 1902."))


_FERRY = [
    Source("title", "title", "Title", "The Skerrow ferry gets a new skipper", None, None),
    Source("post-1", "post", "Post, paragraph 1",
           "The new skipper of the Skerrow ferry is Ross Veitch, who grew up on the island.",
           None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "The boat was refitted at the Kirkwall yard over the winter.", None, None),
    Source("post-3", "post", "Post, paragraph 3",
           "Its deckhand, Nora Quoyle, is 19 and earns half a skipper's wage.", None, None),
]


def _gate(settings, fake_embedder, question, history=(), close=("post-1", "post-2", "post-3"),
          sources=_FERRY):
    """Whether the passages ``close`` (the closest ones) state what ``question`` asks."""
    from assistant import Assistant

    a = Assistant.from_sources(sources, settings, embedder=fake_embedder)
    query = a.query_for(question, list(history))
    candidates, _ = a.answerer.candidates(query, None, a._encode([query.text])[0])
    return a.answerer.states_measure(query, [c for c in candidates if c.span.source_id in close])


def test_a_price_or_an_age_needs_a_passage_that_states_one(settings, fake_embedder):
    """"Who skippers the ferry? / How old is he?": the sentence naming him gives no age; "How
    much did the refit cost?": the sentence about the refit gives no price."""
    assert not _gate(settings, fake_embedder, "How old is he?", ["Who skippers the Skerrow ferry?"],
                     close=("post-1", "post-2"))
    assert not _gate(settings, fake_embedder, "How much did the refit cost?",
                     ["When was the boat refitted?"], close=("post-1", "post-2"))
    # an age stated, or a share of a wage against another's, is one
    assert _gate(settings, fake_embedder, "How old is the deckhand Nora Quoyle?")
    assert _gate(settings, fake_embedder, "How much is Nora Quoyle paid compared with the skipper?")


_WORKSHOP = [
    Source("title", "title", "Title", "The Pellby repair workshop moves to the old forge", None, None),
    Source("post-1", "post", "Post, paragraph 1",
           "Its new bench grinder weighs 14 kg and cost the volunteers £220.", None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "The lamps over the benches are bright enough for fine soldering.", None, None),
    Source("post-3", "post", "Post, paragraph 3",
           "Sessions run on Thursday evenings, and the loan from the parish is repaid over "
           "five years.", None, None),
    Source("post-4", "post", "Post, paragraph 4",
           "The kiln draws 3 kW, each lamp gives 800 lumens, the loan carries 4 percent "
           "interest and doors open at 6.30pm.", None, None, "Thursday sessions"),
]


@pytest.mark.parametrize("question", [
    "How many watts does the bench grinder draw?",
    "How many lumens do the bench lamps give?",
    "What interest rate does the parish charge on the loan?",
    "What time do the Thursday sessions start?",
])
def test_a_measure_of_another_dimension_or_no_clock_time_does_not_answer(
        settings, fake_embedder, question):
    """"How many watts does the grinder draw?" / "weighs 14 kg and cost £220": a weight and
    a price are no power; "What time do the sessions start?" / "on Thursday evenings": a part
    of the day is no time by the clock. Stated in its own unit, it does."""
    assert not _gate(settings, fake_embedder, question, sources=_WORKSHOP)
    assert _gate(settings, fake_embedder, question, close=("post-4",), sources=_WORKSHOP)


def test_a_rate_asked_needs_a_share_told_of_that_rate(settings, fake_embedder):
    """"What interest rate does the club pay on its loan?" / "around 60 percent of members
    voted for the loan": a share of something else is no interest rate; "a rate of 3.5
    percent" or "4 percent interest" is."""
    club = [
        Source("title", "title", "Title", "Brackley rowing club borrows for a new boathouse", None, None),
        Source("post-1", "post", "Post, paragraph 1",
               "The club will borrow £80,000 for the boathouse, repaid over twelve years.", None, None),
        Source("post-2", "post", "Post, paragraph 2",
               "Around 60 percent of members voted for the loan at the spring meeting.", None, None),
        Source("post-3", "post", "Post, paragraph 3",
               "The bank agreed a fixed rate of 3.5 percent on the loan.", None, None),
    ]
    question = "What interest rate will the club pay on its loan?"
    assert not _gate(settings, fake_embedder, question, close=("post-1", "post-2"), sources=club)
    assert _gate(settings, fake_embedder, question, close=("post-1", "post-3"), sources=club)


def test_an_average_asked_needs_a_passage_that_gives_one(settings, fake_embedder):
    """"What was the average age of the walkers?" / "walkers aged 58 to 77": a range is no
    average; nor is an average of another measure ("an average of 12 km a day")."""
    walkers = [
        Source("title", "title", "Title", "A retirees' walking group crosses the moor", None, None),
        Source("post-1", "post", "Post, paragraph 1",
               "Twenty-two walkers aged 58 to 77 set off from Hollin Cross on Monday.", None, None),
        Source("post-2", "post", "Post, paragraph 2",
               "They covered an average of 12 km a day over the week.", None, None),
        Source("post-3", "post", "Post, paragraph 3",
               "The walkers had an average age of 68.", None, None),
    ]
    question = "What was the average age of the walkers?"
    assert not _gate(settings, fake_embedder, question, close=("post-1", "post-2"), sources=walkers)
    assert _gate(settings, fake_embedder, question, close=("post-1", "post-3"), sources=walkers)
    # an age asked without an average: the range answers
    assert _gate(settings, fake_embedder, "How old were the walkers?", close=("post-1", "post-2"),
                 sources=walkers)


def test_a_population_asked_needs_a_passage_that_states_one(settings, fake_embedder):
    """"What is the population of Skerrow?" / "the ferry to Skerrow runs three times a day":
    the island told of is no count of who lives there; "its 240 islanders" is."""
    island = [*_FERRY, Source("post-4", "post", "Post, paragraph 4",
                              "Skerrow and its 240 islanders rely on the ferry for everything.",
                              None, None)]
    question = "What is the population of Skerrow?"
    assert not _gate(settings, fake_embedder, question, close=("post-1", "post-2"), sources=island)
    assert _gate(settings, fake_embedder, question, close=("post-1", "post-4"), sources=island)


def test_a_height_or_breadth_asked_needs_a_length_of_that_dimension(settings, fake_embedder):
    """"How tall is the cairn?" / "the causeway is three kilometres of shingle": a length
    along the ground is no height; "What is the wingspan of a heron?" / "a bird of about 90
    cm": a length with no word for a breadth is none. A passage stating no length at all is
    left to the model."""
    moor = [
        Source("title", "title", "Title", "A walk across Hollin Moor", None, None),
        Source("post-1", "post", "Post, paragraph 1",
               "The causeway is three kilometres of shingle, and at its end stands the Grey Cairn.",
               None, None),
        Source("post-2", "post", "Post, paragraph 2",
               "The heron by the tarn is a grey bird of about 90 cm.", None, None),
        Source("post-3", "post", "Post, paragraph 3",
               "The Grey Cairn is about four metres tall and older than the chapel.", None, None),
        Source("post-4", "post", "Post, paragraph 4",
               "Herons spread wings nearly two metres across as they lift off the tarn.", None, None),
        Source("post-5", "post", "Post, paragraph 5",
               "The Grey Cairn was built by shepherds long ago.", None, None),
    ]
    cairn, heron = "How tall is the Grey Cairn?", "What is the wingspan of a heron?"
    assert not _gate(settings, fake_embedder, cairn, close=("post-1", "post-5"), sources=moor)
    assert _gate(settings, fake_embedder, cairn, close=("post-1", "post-3"), sources=moor)
    assert _gate(settings, fake_embedder, cairn, close=("post-5",), sources=moor)
    assert not _gate(settings, fake_embedder, heron, close=("post-1", "post-2"), sources=moor)
    assert _gate(settings, fake_embedder, heron, close=("post-2", "post-4"), sources=moor)


_DRILL = [
    Source("title", "title", "Title", "Lowmoor fire brigade holds its summer open day", None, None),
    Source("post-1", "post", "Post, paragraph 1",
           "The open day ends with a hose drill by the cadets on the station forecourt.",
           None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "The station cafe serves teas from 10am, and the car park opens at 9.30am.", None, None),
    Source("post-3", "post", "Post, paragraph 3",
           "Most visitors come on the 8.15am bus from Hollin Cross, which stops at the station.",
           None, None),
]


@pytest.mark.parametrize("question, close", [
    # a clock time of another thing: the cafe and the car park are not the drill
    ("What time does the cadets' hose drill start?", ("post-1", "post-2")),
    # the question's own time ("the 8.15") is no answer to when that bus gets in
    ("What time does the 8.15 bus get to Lowmoor?", ("post-3",)),
])
def test_a_clock_time_of_another_thing_or_the_one_asked_by_does_not_answer(
        settings, fake_embedder, question, close):
    assert not _gate(settings, fake_embedder, question, close=close, sources=_DRILL)


def test_a_clock_time_told_of_the_thing_asked_answers(settings, fake_embedder):
    assert _gate(settings, fake_embedder, "What time does the station cafe open?",
                 close=("post-1", "post-2"), sources=_DRILL)
    assert _gate(settings, fake_embedder, "What time does the car park open?",
                 close=("post-2",), sources=_DRILL)
    # a paragraph under a heading that names the thing: "Cadets' drill" / "It starts at 3pm."
    headed = [*_DRILL, Source("post-4", "post", "Post, paragraph 4", "It starts at 3pm sharp.",
                              None, None, "The cadets' hose drill")]
    assert _gate(settings, fake_embedder, "What time does the cadets' hose drill start?",
                 close=("post-1", "post-4"), sources=headed)


def test_a_bill_asked_needs_a_passage_that_states_money(settings, fake_embedder):
    """"How much does the kiln add to the electricity bill?" / "The kiln draws 3 kW": a power
    is no amount of money."""
    question = "How much does the kiln add to the electricity bill?"
    assert not _gate(settings, fake_embedder, question, close=("post-4",), sources=_WORKSHOP)
    billed = [*_WORKSHOP, Source("post-5", "post", "Post, paragraph 5",
                                 "Running the kiln adds about £15 a month to the bill.", None, None)]
    assert _gate(settings, fake_embedder, question, close=("post-5",), sources=billed)
    # nor is the price of another thing: the grinder's
    assert not _gate(settings, fake_embedder, question, close=("post-1",), sources=_WORKSHOP)


_LUTHIER = [
    Source("title", "title", "Title", "Hannah Roe makes violins in a Leith workshop", None, None),
    Source("post-1", "post", "Post, paragraph 1",
           "A violin from her bench is £9,000 at the moment, and a viola £11,000.", None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "A cello takes her four months and sells for £16,000.", None, None),
    Source("post-3", "post", 'Post, paragraph 3 (under "The cello")', "From £15,500.", None, None,
           "The cello"),
]


def test_a_price_asked_needs_a_passage_that_prices_the_thing(settings, fake_embedder):
    """"How much does she charge for a cello?" / "A violin ... is £9,000, and a viola
    £11,000": the prices of other things do not answer it; a passage naming the cello does, and
    so does a bare price under a heading that names it."""
    question = "How much does she charge for a cello?"
    assert not _gate(settings, fake_embedder, question, close=("post-1",), sources=_LUTHIER)
    assert _gate(settings, fake_embedder, question, close=("post-2",), sources=_LUTHIER)
    assert _gate(settings, fake_embedder, question, close=("post-3",), sources=_LUTHIER)


_SHELTER = [
    Source("title", "title", "Title", "The Hollin dog shelter opens a new kennel block", None, None),
    Source("post-1", "post", "Post, paragraph 1",
           "Volunteers from the parish walked the dogs for 300 hours over the summer.", None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "The new block has room for 24 dogs, and 17 volunteers help each week.", None, None),
    Source("post-3", "post", "Post, paragraph 3",
           "Last month the shelter took in 6 spaniels, 4 terriers and 2 greyhounds.", None, None),
]


def test_a_count_asked_needs_a_passage_that_counts_the_thing(settings, fake_embedder):
    """"How many volunteers help at the shelter?" / "Volunteers ... walked the dogs for 300
    hours": a number of hours, in a passage about the volunteers, does not count them."""
    question = "How many volunteers help at the shelter?"
    assert not _gate(settings, fake_embedder, question, close=("post-1",), sources=_SHELTER)
    assert _gate(settings, fake_embedder, question, close=("post-2",), sources=_SHELTER)
    # a list of counts may add up to what a word for all of them asks
    assert _gate(settings, fake_embedder, "How many dogs did the shelter take in last month?",
                 close=("post-3",), sources=_SHELTER)
    # "how many of them" is counts_part's to judge
    assert _gate(settings, fake_embedder, "How many of them were puppies?",
                 ["How many dogs can the block hold?"], close=("post-1",), sources=_SHELTER)



_OUTING = [
    Source("title", "title", "Title", "Saturday at the mill pond", None, None),
    Source("post-1", "post", "Post, paragraph 1",
           "A party of nine from the Holm walking club came round at ten and fed the ducks.",
           None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "The Holm walking club came round at ten and stayed for three hours.", None, None),
]


def test_a_groups_size_counts_the_people_asked(settings, fake_embedder):
    """"How many people came with the Holm walking club?" / "A party of nine from the Holm
    walking club came round": the party's size counts its members; a passage giving only
    hours does not count them."""
    question = "How many people came with the Holm walking club?"
    assert _gate(settings, fake_embedder, question, close=("post-1",), sources=_OUTING)
    assert not _gate(settings, fake_embedder, question, close=("post-2",), sources=_OUTING)

_CHOIR = [
    Source("title", "title", "Title", "The Dunnock Valley choirs start their autumn term", None, None),
    Source("post-1", "post", "Post, paragraph 1",
           "This autumn 58 singers have signed up across our two choirs, the Chamber Singers "
           "and the Young Voices.", None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "The Young Voices have 21 singers this term, and the Chamber Singers 37.", None, None),
]


def test_a_count_of_several_named_holders_does_not_count_one_of_them(settings, fake_embedder):
    """"How many singers are in the Young Voices?" / "58 singers ... across our two choirs,
    the Chamber Singers and the Young Voices": the count is both choirs', not one's."""
    question = "How many singers are in the Young Voices?"
    assert not _gate(settings, fake_embedder, question, close=("post-1",), sources=_CHOIR)
    assert _gate(settings, fake_embedder, question, close=("post-2",), sources=_CHOIR)
    # the whole list asked: its count answers
    assert _gate(settings, fake_embedder, "How many singers are in the Chamber Singers and the "
                 "Young Voices?", close=("post-1",), sources=_CHOIR)


_SURVEY = [
    Source("title", "title", "Title", "What the town's hedgehogs eat", None, None),
    Source("post-1", "post", "Post, paragraph 1",
           "The team collected 230 droppings (scats, to the experts) from parks, back gardens, "
           "school fields and two churchyards.", None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "In the churchyards alone they found 41 droppings under the yews.", None, None),
]


def test_a_count_over_a_list_of_places_does_not_count_one_of_them(settings, fake_embedder):
    """"How many droppings were found in the churchyards?" / "230 droppings from parks, back
    gardens, school fields and two churchyards": the count is all the places', not one's."""
    question = "How many droppings were found in the churchyards?"
    assert not _gate(settings, fake_embedder, question, close=("post-1",), sources=_SURVEY)
    assert _gate(settings, fake_embedder, question, close=("post-2",), sources=_SURVEY)
    # the whole count asked: it answers
    assert _gate(settings, fake_embedder, "How many droppings did the team collect?",
                 close=("post-1",), sources=_SURVEY)


_BOATS = [
    Source("title", "title", "Title", "Two narrowboats for hire on the Wenlow canal", None, None),
    Source("post-1", "post", "Post, paragraph 1",
           "The Kestrel was built in 1994 and was refitted last spring.", None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "The other boat, the Heron, sleeps six people and has a wood stove.", None, None),
    Source("post-3", "post", "Post, paragraph 3",
           "The Kestrel is the older boat. She sleeps four people in two cabins.", None, None),
    Source("post-4", "post", "Post, paragraph 4", "A week on the Heron costs £1,100.", None, None),
    Source("post-5", "post", "Post, paragraph 5",
           "A week on the Kestrel costs £900, fuel included.", None, None),
]


def test_a_quantity_of_another_named_holder_does_not_answer(settings, fake_embedder):
    """"How many people does the Kestrel sleep?" / "The other boat, the Heron, sleeps six
    people": the count is of another boat, in a passage that never names the one asked, though
    the page does; a passage naming it, if only in the sentence before, answers."""
    question = "How many people does the Kestrel sleep?"
    assert not _gate(settings, fake_embedder, question, close=("post-2",), sources=_BOATS)
    assert _gate(settings, fake_embedder, question, close=("post-3",), sources=_BOATS)
    question = "How much does a week on the Kestrel cost?"
    assert not _gate(settings, fake_embedder, question, close=("post-4",), sources=_BOATS)
    assert _gate(settings, fake_embedder, question, close=("post-5",), sources=_BOATS)
    # a name the page never writes is left to the model
    assert _gate(settings, fake_embedder, "How many people does the Osprey sleep?",
                 close=("post-2",), sources=_BOATS)


_TRIAL = [
    Source("title", "title", "Title", "Shorter days on the farms", None, None),
    Source("post-1", "post", "Post, paragraph 1",
           "The study followed twelve farms, none with more than 30 workers, for a year.", None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "In all, 214 workers on the twelve farms took part.", None, None),
]


def test_a_bound_each_holder_keeps_to_is_no_count(settings, fake_embedder):
    """"How many workers took part?" / "twelve farms, none with more than 30 workers": a bound
    each farm keeps to, no number of the workers."""
    question = "How many workers took part in the study in total?"
    assert not _gate(settings, fake_embedder, question, close=("post-1",), sources=_TRIAL)
    assert _gate(settings, fake_embedder, question, close=("post-2",), sources=_TRIAL)


_CLUB_FUNDS = [
    Source("title", "title", "Title", "The bowls club's accounts for the year", None, None),
    Source("post-1", "post", "Post, paragraph 1",
           "The club's fund stood at £4,120 at the end of March, after this year's gas bill "
           "was paid.", None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "This year's gas bill came to £610, more than we had hoped.", None, None),
]


def test_a_price_of_another_thing_with_the_one_asked_in_an_aside_is_not_its_price(
        settings, fake_embedder):
    """"How much was this year's gas bill?" / "The club's fund stood at £4,120 ..., after
    this year's gas bill was paid": the amount is the fund's, the bill is named only in a
    clause of time after it."""
    question = "How much was this year's gas bill?"
    assert not _gate(settings, fake_embedder, question, close=("post-1",), sources=_CLUB_FUNDS)
    assert _gate(settings, fake_embedder, question, close=("post-2",), sources=_CLUB_FUNDS)


_HALL = [
    Source("title", "title", "Title", "The village hall's running costs", None, None),
    Source("post-1", "post", "Post, paragraph 1",
           "The hire charge covers our heating oil, which went up by £180 this winter.", None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "Our heating oil costs £1,340 a year.", None, None),
]


def test_an_amount_a_price_changed_by_is_not_the_price(settings, fake_embedder):
    """"How much does the heating oil cost each year?" / "heating oil, which went up by £180":
    the amount of the rise, not the price; but it answers a rise asked."""
    question = "How much does the hall's heating oil cost each year?"
    assert not _gate(settings, fake_embedder, question, close=("post-1",), sources=_HALL)
    assert _gate(settings, fake_embedder, question, close=("post-2",), sources=_HALL)
    assert _gate(settings, fake_embedder, "How much did the heating oil go up this winter?",
                 close=("post-1",), sources=_HALL)


_KEEPER = [
    Source("title", "title", "Title", "A year on the roof with the Dunmore bees", None, None),
    Source("post-1", "post", "Post, paragraph 1",
           "New keepers tend to open the hive every other day, which upsets the colony.", None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "I have been stung three times since the spring.", None, None),
    Source("post-3", "post", "Post, paragraph 3",
           "The hive swarmed in 2019, 2021 and 2024.", None, None),
]


def test_how_many_times_needs_a_passage_that_tells_a_number_of_times(settings, fake_embedder):
    """"How many times has she been stung?" / "open the hive every other day": a frequency of
    something else, no number of times."""
    question = "How many times has the author been stung?"
    assert not _gate(settings, fake_embedder, question, close=("post-1",), sources=_KEEPER)
    assert _gate(settings, fake_embedder, question, close=("post-2",), sources=_KEEPER)
    # the years it happened in count them too
    assert _gate(settings, fake_embedder, "How many times has the hive swarmed?",
                 close=("post-3",), sources=_KEEPER)
    # "how many times a week" asks a frequency
    assert _gate(settings, fake_embedder, "How many times a week do new keepers open the hive?",
                 close=("post-1",), sources=_KEEPER)


_CROSSING = [
    Source("title", "title", "Title", "Winter timetable for the Tollan ferry", None, None),
    Source("post-1", "post", "Post, paragraph 1",
           "The ferry to Tollan will run four crossings a day this winter.", None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "Its crew staged a 12-hour walkout last week over pay.", None, None),
    Source("post-3", "post", "Post, paragraph 3",
           "In rough weather the crossing takes a few minutes longer.", None, None),
    Source("post-4", "post", "Post, paragraph 4",
           "The crossing to Tollan takes about 35 minutes.", None, None),
    Source("post-5", "post", "Post, paragraph 5", "It is a 35-minute crossing.", None, None),
]


def test_how_long_a_thing_takes_needs_a_passage_that_gives_a_length_of_time(settings, fake_embedder):
    """"How long does the crossing to Tollan take?" / "four crossings a day", "a 12-hour
    walkout", "takes a few minutes longer": a rate, the length of another thing and a
    difference, no length of time the crossing takes."""
    question = "How long does the crossing to Tollan take?"
    assert not _gate(settings, fake_embedder, question, close=("post-1", "post-2", "post-3"),
                     sources=_CROSSING)
    assert _gate(settings, fake_embedder, question, close=("post-4",), sources=_CROSSING)
    assert _gate(settings, fake_embedder, question, close=("post-5",), sources=_CROSSING)
    assert not _gate(settings, fake_embedder, "How many minutes does the crossing take?",
                     close=("post-1",), sources=_CROSSING)
    # how long a walkout lasted: the length joined to the word asked answers
    assert _gate(settings, fake_embedder, "How long did the walkout last?", close=("post-2",),
                 sources=_CROSSING)


def test_a_part_of_the_day_answers_what_time_of_day(settings, fake_embedder):
    assert _gate(settings, fake_embedder, "What time of day do the sessions run?", sources=_WORKSHOP)


def test_a_part_of_what_was_counted_needs_a_count_of_it():
    """"How many stalls were at the fair? / How many of them sold cheese?": the total, a share
    or a passage speaking of cheese without a number does not say."""
    q = make_query("How many of them sold cheese?", ["How many stalls were at the fair?"])
    assert not counts_part(q, post_candidates("There were 64 stalls at the fair this year.",
                                              "Cheese made up 30 percent of the sales.",
                                              "The cheese stalls drew the longest queues."))
    assert counts_part(q, post_candidates("There were 64 stalls at the fair this year.",
                                          "Nine of the stalls sold cheese."))
    # not a part of a count: left to the model
    q = make_query("How many stalls sold cheese?")
    assert counts_part(q, post_candidates("The cheese stalls drew the longest queues."))


def test_a_count_over_a_few_of_a_set_is_not_met_by_a_count_over_the_whole_set():
    """"Which villages held the biggest markets? / How many stalls were there in those three?":
    "410 stalls across nine villages" counts them all."""
    q = make_query("How many stalls were there in those three?",
                   ["Which villages held the biggest markets?"])
    assert not counts_part(q, post_candidates("The fair counted 410 stalls across nine villages.",
                                              "The three biggest markets were on the coast."))
    assert counts_part(q, post_candidates("The three coastal villages had 160 stalls between them."))
    assert counts_part(q, post_candidates("Most of the stalls sold cheese."))  # no count of a whole
    assert not counts_whole_of_few("How many stalls were there in those three?",
                                   "In those three, 160 stalls traded across three weekends.")
    # a question not counting over a few: left to the model
    assert counts_part(make_query("How many stalls were there?"),
                       post_candidates("The fair counted 410 stalls across nine villages."))


def test_a_passage_giving_only_the_other_end_of_what_is_asked_is_no_answer():
    found = post_candidates("The parish switched off the paddling pool on 3 June.",
                            "The paddling pool is popular with toddlers all summer.",
                            "The parish switched the paddling pool back on in August.")
    q = make_query("When was the paddling pool switched back on?")
    assert [c.row for c in tells_asked_end(q, found)] == [1, 2]
    # when it was switched off: the passage that says so answers
    q = make_query("When was the paddling pool switched off?")
    assert [c.row for c in tells_asked_end(q, found)] == [0, 1]
    # other questions keep every candidate
    q = make_query("When is the paddling pool busiest?")
    assert [c.row for c in tells_asked_end(q, found)] == [0, 1, 2]


@pytest.mark.parametrize("question, sources, missing", [
    # the cafe's and the car park's times are not the drill's
    ("What time does the cadets' hose drill start?", _DRILL, "a time of day for it"),
    # a share of a wage is no price of the refit
    ("How much did the refit cost?", _FERRY, "a price or amount of money"),
    # the refit is told of, not how many times it was done
    ("How many times has the Skerrow ferry been refitted?", _FERRY, "a number of times"),
    # the ferry's island is told of, not how many live there
    ("What is the population of the island the Skerrow ferry serves?", _FERRY, "a population"),
    # the deckhand's own age is no average
    ("What is the average age of the Skerrow ferry's crew?", _FERRY, "an average (an age)"),
    # the first keeper's year of arrival is not her birth
    ("When was the lighthouse keeper Ada Rusk born?",
     [Source("post-1", "post", "Post, paragraph 1", "The first keeper, Ada Rusk, arrived in 1902.",
             None, None)], None),
])
def test_a_refusal_for_what_the_passages_lack_says_what(settings, fake_embedder, question,
                                                       sources, missing):
    """Turned down because no close passage holds the kind of thing asked, the refusal names
    it, rather than saying only that nothing is close enough."""
    from assistant import Assistant

    answer = Assistant.from_sources(sources, settings, embedder=fake_embedder).ask(question)
    assert answer.abstained
    assert answer.reason == (f"no passage close to the question gives {missing}" if missing
                             else "no passage close to the question says when they were born")


def test_which_day_needs_a_passage_that_gives_the_day():
    """"Which race does the club suggest next? / Which date in May is it on?": the sentence
    naming the race and its month gives no day."""
    q = make_query("Which date in May is it on?", ["Which race does the club suggest next?"])
    assert not states_asked_day(q, post_candidates("The Tarn Dash in May is a good first race."))
    assert states_asked_day(q, post_candidates("The Tarn Dash is on Saturday 17 May."))
    assert states_asked_day(q, post_candidates("The Tarn Dash runs on May 17th."))
    q = make_query("When exactly was that show?", ["Which band played the harbour festival?"])
    assert not states_asked_day(q, post_candidates("The Gull Brothers played it a few years ago."))
    assert states_asked_day(q, post_candidates("The Gull Brothers played on 3 August 2019."))


def test_a_comment_date_is_not_the_day_asked_but_a_heading_is():
    q = make_query("Which date in May is it on?", ["Which race does the club suggest next?"])
    comment = Source("comment-1", "comment", "Reader comment by Ana, Mon Oct 26, 2026",
                     "The Tarn Dash in May is a good first race.", "Ana", "Mon Oct 26, 2026")
    told = [Candidate(0, Span(comment.id, 0, len(comment.text), comment.text), comment, 0.5,
                      np.zeros(3))]
    assert not states_asked_day(q, told)
    entry = Source("post-4", "post", 'Post, paragraph 4 (under "Sat 17 May")',
                   "The Tarn Dash in May is a good first race.")
    told = [Candidate(0, Span(entry.id, 0, len(entry.text), entry.text), entry, 0.5, np.zeros(3))]
    assert states_asked_day(q, told)


def test_other_when_questions_are_not_held_to_a_day():
    # not a follow-up; a month asked; the day a comment was written
    no_day = post_candidates("The Tarn Dash in May is a good first race.")
    assert states_asked_day(make_query("Which date in May is the Tarn Dash?"), no_day)
    assert states_asked_day(make_query("When is it?", ["Which race does the club suggest?"]), no_day)
    assert states_asked_day(make_query("What day of the festival is it?",
                                       ["Which band plays the festival?"]), no_day)


def test_a_follow_up_asking_the_day_says_the_passage_gives_none(settings, fake_embedder):
    from assistant import Assistant

    sources = [Source("post-1", "post", "Post, paragraph 1",
                      "The club suggests the Tarn Dash in May as a first race.", None, None)]
    a = Assistant.from_sources(sources, settings, embedder=fake_embedder)
    got = a.ask("Which date in May is it on?", ["Which race does the club suggest?"])
    assert got.abstained
    assert got.reason == "the passage closest to it gives no day"


def test_names_of_others_need_a_passage_naming_someone_else():
    """"Whose triplets sing in the choir? / What are their names?": the sentence naming their
    mother names no triplet."""
    q = make_query("What are their names?", ["Whose triplets sing in the choir?"],
                   referent="Hilde Parrow")
    assert not names_others(q, post_candidates("Hilde Parrow, whose triplets all sing alto, bakes for "
                                               "the interval."))
    assert names_others(q, post_candidates("Hilde Parrow's triplets, Ove, Siri and Tor Parrow, all "
                                           "sing alto."))
    # a name asked of the person themself, or no person known, is not held to it
    assert names_others(make_query("What is their name?", ["Who bakes for the choir?"],
                                   referent="Hilde Parrow"),
                        post_candidates("Hilde Parrow bakes for the interval."))
    assert names_others(make_query("What are their names?", ["Which triplets sing alto?"]),
                        post_candidates("The triplets all sing alto."))


def _typed(*rows: tuple[str, float]) -> list[Candidate]:
    out = []
    for c, (_, ok) in zip(post_candidates(*(text for text, _ in rows)), rows, strict=True):
        x = np.zeros(len(FEATURES))
        x[FEATURES.index("type_ok")] = ok
        out.append(Candidate(c.row, c.span, c.source, c.prob, x))
    return out


def test_a_when_question_is_declined_when_no_close_passage_times_its_event():
    q = make_query("When was the jetty last inspected before the storm?")
    # each of the closest passages gives no time of that inspection
    assert not times_asked_event(q, _typed(("An inspection after the storm found rot.", -1.0),
                                           ("We will check it every year from now on.", -1.0),
                                           ("The jetty was shut the same day.", -1.0),
                                           ("It was first inspected in 1990.", 1.0)))
    # one of them may: left to the model
    assert times_asked_event(q, _typed(("An inspection after the storm found rot.", -1.0),
                                       ("It was last inspected in March.", 1.0)))
    # not a when question
    q = make_query("Who inspected the jetty?")
    assert times_asked_event(q, _typed(("An inspection after the storm found rot.", -1.0)))


_RIDE = [
    Source("title", "title", "Title", "Advice for my first 200 km audax", None, None),
    Source("post", "post", "Post", "I am riding the Marrow Moor 200 next month. Any tips on the route?",
           author="Petra Lune"),
    Source("comment-1", "comment", "Comment 1",
           "The controls are at Fenwick Mill, Oster Cross and Holby Green, and all of them sell hot food. "
           "The one steep hill is Carr Bank, straight after Oster Cross.",
           author="Ula Brack", reply_to="Petra Lune"),
    Source("comment-2", "comment", "Comment 2",
           "Take two bottles and a spare tube. The hill on my club run is steeper than anything there.",
           author="Tobin Marsh", reply_to="Petra Lune"),
]


def test_a_follow_up_is_most_likely_answered_in_the_comment_the_earlier_answer_came_from(
        settings, fake_embedder, monkeypatch):
    """"Where are the controls? / And which of them comes before the steep hill?": the reader who
    listed the controls goes on about them; that comment's sentences gain, others keep their odds."""
    from dataclasses import replace

    from assistant import Assistant, answerer

    a = Assistant.from_sources(_RIDE, settings, embedder=fake_embedder)
    q = make_query("And which of them comes just before the steep hill?",
                   ["Where are the controls on the ride?"])
    q = replace(a.answerer.on_page(q), earlier_comment="comment-1")
    vec = a._encode([q.text])[0]

    def probs() -> dict[tuple[str, str], float]:
        return {(c.source.id, c.span.text): c.prob for c in a.answerer.candidates(q, None, vec)[0]}

    raised = probs()
    monkeypatch.setattr(answerer, "EARLIER_COMMENT_ODDS", 1.0)
    plain = probs()
    there = [k for k in plain if k[0] == "comment-1" and plain[k] > 0]
    assert there and all(raised[k] > plain[k] for k in there)
    assert all(raised[k] == plain[k] for k in plain if k[0] != "comment-1")


def test_the_earlier_answers_comment_is_found_for_a_follow_up(settings, fake_embedder, monkeypatch):
    from assistant import Assistant
    from assistant.types import Answer, Quote

    a = Assistant.from_sources(_RIDE, settings, embedder=fake_embedder)
    text = "The controls are at Fenwick Mill, Oster Cross and Holby Green, and all of them sell hot food."
    quote = Quote(1, text, 0, len(text), 0.9, _RIDE[2])
    monkeypatch.setattr(a.answerer, "answer",
                        lambda question, *rest: Answer(question, text, False, (quote,)))
    q = a.query_for("And which of them comes just before the steep hill?",
                    ["Where are the controls on the ride?"])
    assert q.earlier_comment == "comment-1"
    # a question of its own leans on nothing earlier
    assert a.query_for("How long is the Marrow Moor 200?",
                       ["Where are the controls on the ride?"]).earlier_comment is None


_BREAD = [
    Source("title", "title", "Title", "The Crumbwell 900 bread maker, tested", None, None),
    Source("post-1", "post", "Post, paragraph 1",
           "The Crumbwell 900 has a basic setting, a rapid setting and a dough setting.", None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "A white loaf takes about three hours on the basic setting, so I start it after lunch.",
           None, None),
    Source("post-3", "post", "Post, paragraph 3",
           "On the rapid setting a white loaf takes 80 minutes, though it rises less.", None, None),
    Source("post-4", "post", "Post, paragraph 4",
           "A loaf costs about 40p in a small tin, a little more in a large tin.", None, None),
]


def _other_variant(settings, fake_embedder, question, close):
    """Whether the answerer turns down the passages ``close`` (the closest ones) as giving the
    value asked for another variant (``Answerer.of_other_variant``), and why it declines."""
    from assistant import Assistant

    a = Assistant.from_sources(_BREAD, settings, embedder=fake_embedder)
    query = a.query_for(question, [])
    candidates, _ = a.answerer.candidates(query, None, a._encode([query.text])[0])
    shown = [c for c in candidates if c.span.source_id in close]
    return a.answerer.of_other_variant(query, shown), a.answerer.declined_by(query, shown)


def test_a_value_of_another_variant_than_the_one_asked_does_not_answer(settings, fake_embedder):
    """"How long does a loaf take on the rapid setting?" / "about three hours on the basic
    setting": the page names the rapid setting, so the basic one is another; "How much does a
    loaf cost in a large tin?" / "40p in a small tin, a little more in a large tin": the price
    is the small tin's. The passage giving the variant asked answers, and a variant the page
    never names is left to the model."""
    from assistant.answerer import OTHER_VARIANT

    other, why = _other_variant(settings, fake_embedder,
                                "How long does a loaf take on the rapid setting?", ("post-2",))
    assert other and why == OTHER_VARIANT
    assert _other_variant(settings, fake_embedder, "How much does a loaf cost in a large tin?",
                          ("post-4",))[0]
    assert not _other_variant(settings, fake_embedder,
                              "How long does a loaf take on the rapid setting?", ("post-3",))[0]
    assert not _other_variant(settings, fake_embedder,
                              "How long does a loaf take on the basic setting?", ("post-2",))[0]
    assert not _other_variant(settings, fake_embedder,
                              "How long does a loaf take on the quick setting?", ("post-2",))[0]
    # not a value asked
    assert not _other_variant(settings, fake_embedder,
                              "Which tin is used for the larger loaf?", ("post-4",))[0]
