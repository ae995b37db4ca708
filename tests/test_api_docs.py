"""/docs and /redoc work offline: their script, CSS and icon come from the app itself,
and the static route serving them refuses every path outside its directory."""

from __future__ import annotations

import asyncio
import re
from urllib.parse import unquote, urlsplit

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.api_docs import ASSETS_PATH, assets_dir
from tests.loops import run_async

PAGES = ["/docs", "/redoc"]
CONTENT_TYPES = {".js": ("text/javascript", "application/javascript"), ".css": ("text/css",),
                 ".png": ("image/png",)}
DEEP = "../" * 30  # far more levels than the assets directory has: reaches "/"
TRAVERSALS = [
    f"{ASSETS_PATH}/../../etc/passwd",
    f"{ASSETS_PATH}/{DEEP}etc/passwd",
    f"{ASSETS_PATH}/{DEEP.replace('..', '%2e%2e')}etc/passwd",
    f"{ASSETS_PATH}/{DEEP.replace('/', '%2f')}etc/passwd",
    f"{ASSETS_PATH}/{DEEP.replace('../', '..%5c')}etc/passwd",
    f"{ASSETS_PATH}/%2fetc%2fpasswd",
    f"{ASSETS_PATH}//etc/passwd",
    f"{ASSETS_PATH}/../core.py",  # a real file next to the assets directory
    f"{ASSETS_PATH}/%2e%2e/core.py",
    f"{ASSETS_PATH}/..%2f__init__.py",
]


@pytest.fixture
def client(assistant):
    with TestClient(create_app(assistant)) as c:
        yield c


def _asset_urls(html: str) -> list[str]:
    """Every src= and href= of the page (script, stylesheet, icon)."""
    return re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)["']""", html)


@pytest.mark.parametrize("page", PAGES)
def test_docs_page_loads_only_local_assets_that_the_app_serves(client, page):
    r = client.get(page)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    urls = _asset_urls(html)
    assert urls, html
    assert "http://" not in html and "https://" not in html and "//cdn" not in html
    for url in urls:
        parts = urlsplit(url)
        assert not parts.scheme and not parts.netloc, url
        assert url.startswith(ASSETS_PATH + "/"), url
        asset = client.get(url)
        suffix = "." + url.rsplit(".", 1)[-1]
        assert asset.status_code == 200, url
        assert asset.headers["content-type"].startswith(CONTENT_TYPES[suffix]), (url, asset.headers)
        assert asset.content == (assets_dir() / url.rsplit("/", 1)[-1]).read_bytes()
    scripts = re.findall(r"<script[^>]*\bsrc=", html)
    assert scripts, "the page must load its script from the app"
    # The browser itself refuses anything from elsewhere (ReDoc's logo on cdn.redoc.ly).
    csp = r.headers["content-security-policy"]
    assert csp.startswith("default-src 'self' ") and "http" not in csp and "*" not in csp


def test_swagger_page_points_at_the_openapi_document_and_no_validator(client):
    html = client.get("/docs").text
    assert "url: '/openapi.json'" in html
    assert '"validatorUrl": null' in html  # no badge image from validator.swagger.io
    assert f'src="{ASSETS_PATH}/swagger-ui-bundle.js"' in html
    assert f'href="{ASSETS_PATH}/swagger-ui.css"' in html


def test_swagger_ui_is_version_5_which_renders_openapi_3_1(client):
    assert client.get("/openapi.json").json()["openapi"].startswith("3.1")
    js = client.get(f"{ASSETS_PATH}/swagger-ui-bundle.js").text
    assert "SwaggerUIBundle" in js
    assert re.search(r'"5\.\d+\.\d+"', js), "swagger-ui 4 cannot render OpenAPI 3.1"


def test_docs_pages_are_not_in_the_schema(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert not [p for p in paths if not p.startswith("/api/")]
    assert not [p for p in paths if p.startswith(ASSETS_PATH)]


def test_assets_answer_head_and_unknown_names_404(client):
    assert client.head(f"{ASSETS_PATH}/swagger-ui.css").status_code == 200
    assert client.get(f"{ASSETS_PATH}/nope.js").status_code == 404
    assert client.get(f"{ASSETS_PATH}/").status_code == 404  # no directory listing
    assert client.post(f"{ASSETS_PATH}/swagger-ui.css", json={}).status_code == 405


def test_docs_pages_follow_the_root_path(assistant):
    with TestClient(create_app(assistant), root_path="/proxied") as c:
        html = c.get("/docs").text
    assert f'src="/proxied{ASSETS_PATH}/swagger-ui-bundle.js"' in html
    assert "url: '/proxied/openapi.json'" in html


async def _raw_get(app, raw_path: str) -> tuple[int, bytes]:
    """GET with the path exactly as a client sent it: uvicorn only percent-decodes it (no
    "." segment removal), which httpx would do to a literal "../" before sending."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
             "scheme": "http", "path": unquote(raw_path), "raw_path": raw_path.encode(),
             "root_path": "", "query_string": b"", "headers": [(b"host", b"testserver")],
             "client": ("127.0.0.1", 1234), "server": ("testserver", 80)}
    sent: list[dict] = []
    requested, done = False, asyncio.Event()

    async def receive() -> dict:
        nonlocal requested
        if not requested:
            requested = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await done.wait()  # then the client goes away, as a real one would
        return {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        sent.append(message)
        if message["type"] == "http.response.body" and not message.get("more_body", False):
            done.set()

    await app(scope, receive, send)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return status, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")


@pytest.mark.parametrize("path", TRAVERSALS)
def test_assets_route_refuses_path_traversal(client, path):
    status, body = run_async(_raw_get(client.app, path))
    assert 400 <= status < 500, (path, status, body[:200])
    assert b"root:" not in body
    assert b"FastAPIOffline" not in body and b"__init__" not in body  # the package's code


def test_traversal_probe_would_catch_a_leak(client):
    """The probe reaches the route with its ".." intact: the file next door exists."""
    assert (assets_dir().parent / "core.py").is_file()
    status, body = run_async(_raw_get(client.app, f"{ASSETS_PATH}/swagger-ui.css"))
    assert status == 200 and body == (assets_dir() / "swagger-ui.css").read_bytes()
