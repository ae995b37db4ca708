"""The embedders: backend choice, the ONNX export's checks, fidelity and its cache."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from assistant.config import PROJECT_ROOT, Settings
from assistant.embedding import MiniLMEmbedder, OnnxMiniLMEmbedder, make_embedder
from assistant.errors import ModelNotFoundError
from assistant.onnx_model import cache_key, read_max_length

from .model_folders import model_folder


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
    return model_folder(tmp_path, pooling)


def test_export_accepts_mean_pooling_only(tmp_path):
    mean = _model_folder(tmp_path / "a", {"pooling_mode_mean_tokens": True})
    assert read_max_length(mean) == 200
    cls = _model_folder(tmp_path / "b", {"pooling_mode_cls_token": True,
                                         "pooling_mode_mean_tokens": False})
    with pytest.raises(ModelNotFoundError, match="mean pooling only.*ASSISTANT_BACKEND=torch"):
        read_max_length(cls)


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


def test_word_pieces_keep_content_only():
    from assistant.embedding import content_tokens

    tokens = ["[CLS]", "which", "cells", "break", "down", "bone", "##s", "?", "[SEP]"]
    vectors = np.arange(len(tokens) * 3, dtype=np.float32).reshape(len(tokens), 3) + 1
    kept = content_tokens(tokens, vectors)
    assert len(kept) == 4  # cells, break, bone, ##s: no special token, stopword or "?"
    assert np.allclose(np.linalg.norm(kept, axis=1), 1.0)


@pytest.mark.integration
def test_word_pieces_match_their_own_word_in_context(real_assistant):
    """The model's word-piece vectors: a question's content words, each close to the same
    word in a sentence, and the sentence that shares the question's words matches best."""
    embedder = real_assistant.embedder
    q, same, other = embedder.encode_tokens(["Which cells break down bone?",
                                             "Osteoclasts are the cells that break down bone.",
                                             "The review was published in 2014."])
    assert len(q) == 3 and np.allclose(np.linalg.norm(q, axis=1), 1.0, atol=1e-4)
    best_same = (q @ same.T).max(axis=1)
    best_other = (q @ other.T).max(axis=1)
    assert best_same.min() > 0.7 and best_same.mean() > best_other.mean() + 0.2


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
    settings = real_assistant.settings
    broken = tmp_path / "cache" / f"{cache_key(settings.model_path, settings.quantize)}.onnx"
    broken.parent.mkdir()
    broken.write_bytes(b"not an onnx model")
    embedder = OnnxMiniLMEmbedder(settings.model_path, cache_dir=broken.parent)
    vector = embedder.encode(["Which cells break down bone?"])
    assert broken.stat().st_size > 1_000_000
    assert np.array_equal(vector, real_assistant.embedder.encode(["Which cells break down bone?"]))


@pytest.mark.integration
def test_int8_products_are_exact_integers_so_every_cpu_gives_the_same_vectors(real_assistant):
    """The int8 export's weights are 7-bit, and with such weights ONNX Runtime's int8 product
    is the exact integer one on this CPU. CPUs with VNNI compute it exactly with any weights;
    CPUs without it (AVX2 only) saturate 16-bit sums with full 8-bit weights, and so gave
    other vectors, which a committed index or answer model did not fit."""
    import onnx
    import onnxruntime
    from onnx import TensorProto, helper, numpy_helper

    if not real_assistant.settings.quantize:
        pytest.skip("float model: no int8 product")
    model = onnx.load(str(real_assistant.embedder.cached_export()))
    fed = {name for node in model.graph.node if node.op_type == "MatMulInteger"
           for name in node.input[1:2]}
    weights = [numpy_helper.to_array(t) for t in model.graph.initializer if t.name in fed]
    assert len(weights) >= 36  # six layers: q, k, v, output, two feed-forward matrices
    assert min(int(w.min()) for w in weights) >= -64 and max(int(w.max()) for w in weights) <= 64

    rng = np.random.default_rng(0)
    a = rng.integers(0, 256, size=(32, 384), dtype=np.uint8)

    def product(b: np.ndarray) -> np.ndarray:
        graph = helper.make_graph(
            [helper.make_node("MatMulInteger", ["A", "B"], ["Y"])], "product",
            [helper.make_tensor_value_info("A", TensorProto.UINT8, list(a.shape))],
            [helper.make_tensor_value_info("Y", TensorProto.INT32, [a.shape[0], b.shape[1]])],
            [numpy_helper.from_array(b, "B")])
        graph_model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
        graph_model.ir_version = 8
        session = onnxruntime.InferenceSession(graph_model.SerializeToString(),
                                               providers=["CPUExecutionProvider"])
        return session.run(None, {"A": a})[0]

    seven_bit = rng.integers(-64, 65, size=(384, 384), dtype=np.int8)
    assert np.array_equal(product(seven_bit), a.astype(np.int64) @ seven_bit.astype(np.int64))


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


def test_recent_store_drops_the_oldest_first():
    from assistant.embedding import _Recent

    store = _Recent(2)
    store.put("a", 1)
    store.put("b", 2)
    store.put("c", 3)
    assert (store.get("a"), store.get("b"), store.get("c")) == (None, 2, 3)


@pytest.mark.integration
def test_a_questions_word_pieces_are_the_same_from_the_call_that_embedded_it(real_assistant):
    """The word pieces kept from embedding a question are what a fresh call gives."""
    embedder = real_assistant.embedder
    question = "Which hormone regulates the formation of new bone tissue?"
    fresh = embedder.encode_tokens([question])[0]
    embedder.encode([question])  # keeps its word pieces
    kept = embedder.encode_tokens([question])[0]
    assert np.array_equal(fresh, kept)


def test_numpy_and_faiss_use_no_more_threads_than_the_model():
    # a thread per core for numpy's BLAS and faiss's OpenMP would spin against the
    # answering threads on 2 shared cores; the model's setting caps them too
    import faiss
    from threadpoolctl import threadpool_info

    make_embedder(Settings(embedder="hash", threads=1))
    blas = [p for p in threadpool_info() if p["user_api"] == "blas"]
    assert blas and all(p["num_threads"] == 1 for p in blas)
    assert faiss.omp_get_max_threads() == 1


def test_word_pieces_are_grouped_into_the_words_they_spell():
    """``content_words``: a "##" piece continues the word before it, with its own vector;
    special tokens, punctuation and stopwords are left out."""
    import numpy as np

    from assistant.embedding import content_words

    tokens = ["[CLS]", "do", "black", "##cap", "##s", "sing", "?", "[SEP]"]
    vectors = np.arange(len(tokens) * 2, dtype=np.float32).reshape(len(tokens), 2) + 1
    got = content_words(tokens, vectors)
    assert [w for w, _ in got] == ["blackcaps", "sing"]
    assert got[0][1].shape == (3, 2) and got[1][1].shape == (1, 2)
    assert np.allclose(np.linalg.norm(got[0][1], axis=1), 1.0)
