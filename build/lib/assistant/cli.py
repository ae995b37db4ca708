"""The ``assistant`` command: the group and ask, sources, index, eval; the sheet command is
in ``cli_sheet`` and the article library's (add, articles, remove) in ``cli_articles``.

Output goes to stdout; diagnostics go to stderr through ``logging``.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

import click

from .cli_articles import add_command, articles_command, remove_command
from .cli_common import _library, _load, _settings, _unreadable, article_option
from .cli_sheet import sheet_command
from .errors import AssistantError
from .types import KINDS, Answer

__all__ = ["add_command", "article_option", "articles_command", "cli", "main", "remove_command",
           "sheet_command"]

log = logging.getLogger("assistant")


def _setup_logging(level: str) -> None:
    from .logs import quiet_third_party

    logging.basicConfig(level=level.upper(), format="assistant: %(message)s", stream=sys.stderr)
    quiet_third_party(level)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    # Quiet the model loader's progress bars and deprecation chatter on the terminal.
    if level != "debug":
        for name in ("sentence_transformers", "transformers", "torch"):
            logging.getLogger(name).setLevel(logging.ERROR)
    import warnings

    warnings.filterwarnings("ignore", category=UserWarning, module="torch")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")


def _json_line(record: dict[str, Any]) -> str:
    """One JSON line; a rejected question holding a lone surrogate (which UTF-8 cannot carry)
    is echoed with \\u escapes instead."""
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record)
    return line + "\n"


def _print_answer(answer: Answer) -> None:
    click.echo(answer.answer)
    if answer.abstained and answer.reason:
        click.echo(f"Why: {answer.reason}.")
    if answer.quotes:
        click.echo("")
        for q in answer.quotes:
            click.echo(f"[{q.n}] {q.source.label} ({q.source.id}, characters {q.start}-{q.end})")
    if answer.closest:
        click.echo("\nClosest passages:")
        for q in answer.closest:
            click.echo(f"- {q.source.label}: \"{q.text}\"")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-v", "--verbose", is_flag=True, help="Log what is loaded and built (--log-level info).")
@click.option("--log-level", type=click.Choice(("debug", "info", "warning", "error")),
              help="Our log lines at this level (default warning); other libraries' lines "
                   "(faiss, httpx...) show only from warnings up unless debug.")
@click.version_option(package_name="article-assistant")
def cli(verbose: bool, log_level: str | None) -> None:
    """Cited, extractive answers about an article: the bundled "New treatment for
    osteoporosis?", or any page you add.

    \b
    assistant ask "Which cells break down bone?"
    assistant ask --jsonl < questions.jsonl > answers.jsonl
    assistant sources --json
    assistant add saved-page.html          # prints the new article's id
    assistant ask --article ID "Who wrote this?"
    """
    _setup_logging(log_level or ("info" if verbose else "warning"))


@cli.command()
@click.argument("question", required=False)
@click.option("--history", multiple=True, metavar="EARLIER",
              help="An earlier question of the conversation (repeat, oldest first).")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS),
              help="Only cite sources of this kind (repeatable).")
@click.option("--json", "as_json", is_flag=True, help="Print the answer as JSON (the contract's shape).")
@click.option("--jsonl", is_flag=True,
              help='Batch: read {"question": ..., "history": [...]} lines on stdin, write one answer a line.')
@article_option
def ask(question: str | None, history: tuple[str, ...], kinds: tuple[str, ...], as_json: bool,
        jsonl: bool, article: str | None) -> None:
    """Answer QUESTION with verbatim quotes from the article, or say it does not say.

    \b
    assistant ask "What is osteoporosis?"
    assistant ask "Which university is she at?" --history "Who led the review?"
    assistant ask --json "What is the DOI of the cited paper?"
    assistant ask --jsonl < benchmarks/data/dev.jsonl > answers.jsonl
    assistant ask --article hot-pavement "Who wrote this?"

    With --jsonl a bad line (broken JSON, empty or over-long question) gets
    {"question": ..., "error": ...} on its line, the rest are answered, and the exit
    code is 1.
    """
    if jsonl:
        if question:
            raise click.UsageError("give either QUESTION or --jsonl, not both")
        sys.exit(_ask_jsonl(kinds or None, article))
    if question is None:
        raise click.UsageError('missing QUESTION, e.g. assistant ask "What is osteoporosis?"')
    a = _load(article)
    try:
        answer = a.ask(question, history, kinds or None)
    except AssistantError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2))
    else:
        _print_answer(answer)


def _parse_line(raw: bytes, number: int) -> tuple[str | None, tuple[str, ...], str | None]:
    """(question, history, error) for one --jsonl input line."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None, (), f"line {number}: not valid UTF-8"
    try:
        row = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, (), f"line {number}: not valid JSON ({exc.msg})"
    if not isinstance(row, dict):
        return None, (), f'line {number}: expected an object like {{"question": "..."}}'
    q = row.get("question")
    if not isinstance(q, str):
        return (None, (), f'line {number}: missing "question" (text)')
    history = row.get("history") or []
    if not isinstance(history, list) or not all(isinstance(h, str) for h in history):
        return q, (), f'line {number}: "history" must be a list of strings'
    return q, tuple(history), None


def _ask_jsonl(kinds: tuple[str, ...] | None, article: str | None = None) -> int:
    a = _load(article)
    failed = number = 0
    out = sys.stdout
    lines = enumerate(sys.stdin.buffer, start=1)
    while True:
        try:
            number, raw = next(lines)
        except StopIteration:
            break
        except OSError as exc:  # e.g. EIO: the answers so far stand, the run stops
            raise _unreadable("standard input", exc, f" after line {number}" if number else "",
                              ) from exc
        if not raw.strip():
            continue
        question, history, error = _parse_line(raw.rstrip(b"\r\n"), number)
        record: dict[str, Any]
        if error is None:
            try:
                record = a.ask(question or "", history, kinds).to_dict()
            except AssistantError as exc:
                error = f"line {number}: {exc}"
        if error is not None:
            failed += 1
            record = {"question": question, "error": error}
            log.warning("%s", error)
        out.write(_json_line(record))
        out.flush()
    return 1 if failed else 0


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print every source with its full text as JSON.")
@article_option
def sources(as_json: bool, article: str | None) -> None:
    """List the article's sources (title, caption, post paragraphs, reference, comments).

    \b
    assistant sources
    assistant sources --json
    assistant sources --article hot-pavement
    """
    try:
        srcs = _library().sources(article)
    except AssistantError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps({"sources": [s.to_dict() for s in srcs]}, ensure_ascii=False, indent=2))
        return
    for s in srcs:
        preview = s.text if len(s.text) <= 70 else s.text[:67] + "..."
        click.echo(f"{s.id:<11} {s.label}\n            {preview}")


@cli.group()
def index() -> None:
    """Build or check the search index in index/ (or an added article's, with --article)."""


@index.command("build")
@article_option
def index_build(article: str | None) -> None:
    """Rebuild the index from the corpus and the model, and write it atomically (exit 1,
    with the reason, if it cannot be saved).

    \b
    assistant index build
    assistant index build --article hot-pavement
    """
    try:
        a = _library().rebuild(article)
    except AssistantError as exc:
        raise click.ClickException(str(exc)) from exc
    m = a.index.manifest
    click.echo(f"built {m['chunks']} chunks, {m['sentences']} sentences with {m['model']} "
               f"in {m['build_seconds']} s → {a.settings.index_dir}")


@index.command("check")
@article_option
def index_check(article: str | None) -> None:
    """Check that the index on disk is intact and matches the corpus and model (exit 1 if not).

    Verifies every file's checksum, every chunk against the article's sentences, that the
    model here gives the vectors the index was built with (loads it), and the model's cached
    ONNX export.

    \b
    assistant index check
    assistant index check --article hot-pavement
    """
    from dataclasses import replace

    from . import index as index_mod
    from .embedding import make_embedder

    settings = _settings()
    try:
        library = _library()
        srcs = library.sources(article)
        if article not in (None, library.bundled_id):
            settings = replace(settings, index_dir=library.folder / (article or ""))
        manifest = index_mod.check(srcs, make_embedder(settings), settings)
    except AssistantError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"ok: {manifest['chunks']} chunks, model {manifest['model']}, "
               f"corpus {manifest['corpus_hash'][:12]}, built {manifest['built_at']}; the "
               "model here gives the vectors it was built with")


@cli.command("eval")
@click.argument("gold", required=False, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON.")
@article_option
def eval_(gold: Path | None, as_json: bool, article: str | None) -> None:
    """Answer the questions of a gold file and print their metrics.

    GOLD defaults to the repository's dev set, benchmarks/data/dev.jsonl. The metrics
    are those of the scorer, python -m benchmarks.scoring (docs/contract.md). With
    --article, the questions are asked about an added article.

    \b
    assistant eval
    assistant eval --json benchmarks/data/heldout.jsonl
    """
    from .evaluation import DEV_SET, read_gold, run

    if gold is None:
        if not DEV_SET.is_file():
            raise click.ClickException(f"no gold file given and the dev set {DEV_SET} is missing; "
                                       "pass one: assistant eval GOLD.jsonl")
        gold = DEV_SET

    try:
        rows = read_gold(gold)
        _, metrics = run(_load(article), rows)
    except AssistantError as exc:
        raise click.ClickException(str(exc)) from exc
    except OSError as exc:
        raise _unreadable(str(gold), exc) from exc
    if as_json:
        click.echo(json.dumps(metrics))
        return
    for key, value in metrics.items():
        if key != "misses":
            click.echo(f"{key:<26} {value}")
    click.echo(f"{'misses':<26} {', '.join(metrics['misses']) or '-'}")


cli.add_command(sheet_command)
cli.add_command(add_command)
cli.add_command(articles_command)
cli.add_command(remove_command)


def main() -> None:
    cli(prog_name="assistant")


if __name__ == "__main__":
    main()
