"""Gold questions → metrics, with the definitions of the team's scorer.

``python -m benchmarks.scoring`` runs the same scoring on files; ``DEV_SET`` is the dev set
``assistant eval`` uses by default. (The team's original scorer is kept verbatim in
``tests/fixtures/score_reference.py``; a test checks both agree.)
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .config import PROJECT_ROOT
from .errors import AssistantError

BUDGET_WORDS = 120
DEV_SET = PROJECT_ROOT / "benchmarks" / "data" / "dev.jsonl"
METRICS = ("answer_hit", "cited_correctly", "abstain_on_unanswerable", "false_abstain",
           "over_budget", "median_answer_words", "verbatim_violations")


def norm(s: str) -> str:
    s = s.replace("\u2026", "...").replace("\u2019", "'").replace("\u2018", "'")
    s = s.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s.lower()).strip()


def _quote_text(q: Mapping[str, Any]) -> str:
    src = q.get("source") or {}
    parts = (q.get("text"), src.get("label"), src.get("author"), src.get("date"))
    return " ".join(str(x) for x in parts if x)


def _source_ok(gold: str, quote: Mapping[str, Any]) -> bool:
    src = quote.get("source") or {}
    kind = (src.get("kind") or "").lower()
    author = norm(src.get("author") or "")
    for alt in gold.split("|"):
        want_kind, _, want_author = alt.partition(":")
        want_kind = "reference" if want_kind == "abstract" else want_kind
        k = "reference" if kind == "abstract" else kind
        if k == want_kind and (not want_author or norm(want_author) in author):
            return True
    return False


def read_gold(path: Path) -> list[dict[str, Any]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise AssistantError(f"{path}: line {number}: not JSON ({exc.msg})") from exc
        if not isinstance(row, dict) or "question" not in row or "answerable" not in row:
            raise AssistantError(f"{path}: line {number}: needs 'question' and 'answerable'")
        rows.append(row)
    return rows


def score(
    gold: Sequence[Mapping[str, Any]],
    answers: Sequence[Mapping[str, Any]],
    sources: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """The scorer's metrics for answers in the contract's JSON shape."""
    if len(gold) != len(answers):
        raise ValueError(f"{len(gold)} questions but {len(answers)} answers")
    hit = cited = n_ans = abst_ok = n_un = false_abst = over = 0
    words: list[int] = []
    verbatim_bad: list[str] = []
    misses: list[str] = []
    for i, (g, a) in enumerate(zip(gold, answers, strict=True)):
        gid = str(g.get("id", i + 1))
        quotes = a.get("quotes") or []
        text = a.get("answer") or ""
        w = len(text.split())
        words.append(w)
        for q in quotes:
            sid = str((q.get("source") or {}).get("id"))
            if sources and sid in sources:
                if sources[sid][q.get("start", 0) : q.get("end", 0)] != q.get("text"):
                    verbatim_bad.append(gid)
        if g["answerable"]:
            n_ans += 1
            if a.get("abstained"):
                false_abst += 1
                misses.append(gid + ":abstained")
                continue
            if w > BUDGET_WORDS:
                over += 1
                misses.append(gid + ":too-long")
                continue
            hay = norm(text + " " + " ".join(_quote_text(q) for q in quotes))
            ev = [norm(e) for e in g["evidence"]]
            if any(e in hay for e in ev):
                hit += 1
                if any(_source_ok(g["source"], q) and any(e in norm(_quote_text(q)) for e in ev)
                       for q in quotes):
                    cited += 1
                else:
                    misses.append(gid + ":wrong-citation")
            else:
                misses.append(gid + ":miss")
        else:
            n_un += 1
            if a.get("abstained"):
                abst_ok += 1
            else:
                misses.append(gid + ":answered-unanswerable")
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


def run(assistant: Any, gold: Iterable[Mapping[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Answer every gold question and score the answers."""
    from .service import AskRequest

    gold = list(gold)
    reqs = [AskRequest(str(g["question"]), tuple(g.get("history") or ())) for g in gold]
    answers = []
    for g, r in zip(gold, assistant.ask_many(reqs), strict=True):
        answers.append(r.to_dict() if not isinstance(r, Exception)
                       else {"question": g["question"], "error": str(r)})
    texts = {s.id: s.text for s in assistant.sources()}
    return answers, score(gold, answers, texts)
