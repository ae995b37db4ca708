"""The chat's article parts: the picker's entries, the page header, and adding an uploaded
page or pasted text to the library. Everything shown is escaped; the article is text, never
markup that runs."""

from __future__ import annotations

import logging
from pathlib import Path

from .errors import AssistantError
from .ingest.fetch import MAX_BYTES as UPLOAD_MAX_BYTES
from .ingest.read import SUFFIXES, read_bytes
from .library import ArticleInfo, Library
from .ui_html import _e

log = logging.getLogger(__name__)


def article_choices(library: Library) -> list[tuple[str, str]]:
    """The picker's entries, (label, id): the bundled article first."""
    out = []
    for info in library.articles():
        by = f" \u2014 {info.author}" if info.author else ""
        out.append((f"{info.title}{by}" + (" (built in)" if info.bundled else ""), info.id))
    return out


def header_html(info: ArticleInfo) -> str:
    by = ", ".join(x for x in (info.author, info.date) if x)
    by_html = f' <span class="qa-by">by {_e(by)}</span>' if by else ""
    link = ""
    if info.url and info.url.lower().startswith(("http://", "https://")):
        link = (f' <a class="qa-link" href="{_e(info.url)}" rel="noopener noreferrer nofollow" '
                'target="_blank">original page</a>')
    return (f'<h1 style="font-size:1.4rem;margin:.2rem 0">Ask the article: {_e(info.title)}</h1>'
            f'<p style="margin:0">{by_html.strip()}{link}</p>'
            '<p style="margin:0">Every answer is quoted from the article. Click a citation to '
            "see the sentence in the article.</p>")


def add_article(library: Library, upload: str | None, pasted: str | None) -> tuple[str, str | None]:
    """Add an uploaded page or pasted text: (a message for the reader, the new id or None).
    Nothing is added on any error; the message says what was wrong."""
    try:
        if upload:
            path = Path(upload)
            size = path.stat().st_size
            if size > UPLOAD_MAX_BYTES:
                return (f"That file is {size / 2**20:.1f} MB; the limit is "
                        f"{UPLOAD_MAX_BYTES / 2**20:g} MB. Save the page as \u201cWeb page, "
                        "HTML only\u201d, or paste the article\u2019s text."), None
            kind = SUFFIXES.get(path.suffix.lower())
            received = read_bytes(path.read_bytes(), path.name, kind=kind)
        elif pasted and pasted.strip():
            data = pasted.encode("utf-8")
            if len(data) > UPLOAD_MAX_BYTES:
                return "The pasted text is over 5 MB; paste only the article.", None
            received = read_bytes(data, "the pasted text")
        else:
            return ("Choose a saved page (.html, .mhtml, .webarchive), an e-mail (.eml, .mbox), "
                    "a .txt or .md file, or paste the article\u2019s text."), None
        added = library.add(received)
    except AssistantError as exc:
        return f"Not added: {exc}", None
    except OSError as exc:
        return f"Not added: the file could not be read ({exc.strerror or exc}).", None
    except Exception:
        log.exception("adding an article failed")
        return "Not added: something went wrong while reading the page.", None
    info = added.info
    verb = "Added" if added.created else "Already in the library:"
    return f"{verb} {info.summary()}", info.id
