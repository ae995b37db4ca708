"""ASGI middleware in front of the whole app (the API and the chat): what no route may take.

``app.py`` wraps the app in both; ``assistant.api_runtime`` keeps the API's own guards.

- ``BodyLimit``: every request body at most 1 MB (5 MB on the upload routes of
  ``UPLOAD_LIMITS``), refused with 413 before it is read whole: at once when Content-Length is
  over, else as soon as the streamed body passes it. The chat's routes hold bodies in memory
  (a 50 MB "question" stayed in its session), so the limit is the app's, not the API's.
- ``ChatGuard``: the chat's Gradio routes answer bad input with a 4xx, never a 500: a
  ``fn_index`` that names no handler of the page (999, -1, 1e309), numbers JSON cannot carry,
  and Gradio's named-API routes (``/gradio_api/run/respond``, ``/gradio_api/api/predict``,
  ``/gradio_api/call/...``), which would run the page's private handlers outside the page:
  the page itself only ever joins the queue, and the JSON API is under /api.
"""

from __future__ import annotations

import json
import math
from collections.abc import Collection, Mapping
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .api_articles import UPLOAD_MAX_BYTES
from .api_runtime import MAX_BODY_BYTES, replay, send_error

# Routes that take a file, and their limit; every other route takes MAX_BODY_BYTES. The
# chat's uploads (its "Add an article" panel) go to Gradio's upload route.
CHAT_UPLOAD_BYTES = UPLOAD_MAX_BYTES  # a saved page, as POST /api/articles takes it
UPLOAD_LIMITS: Mapping[str, int] = {
    "/gradio_api/upload": CHAT_UPLOAD_BYTES,
    "/api/articles": UPLOAD_MAX_BYTES,
}

GRADIO_PREFIX = "/gradio_api/"
# Gradio routes that call an event handler by name: not an API of this app.
NAMED_API_ROUTES = ("run", "api", "call", "component_server")
NOT_AN_API = ("the chat's event handlers are not an API: use the JSON API under /api "
              "(described at /docs)")
_CLOSE = [(b"connection", b"close")]


def too_large(limit: int) -> str:
    """The 413 message for a body over ``limit`` bytes."""
    return f"the request body is over {limit:,} bytes ({limit / 2**20:g} MB); send less"


class BodyLimit:
    """Every route: a body over its limit (``uploads``, else ``MAX_BODY_BYTES``) is a 413,
    read no further.

    Content-Length is checked up front; otherwise the body is counted as it streams in and,
    once over, the app is told the client left and its reply is replaced by the 413. The
    413 closes the connection, so the rest of the body is never read.
    """

    def __init__(self, app: ASGIApp, uploads: Mapping[str, int] = UPLOAD_LIMITS):
        self.app, self.uploads = app, dict(uploads)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.uploads.get(scope["path"].rstrip("/"), MAX_BODY_BYTES)
        lengths = [v for k, v in scope["headers"] if k.lower() == b"content-length"]
        if lengths:
            text = lengths[0].decode("latin-1").strip()
            if not text.isdigit() or len(set(lengths)) > 1:
                await send_error(send, 400, f"bad Content-Length header {text!r}", headers=_CLOSE)
                return
            if int(text) > limit:
                await send_error(send, 413, too_large(limit), headers=_CLOSE)
                return
        size = 0
        over = started = False

        async def counted() -> Message:
            nonlocal size, over
            if over:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                size += len(message.get("body", b""))
                if size > limit:
                    over = True
                    return {"type": "http.disconnect"}
            return message

        async def guarded(message: Message) -> None:
            nonlocal started
            if over:
                return  # the app's reply to a body it never got whole: the 413 replaces it
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, guarded)
        except Exception:
            if not over:
                raise
        if over and not started:
            await send_error(send, 413, too_large(limit), headers=_CLOSE)


class ChatGuard:
    """The chat's Gradio routes: refuse what Gradio would answer with a 500.

    ``queued_handlers`` are the ``fn_index`` values the page joins the queue with (the ids
    of its queued event handlers).
    """

    def __init__(self, app: ASGIApp, queued_handlers: Collection[int]):
        self.app = app
        self.queued = frozenset(queued_handlers)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope["path"] if scope["type"] == "http" else ""
        if not path.startswith(GRADIO_PREFIX):
            await self.app(scope, receive, send)
            return
        route = path[len(GRADIO_PREFIX):].rstrip("/")
        if route.split("/", 1)[0] in NAMED_API_ROUTES:
            await send_error(send, 404, NOT_AN_API)
            return
        if scope["method"] != "POST" or not _json_body(scope):
            await self.app(scope, receive, send)
            return
        chunks = []
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client left (or BodyLimit refused the body)
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        problem = self.check(route, body)
        if problem:
            await send_error(send, *problem)
            return
        whole: Message = {"type": "http.request", "body": body, "more_body": False}
        await self.app(scope, replay([whole], receive), send)

    def check(self, route: str, body: bytes) -> tuple[int, str] | None:
        """What is wrong with a JSON ``body`` to ``route`` (status, detail), or None."""
        try:
            data = _strict_json(body)
        except (ValueError, RecursionError) as exc:
            return 400, f"the body is not JSON the chat can read: {exc}"
        if route == "queue/join" and isinstance(data, dict):
            index = data.get("fn_index")
            if type(index) is not int or index not in self.queued:
                shown = json.dumps(index)[:40] if index is not None else "none"
                return 422, (f"fn_index {shown} names no event handler of this page "
                             f"(it has {', '.join(map(str, sorted(self.queued)))})")
        return None


def _json_body(scope: Scope) -> bool:
    """Whether the body is read as JSON (Gradio parses one without a Content-Type as JSON)."""
    for key, value in scope["headers"]:
        if key.lower() == b"content-type":
            kind = value.decode("latin-1").split(";")[0].strip().lower()
            return kind == "application/json" or kind.endswith("+json")
    return True


def _strict_json(body: bytes) -> Any:
    """``json.loads``, refusing NaN, Infinity and numbers too large for a float (1e309)."""

    def constant(name: str) -> Any:
        raise ValueError(f"{name} is not a JSON number")

    def finite(text: str) -> float:
        value = float(text)
        if not math.isfinite(value):
            raise ValueError(f"the number {text[:20]} is too large")
        return value

    return json.loads(body, parse_constant=constant, parse_float=finite)
