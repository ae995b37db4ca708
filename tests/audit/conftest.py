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
