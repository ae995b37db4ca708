"""Reading "he" / "she" in a follow-up as the person the earlier answer named."""

import pytest

from assistant.sentences import person_names
from assistant.service import person_answered
from assistant.types import Answer, Quote, Source


def _answer(text: str, kind: str = "post", author: str | None = None, source_text: str | None = None,
            abstained: bool = False) -> Answer:
    src = Source("s1", kind, "Post, paragraph 1", source_text or text, author=author)
    quote = Quote(1, text, 0, len(text), 0.9, src)
    return Answer("Who?", text, abstained, () if abstained else (quote,))


def test_person_names_finds_people_not_bodies():
    assert person_names('"It was awful," said Theo Marchetti, a junior in my class.') == ["Theo Marchetti"]
    assert person_names("Dr. Marcus Oakley, of the University of Leicester, disagrees.") == [
        "Dr. Marcus Oakley"]
    assert person_names("The count is run by the Pennine Vale Bird Trust.") == []
    assert person_names("FERREIRA: We went down at dawn.") == ["FERREIRA"]
    # a rank in roman numerals names no one; a monarch's number follows a title or name
    assert person_names("The chapel is Grade II listed and Phase III starts in May.") == []
    assert person_names("The abbey was closed by King Henry VIII.") == ["King Henry VIII"]


def test_a_comment_answers_with_its_writer():
    got = _answer("Paul, the hours are not the problem.", kind="comment", author="Tomasz Wrona")
    assert person_answered(got, {"who", "answered", "paul", "comment"}) == "Tomasz Wrona"


def test_a_post_sentence_answers_with_the_person_it_names_near_the_question_words():
    text = ("The concert raised $3,870 for the Hollis Ferry Food Shelf, according to the choir's "
            "treasurer, Linda Kowalczyk.")
    assert person_answered(_answer(text), {"who", "is", "the", "choir", "treasurer"}) == (
        "Linda Kowalczyk")
    # a name the question gives is not the answer
    text = "Ruth Abernathy founded the choir; Desmond Oyelaran conducts it now."
    assert person_answered(_answer(text), {"who", "conducts", "ruth", "abernathy"}) == (
        "Desmond Oyelaran")


def test_a_reference_answers_with_its_first_author():
    ref = "Colaianni G, Sun L, Zaidi M, Zallone A. Oxytocin and Bone. Am J Physiol. 2014."
    assert person_answered(_answer(ref, kind="reference"), {"who", "wrote", "review"}) == "Colaianni"


@pytest.mark.parametrize("got", [
    _answer("The article does not say.", abstained=True),
    _answer("Nobody knows for sure."),
])
def test_no_person_no_referent(got):
    assert person_answered(got, {"who"}) is None


@pytest.mark.integration
def test_a_follow_up_reads_she_as_the_person_answered(real_assistant):
    history = ["Who led the review on oxytocin and bone?"]
    answer = real_assistant.ask("Which university is she at?", history=history)
    assert "Colaianni" in (answer.resolved_question or "")
    assert not answer.abstained and "University of Bari" in answer.answer


def test_who_asked_is_answered_by_the_quote_that_asks_not_a_reply_before_it():
    """"Who asked about X?" answered by the author's reply first and the reader's question
    second: the person asked after is the reader ("What did the author tell him?")."""
    reply = Quote(1, "I keep mine in the shed over winter.", 0, 36, 0.9,
                  Source("comment-2", "comment", "Comment 2", "I keep mine in the shed over winter.",
                         author="Rosa Penhale"))
    ask = Quote(2, "Can the pump stay outside in a frost?", 0, 37, 0.8,
                Source("comment-1", "comment", "Comment 1", "Can the pump stay outside in a frost?",
                       author="Ivo Gratton"))
    got = Answer("Who asked about leaving the pump out in winter?", "...", False, (reply, ask))
    assert person_answered(got, {"who", "asked", "pump", "winter"}) == "Ivo Gratton"
    # any other "who" question keeps the first quote's writer
    got = Answer("Who keeps the pump in the shed?", "...", False, (reply, ask))
    assert person_answered(got, {"who", "keeps", "pump", "shed"}) == "Rosa Penhale"


def test_a_first_quote_naming_no_one_as_a_person_gives_way_to_a_writer_further_down():
    """"Who asked about feeding frogs?" answered first by a post sentence naming a survey
    ("the Hollow Lane Frog Tally, run by ...") and then by a reader's comment: the reader is
    who was asked about, not the survey's name."""
    post = Quote(1, "The Hollow Lane Frog Tally, run by the Brenmoor Pond Trust, counted 412 frogs.",
                 0, 78, 0.9, Source("post-1", "post", "Post, paragraph 1",
                                    "The Hollow Lane Frog Tally, run by the Brenmoor Pond Trust, "
                                    "counted 412 frogs."))
    comment = Quote(2, "My lad throws them mealworms every evening.", 0, 43, 0.8,
                    Source("comment-3", "comment", "Comment 3",
                           "My lad throws them mealworms every evening.", author="Wilf Ancrum"))
    got = Answer("Who asked about feeding frogs?", "...", False, (post, comment))
    assert person_answered(got, {"who", "asked", "about", "feeding", "frogs"}) == "Wilf Ancrum"
    # with no one named as a person further down, the first name stands
    got = Answer("Who asked about feeding frogs?", "...", False, (post,))
    assert person_answered(got, {"who", "asked", "about", "feeding", "frogs"}) == "Frog Tally"


def test_a_writer_the_question_names_is_not_the_person_answered():
    """"Who answered Bea Tolland?" quoting Bea's own comment first: the next writer is meant."""
    hers = _answer("Does the hedge need cutting before March?", kind="comment", author="Bea Tolland")
    his = _answer("Before the birds nest, yes.", kind="comment", author="Ivo Marsh")
    got = Answer("Who answered Bea Tolland?", "...", False, hers.quotes + his.quotes)
    assert person_answered(got, {"who", "answered", "bea", "tolland"}) == "Ivo Marsh"


def test_what_the_person_answered_did_is_told_in_their_own_words():
    """"Who recommended a saddle fitting? / Where did he have his done?": the person answered
    speaks as "I" in the comment he wrote; not another reader's "I", nor a sentence of his
    that does not speak of himself, nor the post."""
    import numpy as np

    from assistant.answerer import in_own_words, raise_odds
    from assistant.types import Span

    said = [
        ("c1", "comment", "Tobin Marsh", "I had mine done at Fernley Wheels in Ostwick last spring."),
        ("c1", "comment", "Tobin Marsh", "A fitting is worth more than new shoes."),
        ("c2", "comment", "Ula Brack", "I never bothered with a fitting."),
        ("p1", "post", None, "Tobin Marsh says I should get a fitting."),
    ]
    sources = [Source(sid, kind, sid, text, author=author) for sid, kind, author, text in said]
    spans = [Span(sid, 0, len(text), text) for sid, _, _, text in said]
    assert in_own_words("Tobin Marsh", spans, sources).tolist() == [True, False, False, False]
    assert in_own_words("Ula Brack", spans, sources).tolist() == [False, False, True, False]
    raised = raise_odds(np.array([0.0, 0.2, 0.5, 1.0]), 2.0)
    assert raised[0] == 0.0 and raised[3] == 1.0
    assert raised[1] == pytest.approx(1 / 3) and raised[2] == pytest.approx(2 / 3)


def test_the_person_answered_ranks_their_own_words_higher(settings, fake_embedder, monkeypatch):
    from assistant import Assistant, answerer
    from assistant.query import make_query

    page = [
        Source("title", "title", "Title", "Sore knees on long rides", None, None),
        Source("post", "post", "Post", "My knees ache after eighty miles. Any ideas?",
               author="Petra Lune"),
        Source("comment-1", "comment", "Comment 1",
               "Get a proper bike fit. I had mine done at Fernley Wheels in Ostwick.",
               author="Tobin Marsh", reply_to="Petra Lune"),
        Source("comment-2", "comment", "Comment 2", "Try lowering the saddle a little.",
               author="Ula Brack", reply_to="Petra Lune"),
    ]
    a = Assistant.from_sources(page, settings, embedder=fake_embedder)
    q = make_query("Where did he get his done?", ["Who suggested a bike fit?"], referent="Tobin Marsh")
    q = a.answerer.on_page(q)
    vec = a._encode([q.text])[0]

    def probs() -> dict[str, float]:
        return {c.span.text: c.prob for c in a.answerer.candidates(q, None, vec)[0]}

    raised = probs()
    monkeypatch.setattr(answerer, "REFERENT_OWN_ODDS", 1.0)
    plain = probs()
    own = "I had mine done at Fernley Wheels in Ostwick."
    assert raised[own] > plain[own] > 0
    assert all(raised[t] == plain[t] for t in plain if t != own)
