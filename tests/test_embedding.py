"""The embedders: backend choice, the ONNX export's checks, fidelity and its cache."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from assistant import onnx_model
from assistant.config import PROJECT_ROOT, Settings
from assistant.embedding import MiniLMEmbedder, OnnxMiniLMEmbedder, make_embedder
from assistant.errors import ModelNotFoundError
from assistant.onnx_model import cache_key, read_max_length
from tests.readonly import run_readonly


def test_backend_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("ASSISTANT_BACKEND", "Torch")
    assert isinstance(make_embedder(Settings.from_env()), MiniLMEmbedder)
    monkeypatch.delenv("ASSISTANT_BACKEND")
    assert isinstance(make_embedder(Settings.from_env()), OnnxMiniLMEmbedder)


def test_unknown_backend_is_a_clear_error():
    with pytest.raises(ModelNotFoundError, match="unknown backend 'tensorflow'.*onnx.*torch"):
        make_embedder(Settings.from_env(backend="tensorflow"))


def test_missing_model_folder_is_a_clear_error(tmp_path):
    embedder = OnnxMiniLMEmbedder(tmp_path / "nowhere", cache_dir=tmp_path / "cache")
    with pytest.raises(ModelNotFoundError, match="no sentence-transformers model at .*reinstall"):
        embedder.encode(["a question"])


def _model_folder(tmp_path: Path, pooling: dict) -> Path:
    folder = tmp_path / "model"
    (folder / "1_Pooling").mkdir(parents=True)
    (folder / "modules.json").write_text(json.dumps([
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize",
         "type": "sentence_transformers.models.Normalize"},
    ]))
    (folder / "1_Pooling" / "config.json").write_text(json.dumps(pooling))
    (folder / "sentence_bert_config.json").write_text(json.dumps({"max_seq_length": 200}))
    return folder


def test_export_accepts_mean_pooling_only(tmp_path):
    mean = _model_folder(tmp_path / "a", {"pooling_mode_mean_tokens": True})
    assert read_max_length(mean) == 200
    cls = _model_folder(tmp_path / "b", {"pooling_mode_cls_token": True,
                                         "pooling_mode_mean_tokens": False})
    with pytest.raises(ModelNotFoundError, match="mean pooling only.*ASSISTANT_BACKEND=torch"):
        read_max_length(cls)


# -- the cached export's checksum -----------------------------------------------------------


def _flip_64k(data: bytes) -> bytes:
    return data[:100_000] + bytes(b ^ 0xFF for b in data[100_000:165_536]) + data[165_536:]


def _with_checksum(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    onnx_model.checksum_path(path).write_text(json.dumps(onnx_model.file_checksum(path)))
    return path


EXPORT_DAMAGE = {
    "64-KB-flipped": (lambda p: p.write_bytes(_flip_64k(p.read_bytes())), "its SHA-256 is"),
    "truncated": (lambda p: p.write_bytes(p.read_bytes()[:1000]),
                  "it is 1,000 bytes, not the 300,000 recorded"),
    "checksum-missing": (lambda p: onnx_model.checksum_path(p).unlink(),
                         "m.onnx.sha256, its checksum, is missing"),
    "checksum-garbled": (lambda p: onnx_model.checksum_path(p).write_text("{"),
                         "its checksum file is unreadable"),
}


@pytest.mark.parametrize("damage, says", EXPORT_DAMAGE.values(), ids=EXPORT_DAMAGE.keys())
def test_the_exports_checksum_catches_any_change(tmp_path, damage, says):
    export = _with_checksum(tmp_path / "m.onnx", os.urandom(300_000))
    assert onnx_model.verify_export(export) == hashlib.sha256(export.read_bytes()).hexdigest()
    damage(export)
    with pytest.raises(onnx_model.ExportMismatch, match=re.escape(says)):
        onnx_model.verify_export(export)


def _fake_model(tmp_path: Path) -> Path:
    folder = _model_folder(tmp_path, {"pooling_mode_mean_tokens": True})
    (folder / "model.safetensors").write_bytes(b"weights")
    return folder


def test_an_unwritable_cache_holding_a_broken_export_fails_once_with_the_fix(tmp_path,
                                                                              monkeypatch):
    embedder = OnnxMiniLMEmbedder(_fake_model(tmp_path), cache_dir=tmp_path / "cache")
    broken = embedder.cached_export()
    broken.parent.mkdir()
    broken.write_bytes(b"the first 1000 bytes of an export")
    checked = []
    monkeypatch.setattr(onnx_model, "writable", lambda folder: checked.append(folder)
                        or PermissionError(13, "Permission denied"))
    monkeypatch.setattr(onnx_model, "export", lambda *a, **k: pytest.fail("exported again"))
    for _ in range(3):  # every question: the same error, and no new attempt
        with pytest.raises(ModelNotFoundError, match=r"is unusable \(.*checksum, is missing\), "
                           r"and .*cache is not writable \(Permission denied\): make it writable, "
                           "point ASSISTANT_MODEL_CACHE_DIR.*ASSISTANT_BACKEND=torch"):
            embedder.encode(["What is osteoporosis?"])
    assert len(checked) == 1
    assert broken.read_bytes() == b"the first 1000 bytes of an export"  # never deleted


def test_a_read_only_cache_holding_a_truncated_export_is_one_clear_error(tmp_path):
    settings = Settings.from_env()
    cache = tmp_path / "cache"
    export = cache / f"{cache_key(settings.model_path, settings.quantize)}.onnx"
    _with_checksum(export, os.urandom(300_000))
    export.write_bytes(export.read_bytes()[:1000])
    env = {**os.environ, "ASSISTANT_MODEL_CACHE_DIR": str(cache), "ASSISTANT_EMBEDDER": "minilm",
           "ASSISTANT_BACKEND": "onnx", "ASSISTANT_INDEX_DIR": str(tmp_path / "index")}
    lines = b'{"question": "What is osteoporosis?"}\n{"question": "Who led the review?"}\n'
    for args, stdin in ((["ask", "What is osteoporosis?"], None), (["ask", "--jsonl"], lines)):
        r = run_readonly([sys.executable, "-m", "assistant.cli", *args], [cache], env=env,
                         cwd=PROJECT_ROOT, input=stdin.decode() if stdin else None)
        assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
        errors = [ln for ln in r.stderr.splitlines() if ln.startswith("Error:")]
        assert len(errors) == 1 and "it is 1,000 bytes, not the 300,000 recorded" in errors[0]
        assert "is not writable (Read-only file system" in errors[0] or "Permission" in errors[0]
        assert r.stdout == ""
    assert export.stat().st_size == 1000


def test_index_check_reports_a_corrupt_model_cache(tmp_path):
    settings = Settings.from_env()
    cache = tmp_path / "cache"
    export = cache / f"{cache_key(settings.model_path, settings.quantize)}.onnx"
    _with_checksum(export, os.urandom(300_000))
    export.write_bytes(_flip_64k(export.read_bytes()))
    index = tmp_path / "index"
    index.mkdir()
    (index / "manifest.json").write_text(json.dumps({"files": {}}))
    env = {**os.environ, "ASSISTANT_MODEL_CACHE_DIR": str(cache), "ASSISTANT_EMBEDDER": "minilm",
           "ASSISTANT_BACKEND": "onnx", "ASSISTANT_INDEX_DIR": str(index)}
    r = subprocess.run([sys.executable, "-m", "assistant.cli", "index", "check"], env=env,
                       cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 1, r.stderr
    assert r.stderr.startswith(f"Error: the cached ONNX model {export} fails its check (its "
                               "SHA-256 is")
    assert "exports it again" in r.stderr and "Traceback" not in r.stderr


# -- the real model ------------------------------------------------------------------------

def _article_sentences(assistant, n: int = 60) -> list[str]:
    return [s.text for s in assistant.index.sentences][:n]


@pytest.mark.integration
def test_onnx_vectors_agree_with_sentence_transformers(real_assistant):
    """The shipped int8 ONNX model stays close to the float model as sentence-transformers
    runs it, on the article's own sentences."""
    from sentence_transformers import SentenceTransformer

    texts = ["Which cells break down bone?", "Can men get osteoporosis too?",
             *_article_sentences(real_assistant)]
    reference = SentenceTransformer(str(real_assistant.settings.model_path), device="cpu",
                                    local_files_only=True).encode(texts, normalize_embeddings=True)
    ours = real_assistant.embedder.encode(texts)
    cosine = (ours * reference).sum(axis=1)
    assert cosine.mean() >= 0.98 and cosine.min() >= 0.95, (cosine.mean(), cosine.min())


@pytest.mark.integration
def test_a_question_gets_the_same_vector_alone_or_among_others(real_assistant):
    embedder = real_assistant.embedder
    alone = embedder.encode(["Which cells break down bone?"])[0]
    among = embedder.encode(["What is osteoporosis?", "Which cells break down bone?",
                             "Who wrote the review, and in which journal was it published?"])[1]
    assert np.array_equal(alone, among)


@pytest.mark.integration
def test_a_corrupt_cached_export_is_made_again(real_assistant, tmp_path):
    """A truncated or garbled export in the cache is replaced, not an error."""
    from assistant.onnx_model import cache_key

    settings = real_assistant.settings
    broken = tmp_path / "cache" / f"{cache_key(settings.model_path, settings.quantize)}.onnx"
    broken.parent.mkdir()
    broken.write_bytes(b"not an onnx model")
    embedder = OnnxMiniLMEmbedder(settings.model_path, cache_dir=broken.parent)
    vector = embedder.encode(["Which cells break down bone?"])
    assert broken.stat().st_size > 1_000_000
    assert np.array_equal(vector, real_assistant.embedder.encode(["Which cells break down bone?"]))


@pytest.mark.integration
def test_answering_does_not_load_torch(real_assistant, tmp_path):
    """With the export cached, a process answers with ONNX Runtime alone: no torch in memory."""
    real_assistant.embedder.encode(["warm"])
    index = tmp_path / "index"
    shutil.copytree(real_assistant.settings.index_dir, index)
    code = ("import sys; from assistant import Assistant; a = Assistant.load(); "
            "print(a.ask('Which cells break down bone?').abstained, 'torch' in sys.modules)")
    env = {**os.environ, "ASSISTANT_INDEX_DIR": str(index)}
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_ROOT, env=env,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["False", "False"]
