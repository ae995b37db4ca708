"""The HTTP API's article routes: list, show, add (a page's HTML, text or Markdown, or a
link when the server allows it) and remove (when the server allows it).

``POST /api/articles`` takes the page itself as the body (``text/html``, ``text/plain``,
``text/markdown``, a one-file saved page: ``multipart/related`` for MHTML,
``application/x-webarchive``, or a saved e-mail: ``message/rfc822`` (``.eml``),
``application/mbox``; at most ``UPLOAD_MAX_BYTES``), or ``{"url": ...}`` as JSON when the server
runs with ``--allow-fetch``: a server that fetches any link it is given can be turned
against the network it sits in, so it does not unless told. ``DELETE`` needs
``--allow-delete``. Adding embeds the page (seconds for a long one), on a thread of its own
so questions keep being answered meanwhile.
"""

from __future__ import annotations

import asyncio
import json
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from .api_models import ErrorOut
from .api_runtime import SafeJSONResponse
from .errors import InvalidRequestError
from .ingest.fetch import MAX_BYTES as UPLOAD_MAX_BYTES
from .ingest.fetch import media_type
from .ingest.read import ARCHIVE_TYPES, HTML, MARKDOWN, TEXT, read_bytes
from .library import Library

UPLOAD_TYPES = {"text/html": HTML, "application/xhtml+xml": HTML, "text/plain": TEXT,
                "text/markdown": MARKDOWN, "text/x-markdown": MARKDOWN,
                "application/json": "json", **ARCHIVE_TYPES}


class ArticleOut(BaseModel):
    id: str = Field(examples=["hot-pavement-lazy-afternoons"])
    title: str
    author: str | None
    date: str | None
    url: str | None
    sources: int = Field(description="How many sources (title, paragraphs, comments...).")
    paragraphs: int
    comments: int
    site: str | None = None
    bundled: bool = Field(description="True for the bundled article, the default.")
    added: str | None = Field(None, description="When it was added (UTC, ISO 8601).")


class ArticleDetail(ArticleOut):
    examples: list[str] = Field(description="Starter questions for this article.")


class ArticleAdded(ArticleOut):
    created: bool = Field(description="False when the same content was already there.")
    replaced: bool = False


class ArticleList(BaseModel):
    articles: list[ArticleOut]


class LinkRequest(BaseModel):
    url: str = Field(max_length=2000, examples=["https://example.org/2024/06/a-post/"])
    id: str | None = Field(None, max_length=64, description="The article's id (default: from "
                                                           "its title).")
    replace: bool = False


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    text = {400: "Malformed body", 403: "Not allowed on this server", 404: "Unknown article id",
            409: "Another article has this id", 413: "Body over 5 MB",
            415: "Not HTML, text, Markdown, a saved-page archive or JSON",
            422: "Not an article (empty, binary, no text) or a bad id", 503: "Server busy"}
    return {c: {"model": ErrorOut, "description": text[c]} for c in codes}


_BODY = {"requestBody": {"required": True, "content": {
    "text/html": {"schema": {"type": "string"},
                  "example": "<html><head><title>A post</title></head><body><article>"
                             "<h1>A post</h1><p>Its first paragraph.</p></article></body></html>"},
    "text/plain": {"schema": {"type": "string"}},
    "text/markdown": {"schema": {"type": "string"}},
    "multipart/related": {"schema": {"type": "string", "format": "binary"},
                          "description": "A page saved as one file (MHTML: .mhtml, .mht)"},
    "application/x-webarchive": {"schema": {"type": "string", "format": "binary"},
                                 "description": "A page saved by Safari (.webarchive)"},
    "message/rfc822": {"schema": {"type": "string", "format": "binary"},
                       "description": "An e-mail saved by a mail client (.eml)"},
    "application/mbox": {"schema": {"type": "string", "format": "binary"},
                         "description": "A mailbox of e-mails (.mbox): the first the post, "
                                        "the others comments"},
    # Inlined: the route reads its body itself, so FastAPI lists no LinkRequest component.
    "application/json": {"schema": LinkRequest.model_json_schema()},
}}}


def install_article_routes(app: FastAPI, library: Library, *, allow_fetch: bool = False,
                           allow_delete: bool = False) -> ThreadPoolExecutor:
    """Add the /api/articles routes; returns the executor that runs adds (to shut down)."""
    adder = ThreadPoolExecutor(max_workers=1, thread_name_prefix="assistant-add")

    async def in_adder(fn: Any, *args: Any, **kwargs: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(adder, lambda: fn(*args, **kwargs))

    @app.get("/api/articles", response_model=ArticleList, tags=["articles"])
    async def articles() -> dict[str, Any]:
        """Every article: the bundled one (the default) first, then the added ones."""
        return {"articles": [i.to_dict() for i in library.articles()]}

    @app.get("/api/articles/{article_id}", response_model=ArticleDetail, tags=["articles"],
             responses=_errors(404, 422))
    async def article(article_id: str) -> dict[str, Any]:
        """One article: what it is, and starter questions for it."""
        info = library.info(article_id)
        examples = (library.get(article_id).examples() if not info.bundled
                    else library.bundled().examples())
        return {**info.to_dict(), "examples": examples}

    @app.post("/api/articles", response_model=ArticleAdded, status_code=201, tags=["articles"],
              responses={200: {"model": ArticleAdded, "description": "Already in the library"},
                         **_errors(400, 403, 409, 413, 415, 422)},
              openapi_extra=_BODY)
    async def add(request: Request,
                  id: str | None = Query(None, max_length=64,  # noqa: A002 - the API's name
                                         description="The article's id (default: from its title)."),
                  replace: bool = Query(False, description="Replace the article with this id.")
                  ) -> JSONResponse:
        """Add an article: the page's HTML, its text or Markdown, or the page saved as one file
        (MHTML, Safari's web archive) as the body (at most 5 MB); or, on a server started
        with --allow-fetch, JSON {"url": ...}."""
        ctype, charset = media_type(request.headers.get("content-type", ""))
        kind = UPLOAD_TYPES.get(ctype)
        body = await request.body()
        if kind == "json":
            try:
                link = LinkRequest.model_validate(json.loads(body or b"null"))
            except ValueError as exc:
                raise InvalidRequestError(
                    'expected {"url": "https://..."} (or send the page itself as text/html, '
                    f"text/plain or text/markdown): {str(exc).splitlines()[0]}") from exc
            if not allow_fetch:
                return SafeJSONResponse(
                    {"detail": "this server does not fetch links (start it with --allow-fetch); "
                               "send the page itself as text/html instead"}, status_code=403)
            added = await in_adder(library.add_source, link.url, article_id=link.id or id,
                                   replace=link.replace or replace)
        else:
            received = read_bytes(body, "the request body", kind=kind, charset=charset)
            added = await in_adder(library.add, received, article_id=id, replace=replace)
        out = {**added.info.to_dict(), "created": added.created, "replaced": added.replaced}
        return SafeJSONResponse(out, status_code=201 if added.created else 200)

    @app.delete("/api/articles/{article_id}", response_model=ArticleOut, tags=["articles"],
                responses=_errors(403, 404, 422))
    async def remove(article_id: str) -> Any:
        """Remove an added article (only on a server started with --allow-delete)."""
        if not allow_delete:
            return SafeJSONResponse({"detail": "this server does not remove articles (start it "
                                               "with --allow-delete)"}, status_code=403)
        return (await in_adder(library.remove, article_id)).to_dict()

    return adder


__all__ = ["UPLOAD_MAX_BYTES", "UPLOAD_TYPES", "install_article_routes"]
