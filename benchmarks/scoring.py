"""The scorer: gold questions and answers (JSON lines) in, metrics (one JSON object) out.

Usage, from the repository's root::

    assistant ask --jsonl < benchmarks/data/dev.jsonl > answers.jsonl
    assistant sources --json > sources.json
    python -m benchmarks.scoring benchmarks/data/dev.jsonl answers.jsonl sources.json

The scoring itself is ``assistant.evaluation.score``: the same logic as the team's
``score.py`` (same normalisation, matching and rounding; a verbatim copy is kept in
``tests/fixtures/score_reference.py``), so a benchmark figure equals what ``score.py`` prints
for the same answers. ``tests/test_benchmarks.py`` runs both on the same files.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from assistant.evaluation import norm, score

__all__ = ["METRICS", "norm", "read_jsonl", "read_sources", "score"]

# The metrics a summary table shows, in order (``misses`` and counts are kept in the JSON).
METRICS = (
    "answer_hit",
    "cited_correctly",
    "abstain_on_unanswerable",
    "false_abstain",
    "verbatim_violations",
)


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def read_sources(path: Path) -> dict[str, str]:
    """``assistant sources --json`` output (or a bare list of sources) → id → text."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    items = data if isinstance(data, list) else data.get("sources", [])
    return {s["id"]: s["text"] for s in items}


def main(argv: Sequence[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) not in (2, 3):
        raise SystemExit("usage: python -m benchmarks.scoring GOLD.jsonl ANSWERS.jsonl [SOURCES.json]")
    sources = read_sources(Path(args[2])) if len(args) == 3 else None
    print(json.dumps(score(read_jsonl(Path(args[0])), read_jsonl(Path(args[1])), sources)))


if __name__ == "__main__":
    main()
