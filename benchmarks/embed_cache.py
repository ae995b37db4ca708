"""A disk cache of the embedding model's outputs for the quality benchmarks, opt-in with
``BENCH_EMBED_CACHE=DIR`` (``benchmarks.articles``, ``benchmarks.fit_answering``).

Most of a suite run is the model embedding the same articles and questions again. The cache
keys each model call by everything its output depends on: the model's name and its exact
texts, as one batch (a quantised model scales its activations per call, so a text's vector
depends on its batch-mates; the corpus's batches are fixed for a fixed corpus). A call seen
before returns the stored output, so a run with the cache gives the same answers as one
without; any change to what is embedded (a reader, the sentence splitter, a question) is a
new key and is computed. SQLite keeps concurrent runs (several worktrees) safe.
"""

from __future__ import annotations

import hashlib
import io
import os
import sqlite3
import threading
from pathlib import Path
from typing import Any

import numpy as np

ENV = "BENCH_EMBED_CACHE"


class _Store:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(path, timeout=60, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS out (key TEXT PRIMARY KEY, value BLOB)")
        self._db.commit()
        self._lock = threading.Lock()

    def get(self, key: str) -> Any:
        with self._lock:
            row = self._db.execute("SELECT value FROM out WHERE key = ?", (key,)).fetchone()
        if row is None:
            return None
        data = np.load(io.BytesIO(row[0]), allow_pickle=False)
        return [data[k] for k in sorted(data.files)]

    def put(self, key: str, arrays: list[np.ndarray]) -> None:
        buf = io.BytesIO()
        np.savez(buf, **{f"a{i:02d}": a for i, a in enumerate(arrays)})
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO out VALUES (?, ?)", (key, buf.getvalue()))
            self._db.commit()


def _key(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


def cached(embedder: Any, folder: str | None = None) -> Any:
    """``embedder`` with its model calls cached in ``folder`` (default: ``$BENCH_EMBED_CACHE``;
    unset: the embedder unchanged). Only the bundled MiniLM embedders are cached."""
    folder = folder or os.environ.get(ENV)
    if not folder or not hasattr(embedder, "_embed") or not hasattr(embedder, "_embed_tokens"):
        return embedder
    store = _Store(Path(folder) / "embeddings.sqlite")
    name = f"{embedder.name}|quantize={getattr(embedder, '_quantize', None)}"
    embed, embed_tokens = embedder._embed, embedder._embed_tokens

    def _embed(model: Any, texts: list[str]) -> np.ndarray:
        key = _key(name, "embed", *texts)
        found = store.get(key)
        if found is not None:
            return found[0]
        out = embed(model, texts)
        store.put(key, [np.asarray(out)])
        return out

    def _embed_tokens(model: Any, text: str) -> tuple[list[str], np.ndarray]:
        key = _key(name, "tokens", text)
        found = store.get(key)
        if found is not None:
            return [str(t) for t in found[0]], found[1]
        tokens, vectors = embed_tokens(model, text)
        store.put(key, [np.asarray(tokens, dtype=str), np.asarray(vectors)])
        return tokens, vectors

    embedder._embed = _embed
    embedder._embed_tokens = _embed_tokens
    return embedder
