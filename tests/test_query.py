import pytest

from assistant.query import (
    NUMBER,
    PERSON,
    PLACE,
    TIME,
    answer_type,
    asks_orders,
    asks_why,
    kind_hints,
    make_query,
)


def test_answer_types_follow_the_form_of_the_question():
    assert answer_type("How many mice were studied?") == NUMBER
    assert answer_type("What dose should I take?") == NUMBER
    assert answer_type("When did Imre Laubscher post?") == TIME
    assert answer_type("Who led the review?") == PERSON
    assert answer_type("Which university is she at?") == PLACE
    assert answer_type("What is osteoporosis?") is None


@pytest.mark.parametrize("question", [
    "In which summers was the survey carried out?",
    "In which years did the ferry run?",
    "On what dates is the museum shut?",
    "Which months are best for planting garlic?",
    "In which winter did the lake freeze over?",
])
def test_asking_which_years_or_seasons_asks_when(question):
    assert answer_type(question) == TIME


@pytest.mark.parametrize(
    "question, kind",
    [
        # a "how much / how long" clause says what a "which NOUN" or "who" question is about
        ("Which vitamin helps decide how much calcium we absorb?", None),
        ("According to the study, which gene controls how long the cells live?", None),
        ("Who decides how many buses run on Sundays?", PERSON),
        ("Which volunteer asked how big the hives were?", PERSON),
        # ... but a second question asks on its own, and a measure is a number
        ("Who ran the shop, and how long did she keep it?", TIME),
        ("What limit is set on how much water each plot may use?", NUMBER),
        ("What did the mayor say about how often the bridge is checked?", NUMBER),
        ("How much did it cost, and which firm built it?", NUMBER),
        # a "how" or "why" question asks for the means or the reason, not the measure its
        # clause finds out
        ("How did the rangers work out how many deer had crossed the road?", None),
        ("Why did the baker ask how much flour was left?", None),
        ("How did the shed change, and how much did it cost?", NUMBER),
    ],
)
def test_a_how_clause_inside_a_question_is_not_what_it_asks(question, kind):
    assert answer_type(question) == kind


def test_follow_up_borrows_the_earlier_question():
    q = make_query("Which university is she at?", ["Who led the review on oxytocin and bone?"])
    assert q.follow_up and q.text.startswith("Who led the review")
    assert "review" in q.context_terms and "universiti" in q.terms


def test_standalone_question_ignores_history():
    q = make_query("What is osteoporosis?", ["Who led the review?"])
    assert not q.follow_up and q.text == "What is osteoporosis?"


@pytest.mark.parametrize("question", [
    "How do I get the longer one?",
    "Which one is cheaper to run?",
    "Is the new one any quieter?",
    "Where can I buy another one?",
])
def test_one_standing_for_a_thing_named_before_is_a_follow_up(question):
    q = make_query(question, ["What warranty comes with the blender?"])
    assert q.follow_up and q.text.startswith("What warranty comes with the blender?")


@pytest.mark.parametrize("question", [
    "Which one of the blenders is cheapest?",
    "How many blenders sold in one week?",
])
def test_one_that_names_its_thing_is_no_follow_up(question):
    assert not make_query(question, ["What warranty comes with the kettle?"]).follow_up


def test_max_history_zero_turns_history_off():
    q = make_query("Which university is she at?", ["Who led the review?"], max_history=0)
    assert not q.follow_up and q.text == "Which university is she at?"


def test_parts_of_the_page():
    assert kind_hints("What does the picture show?") == {"caption"}
    assert kind_hints("What is the DOI of the cited paper?") == {"reference"}
    assert "comment" in kind_hints("When did the reader comment?")
    assert "comment" in kind_hints("What did readers say about the price?")
    # readers the post speaks to are its audience, not its commenters
    assert "comment" not in kind_hints("Why should readers be cautious about the result?")
    assert "comment" not in kind_hints("Why does the blogger urge readers to be careful?")
    # nor is an expert the post quotes
    assert "comment" not in kind_hints("Which outside expert commented on the trial?")
    assert "comment" in kind_hints("Which reader commented on the trial?")
    # what the question is about reads the comment words the same way
    assert make_query("Which outside expert commented on the trial?").target is None
    assert make_query("Why should readers trust this post?").target == "post"
    assert make_query("Which reader commented on the trial?").target == "comment"
    assert make_query("Does vitamin D help?").yes_no_subject == "vitamin"
    assert make_query("Are there concerns about side effects?").yes_no_subject is None


@pytest.mark.parametrize(
    "question, subject, topic",
    [
        ("Does estrogen therapy prevent bone loss?", "estrogen", "estrogen"),
        ("Is the hormone safe for men?", "hormone", "hormone"),
        ("Does it work in humans?", "work", None),  # "work" is the verb: no topic to require
        ("Does this treatment help?", "treatment", None),
        ("Are there concerns about side effects?", None, None),
        # no one in particular: no subject the article must name
        ("Did anyone suggest loose tea?", "suggest", None),
        ("Is anything said about estrogen?", "said", None),
    ],
)
def test_yes_no_topic_is_the_plain_subject_only(question, subject, topic):
    q = make_query(question)
    assert (q.yes_no_subject, q.yes_no_topic) == (subject, topic)


@pytest.mark.parametrize(
    "question, kind, thing, verb",
    [
        ("How many grams of inulin did they take?", "number", ("grams",), ()),
        ("Who paid for the research?", "person", (), ("paid",)),
        ("Where does Nora Lindgren live?", "place", (), ("live",)),
        ("When did Josiah Penrose die?", "time", (), ("die",)),
        ("Which company made the first hub dynamo?", "place", ("company",), ()),
        ("What kind of fertiliser should I use?", None, ("fertiliser",), ()),
        ("What is the capital of Italy?", None, ("capital",), ()),
        ("How tall is the lighthouse?", "number", ("tall",), ()),
        ("What is the title of the post?", "title", (), ()),  # answered by the page's title
        ("Who wrote this post?", "person", (), ()),  # answered by the byline
        # A noun for people, as the head of its phrase, asks for a person; a count is not
        # what is asked.
        ("Which two board members voted against the ban?", "person", ("member",), ()),
        ("Which council member put the proposal forward?", "person", ("member",), ()),
        ("Which student is quoted in the column?", "person", ("student",), ()),
        ("Which member states signed?", "place", ("state",), ()),  # "member" modifies "states"
        ("Which student union building opened?", None, ("student",), ()),
        # ... nor past a preposition: advice is asked, not a volunteer
        ("What advice for volunteers did the coach give?", None, ("advice",), ()),
        # The thing asked after a copula: "what is the price of ...".
        ("What is the price of oxytocin?", "number", ("price",), ()),
        ("What was the total cost?", "number", ("cost",), ()),
        ("What is the average age of the participants?", "number", ("age",), ()),
        ("What was the date of the vote?", "time", ("vote",), ()),
        ("What is the role of oxytocin?", None, ("role",), ()),
        ("What is the replacement charge for a lost DVD?", "number", ("replacement",), ()),
        # Things known by a name, past modifiers, are asked for by name.
        ("Which middle school does Lionel Abernathy teach at?", "place", ("school",), ()),
        ("Which insurance company is it?", "place", ("company",), ()),
        ("Which supermarkets donate food to the fridge?", "place", ("supermarket",), ()),
        ("What were the names of the three textile mills?", "place", ("textile",), ()),
        ("What is the mayor's name?", "place", ("mayor",), ()),
        ("What was the storm that damaged the roof called?", "place", ("storm",), ()),
        ("What kind of school is it?", None, ("school",), ()),  # a kind, not a name
        ("What is this blog post called?", "title", (), ()),  # the page's title names it
        ("What is the city doing about it?", None, ("city",), ()),
        # The head of the noun phrase, past its modifiers, is the thing asked.
        ("What are the extended opening hours during the Welcome Back week?", None, ("hours",), ()),
        ("What is sleep efficiency?", None, ("efficiency",), ()),
        ("What is the most common reason a loaf ends up flat?", None, ("reason",), ()),
        ("What was the fibre supplement made of?", None, ("supplement",), ()),  # not "made"
        ("How much was she paid compared with a man?", "number", ("paid",), ()),
        ("What was his theory exactly?", None, ("theory",), ()),  # not the adverb
        ("What was in the fox poo without the lab?", None, ("poo",), ()),
    ],
)
def test_what_is_asked_follows_the_form_of_the_question(question, kind, thing, verb):
    q = make_query(question)
    assert (q.answer_type, q.focus, q.focus_verb) == (kind, thing, verb)


def test_who_wrote_and_when_published_follow_the_conversation():
    q = make_query("And who are its authors?", ["What is the DOI of the cited paper?"])
    assert q.author_of == "paper"  # the cited paper, not the post
    assert make_query("Who wrote this blog post?").author_of == "post"
    assert make_query("What year did the study come out?").published_of == "paper"
    assert make_query("In what year was it published?").year
    # "it" is the work last named, though the question just before names none
    later = make_query("what year did it come out",
                       ["Which journal published the review?", "Who were the authors?"])
    assert later.published_of == "paper"
    assert make_query("Who wrote it?", ["What is the post about?", "Is it long?"]).author_of == "post"
    # a page is posted, a cited work published: the review posted is the post
    assert make_query("When was the review posted?").published_of == "post"
    assert make_query("When was the review published?").published_of == "paper"
    assert make_query("When was the first comment posted?").published_of == "comment"
    # a forum thread's opening post is the post
    assert make_query("Who started the thread?").author_of == "post"
    # whom to write to is not who wrote
    assert make_query("Who do I write to?").author_of is None
    # an advice column's reply to the letter it prints is the column, not a reader's comment
    assert (make_query("Who wrote the reply to this letter?").author_of,
            make_query("Who wrote the reply to this letter?").target) == ("post", "post")
    assert make_query("Who replied to the letter?").target is None
    assert make_query("Who wrote the reply to Marcus?").author_of == "comment"
    # writing to someone is not writing the page
    assert make_query("Who is the councillor the poster is thinking of writing to?").author_of is None
    assert make_query("Who wrote to the council about the bins?").author_of is None
    assert make_query("Who should we write to about a refusal?").author_of is None
    assert make_query("Who was the original poster?").author_of == "post"


def test_which_year_of_a_thing_asks_its_how_manyth_not_a_date():
    # "its 12th year", "in her second year": no date answers
    for question in ("Which year of the regatta is this one?", "What year of the course is she in?"):
        q = make_query(question)
        assert q.answer_type != "time" and not q.year
    for question in ("Which year did the regatta begin?", "In what year was the boathouse built?"):
        assert make_query(question).answer_type == "time"


@pytest.mark.parametrize(
    "question, measure, counted",
    [
        ("How much does a ticket cost?", "money", ("ticket",)),
        ("How much was the daily fine for an overdue book?", "money", ("daily",)),
        ("What is the replacement charge for a lost DVD?", "money", ()),
        ("How much is a ticket from Stockholm to Berlin?", "money", ("ticket",)),
        ("How many fines were issued?", None, ("fines",)),  # a count, not an amount
        ("How old is Doris Albright?", "age", ()),
        ("What was the average age of the participants?", "age", ()),
        ("How tall is the Kellan Point lighthouse?", "length", ()),
        ("What percentage of women get osteoporosis?", "share", ("women",)),
        ("How often should I water it?", "frequency", ()),
        ("How far apart were the two nights in the lab?", "interval", ()),
        ("How far is the lab from the station?", "length", ()),
        # how hot or loud asks for a measure too
        ("How hot should the oven be?", "temperature", ()),
        ("How cold does the lake get in winter?", "temperature", ()),
        ("How loud is the pump, in decibels?", "loudness", ()),
        ("How many decibels did the mower reach?", "loudness", ()),
        ("How many rail operators provided the data?", None, ("rail", "operators")),
        # a plural ends the phrase counted; a verb follows it
        ("How many foxes live in the city?", None, ("foxes",)),
        ("How many people work there?", None, ("people",)),
        ("How many borrowers' accounts carried debts?", None, ("borrowers", "accounts")),
        ("How much honey does a hive produce?", None, ("honey",)),
        ("Who paid for the research?", None, ()),  # not a quantity
        # a unit counted says the measure, and what it measures follows "of"
        ("How many grams of inulin did they take each day?", "weight", ("inulin",)),
        ("How many miles has the chain done?", "length", ()),
        ("How many hours does a violin take?", None, ("hours",)),  # a count of hours
        # "how many" and a noun that is no measure counts, whatever measure the rest names
        ("On how many nights was the lamp at full height?", None, ("nights",)),
        ("How many goats are over the age of ten?", None, ("goats",)),
        ("How many percent of the ewes lambed?", "share", ("percent",)),
        # a measure asked by its unit or a noun for it: a power, a light's output, an energy, a
        # rate that is a percentage
        ("How many watts does the fan heater draw?", "power", ()),
        ("What wattage is the drill?", "power", ()),
        ("How many lumens does the head torch give?", "light", ()),
        ("How many calories are in one flapjack?", "energy", ()),
        ("How many kilowatt-hours does the dryer use?", "energy", ("kilowatt", "hours")),
        ("What interest rate does the credit union charge?", "share", ()),
        ("What was the survival rate of the planted oaks?", "share", ()),
        ("What was the birth rate in the valley?", None, ()),
        # a bill is an amount of money; so is an amount asked in a currency
        ("How much does one wash add to the electricity bill?", "money", ()),
        ("How much damage did the flood do, in pounds?", "money", ("damage",)),
        ("How much does the lamb weigh in pounds?", "weight", ("lamb", "weigh")),
        # what a payer pays for is priced, not the payer
        ("How much did Rosalind Achebe pay for her heat pump?", "money", ("heat", "pump")),
        ("How much did the district pay for the pouches?", "money", ("pouches",)),
        ("How much does a pipe repair cost if I pay for it myself?", "money", ("pipe", "repair")),
        # what one does at a cost is priced: "cost to hire", "cost a family to be members"
        ("How much does it cost to hire a kayak at the lake?", "money", ("hire",)),
        ("How much will it cost a family to be members of the lido?", "money", ("members",)),
        ("How much is it costing to rebuild the pier?", "money", ("rebuild",)),
        # "What did X cost?" prices X, as "How much did X cost?" does
        ("What did the old ferry cost?", "money", ("old", "ferry")),
        ("What does it cost?", "money", ()),
    ],
)
def test_a_quantity_question_says_what_it_measures_or_counts(question, measure, counted):
    q = make_query(question)
    assert (q.measure, q.counted) == (measure, counted)


def test_who_took_a_photo_asks_for_its_credit():
    assert make_query("Who took the photo of the sleeper train?").credit
    assert make_query("Who is the picture by?").credit
    assert not make_query("Who is in the photo?").credit
    assert not make_query("Who made the decision?").credit


@pytest.mark.parametrize(
    "question, entity",
    [
        ("Which middle school does Lionel Abernathy teach at?", "school"),
        ("Which tea brands were tested?", "brand"),
        ("What other cities have done away with fines?", "city"),
        ("What is the name of Owen Price's bakery?", "bakery"),
        ("Which council does the tree officer work for?", "council"),
        ("Which make of lawnmower did he buy?", "make"),
        ("Which reservoirs does the walk pass?", "reservoir"),
        # a maker's name, not the verb; a committee is named in lower case ("the finance
        # committee"), and a group of things is no name
        ("What things make up the crust?", None),
        ("Which committee does she chair?", None),
        ("Which student is quoted?", None),  # a person, not a named thing
        # a noun past a preposition is not the one asked: a change, not a school
        ("What change to school hours do the parents want?", None),
        ("Where does she work?", None),  # a place, but of no kind said
    ],
)
def test_which_kind_of_named_thing_is_asked_for(question, entity):
    assert make_query(question).entity == entity


def test_a_persons_name_is_asked_by_a_noun_for_them():
    from assistant.query import person_named

    assert person_named("What's the councillor's name?")
    assert person_named("What's the name of the police officer she spoke to?")
    assert person_named("What was the ferryman called?") is False  # not a noun for people listed
    assert person_named("What was the farmer called?")
    assert not person_named("What is her dog's name?")
    assert not person_named("What is the name of the doctor's surgery?")


def test_what_someone_does_for_a_living_is_a_kind_of_answer():
    assert make_query("What does Nadia Kowalczyk do for a living?").answer_type == "role"
    assert make_query("What's her job?").answer_type == "role"
    assert make_query("What does the ferryman do to earn a living now?").answer_type == "role"
    assert make_query("How does Tove make her living?").answer_type == "role"
    assert make_query("What does he do for work?").answer_type == "role"
    assert make_query("How long has she held the job?").answer_type == "time"
    assert make_query("What does the gene do?").answer_type is None


@pytest.mark.parametrize(
    "question, kind",
    [
        # "what did the people ... die of": the people are the subject, not the answer
        ("What did the people buried at the site die of?", None),
        ("What did the researchers find?", None),
        ("Which council member voted against it?", PERSON),
        ("What two people signed the letter?", PERSON),
        # a measure noun after one modifier still asks for a number
        ("What room temperature does the dough need?", NUMBER),
        ("What ticket price did they set?", NUMBER),
    ],
)
def test_the_noun_after_what_is_the_thing_asked_only_when_it_follows_it(question, kind):
    assert make_query(question).answer_type == kind


def test_how_many_of_the_counts_the_noun_after_it():
    assert make_query("How many of the patients were women?").counted == ("patients",)


def test_whose_things_are_counted_is_no_part_of_what_is_counted():
    """"How many of the vet's patients ...?" counts patients; the vet holds them."""
    assert make_query("How many of the vet's patients were dogs?").counted == ("patients",)
    assert make_query("How many of Mrs Okoro's pupils passed?").counted == ("pupils",)
    assert make_query("How many of the club's other boats need repair?").counted == ("boats",)
    # a plural possessive still names the thing counted with it
    assert make_query("How many members' allotments flooded?").counted == ("members", "allotments")


def test_a_word_telling_the_things_counted_apart_is_not_what_is_counted():
    """"How many different birds ...?" counts birds; "how many different kinds of beetle" counts
    kinds, as "how many kinds of beetle" does (no noun of its own)."""
    assert make_query("How many different birds came to the feeder?").counted == ("birds",)
    assert make_query("How many separate visits did the inspector make?").counted == ("visits",)
    assert make_query("How many different kinds of beetle live in the log?").counted == \
        make_query("How many kinds of beetle live in the log?").counted


@pytest.mark.parametrize(
    "question, target",
    [
        ("When was this published?", "post"),
        ("When was this?", "post"),
        ("When was the article written?", "post"),
        ("What year did the study come out?", "paper"),
        # what day the page is from: a live blog's coverage, its updates
        ("What date is this live coverage from?", "post"),
        ("What day are these updates from?", "post"),
        ("What date is this post from?", "post"),
        # about something the page tells, not about the page
        ("What year is this painting from?", None),
        ("When was the bridge built?", None),
        ("When was the site excavated?", None),
        ("In what year did she take it over?", None),
        ("What was the date of the vote?", None),
        # a thing the page tells of appears or comes out; the page, or a work it cites, is
        # what "it" or a page's noun names
        ("When did the notice about the closure appear?", None),
        ("When did the first swifts appear?", None),
        ("When did it appear?", "post"),
        ("When did this episode come out?", "post"),
        ("What year did the paper appear?", "paper"),
        ("When did the recipe first appear in print?", "post"),  # to appear in print: published
        # a thing by its name or number, with or without a determiner
        ("When did quillmark v3.2 actually come out?", None),
        ("When did Borrowdale Tea first come out?", None),
        ("When did this come out?", "post"),
    ],
)
def test_when_published_asks_about_the_page_only(question, target):
    assert make_query(question).published_of == target


def test_when_did_a_pronoun_do_something_asks_about_the_verb():
    assert make_query("When did they automate the lighthouse?").focus_verb == ("automate",)
    assert make_query("When was the museum founded?").focus_verb == ("founded",)


@pytest.mark.parametrize(
    "question, verb",
    [
        # the participle, not the noun after it
        ("When were the survey results announced at the school gate?", "announced"),
        ("When was the bridge's foundation last inspected before the January floods?", "inspected"),
        ("When were the communal troughs switched back on?", "switched"),
        ("When will the drug be approved for use in children?", "approved"),
        # what starts or stops
        ("When did the library first start charging late fees?", "charging"),
        ("When might demand stop growing, according to the authors?", "growing"),
        # a participle that is not the clause asked about
        ("When did the storm that breached the wall hit?", "hit"),  # a relative clause
        ("When is the new ferry now expected to arrive?", "arrive"),  # leads to a verb
        ("Where does most of the donated food come from?", "food"),  # an adjective
        ("When did Josiah Penrose die?", "die"),  # no form to show: the last word
        # an -ing form after a copula's subject, not the noun after it
        ("Where are the walkers gathering after the ceremony?", "gathering"),
        ("When were the volunteers arriving at the hall?", "arriving"),
        # the clause asked about ends at a comma
        ("Where are the spare buses parked, according to the driver?", "parked"),
        ("When was the pier sold, as the harbourmaster remembers it?", "sold"),
    ],
)
def test_a_when_question_asks_about_the_verb_its_form_shows(question, verb):
    assert make_query(question).focus_verb == (verb,)


@pytest.mark.parametrize(
    "question, focus, verb",
    [
        # "In which country ...?" asks where a deed was done, as "Where ...?" does: the place
        # of another deed ("shipped from our depot in Corley") is no answer
        ("In which country are Tamsin lamps assembled?", ("country",), ("assembled",)),
        ("In which town was the Pellow film shot?", ("town",), ("shot",)),
        ("Which county were the trial plots sown in?", ("county",), ()),  # not at the end
        ("Which city is the Brantwick firm based in?", ("city",), ()),
        ("Which company makes the lamps?", ("company",), ()),  # not a place
    ],
)
def test_a_place_kind_asked_keeps_the_deed_it_was_the_place_of(question, focus, verb):
    q = make_query(question)
    assert (q.focus, q.focus_verb) == (focus, verb)


@pytest.mark.parametrize(
    "question, verb",
    [
        ("Who is leading the funeral service?", ("leading",)),
        ("Who was the technician who scored the memory test?", ("scored",)),
        ("Who was the other member who voted against the plan?", ("voted",)),
        ("Who is Callum Rennick?", ()),  # who someone is: no verb asked
        ("Who was the first keeper?", ()),
        # "who's" is "who is"
        ("Who's leading the hedge-laying day on 3 March?", ("leading",)),
        ("Who\u2019s running the raffle?", ("running",)),
        ("Who's the treasurer?", ()),
    ],
)
def test_who_is_asks_about_a_verb_only_when_it_asks_who_does_something(question, verb):
    assert make_query(question).focus_verb == verb


def test_a_measure_after_two_modifiers_asks_for_a_number():
    q = make_query("What is the maximum rider weight for the Skylark F2?")
    assert (q.answer_type, q.measure) == ("number", "weight")


@pytest.mark.parametrize(
    "question, naming, kind",
    [
        ("What is the name of the author's dog?", True, PLACE),
        ("What was the storm called?", True, PLACE),
        ("What is the name of the author?", False, PERSON),  # who wrote it
        ("What is the cited paper called?", False, "title"),
        ("Which school does she teach at?", False, PLACE),  # a named thing of a kind
    ],
)
def test_asking_what_something_is_called(question, naming, kind):
    q = make_query(question)
    assert (q.naming, q.answer_type) == (naming, kind)


def test_the_title_of_a_cited_work_names_no_title_of_the_page():
    assert "title" not in kind_hints("What is the title of the study the post cites?")
    assert "title" in kind_hints("What is the title of the post?")
    assert "title" in kind_hints("What is the headline?")


@pytest.mark.parametrize(
    "question, kind, page_title",
    [
        ("What was Isobel's official title?", "role", False),
        ("What is her job title?", "role", False),
        ("What is the post's title?", "title", True),
        ("What is the title of the post?", "title", True),
    ],
)
def test_a_persons_title_is_what_they_do_not_the_headline(question, kind, page_title):
    assert make_query(question).answer_type == kind
    assert ("title" in kind_hints(question)) == page_title


@pytest.mark.parametrize(
    "question, written",
    [
        ("When did Priya Raman comment?", True),
        ("When did Marcus post his reply?", True),
        ("What date did she write that?", True),
        # an answer's date on a page of questions and answers
        ("On what date did Ferncliff Support answer the question about the lid?", True),
        ("When was Ida Marr's question answered?", True),
        # what a commenter tells about, not when they wrote
        ("How long has Priya Raman owned her print shop?", False),
        ("When did Priya switch to a four-day week?", False),
        ("How long after the post did he reply?", False),
    ],
)
def test_when_written_asks_after_the_act_of_writing(question, written):
    assert make_query(question).when_written == written


def test_a_things_title_is_not_a_persons():
    assert make_query("What is the exhibition's title?").answer_type == "title"


@pytest.mark.parametrize(("question", "history", "expected"), [
    ("What did he propose?", ["Who answered Paul's comment?"], True),
    ("Which university is she at?", ["Who led the review?"], True),
    ("When did he post that?", ["Who asked about feeding birds bread?"], True),
    # the earlier question names its person already: the context has the name
    ("What did he tell readers?", ["Who is Anders Kvalheim?"], False),
    ("What did she say?", ["Who is Dr. Ilse Brandvold?"], False),
    # a place the earlier question names is no person it asks about
    ("How old is he?", ["Who is the harbour master at Porthkennack?"], True),
    # the follow-up names its own person
    ("What did Paul say?", ["Who answered the comment?"], False),
    # the earlier question does not ask for a person
    ("Where was it published?", ["What year did the review come out?"], False),
    ("What is osteoporosis?", ["Who led the review?"], False),  # not a follow-up
    ("Which university is she at?", [], False),
])
def test_a_follow_up_to_a_who_question_asks_after_its_answer(question, history, expected):
    from assistant.query import asks_after_person

    assert asks_after_person(question, history) is expected


@pytest.mark.parametrize(("question", "history", "expected"), [
    ("What did he propose?", ["Who answered Paul's comment?"], 0),
    # the same "she" two questions on is still the person the "who ...?" question asked for
    ("When did she take it over?", ["Who runs the mill café?", "Which town is she from?"], 0),
    ("When did she take it over?", ["Who ran the quiz?", "Where was the quiz?", "What won?"], None),
    # another pronoun, or a person named, is someone else
    ("When did he take it over?", ["Who runs the mill café?", "Which town is she from?"], None),
    ("When did Nia take it over?", ["Who runs the mill café?", "Which town is she from?"], None),
    ("When did she take it over?", ["Who is Nia Rowe?", "Which town is she from?"], None),
])
def test_the_earlier_question_a_follow_ups_person_answers(question, history, expected):
    from assistant.query import person_question

    assert person_question(question, history) == expected


def test_the_person_answered_joins_a_follow_up():
    q = make_query("What did he propose?", ["Who answered Paul's comment?"], referent="Tomasz Wrona")
    assert q.text == "Who answered Paul's comment? What did he propose? (Tomasz Wrona)"
    assert {"tomasz", "wrona"} <= q.names
    # "words" name the people the question itself asks about: "he" answered, he did not ask
    assert not {"tomasz", "wrona"} & q.words
    assert "wrona" in q.context_terms and q.terms == ("propos",)
    assert q.answer_type is None and q.follow_up
    # a question that is not a follow-up has no referent
    assert make_query("What is osteoporosis?", ["Who led it?"], referent="Ann Lee").text == (
        "What is osteoporosis?")


@pytest.mark.parametrize(("question", "target"), [
    ("What is the title of the research article the post is based on?", "paper"),
    ("Who wrote the scientific article?", "paper"),
    ("What is the title of the article?", "post"),
])
def test_a_research_article_is_the_cited_work(question, target):
    q = make_query(question)
    assert q.target == target
    assert ("title" in q.kinds) is (target == "post")


def test_with_the_person_known_the_earlier_questions_people_step_aside():
    q = make_query("What did he propose?", ["Who answered Paul's comment?"], referent="Tomasz Wrona")
    assert "paul" not in q.words and "paul" not in q.names
    q = make_query("What did he propose?", ["Who answered Paul's comment?"])
    assert "paul" in q.words


@pytest.mark.parametrize(
    "question, kind, measure",
    [
        # a question typed as keywords names what it measures last
        ("skylark weight??", NUMBER, "weight"),
        ("smart meter cost??", NUMBER, "money"),
        ("gutter length?", NUMBER, "length"),
        # a size noun asks for a quantity like "height" does
        ("What is the wingspan of a fieldfare?", NUMBER, "length"),
        ("What was the average weight of the foxes?", NUMBER, "weight"),
        # ... but not when the question asks something else about it
        ("Who paid the cost?", PERSON, None),
        ("Was there a weight limit on the bridge?", None, None),
        ("rubber glove??", None, None),
        ("Which area does she represent?", None, None),
        # a measure asked by "what" without "how much / how many"
        ("What reading did the gauge show?", NUMBER, None),
        ("What is the capacity of the new stand?", NUMBER, "capacity"),
        ("What is the population of the valley town?", NUMBER, "population"),
        ("What share of the population voted?", NUMBER, "share"),
        ("What's the scooter's range?", NUMBER, None),
        ("What range does the van get on a full charge?", NUMBER, None),
        ("What was the speed limit on the lane?", NUMBER, "speed"),
        ("What did the earlier edition cost?", NUMBER, "money"),
        ("What would it cost to mend the roof?", NUMBER, "money"),
        # ... not a range of things, nor a speed that names a kind of gear
        ("What range of sizes does the shop stock?", None, None),
        ("What speed of cassette does she use?", NUMBER, None),
    ],
)
def test_a_size_or_a_keyword_measure_asks_for_a_quantity(question, kind, measure):
    from assistant.query import measure_asked

    assert (answer_type(question), measure_asked(question)) == (kind, measure)


@pytest.mark.parametrize(
    "question, measure",
    [
        # a thing itself asked "how much" is asked its price
        ("How much is this lamp?", "money"),
        ("How much are tickets for the quiz night?", "money"),
        ("How much was the bike I saw in the window?", "money"),
        # ... not a change, a part or what is left, nor a thing done to something
        ("How much is the increase?", None),
        ("How much was left?", None),
        ("How much is known about the builder?", None),
        ("How much is the pond water used for?", None),
        # money got back, or a word for money coming in, is an amount of money
        ("How much did Ann get back from the insurer?", "money"),
        ("How much revenue did the fair bring the village?", "money"),
    ],
)
def test_how_much_a_thing_is_asks_its_price(question, measure):
    from assistant.query import measure_asked

    assert measure_asked(question) == measure


def test_a_word_for_money_coming_in_is_no_thing_priced():
    """"How much revenue did the fair bring?": the revenue is the amount, not a thing whose
    price a sentence must name."""
    from assistant.query import counted_words

    assert counted_words("How much revenue did the fair bring the village?") == ()
    assert counted_words("How much is this lamp?") == ("lamp",)


def test_a_word_for_each_being_another_is_not_what_is_counted():
    """"How many different birds ...?" counts birds: "different", "distinct", "separate" only
    say that each is another ("How many different kinds ...?" counts kinds, a word too general
    to name the thing)."""
    from assistant.query import counted_words

    assert counted_words("How many different birds came to the feeder?") == ("birds",)
    assert counted_words("How many separate visits did the nurse make?") == ("visits",)
    assert counted_words("How many distinct kinds of beetle were found?") == ()


def test_a_verb_after_the_auxiliary_is_no_thing_measured():
    """"How much was sitting in the fund?" measures no "sitting": the words after "how much
    was" are a verb; "How much is the ticket?" still prices the ticket."""
    from assistant.query import counted_words

    assert counted_words("How much was sitting in the club's fund?") == ()
    assert counted_words("How much is coming from the grant?") == ()
    assert counted_words("How much is the ticket?") == ("ticket",)
    assert counted_words("How much does parking cost?") == ("parking",)


def test_a_question_typed_without_apostrophes():
    """"whats the name of the boat thats for sale" reads as "what's ... that's ...": the
    words left without their apostrophe are no terms of the question."""
    q = make_query("whats the name of the boat thats for sale")
    assert q.terms == make_query("what's the name of the boat that's for sale").terms
    assert "what" not in q.terms and "that" not in q.terms


@pytest.mark.parametrize(
    "question, kind, clock",
    [
        # a question typed as keywords that ends in when asks for a time; a day and a time,
        # for the hour as well
        ("bake sale date?", TIME, False),
        ("choir practice day and time", TIME, True),
        ("quiz night times", TIME, False),
        ("boiling time??", TIME, False),  # how long, not an hour
        # ... not one phrased as a question about something else
        ("Who changed the date?", PERSON, False),
        ("Is there a date?", None, False),
    ],
)
def test_keywords_ending_in_a_date_or_a_time_ask_for_a_time(question, kind, clock):
    q = make_query(question)
    assert (q.answer_type, q.clock) == (kind, clock)


@pytest.mark.parametrize(
    "question, contact",
    [
        # keywords ending in a site or an online thing's link ask for a web address
        ("raffle entry form link", "web"),
        ("allotment society website?", "web"),
        ("petition link pls", None),  # (a word after it: not the keywords' end)
        # ... not a link of a chain or a fence, nor a question phrased as one
        ("chain link?", None),
        ("How does the fence link together?", None),
    ],
)
def test_keywords_ending_in_a_site_or_a_link_ask_for_a_web_address(question, contact):
    q = make_query(question)
    assert (q.answer_type, q.contact) == (("contact", contact) if contact else (q.answer_type, None))
    if contact is None:
        assert q.answer_type != "contact"


@pytest.mark.parametrize(
    "question, history, reply",
    [
        ("Did the author reply to Marcus?", [], True),
        ("Who answered Paul's comment?", [], True),
        # a follow-up to such a question asks about the answer too
        ("What did the author tell her?", ["Who asked about using green lentils?"], True),
        ("What did he propose?", ["Who answered Paul's comment?"], True),
        ("What did Farah ask?", [], False),
        ("What did he propose?", ["Who wrote the post?"], False),
    ],
)
def test_a_question_about_how_someone_was_answered(question, history, reply):
    assert make_query(question, history).reply is reply


def test_a_possessive_name_is_the_person_s_name():
    """"Who answered Paul's comment?" names Paul: a passage that names him, his comment, and a
    reply to him are found by "paul", as the article's words are read."""
    from assistant.query import proper_names

    assert proper_names("Who answered Paul's comment about O'Neill and Jones' bike?") == \
        ["paul", "o'neill", "jones"]
    assert make_query("What did Paul's neighbour say?").names == {"paul"}


def test_i_with_its_verb_run_on_is_no_name():
    """"I'm", "I've", "I'd" and "I'll" inside a question are capitalised but name no one: a
    reader's "my son is 9 but I'm not sure he can swim" does not pin the question to a person
    called "I'm" that no passage names."""
    from assistant.query import proper_names

    assert proper_names("Once I'm home and I've unpacked the tent, should Mara dry it?") == ["mara"]
    assert proper_names("If I'd known, or if I'll be late, what then?") == []
    assert make_query("my son is 9 but I'm not sure he can swim, is there a shallow pool?").names \
        == frozenset()


@pytest.mark.parametrize(
    ("question", "clock"),
    [
        ("What time does the train arrive?", True),
        ("What time of day should the frames be moved?", True),
        ("At what time does the reading start?", True),
        ("What time of year is best for repotting?", False),  # a season answers it
        ("Over what time frame will the work run?", False),
        ("When does the library open?", False),  # a date answers it
        ("How long does the ferry take?", False),
    ],
)
def test_what_time_asks_for_a_time_of_day(question, clock):
    assert make_query(question).clock is clock


@pytest.mark.parametrize(("question", "acted_on"), [
    ("Who replied to Imre Laubscher?", True),
    ("who replied to imre", True),
    ("Which commenter agreed with Marty?", True),
    ("Which two board members sided with Dale?", True),
    ("Who is the reader that answered Paul?", True),
    ("Who has replied to Imre?", True),
    ("Who did Imre agree with?", False),
    ("Who is Imre Laubscher?", False),
    ("Who was Imre replying to?", False),
    ("When did Imre comment?", False),
])
def test_a_who_question_tells_whether_the_person_it_names_is_acted_on(question, acted_on):
    """In "Who replied to Imre?" Imre is replied to, so Imre's own words do not say who; in
    "Who did Imre agree with?" and "Who is Imre?" they may."""
    assert make_query(question).named_object is acted_on


def test_who_wrote_with_a_named_person_asks_about_their_work_not_the_post():
    """"Who were Colaianni's co-authors?" asks for the authors of Colaianni's work, which a
    reference records; "Who wrote this?" asks for the post's byline."""
    assert make_query("Who were Colaianni's co-authors?").author_of == "paper"
    assert make_query("Who wrote this?").author_of == "post"
    assert make_query("Who wrote this blog post?").author_of == "post"


@pytest.mark.parametrize("question, at", [
    ("Who wrote the first comment?", 1),
    ("what did the first commenter say about men", 1),
    ("What did the unsigned third comment say?", 3),
    ("What did the 2nd commenter think?", 2),
    ("Who posted the last comment?", -1),
    ("When was the most recent comment posted?", -1),
    ("Who commented first?", 1),
    ("Who was the first reader to comment?", 1),
    ("What was the first thing the commenter said?", None),
    ("What is the first step?", None),
    ("Who replied to the first comment?", None),  # asks after another comment
    ("Did the first commenter get a reply?", None),
    ("Who agreed with the last commenter?", None),
    ("Who wrote the first comment to mention estrogen?", None),  # the first of a kind, not by place
    ("Who was the first person to reply?", 1),  # the reply is its own phrase's
    ("Who was the first person to reply to Ann?", None),  # the first reply to someone
])
def test_a_comment_named_by_its_place_on_the_page(question, at):
    assert make_query(question).comment_at == at


def test_a_follow_up_keeps_the_comment_its_question_named():
    assert make_query("And when?", ["Who wrote the last comment?"]).comment_at == -1


@pytest.mark.parametrize("question, at", [
    ("What is the last item in the shopping list?", -1),
    ("What's listed as the first drawback?", 1),
    ("What is listed last?", -1),
    ("What's the second item?", 2),
    ("What was the first thing on her list?", 1),
    ("Who wrote the first comment in the list?", None),  # a comment's place
    ("What is the first step?", None),
    ("When did she last visit the listed building?", None),
    ("What was the first time they listed it?", None),
])
def test_a_list_item_named_by_its_place(question, at):
    assert make_query(question).item_at == at


def test_the_words_naming_a_list_item_s_place_are_not_what_the_item_is():
    assert make_query("What's listed as the first drawback?").terms == ("drawback",)
    assert "list" in make_query("What is on the list for Sunday?").terms


@pytest.mark.parametrize("question, gist", [
    ("What is this article about?", True),
    ("what's this post about", True),
    ("Summarize the post", True),
    ("Give me a summary", True),
    ("tl;dr?", True),
    ("What are the key takeaways?", True),
    ("What is the main point of the post?", True),
    ("In a nutshell, what does the post say?", True),
    ("What is the main point of Paul's comment?", False),  # a comment's point
    ("What is the main finding of the study?", False),  # a cited study's
    ("What did the review summarize?", False),
    ("Summarize the findings on mice", False),  # something in particular
    ("Give me a summary of the French Revolution", False),
    ("What was the main topic of the meeting?", False),
    ("What is it about?", False),  # a follow-up's "it" is what came before
])
def test_a_question_about_what_the_post_is_about_as_a_whole(question, gist):
    assert make_query(question).gist is gist


@pytest.mark.parametrize("question, asked", [
    ("Who commented on the post?", "who"),
    ("Who left comments?", "who"),
    ("Which readers commented?", "who"),
    ("Who are the commenters?", "who"),
    ("How many comments are there?", "count"),
    ("How many people commented?", "count"),
    ("how many commenters were there in total", "count"),
    ("Who wrote the comment?", None),  # one comment, named before
    ("Who commented first?", None),  # a comment by its place
    ("Who commented about calcium supplements?", None),  # about something in particular
    ("How many responses did the consultation get?", None),
    ("What did the commenters say?", None),
])
def test_a_question_about_the_comments_as_a_whole(question, asked):
    assert make_query(question).comments_asked == asked


def test_a_bare_when_after_who_said_asks_when_it_was_said():
    q = make_query("when?", ["Who said oxytocin could be used with calcium supplements?"])
    assert q.answer_type == "time" and q.when_written
    # after a question about something else that someone did, "when?" is not about writing
    assert not make_query("when?", ["Who found the first bone?"]).when_written


@pytest.mark.parametrize("question, history, kind", [
    ("and the women?", ["How many men took part?"], "number"),  # elliptical: the kind carries
    ("what about 2023?", ["How many visitors came in 2022?"], "number"),
    # a question of its own asks its own kind, whatever the one before asked
    ("so what are researchers doing about it", ["How many mice were in that study?"], None),
    ("What did he tell her?", ["What's the name of the officer she talked to?"], None),
    # a person's name, asked after a person
    ("what's their name", ["Who wrote the last comment?", "when did they write that"], "person"),
    ("what is her name", ["Who wrote the last comment?"], "person"),
])
def test_a_follow_up_borrows_the_kind_asked_only_when_it_asks_no_question_of_its_own(
        question, history, kind):
    assert make_query(question, history).answer_type == kind


@pytest.mark.parametrize("question, author, published", [
    # an e-mail or newsletter is sent: who sent it wrote it, the day it was sent dates it
    ("Who sent the newsletter?", "post", None),
    ("Who sent out this e-mail?", "post", None),
    ("When was this email sent?", None, "post"),
    ("When was the newsletter sent?", None, "post"),
    # an issue or pull request is opened or filed
    ("Who opened the pull request?", "post", None),
    ("Who filed this issue?", "post", None),
    ("When was the issue opened?", None, "post"),
    # sending something the page tells of asks about it, not about the page
    ("When were the letters sent to residents?", None, None),
    ("Who sent the parcel?", None, None),
    # a thread's newest message is its post (the one on top); its first, quoted at the
    # bottom, is not
    ("Who sent the last email in this chain?", "post", None),
    ("When was the most recent message sent?", None, "post"),
    ("Who sent the first email?", None, None),
    # a page is posted; a picture or a notice the page tells of is something else
    ("Who posted the events page?", "post", None),
    ("Who posted this article?", "post", None),
    ("Who posted the photo?", None, None),
    ("Who put up the notice about the roadworks?", None, None),
])
def test_who_sent_or_opened_the_page_and_when_ask_about_the_page(question, author, published):
    q = make_query(question)
    assert (q.author_of, q.published_of) == (author, published)


@pytest.mark.parametrize("question", [
    "What is the subject line of the e-mail?",
    "What is the name of the podcast?",
    "What is this newsletter called?",
])
def test_the_name_of_an_email_or_a_podcast_is_its_title(question):
    q = make_query(question)
    assert q.answer_type == "title" and q.target in ("post", None)


@pytest.mark.parametrize(
    "question, form",
    [
        ("What is the secretary's email address?", "email"),
        ("What's their email?", "email"),
        ("What phone number should parents ring?", "phone"),
        ("Is there a helpline number?", "phone"),
        ("What's the web address of the booking form?", "web"),
        ("Which URL has the timetable?", "web"),
        # the verb, or a site known by its name, is not asked as an address
        ("Did she email the council?", None),
        ("Which website did the reader recommend?", None),
    ],
)
def test_a_way_to_get_in_touch_is_asked_in_its_form(question, form):
    q = make_query(question)
    assert q.contact == form
    assert (q.answer_type == "contact") is (form is not None)


@pytest.mark.parametrize("question", ["What is the thread called?", "What's the name of the topic?",
                                      "What is this discussion called?",
                                      "What is this page called?"])
def test_the_name_of_a_forum_thread_is_its_title(question):
    assert make_query(question).answer_type == "title"


@pytest.mark.parametrize(
    "question, title",
    [
        # a shop's page: the product is named by the page's title
        ("What's the name of the product on this page?", True),
        ("What exactly is the item being sold on this page?", True),
        ("Which product is for sale here?", True),
        # what the product is made of, or does, is in its text
        ("What is the product made of?", False),
        ("Which item in the box is the spare washer?", False),
    ],
)
def test_the_product_a_shops_page_sells_is_named_by_its_title(question, title):
    assert (make_query(question).answer_type == "title") == title


@pytest.mark.parametrize("question, kind, measure", [
    # a phone number is a way to get in touch, with or without the possessive
    ("What's Ines Calloway's phone number?", "contact", None),
    ("What was the trust's budget?", NUMBER, "money"),
    ("What is her age?", NUMBER, "age"),
    ("What is the phone number of the surgery?", "contact", None),
])
def test_a_possessive_in_place_of_the_asks_for_the_same_kind(question, kind, measure):
    """"What's NAME's phone number?" asks for a number as "What is the phone number?" does."""
    q = make_query(question)
    assert (q.answer_type, q.measure) == (kind, measure)


@pytest.mark.parametrize(("question", "host"), [
    ("Who presents the show?", True),
    ("Who hosts this podcast?", True),
    ("Who is the presenter?", True),
    ("Who's the podcast's host?", True),
    ("Who conducted this interview?", True),
    ("Who interviewed the baker?", True),
    # a host or a presentation the page tells of
    ("Who hosts the harvest supper?", False),
    ("Who is the host of the festival?", False),
    ("Who presented the award?", False),
])
def test_who_presents_the_show_or_put_the_questions_asks_after_the_pages_host(question, host):
    assert make_query(question).host is host


@pytest.mark.parametrize(("question", "speaker"), [
    ("Who said the bridge was unsafe?", True),
    ("Who compared the meeting to a circus?", True),
    ("Who warned that the pier would close?", True),
    ("Who wrote this post?", False),
    ("Who asked about the car park?", False),
    ("Who built the pier?", False),
])
def test_who_said_asks_whose_words_a_quote_is(question, speaker):
    assert make_query(question).speaker is speaker


@pytest.mark.parametrize(
    "question, verb",
    [
        ("Where is the kiln in the pottery?", ()),  # a copula: no verb, the last word a noun
        ("Where were the hives on the estate?", ()),
        ("When is the plant sale?", ()),
        ("Where is the chess club based?", ("based",)),  # a participle is the verb asked
        ("When was the lido reopened?", ("reopened",)),
    ],
)
def test_a_where_or_when_question_with_only_a_copula_asks_about_no_verb(question, verb):
    assert make_query(question).focus_verb == verb


@pytest.mark.parametrize("question, event", [
    ("When was the bowls club founded?", "founded"),
    ("What year was the bowls club set up?", "founded"),
    ("When was the mill built?", "built"),
    ("When was she born?", "born"),
    ("When did the old ferryman die?", "died"),
    ("In what year did he retire?", "retired"),
    ("When was the lost dog found?", None),  # found, not founded
    ("When does the bowls season start?", "start"),
    ("What time do the pottery classes wrap up?", "end"),
    ("When was the paddling pool switched back on?", "start"),
    ("By when must the raffle tickets be returned?", "end"),  # a deadline is an end
    ("When does the swimming pool open and close?", None),  # both ends
    ("When did it start doing that?", None),  # whatever was done: it may be a stop
    ("How long has the club been going?", None),  # how long, not when
])
def test_the_event_whose_date_is_asked(question, event):
    assert make_query(question).event == event


@pytest.mark.parametrize("question, span, future", [
    ("How long has she run the bakery?", True, False),
    ("Since when have they met in the hall?", True, False),
    ("How long was the bakery shut?", False, False),
    ("When will the next issue be published?", False, True),
    ("When was this issue published?", False, False),
])
def test_how_long_so_far_and_what_is_yet_to_happen(question, span, future):
    q = make_query(question)
    assert (q.span, q.future) == (span, future)
    if future:
        assert q.published_of is None  # not this page, which has appeared


@pytest.mark.parametrize("question", ["By when do I have to send the entry form?",
                                      "From when is the summer timetable valid?"])
def test_by_when_or_from_when_asks_for_a_time(question):
    assert make_query(question).answer_type == TIME


@pytest.mark.parametrize(
    "question, explains",
    [
        ("Why did the ferry stop running?", True),
        ("How does the pump keep the tank full?", True),
        # a course of action taken to an end, or in answer to a case, is asked as "how" asks
        # a means: the sentence after the one restating the end often tells it
        ("What does he do so the bread doesn't go stale?", True),
        ("What should Priya do about the broken hinge?", True),
        ("What would the coach do instead of extra laps?", True),
        ("What can I do to keep slugs off the lettuce?", True),
        # what someone did with a thing, or what they do, asks for no means
        ("What did she do with the old piano?", False),
        ("What does the charity do?", False),
    ],
)
def test_questions_asking_for_a_means_or_a_reason(question, explains):
    assert make_query(question, []).explains is explains


@pytest.mark.parametrize("question", [
    "What reason did the landlord give for keeping the deposit?",
    "What was the main reason the match was called off?",
    "What's the explanation for the late trains?",
])
def test_a_reason_asked_with_what_is_a_why_question(question):
    # a sentence giving the reason in its own words ("because", ", so") holds the kind asked,
    # and none need say "reason"
    q = make_query(question, [])
    assert asks_why(question) and q.explains
    assert "reason" not in q.focus and "explanation" not in q.focus


def test_a_kind_of_reason_is_no_reason_asked():
    assert not asks_why("What did the reasoning say?")


@pytest.mark.parametrize("question, orders", [
    ("What should I do if the kettle starts to smell of metal?", True),
    ("How do you get limescale off the element?", True),
    ("What steps does the shop suggest before a refund?", True),
    ("What do you actually do when you join the rota?", True),
    ("What should the club do about the broken gate?", True),
    ("how to book a slot", True),
    ("What did the plumber advise doing about the drip?", True),
    ("What does she suggest you do first?", True),
    # signs, a past deed, an amount, a thing done with, a reason: no orders asked
    ("How do I know the filter needs changing?", False),
    ("How did she get to the station?", False),
    ("How many cups does it hold?", False),
    ("What do you keep in the shed?", False),
    ("Which reader says step 4 saved the day?", False),
    ("Why should I descale it every month?", False),
    ("What does the survey suggest about dog owners?", False),
])
def test_a_question_asking_what_to_do_asks_for_orders(question, orders):
    assert asks_orders(question) is orders


@pytest.mark.parametrize("question, earlier, meant", [
    ("And what comes after that?", "What do you do in step 3?", "What is step 4?"),
    ("What's next?", "How long does stage 2 take?", "What is stage 3?"),
    ("And the day before?", "Where do we sleep on day 4?", "What is day 3?"),
    ("What comes next?", "What is the second stop on the walk?", "What is the third stop?"),
    ("And before that?", "What happens in round 1?", None),  # there is no round 0
    # the part named in the question itself
    ("What comes after step 6?", "How do I drain the tank?", "What is step 7?"),
    ("What do you do before the fourth stage?", "Where do we start?", "What is the third stage?"),
])
def test_what_comes_after_a_numbered_part_asks_for_the_next(question, earlier, meant):
    from assistant.query import next_in_series

    assert next_in_series(question, [earlier]) == meant


@pytest.mark.parametrize("question, earlier", [
    ("And what comes after that?", "Who founded the choir in 1990?"),  # no numbered part
    ("Why is step 4 needed?", "What do you do in step 3?"),  # a question of its own
    ("And after the rain stopped?", "What did they do in week 2?"),  # not the next part
    ("Before or after that?", "What happens in step 2?"),  # no one way
])
def test_other_follow_ups_are_not_moved_on(question, earlier):
    from assistant.query import next_in_series

    assert next_in_series(question, [earlier]) is None
    assert next_in_series(question, []) is None
    assert next_in_series("How long does step 4 take?", []) is None


def test_the_next_part_is_what_the_follow_up_is_analysed_as(settings, fake_embedder):
    from assistant import Assistant
    from assistant.types import Source

    sources = [Source("post-1", "post", "Post, paragraph 1",
                      "1. Empty the tank. 2. Lift out the float. 3. Scrub the valve seat.")]
    a = Assistant.from_sources(sources, settings, embedder=fake_embedder)
    q = a.query_for("And what comes after that?", ["What do you do in step 2?"])
    assert q.question == "What is step 3?"
    assert "3" in q.terms


@pytest.mark.parametrize("question", ["What year is he in?", "What year is your daughter in?",
                                      "What year are you in?"])
def test_what_year_a_person_is_in_asks_a_school_year_not_a_date(question):
    assert answer_type(question) is None
    assert not make_query(question).year


@pytest.mark.parametrize("question", ["What year is it in?", "What year was he born in?",
                                      "What year was she in the choir?", "In what year is the play set?"])
def test_other_what_year_questions_still_ask_a_date(question):
    assert answer_type(question) == TIME


@pytest.mark.parametrize(
    "question, dimension",
    [
        ("How tall is the mast on the moor?", "height"),
        ("What is the depth of the loch?", "height"),
        ("How wide is the channel at the bridge?", "breadth"),
        ("What is the wingspan of a heron?", "breadth"),
        # a length along, a distance, or no length asked
        ("How far is the loch from the village?", None),
        ("What is the length of the canal?", None),
    ],
)
def test_the_dimension_of_a_length_asked(question, dimension):
    from assistant.query import dimension_asked

    assert dimension_asked(question) == dimension


def test_a_keyword_topic_before_the_question_word_is_told_apart():
    """"boiler fault what did the plumber do about it" names its topic ("boiler fault") in
    keywords, then asks; a question phrased as one, or a clause before the question word,
    names none."""
    from assistant.query import topic_and_asked

    assert topic_and_asked("boiler fault what did the plumber do about it") == (
        "boiler fault", "what did the plumber do about it")
    assert topic_and_asked("library move - when does it reopen?") == (
        "library move", "when does it reopen?")
    assert topic_and_asked("What did the plumber do about the boiler?") is None
    assert topic_and_asked("so what happened next") is None
    assert topic_and_asked("I wonder what the plumber did") is None
    assert topic_and_asked("boiler fault??") is None


def test_a_comments_place_is_read_once_per_question_and_the_same_each_time():
    """``comment_at`` keeps its reading of a question (asked of it and of its history several
    times per answer): the same place each time, and none for a reply to a comment."""
    from assistant.query import comment_at

    for _ in range(2):
        assert comment_at("What did the third commenter say about the bins?") == 3
        assert comment_at("What did the last comment say?") == -1
        assert comment_at("Who replied to the first comment?") is None
        assert comment_at("What time does the market open?") is None
