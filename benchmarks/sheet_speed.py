"""Q&A sheet speed: 100 questions answered and rendered in all three formats, model loaded.

    python -m benchmarks.sheet_speed [--runs N]

Target (issue "Q&A sheets"): under 5 s on 2 cores. Writes benchmarks/results/sheet_speed.json.
"""

from __future__ import annotations

import argparse
import statistics
import time

from assistant import Assistant, sheet

from .common import RESULTS_DIR, write_json

OUT = RESULTS_DIR / "sheet_speed.json"


def run(runs: int = 5) -> dict:
    a = Assistant.load()
    a.warm_up()
    starters = a.examples()
    text = "\n".join(f"{starters[i % len(starters)]} ({i})" for i in range(100))
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        rows = sheet.answer_items(a, sheet.read_questions(text))
        for fmt in sheet.FORMATS:
            sheet.render(rows, fmt, a.sources())
        seconds.append(time.perf_counter() - start)
        assert not sheet.failures(rows)
    return {"questions": 100, "runs": runs, "seconds": [round(s, 3) for s in seconds],
            "median_seconds": round(statistics.median(seconds), 3), "target_seconds": 5.0}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.sheet_speed", description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    result = run(parser.parse_args().runs)
    write_json(OUT, result)
    print(f"100 questions: median {result['median_seconds']} s over {result['runs']} runs")


if __name__ == "__main__":
    main()
