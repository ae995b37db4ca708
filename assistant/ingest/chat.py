"""A chat's export (WhatsApp's "Export chat", as a text file) or a channel copied from Slack or
Teams, taken apart into its messages.

WhatsApp on iOS stamps each message "[12/03/2024, 09:14:05] Ann Lee: message", on Android
"12/03/2024, 09:14 - Ann Lee: message"; a line without a stamp goes on the message above it.
Slack's copied text heads a message "Ann Lee  9:14 AM" (a later one by the same sender only
"9:16"), Teams' "[9:14 AM] Ann Lee", the message's lines under it. ``chat_page`` reads
each message as a comment signed by its sender and dated by its stamp, as an e-mail thread's
earlier messages are: a page's comments each carry their own writer and date, where a post's
paragraphs all carry the post's one author. What the app writes itself (the encryption notice,
"X created group ...", "<attached: ...>", "This message was deleted") is furniture; the group's
name, when a line gives it, is the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .layout import file_title
from .page import COMMENT, Block, Page, with_replies

_DAY = r"(?P<day>\d{1,4}[./-]\d{1,2}[./-]\d{1,4})"
_TIME = r"(?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s?[AaPp]\.?\s?[Mm]\.?)?)"
_MARKS = "\u200e\u200f\u202a\u202c"  # direction marks WhatsApp writes around its own words
_STAMPS = (re.compile(rf"^[{_MARKS}]?\[{_DAY},?\s{_TIME}\]\s(?P<rest>.*)$"),  # iOS
           re.compile(rf"^[{_MARKS}]?{_DAY},?\s{_TIME}\s[-\u2013]\s(?P<rest>.*)$"))  # Android
_SENDER = re.compile(r"^(?P<sender>[^:\n]{1,60}?):\s(?P<text>.*)$")
_GROUP = re.compile(r"\b(?:created group|changed the subject (?:from \".*\" )?to|changed the group "
                    r"name (?:from \".*\" )?to)\s+[\"\u201c](?P<name>[^\"\u201d]+)[\"\u201d]\s*$")
# The app's own lines in a sender's name: its notices, a file sent, a message taken back (iOS
# opens them with a direction mark; a copy may have lost it). Android's name no sender.
_SYSTEM = re.compile(
    r"^(?:Messages and calls are end-to-end encrypted|Messages to this (?:group|chat) are now "
    r"secured|(?:This message was deleted|You deleted this message)\.?$|<attached: [^>]*>$|"
    r"<Media omitted>$|(?:image|video|audio|sticker|GIF|document|Contact card) omitted$|"
    r"Missed (?:group )?(?:voice|video) call|Waiting for this message)", re.I)
_EDITED = re.compile(rf"(?<!\s)\s*[{_MARKS}]?<This message was edited>\s*$|(?<!\s)\s+\(edited\)\s*$")
# Slack's and Teams' message headers: a person's name (capitalised words) and a clock time.
_CLOCK = r"(?P<time>\d{1,2}:\d{2}\s?[AaPp]\.?[Mm]\.?)"
_PERSON = r"(?P<sender>[A-Z][\w.'\u2019-]*(?:[ ](?:[A-Z][\w.'\u2019-]*|de|van|von|da|di|le)){0,3})"
_HEADERS = (re.compile(rf"^{_PERSON}[ \t]+{_CLOCK}\s*$"),  # Slack
            re.compile(rf"^\[(?:(?P<day>[\d/.-]{{6,10}}),?\s)?{_CLOCK}\]\s{_PERSON}\s*$"))  # Teams
# Slack: a time alone heads the same sender's next message.
_SAME_SENDER = re.compile(r"^(?P<time>\d{1,2}:\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?)\s*$")
_DAY_LINE = re.compile(r"^(?:Today|Yesterday|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+"
                       r"[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?)\s*$")
# A thread's and a reaction's lines under a message: "3 replies", "View thread", ":+1: 2".
_THREAD_LINE = re.compile(r"^(?:\d+ repl(?:y|ies)|View thread|Last reply .*|:[\w+-]+:\s*\d*)\s*$")


@dataclass(frozen=True)
class ChatMessage:
    """One message: who sent it, its stamp as printed ("12/03/2024, 09:14:05"), its lines."""

    sender: str
    stamp: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class Chat:
    group: str | None  # the group's name, when a "created group" or "changed the subject" line gives it
    messages: tuple[ChatMessage, ...]


def _system(text: str) -> bool:
    return text[:1] in _MARKS or bool(_SYSTEM.match(text))


def split_chat(text: str) -> Chat | None:
    """The messages of a WhatsApp export: a text whose first line is stamped as iOS or Android
    stamps a message, with three stamped lines or more, two of them people's messages; None
    for any other text."""
    lines = text.split("\n")
    first = next((line for line in lines if line.strip()), "")
    stamp = next((s for s in _STAMPS if s.match(first)), None)
    if stamp is None:
        return None
    group: str | None = None
    stamped = 0
    found: list[tuple[str, str, list[str]] | None] = []  # sender, stamp, lines; None: the app's
    for line in lines:
        m = stamp.match(line)
        if m is None:
            if found and found[-1] is not None:
                found[-1][2].append(line.rstrip())  # a message's next line
            continue
        stamped += 1
        rest = m["rest"].strip()
        named = _GROUP.search(rest)
        group = named["name"] if named else group
        said = _SENDER.match(rest)
        if said is None or named or _system(said["text"]):
            found.append(None)  # Android's notices name no sender
            continue
        text = _EDITED.sub("", said["text"])
        found.append((said["sender"].strip(_MARKS + " "), f"{m['day']}, {m['time']}", [text]))
    messages = tuple(ChatMessage(f[0], f[1], tuple(_trimmed(f[2]))) for f in found if f is not None)
    if stamped < 3 or len(messages) < 2:
        return None
    return Chat(group, messages)


def split_copied(text: str) -> Chat | None:
    """The messages of a Slack channel or a Teams chat as copied from the app: a text opening
    with a message's header (or a day line, "Tuesday, March 12th"), with three headers or more
    by two senders or more, each followed by its message's lines (a schedule's "Lunch 12:30
    PM" lines are not); None for any other text."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    lead = next((line for line in lines if not _DAY_LINE.match(line)), "")
    header = next((h for h in _HEADERS if h.match(lead)), None)
    if header is None:
        return None
    day: str | None = None
    found: list[tuple[str, str, list[str]]] = []  # sender, stamp, lines
    for line in lines:
        m = header.match(line) or (_SAME_SENDER.match(line) if found and header is _HEADERS[0] else None)
        if m:
            if found and not found[-1][2]:
                return None  # a header with no message under it
            when = m["time"] if m.groupdict().get("day") is None else f"{m['day']}, {m['time']}"
            sender = m["sender"] if "sender" in m.groupdict() else found[-1][0]
            found.append((sender, f"{day}, {when}" if day else when, []))
        elif _DAY_LINE.match(line):
            day = line
        elif found and not _THREAD_LINE.match(line) and not _system(line):
            found[-1][2].append(_EDITED.sub("", line))
    if len(found) < 3 or len({f[0] for f in found}) < 2 or not found[-1][2]:
        return None
    return Chat(None, tuple(ChatMessage(who, when, tuple(said)) for who, when, said in found))


def _trimmed(lines: list[str]) -> list[str]:
    """A message's lines without blank ones at its end and runs of them inside."""
    out: list[str] = []
    for line in lines:
        if line.strip() or out and out[-1]:
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out


def chat_page(text: str, filename: str) -> Page | None:
    """A chat's export as a Page: titled by the group's name (else the file's name without its
    extension), each message a comment signed by its sender and dated by its stamp (a reply
    that opens by naming an earlier sender, "Thanks Ann", marked as one); None for any other
    text."""
    chat = split_chat(text) or split_copied(text)
    if chat is None:
        return None
    blocks = [Block(COMMENT, "\n".join(m.lines).strip(), author=m.sender, date=m.stamp)
              for m in chat.messages]
    return Page(title=chat.group or file_title(filename, "Chat"),
                blocks=with_replies([b for b in blocks if b.text]))
