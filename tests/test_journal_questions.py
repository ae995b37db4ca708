"""Questions on a journal article's own page (it prints its publication history): "the paper",
"the study", its journal, its DOI are the page's own, not a work it cites, unless the question
picks one out. Questions on a thread's messages in time: "the first email" is the oldest."""

from __future__ import annotations

from assistant.types import Source

_AUTHORS, _DATE = "Mair Ellis and Owen Pryce", "20 June 2024"
_SOURCES = [
    Source("title", "title", "Title", "Lichen cover on churchyard headstones", _AUTHORS, _DATE),
    Source("byline", "byline", "Byline", f"By {_AUTHORS}, {_DATE}", _AUTHORS, _DATE),
    Source("post-1", "post", "Post, paragraph 1",
           "Stone Ecology volume 12, Article number: 77 (2024)", _AUTHORS, _DATE),
    Source("post-2", "post", "Post, paragraph 2",
           "Received: 3 January 2024 / Accepted: 9 May 2024 / Published: 20 June 2024 / "
           "DOI: https://doi.org/10.4821/se.2024.77", _AUTHORS, _DATE),
    Source("post-3", "post", "Post, paragraph 3",
           "We counted lichen species on 300 headstones in 40 churchyards.", _AUTHORS, _DATE),
    Source("reference-1", "reference", "Reference 1",
           "Owen T (2015) Lichens on slate. Stone J 3:11-19. https://doi.org/10.1111/sj.2015.3"),
]


def _assistant(settings, fake_embedder, sources=_SOURCES):
    from assistant import Assistant

    return Assistant.from_sources(sources, settings, embedder=fake_embedder)


def test_the_paper_on_its_own_page_is_the_page(settings, fake_embedder):
    a = _assistant(settings, fake_embedder)
    on = a.answerer.on_page
    title = on(a.query_for("What's the title of the paper?"))
    assert title.target is None  # the page's title, not a reference's
    doi = on(a.query_for("What is the paper's DOI?"))
    assert doi.target is None and "reference" not in doi.kinds
    journal = on(a.query_for("Which journal is this study in?"))
    assert "reference" not in journal.kinds


def test_a_cited_work_picked_out_is_still_a_reference(settings, fake_embedder):
    a = _assistant(settings, fake_embedder)
    on = a.answerer.on_page
    assert on(a.query_for("What's the title of the paper by Owen?")).target == "paper"
    assert "reference" in on(a.query_for("Which journal published the 2015 study?")).kinds


def test_a_page_without_its_own_history_keeps_the_paper_a_cited_work(settings, fake_embedder):
    sources = [s for s in _SOURCES if not s.text.startswith("Received")]
    a = _assistant(settings, fake_embedder, sources)
    assert a.answerer.on_page(a.query_for("What's the title of the paper?")).target == "paper"


_THREAD = [
    Source("title", "title", "Title", "Hall booking for the quiz night", "Ann Lee", "Fri, 7 Mar 2025"),
    Source("byline", "byline", "Byline", "By Ann Lee, Fri, 7 Mar 2025", "Ann Lee", "Fri, 7 Mar 2025"),
    Source("post-1", "post", "Post, paragraph 1", "The hall is booked for the 21st.", "Ann Lee",
           "Fri, 7 Mar 2025"),
    Source("comment-1", "comment", "Reader comment by Ben Ross, 6 Mar 2025, replying to Cara Day",
           "I can bring the projector.", "Ben Ross", "6 Mar 2025", reply_to="Cara Day"),
    Source("comment-2", "comment", "Reader comment by Cara Day, 5 Mar 2025",
           "Could someone book the hall for the quiz?", "Cara Day", "5 Mar 2025"),
]


def test_the_first_email_of_a_thread_quoted_newest_first_is_the_last_one_quoted(settings,
                                                                               fake_embedder):
    a = _assistant(settings, fake_embedder, _THREAD)
    q = a.query_for("Who sent the very first email?")
    assert q.first_message and q.comment_at == -1
    named = a.answerer.comment_at(q)
    assert named is not None and named.id == "comment-2"


def test_the_first_message_of_a_thread_in_page_order_is_its_post(settings, fake_embedder):
    chronological = [*_THREAD[:3], Source("comment-1", "comment", "Reader comment by Cara Day",
                                          "Thanks, I will bring cake.", "Cara Day", "8 Mar 2025")]
    a = _assistant(settings, fake_embedder, chronological)
    q = a.query_for("Who sent the first message?")
    assert q.comment_at is None and q.author_of == "post"
