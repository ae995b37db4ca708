"""What runs around the API's routes: micro-batching, the request guard, safe JSON.

``assistant.api`` keeps the routes, the pydantic models, the error handlers and
``create_app``; this module holds the machinery they rely on:

- ``AnswerBatcher`` collects concurrent /api/answer questions for a few ms and answers them
  with one ``Assistant.ask_many`` on the worker pool; ``ServerBusy`` is raised when too many
  are queued (the API turns it into a 503 with Retry-After).
- ``RequestGuard`` is the ASGI middleware in front of /api: JSON bodies only (415), at most
  ``MAX_BODY_BYTES`` (413, also for chunked or lying bodies), bad Content-Length (400).
- ``SafeJSONResponse`` / ``_dumps`` write JSON as UTF-8 even when echoed input holds a lone
  surrogate; ``_send_error`` is the guard's raw-ASGI ``{"detail": ...}`` reply.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Collection, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import AssistantError
from .service import AskRequest, Assistant
from .types import Answer

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1024 * 1024


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
        self._queue: asyncio.Queue[_Item] | None = None
        self._task: asyncio.Task[None] | None = None
        self._running: set[asyncio.Task[None]] = set()

    def _ensure_running(self) -> asyncio.Queue[_Item]:
        loop = asyncio.get_running_loop()
        if self._loop is not loop or self._queue is None or self._task is None:
            self._loop, self._queue = loop, asyncio.Queue()
            self._task = loop.create_task(self._run(self._queue), name="answer-batcher")
        return self._queue

    async def ask(self, request: AskRequest,
                  assistant: Assistant | None = None) -> Answer | AssistantError:
        """Answer ``request`` with ``assistant`` (an added article's; default: this batcher's)."""
        queue = self._ensure_running()
        if queue.qsize() >= self.max_queue:
            raise ServerBusy(f"{queue.qsize()} questions are waiting; try again in a moment")
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        queue.put_nowait((request, future, assistant or self.assistant))
        return await future

    async def _run(self, queue: asyncio.Queue[_Item]) -> None:
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

    async def _answer(self, batch: list[_Item], free: asyncio.Semaphore) -> None:
        loop = asyncio.get_running_loop()
        try:
            live = [item for item in batch if not item[1].done()]
            if not live:
                return
            started = loop.time()
            try:
                results = await loop.run_in_executor(self.executor, _ask_grouped, live)
                log.debug("answered a batch of %d in %.1f ms", len(live),
                          (loop.time() - started) * 1000)
            except Exception as exc:  # a bug in the core: fail these requests, keep serving
                log.exception("ask_many failed for a batch of %d", len(live))
                results = [exc] * len(live)
            for (_, future, _a), result in zip(live, results, strict=True):
                if not future.done():
                    future.set_result(result)
        finally:
            free.release()

    async def close(self) -> None:
        for task in [self._task, *self._running]:
            if task is not None:
                task.cancel()
        self._task = None


_Item = tuple[AskRequest, "asyncio.Future[Any]", Assistant]


def _ask_grouped(items: list[_Item]) -> list[Any]:
    """One ``ask_many`` per article in the batch; results in the batch's order."""
    results: list[Any] = [None] * len(items)
    groups: dict[int, list[int]] = {}
    for i, (_, _, assistant) in enumerate(items):
        groups.setdefault(id(assistant), []).append(i)
    for positions in groups.values():
        assistant = items[positions[0]][2]
        answers = assistant.ask_many([items[i][0] for i in positions])
        for i, answer in zip(positions, answers, strict=True):
            results[i] = answer
    return results


class ServerBusy(Exception):
    """Too many questions queued: answered with 503 rather than an ever-growing queue."""


# -- request guard: content type and body size -------------------------------------------

class RequestGuard:
    """For /api: JSON bodies only (415) and at most ``max_body`` bytes (413).

    Checks Content-Length up front, then counts the streamed body so a chunked or lying
    request cannot exceed the limit; the checked body is replayed to the app.
    """

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY_BYTES, prefix: str = "/api/",
                 uploads: Mapping[str, tuple[int, Collection[str]]] | None = None):
        self.app, self.max_body, self.prefix = app, max_body, prefix
        # POST routes taking other bodies: path -> (their size limit, their content types).
        self.uploads = dict(uploads or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        max_body: int = self.max_body
        types: Collection[str] = ("application/json",)
        if scope["method"] == "POST" and scope["path"].rstrip("/") in self.uploads:
            max_body, types = self.uploads[scope["path"].rstrip("/")]
        too_big = (f"the request body is over {max_body:,} bytes "
                   f"({max_body / 2**20:g} MB); send less")
        length = headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > max_body):
            status = 413 if length.isdigit() else 400
            detail = too_big if status == 413 else f"bad Content-Length header {length!r}"
            await _send_error(send, status, detail)
            return
        if scope["method"] in ("POST", "PUT", "PATCH"):
            ctype = headers.get("content-type", "").split(";")[0].strip().lower()
            json_ok = "application/json" in types and ctype.endswith("+json")
            if ctype not in types and not json_ok:
                shown = ctype or "none"
                await _send_error(send, 415, f"Content-Type must be {' or '.join(types)}, "
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
            if size > max_body:
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
