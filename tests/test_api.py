"""The HTTP API on the fake embedder: routes, the answer contract, bad input, batching."""

from __future__ import annotations

import asyncio
import json
import threading

import httpx
import pytest
from fastapi.testclient import TestClient

from assistant.api import MAX_BODY_BYTES, create_app
from tests.loops import run_async

QUESTION = "Which cells break down bone?"


@pytest.fixture
def client(assistant):
    with TestClient(create_app(assistant)) as c:
        yield c


def test_health_summarises_the_index(client, assistant):
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["model"] == assistant.embedder.name
    assert body["chunks"] > 0 and body["sources"] == len(assistant.sources())
    assert len(body["corpus_hash"]) >= 16 and body["built_at"]


def test_sources_in_reading_order_with_text(client, assistant):
    listed = client.get("/api/sources").json()["sources"]
    assert [s["id"] for s in listed] == [s.id for s in assistant.sources()]
    assert listed[0]["id"] == "title"
    one = client.get("/api/sources/post-3").json()
    assert one == assistant.source("post-3").to_dict()


def test_unknown_source_is_404_json_naming_the_known_ones(client):
    r = client.get("/api/sources/post-99")
    assert r.status_code == 404
    assert "post-99" in r.json()["detail"] and "post-1" in r.json()["detail"]


def test_answer_is_the_python_answer(client, assistant):
    r = client.post("/api/answer", json={"question": QUESTION})
    assert r.status_code == 200
    assert r.json() == assistant.ask(QUESTION).to_dict()
    quote = r.json()["quotes"][0]
    text = client.get(f"/api/sources/{quote['source']['id']}").json()["text"]
    assert text[quote["start"]:quote["end"]] == quote["text"]


def test_follow_up_uses_history_and_kinds_filter(client, assistant):
    body = {"question": "What about men?", "history": [QUESTION], "kinds": ["comment"]}
    got = client.post("/api/answer", json=body).json()
    want = assistant.ask("What about men?", [QUESTION], ["comment"]).to_dict()
    assert got == want
    assert all(q["source"]["kind"] == "comment" for q in got["quotes"] + got["closest"])


def test_search_returns_k_ranked_hits_with_verbatim_offsets(client, assistant):
    r = client.post("/api/search", json={"query": "oxytocin bone density", "k": 3})
    hits = r.json()["hits"]
    assert r.status_code == 200 and len(hits) == 3
    assert [h["score"] for h in hits] == sorted((h["score"] for h in hits), reverse=True)
    for h in hits:
        assert assistant.source(h["source"]["id"]).text[h["start"]:h["end"]] == h["text"]
    only = client.post("/api/search", json={"query": "bone", "k": 50, "kinds": ["post"]})
    assert {h["source"]["kind"] for h in only.json()["hits"]} == {"post"}


def test_batch_answers_in_order_and_reports_bad_items_in_place(client, assistant):
    questions = [QUESTION, "   ", {"question": "What about men?", "history": [QUESTION]},
                 {"question": "bone", "kinds": ["gossip"]}, "x" * 1001]
    r = client.post("/api/answer/batch", json={"questions": questions})
    assert r.status_code == 200
    answers = r.json()["answers"]
    assert len(answers) == 5
    assert answers[0] == assistant.ask(QUESTION).to_dict()
    assert answers[1] == {"question": "   ", "error": answers[1]["error"]}
    assert "empty" in answers[1]["error"]
    assert answers[2] == assistant.ask("What about men?", [QUESTION]).to_dict()
    assert "gossip" in answers[3]["error"]
    assert "1,000" in answers[4]["error"]


def test_batch_over_100_is_rejected(client):
    r = client.post("/api/answer/batch", json={"questions": ["q"] * 101})
    assert r.status_code == 422 and "100" in r.json()["detail"]


def _chunks(total: int, size: int = 64 * 1024):
    sent = 0
    while sent < total:
        yield b" " * min(size, total - sent)
        sent += size


JSON = {"content-type": "application/json"}
STREAMED = "a chunked body of MAX_BODY_BYTES + 10 bytes, sent without Content-Length"
BAD_INPUT = [
    # (name, method, path, request kwargs, status, words the detail must contain)
    ("empty question", "post", "/api/answer", {"json": {"question": ""}}, 422, "question"),
    ("whitespace question", "post", "/api/answer", {"json": {"question": " \n\t "}}, 422,
     "empty"),
    ("question over 1,000 chars", "post", "/api/answer", {"json": {"question": "a" * 1001}},
     422, "the limit is 1,000"),
    ("control character", "post", "/api/answer", {"json": {"question": "bone\x00"}}, 422,
     "control"),
    ("missing question", "post", "/api/answer", {"json": {"history": []}}, 422, "question"),
    ("k too small", "post", "/api/search", {"json": {"query": "bone", "k": 0}}, 422, "k"),
    ("k too large", "post", "/api/search", {"json": {"query": "bone", "k": 51}}, 422, "k"),
    ("unknown kind", "post", "/api/answer", {"json": {"question": "q", "kinds": ["blog"]}},
     422, "blog"),
    ("empty kinds", "post", "/api/search", {"json": {"query": "q", "kinds": []}}, 422,
     "kinds"),
    ("unknown source id", "get", "/api/sources/nope", {}, 404, "nope"),
    ("malformed JSON", "post", "/api/answer", {"content": b'{"question": ', "headers": JSON},
     400, "malformed JSON"),
    ("JSON that is not an object", "post", "/api/answer", {"json": ["q"]}, 422, "body"),
    ("wrong content type", "post", "/api/answer",
     {"content": b"question=bone", "headers": {"content-type": "text/plain"}}, 415,
     "application/json"),
    ("body over 1 MB (Content-Length)", "post", "/api/answer",
     {"content": b" " * (MAX_BODY_BYTES + 1), "headers": JSON}, 413, "1 MB"),
    ("body over 1 MB (streamed, no length)", "post", "/api/answer",
     {"content": STREAMED, "headers": JSON}, 413, "1 MB"),
]


@pytest.mark.parametrize(("method", "path", "kwargs", "status", "words"),
                         [case[1:] for case in BAD_INPUT], ids=[case[0] for case in BAD_INPUT])
def test_bad_input_gets_a_4xx_json_error_saying_what_is_wrong(client, method, path, kwargs,
                                                              status, words):
    if kwargs.get("content") is STREAMED:
        kwargs = {**kwargs, "content": _chunks(MAX_BODY_BYTES + 10)}
    r = client.request(method.upper(), path, **kwargs)
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    assert words.lower() in r.json()["detail"].lower()


def test_a_bug_in_the_core_is_a_json_500_without_traceback(assistant, monkeypatch):
    def broken(_requests):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(assistant, "ask_many", broken)
    with TestClient(create_app(assistant), raise_server_exceptions=False) as c:
        r = c.post("/api/answer", json={"question": QUESTION})
    assert r.status_code == 500
    assert "secret" not in r.text and "Traceback" not in r.text
    assert "internal error" in r.json()["detail"]
    assert r.headers["connection"] == "close"  # the server drops it: no client reuses it


def test_no_cors_unless_configured(assistant):
    preflight = {"origin": "https://evil.example", "access-control-request-method": "POST"}
    with TestClient(create_app(assistant)) as c:
        r = c.options("/api/answer", headers=preflight)
        assert "access-control-allow-origin" not in r.headers
    with TestClient(create_app(assistant, cors_origins=["https://ok.example"])) as c:
        ok = c.options("/api/answer", headers={**preflight, "origin": "https://ok.example"})
        assert ok.headers["access-control-allow-origin"] == "https://ok.example"
        bad = c.options("/api/answer", headers=preflight)
        assert "access-control-allow-origin" not in bad.headers


def test_openapi_describes_every_route_with_models_and_errors(client):
    schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    assert set(paths) >= {"/api/health", "/api/sources", "/api/sources/{source_id}",
                          "/api/search", "/api/answer", "/api/answer/batch"}
    for path, ops in paths.items():
        for op in ops.values():
            ok = op["responses"]["200"]["content"]["application/json"]["schema"]
            assert "$ref" in ok, path
    for path in ("/api/search", "/api/answer", "/api/answer/batch"):
        assert {"400", "413", "415", "422"} <= set(paths[path]["post"]["responses"])
    kinds = schema["components"]["schemas"]["AnswerRequest"]["properties"]["kinds"]
    assert "comment" in json.dumps(kinds) and "reference" in json.dumps(kinds)
    assert client.get("/docs").status_code == 200


@pytest.mark.parametrize("workers", [1, 2])
def test_concurrent_answers_are_micro_batched_on_a_bounded_pool(assistant, monkeypatch, workers):
    calls: list[tuple[int, str]] = []
    real = assistant.ask_many

    def spy(requests):
        calls.append((len(requests), threading.current_thread().name))
        return real(requests)

    monkeypatch.setattr(assistant, "ask_many", spy)
    app = create_app(assistant, batch_window=0.02, max_batch=16, workers=workers)
    questions = [f"What does oxytocin do to bone {i}?" for i in range(40)]

    async def run():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as c:
            return await asyncio.gather(
                *(c.post("/api/answer", json={"question": q}) for q in questions))

    responses = run_async(run())
    assert [r.status_code for r in responses] == [200] * 40
    assert [r.json()["question"] for r in responses] == questions
    assert sum(n for n, _ in calls) == 40
    assert len(calls) < 40 and max(n for n, _ in calls) <= 16
    assert len({name for _, name in calls}) <= workers  # 40 requests, never more threads


def test_405_and_allow_come_from_the_routes_so_routes_added_later_are_covered(assistant):
    app = create_app(assistant)

    @app.delete("/api/things/{thing_id}")
    async def delete_thing(thing_id: str) -> dict[str, str]:
        return {"deleted": thing_id}

    with TestClient(app) as c:
        assert c.delete("/api/things/a").json() == {"deleted": "a"}
        r = c.get("/api/things/a")
        assert r.status_code == 405 and r.headers["allow"] == "DELETE"
        assert c.head("/api/health").status_code == 200
        assert c.get("/api/nothing-here").status_code == 404
