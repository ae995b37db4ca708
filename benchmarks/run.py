"""Every benchmark, then the summary: ``make bench`` runs ``python -m benchmarks.run``.

    python -m benchmarks.run [--quick] [--skip-quality] [--skip-articles] [--skip-speed]

Writes ``benchmarks/results/{quality,articles,speed,summary}.json``, ``summary.md``,
``summary.png`` and ``articles.png``. ``load_api.json`` (the API helper's
``python -m benchmarks.load_api``) is folded into the summary when present; it is not rerun
here because it starts a server.
"""

from __future__ import annotations

import argparse
import logging

from . import article_suite, quality, report, speed
from .common import RESULTS_DIR, write_json

log = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions: a smoke run")
    parser.add_argument("--skip-quality", action="store_true")
    parser.add_argument("--skip-articles", action="store_true",
                        help="skip the evaluation suite of many articles (articles.json)")
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    if not args.skip_quality:
        write_json(quality.OUT, quality.run(quick=args.quick))
    if not args.skip_articles:
        write_json(article_suite.OUT, article_suite.run())
    if not args.skip_speed:
        runs, reps, builds = speed.QUICK if args.quick else speed.FULL
        write_json(speed.OUT, speed.run(runs=runs, reps=reps, build_runs=builds))
    summary = report.write_all()
    for t in summary["targets"]:
        log.info("%-4s %s: %s", "ok" if t["holds"] else "MISS", t["target"], t["measured"])
    log.info("results in %s", RESULTS_DIR)


if __name__ == "__main__":
    main()
