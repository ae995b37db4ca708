"""/docs and /redoc render in Chromium with no network beyond the app (``python app.py``):
the browser resolves no other host, so a CDN-loaded page would stay blank."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from .browser import raw_get, running_app

pytestmark = pytest.mark.e2e

RENDER_TIMEOUT_MS = 30_000
OPERATIONS = ["/api/answer", "/api/answer/batch", "/api/search", "/api/sources/{source_id}",
              "/api/health"]


@pytest.fixture(scope="module")
def docs_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The full app (API + Gradio) on the fake embedder: the docs do not need the model."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("ASSISTANT_EMBEDDER", "hash")
        work = tmp_path_factory.mktemp("docs-server")
        with running_app(work / "index", work / "app.log") as url:
            yield url


class Visit:
    """A page of the app in a fresh context, with every request and how the browser ended it."""

    def __init__(self, browser, base: str, path: str):
        self.base = base
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.blocked: list[str] = []  # refused by the page's CSP: never left the browser
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("requestfailed", self._failed)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(base + path)

    def _failed(self, request) -> None:
        failure = (request.failure or "").lower()
        if failure == "csp" or "blocked_by_csp" in failure:
            self.blocked.append(request.url)

    def sent_elsewhere(self) -> list[str]:
        """Requests to anything but the app (data:/blob: and CSP-blocked ones aside)."""
        own = urlsplit(self.base)
        self.page.wait_for_load_state("networkidle")  # every request has ended by now
        return [u for u in self.requests if urlsplit(u).scheme not in ("data", "blob")
                and (urlsplit(u).scheme, urlsplit(u).netloc) != (own.scheme, own.netloc)
                and u not in self.blocked]


def test_swagger_ui_renders_the_operations_offline(browser, docs_server):
    visit = Visit(browser, docs_server, "/docs")
    page = visit.page
    try:
        answer = page.locator(".opblock").filter(has_text="/api/answer").first
        answer.wait_for(state="visible", timeout=RENDER_TIMEOUT_MS)
        text = page.locator("#swagger-ui").inner_text()
        for path in OPERATIONS:
            assert path in text, path
        assert "Article assistant API" in text
        assert "Unable to render" not in text and "Failed to load API definition" not in text
        # An operation opens and shows its request body schema: the UI is live, not a shell.
        answer.locator(".opblock-summary").first.click()
        page.locator(".opblock-body").first.wait_for(state="visible", timeout=RENDER_TIMEOUT_MS)
        assert any("/api/docs-assets/swagger-ui-bundle.js" in u for u in visit.requests)
        assert not visit.sent_elsewhere(), visit.sent_elsewhere()
        assert not visit.blocked, visit.blocked  # Swagger UI asks for nothing elsewhere
        assert not visit.errors, visit.errors
    finally:
        visit.context.close()


def test_swaggers_try_it_out_default_body_gets_a_real_answer(browser, docs_server):
    """A newcomer opens /docs, clicks Try it out and Execute on POST /api/answer as it is."""
    visit = Visit(browser, docs_server, "/docs")
    page = visit.page
    try:
        op = page.locator(".opblock-post").filter(has_text="/api/answer").filter(
            has_not_text="/api/answer/batch").first
        op.wait_for(state="visible", timeout=RENDER_TIMEOUT_MS)
        op.locator(".opblock-summary").first.click()
        op.get_by_role("button", name="Try it out").click()
        body = op.locator("textarea.body-param__text")
        assert "Which cells break down bone?" in body.input_value()
        op.get_by_role("button", name="Execute").click()
        result = op.locator(".live-responses-table .response-col_description pre")
        result.first.wait_for(state="visible", timeout=RENDER_TIMEOUT_MS)
        text = result.first.inner_text()
        assert '"abstained": false' in text and "osteoclasts" in text, text[:500]
    finally:
        visit.context.close()


def test_redoc_renders_offline(browser, docs_server):
    visit = Visit(browser, docs_server, "/redoc")
    page = visit.page
    try:
        title = page.locator("h1").filter(has_text="Article assistant API")
        title.first.wait_for(state="visible", timeout=RENDER_TIMEOUT_MS)
        page.get_by_text("/api/answer", exact=True).first.wait_for(
            state="attached", timeout=RENDER_TIMEOUT_MS)
        page.get_by_text("A cited, extractive answer").first.wait_for(
            state="visible", timeout=RENDER_TIMEOUT_MS)
        assert any("/api/docs-assets/redoc.standalone.js" in u for u in visit.requests)
        # ReDoc's sidebar logo comes from cdn.redoc.ly: the CSP stops it in the browser.
        assert not visit.sent_elsewhere(), visit.sent_elsewhere()
        assert not visit.errors, visit.errors
    finally:
        visit.context.close()


@pytest.mark.parametrize("path", [
    "/api/docs-assets/../../etc/passwd",
    "/api/docs-assets/" + "../" * 30 + "etc/passwd",
    "/api/docs-assets/" + "%2e%2e/" * 30 + "etc/passwd",
    "/api/docs-assets/" + "..%2f" * 30 + "etc/passwd",
    "/api/docs-assets/../core.py",
    "/api/docs-assets/%2e%2e/core.py",
    "/api/docs-assets//etc/passwd",
])
def test_docs_assets_refuse_path_traversal_on_the_real_server(docs_server, path):
    response = raw_get(docs_server, path)
    status = int(response.split(b" ", 2)[1])
    assert 400 <= status < 500, response[:300]
    assert b"root:" not in response and b"FastAPIOffline" not in response


def test_docs_assets_are_served_by_the_real_server(docs_server):
    response = raw_get(docs_server, "/api/docs-assets/swagger-ui.css")
    head = response.split(b"\r\n\r\n", 1)[0].lower()
    assert head.startswith(b"http/1.1 200") and b"content-type: text/css" in head
