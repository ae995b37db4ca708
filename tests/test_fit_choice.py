"""How the fitting script picks the shipped threshold from cross-validated curves."""

from __future__ import annotations

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
