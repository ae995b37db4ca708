"""Signals that say whether a sentence can hold the answer asked for, on hand-made sentences:
a quantity of the asked kind ("How many visitors?" / "40,000 visitors"), a named thing of the
asked kind ("Which bakery?" / "Kettle Lane Bakery"), a photo's credit line."""

import numpy as np
import pytest

from assistant.features import (
    _name_align,
    _quantity_align,
    asks_position,
    names_a_place,
    qualifier_conflict,
)
from assistant.grounding import Grounding
from assistant.query import make_query
from assistant.sentences import SentenceInfo, locates, sentence_flags
from assistant.text import terms
from assistant.types import Source, Span

TEXTS = (
    "The museum drew 40,000 visitors in its last year.",  # 0: a count of visitors
    "The roof repairs took 14 months.",  # 1: a number, not of visitors
    "Tickets cost $5 for adults.",  # 2: money
    "Doris Albright, 71, dusts the looms.",  # 3: an age
    "About 40 percent of visitors came from abroad.",  # 4: a share of visitors
    "She runs Kettle Lane Bakery on Mill Street.",  # 5: a bakery by name
    "Owen Price runs the bakery next door.",  # 6: a bakery, not named
    "The shop employs eleven staff.",  # 7: a number of people
)


def _info() -> SentenceInfo:
    return _many(TEXTS)


NOTHING = Grounding({}, {}, frozenset())
ALL = np.arange(len(TEXTS))


def _quantity(question: str) -> np.ndarray:
    return _quantity_align(make_query(question), None, _info(), ALL, NOTHING)


def test_a_count_is_matched_to_what_it_counts():
    got = _quantity("How many visitors did the museum get?")
    assert got[0] == 1 and got[4] == 1  # "40,000 visitors", "40 percent of visitors"
    assert got[1] == 0 and got[2] == 0  # 14 months, $5: numbers, but not of visitors


def test_a_measure_is_matched_to_its_unit():
    price = _quantity("How much does a ticket cost?")
    assert price[2] == 1  # "Tickets cost $5"
    assert 0 < price[4] < 1  # a share, but not of a ticket's price
    assert price[0] == 0 and price[1] == 0
    assert _quantity("How old is Doris Albright?")[3] == 1
    assert _quantity("How old is Doris Albright?")[1] == 0


def test_a_count_is_not_matched_by_a_number_of_another_clause_or_phrase():
    # the thing named past the number's clause, or after "and", is not what it counts
    texts = ("After the storm, sales fell by 12 percent, while beetle numbers held steady.",
             "The hut holds 30 rakes and spades for the gardeners.",
             "With two dogs, beetles are hard to spot.",
             "We counted 300 beetles in the traps.")
    got = _quantity_align(make_query("How many beetles were found in the orchard?"), None,
                          _many(texts), np.arange(len(texts)), NOTHING)
    assert got[3] == 1
    assert (got[:3] == 0).all()
    got = _quantity_align(make_query("How many spades does the hut hold?"), None,
                          _many(texts), np.arange(len(texts)), NOTHING)
    assert got[1] == 0  # 30 rakes, and spades


def test_a_count_right_after_the_asked_verb_counts_what_the_question_counts():
    """"How many guests does the cottage sleep?" / "Sleeps six comfortably": a line opening on
    the question's own verb and a count is of what it asks, though it does not name it; not a
    count of a thing of its own ("Sleeps six dogs"), nor one in running text."""
    texts = ("Sleeps six comfortably, or eight with the sofa bed.",
             "Sleeps six dogs in the barn in winter.",
             "In winter the barn sleeps six, and the cottage was built in 1998.")
    got = _quantity_align(make_query("How many guests does the cottage sleep?"), None,
                          _many(texts), np.arange(len(texts)), NOTHING)
    assert got[0] == 1
    assert got[1] < 1 and got[2] < 1


def test_a_list_headed_by_its_count_counts_its_items():
    """"How many plants were potted on?" / "Potted (12): basil 5, mint 4, sage 3.": the count in
    brackets before the colon is of the list's items, not of its first item."""
    texts = ("Potted (12): basil 5, mint 4, sage 3.",
             "Potted 12 basil seedlings and a tray of mint.")
    got = _quantity_align(make_query("How many plants were potted on?"), None,
                          _many(texts), np.arange(len(texts)), NOTHING)
    assert got[0] == 1
    assert got[1] < 1


def test_a_share_answers_a_part_asked_but_a_count_only_of_what_it_counts():
    info = _one("Attendance dropped by 20 percent after the fare rise.")
    for question in ("How many rabbits were seen on the common?", "How much cider was sold?"):
        assert _quantity_align(make_query(question), None, info, np.arange(1), NOTHING)[0] == 0
    for question in ("By how much did attendance drop?", "How much of the hall was full?"):
        assert _quantity_align(make_query(question), None, info, np.arange(1), NOTHING)[0] == 1


def test_a_share_is_no_total_asked():
    """"How many beetles were caught altogether?" / "one in five of all the beetles caught":
    a part, not the total; a share still answers a count of a part."""
    info = _many(("Ground beetles made up about one in five of all the beetles caught.",
                  "The traps caught 640 beetles in all, about 40 percent of them ground beetles."))
    got = _quantity_align(make_query("How many beetles were caught altogether?"), None, info,
                          np.arange(2), NOTHING)
    assert got[0] == 0 and got[1] == 1
    got = _quantity_align(make_query("How many beetles were caught in the traps?"), None, info,
                          np.arange(2), NOTHING)
    assert got[0] == 1


def test_a_count_of_another_named_holder_is_not_of_the_one_asked():
    """"How many people does the Kestrel sleep?": a paragraph that never names the Kestrel,
    which the page names elsewhere, counts another boat's ("the Heron sleeps six people"); a
    paragraph naming it, if only in the sentence before ("She sleeps four people"), counts its."""
    sources = {sid: Source(sid, "post", sid, "") for sid in ("p1", "p2", "p3")}
    info, article = _passages(sources, {
        "p1": ("The Kestrel was built in 1994.",),
        "p2": ("The other boat, the Heron, sleeps six people.",),
        "p3": ("The Kestrel is the older boat.", "She sleeps four people."),
    })
    query = make_query("How many people does the Kestrel sleep?")
    got = _quantity_align(query, None, info, np.arange(4), NOTHING, article.meta_terms, article)
    assert got[1] == 0 and got[3] == 1
    # without the article's terms (or for a name the article never writes) it is not judged
    assert _quantity_align(query, None, info, np.arange(4), NOTHING)[1] == 1
    got = _quantity_align(make_query("How many people does the Osprey sleep?"), None, info,
                          np.arange(4), NOTHING, article.meta_terms, article)
    assert got[1] == 1


def test_a_count_of_kinds_of_a_thing_does_not_count_the_thing():
    """"How many beetles did the traps catch?" / "38 species of beetle": kinds, not beetles."""
    info = _one("The traps caught 38 species of beetle over the summer.")
    got = _quantity_align(make_query("How many beetles did the traps catch?"), None, info,
                          np.arange(1), NOTHING)
    assert got[0] == 0
    got = _quantity_align(make_query("How many species did the traps catch?"), None, info,
                          np.arange(1), NOTHING)
    assert got[0] == 1


def test_a_share_answers_how_much_less_or_more():
    info = _one("Ferry bookings fell by 35 percent over the winter.")
    for question in ("How much less did the ferry carry?", "How much more do walkers pay?"):
        assert _quantity_align(make_query(question), None, info, np.arange(1), NOTHING)[0] == 1


def test_a_year_tells_the_age_of_a_thing_but_not_of_a_person():
    info = _many(("The mill was built around 1832 by a wool merchant.",
                  "Her nephew joined the rowing club in 2015."))
    got = _quantity_align(make_query("How old is the mill?"), None, info, np.arange(2), NOTHING)
    assert got[0] > 0
    for question in ("How old is her nephew?", "How old was the rower when he joined?",
                     "How old is the captain?"):
        got = _quantity_align(make_query(question), None, info, np.arange(2), NOTHING)
        assert (got == 0).all()


def test_a_bare_price_is_of_what_the_title_or_heading_over_it_names():
    """"How much is this lamp?" / "Now £19.99 Was £25.00" on a page titled "Brass desk lamp":
    a price that names nothing of its own is of what the page or section names; one that names
    another thing is not ("Delivery £3.95"), nor is one where neither names the lamp."""
    texts = ("Now £19.99 Was £25.00", "Delivery £3.95 on all orders.")
    query = make_query("How much is this lamp?")
    meta = [frozenset(terms("Brass desk lamp: Post, paragraph 1"))] * 2
    got = _quantity_align(query, None, _many(texts), np.arange(2), NOTHING, meta)
    assert list(got) == [1.0, 0.5]
    got = _quantity_align(query, None, _many(texts), np.arange(2), NOTHING)
    assert list(got) == [0.5, 0.5]
    other = [frozenset(terms("Oak side table: Post, paragraph 1"))] * 2
    assert _quantity_align(query, None, _many(texts), np.arange(2), NOTHING, other)[0] == 0.5


def test_an_amount_of_a_change_is_not_the_amount_asked():
    """"How much was the trust's grant?" / "a £40,000 gap in its running grant": the amount is
    the gap's, though the sentence names the grant."""
    query = make_query("How much was the trust's grant?")
    gap = _one("The trust blamed a £40,000 gap in its running grant for the closure.")
    assert _quantity_align(query, None, gap, np.arange(1), NOTHING)[0] == 0.5
    said = _one("The trust said £40,000 had come each year, and the grant paid for two staff.")
    assert _quantity_align(query, None, said, np.arange(1), NOTHING)[0] == 0.75


def test_a_price_said_of_they_is_of_what_the_sentence_before_names():
    """"I bought two rain barrels second-hand. / They cost £15 each.": the barrels are priced;
    a sentence naming nothing, not opening on a pronoun, is not of them."""
    query = make_query("How much did the barrels cost?")
    info = _many(("I bought two rain barrels second-hand.", "They cost £15 each."))
    assert _quantity_align(query, None, info, np.arange(2), NOTHING)[1] == 0.75
    info = _many(("I bought two rain barrels second-hand.", "Delivery was £15."))
    assert _quantity_align(query, None, info, np.arange(2), NOTHING)[1] == 0.5


def test_a_day_of_the_month_or_a_clock_time_counts_nothing():
    info = _many(("At the meeting on 4 March members chose a new logo.",
                  "The bus at 10.15 am carries members to the show."))
    got = _quantity_align(make_query("How many members came to the meeting?"), None, info,
                          np.arange(2), NOTHING)
    assert (got == 0).all()


def test_a_count_of_people_is_matched_to_any_word_for_people():
    assert _quantity("How many people work at the shop?")[7] == 1


def test_a_count_of_people_is_a_number_of_people_not_a_number_near_a_person():
    texts = ("Every two weeks a nurse checks the ward.", "The ward has six nurses.")
    got = _quantity_align(make_query("How many people work on the ward?"), None, _many(texts),
                          np.arange(len(texts)), NOTHING)
    assert list(got) == [0, 1]  # two weeks, not two people


def test_people_are_counted_by_the_head_noun_not_a_word_before_it():
    """"How many nurse vacancies ...?" counts vacancies, which a count of doctors does not
    give."""
    texts = ("The hospital employs 300 doctors.",)
    got = _quantity_align(make_query("How many nurse vacancies does the hospital have?"),
                          None, _many(texts), np.arange(1), NOTHING)
    assert got[0] == 0
    got = _quantity_align(make_query("How many staff does the hospital employ?"), None,
                          _many(texts), np.arange(1), NOTHING)
    assert got[0] == 1


def test_a_population_or_an_attendance_is_a_count_of_people():
    texts = ("The island has a population of about 1,140.", "Attendance was 120 on the first night.",
             "Turnout was 40 percent.", "The population fell in 2019.")
    got = _quantity_align(make_query("How many people live on the island?"), None, _many(texts),
                          np.arange(len(texts)), NOTHING)
    assert list(got) == [1, 1, 0, 0]


def test_a_share_that_says_something_is_a_share_of_people():
    texts = ("In the poll, 40 percent said they cycle to the office.",
             "Rents rose 40 percent over the decade.")
    for question in ("How many people cycle to the office?", "How many respondents cycle?"):
        got = _quantity_align(make_query(question), None, _many(texts), np.arange(2), NOTHING)
        assert list(got) == [1, 0]


def test_a_count_of_us_or_of_you_is_a_count_of_people():
    texts = ("Our choir meets weekly. There are nine of us.", "One of us plays the oboe.",
             "Nine of the songs are new.")
    got = _quantity_align(make_query("How many people are in the choir?"), None, _many(texts),
                          np.arange(len(texts)), NOTHING)
    assert got[0] == 1  # "nine of us": people
    assert got[1] == 0 and got[2] == 0  # one of us is a person, not a count; nine songs


def test_other_questions_are_not_constrained():
    assert (_quantity("Who runs the bakery?") == 1).all()


def test_a_named_thing_of_the_asked_kind():
    q = make_query("Which bakery does she run?")
    got = _name_align(q, _info(), ALL, {w.lower() for w in q.words})
    assert got[5] == 1 and got[6] == 0  # "Kettle Lane Bakery"; "the bakery" names none


def test_a_named_thing_of_a_kind_that_is_the_asked_kind():
    # a contractor is a company; a bridge is not
    texts = ("Since April, contractor Hallam & Pryce Civil Engineering has placed the rock.",
             "Our partner, Fenwick Utility Services, fits the meters.",
             "The Lenn Bridge carries the B4127.")
    q = make_query("Which company did the repair work?")
    got = _name_align(q, _many(texts), np.arange(3), {w.lower() for w in q.words})
    assert list(got) == [1, 1, 0]


def test_a_quote_of_speech_is_no_name_in_quotes():
    """"What is the name of her boat?": a short title in quotes names something ("the boat,
    \u201cMarsh Wren: The Second\u201d"); a quote of what someone said ('"Most people think it
    is luck, but it isn't," says Ana Lutz') names nothing."""
    texts = ('"Most folk think sailing is luck, but it is mostly patience," says her friend.',
             "She bought the boat, \u201cMarsh Wren: The Second\u201d, from a yard in 2019.",
             '"Sea Holly," she said, pointing to the boat.')
    q = make_query("What is the name of her boat?")
    got = _name_align(q, _many(texts), np.arange(3), {w.lower() for w in q.words})
    assert list(got) == [0, 1, 1]


def test_a_body_of_the_asked_kind_is_named_as_a_persons_affiliation():
    # no word for the kind: a sign-off "Name, Body" or "Name (Body, Place)" names where one works
    texts = ("Mira Dunlow, Saltmarsh Charts",
             "The survey was led by Prof. Ilse Varga (Tarnow Polytechnic, Poland) last spring.",
             "Mira Dunlow tested the tiles with our viewer.",
             "The tiles load in Saltmarsh Charts now.")
    q = make_query("Which company is she with?")
    got = _name_align(q, _many(texts), np.arange(4), {w.lower() for w in q.words})
    assert list(got) == [1, 1, 0, 0]
    q = make_query("Which university is Ilse Varga at?")
    got = _name_align(q, _many(texts[1:2]), np.arange(1), {w.lower() for w in q.words})
    assert got[0] == 1
    # a body the question already names is no answer; a kind that is no body is not read so
    q = make_query("Which company is Mira Dunlow with at Saltmarsh Charts?")
    assert _name_align(q, _many(texts[:1]), np.arange(1), {w.lower() for w in q.words})[0] == 0
    # a name that says its own kind must say the one asked
    q = make_query("Which company is she with?")
    info = _many(("A paper by Dr. Ines Moreau (University of Lyon) tested the pills.",
                  "Mira Dunlow, Corran Webb Ltd"))
    assert list(_name_align(q, info, np.arange(2), {w.lower() for w in q.words})) == [0, 1]
    # a question asking what a body did is not answered by whom a person is with
    q = make_query("Which company sells the tiles?")
    assert _name_align(q, _many(texts[:1]), np.arange(1), {w.lower() for w in q.words})[0] == 0
    q = make_query("Which river is she near?")
    assert _name_align(q, _many(texts[:1]), np.arange(1), {w.lower() for w in q.words})[0] == 0


def test_a_kind_asked_by_which_is_not_told_by_a_vague_mention_of_it():
    # "some sundials", "one moth": the word for the kind picks none of them out
    texts = ("Some tiled sundials fade in strong sun, so keep them shaded.",
             "If one moth finds the lamp, dozens follow.",
             "Some sundials, such as the Harwick dial, fade in strong sun.",
             "Some slate sundials fade in strong sun.",
             "A moth called the brindled beauty found the lamp first.",
             "Lamps draw insects of every kind.")
    q = make_query("Which tiled sundials fade in strong sun?")
    got = _name_align(q, _many(texts), np.arange(6), {w.lower() for w in q.words})
    # named after "such as"; told by a word the question lacks ("slate"); not spoken of
    assert list(got) == [0, 1, 1, 1, 1, 1]
    q = make_query("Which moth found the lamp first?")
    got = _name_align(q, _many(texts), np.arange(6), {w.lower() for w in q.words})
    assert list(got) == [1, 0, 1, 1, 1, 1]
    # "Which of ...?" asks among things named elsewhere: no kind to check
    q = make_query("Which of the sundials fade in strong sun?")
    assert (_name_align(q, _many(texts), np.arange(6), {w.lower() for w in q.words}) == 1).all()


def test_a_ship_is_named_by_its_kind_and_a_species_in_lower_case():
    texts = ("In 1883 the coal schooner Margaret Ashby was driven onto the reef.",
             "The keeper rowed out to the reef.")
    q = make_query("Which ship was wrecked near the lighthouse?")
    got = _name_align(q, _many(texts), np.arange(2), {w.lower() for w in q.words})
    assert list(got) == [1, 0]
    # "the robin" names a species without a capital: no name is required
    q = make_query("Which species will tolerate a gardener nearby?")
    info = _many(("A robin will happily stay near a working gardener.",))
    assert _name_align(q, info, np.arange(1), {w.lower() for w in q.words})[0] == 1


def test_a_place_of_the_asked_kind_is_named_after_a_preposition_of_place():
    # "Which countries ...?" / "in Norway and Finland": countries named without the word
    texts = ("The divers surveyed 30 wrecks in Norway and Finland in 2023.",
             "Marta Lindqvist led the survey for three summers.",
             "Between Harlow Quay and Tennet Point the current is strongest.",
             "The divers met in March to plan the survey.")
    q = make_query("Which countries were the wrecks surveyed in?")
    got = _name_align(q, _many(texts), np.arange(4), {w.lower() for w in q.words})
    assert list(got) == [1, 0, 1, 0]  # no place after "in March"
    # a body's name is no place: "at the Marine Institute", "from Tarvik University"
    bodies = ("Marta Lindqvist works at the Marine Institute.",
              "The samples came from Tarvik University in 2024.")
    got = _name_align(q, _many(bodies), np.arange(2), {w.lower() for w in q.words})
    assert list(got) == [0, 0]
    # a place the question already gives is no answer
    q = make_query("Which stations are near Harlow Quay?")
    got = _name_align(q, _many(texts[2:3]), np.arange(1), {w.lower() for w in q.words})
    assert got[0] == 1  # Tennet Point is new
    got = _name_align(make_query("Which town is Harlow Quay and Tennet Point in?"),
                      _many(texts[2:3]), np.arange(1), {"harlow", "quay", "tennet", "point", "town"})
    assert got[0] == 0


def test_a_measure_asked_is_not_matched_by_a_count_of_the_thing():
    # "How much does a ticket cost?" is not answered by a number of tickets
    info = _one("Each visitor may buy 2 tickets at the door.")
    assert _quantity_align(make_query("How much does a ticket cost?"), None, info,
                           np.arange(1), NOTHING)[0] == 0


def test_a_price_for_doing_something_is_matched_to_the_doing():
    texts = ("Kayaks can be hired for £12 an hour.", "The new jetty cost £40,000.")
    got = _quantity_align(make_query("How much does it cost to hire a kayak?"), None,
                          _many(texts), np.arange(2), NOTHING)
    assert got[0] == 1 and got[1] == 0.5  # the jetty's cost is not the hire's


def test_a_number_the_question_gives_is_not_its_answer():
    info = _one("By around 1900 carbide lamps had replaced oil lamps.")
    got = _quantity_align(make_query("How many carbide lamps were sold around 1900?"), None,
                          info, np.arange(1), NOTHING)
    assert got[0] == 0


def test_a_number_in_words_is_more_than_the_numbers_the_question_gives():
    """"How many evenings could Year 5 and 6 pupils go to the club?" / "In Years 5 and 6, ...
    three evenings a week": "three" is a number the question does not give."""
    question = "How many evenings could Year 5 and 6 pupils go to the club?"
    info = _many(("In Years 5 and 6, pupils may stay for three evenings a week.",
                  "In Years 5 and 6, pupils may stay after school."))
    got = _quantity_align(make_query(question), None, info, np.arange(2), NOTHING)
    assert list(got) == [1, 0]


def test_a_name_given_for_a_naming_question():
    texts = ("I moved my own fig, a tree called Gustav, last spring.",
             "The fig stands by the window.",
             'The museum opened a new exhibition, "Warp and Weft", on Saturday.')
    info = _many(texts)
    q = make_query("What is the name of the author's fig?")
    got = _name_align(q, info, np.arange(3), {w.lower() for w in q.words})
    assert list(got) == [1, 0, 1]


def test_a_name_set_beside_its_bearer_or_given_at_birth():
    """A name is given between commas beside a noun for what bears it ("the older boat, the
    Sea Wren, ..."), or after "born" / "née" (a birth name), as much as after "called"."""
    texts = ("Only the older boat, the Sea Wren, will keep sailing this winter.",
             "Only the older boat will keep sailing this winter.",
             "Born Margaret Ann Tulley in 1941, she grew up above the shop.",
             "In the end, Tom went home.")
    info = _many(texts)
    q = make_query("What's the name of the boat that is still sailing?")
    got = _name_align(q, info, np.arange(2), {w.lower() for w in q.words})
    assert list(got) == [1, 0]
    q = make_query("What was her maiden name?")
    got = _name_align(q, info, np.arange(4), {w.lower() for w in q.words})
    assert list(got)[2:] == [1, 0]


def test_a_country_last_in_an_affiliation_in_brackets():
    """"What country is the lead author from?" / "Dr. Ana Vos (University of Tarn, Norway)":
    the place that closes an affiliation or an address in brackets is a named place."""
    texts = ("The study was led by Dr. Ana Vos (University of Tarn, Norway) and two colleagues.",
             "The study was led by Dr. Ana Vos and two colleagues.",
             "The samples were sent to the lab (Wendel Trust, Harbour Institute).")
    info = _many(texts)
    q = make_query("What country is the lead author from?")
    got = _name_align(q, info, np.arange(3), {w.lower() for w in q.words})
    assert list(got) == [1, 0, 0]


def test_a_persons_name_asked_by_a_noun_for_them():
    # "What's the ranger's name?" is answered by a person named, without "called"
    texts = ("Hello, I'm Tove Rask, one of the rangers for the reserve.",
             "The rangers meet on Fridays.",
             "I walk there with my mother, who lives in Harlow.")
    info = _many(texts)
    for question in ("What's the ranger's name?", "What is the name of the ranger who replied?",
                     "What was the ranger called?"):
        q = make_query(question)
        got = _name_align(q, info, np.arange(3), {w.lower() for w in q.words})
        assert list(got) == [1, 0, 0], question
    # a thing's name still needs one given as a name ("called ..."), not any person
    q = make_query("What is the name of the reserve?")
    assert _name_align(q, info, np.arange(3), {w.lower() for w in q.words})[0] == 0


def test_a_name_asked_of_someone_counts_only_in_a_passage_about_them():
    """"What were her parents' names?" / a colleague's name, or "grandparents' names": a name
    in a passage that never speaks of her parents is not theirs; one in a passage that does
    ("Her parents, Ada and Tom Fell, ran the mill."), is."""
    from assistant.features import FEATURES, feature_matrix

    texts = {"p1": ('Nell Oduya, who taught alongside her for 20 years, said: "She knew the '
                    "grandparents' names of every child.\"",),
             "p2": ("Her parents, Ada and Tom Fell, ran the mill at Carrow.",),
             "p3": ("She was born above the mill in 1931.", "Ruth Fell was their only child.")}
    sources = {sid: Source(sid, "post", f"Post, {sid}", " ".join(ts)) for sid, ts in texts.items()}
    info, article = _passages(sources, texts)
    rows = np.arange(article.n)
    ones = np.ones(article.n)

    def feature(question: str, name: str) -> list[float]:
        X = feature_matrix(make_query(question), rows, info=info, article=article,
                           grounding=NOTHING, dense=ones, dense_ctx=ones, dense_chunk=ones,
                           lexical=ones, lexical_sentence=ones,
                           sources=[sources[sid] for sid, ts in texts.items() for _ in ts])
        return list(X[:, FEATURES.index(name)])

    assert feature("What were her parents' names?", "name_align") == [0.0, 1.0, 0.0, 0.0]
    assert feature("What were her parents' names?", "type_ok") == [-1.0, 1.0, -1.0, -1.0]
    # "her maiden name": a kind of name, not one who bears it
    from assistant.features import _bearer_rows

    assert _bearer_rows(make_query("What was her maiden name?"), NOTHING, article, {}) is None


def _many(texts: tuple[str, ...]) -> SentenceInfo:
    source = Source(id="p1", kind="post", label="Post", text=" ".join(texts))
    spans, at = [], 0
    for t in texts:
        spans.append(Span("p1", at, at + len(t), t))
        at += len(t) + 1
    return SentenceInfo.build(spans, {"p1": source}, [frozenset(terms(t)) for t in texts],
                              np.eye(len(texts), dtype=np.float32), vocabulary=())


def _one(text: str) -> SentenceInfo:
    return _many((text,))


def test_the_question_model_sees_whether_any_candidate_can_hold_the_answer():
    from assistant.features import FEATURES, QUESTION_FEATURES, question_features

    q = make_query("Who took the photo of the train?")
    X = np.zeros((2, len(FEATURES)))
    X[:, FEATURES.index("type_miss")] = 1.0  # two captions, neither with a credit line
    fit = QUESTION_FEATURES.index("logit_fit")
    nothing = question_features(q, np.array([0.6, 0.1]), X)[fit]
    X[1, FEATURES.index("type_miss")] = 0.0  # the second holds one
    second = question_features(q, np.array([0.6, 0.1]), X)[fit]
    assert nothing < -10 and abs(second - np.log(0.1 / 0.9)) < 1e-9


@pytest.mark.parametrize(
    "question, about",
    [
        ("What year was the review published?", True),
        ("How many pages is the paper?", True),
        ("In which volume of the journal did it appear?", True),
        # a citation's year or pages do not answer what the page does not tell
        ("What dose of the drug should I take?", False),
        ("When will the drug be approved?", False),
    ],
)
def test_a_citation_answers_only_questions_about_the_cited_work(question, about):
    from assistant.features import _about_citation

    assert _about_citation(make_query(question)) == about


def test_a_comments_date_answers_when_it_was_written_not_what_it_tells():
    from assistant.features import _meta_fits

    comment = Source("c1", "comment", "Comment by Priya Raman", "We switched last October.",
                     author="Priya Raman", date="2014-07-02")
    assert _meta_fits("time", make_query("When did Priya Raman comment?"), comment, True)
    assert not _meta_fits("time", make_query("How long has Priya Raman owned her shop?"),
                          comment, True)


@pytest.mark.parametrize("question, dated", [
    ("When did dmitri-okafor approve the changes?", True),
    ("On what date was the PR approved?", True),
    ("When were the labels added?", False),  # another act
    ("When will the feature ship?", False),
])
def test_an_activity_line_is_dated_when_asked_about_its_act(question, dated):
    from assistant.features import _meta_fits

    line = Source("c9", "comment", "Comment by dmitri-okafor", "dmitri-okafor approved these changes",
                  author="dmitri-okafor", date="Jun 3, 2025")
    assert _meta_fits("time", make_query(question), line, False) == dated
    # a comment that only mentions the act is no record of it
    said = Source("c10", "comment", "Comment by Ann", "I approved it before lunch.", author="Ann",
                  date="Jun 3, 2025")
    assert not _meta_fits("time", make_query(question), said, False)


def test_a_place_is_a_name_the_question_does_not_give_and_never_a_month_or_a_day():
    # "Where is her workshop?"
    assert names_a_place(frozenset({"hollin", "bridge"}), {"where", "is", "her", "workshop"})
    assert not names_a_place(frozenset({"september"}), {"where", "is", "her", "workshop"})
    assert not names_a_place(frozenset({"tuesday", "2024"}), {"where"})
    # "Where does Ruth live?": Ruth is given, so naming her says nowhere
    assert not names_a_place(frozenset({"ruth"}), {"where", "does", "ruth", "live"})


@pytest.mark.parametrize("text, found", [
    ("I spent August hauling cans from the single tap by the gate, a 90-metre walk.", True),
    ("I charge mine under my desk.", True),
    ("Put the hive close to a wall or parapet.", True),
    # when, not where; and a place the question already gives
    ("It ran for the first weeks of the trial.", False),
    ("Dev has kept bees on the site for nineteen years.", False),
    # an idea is no place
    ("Oxytocin may play a role in their resistance to osteoporosis.", False),
    # a place counted ("from two farms", "at several stalls"), not a time ("at two o'clock")
    ("Most of the milk comes from two farms.", True),
    ("You can buy it at several stalls.", True),
    ("We open at two o'clock.", False),
    ("It was fixed in two weeks.", False),
])
def test_a_place_can_be_said_without_a_name(text, found):
    # "Where is the tap on the allotment site?"
    assert locates(text, {"where", "is", "the", "tap", "on", "allotment", "site"}) is found


@pytest.mark.parametrize("text, found", [
    ("It ended a closure of more than two years.", True),
    ("The firms went through a six-month pilot.", True),
    ("The repair took roughly twelve minutes.", True),
    ("The wall has stood since 1887.", True),
    ("There was an 11-mile diversion.", True),  # how long, as a length
    ("A course runs over four or five Saturdays in late winter.", True),
    ("The exhibition runs until 31 October.", True),
    ("The council has closed it until at least mid-December.", True),
    ("Published 12 May 2026 \u00b7 38 min", True),
    ("The museum shut its doors in January 2024.", False),  # a date, not how long
])
def test_how_long_takes_a_stretch_of_time_or_a_length_not_a_date(text, found):
    query = make_query("How long was it shut?")
    assert query.duration
    assert sentence_flags(text, Source("post", "post", "Post", text))["duration"] is found


@pytest.mark.parametrize("text, free", [
    ("There is no charge for the meter or for fitting it.", True),
    ("Entry is free.", True),
    ("The leaflet is available free of charge.", True),
    ("Feel free to ask the team.", False),
    ("She spends her free time in the garden.", False),
])
def test_a_price_of_nothing_answers_how_much(text, free):
    from assistant.features import _FREE

    assert make_query("How much does the meter cost?").measure == "money"
    assert bool(_FREE.search(text)) is free


def test_a_where_question_takes_a_place_without_a_name():
    assert asks_position(make_query("Where is the tap on the allotment site?"))
    assert asks_position(make_query("And where did she get the water butts from?"))
    assert not asks_position(make_query("Which bakery does she run?"))
    assert not asks_position(make_query("What is the name of her dog?"))
    # where someone lives or works, or a body is based: a named place
    assert not asks_position(make_query("Where does Jenny Marsh live?"))
    assert not asks_position(make_query("Where is Fenwick Utility Services based?"))
    assert asks_position(make_query("Where does the reviewer charge the battery at work?"))


def _passages(sources: dict[str, Source], texts: dict[str, tuple[str, ...]]):
    """The sentence facts and term look-ups of an article whose sources hold ``texts``."""
    from assistant.grounding import ArticleTerms

    spans = []
    for sid, ts in texts.items():
        at = 0
        for t in ts:
            spans.append(Span(sid, at, at + len(t), t))
            at += len(t) + 1
    plain = [s.text for s in spans]
    info = SentenceInfo.build(spans, sources, [frozenset(terms(t)) for t in plain],
                              np.eye(len(plain), dtype=np.float32), vocabulary=())
    return info, ArticleTerms(spans, sources, [""] * len(spans), ())


def test_a_yes_no_subject_in_a_compound_is_spoken_of_by_a_passage_naming_its_head():
    """"Does the smart meter use my Wi-Fi?": the article says "smart meters", so the paragraph
    "The meter has a radio. It does not use your home Wi-Fi." speaks of it; a "safe" after
    "Is the hormone ...?" is no head (the article never says "hormone safe")."""
    from assistant.features import _topic_rows

    texts = {"p1": ("We are fitting smart meters to 214,000 homes.",),
             "p2": ("The meter has a radio.", "It does not use your home Wi-Fi."),
             "p3": ("The hormone is made in the brain.",),
             "p4": ("It is safe in small doses.",)}
    sources = {sid: Source(sid, "post", f"Post, {sid}", " ".join(ts)) for sid, ts in texts.items()}
    info, article = _passages(sources, texts)
    got = _topic_rows(make_query("Does the smart meter use my home Wi-Fi?"), NOTHING, article, info)
    assert list(got) == [True, True, True, False, False]
    got = _topic_rows(make_query("Is the hormone safe for men?"), NOTHING, article, info)
    assert list(got) == [False, False, False, True, False]


def test_a_yes_no_subject_after_a_modifier_is_spoken_of_by_a_passage_naming_its_noun():
    """"Is the old mill still working?" where the article says "the stone mill ... still
    grinds flour": the passage naming the mill speaks of it, though it never says "old mill";
    likewise "Are borrowed tents ...?" (a participle), "Was the farm's tractor ...?" (a
    possessive). "Does estrogen help ...?" still needs estrogen."""
    from assistant.features import _topic_rows

    texts = {"p1": ("The stone mill by the weir still grinds flour on Saturdays.",),
             "p2": ("Old photographs hang in the hall.",),
             "p3": ("Tents lent by the club are covered by its policy.",),
             "p4": ("The tractor was sold in 1990.",),
             "p5": ("Exercise helps bone.",)}
    sources = {sid: Source(sid, "post", f"Post, {sid}", " ".join(ts)) for sid, ts in texts.items()}
    info, article = _passages(sources, texts)

    def rows(question):
        return list(_topic_rows(make_query(question), NOTHING, article, info))

    assert rows("Is the old mill still working?") == [True, True, False, False, False]
    assert rows("Are borrowed tents covered by the insurance?") == [False, False, True, False, False]
    assert rows("Was the farm's tractor ever sold?") == [False, False, False, True, False]
    assert rows("Does estrogen help bone?") == [False] * 5
    # "public" is the noun there, "allowed" the predicate
    assert not make_query("Is the public allowed into the mill?").head_noun


def test_a_yes_no_subject_ending_in_ing_where_a_verb_would_be_bare_is_a_compound():
    """"Did the radiocarbon dating settle the hut's age?": after "did" a verb is bare, so
    "dating" is the subject's noun, and the paragraph naming the dating speaks of it."""
    from assistant.features import _topic_rows

    texts = {"p1": ("Radiocarbon results came back in March.",),
             "p2": ("The dating put the hut at about 1200 BC.",),
             "p3": ("The hut had a clay floor.",)}
    sources = {sid: Source(sid, "post", f"Post, {sid}", " ".join(ts)) for sid, ts in texts.items()}
    info, article = _passages(sources, texts)
    got = _topic_rows(make_query("Did the radiocarbon dating settle the hut's age?"), NOTHING,
                      article, info)
    assert list(got) == [True, True, False]


@pytest.mark.parametrize("question", ["Did the number of visitors fall after the fire?",
                                      "Does the reviewer think the ending works?",
                                      "Did the researchers measure rainfall?",
                                      "Is a 12-year-old allowed to swim alone?",
                                      "Does washing the jars twice remove the smell?"])
def test_a_count_the_pages_own_people_or_a_number_is_no_yes_no_subject_to_look_for(question):
    """A count of something, the page's own writer or a paper's researchers (who say "I" and
    "we"), a number, or an act done to something ("washing the jars") is not a subject a
    passage must name."""
    assert make_query(question).yes_no_topic is None


def test_a_yes_no_subject_is_spoken_of_by_the_passage_that_names_it_or_by_its_author():
    """"Does a heat pump ...?" is answered by "It isn't breaking any laws of physics." in the
    paragraph that names the heat pump; "Does Bernard think ...?" by Bernard's own comment;
    "Did the author ...?" has no subject to look for: the author speaks as "I"."""
    from assistant.features import _topic_rows

    paragraph = ("A heat pump moves heat rather than making it.", "It isn't breaking any laws of physics.")
    other = ("Radiators may need to be larger.",)
    comment = ("I would never push the old rivet back in.",)
    sources = {"p1": Source("p1", "post", "Post, paragraph 1", " ".join(paragraph)),
               "p2": Source("p2", "post", "Post, paragraph 2", other[0]),
               "c1": Source("c1", "comment", "Comment by Bernard Quaile", comment[0],
                            author="Bernard Quaile")}
    info, article = _passages(sources, {"p1": paragraph, "p2": other, "c1": comment})

    def rows(question):
        got = _topic_rows(make_query(question), NOTHING, article, info)
        return None if got is None else list(got)

    assert rows("Does a heat pump break the laws of physics?") == [True, True, False, False]
    assert rows("Does Bernard think the old rivet is fine?") == [False, False, False, True]
    assert rows("Did the author mention radiators?") is None


@pytest.mark.parametrize(("kind", "question", "sentence", "news"), [
    # the question's own month is not the date it asks for
    ("time", "On what date in October will the vote be held?",
     "The vote was put off until October.", False),
    ("time", "On what date in October will the vote be held?",
     "The vote will now be held on 14 October.", True),
    ("year", "What happened to the mill after 1960?", "The mill closed in 1960.", False),
    ("year", "What happened to the mill after 1960?", "The mill closed in 1960 and burned in 1974.", True),
    ("number", "How many firms joined in 2019?", "Firms joined in 2019.", False),
    ("number", "How many firms joined in 2019?", "In 2019, 41 firms joined.", True),
    ("person", "Who joined in 2019?", "Firms joined in 2019.", True),  # not a date, a number, a year
])
def test_a_date_or_number_the_question_gives_is_not_news(kind, question, sentence, news):
    from assistant.sentences import states_new
    from assistant.text import words

    assert states_new(kind, sentence, question, frozenset(words(question))) is news


def _feature_of(question: str, texts: tuple[str, str], feature: str = "type_ok",
                unknown: frozenset[str] = frozenset()) -> list[float]:
    """``type_ok`` (or another ``feature``) of each of two sentences of a post, all else equal
    (``unknown``: the question's terms the article never uses)."""
    from assistant.features import FEATURES, feature_matrix
    from assistant.grounding import ArticleTerms

    info = _many(texts)
    source = Source("p1", "post", "Post", " ".join(texts))
    spans = [Span("p1", 0, len(texts[0]), texts[0]), Span("p1", len(texts[0]) + 1, len(source.text),
                                                          texts[1])]
    article = ArticleTerms(spans, {"p1": source}, ["", ""], vocabulary=())
    ones = np.ones(2)
    X = feature_matrix(make_query(question), np.arange(2), info=info, article=article,
                       grounding=Grounding({}, {}, unknown), dense=ones, dense_ctx=ones,
                       dense_chunk=ones, lexical=ones, lexical_sentence=ones, sources=[source] * 2)
    return list(X[:, FEATURES.index(feature)])


def test_how_long_something_lasts_does_not_say_when_it_happened():
    # "When did ...?" asks where in time: a stretch something lasts or goes on for places
    # nothing in time; a date, or a stretch counted back from now, does
    texts = ("The Marlow kettle has been our top seller for four winters running.",
             "The Marlow kettle went on sale in October 2021.")
    assert _feature_of("When did Brightwell first sell the Marlow kettle?", texts) == [-1.0, 1.0]
    texts = ("The crossing lasts around nine hours.", "The crossing started four years ago.")
    assert _feature_of("When did the crossing start?", texts) == [-1.0, 1.0]
    # ... but how long asks just that, and a wait says when one may act
    texts = ("The crossing lasts around nine hours.", "The ferry is red.")
    assert _feature_of("How long does the crossing take?", texts)[0] == 1.0
    texts = ("Hold off pruning for a month.", "The hedge is tall.")
    assert _feature_of("When can I prune the hedge again?", texts)[0] == 1.0


@pytest.mark.parametrize("sentence, when", [
    ("The shop has been open for 22 years.", False),
    ("It took three weeks to build.", False),
    ("A six-month trial was approved.", False),
    ("The hall shut more than a decade ago.", True),
    ("It ran for three weeks in May.", True),
    ("They met for two hours on Tuesday.", True),
    ("The bakery opened four years ago.", True),
])
def test_a_sentence_tells_when_unless_it_only_says_how_long(sentence, when):
    from assistant.sentences import tells_when

    assert tells_when(sentence) is when


def test_a_thing_asked_is_found_as_a_word_for_one_of_its_kind():
    # "Which company ...?": a contractor is a company; a bridge is not one
    texts = ("Since April, contractor Hallam & Pryce has placed the rock.",
             "The Lenn Bridge carries the B4127.")
    assert _feature_of("Which company did the repair work?", texts, "focus_align") == [1.0, 0.0]


def test_a_kind_the_article_never_says_is_known_by_an_affiliation_it_names():
    # "Which company is she with?" of a page that never says "company": a sign-off names one
    texts = ("Mira Dunlow, Saltmarsh Charts", "The tiles load fast now.")
    never = frozenset(terms("company"))
    assert _feature_of("Which company is she with?", texts, "focus_align", never)[0] == 1.0
    assert _feature_of("Which company is she with?", texts, "unknown", never) == [0.0, 0.0]
    # no affiliation named: the kind stays unknown ("Which company sells the tiles?")
    plain = ("Mira Dunlow tested the tiles.", "The tiles load fast now.")
    assert _feature_of("Which company sells tiles?", plain, "unknown", never)[0] > 0.0


def test_a_word_for_the_kind_asked_is_a_whole_word_not_a_stem():
    # a "publisher" is a company; "published" says nothing of one
    texts = ("A paper published by Dr. Ines Moreau (University of Lyon) tested the pills.",
             "The pills were made by the supplier Corran & Webb.")
    assert _feature_of("Which company made the pills?", texts, "focus_align")[0] < 1.0
    assert _feature_of("Which company made the pills?", texts, "focus_align")[1] == 1.0


def test_a_word_for_the_kind_asked_stands_next_to_the_answer_as_the_questions_word_would():
    texts = ("Since April, contractor Hallam & Pryce has placed the rock.",
             "The Lenn Bridge carries the B4127.")
    assert _feature_of("Which company did the repair work?", texts, "answer_near")[0] == 1.0


def test_people_counted_are_found_as_any_count_of_people():
    # "How many volunteers ...?": "64 retired adults" are the volunteers counted; a count of
    # loaves per customer or of benches is no count of people
    texts = ("The club signed up 64 retired adults for the trial.",
             "The bakery sold one loaf per customer and mended 12 benches.")
    for question in ("How many volunteers joined the trial?", "How many people were there?"):
        assert _feature_of(question, texts, "focus_align") == [1.0, 0.0]
        assert _feature_of(question, texts, "coverage_syn")[0] > 0


def test_a_count_of_people_is_told_in_so_many_words():
    from assistant.sentences import counts_people

    for text in ("in front of 2,310 spectators at the ground", "We had 87 volunteers.",
                 "All 30 of the participants came back.", "Nine of us walked.",
                 "The 45 kitchen, bar and door staff stayed."):
        assert counts_people(text), text
    for text in ("It is one loaf per customer.", "Several residents wrote about the 07:52.",
                 "Tickets are £5 adults, £3 children.", "We planted 12 oaks.",
                 "It has one shop, one pub and one lane, and visitors walk."):
        assert not counts_people(text), text


def test_a_subject_asked_is_found_as_the_name_of_a_subject():
    texts = ("For twenty years I have taught geography at Millbeck Academy.",
             "The academy's hall was rebuilt in 2019.")
    assert _feature_of("What subject does the author teach?", texts, "focus_align") == [1.0, 0.0]
    cov = _feature_of("What subject does the author teach?", texts, "coverage_syn")
    assert cov[0] > cov[1]


def test_an_interval_answers_how_far_apart_and_how_often():
    texts = ("Each volunteer spent two nights in the lab, eight days apart.",
             "The lab is open for 14 months.")
    assert _feature_of("How far apart were the two nights?", texts, "quantity_align") == [1.0, 0.0]
    texts = ("Give the dough four sets of folds, half an hour apart.", "The dough rose by half.")
    assert _feature_of("How often are the folds done?", texts, "quantity_align") == [1.0, 0.0]
    # a distance answers "how far apart" too
    texts = ("The two villages are 12 miles from each other.", "The villages had 400 people.")
    assert _feature_of("How far apart are the villages?", texts, "quantity_align") == [1.0, 0.0]


def test_a_sentence_holding_only_the_questions_own_date_cannot_answer_when():
    texts = ("The vote was put off until October.", "The vote will now be held on 14 October.")
    assert _feature_of("On what date in October will the vote be held?", texts) == [-1.0, 1.0]


def test_a_quote_over_several_sentences_is_said_by_the_person_named_where_it_opens():
    from assistant.sentences import quote_speakers

    texts = ("Councillor Duncan Reilly, who led the opposition, argued that the town owed too much.",
             '"Four and a half million pounds is not small change for eight thousand people," he said.',
             '"I\'m not against a new wall.',
             'I\'m against signing a blank cheque before we\'ve seen a final price."',
             "The vote is in May.")
    info = _many(texts)
    assert list(info.speaker) == [-1, -1, 0, 0, -1]
    assert info.near["person"][3]  # its speaker can answer "Who said ...?"
    # a sentence without quotation marks breaks the chain
    plain = [Span("p1", 0, 1, t) for t in (texts[0], "The town owes too much.", texts[3])]
    assert list(quote_speakers(plain)) == [-1, -1, -1]


@pytest.mark.parametrize(("question", "kind", "feature"), [
    ("What's the name of this recipe?", "title", "meta_title"),
    ("What is this blog post called?", "title", "meta_title"),
    ("What is the title of the research paper the post discusses?", "reference", "meta_reference"),
    ("What is the title of the research paper the post discusses?", "title", None),
    ("What is the name of the author's fig?", "title", None),
])
def test_a_title_asked_is_what_the_headline_or_the_reference_prints(question, kind, feature):
    from assistant.features import _meta_match

    src = Source("s1", kind, kind.capitalize(), "Lentil soup. Ferrandis L. Tea bags. J Food. 2024.")
    assert _meta_match(make_query(question), src, False) == feature


@pytest.mark.parametrize(("question", "feature"), [
    ("When was the cited paper published?", "meta_reference"),
    ("What year did the cited paper come out?", "meta_reference"),
    # the question gives the year the reference prints, and asks for more
    ("In which month of 2024 did the cited paper come out?", None),
])
def test_a_date_the_question_gives_is_no_answer(question, feature):
    from assistant.features import _meta_match

    src = Source("s1", "reference", "Reference",
                 "Ferrandis L. Tea bags. J Food. 12: 33-41, 2024. doi:10.1016/j.food.2024.10.15")
    assert _meta_match(make_query(question), src, False) == feature


def test_a_phone_number_asked_is_answered_only_by_a_sentence_that_prints_one():
    texts = ("Our secretary, Ann Roe, answers the phone on weekday mornings.",
             "You can reach her on 01632 960 512.")
    assert _feature_of("What is the secretary's phone number?", texts) == [-1.0, 1.0]
    assert _feature_of("What is the secretary's email address?", texts) == [-1.0, -1.0]


def test_what_time_is_answered_by_a_time_of_day_not_by_a_date():
    texts = ("The memorial reading is on Tuesday 9 December.", "The reading starts at 7.30 pm.")
    assert _feature_of("What time does the memorial reading start?", texts) == [-1.0, 1.0]
    assert _feature_of("When is the memorial reading?", texts) == [1.0, 1.0]  # a date answers "when"


def _comments_feature(comments: dict[str, str]):
    """``of(question, feature)``: that feature for each of ``comments`` (author -> its one
    sentence), each a signed comment, with every similarity 1."""
    from assistant.features import FEATURES, feature_matrix

    texts = {f"c{k}": (text,) for k, text in enumerate(comments.values(), 1)}
    sources = {sid: Source(sid, "comment", f"Comment by {who}", ts[0], author=who)
               for (sid, ts), who in zip(texts.items(), comments, strict=True)}
    info, article = _passages(sources, texts)
    ones = np.ones(len(texts))

    def of(question, feature="type_ok"):
        X = feature_matrix(make_query(question), np.arange(len(texts)), info=info,
                           article=article, grounding=NOTHING, dense=ones, dense_ctx=ones,
                           dense_chunk=ones, lexical=ones, lexical_sentence=ones,
                           sources=list(sources.values()))
        return list(X[:, FEATURES.index(feature)])

    return of


def test_whom_a_who_question_names_as_acted_on_is_not_who_answers():
    """"Who replied to Imre?": Imre's own comment, signed by the person the question names,
    says nothing of who replied; "Who is Imre?" and "Who did Imre agree with?" are about him."""
    of = _comments_feature({"Imre Laubscher": "The impact on older women is astonishing.",
                            "Tessa Brannigan": "I agree, and calcium would help too."})
    assert of("Who replied to Imre Laubscher?", "author_named") == [0.0, 0.0]
    assert of("Who replied to Imre Laubscher?", "meta_comment") == [0.0, 0.0]
    assert of("Who is Imre Laubscher?", "author_named") == [1.0, 0.0]
    assert of("Who did Imre Laubscher agree with?", "meta_comment") == [1.0, 0.0]


def test_a_commenter_is_named_whatever_the_stem_of_their_name():
    """"Why is Jerome Haskins against the plan?": the author's name is matched by its stems
    ("jerom", "haskin"), as the question's words are."""
    of = _comments_feature({"Jerome Haskins": "My son walks home alone after dark.",
                            "Tessa Brannigan": "The plan saves money."})
    assert of("Why is Jerome Haskins against the plan?", "author_named") == [1.0, 0.0]
    assert of("Why is Haskins against the plan?", "author_named") == [1.0, 0.0]


def test_a_byline_tells_no_number_of_its_author():
    """"How old is Mina Ostrowski?": the byline is hers, but its only number is its date."""
    from assistant.features import FEATURES, feature_matrix

    texts = {"byline": ("By Mina Ostrowski on 3 May 2025",), "c1": ("I was 41 when I started.",)}
    sources = {"byline": Source("byline", "byline", "Byline", texts["byline"][0],
                                author="Mina Ostrowski", date="3 May 2025"),
               "c1": Source("c1", "comment", "Comment by Mina Ostrowski", texts["c1"][0],
                            author="Mina Ostrowski")}
    info, article = _passages(sources, texts)
    ones = np.ones(2)

    def of(question):
        X = feature_matrix(make_query(question), np.arange(2), info=info, article=article,
                           grounding=NOTHING, dense=ones, dense_ctx=ones, dense_chunk=ones,
                           lexical=ones, lexical_sentence=ones, sources=list(sources.values()))
        return list(X[:, FEATURES.index("author_named")])

    assert of("How old is Mina Ostrowski?") == [0.0, 1.0]
    assert of("Who is Mina Ostrowski?") == [1.0, 1.0]


def test_a_writers_own_facts_are_told_where_they_speak_of_themself():
    """"What does Lorna Pike do for a living?", "How old is she?": her byline (a name and a
    date) and her sentence about someone else ("Ted Gill, a farrier in Crewe, is 77") tell
    nothing of her own; her sentence in the first person may ("I'm a night nurse"), and of
    her job one of "my" too, but not of her age ("My uncle is 80"), nor a quote of someone else's
    "I". "How old is Lorna Pike's
    uncle?" asks another's age, which any of her sentences may tell."""
    from assistant.features import FEATURES, feature_matrix

    texts = {"byline": ("By Lorna Pike on 9 June 2025",),
             "c1": ("Ted Gill, a farrier in Crewe, is 77 and still shoes horses.",
                    "My uncle is 80.", "I'm a night nurse, so I sleep in the day.",
                    '"I shoe twenty horses a week," said Ted Gill.')}
    sources = {"byline": Source("byline", "byline", "Byline", texts["byline"][0],
                                author="Lorna Pike", date="9 June 2025"),
               "c1": Source("c1", "comment", "Comment by Lorna Pike", " ".join(texts["c1"]),
                            author="Lorna Pike")}
    info, article = _passages(sources, texts)
    ones = np.ones(5)

    def of(question):
        X = feature_matrix(make_query(question), np.arange(5), info=info, article=article,
                           grounding=NOTHING, dense=ones, dense_ctx=ones, dense_chunk=ones,
                           lexical=ones, lexical_sentence=ones,
                           sources=[sources["byline"]] + [sources["c1"]] * 4)
        return list(X[:, FEATURES.index("author_named")])

    assert of("What does Lorna Pike do for a living?") == [0.0, 0.0, 1.0, 1.0, 0.0]
    assert of("How old is Lorna Pike?") == [0.0, 0.0, 0.0, 1.0, 0.0]
    assert of("How old is Lorna Pike's uncle?") == [0.0, 1.0, 1.0, 1.0, 1.0]
    assert of("Who is Lorna Pike?") == [1.0, 1.0, 1.0, 1.0, 1.0]


def test_what_the_person_named_should_do_is_not_said_by_their_own_words():
    """"What should Priya do about the hinge?" asks for advice given to Priya: her own comment
    (signed by the name the question gives) is no more the answer than another's; "What did
    Priya do?" is about her, and "What should I do?" names no one."""
    of = _comments_feature({"Priya Hallam": "Priya here, thanks for the help.",
                            "Owen Trask": "Ask the shop for a new hinge under the warranty."})
    assert of("What should Priya Hallam do about the hinge?", "author_named") == [0.0, 0.0]
    assert of("What did Priya Hallam do about the hinge?", "author_named") == [1.0, 0.0]
    assert make_query("What should I do about the hinge?").named_object is False


def test_who_someone_is_is_not_told_by_a_comments_signature_unless_its_writer_says_i():
    """"Who was the goalkeeper?" asks for the name the text gives: a fan's comment that the
    ball was won clean is signed by the fan, who is not the keeper; "Who said the ball was won
    clean?" is answered by the signature, and so is "Who was the referee?" by "I was the
    referee"."""
    of = _comments_feature({"Mike Dale": "That was never a penalty, the ball was won clean.",
                            "Tessa Bran": "I was the referee that day, and it was a penalty."})
    assert of("Who was the goalkeeper?") == [-1.0, 1.0]
    assert of("Who was Millbrook's goalkeeper?", "answer_near")[0] < 1.0
    assert of("Who said the ball was won clean?") == [1.0, 1.0]
    assert of("Who is the reader who doubted the penalty?") == [1.0, 1.0]


def test_an_answer_sits_next_to_what_the_question_says_about_it():
    # "412 scats" counts scats, but the cemeteries are a list away from the number
    texts = ("They gathered 412 scats from gardens, allotments, railway embankments, the "
             "town's parks and the old cemeteries.",
             "In the cemeteries they found 37 scats under the yews.")
    near = _feature_of("How many scats were found in the cemeteries?", texts, "answer_near")
    assert near[1] == 1.0 and near[0] < near[1]
    # a sentence with no number cannot have one near anything; other questions are not asked
    assert _feature_of("How many scats were found?", ("No scats were found.", texts[1]),
                       "answer_near") == [0.0, 1.0]
    assert _feature_of("Why were the scats gathered?", texts, "answer_near") == [1.0, 1.0]


def test_a_sentence_without_the_questions_names_and_numbers_misses_its_anchors():
    """"How much rain fell in Castlegate in 2024?": a sentence about another place, with no
    year, answers another question; one that names both, or follows one that does, does not
    miss them."""
    question = "How much rain fell in Castlegate in 2024?"
    texts = ("About 60mm of rain fell on parts of Westmoor.", "Castlegate saw 41mm of rain in 2024.")
    assert _feature_of(question, texts, "anchor_missing") == [1.0, 0.0]
    after = ("Castlegate saw 41mm of rain in 2024.", "Most of it fell overnight.")
    assert _feature_of(question, after, "anchor_missing") == [0.0, 0.0]
    assert _feature_of("How much rain fell?", texts, "anchor_missing") == [0.0, 0.0]


def test_the_titles_names_pin_every_sentence_to_the_articles_topic():
    """On the Aero 3's page, "Weight | 640 g" is the Aero 3's weight: the title names what
    every sentence is about. The Aero 2, which the title does not name, is still missing."""
    from assistant.features import FEATURES, feature_matrix
    from assistant.grounding import ArticleTerms

    title = Source("title", "title", "Title", "Brightwell Aero 3 cordless hand blender")
    post = Source("p1", "post", "Post", "Weight | 640 g with the blending arm attached.")
    sources = {"title": title, "p1": post}
    spans = [Span("title", 0, len(title.text), title.text), Span("p1", 0, len(post.text), post.text)]
    info = SentenceInfo.build(spans, sources, [frozenset(terms(s.text)) for s in spans],
                              np.eye(2, dtype=np.float32), vocabulary=())
    article = ArticleTerms(spans, sources, ["", ""], vocabulary=())
    ones = np.ones(2)

    def missing(question: str) -> float:
        X = feature_matrix(make_query(question), np.array([1]), info=info, article=article,
                           grounding=Grounding({}, {}, frozenset()), dense=ones, dense_ctx=ones,
                           dense_chunk=ones, lexical=ones, lexical_sentence=ones, sources=[post])
        return float(X[0, FEATURES.index("anchor_missing")])

    assert missing("How much does the Aero 3 weigh?") == 0.0
    assert missing("How much does the Aero 2 weigh?") == 0.5


def test_a_labels_paragraph_count_is_no_number_the_page_prints():
    """"Who leads the walk on 12 October?": the twelfth paragraph ("Post, paragraph 12") is
    not about the 12th; a paragraph under a heading that prints the day is."""
    from assistant.features import FEATURES, feature_matrix
    from assistant.grounding import ArticleTerms

    title = Source("title", "title", "Title", "Autumn walks")
    post = Source("post-12", "post", "Post, paragraph 12", "Leader: Ann Ibbot, who knows the moor.")
    dated = Source("post-3", "post", 'Post, paragraph 3 (under "Sunday 12 October")',
                   "Leader: Ann Ibbot, who knows the moor.")
    sources = {"title": title, "post-12": post, "post-3": dated}
    spans = [Span(s.id, 0, len(s.text), s.text) for s in (title, post, dated)]
    info = SentenceInfo.build(spans, sources, [frozenset(terms(s.text)) for s in spans],
                              np.eye(3, dtype=np.float32), vocabulary=())
    article = ArticleTerms(spans, sources, ["", "", ""], vocabulary=())
    ones = np.ones(3)
    X = feature_matrix(make_query("Who leads the walk on 12 October?"), np.array([1, 2]),
                       info=info, article=article, grounding=Grounding({}, {}, frozenset()),
                       dense=ones, dense_ctx=ones, dense_chunk=ones, lexical=ones,
                       lexical_sentence=ones, sources=[post, dated])
    assert list(X[:, FEATURES.index("anchor_missing")]) == [1.0, 0.0]


def test_a_yes_no_subject_named_in_a_section_is_spoken_of_under_the_same_heading():
    """"Does the band turn away ...?": a section names the band in its first paragraph and
    speaks of it in the next one under the same heading ("Tickets are free, and nobody is
    turned away."); a paragraph under another heading, or with none, does not."""
    from assistant.features import _topic_rows

    texts = {"p1": ("The band formed in 1988.",),
             "p2": ("Tickets are free, and nobody is turned away.",),
             "p3": ("Parking is easy.",),
             "p4": ("Doors open at six.",)}
    sections = {"p1": "History", "p2": "History", "p3": "Visiting", "p4": None}
    sources = {sid: Source(sid, "post", f"Post, {sid}", " ".join(ts), section=sections[sid])
               for sid, ts in texts.items()}
    info, article = _passages(sources, texts)
    got = _topic_rows(make_query("Does the band turn away people who cannot pay?"), NOTHING,
                      article, info)
    assert list(got) == [True, True, False, False]



def test_a_quotes_pronoun_speaker_stands_for_the_person_named_before_it():
    """'"...," she said.' is said by the person the sentences before it name, in its paragraph
    or the post's paragraph before; "Who said ...?" is answered by it."""
    from assistant.sentences import pronoun_speaker

    texts = ("Harbourmaster Oonagh Reddy has asked the trust to mend the pier before spring.",
             '"Every winter the pier loses another plank," she said.')
    spans = [Span("p1", 0, 1, texts[0]), Span("p2", 0, 1, texts[1])]
    assert pronoun_speaker(spans, 1, lambda j: True) == 0
    assert pronoun_speaker(spans, 1, lambda j: False) == -1  # a comment is no lead-in
    named = [spans[0], Span("p2", 0, 1, '"It leaks," said Ivo Marr.')]
    assert pronoun_speaker(named, 1, lambda j: True) == -1  # it names its speaker
    assert list(_many(texts).said_by) == [-1, 0]
    assert _feature_of("Who said the pier loses a plank every winter?", texts) == [1.0, 1.0]
    # a question that is not after whose words these are is unchanged
    assert _feature_of("Who mends the pier?", texts)[1] == -1.0


def test_who_did_something_is_not_answered_by_a_sentence_naming_only_the_questions_people():
    # the only names are the question's own: the one acted on, the body it asks about
    texts = ("Marjorie Quill had a wood stove fitted to her cottage in the spring.",
             "The stove was fitted by Tobin Harrow, a joiner from the next village.")
    assert _feature_of("Who fitted Marjorie Quill's stove?", texts) == [-1.0, 1.0]
    texts = ("The Lantern Street Players rehearse on Thursdays in the church hall.",
             "The Lantern Street Players are run by Bea Okonjo.")
    assert _feature_of("Who runs the Lantern Street Players?", texts) == [-1.0, 1.0]
    # a person described, not named, is still someone new
    texts = ("Marjorie Quill's neighbour fitted the stove for her.", "It is a cast-iron stove.")
    assert _feature_of("Who fitted Marjorie Quill's stove?", texts)[0] == 1.0


def test_where_someone_lives_is_a_named_place_something_is_in_at_or_from():
    texts = ("I suspect Iron Age ponies were a good deal smaller, as Tarn Hollow Press says.",
             "We have lived in Pembrook for thirty years now.")
    assert _feature_of("Where does Ruth Callow live?", texts) == [-1.0, 1.0]
    texts = ("Her first book, The Salt Road, is a favourite of mine.",
             "Odile Ferrant, a geologist at the University of Marrowby, led the survey.")
    assert _feature_of("Where does Odile Ferrant work?", texts) == [-1.0, 1.0]
    # where a thing is put needs no name at all ("by the gate")
    texts = ("The spare key hangs on a hook by the back door.", "The key is brass.")
    assert _feature_of("Where is the spare key?", texts)[0] == 1.0


def test_a_citation_names_the_journal_asked_for():
    from assistant.features import FEATURES, feature_matrix
    from assistant.grounding import ArticleTerms

    texts = ("The team counted newts in forty garden ponds over two summers.",
             "Abara K, Lunde P. Garden ponds as refuges for newts. Pond Life Quarterly 9: 12-30.")
    post = Source("p1", "post", "Post", texts[0])
    ref = Source("r1", "reference", "Reference 1", texts[1])
    spans = [Span("p1", 0, len(texts[0]), texts[0]), Span("r1", 0, len(texts[1]), texts[1])]
    info = SentenceInfo.build(spans, {"p1": post, "r1": ref}, [frozenset(terms(t)) for t in texts],
                              np.eye(2, dtype=np.float32), vocabulary=())
    article = ArticleTerms(spans, {"p1": post, "r1": ref}, ["", ""], vocabulary=())
    ones = np.ones(2)
    X = feature_matrix(make_query("Which journal published the newt study?"), np.arange(2),
                       info=info, article=article, grounding=Grounding({}, {}, frozenset()),
                       dense=ones, dense_ctx=ones, dense_chunk=ones, lexical=ones,
                       lexical_sentence=ones, sources=[post, ref])
    assert list(X[:, FEATURES.index("name_align")]) == [0.0, 1.0]
    assert X[1, FEATURES.index("focus_align")] == 1.0


def test_who_paid_founded_or_designed_is_told_only_by_a_sentence_speaking_of_that_deed():
    # a study "by Dr. X" says who did it, not who paid for it
    texts = ("A survey by Dr. Nils Aberg of Tarrow College asked 900 cyclists about helmets.",
             "The survey was paid for by the Brackwater Cycling Trust.")
    assert _feature_of("Who funded the helmet survey?", texts) == [-1.0, 1.0]
    assert _feature_of("Who funded the helmet survey?", texts, "type_near") == [1.0, 0.0]
    texts = ("The footbridge was opened by Mayor Ines Oduya in May.",
             "Its curved deck was the work of the architect Pavel Strom.")
    assert _feature_of("Who designed the footbridge?", texts) == [-1.0, 1.0]
    # a deed not on the list keeps the looser test: "led" is told by "a study by Dr. X"
    texts = ("A survey by Dr. Nils Aberg of Tarrow College asked 900 cyclists about helmets.",
             "Helmets were worn by most riders.")
    assert _feature_of("Who led the helmet survey?", texts)[0] == 1.0


def test_who_founded_chaired_refereed_or_awarded_is_told_by_the_deeds_own_words():
    # founding, told as the body beginning "when" someone did something
    texts = ("The Marlow Bell Ringers ring every Sunday at St Anne's, said Iris Tandy.",
             "The band began in 1974, when Hugh Pellow hung a notice in the post office.")
    assert _feature_of("Who founded the Marlow Bell Ringers?", texts) == [-1.0, 1.0]
    texts = ("Mina Rao, the club's treasurer, read out the accounts.",
             "The meeting was chaired by Owen Crick, who has led the club since 2011.")
    assert _feature_of("Who chaired the meeting?", texts) == [-1.0, 1.0]
    texts = ("Among the crowd was 80-year-old Nell Garrow, a supporter since 1961.",
             "The umpire, Ravi Desai, warned both captains at the toss.")
    assert _feature_of("Who refereed the match?", texts) == [-1.0, 1.0]
    # "who found the key" asks who came upon it, not who founded anything
    texts = ("On Tuesday Ben Odell spotted it in the long grass by the gate.", "The key is brass.")
    assert _feature_of("Who found the key?", texts)[0] == 1.0


def test_a_programmes_led_by_line_names_the_agent():
    # "Led by: Rev. X": the doer after "by" and a colon, with a title
    assert bool(_one("Led by: Rev. Ottoline Marsh").agent[0])
    assert bool(_one("The walk is led by Capt. Ivo Penn.").agent[0])
    assert not bool(_one("Bring a packed lunch.").agent[0])


def test_a_deed_told_in_its_own_words_is_the_predicate_asked():
    texts = ("The Marlow Bell Ringers ring every Sunday at St Anne's, said Iris Tandy.",
             "The band began in 1974, when Hugh Pellow hung a notice in the post office.")
    assert _feature_of("Who founded the Marlow Bell Ringers?", texts, "verb_align")[1] == 1.0
    # who voted is told by a vote, not by another deed of a member
    texts = ("Councillor Rhys Abbott, who chairs the parks board, said the plan was sound.",
             "Councillor Mair Ellis was the only member to vote against it.")
    assert _feature_of("Who voted against the parks plan?", texts) == [-1.0, 1.0]


def test_a_deed_told_in_the_passive_without_by_does_not_name_its_doer():
    # the name next to "given" / "founded" is what the deed was done to
    texts = ("Tamsin Hale was later given a bravery award, which she never mentions.",
             "The award was presented by Lord Fenwick at the county hall.")
    assert _feature_of("Who awarded Tamsin Hale her bravery award?", texts) == [-1.0, 1.0]
    texts = ("Most of the lake is leased to the Corrie Sailing Club, founded in 1921.",
             "The Corrie Sailing Club was founded in 1921 by Agnes Moyle.")
    assert _feature_of("Who founded the sailing club?", texts) == [-1.0, 1.0]


def test_the_words_of_a_deed_asked_stand_for_the_questions_verb_next_to_the_answer():
    # "project" is far from the fund's name, "funded" next to it
    texts = ("The project, which ran for three long and difficult years in the hills, was funded "
             "by the Harlow Moor Fund.",
             "The money ran out in the spring, long before Ada Brink joined.")
    assert _feature_of("Who paid for the project?", texts, "answer_near") == [0.5, 0.0]


def test_a_comments_signature_tells_who_paid_only_when_the_comment_speaks_of_paying():
    of = _comments_feature({"Wren Halloway": "The orchard looks lovely in the spring photos.",
                            "Joss Pemberton": "I paid for the first twelve trees myself."})
    assert of("Who paid for the orchard trees?") == [-1.0, 1.0]
    # who said something is still any commenter's signature
    assert of("Who said the orchard looks lovely?")[0] == 1.0
    # a comment speaking of another's deed names no doer in its signature
    of = _comments_feature({"Wren Halloway": "The new saplings are on a six-week wait from the supplier.",
                            "Joss Pemberton": "We supply the orchard's saplings from our nursery."})
    assert of("Who supplies the orchard's saplings?") == [-1.0, 1.0]


def test_a_place_named_is_no_company_or_brand():
    """"Which company supplies the oak?" / "one supplier in the Ardennes": a place the maker is
    in, or one someone rode to, names no company; a name bought "from" may be one."""
    texts = ("The oak for the tables comes from one supplier in the Ardennes.",
             "I buy the oak from Harlow & Brede, a family sawmill.")
    assert _feature_of("Which company supplies the oak?", texts) == [-1.0, 1.0]
    texts = ("On Sunday I rode out to Pellow Cross and back on two gels.",
             "The gels were from Fennick, in the lemon flavour.")
    assert _feature_of("Which gel brand did she use?", texts) == [-1.0, 1.0]
    # a place asked is still named where something is
    texts = ("The oak for the tables comes from one supplier in the Ardennes.",
             "The tables are made in a workshop by the sea.")
    assert _feature_of("Which region does the oak come from?", texts)[0] == 1.0


def test_a_town_or_country_asked_is_named_as_where_something_is():
    texts = ("We moved to a small Welsh town when the children were young.",
             "We have lived in Pembrook for thirty years now.")
    assert _feature_of("Which town does Ruth Callow live in?", texts, "name_align") == [0.0, 1.0]
    texts = ("Odile Ferrant of the University of Marrowby led the survey in the journal Field Notes.",
             "The survey covered 40 lakes in Norway, Sweden and northern Finland.")
    assert _feature_of("Which countries were the lakes in?", texts, "name_align") == [0.0, 1.0]


@pytest.mark.parametrize("question, texts, expected", [
    # a date of another event on the same club is no founding date
    ("When was the Millrace Walking Club founded?",
     ("The Millrace Walking Club last year led 60 walks on the moor.",
      "The Millrace Walking Club was set up in 1974 by three shepherds."), [-1.0, 1.0]),
    ("What year was the walking club founded?",
     ("The walking club met in March to plan the summer.",
      "The club began in September 1981, in a pub back room."), [-1.0, 1.0]),
    ("When was the old granary built?",
     ("The old granary was sold to the council in 2019.",
      "The little 1790 granary stands behind the church."), [-1.0, 1.0]),
    ("When was she born?",
     ("She arrived in the village in 1956.", "She was born on 3 May 1931 in Leeds."), [-1.0, 1.0]),
    ("When did the old ferryman die?",
     ("The old ferryman retired in 1970.", "The old ferryman died in the winter of 1988."),
     [-1.0, 1.0]),
    ("In what year did she graduate from the art school?",
     ("She spent three years at the art school in Leeds, from 1961.",
      "She graduated from the art school in 1964."), [-1.0, 1.0]),
    ("When did the headmaster retire?",
     ("The headmaster came to the school in 1972.", "The headmaster retired in July 1998."),
     [-1.0, 1.0]),
    # other "when" questions are as before
    ("When did the walk start?", ("The walk set off at 9am.", "The weather was dry."), [1.0, -1.0]),
])
def test_a_date_answers_when_something_was_founded_born_died_or_built_only_with_that_event(
        question, texts, expected):
    assert make_query(question).event or question.startswith("When did the walk")
    assert _feature_of(question, texts) == expected


def test_a_bylines_date_is_not_when_something_it_tells_of_happened():
    from assistant.features import FEATURES, feature_matrix
    from assistant.grounding import ArticleTerms

    text = "By Ruth Marlow, 2 October 2025"
    source = Source("byline", "byline", "Byline", text, author="Ruth Marlow", date="2 October 2025")
    info = SentenceInfo.build([Span("byline", 0, len(text), text)], {"byline": source},
                              [frozenset(terms(text))], np.eye(1, dtype=np.float32), vocabulary=())
    article = ArticleTerms([Span("byline", 0, len(text), text)], {"byline": source}, [""],
                           vocabulary=())
    one = np.ones(1)

    def type_ok(question: str) -> float:
        X = feature_matrix(make_query(question), np.arange(1), info=info, article=article,
                           grounding=Grounding({}, {}, frozenset()), dense=one, dense_ctx=one,
                           dense_chunk=one, lexical=one, lexical_sentence=one, sources=[source])
        return float(X[0, FEATURES.index("type_ok")])

    assert type_ok("When was this newsletter published?") == 1.0
    assert type_ok("What year was the Fellside Rambling Club founded?") == -1.0
    # the page has appeared: what is yet to be published is not dated by its byline
    assert type_ok("When will the next newsletter be published?") == -1.0
    # a byline dates the page: the start or the end of a thing it tells of is another event's
    assert type_ok("What time did Ruth Marlow finish the fell race?") == -1.0
    assert type_ok("When did the walking festival start?") == -1.0
    assert type_ok("When did this newsletter start?") == 1.0


@pytest.mark.parametrize("text, found", [
    ("She has made clocks in the old mill for 22 years.", True),
    ("For nineteen years he has kept the allotment.", True),
    ("He has led the band since 2018.", True),
    ("I've been at this school since I was seven.", True),
    ("What follows comes from twelve years of baking at home.", True),
    ("I started keeping bees four years ago.", True),
    ("She has run it over the past decade.", True),
    ("I'd lived on that lane for thirty-one years by then.", True),
    # a length of something else is no span up to now
    ("We switched to a four-day week at our shop last October.", False),
    ("The loop is 11 miles, with a climb of an hour.", False),
    ("The shop opens twice a year.", False),
])
def test_how_long_has_takes_a_span_up_to_now_not_any_length(text, found):
    query = make_query("How long has she worked at the shop?")
    assert query.span and not make_query("How long was the walk?").span
    assert sentence_flags(text, Source("post", "post", "Post", text))["span"] is found


def test_a_neighbour_can_hold_the_answer_only_with_the_filler_asked():
    # "How long has ...?": a date next door is no span up to now; a span next door is
    question = "How long has she run the bakery?"
    dated = ("She runs the bakery on Mill Street.", "She opened a second shop in March 2021.")
    assert _feature_of(question, dated, "type_near") == [0.0, 0.0]
    spanned = ("She runs the bakery on Mill Street.", "She has done so for eleven years.")
    assert _feature_of(question, spanned, "type_near") == [1.0, 0.0]


@pytest.mark.parametrize(("question", "sentence", "conflict"), [
    # another year than the one asked, and never the one asked
    ("How many otters were seen on the Brill in 2021?",
     "Volunteers on the Brill logged 63 otters in 2022.", True),
    ("How many otters were seen on the Brill in 2021?",
     "Volunteers logged 63 otters in 2021, up from 40 in 2020.", False),
    ("How many otters were seen on the Brill in 2021?",
     "Volunteers on the Brill logged 63 otters.", False),
    # another ordinal before the same noun
    ("How long did the first tunnel take to dig?",
     "The second tunnel took nine months to dig.", True),
    ("How long did the first tunnel take to dig?",
     "The first tunnel took nine months, the second tunnel six.", False),
    ("When did the club first meet?",
     "The second meeting was held in a barn.", False),
    # the new thing for the old, the old for the new
    ("What was the entry fee before the refit?",
     "After the refit a new £4 entry fee will be charged.", True),
    ("What was the entry fee before the refit?",
     "Before the refit the old entry fee of £3 was charged, and a new one of £4 follows.", False),
    ("How much is the new entry fee?", "The old entry fee was £3.", True),
    ("How much is the new entry fee?", "The entry fee will be £4.", False),
    # another model of the same line
    ("How much does the Breeze K3 weigh?", "The Breeze K4 weighs 2.1 kg.", True),
    ("How much does the Breeze K3 weigh?", "The Breeze K3 weighs 2.1 kg, the K4 2.4 kg.", False),
    ("How heavy was the older kettle?", "The newer kettle weighs 1.2 kg.", True),
    # the one of a group named, when the other is asked
    ("Who was the other trustee who resigned?",
     "Trustee Ama Boateng, one of the two trustees who resigned, spoke to the paper.", True),
    ("Who was the other trustee who resigned?",
     "Ama Boateng and the other trustee, Luc Varennes, both resigned.", False),
    ("Who was the trustee who resigned?",
     "Trustee Ama Boateng, one of the two trustees who resigned, spoke to the paper.", False),
    # a single fare asked, only returns told (or the other way round)
    ("How much is a single bus ticket to Dunmore?",
     "Tickets: adult return £9, child return £4.50.", True),
    ("How much is a single bus ticket to Dunmore?",
     "Tickets: adult single £5, adult return £9.", False),
    ("How much is a return ticket to Dunmore?", "An adult single costs £5.", True),
    ("How much is a bus ticket to Dunmore?", "Tickets: adult return £9.", False),
    # one thing's own price asked, only a bundle's told
    ("How much does the tripod cost on its own?",
     "The camera is £480, or £560 as a bundle with the tripod and a bag.", True),
    ("How much does the tripod cost on its own?",
     "The tripod costs £90 on its own, or comes free as a bundle with the camera.", False),
    ("How much does the tripod cost?",
     "The camera is £480, or £560 as a bundle with the tripod and a bag.", False),
    # a part asked, only the whole told
    ("How much of the school's budget went on heating?",
     "The school's combined running costs came to £84,000 last year.", True),
    ("How much of the school's budget went on heating?",
     "Heating took £21,000 of the combined running costs.", False),
    ("How many of the runners were from the town?",
     "In total 212 runners finished the race.", True),
    ("How many of the runners were from the town?", "212 runners finished the race.", False),
])
def test_a_sentence_about_another_year_ordinal_or_time_conflicts(question, sentence, conflict):
    assert qualifier_conflict(make_query(question), sentence) is conflict


def test_the_qualifiers_read_once_per_question_follow_the_query_not_only_its_words():
    """``qualifier_conflict`` reads a question's qualifiers once (kept per question): what it
    keeps depends on everything it reads of the query (its measure too), so the same words
    with another measure are read again."""
    import dataclasses

    q = make_query("How much is a single ferry ticket?")
    told = "Ferry tickets: adult return £9."
    assert q.measure == "money" and qualifier_conflict(q, told)
    assert not qualifier_conflict(dataclasses.replace(q, measure=None), told)
    assert qualifier_conflict(q, told)  # and again, as first read


def test_a_year_asked_in_the_sentence_before_or_in_a_span_of_years_is_no_conflict():
    q = make_query("How many otters were seen on the Brill in 2021?")
    assert not qualifier_conflict(q, "They logged 63 otters, more than in 2020.",
                                  "Volunteers watched the Brill all through 2021.")
    assert not qualifier_conflict(q, "Volunteers logged 63 otters a year in 2019\u20132023.")
    assert qualifier_conflict(q, "Volunteers logged 63 otters a year in 2015\u20132019.")


def test_a_speed_limit_or_a_capacity_is_not_matched_by_a_count_of_something_else():
    texts = ("Before the works, some 7,400 lorries used the lane every day.",
             "Before the works the lane was limited to 30mph.",
             "The hall drew 640 people on the opening night.",
             "The hall seats 900.")
    got = _quantity_align(make_query("What was the speed limit on the lane before the works?"), None,
                          _many(texts), np.arange(len(texts)), NOTHING)
    assert got[1] == 1 and got[0] == 0
    got = _quantity_align(make_query("What is the capacity of the hall?"), None,
                          _many(texts), np.arange(len(texts)), NOTHING)
    assert got[3] == 1 and got[2] == 0


def test_when_the_person_answered_earlier_posted_is_their_comments_date():
    """"Who asked about watering the ferns? / When did he post that?": the person the earlier
    answer named is the writer meant, so his comment's date answers (not the other's); his
    name counts among the query's names, not its words, so author_named stays unset."""
    from assistant.features import FEATURES, feature_matrix

    texts = {"c1": ("Do you water ferns in a frost?",), "c2": ("I mulch mine with bracken.",)}
    sources = {"c1": Source("c1", "comment", "Comment by Osric Pell", texts["c1"][0],
                            author="Osric Pell", date="3 May 2026"),
               "c2": Source("c2", "comment", "Comment by Una Threlkeld", texts["c2"][0],
                            author="Una Threlkeld", date="4 May 2026")}
    info, article = _passages(sources, texts)
    ones = np.ones(len(texts))
    query = make_query("When did he post that?", ["Who asked about watering the ferns?"],
                       referent="Osric Pell")
    X = feature_matrix(query, np.arange(len(texts)), info=info, article=article,
                       grounding=NOTHING, dense=ones, dense_ctx=ones, dense_chunk=ones,
                       lexical=ones, lexical_sentence=ones, sources=list(sources.values()))
    assert list(X[:, FEATURES.index("meta_comment")]) == [1.0, 0.0]
    assert list(X[:, FEATURES.index("author_named")]) == [0.0, 0.0]


@pytest.mark.parametrize("question, texts, expected", [
    # a time of the other end of the thing asked is another event's
    ("What time does the pottery class start?",
     ("The pottery class wraps up at 4pm.", "The pottery class begins at 2pm."), [-1.0, 1.0]),
    ("What time does the pottery class finish?",
     ("Pupils meet at the kiln shed at 1.30pm.", "The pottery class runs from 2pm to 4pm."),
     [-1.0, 1.0]),
    ("When did the corner cafe stop serving breakfast?",
     ("The corner cafe started serving breakfast in 2019.",
      "The corner cafe stopped serving breakfast in March."), [-1.0, 1.0]),
    ("By when must entries reach the show secretary?",
     ("Entries for the show open on 1 May.", "Entries must reach the show secretary by 30 June."),
     [-1.0, 1.0]),
    # another act's end is not the end of the thing asked: the trial stopped charging
    ("When did the parking trial begin?",
     ("The parking trial, which stopped charging for permits, ran in May 2024.",
      "The weather was dry."), [1.0, -1.0]),
])
def test_a_time_answers_when_something_starts_or_ends_only_if_not_of_its_other_end(
        question, texts, expected):
    assert make_query(question).event in ("start", "end")
    assert _feature_of(question, texts) == expected


def test_a_neighbours_time_of_the_other_end_is_not_near_the_end_asked():
    texts = ("Sunday 4 May | Bird walk on the marsh with the warden.",
             "Meet 9.30am at the reserve car park.")
    # "Meet 9.30am" is when the walk starts, not when it is finished by
    assert _feature_of("What time should the bird walk be finished by?", texts,
                       "type_near") == [0.0, 0.0]
    assert _feature_of("What time does the bird walk start?", texts, "type_near") == [1.0, 0.0]


@pytest.mark.parametrize("question, sentence, conflict", [
    # another season's thing of the same kind
    ("What time does the summer fete start?", "The winter fete begins at 2pm.", True),
    ("What time does the summer fete start?", "The summer fete begins at 2pm.", False),
    # the same season's other thing, which never names the one asked
    ("When does the autumn term begin?", "The autumn fair is on Saturday 4 October.", True),
    ("When does the autumn term begin?", "Autumn term begins on 3 September.", False),
    # this one, the last one, the next one
    ("When does this year's book sale close?", "Last year's book sale closed on 2 May.", True),
    ("When does this year's book sale close?",
     "Last year's sale closed on 2 May; this year's closes on 9 May.", False),
    ("How many swifts nested last summer?", "This summer 52 pairs of swifts nested.", True),
])
def test_another_season_or_another_years_thing_conflicts(question, sentence, conflict):
    assert qualifier_conflict(make_query(question), sentence) is conflict


def test_why_is_answered_by_a_sentence_giving_a_reason_not_one_restating_the_topic():
    """"Why ...?" asks for a reason: of two sentences on the topic, the one giving a reason in
    its own words (a colon's clause, "because", "so", a cause after "after") holds the kind
    asked; the one only restating the topic neither holds it nor rules it out."""
    restated = "A narrow towpath turns out to be a fine place for a morning run."
    for reason in ("A towpath is a poor spot for a run in winter, though: it floods after rain.",
                   "The towpath was shut in March because the bank had slipped.",
                   "The towpath is shut, so runners use the lane instead.",
                   "The towpath closed in March after a section of the bank slipped.",
                   "The towpath was fenced off last spring to protect nesting swans."):
        assert _feature_of("Why is a towpath a hard place to run?", (restated, reason)) \
            == [0.0, 1.0], reason
    # a time, not a cause; not asked why
    for timed in ("The towpath has been shut since March.",
                  "The towpath reopened after two weeks.",
                  "The towpath was resurfaced by a firm that went on to build the bridge."):
        assert _feature_of("Why is a towpath a hard place to run?", (restated, timed)) \
            == [0.0, 0.0], timed
    assert _feature_of("What is the towpath like?", (restated, "It floods, so runners avoid it."),
                       "type_ok") == [0.0, 0.0]


def test_why_is_answered_by_a_cause_tied_to_its_outcome_or_a_consequence_that_would_follow():
    """A reason told without "because": a word tying an outcome to its cause ("may reflect",
    "accounts for", "stems from", "is down to") or what would follow ("If ..., we could lose
    ..."); a clause after a colon that only sets out figures tells more results, no reason."""
    restated = "The canal's towpath is busy with runners most mornings."
    question = "Why did fewer runners use the towpath last winter?"
    for reason in ("The drop may reflect the long closure of the footbridge.",
                   "Much of the drop stems from the closure of the footbridge.",
                   "The council says the drop is down to the closed footbridge.",
                   "If the bank slips again, the towpath could be shut for a year."):
        assert _feature_of(question, (restated, reason)) == [0.0, 1.0], reason
    for plain in ("Counts were down across the canal; the towpath logged 210 runners a week.",
                  "Some stretches fared worse: near the lock, numbers fell by two thirds.",
                  "Runners reflect on their times over coffee at the lock."):
        assert _feature_of(question, (restated, plain)) == [0.0, 0.0], plain


def test_the_reason_after_a_restatement_is_not_another_measured_outcome():
    """"Why ...?": the sentence after one restating what is asked is credited as its reason
    (``why_prev``), unless it only tells another measured outcome, a share, a ratio or a change
    to a number; any other sentence after it, and a "how" question's, still is."""
    restated = "Copper pans heated up 2.4 times as fast as steel ones in our kitchen test."
    question = "Why do copper pans heat faster than steel ones?"
    for outcome in ("Cooking times fell by 20 percent with copper.",
                    "Boiling took 3 times less time on the copper pans.",
                    "Steel pans reached the mark in fewer than half of the runs.",
                    "Water boiled first in only two of the 12 steel pans."):
        assert _feature_of(question, (restated, outcome), "why_prev") == [0.0, 0.0], outcome
    for reason in ("Copper carries heat far better than steel does.",
                   "Cooking times fell by 20 percent because copper spreads heat evenly.",
                   "More than 40 cooks have told us the same."):
        assert _feature_of(question, (restated, reason), "why_prev") == [0.0, 1.0], reason
    assert _feature_of("How did the chef describe the test?",
                       (restated, "Cooking times fell by 20 percent with copper."),
                       "why_prev") == [0.0, 1.0]


def test_a_reason_given_with_its_own_restatement_is_credited_as_one_after_it():
    """"Why ...?": a sentence that restates what is asked and gives its reason in one ("Because
    the gate sticks, few walkers use the north path") holds both halves, as the sentence after
    a restatement does (``why_prev`` from its own closeness); one giving no reason does not."""
    question = "Why do so few walkers use the north path?"
    for reason in ("Because the gate sticks, few walkers use the north path.",
                   "Few walkers use the north path, which is why it is overgrown."):
        assert _feature_of(question, (reason, "The path is muddy in winter."),
                           "why_prev") == [1.0, 1.0], reason
    assert _feature_of(question, ("Few walkers use the north path.", "The path is muddy."),
                       "why_prev") == [0.0, 1.0]
    # a "how" question asks for a means, not a reason
    assert _feature_of("How do walkers reach the north path?",
                       ("Because the gate sticks, few walkers use the north path.", "It is muddy."),
                       "why_prev") == [0.0, 1.0]


def test_why_is_answered_by_two_degrees_tied_together_not_by_a_way_to_a_place():
    """"The bigger the gap ..., the harder the pump works" gives a reason; a path that leads to
    a named place gives none, while a deed that led to another still does."""
    restated = "Old boilers waste more fuel on frosty nights."
    question = "Why do old boilers waste more fuel on frosty nights?"
    for reason in ("The colder the air outside, the longer the burner has to run.",
                   "The more often it fires, the less of the heat reaches the rooms.",
                   "Years of limescale led to a clogged heat exchanger."):
        assert _feature_of(question, (restated, reason)) == [0.0, 1.0], reason
    for plain in ("A footpath behind the boiler house leads to Marden Green.",
                  "The boiler house is the oldest building on the street."):
        assert _feature_of(question, (restated, plain)) == [0.0, 0.0], plain


def test_why_a_charge_goes_up_is_answered_by_what_the_money_pays_for():
    """"Why are the fees going up?": what the money raised goes on is its reason ("The rise
    covers ...", "the extra will pay for ...", "... to cover the higher rent"); something that
    covers a place or a topic is not."""
    restated = "Allotment fees will go up from £40 to £46 next year."
    question = "Why are the allotment fees going up?"
    for reason in ("The rise covers the new water meter the council has fitted.",
                   "The extra money will pay for a second shed.",
                   "The committee set them to cover the higher rent the parish now asks."):
        assert _feature_of(question, (restated, reason)) == [0.0, 1.0], reason
    for plain in ("Snow covers the plots for much of January.",
                  "The handbook covers the rules on bonfires."):
        assert _feature_of(question, (restated, plain)) == [0.0, 0.0], plain


def test_what_difference_something_made_is_answered_by_a_measured_change():
    """"What difference did ... make?" / "What effect does ... have?" asks for an outcome: a
    sentence telling a measured change holds the kind asked; one that only names the thing
    tried neither holds it nor rules it out."""
    tried = "The bakery tried a lower oven heat for its rye loaves this spring."
    for question in ("What difference did the lower oven heat make?",
                     "What effect does a lower oven heat have on the rye loaves?"):
        for outcome in ("Burnt crusts fell by 40 percent in the first month.",
                        "Returns of rye loaves dropped from 30 to 12 a week."):
            assert _feature_of(question, (tried, outcome)) == [0.0, 1.0], (question, outcome)
        assert _feature_of(question, (tried, "The rye loaves are baked before dawn.")) \
            == [0.0, 0.0]
    # not asked for an outcome
    assert _feature_of("What did the bakery try this spring?",
                       (tried, "Burnt crusts fell by 40 percent in the first month.")) == [0.0, 0.0]


def test_which_one_stands_out_is_answered_by_a_sentence_that_ranks():
    """"Which ... hardest?" / "... more than any other?" asks which one stands out: of two
    sentences on the topic, the one ranking (a superlative, "fared worst", "far more than the
    rest") holds the kind asked; one that only counts or describes neither holds it nor rules
    it out."""
    counted = "Volunteers logged 86 kinds of beetle in the meadow over three summers."
    for ranking in ("The violet ground beetle was the commonest find, about one in five.",
                    "Dung beetles fared worst when the sheep were moved off.",
                    "Rove beetles turned up far more often than the rest in the wet corner.",
                    "Of all of them, the stag beetle drew the most visitors."):
        for question in ("Which beetle was found more than any other?",
                         "Which beetles did best in the meadow?",
                         "Which beetle was hit hardest by the change?"):
            assert _feature_of(question, (counted, ranking)) == [0.0, 1.0], (question, ranking)
    # a count, a date, a word ending in "-est" that ranks nothing: no ranking
    for plain in ("More than 40 beetles were logged in May.",
                  "Most of the beetles were found in the hedge.",
                  "The latest survey took a week, with a harvest of records.",
                  "Their interest in the meadow began in 2019."):
        assert _feature_of("Which beetle was found more than any other?", (counted, plain)) \
            == [0.0, 0.0], plain
    # not asked which stands out
    assert _feature_of("What kinds of beetle live in the meadow?",
                       (counted, "Dung beetles fared worst.")) == [0.0, 0.0]


def test_the_reason_forms_are_read_in_time_linear_in_a_long_run_of_spaces():
    import time

    from assistant.sentences import REASON_FORM

    started = time.monotonic()
    assert REASON_FORM.search("Some words" + " " * 40_000 + "x") is None
    assert time.monotonic() - started < 5  # a pattern trying each split takes minutes


def test_a_name_opening_a_sentence_counts_when_the_article_capitalises_it_elsewhere():
    """"Which breed did best?" / "Kerrowdale hens laid most": a name opening a sentence is a
    name when the article writes it with a capital past a sentence's first word ("a flock of
    Kerrowdale hens"), not a word any sentence opens with ("Hens ...", "Most ...", written in
    lower case elsewhere); a speaker's label ("Ostrander: ...") names who speaks, no breed, and
    the pronoun I no name."""
    from assistant.features import FEATURES, feature_matrix
    from assistant.sentences import names_by_sentence

    texts = {"p1": ("Kerrowdale hens laid the most eggs over the winter.",
                    "Most hens laid fewer eggs in the cold.",
                    "Ostrander: The hens I've kept longest lay every day.",
                    "She keeps a flock of Kerrowdale hens behind the barn.")}
    sources = {"p1": Source("p1", "post", "Post", " ".join(texts["p1"]))}
    named, opening, _ = names_by_sentence(texts["p1"])
    assert opening == (frozenset({"kerrowdale"}), frozenset(), frozenset(), frozenset())
    assert named[2] == frozenset({"ostrander"})  # not "the", nor "i've"
    info, article = _passages(sources, texts)
    rows = np.arange(article.n)
    ones = np.ones(article.n)
    X = feature_matrix(make_query("Which breed of hen did best over the winter?"), rows, info=info,
                       article=article, grounding=NOTHING, dense=ones, dense_ctx=ones,
                       dense_chunk=ones, lexical=ones, lexical_sentence=ones,
                       sources=[sources["p1"]] * article.n)
    assert list(X[:, FEATURES.index("type_ok")]) == [1.0, -1.0, -1.0, 1.0]


def test_a_number_of_people_is_not_who_did_something_unless_it_tells_the_deed():
    # "40 children" counts the members; "the Junior Choir" is a body, not a person
    texts = ("The choir has 40 children aged 8 to 16 in two groups, the Junior Choir and the "
             "Senior Choir.",
             "The Senior Choir is conducted by Mirela Vance.")
    assert _feature_of("Who conducts the Senior Choir?", texts) == [-1.0, 1.0]
    # people counted as the doers of the deed asked are who did it
    texts = ("Forty volunteers rebuilt the wall over one weekend.", "The wall is of local stone.")
    assert _feature_of("Who rebuilt the wall?", texts)[0] == 1.0


def test_who_holds_a_post_is_told_by_a_name_not_by_the_post_a_count_or_a_body():
    texts = ("A spokesperson for the water board said the pipes would be replaced next year.",
             "The board's spokesperson, Carys Dunmore, said the work would start in May.")
    assert _feature_of("Who is the spokesperson for the water board?", texts) == [-1.0, 1.0]
    # a body led by "the" holds no post; a title before a name is still a person
    texts = ("The route is run under a contract with the Fenmoor Rail Partnership.",
             "Services are overseen by the Rev. Amos Tulley.")
    assert _feature_of("Who is the chair of the rail group?", texts) == [-1.0, 1.0]


def test_who_holds_a_post_is_not_told_by_people_given_other_posts():
    # the people named hold other posts, beside their names; the post asked is never named
    texts = ("On the show Mira Solberg meets Dr Ossian Pryde, the drainage engineer at Fellwick "
             "District Council, and Jo Tamm of the Canal Society.",
             "Councillor Bea Lund, the leader of Fellwick District Council, backed the scheme.")
    assert _feature_of("Who is the leader of Fellwick District Council?", texts) == [-1.0, 1.0]
    # a sentence that names the post asked may still tell its holder
    texts = ("Tom Vale, the treasurer, said the council leader Ann Roe had signed it.",
             "The hall opens at nine.")
    assert _feature_of("Who is the leader of the council?", texts)[0] == 1.0


def test_who_holds_a_post_is_not_told_by_a_person_the_article_gives_another_post():
    """"Who is the chief executive of the trust?": a sentence naming only someone the article
    gives another post beside their name ("Ines Varga, fundraising manager for the trust"),
    in lower case with no article, never naming the post asked, does not tell who holds it."""
    texts = ("Speaking after the meeting, Ines Varga of the trust told me the garden would reopen.",
             "Ines Varga, fundraising manager for the Greyholm Gardens Trust, led the tour.")
    assert _feature_of("Who is the chief executive of the trust?", texts) == [-1.0, -1.0]
    # someone given no post, or the post asked, may still hold it
    texts = ("Speaking after the meeting, Ines Varga of the trust told me the garden would reopen.",
             "The gardens cover six acres.")
    assert _feature_of("Who is the chief executive of the trust?", texts)[0] == 1.0
    texts = ("Speaking after the meeting, Ines Varga of the trust told me the garden would reopen.",
             "Ines Varga, chief executive of the Greyholm Gardens Trust, led the tour.")
    assert _feature_of("Who is the chief executive of the trust?", texts) == [1.0, 1.0]


def test_a_rank_in_roman_numerals_is_no_persons_name():
    texts = ("The mill is a Grade II listed building, and the design of its new roof was agreed "
             "with the parish.",
             "The mill was designed in 1840 by the engineer Walter Brisk.")
    assert _feature_of("Who designed the mill?", texts) == [-1.0, 1.0]


def test_a_byline_tells_who_holds_a_post_only_when_it_gives_that_post():
    from assistant.features import FEATURES, feature_matrix

    sources = {"byline": Source("byline", "byline", "Byline", "By Hal Odum, Transport Editor",
                                author="Hal Odum"),
               "p1": Source("p1", "post", "Post", "The ferry runs twice a day.")}
    texts = {"byline": ("By Hal Odum, Transport Editor",), "p1": ("The ferry runs twice a day.",)}
    info, article = _passages(sources, texts)
    ones = np.ones(2)

    def of(question):
        X = feature_matrix(make_query(question), np.arange(2), info=info, article=article,
                           grounding=NOTHING, dense=ones, dense_ctx=ones, dense_chunk=ones,
                           lexical=ones, lexical_sentence=ones, sources=list(sources.values()))
        return X[0, FEATURES.index("type_ok")]

    assert of("Who is the spokesperson for the ferry company?") == -1.0
    # the byline's own name is not the post ("the MP Hal Odum" once the question names him)
    assert of("Who is the MP Hal Odum is thinking of writing to?") == -1.0
    assert of("Who is the transport editor?") == 1.0
    assert of("Who wrote this article?") == 1.0


@pytest.mark.parametrize(("question", "texts", "expected"), [
    ("When did Martha Quill die?",
     ("Her neighbour Tobias Wren died in the flood of 1927.", "She died in March 1941, aged 88."),
     [-1.0, 1.0]),
    ("When was Martha Quill born?",
     ("Tobias Wren was born in 1850 above the forge.", "Martha Quill was born in 1853."),
     [-1.0, 1.0]),
    # someone else asked of by her name: the other person's event may be the one asked
    ("When was Martha Quill's son born?",
     ("Her son Tobias was born in 1880.", "The shop opened in 1875."), [1.0, -1.0]),
])
def test_a_life_event_told_of_another_named_person_does_not_answer(question, texts, expected):
    assert _feature_of(question, texts) == expected


def test_a_time_counted_from_the_thing_asked_does_not_say_when_it_was():
    texts = ("The old footbridge was rebuilt in the spring after the flood.",
             "The flood came on 3 March 1953.")
    assert _feature_of("When did the flood happen?", texts) == [-1.0, 1.0]


def test_an_affiliation_is_looked_for_only_when_the_question_asks_a_body():
    """``_asks_body`` is the question's side of ``_body_by_affiliation``, read once per
    question: a sentence naming a person's company answers "Which company is she with?" and
    nothing else."""
    from assistant.features import _asks_body, _body_by_affiliation

    text = "Mara Quill, Fenbrook Surveys"  # a sign-off
    asked = make_query("Which company is Mara Quill with?")
    other = make_query("When were the plans sent?")
    assert _asks_body(asked) and _body_by_affiliation(asked, text)
    assert not _asks_body(other) and not _body_by_affiliation(other, text)
