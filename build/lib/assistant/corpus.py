"""The bundled article: its page text -> typed ``Source``s, and the corpus hash.

The page is read in the text layout of ``docs/article-format.md`` (``ingest.text``), of
which the bundled page is a case: the title; the image caption (printed twice: one copy is
kept); the post's paragraphs; the review's reference; the "More like this" furniture; then
reader comments, each optionally followed by its byline
``By NAME (not verified) on DATE #permalink``. An optional ``abstract.txt`` beside the
article adds the review's abstract.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .errors import CorpusError
from .ingest.page import page_sources
from .ingest.text import read_text_page
from .types import Source

ABSTRACT_FILE = "abstract.txt"


def parse_article(text: str, filename: str = "<article>", *, markdown: bool | None = None) -> list[Source]:
    """Parse the page text into sources in reading order. Errors name the file and line."""
    return page_sources(read_text_page(text, filename, markdown=markdown))


def parse_abstract(text: str, filename: str = ABSTRACT_FILE) -> Source:
    """An abstract file: ``Key: value`` header lines, a line ``---``, then the abstract text.

    Recognised keys: ``Title``, ``Authors``, ``Date``. Only the real abstract belongs here.
    """
    header, sep, body = text.partition("\n---\n")
    if not sep:
        raise CorpusError(f"{filename}: line 1: expected header lines, then a line '---', then the text")
    meta: dict[str, str] = {}
    for number, line in enumerate(header.split("\n"), start=1):
        if not line.strip():
            continue
        key, colon, value = line.partition(":")
        if not colon or not key.strip():
            raise CorpusError(f"{filename}: line {number}: expected 'Key: value', got {line!r}")
        meta[key.strip().lower()] = value.strip()
    body = body.strip()
    if not body:
        raise CorpusError(f"{filename}: line {header.count(chr(10)) + 3}: the abstract text is empty")
    title = meta.get("title")
    label = f"Abstract of the review ({title})" if title else "Abstract of the review"
    return Source("abstract", "abstract", label, body, meta.get("authors"), meta.get("date"))


def read_article_text(path: Path) -> str:
    """The file's text, or a CorpusError naming the file and what is wrong."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise CorpusError(f"{path}: the article file does not exist") from exc
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise CorpusError(f"{path}: cannot read the article ({exc.strerror or exc})") from exc


def load_sources(article: Path) -> list[Source]:
    """Read the article (and ``abstract.txt`` beside it, if present) into sources."""
    text = read_article_text(article)
    sources = parse_article(text, str(article), markdown=True if article.suffix == ".md" else None)
    abstract = article.parent / ABSTRACT_FILE
    if abstract.is_file():
        src = parse_abstract(read_article_text(abstract), str(abstract))
        refs = [i for i, s in enumerate(sources) if s.kind == "reference"]
        at = refs[-1] + 1 if refs else len(sources)
        sources.insert(at, src)
    return sources


def corpus_hash(sources: list[Source]) -> str:
    """A digest of every source's identity and text: what the index was built from."""
    h = hashlib.sha256()
    for s in sources:
        parts = [s.id, s.kind, s.label, s.author or "", s.date or "", s.text]
        if s.section or s.low_content:
            parts += [s.section or "", "low" if s.low_content else ""]
        for part in parts:
            h.update(part.encode())
            h.update(b"\x00")
    return h.hexdigest()
