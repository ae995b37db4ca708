"""The article library's folder on disk, and ``ArticleInfo``, what it records of an article.

One folder per added article under ``Settings.library_path``::

    ID/article.json     what it is (title, author, date, link, counts, content hash, when added)
    ID/sources.json     its sources, as ``assistant sources --json`` prints them
    ID/page.html        the page as received (or page.txt / page.md)
    ID/*.faiss, chunks.json, manifest.json    its index (``assistant.index``)

An article is written whole in a hidden temporary folder of the library (``staging``) and
renamed into place (``move_into_place``), so an interrupted add leaves the library as it was;
a file lock (``locked``) makes concurrent adds and removes safe.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from .corpus import corpus_hash
from .errors import LibraryError
from .types import Source

log = logging.getLogger(__name__)

FORMAT = 1
LOCK_TIMEOUT = 120.0  # seconds to wait for another add or remove to finish
_STALE_TMP = 3600.0  # a temporary folder this old is an interrupted add's leftover


@dataclass(frozen=True)
class ArticleInfo:
    """What the library knows of an article without loading it."""

    id: str
    title: str
    author: str | None = None
    date: str | None = None
    url: str | None = None
    site: str | None = None
    sources: int = 0
    paragraphs: int = 0
    comments: int = 0
    bundled: bool = False
    added: str | None = None
    content_hash: str | None = None
    page_file: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The contract's shape (id, title, author, date, url, sources) and a few extras."""
        return {"id": self.id, "title": self.title, "author": self.author, "date": self.date,
                "url": self.url, "sources": self.sources, "paragraphs": self.paragraphs,
                "comments": self.comments, "site": self.site, "bundled": self.bundled,
                "added": self.added}

    def summary(self) -> str:
        """One line: title, author, date, paragraphs, comments."""
        by = f" by {self.author}" if self.author else ""
        when = f", {self.date}" if self.date else ""
        return (f"\u201c{self.title}\u201d{by}{when}: {self.paragraphs} paragraph"
                f"{'s' * (self.paragraphs != 1)}, {self.comments} comment{'s' * (self.comments != 1)}")

    @classmethod
    def of(cls, article_id: str, sources: list[Source], **extra: Any) -> ArticleInfo:
        title = next((s for s in sources if s.kind == "title"), None)
        return cls(article_id, title.text if title else article_id,
                   title.author if title else None, title.date if title else None,
                   sources=len(sources), paragraphs=sum(s.kind == "post" for s in sources),
                   comments=sum(s.kind == "comment" for s in sources),
                   content_hash=corpus_hash(sources), **extra)



def write_json(path: Path, data: Any) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def read_info(folder: Path) -> ArticleInfo | None:
    """The article.json of an article's folder; None if there is none or it is unreadable."""
    try:
        data = json.loads((folder / "article.json").read_text(encoding="utf-8"))
        data.pop("format", None)
        return ArticleInfo(**data)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError) as exc:
        log.warning("skipping %s: unreadable article.json (%s)", folder, exc)
        return None


def has(library: Path, article_id: str) -> bool:
    return (library / article_id / "article.json").is_file()


def free_id(library: Path, base: str, bundled_id: str) -> str:
    """``base``, or ``base-2``, ``base-3``... if a folder (or the bundled article) has it."""
    if base != bundled_id and not (library / base).exists():
        return base
    n = 2
    while (library / f"{base}-{n}").exists():
        n += 1
    return f"{base}-{n}"


@contextmanager
def locked(library: Path) -> Iterator[None]:
    """One add or remove at a time, across processes."""
    try:
        library.mkdir(parents=True, exist_ok=True)
        lock = FileLock(str(library / ".lock"), timeout=LOCK_TIMEOUT)
        with lock:
            yield
    except Timeout as exc:
        raise LibraryError(f"the library {library} is busy (another add or remove has "
                           f"held it for {LOCK_TIMEOUT:g} s); try again") from exc
    except PermissionError as exc:
        raise LibraryError(f"cannot write to the library {library} ({exc.strerror}); "
                           "set ASSISTANT_LIBRARY_DIR to a folder you can write") from exc


@contextmanager
def staging(library: Path) -> Iterator[Path]:
    """A hidden temporary folder of the library to write an article in; removed at the end
    unless it was moved into place (an error, or the same content won a race)."""
    library.mkdir(parents=True, exist_ok=True)
    sweep(library)
    tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=library))
    try:
        yield tmp
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def move_into_place(library: Path, tmp: Path, article_id: str, replacing: bool) -> None:
    """Rename a staged article to ``library/article_id``, the one it replaces out of the way."""
    target = library / article_id
    if not replacing:
        if target.exists():  # an unfinished folder with no article.json
            shutil.rmtree(target)
        os.rename(tmp, target)
        return
    trash = Path(tempfile.mkdtemp(prefix=".trash-", dir=library))
    os.rename(target, trash / article_id)
    os.rename(tmp, target)
    shutil.rmtree(trash, ignore_errors=True)


def to_trash(library: Path, folder: Path) -> Path:
    """Rename an article's folder into a hidden trash folder (removed by the caller, outside
    the lock); returns the trash folder."""
    trash = Path(tempfile.mkdtemp(prefix=".trash-", dir=library))
    os.rename(folder, trash / folder.name)
    return trash


def sweep(library: Path) -> None:
    """Remove what interrupted adds left behind (hidden folders over an hour old)."""
    now = time.time()
    for entry in os.scandir(library):
        if entry.name.startswith((".tmp-", ".trash-")) and entry.is_dir():
            try:
                if now - entry.stat().st_mtime > _STALE_TMP:
                    shutil.rmtree(entry.path, ignore_errors=True)
            except OSError:
                continue
