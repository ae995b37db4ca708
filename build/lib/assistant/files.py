"""Files on disk: temporary files named by their writer, so a killed writer's leftovers
can be swept, and whether an output would replace an input.

A temporary file or folder is ``.<name>.<pid>-<random>.tmp`` next to its target: a later
process removes the ones whose writer is gone, never another live writer's work.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import stat
import time
from pathlib import Path

_TEMP = re.compile(r"^\..+\.(?:(\d+)-)?[0-9A-Za-z_]+\.tmp$")
LEGACY_AGE = 3600.0  # a temp without a pid (older versions) is a leftover after an hour


def running(pid: int) -> bool:
    """Whether process ``pid`` exists (0 and below count as running: never swept)."""
    if pid <= 0:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # it exists, owned by someone else
    return True


def temp_path(target: Path) -> Path:
    """A fresh hidden temporary name next to ``target``, carrying this process's pid."""
    return target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(4)}.tmp")


def sweep(folder: Path) -> list[Path]:
    """Remove the temporary files and folders in ``folder`` left by writers that are gone.
    Best effort: returns what was removed."""
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    removed = []
    for entry in entries:
        match = _TEMP.match(entry.name)
        if not match:
            continue
        if match.group(1):
            if running(int(match.group(1))):
                continue
        else:
            try:
                if time.time() - entry.lstat().st_mtime < LEGACY_AGE:
                    continue
            except OSError:
                continue
        try:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
        except OSError:
            continue
        removed.append(entry)
    return removed


def same_file(questions: str | os.PathLike[str] | int, out: str | os.PathLike[str]) -> bool:
    """Whether writing ``out`` would replace the regular file the questions come from (a path
    or an open file descriptor such as standard input), through links and hard links."""
    try:
        a = os.fstat(questions) if isinstance(questions, int) else os.stat(questions)
        b = os.stat(out)
    except (OSError, ValueError):
        return False
    return stat.S_ISREG(a.st_mode) and (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)
