"""Running work on many threads at once, switching between them as often as Python allows,
so that state they share unguarded is caught mixing their work."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def map_on_threads(fn: Callable[[T], R], items: Sequence[T], threads: int) -> dict[int, R]:
    """``fn`` of every item, by position, the items dealt round-robin to ``threads`` threads
    started together; the first exception any thread raised is raised here."""
    results: dict[int, R] = {}
    failures: list[BaseException] = []

    def work(part: range) -> None:
        try:
            for i in part:
                results[i] = fn(items[i])
        except Exception as exc:  # noqa: BLE001 - raised below, in the test's thread
            failures.append(exc)

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        workers = [threading.Thread(target=work, args=(range(i, len(items), threads),))
                   for i in range(threads)]
        for t in workers:
            t.start()
        for t in workers:
            t.join()
    finally:
        sys.setswitchinterval(interval)
    if failures:
        raise failures[0]
    return results
