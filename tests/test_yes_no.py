"""Yes/no questions on a made-up page: what can and cannot settle one."""

from __future__ import annotations

from assistant.types import Source

_PAGE = [
    Source("title", "title", "Title", "The Larkspur 3 tent, tested", None, None),
    Source("post-1", "post", "Post, paragraph 1",
           "The Larkspur 3 pitches in eight minutes and sleeps three adults.", None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "Its porch is big enough for two rucksacks and a stove.", None, None),
    Source("comment-1", "comment", "Reader comment by Oona Petrie, 2 May 2026",
           "The box says the poles are aluminium, but I can't find anything about a groundsheet "
           "for the porch.", "Oona Petrie", "2 May 2026"),
    Source("comment-2", "comment", "Reader comment by Jim Fenn, 3 May 2026",
           "It makes me wonder whether the porch groundsheet is sold separately.",
           "Jim Fenn", "3 May 2026"),
]


def _probs(settings, fake_embedder, question):
    from assistant import Assistant

    a = Assistant.from_sources(_PAGE, settings, embedder=fake_embedder)
    query = a.query_for(question)
    candidates, _ = a.answerer.candidates(query, None, a._encode([query.text])[0])
    return {c.span.source_id: c.prob for c in candidates}


def test_a_sentence_saying_its_writer_does_not_know_settles_no_yes_no_question(settings,
                                                                              fake_embedder):
    """"Is there a groundsheet for the porch?" is not answered by a reader who can't find
    anything about one, nor by one who wonders whether it is sold separately: like a
    question, they leave it open."""
    probs = _probs(settings, fake_embedder, "Is there a groundsheet for the porch?")
    assert probs["comment-1"] == 0.0 and probs["comment-2"] == 0.0
    assert probs["post-2"] > 0.0


def test_a_question_about_what_a_reader_wondered_is_answered_by_it(settings, fake_embedder):
    probs = _probs(settings, fake_embedder, "Did anyone wonder whether the groundsheet is sold separately?")
    assert probs["comment-2"] > 0.0


_THREAD = [
    Source("title", "title", "Title", "Ask the builder: a cracked chimney pot", None, None),
    Source("post-1", "post", "Post, paragraph 1",
           "Marta wrote to ask about the crack in her chimney pot. A cracked pot lets rain into "
           "the flue, so have it replaced before winter.", None, None),
    Source("comment-1", "comment", "Reader comment by Marta Quell, 4 May 2026",
           "Marta here. Thank you so much. The roofer comes on Friday.", "Marta Quell", "4 May 2026"),
]


def test_a_sentence_saying_nothing_but_the_subjects_name_settles_no_yes_no_question(
        settings, fake_embedder):
    """"Is Marta's house a listed building?" is not answered by "Marta here." or "Thank you
    so much." in her own comment: they say nothing of what is asked about her."""
    from assistant import Assistant

    a = Assistant.from_sources(_THREAD, settings, embedder=fake_embedder)
    query = a.query_for("Is Marta's house a listed building?")
    candidates, _ = a.answerer.candidates(query, None, a._encode([query.text])[0])
    probs = {c.span.text: c.prob for c in candidates}
    assert probs["Marta here."] == 0.0 and probs["Thank you so much."] == 0.0
    assert probs["The roofer comes on Friday."] > 0.0


def test_what_a_sentence_says_besides_the_subject():
    from assistant.grounding import subject_only
    from assistant.query import make_query
    from assistant.text import terms

    q = make_query("Is her husband George still alive?")
    assert subject_only(q, frozenset(terms("George here."))) == frozenset()
    assert subject_only(q, frozenset(terms("Thank you so much."))) == frozenset()
    assert len(subject_only(q, frozenset(terms("George died in 2003.")))) == 2
    q = make_query("Were walkers allowed on the ferry?")
    assert subject_only(q, frozenset(terms("No walkers are on board."))) == {"board"}


def test_a_short_sentence_that_says_something_of_the_subject_may_settle_it(settings, fake_embedder):
    """"No walkers are on board." says where the walkers are not: it may answer "Were walkers
    allowed on the Tern?", though it has only one word besides the subject."""
    from assistant import Assistant

    page = [Source("title", "title", "Title", "Ferry strike: live updates", None, None),
            Source("post-1", "post", "Post, paragraph 1",
                   "The MV Tern left Oban at noon carrying feed and fuel. No walkers are on board.",
                   None, None)]
    a = Assistant.from_sources(page, settings, embedder=fake_embedder)
    query = a.query_for("Were walkers allowed on the Tern?")
    candidates, _ = a.answerer.candidates(query, None, a._encode([query.text])[0])
    assert {c.span.text: c.prob for c in candidates}["No walkers are on board."] > 0.0


def test_the_things_a_yes_no_question_asks_after():
    """What a yes/no question asks whether there is, or what its predicate takes after a
    determiner or a preposition; not its subject, nor what the subject is said to be, nor a
    gerund, a name or a word too general to be missed."""
    from assistant.query import object_heads

    assert object_heads("Is there a loyalty card for regulars?") == ("card", "regulars")
    assert object_heads("Are there changing rooms at the lido?") == ("rooms", "lido")
    assert object_heads("Will there be a firework display?") == ("display",)
    assert object_heads("Can the lid go in the microwave?") == ("microwave",)
    assert object_heads("Are tulip bulbs harmful to rabbits?") == ("rabbits",)
    assert object_heads("Is the mural better for the children's mood?") == ("mood",)
    # a preposition of several words asks after the noun after its "of"
    assert object_heads("Was the council biased in favour of the new road?") == ("road",)
    assert object_heads("Did the vicar speak on behalf of the parish?") == ("parish",)
    assert object_heads("Does the new bakery bake with rye flour?") == ("flour",)
    # the subject, what it is said to be, gerunds, names and general words are not asked after
    assert object_heads("Is gout only a disease of old men?") == ("men",)
    assert object_heads("Is aspirin still used as a painkiller?") == ()
    assert object_heads("Does the plumber think every repair is a rip-off?") == ("repair",)
    assert object_heads("Is the quay one of the oldest in Cornwall?") == ()
    assert object_heads("Is there a fee for joining the club?") == ("fee", "club")
    assert object_heads("Did the mayor open it in Ashford?") == ()
    assert object_heads("Do the swifts come back all the time?") == ()
    # kinds of day and of people, which an article names by their members ("Saturday")
    assert object_heads("Does the new bakery open earlier on weekends?") == ()
    assert object_heads("Is the pool free for children?") == ()
    assert object_heads("Are there concerns about the cost?") == ("cost",)
    assert object_heads("Is there an age limit?") == ()
    assert object_heads("Is there anywhere to park?") == ()
    assert object_heads("Do you have to book in advance?") == ()
    assert object_heads("Is it worth the money?") == ()
    assert object_heads("How much is a ticket?") == ()
    # an object with no determiner, after the verb of a plain subject (a pronoun, a name, the
    # page); not a clause said or thought, nor a passive's "get"
    assert set(object_heads("Does Marlow sell firewood in winter?")) == {"firewood", "winter"}
    assert object_heads("Do you need experience to volunteer?") == ("experience",)
    assert object_heads("Does the guide recommend gloves?") == ("gloves",)
    assert object_heads("Does the review say cats like it?") == ()
    assert object_heads("Did the mill get rebuilt?") == ()
    assert object_heads("Does Ana think it's safe to swim?") == ()


_KETTLE = [
    Source("title", "title", "Title", "The Brookfield 1.5 litre kettle", None, None),
    Source("post-1", "post", "Post, paragraph 1",
           "The Brookfield kettle boils a full jug in three minutes.", None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "Its lid opens wide, and the mesh filter lifts out so you can rinse it under the tap.",
           None, None),
    Source("post-3", "post", "Post, paragraph 3",
           "The base has a cord store underneath, and the kettle has a two-year guarantee.",
           None, None),
]


def test_a_yes_no_question_after_a_thing_the_article_never_names_is_declined(settings,
                                                                             fake_embedder):
    """"Can the filter go in the dishwasher?" of a page that never speaks of a dishwasher, nor
    of anything close to one: a sentence about the filter cannot say whether it can; "Is
    there a discount ...?" of a page that names no discount, nor anything like one, neither."""
    from assistant import Assistant

    a = Assistant.from_sources(_KETTLE, settings, embedder=fake_embedder)
    for question in ("Can the filter go in the dishwasher?", "Is there a discount for pensioners?"):
        answer = a.ask(question)
        assert answer.abstained, question
    assert not a.ask("Can the filter be rinsed under the tap?").abstained


_HARBOUR = [
    Source("title", "title", "Title", "The Kestle Point ferry", None, None),
    Source("post-1", "post", "Post, paragraph 1",
           "The ferry to Kestle Point leaves the harbour at nine and takes forty minutes. "
           "In a westerly the ferry rolls a good deal.", None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "The ferry was built at Appledore in 1987 and carries twelve cars.", None, None),
]


def _subject_only_answer(settings, fake_embedder, question):
    from assistant import Assistant

    a = Assistant.from_sources(_HARBOUR, settings, embedder=fake_embedder)
    query = a.query_for(question)
    candidates, _ = a.answerer.candidates(query, None, a._encode([query.text])[0])
    return a, query, candidates


def test_answers_sharing_only_the_subject_of_a_yes_no_question_say_nothing_of_its_predicate(
        settings, fake_embedder):
    """"Does the ferry sell hot breakfasts?" on a page that tells when the ferry leaves, how it
    rolls and where it was built: no word of the cited sentences is close to "sell", "hot"
    or "breakfasts" (``predicate_match``), so they say nothing of what is asked of the ferry,
    and the answer is less sure. "Does the ferry take twelve cars?" is said ("carries twelve
    cars"); a predicate of one word ("Is the ferry late?") is not judged: a single word is
    often said otherwise."""
    from assistant.answerer import PREDICATE_MATCH

    a, query, candidates = _subject_only_answer(settings, fake_embedder,
                                                "Does the ferry sell hot breakfasts?")
    said = a.answerer.predicate_match(query, candidates[:3])
    assert said is not None and said < PREDICATE_MATCH
    a, query, candidates = _subject_only_answer(settings, fake_embedder,
                                                "Does the ferry take twelve cars?")
    assert a.answerer.predicate_match(query, candidates[:3]) >= PREDICATE_MATCH
    a, query, candidates = _subject_only_answer(settings, fake_embedder, "Is the ferry late?")
    assert a.answerer.predicate_match(query, candidates[:3]) is None


def test_a_yes_no_answer_sharing_only_the_subject_is_less_sure(settings, fake_embedder, monkeypatch):
    """At the same confidence from the question model, "Is the ferry often cancelled or
    delayed?" is declined when the candidates only tell of the ferry (``SUBJECT_ONLY_ODDS``),
    while "Was the ferry built at Appledore?" is answered; a candidate opening on a verdict
    ("No, ...") answers whatever its words."""
    from assistant import Assistant
    from assistant.answerer import Answerer

    monkeypatch.setattr(Answerer, "confidence", lambda self, query, candidates: 0.5 if candidates else 0.0)
    a = Assistant.from_sources(_HARBOUR, settings, embedder=fake_embedder)
    assert a.ask("Is the ferry often cancelled or delayed?").abstained
    assert not a.ask("Was the ferry built at Appledore?").abstained
    page = [*_HARBOUR, Source("post-3", "post", "Post, paragraph 3",
                              "No, in twenty years the ferry has missed two sailings.", None, None)]
    a = Assistant.from_sources(page, settings.__class__.from_env(
        index_dir=settings.index_dir.parent / "idx2", corpus_dir=settings.corpus_dir), embedder=fake_embedder)
    assert not a.ask("Is the ferry often cancelled or delayed?").abstained


_TRAM = [
    Source("title", "title", "Title", "Tram breaks down on the river bridge", None, None),
    Source("post-1", "post", "Post, paragraph 1",
           "A tram stopped on the river bridge at 8:10 on Monday with ninety passengers on board.",
           None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "The passengers walked to the far bank with staff, and their tickets were accepted "
           "on the buses for the rest of the day.", None, None),
    Source("post-3", "post", "Post, paragraph 3",
           "Engineers towed the tram to the depot before noon.", None, None),
]


def _tram_match(settings, fake_embedder, question):
    from assistant import Assistant

    a = Assistant.from_sources(_TRAM, settings, embedder=fake_embedder)
    query = a.query_for(question)
    candidates, _ = a.answerer.candidates(query, None, a._encode([query.text])[0])
    return a.answerer.predicate_match(query, candidates[:3])


def test_a_yes_no_predicate_word_the_article_says_nowhere_is_not_said(settings, fake_embedder):
    """"Did the passengers get a refund for their tickets?": the cited sentences say
    "tickets", but nothing in the article says "refund" nor anything close to it
    (``PREDICATE_UNSAID``), so the question asks a thing the page does not tell and the
    answers share only its subject. A word as common as "wait" or "long" is no such word
    (a paraphrase drops it): "Did the passengers wait long for the buses?" is said."""
    from assistant.answerer import PREDICATE_MATCH

    said = _tram_match(settings, fake_embedder, "Did the passengers get a refund for their tickets?")
    assert said is not None and said < PREDICATE_MATCH
    said = _tram_match(settings, fake_embedder, "Did the passengers wait long for the buses?")
    assert said is not None and said >= PREDICATE_MATCH


_WORRY = [
    Source("title", "title", "Title", "The Corrie folding bike, ridden for a month", None, None),
    Source("post-1", "post", "Post, paragraph 1",
           "The Corrie folds in twenty seconds and weighs 12.4 kg.", None, None),
    Source("comment-1", "comment", "Reader comment by Ada Quist, 2 May 2026",
           "I'm 1.98 m tall and worried the handlebar stem won't go high enough for me.",
           "Ada Quist", "2 May 2026"),
    Source("comment-2", "comment", "Reader comment by Bo Lund, 3 May 2026",
           "I was worried the frame wouldn't fit in my hatchback, but it did with room to spare.",
           "Bo Lund", "3 May 2026"),
]


def test_a_reader_worried_it_will_not_settles_no_yes_no_question(settings, fake_embedder):
    """"Will the handlebar stem go high enough for someone 1.98 m tall?" is not answered by a
    reader who is worried it won't: a fear leaves it open. A fear followed by what came of it
    ("..., but it did") may answer."""
    from assistant import Assistant

    a = Assistant.from_sources(_WORRY, settings, embedder=fake_embedder)

    def probs(question):
        query = a.query_for(question)
        candidates, _ = a.answerer.candidates(query, None, a._encode([query.text])[0])
        return {c.span.source_id: c.prob for c in candidates}

    assert probs("Will the handlebar stem go high enough for someone 1.98 m tall?")["comment-1"] == 0.0
    assert probs("Does the frame fit in a hatchback?")["comment-2"] > 0.0


def test_a_predicate_word_said_otherwise_in_its_place_is_not_unsaid(settings, fake_embedder):
    """"Did the passengers get a refund for their tickets?": "refund" is said nowhere, so the
    answers share only the subject; when a sentence says another word in its place
    (``Grounding.placed``), the word is said otherwise, not unsaid."""
    from dataclasses import replace

    from assistant import Assistant
    from assistant.answerer import PREDICATE_MATCH

    a = Assistant.from_sources(_TRAM, settings, embedder=fake_embedder)
    query = a.query_for("Did the passengers get a refund for their tickets?")
    candidates, grounding = a.answerer.candidates(query, None, a._encode([query.text])[0])
    said = a.answerer.predicate_match(query, candidates[:3], grounding)
    assert said is not None and said < PREDICATE_MATCH
    placed = replace(grounding, placed={"refund": "accepted"})
    assert a.answerer.predicate_match(query, candidates[:3], placed) >= PREDICATE_MATCH


def test_qualifiers_are_a_possessives_owner_and_the_class_of_the_subject():
    """A possessive's owner qualifies the noun it owns; the words after "one of the
    (other)", "among the", "a kind of" name the class the subject is said to belong to."""
    from assistant.query import qualifiers

    assert qualifiers("Are her quilts sewn from a designer's pattern?") == {"designer": "pattern"}
    assert qualifiers("Is rye one of the other grains in the loaf?") == {"grains": None}
    assert qualifiers("Is the mill among the oldest buildings in town?") == {
        "oldest": None, "buildings": None}
    assert qualifiers("Is a crumpet a kind of bread?") == {"bread": None}
    assert qualifiers("Did the walkers pay for their visit?") == {}
    assert qualifiers("Is it one of them that she bought?") == {}


_QUILTS = [
    Source("title", "title", "Title", "Meet the quilter of Mill Lane", None, None),
    Source("post-1", "post", "Post, paragraph 1",
           "Nell Arden has sewn quilts in her front room for thirty years.", None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "Her quilts follow a pattern of her own, and the loaf she bakes for the stall holds "
           "rye and spelt besides wheat.", None, None),
    Source("post-3", "post", "Post, paragraph 3",
           "She sells them at the Saturday market by the river.", None, None),
]


def test_a_word_that_only_qualifies_a_thing_said_is_not_unsaid(settings, fake_embedder):
    """"Are her quilts sewn from a designer's pattern?": "designer" is said nowhere,
    but it only owns the pattern, which the cited sentence says: the predicate is said, and
    the model decides. So is "grains" in "Is rye one of the other grains in her loaf?": the
    class the subject is said to be one of. An owner of a thing no candidate says ("a
    designer's fabric") is still unsaid."""
    from assistant import Assistant
    from assistant.answerer import PREDICATE_MATCH

    a = Assistant.from_sources(_QUILTS, settings, embedder=fake_embedder)

    def said(question):
        query = a.query_for(question)
        candidates, grounding = a.answerer.candidates(query, None, a._encode([query.text])[0])
        return a.answerer.predicate_match(query, candidates[:3], grounding)

    assert said("Are her quilts sewn from a designer's pattern?") >= PREDICATE_MATCH
    assert said("Is rye one of the other grains in her loaf?") >= PREDICATE_MATCH
    assert said("Are her quilts sewn from a designer's fabric?") < PREDICATE_MATCH
