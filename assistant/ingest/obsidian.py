"""An Obsidian note's own Markdown (also Foam's, Logseq's wikilinks and GitHub's alerts)
rewritten as plain Markdown, as the app shows the note.

A wikilink ``[[Page|alias]]`` shows its alias, ``[[Page]]`` the page's name (``[[Page#Part]]``
"Page > Part"); an embedded image ``![[photo.jpg]]`` (``|300`` a size, other words its alt
text) is an image, so a caption line under it is its caption as under ``![alt](src)``; an
embedded note (``![[Other note]]``) shows text the file does not hold and is dropped. A
callout ``> [!warning] Title`` (GitHub's ``> [!NOTE]`` alert too) shows its title, else its
kind ("Note"), over its lines: the title leads its text ("Wax shortage: We ran out ..."), as
a documentation page's admonition reads, and the ``[!warning]`` mark is not text. A comment
(``%% ... %%``), a highlight's ``==`` marks and a block's ``^id`` are not shown either.
"""

from __future__ import annotations

import re

_IMAGE_TYPES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp", ".avif", ".tif", ".tiff")
_EMBED = re.compile(r"!\[\[(?P<target>[^\[\]|#\n]+)(?:#[^\[\]|\n]*)?(?:\|(?P<opt>[^\[\]\n]*))?\]\]")
_WIKILINK = re.compile(r"\[\[(?P<target>[^\[\]|\n]*)(?:\|(?P<alias>[^\[\]\n]*))?\]\]")
_CALLOUT = re.compile(r"^(?P<marks>[ \t]*(?:>[ \t]*)+)\[!(?P<kind>[\w-]+)\][+-]?"
                      r"(?:[ \t]+(?P<title>\S.*?))?[ \t]*$")
_COMMENT = re.compile(r"%%.*?%%", re.S)
_HIGHLIGHT = re.compile(r"==(?=\S)([^=\n]+?)(?<=\S)==")
_BLOCK_ID = re.compile(r"(?<=\S)[ \t]+\^(?=[\w-]*[A-Za-z])[\w-]+[ \t]*$", re.M)
_FENCE = re.compile(r"^\s*(?:```|~~~)")
_MARKUP = re.compile(r"\[\[|^[ \t]*>[ \t>]*\[!|%%|==\S|\s\^[\w-]+[ \t]*$", re.M)


def _embed(m: re.Match[str]) -> str:
    target = m["target"].strip()
    if not target.lower().endswith(_IMAGE_TYPES):
        return ""
    opt = (m["opt"] or "").strip()
    alt = "" if re.fullmatch(r"\d+(?:x\d+)?", opt) else opt
    return f"![{alt}]({target})"


def _link(m: re.Match[str]) -> str:
    if m["alias"] is not None and m["alias"].strip():
        return m["alias"].strip()
    page, _, part = (s.strip() for s in m["target"].partition("#"))
    if part.startswith("^"):
        part = ""  # a link to a block shows the page's name
    return f"{page} > {part}" if page and part else page or part


def _callouts(lines: list[str]) -> list[str]:
    """Each callout's first line without its mark, its title leading the line under it."""
    out: list[str] = []
    k = 0
    while k < len(lines):
        m = _CALLOUT.match(lines[k])
        if not m:
            out.append(lines[k])
            k += 1
            continue
        title = (m["title"] or m["kind"].replace("-", " ").capitalize()).strip()
        lead = title if title.endswith((".", "?", "!", ":")) else f"{title}:"
        marks = m["marks"].rstrip() + " "
        following = lines[k + 1] if k + 1 < len(lines) else ""
        depth = m["marks"].count(">")
        rest = following.lstrip()
        if rest.startswith(">" * depth) and rest[depth:].strip() and not _CALLOUT.match(following):
            out.append(f"{marks}{lead} {rest[depth:].strip()}")
            k += 2
        else:
            out.append(f"{marks}{title}")
            k += 1
    return out


def _shown(lines: list[str]) -> list[str]:
    chunk = "\n".join(lines)
    chunk = _COMMENT.sub("", chunk)
    chunk = _EMBED.sub(_embed, chunk)
    chunk = _WIKILINK.sub(_link, chunk)
    chunk = _HIGHLIGHT.sub(r"\1", chunk)
    chunk = _BLOCK_ID.sub("", chunk)
    return _callouts(chunk.split("\n"))


def obsidian_text(text: str) -> str:
    """``text`` with Obsidian's wikilinks, embeds, callouts, comments, highlights and block ids
    as the app shows them; a text without them as it is. Code blocks are left as typed."""
    if not _MARKUP.search(text):
        return text
    out: list[str] = []
    prose: list[str] = []
    fenced = False
    for line in text.split("\n"):
        if fenced or _FENCE.match(line):
            if not fenced:
                out += _shown(prose)
                prose = []
            out.append(line)
            fenced = fenced != bool(_FENCE.match(line))
        else:
            prose.append(line)
    return "\n".join(out + (_shown(prose) if prose else []))
