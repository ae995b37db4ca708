"""Adding an article in the chat and asking about it, in Chromium against the real app."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

ARTICLE = "#qa-article"
PASTED = """Ferry timetable changes for the winter

By Rhona Gilchrist, 4 November 2024

From December the crossing to the island will run three times a day instead of four.

The first sailing will leave the harbour at 7.30 in the morning and the last at 6 in the evening.

Islanders asked for a later last sailing, but the operator said crews were too few.
"""


def _pick(chat, label: str) -> None:
    picker = chat.page.locator("#qa-article-picker input")
    picker.click()
    chat.page.get_by_role("option", name=label).click()


def test_paste_an_article_ask_about_it_then_go_back(chat):
    page = chat.page
    page.get_by_text("Add an article").click()
    page.locator("#qa-add-text textarea").fill(PASTED)
    page.locator("#qa-add-button").click()

    expect(page.locator("#qa-add-status")).to_contain_text("Added", timeout=60_000)
    expect(page.locator("#qa-header")).to_contain_text("Ferry timetable changes for the winter")
    expect(page.locator(ARTICLE)).to_contain_text("three times a day instead of four")
    expect(page.locator(ARTICLE)).not_to_contain_text("osteoporosis")

    reply = chat.ask("When does the first sailing leave?")
    expect(reply).to_contain_text("7.30")
    expect(reply.locator("a.qa-cite").first).to_be_visible()

    _pick(chat, "New treatment for osteoporosis? (built in)")
    expect(page.locator(ARTICLE)).to_contain_text("osteoporosis")
    expect(chat.replies).to_have_count(0)
    reply = chat.ask("Which cells break down bone?")
    expect(reply).to_contain_text("osteoclasts")
    assert chat.page_errors == [] and chat.dialogs == []
    assert chat.foreign_requests() == []
