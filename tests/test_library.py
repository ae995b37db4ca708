"""The article library: add (files, text, links), list, remove, ids, dedupe, atomicity,
concurrency, lazy loading; every failure leaves the library unchanged."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.errors import (
    ArticleExistsError,
    InvalidRequestError,
    PageError,
    UnknownArticleError,
)
from assistant.ingest.read import read_bytes
from assistant.library import Library, check_id, slugify

PAGES = Path(__file__).parent / "fixtures" / "pages"
WORDPRESS = PAGES / "wordpress-threaded-comments" / "page.html"

TEXT = """# Night trains return to the north

By Ada Lindqvist on 2 March 2024

The sleeper service between the capital and the northern coast will run again from May,
after a gap of nine years, the operator said on Tuesday.

## Fares

A berth in a shared cabin will cost 89 euros one way, and a private cabin 149 euros.

Comments

I took the old train every winter and I am delighted it is coming back.
By Ola Nordmann on 3 March 2024
"""


@pytest.fixture
def library(settings, fake_embedder, tmp_path) -> Library:
    from dataclasses import replace

    return Library(replace(settings, library_dir=tmp_path / "lib"), embedder=fake_embedder)


def _snapshot(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".lock"}


def test_add_a_saved_page_and_ask_about_it(library):
    added = library.add_source(str(WORDPRESS))
    info = added.info
    assert added.created and info.id == slugify(info.title)
    assert info.title.startswith("Hot pavement, lazy afternoons")
    assert (info.author, info.comments) == ("Maren Ashdown", 5)
    assert "Maren Ashdown" in info.summary() and "5 comments" in info.summary()
    folder = library.folder / info.id
    assert {p.name for p in folder.iterdir()} >= {"article.json", "sources.json", "page.html",
                                                  "manifest.json", "chunks.faiss", "chunks.json"}
    assert (folder / "page.html").read_bytes() == WORDPRESS.read_bytes()
    a = library.get(info.id)
    assert a.info.id == info.id and a.sources()[0].text == info.title
    hits = a.search("bumblebees pavement temperature", k=3)
    assert hits and all(h.source.id in {s.id for s in a.sources()} for h in hits)
    assert "Who wrote this article?" in a.examples()


def test_bundled_article_is_first_and_the_default(library):
    library.add(read_bytes(TEXT.encode(), "night.md"))
    ids = library.ids()
    assert ids[0] == library.bundled_id == "new-treatment-for-osteoporosis"
    assert library.get() is library.get(library.bundled_id)
    assert library.get().sources()[0].text == "New treatment for osteoporosis?"
    rows = [i.to_dict() for i in library.articles()]
    assert rows[0]["bundled"] and not rows[1]["bundled"]
    assert set(rows[1]) >= {"id", "title", "author", "date", "url", "sources"}


def test_markdown_text_article(library):
    info = library.add(read_bytes(TEXT.encode(), "night.md", kind="markdown")).info
    assert (info.id, info.author, info.date) == ("night-trains-return-to-the-north",
                                                 "Ada Lindqvist", "2 March 2024")
    sources = library.sources(info.id)
    comment = next(s for s in sources if s.kind == "comment")
    assert (comment.author, comment.date) == ("Ola Nordmann", "3 March 2024")


def test_same_content_again_keeps_one_copy(library):
    first = library.add_source(str(WORDPRESS))
    before = _snapshot(library.folder)
    again = library.add_source(str(WORDPRESS))
    assert (again.info.id, again.created) == (first.info.id, False)
    assert _snapshot(library.folder) == before


def test_bundled_text_added_again_is_the_bundled_article(library, corpus_dir):
    added = library.add_source(str(corpus_dir / "new-treatment-for-osteoporosis.txt"))
    assert added.info.id == library.bundled_id and not added.created
    assert library.added() == []


def test_explicit_id_of_another_article_is_refused_unless_replace(library):
    library.add(read_bytes(TEXT.encode(), "night.md"), article_id="mine")
    before = _snapshot(library.folder)
    with pytest.raises(ArticleExistsError, match="--replace"):
        library.add_source(str(WORDPRESS), article_id="mine")
    assert _snapshot(library.folder) == before
    old = library.get("mine")
    added = library.add_source(str(WORDPRESS), article_id="mine", replace=True)
    assert added.replaced and added.info.author == "Maren Ashdown"
    assert library.get("mine") is not old  # the cache forgot the replaced article
    assert library.get("mine").info.author == "Maren Ashdown"


def test_titles_that_clash_get_numbered_ids(library):
    one = library.add(read_bytes(b"Same title\n\nFirst text about trains and cabins.", "a.txt"))
    two = library.add(read_bytes(b"Same title\n\nSecond text about boats and harbours.", "b.txt"))
    assert (one.info.id, two.info.id) == ("same-title", "same-title-2")


@pytest.mark.parametrize("bad", ["../etc", "a/b", "..", "x" * 65, "Upper", "-dash", "", "a b",
                                 ".hidden", "caf\u00e9"])
def test_bad_ids_are_refused_and_nothing_is_written(library, bad):
    with pytest.raises(InvalidRequestError, match="id"):
        library.add_source(str(WORDPRESS), article_id=bad)
    assert _snapshot(library.folder) == {}
    with pytest.raises(UnknownArticleError):
        library.get(bad or "x/y")


def test_check_id_accepts_good_ids():
    for good in ("a", "bees-2024", "notes_1.v2", "x" * 64):
        assert check_id(good) == good


def test_unknown_article_lists_the_known_ones(library):
    library.add(read_bytes(TEXT.encode(), "night.md"))
    with pytest.raises(UnknownArticleError) as exc:
        library.get("nope")
    assert "new-treatment-for-osteoporosis" in str(exc.value)
    assert "night-trains-return-to-the-north" in str(exc.value)


@pytest.mark.parametrize("data, name, message", [
    (b"", "empty.html", "empty"),
    (b"\x00\x01\x02" * 1000, "photo.html", "binary"),
    (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "nav.html", "no article"),
    (b"\x81\x8d\x90 text \x9d", "notes.txt", "not UTF-8 text .*nor Windows-1252"),
])
def test_bad_pages_leave_the_library_unchanged(library, tmp_path, data, name, message):
    library.add(read_bytes(TEXT.encode(), "night.md"))
    before = _snapshot(library.folder)
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(PageError, match=message):
        library.add_source(str(path))
    assert _snapshot(library.folder) == before


def test_a_50_mb_file_is_refused_before_it_is_read(library, tmp_path):
    big = tmp_path / "big.html"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    with pytest.raises(PageError, match=r"50\.\d MB; the limit is 5"):
        library.add_source(str(big))
    assert _snapshot(library.folder) == {}


def test_an_interrupted_add_leaves_the_library_as_it_was(library, monkeypatch):
    library.add(read_bytes(TEXT.encode(), "night.md"))
    before = _snapshot(library.folder)

    def crash(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("assistant.library.os.rename", crash)
    with pytest.raises(KeyboardInterrupt):
        library.add_source(str(WORDPRESS))
    assert _snapshot(library.folder) == before
    assert [p.name for p in library.folder.iterdir() if p.name.startswith(".tmp")] == []


def test_two_adds_at_once_leave_a_consistent_library(library):
    errors: list[BaseException] = []
    results = []

    def add(data: bytes, name: str) -> None:
        try:
            results.append(library.add(read_bytes(data, name)).info.id)
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=add, args=(WORDPRESS.read_bytes(), "page.html")),
               threading.Thread(target=add, args=(WORDPRESS.read_bytes(), "page.html")),
               threading.Thread(target=add, args=(TEXT.encode(), "night.md"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(set(results)) == 2  # the same page twice is one article
    assert sorted(i.id for i in library.added()) == sorted(set(results))
    for article_id in set(results):
        assert library.get(article_id).search("trains bees", k=1)
    assert [p for p in os.listdir(library.folder) if p.startswith(".tmp")] == []


def test_remove(library):
    info = library.add(read_bytes(TEXT.encode(), "night.md")).info
    library.get(info.id)
    assert library.remove(info.id).id == info.id
    assert library.ids() == [library.bundled_id]
    with pytest.raises(UnknownArticleError):
        library.get(info.id)
    with pytest.raises(InvalidRequestError, match="bundled"):
        library.remove(library.bundled_id)


def test_articles_load_lazily_and_the_cache_is_bounded(library, monkeypatch):
    from dataclasses import replace

    library.settings = replace(library.settings, library_cache=2)
    ids = [library.add(read_bytes(f"Article {n}\n\nText number {n} about ferries and trains."
                                  .encode(), f"{n}.txt")).info.id for n in range(4)]
    opened: list[str] = []
    real = library._open
    monkeypatch.setattr(library, "_open", lambda i, **kw: opened.append(i) or real(i, **kw))
    fresh = Library(library.settings, embedder=library.embedder)
    assert fresh.ids()[1:] == ids and opened == []  # listing loads nothing
    for article_id in ids:
        library.get(article_id)
    library.get(ids[-1])
    assert opened == ids and len(library._cache) == 2


def test_assistant_load_takes_an_article(settings, fake_embedder, tmp_path, monkeypatch):
    monkeypatch.setenv("ASSISTANT_LIBRARY_DIR", str(tmp_path / "lib2"))
    from assistant.config import Settings

    s = Settings.from_env(index_dir=settings.index_dir, corpus_dir=settings.corpus_dir)
    info = Library(s, embedder=fake_embedder).add(read_bytes(TEXT.encode(), "n.md")).info
    a = Assistant.load(s, embedder=fake_embedder, article=info.id)
    assert a.info.id == info.id and a.sources()[0].text == "Night trains return to the north"
    assert Assistant.load(s, embedder=fake_embedder).info.bundled
    with pytest.raises(UnknownArticleError):
        Assistant.load(s, embedder=fake_embedder, article="nope")


REPLIES = """# Bins or a padlock?

By Ruth Okafor on 12 September 2025

The community fridge on Mill Lane may get a padlock at night, after food was left in it that
nobody could date.

Comments

A padlock is a bad idea: night-shift workers use the fridge most.
By Paul Brierley on 14 September 2025

Paul, you are right, and a light over the fridge would do more than a lock.
By Ruth Okafor on 14 September 2025

The fridge saved me money all last winter.
By Sam Cole on 15 September 2025
"""


def test_a_reply_is_kept_with_the_article_and_read_as_an_answer_to_its_commenter(library):
    from assistant.features import FEATURES

    info = library.add(read_bytes(REPLIES.encode(), "fridge.md", kind="markdown")).info
    sources = {s.author: s for s in library.sources(info.id) if s.kind == "comment"}
    assert sources["Ruth Okafor"].reply_to == "Paul Brierley"  # kept in sources.json
    assert sources["Paul Brierley"].reply_to is None
    a = library.get(info.id)
    col = FEATURES.index("reply_named")

    def replies(question: str, history: list[str]) -> set[str]:
        _, query, kinds = a._prepare(question, history, None)
        cands, _ = a.answerer.candidates(query, kinds, a._encode([query.text])[0])
        return {c.source.author for c in cands if c.features[col]}

    assert replies("Did the author reply to Paul?", []) == {"Ruth Okafor"}
    assert replies("Who replied to him?", ["What did Paul say about the padlock?"]) == \
        {"Ruth Okafor"}
    # asked what Paul wrote, his own comment answers, not the reply to it
    assert replies("What did Paul say about the padlock?", []) == set()


def test_a_reply_stored_before_sources_kept_reply_to_is_known_by_its_label():
    """A library article added by an earlier version has no "reply_to" in its sources.json;
    the reply's label still names the commenter it answers."""
    from assistant.types import Source

    row = {"id": "comment-2", "kind": "comment", "text": "Paul, you are right.",
           "label": "Reader comment by Ruth Okafor, 14 September 2025, replying to Paul Brierley",
           "author": "Ruth Okafor", "date": "14 September 2025"}
    reply = Source.from_dict(row)
    assert reply.reply_to == "Paul Brierley" and Source.from_dict(reply.to_dict()) == reply
    assert Source.from_dict({**row, "label": "Reader comment by Ruth Okafor"}).reply_to is None
    assert Source.from_dict({**row, "kind": "post"}).reply_to is None
