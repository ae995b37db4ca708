"""Chat page: what a reader types in the chat (fake embedder).

A lone surrogate (finding 8) gets a friendly message and the session goes on (it used to end
the event stream and break every later question until Start over); ``$$...$$`` in a question
is shown as typed, never rendered as math (finding 17). The browser cases drive Chromium
against a real ``python app.py`` (``e2e``).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from assistant import ui

AREA = "Chat page"


def test_a_lone_surrogate_gets_a_friendly_message_and_the_chat_goes_on(assistant):
    import orjson  # what Gradio sends the chat's messages with

    bad = ui.ask_turn(assistant, "Why \ud800?", [], None)
    assert bad.answer is None and bad.error.startswith("I can\u2019t take that question: the "
                                                       "question contains a control character")
    assert bad.question == "Why \ufffd?"
    turns = [bad, ui.ask_turn(assistant, "Which cells break down bone?", [bad], None)]
    assert "osteoclasts" in turns[1].answer.answer
    orjson.dumps(ui.chat_messages(turns))  # raised "surrogates not allowed": the session broke
    orjson.dumps(ui.article_html(assistant.sources(), turns))


@pytest.mark.e2e
def test_in_the_browser_a_lone_surrogate_gets_a_friendly_message_and_the_chat_goes_on(chat):
    box = chat.page.get_by_label("Your question")
    before = chat.replies.count()
    box.evaluate("el => { el.value = 'Why \\ud800?'; "
                 "el.dispatchEvent(new Event('input', {bubbles: true})); }")
    box.press("Enter")
    chat.page.wait_for_function(
        "n => document.querySelectorAll(\"#qa-chat [data-testid='bot']\").length > n",
        arg=before, timeout=30_000)
    expect(chat.replies.nth(before).locator(".qa-error")).to_contain_text("control character")
    expect(chat.ask("Which cells break down bone?")).to_contain_text("osteoclasts")


@pytest.mark.e2e
def test_a_question_is_shown_as_typed_never_as_math_or_markdown(chat):
    typed = "Is $$x^2$$ or $y$ in *the* `article`? \\(a\\) [link](http://e.example)"
    chat.ask(typed)
    assert chat.questions.first.inner_text().strip() == typed
    assert chat.page.locator("#qa-chat .katex, #qa-chat em, #qa-chat code").count() == 0
    assert chat.page.locator("#qa-chat [data-testid='user'] a").count() == 0
