"""E-mails saved as files: one message (``.eml``) or a mailbox of them (``.mbox``).

A mail client saves a message as it arrived (RFC 5322, MIME): its header (``From``, ``Date``,
``Subject``, and the ``Received`` / ``Message-ID`` / ``MIME-Version`` lines no reader is shown),
then its body, often twice over (``multipart/alternative``: a ``text/plain`` and a
``text/html`` rendition, quoted-printable or base64, in any charset), with attachments beside.
``unpack`` decodes it into what a mail client shows: the subject, the sender's name, the date,
and both renditions. ``read.py`` reads an e-mail as the text route reads an exported one
(``mail.py``: the message the post, each message it quotes a comment signed by its writer)
when its plain rendition quotes earlier messages, else as its HTML (a newsletter's layout) or
its text; the title is the subject, the author the sender, the date the day it was sent.

A mailbox (``mbox``: Thunderbird's "Save as mbox", an archive's download) is messages one after
another, each opened by a ``From `` line. ``mbox_messages`` splits it; ``read.py`` reads the
first message as the post and every later one as a comment signed by its sender, as a digest's
messages are (``digest.py``), their quotes of earlier messages not read again.
"""

from __future__ import annotations

import email.parser
import email.policy
import re
from dataclasses import dataclass
from email.message import EmailMessage, Message

from ..errors import PageError
from .bylines import sender_name
from .fields import REPLY_PREFIX, mail_day

EML, MBOX = "eml", "mbox"
MAX_MESSAGES = 500  # a mailbox's messages read; an article is one conversation, not an archive
# A header's line ("Key: value"), or the folded continuation of one.
_HEADER_LINE = re.compile(rb"^(?:[\x21-\x39\x3b-\x7e]{1,60}:[^\r\n]*|[ \t]+\S[^\r\n]*)\r?$")
_KEY = re.compile(rb"^([\x21-\x39\x3b-\x7e]{1,60}):")
# What a message as a mail client keeps it carries (an exported text copy prints From / Sent /
# To / Subject), and what only a message that was sent does (a saved page's MHTML is MIME too)
_SENT_KEYS = {b"message-id", b"received", b"return-path", b"delivered-to", b"dkim-signature",
              b"in-reply-to", b"references", b"x-mailer", b"user-agent"}
_WIRE_KEYS = {b"mime-version", b"content-type", b"content-transfer-encoding", *_SENT_KEYS}
_MBOX_FROM = re.compile(rb"^From \S+[^\r\n]*\r?\n", re.M)


@dataclass(frozen=True)
class Mail:
    """An e-mail as a mail client shows it: decoded header fields and body renditions."""

    subject: str
    sender: str | None  # the sender's name, else the address
    named: bool  # whether the sender gave a name
    sent: str | None  # the Date header as sent ("Thu, 6 Mar 2025 08:15:02 +0000")
    plain: str | None
    html: str | None

    @property
    def title(self) -> str:
        return REPLY_PREFIX.sub("", self.subject).strip() or self.subject

    @property
    def day(self) -> str | None:
        """The day it was sent, as printed ("Thu, 6 Mar 2025")."""
        return mail_day(self.sent) if self.sent else None

    def as_text(self) -> str:
        """The plain rendition under a header block of the fields a reader sees, the text
        layout of an exported e-mail (``mail.py``, ``fields.py``)."""
        head = [f"{key}: {value}" for key, value in
                (("From", self.sender), ("Date", self.sent), ("Subject", self.subject)) if value]
        return "\n".join(head) + "\n\n" + (self.plain or "").strip("\n") + "\n"


def _header_keys(data: bytes) -> set[bytes] | None:
    """The keys of the header ``data`` opens with; None when it does not open with one."""
    keys: set[bytes] = set()
    for line in data.lstrip(b"\r\n").split(b"\n")[:200]:
        if not line.strip(b"\r"):
            return keys or None
        if not _HEADER_LINE.match(line):
            return None
        if m := _KEY.match(line):
            keys.add(m[1].lower())
    return keys or None


def sniff(data: bytes) -> str | None:
    """EML for an e-mail as sent (a header with a ``From`` and a MIME, routing or id field),
    MBOX for a mailbox of them (a ``From `` line over such a header), else None. An e-mail
    copied as text (From / Sent / To / Subject) is text (``mail.py``)."""
    head = data[:65536]
    if head.startswith(b"From ") and (m := _MBOX_FROM.match(head)):
        keys = _header_keys(head[m.end():])
        return MBOX if keys and b"from" in keys else None
    keys = _header_keys(head)
    if keys and b"from" in keys and keys & _WIRE_KEYS:
        return EML
    return None


def was_sent(data: bytes) -> bool:
    """Whether the header ``data`` opens with is a sent message's (an id, a route)."""
    keys = _header_keys(data[:65536])
    return bool(keys and keys & _SENT_KEYS)


def _parse(data: bytes, name: str) -> EmailMessage:
    try:
        message = email.parser.BytesParser(policy=email.policy.default).parsebytes(data)
    except Exception as exc:  # a parser bug on a hostile file is still a bad file
        raise PageError(f"{name}: not a readable e-mail ({exc})") from exc
    if not isinstance(message, EmailMessage):
        raise PageError(f"{name}: not a readable e-mail")
    return message


def _text_of(part: Message | None) -> str | None:
    """A body part's text, decoded by its charset (UTF-8 when it names none it can be)."""
    if part is None:
        return None
    try:
        text = part.get_content() if isinstance(part, EmailMessage) else None
    except (LookupError, UnicodeError, ValueError, KeyError, AssertionError):
        text = None
    if not isinstance(text, str):
        raw = part.get_payload(decode=True)
        text = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else None
    return text if text and text.strip() else None


def _field(message: EmailMessage, key: str, *, raw: bool = False) -> str | None:
    """A header field decoded (``raw``: as written, which the policy would reformat: "7 Mar"
    read "07 Mar"), unfolded to one line."""
    try:
        value = next((v for k, v in message.raw_items() if k.lower() == key.lower()), None) \
            if raw else message.get(key)
    except Exception:  # a malformed header the policy cannot parse
        value = None
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None


def _sender(message: EmailMessage) -> tuple[str | None, bool]:
    try:
        header = message.get("From")
        addresses = getattr(header, "addresses", ()) or ()
    except Exception:
        addresses = ()
    for address in addresses:
        if address.display_name:
            return sender_name(" ".join(address.display_name.split())), True
        if address.addr_spec and address.addr_spec != "<>":
            return address.addr_spec, False
    return _field(message, "From"), False


def unpack(data: bytes, name: str) -> Mail:
    """The e-mail ``data`` as a mail client shows it; a ``PageError`` when it has no text."""
    message = _parse(data, name)
    plain = _text_of(message.get_body(preferencelist=("plain",)))
    html = _text_of(message.get_body(preferencelist=("html",)))
    if plain is None and html is None and not message.is_multipart() \
            and message.get_content_maintype() == "text":
        plain = _text_of(message)
    if plain is None and html is None:
        raise PageError(f"{name}: the e-mail holds no text (no text/plain or text/html part)")
    return Mail(_field(message, "Subject") or "", *_sender(message),
                _field(message, "Date", raw=True), plain, html)


def mbox_messages(data: bytes, name: str) -> list[Mail]:
    """The messages of the mailbox ``data``, oldest first as the file keeps them; the ones
    without text are skipped; a ``PageError`` when none has any."""
    starts = [m.start() for m in _MBOX_FROM.finditer(data)
              if m.start() == 0 or data[max(0, m.start() - 2):m.start()].endswith(b"\n\n")
              or data[max(0, m.start() - 4):m.start()].endswith(b"\r\n\r\n")]
    out: list[Mail] = []
    for k, start in enumerate(starts[:MAX_MESSAGES]):
        end = starts[k + 1] if k + 1 < len(starts) else len(data)
        chunk = _MBOX_FROM.sub(b"", data[start:end], count=1)
        # mboxrd / mboxo escape a body line opening with "From " as ">From "
        chunk = re.sub(rb"(?m)^>(>*From )", rb"\1", chunk)
        try:
            out.append(unpack(chunk, name))
        except PageError:
            continue
    if not out:
        raise PageError(f"{name}: the mailbox holds no message with text")
    return out


__all__ = ["EML", "MAX_MESSAGES", "MBOX", "Mail", "mbox_messages", "sniff", "unpack", "was_sent"]
