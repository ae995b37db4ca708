"""The benchmark code runs, and it scores exactly as the team's ``score.py`` does (its verbatim
copy in tests/fixtures, so the check runs in any clone)."""

from __future__ import annotations

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
