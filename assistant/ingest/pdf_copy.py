"""Text copied from a PDF (a paper or a report selected in a viewer and pasted, or saved by
pdftotext), rewritten in the article layout ``text.py`` reads.

A PDF copy shows its pages: form feeds between them, a running header or footer repeated on
each (the journal's line, "Okafor et al.  Vitamin K2 ...", a page number), words hyphenated at
line ends ("osteo-" / "porosis"), and headings glued to the text under them ("1. Introduction"
/ "Osteoporosis affects ..."). ``pdf_copy`` recognises the shape by those signs, conservatively,
and returns the text without the pages' furniture: a sentence split by a page break one
paragraph again, hyphenated words joined (the text's own vocabulary deciding "well-known"), each
paragraph one line, headings and the reference list's entries blocks of their own, and the
paper's title and author line as ``Title:`` / ``Author:`` fields.
"""

from __future__ import annotations

import re
from collections import Counter

from .bylines import name_ok
from .layout import SENTENCE_END

_FF = "\f"
_EDGE = 3  # lines at the top and at the bottom of a page where its header and footer sit
# A page's number alone on its line: "35", "- 35 -", "Page 3", "Page 3 of 12", "3/12".
_PAGE_NUMBER = re.compile(r"^\s*(?:[-\u2013\u2014]\s*)?(?:page\s+)?\d{1,4}(?:\s*(?:/|of)\s*\d{1,4})?"
                          r"(?:\s*[-\u2013\u2014])?\s*$", re.I)
# A page number before or after a running line: "J Bone Res 2014; 12: 34-56      35".
_LEADING_NUMBER = re.compile(r"^(?:page\s+)?(?P<n>\d{1,4})(?:\s+of\s+\d{1,4})?\s+(?:[|\u00b7\u2022]\s+)?",
                             re.I)
_TRAILING_NUMBER = re.compile(r"(?<!\s)\s+(?:[|\u00b7\u2022]\s+)?(?:page\s+)?(?P<n>\d{1,4})"
                              r"(?:\s+of\s+\d{1,4})?$",
                              re.I)
_HYPHENATED = re.compile(r"(?<=[^\W\d_])-$")  # "osteo-" at a line's end
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_MIN_HYPHENS = 3  # ... on that many lines, one in 15 of the text's, is a PDF's typesetting

# A paper's section headings, numbered or not, glued to the text under them.
_KNOWN_HEAD = re.compile(
    r"^(?:\d{1,2}(?:\.\d{1,2})*\.?\s+)?(?:abstract|summary|background|introduction|"
    r"(?:(?:materials|patients|subjects) and )?methods?|results(?: and discussion)?|discussion|"
    r"conclusions?|references|bibliography|literature cited|acknowledge?ments?|appendix)\s*:?$", re.I)
_NUMBERED_HEAD = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+[A-Z][^.,;:!?]*$")
_REFERENCES = re.compile(r"^(?:references|bibliography|literature cited)\s*:?$", re.I)
# A reference list's entry: "1. Kanis JA, ...", "5-15. See ...", "[3] Shiraki M, ...".
_ENTRY = re.compile(r"^(?:\[\d{1,3}\]|\d{1,3}(?:[-\u2013]\d{1,3})?\.)\s+\S")
_CAPTION = re.compile(r"^(?:Fig\.|Figure|Table)\s+\d{1,2}[a-z]?[.:]\s")
_KEYWORDS = re.compile(r"^(?:key\s?words?|index terms)\s*:", re.I)
_FIELD_LINE = re.compile(r"^[A-Z][\w ]{0,30}:\s")  # "Funding: ...", a line of its own
_LIST_ITEM = re.compile(r"^\s*(?:[-*+\u2022\u25aa\u25cf]|\(?[a-z\d]\))\s")
# Affiliation marks glued to an author's name ("Okafor1", "Raman1,2", "Lindqvist*") or to
# the affiliation they explain ("1Department of ...", "* Corresponding author").
_MARKS = "\\d*\u2020\u2021\u00a7\u00b6#\u00b9\u00b2\u00b3\u2070-\u2079"
_NAME_MARKS = re.compile(rf"^(?P<name>.*?[a-z\u00e0-\u00ff'\u2019])(?P<marks>[{_MARKS}]+(?:,[{_MARKS}]+)*)?$")
_AFFILIATION = re.compile(rf"^(?:[{_MARKS}]{{1,3}}|[a-z])\s?(?=[A-Z])")
_NAME_WORD = re.compile(r"^(?:[A-Z]\.(?:-?[A-Z]\.)?|[A-Z][\w'\u2019\-]*[a-z\u00e0-\u00ff][\w'\u2019\-]*)$")
_AUTHOR_SPLIT = re.compile(rf"(?:(?<!\s)\s*|(?<=\s))(?:,(?![{_MARKS}])|;|\band\b|&)\s*")
_LABEL = re.compile(r"^[A-Z0-9 &:\-]{2,40}$|(?i:doi\b|https?://)|\d{4};")  # "REVIEW ARTICLE"
_PARTICLES = frozenset("van von de der den da di du le la".split())
_FRONT = 8  # blocks in which the title and the author line are looked for


def _key(line: str) -> tuple[str, str | None]:
    """A line without its page number (the part a running header repeats), and the number."""
    text = " ".join(line.split())
    for pattern in (_LEADING_NUMBER, _TRAILING_NUMBER):
        m = pattern.search(text)
        if m and len(text) - len(m[0]) >= 10:
            return (text[m.end():] if pattern is _LEADING_NUMBER else text[: m.start()]), m["n"]
    return text, None


# The page number set apart from a running line: by a wide gap, a bar or a dot, or "Page".
_SET_APART = re.compile(r"\S\s{2,}\d{1,4}\s*$|^\s*\d{1,4}\s{2,}\S|[|\u00b7\u2022]\s*\d{1,4}\s*$|"
                        r"^\s*\d{1,4}\s*[|\u00b7\u2022]|\bpage\s+\d", re.I)


def _numbered_running_keys(lines: list[str]) -> set[str]:
    """Lines repeated with the page number going up each time, set apart from it ("J Bone Res
    2014; 12: 34-56      35") or next to another repeated line (the header over the page):
    a running header or footer. Its words (three at least, the first no mark) are the key."""
    seen: dict[str, list[tuple[int, int]]] = {}
    for i, line in enumerate(lines):
        key, n = _key(line)
        if n and len(key.split()) >= 3 and key[:1].isalnum():
            seen.setdefault(key, []).append((i, int(n)))
    counts = Counter(" ".join(line.split()) for line in lines if line.strip())
    running = set()
    for key, found in seen.items():
        numbers = [n for _, n in found]
        apart = all(_SET_APART.search(lines[i]) or any(counts[" ".join(lines[j].split())] >= 2
                                                       for j in _neighbours(lines, i)) for i, _ in found)
        if len(found) >= 2 and numbers == sorted(set(numbers)) and apart:
            running.add(key)
    return running


def _hyphen_breaks(lines: list[str]) -> int:
    return sum(1 for a, b in zip(lines, lines[1:], strict=False)
               if _HYPHENATED.search(a.rstrip()) and b.lstrip()[:1].islower())


def _neighbours(lines: list[str], i: int) -> list[int]:
    """The nearest non-blank line above and below line ``i``."""
    out = []
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and not lines[j].strip():
            j += step
        if 0 <= j < len(lines):
            out.append(j)
    return out


def _furniture(lines: list[str], running: set[str]) -> set[int]:
    """The lines that are the pages' furniture: running headers and footers (repeated, modulo
    the page number, at a page's top or bottom), bare page numbers next to a page break, and
    a page's header printed once (``_page_header``)."""
    pages: list[list[int]] = [[]]
    for i, line in enumerate(lines):
        if line == _FF:
            pages.append([])
        elif line.strip():
            pages[-1].append(i)
    edges = {i for page in pages for i in page[:_EDGE] + page[-_EDGE:]} if len(pages) > 1 else set()
    keys = {i: _key(line)[0] for i, line in enumerate(lines) if line.strip() and line != _FF}
    at_edges = Counter(keys[i] for i in edges)
    everywhere = Counter(keys.values())
    found = {i for i, key in keys.items() if key in running}
    changed = True
    while changed:  # grow from what is furniture to the lines next to it
        changed = False
        for i, key in keys.items():
            if i in found:
                continue
            near = any(j in found or lines[j] == _FF for j in _neighbours(lines, i))
            repeated = at_edges[key] >= 2 or (near and everywhere[key] >= 2)
            if (_PAGE_NUMBER.match(lines[i]) or repeated) and (near or i in edges):
                found.add(i)
                changed = True
    front = {w.lower() for line in lines[: pages[0][8] if len(pages[0]) > 8 else len(lines)]
             for w in _WORD.findall(line)}
    return found | _page_headers(lines, found, front)


def _page_headers(lines: list[str], found: set[int], front: set[str]) -> set[int]:
    """A page's header printed once: the first line after a page break (a form feed, or a
    footer below text), with no sentence's end, that reads like one: a wide gap inside it
    ("Okafor et al.     Vitamin K2 ..."), "et al.", or, alone in its block, the title's words."""
    out: set[int] = set()
    text_above = False
    after_break = False
    for i, line in enumerate(lines):
        if line == _FF or i in found:
            after_break = after_break or text_above
            continue
        if not line.strip():
            continue
        if after_break:
            words = [w.lower() for w in _WORD.findall(line)]
            alone = all(not lines[j].strip() or lines[j] == _FF or j in found
                        for j in (i - 1, i + 1) if 0 <= j < len(lines))
            like = re.search(r"\S\s{3,}\S", line.strip()) or "et al" in line or alone and (
                words and sum(w in front for w in words) >= 0.6 * len(words))
            if like and len(words) <= 14 and not SENTENCE_END.search(line.rstrip()) \
                    and not _is_heading(line):
                out.add(i)
        text_above, after_break = True, False
    return out


def _continues(before: str, after: str) -> bool:
    """A sentence broken off at a page's end goes on at the top of the next page."""
    before, after = before.rstrip(), after.lstrip()
    if SENTENCE_END.search(before) or before.endswith(":") or _is_heading(before):
        return False
    last = before.split()[-1]
    return bool(_HYPHENATED.search(before) or after[:1].islower() or after[:1].isdigit()
                or last[:1].islower())


def _without_pages(lines: list[str], furniture: set[int]) -> list[str]:
    """The text without its page breaks and furniture: a sentence a page break split joined up
    again, any other break a blank line."""
    out: list[str] = []
    broken = False
    for i, line in enumerate(lines):
        if i in furniture or line == _FF:
            broken = True
            continue
        if broken and line.strip():
            while out and not out[-1].strip():
                out.pop()
            if not (out and _continues(out[-1], line)):
                out.append("")
            broken = False
        out.append(line)
    return out


def _dehyphenated(lines: list[str]) -> list[str]:
    """Words hyphenated at a line's end joined ("osteo-" / "porotic"): a hyphen the text's own
    vocabulary spells ("co-author" elsewhere) is kept, and so is one before a capital or a
    digit ("MK-" / "4"); a word the text spells joined, or a lower-case rest, is joined."""
    text = "\n".join(lines)
    vocabulary = {w.lower() for w in _WORD.findall(text)}
    out = list(lines)
    for i in range(len(out) - 1):
        head, tail = out[i].rstrip(), out[i + 1].lstrip()
        if not _HYPHENATED.search(head) or not tail:
            continue
        first = head.split()[-1][:-1]
        word, _, rest = tail.partition(" ")
        second = _WORD.match(word)
        if not second:
            continue
        joined = f"{first}{second[0]}".lower()
        keep = f"{first}-{second[0]}".lower() in vocabulary or (
            joined not in vocabulary and not second[0][:1].islower())
        out[i] = (head if keep else head[:-1]) + word
        out[i + 1] = rest.lstrip()
    return [line for k, line in enumerate(out) if line.strip() or not lines[k].strip()]


def _is_heading(line: str) -> bool:
    line = line.strip()
    return bool(_KNOWN_HEAD.match(line) or _NUMBERED_HEAD.match(line) and len(line.split()) <= 8
                and not line.endswith("-"))


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _short_head(line: str, below: list[str]) -> bool:
    """A plain heading ("Finances", "Staff costs") over a wrapped paragraph: a few words with no
    end mark or comma, much shorter than the line under it."""
    return bool(below) and len(line.split()) <= 6 and line[:1].isupper() and not re.search(
        r"[,;:\-]", line) and not SENTENCE_END.search(line) and len(line) < 0.6 * len(below[0])


def _unglued(block: list[str], in_references: bool) -> list[list[str]]:
    """A block split before and after a heading glued to its lines ("1. Introduction" /
    "Osteoporosis affects ..."): a section's name ("Abstract", "2. Methods"), or a short
    numbered line or a short name (``_short_head``) first or after a line that ends a
    sentence; before a line that opens one. A figure's
    caption ("Fig. 2. ...") after a sentence's end opens a block too."""
    out: list[list[str]] = [[]]
    for k, line in enumerate(block):
        heading = (_KNOWN_HEAD.match(line) or not in_references and (
            _is_heading(line) or _short_head(line, block[k + 1 : k + 2])) and (
            k == 0 or SENTENCE_END.search(block[k - 1]))) and k + 1 < len(block) and (
            block[k + 1][:1].isupper() or block[k + 1][:1].isdigit() or block[k + 1][:1] == "[")
        if heading:
            out += [[line], []]
            in_references = bool(_REFERENCES.match(line)) or in_references and not _KNOWN_HEAD.match(line)
        elif k and _CAPTION.match(line) and SENTENCE_END.search(block[k - 1]):
            out.append([line])  # a figure's caption, to the block's end
        else:
            out[-1].append(line)
    return [b for b in out if b]


def _prose(block: list[str]) -> str:
    """A paragraph's wrapped lines as one line; a list item or a "Funding: ..." line after a
    sentence's end goes on its own line."""
    out = [block[0]]
    for line in block[1:]:
        if _LIST_ITEM.match(line) or SENTENCE_END.search(out[-1]) and _FIELD_LINE.match(line):
            out.append(line)
        else:
            out[-1] = f"{out[-1]} {line}"
    return "\n".join(out)


def _entries(block: list[str]) -> list[str]:
    """A reference list's block as its entries, each one line however many it wrapped over."""
    entries: list[list[str]] = []
    for line in block:
        if _ENTRY.match(line) or not entries:
            entries.append([line])
        else:
            entries[-1].append(line)
    return [" ".join(e) for e in entries]


def _authors(line: str) -> list[str] | None:
    """The names on a paper's author line ("Maren Okafor1, Tobias Lindqvist2 and Priya Raman1"),
    their affiliation marks dropped; None for any other line. Two names at least, or one with
    a mark."""
    names, marked = [], False
    for part in _AUTHOR_SPLIT.split(line.strip().rstrip(".")):
        if not part or re.fullmatch(rf"[{_MARKS},]+", part):
            continue
        m = _NAME_MARKS.match(part)
        if not m:
            return None
        name = m["name"].strip()
        words = name.split()
        if not 2 <= len(words) <= 5 or not name_ok(name) or not all(
                _NAME_WORD.match(w) or w.lower() in _PARTICLES for w in words):
            return None
        marked = marked or bool(m["marks"])
        names.append(name)
    return names if names and (marked or len(names) >= 2) else None


def _front(blocks: list[list[str]]) -> tuple[str, list[list[str]]] | None:
    """The paper's title and author line as a ``Title:`` / ``Author:`` block, then a block of
    the lines under the author line (the affiliations, without their marks, and the dates
    received and accepted); and the blocks after them.
    The title is the lines above the author line (a label such as "REVIEW ARTICLE" or the
    journal's line above it dropped); None when no author line is found under a title."""
    for b, block in enumerate(blocks[:_FRONT]):
        if any(_is_heading(line) for line in block[:1]):
            return None
        for k, line in enumerate(block):
            names = _authors(line) if (b, k) != (0, 0) else None
            if not names:
                continue
            title = block[:k] if k else blocks[b - 1]
            above = blocks[: b if k else b - 1]
            while len(title) > 1 and _LABEL.search(title[0]):
                title = title[1:]
            if any(t.endswith(".") for t in title) or len(title) > 4:
                return None
            if not all(len(t.split()) <= 12 and not SENTENCE_END.search(t) for x in above for t in x):
                return None
            author = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
            head = f"Title: {' '.join(title)}\nAuthor: {author}"
            under = block[k + 1 :]
            end = next((n for n, t in enumerate(under) if _is_heading(t)), len(under))
            if end:  # one block, its lines kept, so that none reads as a heading
                head += "\n\n" + "\n".join(_AFFILIATION.sub("", t) for t in under[:end])
            return head, ([under[end:]] if under[end:] else []) + blocks[b + 1 :]
    return None


def pdf_copy(text: str) -> str | None:
    """``text`` rewritten in the article layout when it is a PDF's text (form feeds, a running
    header or footer with page numbers, or many words hyphenated at line ends); None for any
    other text, which is read as it is."""
    lines = text.replace(_FF, f"\n{_FF}\n").split("\n")
    running = _numbered_running_keys(lines)
    words = [line for line in lines if line.strip()]
    hyphens = _hyphen_breaks(lines)
    if _FF not in text and not running and not (hyphens >= _MIN_HYPHENS and hyphens * 15 >= len(words)):
        return None
    lines = _dehyphenated(_without_pages(lines, _furniture(lines, running)))
    blocks = _blocks(lines)
    if not blocks:
        return None
    front = _front(blocks)
    head, blocks = front if front else ("", blocks)
    out: list[str] = [head] if head else []
    in_references = False
    for block in blocks:
        for part in _unglued(block, in_references):
            if len(part) == 1 and _is_heading(part[0]):
                in_references = bool(_REFERENCES.match(part[0]))
                out.append(part[0])
            elif in_references and _ENTRY.match(part[0]):
                out += _entries(part)
            elif _KEYWORDS.match(part[0]) and out and not _is_heading(out[-1]) and out[-1] is not head:
                out[-1] = f"{out[-1]}\n{_prose(part)}"  # the abstract's keywords, under it
            else:
                out.append(_prose(part))
    return "\n\n".join(out) + "\n"
