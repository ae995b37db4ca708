"""The HTTP API: FastAPI routes under /api, pydantic models, error handlers, ``create_app``.

``create_app(assistant)`` returns a FastAPI app; ``app.py`` mounts the Gradio UI on it and
serves it. Errors become 4xx JSON ``{"detail": "what is wrong"}``; no input gives a 500.
The micro-batcher, the request guard (415/413) and the safe JSON response live in
``assistant.api_runtime``; their names are re-exported here.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Annotated, Any, Literal

from fastapi import Body, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from .api_articles import UPLOAD_MAX_BYTES, UPLOAD_TYPES, install_article_routes
from .api_docs import install_docs
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
from .validation import check_history, check_k, check_kinds, check_question

__all__ = [
    "MAX_BATCH", "MAX_BODY_BYTES", "MAX_QUESTION_CHARS", "AnswerBatcher", "MethodGuard",
    "RequestGuard", "SafeJSONResponse", "ServerBusy", "create_app",
]

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 1000
MAX_BATCH = 100
Kind = Literal["title", "byline", "caption", "post", "abstract", "reference", "comment"]


# -- request and response models ---------------------------------------------------------
# Requests are checked by the same functions as the CLI and the Python API
# (assistant.validation), so every front end gives the same message for the same mistake;
# the limits they enforce are documented in the schema (json_schema_extra).

# Real examples: Swagger's "Try it out" starts from the first one, which gets a real answer.
ANSWER_EXAMPLES: dict[str, dict[str, Any]] = {
    "question": {"summary": "A question",
                 "value": {"question": "Which cells break down bone?"}},
    "follow-up": {"summary": "A follow-up, read with the earlier question, citing the post",
                  "value": {"question": "Which university is she at?",
                            "history": ["Who led the review on oxytocin and bone?"],
                            "kinds": ["post"]}},
}
SEARCH_EXAMPLES: dict[str, dict[str, Any]] = {
    "search": {"summary": "The three best passages",
               "value": {"query": "oxytocin receptors on bone cells", "k": 3}},
}
BATCH_EXAMPLES: dict[str, dict[str, Any]] = {
    "batch": {"summary": "Plain questions and one with options",
              "value": {"questions": ["What is osteoporosis?",
                                      {"question": "What did readers think?",
                                       "kinds": ["comment"]}]}},
}


def _question() -> Any:
    return Field(description="A question about the article (1 to 1,000 characters, not blank).",
                 examples=["Which cells break down bone?"],
                 json_schema_extra={"minLength": 1, "maxLength": MAX_QUESTION_CHARS})


def _history() -> Any:
    return Field(default_factory=list, max_length=50,
                 description="The conversation's earlier questions, oldest first (the last "
                             "5 are used to resolve follow-ups like 'what about men?').",
                 examples=[["Who led the review on oxytocin and bone?"]])


def _article() -> Any:
    return Field(default=None, max_length=64,
                 description="An article's id from GET /api/articles; omit or null for the "
                             "bundled article.", examples=[None])


def _kinds() -> Any:
    return Field(default=None, json_schema_extra={"minItems": 1},
                 description="Only cite these kinds of source; omit or null for all.",
                 examples=[["post", "reference"]])


def _valid_question(value: object) -> str:
    return check_question(value, MAX_QUESTION_CHARS)


def _valid_history(value: object) -> list[str]:
    return list(check_history(value, MAX_QUESTION_CHARS))


def _valid_kinds(value: Any) -> Any:
    if value is not None and not isinstance(value, list):
        return value  # not a list: pydantic says so
    kinds = check_kinds(value)
    return None if kinds is None else sorted(kinds)


def _valid_k(value: object) -> int:
    return check_k(value)


class _Asking(BaseModel):
    """question, history and kinds, checked as every front end checks them."""

    question: str = _question()
    history: list[str] = _history()
    kinds: list[Kind] | None = _kinds()
    article: str | None = _article()

    question_ok = field_validator("question", mode="before")(_valid_question)
    history_ok = field_validator("history", mode="before")(_valid_history)
    kinds_ok = field_validator("kinds", mode="before")(_valid_kinds)


class AnswerRequest(_Asking):
    model_config = ConfigDict(
        json_schema_extra={"examples": [e["value"] for e in ANSWER_EXAMPLES.values()]})


class SearchRequest(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [e["value"] for e in SEARCH_EXAMPLES.values()]})

    query: str = Field(description="What to look for (1 to 1,000 characters, not blank).",
                       examples=["oxytocin and bone"],
                       json_schema_extra={"minLength": 1, "maxLength": MAX_QUESTION_CHARS})
    k: int = Field(5, description="How many hits (1 to 50).", examples=[3],
                   json_schema_extra={"minimum": 1, "maximum": 50})
    kinds: list[Kind] | None = _kinds()
    article: str | None = _article()

    query_ok = field_validator("query", mode="before")(_valid_question)
    k_ok = field_validator("k", mode="before")(_valid_k)
    kinds_ok = field_validator("kinds", mode="before")(_valid_kinds)


class BatchQuestion(_Asking):
    """One item of a batch; checked one by one, so a bad item does not fail the others."""


class BatchRequest(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [e["value"] for e in BATCH_EXAMPLES.values()]})

    # Any item is accepted here and checked on its own: one that is neither a question nor
    # a {question, ...} object gets {"question", "error"} in its place.
    questions: list[str | BatchQuestion | Any] = Field(
        min_length=1, max_length=MAX_BATCH,
        description="1 to 100 questions: plain strings or {question, history?, kinds?}. "
                    "An item that is neither gets {question, error} in its place.")
    article: str | None = _article()


class _Out(BaseModel):
    """A response model: exactly the fields returned, no others (additionalProperties false)."""

    model_config = ConfigDict(extra="forbid")


class SourceRef(_Out):
    id: str = Field(examples=["post-3"])
    kind: Kind
    label: str = Field(examples=["Post, paragraph 3"])
    author: str | None
    date: str | None
    section: str | None = Field(
        default=None, description="The heading a post paragraph sits under, when it has one.")


class SourceOut(SourceRef):
    text: str
    low_content: bool = Field(
        default=False, description="Next to nothing to quote (e.g. a comment that was only a "
                                   "link): shown, never quoted. Present only when true.")


class SourceList(_Out):
    sources: list[SourceOut]


class QuoteOut(_Out):
    n: int
    text: str = Field(description="Verbatim: source text[start:end].")
    start: int
    end: int
    score: float
    source: SourceRef


class AnswerOut(_Out):
    """The answer contract (docs/contract.md)."""

    question: str
    answer: str = Field(description="At most 120 words, citing quotes by [n].")
    abstained: bool = Field(description="True when the article does not answer the question.")
    quotes: list[QuoteOut]
    closest: list[QuoteOut] = Field(description="Nearest passages when abstaining.")
    resolved_question: str | None = Field(
        default=None, description="The follow-up as understood with its history (only when "
                                  "it differs from the question).")
    reason: str | None = Field(
        default=None, description="When abstaining: why, in plain words (e.g. 'the closest "
                                  "passage is not close enough to the question').")


class HitOut(_Out):
    chunk_id: int
    text: str
    start: int
    end: int
    score: float
    dense: float
    lexical: float
    source: SourceRef


class SearchResponse(_Out):
    query: str
    k: int
    hits: list[HitOut]


class BatchItemError(_Out):
    question: str | None = Field(description="The item's question when it had one, else null.")
    error: str


class BatchResponse(_Out):
    answers: list[AnswerOut | BatchItemError]


class Health(_Out):
    status: str
    model: str | None
    corpus_hash: str | None
    chunks: int | None
    sentences: int | None
    built_at: str | None
    sources: int


class ErrorOut(_Out):
    detail: str = Field(description="What is wrong with the request, in plain words.")


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    text = {400: "Malformed JSON", 404: "Unknown source or article id", 413: "Body over 1 MB",
            415: "Content-Type is not application/json", 422: "Invalid request",
            503: "Server busy or the model is unavailable"}
    return {c: {"model": ErrorOut, "description": text[c]} for c in codes}


POST_ERRORS = _errors(400, 404, 413, 415, 422, 503)


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
        return SafeJSONResponse({"detail": "internal error; the server log has the details"},
                                status_code=500)


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
