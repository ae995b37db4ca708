"""The audit's cases (see README.md here): the cases are counted per area for the README.

With ``AUDIT_CASES_FILE`` set, collecting writes ``{area: {"cases": n, "xfail": m}}`` there
(every collected test of a module with an ``AREA`` is one case); ``test_readme_table`` runs
such a collection and compares the counts with README.md's "What we tried" table.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from benchmarks.server import RunningApp

from .servers import fake_model_server


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    out = os.environ.get("AUDIT_CASES_FILE")
    if not out:
        return
    counts: dict[str, dict[str, int]] = {}
    for item in items:
        area = getattr(getattr(item, "module", None), "AREA", None)
        if area is None:
            continue
        count = counts.setdefault(area, {"cases": 0, "xfail": 0})
        count["cases"] += 1
        count["xfail"] += item.get_closest_marker("xfail") is not None
    Path(out).write_text(json.dumps(counts, indent=1, sort_keys=True), encoding="utf-8")


@pytest.fixture(scope="module")
def app_client(tmp_path_factory: pytest.TempPathFactory):
    """The whole app (API + chat, as ``python app.py`` serves it) in process, on the fake
    embedder; one per module."""
    from fastapi.testclient import TestClient

    import app as app_module
    from assistant import Assistant, Settings
    from assistant.embedding import HashEmbedder

    settings = Settings.from_env(index_dir=tmp_path_factory.mktemp("audit-index"),
                                 library_dir=tmp_path_factory.mktemp("audit-library"))
    assistant = Assistant.load(settings, embedder=HashEmbedder())
    with TestClient(app_module.build_app(assistant), raise_server_exceptions=False) as client:
        yield client


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningApp]:
    """One real server for a module's cases."""
    with fake_model_server(tmp_path_factory.mktemp("audit-server")) as app:
        yield app


@pytest.fixture
def chat(server: RunningApp) -> Iterator[Any]:
    """The chat page of the module's ``server`` in Debian's Chromium, as the e2e tests drive it
    (``tests.e2e.conftest.Chat``: ``ask``, ``replies``, ``questions``, ``page_errors``). The
    browser is closed after the case, so no Playwright loop outlives it."""
    from playwright.sync_api import sync_playwright

    from tests.e2e.browser import CHROMIUM, CHROMIUM_ARGS
    from tests.e2e.conftest import ANSWER_TIMEOUT_MS, Chat

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            c = Chat(page, server.url)
            page.on("request", lambda r: c.requests.append(r.url))
            page.on("pageerror", lambda e: c.page_errors.append(str(e)))
            page.goto(server.url + "/")
            page.get_by_label("Your question").wait_for(timeout=ANSWER_TIMEOUT_MS)
            yield c
        finally:
            browser.close()
