"""A real server for the audit's cases: ``python app.py`` on the fake embedder."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from benchmarks.server import RunningApp, app_server


@contextmanager
def fake_model_server(work: Path, env: Mapping[str, str] | None = None) -> Iterator[RunningApp]:
    """``python app.py`` on the fake embedder (it starts in seconds), its index and log
    (``app.log``) in ``work``; stopped on leaving if still running."""
    full = {"ASSISTANT_EMBEDDER": "hash", "ASSISTANT_INDEX_DIR": str(work / "index"),
            **(env or {})}
    with app_server(work / "app.log", env=full, timeout=120) as app:
        yield app
