"""The gold-question metrics of ``../shared/qa/score.py``, as functions the benchmarks can call.

A faithful copy of that script's logic (same normalisation, same matching, same rounding),
so a benchmark figure equals what ``score.py`` prints for the same answers. The test
``tests/test_benchmarks.py`` runs both on the same files and compares.

Usage: ``python -m benchmarks.scoring GOLD.jsonl ANSWERS.jsonl [SOURCES.json]``
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

BUDGET_WORDS = 120

# The metrics a summary table shows, in order (``misses`` and counts are kept in the JSON).
METRICS = (
    "answer_hit",
    "cited_correctly",
    "abstain_on_unanswerable",
    "false_abstain",
    "verbatim_violations",
)


def norm(s: str) -> str:
    """Lower-case, whitespace-folded; curly quotes and the ellipsis folded to ASCII."""
    s = s.replace("\u2026", "...").replace("\u2019", "'").replace("\u2018", "'")
    s = s.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s.lower()).strip()


def quote_text(q: Mapping[str, Any]) -> str:
    """A quote's text with its source's label, author and date: what a reader sees cited."""
    src = q.get("source") or {}
    return " ".join(
        str(x) for x in (q.get("text"), src.get("label"), src.get("author"), src.get("date")) if x
    )


def source_ok(gold: str, quote: Mapping[str, Any]) -> bool:
    """Does the quote come from the kind (and author) the gold line asks for?"""
    src = quote.get("source", {}) or {}
    kind = (src.get("kind") or "").lower()
    author = norm(src.get("author") or "")
    for alt in gold.split("|"):
        want_kind, _, want_author = alt.partition(":")
        if want_kind == "abstract":
            want_kind = "reference"
        k = "reference" if kind == "abstract" else kind
        if k == want_kind and (not want_author or norm(want_author) in author):
            return True
    return False


def score(
    gold: Sequence[Mapping[str, Any]],
    answers: Sequence[Mapping[str, Any]],
    sources: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """Metrics for ``answers`` (contract JSON dicts) against ``gold``, line by line.

    ``sources`` maps source id → text; with it, quotes are checked to be verbatim.
    """
    if len(gold) != len(answers):
        raise ValueError(f"{len(gold)} questions but {len(answers)} answers")
    sources = sources or {}
    hit = cited = n_ans = abst_ok = n_un = false_abst = over = 0
    words: list[int] = []
    verbatim_bad: list[str] = []
    misses: list[str] = []
    for g, a in zip(gold, answers, strict=True):
        quotes = a.get("quotes") or []
        text = a.get("answer") or ""
        w = len(text.split())
        words.append(w)
        for q in quotes:
            sid = (q.get("source") or {}).get("id")
            if (
                sources
                and sid in sources
                and sources[sid][q.get("start", 0) : q.get("end", 0)] != q.get("text")
            ):
                verbatim_bad.append(g["id"])
        if g["answerable"]:
            n_ans += 1
            if a.get("abstained"):
                false_abst += 1
                misses.append(g["id"] + ":abstained")
                continue
            if w > BUDGET_WORDS:
                over += 1
                misses.append(g["id"] + ":too-long")
                continue
            hay = norm(text + " " + " ".join(quote_text(q) for q in quotes))
            ev = [norm(e) for e in g["evidence"]]
            if any(e in hay for e in ev):
                hit += 1
                if any(
                    source_ok(g["source"], q) and any(e in norm(quote_text(q)) for e in ev) for q in quotes
                ):
                    cited += 1
                else:
                    misses.append(g["id"] + ":wrong-citation")
            else:
                misses.append(g["id"] + ":miss")
        else:
            n_un += 1
            if a.get("abstained"):
                abst_ok += 1
            else:
                misses.append(g["id"] + ":answered-unanswerable")
    return {
        "questions": len(gold),
        "answer_hit": round(hit / max(n_ans, 1), 3),
        "cited_correctly": round(cited / max(n_ans, 1), 3),
        "abstain_on_unanswerable": round(abst_ok / max(n_un, 1), 3),
        "false_abstain": round(false_abst / max(n_ans, 1), 3),
        "over_budget": over,
        "median_answer_words": sorted(words)[len(words) // 2] if words else 0,
        "verbatim_violations": len(verbatim_bad),
        "misses": misses,
    }


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
