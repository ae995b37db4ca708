"""One PNG for the README: quality against the baselines, the ablations, and speed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402  (the backend must be chosen first)
import numpy as np  # noqa: E402

METRICS = (
    ("answer_hit", "answer hit (answerable questions)"),
    ("abstain_on_unanswerable", "abstains when it should (unanswerable)"),
    ("overall_correct", "overall correct (all questions)"),
)
COLORS = ("#2b6cb0", "#c05621", "#2f855a")
ORANGE = "#c05621"


def _bars(ax: Any, scores: dict[str, Any], names: list[str], title: str) -> None:
    y = np.arange(len(names))
    h = 0.26
    for j, ((key, label), color) in enumerate(zip(METRICS, COLORS, strict=True)):
        vals = [scores[n].get(key, 0.0) for n in names]
        bars = ax.barh(y + (j - 1) * h, vals, h, label=label, color=color)
        ax.bar_label(bars, labels=[f"{v:.2f}" for v in vals], fontsize=7, padding=2)
    ax.set_yticks(y, [n.replace("assistant/", "- ") for n in names], fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.12)
    ax.set_title(title, fontsize=10)


def _names(quality: dict[str, Any], groups: tuple[str, ...]) -> list[str]:
    return [n for n, s in quality["systems"].items() if s["group"] in groups]


def _quality(ax: Any, quality: dict[str, Any] | None, set_name: str) -> None:
    sets = (quality or {}).get("sets", {})
    if set_name not in sets:
        ax.set_axis_off()
        ax.text(0.5, 0.5, f"no {set_name} set", ha="center")
        return
    data = sets[set_name]
    _bars(
        ax,
        data["scores"],
        _names(quality or {}, ("assistant", "baseline")),
        f"vs tutorial baselines: {set_name} ({data['questions']} questions)",
    )


def _ablation(ax: Any, quality: dict[str, Any] | None) -> None:
    if not quality:
        ax.set_axis_off()
        return
    set_name = "heldout" if "heldout" in quality["sets"] else "dev"
    _bars(
        ax,
        quality["sets"][set_name]["scores"],
        _names(quality, ("assistant", "ablation")),
        f"ablations: one part off at a time ({set_name})",
    )


def _cold(ax: Any, speed: dict[str, Any] | None) -> None:
    cs = (speed or {}).get("cold_start")
    if not cs:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "cold start not measured", ha="center")
        return
    runs = [cs["floor_s"]["runs"], cs["cold_ask_s"]["runs"]]
    ax.boxplot(runs, orientation="horizontal", widths=0.5)
    for i, r in enumerate(runs, start=1):
        ax.scatter(r, [i] * len(r), s=12, color="#2b6cb0", zorder=3)
    ax.set_yticks([1, 2], ["floor:\nimport + load model", "cold\n`assistant ask`"], fontsize=8)
    ax.axvline(
        cs["floor_s"]["median"] * cs["target_ratio_max"],
        color=ORANGE,
        ls="--",
        lw=1,
        label=f"target: {cs['target_ratio_max']}x floor",
    )
    ax.set_xlabel("seconds (wall)", fontsize=8)
    ax.set_title(f"cold first answer: {cs['ratio_median']:.2f}x the floor (median)", fontsize=10)
    ax.legend(fontsize=7, loc="lower right")


def _warm(ax: Any, speed: dict[str, Any] | None) -> None:
    warm = (speed or {}).get("warm")
    if not warm:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "warm latency not measured", ha="center")
        return
    lat = warm["latency_ms"]
    ps = ("p50", "p95", "p99")
    ax.barh(ps, [lat[p] for p in ps], color=COLORS[0])
    for i, p in enumerate(ps):
        ax.text(lat[p], i, f" {lat[p]:.1f} ms", va="center", fontsize=8)
    for p, t in warm["targets_ms"].items():
        i = ps.index(p)
        ax.plot([t, t], [i - 0.4, i + 0.4], color=ORANGE, lw=2)
    ax.invert_yaxis()
    ax.set_xlim(0, max(lat["p99"], *warm["targets_ms"].values()) * 1.35)
    ax.set_xlabel("ms per answer (orange bar: target)", fontsize=8)
    ax.set_title(f"warm Assistant.ask latency, {lat['n']} answers", fontsize=10)


def _build(ax: Any, speed: dict[str, Any] | None) -> None:
    build = (speed or {}).get("index_build")
    if not build:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "index build not measured", ha="center")
        return
    labels = [
        "model loaded\n(chunk, embed,\nFAISS, save)",
        "`assistant index\nbuild` (new process)",
    ]
    vals = [build["in_process_s"]["median"], build["cli_s"]["median"]]
    ax.barh(labels, vals, color=COLORS[0])
    for i, v in enumerate(vals):
        ax.text(v, i, f" {v:.2f} s", va="center", fontsize=8)
    ax.plot([build["target_s_max"]] * 2, [-0.4, 0.4], color=ORANGE, lw=2)
    ax.tick_params(axis="y", labelsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, max(vals) * 1.3)
    ax.set_xlabel(f"seconds, median (orange bar: target {build['target_s_max']:g} s)", fontsize=8)
    ax.set_title("index build", fontsize=10)


def plot(summary: dict[str, Any], path: Path) -> Path:
    fig, axes = plt.subplots(2, 3, figsize=(17, 9))
    quality = summary.get("quality")
    _quality(axes[0][0], quality, "dev")
    _quality(axes[0][1], quality, "heldout")
    _ablation(axes[0][2], quality)
    _cold(axes[1][0], summary.get("speed"))
    _warm(axes[1][1], summary.get("speed"))
    _build(axes[1][2], summary.get("speed"))
    handles, labels = axes[0][0].get_legend_handles_labels()
    if handles:
        fig.legend(
            handles,
            labels,
            loc="upper center",
            ncol=3,
            fontsize=9,
            frameon=False,
            bbox_to_anchor=(0.5, 0.955),
        )
    m = summary.get("machine") or {}
    title = "Article assistant benchmarks"
    if m:
        title += (
            f" - {m.get('cpu')}, {m.get('cores')} cores, Python {m.get('python')}, "
            f"torch {m.get('torch')} - {summary['generated']}"
        )
    load = (summary.get("speed") or {}).get("machine", {}).get("load_average_at_start")
    if load:
        title += f" - load average at start {load[0]}"
    fig.suptitle(title, fontsize=11)
    fig.tight_layout(rect=(0, 0, 1, 0.93))
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path
