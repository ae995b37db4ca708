"""A speech, a press conference or a hearing set out as a transcript in a text file.

Each turn opens with its speaker's label in capitals ("CLLR OKAFOR: Good morning ...", a
questioner's "QUESTION (Ana Ruiz, Daily Post): ..."), and a turn may run over several
paragraphs, only the first labelled. ``speech_turns`` labels every paragraph of a turn, as
an interview's transcript reads (``transcript``, ``subtitles``), so an answer quoting the
third paragraph of a speech still says who spoke. The transcriber's sound marks ("[laughter]",
"(APPLAUSE)", "[END OF TRANSCRIPT]") are no one's words and are dropped, as a subtitle file's
are. Text with fewer than three labelled paragraphs by two speakers (and fewer than two sound
marks) is left as it is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .layout import TextBlock, plain_heading
from .subtitles import SOUND

# A turn's label in capitals: "CLLR OKAFOR-LUND:", "DR VANCE:", "QUESTION (Ana Ruiz, Daily
# Post):", then the words.
_LABEL = re.compile(r"^(?P<label>[A-Z][A-Z.'\u2019\-]+(?: [A-Z][A-Z.'\u2019\-]*){0,3}"
                    r"(?: \([A-Z][^()\n]{1,60}\))?):[ \t]+(?=\S)")
# A transcriber's mark of a sound in the words: "[laughter]", "(APPLAUSE)", "[applause and
# cheers]", "[laughter from the back]"; and its note that the transcript ends or begins. (The
# spaces before it are taken from the start of their run only: a run is not tried at every
# space.)
_SOUND_WORD = (r"(?:laughter|laughs|laughing|applause|applauding|clapping|cheers|cheering|boos|booing|"
               r"jeers|jeering|heckling|crosstalk|music|(?:end|start|beginning) of (?:the )?"
               r"(?:transcript|recording|remarks))")
_SOUND_MARK = re.compile(rf"(?<![ \t])[ \t]*(?:\[{_SOUND_WORD}\b[^\[\]\n]{{0,40}}\]"
                         rf"|\({_SOUND_WORD}\b[^()\n]{{0,40}}\))", re.I)
_SOUND_ALONE_WORDS = 6  # "[END OF TRANSCRIPT]", "(Applause)"
_MIN_TURNS = 3


def _label(block: TextBlock) -> str | None:
    m = _LABEL.match(block.lines[0])
    return m["label"] if m and len(block.text[m.end():].split()) >= 2 else None


def _sound_only(block: TextBlock) -> bool:
    text = " ".join(line.strip() for line in block.lines)
    return bool(SOUND.match(text)) and len(text.split()) <= _SOUND_ALONE_WORDS


def speech_turns(blocks: Sequence[TextBlock]) -> list[TextBlock]:
    """``blocks`` with a transcript's sound marks dropped and each paragraph of a speaker's
    turn opening with the speaker's label; other text as it is."""
    labels = [label for b in blocks if (label := _label(b))]
    marks = sum(len(_SOUND_MARK.findall(b.text)) for b in blocks)
    labelled = len(labels) >= _MIN_TURNS and len(set(labels)) >= 2
    if not labelled and marks < 2:
        return list(blocks)
    out: list[TextBlock] = []
    speaker: str | None = None
    for k, block in enumerate(blocks):
        lines = tuple(line for line in (_SOUND_MARK.sub("", line).rstrip() for line in block.lines) if line)
        if not lines or labelled and _sound_only(block):
            continue  # "[applause]", "[END OF TRANSCRIPT]"
        block = TextBlock(lines, block.line)
        if labelled:
            following = blocks[k + 1] if k + 1 < len(blocks) else None
            if label := _label(block):
                speaker = label
            elif plain_heading(block, following) or not k:
                speaker = None  # "QUESTIONS FROM THE PRESS": the turn is over
            elif speaker:
                block = TextBlock((f"{speaker}: {lines[0].lstrip()}", *lines[1:]), block.line)
        out.append(block)
    return out
