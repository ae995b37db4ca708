import json
import logging

import pytest

from assistant import Assistant, IndexLoadError
from assistant.embedding import HashEmbedder


def test_missing_index_is_built_with_manifest(settings, fake_embedder):
    a = Assistant.load(settings, embedder=fake_embedder)
    manifest = json.loads((settings.index_dir / "manifest.json").read_text())
    for key in ("corpus_hash", "model", "chunk_tokens", "encoding", "built_at", "versions", "files"):
        assert key in manifest
    assert manifest["model"] == "hash-256"
    assert manifest["chunks"] == len(a.index.chunks)
    assert a.health()["status"] == "ok"


def test_reload_uses_the_saved_index(settings, fake_embedder, caplog):
    Assistant.load(settings, embedder=fake_embedder)
    built = json.loads((settings.index_dir / "manifest.json").read_text())["built_at"]
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        a = Assistant.load(settings, embedder=fake_embedder)
    assert a.index.manifest["built_at"] == built
    assert not caplog.records


def test_stale_index_is_rebuilt_with_a_log_line(settings, fake_embedder, caplog):
    Assistant.load(settings, embedder=fake_embedder)
    article = settings.article_path
    article.write_text(article.read_text().replace("very weak", "quite weak"))
    with caplog.at_level(logging.WARNING):
        a = Assistant.load(settings, embedder=fake_embedder)
    assert any("stale" in r.getMessage() for r in caplog.records)
    assert any("quite weak" in c.text for c in a.index.chunks)


def test_other_model_makes_the_index_stale(settings, fake_embedder, caplog):
    Assistant.load(settings, embedder=fake_embedder)
    with caplog.at_level(logging.WARNING):
        a = Assistant.load(settings, embedder=HashEmbedder(dim=128))
    assert any("model" in r.getMessage() for r in caplog.records)
    assert a.index.manifest["model"] == "hash-128"


@pytest.mark.parametrize("name", ["chunks.faiss", "sentences.faiss", "vocabulary.faiss", "chunks.json"])
def test_corrupt_file_gives_a_clear_error(settings, fake_embedder, name):
    Assistant.load(settings, embedder=fake_embedder)
    path = settings.index_dir / name
    path.write_bytes(path.read_bytes()[:-7] + b"garbage")
    with pytest.raises(IndexLoadError) as err:
        Assistant.load(settings, embedder=fake_embedder)
    assert name in str(err.value) and "assistant index build" in str(err.value)


def test_unreadable_manifest_gives_a_clear_error(settings, fake_embedder):
    Assistant.load(settings, embedder=fake_embedder)
    (settings.index_dir / "manifest.json").write_text("{not json")
    with pytest.raises(IndexLoadError, match="manifest.json.*assistant index build"):
        Assistant.load(settings, embedder=fake_embedder)


def test_missing_file_gives_a_clear_error(settings, fake_embedder):
    Assistant.load(settings, embedder=fake_embedder)
    (settings.index_dir / "chunks.json").unlink()
    with pytest.raises(IndexLoadError, match="chunks.json is missing"):
        Assistant.load(settings, embedder=fake_embedder)


def test_rebuild_repairs_a_corrupt_index(settings, fake_embedder):
    Assistant.load(settings, embedder=fake_embedder)
    (settings.index_dir / "chunks.faiss").write_bytes(b"x")
    rebuilt = Assistant.load(settings, embedder=fake_embedder, rebuild=True)
    again = Assistant.load(settings, embedder=fake_embedder)
    assert again.index.manifest["built_at"] == rebuilt.index.manifest["built_at"]
    assert len(again.index.chunks) == len(rebuilt.index.chunks)


def test_no_temporary_files_left_behind(settings, fake_embedder):
    Assistant.load(settings, embedder=fake_embedder)
    names = sorted(p.name for p in settings.index_dir.iterdir())
    assert names == ["chunks.faiss", "chunks.json", "manifest.json", "sentences.faiss", "vocabulary.faiss"]
