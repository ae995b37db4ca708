"""What a reader sees in the chat page, driven in Chromium against the real app process."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

ARTICLE = "#qa-article"


def test_answer_is_cited_and_a_click_shows_the_sentence_in_the_article(chat):
    reply = chat.ask("Which cells break down bone?")

    expect(reply).to_contain_text("osteoclasts")
    citations = reply.locator("a.qa-cite")
    expect(citations.first).to_contain_text("[1] Post, paragraph")
    # The sentences cited by the latest answer are highlighted in the article already.
    cited = chat.page.locator(f"{ARTICLE} mark.qa-cited")
    expect(cited.filter(has_text="osteoclasts")).to_have_count(1)

    citations.first.click()
    focused = chat.page.locator(f"{ARTICLE} .qa-focus")
    expect(focused.first).to_be_visible()
    expect(focused.first).to_be_in_viewport()
    quoted = " ".join(focused.all_inner_texts())
    assert "cells that break down bone (osteoclasts)" in quoted
    assert chat.page_errors == []


def test_a_question_the_article_does_not_answer_gets_a_plain_distinct_reply(chat):
    reply = chat.ask("Who won the 2014 FIFA World Cup?")

    expect(reply.locator(".qa-abstain")).to_contain_text("The article does not say")
    expect(reply.locator(".qa-answer")).to_have_count(0)
    expect(reply).to_contain_text("Closest passages, for you to judge")
    # Why, in plain words; and "for you to judge" said once.
    expect(reply.locator(".qa-reason")).to_have_text(re.compile(r"^[A-Z][a-z].+\.$"))
    assert reply.inner_text().count("for you to judge") == 1
    # The closest passages link to the article like citations do.
    expect(reply.locator("a.qa-cite").first).to_be_visible()
    expect(chat.page.locator(f"{ARTICLE} mark.qa-cited")).to_have_count(0)


def test_a_follow_up_is_read_in_the_light_of_the_previous_question(chat):
    chat.ask("Who led the review on oxytocin and bone?")
    reply = chat.ask("Which university is she at?")

    expect(reply).to_contain_text("University of Bari")
    expect(reply.locator("a.qa-cite").first).to_be_visible()
    # The reply shows how the follow-up was read: with the earlier question.
    expect(reply.locator(".qa-read-as")).to_contain_text("Who led the review on oxytocin and bone?")


def test_start_over_forgets_the_conversation(chat):
    chat.ask("Who led the review on oxytocin and bone?")
    chat.page.get_by_role("button", name="Start over").click()
    expect(chat.replies).to_have_count(0)
    expect(chat.page.locator(f"{ARTICLE} mark.qa-cited")).to_have_count(0)
    # The next question is read on its own, not with the forgotten one.
    reply = chat.ask("Which university is she at?")
    expect(reply.locator(".qa-read-as")).to_have_count(0)
    expect(chat.questions).to_have_count(1)


def test_script_injection_is_shown_as_text_and_never_runs(chat):
    payloads = [
        "<img src=x onerror=alert(1)>",
        '<a href="javascript:alert(2)">click me</a> <script>window.__pwned = 1</script>',
    ]
    for payload in payloads:
        chat.ask(payload)

    expect(chat.questions).to_have_count(2)
    for n, payload in enumerate(payloads):
        assert chat.questions.nth(n).inner_text().strip() == payload
    chat.page.wait_for_timeout(300)  # let any onerror handler fire, if one had been created
    assert chat.dialogs == []
    assert chat.page.evaluate("window.__pwned") is None
    assert chat.page.locator("#qa-chat img[src='x'], #qa-chat script").count() == 0
    assert chat.page.locator("a[href^='javascript:']").count() == 0


def test_an_over_long_question_gets_a_friendly_message_not_a_traceback(chat):
    reply = chat.ask("Why? " * 300)

    expect(reply.locator(".qa-error")).to_contain_text("the limit is 1,000")
    assert "Traceback" not in reply.inner_text()
    # The conversation goes on.
    expect(chat.ask("Which cells break down bone?")).to_contain_text("osteoclasts")


def test_every_request_goes_to_the_app_itself(chat):
    chat.ask("Which cells break down bone?")
    chat.page.locator("#qa-chat a.qa-cite").first.click()
    chat.page.wait_for_timeout(300)

    assert chat.requests, "no request was recorded"
    assert chat.foreign_requests() == []


def test_the_downloaded_sheet_holds_the_conversation(chat, tmp_path: Path):
    chat.ask("Which cells break down bone?")
    chat.ask("Who won the 2014 FIFA World Cup?")

    md_button = chat.page.locator("#qa-download-md")
    expect(md_button).to_be_enabled()
    with chat.page.expect_download() as download:
        md_button.click()
    md = Path(download.value.path()).read_text(encoding="utf-8")
    assert "Which cells break down bone?" in md
    assert "osteoclasts" in md and "Post, paragraph" in md
    assert "Who won the 2014 FIFA World Cup?" in md
    assert "Not answered in the article" in md

    with chat.page.expect_download() as download:
        chat.page.locator("#qa-download-csv").click()
    rows = list(csv.DictReader(io.StringIO(
        Path(download.value.path()).read_text(encoding="utf-8-sig"))))
    assert [r["question"] for r in rows] == [
        "Which cells break down bone?", "Who won the 2014 FIFA World Cup?"]
    assert [r["answered"] for r in rows] == ["yes", "no"]


@pytest.mark.parametrize("chat", [{"width": 390, "height": 844}], indirect=True)
def test_phone_width_stacks_the_article_under_the_chat_without_sideways_scrolling(chat):
    reply = chat.ask("Which cells break down bone?")
    expect(reply.locator("a.qa-cite").first).to_be_visible()

    chat_box = chat.page.locator("#qa-chat").bounding_box()
    article_box = chat.page.locator(ARTICLE).bounding_box()
    assert article_box["y"] >= chat_box["y"] + chat_box["height"]
    overflow = chat.page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


def test_keyboard_alone_asks_and_follows_a_citation(chat):
    page = chat.page
    page.get_by_label("Your question").focus()
    page.keyboard.type("Which cells break down bone?")
    page.keyboard.press("Enter")
    link = chat.replies.first.locator("a.qa-cite").first
    expect(link).to_be_visible(timeout=30_000)
    link.focus()
    page.keyboard.press("Enter")
    expect(page.locator(f"{ARTICLE} .qa-focus").first).to_be_in_viewport()


def test_a_new_answers_highlight_is_scrolled_into_view_and_the_focus_stays_put(chat):
    box = chat.page.locator("#qa-article-box")
    reply = chat.ask("What did Simran Ghooi say about estrogen?")
    expect(reply).to_contain_text("Simran Ghooi")
    mark = chat.page.locator(f"{ARTICLE} mark.qa-cited").first
    # The cited comment sits far below the top of the article: without scrolling, it would
    # be out of sight.
    below_fold = mark.evaluate(
        "(m) => m.getBoundingClientRect().top - document.getElementById('qa-article-box')"
        ".getBoundingClientRect().top + document.getElementById('qa-article-box').scrollTop")
    assert below_fold > box.evaluate("b => b.clientHeight")
    expect(mark).to_be_in_viewport()
    chat.page.wait_for_function(
        "() => { const m = document.querySelector('#qa-article mark.qa-cited').getBoundingClientRect();"
        " const b = document.getElementById('qa-article-box').getBoundingClientRect();"
        " return m.top >= b.top && m.bottom <= b.bottom; }", timeout=5000)
    # The reader can type the next question straight away; the page itself did not move.
    assert chat.page.evaluate("document.activeElement.closest('#qa-question') !== null")
    assert chat.page.evaluate("window.scrollY") == 0


def test_the_conversation_label_sits_above_the_messages_not_over_them(chat):
    for question in ("What is osteoporosis?", "Who won the 2014 FIFA World Cup?",
                     "Which cells break down bone?"):
        chat.ask(question)
    log = chat.page.locator("#qa-chat [role='log']")
    log.evaluate("el => { el.scrollTop = el.scrollHeight / 2; }")
    label = chat.page.locator("#qa-chat [data-testid='block-label']")
    expect(label).to_contain_text("Conversation")
    assert label.bounding_box()["y"] + label.bounding_box()["height"] <= log.bounding_box()["y"] + 1


def test_clicking_an_example_question_asks_it(chat):
    example = chat.page.locator("button", has_text="Which bone cells does oxytocin bind to?")
    expect(example.first).to_be_visible()
    example.first.click()
    expect(chat.questions).to_have_count(1, timeout=30_000)
    expect(chat.questions.first).to_have_text("Which bone cells does oxytocin bind to?")
    expect(chat.replies.first).to_contain_text("osteoclasts", timeout=30_000)
    expect(chat.page.get_by_label("Your question")).to_have_value("")
