"""Serving the app with uvicorn so that no client can stall it and SIGTERM always ends it.

``serve(app, ...)`` is what ``app.py`` runs. Compared with ``uvicorn.run``:

- HTTP is parsed by h11 (``GuardedH11Protocol``), whose request head is bounded: a head over
  ``MAX_HEADER_BYTES`` is answered 431 and the connection closed (httptools, uvicorn's
  default, has no limit: one 128 MB header stalled every client for 17 s). ``HeadLimit``
  applies the same limit to a head that arrived whole.
- A connection must send a whole request head within ``HEAD_TIMEOUT`` seconds of opening, or
  of its previous response; one that sends nothing, or trickles a head, is closed.
- On SIGTERM or Ctrl-C, ``StreamCloser`` ends the responses that never end by themselves
  (the event streams every open chat tab holds: heartbeat, queue, /dev/reload), requests
  still running get ``GRACEFUL_SHUTDOWN`` seconds, and ``on_stop`` runs (the chat's download
  folder is removed); uvicorn alone waited for every tab to close.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import Any

import h11
import uvicorn
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import STATUS_PHRASES, H11Protocol

from .api_runtime import send_error

log = logging.getLogger(__name__)

MAX_HEADER_BYTES = 64 * 1024  # request line + headers
HEAD_TIMEOUT = 10.0  # seconds to send a request head, from connect or the last response
KEEP_ALIVE = 5  # seconds an idle keep-alive connection stays open (uvicorn's default)
GRACEFUL_SHUTDOWN = 5  # seconds running requests get on SIGTERM before they are cancelled

_DISCONNECT: Message = {"type": "http.disconnect"}


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for the request head and a 431 for one that is
    too long (h11 stops reading at ``h11_max_incomplete_event_size``)."""

    head_timeout = HEAD_TIMEOUT

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)  # type: ignore[arg-type]
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:  # a whole head came (or the request failed)
            self._disarm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing() and self.conn.their_state is h11.IDLE:
            self._arm()  # the next request's head gets the same deadline

    def send_400_response(self, msg: str) -> None:
        limit = self.config.h11_max_incomplete_event_size
        if limit is not None and len(self.conn.trailing_data[0]) > limit:
            self._send_error(431, f"The request head is over {limit:,} bytes; send less.")
        else:
            self._send_error(400, msg)

    def _send_error(self, status: int, msg: str) -> None:
        headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"connection", b"close")]
        for event in (h11.Response(status_code=status, headers=headers,
                                   reason=STATUS_PHRASES[status]),
                      h11.Data(data=msg.encode("ascii")), h11.EndOfMessage()):
            self.transport.write(self.conn.send(event) or b"")
        self.transport.close()

    def _arm(self) -> None:
        self._disarm()
        self._head_timer = self.loop.call_later(self.head_timeout, self._head_timed_out)

    def _disarm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            log.debug("closing a connection that sent no request in %.0f s", self.head_timeout)
            self.transport.close()


class HeadLimit:
    """ASGI middleware: a request whose head (target and headers) is over ``limit`` bytes is
    answered 431. h11 refuses a head that grows past the limit while it waits for the rest;
    one that arrives whole in a single read is caught here, so the limit is the same."""

    def __init__(self, app: ASGIApp, limit: int = MAX_HEADER_BYTES):
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            size = len(scope.get("raw_path") or b"") + len(scope.get("query_string") or b"")
            size += sum(len(k) + len(v) + 4 for k, v in scope["headers"])
            if size > self.limit:
                await send_error(send, 431, f"the request head is over {self.limit:,} bytes; "
                                            "send less", headers=[(b"connection", b"close")])
                return
        await self.app(scope, receive, send)


class StreamCloser:
    """ASGI middleware: ``close()`` ends every GET response still streaming.

    Such a response (an event stream) ends only when its client leaves, which it learns by
    receiving ``http.disconnect``; after ``close()`` every such request receives one at
    once, and a response left unfinished gets its closing chunk, so the connection ends
    cleanly. Other requests are passed through untouched.
    """

    def __init__(self, app: ASGIApp):
        self.app = app
        self._closing: asyncio.Event | None = None  # made on the server's loop
        self._closed = False

    def close(self) -> None:
        self._closed = True
        if self._closing is not None:
            self._closing.set()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        if self._closing is None:
            self._closing = asyncio.Event()
            if self._closed:
                self._closing.set()
        receiver = _Receiver(receive, self._closing)
        started = complete = False

        async def tracked(message: Message) -> None:
            nonlocal started, complete
            started = started or message["type"] == "http.response.start"
            if message["type"] == "http.response.body" and not message.get("more_body"):
                complete = True
            await send(message)

        try:
            await self.app(scope, receiver, tracked)
        finally:
            receiver.cancel()
        if started and not complete and self._closing.is_set():
            await send({"type": "http.response.body", "body": b"", "more_body": False})


class _Receiver:
    """``receive`` that returns ``http.disconnect`` once ``closing`` is set.

    The real ``receive`` runs as a task kept across calls, so a call that is cancelled
    (Starlette polls with a cancelled scope) never loses a message.
    """

    def __init__(self, receive: Receive, closing: asyncio.Event):
        self.receive, self.closing = receive, closing
        self.pending: asyncio.Future[Message] | None = None

    async def __call__(self) -> Message:
        if self.closing.is_set():
            return _DISCONNECT
        if self.pending is None:
            self.pending = asyncio.ensure_future(self.receive())
        stop = asyncio.ensure_future(self.closing.wait())
        waiters: set[asyncio.Future[Any]] = {self.pending, stop}
        try:
            await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stop.cancel()
        if not self.pending.done():
            return _DISCONNECT
        message, self.pending = self.pending.result(), None
        return message

    def cancel(self) -> None:
        if self.pending is not None:
            self.pending.cancel()


class AppServer(uvicorn.Server):
    """uvicorn's server; its shutdown first ends the event streams and ends with ``on_stop``."""

    def __init__(self, config: uvicorn.Config, streams: StreamCloser,
                 on_stop: Callable[[], None] = lambda: None):
        super().__init__(config)
        self.streams, self.on_stop = streams, on_stop

    async def shutdown(self, sockets: Any = None) -> None:
        self.streams.close()
        try:
            await super().shutdown(sockets=sockets)
        finally:
            self.on_stop()


def make_server(app: ASGIApp, *, host: str, port: int, access_log: bool = False,
                on_stop: Callable[[], None] = lambda: None) -> AppServer:
    """The server ``serve`` runs: ``app`` behind the limits above (``port=0``: a free one)."""
    streams = StreamCloser(HeadLimit(app))
    config = uvicorn.Config(
        streams, host=host, port=port, log_config=None, log_level=None, access_log=access_log,
        http=GuardedH11Protocol, h11_max_incomplete_event_size=MAX_HEADER_BYTES,
        timeout_keep_alive=KEEP_ALIVE, timeout_graceful_shutdown=GRACEFUL_SHUTDOWN,
        lifespan="on",
    )
    return AppServer(config, streams, on_stop)


def serve(app: ASGIApp, *, host: str, port: int, access_log: bool = False,
          on_stop: Callable[[], None] = lambda: None) -> None:
    """Serve ``app`` until SIGTERM or Ctrl-C, with the limits above; ``on_stop`` runs after
    the last request (also on SIGTERM, when atexit hooks do not). uvicorn logs through the
    logging already set up (its own configuration is not applied)."""
    server = make_server(app, host=host, port=port, access_log=access_log, on_stop=on_stop)
    with contextlib.suppress(KeyboardInterrupt):  # uvicorn re-raises Ctrl-C once stopped
        server.run()
