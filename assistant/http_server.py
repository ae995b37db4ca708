"""Serving the app with uvicorn so that no client can stall it and SIGTERM always ends it.

``serve(app, ...)`` is what ``app.py`` runs. Compared with ``uvicorn.run``:

- HTTP is parsed by h11 (``GuardedH11Protocol``), whose request head is bounded: a head over
  ``MAX_HEADER_BYTES`` is answered 431 and the connection closed (httptools, uvicorn's
  default, has no limit: one 128 MB header stalled every client for 17 s). ``HeadLimit``
  applies the same limit to a head that arrived whole.
- A connection must send a whole request head within ``HEAD_TIMEOUT`` seconds of opening, or
  of its previous response; one that sends nothing, or trickles a head, is closed. The body
  must then arrive whole within ``BODY_TIMEOUT`` seconds of the head; one that is late (a
  large Content-Length, then a byte now and then, or nothing) is answered 408 if no
  response has begun, and its connection closed.
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
# Seconds a request's whole body may take to arrive once its head has: the largest body the
# app takes (a 5 MB upload, app_guards.UPLOAD_LIMITS) at 350 kbit/s, a slow mobile uplink.
# A client that trickles its body, or never sends it, holds a connection no longer than this.
BODY_TIMEOUT = 120.0
KEEP_ALIVE = 5  # seconds an idle keep-alive connection stays open (uvicorn's default)
GRACEFUL_SHUTDOWN = 5  # seconds running requests get on SIGTERM before they are cancelled

_DISCONNECT: Message = {"type": "http.disconnect"}


class GuardedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with deadlines for the request head and body, and a 431 for a
    head that is too long (h11 stops reading at ``h11_max_incomplete_event_size``).

    What the client owes is h11's ``their_state``: a head while IDLE, the rest of a body while
    SEND_BODY. Each gets its deadline when the client starts to owe it, kept however the bytes
    trickle in, and dropped once it is sent. A body late with no response begun is answered
    408; either way the connection is closed and the app's ``receive()`` returns
    ``http.disconnect``. The body's clock also runs while the app leaves the body unread
    (uvicorn stops reading past 64 KB unread, or until the app reads when asked for
    100-continue): every route here reads its body at once.
    """

    head_timeout = HEAD_TIMEOUT
    body_timeout = BODY_TIMEOUT

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_timer: asyncio.TimerHandle | None = None
        self._body_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)  # type: ignore[arg-type]
        self._watch()

    def connection_lost(self, exc: Exception | None) -> None:
        self._watch(closed=True)
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._watch()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._watch()  # the next request's head gets the same deadline

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

    def _watch(self, closed: bool = False) -> None:
        """Start the deadline of what the client owes now, unless running; stop the other.
        Neither runs once the connection is closing or is no longer HTTP (a WebSocket: its
        upgrade request leaves h11 waiting for a body that never comes)."""
        gone = closed or self.transport.is_closing() or self.transport.get_protocol() is not self
        owes = None if gone else self.conn.their_state
        self._head_timer = self._deadline(self._head_timer, owes is h11.IDLE,
                                          self.head_timeout, self._head_timed_out)
        self._body_timer = self._deadline(self._body_timer, owes is h11.SEND_BODY,
                                          self.body_timeout, self._body_timed_out)

    def _deadline(self, timer: asyncio.TimerHandle | None, wanted: bool, seconds: float,
                  expired: Callable[[], None]) -> asyncio.TimerHandle | None:
        """``timer`` kept, or started, if ``wanted``; else cancelled."""
        if wanted:
            return timer or self.loop.call_later(seconds, expired)
        if timer is not None:
            timer.cancel()
        return None

    def _head_timed_out(self) -> None:
        self._head_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            log.debug("closing a connection that sent no request in %.0f s", self.head_timeout)
            self.transport.close()

    def _body_timed_out(self) -> None:
        self._body_timer = None
        if self.conn.their_state is not h11.SEND_BODY or self.transport.is_closing():
            return
        log.debug("closing a connection whose request body did not arrive in %.0f s",
                  self.body_timeout)
        if self.conn.our_state is h11.SEND_RESPONSE:  # no response begun: say why
            self._send_error(408, f"The request body did not arrive within "
                                  f"{self.body_timeout:g} s.")
        else:
            self.transport.close()
        if self.cycle is not None and not self.cycle.response_complete:
            # What uvicorn does once the connection is lost, done at once: the app's
            # receive() returns http.disconnect and what it sends is dropped, never written
            # after the 408.
            self.cycle.disconnected = True
            self.cycle.message_event.set()


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
