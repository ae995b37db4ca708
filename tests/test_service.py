"""Answers as a reader sees them, on the fake embedder."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant import AskRequest, InvalidQuestionError, InvalidRequestError, UnknownSourceError
from assistant.text import word_count

WORDS = """oxytocin bone osteoporosis mice receptors review journal
comment Simran estrogen calcium fractures women hibernating doi title
picture what who when how many why is the a of does treatment side effects university dose""".split()


def assert_verbatim(assistant, answer):
    texts = {s.id: s.text for s in assistant.sources()}
    for q in (*answer.quotes, *answer.closest):
        assert texts[q.source.id][q.start : q.end] == q.text


@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12), st.text(max_size=40))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_every_quote_is_verbatim_for_any_question(assistant, words, noise):
    question = (" ".join(words) + " " + noise).strip() or "bone"
    question = "".join(ch for ch in question if ch.isprintable()) or "bone"
    try:
        answer = assistant.ask(question)
    except InvalidQuestionError:
        return
    assert_verbatim(assistant, answer)
    assert word_count(answer.answer) <= 120
    if answer.abstained:
        assert answer.quotes == () and answer.answer.startswith("The article does not say")
    else:
        assert answer.quotes
        for q in answer.quotes:
            assert f"[{q.n}]" in answer.answer


def test_answer_shape_matches_the_contract(assistant):
    d = assistant.ask("Which bone cells have oxytocin receptors?").to_dict()
    assert set(d) >= {"question", "answer", "abstained", "quotes", "closest"}
    q = d["quotes"][0]
    assert set(q) == {"n", "text", "start", "end", "score", "source"}
    assert set(q["source"]) == {"id", "kind", "label", "author", "date"}


def test_comment_quotes_say_whose_words_they_are(assistant):
    a = assistant.ask("What did Simran Ghooi say about postmenopausal women and oxytocin?")
    assert not a.abstained
    comment = next(q for q in a.quotes if q.source.kind == "comment")
    assert "A reader, Simran Ghooi, commented on 17 Nov 2014" in a.answer
    assert comment.source.author == "Simran Ghooi"


def test_no_near_duplicate_quotes(assistant):
    a = assistant.ask("oxytocin osteoporosis treatment")
    texts = [q.text for q in a.quotes]
    assert len(texts) == len(set(texts))


def test_unrelated_question_abstains_with_closest_passages(assistant):
    # The fake embedder's similarities are not the model's, so the question is one whose
    # every word the article lacks and that asks a measure it never gives; with the real
    # model any off-topic question is declined (test_everyday_questions.py)
    a = assistant.ask("How tall is Mount Everest?")
    assert a.abstained and a.quotes == ()
    assert a.answer.startswith("The article does not say")
    assert 1 <= len(a.closest) <= 3


def test_how_many_question_needs_a_number(assistant):
    a = assistant.ask("How many mice were studied in the experiments?")
    assert a.abstained


def test_author_of_the_post_is_not_printed(assistant):
    assert assistant.ask("Who is the author of this blog post?").abstained


def test_follow_up_uses_the_earlier_question(assistant):
    a = assistant.ask("Which university is she at?", history=["Who led the review on oxytocin and bone?"])
    assert not a.abstained
    assert "University of Bari" in " ".join(q.text for q in a.quotes)


def test_a_follow_up_reads_the_same_alone_and_in_a_batch(assistant):
    history = ("Who led the review on oxytocin and bone?",)
    alone = assistant.ask("Which university is she at?", history=history)
    [batched] = assistant.ask_many([AskRequest("Which university is she at?", history)])
    assert alone.to_dict() == batched.to_dict()
    assert (alone.resolved_question or "").startswith(
        "Who led the review on oxytocin and bone? Which university is she at?")


def test_kind_filter(assistant):
    a = assistant.ask("What do readers say about oxytocin?", kinds=["comment"])
    assert a.quotes and all(q.source.kind == "comment" for q in a.quotes)
    with pytest.raises(InvalidRequestError, match="unknown source kind 'blog'"):
        assistant.ask("oxytocin", kinds=["blog"])


@pytest.mark.parametrize(
    ("question", "message"),
    [("", "empty"), ("   \n\t", "empty"), ("x" * 1001, "1,001 characters"),
     ("bone\x00marrow", "control character"), (None, "must be text")],
)
def test_bad_questions_are_rejected_clearly(assistant, question, message):
    with pytest.raises(InvalidQuestionError, match=message):
        assistant.ask(question)


def test_ask_many_keeps_order_and_returns_errors_in_place(assistant):
    out = assistant.ask_many([AskRequest("What is osteoporosis?"), AskRequest(""),
                              AskRequest("What is the DOI of the cited paper?")])
    assert out[0].question == "What is osteoporosis?"
    assert isinstance(out[1], InvalidQuestionError)
    assert out[2].question == "What is the DOI of the cited paper?"
    assert out[0] == assistant.ask("What is osteoporosis?")


def test_search_returns_ranked_hits(assistant):
    hits = assistant.search("oxytocin receptors osteoblasts", k=3)
    assert len(hits) == 3 and hits[0].score >= hits[1].score >= hits[2].score
    src = {s.id: s.text for s in assistant.sources()}
    for h in hits:
        assert src[h.source.id][h.chunk.start : h.chunk.end] == h.chunk.text
    with pytest.raises(InvalidRequestError, match="k must be"):
        assistant.search("bone", k=0)


def test_sources_and_lookup(assistant):
    ids = [s.id for s in assistant.sources()]
    assert ids[:3] == ["title", "caption", "post-1"] and ids[-1] == "comment-4"
    assert assistant.source("reference").kind == "reference"
    with pytest.raises(UnknownSourceError, match="no source 'nope'"):
        assistant.source("nope")


def test_answers_are_the_same_when_many_threads_ask_at_once(assistant):
    # The API answers on several threads at once. Words never seen before (and slips of the
    # pen) go through every per-word step afresh; a shared stemmer once garbled them there.
    import random

    from assistant.text import stem
    from tests.threads import map_on_threads

    rng = random.Random(7)
    made_up = ["".join(rng.choice("aeioubcdfglmnprst") for _ in range(rng.randint(5, 11)))
               for _ in range(120)]
    questions = [f"{' '.join(rng.sample(WORDS, 4))} {w}ings {w}ation osteoporsis?"
                 for w in made_up]
    stem.cache_clear()
    together = map_on_threads(lambda q: assistant.ask(q).to_dict(), questions, threads=6)
    alone = {i: assistant.ask(q).to_dict() for i, q in enumerate(questions)}
    assert together == alone


@pytest.mark.parametrize("question, source", [
    ("What did the second commenter say?", "comment-2"),
    ("What did the last commenter think about calcium?", "comment-4"),
    ("Who commented last?", "comment-4"),
])
def test_a_comment_named_by_its_place_on_the_page_is_the_one_quoted(assistant, question, source):
    answer = assistant.ask(question)
    shown = [q.source.id for q in (*answer.quotes, *answer.closest)]
    assert shown and set(shown) == {source}


@pytest.mark.parametrize("question, reason", [
    ("Who wrote the first comment?", "Reader comment 1 (unsigned) is not signed"),
    ("When was the first comment posted?", "Reader comment 1 (unsigned) is not dated"),
    ("What did the third comment say?", "Reader comment 3 (unsigned) has next to nothing to quote"),
    ("What did the fifth commenter say?", "the page has only 4 comments"),
])
def test_a_comment_named_by_its_place_that_cannot_answer_is_declined_with_why(
        assistant, question, reason):
    answer = assistant.ask(question)
    assert answer.abstained and answer.reason == reason


@pytest.mark.parametrize("question", ["What is this article about?", "Summarize the post", "tl;dr"])
def test_what_the_post_is_about_is_answered_by_its_lead(assistant, question):
    answer = assistant.ask(question)
    assert not answer.abstained
    kinds = {s.id: s.kind for s in assistant.sources()}
    assert all(kinds[q.source.id] == "post" for q in answer.quotes) and len(answer.quotes) <= 2
    first = answer.quotes[0]
    assert (first.source.id, first.start) == ("post-1", 0)  # the lead, first
    assert_verbatim(assistant, answer)


@pytest.mark.parametrize("question", ["Who commented on the post?", "Who left comments?",
                                      "Which readers commented?"])
def test_who_commented_is_answered_by_each_commenters_opening_words(assistant, question):
    answer = assistant.ask(question)
    assert not answer.abstained
    # comment-3 has next to nothing to quote; Simran Ghooi's and Imre Laubscher's opening
    # sentences, once each, in page order after the unsigned first comment's
    assert [(q.source.id, q.start) for q in answer.quotes] == [
        ("comment-1", 0), ("comment-2", 0), ("comment-4", 0)]
    assert_verbatim(assistant, answer)


@pytest.mark.parametrize("question", ["How many comments are there?",
                                      "how many people commented on this article"])
def test_how_many_comments_is_declined_with_what_the_page_shows(assistant, question):
    answer = assistant.ask(question)
    assert answer.abstained
    assert answer.reason == ("its words do not count them, but the page shows 4 reader "
                             "comments, from 2 signed commenters")


@pytest.mark.parametrize("date, said", [
    ("4 June 2024", "A reader, Ann Lee, commented on 4 June 2024: "),
    ("2 days ago", "A reader, Ann Lee, commented 2 days ago: "),
    ("yesterday", "A reader, Ann Lee, commented yesterday: "),
])
def test_a_comment_is_introduced_with_its_date_as_printed(date, said):
    from assistant.answering import attribution
    from assistant.types import Source

    source = Source("comment-1", "comment", "Reader comment by Ann Lee", "Lovely.", "Ann Lee", date)
    assert attribution(source) == said


def test_a_yes_no_question_is_not_answered_by_a_reader_asking_the_same(settings, fake_embedder):
    a = _text_assistant(
        "Tram line extension approved\n\nThe council approved a 6 km extension of the tram line "
        "on Tuesday.\n\nThe extension adds seven stops, one of them at the new hospital.\n\n"
        "Comments\n\nOla Berg, 8 May 2024: Will the trams be step-free at every stop?\n",
        settings, fake_embedder)
    answer = a.ask("Will the trams be step-free at every stop?")
    assert all(not q.text.endswith("?") for q in (*answer.quotes, *answer.closest))
    # asking who asked it is answered by the question
    asked = a.ask("Who asked whether the trams will be step-free?")
    assert any(q.text.endswith("?") for q in (*asked.quotes, *asked.closest))


def test_who_or_where_is_not_answered_by_a_reader_asking_the_same(settings, fake_embedder):
    a = _text_assistant(
        "Seed library opens\n\nA seed library has opened in the foyer of the Dunmore leisure "
        "centre.\n\nVisitors can take three packets a month.\n\nComments\n\n"
        "Ola Berg, 8 May 2024: Who actually runs the seed library?\n",
        settings, fake_embedder)
    answer = a.ask("Who runs the seed library?")
    assert all(not q.text.endswith("?") for q in answer.quotes)


def test_did_anyone_questions_look_in_every_passage_not_one_naming_anyone(settings, fake_embedder):
    """"Did anyone suggest ...?" names no one: the passages that suggest it can answer it,
    though none of them says "anyone"."""
    a = _text_assistant(
        "Tea bags and plastic\n\nSome tea bags are sealed with plastic.\n\nComments\n\n"
        "Ola Berg, 8 May 2024: I switched to loose leaf tea in a steel infuser instead.\n",
        settings, fake_embedder)
    answer = a.ask("Did anyone suggest switching to loose leaf tea instead?")
    assert any("loose leaf tea" in q.text for q in answer.quotes)


def test_the_posts_author_answering_in_the_comments_is_not_called_a_reader():
    from assistant.answering import attribution
    from assistant.types import Source

    reply = Source("comment-2", "comment", "Reader comment by Owen Pritchard", "Not supported.",
                   "Owen Pritchard", "19 September 2024")
    assert attribution(reply, post_author="Owen Pritchard") == \
        "The post's author, Owen Pritchard, commented on 19 September 2024: "
    assert attribution(reply, post_author="Beth Kavanagh").startswith("A reader, Owen Pritchard")


def test_an_answer_quoting_the_authors_own_comment_says_so(settings, fake_embedder):
    a = _text_assistant(
        "Fitting a mid-drive kit\n\nBy Owen Pritchard, 18 September 2024\n\nThe kit took me "
        "just under three hours to fit to a steel tourer.\n\nComments\n\nGareth Lumley says:\n"
        "18 September 2024 at 7:44 pm\nDoes it fit a press-fit shell?\n\nOwen Pritchard says:\n"
        "19 September 2024 at 8:12 am\nPress-fit adaptors are not supported by the maker and "
        "would void the warranty.\n", settings, fake_embedder)
    answer = a.ask("Are press-fit adaptors supported by the maker?")
    assert "The post's author, Owen Pritchard, commented on 19 September 2024: " in answer.answer


def _text_assistant(text: str, settings, embedder, **options):
    """An assistant over an article given in the text layout."""
    from assistant import Assistant
    from assistant.ingest.page import page_sources
    from assistant.ingest.text import read_text_page

    return Assistant.from_sources(page_sources(read_text_page(text, "article.txt")), settings,
                                  embedder=embedder, **options)


def _source(sid: str, text: str, kind: str = "post"):
    from assistant.types import Source

    return Source(sid, kind, sid, text)


def test_an_interviews_speakers_are_read_from_labels_that_recur_and_name_someone():
    from assistant.answering import speaker_labels

    transcript = [
        _source("title", "A conversation with the potter Dana Okafor", "title"),
        _source("post-1", "Q: How did you start?"),
        _source("post-2", "Dana Okafor: By accident. My aunt had a wheel."),
        _source("post-3", "Q: And the kiln?"),
        _source("post-4", "Dana Okafor: We built it ourselves. It took a summer."),
        _source("post-5", "HALE: I helped a little."),
        _source("post-6", "HALE: Mostly with the bricks, as Dana said to Mr Hale."),
        _source("post-7", "Note: the kiln is wood-fired."),
        _source("post-8", "Note: visits are by appointment."),
        _source("post-9", "Zed: Once."),
    ]
    assert speaker_labels(transcript) == {
        "post-2": "Dana Okafor", "post-4": "Dana Okafor", "post-5": "Hale", "post-6": "Hale"}
    # a label used once, or a name the article uses nowhere else, is not taken for a speaker
    how_to = [_source("post-1", "Step one: oil the chain."), _source("post-2", "Tip: wipe it."),
              _source("post-3", "Tip: wipe it again."), _source("post-4", "Gear: a rag.")]
    assert speaker_labels(how_to) == {}
    # a podcast's transcript: timestamps, and the name beside the role
    podcast = [_source("post-1", "Host Priya Menon talks to Dr. Tom Adeyemi about noise."),
               _source("post-2", "[00:00:05] Host (Priya Menon): Welcome back."),
               _source("post-3", "[00:00:18] Guest (Dr. Tom Adeyemi): Thanks. It is quiet here."),
               _source("post-4", "[00:00:25] Host (Priya Menon): How loud is a street?"),
               _source("post-5", "[00:00:31] Guest (Dr. Tom Adeyemi): About 55 decibels.")]
    assert speaker_labels(podcast) == {"post-2": "Priya Menon", "post-3": "Dr. Tom Adeyemi",
                                       "post-4": "Priya Menon", "post-5": "Dr. Tom Adeyemi"}


def test_a_quote_from_an_interview_answer_names_its_speaker(settings, fake_embedder):
    from assistant.answering import AnswerOptions

    text = (
        "A conversation with the potter Dana Okafor\nBy Ruth Fenn, 3 March 2025\n\n"
        "Dana Okafor has fired her own kiln in Wexcombe for eleven years.\n\n"
        "Interviewer: How did you start?\n\n"
        "Dana Okafor: By accident, really. My aunt kept a potter's wheel in her garage and let "
        "me use it every summer.\n\n"
        "Interviewer: Who built the kiln?\n\n"
        "Dana Okafor: We built it ourselves from reclaimed bricks. It took the whole of one "
        "summer and most of my savings.\n")
    # the fake embedder's confidence is no measure: answer whatever is closest
    a = _text_assistant(text, settings, fake_embedder, answering=AnswerOptions(abstain=False))
    answer = a.ask("Who kept a potter's wheel in her garage?")
    quote = next(q for q in answer.quotes if "potter's wheel" in q.text)
    assert quote.start > 0  # past the label
    assert f"Dana Okafor said: {quote.text} [{quote.n}]" in answer.answer
    assert quote.source.text[quote.start:quote.end] == quote.text


def test_a_quote_carried_on_from_a_named_speaker_is_quoted_with_them(settings, fake_embedder):
    """Whatever is asked, a sentence that carries on someone's quote is shown with the
    sentence naming them: a quoted claim is never cut off from whose it is."""
    import numpy as np

    from assistant.answering import AnswerOptions
    from assistant.sentences import quote_opener
    from assistant.types import Span

    tate = ('"Every pound we do not spend on electricity goes back into classrooms," said '
            'Councillor Imogen Tate.')
    panels = '"The panels should pay for themselves in about eleven years, and last twenty-five."'
    spans = [Span("p1", 0, 1, tate), Span("p1", 0, 1, panels), Span("p2", 0, 1, panels),
             Span("p2", 0, 1, "They will last twenty-five years.")]
    none = np.full(4, -1)
    assert [quote_opener(spans, none, r) for r in range(4)] == [-1, 0, -1, -1]

    a = _text_assistant(
        "Solar panels for three schools\nBy Ruth Fenn, 3 March 2025\n\n"
        "The council approved solar panels for three primary schools on Tuesday.\n\n"
        f"{tate} {panels}\n", settings, fake_embedder,
        answering=AnswerOptions(abstain=False, max_quotes=1))
    answer = a.ask("How long should the panels take to pay for themselves?")
    assert answer.quotes[0].text == f"{tate} {panels}"


def test_a_quote_running_into_one_already_chosen_joins_it():
    """A candidate whose quote (with its speaker's sentence) runs into a quote already chosen is
    joined to it, not dropped: the answer keeps the sentence that answers."""
    import numpy as np

    from assistant.answering import AnswerOptions, Candidate, compose
    from assistant.query import make_query
    from assistant.types import Source, Span

    hale = ("Councillor Barnaby Hale questioned whether the older school roofs could carry the "
            "extra weight.")
    said = '"Holloway Road\'s roof was patched twice in the last decade," he said.'
    first = '"I would rather we fixed the roofs properly first."'
    text = f"{hale} {said} {first}"
    src = Source("post-5", "post", "Post, paragraph 5", text)
    spans = [Span("post-5", 0, len(hale), hale),
             Span("post-5", len(hale) + 1, len(hale) + 1 + len(said), said),
             Span("post-5", len(text) - len(first), len(text), first)]
    cands = [Candidate(0, spans[0], src, 0.9, np.zeros(1)), Candidate(2, spans[2], src, 0.8, np.zeros(1))]
    answer = compose("What did he want done first?", make_query("What did he want done first?"),
                     cands, {"post-5": spans}, confidence=0.9, threshold=0.3, keep=0.3,
                     options=AnswerOptions(), why_not=lambda cs: "",
                     neighbour=lambda c: spans[0] if c.row == 2 else None)
    assert [q.text for q in answer.quotes] == [text]


def test_a_why_question_runs_on_to_the_reason_after_its_restatement():
    """Asked why, the best sentence that only restates what is explained ("I would not trust
    the new timetable yet.") is quoted with the sentence after it, where the reason is; one
    that gives its reason itself is quoted alone."""
    import numpy as np

    from assistant.answering import AnswerOptions, Candidate, compose
    from assistant.query import make_query
    from assistant.types import Source, Span

    said = "I would not trust the new timetable yet."
    why = "The last two changes were both reversed within a month."
    other = "The buses run every twenty minutes."
    text = f"{said} {why} {other}"
    src = Source("post-2", "post", "Post, paragraph 2", text)
    spans = [Span("post-2", 0, len(said), said),
             Span("post-2", len(said) + 1, len(said) + 1 + len(why), why),
             Span("post-2", len(text) - len(other), len(text), other)]
    question = "Why is the writer wary of the timetable?"
    cands = [Candidate(0, spans[0], src, 0.9, np.zeros(1))]

    def after(c):
        return spans[1] if c.row == 0 else None

    def ask(q, reason_after):
        return compose(q, make_query(q), cands, {"post-2": spans}, confidence=0.9,
                       threshold=0.3, keep=0.3, options=AnswerOptions(), why_not=lambda cs: "",
                       reason_after=reason_after)

    assert [q.text for q in ask(question, after).quotes] == [f"{said} {why}"]
    assert [q.text for q in ask(question, lambda c: None).quotes] == [said]
    # a long sentence does not run on: the words are left to the other quotes
    long_text = said + " and" * 60
    long = Span("post-2", 0, len(long_text), long_text)
    cands[0] = Candidate(0, long, Source("post-2", "post", "Post, paragraph 2",
                                         long.text + " " + why), 0.9, np.zeros(1))
    got = ask(question, lambda c: Span("post-2", len(long.text) + 1,
                                       len(long.text) + 1 + len(why), why))
    assert [q.text for q in got.quotes] == [long.text]


def test_the_reason_after_is_looked_for_only_when_asked_why_and_not_given(settings, fake_embedder):
    a = _text_assistant(
        "Timetables\n\nI would not trust the new timetable yet. The last two changes were both "
        "reversed within a month. The buses run every twenty minutes.\n\n"
        "The depot closed because the lease ran out. Staff moved to Hensby.\n", settings,
        fake_embedder)
    spans = a.answerer.index.sentences
    at = {s.text: s for s in spans}
    from assistant.answering import Candidate

    def after(q, text):
        c = Candidate(0, at[text], a.source(at[text].source_id), 0.9, None)
        got = a.answerer.reason_after(a.query_for(q), c)
        return got.text if got else None

    assert after("Why is the writer wary of the timetable?",
                 "I would not trust the new timetable yet.") \
        == "The last two changes were both reversed within a month."
    assert after("What made the writer wary?", "I would not trust the new timetable yet.") \
        is not None
    # not asked why; or the sentence gives its reason itself
    assert after("What does the writer think of the timetable?",
                 "I would not trust the new timetable yet.") is None
    assert after("Why did the depot close?", "The depot closed because the lease ran out.") is None
    # "since" of a time gives no reason
    b = _text_assistant(
        "Ferry\n\nNobody should wait on the slipway, says the harbour master since 2019. "
        "Waves break over it at high tide.\n", settings, fake_embedder)
    first = b.answerer.index.sentences[0] if "slipway" in b.answerer.index.sentences[0].text \
        else next(s for s in b.answerer.index.sentences if "slipway" in s.text)
    got = b.answerer.reason_after(b.query_for("Why not wait on the slipway?"),
                                  Candidate(0, first, b.source(first.source_id), 0.9, None))
    assert got is not None and got.text == "Waves break over it at high tide."


def test_the_reason_after_is_not_added_to_a_sentence_giving_its_reason_in_any_form(
        settings, fake_embedder):
    """A sentence giving its reason with ", so" or after a colon is quoted alone, the same
    forms that make it hold the kind "Why ...?" asks; one only restating the topic runs on."""
    a = _text_assistant(
        "Canal\n\nThe lock gates leak, so the boats wait for the keeper. The keeper comes at "
        "noon.\n\nThe towpath is a poor place to cycle: it is narrow and full of roots. "
        "Walkers use it every day.\n\nThe towpath is closed to bikes. Riders kept hitting "
        "walkers.\n", settings, fake_embedder)
    at = {s.text: s for s in a.answerer.index.sentences}
    from assistant.answering import Candidate

    def after(q, text):
        c = Candidate(0, at[text], a.source(at[text].source_id), 0.9, None)
        got = a.answerer.reason_after(a.query_for(q), c)
        return got.text if got else None

    assert after("Why do the boats wait?", "The lock gates leak, so the boats wait for the keeper.") \
        is None
    assert after("Why is the towpath bad for cycling?",
                 "The towpath is a poor place to cycle: it is narrow and full of roots.") is None
    assert after("Why is the towpath closed to bikes?", "The towpath is closed to bikes.") \
        == "Riders kept hitting walkers."


def test_a_sentence_that_only_sets_up_the_answer_runs_on_whatever_is_asked(
        settings, fake_embedder):
    """The best sentence that only reports what others ask or claim, asks a question itself or
    ends on a colon carries the sentence after it, where the writer's own word is ("Do you
    sharpen ceramic knives?" / "Customers often ask me to sharpen ceramic knives. / I send
    those back."), for a yes/no or how question as well as a why; a sentence telling
    something of its own does not."""
    a = _text_assistant(
        "Workshop\n\nCustomers often ask me to sharpen ceramic knives. I send those back. "
        "Steel is my trade.\n\nSome cooks swear by a honing rod before every meal. I think "
        "once a week is plenty.\n\nSo how do I flatten a stone? I rub it on wet sandpaper "
        "laid on glass.\n\nHere is my routine: I soak the stone first. It takes ten "
        "minutes.\n\nThe shop opens at nine. Parking is behind it.\n", settings,
        fake_embedder)
    at = {s.text: s for s in a.answerer.index.sentences}
    from assistant.answering import Candidate

    def after(q, text):
        c = Candidate(0, at[text], a.source(at[text].source_id), 0.9, None)
        got = a.answerer.reason_after(a.query_for(q), c)
        return got.text if got else None

    assert after("Do you sharpen ceramic knives?",
                 "Customers often ask me to sharpen ceramic knives.") == "I send those back."
    assert after("Should I hone before every meal?",
                 "Some cooks swear by a honing rod before every meal.") \
        == "I think once a week is plenty."
    assert after("How do I flatten a sharpening stone?", "So how do I flatten a stone?") \
        == "I rub it on wet sandpaper laid on glass."
    # a sentence telling something of its own is quoted alone when not asked why
    assert after("When does the shop open?", "The shop opens at nine.") is None


def test_a_lead_in_that_only_announces_the_answer_runs_on_to_the_next_sentence(
        settings, fake_embedder):
    """A sentence that names a part, reason or result and leaves it for later ("The tricky
    part is what happens in a frost.", "The reason is simple.", "The survey results are, to
    me, the most interesting part.") is quoted with the sentence after it whatever is asked;
    a sentence telling its reason or result itself is not."""
    from assistant.sentences import LEAD_IN

    a = _text_assistant(
        "Pipes\n\nThe tricky part is what happens in a frost. Water swells as it freezes and "
        "splits the copper. Lagging helps.\n\nThe reason is simple. Old valves seize.\n\n"
        "The reason is that old valves seize. Plumbers charge by the hour.\n\n"
        "The survey results are, to me, the most interesting part. Half the boilers were "
        "over twenty years old.\n", settings, fake_embedder)
    at = {s.text: s for s in a.answerer.index.sentences}
    from assistant.answering import Candidate

    def after(q, text):
        c = Candidate(0, at[text], a.source(at[text].source_id), 0.9, None)
        got = a.answerer.reason_after(a.query_for(q), c)
        return got.text if got else None

    assert after("What about frost and pipes?", "The tricky part is what happens in a frost.") \
        == "Water swells as it freezes and splits the copper."
    assert after("What did the boiler survey show?",
                 "The survey results are, to me, the most interesting part.") \
        == "Half the boilers were over twenty years old."
    assert after("What seizes in old pipes?", "The reason is simple.") == "Old valves seize."
    # one giving its reason itself is quoted alone
    assert after("What seizes in old pipes?", "The reason is that old valves seize.") is None
    for lead in ("Here is what they found.", "The worrying part is what comes after.",
                 "The real problem is this.", "The findings are clear."):
        assert LEAD_IN.search(lead), lead
    for told in ("The main problem is the cost of parts.", "This is the best part of town.",
                 "The results were striking.", "The shop opens at nine."):
        assert not LEAD_IN.search(told), told


def test_a_lead_in_quoted_after_the_best_carries_on_past_what_is_quoted_already():
    """A lead-in quoted after the best quote runs on to the sentence it announces; when that
    one is the best quote already, on to the next one, which the announced part often
    spans ("The survey results are the most interesting part. / Boilers were checked in 300
    homes. / Half of them were over twenty years old.")."""
    import numpy as np

    from assistant.answering import AnswerOptions, Candidate, compose
    from assistant.query import make_query
    from assistant.types import Source, Span

    lead = "The survey results are, to me, the most interesting part."
    how = "Boilers were checked in 300 homes across the town last winter."
    found = "Half of them were over twenty years old."
    other = "The council paid for it."
    text = f"{lead} {how} {found} {other}"
    src = Source("post-3", "post", "Post, paragraph 3", text)
    spans, at = [], 0
    for t in (lead, how, found, other):
        spans.append(Span("post-3", at, at + len(t), t))
        at += len(t) + 1
    cands = [Candidate(1, spans[1], src, 0.5, np.zeros(1)),
             Candidate(0, spans[0], src, 0.4, np.zeros(1))]
    q = "boiler survey results?"

    def ask(announced):
        return compose(q, make_query(q), cands, {"post-3": spans}, confidence=0.9,
                       threshold=0.3, keep=0.3, options=AnswerOptions(), why_not=lambda cs: "",
                       announced=announced)

    assert [x.text for x in ask(lambda c: spans[c.row + 1] if c.row == 0 else None).quotes] \
        == [f"{lead} {how} {found}"]
    assert [x.text for x in ask(lambda c: None).quotes] == [how, lead]
    # a lead-in below the best runs on to the sentence after it
    cands[:] = [Candidate(3, spans[3], src, 0.5, np.zeros(1)),
                Candidate(0, spans[0], src, 0.4, np.zeros(1))]
    assert [x.text for x in ask(lambda c: spans[c.row + 1] if c.row == 0 else None).quotes] \
        == [other, f"{lead} {how}"]


def test_a_yes_no_question_runs_back_to_the_verdict_before_its_best_sentence(
        settings, fake_embedder):
    """Asked yes or no, a best sentence giving no verdict of its own (a caveat after it) is
    quoted with the "Yes, ..." or "No, ..." sentence just before it in its paragraph; not when
    it gives its own verdict, nor for a question that is not yes/no."""
    import numpy as np

    from assistant.answering import AnswerOptions, Candidate, compose
    from assistant.query import make_query

    a = _text_assistant(
        "Questions\n\nYes, with a steel bracket sold separately. If the wall is hollow, the "
        "bracket may not hold a full load.\n\nYes, the bracket comes in the box. No, the screws "
        "do not.\n",
        settings, fake_embedder)
    at = {s.text: s for s in a.answerer.index.sentences}

    def run(q, text):
        c = Candidate(0, at[text], a.source(at[text].source_id), 0.9, np.zeros(1))
        got = a.answerer.reason_after(a.query_for(q), c)
        return c, got

    caveat = "If the wall is hollow, the bracket may not hold a full load."
    c, got = run("Can I fix the shelf to a wall?", caveat)
    assert got is not None and got.text == "Yes, with a steel bracket sold separately."
    q = "Can I fix the shelf to a wall?"
    answer = compose(q, make_query(q), [c], a.answerer._spans, confidence=0.9, threshold=0.3,
                     keep=0.3, options=AnswerOptions(), why_not=lambda cs: "",
                     reason_after=lambda _: got)
    assert [x.text for x in answer.quotes] == [f"Yes, with a steel bracket sold separately. {caveat}"]
    assert run("What might not hold a full load?", caveat)[1] is None
    assert run("Are the screws included?", "No, the screws do not.")[1] is None


def test_a_question_closing_its_paragraph_is_quoted_with_the_reply_after_it(
        settings, fake_embedder):
    """A best sentence that is a question ending its paragraph (an interviewer's) is followed
    by the next paragraph, where it is answered; not for a question asking who or when, nor
    when the best sentence is no question."""
    a = _text_assistant(
        "Talking to a baker\n\nRadio: Do supermarket loaves worry you?\n\n"
        "Baker: Hardly. Someone who eats sliced bread today may queue at my door in ten "
        "years.\n\nRadio: The ovens are new.\n\nBaker: We fitted them last spring.\n",
        settings, fake_embedder)
    at = {s.text: (n, s) for n, s in enumerate(a.answerer.index.sentences)}
    from assistant.answering import Candidate

    def reply(q, text):
        n, span = at[text]
        got = a.answerer.reply(a.query_for(q), Candidate(n, span, a.source(span.source_id),
                                                          0.9, None))
        return got.span.text if got else None

    question = "Radio: Do supermarket loaves worry you?"
    assert reply("Why is the baker not worried by supermarket bread?", question) == (
        "Baker: Hardly. Someone who eats sliced bread today may queue at my door in ten years.")
    assert reply("When was the question about supermarket loaves asked?", question) is None
    assert reply("What is new at the bakery?", "Radio: The ovens are new.") is None
    # quoted after the question, as a quote of its own
    import numpy as np

    from assistant.answering import AnswerOptions, compose
    from assistant.query import make_query

    q = "Why is the baker not worried by supermarket bread?"
    n, span = at[question]
    c = Candidate(n, span, a.source(span.source_id), 0.9, np.zeros(1))
    answer = compose(q, make_query(q), [c], a.answerer._spans, confidence=0.9, threshold=0.3,
                     keep=0.3, options=AnswerOptions(), why_not=lambda cs: "",
                     reply=lambda x: a.answerer.reply(a.query_for(q), x))
    assert [x.text for x in answer.quotes] == [question, reply(q, question)]


def test_a_citation_names_the_journal_asked_for(settings, fake_embedder):
    """"Which journal published the study?": the cited work's reference names its journal
    where citations print it ("Upland Water Studies 7: 11-19"), without the word "journal"
    or a word for one (the feature ``name_align``)."""
    from assistant.features import FEATURES

    a = _text_assistant(
        "Otters return\n\nA study found otters on nine of ten upland streams.\n\n"
        "References\n\nVane K, Orme T. Otters on upland streams. Upland Water Studies 7: "
        "11-19, 2024.\n", settings, fake_embedder)
    query = a.query_for("Which journal published the study?")
    qvec = a._encode([query.text])[0]
    cands, _ = a.answerer.candidates(query, None, qvec)
    col = FEATURES.index("name_align")
    by_kind = {c.source.kind: c.features[col] for c in cands}
    assert by_kind["reference"] == 1.0
    assert by_kind["post"] == 0.0


def test_a_page_citing_no_work_reads_the_study_or_the_book_as_what_its_text_tells_of(
        settings, fake_embedder):
    """On a book review that cites no work, "Who wrote the book?" is a question about the text
    (not declined for want of a reference), and "When was the review posted?" asks for the
    post's date; a page with a reference keeps reading "the study" as the cited work."""
    a = _text_assistant(
        "Review: A Winter of Clocks\n\nBy Harriet Solberg, 18 October 2026\n\n"
        "A Winter of Clocks is a novel by Imogen Varga-Holt, published in March 2026.\n\n"
        "The prose is the first thing you notice.\n", settings, fake_embedder)
    book = a.query_for("Who wrote the book?")
    assert (book.author_of, book.target) == (None, None)
    assert a.query_for("When was the review posted?").published_of == "post"
    posted = a.ask("When was the review posted?")
    assert not posted.abstained and "18 October 2026" in posted.quotes[0].source.date
    b = _text_assistant(
        "Mice and bone\n\nA study found that mice kept their bone.\n\nReferences\n\n"
        "Doe J, Roe R. Mice and bone. Bone Journal 12: 3-9, 2020.\n", settings, fake_embedder)
    assert b.query_for("Who wrote the study?").author_of == "paper"


_LOG = ("Pontoon log\n\nNotes from the sailing school.\n\n"
        "Sat 5 July 2025\nWind SW 3, sunny.\nTwo boats out all morning.\n\n"
        "Sun 6th\nWind NW 6. No boats out.\nPatched the fender.\n\n"
        "7/7\nWind E 2, hazy.\nEight juniors and a capsize drill.\n\n"
        "Tues 8 Jul\nFog until noon.\nSorted the buoyancy aids.\n")


def test_a_question_naming_a_day_is_answered_from_that_day_s_diary_entry(settings, fake_embedder):
    from assistant.ingest.page import page_sources
    from assistant.ingest.text import read_text_page

    a = _text_assistant(_LOG, settings, fake_embedder)
    sections = {s.id: s.section for s in page_sources(read_text_page(_LOG, "article.txt"))}
    on_day = a.answerer.entries_on("What was the wind doing on the 6th?")
    assert on_day is not None and [sections[sid] for sid in on_day] == ["Sun 6th"]
    assert a.answerer.entries_on("What was the wind doing on 9 July?") is None  # no such entry
    assert a.answerer.entries_on("What was the wind doing?") is None
    answer = a.ask("What was the wind doing on the 6th?")
    assert all(q.source.id in on_day for q in answer.quotes)


_PROGRAMME = ("Village hall talks\n\nOur spring programme, all at 7.30pm.\n\n"
              "Tuesday 4 March | Bats of the valley. Speaker: Dr Ann Hale.\n\n"
              "Tuesday 11 March | Old mills of the river. Speaker: Tom Rudd.\n\n"
              "Tuesday 18 March | Pond life. Speaker: Jo Kerr.\n\n"
              "Tea is served from 7pm on Tuesday 11 March, by the Friends of the hall.\n")


def test_a_question_naming_a_day_is_answered_from_the_programme_row_opening_on_it(
        settings, fake_embedder):
    """A programme's rows that open on their day as a first cell ("Tuesday 11 March | ...")
    are entries on that day, as a diary's headed entries are: "Who is speaking on 11 March?"
    is answered from that row; a day the rows do not open on leaves every passage open."""
    a = _text_assistant(_PROGRAMME, settings, fake_embedder)
    texts = {s.id: s.text for s in a.answerer._by_id.values()}
    on_day = a.answerer.entries_on("Who is speaking on 11 March?")
    assert on_day is not None and [texts[sid][:16] for sid in on_day] == ["Tuesday 11 March"]
    assert a.answerer.entries_on("Who is speaking on 25 March?") is None
    answer = a.ask("Who is speaking on 11 March?")
    assert all(q.source.id in on_day for q in answer.quotes)


def test_on_a_page_that_is_a_review_the_review_is_the_post(settings, fake_embedder):
    """A page titled as a review that cites no work is the review: "Who wrote the review?"
    and "When was the film review published?" ask after its byline; "the book" it reviews
    is still what its text tells of, and a page not titled as a review keeps "the review"
    as something its text tells of ("the council's review of parking")."""
    a = _text_assistant(
        "Review: The Salt Road\n\nBy Odile Marsh, 2 May 2026\n\n"
        "The Salt Road is a film by Teo Brandt, released in April 2026.\n\n"
        "The score is the first thing you notice.\n", settings, fake_embedder)
    who = a.query_for("Who wrote the review?")
    assert (who.author_of, who.target) == ("post", "post")
    assert a.query_for("When was the film review published?").published_of == "post"
    assert a.query_for("Who wrote the book?").author_of is None
    b = _text_assistant(
        "Parking changes\n\nBy Odile Marsh, 2 May 2026\n\n"
        "The council's review of parking ends in June.\n", settings, fake_embedder)
    assert b.query_for("Who wrote the review?").author_of is None


def test_who_said_a_quote_with_a_pronoun_speaker_quotes_the_paragraph_naming_them(
        settings, fake_embedder):
    """'"...," she said.' opening a paragraph is said by the person the paragraph before names:
    "Who said ...?" quotes that sentence too, so the answer says who."""
    from assistant.answering import AnswerOptions

    a = _text_assistant(
        "Pier repairs delayed again\nBy Ruth Fenn, 3 March 2025\n\n"
        "The trust has put off repairs to the town pier for a third year.\n\n"
        "Harbourmaster Oonagh Reddy has asked the trust to mend the pier before spring.\n\n"
        '"Every winter the pier loses another plank to the storms," she said. '
        '"Sooner or later someone will go through it."\n', settings, fake_embedder,
        answering=AnswerOptions(abstain=False, max_quotes=1))
    answer = a.ask("Who said the pier loses a plank to the storms every winter?")
    assert "Oonagh Reddy" in answer.quotes[0].text
    assert "loses another plank" in answer.quotes[1].text


def test_who_presents_a_show_is_its_transcripts_first_speaker_or_its_byline(settings, fake_embedder):
    """"Who presents the show?" of an unsigned transcript is answered by the line its first
    named speaker opens it with; "Who conducted this interview?" of a signed interview whose
    questions are labelled by the magazine's name, by its byline."""
    from assistant.answering import AnswerOptions

    transcript = (
        "Low Tide Radio\n\nEpisode 12: Saltmarsh birds\n\n"
        "This week Wren Abara talks to the warden Colm Fitch about the saltmarsh.\n\n"
        "WREN ABARA: Welcome to Low Tide Radio. Colm, how many birds winter here?\n\n"
        "COLM FITCH: About nine thousand in a good year.\n\n"
        "WREN ABARA: And which ones come first?\n\n"
        "COLM FITCH: The brent geese, always. Produced by Sal Mendes for the trust.\n")
    a = _text_assistant(transcript, settings, fake_embedder, answering=AnswerOptions())
    answer = a.ask("Who presents the show?")
    assert not answer.abstained
    assert answer.quotes[0].text.startswith("WREN ABARA: Welcome to Low Tide Radio.")

    interview = (
        "\u201cBread needs time\u201d: a conversation with the baker Ines Moreau\n"
        "By Tobias Lind, 3 March 2025\n\n"
        "Ines Moreau has baked in the same Portsmouth shop for thirty years, and talked to "
        "Crumb about it.\n\n"
        "Crumb: How did you start?\n\n"
        "Moreau: By accident. My aunt had an oven and no one to run it.\n\n"
        "Crumb: And the sourdough?\n\n"
        "Moreau: That came later, in a hot summer. It was a lovely interview to give.\n")
    b = _text_assistant(interview, settings, fake_embedder, answering=AnswerOptions(abstain=False))
    answer = b.ask("Who conducted this interview?")
    assert any(q.source.kind == "byline" and "Tobias Lind" in q.text for q in answer.quotes)


def test_according_to_a_reader_is_answered_from_that_readers_comments(settings, fake_embedder):
    """"Why did the pump fail, according to Hal Moreno?" takes its answer from that reader's
    comments, not the post's account of the failure nor another reader's."""
    from assistant.answering import AnswerOptions

    a = _text_assistant(
        "My garden pump failed\n\nBy Rosa Penhale, 3 May 2025\n\n"
        "The pump failed on the second day of the heatwave and the pond went green.\n\n"
        "Comments\n\n"
        "Ivo Gratton, 4 May 2025: The pump failed because it was too small for that pond.\n\n"
        "Hal Moreno, 4 May 2025: It ran dry once the water level dropped below the inlet.\n",
        settings, fake_embedder, answering=AnswerOptions(abstain=False))
    answer = a.ask("Why did Rosa Penhale's pump fail on the second day, according to Hal Moreno?")
    assert answer.quotes and all(q.source.author == "Hal Moreno" for q in answer.quotes)
    # a first name is enough when only one reader has it
    answer = a.ask("According to Ivo, why did Rosa Penhale's pump fail on the second day?")
    assert answer.quotes and all(q.source.author == "Ivo Gratton" for q in answer.quotes)


def test_according_to_someone_quoted_shows_their_reported_words_with_the_quote_after(
        settings, fake_embedder):
    """"According to the harbourmaster, ...?" answered by the sentence that names and reports
    her takes the quote that carries on her words with it."""
    from assistant.answering import AnswerOptions

    reported = ("Harbourmaster Oonagh Reddy, who has run the port since 2019, said the storms "
                "had hit the smallest boats hardest.")
    quoted = ('"It was the open dinghies on the east moorings that sank, almost all of them," '
              'she said.')
    a = _text_assistant(
        "Storm damage at the harbour\nBy Ruth Fenn, 3 March 2025\n\n"
        "Two storms in a week have left the harbour with a repair bill of £80,000.\n\n"
        f"{reported} {quoted}\n", settings, fake_embedder,
        answering=AnswerOptions(abstain=False, max_quotes=1))
    answer = a.ask("According to the harbourmaster, which boats were hit hardest by the storms?")
    assert answer.quotes[0].text == f"{reported} {quoted}"


def _packing_list(settings, embedder):
    from assistant import Assistant

    return Assistant.from_sources([
        _source("title", "Packing for a night in a mountain hut", "title"),
        _source("post-1", "Huts are warm, but the walk in can be wet and the nights are long."),
        _source("post-2", "What I always take:"),
        _source("post-3", "Waterproof jacket\nSpare wool socks\nHead torch with new batteries\n"
                          "Flask of sweet tea"),
        _source("post-4", "What I leave at home:"),
        _source("post-5", "Sleeping bag\nCamping stove\nLaptop and charger"),
        _source("post-6", "Pack the night before, and check the forecast on the morning."),
    ], settings, embedder=embedder)


def test_a_list_item_asked_after_by_its_place_is_that_item_of_a_list(settings, fake_embedder):
    """"What is the last item in the list?" and "What's listed first?" ask after a list's item
    by its place: the candidates are the lists' items at that place (a paragraph of short
    lines), the model choosing between lists; a question naming no place keeps every passage."""
    a = _packing_list(settings, fake_embedder)
    query = a.query_for("What is the last item on the packing list?")
    assert query.item_at == -1
    qvec = a._encode([query.text])[0]
    cands, _ = a.answerer.candidates(query, None, qvec)
    assert {c.span.text for c in cands} == {"Flask of sweet tea", "Laptop and charger"}
    first = a.query_for("What's listed first?")
    cands, _ = a.answerer.candidates(first, None, a._encode([first.text])[0])
    assert {c.span.text for c in cands} == {"Waterproof jacket", "Sleeping bag"}
    plain = a.query_for("What should you check in the morning?")
    assert plain.item_at is None
    assert len(a.answerer.candidates(plain, None, a._encode([plain.text])[0])[0]) > 2


def test_a_labelled_field_whose_label_is_asked_answers_first(settings, fake_embedder):
    """In a programme's row, "talk 11 march speaker" is answered by its labelled field
    ("Speaker: Tom Rudd."), not by the row's opening cell that shares the rest of the
    question; a speaker's name as a label ("Tom Rudd: ...") is no field."""
    from assistant.answerer import field_asked

    a = _text_assistant(_PROGRAMME, settings, fake_embedder)
    query = a.query_for("talk 11 march speaker")
    cands, _ = a.answerer.candidates(query, None, a._encode([query.text])[0])
    assert cands[0].span.text == "Speaker: Tom Rudd."
    assert not field_asked(a.query_for("What did Rudd say?"), "Rudd: Old mills were loud.")
