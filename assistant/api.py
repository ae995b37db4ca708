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
from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field

from .api_docs import install_docs
from .api_runtime import (
    MAX_BODY_BYTES,
    AnswerBatcher,
    RequestGuard,
    SafeJSONResponse,
    ServerBusy,
)
from .errors import AssistantError, UnknownSourceError
from .service import AskRequest, Assistant

__all__ = [
    "MAX_BATCH", "MAX_BODY_BYTES", "MAX_QUESTION_CHARS", "AnswerBatcher", "RequestGuard",
    "SafeJSONResponse", "ServerBusy", "create_app",
]

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 1000
MAX_BATCH = 100
Kind = Literal["title", "byline", "caption", "post", "abstract", "reference", "comment"]


# -- request and response models ---------------------------------------------------------

def _question() -> Any:
    return Field(min_length=1, max_length=MAX_QUESTION_CHARS,
                 description="A question about the article (1 to 1,000 characters, not blank).",
                 examples=["Which cells break down bone?"])


def _history() -> Any:
    return Field(default_factory=list, max_length=50,
                 description="The conversation's earlier questions, oldest first (the last "
                             "5 are used to resolve follow-ups like 'what about men?').")


def _kinds() -> Any:
    return Field(default=None, min_length=1,
                 description="Only cite these kinds of source; omit or null for all.")


class AnswerRequest(BaseModel):
    question: str = _question()
    history: list[str] = _history()
    kinds: list[Kind] | None = _kinds()


class SearchRequest(BaseModel):
    query: str = Field(min_length=1, max_length=MAX_QUESTION_CHARS,
                       examples=["oxytocin and bone"])
    k: int = Field(5, ge=1, le=50, description="How many hits (1 to 50).")
    kinds: list[Kind] | None = _kinds()


class BatchQuestion(BaseModel):
    """One item of a batch; checked one by one, so a bad item does not fail the others."""

    question: str = Field(description="Checked like /api/answer's question, per item.")
    history: list[str] = Field(default_factory=list, max_length=50)
    kinds: list[str] | None = Field(
        default=None, description="Source kinds (title, caption, post, abstract, reference, "
                                  "comment); an unknown one fails this item only.")


class BatchRequest(BaseModel):
    questions: list[str | BatchQuestion] = Field(
        min_length=1, max_length=MAX_BATCH,
        description="1 to 100 questions: plain strings or {question, history?, kinds?}.")


class SourceRef(BaseModel):
    id: str = Field(examples=["post-3"])
    kind: Kind
    label: str = Field(examples=["Post, paragraph 3"])
    author: str | None
    date: str | None


class SourceOut(SourceRef):
    text: str


class SourceList(BaseModel):
    sources: list[SourceOut]


class QuoteOut(BaseModel):
    n: int
    text: str = Field(description="Verbatim: source text[start:end].")
    start: int
    end: int
    score: float
    source: SourceRef


class AnswerOut(BaseModel):
    """The answer contract (see CONTRACT.md)."""

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


class HitOut(BaseModel):
    chunk_id: int
    text: str
    start: int
    end: int
    score: float
    dense: float
    lexical: float
    source: SourceRef


class SearchResponse(BaseModel):
    query: str
    k: int
    hits: list[HitOut]


class BatchItemError(BaseModel):
    question: str | None
    error: str


class BatchResponse(BaseModel):
    answers: list[AnswerOut | BatchItemError]


class Health(BaseModel):
    model_config = ConfigDict(extra="allow")
    status: str
    model: str | None
    corpus_hash: str | None
    chunks: int | None
    built_at: str | None
    sources: int


class ErrorOut(BaseModel):
    detail: str = Field(description="What is wrong with the request, in plain words.")


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    text = {400: "Malformed JSON", 404: "Unknown source id", 413: "Body over 1 MB",
            415: "Content-Type is not application/json", 422: "Invalid request",
            503: "Server busy or the model is unavailable"}
    return {c: {"model": ErrorOut, "description": text[c]} for c in codes}


POST_ERRORS = _errors(400, 413, 415, 422, 503)


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
        if isinstance(exc, UnknownSourceError):
            status = 404
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


def _printable(text: str) -> str:
    return text.encode("utf-8", "replace").decode("utf-8")


# -- the app -----------------------------------------------------------------------------

def create_app(assistant: Assistant, *, cors_origins: Sequence[str] = (),
               batch_window: float = 0.003, max_batch: int = 16, workers: int = 2) -> FastAPI:
    """The API app for one Assistant: routes under /api, /openapi.json, and its docs pages
    /docs (Swagger UI) and /redoc, whose assets the app serves itself (no CDN).

    ``workers`` threads answer questions (default two: the model call releases the GIL, so
    they use two cores); concurrent questions are micro-batched onto them.
    """
    executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="assistant")
    batcher = AnswerBatcher(assistant, executor, window=batch_window, max_batch=max_batch,
                            workers=workers)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        await batcher.close()
        executor.shutdown(wait=False, cancel_futures=True)

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
    _install_error_handlers(app)
    install_docs(app)
    app.add_middleware(RequestGuard)
    if cors_origins:
        from fastapi.middleware.cors import CORSMiddleware

        app.add_middleware(CORSMiddleware, allow_origins=list(cors_origins),
                           allow_methods=["GET", "POST"], allow_headers=["Content-Type"])

    async def in_worker(fn: Any, *args: Any) -> Any:
        return await asyncio.get_running_loop().run_in_executor(executor, fn, *args)

    @app.get("/api/health", response_model=Health, tags=["meta"])
    async def health() -> dict[str, Any]:
        """Status and what the index was built from (model, corpus hash, chunks, time)."""
        return assistant.health()

    @app.get("/api/sources", response_model=SourceList, tags=["article"])
    async def sources() -> dict[str, Any]:
        """Every citable source in reading order, with its full text."""
        return {"sources": [s.to_dict() for s in assistant.sources()]}

    @app.get("/api/sources/{source_id}", response_model=SourceOut, tags=["article"],
             responses=_errors(404))
    async def source(source_id: str) -> dict[str, Any]:
        """One source by id, e.g. `post-3` or `comment-2`."""
        return assistant.source(source_id).to_dict()

    @app.post("/api/search", response_model=SearchResponse, tags=["questions"],
              responses=POST_ERRORS)
    async def search(body: SearchRequest) -> dict[str, Any]:
        """The k best passages for a query, with fused, dense and lexical scores and offsets."""
        hits = await in_worker(assistant.search, body.query, body.k, body.kinds)
        return {"query": body.query, "k": body.k, "hits": [h.to_dict() for h in hits]}

    @app.post("/api/answer", response_model=AnswerOut, response_model_exclude_unset=True,
              tags=["questions"], responses=POST_ERRORS)
    async def answer(body: AnswerRequest) -> Any:
        """A cited, extractive answer (or an abstention with the closest passages)."""
        result = await batcher.ask(_ask_request(body))
        if isinstance(result, Exception):
            raise result
        # The hot path: Answer.to_dict() is the contract's shape already (the schemathesis
        # test checks it against AnswerOut), so skip re-validating it per request.
        return SafeJSONResponse(result.to_dict())

    @app.post("/api/answer/batch", response_model=BatchResponse,
              response_model_exclude_unset=True, tags=["questions"], responses=POST_ERRORS)
    async def answer_batch(body: BatchRequest) -> dict[str, Any]:
        """Up to 100 answers in order; a bad item gets {question, error} in its place."""
        items = [BatchQuestion(question=q) if isinstance(q, str) else q for q in body.questions]
        results = await in_worker(assistant.ask_many, [_ask_request(i) for i in items])
        out: list[dict[str, Any]] = []
        for item, result in zip(items, results, strict=True):
            if isinstance(result, AssistantError):
                out.append({"question": _printable(item.question), "error": str(result)})
            else:
                out.append(result.to_dict())
        return {"answers": out}

    return app
