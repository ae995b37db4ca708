"""A plain-text e-mail thread as a mail client exports it, taken apart into its messages.

The newest message comes first: its header (``From:``, ``To:``, ``Date:``, ``Subject:``) and
its text. The earlier messages it quotes follow, each introduced by an attribution line ("On
Thu, 5 Sep 2024 at 11:20, Ann Lee <ann@example.org> wrote:", Apple Mail's "On 5 Sep 2024, at
11:20, Ann Lee wrote:") with its lines quoted one level deeper (``> ``, ``>> ``), or by a
header block (Outlook's "-----Original Message-----" / ``From:`` / ``Sent:`` / ``To:`` /
``Subject:``, a forwarded message's). ``text.py`` reads the newest message as the post and
each earlier one as a comment signed by its writer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .bylines import sender_name


@dataclass(frozen=True)
class Message:
    """One earlier message of a thread: who wrote it, when, and its lines without quote marks
    and without its signature."""

    author: str | None
    date: str | None
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Thread:
    newest: str  # the newest message: its header and its text, without its signature
    signer: str | None  # the first line of the newest message's signature
    earlier: tuple[Message, ...]


@dataclass
class _Open:
    """A message being read: its lines so far, and its signature's once one began."""

    author: str | None = None
    date: str | None = None
    lines: list[str] = field(default_factory=list)
    signature: list[str] | None = None  # "--" and the lines after it, or a list's footer


_MARKS = re.compile(r"^(?:[ \t]*>)+[ \t]?")
_HEADER_LINE = re.compile(r"^(?P<key>From|Sent|Date|To|Cc|Bcc|Subject|Reply-To)\s*:\s*(?P<value>.*)$",
                          re.I)
_ATTRIBUTION = re.compile(r"^On\s+(?P<said>.+?)\s+wrote:\s*$")
# The line above a quoted message's header block.
_SEPARATOR = re.compile(r"^\s*(?:-{2,}\s*(?:Original Message|Forwarded message)\s*-{2,}|_{10,})\s*$",
                        re.I)
# An address after a name: "<ann@example.org>", Outlook's "[mailto:ann@example.org]".
_ADDRESS = re.compile(r"(?<!\s)\s*[<\[](?:mailto:)?[^<>\[\]\s@]+@[^<>\[\]\s]+[>\]]")
# "Thu, 5 Sep 2024 at 11:20, Ann Lee": the day and the time (the date as printed), then who.
_WHEN_WHO = re.compile(r"^(?P<date>.+?,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)"
                       r"(?:\s*(?:[+-]\d{4}|[A-Z]{2,4}\b))?(?:\s*\([^)]*\))?,?\s*(?P<name>.*)$", re.I)
_ATTRIBUTION_CHARS = 300  # an attribution longer than this is no line of one
_SIGNATURE = re.compile(r"^--\s*$")
# A mailing list's footer: a rule of underscores, or the words a list server appends.
_LIST_FOOTER = re.compile(r"^(?:_{5,}\s*$|You received this message because you are subscribed|"
                          r"To unsubscribe from this (?:group|list))", re.I)


def _quoted(line: str) -> tuple[int, str]:
    """How deep ``line`` is quoted, and its text without the marks."""
    m = _MARKS.match(line)
    return (m[0].count(">"), line[m.end():]) if m else (0, line)


def person(text: str) -> str | None:
    """The name in a ``From`` value or an attribution, without the address, as people say it
    (Outlook's "Okafor, Chidi" is Chidi Okafor)."""
    name = _ADDRESS.sub("", text).strip().strip("\"'").strip()
    return sender_name(name) if name and "@" not in name else None


def when_who(said: str) -> tuple[str | None, str | None]:
    """(date, name) in an attribution ("Thu, 5 Sep 2024 at 11:20, Ann Lee <ann@...>") or an
    Outlook date ("Thursday, September 5, 2024 11:20 AM")."""
    said = _ADDRESS.sub("", said).strip()
    # an attribution is a line; a longer text is not tried (the pattern would try every split)
    m = _WHEN_WHO.match(said) if len(said) <= _ATTRIBUTION_CHARS else None
    if m:
        return m["date"].strip(" ,") or None, person(m["name"])
    date, _, name = said.rpartition(", ")  # no time: "Thu, 5 Sep 2024, Ann Lee"
    return date or None, person(name)


_FIELD = re.compile(r"^(?P<key>[A-Za-z][\w-]{0,30}):\s|^\s+\S")  # a header's line, or its continuation


def _is_header(lines: list[str]) -> bool:
    """An e-mail's header: ``Key: value`` lines with a From and a Subject or a Date."""
    keys = {(m["key"] or "").lower() for line in lines if (m := _FIELD.match(line))}
    return bool(lines) and all(_FIELD.match(line) for line in lines) \
        and "from" in keys and bool(keys & {"subject", "date"})


def _header_block(lines: list[tuple[int, str]], at: int) -> tuple[_Open, int, int] | None:
    """A quoted message's header block at ``at`` (after its separator line, if any): the
    message it opens, where its text begins and how deep it is quoted (as deep as its
    header)."""
    depth, line = lines[at]
    start = at + 1 if _SEPARATOR.match(line) else at
    end = start
    while end < len(lines) and lines[end][0] == depth and _HEADER_LINE.match(lines[end][1]):
        end += 1
    fields = {m["key"].lower(): m["value"] for _, text in lines[start:end]
              if (m := _HEADER_LINE.match(text))}
    if "from" not in fields or not fields.keys() & {"sent", "date", "to"}:
        return None
    when = fields.get("sent") or fields.get("date")
    return _Open(person(fields["from"]), when_who(when)[0] if when else None), end, depth


def _attribution(lines: list[tuple[int, str]], at: int) -> tuple[_Open, int, int] | None:
    """A message quoted under an attribution line at ``at`` (wrapped on two lines, too): the
    message, where its text begins and how deep it is quoted (a level below the line)."""
    depth, line = lines[at]
    m = _ATTRIBUTION.match(line.strip())
    if not m and line.startswith("On ") and at + 1 < len(lines) and lines[at + 1][0] == depth:
        m = _ATTRIBUTION.match(f"{line.strip()} {lines[at + 1][1].strip()}")
        at += 1
    if not m:
        return None
    date, name = when_who(m["said"])
    # its lines are quoted a level below it, or, when the line opens a quote (a phone's
    # reply quotes "On ..., Ann Lee wrote:" with the message), as deep as the line itself
    following = next((d for d, text in lines[at + 1:] if text.strip()), depth + 1)
    return _Open(name, date), at + 1, depth if 0 < depth == following else depth + 1


def _add(message: _Open, line: str) -> None:
    if message.signature is not None:
        message.signature.append(line)
    elif _SIGNATURE.match(line) or _LIST_FOOTER.match(line):
        message.signature = [line]
    else:
        message.lines.append(line)


def split_thread(text: str) -> Thread | None:
    """The messages of an e-mail thread: a file opening with an e-mail's header that quotes
    an earlier message under an attribution line or a header block; None for any other text.
    A line belongs to the message last opened at its depth of quoting (a reply written between
    quoted lines stays its writer's); a signature (``--`` and what follows, up to the next
    message) and a mailing list's footer are no message's text."""
    top = text.split("\n")
    head = next((k for k, line in enumerate(top) if not line.strip()), len(top))
    if not _is_header(top[:head]):
        return None
    lines = [_quoted(line) for line in top[head:]]
    messages = [_Open()]
    owner = {0: 0}  # depth -> the message whose lines are quoted that deep
    at = 0
    while at < len(lines):
        depth, line = lines[at]
        found = _attribution(lines, at) or (_header_block(lines, at) if _SEPARATOR.match(line)
                                            or _HEADER_LINE.match(line) else None)
        if found:
            opened, at, below = found
            owner = {d: m for d, m in owner.items() if d < below} | {below: len(messages)}
            messages.append(opened)
            continue
        level = max(d for d in owner if d <= depth)
        _add(messages[owner[level]], ">" * (depth - level) + " " * (depth > level) + line)
        at += 1
    if len(messages) == 1:
        return None
    newest = messages[0]
    signature = newest.signature or []
    signer = next((s.strip() for s in signature[1:] if s.strip()), None) \
        if signature and _SIGNATURE.match(signature[0]) else None
    earlier = tuple(Message(m.author, m.date, tuple(m.lines)) for m in messages[1:])
    return Thread("\n".join([*top[:head], "", *newest.lines]), signer, earlier)
