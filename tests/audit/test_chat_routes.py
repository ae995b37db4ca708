"""Chat routes: Gradio's routes under /gradio_api, as the page and as an attacker call them.

In process, on the whole app as ``python app.py`` serves it, with the fake embedder. No
input gets a 5xx; bodies are bounded like the API's (uploads at 5 MB); the page's private
handlers are not an API.
"""

from __future__ import annotations

import json

import pytest

from assistant import ui
from assistant.api_runtime import MAX_BODY_BYTES
from assistant.app_guards import CHAT_UPLOAD_BYTES

from .servers import join_body

AREA = "Chat routes"
JSON = {"content-type": "application/json"}


def _join(fn_index: object, data: object = None) -> bytes:
    body = {"data": data if data is not None else [], "fn_index": "FN", "session_hash": "s1",
            "event_data": None, "trigger_id": 1}
    return json.dumps(body).encode().replace(b'"FN"', str(fn_index).encode())


@pytest.mark.parametrize("fn_index", [
    pytest.param(v, id=f"fn_index {v}") for v in
    ["999", "-1", "1e309", "-1e309", "1180591620717411303424", "1.5", '"x"', "true", "null",
     "[]"]])
def test_a_fn_index_naming_no_handler_is_a_4xx(app_client, fn_index):
    r = app_client.post("/gradio_api/queue/join", content=_join(fn_index), headers=JSON)
    assert 400 <= r.status_code < 500, r.text[:300]
    assert "fn_index" in r.json()["detail"] or "JSON" in r.json()["detail"]


@pytest.mark.parametrize(("method", "path"), [
    pytest.param("POST", p, id=f"POST {p}") for p in
    ["/gradio_api/api/predict", "/gradio_api/run/predict", "/gradio_api/run/respond",
     "/gradio_api/api/respond", "/gradio_api/run/respond_1", "/gradio_api/run/false",
     "/gradio_api/call/respond", "/gradio_api/call/v2/respond", "/gradio_api/call/clear",
     "/gradio_api/component_server"]] + [
    pytest.param("GET", "/gradio_api/call/respond/abc", id="GET /gradio_api/call/respond/abc")])
def test_the_page_handlers_are_not_callable_as_an_api(app_client, method, path):
    body = {"data": ["Which cells break down bone?", list(ui.FILTERS), None], "fn_index": 1}
    r = app_client.request(method, path, json=body if method == "POST" else None)
    assert r.status_code == 404, r.text[:300]
    assert "/api" in r.json()["detail"] and "osteoclast" not in r.text


@pytest.mark.parametrize("body", [
    pytest.param(b, id=name) for name, b in [
        ("number 1e309", b'{"fn_index": 1e309, "session_hash": "s", "data": []}'),
        ("NaN", b'{"session_hash": NaN}'),
        ("Infinity", b'{"session_hash": "s", "fn_index": Infinity}'),
        ("nesting 100,000 deep", b"[" * 100_000 + b"]" * 100_000),
        ("invalid UTF-8", b'{"session_hash": "\xff"}'),
        ("truncated", b'{"session_hash": '),
        ("empty", b""),
    ]])
@pytest.mark.parametrize("path", ["/gradio_api/queue/join", "/gradio_api/reset",
                                  "/gradio_api/cancel"])
def test_json_that_python_cannot_hand_on_is_a_400(app_client, path, body):
    r = app_client.post(path, content=body, headers=JSON)
    assert r.status_code == 400, r.text[:300]
    assert "JSON" in r.json()["detail"]


GRADIO_POSTS = [
    "/gradio_api/queue/join", "/gradio_api/cancel", "/gradio_api/reset", "/gradio_api/upload",
    "/gradio_api/stream/e1", "/gradio_api/stream/e1/close", "/gradio_api/process_recording",
    "/gradio_api/profiling/clear", "/gradio_api/run-history/connect", "/gradio_api/vibe-edit",
    "/gradio_api/undo-vibe-edit", "/gradio_api/vibe-code", "/gradio_api/vibe-starter-queries",
    "/login",
]
ODD_BODIES = [
    b"{}", b"[]", b"null", b'"x"', b"0", b'{"fn_index": 0, "session_hash": "s", "data": null}',
    b'{"fn_index": 0, "session_hash": "s", "data": [1, 2, 3, 4, 5]}',
    b'{"fn_index": 3, "session_hash": "s", "data": [{"a": 1}]}',
    b'{"session_hash": "s", "fn_name": "x", "component_id": 9999, "data": 1}',
    b'{"session_hash": ["s"], "fn_index": 0, "event_id": {"a": 1}}',
]


@pytest.mark.parametrize("path", GRADIO_POSTS)
def test_no_odd_body_gets_a_5xx(app_client, path):
    for body in ODD_BODIES:
        for ctype in ("application/json", "multipart/form-data; boundary=x", "text/plain"):
            r = app_client.post(path, content=body, headers={"content-type": ctype})
            assert r.status_code < 500, (path, body, ctype, r.status_code, r.text[:200])


# -- body limits (findings 5 and 6) ----------------------------------------------------------

def _chunks(total: int, size: int = 256 * 1024):
    while total > 0:
        yield b"a" * min(size, total)
        total -= size


@pytest.mark.parametrize(("path", "kwargs"), [
    pytest.param("/gradio_api/queue/join",
                 {"content": b"a" * (MAX_BODY_BYTES + 1), "headers": JSON},
                 id="queue/join 1 MB + 1"),
    pytest.param("/gradio_api/queue/join",
                 {"content": _chunks(2 * MAX_BODY_BYTES), "headers": JSON},
                 id="queue/join 2 MB chunked, no length"),
    pytest.param("/gradio_api/run/respond",
                 {"content": b"a" * 20 * MAX_BODY_BYTES, "headers": JSON},
                 id="run/respond 20 MB"),
    pytest.param("/gradio_api/cancel",
                 {"content": _chunks(20 * MAX_BODY_BYTES), "headers": JSON},
                 id="cancel 20 MB chunked"),
    pytest.param("/gradio_api/upload", {"files": {"files": ("page.html", b"a" * CHAT_UPLOAD_BYTES)}},
                 id="upload of 5 MB + the form"),
    pytest.param("/gradio_api/upload", {"content": _chunks(100 * MAX_BODY_BYTES),
                                         "headers": {"content-type": "multipart/form-data; "
                                                                     "boundary=x"}},
                 id="upload 100 MB chunked"),
])
def test_a_body_over_its_limit_is_a_413_read_no_further(app_client, path, kwargs):
    r = app_client.post(path, **kwargs)
    assert r.status_code == 413, r.text[:300]
    assert "MB" in r.json()["detail"]


def test_an_upload_under_5_mb_is_taken(app_client):
    page = b"<html><body>" + b"a" * (4 * 1024 * 1024) + b"</body></html>"
    r = app_client.post("/gradio_api/upload", files={"files": ("page.html", page)})
    assert r.status_code == 200, r.text[:300]
    assert r.json()[0].endswith("page.html")


def test_a_refused_over_long_question_is_kept_only_as_far_as_shown(assistant):
    page = ui.build_ui(assistant)
    respond = next(f for f in page.fns.values() if f.name == "respond")
    _, _, _, turns, _, _ = respond.fn("a" * 900_000, list(ui.FILTERS), [])
    assert len(turns) == 1 and turns[0].error and "900,000 characters" in turns[0].error
    assert len(turns[0].question) <= 401


# -- what the page itself does still works --------------------------------------------------

def test_the_page_joins_the_queue_to_answer(app_client):
    body = join_body(app_client.get("/config").json(), "respond", "Which cells break down bone?")
    r = app_client.post("/gradio_api/queue/join", json=body)
    assert r.status_code == 200 and r.json()["event_id"]


def test_every_handler_of_the_page_runs_through_the_queue_and_is_private(assistant):
    page = ui.build_ui(assistant)
    assert page.fns and all(fn.queue for fn in page.fns.values())
    assert {fn.api_visibility for fn in page.fns.values()} == {"private"}
