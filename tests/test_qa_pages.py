"""A question-and-answer page (Stack Exchange's or Quora's shape, as the page reader labels its
answers): the post is the question, its replies are answers, and the assistant speaks of them
so."""

from __future__ import annotations

import pytest

from assistant.answering import attribution
from assistant.query import make_query
from assistant.types import Source

_SOURCES = [
    Source("title", "title", "Title", "Rear hub clicks once per turn after a rebuild",
           "Ines Roe", "Apr 9, 2024"),
    Source("byline", "byline", "Byline", "By Ines Roe, Apr 9, 2024", "Ines Roe", "Apr 9, 2024"),
    Source("post-1", "post", "Post, paragraph 1",
           "I repacked the rear hub bearings last weekend and now it clicks once per turn.",
           "Ines Roe", "Apr 9, 2024"),
    Source("comment-1", "comment",
           "Reader comment by Nils Ahlgren, Apr 9, 2024 at 21:30 (accepted answer)",
           "A pitted cone clicks once per wheel turn under load, so replace the cone.",
           "Nils Ahlgren", "Apr 9, 2024 at 21:30"),
    Source("comment-2", "comment", "Reader comment by Paolo Verri, Apr 10, 2024 (answer)",
           "Check the freewheel pawls for a dry spring before blaming the hub.",
           "Paolo Verri", "Apr 10, 2024"),
]


def _assistant(settings, fake_embedder):
    from assistant import Assistant

    return Assistant.from_sources(_SOURCES, settings, embedder=fake_embedder)


@pytest.mark.parametrize("question", ["Who wrote the accepted answer?",
                                      "What does the top answer say?",
                                      "Did any of the other answers mention grease?"])
def test_a_pages_answers_are_its_replies(question):
    assert make_query(question).target == "comment"


def test_the_answer_to_something_is_no_reply():
    assert make_query("What answer did the council give?").target != "comment"


def test_who_asked_the_question_is_the_posts_byline_on_a_question_page(settings, fake_embedder):
    a = _assistant(settings, fake_embedder)
    asked = a.ask("Who asked the question?")
    assert not asked.abstained and asked.quotes[0].source.kind == "byline"
    when = a.ask("When was the question asked?")
    assert not when.abstained and when.quotes[0].source.kind == "byline"


def test_an_answer_is_introduced_as_one():
    accepted, other = _SOURCES[3], _SOURCES[4]
    assert attribution(accepted) == \
        "Nils Ahlgren answered on Apr 9, 2024 at 21:30 (the accepted answer): "
    assert attribution(other) == "Paolo Verri answered on Apr 10, 2024: "
    stamped = Source("comment-3", "comment", "Reader comment by Gus Lee, Updated 1y (answer)",
                     "Space.", "Gus Lee", "Updated 1y")
    assert attribution(stamped) == "Gus Lee answered (Updated 1y): "
    comment = Source("comment-4", "comment", "Reader comment by Ann Lee, 3y", "Nice.", "Ann Lee", "3y")
    assert attribution(comment) == "A reader, Ann Lee, commented (3y): "


def test_the_asker_is_the_person_who_signed_the_question(settings, fake_embedder):
    sources = [*_SOURCES, Source(
        "comment-3", "comment", "Reader comment by Ines Roe, Apr 13, 2024, replying to Nils Ahlgren",
        "Found it: the drive-side cone was pitted, and a new cone fixed the click.",
        "Ines Roe", "Apr 13, 2024", reply_to="Nils Ahlgren")]
    from assistant import Assistant

    a = Assistant.from_sources(sources, settings, embedder=fake_embedder)
    assert a.query_for("Did the asker say what fixed it?").question == "Did Ines Roe say what fixed it?"
    assert a.query_for("What bike does the OP ride?").question == "What bike does Ines Roe ride?"
    # "op" in a word, or lower case, is no one; nor is someone who asked about something
    assert a.query_for("Is the shop open?").question == "Is the shop open?"
    assert a.query_for("Who is the person who asked about grease?").question == \
        "Who is the person who asked about grease?"
    assert a.query_for("What did the person who asked the question ride?").question == \
        "What did Ines Roe ride?"
    answer = a.ask("Did the asker say what fixed it?")
    assert any(q.source.author == "Ines Roe" for q in answer.quotes)


def test_a_forums_accepted_solution_is_one_of_its_replies():
    assert make_query("Who wrote the accepted solution?").target == "comment"
    solution = Source("comment-5", "comment", "Reader comment by lenka_h, Apr 9, 2024 (accepted solution)",
                      "Move the pump to the load terminals.", "lenka_h", "Apr 9, 2024")
    assert attribution(solution) == "lenka_h answered on Apr 9, 2024 (the accepted solution): "


def test_on_a_thread_the_op_is_who_wrote_the_post(settings, fake_embedder):
    """On any page whose signed post has replies (a forum's thread, Reddit's), "the OP", "the
    original poster", "the thread starter" and "the poster" are the post's author; not a
    poster on a wall, nor in "Who is the OP?", which asks who that is."""
    from assistant import Assistant

    thread = [Source("comment-1", "comment", "Reader comment by lenka_h, Apr 9, 2024",
                     "Check the cone for pitting before anything else.", "lenka_h", "Apr 9, 2024")
              if s.kind == "comment" and s.id == "comment-1" else
              Source(s.id, s.kind, s.label.replace(" (accepted answer)", "").replace(" (answer)", ""),
                     s.text, s.author, s.date) for s in _SOURCES]
    a = Assistant.from_sources(thread, settings, embedder=fake_embedder)
    assert a.query_for("What bike does the OP ride?").question == "What bike does Ines Roe ride?"
    assert a.query_for("When did the original poster repack it?").question == \
        "When did Ines Roe repack it?"
    assert a.query_for("What tool did the thread starter use?").question == \
        "What tool did Ines Roe use?"
    assert a.query_for("Did the poster fix the hub?").question == "Did Ines Roe fix the hub?"
    assert a.query_for("What did the poster in the shop window say?").question == \
        "What did the poster in the shop window say?"
    assert a.query_for("Who is the OP?").question == "Who is the OP?"


_SHOP = [
    Source("title", "title", "Title", "Harrowfield Folding Step Stool, Two Steps"),
    Source("post-1", "post", "Post, paragraph 1",
           "A two-step stool of powder-coated steel that folds flat to 6 cm for storage."),
    Source("comment-1", "comment", "Reader comment by Odette Marsh, 2 March 2025 (question)",
           "What weight can the top step take?", "Odette Marsh", "2 March 2025"),
    Source("comment-2", "comment", "Reader comment by Harrowfield Home, 3 March 2025 "
           "(answer, seller), replying to Odette Marsh",
           "Each step is tested to 150 kg.", "Harrowfield Home", "3 March 2025",
           reply_to="Odette Marsh"),
    Source("comment-3", "comment", "Reader comment by Lyle Penhale, 9 March 2025 (answer), "
           "replying to Odette Marsh", "I am 120 kg and it has never flexed.",
           "Lyle Penhale", "9 March 2025", reply_to="Odette Marsh"),
    # an unsigned question: its answer replies to no one
    Source("comment-4", "comment", "Reader comment 4 (unsigned) (question)", "Does it fold flat?"),
    Source("comment-5", "comment", "Reader comment by Harrowfield Home, 4 March 2025 (answer)",
           "Yes, to 6 cm.", "Harrowfield Home", "4 March 2025"),
]


def test_a_shops_answer_to_a_customers_question_is_introduced_as_an_answer():
    assert attribution(_SHOP[3]) == "Harrowfield Home (seller) answered on 3 March 2025: "
    assert attribution(_SHOP[4]) == "Lyle Penhale answered on 9 March 2025: "


def test_a_page_whose_questions_are_comments_is_no_question_page(settings, fake_embedder):
    # the product's page is not a question: "the asker" is no one in particular, and who
    # asked a question is its comment's signer, not the page's byline
    from assistant import Assistant

    a = Assistant.from_sources(_SHOP, settings, embedder=fake_embedder)
    assert not a.answerer.answers_page
    q = a.query_for("Who asked the question about the weight?")
    assert q.author_of != "post" and q.target != "post"


def test_who_asked_on_a_page_of_customer_questions_is_a_questions_signer(settings, fake_embedder):
    # an answer is embedded with its question, and the product's text names no asker: "who
    # asked ...?" is answered by a question's comment only
    from assistant import Assistant

    a = Assistant.from_sources(_SHOP, settings, embedder=fake_embedder)
    query = a.query_for("Who asked about the weight the top step can take?")
    candidates, _ = a.answerer.candidates(query, None, a.embedder.encode([query.question])[0])
    assert {c.source.id for c in candidates if c.prob > 0} <= {"comment-1", "comment-4"}
    assert any(c.source.id == "comment-1" and c.prob > 0 for c in candidates)


_SHED = [
    Source("title", "title", "Title", "Re-felting a shed roof in a weekend", "Mara Quill", "3 May 2025"),
    Source("byline", "byline", "Byline", "By Mara Quill, 3 May 2025", "Mara Quill", "3 May 2025"),
    Source("post-1", "post", "Post, paragraph 1",
           "The old felt on our shed had split along the ridge, so I stripped it and laid new felt "
           "over two days.", "Mara Quill", "3 May 2025"),
    Source("post-2", "post", "Post, paragraph 2",
           "I used clout nails every 50mm along the edges and a bitumen adhesive at the overlaps.",
           "Mara Quill", "3 May 2025"),
    Source("comment-1", "comment", "Reader comment by Theo Bracken, 4 May 2025",
           "Rubber membrane lasts far longer than felt and needs no nails at all.",
           "Theo Bracken", "4 May 2025"),
    Source("comment-2", "comment", "Reader comment by Mara Quill, 4 May 2025, replying to Theo Bracken",
           "I priced a rubber membrane, but for a shed this size it cost three times as much.",
           "Mara Quill", "4 May 2025", reply_to="Theo Bracken"),
]


def test_the_author_of_a_page_with_comments_is_its_signed_writer(settings, fake_embedder):
    """On a page whose signed post has readers' comments, "the author", "the writer of the
    post", "the columnist" is who signed it: their own reply on what is asked counts as theirs
    (its author named), another reader's does not. Not in "Who is the author?", nor asking
    their name, nor "the author of the study" or "the letter writer"."""
    import numpy as np

    from assistant import Assistant
    from assistant.features import INDEX

    a = Assistant.from_sources(_SHED, settings, embedder=fake_embedder)
    for question in ("Why didn't the author use a rubber membrane?",
                     "Why did the writer of the post pick felt over rubber?",
                     "Did the columnist think about a rubber membrane?",
                     "What did the host say about rubber?"):
        assert a.query_for(question).writer == "Mara Quill"
    for question in ("Who is the author?", "What's the writer's name?",
                     "Which nails did the reviewer want?",
                     "Does the author of the study use rubber?", "Where does the letter writer live?"):
        assert a.query_for(question).writer is None
    q = a.query_for("Why didn't the author use a rubber membrane?")
    cands, _ = a.answerer.candidates(q, None, a._encode([q.text])[0])
    named = {c.source.id: c.features[INDEX["author_named"]] for c in cands}
    assert named["comment-2"] == 1.0 and named["comment-1"] == 0.0
    assert np.isclose(named["post-1"], 0.0)
    # a reply of theirs on something else is not what is asked
    q = a.query_for("How far apart did the author put the nails?")
    cands, _ = a.answerer.candidates(q, None, a._encode([q.text])[0])
    assert all(c.features[INDEX["author_named"]] == 0.0 for c in cands if c.source.id == "comment-2")


def test_the_letter_writer_is_who_signed_the_letter_the_post_prints(settings, tmp_path, fake_embedder):
    """An advice column prints a reader's letter under "Dear ...," down to its sign-off
    ("Tomasz, Eastleigh"): "the letter writer", "Who sent in the question?" ask after that
    reader, whose own words are its paragraphs (their author named); not the columnist's
    reply. A page with no such letter has none."""
    from dataclasses import replace

    from assistant import Assistant
    from assistant.features import INDEX
    from assistant.ingest.page import page_sources
    from assistant.ingest.text import read_text_page

    from .test_text_layout import LETTER_COLUMN

    sources = page_sources(read_text_page(LETTER_COLUMN))
    a = Assistant.from_sources(sources, settings, embedder=fake_embedder)
    letter = {s.id for s in sources if s.text.startswith(("I rented", "The landlord", "Tomasz, East"))}
    for question in ("Where does the letter writer live?", "Who sent in the question?",
                     "Who wrote in?", "Who asked the question?", "How long did the asker rent the flat?"):
        assert a.query_for(question).letter == letter
    assert a.query_for("What should Tomasz do?").letter == frozenset()
    q = a.query_for("Where does the letter writer live?")
    cands, _ = a.answerer.candidates(q, None, a._encode([q.text])[0])
    named = {c.span.text: c.features[INDEX["author_named"]] for c in cands}
    assert named["Tomasz, Eastleigh"] == 1.0
    assert named["Ask the deposit scheme for its free dispute service."] == 0.0
    plain = Assistant.from_sources(
        page_sources(read_text_page(LETTER_COLUMN.replace("Dear Oren,\n\n", ""))),
        replace(settings, index_dir=tmp_path / "plain"), embedder=fake_embedder, rebuild=True)
    assert plain.query_for("Where does the letter writer live?").letter == frozenset()


def test_the_reporters_job_is_in_a_byline_that_prints_one(settings, tmp_path, fake_embedder):
    """"What's the reporter's job?" of a signed page: a byline that prints the writer's job
    ("By Ann Roe, Health Correspondent") may answer (its author named); one printing only a
    name and a date does not."""
    from dataclasses import replace

    from assistant import Assistant
    from assistant.features import INDEX

    def byline_named(byline: str, where: str) -> float:
        sources = [
            Source("title", "title", "Title", "Clinic hours cut at Westmoor", "Ann Roe", "3 May 2025"),
            Source("byline", "byline", "Byline", byline, "Ann Roe", "3 May 2025"),
            Source("post-1", "post", "Post, paragraph 1",
                   "The walk-in clinic at Westmoor will close at 4pm from June, the trust said.",
                   "Ann Roe", "3 May 2025"),
        ]
        a = Assistant.from_sources(sources, replace(settings, index_dir=tmp_path / where),
                                   embedder=fake_embedder, rebuild=True)
        q = a.query_for("What's the reporter's job at the paper?")
        assert q.writer == "Ann Roe"
        cands, _ = a.answerer.candidates(q, None, a._encode([q.text])[0])
        return next(c.features[INDEX["author_named"]] for c in cands if c.source.id == "byline")

    assert byline_named("By Ann Roe, Health Correspondent, 3 May 2025", "job") == 1.0
    assert byline_named("By Ann Roe, 3 May 2025", "plain") == 0.0
