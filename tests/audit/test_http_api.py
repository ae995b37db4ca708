"""HTTP API: every method on every /api route, bad bodies, and the answer queue under batches.

In process, on the whole app as ``python app.py`` serves it (the chat mounted at "/" too),
with the fake embedder.
"""

from __future__ import annotations

import asyncio
import threading

import httpx
import pytest

from assistant.api import create_app
from assistant.http_server import KEEP_ALIVE
from tests.loops import run_async

AREA = "HTTP API"
QUESTION = "Which cells break down bone?"

ROUTES = {
    "/api/health": "GET", "/api/sources": "GET", "/api/sources/post-3": "GET",
    "/api/search": "POST", "/api/answer": "POST", "/api/answer/batch": "POST",
}
BODIES = {"/api/search": {"query": "bone"}, "/api/answer": {"question": QUESTION},
          "/api/answer/batch": {"questions": [QUESTION]}}
METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]


@pytest.mark.parametrize(("method", "path"), [
    pytest.param(m, p, id=f"{m} {p}") for p in ROUTES for m in METHODS])
def test_each_method_is_answered_or_refused_with_405_and_allow(app_client, method, path):
    allowed = {"GET", "HEAD"} if ROUTES[path] == "GET" else {"POST"}
    body = BODIES.get(path) if method in ("POST", "PUT", "PATCH") else None
    r = app_client.request(method, path, json=body)
    if method in allowed:
        assert r.status_code == 200, r.text[:300]
        assert r.headers["content-type"].startswith("application/json")
    else:
        assert r.status_code == 405, r.text[:300]
        assert set(r.headers["allow"].split(", ")) == allowed
        assert method == "HEAD" or method in r.json()["detail"]


BIG = 1024 * 1024 + 1
BAD_INPUT = [
    ("malformed JSON", "/api/answer",
     {"content": b'{"question": ', "headers": {"content-type": "application/json"}}, 400),
    ("text/plain body", "/api/answer",
     {"content": b'{"question": "q"}', "headers": {"content-type": "text/plain"}}, 415),
    ("no content type", "/api/answer", {"content": b'{"question": "q"}'}, 415),
    ("body over 1 MB", "/api/answer", {"json": {"question": "a" * BIG}}, 413),
    ("chunked body over 1 MB", "/api/answer",
     {"content": iter([b'{"question": "', b"a" * BIG, b'"}']),
      "headers": {"content-type": "application/json"}}, 413),
    ("empty question", "/api/answer", {"json": {"question": "  "}}, 422),
    ("question of 1,001 characters", "/api/answer", {"json": {"question": "a" * 1001}}, 422),
    ("question is a number", "/api/answer", {"json": {"question": 123}}, 422),
    ("lone surrogate", "/api/answer",
     {"content": b'{"question": "\\ud800"}', "headers": {"content-type": "application/json"}},
     422),
    ("NUL in the question", "/api/answer", {"json": {"question": "bone\x00"}}, 422),
    ("unknown kind", "/api/answer", {"json": {"question": QUESTION, "kinds": ["ads"]}}, 422),
    ("history of 51", "/api/answer", {"json": {"question": QUESTION, "history": ["q"] * 51}},
     422),
    ("nesting 5,000 deep", "/api/answer",
     {"content": b'{"question": ' + b"[" * 5000 + b"]" * 5000 + b"}",
      "headers": {"content-type": "application/json"}}, 400),
    ("k is 1e309", "/api/search",
     {"content": b'{"query": "bone", "k": 1e309}', "headers": {"content-type": "application/json"}},
     422),
    ("k is NaN", "/api/search",
     {"content": b'{"query": "bone", "k": NaN}', "headers": {"content-type": "application/json"}},
     422),
    ("k is 2**70", "/api/search", {"json": {"query": "bone", "k": 2**70}}, 422),
    ("batch of 101", "/api/answer/batch", {"json": {"questions": ["q"] * 101}}, 422),
    ("empty batch", "/api/answer/batch", {"json": {"questions": []}}, 422),
    ("body is a list", "/api/answer", {"json": [QUESTION]}, 422),
    ("invalid UTF-8", "/api/answer",
     {"content": b'{"question": "\xff\xfe"}', "headers": {"content-type": "application/json"}},
     400),
]


@pytest.mark.parametrize(("path", "kwargs", "status"), [
    pytest.param(p, k, s, id=name) for name, p, k, s in BAD_INPUT])
def test_bad_input_gets_a_4xx_json_error_saying_what_is_wrong(app_client, path, kwargs, status):
    r = app_client.post(path, **kwargs)
    assert r.status_code == status, r.text[:300]
    assert r.json()["detail"]


@pytest.mark.parametrize("path", [
    pytest.param("/api/sources/post-99", id="unknown source"),
    pytest.param("/api/sources/..%2f..%2f..%2fetc%2fpasswd", id="traversal in a source id"),
    pytest.param("/api/nowhere", id="unknown route"),
])
def test_what_is_not_there_is_a_404(app_client, path):
    r = app_client.get(path)
    assert r.status_code == 404
    assert "root:" not in r.text


def test_an_article_over_5_mb_is_a_413_read_no_further(app_client):
    page = b"A sentence about bone. " * (5 * 1024 * 1024 // 23 + 1)
    r = app_client.post("/api/articles", content=page, headers={"content-type": "text/plain"})
    assert r.status_code == 413 and "5 MB" in r.json()["detail"]


def test_a_saved_page_over_1_mb_but_under_5_mb_is_taken(app_client):
    style = "".join(f".c{i} {{ margin: {i % 7}px; color: #{i % 4096:03x}; }}\n"
                    for i in range(40_000))  # a saved page's inline styles: 1.5 MB
    body = "".join(f"<p>Paragraph {i} says that bone cells renew.</p>" for i in range(20))
    page = (f"<html><head><title>Bones</title><style>{style}</style></head>"
            f"<body><h1>Bones</h1>{body}</body></html>").encode()
    assert 1024 * 1024 < len(page) < 5 * 1024 * 1024
    r = app_client.post("/api/articles", content=page, headers={"content-type": "text/html"})
    assert r.status_code == 201, r.text[:300]


def test_a_bad_batch_item_is_reported_in_place_and_the_rest_answered(app_client):
    r = app_client.post("/api/answer/batch", json={"questions": [QUESTION, "", QUESTION]})
    answers = r.json()["answers"]
    assert r.status_code == 200 and "error" in answers[1]
    assert answers[0]["quotes"] and answers[2]["quotes"]


# -- the answer queue under batch load (finding 4) ------------------------------------------

class Gate:
    """ask_many that records each call's questions and waits until opened."""

    def __init__(self, assistant):
        self.real, self.calls, self.open = assistant.ask_many, [], threading.Event()

    def __call__(self, requests):
        self.calls.append([r.question for r in requests])
        assert self.open.wait(30), "the gate was never opened"
        return self.real(requests)


@pytest.fixture
def gated(assistant, monkeypatch):
    """The API with one answering thread whose model calls wait for ``gate.open``."""
    gate = Gate(assistant)
    monkeypatch.setattr(assistant, "ask_many", gate)
    return create_app(assistant, workers=1, batch_window=0.001), gate


async def _post(client, path, body):
    return await client.post(path, json=body, timeout=60)


def _batch(tag: str, n: int = 100) -> dict:
    return {"questions": [f"{QUESTION} {tag}{i}" for i in range(n)]}


def test_batch_questions_count_against_the_queue_and_past_it_get_503(gated):
    app, gate = gated
    app.state.batcher.max_queue = 250  # room for 150 batch questions (100 kept for singles)

    async def run():
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://t") as c:
            first = asyncio.create_task(_post(c, "/api/answer/batch", _batch("a")))
            while not gate.calls:  # the worker holds 16 questions, 84 wait
                await asyncio.sleep(0.01)
            refused = await _post(c, "/api/answer/batch", _batch("b"))
            single = asyncio.create_task(_post(c, "/api/answer", {"question": QUESTION}))
            await asyncio.sleep(0.05)
            gate.open.set()
            return refused, await first, await single

    refused, first, single = run_async(run())
    assert refused.status_code == 503 and refused.headers["retry-after"] == "1"
    assert "waiting" in refused.json()["detail"]
    assert first.status_code == 200 and len(first.json()["answers"]) == 100
    assert single.status_code == 200  # single questions keep their headroom


def test_a_single_question_is_answered_in_turn_not_after_every_waiting_batch(gated):
    app, gate = gated

    async def run():
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                     base_url="http://t") as c:
            batches = [asyncio.create_task(_post(c, "/api/answer/batch", _batch(t)))
                       for t in "abcde"]
            while not gate.calls:
                await asyncio.sleep(0.01)
            await asyncio.sleep(0.05)  # all five batches are queued: 500 questions
            single = asyncio.create_task(_post(c, "/api/answer", {"question": "alone?"}))
            await asyncio.sleep(0.05)
            gate.open.set()
            return await single, await asyncio.gather(*batches)

    single, batches = run_async(run())
    assert single.status_code == 200 and all(b.status_code == 200 for b in batches)
    turn = next(i for i, call in enumerate(gate.calls) if "alone?" in call)
    assert turn <= 1, f"the single question waited for {turn} model calls"


@pytest.mark.slow
@pytest.mark.e2e
def test_single_questions_keep_a_short_wait_while_32_clients_send_batches(server):
    """The audit's load: batch clients answered as fast as they ask (503 past the queue),
    while one reader asks single questions; their median wait stays short."""
    waits: list[float] = []
    statuses: list[int] = []

    async def run():
        stop = asyncio.get_running_loop().time() + 10
        # idle connections are dropped well before the server's keep-alive would close them,
        # so reusing one never races that close. (Two CI runs failed here with a ReadError:
        # answering threads shared one stemmer, a batch got a 500, and the server closed that
        # connection after it without saying so; a 500 now says "Connection: close".)
        limits = httpx.Limits(max_connections=64, keepalive_expiry=KEEP_ALIVE / 2)
        async with httpx.AsyncClient(base_url=server.url, timeout=60, limits=limits) as c:
            async def batches(i: int) -> None:
                while asyncio.get_running_loop().time() < stop:
                    r = await c.post("/api/answer/batch", json=_batch(str(i)))
                    statuses.append(r.status_code)
                    if r.status_code == 503:
                        await asyncio.sleep(float(r.headers["retry-after"]) / 5)

            async def singles() -> None:
                await asyncio.sleep(1)  # once the batches have filled the queue
                while asyncio.get_running_loop().time() < stop:
                    started = asyncio.get_running_loop().time()
                    r = await c.post("/api/answer", json={"question": QUESTION})
                    waits.append(asyncio.get_running_loop().time() - started)
                    statuses.append(r.status_code)

            await asyncio.gather(singles(), *(batches(i) for i in range(32)))

    run_async(run())
    assert set(statuses) <= {200, 503} and 200 in statuses
    waits.sort()
    assert len(waits) >= 5 and waits[len(waits) // 2] < 0.5, f"median wait {waits[len(waits) // 2]:.2f} s"
