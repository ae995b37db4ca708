"""Q&A sheets: a list of questions in, a cited sheet out (Markdown, CSV or JSON).

Teachers hand in questions, one a line (``#`` comments and blank lines skipped) or as JSON
lines (``{"question": ..., "history": [...]}``); every answer on the sheet is quoted from the
article and cited, questions the article cannot answer are marked, and unreadable lines are
reported with their line number. The same questions always give a byte-identical sheet.

Reading the questions is ``assistant.sheet_questions``, rendering the sheet
``assistant.sheet_render``; this module answers them and writes the file, and re-exports
both modules' names.
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from .errors import AssistantError
from .service import AskRequest, Assistant
from .sheet_questions import (
    DEFAULT_MAX_CHARS,
    SheetError,
    SheetItem,
    SheetRow,
    _shown,
    read_questions,
)
from .sheet_render import (
    CSV_COLUMNS,
    EXTENSIONS,
    FORMATS,
    NOT_ANSWERED,
    READERS_WORDS,
    appendix_sources,
    cite,
    closest_for_sheet,
    format_for,
    not_answered,
    render,
)
from .types import Answer

__all__ = [
    "BATCH_SIZE", "CSV_COLUMNS", "DEFAULT_MAX_CHARS", "EXTENSIONS", "FORMATS", "NOT_ANSWERED",
    "READERS_WORDS", "SheetError", "SheetItem", "SheetRow", "answer_items", "appendix_sources",
    "cite", "closest_for_sheet", "failures", "format_for", "not_answered", "read_questions",
    "render", "write_atomic",
]

BATCH_SIZE = 64  # questions per encoder call: batched for speed, small enough to show progress


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
                    # a follow-up keeps the questions it follows, for the sheet to show
                    rows[i] = replace(result, extra={**result.extra, "history": list(item.history)}) \
                        if item.history else result
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
