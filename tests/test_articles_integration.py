"""With the real model: every fixture page, once added, answers "Who wrote this?" from its
byline (the post's author and date are on it, and on the title and paragraphs)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from assistant.library import Library

pytestmark = pytest.mark.integration

PAGES = Path(__file__).parent / "fixtures" / "pages"
FIXTURES = sorted(p.name for p in PAGES.iterdir() if (p / "expected.json").is_file())


@pytest.fixture(scope="module")
def library(real_assistant, tmp_path_factory) -> Library:
    folder = tmp_path_factory.mktemp("real-library")
    return Library(replace(real_assistant.settings, library_dir=folder), bundled=real_assistant)


def _added(library: Library, name: str):
    expected = json.loads((PAGES / name / "expected.json").read_text(encoding="utf-8"))
    info = library.add_source(str(PAGES / name / "page.html")).info
    return library.get(info.id), expected["author"]


@pytest.mark.parametrize("name", FIXTURES)
def test_who_wrote_this_finds_the_byline_first(library, name):
    article, author = _added(library, name)
    best = article.search("Who wrote this?", k=1)[0]
    assert best.source.kind == "byline" and best.source.author == author
    assert author in best.source.text


@pytest.mark.parametrize("name", FIXTURES)
def test_who_wrote_this_is_answered_from_the_byline(library, name):
    article, author = _added(library, name)
    answer = article.ask("Who wrote this?")
    assert not answer.abstained and author in answer.answer
    assert any(q.source.kind == "byline" for q in answer.quotes)
