"""The real model on the gold questions: the targets of the core issue (integration)."""

import json
import subprocess
import sys

import pytest

from assistant.config import PROJECT_ROOT
from assistant.evaluation import read_gold, run, score

pytestmark = pytest.mark.integration

DEV = PROJECT_ROOT / "benchmarks" / "data" / "dev.jsonl"
REFERENCE_SCORE = PROJECT_ROOT / "tests" / "fixtures" / "score_reference.py"
HELDOUT = PROJECT_ROOT / "benchmarks" / "data" / "heldout.jsonl"


def test_dev_questions_meet_the_targets(real_assistant):
    _, m = run(real_assistant, read_gold(DEV))
    assert m["verbatim_violations"] == 0
    # The answer model is fitted on many articles, not tuned to these 26 questions: the two
    # misses left (d01, d13) are paraphrases ("traditionally" for "previously", "disease" for
    # "condition"); see docs/history.md.
    assert m["answer_hit"] >= 0.90, m["misses"]
    assert m["cited_correctly"] >= 0.90, m["misses"]
    assert m["abstain_on_unanswerable"] >= 0.90, m["misses"]
    assert m["false_abstain"] <= 0.05, m["misses"]
    assert m["over_budget"] == 0


def test_team_heldout_questions(real_assistant):
    """Questions the method was not tuned on: a looser bar, but it must hold."""
    _, m = run(real_assistant, read_gold(HELDOUT))
    assert m["verbatim_violations"] == 0
    assert m["answer_hit"] >= 0.9, m["misses"]
    assert m["abstain_on_unanswerable"] >= 0.7, m["misses"]


def test_cli_jsonl_scored_by_the_team_scorer(tmp_path):
    """`assistant ask --jsonl` end to end, scored by the team's score.py (its copy)."""
    exe = [sys.executable, "-m", "assistant.cli"]
    gold = DEV.read_text()
    r = subprocess.run([*exe, "ask", "--jsonl"], input=gold, capture_output=True, text=True,
                       timeout=300, check=False)
    assert r.returncode == 0, r.stderr[-2000:]
    answers = [json.loads(line) for line in r.stdout.splitlines()]
    assert len(answers) == len([g for g in gold.splitlines() if g.strip()])
    src = subprocess.run([*exe, "sources", "--json"], capture_output=True, text=True, check=True)
    texts = {s["id"]: s["text"] for s in json.loads(src.stdout)["sources"]}
    ours = score(read_gold(DEV), answers, texts)
    (tmp_path / "a.jsonl").write_text(r.stdout)
    (tmp_path / "s.json").write_text(src.stdout)
    out = subprocess.run([sys.executable, str(REFERENCE_SCORE), str(DEV), str(tmp_path / "a.jsonl"),
                          str(tmp_path / "s.json")], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == ours
    assert ours["answer_hit"] >= 0.90 and ours["verbatim_violations"] == 0


@pytest.mark.parametrize("question", ["Does estrogen regulate bone mass?",
                                      "Do mice have oxytocin receptors?",
                                      "Does vitamin D reduce the risk of fractures?"])
def test_yes_no_answers_lead_with_a_passage_about_their_subject(real_assistant, question):
    """A yes/no question about X is answered first from a passage (a paragraph, a comment)
    naming X, or not at all."""
    from assistant.query import make_query
    from assistant.text import stem, terms

    topic = make_query(question).yes_no_topic
    answer = real_assistant.ask(question)
    assert topic
    if not answer.abstained:
        passage = answer.quotes[0].source
        assert stem(topic) in terms(f"{passage.text} {passage.author or ''}"), (question, passage.text)
