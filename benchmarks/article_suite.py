"""The evaluation suite as a benchmark stage: the assistant and a tutorial baseline on every
article, per article and pooled, with the held-out risk-coverage curve.

    python -m benchmarks.article_suite [--embedder minilm|hash] [--only NAME] [--out FILE]

For each article of ``benchmarks.articles.suite("all")`` (the bundled article's four sets, the
text articles of ``benchmarks/data/articles/`` and the saved pages of ``tests/fixtures/pages/``):

- ``assistant``: ``Assistant.ask`` as shipped (with each question's history), and the same
  assistant with abstention off (``AnswerOptions(abstain=False)``), whose answers say what the
  shipped one would have got right had it answered everything;
- ``dense-sentences``: the tutorial baseline of ``baselines.py`` (top-2 sentences by cosine,
  float MiniLM as published, never abstains) on the same article's sources.

Both are scored by ``assistant.evaluation.score``. The tuning articles fitted the shipped
answer model, so their figures here are in-sample; their leave-one-article-out figures from
``assistant/answer_model.json`` ("report" -> "cross_validation") are kept beside them.
Writes ``benchmarks/results/articles.json``.
"""

from __future__ import annotations

import argparse
import json
import logging
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.answering import AnswerOptions
from assistant.config import Settings
from assistant.embedding import Embedder
from assistant.evaluation import read_gold, score
from assistant.types import Answer

from .articles import EvalArticle, assistant_for, right_overall, suite
from .baselines import dense_sentences
from .common import RESULTS_DIR, embedders, machine, now, reliability, write_json

log = logging.getLogger(__name__)

OUT = RESULTS_DIR / "articles.json"
BASELINE = "dense-sentences"
# The figures each article and pool reports, in table order.
METRICS = ("answer_hit", "cited_correctly", "abstain_on_unanswerable", "false_abstain",
           "right_overall", "verbatim_violations")
DEFINITIONS = {
    "answer_hit": "share of answerable questions whose answer shows an evidence phrase",
    "cited_correctly": "... and a quote holding it comes from the right kind of source",
    "abstain_on_unanswerable": "share of unanswerable questions answered 'the article does not say'",
    "false_abstain": "share of answerable questions wrongly declined",
    "right_overall": "(right answers + right abstentions) / all questions",
    "verbatim_violations": "quotes whose text is not source_text[start:end] (must be 0)",
    "risk_coverage": "held-out questions in decreasing confidence (Answer.extra['confidence']); "
                     "at each share answered (coverage), the share of those answers that are "
                     "right (accuracy): an answerable question answered, with abstention off, "
                     "with its evidence; an unanswerable question answered is never right",
    "cross_validated": "tuning articles only: each article answered by models fitted on the "
                       "other tuning articles (leave one article out), from "
                       "assistant/answer_model.json; in-sample figures of tuning articles are "
                       "optimistic",
}


@dataclass(frozen=True)
class Asked:
    """One question's outcome for the shipped assistant (and the same one never abstaining)."""

    id: str
    answerable: bool
    confidence: float  # the question model's P(right); 0 when no passage was a candidate
    abstained: bool
    hit: bool  # the shipped answer shows the evidence (answerable questions)
    cited: bool
    right: bool  # hit on an answerable question, or abstained on an unanswerable one
    hit_if_answered: bool  # with abstention off, the answer shows the evidence

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "answerable": self.answerable, "confidence": self.confidence,
                "abstained": self.abstained, "hit": self.hit, "cited": self.cited,
                "right": self.right, "hit_if_answered": self.hit_if_answered}


def _as_dict(question: str, got: Answer | Exception) -> dict[str, Any]:
    return got.to_dict() if isinstance(got, Answer) else {"question": question, "error": str(got)}


def _confidence(got: Answer | Exception) -> float:
    if not isinstance(got, Answer):
        return 0.0
    return float(got.extra.get("confidence", 0.0))


def metrics(gold: Sequence[Mapping[str, Any]], answers: Sequence[Mapping[str, Any]],
            texts: Mapping[str, str] | None) -> dict[str, Any]:
    """The scorer's metrics plus right overall."""
    m = score(gold, answers, texts)
    m["right_overall"] = right_overall(m, gold)
    m["answerable"] = sum(1 for g in gold if g["answerable"])
    return m


def asked(gold: Sequence[Mapping[str, Any]], shipped: Sequence[Answer | Exception],
          free: Sequence[Answer | Exception], texts: Mapping[str, str] | None = None,
          prefix: str = "") -> list[Asked]:
    """Per question: the shipped answer's confidence and outcome, and whether the answer given
    with abstention off shows the evidence."""
    out = []
    for i, (g, s, f) in enumerate(zip(gold, shipped, free, strict=True)):
        q = str(g["question"])
        one = score([g], [_as_dict(q, s)], texts)
        one_free = score([g], [_as_dict(q, f)], texts)
        answerable = bool(g["answerable"])
        abstained = bool(isinstance(s, Answer) and s.abstained)
        hit = answerable and one["answer_hit"] == 1.0
        out.append(Asked(
            id=f"{prefix}{g.get('id', i + 1)}", answerable=answerable, confidence=_confidence(s),
            abstained=abstained, hit=hit, cited=answerable and one["cited_correctly"] == 1.0,
            right=hit if answerable else abstained,
            hit_if_answered=answerable and one_free["answer_hit"] == 1.0))
    return out


def risk_coverage(records: Sequence[Asked], threshold: float) -> dict[str, Any]:
    """Selective answering on ``records``: answer in decreasing confidence; after each group of
    equal confidence, the share answered (coverage) and the share of answers right (accuracy).
    The shipped operating point is what the assistant actually answered (confidence reaching
    ``threshold``)."""
    n = len(records)
    order = sorted(records, key=lambda r: -r.confidence)
    points: list[dict[str, float]] = []
    right = 0
    for k, r in enumerate(order, start=1):
        right += r.hit_if_answered
        if k == n or order[k].confidence != r.confidence:
            points.append({"coverage": round(k / n, 4), "accuracy": round(right / k, 4),
                           "confidence": round(r.confidence, 4)})
    answered = [r for r in records if not r.abstained]
    best = best_threshold(records)
    # Area under the risk (1 - accuracy) - coverage curve, per question: lower is better.
    risks, wrong = [], 0
    for k, r in enumerate(order, start=1):
        wrong += not r.hit_if_answered
        risks.append(wrong / k)
    return {
        "questions": n,
        "answerable": sum(r.answerable for r in records),
        "points": points,
        "operating_point": {
            "threshold": threshold,
            "coverage": round(len(answered) / max(n, 1), 4),
            "accuracy": round(sum(r.hit for r in answered) / max(len(answered), 1), 4),
            "answered": len(answered),
        },
        "accuracy_at_full_coverage": round(sum(r.hit_if_answered for r in records) / max(n, 1), 4),
        "best_threshold_in_hindsight": best,
        "aurc": round(float(np.mean(risks)), 4) if risks else None,
    }


def best_threshold(records: Sequence[Asked]) -> dict[str, float] | None:
    """The threshold that would have given these questions the most right overall, chosen
    after seeing them: not a fair figure, but it tells a threshold problem (it would reach
    the target) from a ranking problem (no threshold does)."""
    if not records:
        return None
    cuts = sorted({r.confidence for r in records}) + [float("inf")]

    def right(t: float) -> int:
        return sum((r.confidence >= t and r.hit_if_answered) if r.answerable else r.confidence < t
                   for r in records)

    t = max(cuts, key=lambda c: (right(c), -abs(c - 0.5)))
    return {"threshold": round(t, 4) if t != float("inf") else None,
            "right_overall": round(right(t) / len(records), 4)}


def confidence_calibration(records: Sequence[Asked], bins: int = 10) -> dict[str, Any]:
    """How well the confidence predicts a right answer (with abstention off)."""
    return reliability([r.confidence for r in records], [r.hit_if_answered for r in records], bins)


def cross_validated(report: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The answer model's leave-one-article-out figures: per tuning set, and pooled."""
    cv = report.get("cross_validation") or {}
    return dict(cv.get("per_article") or {}), cv.get("metrics")


def _layout(item: EvalArticle) -> str:
    if item.article is None:
        return "bundled corpus"
    return "saved HTML page" if item.is_page else item.article.name


def _pool(parts: Iterable[tuple[str, list[dict[str, Any]], list[dict[str, Any]], int]]
          ) -> dict[str, Any]:
    """Pooled metrics over (name, gold, answers, verbatim violations) of several articles."""
    gold: list[dict[str, Any]] = []
    answers: list[dict[str, Any]] = []
    verbatim = 0
    names = []
    for name, g, a, v in parts:
        names.append(name)
        gold += [{**q, "id": f"{name}/{q.get('id')}"} for q in g]
        answers += a
        verbatim += v
    m = metrics(gold, answers, None)  # offsets were checked per article
    m["verbatim_violations"] = verbatim
    m["articles"] = names
    return m


class _Cache:
    """One assistant (and one baseline) per article: the bundled sets share theirs."""

    def __init__(self, embedder: Embedder, baseline_embedder: Embedder, workdir: Path):
        self.embedder, self.baseline_embedder, self.workdir = embedder, baseline_embedder, workdir
        self._got: dict[str, tuple[Any, Any, Any]] = {}

    def get(self, item: EvalArticle) -> tuple[Any, Any, Any]:
        from assistant.service import Assistant

        key = str(item.article) if item.article else "bundled"
        if key not in self._got:
            shipped = assistant_for(item, self.embedder, self.workdir)
            options = shipped.answer_options
            free = Assistant(shipped.settings, shipped.sources(), shipped.index, shipped.embedder,
                             answering=AnswerOptions(max_quotes=options.max_quotes,
                                                     max_words=options.max_words, abstain=False),
                             model=shipped.model)
            baseline = dense_sentences(shipped.sources(), self.baseline_embedder)
            self._got[key] = (shipped, free, baseline)
        return self._got[key]


def evaluate(items: Sequence[EvalArticle], embedder: Embedder, baseline_embedder: Embedder,
             model_report: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Every article's figures, the pooled figures per split, the held-out risk-coverage
    curve and calibration: the content of ``articles.json`` (without the machine)."""
    from assistant.service import AskRequest

    cv_per, cv_pooled = cross_validated(model_report or {})
    per: dict[str, Any] = {}
    pools: dict[str, dict[str, list]] = {}
    records: dict[str, list[Asked]] = {}
    threshold = None
    with tempfile.TemporaryDirectory(prefix="article-suite-") as tmp:
        cache = _Cache(embedder, baseline_embedder, Path(tmp))
        for item in items:
            shipped, free, baseline = cache.get(item)
            threshold = shipped.model.threshold
            gold = read_gold(item.questions)
            texts = {s.id: s.text for s in shipped.sources()}
            reqs = [AskRequest(str(g["question"]), tuple(g.get("history") or ())) for g in gold]
            got, got_free = shipped.ask_many(reqs), free.ask_many(reqs)
            answers = [_as_dict(r.question, a) for r, a in zip(reqs, got, strict=True)]
            base = [baseline.ask(r.question, r.history).to_dict() for r in reqs]
            m, mb = metrics(gold, answers, texts), metrics(gold, base, texts)
            rows = asked(gold, got, got_free, texts, prefix=f"{item.name}/")
            records.setdefault(item.split, []).extend(rows)
            in_sample = item.split == "tuning"
            per[item.name] = {
                "split": item.split,
                "layout": _layout(item),
                "questions": len(gold),
                "answerable": m["answerable"],
                "in_sample": in_sample,
                "assistant": m,
                BASELINE: mb,
                "cross_validated": cv_per.get(item.name) if in_sample else None,
                "asked": [r.to_dict() for r in rows],
            }
            for system, ans, mm in (("assistant", answers, m), (BASELINE, base, mb)):
                pools.setdefault(item.split, {}).setdefault(system, []).append(
                    (item.name, gold, ans, mm["verbatim_violations"]))
            log.info("%-40s %-8s right %.3f (baseline %.3f)", item.name, item.split,
                     m["right_overall"], mb["right_overall"])
    pooled: dict[str, Any] = {}
    for split, systems in pools.items():
        pooled[split] = {system: _pool(parts) for system, parts in systems.items()}
        if split == "tuning":
            pooled[split]["cross_validated"] = cv_pooled
    held = records.get("heldout", [])
    t = float(threshold) if threshold is not None else 0.5
    return {
        "definitions": DEFINITIONS,
        "articles": per,
        "pooled": pooled,
        "risk_coverage": {"heldout": risk_coverage(held, t)} if held else {},
        "calibration": {
            "heldout": confidence_calibration(held) if held else None,
            "cross_validated": ((model_report or {}).get("cross_validation") or {})
            .get("question_calibration"),
        },
    }


def model_summary(report: Mapping[str, Any], threshold: float) -> dict[str, Any]:
    """What the shipped answer model was fitted on, and how."""
    cv = report.get("cross_validation") or {}
    return {"threshold": threshold, "fitted": report.get("fitted"),
            "fitted_on": report.get("fitted_on"), "chosen": report.get("chosen"),
            "questions": report.get("questions"),
            "offtopic_questions": report.get("offtopic_questions", 0), "cv_method": cv.get("method"),
            "cv_risk_coverage": cv.get("risk_coverage")}


def run(*, embedder_name: str = "minilm", only: Sequence[str] = ()) -> dict[str, Any]:
    """``articles.json``: every article (or those named in ``only``) with the machine."""
    from assistant.answer_model import load_model

    settings = Settings.from_env()
    embedder, baseline_embedder = embedders(embedder_name, settings)
    model = load_model()
    items = [a for a in suite("all") if not only or a.name in only]
    result = evaluate(items, embedder, baseline_embedder, model.report)
    return {
        "generated": now(),
        "machine": machine(),
        "embedder": {"assistant": embedder.name, BASELINE: baseline_embedder.name},
        "model": model_summary(model.report, model.threshold),
        **result,
    }


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.article_suite",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--embedder", default="minilm", choices=("minilm", "hash"),
                        help="hash: the fake test embedder (a smoke run; figures meaningless)")
    parser.add_argument("--only", action="append", default=[], help="article name (repeatable)")
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write (default {OUT})")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    result = run(embedder_name=args.embedder, only=args.only)
    write_json(args.out, result)
    for split, pool in result["pooled"].items():
        a = pool["assistant"]
        print(f"pooled {split}: " + json.dumps({k: a[k] for k in METRICS}))
    log.info("wrote %s", args.out)
    return result


if __name__ == "__main__":
    main()
