"""Q&A sheets: a list of questions in, a cited sheet out (Markdown, CSV or JSON).

Teachers hand in questions, one a line (``#`` comments and blank lines skipped) or as JSON
lines (``{"question": ..., "history": [...]}``); every answer on the sheet is quoted from the
article and cited, questions the article cannot answer are marked, and unreadable lines are
reported with their line number. The same questions always give a byte-identical sheet.
"""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import secrets
import stat
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import AssistantError
from .service import AskRequest, Assistant
from .text import printable
from .types import Answer, Quote, Source

if TYPE_CHECKING:
    from .library import ArticleInfo

FORMATS: tuple[str, ...] = ("md", "csv", "json")
EXTENSIONS: dict[str, str] = {".md": "md", ".markdown": "md", ".csv": "csv", ".json": "json"}
CSV_COLUMNS: tuple[str, ...] = ("question", "answer", "answered", "citations", "quotes")
NOT_ANSWERED = "Not answered in the article"
READERS_WORDS = "a reader\u2019s words, not the article\u2019s"
DEFAULT_MAX_CHARS = 1000
BATCH_SIZE = 64  # questions per encoder call: batched for speed, small enough to show progress
_SHOWN_CHARS = 200  # a too-long question is shown cut to this many characters


@dataclass(frozen=True)
class SheetItem:
    """One question to answer, with the line of the input it came from (1-based)."""

    question: str
    history: tuple[str, ...] = ()
    line: int | None = None


@dataclass(frozen=True)
class SheetError:
    """A line that could not be answered: what it said, why, and where."""

    question: str
    error: str
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"question": self.question, "error": self.error, "line": self.line}


SheetRow = Answer | SheetError


# --- reading ---------------------------------------------------------------------------


def _shown(text: str) -> str:
    """A question as the sheet shows it: cut if long, lone surrogates made printable."""
    text = printable(text)
    return text if len(text) <= _SHOWN_CHARS else text[:_SHOWN_CHARS] + "\u2026"


def _check(question: str, line: int, max_chars: int) -> SheetError | None:
    if not question.strip():
        return SheetError("", "the question is empty", line)
    if len(question) > max_chars:
        return SheetError(
            _shown(question),
            f"the question is {len(question)} characters long; the limit is {max_chars}",
            line,
        )
    return None


def _parse_json_line(raw: str, line: int, max_chars: int) -> SheetItem | SheetError:
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        reason = f"not valid JSON ({exc.msg} at column {exc.colno})"
        return SheetError(_shown(raw.strip()), reason, line)
    if not isinstance(obj, dict) or "question" not in obj:
        return SheetError(_shown(raw.strip()), 'expected an object with a "question" field', line)
    question = obj["question"]
    if not isinstance(question, str):
        return SheetError(_shown(raw.strip()), '"question" must be a string', line)
    history = obj.get("history") or []
    if not isinstance(history, list) or not all(isinstance(h, str) for h in history):
        return SheetError(_shown(question), '"history" must be a list of strings', line)
    return _check(question, line, max_chars) or SheetItem(question.strip(), tuple(history), line)


def _is_jsonl(lines: Sequence[str]) -> bool:
    filled = [ln for ln in lines if ln.strip()]
    return bool(filled) and all(ln.lstrip().startswith("{") for ln in filled)


def read_questions(
    path_or_text: str | bytes | os.PathLike[str],
    *,
    jsonl: bool | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> list[SheetItem | SheetError]:
    """Read questions from a file, or from the text itself (``str`` or ``bytes``).

    A ``Path`` is a file; so is a one-line ``str`` naming an existing file (e.g. an upload's
    path); any other ``str`` or ``bytes`` is the questions' text.

    Plain text has one question a line, blank lines and ``#`` comments skipped. JSON lines
    carry ``question`` and optional ``history``; they are detected from a ``.jsonl`` file
    name or from every non-blank line starting with ``{`` (``jsonl`` forces either way).
    Bad lines come back as ``SheetError`` with their line number, in input order.
    """
    if isinstance(path_or_text, str) and "\n" not in path_or_text and os.path.isfile(path_or_text):
        path_or_text = Path(path_or_text)
    if isinstance(path_or_text, os.PathLike):
        path = Path(path_or_text)
        data: str | bytes = path.read_bytes()
        if jsonl is None and path.suffix.lower() == ".jsonl":
            jsonl = True
    else:
        data = path_or_text
    raw_lines: list[str | None] = []
    chunks = data.split(b"\n") if isinstance(data, bytes) else data.split("\n")
    for chunk in chunks:
        if isinstance(chunk, bytes):
            try:
                chunk = chunk.decode("utf-8")
            except UnicodeDecodeError:
                raw_lines.append(None)
                continue
        raw_lines.append(chunk.removesuffix("\r"))
    if raw_lines and raw_lines[0] is not None:
        raw_lines[0] = raw_lines[0].removeprefix("\ufeff")
    if raw_lines and raw_lines[-1] == "":
        raw_lines.pop()
    if jsonl is None:
        jsonl = _is_jsonl([ln for ln in raw_lines if ln is not None])

    items: list[SheetItem | SheetError] = []
    for number, raw in enumerate(raw_lines, start=1):
        if raw is None:
            items.append(SheetError("", "the line is not valid UTF-8 text", number))
        elif not raw.strip():
            continue
        elif jsonl:
            items.append(_parse_json_line(raw, number, max_chars))
        elif not raw.lstrip().startswith("#"):
            question = raw.strip()
            items.append(_check(question, number, max_chars) or SheetItem(question, (), number))
    return items


# --- answering -------------------------------------------------------------------------


def answer_items(
    assistant: Assistant,
    items: Sequence[SheetItem | SheetError],
    *,
    batch_size: int = BATCH_SIZE,
    progress: bool = False,
) -> list[SheetRow]:
    """Answer every ``SheetItem`` with ``Assistant.ask_many`` in batches, in input order.

    Errors already in ``items`` pass through; a question the assistant rejects becomes a
    ``SheetError`` carrying its line. ``progress`` shows a tqdm bar on stderr.
    """
    from tqdm import tqdm

    todo = [(i, item) for i, item in enumerate(items) if isinstance(item, SheetItem)]
    rows: list[SheetRow | SheetItem] = list(items)
    with tqdm(
        total=len(todo), file=sys.stderr, disable=not progress, desc="Answering", unit="q"
    ) as bar:
        for start in range(0, len(todo), batch_size):
            batch = todo[start : start + batch_size]
            requests = [AskRequest(item.question, item.history) for _, item in batch]
            results = assistant.ask_many(requests)
            for (i, item), result in zip(batch, results, strict=True):
                if isinstance(result, Answer):
                    rows[i] = result
                else:
                    rows[i] = SheetError(_shown(item.question), _message(result), item.line)
            bar.update(len(batch))
    return [row for row in rows if not isinstance(row, SheetItem)]


def _message(error: BaseException) -> str:
    text = str(error) if isinstance(error, AssistantError) else f"{type(error).__name__}: {error}"
    return text or type(error).__name__


def failures(rows: Sequence[SheetRow]) -> list[SheetError]:
    """The rows that could not be answered (they make the CLI exit with 1)."""
    return [row for row in rows if isinstance(row, SheetError)]


# --- rendering -------------------------------------------------------------------------


def cite(source: Source) -> str:
    """A source as a reader cites it: label, then author and date unless the label has them."""
    extras = [x for x in (source.author, source.date) if x and x not in source.label]
    return ", ".join([source.label, *extras])


def format_for(path: str | os.PathLike[str], fmt: str | None = None) -> str:
    """The sheet format: ``fmt`` if given, else from the file extension. ValueError if neither."""
    if fmt:
        if fmt.lower() not in FORMATS:
            raise ValueError(f"unknown sheet format {fmt!r}; choose one of {', '.join(FORMATS)}")
        return fmt.lower()
    suffix = Path(path).suffix.lower()
    if suffix not in EXTENSIONS:
        raise ValueError(
            f"cannot tell the sheet format from {os.fspath(path)!r}: name it .md, .csv or .json, "
            "or pass --format"
        )
    return EXTENSIONS[suffix]


def render(items: Sequence[SheetRow], fmt: str, sources: Sequence[Source] = (),
           article: ArticleInfo | None = None) -> str:
    """The sheet as text in ``fmt`` ("md", "csv" or "json"); same items, same bytes.

    ``article`` (an added article) puts its title, author, date and link at the top of a
    Markdown sheet.
    """
    renderers: dict[str, Callable[[Sequence[SheetRow], Sequence[Source]], str]] = {
        "md": _render_md,
        "csv": _render_csv,
        "json": _render_json,
    }
    if fmt not in renderers:
        raise ValueError(f"unknown sheet format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "md" and article is not None:
        return _render_md(items, sources, article)
    return renderers[fmt](items, sources)


def _render_json(items: Sequence[SheetRow], sources: Sequence[Source]) -> str:
    return json.dumps([item.to_dict() for item in items], ensure_ascii=False, indent=2) + "\n"


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """Spreadsheets run a cell starting with = + - @ as a formula: defuse it with an apostrophe."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _quote_lines(quotes: Sequence[Quote]) -> tuple[str, str]:
    citations = "\n".join(f"[{q.n}] {cite(q.source)}{_readers(q.source)}" for q in quotes)
    texts = "\n".join(f"[{q.n}] \u201c{q.text}\u201d" for q in quotes)
    return citations, texts


def _readers(source: Source) -> str:
    """A reader comment is marked as such wherever a sheet quotes it."""
    return f" ({READERS_WORDS})" if source.kind == "comment" else ""


def closest_for_sheet(answer: Answer) -> tuple[Quote, ...]:
    """The closest passages a sheet shows when the article does not answer: the article's
    own words only. A reader comment is quoted only where it answers, and a low-content
    source (a comment that was only a link) never; renumbered 1, 2, ..."""
    kept = [q for q in answer.closest if q.source.kind != "comment" and not q.source.low_content]
    return tuple(Quote(n, q.text, q.start, q.end, q.score, q.source)
                 for n, q in enumerate(kept, start=1))


def not_answered(answer: Answer) -> str:
    """"Not answered in the article: <why>." (the reason in plain words, when known)."""
    return f"{NOT_ANSWERED}: {answer.reason}." if answer.reason else f"{NOT_ANSWERED}."


def _render_csv(items: Sequence[SheetRow], sources: Sequence[Source]) -> str:
    out = io.StringIO()
    out.write("\ufeff")  # the BOM tells Excel the file is UTF-8
    writer = csv.writer(out, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for item in items:
        if isinstance(item, SheetError):
            where = f" (line {item.line})" if item.line is not None else ""
            row = [item.question, f"Could not be read{where}: {item.error}", "error", "", ""]
        elif item.abstained:
            closest = closest_for_sheet(item)
            citations, texts = _quote_lines(closest)
            text = not_answered(item)
            if closest:
                text += (" The closest passages, for you to judge, are in the citations and "
                         "quotes columns; they do not answer the question.")
            row = [item.question, text, "no", citations, texts]
        else:
            citations, texts = _quote_lines(item.quotes)
            row = [item.question, item.answer, "yes", citations, texts]
        writer.writerow([_cell(cell) for cell in row])
    return out.getvalue()


_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_<>|"})
_MD_USER = str.maketrans({c: "\\" + c for c in "\\`*_<>|[]#&"})


def _md(text: str, *, user: bool = False) -> str:
    """One line of Markdown-safe text: whitespace collapsed, markup characters escaped.

    Article text keeps its ``[n]`` citation markers; user text (``user``) escapes more.
    """
    return " ".join(text.split()).translate(_MD_USER if user else _MD_SPECIAL)


def _md_quotes(quotes: Sequence[Quote]) -> list[str]:
    return [f"- \u201c{_md(q.text)}\u201d \u2014 *{_md(cite(q.source))}*{_readers(q.source)}"
            for q in quotes]


def _md_citations(quotes: Sequence[Quote]) -> list[str]:
    """Where each ``[n]`` of an answer comes from; the quote itself is in the answer."""
    return [f"- **[{q.n}]** *{_md(cite(q.source))}*{_readers(q.source)}" for q in quotes]


def appendix_sources(items: Sequence[SheetRow], sources: Sequence[Source]) -> list[Source]:
    """The sources a sheet's appendix quotes in full: the article's own (title, post,
    reference...), and a reader comment only where an answer quotes it; never a
    low-content one."""
    cited = {q.source.id for item in items if isinstance(item, Answer) for q in item.quotes}
    return [s for s in sources if not s.low_content and (s.kind != "comment" or s.id in cited)]


def _summary(items: Sequence[SheetRow]) -> str:
    answers = [i for i in items if isinstance(i, Answer)]
    answered = sum(not a.abstained for a in answers)
    parts = [
        f"{len(items)} question{'s' if len(items) != 1 else ''}",
        f"{answered} answered",
        f"{len(answers) - answered} not answered in the article",
    ]
    bad = len(items) - len(answers)
    if bad:
        parts.append(f"{bad} could not be read")
    return ": ".join([parts[0], ", ".join(parts[1:])]) + "."


def _article_head(article: ArticleInfo, sources: Sequence[Source]) -> list[str]:
    """An added article's title, author, date and link, for the top of its sheet."""
    posts = sum(s.kind == "post" for s in sources)
    comments = sum(s.kind == "comment" for s in sources)
    out = [f"**Article:** {_md(article.title)} ({posts} paragraph{'s' * (posts != 1)}, "
           f"{comments} reader comment{'s' * (comments != 1)})", ""]
    by = ", ".join(x for x in (article.author, article.date) if x)
    if by:
        out += [f"**By:** {_md(by)}", ""]
    if article.url:
        out += [f"**Link:** <{article.url.replace('>', '%3E')}>", ""]
    elif article.site:
        out += [f"**Site:** {_md(article.site)}", ""]
    return out


def _render_md(items: Sequence[SheetRow], sources: Sequence[Source],
               article: ArticleInfo | None = None) -> str:
    by_kind = {s.kind: s for s in reversed(sources)}
    title = by_kind["title"].text if "title" in by_kind else "the article"
    out = [f"# Questions and answers: {_md(title)}", ""]
    if article is not None:
        out += _article_head(article, sources)
    elif "title" in by_kind:
        posts = sum(s.kind == "post" for s in sources)
        comments = sum(s.kind == "comment" for s in sources)
        shape = f"blog post, {posts} paragraph{'s' * (posts != 1)}"
        shape += f", {comments} reader comment{'s' * (comments != 1)}"
        out += [f"**Article:** {_md(title)} ({shape})", ""]
    if "reference" in by_kind and article is None:
        out += [f"**Reviewed paper:** {_md(by_kind['reference'].text)}", ""]
    out += [
        "Every answer is quoted from the article; the numbers in brackets point to where each "
        "quote comes from, listed under it. " + _summary(items),
        "",
    ]
    for number, item in enumerate(items, start=1):
        if isinstance(item, SheetError):
            where = f" (line {item.line})" if item.line is not None else ""
            shown = _md(item.question, user=True) or "(empty line)"
            out += [f"## {number}. {shown}", ""]
            out += [f"**Could not be read{where}:** {_md(item.error)}", ""]
            continue
        out += [f"## {number}. {_md(item.question, user=True)}", ""]
        if item.resolved_question and item.resolved_question != item.question:
            out += [f"*Read as:* {_md(item.resolved_question, user=True)}", ""]
        if item.abstained:
            out += [f"**{_md(not_answered(item))}**", ""]
            closest = closest_for_sheet(item)
            if closest:
                out += ["Closest passages, for you to judge:", "", *_md_quotes(closest), ""]
        else:
            out += [_md(item.answer), "", *_md_citations(item.quotes), ""]
    quoted = appendix_sources(items, sources)
    if quoted:
        out += ["---", "", "## Sources", ""]
        for number, source in enumerate(quoted, start=1):
            out += [f"{number}. **{_md(cite(source))}**{_readers(source)}: {_md(source.text)}"]
        out.append("")
    return "\n".join(out)


# --- writing ---------------------------------------------------------------------------


def write_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` whole or not at all: temp file, fsync, os.replace.

    A link is followed (the file it names is replaced, the link kept). A device, FIFO or
    socket (``/dev/stdout``, a named pipe) is written through, never replaced by a file.
    """
    target = Path(path)
    try:
        mode = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "it is a folder", os.fspath(target))
    if mode is not None and not stat.S_ISREG(mode):
        with open(target, "wb") as fh:
            fh.write(text.encode("utf-8"))
        return
    target = Path(os.path.realpath(target))
    directory = target.parent
    while True:
        tmp = directory / f".{target.name}.{secrets.token_hex(4)}.tmp"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode & 0o7777)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    try:
        dir_fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)

