"""A link -> the page's bytes, with limits: httpx, a timeout, at most 5 redirects, at most
5 MB (streamed: the download stops past the limit), HTML or text only.

Every failure is a ``FetchError`` saying what went wrong with which link (timeout, HTTP
status, wrong content type, too big), never a traceback.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

from ..errors import FetchError

log = logging.getLogger(__name__)

MAX_BYTES = 5 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT = 15.0  # seconds: connecting, and between two reads
TOTAL_TIMEOUT = 60.0  # seconds for the whole download
# What an article may be served as; anything else (PDF, images, JSON...) is refused.
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain", "text/markdown", "text/x-markdown"})
USER_AGENT = "article-assistant/0.1 (+offline reader; fetches one page when asked)"


@dataclass(frozen=True)
class Fetched:
    """A page as received: where it ended up, what it says it is, and its bytes."""

    url: str  # the link as given
    final_url: str  # after redirects
    media_type: str  # "text/html", "text/plain", ... ("" when the server did not say)
    charset: str | None
    body: bytes


def is_link(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def check_link(url: str) -> str:
    """The link, stripped, if it is an http(s) link with a host; else a FetchError."""
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not a web link: {url[:200]!r}; give an http:// or https:// address")
    return url


def media_type(header: str) -> tuple[str, str | None]:
    """A Content-Type header -> its media type, lowercased, and its charset (None if unsaid)."""
    main, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip('"')
    return main.strip().lower(), charset


def fetch(url: str, *, timeout: float = TIMEOUT, max_bytes: int = MAX_BYTES,
          max_redirects: int = MAX_REDIRECTS, total_timeout: float = TOTAL_TIMEOUT,
          transport: httpx.BaseTransport | None = None) -> Fetched:
    """Download one page. Raises ``FetchError`` with the reason on any failure."""
    url = check_link(url)
    started = time.monotonic()
    limit_mb = max_bytes / (1024 * 1024)
    try:
        with httpx.Client(follow_redirects=True, max_redirects=max_redirects,
                          timeout=httpx.Timeout(timeout), transport=transport,
                          headers={"User-Agent": USER_AGENT,
                                   "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,"
                                             "text/markdown;q=0.9"}) as client, \
                client.stream("GET", url) as response:
            if response.status_code >= 400:
                reason = response.reason_phrase or "error"
                raise FetchError(f"{url} answered {response.status_code} {reason}: "
                                 "check the link, or save the page from your browser and add the file")
            media, charset = media_type(response.headers.get("content-type", ""))
            if media and media not in HTML_TYPES | TEXT_TYPES:
                raise FetchError(f"{url} is {media}, not a web page or text: only HTML, plain text "
                                 "and Markdown articles can be added")
            length = response.headers.get("content-length", "")
            if length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"{url} is {int(length) / 2**20:.1f} MB; the limit is "
                                 f"{limit_mb:g} MB")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"{url} is over {limit_mb:g} MB; the limit is {limit_mb:g} MB "
                                     "(the download was stopped)")
                chunks.append(chunk)
                if time.monotonic() - started > total_timeout:
                    raise FetchError(f"{url} took over {total_timeout:g} s to download; try again "
                                     "or save the page from your browser and add the file")
            final = str(response.url)
    except FetchError:
        raise
    except httpx.TooManyRedirects as exc:
        raise FetchError(f"{url} redirects more than {max_redirects} times; give the page's final "
                         "address") from exc
    except httpx.TimeoutException as exc:
        raise FetchError(f"{url} did not answer within {timeout:g} s; check the link or try "
                         "again later") from exc
    except httpx.InvalidURL as exc:
        raise FetchError(f"not a valid link: {url[:200]!r} ({exc})") from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"could not fetch {url}: {exc or type(exc).__name__}") from exc
    if final != url:
        log.info("%s redirected to %s", url, final)
    return Fetched(url, final, media, charset, b"".join(chunks))
