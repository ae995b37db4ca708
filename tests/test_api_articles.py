"""HTTP: list, show, add (HTML, text, Markdown bodies; links only with --allow-fetch) and
remove (only with --allow-delete) articles; the "article" field on answer, search, batch and
sources. Bad input is a 4xx saying what is wrong, and leaves the library unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.library import Library

from .local_site import local_site
from .test_archive import blink_mhtml, safari

PAGES = Path(__file__).parent / "fixtures" / "pages"
WORDPRESS = (PAGES / "wordpress-threaded-comments" / "page.html").read_bytes()
HTML = {"content-type": "text/html; charset=utf-8"}
NOTES = "Tide tables\n\nBy Ann Lee\n\nHigh tide comes about every twelve hours and 25 minutes."


@pytest.fixture
def library(assistant, tmp_path) -> Library:
    from dataclasses import replace

    return Library(replace(assistant.settings, library_dir=tmp_path / "lib"), bundled=assistant)


def _client(assistant, library, **options) -> TestClient:
    return TestClient(create_app(assistant, library=library, **options))


@pytest.fixture
def client(assistant, library):
    with _client(assistant, library) as c:
        yield c


def _files(library: Library) -> list[str]:
    if not library.folder.exists():
        return []
    return sorted(str(p.relative_to(library.folder)) for p in library.folder.rglob("*")
                  if p.name != ".lock")


def test_list_starts_with_the_bundled_article(client):
    rows = client.get("/api/articles").json()["articles"]
    assert rows[0]["id"] == "new-treatment-for-osteoporosis" and rows[0]["bundled"]
    detail = client.get("/api/articles/new-treatment-for-osteoporosis").json()
    assert detail["title"] == "New treatment for osteoporosis?" and detail["examples"]


def test_add_a_page_then_ask_search_and_read_its_sources(client):
    r = client.post("/api/articles", content=WORDPRESS, headers=HTML)
    assert r.status_code == 201, r.text
    added = r.json()
    assert added["created"] and added["author"] == "Maren Ashdown" and added["comments"] == 5
    article = added["id"]
    again = client.post("/api/articles", content=WORDPRESS, headers=HTML)
    assert again.status_code == 200 and again.json()["id"] == article
    assert [a["id"] for a in client.get("/api/articles").json()["articles"]][1:] == [article]

    srcs = client.get("/api/sources", params={"article": article}).json()["sources"]
    assert srcs[0]["text"].startswith("Hot pavement")
    comment = client.get("/api/sources/comment-1", params={"article": article}).json()
    assert comment["author"] == "Tobias Wren" and "reply_to" not in comment
    # a reply names the commenter it answers, as its label does
    replies = {s["author"]: s["reply_to"] for s in srcs if "reply_to" in s}
    assert replies == {"Maren Ashdown": "Tobias Wren"}
    ids = {s["id"] for s in srcs}
    texts = {s["id"]: s["text"] for s in srcs}

    answer = client.post("/api/answer", json={"question": "How many gardens were studied?",
                                              "article": article}).json()
    for q in answer["quotes"] + answer["closest"]:
        assert q["source"]["id"] in ids
        assert texts[q["source"]["id"]][q["start"]:q["end"]] == q["text"]
    hits = client.post("/api/search", json={"query": "bumblebee", "article": article}).json()
    assert hits["hits"] and all(h["source"]["id"] in ids for h in hits["hits"])
    batch = client.post("/api/answer/batch", json={"questions": ["Who wrote it?", ""],
                                                   "article": article}).json()["answers"]
    assert "quotes" in batch[0] and "error" in batch[1]
    # No "article": the bundled article, as before.
    bundled = client.post("/api/answer", json={"question": "Which cells break down bone?"})
    assert all(q["source"]["id"] in {"title", "caption", "post-3"} or q["source"]["id"]
               for q in bundled.json()["quotes"])
    assert client.get("/api/sources").json()["sources"][0]["text"] == \
        "New treatment for osteoporosis?"


@pytest.mark.parametrize("body, ctype, kind", [
    (NOTES.encode(), "text/plain", "text"),
    (("# " + NOTES).encode(), "text/markdown", "markdown"),
])
def test_add_text_and_markdown(client, library, body, ctype, kind):
    r = client.post("/api/articles", content=body, headers={"content-type": ctype})
    assert r.status_code == 201, r.text
    assert (r.json()["title"], r.json()["author"]) == ("Tide tables", "Ann Lee")
    assert library.info(r.json()["id"]).page_file == {"text": "page.txt",
                                                      "markdown": "page.md"}[kind]


@pytest.mark.parametrize("body, ctype, stored", [
    (blink_mhtml(), "multipart/related", "page.mhtml"),
    (safari(), "application/x-webarchive", "page.webarchive"),
])
def test_add_a_page_saved_as_one_file(client, library, body, ctype, stored):
    r = client.post("/api/articles", content=body, headers={"content-type": ctype})
    assert r.status_code == 201, r.text
    assert r.json()["title"] == "Why the pond froze from the top"
    assert r.json()["url"] == "https://marsh-notes.example.org/2025/01/pond-ice/"
    assert library.info(r.json()["id"]).page_file == stored
    answer = client.post("/api/answer", json={"question": "How thick was the ice on the pond?",
                                              "article": r.json()["id"]}).json()
    assert answer["quotes"] and "nine centimetres" in answer["quotes"][0]["text"]


def test_an_upload_is_read_in_the_charset_its_content_type_names(client):
    body = "Prices\n\nBy Zoë Lévêque\n\nA ticket costs 12 € at the door.\n".encode("iso-8859-15")
    r = client.post("/api/articles", content=body,
                    headers={"content-type": "text/plain; charset=ISO-8859-15"})
    assert r.status_code == 201, r.text
    assert r.json()["author"] == "Zoë Lévêque"
    sources = client.get("/api/sources", params={"article": r.json()["id"]}).json()["sources"]
    assert "A ticket costs 12 € at the door." in [s["text"] for s in sources]


def test_unknown_article_is_a_404_listing_the_known_ones(client):
    for r in (client.post("/api/answer", json={"question": "q", "article": "nope"}),
              client.post("/api/search", json={"query": "q", "article": "nope"}),
              client.post("/api/answer/batch", json={"questions": ["q"], "article": "nope"}),
              client.get("/api/sources", params={"article": "nope"}),
              client.get("/api/articles/nope")):
        assert r.status_code == 404, r.text
        assert "new-treatment-for-osteoporosis" in r.json()["detail"]


BAD_ADDS = [
    ("empty body", b"", HTML, {}, 422, "empty"),
    ("binary named html", b"\x89PNG\r\n\x1a\n" + bytes(200), HTML, {}, 422, "binary"),
    ("no main text", b"<html><head><title>x</title></head><body><nav><a href='/'>Home</a>"
                     b"</nav></body></html>", HTML, {}, 422, "no article text"),
    ("id with a slash", WORDPRESS, HTML, {"id": "a/b"}, 422, "'/'"),
    ("id with ..", WORDPRESS, HTML, {"id": ".."}, 422, "'..'"),
    ("image", b"\x89PNG", {"content-type": "image/png"}, {}, 415, "text/html"),
    ("over 5 MB", b"<p>" + b"x" * (5 * 1024 * 1024) + b"</p>", HTML, {}, 413, "5 MB"),
    ("a link without --allow-fetch", b'{"url": "http://127.0.0.1:9/"}',
     {"content-type": "application/json"}, {}, 403, "--allow-fetch"),
    ("JSON that is not a link", b'{"page": 1}', {"content-type": "application/json"}, {}, 422,
     "url"),
]


@pytest.mark.parametrize(("body", "headers", "params", "status", "words"),
                         [c[1:] for c in BAD_ADDS], ids=[c[0] for c in BAD_ADDS])
def test_bad_adds_say_what_is_wrong_and_change_nothing(client, library, body, headers, params,
                                                       status, words):
    client.post("/api/articles", content=NOTES.encode(), headers={"content-type": "text/plain"})
    before = _files(library)
    r = client.post("/api/articles", content=body, headers=headers, params=params)
    assert r.status_code == status, r.text
    assert words in r.json()["detail"]
    assert _files(library) == before


def test_a_3_mb_saved_page_is_accepted(client):
    # Saved pages are big for their inlined scripts and styles, not for their text.
    script = b"<script>var bundle = '" + b"x" * (3 * 1024 * 1024) + b"';</script>"
    body = WORDPRESS.replace(b"</head>", script + b"</head>")
    assert 3 * 1024 * 1024 < len(body) < 5 * 1024 * 1024
    r = client.post("/api/articles", content=body, headers=HTML)
    assert r.status_code == 201, r.text[:300]
    assert r.json()["author"] == "Maren Ashdown"


def test_a_page_with_too_many_words_is_refused(client, library):
    filler = b"".join(b"<p>Paragraph %d about tides, harbours and the boats that use them.</p>"
                      % i for i in range(12000))
    body = b"<html><head><title>A long page</title></head><body><article>" + filler + \
        b"</article></body></html>"
    r = client.post("/api/articles", content=body, headers=HTML)
    assert r.status_code == 422 and "words" in r.json()["detail"]
    assert _files(library) == []


def test_an_id_taken_by_another_article_is_a_409_unless_replace(client):
    client.post("/api/articles", content=NOTES.encode(), headers={"content-type": "text/plain"},
                params={"id": "mine"})
    r = client.post("/api/articles", content=WORDPRESS, headers=HTML, params={"id": "mine"})
    assert r.status_code == 409 and "replace" in r.json()["detail"]
    r = client.post("/api/articles", content=WORDPRESS, headers=HTML,
                    params={"id": "mine", "replace": "true"})
    assert r.status_code == 201 and r.json()["replaced"]


def test_links_are_fetched_only_with_allow_fetch(assistant, library):
    with local_site() as site, _client(assistant, library, allow_fetch=True) as c:
        r = c.post("/api/articles", json={"url": f"{site}/wordpress.html", "id": "bees"})
        assert r.status_code == 201, r.text
        assert r.json()["url"] == f"{site}/wordpress.html"
        missing = c.post("/api/articles", json={"url": f"{site}/missing"})
        assert missing.status_code == 422 and "404" in missing.json()["detail"]


def test_delete_only_with_allow_delete(assistant, library, client):
    article = client.post("/api/articles", content=WORDPRESS, headers=HTML).json()["id"]
    r = client.delete(f"/api/articles/{article}")
    assert r.status_code == 403 and "--allow-delete" in r.json()["detail"]
    with _client(assistant, library, allow_delete=True) as c:
        assert c.delete(f"/api/articles/{article}").status_code == 200
        assert c.get(f"/api/articles/{article}").status_code == 404
        assert c.delete("/api/articles/new-treatment-for-osteoporosis").status_code == 422


def test_openapi_documents_the_article_routes_without_dangling_refs(client):
    schema = client.get("/openapi.json").json()
    add = schema["paths"]["/api/articles"]["post"]
    assert {"text/html", "text/plain", "text/markdown", "application/json",
            "multipart/related", "application/x-webarchive"} <= set(add["requestBody"]["content"])
    assert {"201", "403", "409", "413", "415", "422"} <= set(add["responses"])
    props = schema["components"]["schemas"]["AnswerRequest"]["properties"]
    assert "article" in props

    def refs(node):
        if isinstance(node, dict):
            if isinstance(node.get("$ref"), str):
                yield node["$ref"]
            for value in node.values():
                yield from refs(value)
        elif isinstance(node, list):
            for value in node:
                yield from refs(value)

    names = set(schema["components"]["schemas"])
    assert {r.rsplit("/", 1)[1] for r in refs(schema)} <= names
