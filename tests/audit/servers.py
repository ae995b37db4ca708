"""A real server for the audit's cases (``python app.py`` on the fake embedder), and what
the chat page sends to it."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks.server import RunningApp, app_server


@contextmanager
def fake_model_server(work: Path, env: Mapping[str, str] | None = None) -> Iterator[RunningApp]:
    """``python app.py`` on the fake embedder (it starts in seconds), its index, article
    library and log (``app.log``) in ``work``; stopped on leaving if still running."""
    full = {"ASSISTANT_EMBEDDER": "hash", "ASSISTANT_INDEX_DIR": str(work / "index"),
            "ASSISTANT_LIBRARY_DIR": str(work / "library"), **(env or {})}
    with app_server(work / "app.log", env=full, timeout=120) as app:
        yield app


def join_body(config: dict[str, Any], handler: str, question: str,
              session_hash: str = "audit") -> dict[str, Any]:
    """The body the page sends to /gradio_api/queue/join to run ``handler`` (e.g. "respond")
    with ``question`` in the question box and every other input as the page starts."""
    dep = next(d for d in config["dependencies"] if d["api_name"] == handler)
    components = {c["id"]: c for c in config["components"]}
    data = []
    for input_id in dep["inputs"]:
        props = components[input_id].get("props", {})
        data.append(question if props.get("elem_id") == "qa-question" else props.get("value"))
    return {"data": data, "fn_index": dep["id"], "session_hash": session_hash,
            "event_data": None, "trigger_id": dep["targets"][0][0]}
