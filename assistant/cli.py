"""The ``assistant`` command: ask, sources, index, eval (and sheet, serve).

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

from .config import Settings
from .errors import AssistantError
from .types import KINDS, Answer

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


def _settings(**overrides: Any) -> Settings:
    """The settings, or a ClickException naming the variable that is wrong."""
    try:
        return Settings.from_env(**overrides)
    except AssistantError as exc:
        raise click.ClickException(str(exc)) from exc


def _load(article: str | None = None, **overrides: Any):
    """The Assistant (of the bundled article, or of ``article`` from the library), or a
    ClickException with the reason and the fix."""
    from .service import Assistant

    try:
        return Assistant.load(_settings(**overrides), article=article)
    except AssistantError as exc:
        raise click.ClickException(str(exc)) from exc


def _unreadable(what: str, exc: OSError, then: str = "") -> click.ClickException:
    return click.ClickException(f"cannot read {what} ({exc.strerror or exc}){then}")


def _json_line(record: dict[str, Any]) -> str:
    """One JSON line; a rejected question holding a lone surrogate (which UTF-8 cannot carry)
    is echoed with \\u escapes instead."""
    line = json.dumps(record, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(record)
    return line + "\n"


def _library():
    from .library import Library

    return Library(_settings())


def article_option(fn: Any) -> Any:
    """``--article ID``: an article added with ``assistant add`` (default: the bundled one)."""
    return click.option("--article", "article", metavar="ID", default=None,
                        help="An article added with `assistant add` (see `assistant articles`); "
                             "default: the bundled article.")(fn)


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


# --- sheet: many questions in, a cited Q&A sheet out (block owned by the sheet helper) ---


@cli.command("sheet")
@click.argument("questions", required=False,
                type=click.Path(exists=True, dir_okay=False, allow_dash=True))
@click.option("-o", "--output", "out", metavar="OUT",
              help="The sheet to write: .md, .csv or .json (- for standard output).")
@click.option("--format", "fmt", type=click.Choice(("md", "csv", "json")),
              help="The sheet's format when OUT's extension does not say it.")
@click.option("--examples", is_flag=True,
              help="Use the starter questions: print them, or with -o answer them into a sheet.")
@click.option("--student", "student_out", metavar="STUDENT",
              help="Also write the students' copy: the questions alone, numbered as on OUT, "
                   "with room to answer (.md, .csv or .json). OUT is then the answer key.")
@article_option
def sheet_command(questions: str | None, out: str | None, fmt: str | None, examples: bool,
                  student_out: str | None, article: str | None) -> None:
    """Answer a list of questions into a cited Q&A sheet: Markdown, CSV or JSON.

    QUESTIONS is a text file with one question a line (blank lines and # comments
    skipped), a JSON lines file ({"question": ..., "history": [...]}), or - for
    standard input. Every answer is quoted from the article and cited. A line that
    cannot be answered is reported in the sheet and on stderr with its line number,
    and makes the exit code 1. OUT is written whole or not at all.

    \b
    assistant sheet questions.txt -o lesson.md
    assistant sheet questions.jsonl -o lesson.csv
    assistant sheet --examples
    assistant sheet --examples -o starter.json
    assistant sheet questions.txt -o key.md --student questions.md
    assistant sheet questions.txt --article hot-pavement -o lesson.md
    """
    from .sheet import answer_items, failures, format_for, render, write_atomic

    if examples and questions:
        raise click.UsageError("give either QUESTIONS or --examples, not both")
    if not examples and not questions:
        raise click.UsageError("missing QUESTIONS (a file, or - for standard input), or --examples")
    if examples and article is not None:
        from .sheet import read_questions

        items = read_questions("\n".join(_load(article).examples()).encode())
        if out is None:
            for item in items:
                click.echo(item.question)
            return
    elif examples:
        starters = _settings().corpus_dir / "questions.txt"
        if not starters.is_file():
            raise click.ClickException(f"no starter questions: {starters} does not exist")
        items = _questions(starters, out, student_out)
        if out is None:
            for item in items:
                click.echo(item.question)
            return
    elif questions == "-":
        items = _questions(None, out, student_out)
    else:
        items = _questions(Path(questions or ""), out, student_out)
    if not items:
        raise click.ClickException("no questions to answer: every line is blank or a # comment")
    if out is None:
        raise click.UsageError("missing -o OUT, the sheet to write (.md, .csv or .json, or -)")
    try:
        fmt = format_for(out, fmt or ("md" if out == "-" else None))
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="'-o' / '--output'") from None
    if out != "-" and not Path(out).resolve().parent.is_dir():
        raise click.BadParameter(f"the folder of {out} does not exist",
                                 param_hint="'-o' / '--output'")
    student_fmt = _student_format(student_out, out) if student_out else None

    a = _load(article)
    try:
        rows = answer_items(a, items, progress=sys.stderr.isatty())
        text = render(rows, fmt, a.sources(), None if a.info.bundled else a.info)
        if out == "-":
            click.echo(text, nl=False)
        else:
            write_atomic(out, text)
        if student_out and student_fmt:
            from .worksheet import render_student

            write_atomic(student_out, render_student(rows, student_fmt, a.sources()))
    except (AssistantError, OSError) as exc:
        raise click.ClickException(f"no sheet written: {exc}") from exc
    failed = failures(rows)
    for err in failed:
        click.echo(f"line {err.line}: {err.error}" if err.line else err.error, err=True)
    if out != "-":
        answered = sum(isinstance(r, Answer) and not r.abstained for r in rows)
        click.echo(f"Wrote {out}: {len(rows)} questions, {answered} answered, "
                   f"{len(rows) - answered - len(failed)} not answered in the article, "
                   f"{len(failed)} could not be read.", err=True)
    if student_out:
        readable = sum(isinstance(r, Answer) for r in rows)
        click.echo(f"Wrote {student_out}: the students' copy, {readable} questions to answer.",
                   err=True)
    if failed:
        sys.exit(1)


def _student_format(student_out: str, out: str) -> str:
    """The students' copy's format from its name; it must be a file other than OUT."""
    from .sheet import format_for

    hint = "'--student'"
    if student_out == "-":
        raise click.BadParameter("the students' copy goes to a file, not -", param_hint=hint)
    if out != "-" and Path(student_out).resolve() == Path(out).resolve():
        raise click.BadParameter("the students' copy must not overwrite the answer key (-o)",
                                 param_hint=hint)
    if not Path(student_out).resolve().parent.is_dir():
        raise click.BadParameter(f"the folder of {student_out} does not exist", param_hint=hint)
    try:
        return format_for(student_out)
    except ValueError as exc:
        raise click.BadParameter(str(exc).replace("or pass --format", "(the format follows "
                                                  "the name)"), param_hint=hint) from None


def _questions(source: Path | None, out: str | None, student_out: str | None = None) -> list:
    """The questions of a file, or of standard input (None), after checking that writing
    ``out`` (or the students' copy) would not replace them; a read error is a
    ClickException, no traceback."""
    from .files import same_file
    from .sheet import read_questions

    try:
        given: Path | int = source if source is not None else sys.stdin.fileno()
    except (OSError, ValueError):  # standard input is not a file
        given = -1
    for written, hint in ((out, "'-o' / '--output'"), (student_out, "'--student'")):
        if written not in (None, "-") and same_file(given, written or ""):
            raise click.BadParameter(f"{written} is the questions file itself: the sheet would "
                                     "replace the questions; choose another name",
                                     param_hint=hint)
    try:
        return read_questions(sys.stdin.buffer.read() if source is None else source)
    except OSError as exc:
        raise _unreadable(str(source or "standard input"), exc, "; no sheet written") from exc


# --- the article library ---------------------------------------------------------------


@cli.command("add")
@click.argument("source", metavar="SOURCE")
@click.option("--id", "article_id", metavar="ID",
              help="The article's id (default: a slug of its title). Lower-case letters, digits, "
                   "'-', '_' and '.'; at most 64 characters.")
@click.option("--replace", is_flag=True, help="Replace the article that already has this --id.")
@click.option("--json", "as_json", is_flag=True, help="Print the added article as JSON.")
def add_command(source: str, article_id: str | None, replace: bool, as_json: bool) -> None:
    """Add an article: a saved page (.html), a link, a .txt / .md file, or - (standard input).

    Prints the article's id (then, on stderr, its title, author, date, paragraphs and
    comments). Ask about it with --article ID. Adding the same content again keeps one
    copy and prints the same id. A link is fetched once (15 s timeout, at most 5 MB, HTML or
    text only). On any error nothing in the library changes and the exit code is 1.

    \b
    assistant add ~/Downloads/hot-pavement.html
    assistant add https://example.org/2024/06/a-post/ --id bees
    assistant add notes.md
    pbpaste | assistant add - --id lesson-3 --replace
    """
    try:
        added = _library().add_source(source, article_id=article_id, replace=replace)
    except AssistantError as exc:
        raise click.ClickException(str(exc)) from exc
    info = added.info
    if as_json:
        click.echo(json.dumps({**info.to_dict(), "created": added.created,
                               "replaced": added.replaced}, ensure_ascii=False, indent=2))
        return
    click.echo(info.id)
    if not added.created:
        click.echo(f"Already in the library as {info.id}: {info.summary()}", err=True)
    else:
        verb = "Replaced" if added.replaced else "Added"
        click.echo(f"{verb} {info.summary()}", err=True)


@cli.command("articles")
@click.option("--json", "as_json", is_flag=True,
              help='Print {"articles": [{"id", "title", "author", "date", "url", "sources", ...}]}.')
def articles_command(as_json: bool) -> None:
    """List the articles: the bundled one first, then those added with `assistant add`.

    \b
    assistant articles
    assistant articles --json
    """
    try:
        library = _library()
        found = library.articles()
    except AssistantError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps({"articles": [i.to_dict() for i in found]}, ensure_ascii=False,
                              indent=2))
        return
    for info in found:
        mark = " (bundled, the default)" if info.bundled else ""
        click.echo(f"{info.id}{mark}\n    {info.summary()}")
        if info.url:
            click.echo(f"    {info.url}")
    if len(found) == 1:
        click.echo(f"\nNo added articles in {library.folder}; add one with "
                   "`assistant add PAGE_OR_LINK`.", err=True)


@cli.command("remove")
@click.argument("article_id", metavar="ID")
def remove_command(article_id: str) -> None:
    """Remove an added article from the library (the bundled article stays).

    \b
    assistant remove hot-pavement
    """
    try:
        info = _library().remove(article_id)
    except AssistantError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Removed {info.id} (\u201c{info.title}\u201d)")


def main() -> None:
    cli(prog_name="assistant")


if __name__ == "__main__":
    main()
