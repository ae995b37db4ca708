"""How the fitting script picks the shipped threshold from cross-validated curves."""

from __future__ import annotations

import json

import pytest

from benchmarks import fit_answering
from benchmarks.fit_answering import THRESHOLDS, choose


@pytest.fixture
def curves(monkeypatch):
    """Settings described by functions of the threshold, in place of their records."""
    monkeypatch.setattr(fit_answering, "metrics_at", lambda recs, t: recs(t))


def curve(right, false_abstain=0.0):
    return lambda t: {"right_overall": right(t), "false_abstain": false_abstain}


def test_a_lone_spike_loses_to_a_broad_plateau(curves):
    spike_at = THRESHOLDS[20]
    spiky = curve(lambda t: 0.80 if t == spike_at else 0.70)
    plateau = curve(lambda t: 0.78 if 0.3 <= t <= 0.5 else 0.70)
    key, threshold = choose({(1.0, 0.4, 0.1): spiky, (1.0, 0.3, 0.1): plateau})
    assert key == (1.0, 0.3, 0.1)
    assert 0.3 <= threshold <= 0.5


def test_a_setting_that_refuses_too_many_answers_is_not_chosen(curves):
    eager = curve(lambda t: 0.75, false_abstain=0.03)
    strict = curve(lambda t: 0.80, false_abstain=0.12)
    key, _ = choose({(1.0, 0.3, 0.1): eager, (1.0, 0.7, 0.1): strict})
    assert key == (1.0, 0.3, 0.1)


def test_without_a_setting_under_the_cap_the_best_is_still_chosen(curves):
    worse = curve(lambda t: 0.70, false_abstain=0.2)
    better = curve(lambda t: 0.75, false_abstain=0.2)
    assert choose({(1.0, 0.3, 0.1): worse, (1.0, 0.4, 0.1): better})[0] == (1.0, 0.4, 0.1)


def _dump(tmp_path, n_groups=3, per_group=30):
    """A small dump in fit_answering's --dump layout: the first question feature tells the
    answerable questions (all answered right) from the rest; every fourth is off-topic."""
    import json

    import numpy as np

    from assistant.features import FEATURES, QUESTION_FEATURES

    rng = np.random.default_rng(0)
    records = []
    for g in range(n_groups):
        for i in range(per_group):
            offtopic = i % 4 == 3
            answerable = not offtopic and i % 3 != 0
            x = rng.normal(size=len(QUESTION_FEATURES))
            x[0] += 2.0 if answerable else -2.0
            records.append({"group": f"a{g}", "article": f"a{g}", "id": f"a{g}-{i}",
                            "offtopic": offtopic, "answerable": answerable,
                            "hit": answerable, "p": float(1 / (1 + np.exp(-x[0]))),
                            "words": 10, "features": dict(zip(QUESTION_FEATURES, map(float, x), strict=True)),
                            "top_probs": [0.5, 0.2],
                            "top_features": [[0.1] * len(FEATURES), [0.0] * len(FEATURES)]})
    path = tmp_path / "cv.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    return path


@pytest.mark.slow  # ~10 s: some fifty variants, each refitted three times
def test_question_model_study_refits_out_of_fold_and_reports_each_variant(tmp_path, capsys):
    from benchmarks import question_model

    question_model.main([str(_dump(tmp_path)), "--C", "1"])
    lines = capsys.readouterr().out.splitlines()
    names = [line.split(" {")[0] for line in lines]
    assert names[:3] == ["as fitted (the dump's confidences)", "refitted as shipped",
                         "off-topic weight 0.5"]
    assert "+ best candidate's dense" in names
    fitted = json.loads(lines[1].split(" ", 3)[3])
    # the signal is learnable: the refitted model answers the right ones and declines the rest
    assert fitted["smoothed_right"] > 0.7 and "offtopic_declined" in fitted


def test_question_model_study_refuses_a_dump_it_cannot_use(tmp_path):
    from benchmarks import question_model

    old = tmp_path / "old.json"
    old.write_text('[{"features": {}, "p": 0.5}]', encoding="utf-8")
    with pytest.raises(SystemExit, match="no top_features"):
        question_model.main([str(old), "--C", "1"])
    broken = tmp_path / "broken.json"
    broken.write_text('[{"features": ', encoding="utf-8")
    with pytest.raises(SystemExit, match="cannot read"):
        question_model.main([str(broken), "--C", "1"])
    with pytest.raises(SystemExit, match="cannot read"):
        question_model.main([str(tmp_path / "missing.json"), "--C", "1"])


def test_a_question_with_no_candidate_is_declined_and_not_fitted_on(assistant):
    """"Who wrote the first comment?" of an unsigned one leaves no candidate: its question
    features are all zero, the fit leaves it out, and cross-validation declines it."""
    import numpy as np

    from benchmarks.fit_answering import out_of_fold, question_rows

    gold = [{"id": "x", "question": "Who wrote the first reader comment?", "answerable": False}]
    (row,) = question_rows(assistant, gold)
    assert row["no_candidates"] and not np.any(row["features"])
    rng = np.random.default_rng(0)
    others = [{"features": rng.normal(size=len(row["features"])), "hit": bool(k % 2),
               "group": f"g{k % 3}"} for k in range(30)]
    scored = out_of_fold([*others, {**row, "group": "g0"}], 1.0)
    assert next(r for r in scored if r.get("id") is None and r.get("no_candidates"))["p"] == 0.0
