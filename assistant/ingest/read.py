"""Any source of an article -> ``Received`` (its ``Page`` and the bytes as received).

A reader is picked by content: a saved page (``.html``/``.htm`` or HTML content) goes to
``extract``, and so does the page inside a one-file archive (``.mhtml``/``.mht``,
``.webarchive``: ``archive``); a ``.txt``/``.md`` file or plain text to ``text`` (``docs/article-format.md``);
``-`` is standard input; a link is fetched (``fetch``) and read by its content type.
Every failure is a ``PageError`` naming the source and what is wrong with it.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..errors import AssistantError, PageError
from . import archive
from .archive import MHTML, WEBARCHIVE
from .charset import to_utf8, unmark
from .extract import is_binary, read_html_page
from .fetch import HTML_TYPES, MAX_BYTES, Fetched, fetch, is_link
from .page import Page
from .text import read_text_page

HTML, TEXT, MARKDOWN = "html", "text", "markdown"
SUFFIXES = {".html": HTML, ".htm": HTML, ".xhtml": HTML, ".txt": TEXT, ".text": TEXT,
            ".srt": TEXT, ".vtt": TEXT,
            ".md": MARKDOWN, ".markdown": MARKDOWN, ".mhtml": MHTML, ".mht": MHTML,
            ".webarchive": WEBARCHIVE}
# kept as received: an archive's pictures and styles too
STORED_AS = {HTML: "page.html", TEXT: "page.txt", MARKDOWN: "page.md", MHTML: "page.mhtml",
             WEBARCHIVE: "page.webarchive"}
# media types of one-file saved pages, as servers and clients send them
ARCHIVE_TYPES = {"multipart/related": MHTML, "application/x-mimearchive": MHTML,
                 "message/rfc822": MHTML, "application/x-webarchive": WEBARCHIVE}
_HTML_STARTS = ("<!doctype html", "<html", "<head", "<body", "<article", "<div", "<p>", "<p ",
                "<main", "<section", "<meta", "<title", "<!--")


@dataclass(frozen=True)
class Received:
    """An article as read: the page, its bytes as received, their kind and where from."""

    page: Page
    data: bytes
    kind: str  # html, text, markdown, mhtml or webarchive
    name: str  # the file, the link or "-"
    url: str | None = None

    @property
    def stored_as(self) -> str:
        return STORED_AS[self.kind]


def looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(tuple(s.encode() for s in _HTML_STARTS))


def _limit(size: int, name: str, max_bytes: int) -> None:
    if size > max_bytes:
        raise PageError(f"{name} is {size / 2**20:.1f} MB; the limit is {max_bytes / 2**20:g} MB "
                        "(an article page is rarely over 1 MB: save it as 'HTML only')")


def read_bytes(data: bytes, name: str, *, kind: str | None = None, url: str | None = None,
               charset: str | None = None, max_bytes: int = MAX_BYTES) -> Received:
    """Read ``data`` as ``kind`` (html, text, markdown, mhtml, webarchive), or as its content
    says; ``charset`` is the encoding a server declared (``charset.py`` says how the bytes are
    decoded)."""
    _limit(len(data), name, max_bytes)
    packed = archive.sniff(data)
    if packed or kind in (MHTML, WEBARCHIVE):
        return _read_archive(data, name, packed or str(kind), url)
    unmarked = unmark(data)
    if not unmarked.strip():
        raise PageError(f"{name}: the page is empty")
    if kind is None:
        kind = HTML if looks_like_html(unmarked) else TEXT
    if kind == HTML:
        page = read_html_page(to_utf8(unmarked, name, html=True, charset=charset), name, url=url)
        return Received(page, data, HTML, name, url)
    if is_binary(unmarked):
        raise PageError(f"{name}: not text: it holds binary data (an image, a PDF or an "
                        "archive?); give a saved web page (.html), a .txt or a .md file")
    text = to_utf8(unmarked, name, html=False, charset=charset).decode("utf-8")
    page = _text_page(text, name, markdown=True if kind == MARKDOWN else None, url=url)
    return Received(page, data, kind, name, url)


def _text_page(text: str, name: str, *, markdown: bool | None, url: str | None) -> Page:
    try:
        page = read_text_page(text, name, markdown=markdown)
    except PageError:
        raise
    except AssistantError as exc:  # CorpusError: the layout is wrong, with the line
        raise PageError(str(exc)) from exc
    if url:
        page = Page(page.title, page.blocks, page.author, page.date, page.byline, url, page.site,
                    page.meta)
    return page


def _read_archive(data: bytes, name: str, kind: str, url: str | None) -> Received:
    """The page inside a one-file archive, read as any page is, kept as the archive."""
    inner = archive.unpack(data, name, kind)
    link = url or inner.url
    page = read_bytes(inner.data, name, kind=HTML if inner.html else TEXT, url=link,
                      charset=inner.charset).page
    return Received(page, data, kind, name, link)


def read_fetched(got: Fetched, max_bytes: int = MAX_BYTES) -> Received:
    if got.media_type in HTML_TYPES:
        kind: str | None = HTML
    elif got.media_type in ("text/markdown", "text/x-markdown"):
        kind = MARKDOWN
    elif got.media_type in ARCHIVE_TYPES:
        kind = ARCHIVE_TYPES[got.media_type]
    elif got.media_type == "text/plain":
        kind = None if looks_like_html(got.body) else TEXT
    else:
        kind = None
    return read_bytes(got.body, got.url, kind=kind, url=got.final_url, charset=got.charset,
                      max_bytes=max_bytes)


def read_source(source: str, *, stdin: BinaryIO | None = None,
                fetcher: Callable[[str], Fetched] = fetch, max_bytes: int = MAX_BYTES) -> Received:
    """A file path, a link or ``-`` (standard input) -> ``Received``."""
    if source == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(max_bytes + 1)
        _limit(len(data), "standard input", max_bytes)
        return read_bytes(data, "standard input", max_bytes=max_bytes)
    if is_link(source):
        return read_fetched(fetcher(source), max_bytes)
    path = Path(source)
    if not path.is_file():
        what = "is a folder" if path.is_dir() else "does not exist"
        raise PageError(f"{source} {what}: give a saved page (.html), a .txt or .md file, a link "
                        "(http:// or https://) or - for standard input")
    try:
        _limit(path.stat().st_size, source, max_bytes)
        data = path.read_bytes()
    except OSError as exc:
        raise PageError(f"cannot read {source} ({exc.strerror or exc})") from exc
    return read_bytes(data, path.name, kind=SUFFIXES.get(path.suffix.lower()), max_bytes=max_bytes)
