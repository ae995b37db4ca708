"""The article library: the bundled article plus every article added with ``assistant add``.

``Library`` adds, removes and lists articles and gives each its ``Assistant``. One embedder
serves every article; an article's index is loaded on first use and kept in a small
least-recently-used cache, so a library of 1,000 articles starts as fast as one. The bundled
article is always there, listed first, and is the default.

How an article is kept on disk (one folder each, written whole and renamed into place under
a file lock) is ``assistant.library_store``; ``ArticleInfo`` is re-exported from there.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import threading
import unicodedata
from collections import OrderedDict
from dataclasses import asdict, dataclass
from dataclasses import replace as dc_replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import index as index_mod
from . import library_store as store
from .config import Settings
from .corpus import corpus_hash, load_sources
from .embedding import Embedder, make_embedder
from .errors import (
    ArticleExistsError,
    InvalidRequestError,
    LibraryError,
    PageError,
    UnknownArticleError,
)
from .ingest.page import page_sources
from .ingest.read import Received, read_source
from .library_store import FORMAT, LOCK_TIMEOUT, ArticleInfo
from .types import Source

if TYPE_CHECKING:
    from .service import Assistant

log = logging.getLogger(__name__)

__all__ = ["FORMAT", "ID_PATTERN", "LOCK_TIMEOUT", "MAX_ID", "MAX_WORDS", "Added", "ArticleInfo",
           "Library", "check_id", "examples_for", "slugify"]

ID_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9._-]{0,62}[a-z0-9])?$")
MAX_ID = 64
MAX_WORDS = 100_000  # about 200 pages of a book: more is not one article, and slow to index


@dataclass(frozen=True)
class Added:
    """The outcome of ``Library.add``: the article, and whether it is new."""

    info: ArticleInfo
    created: bool
    replaced: bool = False


def slugify(text: str, limit: int = 60) -> str:
    """A title as an id: ASCII lower case, words joined by hyphens ("Hot pavement!" -> hot-pavement)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0] or slug[:limit]
    return slug.strip("-") or "article"


def check_id(article_id: object) -> str:
    """A valid article id, or InvalidRequestError saying what is wrong and what is allowed."""
    rule = (f"an id is 1 to {MAX_ID} characters: lower-case letters, digits, '-', '_' and '.', "
            "starting and ending with a letter or digit")
    if not isinstance(article_id, str) or not article_id:
        raise InvalidRequestError(f"the article id is empty; {rule}")
    shown = article_id[:80]
    if "/" in article_id or "\\" in article_id or ".." in article_id:
        raise InvalidRequestError(f"the article id {shown!r} contains '/', '\\' or '..': {rule}")
    if len(article_id) > MAX_ID:
        raise InvalidRequestError(f"the article id is {len(article_id)} characters long; {rule}")
    if not ID_PATTERN.match(article_id):
        raise InvalidRequestError(f"the article id {shown!r} is not allowed: {rule}")
    return article_id


def examples_for(info: ArticleInfo, sources: list[Source]) -> list[str]:
    """Starter questions for an added article, from what the page has."""
    out = ["What is the article about?"]
    if info.author:
        out.append("Who wrote this article?")
    if info.date:
        out.append("When was it published?")
    seen: list[str] = []
    for s in sources:
        if s.kind == "post" and s.section and s.section not in seen:
            seen.append(s.section)
    out += [f"What does the article say about \u201c{h}\u201d?" for h in seen[:3]]
    if any(s.kind == "reference" for s in sources):
        out.append("Which study does the article cite?")
    if info.comments:
        out.append("What do readers say in the comments?")
    return out


class Library:
    """Article ids -> ``Assistant``s (loaded lazily, one shared embedder); add, remove, list."""

    def __init__(self, settings: Settings | None = None, *, embedder: Embedder | None = None,
                 bundled: Assistant | None = None):
        self.settings = settings or Settings.from_env()
        self.folder = self.settings.library_path
        self.bundled_id = slugify(Path(self.settings.article_file).stem)
        self._embedder = embedder if embedder is not None else (
            bundled.embedder if bundled is not None else None)
        self._bundled = bundled
        self._cache: OrderedDict[str, Assistant] = OrderedDict()
        self._lock = threading.RLock()

    # -- the shared parts ----------------------------------------------------------------

    @property
    def embedder(self) -> Embedder:
        with self._lock:
            if self._embedder is None:
                self._embedder = make_embedder(self.settings)
            return self._embedder

    def bundled(self) -> Assistant:
        from .service import Assistant

        with self._lock:
            if self._bundled is None:
                self._bundled = Assistant.load(self.settings, embedder=self.embedder)
            return self._bundled

    # -- listing -------------------------------------------------------------------------

    def bundled_info(self) -> ArticleInfo:
        if self._bundled is not None:
            sources = list(self._bundled.sources())
        else:
            sources = load_sources(self.settings.article_path)
        return ArticleInfo.of(self.bundled_id, sources, bundled=True,
                              page_file=self.settings.article_file)

    def added(self) -> list[ArticleInfo]:
        """The added articles, oldest first."""
        if not self.folder.is_dir():
            return []
        found = []
        for entry in os.scandir(self.folder):
            if entry.is_dir() and not entry.name.startswith("."):
                info = store.read_info(Path(entry.path))
                if info is not None and info.id == entry.name:
                    found.append(info)
        return sorted(found, key=lambda i: (i.added or "", i.id))

    def articles(self) -> list[ArticleInfo]:
        """Every article: the bundled one first, then the added ones, oldest first."""
        return [self.bundled_info(), *self.added()]

    def ids(self) -> list[str]:
        return [self.bundled_id, *(i.id for i in self.added())]

    def _unknown(self, article_id: str) -> UnknownArticleError:
        known = ", ".join(self.ids())
        return UnknownArticleError(f"no article {article_id!r} in the library; known articles: "
                                   f"{known} (add one with `assistant add PAGE_OR_LINK`)")

    def _folder_of(self, article_id: str) -> Path:
        try:
            check_id(article_id)
        except InvalidRequestError:
            raise self._unknown(str(article_id)[:80]) from None
        folder = self.folder / article_id
        if not (folder / "article.json").is_file():
            raise self._unknown(article_id)
        return folder

    def info(self, article_id: str | None = None) -> ArticleInfo:
        if article_id in (None, "", self.bundled_id):
            return self.bundled_info()
        info = store.read_info(self._folder_of(article_id or ""))
        if info is None:
            raise self._unknown(article_id or "")
        return info

    def sources(self, article_id: str | None = None) -> list[Source]:
        """An article's sources, without loading its index or the model."""
        if article_id in (None, "", self.bundled_id):
            return list(self._bundled.sources()) if self._bundled else \
                load_sources(self.settings.article_path)
        path = self._folder_of(article_id or "") / "sources.json"
        try:
            rows = json.loads(path.read_text(encoding="utf-8"))["sources"]
            return [Source.from_dict(r) for r in rows]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise LibraryError(f"{path} is unreadable ({exc}); add the article again with "
                               f"`assistant add PAGE --id {article_id} --replace`") from exc

    # -- assistants ----------------------------------------------------------------------

    def get(self, article_id: str | None = None) -> Assistant:
        """The Assistant for an article (the bundled one when ``article_id`` is None)."""
        if article_id in (None, "", self.bundled_id):
            return self.bundled()
        with self._lock:
            cached = self._cache.get(article_id or "")
            if cached is not None:
                self._cache.move_to_end(article_id or "")
                return cached
            assistant = self._open(article_id or "")
            self._cache[article_id or ""] = assistant
            while len(self._cache) > max(1, self.settings.library_cache):
                self._cache.popitem(last=False)
            return assistant

    def _open(self, article_id: str, *, rebuild: bool = False) -> Assistant:
        from .service import Assistant

        folder = self._folder_of(article_id)
        info = self.info(article_id)
        sources = self.sources(article_id)
        settings = dc_replace(self.settings, index_dir=folder)
        idx = index_mod.open_index(sources, self.embedder, settings, rebuild=rebuild)
        return Assistant(settings, sources, idx, self.embedder, info=info,
                         examples=examples_for(info, sources))

    def rebuild(self, article_id: str | None = None) -> Assistant:
        """Rebuild an article's index from its sources (``assistant index build --article``)."""
        if article_id in (None, "", self.bundled_id):
            from .service import Assistant

            return Assistant.load(self.settings, embedder=self.embedder, rebuild=True)
        with self._lock:
            self._cache.pop(article_id or "", None)
            return self._open(article_id or "", rebuild=True)

    # -- adding and removing -------------------------------------------------------------

    def _existing(self, content_hash: str) -> ArticleInfo | None:
        if content_hash == self.bundled_info().content_hash:
            return self.bundled_info()
        return next((i for i in self.added() if i.content_hash == content_hash), None)

    def add_source(self, source: str, *, article_id: str | None = None, replace: bool = False,
                   **read_options: Any) -> Added:
        """Read a file, a link or ``-`` and add it (see ``add``)."""
        if article_id is not None:
            check_id(article_id)
        return self.add(read_source(source, **read_options), article_id=article_id,
                        replace=replace)

    def add(self, received: Received, *, article_id: str | None = None,
            replace: bool = False) -> Added:
        """Add an article. The same content again gives the same id and keeps one copy; an
        ``article_id`` naming a different article is refused unless ``replace``."""
        if article_id is not None:
            check_id(article_id)
            if article_id == self.bundled_id:
                raise ArticleExistsError(f"{article_id!r} is the bundled article's id; choose "
                                         "another --id")
        sources = page_sources(received.page)
        words = sum(len(s.text.split()) for s in sources)
        if words > MAX_WORDS:
            raise PageError(f"{received.name}: the article has {words:,} words; the limit is "
                            f"{MAX_WORDS:,} (add it in parts, or only the part you need)")
        chash = corpus_hash(sources)
        same = self._existing(chash)
        if same is not None and (article_id is None or article_id == same.id):
            return Added(same, created=False)
        if article_id is not None and not replace and store.has(self.folder, article_id):
            raise self._exists(article_id)
        with store.staging(self.folder) as tmp:
            page = received.page
            info = ArticleInfo.of("", sources, url=page.url, site=page.site,
                                  page_file=received.stored_as)
            (tmp / received.stored_as).write_bytes(received.data)
            store.write_json(tmp / "sources.json", {"sources": [s.to_dict() for s in sources]})
            index_mod.save(index_mod.build(sources, self.embedder, self.settings), tmp)
            with store.locked(self.folder):
                same = self._existing(chash)
                if same is not None and (article_id is None or article_id == same.id):
                    return Added(same, created=False)
                final_id = article_id or store.free_id(self.folder, slugify(page.title),
                                                       self.bundled_id)
                replacing = store.has(self.folder, final_id)
                if replacing and not replace:
                    raise self._exists(final_id)
                info = dc_replace(info, id=final_id,
                                         added=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
                store.write_json(tmp / "article.json", {"format": FORMAT, **asdict(info)})
                store.move_into_place(self.folder, tmp, final_id, replacing)
        with self._lock:
            self._cache.pop(final_id, None)
        log.info("added %s (%s)", final_id, info.summary())
        return Added(info, created=True, replaced=replacing)

    def _exists(self, article_id: str) -> ArticleExistsError:
        return ArticleExistsError(f"an article with the id {article_id!r} is already in the "
                                  "library with different content; pass --replace to replace "
                                  "it, or choose another --id")

    def remove(self, article_id: str) -> ArticleInfo:
        """Remove an added article (the bundled one cannot be removed)."""
        if article_id == self.bundled_id:
            raise InvalidRequestError(f"{article_id!r} is the bundled article; it cannot be "
                                      "removed")
        with store.locked(self.folder):
            folder = self._folder_of(article_id)
            info = store.read_info(folder) or ArticleInfo(article_id, article_id)
            trash = store.to_trash(self.folder, folder)
        with self._lock:
            self._cache.pop(article_id, None)
        shutil.rmtree(trash, ignore_errors=True)
        return info
