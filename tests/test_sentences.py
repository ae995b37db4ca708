"""What a sentence can answer, read off its own words: the measures its numbers state, the
words about its numbers, a picture's credit line, what someone does for a living."""

import pytest

from assistant.query import PERSON
from assistant.sentences import (
    _CREDIT,
    CAUSE_LINK,
    REASON_FORM,
    TELLS_STEPS,
    case_number,
    counts_group,
    lists_counts,
    measures,
    meets_bound,
    number_window,
    numbered_otherwise,
    rate_asked,
    sentence_flags,
    states_clock,
    states_clock_time,
    states_duration_of,
    states_length_in,
    states_rate,
    value_of_other_variant,
)
from assistant.types import Source

POST = Source(id="p1", kind="post", label="Post", text="")


@pytest.mark.parametrize(
    "text, measure",
    [
        ("Tickets cost $5 for adults.", "money"),
        ("The fine was 25 cents a day.", "money"),
        # in any currency, by its name, code or sign
        ("A double room was 520 KR a night including breakfast.", "money"),
        ("The pass costs CHF 12 a day.", "money"),
        ("Entry is 1,200 rupees for foreign visitors.", "money"),
        ("Beer is about 60 K\u010d a glass.", "money"),
        ("A thali costs \u20b9180.", "money"),
        ("Tickets are 45 zlotys.", "money"),
        ("She is 71 years old.", "age"),
        ("Doris Albright, 71, has volunteered there since 1998.", "age"),
        ("The tower is 32 metres tall.", "length"),
        ("A hive gives 10 to 25 kg of honey.", "weight"),
        ("One bag sheds about 16 micrograms of plastic.", "weight"),
        ("About 40 percent were travelling for work.", "share"),
        ("She earned about two-thirds of her husband's wage.", "share"),
        ("Bake at 230\u00b0C for 20 minutes.", "temperature"),
        ("We had a week of minus 12 in January.", "temperature"),
        ("The fan runs at 42 dB, quieter than a fridge.", "loudness"),
        ("Inspect the hive once a week.", "frequency"),
        # in words
        ("Bees fly two or three miles from home.", "length"),
        ("The wreck lies in about twelve metres of water.", "length"),
        ("The first time I ate this soup I was twenty-two.", "age"),
        ("Nell is nine.", "age"),
        ("My dad was learning to read at 52.", "age"),
        ("Nine times out of ten it was worn out.", "share"),
        # a share of any number in words: "one in eight", "one in a hundred", "six out of twelve"
        ("About one in eight of the hedgehogs had fleas.", "share"),
        ("Roughly one in a hundred seeds came up.", "share"),
        ("Six out of twelve kites were lost.", "share"),
        # how far apart two things are: in time (also how often), or in space
        ("Each volunteer spent two nights in the lab, eight days apart.", "interval"),
        ("Give it four sets of folds, half an hour apart.", "frequency"),
        ("Plant them 30 cm apart.", "interval"),
        # every unit a question counts in, and their abbreviations
        ("The path is 1 kilometre long.", "length"),
        ("Space them 15 centimeters apart.", "length"),
        ("The baby weighed 8 pounds.", "weight"),  # and "8 pounds" may be money too
        ("The sample held 3 \u00b5g of lead.", "weight"),
        # a speed, and what a thing holds
        ("The lane was limited to 20mph last spring.", "speed"),
        ("Trams run at 40 km/h through the square.", "speed"),
        ("The boat makes about 12 knots.", "speed"),
        ("The new stand seats 2,500.", "capacity"),
        ("The ground has a capacity of 8,000.", "capacity"),
        ("The jug takes 1.5 litres when full.", "capacity"),
        # a power, a light's output, an energy
        ("The fan heater has a 2.2kW element.", "power"),
        ("Each panel gives 400 W in full sun.", "power"),
        ("The motor puts out 250 watts.", "power"),
        ("The front lamp throws about 600 lumens.", "light"),
        ("A slice holds around 180 kcal.", "energy"),
        ("The fridge uses 120 kWh a year.", "energy"),
        # how many live somewhere
        ("The village has a population of 1,240.", "population"),
        ("Its 9,000 inhabitants depend on the ferry.", "population"),
        ("The valley is home to about 30,000 people.", "population"),
    ],
)
def test_a_number_states_its_measure(text, measure):
    assert measure in measures(text)


def test_a_bare_count_states_no_measure():
    assert measures("The museum holds 4,000 objects from three mills.") == frozenset()
    # a number after "is" is an age only when nothing it counts follows it
    assert measures("The score was 3 goals, and the total was 2,140.") == frozenset()
    assert measures("The walk starts at 11am.") == frozenset()
    # a count of what came or went by is no speed or capacity
    assert measures("Some 6,200 cars cross the viaduct every weekday.") & {"speed", "capacity"} == frozenset()
    assert measures("They won in front of 930 fans at the ground.") == frozenset()
    assert measures("My rear cog is an old 10-speed one.") == frozenset()
    # "out of" a place is no share
    assert measures("Mine went on the climb out of Hollin Bridge.") == frozenset()
    assert measures("The two of them drifted apart.") == frozenset()
    # an energy is no power
    assert "power" not in measures("The fridge uses 120 kWh a year.")
    # a code or name of money only next to a number, and not a word that only looks like one
    assert "money" not in measures("Try 5 minutes at first; 10 randomly chosen plots; 12 NHS trusts.")


def test_the_words_about_a_number_are_its_neighbours():
    window = number_window("The museum drew 40,000 visitors in the year before the fire.")
    assert "visitors" in window and "fire" not in window


@pytest.mark.parametrize(
    "text, credit",
    [
        ("Swimmers at the tidal pool in January (Photo: Ellie Marsh)", True),
        ("A brass lamp (photograph by Tim Hale).", True),
        ("A red fox inspecting a wheelie bin (Photo: R. Penhaligon)", True),  # an initial
        ("Map: J. K. Doe.", True),
        ("The new meter in its pit. Photo: Marcus Bellingham / Ellerby Vale Water", True),
        ("Photo: Harbour Road, looking east", False),
        ("Image courtesy of the museum.", True),
        # A caption that opens with "Photo:" says what it shows, not who took it.
        ("Photo: Returned picture books wait on a sorting trolley.", False),
        ("Photo: Volunteer Doris Albright dusts a restored loom.", False),
        ("The photo shows a lamp.", False),
        ("The two hives on the roof, photographed in June 2023 by Leonie Marsh.", True),
        ("Samples were taken from the river by volunteers.", False),
    ],
)
def test_a_credit_line_names_who_took_a_picture(text, credit):
    assert bool(_CREDIT.search(text)) is credit


@pytest.mark.parametrize(
    "text, role",
    [
        ("As a cardiology registrar I see this a lot.", True),
        ("Daniel Okafor, a cardiology registrar, disagreed.", True),
        ("She is a clinical psychologist at Aberglas University.", True),
        ("I retired from teaching in 2015.", True),
        ("Before that he worked as a ship's carpenter.", True),
        ("She was the youngest of four children of a colliery winding engineman.", True),
        ("She was the daughter of a woman from Leeds.", False),
        ('The letters name her only as "acting keeper".', True),
        ("As a result, the fridge closed.", False),
        ("Ann Roe, the other member, said no.", False),
        ("It is a good idea.", False),
        ('She read it as "a warning".', False),
        # the trade before the name
        ("The lighthouse keeper, Ossian, rows out at dawn.", True),
        ("Only the boatman, Pieter, knows the way.", True),
        ("The old woman, Greta, said no.", False),
        ("In the end, Marta stayed.", False),
        # "been a ...", and a post's title in capitals after a name or as a label before one
        ("I have been a boat-building instructor for twelve years.", True),
        ("Bookings: Tove Rask, Membership Secretary, tove@example.org", True),
        ("Site Warden: Aled Morgan", True),
        ("We met Tove Rask, Aled Morgan and Ruth Price.", False),
        ("Harbour Road: closed until May", False),
    ],
)
def test_a_sentence_that_says_what_someone_does_for_a_living(text, role):
    assert sentence_flags(text, POST)["role"] is role


def test_the_words_about_a_number_stay_in_its_clause():
    window = number_window("Prices rose by 5 percent, while ferry trips were unchanged.")
    assert "ferry" not in window and "trips" not in window
    window = number_window("The van carries 12 chairs and tables.")
    assert "chairs" in window and "tables" not in window
    # looking back a comma ends the clause, unless the number is set off to count the noun
    # before it: "the owls, all four of them"
    assert "owls" in number_window("The owls, all four of them, came back.")
    assert "crates" in number_window("The crates, thirty-two boxes in all, were stored.")
    assert "nets" not in number_window("We mended the nets, 3 of which were torn.")
    assert "shed" not in number_window("I walked to the shed, 40 metres away.")
    # a number joined to a word by a hyphen counts that word, not the noun after it
    assert "rings" not in number_window("The 9-speed rings wear out fast.")
    # the noun before "fell from" or "stands at" is what the number measures
    assert "visits" in number_window("Weekly visits fell from 30 to 12.")
    assert "guests" not in number_window("On 9 May guests danced till 11 pm at the hall.")
    # "up to" is at most, no change of the noun before it: "five months", not the barns
    assert "barns" not in number_window("The cattle stayed out of their barns for up to five weeks.")
    assert "barns" in number_window("Empty barns fell from 30 to 12.")


def test_a_price_in_pounds_and_pence_is_no_clock_time():
    """"Postage £3.95": the number after a currency sign is an amount, with the words about it
    (a clock time is left out: "at 10.15 am"; so "4.75", whose minutes run past 59, is none)."""
    assert "postage" in number_window("Postage £3.95 on every order.")
    assert "jars" in number_window("We sold 4.75 jars a day.")
    assert "members" not in number_window("The bus at 10.15 am carries members to the show.")


def test_a_number_with_no_noun_of_its_own_counts_what_its_clause_opens_on():
    """"Ferry crossings on the northern routes fell to about 4,000 in 2019": the crossings, told
    far before the number; a number followed by its own noun counts only that."""
    window = number_window("The council found that ferry crossings on the northern routes "
                           "fell to about 4,000 in 2019, then recovered.")
    assert "crossings" in window
    window = number_window("The wardens from the island trust spent 90 nights on the cliffs.")
    assert "wardens" not in window and "nights" in window
    # nor a phone number's groups of digits, nor "twice"
    assert "meter" not in number_window("Ring our smart meter booking line on 0800 046 7721.")
    assert "gulls" not in number_window("The gulls came back twice.")


def test_a_list_of_three_counts_or_more_is_a_list_of_counts():
    assert lists_counts("We ringed 12 blackcaps, 4 robins and 3 wrens on Monday.")
    assert lists_counts("The shelter took in six spaniels, four terriers, and two greyhounds.")
    assert not lists_counts("The ferry carries 40 cars and 200 passengers.")
    assert not lists_counts("Wardens logged 900 visits, and volunteers gave 120 hours.")
    assert not lists_counts("It ran on 4 March, 6 May and 9 June.")


def test_a_year_is_not_a_count_of_the_words_after_it():
    window = number_window("Hardly any sleeping cars were built between 1995 and 2015.")
    assert "cars" not in window and "built" not in window
    assert "cars" in number_window("Operators ordered 40 sleeping cars.")


@pytest.mark.parametrize(
    "text, clock",
    [
        ("At 1 pm, mix 500 g of flour with 350 g of water.", True),
        ("The ribbon will be cut at 10.30 on Saturday.", True),
        ("He brings the leftover bread at about 6 every evening.", True),
        ("It arrives shortly before nine the next morning.", True),
        ("Move the frames on a calm evening.", True),
        ("The reading is on Tuesday 9 December, and all are welcome.", False),  # a date only
        ("A loaf costs \u00a312.50 and sales rose 0.75 per cent.", False),
        ("Keep it at 4 degrees for 2 to 5 years.", False),
    ],
)
def test_a_time_of_day_is_told_apart_from_a_date(text, clock):
    assert sentence_flags(text, POST)["clock"] is clock


@pytest.mark.parametrize("text, question, told", [
    ("I catch the 07:52 from Ashby every weekday.", "What time does the 07:52 arrive?", False),
    ("The 7.52am from Ashby gets in at 8:31.", "What time does the 07:52 arrive?", True),
    ("The 6pm show sold out.", "What time does the 6pm show finish?", False),
    ("The 6pm show ends at 8pm.", "What time does the 6pm show finish?", True),
    ("The gates open at noon.", "What time do the gates open?", True),
])
def test_a_clock_time_the_question_gives_is_not_told(text, question, told):
    from assistant.sentences import states_clock_time

    assert states_clock_time(text, question) is told


@pytest.mark.parametrize("text", [
    "Smith J. Tea. J Food. 2024. doi:10.1152/food.00040.2024",  # a DOI's digits
    "A ticket costs \u00a312.50 and sales rose 12.75 per cent.",
])
def test_digits_with_a_point_are_not_a_time_of_day(text):
    from assistant.sentences import filler_matches

    found = [m.group() for m in filler_matches("time", text)]
    assert not any("." in f for f in found), found


def test_answer_slots_are_the_words_questions_are_read_in():
    from assistant.sentences import answer_slots
    from assistant.text import stem, words

    text = "The second-hand kiln\u2019s co-authors, Zo\u00eb and Dr. O'Neil, met at 9:30 in S\u00e3o Paulo."
    slots = answer_slots(text)
    assert slots.stems == tuple(stem(w) for w in words(text))
    assert [slots.stems[k] for k in slots.fillers["clock"]] == ["9", "30"]
    assert "paulo" in [slots.stems[k] for k in slots.capitals]


@pytest.mark.parametrize("text", [
    '"Nothing dramatic happens on any one day," Brenner-Haas said.',
    "Kewley said the side had been told to keep the ball on the ground.",
    '"We stayed calm," said Kewley.',
    "According to Pellegrin, the group is now planning a larger trial.",
])
def test_a_quotes_speaker_named_by_surname_alone_is_a_person(text):
    assert sentence_flags(text, POST)["person"]


@pytest.mark.parametrize("text", ['"Fine," she said.', "He said it was fine.", "It said nothing.",
                                  "The council said no."])
def test_a_pronoun_or_a_body_before_said_is_no_person(text):
    assert not sentence_flags(text, POST)["person"]


@pytest.mark.parametrize(
    "text, forms",
    [
        ("For press enquiries, telephone 01632 960 418, email press@example.gov.uk.",
         {"phone", "email", "web"}),
        ("Ring the office on (555) 123-4567.", {"phone"}),
        ("The booking form is at brindlewick.org.uk/book and opens on Monday.", {"web"}),
        ("See https://example.org/timetable for times.", {"web"}),
        # counts, years and scores are no phone number; a file name is no web address
        ("The survey had 6,412 replies from 1995 to 2015, and the score was 2-1.", set()),
        ("Send the report.pdf to the committee.", set()),
    ],
)
def test_a_sentence_holds_an_address_or_number_to_get_in_touch(text, forms):
    flags = sentence_flags(text, POST)
    assert {f for f in ("email", "phone", "web") if flags[f]} == forms
    assert flags["contact"] is bool(forms)


@pytest.mark.parametrize("text, clock", [
    ("On a calm evening, rake the leaves off the lawn.", True),
    ("The quiz starts at 7.30pm in the back bar.", True),
    ("We usually walk there in the morning.", True),
    # a part of the day that names a thing, not when something happens
    ("Cutting the early-morning bus would leave pupils stranded.", False),
    ("He chaired the Thursday evening sessions for a decade.", False),
])
def test_a_part_of_the_day_said_of_a_thing_is_no_time_of_day(text, clock):
    assert states_clock(text) is clock


@pytest.mark.parametrize("text, loose, exact", [
    ("The doors open at 7.30 and the film starts at eight.", True, True),
    ("We met on a calm Tuesday evening by the harbour.", True, False),
    ("The late-afternoon sailing was cancelled.", False, False),
    ("Litter pickers meet at noon outside the hall.", True, True),
])
def test_a_time_by_the_clock_is_told_from_a_part_of_the_day(text, loose, exact):
    assert states_clock(text) is loose
    assert states_clock_time(text) is exact


def test_a_papers_authors_are_people_by_their_initials():
    paper = Source(id="p1", kind="post", label="Post", text="",
                   author="Wen Oduya, Petra Lund-Moss and Aled Ferris")
    assert sentence_flags("AF ran the soil cores through the sequencer.", paper)[PERSON]
    assert sentence_flags("WO and PL-M wrote the first draft.", paper)[PERSON]
    # capitals that are no author's initials, or on a page by no one named
    assert not sentence_flags("DNA from each core was sequenced.", paper)[PERSON]
    assert not sentence_flags("AF ran the soil cores through the sequencer.", POST)[PERSON]


@pytest.mark.parametrize(
    "text, dimension, holds",
    [
        # a height beside a word for one, or a bare length in a sentence of no distances
        ("The old mast rises to 96 metres above the moor.", "height", True),
        ("The chimney is 40 m.", "height", True),
        ("Divers found the hull in about eight metres of water.", "height", True),
        ("The village sits 250 m above sea level.", "height", True),
        # a length along the ground is no height
        ("The causeway is three kilometres of shingle, and at its end stand two old cairns.",
         "height", False),
        ("The canal reaches Upton, 14 miles from the basin.", "height", False),
        ("The lock, 2 kilometres below the town, was rebuilt.", "height", False),
        ("Walkers like the 9-kilometre loop around the lake.", "height", False),
        ("Distances: Lake Loop 9 km; Cairn Walk 4 km.", "height", False),
        # a breadth only beside a word for one
        ("The heron is a tall grey bird of about 90 cm.", "breadth", False),
        ("Its wings span nearly two metres.", "breadth", True),
        ("The channel is 20 metres wide at the bridge.", "breadth", True),
    ],
)
def test_a_length_of_the_dimension_asked(text, dimension, holds):
    assert states_length_in(text, dimension) is holds


def test_a_post_beside_a_name_is_read_with_or_without_an_article():
    from assistant.sentences import apposed_people

    assert apposed_people("Dr Ann Roe, the tree officer at the council, said no.") == [
        ("Dr Ann Roe", "the tree officer")]
    assert apposed_people("Ines Varga, fundraising manager for the trust, led the tour.") == [
        ("Ines Varga", "fundraising manager")]
    # a list of names, or a clause after a name, gives no post
    assert apposed_people("Ines Varga, Tom Walker and Ann Roe came.") == []
    assert apposed_people("Ines Varga, however, runs the cafe.") == []


def test_a_day_of_the_week_is_no_persons_name():
    from assistant.sentences import names_new_person, person_names

    assert person_names("On Saturday, the band played in the square.") == []
    assert not names_new_person("On Saturday, the band played in the square.",
                                frozenset({"who", "plays", "drums"}))
    assert person_names("On Saturday, Mira Holt played the drums.") == ["Mira Holt"]
    # a day opening a run of capitals leaves the name after it
    assert person_names("On Tuesday Ben Odell found the key.") == ["Ben Odell"]
    assert person_names("It rained, and last Tuesday Ben Odell found the key.") == ["Ben Odell"]


def test_a_sentences_fillers_are_read_once_and_handed_out_as_a_fresh_list():
    """``filler_matches`` keeps what it read of a sentence (for the next question), and each
    caller gets its own list: changing one leaves the next caller's as it was."""
    from assistant.query import TIME
    from assistant.sentences import filler_matches, states_new, tells_when

    text = "The ferry left on 4 May 2021 at 6pm and came back three days later."
    first = filler_matches(TIME, text)
    spans = [m.span() for m in first]
    first.clear()
    assert [m.span() for m in filler_matches(TIME, text)] == spans and spans
    assert tells_when(text) and tells_when(text)
    asked = frozenset({"when", "did", "the", "ferry", "leave", "in", "may"})
    assert states_new(TIME, text, "When did the ferry leave in May?", asked)
    assert not states_new(TIME, "It left in May.", "When did the ferry leave in May?", asked)


@pytest.mark.parametrize(("question", "role"), [
    ("Where does the Saturday ride start from?", "from"),
    ("Where do the swifts come from?", "from"),
    ("Where did the sponsored swim finish?", "to"),
    ("Where can I send my entry form?", "to"),
    ("Where is the play set?", "at"),
    ("Where are the spare buses stored?", "at"),
])
def test_a_where_question_asks_where_a_thing_starts_ends_or_is(question, role):
    from assistant.sentences import where_role

    assert where_role(question) == role


def test_a_place_is_named_in_the_role_asked():
    from assistant.sentences import places_in_role

    given = {"where", "does", "the", "saturday", "ride", "start", "from"}
    # a name that places nothing, or a place only reached on the way, says not where it starts
    assert places_in_role("The captain, Orla, keeps the pace gentle.", given, "from") == 0
    assert places_in_role("An easy spin along the canal to Ferry Lock.", given, "from") == 0
    # a place after a preposition of the role; plainly, after a word of starting
    assert places_in_role("Coffee is in the back room of the Crown Hotel.", given, "from") == 1
    assert places_in_role("Riders meet 9am at the Crown Hotel, Dunby.", given, "from") == 2
    # where it ends: after a word of ending; a month is no place
    given = {"where", "did", "the", "ride", "finish"}
    assert places_in_role("We rolled back into Dunby at the Crown Hotel.", given, "to") == 2
    assert places_in_role("We were home in March.", given, "to") == 0
    # where a thing is: after a word of keeping, or the question's own verb right before it
    given = {"where", "are", "the", "spare", "buses", "stored"}
    assert places_in_role("Two of them are parked at the Holm Road garage.", given, "at") == 2
    assert places_in_role("The rest were stored at Fenby.", given, "at",
                          frozenset({"store"})) == 2
    assert places_in_role("I saw one of them in Leeds.", given, "at") == 1


@pytest.mark.parametrize("text, told", [
    ("It takes me 34 minutes door to door.", True),
    ("A charge lasted perhaps three to four hours.", True),
    ("Most groups meet over four or five Saturdays.", True),
    ("It is a 35-minute crossing.", True),
    ("The boat is hired for a week at a time.", True),
    # a rate, a difference, a point in time, another thing's length
    ("The ferry will run four crossings a day.", False),
    ("In rough weather it takes a few minutes longer.", False),
    ("The pier was rebuilt two years ago.", False),
    ("The crew staged a 12-hour walkout.", False),
])
def test_a_length_of_time_a_thing_takes(text, told):
    assert states_duration_of(text, frozenset({"cross", "long", "take"})) is told


def test_raises_reads_the_questions_wh_word_once_and_gives_the_same_verdicts():
    """``raises`` keeps what it reads of the question (its wh-word and, for "how many", the
    thing counted) once per question: the verdicts on each sentence stay as they were, read
    first or again, and a question of no wh-word raises nothing."""
    from assistant.sentences import _asked_wh, raises
    from assistant.text import terms

    question = "How many ewes were sold at the autumn mart?"
    own = frozenset(terms(question))
    assert _asked_wh(question) == ("how many", frozenset({"ewe"}))
    assert _asked_wh("Is the mart open?") is None
    for _ in range(2):
        assert raises("I'd like to know how many ewes were sold in the end.", question, own)
        assert not raises("I'd like to know how many lambs went under the hammer.", question, own)
        assert not raises("They sold 120 ewes at the autumn mart.", question, own)
        assert not raises("I wonder how many ewes were sold.", "Is the mart open?", own)


def test_the_number_a_question_tells_of_its_own_case():
    assert case_number("my son is 9 and wants to join the junior swim squad, can he") == (9.0, None)
    assert case_number("our parcel is 3 kg, does it go first class?") == (3.0, "kg")
    assert case_number("we are a party of twelve, do we have to book?") == (12.0, None)
    # a bound of the question's own, a year, a time of day or two numbers: none
    assert case_number("Can under 16s swim without an adult?") is None
    assert case_number("Can 16 and overs swim alone?") is None
    assert case_number("what changed in 2021?") is None
    assert case_number("is the pool open at 7 on Sundays?") is None
    assert case_number("my twins are 9 and my eldest is 14, can they all swim?") is None
    # a number the question asks about is no fact of the asker's case
    assert case_number("How many of the 12 swimmers were under 10?") is None
    assert case_number("our dog, 9 years old, can he come in?") == (9.0, "year")


@pytest.mark.parametrize(
    "text, value, unit, met",
    [
        ("Swimmers under 10 must have an adult in the water with them.", 9, None, True),
        ("Swimmers aged 10 and over may swim on their own.", 9, None, False),
        ("Swimmers aged 10 and over may swim on their own.", 10, None, True),
        ("Children 4 and under swim free.", 9, None, False),
        ("The slide is open to those 8+ only.", 9, None, True),
        ("Parcels of more than 2 kg go by courier.", 3, "kg", True),
        ("Parcels of up to 2 kg go first class.", 3, "kg", False),
        # a bound in another unit, or none at all, says nothing of it
        ("Parcels of up to 2 metres long go first class.", 3, "kg", None),
        ("The pool has 6 lanes and a 25-metre slide.", 9, None, None),
    ],
)
def test_whether_a_number_meets_the_condition_a_sentence_sets(text, value, unit, met):
    assert meets_bound(text, value, unit) is met


def test_a_quantity_asked_per_unit_of_time_and_a_sentence_that_states_one():
    assert rate_asked("kayaks per month") == "month"
    assert rate_asked("How many ferries an hour leave at peak?") == "hour"
    assert rate_asked("How many years ago did the pool open?") is None
    assert rate_asked("How many came a day later?") is None
    assert states_rate("We hire out nine or ten a month in winter.", "month")
    assert states_rate("Membership is $30 annually.", "year")
    assert not states_rate("Each kayak takes about 40 hours to build.", "month")
    assert not states_rate("The club has run for three months.", "month")
    # a frequency, per any unit of time or in hertz
    assert rate_asked("buzzer frequency?") == "any"
    assert states_rate("It pulses about 40 times a minute.", "any")
    assert states_rate("The hum sits near 50 Hz.", "any")
    assert not states_rate("The buzzer is 3 cm wide.", "any")


# A choice offered after a comma: the article that says neither option cannot tell which.
@pytest.mark.parametrize(("question", "choice"), [
    ("How is the vaccine given, by injection or nasal spray?", (("inject",), ("nasal", "spray"))),
    ("Which came first, the ferry or the bridge?", (("ferri",), ("bridg",))),
    # no choice of a thing, or none after a comma
    ("Is the spray safe for children, or not?", None),
    ("Did they walk or cycle?", None),
])
def test_the_choice_a_question_offers(question, choice):
    from assistant.sentences import choice_asked

    assert choice_asked(question) == choice


_SPRAY = [
    Source("title", "title", "Title", "A vaccine for hay fever?", None, None),
    Source("post-1", "post", "Post, paragraph 1",
           "Doctors in Verlow are testing a vaccine against hay fever on ninety volunteers.",
           None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "The vaccine is given three times over a winter, well before the pollen season.",
           None, None),
]


def test_a_choice_neither_option_of_which_the_article_says_is_declined(settings, fake_embedder):
    from assistant import Assistant

    a = Assistant.from_sources(_SPRAY, settings, embedder=fake_embedder)
    got = a.ask("How is the vaccine given, by injection or nasal spray?")
    assert got.abstained and "neither of the choices" in (got.reason or "")


def test_a_choice_one_option_of_which_the_article_says_is_not_declined_by_it(settings,
                                                                             fake_embedder):
    from assistant import Assistant

    page = [*_SPRAY[:2], Source("post-2", "post", "Post, paragraph 2",
                                "The vaccine is given as an injection three times over a winter.",
                                None, None)]
    a = Assistant.from_sources(page, settings, embedder=fake_embedder)
    got = a.ask("How is the vaccine given, by injection or nasal spray?")
    assert "neither of the choices" not in (got.reason or "")


@pytest.mark.parametrize("text, cause", [
    ("The colder the air outside, the harder the fan has to spin.", True),
    ("Because the shed faces north, the paint dries slowly.", True),
    ("The hinge was stiff, so the lid never closed properly.", True),
    # a clause after a colon gives a reason to ``REASON_FORM``, and may as well define a word
    ("Bakers rate a starter by its rise, or lift: the height gained in four hours of proving.",
     False),
])
def test_a_cause_in_so_many_words_is_told_apart_from_a_clause_after_a_colon(text, cause):
    assert REASON_FORM.search(text)
    assert bool(CAUSE_LINK.search(text)) is cause


@pytest.mark.parametrize("text, orders", [
    ("Soak the filter overnight, then rinse it under a cold tap.", True),
    ("3. Fold the sheet in half and press along the crease.", True),
    ("Then gently lift the lid off.", True),
    ("If the light keeps flashing, unplug the base for a minute.", True),
    ("This is normal; wipe the spout with a damp cloth.", True),
    ('"Re-tighten them every spring and the gate will last."', True),
    ("You book a slot online, we send you a code, and you show it at the gate.", True),
    ("Brenda gave the filter a rinse.", False),
    ("Volunteers rinse the cups after each session.", False),
    ("Most kettles last about five years.", False),
    ("In the summer the hall is busy.", False),
    ("We all met at the gate.", False),
])
def test_a_sentence_telling_what_to_do(text, orders):
    assert bool(TELLS_STEPS.search(text)) is orders


def _written(*phrases: str):
    """The ``written`` of ``value_of_other_variant``: the article names these variants."""
    from assistant.text import stem, words

    known = {(frozenset(stem(w) for w in words(p)[:-1]), stem(words(p)[-1])) for p in phrases}
    return lambda mods, noun: (mods, noun) in known


@pytest.mark.parametrize(("question", "text", "written"), [
    # the noun asked with words of its own, where the page names the variant asked elsewhere
    ("How long does a loaf take on the rapid setting?",
     "A white loaf takes about three hours on the basic setting, so I start it after lunch.",
     ("rapid setting",)),
    # another number with the noun asked
    ("How long does the dough take to prove at 24 degrees?",
     "At 30 degrees the dough proves in an hour, but it needs nearly two at 18 degrees.", ()),
    ("How long does the dough take to prove at twenty degrees?",
     "At 30 degrees the dough proves in an hour.", ()),
    # the variant asked in a clause of its own with no value, after the same preposition
    ("How much does a loaf cost in a large tin?",
     "A loaf costs about 40p in a small tin, a little more in a large tin.", ()),
])
def test_a_value_given_for_another_variant_than_the_one_asked(question, text, written):
    assert value_of_other_variant(question, text, _written(*written))


@pytest.mark.parametrize(("question", "text", "written"), [
    ("How long does a loaf take on the rapid setting?",
     "On the rapid setting a white loaf takes 80 minutes, though it rises less.", ("rapid setting",)),
    # a variant the page never names: the sentence's words may name the same thing
    ("How long does a loaf take on the quick setting?",
     "On the express setting a white loaf takes 80 minutes.", ()),
    ("How far does it go on one charge?", "It managed 40 km on a single charge.", ()),
    # the number asked, in figures or in words
    ("How long does the dough take to prove at twenty degrees?",
     "At 20 degrees the dough proves in an hour.", ()),
    ("How long does the dough take to prove at 1,500 metres?",
     "At 1500 metres the dough proves in two hours.", ()),
    # a range or a list of numbers may hold the one asked
    ("How long does the dough take to prove at 20 degrees?",
     "Between 18 and 22 degrees the dough proves in about an hour.", ()),
    ("How long does the dough take to prove at 20 degrees?",
     "At 18-22 degrees the dough proves in about an hour.", ()),
    # the variant asked given a value in words
    ("How much does a ticket cost for a child?", "Tickets are 5 pounds for an adult, free for a child.",
     ()),
    ("How much does a loaf cost in a large tin?",
     "A loaf costs about 40p in a small tin and 55p in a large tin.", ()),
    # no number at all: left to the model
    ("How long does a loaf take on the rapid setting?", "The basic setting takes longer.",
     ("rapid setting",)),
])
def test_a_value_given_for_the_variant_asked_or_one_that_may_be_it(question, text, written):
    assert not value_of_other_variant(question, text, _written(*written))


_OVEN = ["At 200 degrees the loaf bakes in 35 minutes.",
         "The steam leaves the vent at around 90 to 95 degrees.",
         "A village of 300 people shares the oven."]


def test_a_unit_the_page_gives_only_with_other_numbers_is_not_the_condition_asked():
    """"How long does the loaf bake at 180 degrees?" of a page giving 200 degrees (and a range
    of 90 to 95) only: it gives the time for another temperature."""
    assert numbered_otherwise("How long does the loaf bake at 180 degrees?", _OVEN)
    assert numbered_otherwise("How long does the dough rise at twenty degrees?", _OVEN)


@pytest.mark.parametrize("question", [
    "How long does the loaf bake at 200 degrees?",  # the number asked is there
    "How hot is the steam at ninety degrees?",  # in words
    "How hot is the steam at 92 degrees?",  # a range may hold it
    "How much does the oven cost for 2 people?",  # a count of people, not a unit
    "How long does the loaf bake at a high heat?",  # no number asked
])
def test_a_unit_the_page_may_give_with_the_number_asked(question):
    assert not numbered_otherwise(question, _OVEN)


def test_counts_group_is_a_count_given_as_a_groups_size():
    """"A party of nine from the walking club came": the number has no noun of its own and
    counts the group's members; "a group of 9 students" counts students, "the class of 2019"
    is a year."""
    assert counts_group("A party of nine from the walking club came at noon.")
    assert counts_group("We met a crowd of about 2,000, and the bar ran dry.")
    assert counts_group("A total of 40 were ringed on Monday.")
    assert not counts_group("A group of 9 students came at noon.")
    assert not counts_group("The class of 2019 met again in May.")
    assert not counts_group("The walk took nine hours.")

# Two one-word options ending a yes/no-shaped question: the same choice, without a comma.
@pytest.mark.parametrize(("question", "choice"), [
    ("Were they mostly men or women?", (("man",), ("woman",))),
    ("So is the hall heated by gas or oil?", (("gas",), ("oil",))),
    ("Is the spray safe for children or not?", None),
    ("Is the spray safe for children?", None),
    ("Is the ferry often cancelled or delayed?", None),  # whether either happens
    ("Which came first, the ferry or the bridge?", None),
])
def test_the_alternative_a_yes_no_shaped_question_offers(question, choice):
    from assistant.sentences import alternative_asked

    assert alternative_asked(question) == choice


def test_an_alternative_neither_option_of_which_the_article_says_is_declined(settings,
                                                                             fake_embedder):
    from assistant import Assistant

    a = Assistant.from_sources(_SPRAY, settings, embedder=fake_embedder)
    got = a.ask("Were the volunteers mostly men or women?")
    assert got.abstained and "neither of the choices" in (got.reason or "")
    page = [*_SPRAY, Source("post-3", "post", "Post, paragraph 3",
                            "Most of the volunteers were women in their thirties.", None, None)]
    got = Assistant.from_sources(page, settings, embedder=fake_embedder).ask(
        "Were the volunteers mostly men or women?")
    assert "neither of the choices" not in (got.reason or "")
