"""How a question's words are found in the article (spelling, synonyms, never mentioned)."""

import pytest

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


def test_a_slip_of_the_pen_is_respelt_before_the_question_is_read(assistant):
    fix = assistant.answerer.respell
    assert fix("Is Osteoprosis common, or rare?") == "Is Osteoporosis common, or rare?"
    assert fix("Is there any caution about bnoe?") == "Is there any caution about bone?"
    # a real word ("caution"), a word under four letters and a word the article uses are
    # left as they are
    assert fix("Does teh hormone help?") == "Does teh hormone help?"
    assert fix("osteoporosis") == "osteoporosis"


def _two_sentence_article(texts):
    from assistant.grounding import ArticleTerms
    from assistant.text import words
    from assistant.types import Source, Span

    source = Source(id="p1", kind="post", label="Post", text=" ".join(texts))
    spans = [Span("p1", 0, len(texts[0]), texts[0]),
             Span("p1", len(texts[0]) + 1, len(texts[0]) + 1 + len(texts[1]), texts[1])]
    return ArticleTerms(spans, {"p1": source}, ["", ""], sorted({w for t in texts for w in words(t)}))


def test_a_real_word_one_letter_from_the_articles_is_not_a_slip():
    """A word the model's vocabulary lacks but English has ("mites") is not taken for the
    article's word one letter away ("miles"); a British spelling is read as the article's
    American one ("colour" as "color")."""
    from assistant.grounding import respell

    article = _two_sentence_article(("The colony flew twelve miles.", "Its color changed."))
    model_vocab = {"the", "colony", "flew", "twelve", "miles", "its", "color", "changed", "what",
                   "how", "many"}
    english = model_vocab | {"mites", "colour"}
    question = "Mites? What colour? How many milse?"
    assert respell(question, article, english.__contains__) == "Mites? What color? How many miles?"
    assert respell(question, article, model_vocab.__contains__) == "Miles? What color? How many miles?"


def test_a_slip_of_a_word_the_article_never_uses_is_read_as_english_spells_it():
    """A misspelt word the article does not use ("jounral", "warrenty") is read as the common
    English word one letter away, so that the question asks after a journal, not an unknown
    word; a word with no clear such fix ("caxtles": "castles"? "cattles"?), a short one (a rare
    real word the list lacks: "resorb") and a capitalised one (a name) are left alone."""
    from assistant.grounding import common_fix, respell

    article = _two_sentence_article(("The study appeared in Soil Notes.", "It is free to read."))
    english = {"what": 900, "journal": 500, "is": 900, "this": 900, "in": 900, "warranty": 40,
               "how": 900, "long": 800, "castles": 30, "cattles": 35, "resort": 90}
    is_word = english.__contains__
    assert respell("wat jounral is this in", article, is_word, english) == "what journal is this in"
    assert respell("warrenty how long", article, is_word, english) == "warranty how long"
    assert respell("Jounral caxtles resorb", article, is_word, english) == "Jounral caxtles resorb"
    assert common_fix("caxtles", english) is None and common_fix("resorb", english) is None
    # without the word list, nothing but the article's words fixes a slip
    assert respell("wat jounral is this in", article, is_word) == "what jounral is this in"
    # the list is read only when a word needs it: a question with no slip does not read it
    reads = []

    def read_list():
        reads.append(1)
        return english

    assert respell("how long is this journal", article, is_word, read_list) == "how long is this journal"
    assert not reads
    assert respell("wat jounral is this in", article, is_word, read_list) == "what journal is this in"
    assert reads


def test_the_english_word_list_knows_real_words_only(assistant):
    is_word = assistant.answerer.words.is_word
    assert is_word("mites") and is_word("chills") and is_word("caution")
    assert not is_word("parnets") and not is_word("survy") and not is_word("osteoprosis")


def test_a_misspelt_question_gets_the_answer_of_the_well_spelt_one(assistant):
    """The slip is read as the article spells it everywhere (embedding, retrieval, parsing),
    not only when its words are looked up: the same quotes, the user's own words echoed."""
    right = assistant.ask("What is osteoporosis?")
    slip = assistant.ask("What is osteoprosis?")
    assert slip.question == "What is osteoprosis?"
    assert slip.to_dict()["resolved_question"] == "What is osteoporosis?"
    assert "resolved_question" not in right.to_dict()
    assert [q.text for q in slip.quotes] == [q.text for q in right.quotes]
    assert slip.quotes and slip.abstained == right.abstained


def test_words_about_the_page_are_never_unknown(assistant):
    _, g = _ground(assistant, "Who wrote this blog post and when was it published?")
    assert not g.unknown
    # nor, on a question-and-answer page, who asked or answered
    _, g = _ground(assistant, "Who asked the question, and who answered it?")
    assert not g.unknown


def test_the_words_asking_what_a_thing_is_called_or_when_it_came_about_are_never_unknown(assistant):
    # the answer gives the name, or the day, without saying "called" or "appeared"
    _, g = _ground(assistant, "What is the new treatment called?")
    assert not {"call", "name"} & g.unknown
    _, g = _ground(assistant, "When did the treatment first appear?")
    assert "appear" not in g.unknown
    # ... but who called whom, or what appears, is a fact the article must state
    _, g = _ground(assistant, "Did the patients call the clinic?")
    assert "call" in g.unknown
    _, g = _ground(assistant, "Does a rash appear?")
    assert "appear" in g.unknown


def test_a_pronoun_with_its_verb_run_on_and_get_are_never_unknown(assistant):
    # "I'm" says no more than "I"; "get" is a light verb a paraphrase leaves out
    q, g = _ground(assistant, "Once I'm done, how do I get it and where we'd keep it?")
    assert not {"i'm", "we'd", "get"} & set(g.unknown)
    assert not unknown_phrases(q.question, g)


def test_verbs_of_the_question_s_frame_are_never_unknown():
    """"When did she become the head?", "Has anyone let the warden know?": an article tells
    of the change of role, or of a report, without "become" or "know"; speaking to someone
    is found where the article says another verb of speaking ("he told me"), which covers
    that sentence as a synonym does. Other verbs still have to be found."""
    from assistant.grounding import coverage, ground, unknown_phrases

    article = _two_sentence_article(("Mira Holt took over from Dan Ross as head in 2019.",
                                     '"The hut needs a new roof," the warden told me.'))
    q = make_query("In what year did Mira Holt become the head?")
    assert "becom" not in ground(q, article, lambda ws: {}).unknown
    q = make_query("Has anyone let the warden know?")
    assert "know" not in ground(q, article, lambda ws: {}).unknown
    q = make_query("Did the reporter speak to the warden?")
    g = ground(q, article, lambda ws: {})
    assert "speak" not in g.unknown and dict(g.synonyms) == {"speak": (("told", 1.0),)}
    assert not unknown_phrases(q.question, g)
    _, syn, _ = coverage(q, g, article, 2)
    assert syn[1] > syn[0]
    assert "phone" in ground(make_query("Did the reporter phone the warden?"), article,
                             lambda ws: {}).unknown


def test_the_reason_names_what_the_article_never_mentions(assistant):
    q, g = _ground(assistant, "Does chocolate cake cure baldness?")
    assert set(unknown_phrases(q.question, g)) == {"chocolate cake cure baldness"}



def test_a_follow_up_that_says_little_leans_on_the_earlier_question(assistant):
    from assistant.grounding import _term_weights

    article = assistant.retriever.article
    history = ["Which cells break down bone?"]

    def context_factor(question):
        q = make_query(question, history)
        assert q.follow_up and q.context_terms
        weights = _term_weights(q, assistant.answerer.ground(q), article)
        t, w = weights[len(q.terms)]  # the first of the earlier question's words
        return w / article.idf_of(t)

    # "And what about them?" names nothing of its own: the earlier question's words count
    # almost as much as its own; a follow-up that names its subject keeps them in the back
    assert context_factor("And what about them?") == pytest.approx(0.8)
    assert context_factor("And do they respond to oxytocin in older mice too?") == pytest.approx(0.4)


def test_a_word_the_article_uses_also_counts_where_the_article_says_it_otherwise():
    """"Is osteoporosis only a disease of women?": one sentence says "women", the answering
    one "a female condition". The close word counts towards that sentence's coverage with
    synonyms (by its similarity); exact coverage and the unknown words are as before."""
    import numpy as np

    from assistant.grounding import ArticleTerms, coverage, ground
    from assistant.text import words
    from assistant.types import Source, Span

    texts = ("Postmenopausal women often have low oxytocin.",
             "Osteoporosis, a historically female condition, is also linked to males.")
    source = Source(id="p1", kind="post", label="Post", text=" ".join(texts))
    spans = [Span("p1", 0, len(texts[0]), texts[0]),
             Span("p1", len(texts[0]) + 1, len(texts[0]) + 1 + len(texts[1]), texts[1])]
    article = ArticleTerms(spans, {"p1": source}, ["", ""], sorted({w for t in texts for w in words(t)}))
    q = make_query("Is osteoporosis only a disease of women?")

    def related(ws):
        return {w: [(w, 0.99), ("female", 0.68)] if w == "women" else [(w, 0.99)] for w in ws}

    plain = ground(q, article, lambda ws: {})
    found = ground(q, article, lambda ws: {}, related_words=related)
    assert found.related == {"woman": (("femal", 0.68),)} and found.unknown == plain.unknown
    exact0, syn0, _ = coverage(q, plain, article, 2)
    exact1, syn1, _ = coverage(q, found, article, 2)
    assert np.allclose(exact0, exact1) and np.allclose(syn0[0], syn1[0])
    assert syn1[1] > syn0[1] == exact0[1]


@pytest.mark.parametrize(
    "a, b, sibling",
    [
        ("osteoclasts", "osteoblasts", True),  # one root, different things
        ("inflow", "outflow", True),
        ("hypertension", "hypotension", True),
        ("analysis", "analyse", False),  # the same word's kin
        ("teacher", "teaching", False),
        ("women", "woman", False),
        ("photograph", "photo", False),
        ("female", "male", False),
    ],
)
def test_words_on_one_root_with_different_affixes_are_siblings(a, b, sibling):
    from assistant.grounding import siblings, stem_of

    assert siblings(stem_of(a), stem_of(b)) is sibling


def test_a_sibling_word_never_stands_in_for_the_question_s_word():
    """"What do osteoclasts do?": the sentence about osteoblasts does not cover it, however
    close the model puts the two words; a real synonym still does."""
    from assistant.grounding import ArticleTerms, ground
    from assistant.text import words
    from assistant.types import Source, Span

    texts = ("Osteoblasts build new bone.", "Osteoclasts break down old bone.")
    source = Source(id="p1", kind="post", label="Post", text=" ".join(texts))
    spans = [Span("p1", 0, len(texts[0]), texts[0]),
             Span("p1", len(texts[0]) + 1, len(texts[0]) + 1 + len(texts[1]), texts[1])]
    article = ArticleTerms(spans, {"p1": source}, ["", ""], sorted({w for t in texts for w in words(t)}))

    def close(ws):
        return {w: [("osteoblasts", 0.9), ("osteoclasts", 0.9), ("bone", 0.75)] for w in ws}

    found = ground(make_query("What do osteoclasts do?"), article, close, related_words=close)
    assert dict(found.related) == {"osteoclast": (("bone", 0.75),)}  # not "osteoblast"
    missing = ground(make_query("What do osteocytes do?"), article, close, related_words=close)
    assert dict(missing.synonyms) == {"osteocyt": (("bone", 0.75),)}


def test_per_in_a_rate_is_no_word_the_article_must_hold(assistant):
    """ "How much does a room cost per night?" asks for a price a night: an article that
    says "80 euros a night" answers it, and "per" is never named as a word it lacks."""
    q, g = _ground(assistant, "How much does a dose of oxytocin cost per week?")
    assert "per" not in q.terms
    assert not any("per" in phrase.split() for phrase in unknown_phrases(q.question, g))


def test_chat_shorthand_is_written_out_before_the_question_is_read(assistant):
    fix = assistant.answerer.respell
    assert fix("hw many ppl r in the study") == "how many people are in the study"
    assert fix("wat yr was it published, is it good w milk?") == \
        "what year was it published, is it good with milk?"


@pytest.mark.parametrize("question", [
    "During which centuries BC was the cemetery used?",  # capitals are never shorthand
    "Is the U.S. rule in r/cycling the same?",  # nor a letter before a dot or a slash
    "Is it a 5 w or a 10 w bulb?",  # nor a unit after a number
    "Does R&D pay for the u-bend?",
])
def test_what_only_looks_like_shorthand_is_left_as_it_is(question):
    from assistant.grounding import written_out

    assert written_out(question) == question


def test_a_sentence_that_only_says_the_asked_words_back_is_an_echo():
    """"Descaler, brilliant." names what "descaler what for??" asks about and says nothing of
    it; a negation ("No descaler.") or any other word says something."""
    from assistant.grounding import Grounding, echoes

    q = make_query("descaler what for??")
    g = Grounding({}, {}, frozenset(), {})
    assert echoes(q, g, "A descaler, brilliant.")
    assert echoes(q, g, "Of course it was the descaler.")
    assert not echoes(q, g, "No descaler.")
    assert not echoes(q, g, "You've left out the descaler.")
    assert not echoes(q, g, "Lovely, thanks.")  # none of the asked words
    assert not echoes(q, g, "She poured the descaler into the kettle to shift the limescale.")
    # a slip of the pen counts as the article spells it
    q = make_query("descalr what for??")
    assert echoes(q, Grounding({"descalr": "descal"}, {}, frozenset(), {}), "Descaler, brilliant.")


def test_echoes_read_with_the_question_terms_once_agree_with_echoes():
    """``echoes_terms`` (the question's terms read once, for every candidate) gives what
    ``echoes`` gives, sentence by sentence."""
    from assistant.grounding import Grounding, echo_terms, echoes, echoes_terms

    q = make_query("kayak rack what for??")
    g = Grounding({}, {}, frozenset(), {})
    asked = echo_terms(q, g)
    for text in ("A kayak rack, brilliant.", "Kayak rack.", "No kayak rack.", "Thanks, lovely.",
                 "It was the kayak rack, of course.", "The rack holds two kayaks on the roof."):
        assert echoes_terms(asked, text) is echoes(q, g, text)


def test_an_article_keeps_a_words_slip_once_found_and_only_so_many(monkeypatch):
    """A question word's slip of the pen is looked up in the article's words once and kept
    (the same fix again, or the same none), at most ``SPELT_KEPT`` words at a time."""
    import assistant.grounding as grounding

    monkeypatch.setattr(grounding, "SPELT_KEPT", 3)
    article = _two_sentence_article(("The ferry sails at dawn.", "Its captain waves."))
    fresh = _two_sentence_article(("The ferry sails at dawn.", "Its captain waves."))
    asked = ["fery", "captian", "sails", "ferrry", "wavez", "fery", "captian", "dawm", "banana"]
    assert [article.spelling(w) for w in asked] == [fresh.spelling(w) for w in asked]
    assert article.spelling("fery") == "ferry" and article.spelling("banana") is None
    assert len(article._spelt) <= 3


def _kettle_page():
    from assistant.types import Source

    return [Source("title", "title", "Title", "Reviving an old kettle", None, None),
            Source("post-1", "post", "Post, paragraph 1",
                   "The kettle had furred up over ten winters. We poured a citric descaler "
                   "into the kettle to dissolve the limescale on its element.", None, None),
            Source("comment-1", "comment", "Reader comment by Pat Ruddle",
                   "A descaler, brilliant. We always used vinegar.", "Pat Ruddle", None)]


def test_a_keyword_question_is_not_answered_by_a_comment_echoing_it(settings, fake_embedder):
    """"descaler what for??": the post's sentence that says what the descaler did, not a
    reader's "A descaler, brilliant.", which says the keyword back."""
    from assistant import Assistant

    a = Assistant.from_sources(_kettle_page(), settings, embedder=fake_embedder)
    query = a.query_for("descaler what for??")
    candidates, _ = a.answerer.candidates(query, None, a._encode([query.text])[0])
    probs = {c.span.text: c.prob for c in candidates}
    assert probs["A descaler, brilliant."] == 0.0
    assert candidates[0].span.text.startswith("We poured a citric descaler")
    # "Who mentioned a descaler?" is answered by its writer: the echo stays
    query = a.query_for("Who said descaler?")
    candidates, _ = a.answerer.candidates(query, None, a._encode([query.text])[0])
    assert {c.span.text: c.prob for c in candidates}["A descaler, brilliant."] > 0.0


def test_a_passage_naming_only_the_keyword_topic_gives_way_to_one_saying_what_is_asked(
        settings, fake_embedder):
    """"boiler fault f22 what did the landlord do about it": the sentence that says what the
    landlord did comes before "The boiler fault F22 came back in January.", which names only
    the topic."""
    from assistant import Assistant
    from assistant.types import Source

    page = [Source("title", "title", "Title", "A winter in a rented flat", None, None),
            Source("post-1", "post", "Post, paragraph 1",
                   "The boiler fault F22 came back in January. "
                   "Our landlord paid for a new pressure valve.",
                   None, None),
            Source("comment-1", "comment", "Reader comment by Sam Oyelaran",
                   "The F22 boiler fault happened to us too, twice.", "Sam Oyelaran", None)]
    a = Assistant.from_sources(page, settings, embedder=fake_embedder)
    query = a.query_for("boiler fault f22 what did the landlord do about it")
    candidates, _ = a.answerer.candidates(query, None, a._encode([query.text])[0])
    assert candidates[0].span.text == "Our landlord paid for a new pressure valve."


def test_a_word_the_article_never_uses_is_found_as_the_word_in_its_place():
    """"Does the bakery van accept coupons?": the article never says "accept", but a sentence
    says "the bakery van takes coupons", with "takes" where the question has "accept", between
    the same two words: that word stands for it when the two are close enough in meaning
    alone (``PLACED_SIMILARITY``). A word of another sort in that place, a word with one
    neighbour only (at the end of the question) or a word framed by words the article does
    not use is not found so."""
    from assistant.grounding import PLACED_SIMILARITY, ground, placed_words
    from assistant.text import words

    article = _two_sentence_article(("The bakery van takes coupons on weekdays.",
                                     "On Sundays the van parks by the village green."))

    def close(word, others):
        return [0.55 if w == "takes" else 0.1 for w in others]

    q = make_query("Does the bakery van accept coupons?")
    assert "accept" in ground(q, article, lambda ws: {}).unknown  # as before: no closeness
    found = ground(q, article, lambda ws: {}, closeness=close)
    assert "accept" not in found.unknown and found.placed == {"accept": "takes"}
    assert ("take", 0.7) in found.synonyms["accept"]
    assert PLACED_SIMILARITY <= 0.55
    # of another sort: as close as unrelated words sit
    far = ground(q, article, lambda ws: {}, closeness=lambda w, others: [0.2] * len(others))
    assert "accept" in far.unknown and not far.placed
    # one neighbour only, or a neighbour the article never uses
    qws = words("Do the coupons expire?")
    assert placed_words(qws, qws.index("expire"), article) == set()
    qws = words("Does the bakery lorry accept coupons?")
    assert placed_words(qws, qws.index("accept"), article) == set()


def test_what_a_sentence_says_the_subject_is_stands_for_the_asked_attribute():
    """"Are the lamps xenon?": the article never says "xenon", but "the lamps are halogen
    bulbs" says what the lamps are, in the place the question asks of: "halogen" stands for
    "xenon" (the answer is no). Only of a question asking what its subject is, at its end:
    "Do the lamps flicker?" finds nothing so."""
    from assistant.grounding import ground, placed_words
    from assistant.text import words

    article = _two_sentence_article(("On the old model the lamps are halogen bulbs.",
                                     "The lamps flicker in the cold."))

    def close(word, others):
        return [0.5 if w == "halogen" else 0.1 for w in others]

    found = ground(make_query("Are the lamps xenon?"), article, lambda ws: {}, closeness=close)
    assert found.placed == {"xenon": "halogen"} and "xenon" not in found.unknown
    qws = words("Do the lamps dim?")
    assert placed_words(qws, qws.index("dim"), article) == set()
    qws = words("Are the lamps xenon at night?")  # not what the subject is, at the end
    assert placed_words(qws, qws.index("xenon"), article) == set()
