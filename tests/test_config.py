"""Settings: good ``ASSISTANT_*`` values are read as given. (A bad value is an audit case:
tests/audit/test_settings.py.)"""

from __future__ import annotations

from pathlib import Path

from assistant.config import Settings


def test_good_values_are_read(monkeypatch, tmp_path: Path):
    for var, value in {"ASSISTANT_THREADS": " 2 ", "ASSISTANT_CHUNK_TOKENS": "64",
                       "ASSISTANT_MAX_QUESTION_CHARS": "500", "ASSISTANT_QUANTIZE": "off",
                       "ASSISTANT_BACKEND": "Torch", "ASSISTANT_INDEX_DIR": str(tmp_path)}.items():
        monkeypatch.setenv(var, value)
    s = Settings.from_env()
    assert (s.threads, s.chunk_tokens, s.max_question_chars, s.quantize, s.backend,
            s.index_dir) == (2, 64, 500, False, "torch", tmp_path)
