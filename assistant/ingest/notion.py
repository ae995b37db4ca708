"""A page exported from Notion to Markdown, rewritten as the text layout reads it.

Notion prints a page's properties as ``Key: value`` lines right under its ``# Title``
("Created: March 4, 2025 9:12 AM", "Owner: Ann Lee", "Tags: ...", "Status: ..."), a callout
as an ``<aside>`` holding an icon and its text, and a toggle as a list item whose content is
indented under it. ``text.py`` reads the rewritten text: the owner (or creator) and the day
the page was created as front matter (the post's author and date), a callout as a paragraph
without its tags and its icon, a toggle's title as the lead of its first paragraph.
"""

from __future__ import annotations

import re
import unicodedata

# A property line: "Created: March 4, 2025 9:12 AM", "Last edited time: ...", "Tags: A, B".
_PROPERTY = re.compile(r"^(?P<key>[A-Z][\w ]{0,30}?)\s*:\s+(?P<value>\S.*?)\s*$")
# The properties Notion keeps on every page of a database: one of them tells that the block
# under the title is Notion's, not a few "Note: ..." lines.
_NOTION_KEYS = frozenset({"created", "created time", "created by", "last edited time",
                          "last edited by", "owner"})
_AUTHOR_KEYS = ("owner", "created by", "author")
_DATE_KEYS = ("created", "created time", "date")
# Notion's date and time, "March 4, 2025 9:12 AM": the day, as printed, is the post's date.
_TIME = re.compile(r"(?<!\s)\s+\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s+\([^)]*\))?$")
_TITLE = re.compile(r"\A\s*(?P<title>#[ \t]+[^\n]+)\n(?:[ \t]*\n)+")
_ASIDE = re.compile(r"^[ \t]*<aside>[ \t]*\n(?P<body>.*?)^[ \t]*</aside>[ \t]*$", re.M | re.S | re.I)
_ICON_IMAGE = re.compile(r"\A<img\b[^<>]*>\s*")
# A toggle: "- Title", then (after blank lines, which in Notion's export hold the indent's
# spaces) its content, indented deeper than the item. A checklist's item is no toggle.
_TOGGLE = re.compile(r"^(?P<indent>[ \t]*)[-*+][ \t]+(?!\[[ xX]\])(?P<title>[^\n]+?)[ \t]*\n"
                     r"(?:[ \t]*\n)+(?P<body>(?:(?P=indent)(?:[ \t]{2,}|\t)\S[^\n]*\n(?:[ \t]*\n)*)+)",
                     re.M)
# Content that opens with a list, a table, a quote, code or a heading: the title goes above it.
_NOT_PROSE = re.compile(r"^(?:[-*+|>#!<]|\d+[.)]\s|```|~~~|\$\$)")


def _front_matter(text: str) -> str | None:
    """The text with the property block under its ``# Title`` as front matter above the title
    (``author``: the owner or creator; ``date``: the day it was created), when it has one
    holding a property that Notion keeps. The other properties (status, tags, edit times)
    are the workspace's bookkeeping, not the page's text, and are dropped."""
    head = _TITLE.match(text)
    if not head:
        return None
    end = text.find("\n\n", head.end())
    end = len(text) if end < 0 else end
    lines = text[head.end():end].split("\n")
    found = [m for line in lines if (m := _PROPERTY.match(line))]
    if len(lines) < 2 or len(found) < len(lines):
        return None
    props = {m["key"].strip().lower(): m["value"] for m in found}
    if not _NOTION_KEYS & props.keys():
        return None
    author = next((props[k] for k in _AUTHOR_KEYS if k in props), None)
    date = next((_TIME.sub("", props[k]) for k in _DATE_KEYS if k in props), None)
    fields = [f"{key}: {value}" for key, value in (("author", author), ("date", date)) if value]
    return "\n".join(["---", *fields, "---", head["title"]]) + text[end:]


def _is_icon(char: str) -> bool:
    """An emoji or a symbol, or what joins and styles them (ZWJ, variation selectors)."""
    return unicodedata.category(char) in ("So", "Sk", "Cf") or char in "\ufe0e\ufe0f"


def _callout(m: re.Match[str]) -> str:
    """A callout as a paragraph: its text without the tags around it and its icon (an emoji
    opening it, "\U0001f4a1 TL;DR: ...", or a custom icon's image)."""
    body = m["body"].strip()
    body = _ICON_IMAGE.sub("", body)
    start = 0
    while start < len(body) and _is_icon(body[start]):
        start += 1
    if start and (start == len(body) or body[start].isspace()):
        body = body[start:].lstrip()
    return f"\n{body}\n"


def _toggle(m: re.Match[str]) -> str:
    """A toggle as its content, its title the lead of the first paragraph ("Vandalism:
    Nineteen bikes were ..."), or a line above the list or table the content opens with."""
    title = m["title"].strip()
    lead = title if title.endswith((".", "?", "!", ":")) else f"{title}:"
    body = m["body"]
    depth = min(len(line) - len(line.lstrip()) for line in body.split("\n") if line.strip())
    lines = [line[depth:] if line.strip() else "" for line in body.split("\n")]
    if _NOT_PROSE.match(lines[0]):
        lines.insert(0, lead)
    else:
        lines[0] = f"{lead} {lines[0]}"
    return "\n" + "\n".join(lines)


def notion_text(text: str) -> str:
    """``text`` rewritten as the text layout reads it when it is a page exported from Notion
    (with its properties under the title, or a callout), else ``text`` as it is."""
    front = _front_matter(text)
    if front is None and not _ASIDE.search(text):
        return text
    text = _ASIDE.sub(_callout, front or text)
    return _TOGGLE.sub(_toggle, text)
