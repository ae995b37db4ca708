import pytest

from assistant.config import PROJECT_ROOT
from assistant.corpus import load_sources, parse_abstract, parse_article
from assistant.errors import CorpusError

ARTICLE = PROJECT_ROOT / "corpus" / "new-treatment-for-osteoporosis.txt"


@pytest.fixture(scope="module")
def sources():
    return load_sources(ARTICLE)


def by_kind(sources, kind):
    return [s for s in sources if s.kind == kind]


def test_four_post_paragraphs_in_order(sources):
    posts = by_kind(sources, "post")
    assert [p.id for p in posts] == ["post-1", "post-2", "post-3", "post-4"]
    assert posts[0].text.startswith("A recent review published by Dr. Graziana Colaianni")
    assert posts[3].text.endswith("as well...")
    assert posts[2].label == "Post, paragraph 3"


def test_title_caption_once_and_reference(sources):
    assert by_kind(sources, "title")[0].text == "New treatment for osteoporosis?"
    caption = by_kind(sources, "caption")[0].text
    assert caption == "Comparison of normal bone (left) with osteoporosis (Image from"
    ref = by_kind(sources, "reference")[0].text
    assert ref.startswith("Colaianni G, Sun L, Zaidi M, Zallone A.")
    assert "doi:10.1152/ajpregu.00040.2014" in ref


def test_four_comments_with_bylines_attached_to_the_comment_above(sources):
    comments = by_kind(sources, "comment")
    assert len(comments) == 4
    authors = [(c.author, c.date) for c in comments]
    assert authors == [
        (None, None),
        ("Simran Ghooi", "17 Nov 2014"),
        (None, None),
        ("Imre Laubscher", "08 Apr 2015"),
    ]
    assert comments[1].text.startswith("Typically, I thought")
    assert comments[1].text.endswith("check out this link!\u2026")
    assert comments[1].label == "Reader comment by Simran Ghooi, 17 Nov 2014"
    assert not any("permalink" in c.text or c.text.startswith("By ") for c in comments)


def test_more_like_this_is_not_content(sources):
    assert not any("More like this" in s.text for s in sources)


def test_every_source_text_is_in_the_article(sources):
    page = ARTICLE.read_text(encoding="utf-8")
    for s in sources:
        assert s.text in page


def test_a_byline_that_follows_no_comment_is_not_a_source():
    text = ("Title\n\nPara one.\n\nSmith J. A paper. doi:10.1/x\n\n"
            "By Ann (not verified) on 01 Jan 2020 #permalink\n")
    srcs = parse_article(text, "page.txt")
    assert [s.id for s in srcs] == ["title", "post-1", "reference"]


def test_an_article_without_reference_is_its_title_and_paragraphs():
    srcs = parse_article("Title\n\nJust a paragraph.\n", "page.txt")
    assert [(s.id, s.text) for s in srcs] == [("title", "Title"), ("post-1", "Just a paragraph.")]


def test_title_alone_is_a_clear_error():
    with pytest.raises(CorpusError, match=r"page.txt: line 1: no paragraphs"):
        parse_article("Just a title\n\n", "page.txt")


def test_a_comment_that_was_only_a_link_is_low_content(sources):
    low = [s.id for s in sources if s.low_content]
    assert low == ["comment-3"]  # "...on sites like . That would be a great benefit for people"


def test_empty_article():
    with pytest.raises(CorpusError, match="empty"):
        parse_article("\n\n", "page.txt")


def test_abstract_file_is_added_after_the_reference(corpus_dir):
    (corpus_dir / "abstract.txt").write_text(
        "Title: A review\nAuthors: Someone A\nDate: 2014\n---\nFirst sentence. Second one.\n",
        encoding="utf-8",
    )
    srcs = load_sources(corpus_dir / ARTICLE.name)
    ids = [s.id for s in srcs]
    assert ids.index("abstract") == ids.index("reference") + 1
    abstract = srcs[ids.index("abstract")]
    assert (abstract.kind, abstract.author, abstract.date) == ("abstract", "Someone A", "2014")
    assert abstract.text == "First sentence. Second one."


def test_abstract_without_separator_is_rejected():
    with pytest.raises(CorpusError, match="abstract.txt: line 1"):
        parse_abstract("Title: x\nno separator\n")


def test_a_comment_that_addresses_an_earlier_commenter_is_labelled_a_reply_to_them():
    """"Who replied to Paul?": a comment opening "Paul, ..." answers Paul's comment; a name
    nobody commented under, or an ordinary opening word, makes no reply."""
    text = ("Title\n\nPara one.\n\nComments\n\n"
            "The padlock is a bad idea.\n\nBy Paul Brierley on 14 September 2025\n\n"
            "Paul, that sounds miserable, but the light would help.\n\n"
            "By Tomasz Wrona on 15 September 2025\n\n"
            "Thanks, Tomasz - I had not thought of that.\n\nBy Paul Brierley on 15 September 2025\n\n"
            "Ruth, you are right about the bins.\n\nBy Ann Lee on 16 September 2025\n\n"
            "Honestly, the hours are fine.\n\nBy Sam Cole on 17 September 2025\n")
    comments = [s for s in parse_article(text, "page.txt") if s.kind == "comment"]
    assert [s.label for s in comments] == [
        "Reader comment by Paul Brierley, 14 September 2025",
        "Reader comment by Tomasz Wrona, 15 September 2025, replying to Paul Brierley",
        "Reader comment by Paul Brierley, 15 September 2025, replying to Tomasz Wrona",
        "Reader comment by Ann Lee, 16 September 2025",  # no Ruth commented
        "Reader comment by Sam Cole, 17 September 2025",
    ]
