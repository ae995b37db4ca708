"""Pages saved as one-file archives -> the page's own HTML (or text), its charset and link.

Browsers save a page with its pictures in one file in two common shapes:

- **MHTML** (``.mhtml``, ``.mht``): Chrome's and Edge's "Webpage, Single File", Internet
  Explorer's and Word's "Web Archive". A MIME message (RFC 2557, ``multipart/related``): the
  page's HTML is one part (often quoted-printable), its images and styles the others. The main
  part is the one at the ``Snapshot-Content-Location`` Blink records, else the ``start`` part
  its ``Content-Type`` names, else the first HTML part.
- **Safari's Web Archive** (``.webarchive``): a property list whose ``WebMainResource`` holds
  the page's bytes, their encoding and the page's link.

Only the main page is read; frames, pictures and styles are left. Every failure is a
``PageError`` naming the file.
"""

from __future__ import annotations

import email.parser
import email.policy
import plistlib
import re
from dataclasses import dataclass
from email.message import Message

from ..errors import PageError

MHTML, WEBARCHIVE = "mhtml", "webarchive"
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# The head of an MHTML file: header lines, one of them a multipart/related Content-Type.
_MHTML_HEAD = re.compile(rb"^(?:[\x21-\x39\x3b-\x7e]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*?"
                         rb"content-type:[ \t]*multipart/related", re.I)


@dataclass(frozen=True)
class Unpacked:
    """The page inside an archive: its bytes, whether they are HTML, their declared charset
    and the link the page was saved from."""

    data: bytes
    html: bool
    charset: str | None
    url: str | None


def sniff(data: bytes) -> str | None:
    """MHTML or WEBARCHIVE when ``data`` is such an archive by its content, else None."""
    head = data[:8192]
    if head.startswith(b"bplist00") and b"WebMainResource" in data:
        return WEBARCHIVE
    if head.lstrip().startswith(b"<?xml") and b"<key>WebMainResource</key>" in head:
        return WEBARCHIVE
    if _MHTML_HEAD.match(head.lstrip(b"\r\n")):
        return MHTML
    return None


def unpack(data: bytes, name: str, kind: str) -> Unpacked:
    """The main page of the archive ``data`` (``kind`` MHTML or WEBARCHIVE)."""
    if kind == WEBARCHIVE:
        return _webarchive(data, name)
    return _mhtml(data, name)


def _location(part: Message) -> str | None:
    value = part.get("Content-Location")
    return str(value).strip() if value else None


def _mhtml(data: bytes, name: str) -> Unpacked:
    try:
        message = email.parser.BytesParser(policy=email.policy.default).parsebytes(data)
    except Exception as exc:  # a parser bug on a hostile file is still a bad file
        raise PageError(f"{name}: not a readable MHTML file ({exc})") from exc
    if message.get_content_type() != "multipart/related" or not message.is_multipart():
        raise PageError(f"{name}: not an MHTML page (a saved page's parts are missing)")
    parts = [p for p in message.walk() if not p.is_multipart()]
    pages = [p for p in parts if p.get_content_type() in (*_HTML_TYPES, "text/plain")]
    snapshot = message.get("Snapshot-Content-Location")
    start = message.get_param("start")
    main = None
    if snapshot:
        main = next((p for p in pages if _location(p) == str(snapshot).strip()), None)
    if main is None and isinstance(start, str):
        main = next((p for p in pages if str(p.get("Content-ID", "")).strip() == start.strip()),
                    None)
    if main is None:
        main = next((p for p in pages if p.get_content_type() in _HTML_TYPES), None)
    if main is None:
        raise PageError(f"{name}: the MHTML file holds no page (no text/html part)")
    try:
        body = main.get_payload(decode=True)
    except Exception as exc:
        raise PageError(f"{name}: the page inside the MHTML file cannot be decoded ({exc})") from exc
    if not isinstance(body, bytes) or not body.strip():
        raise PageError(f"{name}: the page inside the MHTML file is empty")
    charset = main.get_content_charset()
    url = str(snapshot).strip() if snapshot else _location(main)
    return Unpacked(body, main.get_content_type() in _HTML_TYPES, charset, _web_link(url))


def _webarchive(data: bytes, name: str) -> Unpacked:
    try:
        archive = plistlib.loads(data)
    except Exception as exc:  # InvalidFileException, or worse on a hostile file
        raise PageError(f"{name}: not a readable Safari web archive ({exc})") from exc
    main = archive.get("WebMainResource") if isinstance(archive, dict) else None
    if not isinstance(main, dict) or not isinstance(main.get("WebResourceData"), bytes):
        raise PageError(f"{name}: the web archive holds no page (no WebMainResource)")
    body: bytes = main["WebResourceData"]
    if not body.strip():
        raise PageError(f"{name}: the page inside the web archive is empty")
    mime = str(main.get("WebResourceMIMEType") or "text/html").lower()
    if mime not in (*_HTML_TYPES, "text/plain"):
        raise PageError(f"{name}: the web archive holds {mime}, not a page")
    charset = main.get("WebResourceTextEncodingName")
    url = main.get("WebResourceURL")
    return Unpacked(body, mime in _HTML_TYPES, charset if isinstance(charset, str) else None,
                    _web_link(url if isinstance(url, str) else None))


def _web_link(url: str | None) -> str | None:
    """The page's link, when it is a web one (not ``file:`` or ``cid:``)."""
    if url and url.lower().startswith(("http://", "https://")) and len(url) <= 2000:
        return url
    return None


__all__ = ["MHTML", "WEBARCHIVE", "Unpacked", "sniff", "unpack"]
