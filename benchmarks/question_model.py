"""Study the question model offline, from a fit's ``--dump``: variants refitted out of fold.

    python -m benchmarks.fit_answering --dry-run --dump cv.json   # once (stage 1, slow)
    python -m benchmarks.question_model cv.json                    # seconds per variant

The dump holds every tuning question's question features and best candidates under the chosen
sentence model, cross-validated (leave one article out), and the off-topic questions added for
training. Each variant here refits only the question model, leaving each tuning article out in
turn as ``fit_answering`` does, and is reported with ``fit_answering.choose``'s figure (right
overall averaged over neighbouring thresholds, false abstention at most 0.06) on the written
questions, the area under their risk-coverage curve (lower is better) and the share of the
off-topic questions it declines at that threshold. A variant that gains less than the gap
between the two ``as fitted`` lines of two machines (docs/history.md, session 15: about
0.005) is noise.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from assistant.features import FEATURES, QUESTION_FEATURES

from .fit_answering import C_GRID, operating_points

Record = dict[str, Any]
COLUMN = {f: i for i, f in enumerate(FEATURES)}


def summary(written: Sequence[Record]) -> dict[str, float]:
    """``choose``'s figure for one set of confidences, its threshold and the risk-coverage area."""
    _, smooth, _, threshold, metrics = max(
        operating_points(written), key=lambda o: (*o[:3], -abs(o[3] - 0.5)))
    order = sorted(written, key=lambda r: -r["p"])
    right, risks = 0, []
    for k, r in enumerate(order, start=1):
        right += bool(r["hit"])
        risks.append(1 - right / k)
    return {"smoothed_right": smooth, "threshold": threshold, **metrics,
            "risk_coverage_area": round(float(np.mean(risks)), 4)}


def out_of_fold(records: Sequence[Record], Q: np.ndarray, C: float, offtopic_weight: float = 1.0,
                learner: str = "logistic") -> np.ndarray:
    """P(right) for every record from a question model fitted on the other articles."""
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.linear_model import LogisticRegression

    groups = np.array([r["group"] for r in records])
    y = np.array([bool(r["hit"]) for r in records])
    weight = np.array([offtopic_weight if r.get("offtopic") else 1.0 for r in records])
    p = np.zeros(len(records))
    for held in sorted(set(groups)):
        train = (groups != held) & (weight > 0)
        mean, scale = Q[train].mean(axis=0), Q[train].std(axis=0)
        scale[scale < 1e-9] = 1.0
        model: Any = (LogisticRegression(C=C, max_iter=3000) if learner == "logistic" else
                      HistGradientBoostingClassifier(learning_rate=0.05, max_iter=200, max_depth=3,
                                                     min_samples_leaf=20, random_state=0))
        model.fit((Q[train] - mean) / scale, y[train], sample_weight=weight[train])
        p[groups == held] = model.predict_proba((Q[groups == held] - mean) / scale)[:, 1]
    return p


def report(records: Sequence[Record], p: np.ndarray) -> dict[str, float]:
    scored = [{**r, "p": float(q)} for r, q in zip(records, p, strict=True)]
    out = summary([r for r in scored if not r.get("offtopic")])
    offtopic = [r for r in scored if r.get("offtopic")]
    if offtopic:
        out["offtopic_declined"] = round(sum(r["p"] < out["threshold"] for r in offtopic)
                                         / len(offtopic), 3)
    return out


def top(f: str) -> Callable[[Record], float]:
    """The best candidate's sentence feature ``f``."""
    return lambda r: float(r["top_features"][0][COLUMN[f]]) if r["top_features"] else 0.0


def variants(records: Sequence[Record]) -> list[tuple[str, np.ndarray | None, dict[str, Any]]]:
    """(name, extra columns or None, options) for each variant studied."""
    out: list[tuple[str, np.ndarray | None, dict[str, Any]]] = [
        (f"off-topic weight {w}", None, {"offtopic_weight": w}) for w in (0.5, 0.25, 0.0)]
    out.append(("gradient-boosted trees", None, {"learner": "trees"}))
    mass = np.array([[sum(r["top_probs"]), r["top_probs"][0] / max(sum(r["top_probs"]), 1e-9)]
                     if r["top_probs"] else [0.0, 0.0] for r in records])
    out.append(("+ candidates' probability mass", mass, {}))
    for f in FEATURES:
        out.append((f"+ best candidate's {f}", np.array([[top(f)(r)] for r in records]), {}))
    return out


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dump", type=Path, help="a dump written by fit_answering --dump")
    parser.add_argument("--C", type=float, default=None,
                        help="the question model's C (default: the shipped model's); 0: each of "
                             "the fit's grid, the best kept (six times slower)")
    args = parser.parse_args(argv)
    try:
        records = json.loads(args.dump.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise SystemExit(f"cannot read {args.dump}: {exc}") from None
    needed = {"group", "hit", "answerable", "p", "features", "top_probs", "top_features"}
    if not isinstance(records, list) or not records or not all(
            isinstance(r, dict) and needed <= r.keys() for r in records):
        raise SystemExit(f"{args.dump}: not a dump of this fit_answering (each record needs "
                         f"{', '.join(sorted(needed))}; no top_features: made before session 15)")
    Q = np.array([[r["features"][f] for f in QUESTION_FEATURES] for r in records])
    if args.C is None:
        from assistant.answer_model import load_model

        args.C = float(load_model().report["chosen"]["question_C"])
    grid = (args.C,) if args.C else C_GRID

    def best(extra: np.ndarray | None, **options: Any) -> dict[str, float]:
        M = Q if extra is None else np.hstack([Q, extra])
        runs = [report(records, out_of_fold(records, M, C, **options)) for C in grid]
        return max(runs, key=lambda m: (m["smoothed_right"], -m["risk_coverage_area"]))

    fitted = np.array([r["p"] for r in records])
    print("as fitted (the dump's confidences)", json.dumps(report(records, fitted)))
    print("refitted as shipped", json.dumps(best(None)))
    for name, extra, options in variants(records):
        print(name, json.dumps(best(extra, **options)), flush=True)


if __name__ == "__main__":
    main()
