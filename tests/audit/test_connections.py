"""Connections: huge or endless request heads and silent connections, against a real
``python app.py`` (fake embedder). One bad client must not stall the others nor grow the
server's memory, and a connection that sends nothing is closed."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from urllib.parse import urlsplit

import httpx
import psutil
import pytest

from assistant.http_server import HEAD_TIMEOUT, KEEP_ALIVE, MAX_HEADER_BYTES

AREA = "Connections"
pytestmark = pytest.mark.e2e
MB = 1024 * 1024
SLACK = 5.0  # seconds on top of a timeout before a case calls it never


def _connect(server, timeout: float = 20.0) -> socket.socket:
    url = urlsplit(server.url)
    return socket.create_connection((url.hostname, url.port), timeout=timeout)


def _send_head(server, header_bytes: int, chunk: int = MB) -> bytes:
    """Send a GET whose one header is ``header_bytes`` long; the server's reply (b"" if it
    only closed the connection)."""
    with _connect(server) as sock:
        try:
            sock.sendall(b"GET /api/health HTTP/1.1\r\nHost: t\r\nX-Big: ")
            sent = 0
            while sent < header_bytes:
                sock.sendall(b"a" * min(chunk, header_bytes - sent))
                sent += chunk
            sock.sendall(b"\r\n\r\n")
        except OSError:  # refused before we were done: what we want
            pass
        try:
            return sock.recv(4096)
        except OSError:
            return b""


def _closed_within(sock: socket.socket, seconds: float) -> bool:
    """Whether the server closes ``sock`` within ``seconds`` (reading whatever it sends)."""
    sock.settimeout(seconds)
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            if not sock.recv(4096):
                return True
    except TimeoutError:
        return False
    except OSError:
        return True
    return False


def _health(server) -> int:
    return httpx.get(server.url + "/api/health", timeout=5).status_code


@pytest.mark.parametrize("size", [
    pytest.param(MAX_HEADER_BYTES + 1024, id="header of 65 KB"),
    pytest.param(8 * MB, id="header of 8 MB"),
    pytest.param(128 * MB, id="header of 128 MB"),
])
def test_a_huge_header_is_refused_with_431_and_the_server_answers_others(server, size):
    reply = []
    attack = threading.Thread(target=lambda: reply.append(_send_head(server, size)))
    attack.start()
    answered = [_health(server) for _ in range(5)]  # while the header streams in
    attack.join(60)
    assert not attack.is_alive(), "the server kept reading the header"
    assert answered == [200] * 5
    assert reply[0] == b"" or reply[0].startswith(b"HTTP/1.1 431 "), reply[0][:200]


def test_many_small_headers_over_the_limit_are_refused(server):
    with _connect(server) as sock:
        lines = b"".join(b"X-H%d: %s\r\n" % (i, b"v" * 20) for i in range(3000))
        with contextlib.suppress(OSError):
            sock.sendall(b"GET /api/health HTTP/1.1\r\nHost: t\r\n" + lines + b"\r\n")
        assert sock.recv(4096).startswith(b"HTTP/1.1 431 ")


def test_a_large_but_ordinary_cookie_is_served(server):
    r = httpx.get(server.url + "/api/health", headers={"cookie": "c=" + "x" * 32_000}, timeout=10)
    assert r.status_code == 200


def test_eight_64_mb_headers_at_once_neither_stall_others_nor_grow_memory(server):
    process = psutil.Process(server.pid)
    before = process.memory_info().rss
    attacks = [threading.Thread(target=_send_head, args=(server, 64 * MB)) for _ in range(8)]
    for t in attacks:
        t.start()
    answered = [_health(server) for _ in range(10)]
    for t in attacks:
        t.join(60)
    assert not any(t.is_alive() for t in attacks)
    assert answered == [200] * 10
    grown = (process.memory_info().rss - before) / MB
    assert grown < 50, f"server RSS grew by {grown:.0f} MB"


def test_a_connection_that_sends_nothing_is_closed(server):
    with _connect(server) as sock:
        assert _closed_within(sock, HEAD_TIMEOUT + SLACK)


def test_a_head_trickled_a_byte_a_second_is_closed(server):
    head = b"GET /api/health HTTP/1.1\r\nHost: t\r\nX-Slow: " + b"a" * 100
    with _connect(server) as sock:
        started = time.monotonic()
        try:
            for byte in head:
                sock.sendall(bytes([byte]))
                time.sleep(1)
                if time.monotonic() - started > HEAD_TIMEOUT + SLACK:
                    break
        except OSError:
            pass
        assert _closed_within(sock, 1.0), "the server waited for the head beyond its deadline"


def test_an_idle_keep_alive_connection_is_closed(server):
    with _connect(server) as sock:
        sock.sendall(b"GET /api/health HTTP/1.1\r\nHost: t\r\n\r\n")
        assert sock.recv(4096).startswith(b"HTTP/1.1 200 ")
        assert _closed_within(sock, KEEP_ALIVE + SLACK)


def test_a_hundred_silent_connections_do_not_stop_others(server):
    socks = [_connect(server) for _ in range(100)]
    try:
        assert [_health(server) for _ in range(5)] == [200] * 5
        assert all(_closed_within(s, HEAD_TIMEOUT + SLACK) for s in socks)
    finally:
        for s in socks:
            s.close()
