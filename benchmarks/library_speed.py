"""Your own articles, timed: adding a 5,000-word page, starting with 1,000 articles, answering.

    python -m benchmarks.library_speed [--runs N] [--skip-startup]

- add: ``Library.add`` of a 5,000-word saved page (extraction, chunking, embedding, index
  written and renamed into place), the model already loaded. Target: < 5 s on 2 cores.
- startup: ``python app.py`` until /api/health and the chat page answer, with an empty
  library and with 1,000 articles (one real article copied under 1,000 ids). Target: < 2 s
  more than with one.
- answer latency: ``Assistant.ask`` on the bundled article with and without 1,000 articles
  in the library, and on the added page (warm, one thread).

Writes benchmarks/results/library_speed.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx

from assistant import Assistant
from assistant.ingest.read import read_bytes
from assistant.library import Library

from .common import DATA_DIR, RESULTS_DIR, distribution, machine, now, write_json
from .server import app_server

OUT = RESULTS_DIR / "library_speed.json"
WORDS = 5000
QUESTIONS = ["Who wrote this article?", "When was it published?", "What is the article about?",
             "What did the study find?", "What do readers say?", "How many people took part?",
             "What is the main risk?", "Where did it happen?"]


def long_page(words: int = WORDS) -> bytes:
    """A saved page of ``words`` words of original prose (the evaluation articles' paragraphs
    under headings), with the furniture a real page has around it."""
    paragraphs: list[str] = []
    texts = (p for p in (DATA_DIR / "articles").glob("*/article.*") if p.suffix in (".txt", ".md"))
    for article in sorted(texts):  # the saved HTML pages' blocks are markup, not prose
        blocks = [b.strip() for b in article.read_text(encoding="utf-8").split("\n\n")]
        paragraphs += [b.replace("\n", " ") for b in blocks if len(b.split()) >= 25]
    body, count, n = [], 0, 0
    while count < words:
        p = paragraphs[n % len(paragraphs)]
        if n % 6 == 0:
            body.append(f"<h2>Part {n // 6 + 1}</h2>")
        body.append(f"<p>{p}</p>")
        count += len(p.split())
        n += 1
    return ("<!doctype html><html><head><title>A long read</title>"
            '<meta name="author" content="Ada Example"></head><body>'
            "<nav><a href='/'>Home</a> <a href='/about'>About</a></nav>"
            "<article><h1>A long read</h1><p class='byline'>By Ada Example</p>"
            f"<div class='entry-content'>{''.join(body)}</div></article>"
            "<aside class='sidebar'><h3>Popular posts</h3><ul><li>Another post</li></ul></aside>"
            "<footer>© 2024 An example site</footer></body></html>").encode()


def time_add(a: Assistant, runs: int) -> tuple[dict[str, Any], Path]:
    page = long_page()
    seconds, kept = [], Path(tempfile.mkdtemp(prefix="bench-library-"))
    for i in range(runs):
        folder = kept if i == runs - 1 else Path(tempfile.mkdtemp(prefix="bench-library-"))
        library = Library(replace(a.settings, library_dir=folder), bundled=a)
        received = read_bytes(page, "long-read.html")
        start = time.perf_counter()
        added = library.add(received)
        seconds.append(time.perf_counter() - start)
        if folder != kept:
            shutil.rmtree(folder, ignore_errors=True)
    words = sum(len(s.text.split()) for s in library.sources(added.info.id))
    return {"words": words, "paragraphs": added.info.paragraphs,
            **distribution(seconds, "s"), "target_s": 5.0}, kept


def make_library(one: Path, n: int) -> Path:
    """``n`` copies of the article in library ``one``, each under its own id and title."""
    [article] = [p for p in one.iterdir() if p.is_dir() and not p.name.startswith(".")]
    big = Path(tempfile.mkdtemp(prefix="bench-library-1000-"))
    for i in range(n):
        target = big / f"article-{i:04d}"
        shutil.copytree(article, target)
        info = json.loads((target / "article.json").read_text(encoding="utf-8"))
        info.update(id=target.name, title=f"{info['title']} ({i})")
        (target / "article.json").write_text(json.dumps(info), encoding="utf-8")
    return big


def time_startup(library_dir: Path) -> tuple[float, int]:
    """Seconds from starting ``python app.py`` until the API and the chat page answer."""
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        with app_server(Path(tmp) / "app.log", env={"ASSISTANT_LIBRARY_DIR": str(library_dir)},
                        poll=0.05, timeout=300) as app:
            page = httpx.get(app.url + "/", timeout=30)
            seconds = time.perf_counter() - start
            listed = httpx.get(app.url + "/api/articles", timeout=30).json()["articles"]
            assert page.status_code == 200
    return seconds, len(listed)


def compare_startup(libraries: dict[str, Path], runs: int) -> dict[str, Any]:
    """Startups alternating between the libraries, so a busy moment hits both alike."""
    seconds: dict[str, list[float]] = {name: [] for name in libraries}
    counts: dict[str, int] = {}
    for _ in range(runs):
        for name, folder in libraries.items():
            took, counts[name] = time_startup(folder)
            seconds[name].append(took)
    return {name: {"articles_listed": counts[name], **distribution(values, "s")}
            for name, values in seconds.items()}


def time_answers(assistant: Assistant, reps: int = 25) -> dict[str, Any]:
    """Warm ``ask`` latency over the article's starter questions (or generic ones)."""
    assistant.warm_up()
    questions = [q for q in assistant.examples() if q.endswith("?")] or QUESTIONS
    ms = []
    for rep in range(reps):
        for q in questions:  # numbered, so no answer comes from a cache of query vectors
            start = time.perf_counter()
            assistant.ask(f"{q[:-1]} ({rep})?")
            ms.append((time.perf_counter() - start) * 1000)
    return distribution(ms, "ms")


def run(runs: int = 3, startup: bool = True) -> dict[str, Any]:
    a = Assistant.load()
    a.warm_up()
    add, one = time_add(a, runs)
    big = make_library(one, 1000)
    try:
        lib_big = Library(replace(a.settings, library_dir=big), bundled=a)
        start = time.perf_counter()
        listed = lib_big.articles()
        list_s = time.perf_counter() - start
        added = Library(replace(a.settings, library_dir=one), bundled=a)
        added_id = added.added()[0].id
        result: dict[str, Any] = {
            "measured_at": now(), "machine": machine(), "add_5000_words": add,
            "list_1000_articles_s": round(list_s, 3), "listed": len(listed),
            "answer_ms": {
                "bundled_no_library": time_answers(a),
                "bundled_with_1000_articles": time_answers(lib_big.get()),
                "added_5000_word_page": time_answers(added.get(added_id)),
            },
        }
        if startup:
            empty = Path(tempfile.mkdtemp(prefix="bench-library-empty-"))
            result["startup_s"] = compare_startup({"empty_library": empty, "1000_articles": big},
                                                  max(runs, 5))
            extra = (result["startup_s"]["1000_articles"]["median"]
                     - result["startup_s"]["empty_library"]["median"])
            result["startup_s"]["extra_for_1000_s"] = round(extra, 3)
            result["startup_s"]["target_extra_s"] = 2.0
            shutil.rmtree(empty, ignore_errors=True)
    finally:
        shutil.rmtree(big, ignore_errors=True)
        shutil.rmtree(one, ignore_errors=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.library_speed",
                                     description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-startup", action="store_true")
    args = parser.parse_args()
    result = run(args.runs, startup=not args.skip_startup)
    write_json(OUT, result)
    add = result["add_5000_words"]
    print(f"add a {add['words']}-word page: median {add['median']} s (target < 5 s)")
    if "startup_s" in result:
        s = result["startup_s"]
        print(f"startup: {s['empty_library']['median']} s empty, {s['1000_articles']['median']} s "
              f"with 1,000 articles (+{s['extra_for_1000_s']} s; target < 2 s)")
    for name, d in result["answer_ms"].items():
        print(f"answer {name}: p50 {d['p50']} ms, p95 {d['p95']} ms")
    print(f"listing 1,000 articles: {result['list_1000_articles_s']} s")


if __name__ == "__main__":
    main()
