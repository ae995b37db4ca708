"""The HTTP API: FastAPI routes under /api, error handlers, ``create_app``.

``create_app(assistant)`` returns a FastAPI app; ``app.py`` mounts the Gradio UI on it and
serves it. Errors become 4xx JSON ``{"detail": "what is wrong"}``; no input gives a 500.
The request and response models live in ``assistant.api_models``; the micro-batcher, the
request guard (415/413) and the safe JSON response in ``assistant.api_runtime``; their names
are re-exported here.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Body, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError

from .api_articles import UPLOAD_MAX_BYTES, UPLOAD_TYPES, install_article_routes
from .api_docs import install_docs
from .api_models import (
    ANSWER_EXAMPLES,
    BATCH_EXAMPLES,
    MAX_BATCH,
    MAX_QUESTION_CHARS,
    POST_ERRORS,
    SEARCH_EXAMPLES,
    AnswerOut,
    AnswerRequest,
    BatchItemError,
    BatchQuestion,
    BatchRequest,
    BatchResponse,
    ErrorOut,
    Health,
    HitOut,
    Kind,
    QuoteOut,
    SearchRequest,
    SearchResponse,
    SourceList,
    SourceOut,
    SourceRef,
    _errors,
)
from .api_runtime import (
    MAX_BODY_BYTES,
    AnswerBatcher,
    MethodGuard,
    RequestGuard,
    SafeJSONResponse,
    ServerBusy,
)
from .errors import (
    ArticleExistsError,
    AssistantError,
    UnknownArticleError,
    UnknownSourceError,
)
from .library import Library
from .service import AskRequest, Assistant

__all__ = [
    "ANSWER_EXAMPLES", "BATCH_EXAMPLES", "MAX_BATCH", "MAX_BODY_BYTES", "MAX_QUESTION_CHARS",
    "POST_ERRORS", "SEARCH_EXAMPLES", "AnswerBatcher", "AnswerOut", "AnswerRequest",
    "BatchItemError", "BatchQuestion", "BatchRequest", "BatchResponse", "ErrorOut", "Health",
    "HitOut", "Kind", "MethodGuard", "QuoteOut", "RequestGuard", "SafeJSONResponse",
    "SearchRequest", "SearchResponse", "ServerBusy", "SourceList", "SourceOut", "SourceRef",
    "create_app",
]

log = logging.getLogger(__name__)


# -- errors ------------------------------------------------------------------------------

def _describe(errors: Sequence[Any]) -> tuple[int, str]:
    """A status and one readable line for pydantic's validation errors."""
    parts = []
    for err in errors:
        if err.get("type") == "json_invalid":
            pos = err["loc"][-1] if err.get("loc") else "?"
            reason = (err.get("ctx") or {}).get("error", "not JSON")
            return 400, f"malformed JSON body: {reason} at character {pos}"
        loc = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "body"
        if err.get("type") == "value_error" and (err.get("ctx") or {}).get("error"):
            # Our own checks (assistant.validation): their message names the field already,
            # word for word as the CLI and the Python API say it.
            parts.append(str(err["ctx"]["error"]))
            continue
        msg = err.get("msg", "invalid")
        if err.get("type") in ("literal_error", "enum"):
            msg += f", got {err.get('input')!r}"
        elif err.get("type") == "string_too_long" and isinstance(err.get("input"), str):
            msg += f" (got {len(err['input']):,})"
        parts.append(f"{loc}: {msg}")
    return 422, "; ".join(parts[:5]) or "invalid request"


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        status, detail = _describe(exc.errors())
        return SafeJSONResponse({"detail": detail}, status_code=status)

    @app.exception_handler(AssistantError)
    async def _assistant_error(_: Request, exc: AssistantError) -> JSONResponse:
        if isinstance(exc, UnknownSourceError | UnknownArticleError):
            status = 404
        elif isinstance(exc, ArticleExistsError):
            status = 409
        elif isinstance(exc, ValueError):
            status = 422
        else:
            status = 503
            log.error("assistant unavailable: %s", exc)
        return SafeJSONResponse({"detail": str(exc)}, status_code=status)

    @app.exception_handler(ServerBusy)
    async def _busy(_: Request, exc: ServerBusy) -> JSONResponse:
        return SafeJSONResponse({"detail": f"server busy: {exc}"}, status_code=503,
                                headers={"Retry-After": "1"})

    @app.exception_handler(Exception)
    async def _bug(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error")
        # The server closes the connection after an unhandled error (uvicorn does, once the
        # response is sent); saying so keeps a client from sending its next request on it.
        return SafeJSONResponse({"detail": "internal error; the server log has the details"},
                                status_code=500, headers={"Connection": "close"})


def _ask_request(item: AnswerRequest | BatchQuestion) -> AskRequest:
    kinds = tuple(item.kinds) if item.kinds is not None else None
    return AskRequest(item.question, tuple(item.history), kinds)


_JSON_TYPES = {bool: "true or false", int: "a number", float: "a number", list: "a list",
               type(None): "null", dict: "an object"}


def _batch_item(item: Any) -> AskRequest | dict[str, Any]:
    """One batch item as a request, or the ``{"question", "error"}`` that takes its place."""
    if isinstance(item, str):
        return AskRequest(item)
    if isinstance(item, BatchQuestion):
        return _ask_request(item)
    if isinstance(item, dict):
        try:
            return _ask_request(BatchQuestion.model_validate(item))
        except ValidationError as exc:
            question = item.get("question")
            return {"question": _printable(question) if isinstance(question, str) else None,
                    "error": _describe(exc.errors())[1]}
    shown = _JSON_TYPES.get(type(item), type(item).__name__)
    return {"question": None,
            "error": f'expected a question (text) or an object like {{"question": "..."}}, '
                     f"got {shown}"}


def _printable(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8")


# -- the app -----------------------------------------------------------------------------

def create_app(assistant: Assistant, *, cors_origins: Sequence[str] = (),
               batch_window: float = 0.003, max_batch: int = 16, workers: int = 2,
               library: Library | None = None, allow_fetch: bool = False,
               allow_delete: bool = False) -> FastAPI:
    """The API app for the bundled article's Assistant and the article ``library`` (by
    default the one of ``assistant.settings``): routes under /api, /openapi.json, and its
    docs pages /docs (Swagger UI) and /redoc, whose assets the app serves itself (no CDN).

    ``workers`` threads answer questions (default two: the model call releases the GIL, so
    they use two cores); concurrent questions are micro-batched onto them. ``allow_fetch``
    lets POST /api/articles fetch a link; ``allow_delete`` allows DELETE /api/articles/{id}.
    """
    library = library or Library(assistant.settings, bundled=assistant)
    executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="assistant")
    batcher = AnswerBatcher(assistant, executor, window=batch_window, max_batch=max_batch,
                            workers=workers)
    adder: ThreadPoolExecutor | None = None

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        await batcher.close()
        executor.shutdown(wait=False, cancel_futures=True)
        if adder is not None:
            adder.shutdown(wait=False, cancel_futures=True)

    app = FastAPI(
        title="Article assistant API",
        version="0.1.0",
        description="Cited, extractive answers about one web article. Every answer quotes "
                    "the article verbatim with offsets, or says the article does not say.",
        lifespan=lifespan,
        default_response_class=SafeJSONResponse,
        docs_url=None,  # the CDN-free pages of install_docs instead
        redoc_url=None,
    )
    app.state.assistant = assistant
    app.state.batcher = batcher
    app.state.library = library
    _install_error_handlers(app)
    install_docs(app)
    app.add_middleware(RequestGuard, uploads={
        "/api/articles": (UPLOAD_MAX_BYTES, tuple(UPLOAD_TYPES))})
    app.add_middleware(MethodGuard, routes=lambda: app.router.routes)
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins),
                           allow_methods=["GET", "POST", "DELETE"], allow_headers=["Content-Type"])

    async def in_worker(fn: Any, *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(executor, fn, *args)

    async def article_of(article: str | None) -> Assistant:
        """The bundled Assistant, or an added article's (its index loads on first use)."""
        if article in (None, "", library.bundled_id):
            return assistant
        return await in_worker(library.get, article)

    article_query = Query(None, max_length=64, description="An article's id from GET "
                          "/api/articles; omit for the bundled article.")

    @app.get("/api/health", response_model=Health, tags=["meta"])
    async def health() -> dict[str, Any]:
        """Status and what the index was built from (model, corpus hash, chunks, time)."""
        return assistant.health()

    @app.get("/api/sources", response_model=SourceList, tags=["article"],
             response_model_exclude_unset=True, responses=_errors(404, 422))
    async def sources(article: str | None = article_query) -> dict[str, Any]:
        """Every citable source in reading order, with its full text."""
        return {"sources": [s.to_dict() for s in (await article_of(article)).sources()]}

    @app.get("/api/sources/{source_id}", response_model=SourceOut, tags=["article"],
             response_model_exclude_unset=True, responses=_errors(404, 422))
    async def source(source_id: str, article: str | None = article_query) -> dict[str, Any]:
        """One source by id, e.g. `post-3` or `comment-2`."""
        return (await article_of(article)).source(source_id).to_dict()

    @app.post("/api/search", response_model=SearchResponse, tags=["questions"],
              responses=POST_ERRORS)
    async def search(body: Annotated[SearchRequest, Body(openapi_examples=SEARCH_EXAMPLES)]
                     ) -> dict[str, Any]:
        """The k best passages for a query, with fused, dense and lexical scores and offsets."""
        target = await article_of(body.article)
        hits = await in_worker(target.search, body.query, body.k, body.kinds)
        return {"query": body.query, "k": body.k, "hits": [h.to_dict() for h in hits]}

    @app.post("/api/answer", response_model=AnswerOut, response_model_exclude_unset=True,
              tags=["questions"], responses=POST_ERRORS)
    async def answer(body: Annotated[AnswerRequest, Body(openapi_examples=ANSWER_EXAMPLES)]
                     ) -> Any:
        """A cited, extractive answer (or an abstention with the closest passages)."""
        target = await article_of(body.article)
        result = await batcher.ask(_ask_request(body), target)
        if isinstance(result, Exception):
            raise result
        # The hot path: Answer.to_dict() is the contract's shape already (the schemathesis
        # test checks it against AnswerOut), so skip re-validating it per request.
        return SafeJSONResponse(result.to_dict())

    @app.post("/api/answer/batch", response_model=BatchResponse,
              response_model_exclude_unset=True, tags=["questions"], responses=POST_ERRORS)
    async def answer_batch(body: Annotated[BatchRequest, Body(openapi_examples=BATCH_EXAMPLES)]
                           ) -> dict[str, Any]:
        """Up to 100 answers in order; a bad item gets {question, error} in its place.

        The questions wait in the same bounded queue as /api/answer's, served in turn with
        other requests' questions; a batch that does not fit is a 503 with Retry-After.
        """
        items = [_batch_item(q) for q in body.questions]
        asked = [i for i in items if isinstance(i, AskRequest)]
        target = await article_of(body.article)
        results = iter(await batcher.ask_many(asked, target))
        out: list[dict[str, Any]] = []
        for item in items:
            if not isinstance(item, AskRequest):
                out.append(item)
                continue
            result = next(results)
            if isinstance(result, Exception) and not isinstance(result, AssistantError):
                raise result  # a bug in the core: a 500, logged
            if isinstance(result, AssistantError):
                out.append({"question": _printable(item.question), "error": str(result)})
            else:
                out.append(result.to_dict())
        return {"answers": out}

    adder = install_article_routes(app, library, allow_fetch=allow_fetch,
                                   allow_delete=allow_delete)
    return app
