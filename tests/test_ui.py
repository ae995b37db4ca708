"""The chat page's HTML building and turn handling, without a browser (fake embedder)."""

from __future__ import annotations

import csv
import io
import logging
import os
import re
import stat
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import pytest

from assistant import downloads, ui
from assistant.errors import IndexLoadError
from assistant.types import Answer, Quote, Source
from tests.loops import run_async

EVIL = '<img src=x onerror=alert(1)> <a href="javascript:alert(2)">x</a> & "q"'


def _quote(source: Source, n: int = 1, start: int = 0, end: int | None = None) -> Quote:
    end = len(source.text) if end is None else end
    return Quote(n=n, text=source.text[start:end], start=start, end=end, score=0.9, source=source)


def _no_live_markup(fragment: str) -> None:
    assert "<img" not in fragment and "<script" not in fragment
    assert 'href="javascript:' not in fragment


def test_the_question_is_shown_literally():
    shown = ui.user_html(EVIL)
    _no_live_markup(shown)
    assert shown == ("&lt;img src=x onerror=alert(1)&gt; "
                     "&lt;a href=&quot;javascript:alert(2)&quot;&gt;x&lt;/a&gt; "
                     "&amp; &quot;q&quot;")


def test_an_over_long_question_is_shown_cut():
    assert ui.user_html("a" * 5000).endswith("a\u2026")
    assert len(ui.user_html("a" * 5000)) < 500


def test_answer_links_every_marker_and_lists_each_citation_with_its_label(assistant):
    answer = assistant.ask("Which cells break down bone?")
    assert not answer.abstained and answer.quotes
    page = ui.answer_html(answer)

    for q in answer.quotes:
        target = f'href="#q-{q.source.id}-{q.start}-{q.end}"'
        assert page.count(target) == 2  # the [n] in the text and the citation under it
        assert f"[{q.n}] {q.source.label}</a>" in page
    assert not re.search(r"(?<!>)\[\d+\](?!</a>| )", page)  # no unlinked marker left


def test_a_reader_comment_is_marked_as_opinion(assistant):
    comment = assistant.source("comment-2")
    answer = Answer("q", "Words [1]", False, quotes=(_quote(comment),))
    page = ui.answer_html(answer)
    assert "Reader comment by Simran Ghooi, 17 Nov 2014" in page
    assert ui.OPINION in page
    post = assistant.source("post-3")
    assert ui.OPINION not in ui.answer_html(Answer("q", "W [1]", False, quotes=(_quote(post),)))


def test_answer_text_quotes_and_labels_are_escaped(assistant):
    evil = replace(assistant.source("post-1"), text=EVIL, label='Post "<b>1</b>"')
    answer = Answer(EVIL, EVIL + " [1]", False, quotes=(_quote(evil),),
                    resolved_question=EVIL + " again")
    page = ui.answer_html(answer)
    _no_live_markup(page)
    assert "<b>" not in page and "&lt;b&gt;1&lt;/b&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_abstaining_says_so_plainly_and_offers_the_closest_passages(assistant):
    closest = (_quote(assistant.source("post-2"), 1, 0, 50), _quote(assistant.source("comment-2")))
    answer = Answer("Who won the cup?", "The article does not say who won the cup.", True,
                    closest=closest)
    page = ui.answer_html(answer)
    assert page.startswith('<div class="qa-abstain">')
    assert "<strong>The article does not say who won the cup.</strong>" in page
    assert "Closest passages, for you to judge" in page
    assert 'href="#q-post-2-0-50"' in page and ui.OPINION in page
    assert "qa-cites" not in page  # no "Sources:" list: nothing is cited


def test_abstaining_says_why_in_plain_words_and_for_you_to_judge_once(assistant):
    answer = assistant.ask("How tall is Mount Everest?")
    assert answer.abstained and answer.reason
    page = ui.answer_html(answer)
    assert "<strong>The article does not say.</strong>" in page
    reason = answer.reason[0].upper() + answer.reason[1:]
    assert f'<p class="qa-reason">{ui._e(reason)}.</p>' in page
    assert page.count("for you to judge") == 1 and "listed below" not in page


def test_read_as_only_for_a_question_read_as_a_follow_up(assistant):
    history = ["What is osteoporosis?", "Who led the review on oxytocin and bone?"]
    standalone = assistant.ask("Which cells break down bone?", history=history)
    assert "Read as" not in ui.answer_html(standalone)
    follow_up = assistant.ask("Which university is she at?", history=history)
    read_as = re.search(r"Read as: <em>(.*?)</em>", ui.answer_html(follow_up))
    # read with the earlier question (and, after a "who" question, the person it answered)
    assert read_as and "Who led the review on oxytocin and bone? Which university is she at?" in (
        read_as.group(1))


def test_the_article_shows_every_source_and_highlights_what_the_latest_answer_cites(assistant):
    sources = assistant.sources()
    old = Answer("a", "x [1]", False, quotes=(_quote(assistant.source("post-1"), 1, 0, 20),))
    post3 = assistant.source("post-3")
    latest = Answer("b", "y [1]", False, quotes=(_quote(post3, 1, 10, 60),))
    page = ui.article_html(sources, [ui.Turn("a", old), ui.Turn("b", latest)])

    for s in sources:
        assert f'id="src-{s.id}"' in page
    # Both answers' quotes are anchors; only the latest's is highlighted.
    assert 'id="q-post-1-0-20"' in page and 'id="q-post-3-10-60"' in page
    marks = re.findall(r'<mark class="qa-seg qa-cited" data-s="(\d+)" data-e="(\d+)">', page)
    assert marks == [("10", "60")]
    assert "Reader comments" in page and "not the article\u2019s findings" in page
    # The visible text is the article's text, unchanged.
    text = re.sub(r"<[^>]+>", "", page)
    assert post3.text.replace('"', "&quot;").replace("'", "&#x27;") in text


def test_after_an_error_nothing_is_highlighted(assistant):
    post3 = assistant.source("post-3")
    answered = ui.Turn("b", Answer("b", "y [1]", False, quotes=(_quote(post3, 1, 10, 60),)))
    page = ui.article_html(assistant.sources(), [answered, ui.Turn("c", error="too long")])
    assert "qa-cited" not in page and 'id="q-post-3-10-60"' in page


def test_overlapping_quotes_cut_the_text_without_losing_any(assistant):
    post = assistant.source("post-2")
    quotes = (_quote(post, 1, 0, 100), _quote(post, 2, 50, 150))
    page = ui.article_html([post], [ui.Turn("q", Answer("q", "z", False, quotes=quotes))])
    assert 'id="q-post-2-0-100"' in page and 'id="q-post-2-50-150"' in page
    segments = re.findall(r'data-s="(\d+)" data-e="(\d+)"', page)
    assert segments == [("0", "50"), ("50", "100"), ("100", "150")]


def test_article_text_is_escaped(assistant):
    evil = replace(assistant.source("comment-1"), text=EVIL, label="<i>Reader</i>")
    page = ui.article_html([evil], [ui.Turn("q", Answer("q", "z", False, quotes=(_quote(evil),)))])
    _no_live_markup(page)
    assert "<i>" not in page


def test_the_filter_maps_to_kinds():
    assert ui.kinds_for(list(ui.FILTERS)) is None
    assert ui.kinds_for(["Reader comments"]) == ("comment",)
    assert ui.kinds_for(["Reference", "The post"]) == ui.FILTERS["The post"] + ("reference",)
    assert ui.kinds_for([]) == ()
    assert ui.kinds_for(None) is None


def test_a_follow_up_is_asked_with_the_earlier_answered_questions(assistant, monkeypatch):
    seen = {}
    real_ask = assistant.ask

    def spy(question, history=(), kinds=None):
        seen.update(question=question, history=list(history), kinds=kinds)
        return real_ask(question, history=history, kinds=kinds)

    monkeypatch.setattr(assistant, "ask", spy)
    first = ui.ask_turn(assistant, "Who led the review on oxytocin and bone?", [], None)
    failed = ui.Turn("x" * 2000, error="too long")
    ui.ask_turn(assistant, "Which university is she at?", [first, failed], ["Reference"])
    assert seen == {"question": "Which university is she at?",
                    "history": ["Who led the review on oxytocin and bone?"],
                    "kinds": ("reference",)}


def test_errors_become_friendly_messages(assistant, monkeypatch, caplog):
    too_long = ui.ask_turn(assistant, "why " * 400, [], None)
    assert too_long.answer is None and "the limit is 1,000" in too_long.error

    no_source = ui.ask_turn(assistant, "Which cells break down bone?", [], [])
    assert "Tick at least one source" in no_source.error

    def broken_index(*args, **kwargs):
        raise IndexLoadError("index/manifest.json is missing; run `assistant index build`")

    monkeypatch.setattr(assistant, "ask", broken_index)
    assert "run `assistant index build`" in ui.ask_turn(assistant, "q?", [], None).error

    def bug(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(assistant, "ask", bug)
    with caplog.at_level(logging.ERROR, logger="assistant.ui"):
        turn = ui.ask_turn(assistant, "q?", [], None)
    assert turn.error == ui.FAILED and "boom" not in turn.error
    assert "ZeroDivisionError" in caplog.text  # the traceback goes to the log


def test_chat_messages_pair_each_question_with_its_reply(assistant):
    turns = [ui.ask_turn(assistant, "Which cells break down bone?", [], None),
             ui.Turn("<b>?", error="the question is <b>")]
    messages = ui.chat_messages(turns)
    assert [m["role"] for m in messages] == ["user", "assistant", "user", "assistant"]
    assert messages[2]["content"] == "&lt;b&gt;?"
    error = messages[3]["content"]
    assert error == '<p class="qa-error" role="alert">the question is &lt;b&gt;</p>'


def test_the_sheets_hold_the_answered_conversation(assistant, tmp_path: Path):
    assert ui.sheet_files([], assistant.sources(), tmp_path) == (None, None)
    turns = [ui.ask_turn(assistant, "Which cells break down bone?", [], None),
             ui.Turn("x", error="bad"),
             ui.ask_turn(assistant, "Who won the 2014 FIFA World Cup?", [], None)]
    md, csv_path = ui.sheet_files(turns, assistant.sources(), tmp_path)
    assert md.endswith(".md") and csv_path.endswith(".csv")
    text = Path(md).read_text(encoding="utf-8")
    assert "Which cells break down bone?" in text and "FIFA" in text
    rows = list(csv.DictReader(io.StringIO(Path(csv_path).read_text(encoding="utf-8-sig"))))
    assert [r["question"] for r in rows] == ["Which cells break down bone?",
                                             "Who won the 2014 FIFA World Cup?"]
    # The same conversation gives the same files; a longer one, new files.
    assert ui.sheet_files(turns, assistant.sources(), tmp_path) == (md, csv_path)
    assert ui.sheet_files(turns[:1], assistant.sources(), tmp_path)[0] != md


def _asked(assistant, question: str) -> list[ui.Turn]:
    """A one-turn conversation on ``question`` (a canned answer, so no search is run)."""
    answer = ui.ask_turn(assistant, "Which cells break down bone?", [], None).answer
    return [ui.Turn(question, answer=replace(answer, question=question))]


def test_many_conversations_keep_the_sheet_folder_bounded(assistant, tmp_path: Path, monkeypatch):
    monkeypatch.setattr(downloads, "KEEP", 6)
    folder = tmp_path / "sheets"
    for i in range(20):
        md, csv_path = ui.sheet_files(_asked(assistant, f"Question {i}?"), assistant.sources(), folder)
        assert Path(md).is_file() and Path(csv_path).is_file()  # the latest are always there
    assert (Path(md).name, Path(csv_path).name) == ("qa-sheet.md", "qa-sheet.csv")
    assert "Question 19?" in Path(md).read_text(encoding="utf-8")
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert len(files) == 6 and len(list(folder.iterdir())) == 6


def test_old_sheets_are_removed_but_one_handed_out_again_is_kept(assistant, tmp_path: Path):
    sources = assistant.sources()
    old = ui.sheet_files(_asked(assistant, "Old?"), sources, tmp_path)
    again = ui.sheet_files(_asked(assistant, "Again?"), sources, tmp_path)
    long_ago = time.time() - downloads.MAX_AGE - 60
    for path in (*old, *again):
        os.utime(Path(path).parent, (long_ago, long_ago))
    assert ui.sheet_files(_asked(assistant, "Again?"), sources, tmp_path) == again
    new = ui.sheet_files(_asked(assistant, "New?"), sources, tmp_path)
    assert all(Path(p).is_file() for p in (*again, *new))
    assert not any(Path(p).parent.exists() for p in old)
    assert downloads.prune(tmp_path / "missing") == 0


def test_the_default_sheet_folder_is_private_to_the_process_and_removed_at_exit(tmp_path: Path,
                                                                              monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(downloads, "_folders", {})
    ours = downloads.process_folder()
    assert downloads.process_folder() == ours
    assert ours.parent == tmp_path and ours.name.startswith(f"{downloads.PREFIX}{os.getpid()}-")
    assert stat.S_IMODE(ours.stat().st_mode) == 0o700  # mkdtemp: a fresh name, owner only
    code = ("from assistant import downloads; f = downloads.process_folder(); "
            "(f / 'x').write_text('x'); print(f)")
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    theirs = [Path(subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                                  text=True, check=True, timeout=60).stdout.strip())
              for _ in range(2)]
    assert len({ours, *theirs}) == 3 and all(p.parent == tmp_path for p in theirs)
    assert not any(p.exists() for p in theirs)  # each removed its own at exit
    downloads._remove(ours, os.getpid() + 1)  # a forked child's exit leaves the parent's alone
    assert ours.is_dir()


def test_folders_of_processes_that_are_gone_are_swept_when_a_folder_is_made(tmp_path: Path,
                                                                            monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(downloads, "_folders", {})
    code = ("import time; from assistant import downloads; f = downloads.process_folder(); "
            "(f / 'x').write_text('x'); print(f, flush=True); time.sleep(120)")
    child = subprocess.Popen([sys.executable, "-c", code], env={**os.environ, "TMPDIR": str(tmp_path)},
                             stdout=subprocess.PIPE, text=True)
    try:
        theirs = Path(child.stdout.readline().strip())
        assert theirs.name.startswith(f"{downloads.PREFIX}{child.pid}-") and theirs.is_dir()
        earlier = downloads.process_folder()  # made while the child runs: its folder stays
        assert theirs.is_dir()
    finally:
        child.terminate()  # SIGTERM: no atexit hook runs (nor under uvicorn, which re-raises it)
        child.wait(timeout=30)
    assert theirs.is_dir()
    unrelated = [tmp_path / f"{downloads.PREFIX}abc-x", tmp_path / f"{downloads.PREFIX}0-x"]
    for path in unrelated:
        path.mkdir()
    monkeypatch.setattr(downloads, "_folders", {})
    ours = downloads.process_folder()
    assert not theirs.exists()
    assert ours != earlier and all(p.is_dir() for p in (ours, earlier, *unrelated))


def test_the_page_writes_sheets_privately_and_gradio_copies_are_deleted(assistant, tmp_path: Path,
                                                                       monkeypatch):
    from gradio import route_utils

    monkeypatch.setenv("GRADIO_TEMP_DIR", str(tmp_path / "gradio"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(downloads, "_folders", {})
    page = ui.build_ui(assistant)
    frequency, age = page.delete_cache
    assert 0 < frequency <= age <= 24 * 3600
    respond = next(f for f in page.fns.values() if f.name == "respond")
    out = respond.fn("Which cells break down bone?", list(ui.FILTERS), [])
    ours = {p.name for p in downloads.process_folder().rglob("*") if p.is_file()}
    assert ours == {"qa-sheet.md", "qa-sheet.csv"}
    # Gradio copies each download into its cache and tracks the copies, so delete_cache
    # (on its schedule, and at shutdown as here) deletes them.
    served = run_async(page.postprocess_data(respond, list(out), None))
    copies = [Path(update["value"]["path"]) for update in served[-2:]]
    assert [p.name for p in copies] == ["qa-sheet.md", "qa-sheet.csv"]
    assert all(p.is_file() and p.is_relative_to(tmp_path / "gradio") for p in copies)
    route_utils.delete_files_created_by_app(page, None)
    assert not any(p.exists() for p in copies)


def test_the_page_builds_and_is_offline_by_its_options(assistant):
    import gradio as gr

    page = ui.build_ui(assistant)
    assert isinstance(page, gr.Blocks)
    options = ui.page_options()
    assert options["ssr_mode"] is False
    fonts = options["theme"]._font + options["theme"]._font_mono
    assert all(isinstance(f, str) for f in fonts)  # system fonts only: no web font to fetch


@pytest.mark.parametrize("examples", [[], ["What is osteoporosis?"]])
def test_the_page_builds_with_or_without_example_questions(assistant, monkeypatch, examples):
    monkeypatch.setattr(assistant, "examples", lambda: examples)
    config = ui.build_ui(assistant).get_config_file()
    starters = next(c["props"] for c in config["components"]
                    if c["props"].get("label") == "Example questions")
    assert starters["visible"] == bool(examples)
    assert starters["samples"] == [[q] for q in examples]
