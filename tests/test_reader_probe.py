"""benchmarks.reader_probe: the figures it reports, and its readers' out-of-fold scores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import reader_probe


def _cands(n_articles: int = 10) -> list[dict]:
    rows = []
    for a in range(n_articles):
        for q in range(4):
            answerable = q < 3
            cands = [{"text": f"The museum in town {a} opened in {1900 + q}.", "prob": 0.6,
                      "pos": answerable},
                     {"text": f"Town {a} has a river and {q + 2} bridges.", "prob": 0.3, "pos": False}]
            if q == 1:  # the shipped model ranks the right sentence second
                cands.reverse()
            rows.append({"key": f"art{a}/q{q}", "article": f"art{a}", "answerable": answerable,
                         "question": f"When did the museum in town {a} open?", "cands": cands})
    return rows


def test_report_counts_what_each_ranks_first_and_how_well_the_reader_separates(tmp_path: Path) -> None:
    rows = _cands()
    # a reader that always puts the right sentence first, and scores unanswerable questions low
    scores = {r["key"]: [5.0 if c["pos"] else -5.0 for c in r["cands"]] for r in rows}
    dump = [{"article": r["article"], "id": r["key"].split("/")[1], "offtopic": False,
             "answerable": r["answerable"], "hit": r["answerable"] and r["cands"][0]["pos"],
             "p": 0.7 if int(r["key"][-1]) % 2 else 0.4} for r in rows]
    (tmp_path / "c.json").write_text(json.dumps(rows))
    (tmp_path / "s.json").write_text(json.dumps(scores))
    (tmp_path / "d.json").write_text(json.dumps(dump))

    out = reader_probe.report(tmp_path / "c.json", tmp_path / "s.json", tmp_path / "d.json")

    assert out["answerable"] == 30
    assert out["first_right_shipped_in_sample"] == 20  # q1's right sentence is ranked second
    assert out["first_right_reader"] == 30
    assert out["auc_reader"] == 1.0
    assert out["auc_confidence"] < 1.0
    assert out["auc_confidence_and_reader"] > out["auc_confidence_refit"]
    # judged as the fit chooses (smoothed right overall, false abstention capped)
    assert out["confidence_and_reader"]["smoothed"] > out["confidence_refit"]["smoothed"]


def test_report_without_a_dump_gives_only_the_ranking(tmp_path: Path) -> None:
    rows = _cands(2)
    (tmp_path / "c.json").write_text(json.dumps(rows))
    (tmp_path / "s.json").write_text(json.dumps({r["key"]: [0.0, 1.0] for r in rows}))
    out = reader_probe.report(tmp_path / "c.json", tmp_path / "s.json", None)
    assert out["first_right_reader"] == 2  # q1 of each article: its right sentence is second
    assert "auc_reader" not in out


def test_a_scores_file_is_required_past_the_candidates_stage(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        reader_probe.main(["report", str(tmp_path / "c.json")])
    assert "give the scores file" in capsys.readouterr().err


@pytest.mark.integration
def test_both_readers_score_every_candidate_of_held_out_articles(tmp_path: Path) -> None:
    (tmp_path / "c.json").write_text(json.dumps(_cands()))
    reader_probe.attention(tmp_path / "c.json", tmp_path / "a.json", hidden=16, epochs=1)
    scores = json.loads((tmp_path / "a.json").read_text())
    assert len(scores) == 40 and all(len(v) == 2 for v in scores.values())

    reader_probe.cross_encoder(tmp_path / "c.json", tmp_path / "ce.json", folds=[0])
    scores = json.loads((tmp_path / "ce.json").read_text())
    assert set(scores) == {f"art{a}/q{q}" for a in (0, 5) for q in range(4)}  # fold 0's articles
