"""Build, save, load and check the index: FAISS over chunks and sentences, chunk table, manifest.

Files in the index folder: ``chunks.faiss``, ``sentences.faiss``, ``vocabulary.faiss``,
``chunks.json`` and ``manifest.json``. Each is written to a temporary file and moved into
place; the manifest is written last and records every file's SHA-256, so a half-written or
tampered index is detected on load instead of giving wrong answers. The manifest also records
the embedder's fingerprint (``fingerprint.py``): an index built by a model that gives other
vectors on this machine is stale. On load every chunk and sentence span is checked against
the sentences of its source, whatever the manifest says.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import platform
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import faiss
import numpy as np

from . import files, fingerprint
from .chunking import chunk_sources, header_for, questions_answered, sentences_of
from .config import Settings
from .corpus import corpus_hash
from .embedding import Embedder
from .errors import IndexLoadError, ModelNotFoundError
from .text import clauses, vocabulary
from .types import Chunk, Source, Span

log = logging.getLogger(__name__)

FORMAT = 5
FILES = ("chunks.faiss", "sentences.faiss", "vocabulary.faiss", "tokens.faiss", "chunks.json")
FIX = "run `assistant index build` to rebuild it"


@dataclass(frozen=True)
class Index:
    """What retrieval needs: chunks, their sentences, and vectors for both."""

    chunks: tuple[Chunk, ...]
    sentences: tuple[Span, ...]
    sentence_chunk: tuple[int, ...]  # sentence i lies in chunk sentence_chunk[i]
    chunk_vectors: faiss.Index  # one per chunk, embedded with its header
    # Rows 0..n-1: the sentences bare; n..2n-1: with their chunk's header; then the clauses
    # of long sentences (see ``clause_owners``).
    sentence_vectors: faiss.Index
    vocabulary: tuple[str, ...]  # the article's content words (``text.vocabulary``)
    vocabulary_vectors: faiss.Index  # one per word, for synonym look-ups ("men" ~ "males")
    manifest: dict[str, Any]
    # The contextual vectors of each sentence's content word pieces, sentence after sentence
    # (``token_counts[i]`` rows for sentence i), for late-interaction matching.
    token_vectors: np.ndarray
    token_counts: tuple[int, ...]


def _versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for pkg in ("faiss-cpu", "onnxruntime", "sentence-transformers", "torch", "tiktoken", "numpy"):
        try:
            out[pkg] = metadata.version(pkg)
        except metadata.PackageNotFoundError:
            out[pkg] = "not installed"
    return out


def expected_identity(sources: Sequence[Source], embedder: Embedder, settings: Settings) -> dict:
    """What must match for an index on disk to be used as it is."""
    return {
        "format": FORMAT,
        "corpus_hash": corpus_hash(list(sources)),
        "model": embedder.name,
        "dim": embedder.dim,
        "chunk_tokens": settings.chunk_tokens,
        "encoding": settings.encoding,
    }


def _flat(vectors: np.ndarray) -> faiss.Index:
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def build(sources: Sequence[Source], embedder: Embedder, settings: Settings) -> Index:
    """Chunk, embed (chunks with their headers, sentences bare) and index, in memory.

    ``build_seconds`` in the manifest excludes loading the model, which happens first.
    """
    warm_up = getattr(embedder, "warm_up", None)
    if callable(warm_up):
        warm_up()
    started = time.perf_counter()
    chunks = chunk_sources(sources, settings.chunk_tokens, settings.encoding)
    sentences, owner = _sentences(chunks)
    headers = [chunks[i].header for i in owner]
    words = source_vocabulary(sources)
    # A batch-capable embedder embeds the corpus in fixed batches (deterministic for a corpus).
    encode = getattr(embedder, "encode_corpus", embedder.encode)
    vectors = encode(
        [c.embed_text() for c in chunks]
        + [s.text for s in sentences]
        + [f"{h}: {s.text}" for h, s in zip(headers, sentences, strict=True)]
        + [c for s in sentences for c in clauses(s.text)]
        + list(words)
    )
    n_words = len(words)
    token_vectors, token_counts = sentence_tokens(embedder, [s.text for s in sentences])
    manifest = {
        **expected_identity(sources, embedder, settings),
        "chunks": len(chunks),
        "sentences": len(sentences),
        "sources": len(sources),
        "built_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "build_seconds": round(time.perf_counter() - started, 3),
        "versions": _versions(),
        "embedder": fingerprint.of(embedder).to_dict(),
    }
    split = len(vectors) - n_words
    return Index(
        tuple(chunks), tuple(sentences), tuple(owner),
        _flat(vectors[: len(chunks)]), _flat(vectors[len(chunks) : split]),
        words, _flat(vectors[split:]), manifest, token_vectors, token_counts,
    )


def sentence_tokens(embedder: Embedder, texts: Sequence[str]) -> tuple[np.ndarray, tuple[int, ...]]:
    """The content word-piece vectors of each text, stacked, and how many each text has
    (none from an embedder without ``encode_tokens``)."""
    encode = getattr(embedder, "encode_tokens", None)
    per = encode(texts) if callable(encode) and texts else []
    if not per:
        return np.zeros((0, embedder.dim), dtype=np.float32), tuple(0 for _ in texts)
    return (np.ascontiguousarray(np.vstack(per), dtype=np.float32),
            tuple(len(t) for t in per))


def source_vocabulary(sources: Sequence[Source]) -> tuple[str, ...]:
    return tuple(vocabulary(f"{s.label} {s.text}" for s in sources))


def _sentences(chunks: Sequence[Chunk]) -> tuple[list[Span], list[int]]:
    """Every sentence in chunk order, and the id of the chunk each lies in."""
    return ([s for c in chunks for s in c.sentences],
            [c.id for c in chunks for _ in c.sentences])


def clause_owners(sentences: Sequence[Span]) -> list[int]:
    """For each clause row of ``sentence_vectors``, the sentence it belongs to."""
    return [i for i, s in enumerate(sentences) for _ in clauses(s.text)]


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _write_atomic(path: Path, data: bytes) -> None:
    tmp = files.temp_path(path)  # named by this pid: a later run sweeps it if we are killed
    try:
        with open(tmp, "xb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _chunk_to_dict(c: Chunk) -> dict[str, Any]:
    return {
        "id": c.id, "source_id": c.source_id, "start": c.start, "end": c.end,
        "header": c.header, "tokens": c.tokens,
        "sentences": [[s.start, s.end] for s in c.sentences],
    }


def save(index: Index, folder: Path) -> None:
    """Write the index files, then the manifest with their hashes (OSError if it cannot)."""
    folder.mkdir(parents=True, exist_ok=True)
    files.sweep(folder)  # temporary files of a build that was killed
    _write_atomic(folder / "chunks.faiss", faiss.serialize_index(index.chunk_vectors).tobytes())
    _write_atomic(folder / "sentences.faiss", faiss.serialize_index(index.sentence_vectors).tobytes())
    _write_atomic(folder / "vocabulary.faiss",
                  faiss.serialize_index(index.vocabulary_vectors).tobytes())
    tokens = faiss.IndexFlatIP(index.token_vectors.shape[1])
    tokens.add(index.token_vectors)
    _write_atomic(folder / "tokens.faiss", faiss.serialize_index(tokens).tobytes())
    table = {"chunks": [_chunk_to_dict(c) for c in index.chunks],
             "token_counts": list(index.token_counts)}
    _write_atomic(folder / "chunks.json", json.dumps(table, indent=1).encode())
    hashes = {name: _sha256(folder / name) for name in FILES}
    manifest = {**index.manifest, "files": hashes}
    _write_atomic(folder / "manifest.json", (json.dumps(manifest, indent=2) + "\n").encode())


def read_manifest(folder: Path) -> dict[str, Any] | None:
    """The manifest, or None when there is no index; IndexLoadError when it is unreadable."""
    path = folder / "manifest.json"
    if not path.exists():
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IndexLoadError(f"{path} is unreadable ({exc}); {FIX}") from exc
    if not isinstance(manifest, dict) or not isinstance(manifest.get("files"), dict):
        raise IndexLoadError(f"{path} is not an index manifest; {FIX}")
    return manifest


class StaleIndexError(IndexLoadError):
    """The index does not fit this corpus, code or embedder: rebuilt on load, reported by
    ``check``. ``reason`` is the message without the fix."""

    def __init__(self, reason: str):
        super().__init__(f"{reason}; {FIX}")
        self.reason = reason


def is_stale(manifest: dict[str, Any], identity: dict[str, Any]) -> list[str]:
    """The identity fields that differ (empty when the index fits the corpus and model)."""
    return [k for k, v in identity.items() if manifest.get(k) != v]


def embedder_changes(manifest: dict[str, Any], embedder: Embedder) -> list[str]:
    """How the embedder of this process differs from the one that built the index (empty
    when it gives the same vectors). Loads the model, which fingerprints itself once."""
    return fingerprint.differences(manifest.get("embedder"), fingerprint.of(embedder))


def _check_spans(chunks: Sequence[Chunk], sources: Sequence[Source], path: Path) -> None:
    """Every chunk must be a run of its source's sentences, as the splitter finds them in the
    article's text, and together the chunks must hold each sentence once, in order. A table
    whose offsets were edited (and re-hashed) would otherwise quote cut words."""
    title = next((s.text for s in sources if s.kind == "title"), "")
    asked = questions_answered(sources)
    chunked = {s.id: s for s in sources if not s.low_content}
    found: dict[str, list[Span]] = {sid: [] for sid in chunked}
    for number, chunk in enumerate(chunks):
        where = f"{path}: chunk {number} ({chunk.source_id})"
        source = chunked.get(chunk.source_id)
        if chunk.id != number or source is None or not chunk.sentences:
            raise StaleIndexError(f"{where} is not a chunk of the article's text")
        if (chunk.start, chunk.end) != (chunk.sentences[0].start, chunk.sentences[-1].end):
            raise StaleIndexError(f"{where} spans {chunk.start}-{chunk.end}, not its sentences")
        if chunk.header != header_for(source, title, asked.get(source.id)):
            raise StaleIndexError(f"{where} has a header the article does not give it")
        found[source.id].extend(chunk.sentences)
    for source in chunked.values():
        want = sentences_of(source)
        got = found[source.id]
        for i, span in enumerate(got):
            if i >= len(want) or (span.start, span.end) != (want[i].start, want[i].end):
                expected = f"{want[i].start}-{want[i].end}" if i < len(want) else "nothing"
                raise StaleIndexError(
                    f"{path}: sentence {i + 1} of {source.id} is characters {span.start}-"
                    f"{span.end} ({span.text[:30]!r}), where the article has {expected}")
        if len(got) < len(want):
            raise StaleIndexError(f"{path}: {source.id} has {len(want) - len(got)} sentences "
                                  f"no chunk holds")


def load(folder: Path, sources: Sequence[Source], manifest: dict[str, Any]) -> Index:
    """Read and verify an index; any damage is an IndexLoadError naming the file and the fix
    (a StaleIndexError when the chunk table does not match the article's sentences)."""
    for name in FILES:
        path = folder / name
        if not path.is_file():
            raise IndexLoadError(f"{path} is missing; {FIX}")
        if _sha256(path) != manifest["files"].get(name):
            raise IndexLoadError(f"{path} is corrupt (its checksum does not match the manifest); {FIX}")
    by_id = {s.id: s for s in sources}
    path = folder / "chunks.json"
    try:
        table = json.loads(path.read_text(encoding="utf-8"))
        chunks = []
        for row in table["chunks"]:
            src = by_id[row["source_id"]]
            spans = tuple(Span(src.id, a, b, src.text[a:b]) for a, b in row["sentences"])
            chunks.append(Chunk(row["id"], src.id, row["start"], row["end"],
                                src.text[row["start"] : row["end"]], row["header"], spans,
                                row["tokens"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise IndexLoadError(f"{path} does not match the corpus ({exc!r}); {FIX}") from exc
    _check_spans(chunks, sources, path)
    vectors = []
    for name in ("chunks.faiss", "sentences.faiss", "vocabulary.faiss", "tokens.faiss"):
        try:
            raw = np.frombuffer((folder / name).read_bytes(), dtype=np.uint8)
            vectors.append(faiss.deserialize_index(raw))
        except RuntimeError as exc:
            raise IndexLoadError(f"{folder / name} is unreadable by FAISS; {FIX}") from exc
    sentences, owner = _sentences(chunks)
    n_rows = 2 * len(sentences) + len(clause_owners(sentences))
    words = source_vocabulary(sources)
    counts = table.get("token_counts")
    if (not isinstance(counts, list) or len(counts) != len(sentences)
            or not all(isinstance(c, int) and c >= 0 for c in counts)):
        raise IndexLoadError(f"{path} has no word-piece count per sentence; {FIX}")
    if ((vectors[0].ntotal, vectors[1].ntotal, vectors[2].ntotal, vectors[3].ntotal)
            != (len(chunks), n_rows, len(words), sum(counts))):
        raise IndexLoadError(f"{folder} holds vectors that do not match its chunk table; {FIX}")
    tokens = vectors[3].reconstruct_n(0, vectors[3].ntotal) if vectors[3].ntotal else np.zeros(
        (0, vectors[3].d), dtype=np.float32)
    return Index(tuple(chunks), tuple(sentences), tuple(owner), vectors[0], vectors[1], words,
                 vectors[2], manifest, tokens, tuple(counts))


def open_index(
    sources: Sequence[Source], embedder: Embedder, settings: Settings, *, rebuild: bool = False
) -> Index:
    """Load the index for these sources and this embedder, building it when missing or stale.

    A stale index (other corpus, model, chunk settings, sentences, or an embedder giving
    other vectors here) is rebuilt with a log line; a corrupt one raises IndexLoadError. When
    the folder is not writable a rebuilt index is kept in memory only, except for an asked-for
    ``rebuild``, which raises IndexLoadError saying why it could not be saved.
    """
    folder = settings.index_dir
    files.sweep(folder)  # temporary files of a build that was killed
    manifest = None if rebuild else read_manifest(folder)
    if manifest is not None:
        stale = is_stale(manifest, expected_identity(sources, embedder, settings))
        reason = f"{', '.join(stale)} differs"
        if not stale:
            try:
                index = load(folder, sources, manifest)
            except StaleIndexError as exc:
                stale, reason = [exc.reason], exc.reason
            else:
                stale = embedder_changes(manifest, embedder)
                reason = f"embedder: {'; '.join(stale)}"
                if not stale:
                    return index
        if not settings.auto_rebuild:
            raise StaleIndexError(f"{folder} is stale ({reason})")
        log.warning("index in %s is stale (%s): rebuilding", folder, reason)
    elif not rebuild:
        log.warning("no index in %s: building it", folder)
    index = build(sources, embedder, settings)
    try:
        save(index, folder)
    except OSError as exc:
        why = "it is not a folder" if folder.exists() and not folder.is_dir() else (
            exc.strerror or str(exc))
        if rebuild:
            raise IndexLoadError(f"could not save the index to {folder} ({why}): make it a "
                                 "writable folder, or set ASSISTANT_INDEX_DIR to one") from exc
        log.warning("could not save the index to %s (%s): using it from memory", folder, why)
    return index


def check(sources: Sequence[Source], embedder: Embedder, settings: Settings) -> dict[str, Any]:
    """Verify the index in ``settings.index_dir`` without repairing anything: its files and
    spans, that it fits the corpus and settings, that the embedder here gives the vectors it
    was built with (this loads the model), and the model's cached export. Returns the
    manifest; IndexLoadError (or ModelNotFoundError) says what is wrong and the fix."""
    folder = settings.index_dir
    manifest = read_manifest(folder)
    if manifest is None:
        raise IndexLoadError(f"no index in {folder}; {FIX}")
    check_cache = getattr(embedder, "check_cache", None)
    problem = check_cache() if callable(check_cache) else None
    if problem:
        raise ModelNotFoundError(problem)
    stale = is_stale(manifest, expected_identity(sources, embedder, settings))
    if stale:
        raise StaleIndexError(f"{folder} is stale ({', '.join(stale)} changed)")
    load(folder, sources, manifest)
    changes = embedder_changes(manifest, embedder)
    if changes:
        raise StaleIndexError(f"{folder} is stale (embedder: {'; '.join(changes)})")
    return manifest
