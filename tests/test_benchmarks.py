"""The benchmark code runs, and it scores exactly as the team's ``score.py`` does (its verbatim
copy in tests/fixtures, so the check runs in any clone)."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from assistant.config import PROJECT_ROOT, Settings
from assistant.corpus import load_sources
from assistant.embedding import HashEmbedder
from assistant.types import Source
from benchmarks import scoring
from benchmarks.baselines import all_baselines, variant_baselines
from benchmarks.common import DEV
from benchmarks.quality import evaluate, overall_correct

REFERENCE_SCORE = PROJECT_ROOT / "tests" / "fixtures" / "score_reference.py"


@pytest.fixture(scope="module")
def sources() -> list[Source]:
    return load_sources(Settings.from_env().article_path)


def _quote(sources: list[Source], sid: str, phrase: str, n: int = 1) -> dict[str, Any]:
    src = next(s for s in sources if s.id == sid)
    start = src.text.index(phrase)
    return {
        "n": n,
        "text": phrase,
        "start": start,
        "end": start + len(phrase),
        "score": 0.5,
        "source": src.ref(),
    }


def _answer(question: str, quotes: list[dict], text: str | None = None, abstained=False) -> dict:
    body = text if text is not None else " ".join(f"{q['text']} [{q['n']}]" for q in quotes)
    return {"question": question, "answer": body, "abstained": abstained, "quotes": quotes}


def _gold(gid: str, evidence: list[str] | None = None, source: str = "post") -> dict:
    q = "q" + gid[1:]
    if evidence is None:
        return {"id": gid, "question": q, "answerable": False}
    return {"id": gid, "question": q, "answerable": True, "evidence": evidence, "source": source}


def handmade(sources: list[Source]) -> tuple[list[dict], list[dict]]:
    """Gold lines and answers covering each way an answer can score or fail."""
    gold = [
        _gold("h1", ["osteoblasts"]),
        # evidence only in the quote's source metadata (author), right author
        _gold("h2", ["Simran"], "comment:Simran Ghooi"),
        # evidence shown, but cited from the wrong kind of source
        _gold("h3", ["energy regulation"], "comment"),
        _gold("h4", ["x"]),
        _gold("h5", ["bone"]),
        _gold("h6"),
        _gold("h7"),
        # curly quotes in the answer, straight ones in the evidence: folded before matching
        _gold("h8", ['breaking down "old" bone'], "reference|post"),
        _gold("h9", ["nowhere to be found"]),
    ]
    bad = _quote(sources, "post-3", "Oxytocin can bind")
    bad["start"] += 1  # offsets that do not give the text: a verbatim violation
    answers = [
        _answer("q1", [_quote(sources, "post-3", "bone building cells (osteoblasts)")]),
        _answer("q2", [_quote(sources, "comment-2", "hormones such as estrogen")]),
        _answer("q3", [_quote(sources, "post-3", "energy regulation")]),
        _answer("q4", [], "The article does not say.", abstained=True),
        _answer("q5", [_quote(sources, "post-2", "bone")], "bone " * 125),
        _answer("q6", [], "The article does not say.", abstained=True),
        _answer("q7", [bad]),
        _answer(
            "q8",
            [_quote(sources, "post-2", 'breaking down "old" bone')],
            "Osteoporosis: breaking down \u201cold\u201d bone [1]",
        ),
        _answer("q9", [_quote(sources, "title", "New treatment for osteoporosis?")]),
    ]
    return gold, answers


def test_handmade_answers_score_as_worked_out_by_hand(sources):
    gold, answers = handmade(sources)
    got = scoring.score(gold, answers, {s.id: s.text for s in sources})
    assert got["answer_hit"] == round(4 / 7, 3)  # h1 h2 h3 h8
    assert got["cited_correctly"] == round(3 / 7, 3)  # h3 cites a post, not a comment
    assert got["abstain_on_unanswerable"] == 0.5
    assert got["false_abstain"] == round(1 / 7, 3)
    assert got["over_budget"] == 1
    assert got["verbatim_violations"] == 1
    assert got["misses"] == [
        "h3:wrong-citation",
        "h4:abstained",
        "h5:too-long",
        "h7:answered-unanswerable",
        "h9:miss",
    ]
    # derived: answered with the evidence (h1 h2 h3 h8) or rightly abstained (h6), of 9
    assert overall_correct(gold, got) == round(5 / 9, 3)


def test_scoring_matches_the_team_score_script(sources, tmp_path: Path):
    gold, answers = handmade(sources)
    for name, rows in (("gold.jsonl", gold), ("answers.jsonl", answers)):
        (tmp_path / name).write_text("".join(json.dumps(r) + "\n" for r in rows))
    (tmp_path / "sources.json").write_text(json.dumps({"sources": [s.to_dict() for s in sources]}))
    args = [str(tmp_path / n) for n in ("gold.jsonl", "answers.jsonl", "sources.json")]
    reference = subprocess.run(
        [sys.executable, str(REFERENCE_SCORE), *args], capture_output=True, text=True, check=True
    )
    ours = subprocess.run(
        [sys.executable, "-m", "benchmarks.scoring", *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=PROJECT_ROOT,
    )
    assert json.loads(ours.stdout) == json.loads(reference.stdout)


def test_scoring_agrees_with_the_assistants_own_evaluation(sources):
    from assistant import evaluation

    gold, answers = handmade(sources)
    texts = {s.id: s.text for s in sources}
    assert scoring.score(gold, answers, texts) == evaluation.score(gold, answers, texts)


def test_baselines_give_verbatim_contract_answers_and_never_abstain(sources, tmp_path: Path):
    gold = scoring.read_jsonl(DEV)
    systems = all_baselines(sources, HashEmbedder()) + variant_baselines(sources, HashEmbedder())
    results = evaluate(systems, gold, sources, answers_dir=tmp_path)
    assert set(results) == {s.name for s in systems}
    for name, metrics in results.items():
        assert metrics["questions"] == len(gold)
        assert metrics["verbatim_violations"] == 0, name
        assert metrics["false_abstain"] == 0 and metrics["abstain_on_unanswerable"] == 0, name
        written = scoring.read_jsonl(tmp_path / (name.replace("/", "--") + ".jsonl"))
        expected = {k: v for k, v in metrics.items() if k != "overall_correct"}
        assert scoring.score(gold, written) == {**expected, "verbatim_violations": 0}
    bm25 = next(s for s in systems if s.name == "bm25-paragraph")
    answer = bm25.ask("What is the DOI of the cited paper?")
    assert answer.quotes[0].source.id == "reference"
    assert answer.answer.endswith("[1]")
    assert len(systems[2].ask("Which bone cells have oxytocin receptors?").quotes) == 2


def test_scoring_rejects_a_run_of_the_wrong_length():
    with pytest.raises(ValueError, match="2 questions but 1 answers"):
        scoring.score([{"id": "a", "answerable": False}] * 2, [{"abstained": True}])


def test_the_long_page_of_the_library_benchmark_reads_as_5000_words_of_article():
    from assistant.ingest.read import read_bytes
    from benchmarks.library_speed import long_page

    page = read_bytes(long_page(), "long.html").page
    words = sum(len(b.text.split()) for b in page.blocks)
    assert 5000 <= words <= 5500 and page.author == "Ada Example"
    assert not any("Popular posts" in b.text or b.text == "Home" for b in page.blocks)


# -- the evaluation suite of many articles (article_suite.py, articles_report.py) -----------


def _asked(i: int, confidence: float, *, answerable: bool = True, hit: bool = True,
           abstained: bool = False):
    from benchmarks.article_suite import Asked

    shipped_hit = answerable and hit and not abstained
    return Asked(f"q{i}", answerable, confidence, abstained, shipped_hit, shipped_hit,
                 shipped_hit if answerable else abstained, answerable and hit)


def test_risk_coverage_answers_the_most_confident_first_and_marks_the_shipped_point():
    from benchmarks.article_suite import risk_coverage

    records = [
        _asked(1, 0.9),
        _asked(2, 0.8, hit=False),
        _asked(3, 0.6, answerable=False),
        _asked(4, 0.6),
        _asked(5, 0.2, abstained=True),  # under the threshold: the shipped one declined
        _asked(6, 0.1, answerable=False, abstained=True),
    ]
    rc = risk_coverage(records, threshold=0.5)
    # questions of equal confidence (q3, q4) are answered together: one point for both
    assert [(p["coverage"], p["accuracy"]) for p in rc["points"]] == [
        (round(1 / 6, 4), 1.0), (round(2 / 6, 4), 0.5), (round(4 / 6, 4), 0.5),
        (round(5 / 6, 4), 0.6), (1.0, 0.5)]
    assert rc["operating_point"] == {"threshold": 0.5, "coverage": round(4 / 6, 4),
                                     "accuracy": 0.5, "answered": 4}
    assert rc["accuracy_at_full_coverage"] == 0.5
    # in hindsight, answering down to 0.2 gets q1 q4 q5 and declines q6: 4 of 6 right (any
    # higher threshold gets 3 at most)
    assert rc["best_threshold_in_hindsight"] == {"threshold": 0.2, "right_overall": round(4 / 6, 4)}
    assert (rc["questions"], rc["answerable"]) == (6, 4)


def test_asked_scores_each_question_for_the_shipped_and_the_never_abstaining_assistant(assistant):
    from benchmarks.article_suite import asked

    gold = [
        {"id": "a", "question": "Which bone cells have oxytocin receptors?", "answerable": True,
         "evidence": ["osteoblasts"], "source": "post|reference"},
        {"id": "b", "question": "What is the capital of France?", "answerable": False},
    ]
    shipped = [assistant.ask(g["question"]) for g in gold]
    free = list(shipped)
    rows = asked(gold, shipped, free, prefix="x/")
    assert [r.id for r in rows] == ["x/a", "x/b"]
    for r, a in zip(rows, shipped, strict=True):
        assert r.confidence == a.extra["confidence"] and r.abstained == a.abstained
    assert rows[1].hit_if_answered is False and rows[1].right == rows[1].abstained


@pytest.fixture(scope="module")
def suite_result() -> dict[str, Any]:
    """The suite on four small sets with the fake embedder, and a made-up model report."""
    from benchmarks.article_suite import evaluate
    from benchmarks.articles import suite

    wanted = {"bundled:dev", "bundled:followups", "bundled:unseen", "page:medium-style",
              "how-passkeys-work", "night-trains-return"}
    items = [a for a in suite("all") if a.name in wanted]
    cv = {"answer_hit": 0.5, "abstain_on_unanswerable": 0.25, "false_abstain": 0.5,
          "right_overall": 0.375}
    report = {"cross_validation": {
        "method": "leave one out", "metrics": cv,
        "per_article": {"night-trains-return": cv, "bundled:followups": cv},
        "question_calibration": {"bins": [{"bin": "0.0-0.1", "n": 3, "mean_probability": 0.05,
                                           "positives": 0.0}], "ece": 0.05, "brier": 0.01},
        "risk_coverage": [{"coverage": 0.5, "accuracy": 0.8, "threshold": 0.6}]}}
    result = evaluate(items, HashEmbedder(), HashEmbedder(), report)
    return {"generated": "now", "machine": None, "model": {"threshold": 0.28, "questions": 9,
            "fitted_on": ["x"], "cv_risk_coverage": report["cross_validation"]["risk_coverage"]},
            **result}


def test_the_suite_reports_every_article_the_baseline_and_the_pools(suite_result):
    per, pooled = suite_result["articles"], suite_result["pooled"]
    assert set(per) == {"bundled:dev", "bundled:followups", "bundled:unseen",
                        "page:medium-style", "how-passkeys-work", "night-trains-return"}
    for name, r in per.items():
        for system in ("assistant", "dense-sentences"):
            m = r[system]
            assert m["questions"] == r["questions"] == len(r["asked"]), name
            assert m["verbatim_violations"] == 0, (name, system)
            n_un = m["questions"] - m["answerable"]
            right = m["answer_hit"] * m["answerable"] + m["abstain_on_unanswerable"] * n_un
            assert m["right_overall"] == round(right / m["questions"], 3)
        # the baseline never abstains
        assert r["dense-sentences"]["false_abstain"] == 0
        assert r["dense-sentences"]["abstain_on_unanswerable"] == 0
    # tuning sets carry the model report's cross-validated figures, held-out ones none
    assert per["night-trains-return"]["in_sample"] and per["night-trains-return"]["cross_validated"]
    assert not per["how-passkeys-work"]["in_sample"]
    assert per["how-passkeys-work"]["cross_validated"] is None
    held = pooled["heldout"]["assistant"]
    assert held["questions"] == sum(r["questions"] for r in per.values() if r["split"] == "heldout")
    assert set(held["articles"]) == {"bundled:unseen", "page:medium-style", "how-passkeys-work"}
    assert pooled["tuning"]["cross_validated"]["right_overall"] == 0.375


def test_the_shipped_operating_point_is_what_the_assistant_answered(suite_result):
    held = [q for r in suite_result["articles"].values() if r["split"] == "heldout"
            for q in r["asked"]]
    rc = suite_result["risk_coverage"]["heldout"]
    answered = [q for q in held if not q["abstained"]]
    assert rc["questions"] == len(held)
    assert rc["operating_point"]["answered"] == len(answered)
    # the shipped assistant answers exactly the questions whose confidence reaches the threshold
    assert all(q["confidence"] >= rc["operating_point"]["threshold"] for q in answered)
    assert all(q["confidence"] < rc["operating_point"]["threshold"] for q in held
               if q["abstained"])
    # and what it answered is what it answers with abstention off: the point is on the curve
    point = next(p for p in rc["points"] if p["coverage"] == rc["operating_point"]["coverage"])
    assert point["accuracy"] == rc["operating_point"]["accuracy"]


def test_the_summary_shows_the_suite_and_says_which_issue_10_targets_fail(suite_result, tmp_path):
    from benchmarks.common import machine
    from benchmarks.report import write_all

    suite_result = copy.deepcopy(suite_result)
    suite_result["articles"]["bundled:dev"]["assistant"]["right_overall"] = 0.962
    suite_result["pooled"]["heldout"]["assistant"].update(
        answer_hit=0.95, cited_correctly=0.9, abstain_on_unanswerable=0.92, false_abstain=0.07,
        right_overall=0.93, verbatim_violations=0)
    (tmp_path / "articles.json").write_text(json.dumps(suite_result), encoding="utf-8")
    (tmp_path / "speed.json").write_text(json.dumps(
        {"warm": {"latency_ms": {"p50": 11.0, "p95": 12.0, "p99": 13.0, "max": 14.0, "n": 3},
                  "targets_ms": {"p50": 15.0, "p95": 30.0}, "questions": 1, "repetitions": 3},
         "machine": machine()}), encoding="utf-8")
    summary = write_all(tmp_path)
    held = {t["target"].split(": ", 1)[1]: t["holds"] for t in summary["targets"]
            if "held-out pool" in t["target"]}
    assert held == {"answer hit >= 0.92": True, "cited correctly >= 0.92": False,
                    "abstain on unanswerable >= 0.92": True, "false abstain <= 0.06": False,
                    "right overall >= 0.92": True, "verbatim violations = 0": True}
    warm = next(t for t in summary["targets"] if "p50 <= 10 ms" in t["target"])
    assert warm["holds"] is False and warm["measured"].startswith("11.0 ms")
    dev = next(t for t in summary["targets"] if "dev set stays at 1.00" in t["target"])
    assert dev["holds"] is False and dev["measured"] == "0.962"
    assert any("bundled unseen" in t["target"] for t in summary["targets"])
    md = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert "| **pooled held-out** (3 sets) |" in md
    assert "| how-passkeys-work | article.md |" in md
    assert "| bundled:unseen | **held out** |" in md and "| bundled:dev | tuning (in-sample) |" in md
    assert "| night-trains-return |" in md and "in-sample" in md
    assert "| issue 10, held-out pool" in md and "| **no** |" in md
    data = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    assert "articles" in data["files"]
    assert data["articles"]["pooled"]["heldout"]["assistant"]["cited_correctly"] == 0.9
    assert data["articles"]["articles"]["night-trains-return"]["cross_validated"]["right_overall"] == 0.375
    for png in ("summary.png", "articles.png"):
        assert (tmp_path / png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_every_ablation_switch_exists_so_none_is_reported_under_a_false_name(settings):
    from benchmarks.quality import ABLATIONS, assistant_systems

    systems, missing = assistant_systems(settings, HashEmbedder())
    assert missing == {}
    assert {s.name for s in systems} == {"assistant", *(a.name for a in ABLATIONS)}


def test_quality_scores_the_held_out_unseen_set(monkeypatch):
    from benchmarks import quality

    assert quality.UNSEEN.is_file()
    seen: list[str] = []

    def fake_evaluate(systems, gold, sources, answers_dir=None):
        seen.append(str(len(gold)))
        return {}

    monkeypatch.setattr(quality, "evaluate", fake_evaluate)
    monkeypatch.setattr(quality, "variant_baselines", lambda *a: [])
    result = quality.run(embedder_name="hash", quick=True)
    assert list(result["sets"]) == ["dev", "heldout", "followups", "readers", "fresh", "probe", "unseen"]
    assert result["sets"]["unseen"]["gold"] == "benchmarks/data/unseen.jsonl"


def test_the_tuning_halves_split_every_tuning_set_once_and_hold_no_held_out_one():
    """One half designs, the other checks (``halves.json``): each tuning set is in exactly one
    half, and no held-out set is in either, so the check half never reads a held-out article."""
    from benchmarks.articles import HALVES, suite

    tuning = {a.name for a in suite("tuning")}
    heldout = {a.name for a in suite("heldout")}
    a, b = set(HALVES["A"]), set(HALVES["B"])
    assert not a & b
    assert a | b == tuning
    assert not (a | b) & heldout
    assert len(a) and len(b)
