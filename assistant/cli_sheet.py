"""``assistant sheet``: many questions in, a cited Q&A sheet out (Markdown, CSV or JSON),
and the students' copy; ``assistant.sheet`` reads, answers and renders, this checks the
command's files and reports."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .cli_common import _load, _settings, _unreadable, article_option
from .errors import AssistantError
from .types import Answer


@click.command("sheet")
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
    standard input. Every answer is quoted from the article and cited; a question
    the article does not answer is marked so on the sheet. A line that cannot be read
    (empty, over-long, broken JSON) is reported in the sheet and on stderr with its
    line number, and makes the exit code 1. OUT is written whole or not at all.

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
