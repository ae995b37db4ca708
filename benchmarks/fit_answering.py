"""Fit the answer model on the tuning articles only, and report its calibration.

    python -m benchmarks.fit_answering [--dry-run] [--verbose] [--dump FILE] [--without ARTICLE ...]
                                       [--sentence-c C ...] [--question-c C ...] [--keep SHARE ...]

1. For every question of the tuning sets (``split.json``: the bundled article's dev and
   follow-up sets and the tuning articles; never a held-out one), the assistant's candidate
   sentences and their ``FEATURES`` are computed. A candidate is a positive when the quote as
   a reader sees it (a comment's attribution, "A reader, NAME, commented on DATE:", the text,
   the source's label) holds one of the question's evidence phrases and its source is of the
   kind the gold answer must cite; every candidate of an unanswerable question is a negative.
2. Leave-one-article-out cross-validation chooses the regularisation ``C``, the answer
   ``threshold`` and ``keep``: for each tuning article, a logistic regression fitted on the
   others answers its questions through the real ``Assistant.ask``, and the choice that gives
   the best pooled "right overall" (averaged over neighbouring thresholds, among choices whose
   false abstention is at most 0.06: ``choose``) wins.
3. The model is refitted on every tuning article with that choice and written, with the
   cross-validated calibration (reliability of the probabilities, risk-coverage of the answers)
   to ``assistant/answer_model.json``.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.answer_model import MODEL_FILE, AnswerModel, Logistic, default_model
from assistant.answering import AnswerOptions, attribution
from assistant.config import Settings
from assistant.embedding import make_embedder
from assistant.evaluation import _source_ok, norm, read_gold, score
from assistant.features import FEATURES, QUESTION_FEATURES
from assistant.types import Source

from .articles import EvalArticle, assistant_for, suite
from .common import DATA_DIR, now, reliability
from .embed_cache import cached

OFFTOPIC = DATA_DIR / "offtopic.jsonl"

log = logging.getLogger(__name__)

C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.2, 0.81, 0.025))
# Further quotes join the best one when their probability is at least ``keep`` times its
# probability; chosen by cross-validation with the rest (shorter answers win a tie).
KEEPS = (0.3, 0.4, 0.55, 0.7)
# The threshold is chosen on the cross-validated right overall averaged over this many
# neighbouring thresholds each side, among settings that wrongly decline at most this share of
# answerable questions (the target): a refusal of an answer the article gives is the
# error users notice most, and the curve of right overall is flat across a wide band.
SMOOTH = 2
FALSE_ABSTAIN_CAP = 0.06
TOP = 8  # candidates per question kept in --dump


@dataclass
class Rows:
    """The candidate rows of one article's questions."""

    name: str
    X: np.ndarray
    y: np.ndarray
    question: np.ndarray  # the question's number within the article, per row
    gold: list[dict[str, Any]]


def tuning_items() -> list[EvalArticle]:
    """The tuning sets: the bundled article's dev, heldout and follow-up sets, and the
    tuning articles."""
    return suite("tuning")


def _positive(gold: dict[str, Any], text: str, source: Source) -> bool:
    """The candidate answers when the quote as a reader sees it (its attribution, "A reader,
    NAME, commented on DATE:", its text and its source's label) shows the evidence, from the
    kind of source the gold answer must cite. A title whose source records the post's author
    does not show who wrote the post; the byline does."""
    if not gold.get("answerable"):
        return False
    hay = norm(f"{attribution(source)}{text} {source.label}")
    found = any(norm(e) in hay for e in gold["evidence"])
    return found and _source_ok(gold["source"], {"source": source.ref()})


def candidate_rows(assistant: Any, name: str, gold: Sequence[dict[str, Any]]) -> Rows:
    Xs, ys, qs = [], [], []
    for number, g in enumerate(gold):
        query = assistant.query_for(g["question"], g.get("history") or ())
        qvec = assistant._encode([query.text])[0]
        cands, _ = assistant.answerer.candidates(query, None, qvec)
        for c in cands:
            Xs.append(c.features)
            ys.append(_positive(g, c.span.text, c.source))
            qs.append(number)
    return Rows(name, np.array(Xs), np.array(ys, dtype=bool), np.array(qs), list(gold))


def fit(X: np.ndarray, y: np.ndarray, question: np.ndarray, C: float) -> Logistic:
    """The sentence model, by ``SENTENCE_FIT``: "pointwise" or "listwise"."""
    return (fit_listwise if SENTENCE_FIT == "listwise" else fit_pointwise)(X, y, question, C)


def fit_listwise(X: np.ndarray, y: np.ndarray, question: np.ndarray, C: float) -> Logistic:
    """A conditional logit: within each answerable question, the softmax of the candidates'
    scores should put its mass on the positives (L2 penalty 1/C). The bias is then set so
    that sigmoid(score) is a calibrated pointwise probability."""
    from scipy.optimize import minimize

    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale < 1e-9] = 1.0
    Z = (X - mean) / scale
    groups = [np.flatnonzero(question == q) for q in np.unique(question)]
    groups = [g for g in groups if y[g].any()]

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        total = 0.5 / C * float(w @ w)
        grad = w / C
        for g in groups:
            s = Z[g] @ w
            s -= s.max()
            e = np.exp(s)
            p = e / e.sum()
            pos = y[g]
            mass = p[pos].sum()
            total -= float(np.log(max(mass, 1e-12)))
            # d(-log sum_pos p)/dw = sum_all p_j z_j - sum_pos (p_j / mass) z_j
            grad += Z[g].T @ p - Z[g][pos].T @ (p[pos] / max(mass, 1e-12))
        return total / len(groups), grad / len(groups)

    w = minimize(loss, np.zeros(X.shape[1]), jac=True, method="L-BFGS-B").x
    # A bias that makes sigmoid(score) match the share of positives overall.
    from sklearn.linear_model import LogisticRegression

    lr = LogisticRegression(C=1e6, max_iter=1000)
    lr.fit((Z @ w)[:, None], y)
    a, b = float(lr.coef_[0][0]), float(lr.intercept_[0])
    return Logistic(FEATURES, mean, scale, w * a, b)


SENTENCE_FIT = "listwise"


def fit_pointwise(X: np.ndarray, y: np.ndarray, question: np.ndarray, C: float) -> Logistic:
    """A logistic regression on standardised features; each question weighs the same."""
    from sklearn.linear_model import LogisticRegression

    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale < 1e-9] = 1.0
    # Each question counts once, its positives and negatives half each (when it has both).
    weights = np.zeros(len(y))
    for q in np.unique(question):
        at = question == q
        pos, neg = at & y, at & ~y
        if pos.any():
            weights[pos] = 0.5 / pos.sum()
            weights[neg] = 0.5 / max(neg.sum(), 1)
        else:
            weights[neg] = 1.0 / neg.sum()
    weights *= len(np.unique(question)) / weights.sum() * 1.0
    lr = LogisticRegression(C=C, max_iter=2000)
    lr.fit((X - mean) / scale, y, sample_weight=weights)
    return Logistic(FEATURES, mean, scale, lr.coef_[0].astype(np.float64),
                    float(lr.intercept_[0]))


def question_rows(assistant: Any, gold: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per question, with the assistant's current sentence model: the question features and
    whether the answer (given without abstaining) shows the evidence, and the answer's length."""
    from assistant.evaluation import run

    answers, _ = run(assistant, gold)
    out = []
    for g, a in zip(gold, answers, strict=True):
        query = assistant.query_for(g["question"], g.get("history") or ())
        qvec = assistant._encode([query.text])[0]
        cands, _ = assistant.answerer.candidates(query, None, qvec)
        m = score([g], [a], None)
        out.append({"answerable": bool(g["answerable"]),
                    # no candidate at all: always declined (confidence 0), so not fitted on
                    "no_candidates": not cands,
                    "features": assistant.answerer.question_vector(query, cands),
                    "hit": m["answer_hit"] == 1.0 and bool(g["answerable"]),
                    "words": len((a.get("answer") or "").split()),
                    # for --dump: the best candidates, so the question model can be studied
                    # offline (``benchmarks.question_model``) without running stage 1 again
                    "top_probs": [round(float(c.prob), 4) for c in cands[:TOP]],
                    "top_features": [[round(float(v), 4) for v in c.features] for c in cands[:TOP]]})
    return out


def metrics_at(records: Sequence[dict[str, Any]], threshold: float) -> dict[str, float]:
    """The metrics when the questions whose confidence (``p``) reaches ``threshold`` are answered."""
    ans = [r for r in records if r["answerable"]]
    un = [r for r in records if not r["answerable"]]
    hit = sum(r["hit"] and r["p"] >= threshold for r in ans) / max(len(ans), 1)
    abstain = sum(r["p"] < threshold for r in un) / max(len(un), 1)
    false_abstain = sum(r["p"] < threshold for r in ans) / max(len(ans), 1)
    right = (hit * len(ans) + abstain * len(un)) / max(len(records), 1)
    return {"answer_hit": round(hit, 3), "abstain_on_unanswerable": round(abstain, 3),
            "false_abstain": round(false_abstain, 3), "right_overall": round(right, 3)}


def operating_points(records: Sequence[dict[str, Any]]) -> list[tuple[bool, float, float, float,
                                                                      dict[str, float]]]:
    """Each threshold's (false abstention at most ``FALSE_ABSTAIN_CAP``, right overall averaged
    over the threshold and its ``SMOOTH`` neighbours each side, right overall, the threshold,
    its metrics): what ``choose`` ranks."""
    curve = [metrics_at(records, t) for t in THRESHOLDS]
    out = []
    for i, t in enumerate(THRESHOLDS):
        window = curve[max(0, i - SMOOTH): i + SMOOTH + 1]
        smooth = sum(m["right_overall"] for m in window) / len(window)
        out.append((curve[i]["false_abstain"] <= FALSE_ABSTAIN_CAP, round(smooth, 4),
                    curve[i]["right_overall"], t, curve[i]))
    return out


def choose(written: dict[Any, Sequence[dict[str, Any]]]) -> tuple[Any, float]:
    """The setting and threshold to ship: the best cross-validated right overall, averaged over
    the threshold and its ``SMOOTH`` neighbours each side (the curve is flat and noisy near its
    top, so a lone spike is not chosen), among those whose cross-validated false abstention is
    at most ``FALSE_ABSTAIN_CAP``; ties go to the larger ``keep`` and a threshold nearer 0.5."""
    options = [(capped, smooth, right, key[1], -abs(t - 0.5), key, t)
               for key, recs in written.items()
               for capped, smooth, right, t, _ in operating_points(recs)]
    best = max(options, key=lambda o: o[:5])
    return best[5], best[6]


def fit_question(records: Sequence[dict[str, Any]], C: float) -> Logistic:
    from sklearn.linear_model import LogisticRegression

    records = [r for r in records if not r.get("no_candidates")]
    Q = np.vstack([r["features"] for r in records])
    y = np.array([r["hit"] for r in records], dtype=bool)
    mean = Q.mean(axis=0)
    scale = Q.std(axis=0)
    scale[scale < 1e-9] = 1.0
    lr = LogisticRegression(C=C, max_iter=2000)
    lr.fit((Q - mean) / scale, y)
    return Logistic(QUESTION_FEATURES, mean, scale, lr.coef_[0].astype(np.float64),
                    float(lr.intercept_[0]))


def out_of_fold(records: Sequence[dict[str, Any]], C: float) -> list[dict[str, Any]]:
    """Each record with ``p``: P(right) from a question model fitted on the other articles."""
    out = []
    for held in sorted({r["group"] for r in records}):
        train = [r for r in records if r["group"] != held]
        model = fit_question(train, C)
        for r in records:
            if r["group"] == held:
                p = 0.0 if r.get("no_candidates") else \
                    float(model.probabilities(r["features"][None, :])[0])
                out.append({**r, "p": p})
    return out


def risk_coverage(records: Sequence[dict[str, Any]]) -> list[dict[str, float]]:
    """Selective answering: answer the questions whose confidence is highest; at each share
    of questions answered, the share of those answers that are right (an answerable
    question's answer showing the evidence)."""
    order = sorted(records, key=lambda r: -r["p"])
    out = []
    right = 0
    for k, r in enumerate(order, start=1):
        right += r["hit"]
        if k % max(1, len(order) // 20) == 0 or k == len(order):
            out.append({"coverage": round(k / len(order), 3), "accuracy": round(right / k, 3),
                        "threshold": round(r["p"], 3)})
    return out


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dry-run", action="store_true", help="report, do not write the model")
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    parser.add_argument("--dump", type=Path,
                        help="write each question's cross-validated confidence, features and best "
                             "candidates (the off-topic questions too, flagged \"offtopic\")")
    parser.add_argument("--verbose", action="store_true",
                        help="print the best cross-validated figures of every choice")
    parser.add_argument("--without", nargs="*", default=[], metavar="ARTICLE",
                        help="leave these tuning articles out (an ablation)")
    parser.add_argument("--sentence-c", nargs="+", type=float, default=list(C_GRID), metavar="C",
                        help="the sentence model's regularisation values to try (default: the "
                             "whole grid; one value makes a refit at a known setting quicker)")
    parser.add_argument("--question-c", nargs="+", type=float, default=list(C_GRID), metavar="C",
                        help="the question model's regularisation values to try")
    parser.add_argument("--keep", nargs="+", type=float, default=list(KEEPS), metavar="SHARE",
                        help="the shares of the best quote's probability to try for further quotes")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    embedder = cached(make_embedder(Settings.from_env()))
    items = [i for i in tuning_items() if i.name not in args.without]
    if any(i.split != "tuning" for i in items):
        raise SystemExit("only tuning articles may be fitted on")
    base = default_model()
    with tempfile.TemporaryDirectory(prefix="fit-") as tmp:
        work = Path(tmp)
        assistants = {i.name: assistant_for(i, embedder, work, model=base) for i in items}
        golds = {i.name: read_gold(i.questions) for i in items}
        # Off-topic questions no article answers ("What is the capital of France?"), asked of
        # every tuning article once: the written sets hold few, and a user asks them.
        offtopic = read_gold(OFFTOPIC)
        for name in {i.name.split(":")[0]: i.name for i in items}.values():
            golds[name] = golds[name] + [{**g, "id": f"{name}/{g['id']}", "offtopic": True}
                                         for g in offtopic]
        rows = {n: candidate_rows(a, n, golds[n]) for n, a in assistants.items()}
        names = list(rows)
        group = {n: n.split(":")[0] for n in names}  # the bundled sets are one article
        groups = sorted(set(group.values()))

        def stack(ns: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
            X = np.vstack([rows[n].X for n in ns])
            y = np.concatenate([rows[n].y for n in ns])
            q = np.concatenate([rows[n].question + 10_000 * k for k, n in enumerate(ns)])
            return X, y, q

        # Stage 1, leave one article out: sentence models, and the questions they answer.
        records: dict[tuple[float, float], list[dict[str, Any]]] = {}
        sentence_cv: dict[float, tuple[list[np.ndarray], list[np.ndarray]]] = {}
        for C in args.sentence_c:
            probs_all, labels_all = [], []
            for held in groups:
                sentence = fit(*stack([n for n in names if group[n] != held]), C)
                for n in (n for n in names if group[n] == held):
                    probs_all.append(sentence.probabilities(rows[n].X))
                    labels_all.append(rows[n].y)
                    a = assistants[n]
                    for keep in args.keep:
                        a.answerer.model = AnswerModel(sentence, base.question, 0.0, keep)
                        a.answerer.options = AnswerOptions(abstain=False)
                        records.setdefault((C, keep), []).extend(
                            {**r, "group": held, "article": n, "q": g["question"], "id": g.get("id"),
                             "offtopic": bool(g.get("offtopic"))}
                            for r, g in zip(question_rows(a, golds[n]), golds[n], strict=True))
            sentence_cv[C] = (probs_all, labels_all)
        # Stage 2, leave one article out: the question model and its threshold.
        scored: dict[tuple[float, float, float], list[dict[str, Any]]] = {}
        for (C, keep), recs in records.items():
            for C2 in args.question_c:
                scored[(C, keep, C2)] = out_of_fold(recs, C2)
        # The off-topic questions train the question model, but the choice (and every figure
        # reported) is made on the written questions alone, the kind the assistant is judged on.
        written = {key: [r for r in recs if not r["offtopic"]] for key, recs in scored.items()}
        (C, keep, C2), threshold = choose(written)
        for key in sorted(written) if args.verbose else ():
            t_best = max(THRESHOLDS, key=lambda t: metrics_at(written[key], t)["right_overall"])
            words = [r["words"] for r in written[key] if r["p"] >= t_best]
            sentence_C, k, question_C = key
            print(f"C {sentence_C} keep {k} C2 {question_C}: best threshold {t_best} "
                  f"{metrics_at(written[key], t_best)} median words "
                  f"{float(np.median(words)) if words else 0}", file=sys.stderr)
        chosen = written[(C, keep, C2)]
        sentence = fit(*stack(names), C)
        question = fit_question(records[(C, keep)], C2)
        probs, labels = sentence_cv[C]
        per_article = {}
        for n in names:
            recs = [r for r in chosen if r["article"] == n]
            per_article[n] = metrics_at(recs, threshold)
        report = {
            "fitted": now(),
            "fitted_on": names,
            "rows": int(sum(len(r.y) for r in rows.values())),
            "positives": int(sum(r.y.sum() for r in rows.values())),
            "questions": int(sum(len(g) for g in golds.values())),
            "offtopic_questions": int(sum(g.get("offtopic", False) for gs in golds.values() for g in gs)),
            "chosen": {"sentence_C": C, "question_C": C2, "keep": keep, "threshold": threshold},
            "cross_validation": {
                "method": "leave one tuning article out, for both models; figures on the written "
                          "questions (the off-topic ones added for training left out)",
                "metrics": metrics_at(chosen, threshold),
                "median_answer_words": float(np.median([r["words"] for r in chosen
                                                        if r["p"] >= threshold] or [0])),
                "per_article": per_article,
                "question_calibration": reliability(
                    np.array([r["p"] for r in chosen]), np.array([r["hit"] for r in chosen], dtype=float)),
                "sentence_calibration": reliability(np.concatenate(probs),
                                                    np.concatenate(labels).astype(float)),
                "risk_coverage": risk_coverage(chosen),
            },
            "sentence_weights": {f: round(float(w), 4)
                                 for f, w in zip(FEATURES, sentence.weights, strict=True)},
            "question_weights": {f: round(float(w), 4)
                                 for f, w in zip(QUESTION_FEATURES, question.weights, strict=True)},
        }
        final = AnswerModel(sentence, question, threshold, keep, report)
    print(json.dumps(report["chosen"]), "rows", report["rows"], "questions", report["questions"])
    print("cv", json.dumps(report["cross_validation"]["metrics"]),
          "hit when always answering", round(np.mean([r["hit"] for r in chosen if r["answerable"]]), 3))
    for n, m in per_article.items():
        print(f"  {n:<36} {json.dumps(m)}")
    print("question calibration ece", report["cross_validation"]["question_calibration"]["ece"],
          "sentence ece", report["cross_validation"]["sentence_calibration"]["ece"])
    for title, weights in (("sentence", report["sentence_weights"]),
                           ("question", report["question_weights"])):
        print(title, ", ".join(f"{f} {w:+.2f}" for f, w in
                               sorted(weights.items(), key=lambda kv: -abs(kv[1]))))
    if args.dump:
        args.dump.write_text(json.dumps([{**r, "features": dict(zip(QUESTION_FEATURES,
                                                                     map(float, r["features"]),
                                                                     strict=True))}
                                         for r in scored[(C, keep, C2)]], indent=0),
                             encoding="utf-8")
    if not args.dry_run:
        args.out.write_text(json.dumps(final.to_dict(), indent=1) + "\n", encoding="utf-8")
        print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
