"""Files handed out for download (the chat's Q&A sheets): private, bounded, removed at exit.

The chat writes a Markdown and a CSV sheet after every answer. A server that runs for weeks
must not let them pile up, nor share a folder with other processes on the machine, so:

* each process gets its own folder, ``tempfile.mkdtemp(prefix="article-assistant-sheets-<pid>-")``
  (a fresh name, mode 0700), made on first use and removed when the interpreter exits;
* atexit hooks do not run when a process is killed, nor when uvicorn stops on SIGTERM (it
  re-raises the signal after its graceful shutdown), so the server removes its folder
  itself when it stops (``remove_process_folder``), sweeps the folders of this user's
  processes that are gone when it starts (``sweep_leftovers``), and making a folder sweeps
  too: leftovers of a killed process never outlive the next start;
* a file lives in a subfolder named by its content hash, so the reader still downloads
  ``qa-sheet.md`` while sessions never overwrite each other's files, and the same
  conversation reuses its file;
* every write prunes the folder: only the newest ``KEEP`` entries (subfolders) stay, and none
  older than ``MAX_AGE`` seconds. A file only has to last until Gradio has copied it into its
  own cache, right after the event handler returns, so these bounds are generous.

Gradio's cache copies are bounded separately, by ``delete_cache`` on the page (see ``ui``).
"""

from __future__ import annotations

import atexit
import hashlib
import os
import re
import shutil
import stat
import tempfile
import threading
import time
from collections.abc import Collection
from pathlib import Path

from .files import running
from .sheet import write_atomic

PREFIX = "article-assistant-sheets-"
KEEP = 200  # entries (one file each) kept in a download folder; the oldest go first
MAX_AGE = 3600.0  # seconds: an entry not written or reused for an hour is removed

_lock = threading.Lock()  # one writer or pruner at a time, so a reused file is never pruned
_folders: dict[int, Path] = {}  # pid -> that process's folder (a forked child makes its own)


def process_folder() -> Path:
    """This process's private download folder, made on first use and removed at exit."""
    pid = os.getpid()
    with _lock:
        folder = _folders.get(pid)
        if folder is None or not folder.is_dir():
            sweep_leftovers()
            folder = Path(tempfile.mkdtemp(prefix=f"{PREFIX}{pid}-"))
            _folders[pid] = folder
            atexit.register(_remove, folder, pid)
        return folder


def remove_process_folder() -> None:
    """Remove this process's folder now, if it made one: the server calls this when it
    stops, since a SIGTERM shutdown skips the atexit hook."""
    with _lock:
        folder = _folders.pop(os.getpid(), None)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


def sweep_leftovers() -> int:
    """``sweep`` the system temp folder: the server calls this when it starts, so a
    stopped server's sheets do not wait for the next server's first answer."""
    return sweep(Path(tempfile.gettempdir()))


def _remove(folder: Path, pid: int) -> None:
    """The exit hook: remove ``folder`` only in the process that made it (not a forked child)."""
    if os.getpid() == pid:
        shutil.rmtree(folder, ignore_errors=True)


def sweep(directory: Path) -> int:
    """Remove the folders in ``directory`` that processes of this user left behind and that
    are gone (named ``PREFIX<pid>-...`` with no such pid running). Returns how many."""
    name = re.compile(re.escape(PREFIX) + r"(\d{1,9})-[^/]+")
    removed = 0
    for child in directory.glob(PREFIX + "*"):
        match = name.fullmatch(child.name)
        if not match or running(int(match[1])):
            continue
        try:
            info = child.lstat()
        except OSError:
            continue
        if stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid():
            shutil.rmtree(child, ignore_errors=True)
            removed += 1
    return removed


def store(directory: Path, name: str, text: str, *, keep: int | None = None,
          max_age: float | None = None) -> Path:
    """Write ``text`` to ``directory/<content hash>/name`` (reused if there), then prune.

    Returns the file's path. ``keep`` and ``max_age`` (default ``KEEP``, ``MAX_AGE``) bound
    the folder as in ``prune``.
    """
    entry = directory / hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]
    path = entry / name
    with _lock:
        entry.mkdir(parents=True, exist_ok=True)
        if path.exists():
            os.utime(entry)  # handed out again: it counts as new
        else:
            write_atomic(path, text)
            os.utime(entry)
        prune(directory, keep=KEEP if keep is None else keep,
              max_age=MAX_AGE if max_age is None else max_age, spare=(entry,))
    return path


def prune(directory: Path, *, keep: int = KEEP, max_age: float = MAX_AGE,
          spare: Collection[Path] = ()) -> int:
    """Remove all but the newest ``keep`` entries of ``directory``, and any older than
    ``max_age`` seconds (by modification time); ``spare`` entries are never removed.

    Returns how many entries were removed. Entries that vanish meanwhile are skipped.
    """
    now = time.time()
    entries: list[tuple[float, Path]] = []
    try:
        children = list(directory.iterdir())
    except FileNotFoundError:
        return 0
    for child in children:
        try:
            entries.append((child.lstat().st_mtime, child))
        except FileNotFoundError:
            continue
    entries.sort(key=lambda e: e[0], reverse=True)  # newest first
    removed = 0
    for rank, (mtime, child) in enumerate(entries):
        if child in spare or (rank < keep and now - mtime <= max_age):
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child, ignore_errors=True)
        else:
            child.unlink(missing_ok=True)
        removed += 1
    return removed
