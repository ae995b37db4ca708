"""The results JSON files → one summary: targets held or not, and Markdown tables.

    python -m benchmarks.report      # rebuild summary.json, summary.md, summary.png, articles.png

Reads ``quality.json``, ``speed.json``, ``articles.json`` (the evaluation suite of many
articles) and, when the API helper's load test has run, ``load_api.json``; any of them may be
missing (the summary says so).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from .articles_report import article_lines, article_summary, article_targets
from .common import RESULTS_DIR, now, read_json, write_json

log = logging.getLogger(__name__)

MAIN_SYSTEMS = ("assistant", "bm25-paragraph", "dense-paragraph", "dense-sentences")
# What each of the bundled article's sets was used for (benchmarks/data/articles/SPLIT.md).
SET_ROLES = {
    "dev": "tuning: the answer model was fitted on it",
    "heldout": "tuning: looked at in earlier sessions, and the answer model was fitted on it",
    "followups": "tuning: the answer model was fitted on it",
    "readers": "tuning: written in session 20 before any run; its first run informed that "
               "session's changes, and the answer model was fitted on it",
    "fresh": "tuning: written in session 24 before any run; its first run informed that "
             "session's changes, and the answer model was fitted on it",
    "unseen": "held out: never tuned on",
}


def load_targets(load: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The API load test's own targets (``load_api.json``: ``targets`` and ``met``)."""
    if not load or "met" not in load or "targets" not in load:
        return []
    t, met, lat = load["targets"], load["met"], load.get("latency_ms") or {}
    rss = load.get("server_rss_mb") or {}
    rows = [
        (
            "no_errors",
            "API under load: no errors, no 5xx",
            f"{load.get('errors')} errors, {load.get('server_errors_5xx')} 5xx",
        ),
        (
            "throughput",
            f"API throughput >= {t.get('throughput_per_s')} answers/s ({load.get('clients')} clients)",
            f"{load.get('throughput_per_s')}/s",
        ),
        ("p95", f"API p95 <= {t.get('p95_ms')} ms under load", f"{lat.get('p95')} ms"),
        (
            "rss_growth",
            f"API server RSS growth < {t.get('rss_growth_pct')}% over the run",
            f"{load.get('rss_growth_pct')}%",
        ),
        ("rss", f"API server peak RSS <= {t.get('rss_mb')} MB", f"{rss.get('peak')} MB"),
    ]
    return [
        {"target": name, "measured": measured, "holds": bool(met[key])}
        for key, name, measured in rows
        if key in met
    ]


def targets(
    speed: dict[str, Any] | None,
    quality: dict[str, Any] | None,
    load: dict[str, Any] | None = None,
    articles: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Each stated target with the measured figure and whether it holds."""
    rows: list[dict[str, Any]] = []
    if speed:
        cs, warm, build = speed.get("cold_start"), speed.get("warm"), speed.get("index_build")
        if cs:
            rows.append(
                {
                    "target": "cold `assistant ask` <= 1.3x the floor (median)",
                    "measured": f"{cs['ratio_median']:.2f}x "
                    f"({cs['cold_ask_s']['median']:.2f} s vs {cs['floor_s']['median']:.2f} s)",
                    "holds": cs["ratio_median"] <= cs["target_ratio_max"],
                }
            )
        if warm:
            lat = warm["latency_ms"]
            for p in ("p50", "p95"):
                rows.append(
                    {
                        "target": f"warm answer {p} <= {warm['targets_ms'][p]:g} ms",
                        "measured": f"{lat[p]:.1f} ms",
                        "holds": lat[p] <= warm["targets_ms"][p],
                    }
                )
        if build:
            rows.append(
                {
                    "target": f"index build < {build['target_s_max']:g} s (model loaded)",
                    "measured": f"{build['in_process_s']['median']:.2f} s",
                    "holds": build["in_process_s"]["median"] < build["target_s_max"],
                }
            )
    if quality:
        for set_name, data in quality["sets"].items():
            scores = data["scores"]
            if "assistant" not in scores:
                continue
            a = scores["assistant"]
            best = max(
                (n for n in MAIN_SYSTEMS[1:] if n in scores),
                key=lambda n: scores[n]["answer_hit"],
                default=None,
            )
            if best:
                rows.append(
                    {
                        "target": f"{set_name}: answer_hit at least the best baseline's",
                        "measured": f"{a['answer_hit']:.3f} vs {scores[best]['answer_hit']:.3f} ({best})",
                        "holds": a["answer_hit"] >= scores[best]["answer_hit"],
                    }
                )
            rows.append(
                {
                    "target": f"{set_name}: every quote verbatim (contract)",
                    "measured": f"{a['verbatim_violations']} violations",
                    "holds": a["verbatim_violations"] == 0,
                }
            )
    return rows + load_targets(load) + article_targets(articles, speed)


def _fmt(x: Any) -> str:
    return f"{x:.3f}" if isinstance(x, float) else str(x)


def quality_tables(quality: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    cols = (
        "answer_hit",
        "cited_correctly",
        "abstain_on_unanswerable",
        "false_abstain",
        "overall_correct",
    )
    for set_name, data in quality["sets"].items():
        scores = data["scores"]
        lines += [
            f"**{set_name}** ({data['questions']} questions, {data['answerable']} answerable; "
            f"`{data['gold']}`; {SET_ROLES.get(set_name, 'role not recorded')})",
            "",
            "| system | " + " | ".join(cols) + " | median words |",
            "|---|" + "---:|" * (len(cols) + 1),
        ]
        for name, m in scores.items():
            label = f"**{name}**" if name == "assistant" else name
            lines.append(
                f"| {label} | "
                + " | ".join(_fmt(m.get(c, "")) for c in cols)
                + f" | {m['median_answer_words']} |"
            )
        lines.append("")
    missing = quality.get("missing_switches") or {}
    if missing:
        lines.append("Ablations left out (the core has no such switch):")
        lines += [f"- {name}: needs {', '.join(need)}" for name, need in missing.items()]
        lines.append("")
    return lines


def _dist(d: dict[str, Any]) -> str:
    return (
        f"{d['median']:.3g} {d['unit']} (p95 {d['p95']:.3g}, min {d['min']:.3g}, "
        f"max {d['max']:.3g}, n={d['n']})"
    )


def speed_tables(speed: dict[str, Any]) -> list[str]:
    lines = ["| measure | median (spread) |", "|---|---|"]
    cs, warm, build = speed.get("cold_start"), speed.get("warm"), speed.get("index_build")
    if cs:
        lines += [
            f"| floor: import sentence-transformers + faiss, load MiniLM | {_dist(cs['floor_s'])} |",
            f'| cold `assistant ask "..."` (new process, answer printed) | {_dist(cs["cold_ask_s"])} |',
            f"| cold / floor | {cs['ratio_median']:.2f}x |",
            f"| peak RSS, `assistant ask` | {_dist(cs['peak_rss_mb']['cli_ask'])} |",
            f"| peak RSS, floor | {_dist(cs['peak_rss_mb']['floor'])} |",
        ]
    if warm:
        lat = warm["latency_ms"]
        lines.append(
            f"| warm `Assistant.ask` ({warm['questions']} questions x {warm['repetitions']}) "
            f"| p50 {lat['p50']:.1f} ms, p95 {lat['p95']:.1f} ms, p99 {lat['p99']:.1f} ms, "
            f"max {lat['max']:.1f} ms |"
        )
    if build:
        lines += [
            f"| index build, model loaded ({build['chunks']} chunks, {build['sentences']} "
            f"sentences) | {_dist(build['in_process_s'])} |",
            f"| `assistant index build` (new process) | {_dist(build['cli_s'])} |",
        ]
    start = (speed.get("machine") or {}).get("load_average_at_start")
    end = speed.get("load_average_at_end")
    if start and end:
        lines += [
            "",
            f"Load average (1, 5, 15 min) when the speed run started: {start}; when it ended: "
            f"{end} (on {speed['machine']['cores']} cores; anything near or above the core "
            "count means other work competed for the CPU).",
        ]
    return lines + [""]


def load_api_lines(load: dict[str, Any]) -> list[str]:
    """The API load test's figures: the usual ones, then any other scalar field."""
    lat = load.get("latency_ms") or {}
    rss = load.get("server_rss_mb") or {}
    cpu = load.get("cpu_pct_of_one_core") or {}
    lines = [
        f"`{load.get('server', 'python app.py')}`, {load.get('endpoint', '')}, "
        f"{load.get('clients')} concurrent clients for {load.get('duration_s')} s "
        f"(after {load.get('warmup_requests')} warm-up requests), "
        f"{load.get('questions_pool')} different questions:",
        "",
        "| measure | value |",
        "|---|---|",
        f"| answers | {load.get('answers')} ({load.get('errors')} errors, "
        f"{load.get('server_errors_5xx')} 5xx) |",
        f"| throughput | {load.get('throughput_per_s')} answers/s |",
        f"| latency p50 / p95 / p99 / max | {lat.get('p50')} / {lat.get('p95')} / "
        f"{lat.get('p99')} / {lat.get('max')} ms |",
        f"| server RSS before / after / peak | {rss.get('before')} / {rss.get('after')} / "
        f"{rss.get('peak')} MB ({load.get('rss_growth_pct')}% growth) |",
    ]
    if cpu:
        lines.append("| CPU, % of one core | " + ", ".join(f"{k} {v}" for k, v in cpu.items()) + " |")
    if load.get("load_average_1m"):
        la = load["load_average_1m"]
        lines.append(f"| load average (1 min) before / after | {la.get('before')} / {la.get('after')} |")
    return lines + [""]


def machine_line(m: dict[str, Any]) -> str:
    return (
        f"{m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM, {m['platform']}; "
        f"Python {m['python']}, torch {m['torch']}, sentence-transformers "
        f"{m['sentence_transformers']}, onnxruntime {m.get('onnxruntime', 'not recorded')}, "
        f"faiss {m['faiss']}"
    )


def markdown(summary: dict[str, Any]) -> str:
    lines = [f"_Generated {summary['generated']} by `python -m benchmarks.run`._", ""]
    if summary.get("machine"):
        lines += [f"Machine: {machine_line(summary['machine'])}.", ""]
    lines += ["### Targets", "", "| target | measured | holds |", "|---|---|---|"]
    for t in summary["targets"]:
        lines.append(f"| {t['target']} | {t['measured']} | {'yes' if t['holds'] else '**no**'} |")
    lines.append("")
    if summary.get("articles"):
        lines += ["### Articles: the evaluation suite (`benchmarks/article_suite.py`)", "",
                  *article_lines(summary["articles"])]
    if summary.get("quality"):
        lines += ["### Quality on the bundled article (`benchmarks/quality.py`)", "",
                  *quality_tables(summary["quality"])]
    if summary.get("speed"):
        lines += ["### Speed", "", *speed_tables(summary["speed"])]
    if summary.get("load_api"):
        lines += ["### HTTP API under load (`benchmarks/load_api.py`)", ""]
        lines += load_api_lines(summary["load_api"])
    missing = [n for n in ("articles", "quality", "speed", "load_api") if not summary.get(n)]
    if missing:
        lines.append(f"Not measured in this run: {', '.join(missing)}.")
    return "\n".join(lines) + "\n"


def build_summary(results_dir: Path = RESULTS_DIR) -> dict[str, Any]:
    quality = read_json(results_dir / "quality.json")
    speed = read_json(results_dir / "speed.json")
    load = read_json(results_dir / "load_api.json")
    articles = read_json(results_dir / "articles.json")
    machine = (speed or quality or articles or {}).get("machine")
    return {
        "generated": now(),
        "machine": machine,
        "targets": targets(speed, quality, load, articles),
        "articles": articles,
        "quality": quality,
        "speed": speed,
        "load_api": load,
    }


def summary_json(summary: dict[str, Any]) -> dict[str, Any]:
    """What summary.json holds: the targets, the files read, the article suite's table."""
    out = {k: summary[k] for k in ("generated", "machine", "targets")}
    out["files"] = [n for n in ("articles", "quality", "speed", "load_api") if summary.get(n)]
    if summary.get("articles"):
        out["articles"] = article_summary(summary["articles"])
    return out


def write_all(results_dir: Path = RESULTS_DIR) -> dict[str, Any]:
    """summary.json, summary.md, summary.png and (with articles.json) articles.png from the
    results present in ``results_dir``."""
    from .plot import plot, plot_articles

    summary = build_summary(results_dir)
    write_json(results_dir / "summary.json", summary_json(summary))
    (results_dir / "summary.md").write_text(markdown(summary), encoding="utf-8")
    plot(summary, results_dir / "summary.png")
    if summary.get("articles"):
        plot_articles(summary["articles"], results_dir / "articles.png")
    return summary


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    summary = write_all()
    for t in summary["targets"]:
        log.info("%-4s %s: %s", "ok" if t["holds"] else "MISS", t["target"], t["measured"])


if __name__ == "__main__":
    main()
