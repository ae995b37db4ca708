"""Model cache and index: the cached ONNX export and the article's index on disk, damaged,
read-only, in the wrong place, or half written.

A changed export is caught by its checksum and made again, never used (finding 1); a cache
that cannot be written is one clear error, not an export retried for every question
(finding 9); ``index build`` that cannot save says why and exits 1 (finding 14); a
consistently edited chunk table is caught, and a killed build's temporary files are swept by
the next build (finding 15). Fake embedder unless marked ``integration``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from assistant import Assistant, IndexLoadError, onnx_model
from assistant.config import PROJECT_ROOT, Settings
from assistant.embedding import OnnxMiniLMEmbedder
from assistant.errors import ModelNotFoundError
from assistant.onnx_model import cache_key
from tests.model_folders import model_folder

from .readonly import run_readonly

AREA = "Model cache and index"
INDEX_FILES = ["chunks.faiss", "chunks.json", "manifest.json", "sentences.faiss",
               "tokens.faiss", "vocabulary.faiss"]


@pytest.fixture
def run(cli_run):
    return cli_run


def _cli(*args: str, env: dict[str, str], **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], env=env,
                          cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300, **kwargs)


# -- the cached export's checksum (findings 1 and 9) -----------------------------------------

def _flip_64k(data: bytes, at: int = 100_000) -> bytes:
    return data[:at] + bytes(b ^ 0xFF for b in data[at:at + 65_536]) + data[at + 65_536:]


def _vectors_of(export: Path, model_path: Path, texts: list[str]) -> np.ndarray:
    """What ONNX Runtime makes of ``export`` with no check of its bytes."""
    import onnxruntime

    session = onnxruntime.InferenceSession(str(export), providers=["CPUExecutionProvider"])
    tokenizer = onnx_model.load_tokenizer(model_path, onnx_model.read_max_length(model_path))
    return onnx_model.embed(session, tokenizer, texts, lock=threading.Lock())


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


@pytest.mark.integration
@pytest.mark.slow
def test_64_kb_flipped_in_the_real_export_is_reported_and_exported_again(real_assistant,
                                                                         tmp_path, caplog):
    """What the audit did: the changed export loads and answers, with other vectors (dev
    answer hit 1.00 -> 0.62), and `index check` said ok, unless the checksum is verified."""
    real = real_assistant.embedder
    question = ["Which cells break down bone?"]
    want = real.encode(question)
    cached = real.cached_export()
    export = tmp_path / "cache" / cached.name
    export.parent.mkdir()
    shutil.copy(cached, export)
    shutil.copy(onnx_model.checksum_path(cached), onnx_model.checksum_path(export))
    data = export.read_bytes()
    flipped = _flip_64k(data, at=len(data) * 2 // 3)  # in the encoder's weights
    export.write_bytes(flipped)
    model_path = real_assistant.settings.model_path
    changed = _vectors_of(export, model_path, question)  # it still loads, and answers wrong
    assert float((changed * want).sum()) < 0.999
    index = tmp_path / "index"
    shutil.copytree(real_assistant.settings.index_dir, index)
    env = {**os.environ, "ASSISTANT_MODEL_CACHE_DIR": str(export.parent),
           "ASSISTANT_INDEX_DIR": str(index), "ASSISTANT_EMBEDDER": "minilm",
           "ASSISTANT_BACKEND": "onnx"}

    reported = _cli("index", "check", env=env)
    assert reported.returncode == 1, reported.stdout + reported.stderr[-2000:]
    assert reported.stderr.startswith(f"Error: the cached ONNX model {export} fails its check "
                                      "(its SHA-256 is")
    embedder = OnnxMiniLMEmbedder(model_path, cache_dir=export.parent)
    with caplog.at_level(logging.WARNING):
        got = embedder.encode(question)
    assert any("is unusable (its SHA-256 is" in r.getMessage() and "exporting it again"
               in r.getMessage() for r in caplog.records)
    assert np.array_equal(got, want)
    assert export.read_bytes() != flipped and onnx_model.verify_export(export)
    again = _cli("index", "check", env=env)
    assert again.returncode == 0 and again.stdout.startswith("ok:"), again.stderr[-2000:]


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
    r = _cli("index", "check", env=env)
    assert r.returncode == 1, r.stderr
    assert r.stderr.startswith(f"Error: the cached ONNX model {export} fails its check (its "
                               "SHA-256 is")
    assert "exports it again" in r.stderr and "Traceback" not in r.stderr


def _fake_model(tmp_path: Path) -> Path:
    """A sentence-transformers folder as far as the export checks it (mean pooling)."""
    return model_folder(tmp_path, weights=b"weights")


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


# -- an index that cannot be saved (finding 14) ----------------------------------------------

def test_index_build_into_a_file_fails_with_the_reason(run, settings):
    settings.index_dir.parent.mkdir(parents=True, exist_ok=True)
    settings.index_dir.write_text("not a folder")
    r = run("index", "build")
    assert r.exit_code == 1 and "built" not in r.output
    assert r.output.startswith(f"Error: could not save the index to {settings.index_dir} (it is "
                               "not a folder): make it a writable folder, or set ASSISTANT_INDEX_DIR")


def test_index_build_into_a_read_only_folder_fails_with_the_reason(settings):
    folder = settings.index_dir
    folder.mkdir(parents=True)
    env = {**os.environ, "ASSISTANT_EMBEDDER": "hash", "ASSISTANT_INDEX_DIR": str(folder),
           "ASSISTANT_CORPUS_DIR": str(settings.corpus_dir)}
    r = run_readonly([sys.executable, "-m", "assistant.cli", "index", "build"], [folder], env=env)
    assert r.returncode == 1 and "built" not in r.stdout and "Traceback" not in r.stderr
    assert r.stderr.startswith(f"Error: could not save the index to {folder} (")
    assert "Read-only file system" in r.stderr or "Permission denied" in r.stderr
    assert list(folder.iterdir()) == []


def test_an_asked_for_rebuild_that_cannot_be_saved_is_an_error(settings, fake_embedder):
    settings.index_dir.parent.mkdir(parents=True, exist_ok=True)
    settings.index_dir.write_text("not a folder")
    with pytest.raises(IndexLoadError, match="could not save the index to .* "
                                             r"\(it is not a folder\).*ASSISTANT_INDEX_DIR"):
        Assistant.load(settings, embedder=fake_embedder, rebuild=True)
    a = Assistant.load(settings, embedder=fake_embedder)  # a plain load still answers
    assert not a.ask("Which cells break down bone?").abstained


# -- spans: every chunk and sentence is checked against the article (finding 15) ------------

def _tamper(settings, edit) -> None:
    """Edit chunks.json and re-hash it in the manifest: a consistent, wrong index."""
    table_path = settings.index_dir / "chunks.json"
    table = json.loads(table_path.read_text())
    edit(table["chunks"])
    table_path.write_text(json.dumps(table))
    manifest_path = settings.index_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["files"]["chunks.json"] = hashlib.sha256(table_path.read_bytes()).hexdigest()
    manifest_path.write_text(json.dumps(manifest))


def _shift_post_3(chunks) -> None:
    row = next(c for c in chunks if c["source_id"] == "post-3")
    row["start"] += 1
    row["sentences"][0][0] += 1


def _drop_a_sentence(chunks) -> None:
    row = next(c for c in chunks if len(c["sentences"]) > 1)
    row["sentences"].pop()
    row["end"] = row["sentences"][-1][1]


def _swap_headers(chunks) -> None:
    chunks[1]["header"], chunks[2]["header"] = chunks[2]["header"], chunks[1]["header"]


def _other_source(chunks) -> None:
    chunks[0]["source_id"] = "comment-3"  # low-content: never chunked


TAMPERS = {"shifted-offsets": _shift_post_3, "dropped-sentence": _drop_a_sentence,
           "swapped-headers": _swap_headers, "low-content-source": _other_source}


@pytest.mark.parametrize("edit", TAMPERS.values(), ids=TAMPERS.keys())
def test_a_consistently_edited_chunk_table_is_caught(settings, fake_embedder, edit):
    Assistant.load(settings, embedder=fake_embedder)
    _tamper(settings, edit)
    with pytest.raises(IndexLoadError, match="chunks.json.*assistant index build"):
        Assistant.load(replace(settings, auto_rebuild=False), embedder=fake_embedder)


def test_a_shifted_chunk_table_is_rebuilt_and_never_quotes_cut_words(settings, fake_embedder,
                                                                       caplog):
    Assistant.load(settings, embedder=fake_embedder)
    _tamper(settings, _shift_post_3)
    with caplog.at_level(logging.WARNING):
        a = Assistant.load(settings, embedder=fake_embedder)
    assert any("sentence 1 of post-3 is characters 1-133 ('xytocin can bind" in r.getMessage()
               for r in caplog.records)
    answer = a.ask("Which bone cells have oxytocin receptors?")
    assert answer.quotes[0].text.startswith("Oxytocin can bind")


def test_index_check_catches_a_consistently_edited_chunk_table(run, settings):
    run("index", "build")
    _tamper(settings, _shift_post_3)
    r = run("index", "check")
    assert r.exit_code == 1
    assert "chunks.json: sentence 1 of post-3 is characters 1-133 ('xytocin" in r.output
    assert "assistant index build" in r.output


# -- leftovers of a killed build (finding 15) ------------------------------------------------

def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_temporary_files_of_a_killed_build_are_removed(settings, fake_embedder):
    folder = settings.index_dir
    folder.mkdir(parents=True)
    dead = folder / f".chunks.faiss.{_dead_pid()}-1a2b3c4d.tmp"
    legacy = folder / ".chunks.json.k3j_x9q2.tmp"  # an older version's name, an hour old
    live = folder / f".manifest.json.{os.getpid()}-5e6f7a8b.tmp"  # a build going on now
    for path in (dead, legacy, live):
        path.write_bytes(b"half an index")
    os.utime(legacy, (time.time() - 7200, time.time() - 7200))
    Assistant.load(settings, embedder=fake_embedder)
    assert not dead.exists() and not legacy.exists()
    assert live.exists()


# `assistant index build`, killed (SIGKILL, no clean-up runs) once its third index file is
# written to a temporary file and before that file is moved into place.
_KILLED_BUILD = """
import os, signal, sys
from pathlib import Path
folder, moved, real = Path(sys.argv[1]).resolve(), [], os.replace
def replace(src, dst):
    if Path(dst).resolve().parent == folder:
        moved.append(dst)
        if len(moved) == 3:
            os.kill(os.getpid(), signal.SIGKILL)
    return real(src, dst)
os.replace = replace
from assistant.cli import cli
cli(["index", "build"], prog_name="assistant")
"""


def test_a_build_killed_midway_leaves_temporary_files_the_next_build_removes(settings):
    folder = settings.index_dir
    env = {**os.environ, "ASSISTANT_EMBEDDER": "hash", "ASSISTANT_INDEX_DIR": str(folder),
           "ASSISTANT_CORPUS_DIR": str(settings.corpus_dir)}
    killed = subprocess.run([sys.executable, "-c", _KILLED_BUILD, str(folder)], env=env,
                            cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)
    assert killed.returncode == -9, killed.stderr[-2000:]
    left = [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]
    assert left and all(n.startswith(".vocabulary.faiss.") for n in left), left
    built = _cli("index", "build", env=env)
    assert built.returncode == 0, built.stderr[-2000:]
    assert sorted(p.name for p in folder.iterdir()) == INDEX_FILES
    checked = _cli("index", "check", env=env)
    assert checked.returncode == 0 and checked.stdout.startswith("ok:"), checked.stderr[-2000:]
