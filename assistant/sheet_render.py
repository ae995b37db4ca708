"""A Q&A sheet as text: Markdown, CSV or JSON, every answer quoted and cited, questions the
article cannot answer marked with the closest passages, and reader comments marked as a
reader's words. The same rows always give the same bytes."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .sheet_questions import SheetError, SheetRow
from .types import Answer, Quote, Source

if TYPE_CHECKING:
    from .library import ArticleInfo

FORMATS: tuple[str, ...] = ("md", "csv", "json")
EXTENSIONS: dict[str, str] = {".md": "md", ".markdown": "md", ".csv": "csv", ".json": "json"}
CSV_COLUMNS: tuple[str, ...] = ("question", "answer", "answered", "citations", "quotes")
NOT_ANSWERED = "Not answered in the article"
READERS_WORDS = "a reader\u2019s words, not the article\u2019s"


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


def asked_after(item: Answer) -> str | None:
    """For a follow-up on a sheet, the questions it follows, as asked ("Who said ...?")."""
    history = item.extra.get("history") or []
    return " / ".join(history) or None


def shown_question(item: Answer) -> str:
    """The question as a sheet's cell or a students' copy shows it: a follow-up with the
    question it follows ("when? (after: Who said ...?)"), so it can be answered on paper."""
    after = asked_after(item)
    return f"{item.question} (after: {after})" if after else item.question


def _render_json(items: Sequence[SheetRow], sources: Sequence[Source]) -> str:
    return json.dumps([_json_row(item) for item in items], ensure_ascii=False, indent=2) + "\n"


def _json_row(item: SheetRow) -> dict:
    row = item.to_dict()
    if isinstance(item, Answer) and item.extra.get("history"):
        row["history"] = list(item.extra["history"])
    return row


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
            row = [shown_question(item), text, "no", citations, texts]
        else:
            citations, texts = _quote_lines(item.quotes)
            row = [shown_question(item), item.answer, "yes", citations, texts]
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
        if asked_after(item):
            # a follow-up: the question it follows, as asked ("when?" after "Who said ...?")
            out += [f"*After:* {_md(asked_after(item) or '', user=True)}", ""]
        elif item.resolved_question and item.resolved_question != item.question:
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
