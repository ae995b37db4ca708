"""An interview's automatic transcript as Otter.ai or Rev exports it as text, read as its turns.

Otter heads the file with its title, the recording's day and time and length ("Tue, Mar 11,
2025 10:04AM \u2022 14:52"), its "SUMMARY KEYWORDS" and "SPEAKERS" lists, then heads each turn
"Speaker Name  0:24" on a line of its own, the words under it, and signs off "Transcribed by
https://otter.ai"; Teams's text export has the same turns, its day and its length ("47m 31s")
on two lines, and the recording's file name after its title ("-20241009_180215-Meeting
Recording"), which is not part of it. Rev heads a turn "Jane Doe (00:01:12):" (or "Jane Doe: [00:01:12]"), the
words under it or after it. ``transcript_page`` reads each turn as paragraphs opening with the
speaker's label ("Jane Doe: ..."), as an interview set out as a transcript is written (see
``subtitles``), so an answer quoting it says who said it; the day recorded dates the page. The
turns' timestamps, the lists and the sign-off are not text. Any other text is left to the text
layout: a file must open with its turns (after a short header) and hold three or more, by two
speakers or more, each with words under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .bylines import YEAR_DATE
from .layout import file_title
from .page import PARAGRAPH, Block, Page

_SPEAKER = (r"(?P<speaker>[A-Z][\w.'\u2019-]*(?:[ ](?:[A-Z][\w.'\u2019-]*|\d{1,3}|de|van|von|da|di|"
            r"le|la|del|bin|al)){0,4})")
_STAMP = r"(?:\d{1,2}:)?\d{1,2}:\d{2}"
# How each export heads a turn: Otter's "Jane Doe  0:24" (the words on the lines under it),
# Rev's "Jane Doe (00:01:12):" and "Jane Doe: [00:01:12]" (the words under it or after it).
_TURN_HEADS = (
    re.compile(rf"^{_SPEAKER}[ \t]+{_STAMP}\s*$"),
    re.compile(rf"^{_SPEAKER}[ \t]*\({_STAMP}\):(?:[ \t]+(?P<said>\S.*))?$"),
    re.compile(rf"^{_SPEAKER}:[ \t]*\[{_STAMP}\](?:[ \t]+(?P<said>\S.*))?$"),
)
# When it was recorded: "Tue, Mar 11, 2025 10:04AM \u2022 14:52" (the day, the time, the length).
_RECORDED = re.compile(rf"^(?P<date>{YEAR_DATE.pattern})(?:,?\s+\d{{1,2}}:\d{{2}}\s*(?:[AaPp]\.?[Mm]\.?)?)?"
                       rf"(?:\s*[\u2022\u00b7|-]\s*{_STAMP})?\s*$")
# The recording's length on a line of its own under its day (Teams: "47m 31s", "1h 2m 5s").
_LENGTH = re.compile(r"^(?:\d{1,2}h\s*)?(?:\d{1,2}m\s*)?(?:\d{1,2}s)?$")
# The file name Teams gives a recording, after the meeting's name in its title.
_RECORDING_NAME = re.compile(r"-\d{8}_\d{6}-Meeting Recording$", re.I)
_LISTS = re.compile(r"^(?:SUMMARY KEYWORDS|KEYWORDS|SPEAKERS)\s*:?\s*$", re.I)
_SIGN_OFF = re.compile(r"^Transcribed by\s+(?:https?://)?(?:www\.)?(?:otter\.ai|otter|rev\.com|rev)\S*\s*$",
                       re.I)
# A timestamp in the words: "[00:03:26]" alone, or in a note ("[inaudible 03:26]").
_INLINE_STAMP = re.compile(rf"(?<!\s)\s*\[{_STAMP}\]|(?<=\w)\s+{_STAMP}(?=\])")
_SOUND = re.compile(r"^(?:\[[^\[\]]*\]\s*)+$")  # "[laughs]": no one's words
_HEADER_BLOCKS = 6  # blocks above the first turn: the title, the day recorded, the lists


@dataclass(frozen=True)
class Turn:
    """One speaker's turn: their label as the export prints it, and their paragraphs."""

    speaker: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Transcript:
    title: str | None
    recorded: str | None  # the line saying when, as printed
    date: str | None  # the day recorded, as printed ("Tue, Mar 11, 2025")
    preface: tuple[str, ...]  # paragraphs above the first turn that are none of the header's
    turns: tuple[Turn, ...]


def _blocks(text: str) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _words(lines: list[str]) -> str:
    said = _INLINE_STAMP.sub("", " ".join(lines)).strip()
    return "" if _SOUND.match(said) else said


def _header(blocks: list[list[str]]) -> tuple[str | None, str | None, str | None, list[str]]:
    """The title, the line saying when it was recorded and its day, and any other paragraphs
    above the first turn (without the keyword and speaker lists)."""
    title = recorded = date = None
    preface: list[str] = []
    skip_next = False
    for k, block in enumerate(blocks):
        if skip_next or _LISTS.match(block[0]):
            skip_next = len(block) == 1 and not skip_next  # "SPEAKERS" / (next block) the names
            continue
        lines = list(block)
        if k == 0 and len(lines[0]) <= 150 and not _RECORDED.match(lines[0]):
            title = _RECORDING_NAME.sub("", lines.pop(0)).strip()
        if lines and (m := _RECORDED.match(lines[0])):
            recorded, date = lines.pop(0), m["date"]
            if lines and lines[0].strip() and _LENGTH.match(lines[0]):
                recorded = f"{recorded} \u2022 {lines.pop(0)}"  # its length, under it
        if lines:
            preface.append(" ".join(lines))
    return title, recorded, date, preface


def split_transcript(text: str) -> Transcript | None:
    """The turns of an Otter or Rev transcript, None for any other text."""
    lines = text.split("\n")
    head = first = None
    for n, line in enumerate(lines):
        head = next((h for h in _TURN_HEADS if h.match(line.strip())), None)
        if head:
            first = n
            break
    if head is None or first is None:
        return None
    above = _blocks("\n".join(lines[:first]))
    if len(above) > _HEADER_BLOCKS:
        return None
    found: list[tuple[str, list[list[str]]]] = []  # speaker, the blocks of their words
    for line in lines[first:]:
        line = line.strip()
        m = head.match(line)
        if m:
            said = m.groupdict().get("said")
            found.append((m["speaker"], [[said] if said else []]))
        elif not line:
            found[-1][1].append([])
        elif not _SIGN_OFF.match(line):
            found[-1][1][-1].append(line)
    if len(found) < 3 or len({who for who, _ in found}) < 2 or not all(any(said) for _, said in found):
        return None  # (a turn with no words under it: a list of times, not a transcript)
    turns = [Turn(who, tuple(p for b in said if b and (p := _words(b)))) for who, said in found]
    title, recorded, date, preface = _header(above)
    return Transcript(title, recorded, date, tuple(preface), tuple(t for t in turns if t.paragraphs))


def transcript_page(text: str, filename: str) -> Page | None:
    """An interview's transcript as a Page: its title (else the file's name without its
    extension), dated by the day recorded, its byline saying so ("Recorded Tue, Mar 11, 2025
    10:04AM \u2022 14:52": the header's line says when it was recorded, not published), each
    paragraph of a turn opening with its speaker's label; None for any other text."""
    found = split_transcript(text)
    if found is None:
        return None
    paragraphs = [*found.preface,
                  *(f"{turn.speaker}: {p}" for turn in found.turns for p in turn.paragraphs)]
    return Page(title=found.title or file_title(filename, "Transcript"),
                blocks=tuple(Block(PARAGRAPH, p) for p in paragraphs),
                date=found.date, byline=f"Recorded {found.recorded}" if found.recorded else None)
