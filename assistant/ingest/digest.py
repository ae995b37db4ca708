"""A mailing list's digest (Mailman's plain-text digest), taken apart into its messages.

Mailman sends a list's messages of a day or a week as one e-mail: a header of its own ("Send
Fenbees mailing list submissions to" / how to subscribe / "When replying, please edit your
Subject line ..."), the digest's name ("Fenbees Digest, Vol 42, Issue 7"), a "Today's
Topics:" list, then each message as "Message: 2" over its ``Date:`` / ``From:`` /
``Subject:`` header and its text, the messages between lines of dashes, and at the end a
"Digest Footer" (the list's address and web page) and "End of ... Digest". ``digest_page``
reads every message as a comment signed by its writer and dated by its header: none of them
is the digest's own text (the list sent it), as a thread's quoted messages are an e-mail's
comments and a chat's messages are an export's. A message's quote of an earlier one ("> ")
repeats it and is not read again; its sign-off and signature are not its text, as in a
thread; the digest's header, topic list and footer are the list server's furniture.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .bylines import sender_name
from .fields import REPLY_PREFIX
from .layout import file_title
from .mail import Message, person, when_who
from .page import COMMENT, Block, Page, with_replies
from .signoff import message_text

_TOPICS = re.compile(r"^\s*Today's Topics(?:\s*\(\d+ messages?\))?:\s*$", re.I | re.M)
_MESSAGE = re.compile(r"^Message:\s*\d+\s*$")
_HEADER = re.compile(r"^(?P<key>[A-Za-z][\w-]{0,30}):\s*(?P<value>.*)$")
# The digest's name: "Fenbees Digest, Vol 42, Issue 7" (its subject, printed above the topics).
_NAME = re.compile(r"^(?:Subject:\s*)?(?!End of )"
                   r"(?P<name>\S[^\n]{0,80}?\bDigest,\s+Vol\s+\d+,\s+Issue\s+\d+)\s*$", re.I | re.M)
_END = re.compile(r"^End of (?P<name>\S[^\n]{0,80}?\bDigest\b[^\n]*?)\s*$", re.I)
_FOOTER = re.compile(r"^Subject:\s*Digest Footer\s*$", re.I)
_RULE = re.compile(r"^\s*(?:-{20,}|\*{20,})\s*$")
# Mailman's note where it took an attachment out: "-------------- next part --------------".
_NEXT_PART = re.compile(r"^-+\s*next part\s*-+\s*$", re.I)
_QUOTED = re.compile(r"^\s*>")
# The line above a quote that says whose it is: "On Mon, ..., Ann Lee wrote:", "Ann Lee wrote:".
_WROTE = re.compile(r"(?:\bwrote|\bsaid|^Quoting\b.*):\s*$", re.I)
# An archive's "From:" value: "ann at example.org (Ann Lee)", "ann@example.org (Ann Lee)".
_ADDRESS_NAME = re.compile(r"^\S+(?:@|\s+at\s+)\S+\s+\((?P<name>[^()]+)\)\s*$")


@dataclass(frozen=True)
class DigestMessage:
    """One message of a digest: its writer, date and subject as its header gives them, and
    its text's lines."""

    author: str | None
    date: str | None
    subject: str
    lines: tuple[str, ...]


def _header(lines: list[str], at: int) -> tuple[dict[str, str], int]:
    """The ``Key: value`` lines from ``at`` up to the first blank line, and where it ends."""
    fields: dict[str, str] = {}
    key = None
    while at < len(lines) and lines[at].strip():
        m = _HEADER.match(lines[at])
        if m:
            key = m["key"].lower()
            fields.setdefault(key, m["value"].strip())
        elif key is None or not lines[at][:1].isspace():
            break  # not a header's line, nor its continuation
        at += 1
    return fields, at


def _ends_message(lines: list[str], at: int) -> bool:
    line = lines[at]
    return bool(_MESSAGE.match(line) and at + 1 < len(lines) and _HEADER.match(lines[at + 1])
                or _FOOTER.match(line) or _END.match(line))


def own_lines(lines: list[str]) -> list[str]:
    """A message's own lines: not the quote of an earlier one, nor the line introducing it,
    nor an attachment's note and what follows it, nor the rules closing it."""
    for k, line in enumerate(lines):
        if _NEXT_PART.match(line):
            lines = lines[:k]
            break
    out: list[str] = []
    for k, line in enumerate(lines):
        if _QUOTED.match(line):
            continue
        after = next((n for n in lines[k + 1:] if n.strip()), "")
        if _WROTE.search(line) and _QUOTED.match(after):
            continue
        out.append(line)
    while out and (not out[-1].strip() or _RULE.match(out[-1])):
        out.pop()
    return out


def _writer(value: str) -> str | None:
    m = _ADDRESS_NAME.match(value)
    return sender_name(m["name"].strip().strip("\"'")) if m else person(value)


def split_digest(text: str) -> tuple[str | None, list[DigestMessage]] | None:
    """The digest's name (if it prints one) and its messages: a text with a "Today's Topics:"
    list and one "Message: N" or more, each over a header with a ``From:``; None for any other
    text."""
    if not _TOPICS.search(text):
        return None
    lines = text.split("\n")
    messages: list[DigestMessage] = []
    at = 0
    while at < len(lines):
        if not _MESSAGE.match(lines[at]):
            at += 1
            continue
        fields, at = _header(lines, at + 1)
        start = at
        while at < len(lines) and not _ends_message(lines, at):
            at += 1
        if "from" in fields:
            date = when_who(fields["date"])[0] if fields.get("date") else None
            messages.append(DigestMessage(_writer(fields["from"]), date, fields.get("subject", ""),
                                          tuple(own_lines(lines[start:at]))))
    if not messages:
        return None
    named = _NAME.search(text) or next((m for line in lines if (m := _END.match(line.strip()))), None)
    return (named["name"] if named else None), messages


def _topic(subject: str) -> str:
    return REPLY_PREFIX.sub("", subject).strip().casefold()


def replied_to(subject: str, author: str | None,
               earlier: Sequence[tuple[str, str | None]]) -> str | None:
    """Whom a reply ("Re: ...") answers: the writer of the latest earlier message on its
    subject who is not its own writer; None for a message that is no reply. ``earlier`` holds
    (subject, writer) of the messages before it, oldest first."""
    if not REPLY_PREFIX.match(subject):
        return None
    return next((who for said, who in reversed(earlier)
                 if _topic(said) == _topic(subject) and who != author), None)


def digest_page(text: str, filename: str) -> Page | None:
    """A mailing list's digest as a Page: titled by the digest's name (else its first
    message's subject), each message a comment signed by its writer and dated by its header;
    a reply ("Re: ...") answers the latest earlier message on its subject by someone else.
    None for any other text."""
    found = split_digest(text)
    if found is None:
        return None
    name, messages = found
    blocks: list[Block] = []
    for k, m in enumerate(messages):
        body = message_text(Message(m.author, m.date, m.lines))
        replied = replied_to(m.subject, m.author, [(e.subject, e.author) for e in messages[:k]])
        if body:
            blocks.append(Block(COMMENT, body, author=m.author, date=m.date,
                                reply_to=replied or None))
    if not blocks:
        return None
    title = name or REPLY_PREFIX.sub("", messages[0].subject).strip() or file_title(filename, "Digest")
    return Page(title=title, blocks=with_replies(blocks))
