"""The embedder's fingerprint: what an index records about the model that built it.

The vectors of a few fixed probe sentences, embedded the way an index is built, and the
runtime's details (for ONNX: the export's SHA-256 and the onnxruntime version; always the
CPU's kernel-choosing instruction sets). An index whose
fingerprint does not match the embedder of this process was built by a model that gives other
vectors here (another CPU's int8 kernels, another export or runtime): it is rebuilt, so a
fresh clone answers as the tests did. The model computes its fingerprint once, when it loads.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

PROBES: tuple[str, ...] = (
    "Which cells break down bone?",
    "The article does not say who wrote the review, but a reader thanked the author on "
    "17 Nov 2014.",
    "Mice lacking oxytocin (OT-/-) lost 20% of their bone mass; injections reversed it "
    "(doi:10.1016/j.bone.2014.01.001).",
    "Ça coûte 5 € — naïve question?",
)
# The same embedder gives the same vectors (bit for bit on one machine, measured); float
# rounding elsewhere moves a probe's cosine by ~1e-7. Another int8 kernel moved it by 1e-2
# before the export's weights were 7-bit (onnx_model.RECIPE 2).
MIN_COSINE = 0.99999


@dataclass(frozen=True, eq=False)
class Fingerprint:
    """Probe vectors (one row per ``PROBES`` sentence) and runtime details."""

    vectors: np.ndarray
    details: Mapping[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """For the manifest: the details, and each probe vector as base64 float32."""
        rows = np.asarray(self.vectors, dtype="<f4")
        return {**self.details, "probes": [base64.b64encode(r.tobytes()).decode() for r in rows]}


def measure(encode: Callable[[list[str]], np.ndarray], details: Mapping[str, str] | None = None
            ) -> Fingerprint:
    return Fingerprint(np.asarray(encode(list(PROBES)), dtype=np.float32),
                       {**dict(details or {}), "cpu_isa": cpu_isa()})


# The instruction sets that choose a runtime's int8 and float kernels. A 2-core Intel Xeon with
# AVX-512 VNNI and AMX gave the short probes the vectors an AMD EPYC with AVX2 gave (cosine
# 1 - 6e-8), but moved the article's longest texts (cosine 0.9993), and with them the scores
# of its answers: an index built on one is rebuilt on the other.
_ISA_FLAGS = ("avx2", "avx512f", "avx512_vnni", "avx512_bf16", "avx_vnni", "amx_int8",
              "amx_bf16", "asimd", "sve")


def cpu_isa(cpuinfo: str | None = None) -> str:
    """The kernel-choosing instruction sets this CPU has (``/proc/cpuinfo``'s flags, joined),
    or "unknown" where the system does not say."""
    if cpuinfo is None:
        try:
            with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as f:
                cpuinfo = f.read(200_000)
        except OSError:
            return "unknown"
    flags: set[str] = set()
    for line in cpuinfo.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() in ("flags", "features"):
            flags.update(value.split())
    found = [f for f in _ISA_FLAGS if f in flags]
    return " ".join(found) if flags else "unknown"


def of(embedder: Any) -> Fingerprint:
    """The embedder's fingerprint: its own (computed once at load) if it keeps one, else
    measured now with ``encode_corpus`` (how an index is built) or ``encode``."""
    own = getattr(embedder, "fingerprint", None)
    if callable(own):
        return own()
    return measure(getattr(embedder, "encode_corpus", embedder.encode))


def _decode(rows: Sequence[str]) -> np.ndarray:
    return np.stack([np.frombuffer(base64.b64decode(r, validate=True), dtype="<f4") for r in rows])


def differences(recorded: object, current: Fingerprint) -> list[str]:
    """What differs between a manifest's ``embedder`` record and ``current`` (empty: same)."""
    if not isinstance(recorded, dict) or "probes" not in recorded:
        return ["no fingerprint recorded"]
    out = [f"{key} {recorded.get(key)} there, {value} here"
           for key, value in current.details.items() if recorded.get(key) != value]
    try:
        old = _decode(recorded["probes"])
    except (TypeError, ValueError):
        return [*out, "unreadable probe vectors"]
    if old.shape != current.vectors.shape:
        return [*out, f"probe vectors of shape {old.shape} there, {current.vectors.shape} here"]
    worst = float((old * current.vectors).sum(axis=1).min())
    if not worst >= MIN_COSINE:
        out.append(f"probe vectors differ (cosine {worst:.5f} < {MIN_COSINE})")
    return out
