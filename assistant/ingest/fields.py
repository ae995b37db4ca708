"""The title, author and date a text file states as fields before its text: Markdown front
matter ("---" ... "---"), or a header block of "Title: ..." / "Author: ..." / "Date: ..." lines
(an e-mail's "Subject:" / "From:" / "Date:" too)."""

from __future__ import annotations

import re

from .bylines import name_ok, sender_name
from .layout import TextBlock
from .markup import md_heading

# A "key: value" line of a Markdown file's front matter ("---" ... "---") or of a header block
# atop a text file ("Title: ...", "Author: ...", "Date: ...").
_FIELD = re.compile(r"^(?P<key>[A-Za-z][\w -]{0,30}?)\s*:\s*(?P<value>.*?)\s*$")
_FIELD_KEYS = {"title": "title", "author": "author", "authors": "author", "by": "author",
               "written by": "author", "date": "date", "published": "date", "posted": "date",
               "created": "date", "subject": "title", "from": "author",
               "sent": "date"}  # an e-mail's header too (Outlook prints "Sent:" for the date)
# "Mon, 6 Jan 2025 08:30:12 +0000" (an e-mail's date): the day as printed
_MAIL_DATE = re.compile(r"^((?:[A-Z][a-z]{2},\s+)?\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4})\s+\d{1,2}:\d{2}"
                        r"(?::\d{2})?(?:\s+(?:[+-]\d{4}|[A-Z]{2,4}))?(?:\s+\([^)]*\))?$")
# Outlook's "Tuesday, 4 March 2025 09:14" / "Tuesday, March 4, 2025 9:14 AM": the day as printed
_OUTLOOK_DATE = re.compile(r"^([A-Z][a-z]+,\s+(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2},?)\s+\d{4})"
                           r"\s+\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?$")


# A reply's or a forward's subject: "Re: Re: Roof survey", "Fwd: ...", "AW: ...".
REPLY_PREFIX = re.compile(r"^(?:(?:re|fwd?|aw|sv|wg|tr)(?:\[\d+\])?\s*:\s*)+", re.I)


def mail_day(value: str) -> str:
    """An e-mail's date as its day, as printed ("Mon, 6 Jan 2025" of "Mon, 6 Jan 2025
    08:30:12 +0000", "Tuesday, 4 March 2025" of Outlook's "Tuesday, 4 March 2025 09:14"); any
    other value as it is."""
    m = _MAIL_DATE.match(value.strip()) or _OUTLOOK_DATE.match(value.strip())
    return m[1] if m else value


def _field_value(value: str) -> str:
    value = value.strip().strip("[]").strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?", value):
        value = value[:10]  # "2025-02-02T10:00:00Z": the day
    value = mail_day(value)
    # "Riverside Birders <news@example.org>": the name, not the address
    return re.sub(r"(?<!\s)\s*<[^<>@\s]+@[^<>\s]+>$", "", value) or value


def header_fields(blocks: list[TextBlock]) -> tuple[dict[str, str], list[TextBlock]]:
    """The title, author and date a file states as fields before its text: Markdown front
    matter, or a first block of "Title: ..." / "Author: ..." / "Date: ..." lines; and the
    blocks without them. Other keys (tags, layout...) are dropped; ({}, blocks) without."""
    first = blocks[0]
    lines = list(first.lines)
    after: tuple[str, ...] = ()
    if lines[0].strip() == "---":
        close = next((k for k, line in enumerate(lines[1:], 1) if line.strip() in ("---", "...")), None)
        if close is None:
            return {}, blocks
        lines, after = lines[1:close], tuple(lines[close + 1 :])
    elif not (len(lines) >= 2 and all(_FIELD.match(line) for line in lines)):
        return {}, blocks
    fields: dict[str, str] = {}
    key = listed = None
    for line in lines:
        item = re.match(r"^\s+-\s+(.+)$", line)  # a list under the key above: "authors:" / "  - A"
        if item and key and (key not in fields or listed == key):
            value = _field_value(item.group(1))
            fields[key] = f"{fields[key]}, {value}" if key in fields else value
            listed = key
            continue
        listed = None
        m = _FIELD.match(line)
        key = _FIELD_KEYS.get(m["key"].strip().lower()) if m else None
        if key and m and m["value"] and key not in fields:
            fields[key] = _field_value(m["value"])
            if m["key"].strip().lower() == "subject":
                fields[key] = REPLY_PREFIX.sub("", fields[key]) or fields[key]
            if m["key"].strip().lower() == "from":
                fields[key] = sender_name(fields[key])  # "Okafor, Chidi": Chidi Okafor
                fields["sender"] = fields[key]  # an e-mail's sender, maybe an organisation
    names = [n.strip().strip("\"'") for n in re.split(r"[;,]", fields.get("author", ""))]
    if len(names) > 1 and all(name_ok(n) and len(n.split()) > 1 for n in names):
        fields["author"] = ", ".join(names[:-1]) + " and " + names[-1]  # "[A B, C D]"
    if first.lines[0].strip() != "---" and "title" not in fields:
        return {}, blocks  # "Note: ..." / "Warning: ...": text, not a header
    rest = blocks[1:]
    if after:
        rest.insert(0, TextBlock(after, first.line + len(first.lines) - len(after)))
    if fields.get("title") and not (rest and md_heading(rest[0].lines[0])):
        rest.insert(0, TextBlock((fields["title"],), first.line))
    return fields, rest or blocks
