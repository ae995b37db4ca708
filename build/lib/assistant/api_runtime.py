"""What runs around the API's routes: micro-batching, the request guard, safe JSON.

``assistant.api`` keeps the routes, the pydantic models, the error handlers and
``create_app``; this module holds the machinery they rely on:

- ``AnswerBatcher`` collects concurrent /api/answer questions for a few ms and answers them
  with one ``Assistant.ask_many`` on the worker pool; ``ServerBusy`` is raised when too many
  are queued (the API turns it into a 503 with Retry-After).
- ``RequestGuard`` is the ASGI middleware in front of /api: JSON bodies only (415), at most
  ``MAX_BODY_BYTES`` (413, also for chunked or lying bodies), bad Content-Length (400).
- ``SafeJSONResponse`` / ``_dumps`` write JSON as UTF-8 even when echoed input holds a lone
  surrogate; ``send_error`` is the guard's raw-ASGI ``{"detail": ...}`` reply.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import deque
from collections.abc import Callable, Collection, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi.responses import JSONResponse
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .errors import AssistantError
from .service import AskRequest, Assistant
from .types import Answer

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1024 * 1024


# -- micro-batching ----------------------------------------------------------------------

# A waiting question: the request, its answer's future, the Assistant of its article.
Pending = tuple[AskRequest, "asyncio.Future[Any]", Assistant]


class AnswerBatcher:
    """Answers the API's questions on a fixed pool: one bounded queue, shared fairly.

    Every question, from /api/answer or an item of /api/answer/batch, waits in one queue
    of at most ``max_queue`` questions; past it, ``ServerBusy`` (a 503 with Retry-After).
    A request of several questions is refused while it would leave fewer than ``headroom``
    free places, so batches never crowd out single questions.

    Model calls run on ``executor``, at most ``workers`` batches at a time, so concurrent
    requests never multiply threads. Each batch takes up to ``max_batch`` questions round
    robin over the waiting requests (one from each in turn), so a single question waits
    for about one question of each request ahead of it, not for whole batches of 100. An
    idle worker waits at most ``window`` seconds for company.
    """

    def __init__(self, assistant: Assistant, executor: ThreadPoolExecutor, *,
                 window: float = 0.003, max_batch: int = 16, max_queue: int = 2048,
                 headroom: int = 100, workers: int = 1):
        self.assistant = assistant
        self.executor = executor
        self.window = window
        self.max_batch = max_batch
        self.max_queue = max_queue
        self.headroom = headroom
        self.workers = workers
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ring: deque[deque[Pending]] = deque()  # waiting requests, served in turn
        self._queued = 0  # questions waiting, over all requests
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._running: set[asyncio.Task[None]] = set()

    @property
    def queued(self) -> int:
        """How many questions wait for a worker."""
        return self._queued

    def _ensure_running(self) -> None:
        loop = asyncio.get_running_loop()
        if self._loop is not loop or self._task is None:
            self._loop, self._ring, self._queued = loop, deque(), 0
            self._wake = asyncio.Event()
            self._task = loop.create_task(self._run(), name="answer-batcher")

    async def ask(self, request: AskRequest,
                  assistant: Assistant | None = None) -> Answer | AssistantError:
        """Answer ``request`` with ``assistant`` (an added article's; default: this batcher's)."""
        (result,) = await self.ask_many([request], assistant)
        return result

    async def ask_many(self, requests: Sequence[AskRequest],
                       assistant: Assistant | None = None) -> list[Answer | AssistantError]:
        """The answers (or errors) of ``requests`` to ``assistant`` (default: this batcher's),
        in order; ServerBusy if they do not fit in the queue."""
        if not requests:
            return []
        self._ensure_running()
        free = self.max_queue - self._queued - (self.headroom if len(requests) > 1 else 0)
        if len(requests) > free:
            raise ServerBusy(f"{self._queued} questions are waiting; try again in a moment")
        loop = asyncio.get_running_loop()
        target = assistant or self.assistant
        job: deque[Pending] = deque((r, loop.create_future(), target) for r in requests)
        futures = [f for _, f, _ in job]
        self._ring.append(job)
        self._queued += len(job)
        self._wake.set()
        try:
            return list(await asyncio.gather(*futures))
        except asyncio.CancelledError:  # the client went away: drop what is still waiting
            if job in self._ring:
                self._ring.remove(job)
                self._queued -= len(job)
            raise

    def _take(self) -> list[Pending]:
        """Up to ``max_batch`` waiting questions, one from each request in turn."""
        batch: list[Pending] = []
        while len(batch) < self.max_batch and self._ring:
            job = self._ring.popleft()
            pending = job.popleft()
            self._queued -= 1
            if not pending[1].done():
                batch.append(pending)
            if job:
                self._ring.append(job)
        return batch

    async def _run(self) -> None:
        free = asyncio.Semaphore(self.workers)
        while True:
            if not self._ring:
                self._wake.clear()
                await self._wake.wait()
                continue
            await free.acquire()  # while the workers are busy, the queue fills up
            if self._queued < self.max_batch:
                await asyncio.sleep(self.window)
            batch = self._take()
            if not batch:
                free.release()
                continue
            task = asyncio.get_running_loop().create_task(self._answer(batch, free))
            self._running.add(task)
            task.add_done_callback(self._running.discard)

    async def _answer(self, batch: list[Pending], free: asyncio.Semaphore) -> None:
        loop = asyncio.get_running_loop()
        try:
            results: list[Any]
            started = loop.time()
            try:
                results = await loop.run_in_executor(self.executor, _ask_grouped, batch)
                log.debug("answered a batch of %d in %.1f ms", len(batch),
                          (loop.time() - started) * 1000)
            except Exception as exc:  # a bug in the core: fail these requests, keep serving
                log.exception("ask_many failed for a batch of %d", len(batch))
                results = [exc] * len(batch)
            for (_, future, _a), result in zip(batch, results, strict=True):
                if not future.done():
                    future.set_result(result)
        finally:
            free.release()

    async def close(self) -> None:
        for task in [self._task, *self._running]:
            if task is not None:
                task.cancel()
        self._task = None


def _ask_grouped(items: list[Pending]) -> list[Any]:
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
            await send_error(send, status, detail)
            return
        if scope["method"] in ("POST", "PUT", "PATCH"):
            ctype = headers.get("content-type", "").split(";")[0].strip().lower()
            json_ok = "application/json" in types and ctype.endswith("+json")
            if ctype not in types and not json_ok:
                shown = ctype or "none"
                await send_error(send, 415, f"Content-Type must be {' or '.join(types)}, "
                                             f"got {shown}")
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                await self.app(scope, replay([message], receive), send)
                return
            chunks.append(message.get("body", b""))
            size += len(chunks[-1])
            if size > max_body:
                await send_error(send, 413, too_big)
                return
            if not message.get("more_body", False):
                break
        body = {"type": "http.request", "body": b"".join(chunks), "more_body": False}
        await self.app(scope, replay([body], receive), send)


class MethodGuard:
    """For /api: a method a route does not take is a 405 naming the ones it does (Allow),
    and HEAD works wherever GET does.

    The allowed methods come from the app's routes when asked, so routes added later are
    covered. Without this, a method a route lacks fell through to the chat mounted at "/"
    and came back as a 404.
    """

    def __init__(self, app: ASGIApp, routes: Callable[[], Sequence[BaseRoute]],
                 prefix: str = "/api/"):
        self.app, self.routes, self.prefix = app, routes, prefix

    def allowed(self, path: str) -> set[str]:
        """The methods of the routes whose path matches ``path`` (GET brings HEAD)."""
        methods: set[str] = set()
        for route in self.routes():
            if isinstance(route, Route) and route.path_regex.match(path):
                methods |= route.methods or set()
        if "GET" in methods:
            methods.add("HEAD")
        return methods

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(self.prefix):
            await self.app(scope, receive, send)
            return
        allowed = self.allowed(scope["path"])
        method = scope["method"]
        if allowed and method not in allowed:
            shown = ", ".join(sorted(allowed))
            await send_error(send, 405, f"{scope['path']} does not take {method}; use {shown}",
                              headers=[(b"allow", shown.encode("latin-1"))])
            return
        if method == "HEAD":  # served as GET; the server sends the headers only
            scope = {**scope, "method": "GET"}
        await self.app(scope, receive, send)


def replay(messages: list[Message], receive: Receive) -> Receive:
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


async def send_error(send: Send, status: int, detail: str, *,
                     headers: Sequence[tuple[bytes, bytes]] = ()) -> None:
    """A raw-ASGI JSON reply ``{"detail": detail}`` with ``status`` and extra ``headers``."""
    body = _dumps({"detail": detail})
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()), *headers]})
    await send({"type": "http.response.body", "body": body})
