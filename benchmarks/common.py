"""What every benchmark shares: paths, the machine description, timing helpers, JSON output."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from assistant.config import Settings
    from assistant.embedding import Embedder

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent
DATA_DIR = BENCH_DIR / "data"
RESULTS_DIR = BENCH_DIR / "results"
# Scratch space (indexes built by the benchmarks); git-ignored.
TMP_DIR = RESULTS_DIR / "tmp"
DEV = DATA_DIR / "dev.jsonl"
PYTHON = sys.executable
HELDOUT = DATA_DIR / "heldout.jsonl"
# A few follow-up questions whose pronoun only the history resolves (the ablation probe).
FOLLOWUPS = DATA_DIR / "followups.jsonl"
# Questions a curious reader might ask (paraphrases, one-word and sloppy questions, follow-ups),
# written in session 20 (2026-11-30) before any run on them; tuning: their first run showed
# the method's faults that session fixed (benchmarks/data/articles/SPLIT.md).
READERS = DATA_DIR / "readers.jsonl"
# More such questions (a quarter unanswerable, follow-ups, who/when, sloppy), written in
# session 24 (2026-11-30) by a helper who had not seen unseen.jsonl, before any run on them;
# tuning: their first run informed that session's follow-up fix.
FRESH = DATA_DIR / "fresh.jsonl"
# Fifty more (16 unanswerable), written in session 33 (2026-12-02) by a helper who read only
# the article, before any run on them; after the first run four evidence labels were put in
# the scorer's conventions (a comment's date without "on", a caption's kind, a reader's name
# instead of the signature line), no question changed; tuning.
PROBE = DATA_DIR / "probe.jsonl"
# The bundled article's questions written later by someone who saw neither the assistant nor
# its answers: held out (benchmarks/data/articles/SPLIT.md).
UNSEEN = DATA_DIR / "unseen.jsonl"


def embedders(name: str, settings: Settings) -> tuple[Embedder, Embedder]:
    """(the assistant's embedder, the tutorial baselines') for ``--embedder NAME``: the fake
    for both with "hash"; else the shipped model, and for the baselines the model as
    published (float32), not int8."""
    from assistant.embedding import HashEmbedder, MiniLMEmbedder, make_embedder

    if name == "hash":
        fake = HashEmbedder()
        return fake, fake
    return make_embedder(settings), MiniLMEmbedder(settings.model_path, quantize=False)


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _ram_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def _version(module: str) -> str | None:
    try:
        mod = __import__(module)
    except ImportError:
        return None
    return str(getattr(mod, "__version__", "unknown"))


def machine() -> dict[str, Any]:
    """The machine the figures were measured on: they mean little without it."""
    return {
        "platform": platform.platform(),
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "ram_gb": _ram_gb(),
        "python": platform.python_version(),
        "torch": _version("torch"),
        "sentence_transformers": _version("sentence_transformers"),
        "onnxruntime": _version("onnxruntime"),
        "faiss": _version("faiss"),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def distribution(values: Sequence[float], unit: str) -> dict[str, Any]:
    """Summary of repeated measurements (already in ``unit``): median first, then the spread.

    Percentiles interpolate linearly (numpy's default).
    """
    arr = np.asarray(values, dtype=float)
    return {
        "unit": unit,
        "n": int(arr.size),
        "median": round(float(np.median(arr)), 3),
        "p50": round(float(np.percentile(arr, 50)), 3),
        "p95": round(float(np.percentile(arr, 95)), 3),
        "p99": round(float(np.percentile(arr, 99)), 3),
        "min": round(float(arr.min()), 3),
        "max": round(float(arr.max()), 3),
        "mean": round(float(arr.mean()), 3),
        "runs": [round(float(x), 3) for x in arr] if arr.size <= 50 else None,
    }


@dataclass(frozen=True)
class ProcessRun:
    """One child process: wall time, its own peak RSS, exit code and output."""

    wall_s: float
    peak_rss_mb: float
    returncode: int
    stdout: str
    stderr: str


# Runs a command and reports its wall time and peak RSS. A small launcher, because Linux
# counts the RSS a child inherits at fork in its ``ru_maxrss``: forked straight from a
# benchmark process that holds a model, every child would "peak" at the parent's size.
_LAUNCHER = r"""
import json, os, sys, time
out, cmd = sys.argv[1], sys.argv[2:]
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(cmd[0], cmd)
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
with open(out, "w") as fh:
    json.dump({"wall": wall, "maxrss_kb": usage.ru_maxrss,
               "code": os.waitstatus_to_exitcode(status)}, fh)
"""


def run_process(cmd: Sequence[str], env: Mapping[str, str], cwd: Path = ROOT) -> ProcessRun:
    """Run ``cmd`` to completion: its own wall time and peak RSS (``wait4``), exit code, output."""
    with (
        tempfile.TemporaryDirectory() as tmp,
        tempfile.TemporaryFile() as out,
        tempfile.TemporaryFile() as err,
    ):
        stats = Path(tmp) / "stats.json"
        subprocess.run(
            [PYTHON, "-S", "-c", _LAUNCHER, str(stats), *cmd],
            env=dict(env),
            cwd=cwd,
            stdout=out,
            stderr=err,
            check=False,
        )
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode(errors="replace")
        stderr = err.read().decode(errors="replace")
        if not stats.is_file():
            raise RuntimeError(f"could not run {cmd[0]}: {stderr.strip()[-500:]}")
        got = json.loads(stats.read_text())
    return ProcessRun(
        wall_s=got["wall"],
        peak_rss_mb=round(got["maxrss_kb"] / 1024, 1),  # Linux reports KiB
        returncode=got["code"],
        stdout=stdout,
        stderr=stderr,
    )


def bench_env(**extra: str) -> dict[str, str]:
    """The environment benchmark subprocesses run in: offline, repo importable."""
    env = dict(os.environ)
    env["HF_HUB_OFFLINE"] = "1"
    env["TRANSFORMERS_OFFLINE"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env.update(extra)
    return env


def write_json(path: Path, data: Mapping[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


def read_json(path: Path) -> dict[str, Any] | None:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def reliability(probs: Sequence[float] | np.ndarray, labels: Sequence[float] | np.ndarray,
                bins: int = 10) -> dict[str, Any]:
    """Calibration of probabilities against 0/1 outcomes: per bin of probability, the mean
    probability and the share of positives; the expected calibration error (ECE) and the
    Brier score (None with no data)."""
    p = np.asarray(probs, dtype=float)
    y = np.asarray(labels, dtype=float)
    edges = np.linspace(0, 1, bins + 1)
    table, ece = [], 0.0
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        at = (p >= lo) & ((p < hi) if hi < 1 else (p <= hi))
        if not at.any():
            continue
        mean_p, frac = float(p[at].mean()), float(y[at].mean())
        ece += at.sum() / len(p) * abs(mean_p - frac)
        table.append({"bin": f"{lo:.1f}-{hi:.1f}", "n": int(at.sum()),
                      "mean_probability": round(mean_p, 3), "positives": round(frac, 3)})
    brier = round(float(np.mean((p - y) ** 2)), 4) if len(p) else None
    return {"bins": table, "ece": round(ece, 4), "brier": brier}
