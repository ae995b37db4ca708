"""How the writer signs a text at its end: an e-mail's "--" signature, a sign-off under a
closing line ("Happy digging," / "Helen Ostrowska"), and an earlier message of an e-mail thread
as a comment's text without them."""

from __future__ import annotations

import re

from .bylines import DATE_LINE, clean_name, name_ok
from .layout import TextBlock, split_blocks, unwrap
from .mail import Message


def signature(blocks: list[TextBlock], writer: str | None = None) -> tuple[str | None, list[TextBlock]]:
    """An e-mail's signature, the last block when it opens with the "--" line that marks one
    (RFC 3676) and its lines are short ("Hannah Whitlock" / "Newsletter editor" / an address,
    a phone number, how to unsubscribe), is never the article's text: the name on its first
    line when it is a person's, and the blocks without it. So is a sign-off under a closing
    line (``_signed_off``), or a last block of a few short lines opening with the ``writer``'s
    name or first name ("Lucy" / "(Tower Captain)")."""
    last = blocks[-1]
    if len(blocks) >= 3 and _signed_off(blocks[-2], last):
        return clean_name(last.lines[0].strip()), blocks[:-2]
    if len(blocks) >= 2 and len(last.lines) >= 2 and _signed_off(
            TextBlock(last.lines[:1], last.line), TextBlock(last.lines[1:], last.line + 1), first_name=True):
        name = last.lines[1].strip()  # "Best," / "Harriet": a first name signs no byline
        return (name if len(name.split()) > 1 else None), blocks[:-1]
    if len(blocks) >= 2 and writer and _by_writer(last, writer):
        return None, blocks[:-1]
    if len(blocks) < 2 or len(last.lines) < 2 or last.lines[0].rstrip() != "--" \
            or any(len(line.split()) > 14 for line in last.lines[1:]):
        return None, blocks
    return signer_name(last.lines[1]), blocks[:-1]


def signed_lines(block: TextBlock) -> list[str]:
    """What a removed signature block says of its signer, as printed: the name, then the
    lines under it that give a role or an organisation ("Senior Ecologist, Wrenmoor Estuary
    Trust") and the date it was signed ("12 May 2025"); an address, a phone number, an e-mail
    or web address, or how to unsubscribe is left out."""
    lines = [line.strip() for line in block.lines if line.strip() and line.rstrip() != "--"]
    out = lines[:1]
    for line in lines[1:4]:
        if DATE_LINE.match(line) or (_ROLE_LINE.fullmatch(line) and len(line.split()) <= 8):
            out.append(line)
    return out


# A signature's role or organisation line: words, commas and "&", no digits or addresses.
_ROLE_LINE = re.compile(r"[A-Z][\w'\u2019.&\-]*(?:,?\s+[\w'\u2019.&\-]+)*")


def signed_date(lines: list[str]) -> str | None:
    """The date a signature gives on a line of its own ("12 May 2025"), if any."""
    for line in lines[1:]:
        if m := DATE_LINE.match(line):
            return m["date"]
    return None


def signer_name(line: str) -> str | None:
    """The person's name on a signature's first line, when it is one."""
    name = clean_name(line.strip())
    return name if name_ok(name) and len(name.split()) > 1 else None


# A letter's salutation on a line of its own: "Dear Bernadette,", "Dear Dr Lee,".
SALUTATION = re.compile(r"^(?:Dear|Hi|Hello)\s+[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){0,2}\s*[,:!]$")
# A reader's letter's sign-off, under it: a name of one to three words, then where the writer
# lives or a word for them ("Fiona, Cresswell Marsh", "J. Patel, Leeds", "Worried mum,
# Bristol"), or a name alone.
SIGNED_LETTER = re.compile(
    r"^[A-Z][\w'\u2019.-]*(?:\s+[\w'\u2019.-]+){0,2}"
    r"(?:,\s+[A-Z][\w'\u2019.-]*(?:\s+[A-Za-z][\w'\u2019.-]*){0,3})?$")


# A letter's or a newsletter's closing line: "Happy digging,", "Best wishes,", "Yours,".
_CLOSING = re.compile(r"^[A-Z][\w'\u2019]*(?: [\w'\u2019]+){0,3},$")


def _signed_off(closing: TextBlock, last: TextBlock, first_name: bool = False) -> bool:
    """The text ends with a closing line alone in its block, then the writer's name and a few
    short lines (a role, an address): "Happy digging," / "Helen Ostrowska" / "Newsletter
    editor, ...". The name, when it is a person's, signed it; in an e-mail (``first_name``)
    the closing line and a first name may share a block ("Best," / "Harriet")."""
    name = last.lines[0].strip()
    return (len(closing.lines) == 1 and bool(_CLOSING.match(closing.lines[0].strip()))
            and len(last.lines) <= 4 and clean_name(name) == name and name_ok(name)
            and (len(name.split()) > 1 or first_name)
            and all(len(line.split()) <= 14 for line in last.lines))


def _by_writer(block: TextBlock, writer: str) -> bool:
    """A block of up to four short lines opening with the writer's name or first name (the
    first words of it: "Mei Lin" signs for Mei Lin Tan)."""
    first = block.lines[0].strip().rstrip(",")
    words = writer.split()
    return first in {" ".join(words[:k]) for k in range(1, len(words) + 1)} and len(block.lines) <= 4 \
        and all(len(line.split()) <= 8 for line in block.lines)


# What a mail app adds under a message: "Sent from my iPhone", "Get Outlook for Android".
_SENT_FROM = re.compile(r"^(?:Sent from my|Sent from Mail for|Get Outlook for)\b", re.I)


def message_text(message: Message) -> str:
    """An earlier message of an e-mail thread as a comment's text: its paragraphs, unwrapped,
    a line each, without its sign-off, its signature ("Margaret" / "Margaret Oduya" / "Chair,
    ..."; "Tomasz" / "Plot 22, site rep") and the line its mail app adds."""
    blocks = [b for b in split_blocks("\n".join(message.lines))
              if not (len(b.lines) == 1 and _SENT_FROM.match(b.lines[0].strip()))]
    for _ in range(3):  # a sign-off, then a signature block under it
        if not blocks:
            break
        _, fewer = signature(blocks, message.author)
        if len(fewer) == len(blocks):
            break
        blocks = fewer
    return "\n".join(unwrap(b.text) for b in blocks)
