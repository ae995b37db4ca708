"""A reStructuredText document (saved as ``.txt``, ``.rst``) rewritten as the Markdown it
renders like, for the text layout to read.

A reST file is recognised by what only reST writes: a title between an overline and an
underline (``=====`` / ``Title`` / ``=====``), an explicit markup line (``.. note::``,
``.. _target: URL``, ``.. [1] ...``) or a section title underlined, as long as itself, with a
mark Markdown does not use (``~ ^ " ' ` # * + :``). Sections underlined with
any mark become ``#`` headings, a level for each mark in the order the file first uses it, as
docutils ranks them; the docinfo's author and date become front matter; a literal block after
``::`` and a ``code-block`` are fenced code (kept as typed); an admonition (``.. note::``) is its
text led by its name (``Note: ...``), as a documentation page's admonition reads; a footnote
(``.. [1] ...``) is a Markdown footnote (a reference); directives that show no text of the
article (``contents``, ``image`` without ``:alt:``, ``toctree``, ``raw``...), hyperlink targets
and comments are dropped; inline ````literal````, ```link <url>`_``, ``:role:`text``` and
footnote marks (``[1]_``) read as their text.
"""

from __future__ import annotations

import re

_ADORNMENT = re.compile(r"^([=\-~^\"'`#*+:._])\1{2,}\s*$")
_RST_ONLY_MARKS = "~^\"'`#*+:._"  # marks Markdown's underlined headings do not use
_DOCINFO = re.compile(r"^:(?P<key>[A-Za-z][\w -]{0,30}):(?:\s+(?P<value>.*?))?\s*$")
_DOCINFO_KEYS = {"author": "author", "authors": "author", "date": "date"}
_DIRECTIVE = re.compile(r"^\.\.\s+(?P<name>[\w:.-]+)::(?:\s+(?P<arg>.*?))?\s*$")
_TARGET = re.compile(r"^(?:\.\.\s+_[^:]*:(?:\s.*)?|__\s+\S.*)$")
_FOOTNOTE = re.compile(r"^\.\.\s+\[(?P<label>[^\]\s]+)\](?:\s+(?P<text>.*?))?\s*$")
_EXPLICIT = re.compile(r"^\.\.(?:\s|$)")
_OPTION = re.compile(r"^\s+:(?P<key>[\w-]+):(?:\s+(?P<value>.*?))?\s*$")
_ADMONITIONS = {"note": "Note", "warning": "Warning", "tip": "Tip", "hint": "Hint",
                "important": "Important", "caution": "Caution", "attention": "Attention",
                "danger": "Danger", "error": "Error", "seealso": "See also"}
_CODE = frozenset({"code", "code-block", "sourcecode", "parsed-literal", "highlight-block"})
# Directives whose content is not the article's text (a table of contents, an include, raw
# markup, an index entry, Sphinx's API documentation) or that print nothing.
_DROPPED = frozenset({"contents", "sectnum", "toctree", "include", "literalinclude", "raw", "meta",
                      "role", "default-role", "highlight", "index", "only", "title", "header",
                      "footer", "target-notes", "tabularcolumns", "class", "replace", "unicode",
                      "date", "csv-table", "list-table", "table"})
_SIMPLE_TABLE_RULE = re.compile(r"^=+(?:\s+=+)+\s*$")
_GRID_RULE = re.compile(r"^\+[-=+]+\+\s*$")
_INLINE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"``(?=\S)(.+?)(?<=\S)``"), r"\1"),  # ``literal``
    (re.compile(r"`([^`<>]+?)\s*<[^<>`]+>`__?"), r"\1"),  # `text <url>`_
    (re.compile(r":[\w:.+-]+:`([^`<>]+?)\s*<[^<>`]+>`"), r"\1"),  # :ref:`Title <label>`
    (re.compile(r":[\w:.+-]+:`([^`]+)`"), r"\1"),  # :role:`text`
    (re.compile(r"`([^`]+)`__?(?!\w)"), r"\1"),  # `link`_
    (re.compile(r"\s?\[(?:#[\w-]*|\*|\d+|[A-Za-z][\w.-]*)\]_(?!\w)"), ""),  # a footnote's mark
)


def _is_title(lines: list[str], at: int) -> int:
    """The lines a section title at ``at`` takes (3 with an overline, 2 underlined), or 0."""
    line = lines[at]
    if at + 2 < len(lines) and _ADORNMENT.match(line) and lines[at + 1].strip() \
            and not _ADORNMENT.match(lines[at + 1]) and lines[at + 2].strip()[:1] == line.strip()[:1] \
            and _ADORNMENT.match(lines[at + 2]) and len(lines[at + 2].strip()) >= len(lines[at + 1].strip()):
        return 3
    if at + 1 < len(lines) and line.strip() and not line[:1].isspace() and not _ADORNMENT.match(line) \
            and _ADORNMENT.match(lines[at + 1]) and (at == 0 or not lines[at - 1].strip()) \
            and len(lines[at + 1].strip()) >= min(len(line.strip()), 4) \
            and not _SIMPLE_TABLE_RULE.match(line):
        return 2
    return 0


def is_rst(text: str) -> bool:
    """A file that writes what only reST writes (see the module's docstring)."""
    lines = text.split("\n")
    first = next((k for k, line in enumerate(lines) if line.strip()), 0)
    if _is_title(lines, first) == 3:
        return True
    for k, line in enumerate(lines):
        if _DIRECTIVE.match(line) or _TARGET.match(line) or _FOOTNOTE.match(line):
            return True
        if _is_title(lines, k) == 2 and lines[k + 1].strip()[0] in _RST_ONLY_MARKS \
                and len(lines[k + 1].strip()) >= len(line.strip()):  # (as long as its title)
            return True
    return False


def _indented(lines: list[str], at: int) -> int:
    """Where the indented block starting at ``at`` (blank lines inside it allowed) ends."""
    end = at
    while end < len(lines) and (not lines[end].strip() or lines[end][:1].isspace()):
        end += 1
    while end > at and not lines[end - 1].strip():
        end -= 1
    return end


def _dedent(lines: list[str]) -> list[str]:
    depth = min((len(line) - len(line.lstrip()) for line in lines if line.strip()), default=0)
    return [line[depth:] for line in lines]


def _inline(line: str, targets: set[str]) -> str:
    for pattern, repl in _INLINE:
        line = pattern.sub(repl, line)
    if targets:  # a reference to a named target: "see the rollout guide_"
        line = re.sub(r"\b([\w-]+)__?(?=[\s.,;:!?)'\"]|$)",
                      lambda m: m[1] if m[1].lower() in targets else m[0], line)
    return line


def _paragraphs_led(label: str, body: list[str]) -> list[str]:
    """An admonition's text, its name leading its first line ("Note: ...")."""
    first = next((k for k, line in enumerate(body) if line.strip()), None)
    if first is None:
        return [label]
    lead = label if label.endswith((".", "?", "!", ":")) else f"{label}:"
    return [*body[:first], f"{lead} {body[first].strip()}", *body[first + 1:]]


def _directive(name: str, arg: str, options: dict[str, str], body: list[str]) -> list[str]:
    """What a directive shows as Markdown lines."""
    name = name.lower()
    if name in _ADMONITIONS or name == "admonition":
        label = arg if name == "admonition" else _ADMONITIONS[name]
        text = body if name == "admonition" or not arg else [arg, *body]
        return _paragraphs_led(label or "Note", text)
    if name in _CODE:
        return ["```", *body, "```"]
    if name in ("image", "figure"):
        caption = [line for line in body if line.strip()][:1] if name == "figure" else []
        alt = options.get("alt", "")
        return [f"![{alt}]({arg})", *caption] if caption or alt else []
    if name in _DROPPED or name.startswith(("auto", "py:", "c:", "cpp:", "js:")):
        return []
    if name in ("rubric", "topic", "sidebar") and arg:
        return [arg, "", *body]
    return body  # a container, an epigraph, a pull-quote...: its text


def rst_markdown(text: str) -> str | None:
    """``text`` rewritten as Markdown when it is a reST document, else None."""
    if not is_rst(text):
        return None
    lines = text.split("\n")
    targets = {m[1].lower() for line in lines if (m := re.match(r"^\.\.\s+_([^:]+):", line))}
    styles: list[tuple[str, bool]] = []
    out: list[str] = []
    fields: dict[str, str] = {}
    notes = 0
    literal = False  # the paragraph above ended "::": an indented block under it is code
    at = 0
    while at < len(lines):
        line = lines[at]
        taken = _is_title(lines, at)
        if taken:
            text_line = lines[at + 1] if taken == 3 else line
            style = ((lines[at + 2] if taken == 3 else lines[at + 1]).strip()[0], taken == 3)
            if style not in styles:
                styles.append(style)
            out += ["#" * min(styles.index(style) + 1, 6) + " " + _inline(text_line.strip(), targets), ""]
            at += taken
            continue
        docinfo = _DOCINFO.match(line)
        if docinfo and not any(o.strip() and not o.startswith("#") for o in out):
            key = docinfo["key"].strip().lower()
            if key in _DOCINFO_KEYS and docinfo["value"]:
                fields.setdefault(_DOCINFO_KEYS[key], docinfo["value"])
            at = _indented(lines, at + 1)
            continue
        if literal and line.strip() and line[:1].isspace():
            end = _indented(lines, at)
            out += ["```", *_dedent(lines[at:end]), "```"]
            at, literal = end, False
            continue
        if line.strip():
            literal = False
        if _SIMPLE_TABLE_RULE.match(line) or _GRID_RULE.match(line):
            at += 1
            continue
        if _EXPLICIT.match(line):
            head = _DIRECTIVE.match(line)
            note = _FOOTNOTE.match(line)
            end = _indented(lines, at + 1)
            body = lines[at + 1:end]
            options: dict[str, str] = {}
            while head and body and (opt := _OPTION.match(body[0])):
                options[opt["key"].lower()] = opt["value"] or ""
                body = body[1:]
            body = _dedent(body)
            while body and not body[0].strip():
                body = body[1:]
            if head:
                shown = _directive(head["name"], (head["arg"] or "").strip(), options, body)
                code = head["name"].lower() in _CODE
                out += ["", *(shown if code else [_inline(s, targets) for s in shown]), ""]
            elif note and not _TARGET.match(line):
                notes += 1
                label = note["label"].lstrip("#*") or str(notes)
                out += ["", f"[^{label}]: {_inline(note['text'] or '', targets)}",
                        *[f"    {_inline(s, targets)}" for s in body], ""]
            at = end  # a target or a comment shows nothing
            continue
        if line.rstrip().endswith("::"):
            literal = True
            stripped = line.rstrip()
            line = "" if stripped.strip() == "::" else stripped[:-3] if stripped.endswith(" ::") \
                else stripped[:-1]
        out.append(_inline(line, targets))
        at += 1
    front = [f"{k}: {v}" for k, v in fields.items()]
    return "\n".join((["---", *front, "---", ""] if front else []) + out)
