"""A diary's or a log's entries, each headed by its day on a line of its own with the entry's
lines right under it, in the same block.

A field diary, a ship's or a station's log, a training log: each entry opens with its day,
often typed a little differently each time ("Sat 11 April 2026", "Sun 12th", "14/04",
"Thurs 16 Apr", "17/4"), and its lines follow without a blank line between. Read as a plain
paragraph, the day is only the entry's first words and "What was the weather on the 12th?" has
nothing that ties the entry to its day past its first sentence. ``entry_day`` gives the day a
block opens with when the file is such a diary: three blocks or more open with a day line and
go on under it. The text reader makes the day the entry's heading, as a day alone in its block
above the entry already is (``layout.plain_heading``).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..days import heading_day
from .layout import TextBlock

_MIN_ENTRIES = 3


def is_day_line(line: str) -> bool:
    """``line`` is a day alone, as a diary heads an entry: "Sat 11 April 2026", "Sun 12th",
    "14/04", "Thurs 16 Apr"."""
    return heading_day(line) is not None


def entry_days(blocks: Sequence[TextBlock]) -> frozenset[int]:
    """The indexes of the blocks that are a diary's entries headed by their day (the day
    line first, the entry's lines under it), when three or more are; none otherwise."""
    found = frozenset(k for k, b in enumerate(blocks) if len(b.lines) > 1 and is_day_line(b.lines[0]))
    return found if len(found) >= _MIN_ENTRIES else frozenset()


def dated_entries(blocks: Sequence[TextBlock]) -> bool:
    """Three or more blocks open with a day line: a diary's or a log's entries, whether the
    day is alone in its block above the entry or heads the entry's own lines."""
    return sum(1 for b in blocks if is_day_line(b.lines[0])) >= _MIN_ENTRIES
