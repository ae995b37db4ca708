"""The HTTP API: FastAPI routes under /api, pydantic models, micro-batched answers.

``create_app(assistant)`` returns a FastAPI app; ``app.py`` mounts the Gradio UI on it and
serves it. Errors become 4xx JSON ``{"detail": "what is wrong"}``; no input gives a 500.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncIterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import AssistantError, UnknownSourceError
from .service import AskRequest, Assistant
from .types import Answer

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1024 * 1024
MAX_QUESTION_CHARS = 1000
MAX_BATCH = 100
Kind = Literal["title", "caption", "post", "abstract", "reference", "comment"]


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


# -- micro-batching ----------------------------------------------------------------------

class AnswerBatcher:
    """Collects concurrent questions for a few ms and answers them with one ``ask_many``.

    Model calls run on ``executor`` (one thread by default), at most ``workers`` batches
    at a time, so concurrent requests never multiply threads. While every worker is busy,
    questions queue up and the next batch takes up to ``max_batch`` of them; an idle
    worker waits at most ``window`` seconds for company.
    """

    def __init__(self, assistant: Assistant, executor: ThreadPoolExecutor, *,
                 window: float = 0.003, max_batch: int = 16, max_queue: int = 2048,
                 workers: int = 1):
        self.assistant = assistant
        self.executor = executor
        self.window = window
        self.max_batch = max_batch
        self.max_queue = max_queue
        self.workers = workers
        self._loop: asyncio.AbstractEventLoop | None = None
        self._queue: asyncio.Queue[tuple[AskRequest, asyncio.Future[Any]]] | None = None
        self._task: asyncio.Task[None] | None = None
        self._running: set[asyncio.Task[None]] = set()

    def _ensure_running(self) -> asyncio.Queue[tuple[AskRequest, asyncio.Future[Any]]]:
        loop = asyncio.get_running_loop()
        if self._loop is not loop or self._queue is None or self._task is None:
            self._loop, self._queue = loop, asyncio.Queue()
            self._task = loop.create_task(self._run(self._queue), name="answer-batcher")
        return self._queue

    async def ask(self, request: AskRequest) -> Answer | AssistantError:
        queue = self._ensure_running()
        if queue.qsize() >= self.max_queue:
            raise ServerBusy(f"{queue.qsize()} questions are waiting; try again in a moment")
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        queue.put_nowait((request, future))
        return await future

    async def _run(self, queue: asyncio.Queue[tuple[AskRequest, asyncio.Future[Any]]]) -> None:
        free = asyncio.Semaphore(self.workers)
        while True:
            batch = [await queue.get()]
            await free.acquire()  # while the workers are busy, the queue fills up
            if queue.qsize() < self.max_batch - 1:
                await asyncio.sleep(self.window)
            while len(batch) < self.max_batch and not queue.empty():
                batch.append(queue.get_nowait())
            task = asyncio.get_running_loop().create_task(self._answer(batch, free))
            self._running.add(task)
            task.add_done_callback(self._running.discard)

    async def _answer(self, batch: list[tuple[AskRequest, asyncio.Future[Any]]],
                      free: asyncio.Semaphore) -> None:
        loop = asyncio.get_running_loop()
        try:
            live = [(r, f) for r, f in batch if not f.done()]
            if not live:
                return
            results: list[Any]
            started = loop.time()
            try:
                results = await loop.run_in_executor(
                    self.executor, self.assistant.ask_many, [r for r, _ in live])
                log.debug("answered a batch of %d in %.1f ms", len(live),
                          (loop.time() - started) * 1000)
            except Exception as exc:  # a bug in the core: fail these requests, keep serving
                log.exception("ask_many failed for a batch of %d", len(live))
                results = [exc] * len(live)
            for (_, future), result in zip(live, results, strict=True):
                if not future.done():
                    future.set_result(result)
        finally:
            free.release()

    async def close(self) -> None:
        for task in [self._task, *self._running]:
            if task is not None:
                task.cancel()
        self._task = None


class ServerBusy(Exception):
    """Too many questions queued: answered with 503 rather than an ever-growing queue."""


# -- request guard: content type and body size -------------------------------------------

class RequestGuard:
    """For /api: JSON bodies only (415) and at most ``max_body`` bytes (413).

    Checks Content-Length up front, then counts the streamed body so a chunked or lying
    request cannot exceed the limit; the checked body is replayed to the app.
    """

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY_BYTES, prefix: str = "/api/"):
        self.app, self.max_body, self.prefix = app, max_body, prefix

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        too_big = f"the request body is over {self.max_body:,} bytes (1 MB); send less"
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            status = 413 if length.isdigit() else 400
            detail = too_big if status == 413 else f"bad Content-Length header {length!r}"
            await _send_error(send, status, detail)
            return
        if scope["method"] in ("POST", "PUT", "PATCH"):
            ctype = headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype != "application/json" and not ctype.endswith("+json"):
                shown = ctype or "none"
                await _send_error(send, 415, f"Content-Type must be application/json, "
                                             f"got {shown}")
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, _replay([message], receive), send)
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > self.max_body:
                await _send_error(send, 413, too_big)
                return
            if not message.get("more_body", False):
                break
        body = {"type": "http.request", "body": b"".join(chunks), "more_body": False}
        await self.app(scope, _replay([body], receive), send)


def _replay(messages: list[Message], receive: Receive) -> Receive:
    async def replayed() -> Message:
        return messages.pop(0) if messages else await receive()
    return replayed


def _dumps(content: Any) -> bytes:
    """JSON as UTF-8; a lone surrogate in echoed input is written as a \\u escape."""
    return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode(
        "utf-8", "backslashreplace")


class SafeJSONResponse(JSONResponse):
    def render(self, content: Any) -> bytes:
        return _dumps(content)


async def _send_error(send: Send, status: int, detail: str) -> None:
    body = _dumps({"detail": detail})
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


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
    """The API app for one Assistant: routes under /api, docs at /docs and /openapi.json.

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
    )
    app.state.assistant = assistant
    app.state.batcher = batcher
    _install_error_handlers(app)
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
