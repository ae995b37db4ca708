"""A follow-up's "he" or "she" is not answered from a sentence about someone else: one the
article calls the other, or another reader's comment (made-up pages)."""

import numpy as np
import pytest

from assistant.pronouns import about_other, asked_gender, name_genders
from assistant.query import make_query
from assistant.service import person_answered
from assistant.types import Answer, Quote, Source, Span


def _spans(*texts: str, source: str = "post-1") -> tuple[list[Span], dict[str, Source]]:
    src = Source(source, "post", "Post, paragraph 1", " ".join(texts))
    spans, at = [], 0
    for t in texts:
        spans.append(Span(source, at, at + len(t), t))
        at += len(t) + 1
    return spans, {source: src}


@pytest.mark.parametrize(("question", "gender"), [
    ("When was he born?", "m"),
    ("What's his surname?", "m"),
    ("Which company supplies her timber?", "f"),
    ("How long has she been there?", "f"),
    ("What did he tell her?", None),  # both
    ("How old is his daughter?", None),  # another person, related to him
    ("Where was the bridge built?", None),
])
def test_the_gender_a_question_asks_after(question, gender):
    assert asked_gender(question) == gender


def test_the_article_gives_a_person_a_gender_by_its_own_pronouns():
    spans, sources = _spans(
        "Harriet Quill, who runs the ferry café, opened it in 2015 after she left teaching.",
        '"It was the best thing I ever did," said Oswin Tarrant, the harbour master.',
        '"The tide waits for nobody."',
        "He said the quay would be mended by spring.",
        "Mrs Pellow sells crab sandwiches from a hatch.")
    got = name_genders(spans, sources)
    assert got["harriet"] == got["quill"] == "f"
    assert got["oswin"] == got["tarrant"] == "m"  # "He said", past a quotation of its own
    assert got["pellow"] == "f"  # a title


def test_a_name_given_both_genders_is_given_neither():
    spans, sources = _spans("Robin Hale said she would come.", "Robin Hale said he would not.")
    assert "hale" not in name_genders(spans, sources)


def test_a_sentence_plainly_about_a_she_is_not_about_a_he():
    genders = {"harriet": "f", "quill": "f", "oswin": "m", "tarrant": "m"}
    text = "Born Harriet Quill in 1951, she was the eldest daughter of a lighthouse keeper."
    assert about_other(text, "m", genders)
    assert not about_other(text, "f", genders)
    # a "he" in it, a person it names whom the article does not give a gender, a first person,
    # or a word for a man it may mean him by: it may be about him
    assert not about_other("She met Oswin Tarrant at the quay, and he asked her to stay.", "m", genders)
    assert not about_other("She met Jory Penrose at the quay.", "m", genders)
    assert not about_other('"I never liked boats," she said.', "m", genders)
    assert not about_other("She waved to a fisherman mending his nets.", "m", genders)
    # a sentence with no "she" in it at all is no sentence about a she
    assert not about_other("The café thanked her for the cakes.", "m", genders)


def test_a_follow_up_by_pronoun_takes_the_person_the_article_gives_that_gender():
    comment = Source("comment-1", "comment", "Reader comment", "My uncle kept bees for years.",
                     author="Ailsa Brody")
    post = Source("post-3", "post", "Post, paragraph 3",
                  "Dr. Emrys Vane, an entomologist who was not involved, doubts the result.")
    got = Answer("Which outside expert doubts it?", "...", False, (
        Quote(1, comment.text, 0, len(comment.text), 0.5, comment),
        Quote(2, post.text, 0, len(post.text), 0.4, post)))
    asked = {"which", "outside", "expert", "doubts", "it"}
    assert person_answered(got, asked) == "Ailsa Brody"  # no gender asked: the first quote's
    assert person_answered(got, asked, "m", {"emrys": "m", "vane": "m"}) == "Dr. Emrys Vane"
    # a writer the article gives no gender is still who, when no one else is of that gender
    assert person_answered(got, asked, "m", {}) == "Ailsa Brody"
    # one it gives the other gender is not
    assert person_answered(got, asked, "f", {"emrys": "m", "vane": "m"}) == "Ailsa Brody"
    assert person_answered(got, asked, "m", {"ailsa": "f", "brody": "f"}) == "Dr. Emrys Vane"


_PAGE = [
    Source("post-1", "post", "Post, paragraph 1",
           "Born Harriet Quill in 1951 in a fishing village, she was the eldest of five children. "
           "She is survived by her son Kit and her daughter Morwenna.", None, None),
    Source("post-2", "post", "Post, paragraph 2",
           "The harbour trust will plant an apple tree by the quay in her memory.", None, None),
    Source("comment-1", "comment", "Reader comment by Tegan Roskilly",
           "We live in Porthallow, and my boat has a cracked hull.", "Tegan Roskilly", None),
    Source("comment-2", "comment", "Reader comment by Jowan Penhale",
           "I still think the hull on these boats is too thin for winter.", "Jowan Penhale", None),
]


def test_when_was_he_born_is_not_answered_by_her_birth(settings, fake_embedder):
    from assistant import Assistant

    a = Assistant.from_sources(_PAGE, settings, embedder=fake_embedder)
    q = a.query_for("When was he born?", ["Who is her son?"])
    candidates, _ = a.answerer.candidates(q, None, a._encode([q.text])[0])
    born = next(c for c in candidates if c.span.text.startswith("Born Harriet"))
    assert born.prob == 0.0
    # asked of her, it is her birth
    q = a.query_for("When was she born?", ["Who is the obituary about?"])
    candidates, _ = a.answerer.candidates(q, None, a._encode([q.text])[0])
    assert next(c for c in candidates if c.span.text.startswith("Born Harriet")).prob > 0.0


def test_another_readers_comment_does_not_answer_after_the_person_answered(settings, fake_embedder):
    from assistant import Assistant

    a = Assistant.from_sources(_PAGE, settings, embedder=fake_embedder)
    q = make_query("Where does he live?", ["Who thinks the hulls are too thin?"],
                   referent="Jowan Penhale")
    assert q.referent == "Jowan Penhale"
    candidates, _ = a.answerer.candidates(q, None, a._encode([q.text])[0])
    by_text = {c.span.text: c.prob for c in candidates}
    assert by_text["We live in Porthallow, and my boat has a cracked hull."] == 0.0
    # asked after the reader who wrote it, it answers
    q = make_query("Where does she live?", ["Whose boat has a cracked hull?"],
                   referent="Tegan Roskilly")
    candidates, _ = a.answerer.candidates(q, None, a._encode([q.text])[0])
    assert {c.span.text: c.prob for c in candidates}[
        "We live in Porthallow, and my boat has a cracked hull."] > 0.0


def test_a_comment_about_the_person_answered_by_name_still_answers(settings, fake_embedder):
    from assistant import Assistant

    page = [*_PAGE, Source("comment-3", "comment", "Reader comment by Bryok Tonkin",
                           "Jowan Penhale lives in Porthallow too. He mends nets.", "Bryok Tonkin",
                           None)]
    a = Assistant.from_sources(page, settings, embedder=fake_embedder)
    q = make_query("Where does he live?", ["Who thinks the hulls are too thin?"],
                   referent="Jowan Penhale")
    candidates, _ = a.answerer.candidates(q, None, a._encode([q.text])[0])
    by_text = {c.span.text: c.prob for c in candidates}
    assert by_text["Jowan Penhale lives in Porthallow too."] > 0.0
    assert by_text["He mends nets."] > 0.0  # on from the sentence that names him
    assert np.isclose(by_text["We live in Porthallow, and my boat has a cracked hull."], 0.0)


@pytest.mark.parametrize(("text", "tied"), [
    ("Dr. Emrys Vane, an entomologist at the University of Penwith who was not involved, doubts it.",
     True),
    ("Tamsin Hoskin, a ward nurse at St Petroc's Hospital, said the beds were full.", True),
    ("Dr. Emrys Vane (Penwith Institute) led the survey.", True),
    ("Tamsin Hoskin, a ward nurse in the town, said the beds were full.", False),
])
def test_a_person_tied_to_an_institution_past_their_role(text, tied):
    """"Where does he work?" / "Dr. X, a zooarchaeologist at the University of Y": the role
    between the name and the institution does not hide the tie."""
    from assistant.sentences import _AFFILIATION

    assert bool(_AFFILIATION.search(text)) is tied


_CHOIR = [
    Source("post-1", "post", "Post, paragraph 1",
           "Ada Lunn joined the Marrow Bay Singers in 1990 and now leads the altos. "
           "The youngest singer is Tess Marlow, a 15-year-old with a big voice.", None, None),
    Source("post-2", "post", "Post, paragraph 2",
           '"We rehearse on Thursdays," said Colm Idris, a 58-year-old joiner. '
           "She turned 70 last spring and still walks to every rehearsal. "
           "Owain Hale leads the tenors.", None, None),
]


def test_names_only_others():
    from assistant.answerer import names_only_others

    assert names_only_others("The youngest singer is Tess Marlow, aged 15.", "Ada Lunn", "f")
    assert not names_only_others("Ada sang with Tess Marlow.", "Ada Lunn", "f")  # names her
    assert not names_only_others("She turned 70 with Tess Marlow at her side.", "Ada Lunn", "f")
    assert not names_only_others("She turned 70 last spring.", "Ada Lunn", "f")  # names no one


def test_a_follow_up_about_the_person_named_is_not_answered_about_another(settings, fake_embedder):
    """"When did Ada Lunn join? / How old is she?": not Tess Marlow's age; "Who said they
    rehearse on Thursdays? / How old is he?" (answered: someone else): not Colm Idris's."""
    from assistant import Assistant

    a = Assistant.from_sources(_CHOIR, settings, embedder=fake_embedder)
    q = make_query("How old is she?", ["When did Ada Lunn join the Marrow Bay Singers?"])
    assert q.earlier == ("When did Ada Lunn join the Marrow Bay Singers?",)
    candidates, _ = a.answerer.candidates(q, None, a._encode([q.text])[0])
    by_text = {c.span.text: c.prob for c in candidates}
    assert by_text["The youngest singer is Tess Marlow, a 15-year-old with a big voice."] == 0.0
    assert by_text["She turned 70 last spring and still walks to every rehearsal."] > 0.0
    q = make_query("How old is he?", ["Who leads the tenors?"], referent="Owain Hale")
    candidates, _ = a.answerer.candidates(q, None, a._encode([q.text])[0])
    assert {c.span.text: c.prob for c in candidates}[
        '"We rehearse on Thursdays," said Colm Idris, a 58-year-old joiner.'] == 0.0
    # a person the article never names (a guess from an earlier answer) sets no one aside
    q = make_query("How old is he?", ["Who leads the basses?"], referent="Piran Vose")
    candidates, _ = a.answerer.candidates(q, None, a._encode([q.text])[0])
    assert {c.span.text: c.prob for c in candidates}[
        '"We rehearse on Thursdays," said Colm Idris, a 58-year-old joiner.'] > 0.0


def test_names_anything():
    from assistant.answerer import names_anything

    assert names_anything("She is survived by her son Kit.")
    assert names_anything("Kit runs the farm now.")  # a name may open it
    assert not names_anything("A retired lock-keeper rows the ferry across twice a day.")
    assert not names_anything('"I\'m off," he said.')  # "I" is no name


_FERRY = [
    Source("post-1", "post", "Post, paragraph 1",
           "A retired lock-keeper rows the ferry across the estuary twice a day. "
           "The crossing takes ten minutes.", None, None),
]


def test_a_name_asked_by_pronoun_is_not_answered_by_a_sentence_without_one(settings, fake_embedder):
    """"Who rows the ferry? / What's his surname?": a sentence naming no one holds none."""
    from assistant import Assistant

    a = Assistant.from_sources(_FERRY, settings, embedder=fake_embedder)
    q = make_query("What's his surname?", ["Who rows the ferry across the estuary?"])
    candidates, _ = a.answerer.candidates(q, None, a._encode([q.text])[0])
    assert {c.span.text: c.prob for c in candidates}[
        "A retired lock-keeper rows the ferry across the estuary twice a day."] == 0.0
    # asked for something else of him, it may answer
    q = make_query("How often does he row it?", ["Who rows the ferry across the estuary?"])
    candidates, _ = a.answerer.candidates(q, None, a._encode([q.text])[0])
    assert {c.span.text: c.prob for c in candidates}[
        "A retired lock-keeper rows the ferry across the estuary twice a day."] > 0.0
