"""The article commands of the command line, on the fake embedder: add, articles, remove,
and --article on ask, sources, sheet, eval and index build|check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from .local_site import local_site

PAGES = Path(__file__).parent / "fixtures" / "pages"
WORDPRESS = str(PAGES / "wordpress-threaded-comments" / "page.html")
NOTES = "Tide tables\n\nBy Ann Lee\n\nHigh tide comes about every twelve hours and 25 minutes.\n"


@pytest.fixture
def run(cli_run, monkeypatch, tmp_path):
    monkeypatch.setenv("ASSISTANT_LIBRARY_DIR", str(tmp_path / "library"))
    return cli_run


def _library_files(tmp_path: Path) -> list[str]:
    folder = tmp_path / "library"
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                  if p.name != ".lock") if folder.exists() else []


def test_add_prints_the_id_then_a_summary(run):
    r = run("add", WORDPRESS)
    assert r.exit_code == 0, r.output
    article_id = r.stdout.strip()
    assert article_id.startswith("hot-pavement-lazy-afternoons")
    assert "Added \u201cHot pavement" in r.stderr and "by Maren Ashdown" in r.stderr
    assert "paragraphs, 5 comments" in r.stderr
    again = run("add", WORDPRESS)
    assert again.stdout.strip() == article_id and "Already in the library" in again.stderr


def test_every_command_takes_an_article(run, tmp_path):
    article_id = run("add", WORDPRESS, "--id", "bees").stdout.strip()
    assert article_id == "bees"
    listed = json.loads(run("articles", "--json").output)["articles"]
    assert [a["id"] for a in listed] == ["new-treatment-for-osteoporosis", "bees"]
    assert {"id", "title", "author", "date", "url", "sources"} <= set(listed[1])
    plain = run("articles").output
    assert "new-treatment-for-osteoporosis (bundled, the default)" in plain and "bees" in plain

    sources = json.loads(run("sources", "--json", "--article", "bees").output)["sources"]
    assert sources[0]["text"].startswith("Hot pavement")
    answer = json.loads(run("ask", "--json", "--article", "bees", "How many gardens?").output)
    ids = {s["id"] for s in sources}
    assert all(q["source"]["id"] in ids for q in answer["quotes"] + answer["closest"])
    batch = run("ask", "--jsonl", "--article", "bees", input='{"question": "Who wrote it?"}\n')
    assert batch.exit_code == 0 and "quotes" in json.loads(batch.output)

    assert "built" in run("index", "build", "--article", "bees").output
    check = run("index", "check", "--article", "bees")
    assert check.exit_code == 0 and check.output.startswith("ok:")

    sheet = tmp_path / "lesson.md"
    questions = tmp_path / "q.txt"
    questions.write_text("How many gardens were studied?\nWho wrote it?\n", encoding="utf-8")
    r = run("sheet", str(questions), "--article", "bees", "-o", str(sheet))
    assert r.exit_code == 0, r.output
    text = sheet.read_text(encoding="utf-8")
    assert text.startswith("# Questions and answers: Hot pavement")
    assert "**By:** Maren Ashdown" in text
    assert "**Link:** <https://smallwingsnotes.org/2024/06/14/hot-pavement-city-bumblebees/>" in text
    starters = run("sheet", "--examples", "--article", "bees").output
    assert "Who wrote this article?" in starters

    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "q1", "question": "Who wrote it?", "answerable": True,
                                "evidence": ["Maren Ashdown"], "source": "title|byline|post"})
                    + "\n", encoding="utf-8")
    assert run("eval", str(gold), "--json", "--article", "bees").exit_code == 0

    removed = run("remove", "bees")
    assert removed.exit_code == 0 and "Removed bees" in removed.output
    gone = run("ask", "--article", "bees", "Who wrote it?")
    assert gone.exit_code == 1 and "no article 'bees'" in gone.output
    assert "new-treatment-for-osteoporosis" in gone.output


def test_the_bundled_article_is_unchanged_without_article(run):
    run("add", WORDPRESS)
    r = run("ask", "--json", "Which cells break down bone?")
    assert any(q["source"]["id"].startswith("post") for q in json.loads(r.output)["quotes"])
    assert json.loads(run("sources", "--json").output)["sources"][0]["text"] == \
        "New treatment for osteoporosis?"


def test_standard_input_and_markdown(run, tmp_path):
    r = run("add", "-", input=NOTES)
    assert r.exit_code == 0 and r.stdout.strip() == "tide-tables"
    md = tmp_path / "notes.md"
    md.write_text("# Tide tables, part two\n\nLow tide follows about six hours later.\n",
                  encoding="utf-8")
    assert run("add", str(md)).stdout.strip() == "tide-tables-part-two"


def test_links_are_fetched(run):
    with local_site() as site:
        r = run("add", f"{site}/wordpress.html", "--json")
        assert r.exit_code == 0, r.output
        assert json.loads(r.output)["url"] == f"{site}/wordpress.html"
        bad = run("add", f"{site}/missing")
        assert bad.exit_code == 1 and "404" in bad.output


@pytest.mark.parametrize("args, words", [
    (["missing.html"], "does not exist"),
    ([WORDPRESS, "--id", "../etc"], "'..'"),
    ([WORDPRESS, "--id", "a/b"], "'/'"),
    ([WORDPRESS, "--id", "new-treatment-for-osteoporosis"], "bundled"),
])
def test_bad_adds_exit_1_with_a_message_and_change_nothing(run, tmp_path, args, words):
    r = run("add", *args)
    assert r.exit_code == 1 and words in r.output and "Traceback" not in r.output
    assert _library_files(tmp_path) == []


def test_replace_needs_the_flag(run, tmp_path):
    run("add", "-", "--id", "mine", input=NOTES)
    before = _library_files(tmp_path)
    r = run("add", WORDPRESS, "--id", "mine")
    assert r.exit_code == 1 and "--replace" in r.output
    assert _library_files(tmp_path) == before
    r = run("add", WORDPRESS, "--id", "mine", "--replace")
    assert r.exit_code == 0 and "Replaced" in r.stderr


def test_removing_the_bundled_article_is_refused(run):
    r = run("remove", "new-treatment-for-osteoporosis")
    assert r.exit_code == 1 and "cannot be removed" in r.output
