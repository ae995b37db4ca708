from assistant.text import sentence_spans, terms


def split(text):
    return [text[s:e] for s, e in sentence_spans(text)]


def test_abbreviations_and_initials_do_not_end_sentences():
    text = "A review by Dr. Graziana Colaianni was out. Colaianni G, Zallone A. wrote it."
    assert split(text) == ["A review by Dr. Graziana Colaianni was out.",
                           "Colaianni G, Zallone A. wrote it."]


def test_a_title_before_a_name_does_not_end_the_sentence():
    text = "Led by: Rev. Ottoline Marsh. Music by Capt. Ivo Penn and Cllr. Jo Tate."
    assert split(text) == ["Led by: Rev. Ottoline Marsh.", "Music by Capt. Ivo Penn and Cllr. Jo Tate."]


def test_ellipsis_and_exclamation_end_sentences():
    text = "This is very interesting! It is.\u2026 Next one? Yes."
    assert split(text) == ["This is very interesting!", "It is.\u2026", "Next one?", "Yes."]


def test_line_break_ends_a_sentence_and_spans_are_verbatim():
    text = "  First line without stop\nSecond line (not verified) here.  "
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == ["First line without stop",
                                             "Second line (not verified) here."]


def test_lowercase_after_period_continues():
    assert split("It was 3.5 mg. per day. Then stop.") == ["It was 3.5 mg. per day.", "Then stop."]


def test_terms_stem_and_drop_stopwords():
    assert terms("What did studies in mice show?") == ["studi", "mous", "show"]
    assert terms("Studies have shown that mice") == ["studi", "show", "mous"]


def test_words_are_stemmed_the_same_when_many_threads_stem_at_once():
    # the API answers on several threads; a shared Snowball stemmer garbled words and raised
    # IndexError there (a batch answered 500)
    from assistant.text import stem
    from tests.threads import map_on_threads

    words = [f"{base}{suffix}{i}" for i in range(400)
             for base in ("studi", "generat", "readabl", "connect")
             for suffix in ("es", "ation", "ingly", "ness")]
    expected = {i: stem.__wrapped__(w) for i, w in enumerate(words)}
    stem.cache_clear()
    try:
        assert map_on_threads(stem, words, threads=8) == expected
    finally:
        stem.cache_clear()


def test_a_citation_mark_after_the_period_ends_the_sentence_with_it():
    text = ("Coffee cut sleep by about 40 minutes.[1] The effect was larger after 50.[2, 3] "
            "A third study agreed.\u00b2 See Fig. 2 by Dr. Lee.")
    assert [text[a:b] for a, b in sentence_spans(text)] == [
        "Coffee cut sleep by about 40 minutes.[1]", "The effect was larger after 50.[2, 3]",
        "A third study agreed.\u00b2", "See Fig. 2 by Dr. Lee."]


def test_a_list_items_number_does_not_end_a_sentence():
    text = ("1. Heat the oil in a large pan.\n2. Add the onion. Cook for 12. minutes, no more.\n"
            "10. Serve in warm bowls.")
    assert split(text) == ["1. Heat the oil in a large pan.", "2. Add the onion.",
                            "Cook for 12. minutes, no more.", "10. Serve in warm bowls."]
