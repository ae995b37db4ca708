"""Probe whether a reader trained on the tuning articles adds to the answer model.

    python -m benchmarks.reader_probe candidates out/cands.json      # ~2 min
    python -m benchmarks.reader_probe attention out/cands.json out/scores.json   # ~8 min
    python -m benchmarks.reader_probe cross-encoder out/cands.json out/ce.json --folds 0  # ~17 min a fold
    python -m benchmarks.reader_probe report out/cands.json out/scores.json --dump cv.json

A reader looks at a question and a sentence together and says whether the sentence answers it;
the answer model's signals look at them apart (a dense cosine, word matches, kinds). Two readers
are trained here, out of fold (each tuning article scored by a reader that never saw it; five
folds by article), on the candidates the shipped model retrieves for every tuning question (up
to 12 each, labelled as the fit labels its rows):

- ``attention``: decomposable attention (Parikh et al., 2016) over the frozen contextual token
  vectors of all-MiniLM-L6-v2; only a small head is trained;
- ``cross-encoder``: all-MiniLM-L6-v2 itself fine-tuned on the pair (one epoch).

``report`` compares them with the shipped signals: which candidate each ranks first, and, with
a fit's cross-validated dump (``fit_answering --dump``), whether the reader's score added to the
question's confidence separates answerable from unanswerable questions better (grouped CV),
and what the fit's rule would make of that confidence (``fit_answering.operating_points``:
smoothed right overall with false abstention capped, as the README's ideas table reports).
The findings are in the README's table of ideas tried and not kept (session 19). Only tuning
articles are read.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

K = 12  # candidates per question
FOLDS = 5


def collect(out: Path) -> None:
    """Every tuning question's candidates under the shipped model, read as the assistant reads
    the question (``query_for``) and labelled as the fit labels them (``fit_answering._positive``):
    each candidate's text is the quote as a reader sees it, the text that label judges."""
    from assistant.answering import attribution
    from assistant.config import Settings
    from assistant.embedding import make_embedder

    from .articles import assistant_for
    from .fit_answering import _positive, tuning_items

    embedder = make_embedder(Settings.from_env())
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for item in tuning_items():
            gold = [json.loads(line) for line in item.questions.read_text().splitlines() if line.strip()]
            a = assistant_for(item, embedder, Path(tmp))
            for g in gold:
                query = a.query_for(g["question"], g.get("history") or ())
                cands, _ = a.answerer.candidates(query, None, a._encode([query.text])[0])
                found = [{"text": f"{attribution(c.source)}{c.span.text} {c.source.label}", "prob": c.prob,
                          "pos": _positive(g, c.span.text, c.source)} for c in cands[:K]]
                rows.append({"key": f"{item.name}/{g['id']}", "article": item.name, "question": query.text,
                             "answerable": g["answerable"], "cands": found})
            print(item.name, len(gold), file=sys.stderr)
    out.write_text(json.dumps(rows))


def _pairs(rows: list[dict[str, Any]]) -> list[tuple[str, str, float]]:
    return [(r["question"], c["text"], float(c["pos"])) for r in rows for c in r["cands"]]


def _folds(rows: list[dict[str, Any]]) -> list[set[str]]:
    articles = sorted({r["article"] for r in rows})
    return [set(articles[f::FOLDS]) for f in range(FOLDS)]


def attention(cands: Path, out: Path, hidden: int = 128, epochs: int = 6) -> None:
    """Out-of-fold scores of a decomposable-attention head on frozen MiniLM token vectors."""
    import torch
    from sentence_transformers import SentenceTransformer
    from torch import nn

    from assistant.config import Settings

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    torch.set_num_threads(2)
    torch.manual_seed(0)
    random.seed(0)
    rows = json.loads(cands.read_text())
    texts = sorted({t for r in rows for t in [r["question"], *(c["text"] for c in r["cands"])]})
    encoder = SentenceTransformer(str(Settings.from_env().model_path), device="cpu")
    vectors = encoder.encode(texts, output_value="token_embeddings", batch_size=64)
    tok = {t: torch.nn.functional.normalize(v.float(), dim=1) for t, v in zip(texts, vectors, strict=True)}

    class Reader(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.attend = nn.Sequential(nn.Linear(384, hidden), nn.ReLU(), nn.Linear(hidden, hidden))
            self.compare = nn.Sequential(nn.Linear(384 * 4, hidden), nn.ReLU(),
                                         nn.Linear(hidden, hidden), nn.ReLU())
            self.weight = nn.Linear(384, 1)  # which question word pieces matter
            self.out = nn.Linear(hidden * 2 + 1, 1)

        def forward(self, q: Any, qm: Any, x: Any, xm: Any) -> Any:
            e = torch.einsum("bih,bjh->bij", self.attend(q), self.attend(x))
            beta = torch.softmax(e.masked_fill(~xm[:, None, :], -1e4), -1) @ x
            v = self.compare(torch.cat([q, beta, q * beta, (q - beta).abs()], -1))
            a = torch.softmax(self.weight(q).squeeze(-1).masked_fill(~qm, -1e4), -1)
            cos = torch.einsum("bih,bjh->bij", q, x).masked_fill(~xm[:, None, :], -1).max(-1).values
            weakest = v.masked_fill(~qm[..., None], 1e4).min(1).values
            return self.out(torch.cat([(a[..., None] * v).sum(1), weakest,
                                       (a * cos).sum(1, keepdim=True)], -1)).squeeze(-1)

    def batch(pairs: list[tuple[str, str, float]]) -> tuple[Any, ...]:
        lq, lx = max(len(tok[p[0]]) for p in pairs), max(len(tok[p[1]]) for p in pairs)
        q, x = torch.zeros(len(pairs), lq, 384), torch.zeros(len(pairs), lx, 384)
        qm = torch.zeros(len(pairs), lq, dtype=torch.bool)
        xm = torch.zeros(len(pairs), lx, dtype=torch.bool)
        for i, (a, b, _) in enumerate(pairs):
            q[i, : len(tok[a])], qm[i, : len(tok[a])] = tok[a], True
            x[i, : len(tok[b])], xm[i, : len(tok[b])] = tok[b], True
        return q, qm, x, xm, torch.tensor([p[2] for p in pairs])

    scores: dict[str, list[float]] = {}
    start = time.time()
    for f, held in enumerate(_folds(rows)):
        train = _pairs([r for r in rows if r["article"] not in held])
        reader = Reader()
        opt = torch.optim.AdamW(reader.parameters(), lr=1e-3, weight_decay=1e-4)
        loss_fn = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(3.0))
        for epoch in range(epochs):
            random.shuffle(train)
            for i in range(0, len(train), 64):
                *inputs, y = batch(train[i : i + 64])
                loss = loss_fn(reader(*inputs), y)
                opt.zero_grad()
                loss.backward()
                opt.step()
            print(f"fold {f} epoch {epoch} {time.time() - start:.0f}s", file=sys.stderr)
        with torch.no_grad():
            for r in rows:
                if r["article"] in held and r["cands"]:
                    scores[r["key"]] = reader(*batch(_pairs([r]))[:4]).tolist()
    out.write_text(json.dumps(scores))


def cross_encoder(cands: Path, out: Path, folds: list[int], lr: float = 4e-5) -> None:
    """Out-of-fold scores of all-MiniLM-L6-v2 fine-tuned as a cross-encoder (one epoch)."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    from assistant.config import Settings

    torch.set_num_threads(2)
    torch.manual_seed(0)
    random.seed(0)
    rows = json.loads(cands.read_text())
    path = str(Settings.from_env().model_path)
    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)

    def encode(pairs: list[tuple[str, str, float]]) -> Any:
        return tokenizer([p[0] for p in pairs], [p[1] for p in pairs], truncation=True,
                         max_length=128, padding=True, return_tensors="pt")

    scores: dict[str, list[float]] = {}
    for f, held in enumerate(_folds(rows)):
        if f not in folds:
            continue
        train = _pairs([r for r in rows if r["article"] not in held])
        random.shuffle(train)
        model = AutoModelForSequenceClassification.from_pretrained(path, num_labels=1, local_files_only=True)
        opt = torch.optim.AdamW(model.parameters(), lr=lr, weight_decay=0.01)
        steps = len(train) // 32
        sched = torch.optim.lr_scheduler.LambdaLR(
            opt, lambda s, n=steps: min(1.0, s / (0.1 * n)) * max(0.0, (n - s) / n))
        loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor(3.0))
        model.train()
        for s in range(steps):
            b = train[s * 32 : (s + 1) * 32]
            loss = loss_fn(model(**encode(b)).logits.squeeze(-1), torch.tensor([p[2] for p in b]))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
        model.eval()
        with torch.no_grad():
            for r in rows:
                if r["article"] in held and r["cands"]:
                    scores[r["key"]] = model(**encode(_pairs([r]))).logits.squeeze(-1).tolist()
    out.write_text(json.dumps(scores))


def report(cands: Path, scores_path: Path, dump: Path | None) -> dict[str, Any]:
    """Ranking and answerability figures of a reader's out-of-fold scores."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import roc_auc_score
    from sklearn.model_selection import GroupKFold, cross_val_predict

    from .fit_answering import operating_points

    scores = json.loads(scores_path.read_text())
    rows = [r for r in json.loads(cands.read_text()) if r["key"] in scores]
    answerable = [r for r in rows if r["answerable"]]
    out: dict[str, Any] = {
        "questions": len(rows), "answerable": len(answerable),
        "first_right_shipped_in_sample": sum(r["cands"][0]["pos"] for r in answerable),
        "first_right_reader": sum(r["cands"][int(np.argmax(scores[r["key"]]))]["pos"] for r in answerable),
    }
    if dump is not None:
        cv = {f"{d['article']}/{d['id']}": d for d in json.loads(dump.read_text()) if not d["offtopic"]}
        rows = [r for r in rows if r["key"] in cv]
        y = np.array([r["answerable"] for r in rows])
        hit = np.array([cv[r["key"]]["hit"] for r in rows])
        p = np.clip([cv[r["key"]]["p"] for r in rows], 1e-6, 1 - 1e-6)
        best = np.array([max(scores[r["key"]]) for r in rows])
        X = np.c_[np.log(p / (1 - p)), best]
        groups = [r["article"] for r in rows]

        def oof(cols: list[int]) -> np.ndarray:
            return cross_val_predict(LogisticRegression(), X[:, cols], y, groups=groups,
                                     cv=GroupKFold(5), method="predict_proba")[:, 1]

        def chosen(conf: np.ndarray) -> dict[str, float]:
            """What the fit would choose by (``fit_answering.operating_points``): the best
            smoothed right overall with false abstention capped, and the best right overall."""
            points = operating_points([{"answerable": a, "hit": h, "p": c}
                                       for a, h, c in zip(y, hit, conf, strict=True)])
            capped = [pt for pt in points if pt[0]] or points
            return {"smoothed": max(pt[1] for pt in capped), "right": max(pt[2] for pt in points)}

        alone, both = oof([0]), oof([0, 1])
        out |= {"auc_confidence": round(float(roc_auc_score(y, p)), 3),
                "auc_reader": round(float(roc_auc_score(y, best)), 3),
                "auc_confidence_refit": round(float(roc_auc_score(y, alone)), 3),
                "auc_confidence_and_reader": round(float(roc_auc_score(y, both)), 3),
                "confidence_refit": chosen(alone), "confidence_and_reader": chosen(both)}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("stage", choices=("candidates", "attention", "cross-encoder", "report"))
    ap.add_argument("cands", type=Path, help="the candidates file (written by the 'candidates' stage)")
    ap.add_argument("scores", type=Path, nargs="?", help="a reader's out-of-fold scores")
    ap.add_argument("--dump", type=Path, help="a fit's cross-validated dump (fit_answering --dump)")
    ap.add_argument("--hidden", type=int, default=128)
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--folds", default="0", help="cross-encoder folds to run, e.g. 0,1")
    args = ap.parse_args(argv)
    if args.stage == "candidates":
        collect(args.cands)
    elif args.scores is None:
        ap.error("give the scores file")
    elif args.stage == "attention":
        attention(args.cands, args.scores, args.hidden, args.epochs)
    elif args.stage == "cross-encoder":
        cross_encoder(args.cands, args.scores, [int(f) for f in args.folds.split(",")])
    else:
        print(json.dumps(report(args.cands, args.scores, args.dump), indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
