"""A subtitle file (SRT, WebVTT) of a talk or an interview, read as its transcript.

SRT numbers its cues and times them ("12" / "00:01:12,400 --> 00:01:15,900" / the words);
WebVTT opens with "WEBVTT", times its cues "00:01:12.400 --> 00:01:15.900" (cue settings may
follow, an identifier may come before) and may name the speaker in a voice tag ("<v Rhys>").
Neither the numbers nor the timings are text: the cues are joined into paragraphs, a sentence
split across cues read as one, and a new paragraph starts where the speaker changes or after
a long pause. A cue line opening with a speaker's label ("RHYS:", "- Fenella:", "<v Rhys>")
starts that person's turn, and each paragraph of the turn opens with the label, as an
interview set out as a transcript does ("NAME: ..."), so the answer can say who said it.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass

from .layout import SENTENCE_END, file_title
from .page import PARAGRAPH, Block, Page

_STAMP = r"(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{1,3}"
_TIMING = re.compile(rf"^\s*(?P<start>{_STAMP})\s*-->\s*(?P<end>{_STAMP})(?:\s+\S.*)?$")
_WEBVTT = re.compile(r"^\ufeff?WEBVTT(?:[ \t]+-?[ \t]*(?P<title>\S.*?))?\s*$")
_VTT_BLOCK = re.compile(r"^(?P<kind>NOTE|STYLE|REGION)(?:[ \t]+(?P<text>\S.*?))?\s*$")
_HEADER_FIELD = re.compile(r"^(?P<key>[A-Za-z][\w-]{0,20}):\s*(?P<value>.*?)\s*$")
# A voice tag names the speaker ("<v Rhys>", "<v.loud Fenella Marsh>"); other tags are styling
# (<i>, <b>, <c.yellow>, <font color=...>, a karaoke timestamp <00:00:01.200>), and so is an
# SRT's {\an8}.
_VOICE = re.compile(r"<v(?:\.[\w.-]+)?[ \t]+(?P<name>[^>]+)>")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<\d[\d:.]*>|\{\\[^{}]*\}")
# A line that is only a sound ("[laughter]", "(APPLAUSE)", "♪ music ♪"): no one's words.
SOUND = re.compile(r"^(?:\[[^\[\]]*\]|\([^()]*\)|[\u266a\u266b#*][^\n]*[\u266a\u266b#*]|[\u266a\u266b]+)$")
# Who speaks next: a dialogue dash ("- ") or a broadcast caption's chevrons (">> "), then an
# optional label ("RHYS:", "Fenella Marsh:", "Host (Priya Menon):").
_TURN = re.compile(r"^(?P<mark>-|\u2013|>>)\s*")
_LABEL = re.compile(r"^(?P<label>[A-Z][\w'\u2019.-]*(?: [A-Z][\w'\u2019.-]*){0,2}"
                    r"(?: \([A-Z][^()]{1,40}\))?):\s+(?=\S)")
_PAUSE = 2.0  # seconds of silence between cues that start a new paragraph
_LONG = 150  # words: a paragraph this long ends at the next sentence end


@dataclass(frozen=True)
class Cue:
    """One cue: when it is shown (seconds) and its lines of text."""

    start: float
    end: float
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Subtitles:
    """What a subtitle file holds: its title if it gives one, its cues, and lines of text
    before the first cue that are not its title."""

    title: str | None
    cues: tuple[Cue, ...]
    preface: tuple[str, ...] = ()


def _seconds(stamp: str) -> float:
    parts = stamp.replace(",", ".").split(":")
    return sum(float(p) * 60 ** k for k, p in enumerate(reversed(parts)))


def _blocks(lines: list[str]) -> list[list[str]]:
    """The lines between blank lines; a timing line also starts a block (with its SRT number,
    the line above it), as a file missing its blank lines is still read."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if not line.strip():
            if current:
                blocks.append(current)
            current = []
            continue
        if _TIMING.match(line) and len(current) > 1:
            number = [current.pop()] if current[-1].strip().isdigit() else []
            blocks.append(current)
            current = number
        current.append(line.rstrip())
    if current:
        blocks.append(current)
    return blocks


def split_subtitles(text: str) -> Subtitles | None:
    """The cues of an SRT or WebVTT file, None for any other text. Every block must be a cue
    (its number or identifier, its timing line, its text), a WebVTT header, NOTE, STYLE or
    REGION block, or, before the first cue, a title of up to three short lines."""
    blocks = _blocks(text.split("\n"))
    title: str | None = None
    note: str | None = None
    preface: tuple[str, ...] = ()
    cues: list[Cue] = []
    for k, block in enumerate(blocks):
        at = 1 if len(block) > 1 and _TIMING.match(block[1]) else 0
        timing = _TIMING.match(block[at])
        if timing and (at == 0 or "-->" not in block[0]):
            cues.append(Cue(_seconds(timing["start"]), _seconds(timing["end"]), tuple(block[at + 1:])))
            continue
        vtt = _WEBVTT.match(block[0]) if k == 0 else None
        if vtt:
            fields = {m["key"].lower(): m["value"] for line in block[1:] if (m := _HEADER_FIELD.match(line))}
            title = vtt["title"] or fields.get("title") or None
            continue
        kind = _VTT_BLOCK.match(block[0])
        if kind:
            if kind["kind"] == "NOTE" and note is None:
                note = kind["text"] or (block[1].strip() if len(block) > 1 else None)
            continue
        if k == 0 and len(block) <= 3 and all(len(line) <= 100 for line in block):
            title, preface = block[0].strip(), tuple(line.strip() for line in block[1:])
            continue
        return None  # text that is not a cue: not a subtitle file
    if len(cues) < 2:
        return None
    return Subtitles(title or note, tuple(cues), preface)


@dataclass(frozen=True)
class _Line:
    """A cue's line as spoken: its words, and the turn it starts (a new speaker's label, or
    '' for a dialogue dash naming no one; None when it starts no turn)."""

    words: str
    turn: str | None


def _line(raw: str, labels: Counter[str]) -> _Line | None:
    voice = _VOICE.search(raw)
    words = html.unescape(_TAG.sub("", raw)).strip()
    if not words or SOUND.match(words):
        return None
    turn: str | None = voice["name"].strip() if voice else None
    mark = _TURN.match(words)
    if mark:
        words, turn = words[mark.end():], turn or ""
    label = _LABEL.match(words)
    if label and (label["label"].isupper() or labels[label["label"]] >= 2 or mark):
        words, turn = words[label.end():], label["label"]
    return _Line(words, turn) if words else None


def _labels(cues: tuple[Cue, ...]) -> Counter[str]:
    """How often each speaker-like label opens a cue line: a label that recurs names a
    speaker, one used once ("Today: ...") may be the speaker's words."""
    return Counter(m["label"] for cue in cues for raw in cue.lines
                   if (m := _LABEL.match(_TURN.sub("", html.unescape(_TAG.sub("", raw)).strip()))))


def transcript(cues: tuple[Cue, ...]) -> list[str]:
    """The cues as paragraphs, each of a turn opening with its speaker's label ("RHYS: ...")."""
    labels = _labels(cues)
    # (captions typed without punctuation end no sentence: a pause or a long run ends a
    # paragraph anywhere)
    punctuated = any(SENTENCE_END.search(line) for cue in cues for line in cue.lines)
    paragraphs: list[str] = []
    speaker = ""
    words: list[str] = []

    def flush() -> None:
        if words:
            paragraphs.append(f"{speaker}: {' '.join(words)}" if speaker else " ".join(words))
            words.clear()

    last_end: float | None = None
    for cue in cues:
        said = " ".join(words)
        ends = bool(SENTENCE_END.search(said)) or not punctuated
        if ends and (last_end is not None and cue.start - last_end >= _PAUSE
                     or len(said.split()) >= _LONG):
            flush()
        last_end = cue.end
        for raw in cue.lines:
            line = _line(raw, labels)
            if line is None:
                continue
            if line.turn is not None and (line.turn != speaker or not line.turn):
                flush()  # a new speaker (a WebVTT file names the same one in every cue)
                speaker = line.turn
            words.append(line.words)
    flush()
    return paragraphs


def subtitle_page(text: str, filename: str) -> Page | None:
    """A subtitle file as a Page: its title (a title line, WebVTT's header or first NOTE, else
    the file's name without its extension) and its transcript's paragraphs; None for any
    other text."""
    found = split_subtitles(text)
    if found is None:
        return None
    paragraphs = [" ".join(found.preface)] if found.preface else []
    paragraphs += transcript(found.cues)
    if not paragraphs:
        return None
    return Page(title=found.title or file_title(filename, "Transcript"),
                blocks=tuple(Block(PARAGRAPH, p) for p in paragraphs))
