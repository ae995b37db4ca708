"""A data table's rows as a reader reads them: each cell with its column's header.

A row read on its own ("Bramley | 38 | 612") has lost what its numbers are; read with its
header row ("Variety | Trees | Harvest 2024 (kg)") it says so: "Variety: Bramley; Trees: 38;
Harvest 2024 (kg): 612", the first column's cell first, an empty cell left out, and the header
row, which every row now carries, is no line of its own.

A header row is one the page marks (``<th>`` cells, ``<thead>``, bold cells over plain rows, a
Markdown table's rule row under it), or a first row that is clearly one: three columns or more,
every cell words (not a number), over two rows or more of the same width with a column of
numbers under a word. A table with one cell a row (a layout), a two-column table whose rows each
start with their own header cell (a key/value box: "Opened | 1871"), or a first row that is not
a header reads as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement

from .dom import clean_text
from .layout import FENCE
from .markup import TABLE_RULE

# A number as a table prints it: "612", "1,236", "£4,500", "45%", "12 km", "-3.5", "~20".
_NUMBER = re.compile(r"[~<>≈+\-\u2212]?[£$€¥]?\s?\d[\d,.\s]*(?:%|[^\W\d_]{1,3}\.?)?")
_LETTERS = re.compile(r"[^\W\d_]{2,}")
_MAX_HEADER_WORDS = 8
_MAX_PLAIN_CELL_WORDS = 12  # a row under an unmarked header: short cells, as data has


@dataclass(frozen=True)
class Table:
    """A table's cell texts, a list a row, and whether the page marks its first row as the
    header (``<th>``, bold, a Markdown rule row)."""

    rows: tuple[tuple[str, ...], ...]
    marked: bool = False


def _number(cell: str) -> bool:
    return bool(_NUMBER.fullmatch(cell.strip()))


def _header_cell(cell: str, marked: bool) -> bool:
    """A column's name: a few words, no sentence; words, not a number, unless the page
    marks it (a year over a column: "2024/25")."""
    return len(cell.split()) <= _MAX_HEADER_WORDS and not cell.rstrip().endswith(".") \
        and (bool(cell) if marked else bool(_LETTERS.search(cell)) and not _number(cell))


def header_of(table: Table) -> tuple[str, ...] | None:
    """The table's header row, if it has one its rows should carry; None otherwise."""
    if len(table.rows) < 2:
        return None
    head, body = table.rows[0], table.rows[1:]
    width = len(head)
    if width < 2 or any(len(row) != width for row in body):
        return None
    named = head[1:] if not head[0] else head  # an empty corner over the rows' own labels
    if not all(_header_cell(c, table.marked) for c in named) or len(set(named)) < len(named):
        return None
    if not any(sum(1 for c in row if c) >= 2 for row in body):
        return None
    if table.marked:
        return head
    if width < 3 or len(body) < 2 or not head[0] \
            or any(not c or len(c.split()) > _MAX_PLAIN_CELL_WORDS for row in body for c in row):
        return None
    numbers = any(all(_number(row[j]) for row in body) for j in range(width))
    return head if numbers else None


def headed_row(head: Sequence[str], row: Sequence[str]) -> str:
    """'Variety: Bramley; Trees: 38': each non-empty cell after its column's header (a cell
    under an empty corner alone)."""
    return "; ".join(f"{h}: {c}" if h else c for h, c in zip(head, row, strict=True) if c)


def table_lines(table: Table) -> list[str] | None:
    """The rows of a table with a header, each carrying it; None if it has none."""
    head = header_of(table)
    if head is None:
        return None
    return [line for line in (headed_row(head, row) for row in table.rows[1:]) if line]


_BAR = re.compile(r"(?<!\\)\|")


def _md_cells(line: str) -> tuple[str, ...]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    return tuple(c.strip() for c in _BAR.split(inner))


def markdown_tables(text: str) -> str:
    """A Markdown text whose tables with a header line (a rule row under it: "| --- | --- |")
    read a row a line, each row carrying the header ("| Variety: Bramley; Trees: 38 |"), the
    header line and the rule row gone. Other lines stay as they are."""
    lines = text.split("\n")
    out: list[str] = []
    at, fenced = 0, False
    while at < len(lines):
        line = lines[at]
        fenced = fenced != bool(FENCE.match(line))  # a code block's lines are as typed
        if not fenced and "|" in line and at + 1 < len(lines) and TABLE_RULE.match(lines[at + 1]):
            end = at + 2
            while end < len(lines) and "|" in lines[end] and lines[end].strip() \
                    and not TABLE_RULE.match(lines[end]):
                end += 1
            rows = [_md_cells(r) for r in (line, *lines[at + 2:end])]
            headed = table_lines(Table(tuple(rows), marked=True))
            if headed is not None:
                out += [f"| {row} |" for row in headed]
                at = end
                continue
        out.append(line)
        at += 1
    return "\n".join(out)


def tab_table(text: str) -> str | None:
    """A block of lines of cells copied or saved with tabs between them ("Variety<TAB>Trees<TAB>
    Harvest"), its first line clearly a header, as a row a line carrying it, under the table's
    title if a line without cells opens the block ("Table 2. Harvest by variety"); None
    otherwise."""
    lines = text.split("\n")
    title = lines[:1] if lines and "\t" not in lines[0].strip() else []
    lines = lines[len(title):]
    if len(lines) < 3 or not all("\t" in line.strip() for line in lines):
        return None
    rows = tuple(tuple(c.strip() for c in line.split("\t") if c.strip()) for line in lines)
    headed = table_lines(Table(rows))
    return "\n".join([*title, *headed]) if headed is not None else None


# A class the page's style sheet makes bold (Google Docs' export: ".c3{font-weight:700}").
_BOLD_RULE = re.compile(r"\.(?P<name>[\w-]+)\s*\{[^{}]*?font-weight\s*:\s*(?:bold|[6-9]00)\b", re.I)
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)\b", re.I)


def _bold(cell: HtmlElement, classes: set[str]) -> bool:
    """All the cell's text is bold: in ``<b>``, ``<strong>``, or an element the style sheet
    or its style attribute makes bold."""
    def is_bold(el: HtmlElement) -> bool:
        return el.tag in ("b", "strong") or bool(_BOLD_STYLE.search(el.get("style") or "")) \
            or bool(classes & set((el.get("class") or "").split()))
    inside = set(cell.iter())
    bold = [el for el in cell.iter() if isinstance(el.tag, str) and is_bold(el)
            and not any(is_bold(a) for a in el.iterancestors() if a in inside)]
    text = clean_text(cell.text_content())
    return bool(text) and text == clean_text("".join(el.text_content() for el in bold))


def mark_header_rows(root: HtmlElement) -> None:
    """A table's first row all bold over rows that are not (a Google Docs or Word export's
    header, styled rather than marked) is its header: its cells become ``<th>``."""
    classes = {m["name"] for style in root.iter("style") for m in _BOLD_RULE.finditer(style.text or "")}
    for table in list(root.iter("table")):
        rows = [[c for c in tr if c.tag in ("td", "th")] for tr in table.iter("tr")
                if next(tr.iterancestors("table"), None) is table]
        if len(rows) < 3 or len(rows[0]) < 2 or any(c.tag == "th" for c in rows[0]):
            continue
        if all(_bold(c, classes) for c in rows[0]) \
                and not any(all(_bold(c, classes) for c in row) for row in rows[1:]):
            for cell in rows[0]:
                cell.tag = "th"


def _xml_text(el: etree._Element) -> str:
    """An element's text in trafilatura's XML, its line breaks and blocks apart: a cell's
    "Sunday<br>12 October" (``Sunday<p>12 October</p>``) is "Sunday 12 October", not
    "Sunday12 October"; inline marks (``<hi>``, ``<ref>``) join as they stand."""
    out = [el.text or ""]
    for child in el:
        inline = child.tag in _INLINE
        out.append(_xml_text(child) if inline else f" {_xml_text(child)} ")
        out.append(child.tail or "")
    return "".join(out)


_INLINE = frozenset({"hi", "ref", "del", "code"})


def xml_rows(table: etree._Element) -> list[str]:
    """The lines of a table in trafilatura's XML (``<row>`` of ``<cell>``, a header cell
    ``role="head"``): with a header, each row carrying it; else a row a line, its cells
    between " | ". A caption trafilatura puts over the table (one header cell) is a line of
    its own; a table holding a list or another table is a layout, read a row a line."""
    rows = [[c for c in row if isinstance(c.tag, str)] for row in table.iter("row")]
    cells = [tuple(clean_text(_xml_text(c)) for c in row) for row in rows]
    lines: list[str] = []
    if len(rows) > 2 and sum(1 for c in cells[0] if c) == 1 and rows[0][0].get("role") == "head":
        lines.append(cells[0][0])
        rows, cells = rows[1:], cells[1:]
    layout = any(c.find(".//table") is not None or c.find(".//list") is not None
                 for row in rows for c in row)
    if rows and not layout:
        head = rows[0]
        marked = all(c.get("role") == "head" for c in head)
        headed = table_lines(Table(tuple(cells), marked))
        if headed is not None:
            return lines + headed
    return lines + [" | ".join(c for c in row if c) for row in cells]
