"""The answer model: which sentence answers, and whether to answer at all.

Two small logistic regressions over standardised features, fitted on the tuning articles only
by ``benchmarks/fit_answering.py`` and stored with their cross-validated calibration report in
``assistant/answer_model.json``:

- ``sentence``: P(this sentence answers this question), from ``features.FEATURES``; the
  candidates are ranked by it.
- ``question``: P(the answer built from the best candidates is right), from
  ``features.QUESTION_FEATURES`` (the best candidates' probabilities and signals, what the
  question asks for and how much of it the article knows). The assistant answers when it
  reaches ``threshold``, and otherwise says the article does not say.

Further candidates join the best one in the answer when their sentence probability is at
least ``keep`` times the best one's.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .errors import ModelNotFoundError
from .features import FEATURES, QUESTION_FEATURES

MODEL_FILE = Path(__file__).with_name("answer_model.json")
_REFIT = "refit it with `python -m benchmarks.fit_answering`"


@dataclass(frozen=True)
class Logistic:
    """A logistic regression on standardised features."""

    features: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float

    def probabilities(self, X: np.ndarray) -> np.ndarray:
        z = ((X - self.mean) / self.scale) @ self.weights + self.bias
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "mean": [round(float(v), 6) for v in self.mean],
            "scale": [round(float(v), 6) for v in self.scale],
            "weights": [round(float(v), 6) for v in self.weights],
            "bias": round(float(self.bias), 6),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any], expected: tuple[str, ...]) -> Logistic:
        features = tuple(data["features"])
        if features != expected:
            differ = sorted(set(features) ^ set(expected)) or ["their order"]
            raise ModelNotFoundError(f"the answer model was fitted on other features "
                                     f"({', '.join(differ)} differ); {_REFIT}")
        return cls(features, np.array(data["mean"], dtype=np.float64),
                   np.array(data["scale"], dtype=np.float64),
                   np.array(data["weights"], dtype=np.float64), float(data["bias"]))

    @classmethod
    def hand_set(cls, features: tuple[str, ...], weights: dict[str, float], bias: float) -> Logistic:
        n = len(features)
        w = np.zeros(n)
        for name, value in weights.items():
            w[features.index(name)] = value
        return cls(features, np.zeros(n), np.ones(n), w, bias)


@dataclass(frozen=True)
class AnswerModel:
    sentence: Logistic
    question: Logistic
    threshold: float = 0.5
    keep: float = 0.6
    report: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {"threshold": self.threshold, "keep": self.keep,
                "sentence": self.sentence.to_dict(), "question": self.question.to_dict(),
                "report": self.report}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AnswerModel:
        return cls(Logistic.from_dict(data["sentence"], FEATURES),
                   Logistic.from_dict(data["question"], QUESTION_FEATURES),
                   float(data["threshold"]), float(data["keep"]), dict(data.get("report", {})))


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL_FILE) -> AnswerModel:
    """The fitted model shipped with the package."""
    try:
        return AnswerModel.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelNotFoundError(f"cannot read the answer model {path} ({exc}); reinstall the "
                                 f"package or {_REFIT}") from exc


def default_model() -> AnswerModel:
    """A hand-set starting point (similarity and coverage only) for building the first
    training set; never shipped."""
    sentence = Logistic.hand_set(FEATURES, {"dense": 3.0, "dense_ctx": 2.0, "coverage_syn": 2.0,
                                            "coverage": 1.0}, -4.0)
    question = Logistic.hand_set(QUESTION_FEATURES, {"p1": 4.0}, -2.0)
    return AnswerModel(sentence, question, 0.5, 0.6)
