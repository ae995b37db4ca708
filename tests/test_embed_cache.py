"""The benchmarks' opt-in cache of the model's outputs gives back exactly what the model gave,
computes each distinct call once, and keys a call by all of its texts (a batch-mate changes
a quantised model's vectors)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from benchmarks.embed_cache import cached


class _Counting:
    """Stands in for the bundled model: its outputs depend on the whole batch, as a quantised
    model's do, and it counts its calls."""

    name = "fake-model"
    _quantize = True

    def __init__(self) -> None:
        self.calls = 0

    def _embed(self, model: Any, texts: list[str]) -> np.ndarray:
        self.calls += 1
        scale = float(sum(len(t) for t in texts))
        return np.array([[len(t) / scale, len(texts)] for t in texts], dtype=np.float32)

    def _embed_tokens(self, model: Any, text: str) -> tuple[list[str], np.ndarray]:
        self.calls += 1
        words = text.split()
        return words, np.arange(len(words) * 2, dtype=np.float32).reshape(len(words), 2)


def test_a_second_run_reads_the_same_outputs_from_the_cache(tmp_path: Path):
    first = cached(_Counting(), str(tmp_path))
    a = first._embed(None, ["one text", "another"])
    tokens, vectors = first._embed_tokens(None, "bone mass rises")
    assert first.calls == 2

    second = cached(_Counting(), str(tmp_path))  # a new process, the same folder
    assert np.array_equal(second._embed(None, ["one text", "another"]), a)
    assert second._embed_tokens(None, "bone mass rises")[0] == tokens
    assert np.array_equal(second._embed_tokens(None, "bone mass rises")[1], vectors)
    assert second.calls == 0


def test_a_text_in_another_batch_is_computed_again(tmp_path: Path):
    model = cached(_Counting(), str(tmp_path))
    together = model._embed(None, ["one text", "another"])
    alone = model._embed(None, ["one text"])
    assert model.calls == 2
    assert not np.array_equal(together[0], alone[0])


def test_without_a_folder_the_embedder_is_left_alone(monkeypatch):
    monkeypatch.delenv("BENCH_EMBED_CACHE", raising=False)
    model = _Counting()
    assert cached(model) is model
    model._embed(None, ["x"])
    model._embed(None, ["x"])
    assert model.calls == 2
