"""The server's deadlines (``assistant.http_server``) on a real socket: the server ``serve``
runs, in a thread on a free loopback port, in front of a small app that reads whole bodies,
with deadlines of a second or less so that each case takes a few seconds. Every socket has a
timeout, so no case can hang."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from starlette.types import Receive, Scope, Send

from assistant import http_server
from assistant.app_guards import UPLOAD_LIMITS
from assistant.http_server import GuardedH11Protocol, make_server

BODY_TIMEOUT = 0.5  # seconds, in place of the real deadlines
HEAD_TIMEOUT = 2.0  # longer, so a keep-alive connection can outwait the body's deadline
BOUND = 10 * BODY_TIMEOUT  # seconds a case waits for the server before calling it never


@dataclass
class Echo:
    """An ASGI app: a request's body is read whole and answered "<n> bytes"; ``ended`` lists
    how each request's reading ended ("body" or "disconnect"). ``/early`` is answered "early"
    before its body is read; a WebSocket is accepted and echoes text."""

    ended: list[str] = field(default_factory=list)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while (await receive())["type"] != "lifespan.shutdown":
                await send({"type": "lifespan.startup.complete"})
            await send({"type": "lifespan.shutdown.complete"})
            return
        if scope["type"] == "websocket":
            while (message := await receive())["type"] != "websocket.disconnect":
                if message["type"] == "websocket.connect":
                    await send({"type": "websocket.accept"})
                else:
                    await send({"type": "websocket.send", "text": message.get("text") or ""})
            return
        if scope["path"] == "/early":
            await send({"type": "http.response.start", "status": 200,
                        "headers": [(b"content-length", b"5")]})
            await send({"type": "http.response.body", "body": b"early"})
            return
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                self.ended.append("disconnect")
                return
            size += len(message.get("body", b""))
            if not message.get("more_body"):
                break
        self.ended.append("body")
        body = f"{size} bytes".encode()
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"text/plain"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


@dataclass
class Running:
    port: int
    app: Echo

    def connect(self) -> socket.socket:
        return socket.create_connection(("127.0.0.1", self.port), timeout=BOUND)


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[Running]:
    monkeypatch.setattr(GuardedH11Protocol, "head_timeout", HEAD_TIMEOUT)
    monkeypatch.setattr(GuardedH11Protocol, "body_timeout", BODY_TIMEOUT)
    app = Echo()
    server = make_server(app, host="127.0.0.1", port=0)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield Running(port, app)
    finally:
        server.should_exit = True
        thread.join(20)
    assert not thread.is_alive(), "the server did not stop"


def post(path: str, length: int, body: bytes, extra: bytes = b"") -> bytes:
    return (b"POST %s HTTP/1.1\r\nHost: t\r\nContent-Type: text/plain\r\n"
            b"Content-Length: %d\r\n%s\r\n" % (path.encode(), length, extra)) + body


def read_response(sock: socket.socket) -> bytes:
    """One whole response (head and body, by Content-Length or chunked) from ``sock``; what
    came if the server closed the connection first."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(4096)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.lower().split(b"\r\n")
    chunked = b"transfer-encoding: chunked" in lines
    length = next((int(line.split(b":", 1)[1]) for line in lines
                   if line.startswith(b"content-length:")), 0)
    while len(body) < length or chunked and not body.endswith(b"0\r\n\r\n"):
        chunk = sock.recv(4096)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def closed(sock: socket.socket) -> bool:
    """Whether the server closes ``sock`` (within the socket's timeout), reading what it sends."""
    try:
        while sock.recv(4096):
            pass
    except TimeoutError:
        return False
    except OSError:
        return True
    return True


def wait_for(condition, seconds: float = BOUND) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def test_the_body_deadline_lets_the_largest_upload_through_a_slow_link():
    bits_per_second = max(UPLOAD_LIMITS.values()) * 8 / http_server.BODY_TIMEOUT
    assert bits_per_second <= 400_000


HALF_SENT = {
    "Content-Length 100, 10 bytes sent": post("/", 100, b"0123456789"),
    "Content-Length 100, none sent": post("/", 100, b""),
    "chunked, one chunk sent": (b"POST / HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked"
                                b"\r\n\r\n5\r\nhello\r\n"),
}


@pytest.mark.parametrize("request_bytes", [pytest.param(v, id=k) for k, v in HALF_SENT.items()])
def test_a_body_that_stops_coming_is_answered_408_and_the_server_goes_on(server, request_bytes):
    with server.connect() as sock:
        sock.sendall(request_bytes)
        started = time.monotonic()
        reply = read_response(sock)
        assert closed(sock)
        took = time.monotonic() - started
    assert reply.startswith(b"HTTP/1.1 408 "), reply
    assert b"connection: close" in reply.lower()
    assert b"\r\nThe request body did not arrive within 0.5 s.\r\n" in reply
    assert BODY_TIMEOUT * 0.9 < took < BOUND
    assert wait_for(lambda: server.app.ended == ["disconnect"]), server.app.ended
    with server.connect() as sock:  # the server still answers
        sock.sendall(post("/", 5, b"hello"))
        assert read_response(sock).endswith(b"\r\n\r\n5 bytes")
    assert server.app.ended == ["disconnect", "body"]


def test_a_body_trickled_a_byte_at_a_time_is_cut_off_at_its_deadline(server):
    with server.connect() as sock:
        sock.sendall(post("/", 1000, b""))
        sock.settimeout(BODY_TIMEOUT / 10)  # a byte every 50 ms: each would reset a read timeout
        started = time.monotonic()
        reply = b""
        try:
            while time.monotonic() - started < BOUND and not reply:
                sock.sendall(b"x")
                with contextlib.suppress(TimeoutError):
                    reply = sock.recv(4096) or b"closed"
        except OSError:  # the server closed the connection while a byte was on its way
            reply = b"reset"
        took = time.monotonic() - started
    assert reply.startswith(b"HTTP/1.1 408 ") or reply in (b"closed", b"reset"), reply
    assert took < BOUND
    assert wait_for(lambda: server.app.ended == ["disconnect"]), server.app.ended


def test_a_whole_body_is_answered(server):
    with server.connect() as sock:
        sock.sendall(post("/", 1000, b"x" * 1000))
        assert read_response(sock).endswith(b"\r\n\r\n1000 bytes")


def test_a_body_sent_in_parts_within_its_deadline_is_answered(server):
    with server.connect() as sock:
        sock.sendall(post("/", 10, b"01234"))
        time.sleep(BODY_TIMEOUT / 2)
        sock.sendall(b"56789")
        assert read_response(sock).endswith(b"\r\n\r\n10 bytes")


def test_a_keep_alive_connection_answers_request_after_request(server):
    with server.connect() as sock:
        sock.sendall(post("/", 5, b"hello"))
        assert read_response(sock).endswith(b"\r\n\r\n5 bytes")
        time.sleep(2 * BODY_TIMEOUT)  # past a body deadline, within the next head's
        sock.sendall(post("/", 10, b"01234"))
        time.sleep(BODY_TIMEOUT / 2)  # the second body has a deadline of its own
        sock.sendall(b"56789")
        assert read_response(sock).endswith(b"\r\n\r\n10 bytes")
        sock.sendall(b"GET / HTTP/1.1\r\nHost: t\r\n\r\n")
        assert read_response(sock).endswith(b"\r\n\r\n0 bytes")
    assert server.app.ended == ["body"] * 3


def test_a_connection_that_sends_no_head_is_still_closed(server):
    with server.connect() as sock:
        started = time.monotonic()
        assert closed(sock)
        assert HEAD_TIMEOUT * 0.9 < time.monotonic() - started < BOUND


def test_a_body_still_owed_after_its_answer_is_cut_off(server):
    with server.connect() as sock:
        sock.sendall(post("/early", 100, b"0123456789"))
        assert read_response(sock).endswith(b"\r\n\r\nearly")
        started = time.monotonic()
        assert closed(sock)
        assert time.monotonic() - started < BOUND


def test_after_an_answer_that_came_before_its_body_the_next_head_has_a_deadline(server):
    with server.connect() as sock:
        sock.sendall(post("/early", 10, b"01234"))
        assert read_response(sock).endswith(b"\r\n\r\nearly")
        sock.sendall(b"56789")  # the body ends; the connection waits for a next request
        started = time.monotonic()
        assert closed(sock)
        assert HEAD_TIMEOUT * 0.9 < time.monotonic() - started < 2 * HEAD_TIMEOUT + BOUND


def test_a_websocket_outlives_both_deadlines(server):
    from websockets.sync.client import connect

    with connect(f"ws://127.0.0.1:{server.port}/ws", open_timeout=BOUND) as ws:
        time.sleep(HEAD_TIMEOUT + BODY_TIMEOUT)  # the upgrade's head came; no body is owed
        ws.send("still here")
        assert ws.recv(timeout=BOUND) == "still here"
