"""all-MiniLM-L6-v2 as an ONNX Runtime session, exported once from the sentence-transformers folder.

The export loads the bundled sentence-transformers model (from its folder, offline), writes its
transformer as ONNX with ``torch.onnx``, checks that ONNX Runtime gives the same sentence
vectors as ``SentenceTransformer.encode`` on probe sentences, and, for ``int8``, quantises
the weight matrices per output channel to 7 bits (``reduce_range``), so that its int8 matrix
products are exact integers on x86 CPUs with or without VNNI. With full 8-bit weights, a CPU
without VNNI (AVX2 only, as many AMD EPYC) adds pairs of products in saturating 16-bit lanes
and gets other vectors than one with VNNI: an index or answer model made on one did not match
the other (probe cosine 0.987 between two such hosts). The file is cached under a key made of
the weights' hash and the library versions, so it is made once per machine (about 4 s) and
reused; a different model or library version makes a new one. At run time neither torch nor
sentence-transformers is imported: a query costs about 5 ms of one core instead of ~12.

Next to each export, ``<key>.onnx.sha256`` records its size and SHA-256 (written in the same
temporary folder and moved into place after it); a load verifies the file against it (about
20 ms for the 23 MB int8 file), so a cached model changed on disk is made again, never used.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import numpy as np

from .errors import ModelNotFoundError

log = logging.getLogger(__name__)

# Bump when the export recipe changes, so cached files made the old way are not reused.
RECIPE = 2  # 2: 7-bit weights (reduce_range), the same vectors on CPUs with and without VNNI
PROBES = (
    "Which cells break down bone?",
    "Oxytocin, a hormone made in the hypothalamus, also acts on osteoblasts and osteoclasts "
    "and so on bone mass in mice and, perhaps, in people.",
    "A reader asked whether the treatment would work for men.",
)


class ExportMismatch(Exception):
    """The cached export is missing, or differs from the checksum recorded next to it."""


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "article-assistant" / "onnx"


def read_max_length(model_dir: Path) -> int:
    """The model's max sequence length, after checking that the folder is a transformer with
    mean pooling (and normalisation), the only layout the ONNX path computes."""
    try:
        modules = json.loads((model_dir / "modules.json").read_text(encoding="utf-8"))
        kinds = [m["type"].rsplit(".", 1)[-1] for m in modules]
        pooling_dir = next(m["path"] for m in modules if m["type"].endswith("Pooling"))
        pooling = json.loads((model_dir / pooling_dir / "config.json").read_text(encoding="utf-8"))
        config = json.loads((model_dir / "sentence_bert_config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, StopIteration) as exc:
        raise ModelNotFoundError(f"cannot read the model's layout in {model_dir}: {exc}") from exc
    modes = {k for k, v in pooling.items() if k.startswith("pooling_mode") and v}
    if kinds[:2] != ["Transformer", "Pooling"] or modes != {"pooling_mode_mean_tokens"}:
        raise ModelNotFoundError(
            f"the ONNX path computes transformer + mean pooling only; {model_dir} has "
            f"{kinds} with {sorted(modes)}: use ASSISTANT_BACKEND=torch")
    return int(config.get("max_seq_length", 256))


def cache_key(model_dir: Path, quantize: bool) -> str:
    """Weights, recipe and the versions that shape the file; read without importing torch."""
    from importlib.metadata import PackageNotFoundError, version

    def installed(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "none"

    digest = hashlib.sha256()
    for name in sorted(p.name for p in model_dir.glob("*.safetensors")) or ["pytorch_model.bin"]:
        with open(model_dir / name, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    versions = "|".join(installed(n) for n in ("torch", "onnxruntime", "onnx", "transformers"))
    digest.update(f"{RECIPE}|{versions}|{quantize}".encode())
    return digest.hexdigest()[:16]


def checksum_path(model: Path) -> Path:
    """Where the size and SHA-256 of an export are recorded."""
    return model.with_name(model.name + ".sha256")


def file_checksum(path: Path) -> dict[str, Any]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
            size += len(block)
    return {"sha256": digest.hexdigest(), "size": size}


def verify_export(path: Path) -> str:
    """The export's SHA-256 once it matches its recorded checksum; ExportMismatch if not."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ExportMismatch("there is no export yet") from None
    try:
        record = json.loads(checksum_path(path).read_text(encoding="utf-8"))
        want_sha, want_size = str(record["sha256"]), int(record["size"])
    except FileNotFoundError:
        raise ExportMismatch(f"{checksum_path(path).name}, its checksum, is missing") from None
    except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError) as exc:
        raise ExportMismatch(f"its checksum file is unreadable ({exc})") from None
    if size != want_size:
        raise ExportMismatch(f"it is {size:,} bytes, not the {want_size:,} recorded")
    got = file_checksum(path)["sha256"]
    if got != want_sha:
        raise ExportMismatch(f"its SHA-256 is {got[:12]}..., not the {want_sha[:12]}... recorded")
    return got


def writable(folder: Path) -> OSError | None:
    """None when files can be created in ``folder`` (made if missing), else the error."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder, prefix=".probe-"):
            pass
    except OSError as exc:
        return exc
    return None


def session_options(threads: int):
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = max(1, threads)
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    options.log_severity_level = 3
    return options


def export(model_dir: Path, out: Path, *, quantize: bool, max_length: int) -> None:
    """Write the model's transformer to ``out`` as ONNX (int8 weights if ``quantize``),
    after checking it against sentence-transformers. Atomic: ``out`` appears complete or
    not at all."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    import torch
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(model_dir), device="cpu", local_files_only=True).eval()
    transformer: Any = model[0].auto_model
    transformer.eval()

    class Hidden(torch.nn.Module):
        def __init__(self, inner: torch.nn.Module):
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.inner(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    out.parent.mkdir(parents=True, exist_ok=True)
    # Named like files.temp_path, so files.sweep removes it if this process is killed.
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=f".{out.name}.{os.getpid()}-",
                                     suffix=".tmp") as tmp:
        plain = Path(tmp) / "model.onnx"
        sample = torch.ones((1, 8), dtype=torch.int64)
        names = ["input_ids", "attention_mask", "token_type_ids"]
        axes = {n: {0: "batch", 1: "tokens"} for n in [*names, "hidden"]}
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            torch.onnx.export(Hidden(transformer), (sample, sample, torch.zeros_like(sample)),
                              str(plain), input_names=names, output_names=["hidden"],
                              dynamic_axes=axes, opset_version=17, dynamo=False)
        expected = model.encode(list(PROBES), normalize_embeddings=True)
        tokenizer = load_tokenizer(model_dir, max_length)
        worst = _worst_cosine(plain, tokenizer, expected)
        if worst < 0.9999:
            raise ModelNotFoundError(f"the ONNX export disagrees with sentence-transformers "
                                     f"(cosine {worst:.5f}); use ASSISTANT_BACKEND=torch")
        final = plain
        if quantize:
            from onnxruntime.quantization import QuantType, quantize_dynamic

            final = Path(tmp) / "model.int8.onnx"
            logging.disable(logging.WARNING)  # its advice to pre-process goes to the root logger
            try:
                quantize_dynamic(str(plain), str(final), weight_type=QuantType.QInt8,
                                 per_channel=True, reduce_range=True,
                                 extra_options={"MatMulConstBOnly": True})
            finally:
                logging.disable(logging.NOTSET)
            worst = _worst_cosine(final, tokenizer, expected)
            if worst < 0.95:
                raise ModelNotFoundError(f"the int8 model strays too far from the float one "
                                         f"(cosine {worst:.3f}); set ASSISTANT_QUANTIZE=0")
        record = Path(tmp) / "checksum"
        record.write_text(json.dumps(file_checksum(final)) + "\n", encoding="utf-8")
        for written in (final, record):
            with open(written, "rb") as fh:
                os.fsync(fh.fileno())
        os.replace(final, out)
        os.replace(record, checksum_path(out))  # last: an export without it is not trusted
    log.info("exported %s to %s (int8=%s, probe cosine >= %.4f)", model_dir.name, out, quantize, worst)


def _worst_cosine(path: Path, tokenizer: Any, expected: np.ndarray) -> float:
    """The lowest cosine between the ONNX file's vectors for ``PROBES`` and ``expected``."""
    import onnxruntime

    session = onnxruntime.InferenceSession(str(path), session_options(1),
                                           providers=["CPUExecutionProvider"])
    return float((embed(session, tokenizer, list(PROBES)) * expected).sum(axis=1).min())


def load_tokenizer(model_dir: Path, max_length: int):
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tokenizer.no_padding()  # the file pads to 128: each batch is padded to its longest text instead
    tokenizer.enable_truncation(max_length)
    return tokenizer


def run(session, tokenizer, texts: list[str], lock: Any = None) -> tuple[list[Any], np.ndarray, np.ndarray]:
    """The model's last layer for ``texts`` as one padded batch: the tokenizer's encodings,
    the hidden states and the attention mask.

    ``lock`` guards the tokenizer, shared between threads; the model call runs outside it.
    """
    with lock or nullcontext():
        # encode, not encode_batch: that one would start a thread pool
        encodings = [tokenizer.encode(text) for text in texts]
    width = max(len(e.ids) for e in encodings)
    ids = np.zeros((len(texts), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    for row, enc in enumerate(encodings):
        ids[row, : len(enc.ids)] = enc.ids
        mask[row, : len(enc.ids)] = 1
    hidden = session.run(None, {"input_ids": ids, "attention_mask": mask,
                                "token_type_ids": np.zeros_like(ids)})[0]
    return encodings, hidden, mask


def pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean-pooled, L2-normalised vectors of a batch's hidden states."""
    weights = mask[..., None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.maximum(norms, 1e-12)).astype(np.float32)


def embed(session, tokenizer, texts: list[str], lock: Any = None) -> np.ndarray:
    """Mean-pooled, L2-normalised vectors for ``texts`` as one padded batch."""
    _, hidden, mask = run(session, tokenizer, texts, lock)
    return pool(hidden, mask)


def embed_tokens(session, tokenizer, text: str, lock: Any = None) -> tuple[list[str], np.ndarray]:
    """The word pieces of ``text`` and their contextual vectors (the model's last layer)."""
    encodings, hidden, _ = run(session, tokenizer, [text], lock)
    return list(encodings[0].tokens), hidden[0]
