"""What on a text page is the site's, not the article's: furniture lines and blocks a browser
copies along (menus and breadcrumbs above the title, "Share this article", a comment form,
"Tags: ..."), an encyclopedia's "[edit]" links, footnote marks and "^ " notes, and the headings
that open a page's References or Comments section."""

from __future__ import annotations

import re

from .bylines import DATE_LINE, post_byline
from .layout import SENTENCE_END, TextBlock, section_name
from .markup import HEADING_JOIN, md_heading

REFERENCES_HEAD = re.compile(
    r"^(?:(?:journal |full )?references?|sources?|further reading|bibliography|works cited|"
    r"citations?|literature|notes and references|read more)$", re.I)
COMMENTS_HEAD = re.compile(
    r"^(?:(?:(?:readers?'?|your|user|visitor)s?'?\s+)?(?:comments?|responses?|replies|"
    r"discussion)(?:\s*[(\[]\d+[)\]]|\s*:\s*\d+)?|what (?:readers|you|others) (?:say|said|think)|"
    r"join the (?:discussion|conversation)|\d+\s+(?:comments?|responses?|replies|thoughts?)\b.*)$",
    re.I)
FURNITURE = re.compile(
    r"^(?:more like this|related|related posts|related articles|related stories|share|share this|"
    r"share this post|leave a reply|leave a comment|post a comment|reply|tags?|you may also like|"
    r"advertisement|subscribe|newsletter|permalink|read next|up next|add new comment|"
    r"log ?in or register to post comments|log ?in to post comments|read more|"
    r"from [\w .'\-]{1,40}, the free encyclopedia)$", re.I)


# An encyclopedia copied from the browser: a heading's "[edit]" link ("History[edit]"), a
# footnote's mark in a sentence ("... in 1871.[4][5]", "[a]", "[citation needed]", Markdown's
# "[^1]"), and a "References" or "Notes" list of "^ " lines ("^ a b Hartley, J. (1998) ...":
# the caret and the letters linking back to each use) or of Markdown's "[^1]: ..." notes.
EDIT_LINK = re.compile(r"(?<![ \t])[ \t]*\[edit(?: source)?\][ \t]*$", re.M | re.I)
FOOTNOTE_MARK = re.compile(r"(?:(?<=[\w.,;:!?)%\u201d\u2019])|(?<=[^\s,]\"))"
                           r"(?:\[(?:\d{1,3}|[a-z]|(?:note|nb|n) ?\d{1,3}|\^[^\[\]\s]{1,30}|"
                           r"[a-z][a-z ]{1,30} needed|(?:who|when|where|which|why)\?)\])+")
_NOTE = re.compile(r"^\s*(?:\^(?:\s*jump up(?: to)?:?)?(?:\s+a(?:\s+[a-z]{1,2})+(?=\s))?|"
                   r"\[\^[^\[\]\s]{1,30}\]:)\s*", re.I)


# A report's numbered notes under "Footnotes", "Endnotes" or "Notes": "[1] Letter from ...".
_NOTES_HEAD = re.compile(r"^(?:foot|end)?notes$", re.I)
_NUMBERED_NOTE = re.compile(r"^\s*\[\d{1,3}\]\s+(?=\S)")


def footnotes(block: TextBlock, heading: str | None = None) -> list[str] | None:
    """The notes of a block of "^ " lines or of Markdown's "[^1]: ..." (their indented lines
    going on), under its heading if it has one, without their marks; or of "[1] ..." lines
    under a "Footnotes", "Endnotes" or "Notes" heading (the block's first line, or the
    ``heading`` it is under); None for any other block."""
    lines = list(block.lines)
    note = _NOTE
    inner = heading.rsplit(HEADING_JOIN, 1)[-1] if heading else ""  # "Report > Notes": "Notes"
    if _NOTES_HEAD.match(section_name(lines[0])) or inner and _NOTES_HEAD.match(section_name(inner)):
        note = re.compile(f"{_NOTE.pattern}|{_NUMBERED_NOTE.pattern}", re.I)
    if not note.match(lines[0]) and len(lines[0].split()) <= 4 and not SENTENCE_END.search(lines[0]):
        lines = lines[1:]  # "References", "Notes"
    if not lines or not note.match(lines[0]) or not all(
            note.match(line) or line[:1].isspace() for line in lines):
        return None
    notes: list[str] = []
    for line in lines:
        if note.match(line):
            notes.append(note.sub("", line, count=1))
        else:
            notes[-1] = f"{notes[-1]} {line.strip()}"
    return [note for note in notes if note]


# A page copied from a browser carries its furniture as blocks of lines: a heading, then
# its items ("Share this article" / "Facebook" / "X"; "Related stories" / three headlines).
_LIST_HEAD = re.compile(
    r"^(?:share(?: this)?(?: article| post| story| page)?|related(?: stories| posts| articles| "
    r"content| reading| links)?|most (?:read|popular|viewed|shared|commented)|more stories|"
    r"more from [\w' ]{1,40}|top stories|trending(?: now)?|you (?:may|might) also like|"
    r"recommended(?: for you| reading)?|read next|up next|categories|tags|popular posts|"
    r"recent posts|archives?|follow us|elsewhere|contents|table of contents|on this page|"
    r"in this (?:article|guide|section|page)|see also|external links)\s*:?$", re.I)
_COPYRIGHT = re.compile(r"^(?:\u00a9|\(c\)\s|copyright\b)", re.I)
_FIELD_LINE = re.compile(r"^(?:categories|category|tags|tagged|filed under|posted in|labels)\s*:",
                         re.I)
# ... and the comment form under the comments (WordPress's words)
_FORM_PHRASE = re.compile(
    r"leave a (?:reply|comment)|cancel reply|your email address will not be published|"
    r"required fields are marked|(?:^|\s)(?:comment|name|email|website|url)\s*\*?\s*$|"
    r"^(?:comment|name|email|website|url)\b\s*\*|save my name,? email,? and website in this "
    r"browser for the next time I comment|post comment|submit comment|notify me of (?:follow-up "
    r"comments|new posts) by email|you must be logged in to post a comment|"
    # a page's feedback box (GOV.UK's "Is this page useful? Yes No")
    r"(?:is this page useful|was this (?:page|article|answer) (?:helpful|useful))\?(?:\s*yes\s*no)?|"
    r"report a problem with this page|"
    # a newsletter's link under an item: "Read more: https://example.org/news/compost"
    r"^(?:read more|more info(?:rmation)?|find out more|full story|details)\s*:?\s*"
    r"(?:https?://|www\.)\S+$", re.I)


def page_furniture(block: TextBlock) -> bool:
    """A block of the page's furniture as a browser copies it: a comment form's lines, a
    copyright line, "Categories: ..." / "Tags: ..." lines, or a heading such as "Share this
    article" or "Related stories" with its short items under it. A block with no letters
    (a rule: "* * *", "###") is furniture, but a Markdown heading of digits is a heading: a
    release's "## 2.4.0", a diary's "## 2025-01-27"."""
    lines = [line.strip() for line in block.lines]
    head = md_heading(lines[0])
    if not (head and re.search(r"[^\W_]", head)) and all(
            not re.search(r"[^\W\d_]", _FORM_PHRASE.sub("", line)) for line in lines):
        return True
    if _COPYRIGHT.match(lines[0]) or all(_FIELD_LINE.match(line) for line in lines):
        return True
    return len(lines) > 1 and bool(_LIST_HEAD.match(lines[0])) and all(
        len(line.split()) <= 12 for line in lines[1:])


# A page copied from a browser (select all, copy) opens with the site's furniture before the
# title: "Skip to content", a menu ("Home", "News | Sport | Weather"), a search box, a label.
_CHROME_LINE = re.compile(
    r"^(?:skip to (?:main )?(?:content|navigation)|(?:main )?menu|search|sign in|log ?in|"
    r"register|subscribe|sign up|home|close|accessibility links|advertisement|cookies? settings|"
    r"for immediate release|press release|news release|breaking news)\W*$", re.I)
_MENU_LINE = re.compile(r"^[^|\u00b7\u2022]{1,40}(?:\s[|\u00b7\u2022]\s[^|\u00b7\u2022]{1,40}){2,}$")
# A breadcrumb trail: "Homes \u203a Ask the Surveyor", "Home \u00bb News \u00bb Local", "Home > News > Local".
_BREADCRUMB = re.compile(r"^[^\u203a\u00bb>]{1,40}(?:\s[\u203a\u00bb]\s[^\u203a\u00bb>]{1,40})+$"
                         r"|^[^>]{1,40}(?:\s>\s[^>]{1,40}){2,}$")
_CHROME_SCAN = 12  # blocks: furniture above the title is short


_MENU_ITEM = re.compile(r"[^\W\d_][^\d|\u00b7\u2022]{0,39}")
_MENU_ITEM_WORDS = 4


def menu_line(line: str) -> bool:
    """A line of a site's links, as a browser copies a menu, a footer's or a podcast's "listen
    on" row: three or more short items of words without figures, set apart by "|", "\u00b7" or
    "\u2022" ("Home | Episodes | About | Support the show"). A line of facts so set apart
    ("Prep 10 min \u00b7 Cook 40 min \u00b7 Serves 4") is not one."""
    items = re.split(r"\s[|\u00b7\u2022]\s", line.strip())
    return len(items) >= 3 and all(
        _MENU_ITEM.fullmatch(item.strip()) and len(item.split()) <= _MENU_ITEM_WORDS for item in items)


def _chrome(line: str) -> bool:
    line = line.strip()
    return bool(_CHROME_LINE.match(line) or _MENU_LINE.match(line) or _BREADCRUMB.match(line))


def _is_menu(block: TextBlock) -> bool:
    """A block of three or more short lines that end like no sentence: a site's menu."""
    return len(block.lines) >= 3 and all(
        len(line.split()) <= 3 and not SENTENCE_END.search(line.strip()) for line in block.lines)


def without_chrome(blocks: list[TextBlock]) -> list[TextBlock]:
    """``blocks`` from the article's title on, for a page copied with the site's furniture
    above it. The title is the line above the post's byline ("By Helen Marsh", "Posted on
    ... by Marion Keel") when only short lines come before it (a site's name and tagline)
    and some of them are furniture (``_CHROME_LINE``, a menu line "News | Sport", a block of
    a menu's short lines); else, the first line that is no furniture. A file that opens with
    its title is unchanged."""
    lines = [(b, k) for b, block in enumerate(blocks[:_CHROME_SCAN])
             for k in range(len(block.lines))]
    for n, (b, k) in enumerate(lines):
        if n >= 2 and post_byline(blocks[b].lines[k].strip()):
            # the title: the line above the byline, or above its date ("March 3, 2021" /
            # "by Ann Lee")
            t = n - 1
            while t > 0 and DATE_LINE.match(blocks[lines[t][0]].lines[lines[t][1]].strip()):
                t -= 1
            tb, tk = lines[t]
            title = blocks[tb].lines[tk].strip()
            before = [blocks[x].lines[y] for x, y in lines[:t]]
            furniture = any(_chrome(line) for line in before) or any(
                _is_menu(block) for block in blocks[:tb])
            if furniture and not title.endswith(".") and all(
                    _chrome(line) or len(line.split()) <= 8 and not COMMENTS_HEAD.match(line)
                    and not line.rstrip().endswith((".", "!", "?")) for line in before):
                return _from(blocks, tb, tk)
            break
    for b, block in enumerate(blocks[:_CHROME_SCAN]):
        if _is_menu(block) and b + 1 < len(blocks):
            continue
        for k, line in enumerate(block.lines):
            if not _chrome(line):
                return _from(blocks, b, k) if (b, k) != (0, 0) else blocks
    return blocks


def _from(blocks: list[TextBlock], b: int, k: int) -> list[TextBlock]:
    head = blocks[b]
    first = TextBlock(head.lines[k:], head.line + k) if k else head
    return [first, *blocks[b + 1 :]]
