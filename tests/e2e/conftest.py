"""E2E fixtures: one app server process and one Chromium per session, a fresh page per test.

Set E2E_BASE_URL to drive an app that is already running instead of starting one.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from .browser import CHROMIUM, CHROMIUM_ARGS, running_app

ANSWER_TIMEOUT_MS = 30_000


@pytest.fixture(scope="session")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of ``python app.py`` on a free port (its own index dir, killed at the end)."""
    given = os.environ.get("E2E_BASE_URL")
    if given:
        yield given.rstrip("/")
        return
    work = tmp_path_factory.mktemp("e2e-app")
    with running_app(work / "index", work / "app.log") as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Chat:
    """The chat page as a reader uses it, plus what the page did behind the scenes."""

    page: object
    url: str
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    @property
    def replies(self):
        return self.page.locator("#qa-chat [data-testid='bot']")

    @property
    def questions(self):
        return self.page.locator("#qa-chat [data-testid='user']")

    def ask(self, question: str):
        """Type the question, press Enter, wait for the reply and return it (a Locator)."""
        before = self.replies.count()
        box = self.page.get_by_label("Your question")
        box.fill(question)
        box.press("Enter")
        self.page.wait_for_function(
            "n => document.querySelectorAll(\"#qa-chat [data-testid='bot']\").length > n",
            arg=before, timeout=ANSWER_TIMEOUT_MS,
        )
        return self.replies.nth(before)

    def foreign_requests(self) -> list[str]:
        """Requests to anything but the app's own scheme, host and port (data:/blob: aside)."""
        own = urlsplit(self.url)
        return [
            u for u in self.requests
            if urlsplit(u).scheme not in ("data", "blob")
            and (urlsplit(u).scheme, urlsplit(u).netloc) != (own.scheme, own.netloc)
        ]


@pytest.fixture
def chat(browser, app_url: str, request: pytest.FixtureRequest) -> Iterator[Chat]:
    """A fresh browser context on the chat page, recording requests, dialogs and page errors."""
    viewport = getattr(request, "param", {"width": 1280, "height": 900})
    context = browser.new_context(viewport=viewport, accept_downloads=True)
    page = context.new_page()
    c = Chat(page, app_url)
    page.on("request", lambda r: c.requests.append(r.url))
    page.on("pageerror", lambda e: c.page_errors.append(str(e)))

    def on_dialog(dialog) -> None:
        c.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.goto(app_url + "/")
    page.get_by_label("Your question").wait_for(timeout=ANSWER_TIMEOUT_MS)
    yield c
    context.close()
