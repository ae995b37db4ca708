"""An AsciiDoc document (saved as ``.txt``, ``.adoc``) rewritten as the Markdown it renders
like, for the text layout to read.

A file opening with a ``= Title`` line (Markdown writes ``#``) over AsciiDoc's header (an
author line "Ann Lee <ann@example.org>", a revision line "v1.2, 2025-03-04", ``:attr: value``
entries) or holding ``== Section`` titles, a ``|===`` table or an ``NOTE:`` admonition is
AsciiDoc. It reads as the page Asciidoctor renders: the header's author and revision date as
front matter (the post's author and date); ``== Section`` and deeper as headings; attribute
entries and comments not text (an attribute's value stands where ``{name}`` uses it); an
admonition (``NOTE: ...``, or a ``[NOTE]`` block) as its text led by its name (``Note: ...``),
as a documentation page's admonition reads; a listing (``----``) or literal (``....``) block
as code; a ``[quote, Name, Source]`` block as its words with the attribution Asciidoctor prints
under them ("— Name, Source") closing its last line, so an answer quoting it says who said it;
a ``|===`` table a row a line, its cells between bars as a Markdown table's; an image
(``image::file.jpg[Alt]``) as a Markdown image (its block title, else its alt, the caption);
link, cross-reference and footnote macros as their text (a footnote a reference).
"""

from __future__ import annotations

import re

_TITLE = re.compile(r"^=[ \t]+(?P<title>\S.*?)\s*$")
_SECTION = re.compile(r"^(?P<marks>={2,6})[ \t]+(?P<title>\S.*?)(?:\s+=+)?\s*$")
_ATTRIBUTE = re.compile(r"^:(?P<name>!?[\w-]+!?):(?:[ \t]+(?P<value>.*?))?\s*$")
_AUTHOR = re.compile(r"^(?P<name>[^<>:;]+?)(?:\s+<[^<>\s]+>)?\s*$")
_REVISION = re.compile(r"^(?:v(?P<number>\d[\w.-]*)\s*,?\s*)?(?P<date>[^:,]*?)\s*(?::\s*.*)?$")
_BLOCK_ATTRS = re.compile(r"^\[(?:\[[\w:.-]+\]|[\w.#%-]*(?:=(?:\"[^\"]*\"|[^,\]]*))?(?:,[^\]]*)?)\]\s*$")
_BLOCK_TITLE = re.compile(r"^\.(?P<title>[^\s.].*?)\s*$")
_ADMONITION = re.compile(r"^(?P<label>NOTE|TIP|IMPORTANT|WARNING|CAUTION):\s+(?P<text>\S.*)$")
_LABELS = {"NOTE": "Note", "TIP": "Tip", "IMPORTANT": "Important", "WARNING": "Warning",
           "CAUTION": "Caution"}
_DELIMITER = re.compile(r"^(?:-{4,}|\.{4,}|_{4,}|={4,}|\*{4,}|\+{4,}|/{4,}|--|[|,]===)\s*$")
_IMAGE = re.compile(r"^image::(?P<src>[^\[\s]+)\[(?P<attrs>[^\]]*)\]\s*$")
_MACROS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(?:link:|(?=(?:https?|ftp|mailto):))(?P<url>[^\s\[]+)\[(?P<text>[^\]]*)\]"), "link"),
    (re.compile(r"xref:[^\s\[]+\[(?P<text>[^\]]*)\]"), "text"),
    (re.compile(r"<<(?P<id>[^,>]+)(?:,\s*(?P<text>[^>]+))?>>"), "xref"),
    (re.compile(r"(?:kbd|btn|menu|pass):[^\s\[]*\[(?P<text>[^\]]*)\]"), "text"),
    (re.compile(r"image:[^\s\[:]+\[(?P<text>[^\],]*)[^\]]*\]"), "text"),
)
_FOOTNOTE = re.compile(r"footnote:[\w-]*\[(?P<text>[^\]]*)\]")
_CALLOUT = re.compile(r"\s*(?:<\d+>\s*)+$")


def is_asciidoc(text: str) -> bool:
    """A file opening with ``= Title`` and writing AsciiDoc's header or structure."""
    lines = [line for line in text.split("\n") if not line.startswith("//")]
    first = next((k for k, line in enumerate(lines) if line.strip() and not _ATTRIBUTE.match(line)), None)
    if first is None or not _TITLE.match(lines[first]):
        return False
    under = lines[first + 1] if first + 1 < len(lines) else ""
    return bool(under.strip() and (_ATTRIBUTE.match(under) or _AUTHOR.match(under) and "<" in under)
                or any(_SECTION.match(line) or _ADMONITION.match(line) or line.strip() in ("|===", ",===")
                       for line in lines[first + 1:]))


def _macros(line: str, attributes: dict[str, str], notes: list[str]) -> str:
    def footnote(m: re.Match[str]) -> str:
        notes.append(m["text"])
        return ""

    line = _FOOTNOTE.sub(footnote, line)
    for pattern, kind in _MACROS:
        if kind == "link":
            line = pattern.sub(lambda m: m["text"].split(",")[0].strip() or m["url"], line)
        elif kind == "xref":
            line = pattern.sub(lambda m: (m["text"] or m["id"]).strip(), line)
        else:
            line = pattern.sub(lambda m: m["text"].strip(), line)
    line = re.sub(r"`\+(.+?)\+`", r"`\1`", line)
    line = re.sub(r"(?<=\S) \+$", "", line)  # a hard line break
    return re.sub(r"\{([\w-]+)\}", lambda m: attributes.get(m[1], m[0]), line)


def _positional(attrs: str) -> list[str]:
    return [a.strip().strip("\"'") for a in re.split(r",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", attrs)]


def _table(lines: list[str], attrs: str, csv: bool) -> list[str]:
    """A table's cells, a row a line between bars, as a Markdown table's rows."""
    cols_attr = re.search(r"cols=\"?(?P<cols>[^\"\]]*)\"?", attrs)
    sep = "," if csv else "|"
    cells: list[str] = []
    width = 0
    for line in lines:
        if not line.strip():
            continue
        parts = line.split(sep)
        if csv:
            cells += [p.strip() for p in parts]
            width = width or len(parts)
            continue
        if parts[0].strip() and cells:
            cells[-1] += " " + parts[0].strip()  # a cell's text going on
        row = [re.sub(r"\s+\d+[+*](?:\.\d+\+)?[<^>]?(?:\.[<^>])?[aehlmsv]?$", "", p).strip()
               for p in parts[1:]]
        cells += row
        width = width or len(row)
    if cols_attr:
        spec = cols_attr["cols"].strip()
        width = int(spec) if spec.isdigit() else sum(
            int(c.split("*")[0]) if "*" in c and c.split("*")[0].isdigit() else 1 for c in spec.split(","))
    width = max(width, 1)
    return ["| " + " | ".join(cells[k:k + width]) + " |" for k in range(0, len(cells), width)]


def _header(lines: list[str], at: int, attributes: dict[str, str]) -> tuple[dict[str, str], int]:
    """The author and date the header under the title gives, and where it ends."""
    fields: dict[str, str] = {}
    plain = 0  # the author line, then the revision line
    while at < len(lines) and lines[at].strip():
        line = lines[at].strip()
        at += 1
        if line.startswith("//"):
            continue
        attr = _ATTRIBUTE.match(line)
        if attr:
            attributes[attr["name"]] = attr["value"] or ""
            continue
        plain += 1
        if plain == 1:
            names = [m["name"].strip() for part in line.split(";") if (m := _AUTHOR.match(part.strip()))]
            if names:
                fields["author"] = "; ".join(names)
        elif plain == 2 and (rev := _REVISION.match(line)) and rev["date"]:
            fields["date"] = rev["date"]
    if "author" not in fields and attributes.get("author"):
        fields["author"] = attributes["author"]
    if "date" not in fields and attributes.get("revdate"):
        fields["date"] = attributes["revdate"]
    return fields, at


def asciidoc_markdown(text: str) -> str | None:
    """``text`` rewritten as Markdown when it is an AsciiDoc document, else None."""
    if not is_asciidoc(text):
        return None
    lines = text.split("\n")
    attributes: dict[str, str] = {}
    notes: list[str] = []
    out: list[str] = []
    fields: dict[str, str] = {}
    attrs = ""  # the block attribute line above the next block: "[quote, Ann Lee, Source]"
    title = ""  # the block title above the next block: ".Results"
    at = 0
    while at < len(lines):
        line = lines[at].rstrip()
        at += 1
        if line.startswith("//") and not re.match(r"^/{4,}\s*$", line):
            continue
        if (m := _TITLE.match(line)) and not out:
            fields, at = _header(lines, at, attributes)
            out += [f"# {_macros(m['title'], attributes, notes)}", ""]
            continue
        if attr := _ATTRIBUTE.match(line):
            attributes[attr["name"]] = attr["value"] or ""
            continue
        if _BLOCK_ATTRS.match(line):
            attrs = line.strip()[1:-1]
            continue
        if (block_title := _BLOCK_TITLE.match(line)) and not _DELIMITER.match(line):
            title = block_title["title"]
            continue
        style = _positional(attrs)[0].lower() if attrs else ""
        if m := _SECTION.match(line):
            out += ["", "#" * len(m["marks"]) + " " + _macros(m["title"], attributes, notes), ""]
        elif m := _IMAGE.match(line):
            alt = _positional(m["attrs"])[0] if m["attrs"] else ""
            out += ["", f"![{alt}]({m['src']})", *([title] if title else []), ""]
        elif _DELIMITER.match(line):
            end = next((k for k in range(at, len(lines)) if lines[k].rstrip() == line), len(lines))
            body, at = lines[at:end], end + 1
            delimiter = line.strip()
            if delimiter[0] in "-." and delimiter != "--":
                code = [_CALLOUT.sub("", b) for b in body]
                out += ["", *([title] if title else []), "```", *code, "```", ""]
            elif delimiter in ("|===", ",==="):
                out += ["", *([title] if title else []), *_table(body, attrs, delimiter == ",==="), ""]
            elif delimiter[0] in "+/":
                pass  # a passthrough's raw markup, a comment
            else:
                shown = [_macros(b, attributes, notes) for b in body]
                if style in ("quote", "verse") and (who := ", ".join(p for p in _positional(attrs)[1:] if p)):
                    last = max((k for k, b in enumerate(shown) if b.strip()), default=None)
                    if last is not None:
                        shown[last] = f"{shown[last].rstrip()} \u2014 {who}"
                label = _LABELS.get(style.upper()) if style else None
                if label or title and delimiter[0] in "=*":
                    first = next((k for k, b in enumerate(shown) if b.strip()), None)
                    lead = label or title
                    lead = lead if lead.endswith((".", "?", "!", ":")) else f"{lead}:"
                    if first is not None:
                        shown[first] = f"{lead} {shown[first].strip()}"
                out += ["", *shown, ""]
        elif m := _ADMONITION.match(line):
            out.append(f"{_LABELS[m['label']]}: {_macros(m['text'], attributes, notes)}")
        elif line.strip() == "+":
            out.append("")  # a list item's continuation: a block of its own
        elif line.strip() not in ("'''", "<<<"):
            out.append(_macros(line, attributes, notes))
        if not line.strip() or _SECTION.match(line) or _DELIMITER.match(line) or _IMAGE.match(line):
            attrs = title = ""
    out += [line for k, note in enumerate(notes, 1) for line in ("", f"[^{k}]: {note}")]
    front = [f"{k}: {v}" for k, v in fields.items()]
    return "\n".join((["---", *front, "---", ""] if front else []) + out)
