"""Markdown and inline HTML in a text article: its headings (``#`` and underlined), images,
quotes and tables, and the marks (emphasis, links, footnote marks) stripped from its text."""

from __future__ import annotations

import re
from collections.abc import Callable

from .layout import SENTENCE_END

_MD_HEADING = re.compile(r"^#{1,6}\s+(?P<h>.+?)\s*#*\s*$")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
# An HTML image on a line of its own: <img src="cup.jpg" alt="A cup of coffee">
HTML_IMAGE = re.compile(r"^[ \t]*<img\b(?=[^<>]*\balt=\"(?P<alt>[^\"]*)\")"
                        r"(?:(?=[^<>]*\bsrc=\"(?P<src>[^\"]*)\"))?[^<>]*>[ \t]*$", re.M | re.I)
MD_IMAGE = re.compile(r"^!\[(?P<alt>[^\]]*)\]\([^)]*\)\s*$")


# Block HTML a Markdown file wraps around its parts (a README's centred logo and title):
# "<p align="center">", "</div>", "<h1 align="center">Gullwing</h1>".
_HTML_BLOCK_LINE = re.compile(r"^[ \t]*</?(?:p|div|center|section|details|summary|picture|"
                              r"source|br|hr)\b[^<>]*>[ \t]*$", re.M | re.I)
_HTML_HEADING = re.compile(r"^[ \t]*<h(?P<n>[1-6])\b[^<>]*>(?P<h>[^<>]+)</h(?P=n)>[ \t]*$",
                           re.M | re.I)


# A line of linked badge images only: "[![CI](.../badge.svg)](...) [![PyPI](...)](...)".
_BADGES = re.compile(r"^(?:[ \t]*\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\))+[ \t]*$", re.M)


def html_blocks(text: str) -> str:
    """A Markdown file's lines of block HTML as Markdown: a heading's line a heading, a
    wrapper's opening or closing tag alone on its line a blank line; and a line of badges
    (build status, version, licence) is no text."""
    text = _HTML_HEADING.sub(lambda m: "#" * int(m["n"]) + " " + m["h"].strip(), text)
    return _BADGES.sub("", _HTML_BLOCK_LINE.sub("", text))


def md_heading(line: str) -> str | None:
    m = _MD_HEADING.match(line)
    return m["h"].strip() if m else None


HEADING_JOIN = " > "  # a heading under another: "[2.4.0] - 2025-03-14 > Fixed"
Path = tuple[tuple[int, str], ...]  # the Markdown headings above a paragraph: (rank, words)
# A release's heading in a changelog: "[2.4.0] - 2025-03-14", "v2.4.0", "Version 2.4 (May
# 2025)", "[Unreleased]".
_RELEASE = re.compile(r"^(?:(?:release|version)\s+)?\[?v?\d+\.\d+(?:\.\d+)*(?:[-+.][\w.]+)?\]?(?!\S)"
                      r"|^\[?unreleased\]?(?!\S)", re.I)


def heading_path(path: Path, line: str, words: str) -> Path:
    """The Markdown headings above a paragraph once the heading ``line`` (its ``words``) is
    read: those above it of a higher rank, then it."""
    rank = len(line) - len(line.lstrip("#"))
    return (*[(n, h) for n, h in path if n < rank], (rank, words))


def heading_label(path: Path) -> str | None:
    """The heading a paragraph is labelled with: the innermost, or under a release's heading
    the headings from it on, so a changelog's "### Fixed" says which release it is
    ("[2.4.0] - 2025-03-14 > Fixed"). Other headings stay apart, as the page shows them."""
    release = next((k for k, (_, h) in enumerate(path) if _RELEASE.match(h)), len(path) - 1)
    return HEADING_JOIN.join(h for _, h in path[release:]) or None


_SUPERSCRIPT = str.maketrans("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079")
# Inline HTML a Markdown file may hold, rendered as a browser shows it.
_HTML_INLINE = r"b|i|em|strong|sup|sub|a|span|small|mark|u|s|del|ins|code|kbd|abbr|cite|q|font"
_Rule = tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]
# Bold and italic marks.
_MD_EMPHASIS: tuple[_Rule, ...] = (
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
)
_MD_INLINE: tuple[_Rule, ...] = (
    (re.compile(r"[ \t]*\[\^[^\[\]\s]{1,30}\](?!:)"), ""),  # a footnote's mark: "[^1]"
    (re.compile(r"<sup>\s*(\d{1,3})\s*</sup>", re.I), lambda m: m[1].translate(_SUPERSCRIPT)),
    (re.compile(r"<br\s*/?>", re.I), "\n"),
    (re.compile(rf"</?(?:{_HTML_INLINE})\b[^<>]*>", re.I), ""),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # a reference link: "[thread][1]"
    (re.compile(r"^\s*\|\s*(.*?)\s*\|\s*$", re.M), r"\1"),  # a table row's outer bars
    *_MD_EMPHASIS,
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"^\s*>\s?", re.M), ""),
    (re.compile(r"^\s*[-*+]\s+(?:\[[ xX]\]\s+)?", re.M), ""),  # a checklist's box too: "- [x] "
)


def unemphasised(text: str) -> str:
    """``text`` without Markdown's bold and italic marks."""
    for pattern, repl in _MD_EMPHASIS:
        text = pattern.sub(repl, text)
    return text


# A heading underlined with "=" or "-" (Markdown's setext headings, plain-text e-mails): a
# short line alone in its block, the underline of three or more right under it.
_SETEXT = re.compile(r"(?:(?<=\n\n)|\A)(?P<h>[^\n#>|*+\-\s][^\n]{0,79})\n(?P<u>={3,}|-{3,})[ \t]*(?=\n|\Z)")


def atx_headings(text: str) -> str:
    """Setext headings as ``#`` headings ("Results" / "=======" -> "# Results"), outside the
    front matter; a line of twelve words or more, or one ending like a sentence, is a
    paragraph above a rule, not a heading."""
    start = 0
    if text.startswith("---\n"):
        close = re.search(r"\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", text[4:])
        start = 4 + close.end() if close else 0

    def atx(m: re.Match[str]) -> str:
        head = m["h"].strip()
        if len(head.split()) >= 12 or SENTENCE_END.search(head) and not head.endswith("?"):
            return m[0]
        return ("# " if m["u"][0] == "=" else "## ") + head

    return text[:start] + _SETEXT.sub(atx, text[start:])


# Quoted lines ("> " in an e-mail's reply or a Markdown quote): their words without the marks.
QUOTED = re.compile(r"^[ \t]*>[ \t]?", re.M)
# A Markdown table's rule row ("| --- | :---: |") and a reference link's target ("[1]: https://")
TABLE_RULE = re.compile(r"^\s*+\|?(?:\s*+:?-{3,}:?\s*+\|)+\s*+:?-*:?\s*+\|?\s*$")
LINK_TARGET = re.compile(r"^\s*\[(?!\^)[^\]]+\]:\s+\S+(?:\s+[\"'(].*)?\s*$")


def markdown_text(text: str) -> str:
    for pattern, repl in _MD_INLINE:
        text = pattern.sub(repl, text)
    return text.strip()
