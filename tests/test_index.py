import json
import logging
import shutil
from dataclasses import replace

import numpy as np
import pytest

from assistant import Assistant, IndexLoadError, fingerprint
from assistant import index as index_mod
from assistant.config import PROJECT_ROOT
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


@pytest.mark.parametrize("name", ["chunks.faiss", "sentences.faiss", "vocabulary.faiss", "tokens.faiss",
                                  "chunks.json"])
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
    assert names == ["chunks.faiss", "chunks.json", "manifest.json", "sentences.faiss", "tokens.faiss",
                     "vocabulary.faiss"]


def test_word_piece_vectors_are_saved_and_read_back(settings, fake_embedder):
    built = Assistant.load(settings, embedder=fake_embedder).index
    loaded = Assistant.load(settings, embedder=fake_embedder).index
    assert loaded.manifest["built_at"] == built.manifest["built_at"]  # read, not rebuilt
    assert len(loaded.token_counts) == len(loaded.sentences)
    assert sum(loaded.token_counts) == len(loaded.token_vectors) > 0
    assert np.array_equal(loaded.token_vectors, built.token_vectors)


def test_a_word_piece_table_that_does_not_fit_is_refused(settings, fake_embedder):
    import hashlib

    Assistant.load(settings, embedder=fake_embedder)
    path = settings.index_dir / "chunks.json"
    table = json.loads(path.read_text())
    table["token_counts"][0] += 1  # one more vector than tokens.faiss holds
    path.write_text(json.dumps(table))
    manifest_path = settings.index_dir / "manifest.json"
    manifest = json.loads(manifest_path.read_text())
    manifest["files"]["chunks.json"] = hashlib.sha256(path.read_bytes()).hexdigest()
    manifest_path.write_text(json.dumps(manifest))
    with pytest.raises(IndexLoadError, match="do not match its chunk table"):
        Assistant.load(settings, embedder=fake_embedder)


# --- the embedder's fingerprint: an index built by a model giving other vectors is stale ---


class Drifted(HashEmbedder):
    """Same name as the fake, other vectors: what another CPU's int8 kernels do to MiniLM."""

    def __init__(self, noise: float):
        super().__init__()
        self._noise = noise

    def encode(self, texts):
        vectors = super().encode(texts)
        rng = np.random.default_rng(0)
        vectors = vectors + self._noise * rng.standard_normal(vectors.shape).astype(np.float32)
        return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


def test_the_manifest_records_the_embedders_fingerprint(settings, fake_embedder):
    a = Assistant.load(settings, embedder=fake_embedder)
    recorded = json.loads((settings.index_dir / "manifest.json").read_text())["embedder"]
    assert len(recorded["probes"]) == len(fingerprint.PROBES)
    assert not fingerprint.differences(recorded, fingerprint.of(fake_embedder))
    assert a.index.manifest["embedder"] == recorded


def test_an_index_from_an_embedder_giving_other_vectors_is_rebuilt(settings, fake_embedder,
                                                                     caplog):
    Assistant.load(settings, embedder=fake_embedder)
    drifted = Drifted(0.01)
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        a = Assistant.load(settings, embedder=drifted)
    assert any("stale (embedder: probe vectors differ (cosine 0.9" in r.getMessage()
               for r in caplog.records)
    assert a.index.manifest["embedder"] == fingerprint.of(drifted).to_dict()
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        Assistant.load(settings, embedder=drifted)
    assert not caplog.records  # rebuilt once, then used


def test_float_rounding_does_not_make_an_index_stale(settings, fake_embedder, caplog):
    Assistant.load(settings, embedder=fake_embedder)
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        a = Assistant.load(settings, embedder=Drifted(1e-7))
    assert not caplog.records and a.index.manifest["model"] == "hash-256"


def test_an_index_built_on_a_cpu_with_other_instruction_sets_is_rebuilt(settings, fake_embedder,
                                                                        caplog, monkeypatch):
    """An AMD EPYC with AVX2 and an Intel Xeon with AVX-512 VNNI and AMX gave MiniLM's short
    probes the same vectors but moved the article's longest texts: the CPU's kernel-choosing
    instruction sets are part of the fingerprint."""
    monkeypatch.setattr(fingerprint, "cpu_isa", lambda: "avx2")
    Assistant.load(settings, embedder=fake_embedder)
    monkeypatch.setattr(fingerprint, "cpu_isa", lambda: "avx2 avx512f avx512_vnni amx_int8")
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        a = Assistant.load(settings, embedder=fake_embedder)
    assert any("cpu_isa avx2 there, avx2 avx512f avx512_vnni amx_int8 here" in r.getMessage()
               for r in caplog.records)
    assert a.index.manifest["embedder"]["cpu_isa"] == "avx2 avx512f avx512_vnni amx_int8"


@pytest.mark.parametrize("cpuinfo, isa", [
    ("processor\t: 0\nflags\t\t: fpu sse2 avx avx2 fma\n", "avx2"),
    ("flags : avx2 avx512f avx512_vnni amx_int8 amx_tile\nflags : avx2 avx512f\n",
     "avx2 avx512f avx512_vnni amx_int8"),
    ("Features\t: fp asimd evtstrm aes\n", "asimd"),  # an ARM CPU
    ("processor : 0\n", "unknown"),
])
def test_the_cpus_instruction_sets_are_read_from_cpuinfo(cpuinfo, isa):
    assert fingerprint.cpu_isa(cpuinfo) == isa


def test_without_auto_rebuild_another_embedder_is_an_error(settings, fake_embedder):
    Assistant.load(settings, embedder=fake_embedder)
    with pytest.raises(IndexLoadError, match="stale .embedder: probe vectors differ.*index build"):
        Assistant.load(replace(settings, auto_rebuild=False), embedder=Drifted(0.01))


def test_other_runtime_details_make_the_index_stale(settings, fake_embedder, caplog):
    class Runtime(HashEmbedder):
        def __init__(self, version):
            super().__init__()
            self.version = version

        def fingerprint(self):
            return fingerprint.measure(self.encode, {"onnxruntime": self.version})

    Assistant.load(settings, embedder=Runtime("1.32.0"))
    with caplog.at_level(logging.WARNING):
        Assistant.load(settings, embedder=Runtime("1.33.0"))
    assert any("onnxruntime 1.32.0 there, 1.33.0 here" in r.getMessage() for r in caplog.records)


def test_an_index_without_a_fingerprint_is_rebuilt(settings, fake_embedder, caplog):
    Assistant.load(settings, embedder=fake_embedder)
    path = settings.index_dir / "manifest.json"
    manifest = json.loads(path.read_text())
    del manifest["embedder"]
    path.write_text(json.dumps(manifest))
    with caplog.at_level(logging.WARNING):
        a = Assistant.load(settings, embedder=fake_embedder)
    assert any("no fingerprint recorded" in r.getMessage() for r in caplog.records)
    assert "embedder" in a.index.manifest


@pytest.mark.integration
def test_the_committed_index_gives_the_answers_a_fresh_build_gives(real_assistant, tmp_path):
    """A fresh clone answers as the tests do: the committed index/ is used only if this
    machine's model gives its vectors (else it is rebuilt), so its answers are the ones of
    an index built here."""
    committed = tmp_path / "index"
    shutil.copytree(PROJECT_ROOT / "index", committed)
    clone = Assistant.load(replace(real_assistant.settings, index_dir=committed),
                           embedder=real_assistant.embedder)
    heldout = PROJECT_ROOT / "benchmarks" / "data" / "heldout.jsonl"
    asked = [(q, []) for q in real_assistant.examples()] + [
        (row["question"], row.get("history", [])) for row in map(json.loads, heldout.open())]
    assert len(asked) >= 50
    for q, history in asked:
        assert clone.ask(q, history).to_dict() == real_assistant.ask(q, history).to_dict(), q
    assert not index_mod.embedder_changes(clone.index.manifest, real_assistant.embedder)


# --- the same through the command line ---


@pytest.fixture
def run(cli_run):
    return cli_run


def test_index_check_notices_an_index_built_by_another_embedder(run, settings, monkeypatch):
    from assistant import embedding

    run("index", "build")
    monkeypatch.setattr(embedding, "make_embedder", lambda settings: Drifted(0.01))
    r = run("index", "check")
    assert r.exit_code == 1
    assert "is stale (embedder: probe vectors differ (cosine 0.9" in r.output


def test_late_interaction_scores_the_sentence_sharing_the_questions_words(assistant):
    """``token_match``: each content word of the question finds its closest word piece in a
    sentence; the sentence holding all of them scores highest."""
    from assistant.query import make_query

    sentences = assistant.index.sentences
    target = max(range(len(sentences)), key=lambda i: len(sentences[i].text))
    words = [w for w in sentences[target].text.split() if w.isalpha() and len(w) > 5][:4]
    scores = assistant.answerer._token_match(make_query(" ".join(words) + "?"))
    assert scores is not None and len(scores) == len(sentences)
    assert scores[target] == pytest.approx(scores.max()) and scores[target] > 0.99


def test_late_interaction_reads_a_sections_heading_over_its_first_sentence(settings, fake_embedder):
    """A section's heading says what its first sentence is about, which the sentence often does
    not repeat ("Squeaky hinges" / "Nine times out of ten the pin has simply dried out."): a
    word of the question in the heading is matched there; not in the section's later
    sentences, nor under another heading, and the heading is no sentence of its own."""
    from assistant import Assistant
    from assistant.query import make_query
    from assistant.types import Source

    page = [
        Source("title", "title", "Title", "Small Fixes Around the House"),
        Source("post-1", "post", 'Post, paragraph 1 (under "Squeaky hinges")',
               "Nine times out of ten the pin has simply dried out. Lift it out and wipe it clean.",
               section="Squeaky hinges"),
        Source("post-2", "post", 'Post, paragraph 2 (under "Squeaky hinges")',
               "A drop of light oil on the pin lasts about a year.", section="Squeaky hinges"),
        Source("post-3", "post", 'Post, paragraph 3 (under "Sticking drawers")',
               "Rub a candle stub along the runners and the drawer will glide again.",
               section="Sticking drawers"),
        Source("post-4", "post", 'Post, paragraph 4 (under "Loose handles")',
               "Loose handles usually need a longer screw.", section="Loose handles"),
    ]
    a = Assistant.from_sources(page, settings, embedder=fake_embedder)
    texts = [s.text for s in a.index.sentences]
    assert "Squeaky hinges" not in texts
    scores = a.answerer._token_match(make_query("squeaky hinges??"))
    assert scores is not None
    opener = texts.index("Nine times out of ten the pin has simply dried out.")
    assert scores[opener] == pytest.approx(1.0)
    for later in ("Lift it out and wipe it clean.", "A drop of light oil on the pin lasts about a year.",
                  "Rub a candle stub along the runners and the drawer will glide again."):
        assert scores[texts.index(later)] < 0.5, later
    # a first sentence that repeats its heading's words has it read over it already
    assert sorted(a.answerer.section_openers.values()) == ["Squeaky hinges", "Sticking drawers"]


def test_bm25_scores_each_document_by_the_okapi_formula():
    """BM25 scores a question's terms on the documents that have them (its postings): each
    document's score is the Okapi sum over the terms, and a document with none scores 0."""
    import math

    from assistant.retrieval import BM25

    docs = [["kayak", "rack", "roof"], ["roof", "tile", "tile", "moss"], ["ferry", "dawn"]]
    bm = BM25(docs)
    query = [("tile", 1.0), ("roof", 0.4), ("never", 1.0)]
    got = bm.scores(query)
    avg = sum(map(len, docs)) / len(docs)
    for i, d in enumerate(docs):
        want = 0.0
        for term, weight in query:
            f = d.count(term)
            if f:
                df = sum(term in e for e in docs)
                idf = math.log(1 + (len(docs) - df + 0.5) / (df + 0.5))
                norm = 1.2 * (1 - 0.75 + 0.75 * len(d) / avg)
                want += weight * idf * f * 2.2 / (f + norm)
        assert math.isclose(float(got[i]), want, rel_tol=1e-6)
    assert got[2] == 0.0 and got[1] > got[0] > 0
