"""The README's PNGs: ``summary.png`` (quality on the bundled article against the baselines,
the ablations, speed) and ``articles.png`` (the evaluation suite of many articles: the
held-out risk-coverage curve, right overall per article against the baseline, calibration)."""

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


def _unmeasured(ax: Any, text: str) -> None:
    """A panel with nothing to plot: no axes, and why."""
    ax.set_axis_off()
    ax.text(0.5, 0.5, text, ha="center")


def _save(fig: Any, title: str, path: Path, *, top: float) -> Path:
    """Title the figure, fit its panels below the title (``top``: the share of the height
    they get) and write it to ``path`` as a PNG."""
    fig.suptitle(title, fontsize=11)
    fig.tight_layout(rect=(0, 0, 1, top))
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return path


def _quality(ax: Any, quality: dict[str, Any] | None, set_name: str) -> None:
    sets = (quality or {}).get("sets", {})
    if set_name not in sets:
        _unmeasured(ax, f"no {set_name} set")
        return
    data = sets[set_name]
    _bars(
        ax,
        data["scores"],
        _names(quality or {}, ("assistant", "baseline")),
        f"vs tutorial baselines: {set_name} ({data['questions']} questions)",
    )


def _honest_set(quality: dict[str, Any] | None) -> str:
    """The bundled set nobody tuned on when there is one (``unseen``), else ``heldout``."""
    sets = (quality or {}).get("sets", {})
    return next((n for n in ("unseen", "heldout") if n in sets), "dev")


def _ablation(ax: Any, quality: dict[str, Any] | None) -> None:
    if not quality:
        ax.set_axis_off()
        return
    set_name = _honest_set(quality)
    _bars(
        ax,
        quality["sets"][set_name]["scores"],
        _names(quality, ("assistant", "ablation")),
        f"ablations: one part off at a time ({set_name})",
    )


def _cold(ax: Any, speed: dict[str, Any] | None) -> None:
    cs = (speed or {}).get("cold_start")
    if not cs:
        _unmeasured(ax, "cold start not measured")
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
        _unmeasured(ax, "warm latency not measured")
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
        _unmeasured(ax, "index build not measured")
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
    _quality(axes[0][1], quality, _honest_set(quality))
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
    return _save(fig, title, path, top=0.93)


# -- the evaluation suite of many articles (articles.json) ----------------------------------


def _risk_coverage(ax: Any, articles: dict[str, Any]) -> None:
    rc = (articles.get("risk_coverage") or {}).get("heldout")
    if not rc:
        _unmeasured(ax, "no held-out questions")
        return
    cov = [0.0] + [p["coverage"] for p in rc["points"]]
    acc = [rc["points"][0]["accuracy"]] + [p["accuracy"] for p in rc["points"]]
    ax.step(cov, acc, where="post", color=COLORS[0], lw=1.6,
            label=f"held-out pool, measured ({rc['questions']} questions)")
    cv = (articles.get("model") or {}).get("cv_risk_coverage") or []
    if cv:
        ax.plot([p["coverage"] for p in cv], [p["accuracy"] for p in cv], color="#718096",
                ls="--", lw=1.2, label="tuning articles, cross-validated (model report)")
    op = rc["operating_point"]
    ax.scatter([op["coverage"]], [op["accuracy"]], s=70, color=ORANGE, zorder=4,
               label=f"shipped: threshold {op['threshold']:g}")
    ax.annotate(f"answers {op['coverage']:.0%}, {op['accuracy']:.0%} right", (op["coverage"],
                op["accuracy"]), textcoords="offset points", xytext=(-10, -18), ha="right",
                fontsize=8, color=ORANGE)
    ax.set_xlim(0, 1.02)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("coverage: share of questions answered (most confident first)", fontsize=8)
    ax.set_ylabel("accuracy: share of the answers that are right", fontsize=8)
    ax.set_title("risk-coverage (abstention off, sorted by confidence)", fontsize=10)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7, loc="lower left")


def _per_article(ax: Any, articles: dict[str, Any]) -> None:
    """Right overall per article: the assistant (held out: measured; tuning: cross-validated,
    in-sample as a tick) against the baseline."""
    per = articles.get("articles") or {}
    names = [n for n, r in per.items() if r["split"] == "heldout"]
    names += [n for n, r in per.items() if r["split"] == "tuning"]
    if not names:
        ax.set_axis_off()
        return
    y = np.arange(len(names))
    h = 0.38
    mine = []
    for n in names:
        r = per[n]
        cv = (r.get("cross_validated") or {}).get("right_overall")
        mine.append(cv if r["in_sample"] and cv is not None else r["assistant"]["right_overall"])
    base = [per[n]["dense-sentences"]["right_overall"] for n in names]
    colors = [COLORS[0] if per[n]["split"] == "heldout" else "#90cdf4" for n in names]
    bars = ax.barh(y - h / 2, mine, h, color=colors, label="assistant (light: tuning, cross-validated)")
    ax.bar_label(bars, labels=[f"{v:.2f}" for v in mine], fontsize=6, padding=2)
    bars = ax.barh(y + h / 2, base, h, color="#cbd5e0", label="baseline: top-2 dense sentences")
    ax.bar_label(bars, labels=[f"{v:.2f}" for v in base], fontsize=6, padding=2)
    tuning = [i for i, n in enumerate(names) if per[n]["in_sample"]]
    if tuning:
        ax.scatter([per[names[i]]["assistant"]["right_overall"] for i in tuning],
                   [i - h / 2 for i in tuning], marker="|", s=90, color="black", zorder=4,
                   label="tuning: in-sample (optimistic)")
    ax.axvline(0.92, color=ORANGE, ls="--", lw=1, label="target 0.92")
    labels = [f"{n} {'(held out)' if per[n]['split'] == 'heldout' else '(tuning)'}" for n in names]
    ax.set_yticks(y, labels, fontsize=7)
    ax.invert_yaxis()
    ax.set_xlim(0, 1.15)
    ax.set_xlabel("right overall: (right answers + right abstentions) / all questions",
                  fontsize=8)
    ax.set_title("per article: assistant vs baseline", fontsize=10)
    ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.07), ncol=2, frameon=False)


def _calibration(ax: Any, articles: dict[str, Any]) -> None:
    cal = articles.get("calibration") or {}
    ax.plot([0, 1], [0, 1], color="#a0aec0", lw=1, ls=":", label="perfect calibration")
    drawn = False
    for key, label, color in (("cross_validated", "tuning, cross-validated", "#718096"),
                              ("heldout", "held-out pool, measured", COLORS[0])):
        c = cal.get(key)
        if not c or not c.get("bins"):
            continue
        xs = [b["mean_probability"] for b in c["bins"]]
        ys = [b["positives"] for b in c["bins"]]
        sizes = [12 + 2 * b["n"] for b in c["bins"]]
        ax.plot(xs, ys, color=color, lw=1.2)
        ax.scatter(xs, ys, s=sizes, color=color, alpha=0.7,
                   label=f"{label} (ECE {c['ece']:.3f}, Brier {c['brier']:.3f})")
        drawn = True
    if not drawn:
        ax.text(0.5, 0.5, "no calibration recorded", ha="center")
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.set_xlabel("question model's confidence (bin mean; dot size: questions)", fontsize=8)
    ax.set_ylabel("share of answers right (abstention off)", fontsize=8)
    ax.set_title("calibration of the answer/abstain decision", fontsize=10)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=7, loc="upper left")


def plot_articles(articles: dict[str, Any], path: Path) -> Path:
    """``articles.png``: the held-out risk-coverage curve, right overall per article against
    the baseline, and the question model's calibration."""
    fig, axes = plt.subplots(1, 3, figsize=(19, 9), gridspec_kw={"width_ratios": [1, 1.3, 1]})
    _risk_coverage(axes[0], articles)
    _per_article(axes[1], articles)
    _calibration(axes[2], articles)
    m = articles.get("machine") or {}
    title = "The evaluation suite of many articles"
    if m:
        title += f" - {m.get('cpu')}, {m.get('cores')} cores - {articles.get('generated')}"
    return _save(fig, title, path, top=0.95)
