"""Any source of an article -> ``Received`` (its ``Page`` and the bytes as received).

A reader is picked by content: a saved page (``.html``/``.htm`` or HTML content) goes to
``extract``, and so does the page inside a one-file archive (``.mhtml``/``.mht``,
``.webarchive``: ``archive``); an e-mail saved as ``.eml`` or a mailbox (``.mbox``) as a mail
client shows it (``mail_file``); a ``.txt``/``.md`` file or plain text to ``text``
(``docs/article-format.md``);
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
from . import archive, mail_file
from .archive import MHTML, WEBARCHIVE
from .charset import to_utf8, unmark
from .digest import own_lines, replied_to
from .extract import is_binary, read_html_page
from .fetch import HTML_TYPES, MAX_BYTES, Fetched, fetch, is_link
from .mail import Message, split_thread
from .mail_file import EML, MBOX, Mail
from .page import COMMENT, Block, Page, with_replies
from .signoff import message_text
from .text import read_text_page

HTML, TEXT, MARKDOWN = "html", "text", "markdown"
SUFFIXES = {".html": HTML, ".htm": HTML, ".xhtml": HTML, ".txt": TEXT, ".text": TEXT,
            ".srt": TEXT, ".vtt": TEXT,
            ".md": MARKDOWN, ".markdown": MARKDOWN, ".mhtml": MHTML, ".mht": MHTML,
            ".webarchive": WEBARCHIVE, ".eml": EML, ".mbox": MBOX}
# kept as received: an archive's pictures and styles too
STORED_AS = {HTML: "page.html", TEXT: "page.txt", MARKDOWN: "page.md", MHTML: "page.mhtml",
             WEBARCHIVE: "page.webarchive", EML: "page.eml", MBOX: "page.mbox"}
# media types of one-file saved pages, as servers and clients send them
ARCHIVE_TYPES = {"multipart/related": MHTML, "application/x-mimearchive": MHTML,
                 "message/rfc822": EML, "application/mbox": MBOX,
                 "application/x-webarchive": WEBARCHIVE}
_HTML_STARTS = ("<!doctype html", "<html", "<head", "<body", "<article", "<div", "<p>", "<p ",
                "<main", "<section", "<meta", "<title", "<!--")


@dataclass(frozen=True)
class Received:
    """An article as read: the page, its bytes as received, their kind and where from."""

    page: Page
    data: bytes
    kind: str  # html, text, markdown, mhtml, webarchive, eml or mbox
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
    """Read ``data`` as ``kind`` (html, text, markdown, mhtml, webarchive, eml, mbox), or as
    its content says; ``charset`` is the encoding a server declared (``charset.py`` says how
    the bytes are decoded)."""
    _limit(len(data), name, max_bytes)
    packed, mailed = archive.sniff(data), mail_file.sniff(data)
    if packed and kind != MHTML and mailed == EML and mail_file.was_sent(data):
        packed = None  # an e-mail with its pictures in it is multipart/related too
    if packed or kind in (MHTML, WEBARCHIVE):
        return _read_archive(data, name, packed or str(kind), url)
    mailed = mailed or (kind if kind in (EML, MBOX) else None)
    if mailed:
        page = _mbox_page(data, name) if mailed == MBOX \
            else _mail_page(mail_file.unpack(data, name), name)
        return Received(page, data, mailed, name, url)
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


def _mail_page(mail: Mail, name: str) -> Page:
    """A saved e-mail as a page: read as an exported one (``mail.py``) when its plain text
    quotes earlier messages (or it has no HTML), else as its HTML (a newsletter's layout);
    titled by its subject, by its sender, dated the day it was sent."""
    if mail.plain is not None and (mail.html is None or split_thread(mail.as_text())):
        return _text_page(mail.as_text(), name, markdown=False, url=None)
    assert mail.html is not None
    page = read_html_page(mail.html.encode("utf-8"), name)
    # who sent it, as a mail client heads it; a bare address yields to a name the text signs
    author = mail.sender if mail.named or not page.author else page.author
    date = mail.day or page.date
    byline = None if (author, date) != (page.author, page.date) else page.byline
    if byline is None and page.byline and author == page.author and not page.date:
        # signed off by its sender ("Ann Lee, Hon. Secretary, ..."): that byline, dated
        byline = f"{page.byline}, {date}" if date else page.byline
    return Page(mail.title or page.title, page.blocks, author, date, byline, page.url, page.site,
                page.meta)


def _mbox_page(data: bytes, name: str) -> Page:
    """A mailbox as a page: its first message the post, each later one a comment signed by its
    sender and dated the day it was sent, without its quotes of earlier ones; a reply ("Re:")
    answers the latest earlier message on its subject by someone else."""
    first, *later = mail_file.mbox_messages(data, name)
    page = _mail_page(first, name)
    blocks = list(page.blocks)
    earlier = [first]
    for mail in later:
        lines = (mail.plain or _html_text(mail.html or "", name)).split("\n")
        text = message_text(Message(mail.sender, mail.day, tuple(own_lines(lines))))
        replied = replied_to(mail.subject, mail.sender, [(e.subject, e.sender) for e in earlier])
        earlier.append(mail)
        if text:
            blocks.append(Block(COMMENT, text, author=mail.sender, date=mail.day,
                                reply_to=replied or None))
    return Page(page.title, tuple(with_replies(blocks)), page.author, page.date, page.byline,
                page.url, page.site, page.meta)


def _html_text(html: str, name: str) -> str:
    """An HTML-only message's text: its page's paragraphs."""
    try:
        page = read_html_page(html.encode("utf-8"), name)
    except AssistantError:
        return ""
    return "\n\n".join(b.text for b in page.blocks)


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
