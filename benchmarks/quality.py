"""Quality: the assistant, its ablations and three tutorial baselines on the gold questions.

    python -m benchmarks.quality [--quick] [--embedder minilm|hash]

Every system answers every question of the bundled article's sets in ``benchmarks/data/``
(``dev.jsonl``, ``heldout.jsonl``, ``followups.jsonl``, ``readers.jsonl`` and ``fresh.jsonl``, which tuned the
assistant, and the held-out ``unseen.jsonl``, when present) and is scored with the metrics of
the scorer (``benchmarks/scoring.py``). Writes ``benchmarks/results/quality.json`` and each system's
answers as JSON lines under ``benchmarks/results/answers/`` so any figure can be rechecked
with ``python -m benchmarks.scoring`` itself.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from assistant.config import Settings
from assistant.corpus import load_sources
from assistant.embedding import Embedder
from assistant.types import Answer, Source

from .baselines import all_baselines, variant_baselines
from .common import (
    DEV,
    FOLLOWUPS,
    FRESH,
    HELDOUT,
    PROBE,
    READERS,
    RESULTS_DIR,
    TMP_DIR,
    UNSEEN,
    embedders,
    machine,
    now,
    write_json,
)
from .scoring import read_jsonl, score

log = logging.getLogger(__name__)

OUT = RESULTS_DIR / "quality.json"
ANSWERS_DIR = RESULTS_DIR / "answers"


class System(Protocol):
    name: str

    def ask(self, question: str, history: Sequence[str] = ()) -> Answer: ...


@dataclass(frozen=True)
class Ablation:
    """The assistant with one part switched off, through the options the core exposes."""

    name: str
    description: str
    retrieval: dict[str, Any] = field(default_factory=dict)  # RetrievalOptions fields
    answering: dict[str, Any] = field(default_factory=dict)  # AnswerOptions fields
    drop_history: bool = False  # ask without the conversation: no follow-up handling


ABLATIONS = (
    Ablation("assistant/dense-only", "no BM25: dense retrieval only", {"lexical": False}),
    Ablation("assistant/lexical-only", "no embeddings: BM25 and term overlap only", {"dense": False}),
    Ablation(
        "assistant/no-clauses",
        "long sentences matched whole only, not also on their clauses",
        {"clauses": False},
    ),
    Ablation(
        "assistant/no-follow-up",
        "earlier questions ignored (each question asked alone)",
        drop_history=True,
    ),
    Ablation("assistant/no-abstention", "always answers", answering={"abstain": False}),
)


class AssistantSystem:
    """``Assistant.ask`` under a benchmark name (optionally without the history)."""

    def __init__(self, name: str, assistant: Any, *, drop_history: bool = False):
        self.name = name
        self._assistant = assistant
        self._drop_history = drop_history

    def ask(self, question: str, history: Sequence[str] = ()) -> Answer:
        return self._assistant.ask(question, () if self._drop_history else history)


def _options(cls: type, values: dict[str, Any]) -> tuple[Any, list[str]]:
    """``cls(**values)`` keeping only the fields it has; the missing ones are returned."""
    known = {f.name for f in dataclasses.fields(cls)}
    missing = [k for k in values if k not in known]
    return cls(**{k: v for k, v in values.items() if k in known}), missing


def assistant_systems(settings: Settings, embedder: Embedder) -> tuple[list[System], dict]:
    """The assistant and its ablations, all sharing one index and one model.

    Returns the systems and, per ablation, the switches the core does not (yet) expose;
    an ablation missing a switch is left out rather than reported under a false name.
    """
    from assistant import Assistant
    from assistant.answering import AnswerOptions
    from assistant.retrieval import RetrievalOptions

    base = Assistant.load(settings, embedder=embedder)
    systems: list[System] = [AssistantSystem("assistant", base)]
    missing: dict[str, list[str]] = {}
    for ab in ABLATIONS:
        retrieval, miss_r = _options(RetrievalOptions, ab.retrieval)
        answering, miss_a = _options(
            AnswerOptions,
            {
                "max_words": settings.max_answer_words,
                "max_quotes": settings.max_quotes,
                **ab.answering,
            },
        )
        if miss_r or miss_a:
            missing[ab.name] = [f"RetrievalOptions.{m}" for m in miss_r] + [
                f"AnswerOptions.{m}" for m in miss_a
            ]
            continue
        variant = Assistant(
            settings, base.sources(), base.index, embedder, retrieval=retrieval, answering=answering
        )
        systems.append(AssistantSystem(ab.name, variant, drop_history=ab.drop_history))
    return systems, missing


def answer_all(system: System, gold: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    return [system.ask(g["question"], tuple(g.get("history", ()))).to_dict() for g in gold]


def overall_correct(gold: Sequence[dict[str, Any]], metrics: dict[str, Any]) -> float:
    """Share of all questions handled right: answered with the evidence, or rightly abstained.

    Derived from ``score``'s miss list (not a ``score.py`` metric): it puts a system that
    never abstains and one that does on one scale.
    """
    failed = sum(
        1
        for m in metrics["misses"]
        if m.rsplit(":", 1)[1] in ("abstained", "too-long", "miss", "answered-unanswerable")
    )
    return round((len(gold) - failed) / max(len(gold), 1), 3)


def evaluate(
    systems: Sequence[System],
    gold: Sequence[dict[str, Any]],
    sources: Sequence[Source],
    answers_dir: Path | None = None,
) -> dict[str, dict[str, Any]]:
    """Each system's metrics on ``gold``; its answers go to ``answers_dir`` if given."""
    texts = {s.id: s.text for s in sources}
    out: dict[str, dict[str, Any]] = {}
    for system in systems:
        answers = answer_all(system, gold)
        metrics = score(gold, answers, texts)
        metrics["overall_correct"] = overall_correct(gold, metrics)
        out[system.name] = metrics
        if answers_dir is not None:
            answers_dir.mkdir(parents=True, exist_ok=True)
            path = answers_dir / (system.name.replace("/", "--") + ".jsonl")
            path.write_text("".join(json.dumps(a) + "\n" for a in answers), encoding="utf-8")
    return out


DESCRIPTIONS = {
    "assistant": "the assistant as shipped (hybrid retrieval, fitted answer model, abstention)",
    "bm25-paragraph": "top-1 paragraph by BM25 (rank-bm25), never abstains",
    "dense-paragraph": "top-1 paragraph by MiniLM cosine (FAISS IndexFlatIP), never abstains",
    "dense-sentences": "top-2 sentences by MiniLM cosine (FAISS IndexFlatIP), never abstains",
    "bm25-paragraph/whitespace-no-heading": "BM25 on whitespace tokens, paragraph text only",
    "bm25-paragraph/no-heading": "BM25 on content words, paragraph text only",
    "dense-paragraph/no-heading": "dense paragraph, paragraph text only",
    "dense-sentences/heading": "dense sentences, each embedded with its paragraph's heading",
    **{a.name: a.description for a in ABLATIONS},
}


def _group(name: str) -> str:
    if name == "assistant":
        return "assistant"
    if name.startswith("assistant/"):
        return "ablation"
    return "baseline-variant" if "/" in name else "baseline"


def run(*, embedder_name: str = "minilm", quick: bool = False) -> dict[str, Any]:
    """Score every system on every gold set present; the result is ``quality.json``."""
    settings = Settings.from_env(index_dir=TMP_DIR / f"index-{embedder_name}")
    sources = load_sources(settings.article_path)
    assistant_embedder, baseline_embedder = embedders(embedder_name, settings)

    factories: list[Callable[[], tuple[list[System], dict]]] = [
        lambda: assistant_systems(settings, assistant_embedder),
        lambda: (list(all_baselines(sources, baseline_embedder)), {}),
    ]
    if not quick:
        factories.append(lambda: (list(variant_baselines(sources, baseline_embedder)), {}))
    systems: list[System] = []
    missing: dict[str, list[str]] = {}
    for make in factories:
        got, miss = make()
        systems.extend(got)
        missing.update(miss)

    sets = {"dev": DEV, "heldout": HELDOUT, "followups": FOLLOWUPS, "readers": READERS,
            "fresh": FRESH, "probe": PROBE, "unseen": UNSEEN}
    sets = {name: path for name, path in sets.items() if path.is_file()}
    result: dict[str, Any] = {
        "generated": now(),
        "machine": machine(),
        "embedder": {"assistant": assistant_embedder.name, "baselines": baseline_embedder.name},
        "systems": {
            s.name: {"group": _group(s.name), "description": DESCRIPTIONS.get(s.name, "")} for s in systems
        },
        "missing_switches": missing,
        "sets": {},
    }
    for set_name, path in sets.items():
        gold = read_jsonl(path)
        log.info("scoring %d systems on %s (%d questions)", len(systems), set_name, len(gold))
        answers_dir = ANSWERS_DIR / set_name if embedder_name == "minilm" else None
        result["sets"][set_name] = {
            "gold": str(path.relative_to(path.parents[2])),
            "questions": len(gold),
            "answerable": sum(1 for g in gold if g["answerable"]),
            "scores": evaluate(systems, gold, sources, answers_dir),
        }
    if embedder_name == "minilm":
        write_json(ANSWERS_DIR / "sources.json", {"sources": [s.to_dict() for s in sources]})
    return result


def main(argv: list[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quality", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="skip the baseline variants")
    parser.add_argument(
        "--embedder",
        choices=("minilm", "hash"),
        default="minilm",
        help="hash: the fake test embedder (a smoke run; figures meaningless)",
    )
    parser.add_argument("--out", type=Path, default=OUT, help=f"where to write (default {OUT})")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    result = run(embedder_name=args.embedder, quick=args.quick)
    write_json(args.out, result)
    log.info("wrote %s", args.out)
    for set_name, data in result["sets"].items():
        for name, m in data["scores"].items():
            log.info(
                "%-8s %-40s hit %.3f cited %.3f abstain %.3f false-abstain %.3f",
                set_name,
                name,
                m["answer_hit"],
                m["cited_correctly"],
                m["abstain_on_unanswerable"],
                m["false_abstain"],
            )
    return result


if __name__ == "__main__":
    main()
