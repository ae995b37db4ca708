"""app.py's wiring, in process: safe defaults, and the UI mounted beside the API without
opening a way to the file system."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

import app as app_module

TRAVERSALS = ["/gradio_api/file=/etc/passwd", "/gradio_api/file=%2e%2e/%2e%2e/etc/passwd",
              "/gradio_api/file=..%2f..%2f..%2fetc%2fpasswd", "/file=../../etc/passwd"]


def test_defaults_bind_loopback_without_cors():
    args = app_module.parse_args([])
    assert (args.host, args.port, args.cors_origin, args.threads) == ("127.0.0.1", 7860, [], None)


@pytest.fixture
def client(assistant):
    with TestClient(app_module.build_app(assistant)) as c:
        yield c


def test_ui_and_api_share_one_app(client):
    assert client.get("/").status_code == 200
    assert client.get("/api/health").json()["status"] == "ok"
    r = client.post("/api/answer", json={"question": "Which cells break down bone?"})
    assert r.status_code == 200 and r.json()["quotes"]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_gradio_file_routes_refuse_paths_outside_the_app(client, path):
    r = client.get(path)
    assert 400 <= r.status_code < 500
    assert "root:" not in r.text
