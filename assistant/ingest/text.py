"""The text layout of an article (``docs/article-format.md``) -> ``Page``.

Blocks are separated by blank lines. The first line is the title; a byline may follow it;
then paragraphs, Markdown or plain headings, captions, references and reader comments, each
comment optionally followed by its byline. The bundled article's layout (an image caption
printed twice under the title, a citation line, "More like this", then comments with
"By NAME (not verified) on DATE #permalink") is a case of it and reads the same way.
"""

from __future__ import annotations

import logging
import re
import unicodedata

from ..errors import CorpusError
from .layout import (
    FENCE,
    PERSONAL,
    SENTENCE_END,
    TextBlock,
    plain_heading,
    section_name,
    split_blocks,
    tab_cells,
    undouble,
    unwrap,
)
from .mail import Message, split_thread
from .markup import (
    HTML_COMMENT,
    HTML_IMAGE,
    LINK_TARGET,
    MD_IMAGE,
    QUOTED,
    TABLE_RULE,
    atx_headings,
    markdown_text,
    md_heading,
    unemphasised,
)
from .page import CAPTION, COMMENT, PARAGRAPH, REFERENCE, Block, Page, with_replies

log = logging.getLogger(__name__)

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
DATE = (rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
        rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
        rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}|{_MONTH}\s+\d{{4}})")
# A comment's date may be printed without its year ("Jun 4", "4 June at 9:12") or relative
# to when the page was seen ("2 days ago", "yesterday"); a post's date needs its year.
_NO_YEAR = (rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH})"
            r"(?![\d,]*\s*\d{4})"
            r"|(?:\d{1,3}|an?|one)\s+(?:second|sec|minute|min|hour|hr|day|week|wk|month|mo|year|yr)s?"
            r"\.?\s+ago|\d{1,3}\s?(?:s|m|h|d|w|mo|y)\s+ago"  # "4 hr. ago", Reddit's "5h ago"
            r"|[Yy]esterday|[Jj]ust\s+now")
# A weekday before a byline's date: "Submitted by X on Tue, 09/04/2019 - 10:23".
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_TIME = r"(?:,?\s*(?:at\s+|-\s*)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?"
_SEP = r"(?:\s+on\s+|\s*[,|\u00b7\u2022]\s*|\s+[-\u2013\u2014]\s+)"
_NAME = r"(?P<name>[^\n]{1,80}?)"
_COMMENT_DATE = rf"{_WEEKDAY}(?:{DATE}|{_NO_YEAR})"
_NOT_VERIFIED = r"(?:\s*\(not verified\))?"
_SAYS = r"(?:says|said|wrote)(?:\.\.\.|\u2026)?"  # Blogger prints "Anonymous said..."
# A line that is only a date: "March 4, 2021 at 9:12 am" under "Paul says:" or under a title.
_DATE_LINE = re.compile(rf"^(?:on\s+)?(?P<date>{_WEEKDAY}{DATE}){_TIME}\s*$")
# What the piece is, then its date, under the title: "Episode 12 \u00b7 14 March 2025",
# "Issue 31 | 2 May 2025" (not an update's date).
_ISSUE_LINE = re.compile(rf"^(?!(?:last\s+)?(?:updated|revised|reviewed)\b)(?P<what>[A-Z][^.!?\n]{{0,40}}?)"
                         rf"\s+[\u00b7|\u2022\u2013\u2014]\s+(?P<date>{_WEEKDAY}{DATE}){_TIME}\s*$", re.I)
# When the page was last changed, under its title ("Last updated 14 January 2025", GOV.UK's
# guidance; "Updated: 2 May 2025"): a byline that names no author and does not date the post.
_UPDATED_LINE = re.compile(rf"^(?:page\s+)?(?:last\s+)?(?:updated|revised|reviewed)(?:\s+on)?"
                           rf"\s*[:\u00b7|\u2013\u2014-]?\s*{_WEEKDAY}{DATE}{_TIME}\.?\s*$", re.I)
_COMMENT_DATE_LINE = re.compile(rf"^(?:on\s+)?(?P<date>{_COMMENT_DATE}){_TIME}\s*$")
_YEAR_DATE = re.compile(rf"{_WEEKDAY}{DATE}")
# A news or press release's dateline opening its first paragraph: "OXFORD, 3 March 2025 — A".
_DATELINE = re.compile(rf"^[A-Z][\w.'\-]*(?:\s[A-Z][\w.'\-]*){{0,3}}(?:,\s[A-Z][\w.'\-]*){{0,2}},\s+"
                       rf"(?P<date>{_WEEKDAY}{DATE})\s*(?:\u2014|\u2013|--?)\s")
# Blogger's footer under the post: "Posted by Ann Lee at 9:12 AM".
_POST_FOOTER = re.compile(rf"^Posted\s+by\s+{_NAME}(?:\s+at\s+\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?)?"
                          rf"(?:{_SEP}(?P<date>{_WEEKDAY}{DATE}){_TIME})?\s*$", re.I)

# Bylines under a comment ("By NAME (not verified) on DATE #permalink", "— NAME, DATE").
_COMMENT_BYLINES = (
    re.compile(rf"^(?i:by)\s+{_NAME}{_NOT_VERIFIED}(?:{_SEP}(?P<date>{_COMMENT_DATE}){_TIME})?\s*(?:#permalink)?\s*$"),
    re.compile(rf"^(?:\u2014|\u2013|--|-)\s*{_NAME}(?:{_SEP}(?P<date>{_COMMENT_DATE}){_TIME})?\s*$"),
    re.compile(rf"^(?:Posted|Written|Submitted)\s+by\s+{_NAME}{_NOT_VERIFIED}(?:{_SEP}(?P<date>{_COMMENT_DATE}){_TIME})?\s*$"),
)
# A handle in place of a name ("dean", "eric.lund", "MrsK_1990"): a dated byline may be
# signed with one (``_HANDLE_BYLINES``, below).
HANDLE = re.compile(r"[\w][\w.\-]{1,29}")
# How a comment is signed above its text: "Ann Lee says", "Priya Nair on 3 March 2021",
# "Ann Lee (4 March 2021)", and last a forum's "Reply from old_Pete, 11 February 2024:" (which a
# handle may sign).
_SIGNATURES = (
    rf"{_NAME}\s+{_SAYS}(?:\s+on\s+(?P<date>{_COMMENT_DATE}){_TIME})?",
    rf"{_NAME}{_SEP}(?P<date>{_COMMENT_DATE}){_TIME}",
    rf"{_NAME}\s*\((?P<date>{_COMMENT_DATE}){_TIME}\)",
    rf"(?:Reply|Response|Answer|Comment)\s+(?:from|by)\s+{_NAME}{_SEP}(?P<date>{_COMMENT_DATE}){_TIME}",
)
# ... on a line of its own ("Priya Nair on 3 March 2021:", "Ann Lee says:")
_COMMENT_HEADERS = tuple(re.compile(rf"^{s}\s*:?\s*$") for s in _SIGNATURES)
# ... or opening its first line, its text after the colon ("Ines Marlow, 3 February 2025:
# Great tips.", "Ann Lee (4 March 2021): ...", "Bob says: ...").
_INLINE_HEADERS = tuple(re.compile(rf"^{s}\s*:\s+(?P<text>\S.*)$") for s in _SIGNATURES)
# A reply's header says it is one: no Comments heading is needed for the replies to begin there.
_REPLY_HEADERS = (_COMMENT_HEADERS[-1], _INLINE_HEADERS[-1])
# ... or signed at the end of its last line, with a date: "Great news! -- Bob Lane, 6 May 2025".
_TRAILING_BYLINE = re.compile(
    rf"^(?P<text>.*\S)\s+(?:\u2014|\u2013|--)\s*{_NAME}{_SEP}(?P<date>{_COMMENT_DATE}){_TIME}\s*$")
# The post's own byline under the title.
_POST_BYLINES = (
    *_COMMENT_BYLINES[:1],
    re.compile(rf"^(?:Posted|Published|Written|Submitted|Words|Story|Text|Report|Reporting|"
               rf"Interview|Interviewed)\s+by\s+{_NAME}(?:{_SEP}(?P<date>{_WEEKDAY}{DATE}){_TIME})?\s*$"),
    re.compile(rf"^(?:Posted|Published|Updated)(?:\s+on)?\s+(?P<date>{_WEEKDAY}{DATE}){_TIME}"
               rf"(?:\s*,?\s*by\s+{_NAME})?\s*$"),
    # what the piece is, then who wrote it: "A beginner's guide by Tomasz Wierzbicki, updated
    # 3 February 2025" (a date said to be an update's is not when the post was published)
    re.compile(rf"^(?:An?|The)\s+[\w'\u2019\- ]{{1,40}}?\s+by\s+{_NAME}(?:{_SEP}(?:(?P<updated>"
               rf"(?:last\s+)?(?:updated|revised|reviewed))|published|posted)?:?\s*(?:on\s+)?"
               rf"(?P<date>{_WEEKDAY}{DATE}){_TIME})?\s*$"),
)
# The dated bylines a handle may sign: a comment's "By ..." and "Posted by ...", a forum post's
# "Posted by dustbunny_77 on 3 February 2024", and a reply's header.
_HANDLE_BYLINES = (_COMMENT_BYLINES[0], _COMMENT_BYLINES[2], _POST_BYLINES[1], *_REPLY_HEADERS)
# "The fair moves -- Saturday, 3 May 2025": a day or a month is not who signed.
_CALENDAR_WORD = re.compile(rf"^(?:{_MONTH}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Today|Tomorrow|"
                            r"Yesterday)$", re.I)
_PARTICLES = frozenset("de da di van von der den del la le du bin al el st. mc".split())

_CAPTION = re.compile(
    r"^(?:Figure|Fig\.|Image|Photo|Photograph|Picture|Caption|Illustration|Chart|Diagram)"
    r"(?:\s+\d+[a-z]?)?\s*[:.\u2013\u2014-]\s+\S")
# A citation: authors as "Surname AB," ... then a period, or APA "Surname, A. B., ... (2020)",
# or any block carrying a DOI.
REFERENCE_LIKE = re.compile(
    r"^(?:[A-Z][\w'\-]+ [A-Z]{1,3}, )*[A-Z][\w'\-]+ [A-Z]{1,3}(?:\.| et al\.) "
    r"|^[A-Z][\w'\-]+, (?:[A-Z]\.\s?)+.*\(\d{4}\)"
    r"|\bdoi:\s*10\.|\bdoi\.org/10\.")

_REFERENCES_HEAD = re.compile(
    r"^(?:(?:journal |full )?references?|sources?|further reading|bibliography|works cited|"
    r"citations?|literature|notes and references|read more)$", re.I)
_COMMENTS_HEAD = re.compile(
    r"^(?:(?:(?:readers?'?|your|user|visitor)s?'?\s+)?(?:comments?|responses?|replies|"
    r"discussion)(?:\s*[(\[]\d+[)\]]|\s*:\s*\d+)?|what (?:readers|you|others) (?:say|said|think)|"
    r"join the (?:discussion|conversation)|\d+\s+(?:comments?|responses?|replies|thoughts?)\b.*)$",
    re.I)
_FURNITURE = re.compile(
    r"^(?:more like this|related|related posts|related articles|related stories|share|share this|"
    r"share this post|leave a reply|leave a comment|post a comment|reply|tags?|you may also like|"
    r"advertisement|subscribe|newsletter|permalink|read next|up next|add new comment|"
    r"log ?in or register to post comments|log ?in to post comments|read more|"
    r"from [\w .'\-]{1,40}, the free encyclopedia)$", re.I)


# An encyclopedia copied from the browser: a heading's "[edit]" link ("History[edit]"), a
# footnote's mark in a sentence ("... in 1871.[4][5]", "[a]", "[citation needed]", Markdown's
# "[^1]"), and a "References" or "Notes" list of "^ " lines ("^ a b Hartley, J. (1998) ...":
# the caret and the letters linking back to each use) or of Markdown's "[^1]: ..." notes.
_EDIT_LINK = re.compile(r"[ \t]*\[edit(?: source)?\][ \t]*$", re.M | re.I)
_FOOTNOTE_MARK = re.compile(r"(?:(?<=[\w.,;:!?)%\u201d\u2019])|(?<=[^\s,]\"))"
                            r"(?:\[(?:\d{1,3}|[a-z]|(?:note|nb|n) ?\d{1,3}|\^[^\[\]\s]{1,30}|"
                            r"[a-z][a-z ]{1,30} needed|(?:who|when|where|which|why)\?)\])+")
_NOTE = re.compile(r"^\s*(?:\^(?:\s*jump up(?: to)?:?)?(?:\s+a(?:\s+[a-z]{1,2})+(?=\s))?|"
                   r"\[\^[^\[\]\s]{1,30}\]:)\s*", re.I)


def _notes(block: TextBlock) -> list[str] | None:
    """The notes of a block of "^ " lines or of Markdown's "[^1]: ..." (their indented lines
    going on), under its heading if it has one, without their marks; None for any other
    block."""
    lines = list(block.lines)
    if not _NOTE.match(lines[0]) and len(lines[0].split()) <= 4 and not SENTENCE_END.search(lines[0]):
        lines = lines[1:]  # "References", "Notes"
    if not lines or not _NOTE.match(lines[0]) or not all(
            _NOTE.match(line) or line[:1].isspace() for line in lines):
        return None
    notes: list[str] = []
    for line in lines:
        if _NOTE.match(line):
            notes.append(_NOTE.sub("", line))
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


def _page_furniture(block: TextBlock) -> bool:
    """A block of the page's furniture as a browser copies it: a comment form's lines, a
    copyright line, "Categories: ..." / "Tags: ..." lines, or a heading such as "Share this
    article" or "Related stories" with its short items under it."""
    lines = [line.strip() for line in block.lines]
    if all(not re.search(r"[^\W\d_]", _FORM_PHRASE.sub("", line)) for line in lines):
        return True
    if _COPYRIGHT.match(lines[0]) or all(_FIELD_LINE.match(line) for line in lines):
        return True
    return len(lines) > 1 and bool(_LIST_HEAD.match(lines[0])) and all(
        len(line.split()) <= 12 for line in lines[1:])


def _name_ok(name: str) -> bool:
    """A person's name as bylines print it: 1-6 words, each capitalised, an initial or a
    particle ("de", "van")."""
    words = name.replace("\u2026", " ").split()
    if not 1 <= len(words) <= 6 or len(name) > 60:
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _PARTICLES for w in words)


def clean_name(name: str) -> str:
    """Bylines truncate long names with an ellipsis: the name is what precedes it; a
    numbered comment's number ("1. Maria Chen") is not part of it, nor are the emoji a
    display name wears on either side ("Sunniva Dahl \u2614", "\U0001f33f Ana Reyes")."""
    name = re.sub(r"^\d{1,3}[.)]\s+", "", _unadorned(name.strip()))
    return re.sub(r"\s*(?:\u2026|\.\.\.)$", "", name).strip().rstrip(",")


def _is_adornment(char: str) -> bool:
    """An emoji or a symbol, or what joins and styles them (ZWJ, variation selectors)."""
    return unicodedata.category(char) in ("So", "Sk", "Cf") or char in "\ufe0e\ufe0f"


def _unadorned(name: str) -> str:
    start, end = 0, len(name)
    while start < end and (_is_adornment(name[start]) or name[start].isspace()):
        start += 1
    while end > start and (_is_adornment(name[end - 1]) or name[end - 1].isspace()):
        end -= 1
    return name[start:end]


def name_or_handle(text: str) -> str | None:
    """``text`` as whoever signed something: a person's name or a handle ("breadhead_92"),
    cleaned; None when it is neither."""
    name = clean_name(text)
    return name if name and (_name_ok(name) or HANDLE.fullmatch(name)) else None


# A job title after a byline's name: "Head of Customer Support", "Local Democracy Reporter".
_ROLE = re.compile(r"[A-Za-z][A-Za-z&'\u2019\- ]{1,60}")


def _match_byline(line: str, patterns: tuple[re.Pattern[str], ...]) -> tuple[str | None, str | None] | None:
    """(author, date) when ``line`` is a byline of one of ``patterns`` (Markdown emphasis
    aside: "*By Ana Reyes | 5 May 2025*", "— **Carla Diaz**, 7 May 2025")."""
    line = unemphasised(line.strip())
    for pattern in patterns:
        m = pattern.match(line)
        if not m:
            continue
        name = m.groupdict().get("name")
        date = None if m.groupdict().get("updated") else m.groupdict().get("date")
        if name is not None:
            name = clean_name(name)
            head, _, role = name.partition(", ")
            if not _name_ok(name) and role and _name_ok(head) and _ROLE.fullmatch(role):
                name = head  # "Posted by Anika Varga, Head of Customer Support · 9 October 2024"
            if not _name_ok(name) and not (date and pattern in _HANDLE_BYLINES
                                           and HANDLE.fullmatch(name)):
                continue
        if name or date:
            return name, date
    return None


def post_byline(line: str) -> tuple[str, str | None] | None:
    """(author, date) when ``line`` is a post's byline that names its author ("Posted by Gwen
    Hale on 3 March 2023", "By Ann Lee | 5 May 2025")."""
    found = _match_byline(line, _POST_BYLINES)
    return (found[0], found[1]) if found and found[0] else None


def is_comment_date(text: str) -> bool:
    """``text`` is only a comment's date: "Jun 4", "2 days ago", "March 4, 2021 at 9:12 am"."""
    return bool(_COMMENT_DATE_LINE.match(text.strip()))


def comment_byline(line: str) -> tuple[str | None, str | None] | None:
    return _match_byline(line, _COMMENT_BYLINES)


def _signed_inline(first: str, last: str) -> tuple[str, str | None, str | None, str] | None:
    """A comment that signs itself inside its text: ("head", author, date, text) when its
    first line opens with a signature and a colon ("Ines Marlow, 3 February 2025: Great
    tips."), or ("tail", ...) when its last line ends with a dash, a name and a date ("Great
    news! -- Bob Lane, 6 May 2025"); ``text`` is that line without the signature."""
    for where, line, patterns in (("head", first, _INLINE_HEADERS), ("tail", last, (_TRAILING_BYLINE,))):
        plain = unemphasised(line.strip())
        for pattern in patterns:
            m = pattern.match(plain)
            if not m:
                continue
            name = clean_name(m["name"])
            if (_name_ok(name) or pattern in _HANDLE_BYLINES and HANDLE.fullmatch(name)) \
                    and not _CALENDAR_WORD.match(name) and any(w[0].isalpha() for w in name.split()):
                return where, name, m.groupdict().get("date"), m["text"]
    return None


# A "key: value" line of a Markdown file's front matter ("---" ... "---") or of a header block
# atop a text file ("Title: ...", "Author: ...", "Date: ...").
_FIELD = re.compile(r"^(?P<key>[A-Za-z][\w -]{0,30}?)\s*:\s*(?P<value>.*?)\s*$")
_FIELD_KEYS = {"title": "title", "author": "author", "authors": "author", "by": "author",
               "written by": "author", "date": "date", "published": "date", "posted": "date",
               "created": "date", "subject": "title", "from": "author"}  # an e-mail's header too
# "Mon, 6 Jan 2025 08:30:12 +0000" (an e-mail's date): the day as printed
_MAIL_DATE = re.compile(r"^((?:[A-Z][a-z]{2},\s+)?\d{1,2}\s+[A-Z][a-z]{2}\s+\d{4})\s+\d{1,2}:\d{2}"
                        r"(?::\d{2})?(?:\s+(?:[+-]\d{4}|[A-Z]{2,4}))?(?:\s+\([^)]*\))?$")


# A reply's or a forward's subject: "Re: Re: Roof survey", "Fwd: ...", "AW: ...".
_REPLY_PREFIX = re.compile(r"^(?:(?:re|fwd?|aw|sv|wg|tr)(?:\[\d+\])?\s*:\s*)+", re.I)


def _field_value(value: str) -> str:
    value = value.strip().strip("[]").strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?", value):
        value = value[:10]  # "2025-02-02T10:00:00Z": the day
    if m := _MAIL_DATE.match(value):
        value = m[1]
    # "Riverside Birders <news@example.org>": the name, not the address
    return re.sub(r"\s*<[^<>@\s]+@[^<>\s]+>$", "", value) or value


def _metadata(blocks: list[TextBlock]) -> tuple[dict[str, str], list[TextBlock]]:
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
                fields[key] = _REPLY_PREFIX.sub("", fields[key]) or fields[key]
            if m["key"].strip().lower() == "from":
                fields["sender"] = fields[key]  # an e-mail's sender, maybe an organisation
    names = [n.strip().strip("\"'") for n in re.split(r"[;,]", fields.get("author", ""))]
    if len(names) > 1 and all(_name_ok(n) and len(n.split()) > 1 for n in names):
        fields["author"] = ", ".join(names[:-1]) + " and " + names[-1]  # "[A B, C D]"
    if first.lines[0].strip() != "---" and "title" not in fields:
        return {}, blocks  # "Note: ..." / "Warning: ...": text, not a header
    rest = blocks[1:]
    if after:
        rest.insert(0, TextBlock(after, first.line + len(first.lines) - len(after)))
    if fields.get("title") and not (rest and md_heading(rest[0].lines[0])):
        rest.insert(0, TextBlock((fields["title"],), first.line))
    return fields, rest or blocks


def _signature(blocks: list[TextBlock], writer: str | None = None) -> tuple[str | None, list[TextBlock]]:
    """An e-mail's signature, the last block when it opens with the "--" line that marks one
    (RFC 3676) and its lines are short ("Hannah Whitlock" / "Newsletter editor" / an address,
    a phone number, how to unsubscribe), is never the article's text: the name on its first
    line when it is a person's, and the blocks without it. So is a sign-off under a closing
    line (``_signed_off``), or a last block of a few short lines opening with the ``writer``'s
    name or first name ("Lucy" / "(Tower Captain)")."""
    last = blocks[-1]
    if len(blocks) >= 3 and _signed_off(blocks[-2], last):
        return clean_name(last.lines[0].strip()), blocks[:-2]
    if len(blocks) >= 2 and len(last.lines) >= 2 and _signed_off(
            TextBlock(last.lines[:1], last.line), TextBlock(last.lines[1:], last.line + 1), first_name=True):
        name = last.lines[1].strip()  # "Best," / "Harriet": a first name signs no byline
        return (name if len(name.split()) > 1 else None), blocks[:-1]
    if len(blocks) >= 2 and writer and _by_writer(last, writer):
        return None, blocks[:-1]
    if len(blocks) < 2 or len(last.lines) < 2 or last.lines[0].rstrip() != "--" \
            or any(len(line.split()) > 14 for line in last.lines[1:]):
        return None, blocks
    return signer_name(last.lines[1]), blocks[:-1]


def signer_name(line: str) -> str | None:
    """The person's name on a signature's first line, when it is one."""
    name = clean_name(line.strip())
    return name if _name_ok(name) and len(name.split()) > 1 else None


# A letter's or a newsletter's closing line: "Happy digging,", "Best wishes,", "Yours,".
_CLOSING = re.compile(r"^[A-Z][\w'\u2019]*(?: [\w'\u2019]+){0,3},$")


def _signed_off(closing: TextBlock, last: TextBlock, first_name: bool = False) -> bool:
    """The text ends with a closing line alone in its block, then the writer's name and a few
    short lines (a role, an address): "Happy digging," / "Helen Ostrowska" / "Newsletter
    editor, ...". The name, when it is a person's, signed it; in an e-mail (``first_name``)
    the closing line and a first name may share a block ("Best," / "Harriet")."""
    name = last.lines[0].strip()
    return (len(closing.lines) == 1 and bool(_CLOSING.match(closing.lines[0].strip()))
            and len(last.lines) <= 4 and clean_name(name) == name and _name_ok(name)
            and (len(name.split()) > 1 or first_name)
            and all(len(line.split()) <= 14 for line in last.lines))


def _by_writer(block: TextBlock, writer: str) -> bool:
    """A block of up to four short lines opening with the writer's name or first name."""
    first = block.lines[0].strip().rstrip(",")
    return first in (writer, writer.split()[0]) and len(block.lines) <= 4 \
        and all(len(line.split()) <= 8 for line in block.lines)


# What a mail app adds under a message: "Sent from my iPhone", "Get Outlook for Android".
_SENT_FROM = re.compile(r"^(?:Sent from my|Sent from Mail for|Get Outlook for)\b", re.I)


def _message_text(message: Message) -> str:
    """An earlier message of an e-mail thread as a comment's text: its paragraphs, unwrapped,
    a line each, without its sign-off, its signature ("Margaret" / "Margaret Oduya" / "Chair,
    ..."; "Tomasz" / "Plot 22, site rep") and the line its mail app adds."""
    blocks = [b for b in split_blocks("\n".join(message.lines))
              if not (len(b.lines) == 1 and _SENT_FROM.match(b.lines[0].strip()))]
    for _ in range(3):  # a sign-off, then a signature block under it
        if not blocks:
            break
        _, fewer = _signature(blocks, message.author)
        if len(fewer) == len(blocks):
            break
        blocks = fewer
    return "\n".join(unwrap(b.text) for b in blocks)


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


def _chrome(line: str) -> bool:
    line = line.strip()
    return bool(_CHROME_LINE.match(line) or _MENU_LINE.match(line) or _BREADCRUMB.match(line))


def _is_menu(block: TextBlock) -> bool:
    """A block of three or more short lines that end like no sentence: a site's menu."""
    return len(block.lines) >= 3 and all(
        len(line.split()) <= 3 and not SENTENCE_END.search(line.strip()) for line in block.lines)


def _without_chrome(blocks: list[TextBlock]) -> list[TextBlock]:
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
            while t > 0 and _DATE_LINE.match(blocks[lines[t][0]].lines[lines[t][1]].strip()):
                t -= 1
            tb, tk = lines[t]
            title = blocks[tb].lines[tk].strip()
            before = [blocks[x].lines[y] for x, y in lines[:t]]
            furniture = any(_chrome(line) for line in before) or any(
                _is_menu(block) for block in blocks[:tb])
            if furniture and not title.endswith(".") and all(
                    _chrome(line) or len(line.split()) <= 8 and not _COMMENTS_HEAD.match(line)
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


def _leading_lines(blocks: list[TextBlock]) -> list[str]:
    """The first lines under the title: up to three of its first block, or the first lines
    of its first two one-line blocks."""
    if not blocks:
        return []
    if len(blocks[0].lines) > 1 or len(blocks) == 1 or len(blocks[1].lines) > 1:
        return list(blocks[0].lines[:3])
    return [blocks[0].lines[0], blocks[1].lines[0]]


def _post_byline(lines: list[str]) -> tuple[str | None, str | None, int]:
    """(author, date, how many of ``lines`` they take) for the post's byline under the title."""
    if not lines:
        return None, None, 0
    first = _match_byline(lines[0], _POST_BYLINES)
    dated = _DATE_LINE.match(lines[0])
    second = lines[1] if len(lines) > 1 else ""
    if first:
        author, date = first
        if date is None and (m := _DATE_LINE.match(second)):
            return author, m["date"], 2  # "By Ann Lee" / "March 3, 2021"
        third = lines[2] if len(lines) > 2 else ""
        if date is None and (m := _DATE_LINE.match(third)) and len(second.split()) <= 6 \
                and not SENTENCE_END.search(second):
            return author, m["date"], 3  # "By Helen Marsh" / "Local Democracy Reporter" / date
        return author, date, 1
    if dated:
        after = _match_byline(second, _POST_BYLINES) if second else None
        if after and after[0] and after[1] is None:
            return after[0], dated["date"], 2  # "March 3, 2021" / "by Ann Lee"
        return None, dated["date"], 1
    if issue := _ISSUE_LINE.match(unemphasised(lines[0].strip())):
        return None, issue["date"], 1
    if _UPDATED_LINE.match(unemphasised(lines[0].strip())):
        return None, None, 1
    return None, None, 0


def read_text_page(text: str, filename: str = "<article>", *, markdown: bool | None = None) -> Page:
    """Read an article in the text layout. ``markdown`` strips inline Markdown (links,
    emphasis, list markers); by default it is on when the title is a ``# `` heading.
    Errors name the file and line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    text = _EDIT_LINK.sub("", text)
    thread = split_thread(text)
    if thread:  # an e-mail thread: the newest message is the post, the earlier ones comments
        text = thread.newest
    if markdown is not False:
        # HTML in Markdown: a comment is not shown; an image is one
        text = HTML_COMMENT.sub(lambda m: "\n" * m[0].count("\n"), text)
        text = HTML_IMAGE.sub(lambda m: f"![{m['alt']}]({m['src'] or ''})", text)
    text = atx_headings(text)
    if markdown is not False:
        text = "\n".join(line for line in text.split("\n")
                         if not TABLE_RULE.match(line) and not LINK_TARGET.match(line))
    blocks = split_blocks(text)
    if not blocks:
        raise CorpusError(f"{filename}: line 1: the article is empty")
    if len(blocks) == 1 and len(blocks[0].lines) >= 3 and unwrap(blocks[0].text) == blocks[0].text:
        # no blank line anywhere, and not hard-wrapped: one paragraph (or heading, byline...) a
        # line, as a page copied into a text editor often is
        blocks = [TextBlock((line,), blocks[0].line + k) for k, line in enumerate(blocks[0].lines)]
    fields, blocks = _metadata(blocks)
    signer, blocks = _signature(blocks, fields.get("author"))
    if thread and thread.signer:
        signer = signer_name(thread.signer) or signer
    if not fields.get("title"):
        blocks = _without_chrome(blocks)
    first = blocks[0]
    title_line = first.lines[0]
    if markdown is None:
        markdown = md_heading(title_line) is not None
    title = (md_heading(title_line) or title_line).strip()
    if markdown:
        title = markdown_text(title)
    rest = list(blocks[1:])
    if len(first.lines) > 1:
        rest.insert(0, TextBlock(first.lines[1:], first.line + 1))

    def clean(s: str) -> str:
        if all(QUOTED.match(line) for line in s.split("\n")):
            s = QUOTED.sub("", s)  # a quote's hard-wrapped lines, unwrapped as one
        s = unwrap(tab_cells(s))
        return _FOOTNOTE_MARK.sub("", markdown_text(s) if markdown else s)

    # The post's byline: the first line under the title, with a date on the line next to it
    # ("March 3, 2021" / "by Ann Lee"), or a date alone.
    leading = [clean(line).strip() for line in _leading_lines(rest)]
    author, date, taken = _post_byline(leading)
    byline = "\n".join(leading[:taken]) or None
    author, date = author or fields.get("author"), date or fields.get("date")
    if signer and (author is None or author == fields.get("sender")):
        author = signer  # who signed the e-mail wrote it, whoever's address sent it
    for _ in range(taken):
        head = rest[0]
        rest = rest[1:] if len(head.lines) == 1 else [TextBlock(head.lines[1:], head.line + 1), *rest[1:]]
    if date is None and rest and (m := _DATELINE.match(rest[0].lines[0])):
        # "OXFORD, 3 March 2025 — A routine blood test ...": the dateline, as printed, is
        # the byline (not a "Published 3 March 2025" the page never prints)
        date = m["date"]
        byline = byline or m[0].rstrip(" \u2014\u2013-")

    has_comments_head = any(_COMMENTS_HEAD.match(section_name(b.lines[0])) for b in rest
                            if len(b.lines) == 1)
    out: list[Block] = []
    section = "body"
    heading: str | None = None
    comments: list[list] = []  # [text, author, date]

    # The bundled layout: the block right under the title that is printed twice, or a long
    # one that does not end like a sentence, is the image caption.
    if rest and not md_heading(rest[0].lines[0]) and not MD_IMAGE.match(rest[0].lines[0]) \
            and not _page_furniture(rest[0]):
        cand = rest[0].text
        doubled = undouble(cand) != cand
        # (a block that ends with a colon leads into what follows, and one that says "I" or
        # "you" is the writer talking: no caption does either)
        if doubled or (not SENTENCE_END.search(cand) and len(cand.split()) > 8
                       and not cand.rstrip().endswith((":", ";", ","))
                       and not PERSONAL.search(cand) and not REFERENCE_LIKE.search(cand)):
            out.append(Block(CAPTION, clean(undouble(cand))))
            rest = rest[1:]

    def last_reference_before_byline(at: int) -> bool:
        """No Comments heading: comments follow the last reference when a comment byline
        comes after it."""
        if has_comments_head:
            return False
        return any(comment_byline(b.lines[-1]) for b in rest[at + 1 :])

    # No Comments heading: a dated comment byline ("Submitted by X on DATE") signs the block
    # above it, so the readers' comments begin there, not in the post.
    comments_from = len(rest)
    if not has_comments_head:
        for j, b in enumerate(rest):
            dated = comment_byline(b.lines[-1])
            if dated and dated[1] and _YEAR_DATE.match(dated[1]):  # with its year
                above = rest[j - 1].text if j and len(b.lines) == 1 else None
                comments_from = j - 1 if above and not REFERENCE_LIKE.search(above) else j
                break
            if _match_byline(b.lines[0], _REPLY_HEADERS):  # "Reply from NAME, DATE:" above it
                comments_from = j
                break
        if comments_from == 0:  # the post is not all comments: nothing above to sign
            comments_from = len(rest)

    for i, block in enumerate(rest):
        following = rest[i + 1] if i + 1 < len(rest) else None
        first_line = block.lines[0]
        if i == comments_from and section in ("body", "references"):
            section = "comments"
        name = section_name(first_line) if len(block.lines) == 1 else ""
        md_head = md_heading(first_line)
        if len(block.lines) == 1 and (name and (_COMMENTS_HEAD.match(name) or md_head and
                                                _COMMENTS_HEAD.match(section_name(md_head)))):
            section = "comments"
            continue
        if len(block.lines) == 1 and name and (_REFERENCES_HEAD.match(name) or md_head and
                                               _REFERENCES_HEAD.match(section_name(md_head))):
            section = "references"
            continue
        if len(block.lines) == 1 and name and _FURNITURE.match(name):
            # The bundled page: readers' comments follow its "More like this" line.
            if name.lower() == "more like this" and not has_comments_head:
                section = "comments"
            continue
        if _page_furniture(block):
            continue
        if section == "comments":
            found = comment_byline(block.text) if len(block.lines) == 1 else None
            if found:
                if comments and comments[-1][1] is None and comments[-1][2] is None:
                    comments[-1][1:] = found
                else:
                    log.info("%s: line %d: a byline that follows no comment is skipped",
                             filename, block.line)
                continue
            # "Reply" under a comment's text is the page's button, not the reader's words
            lines = [line for line in block.lines if not _FURNITURE.match(section_name(line))] \
                if len(block.lines) > 1 else list(block.lines)
            if not lines:
                continue
            who: tuple[str | None, str | None] | None = None
            if len(lines) > 1:
                who = comment_byline(lines[-1])
                if who:
                    lines = lines[:-1]
                else:
                    who = _match_byline(lines[0], _COMMENT_HEADERS)
                    if who:
                        lines = lines[1:]
            elif following is not None and not comment_byline(following.text):
                header = _match_byline(lines[0], _COMMENT_HEADERS)
                if header:
                    # A header block above the comment's text: it signs the next block.
                    comments.append(["", *header])
                    continue
            if who is None and lines:
                signed = _signed_inline(lines[0], lines[-1])
                if signed:
                    where, signer, when, text = signed
                    who = (signer, when)
                    lines = [text, *lines[1:]] if where == "head" else [*lines[:-1], text]
            if len(lines) > 1:
                # a date on a line of its own: "Paul says:" / "March 4, 2021 at 9:12 am" / text,
                # or the text, then "4 March 2021 at 09:12"
                for at in (0, -1):
                    m = _COMMENT_DATE_LINE.match(clean(lines[at]).strip())
                    if m and not (who and who[1]):
                        who = (who[0] if who else None, m["date"])
                        del lines[at]
                        break
            body = clean("\n".join(lines))
            if comments and comments[-1][0] == "" and body:
                comments[-1][0] = body
            elif body:
                comments.append([body, *(who or (None, None))])
            continue
        notes = _notes(block)
        if notes:
            out += [Block(REFERENCE, clean(note)) for note in notes]
            continue
        if section == "references" and (md_head or not markdown and plain_heading(
                block, following) and not REFERENCE_LIKE.search(first_line)
                and not re.search(r"\d", first_line)):
            section = "body"  # a section after the references ("Notes", "About the author")
        if section == "references":
            for item in re.split(r"\n(?=\s*(?:[-*+]|\d+[.)])\s)", block.text):
                ref = clean(re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", item)) if markdown else item.strip()
                if ref:
                    out.append(Block(REFERENCE, ref))
            continue
        # The body of the post.
        if md_head:
            heading = clean(md_head)
            if len(block.lines) == 1:
                continue
            block = TextBlock(block.lines[1:], block.line + 1)
            first_line = block.lines[0]
        if FENCE.match(first_line):
            # code, as typed: its lines are not wrapped text, nor Markdown
            code = [line for line in block.lines[1:] if not FENCE.match(line)]
            if any(line.strip() for line in code):
                out.append(Block(PARAGRAPH, "\n".join(code).strip("\n"), heading))
            continue
        image = MD_IMAGE.match(first_line)
        if image:
            extra = clean("\n".join(block.lines[1:])) if len(block.lines) > 1 else ""
            caption = extra or image["alt"].strip()
            if caption:
                out.append(Block(CAPTION, caption))
            continue
        if _CAPTION.match(first_line):
            out.append(Block(CAPTION, clean(block.text)))
            continue
        if REFERENCE_LIKE.search(block.text) and len(block.lines) <= 3:
            out.append(Block(REFERENCE, clean(block.text)))
            if last_reference_before_byline(i):
                section = "comments"
            continue
        footer = _POST_FOOTER.match(clean(block.text).strip()) if len(block.lines) == 1 else None
        if footer and _name_ok(clean_name(footer["name"])):
            # Blogger signs the post under it: "Posted by Ann Lee at 9:12 AM"
            if author is None:
                author, date = clean_name(footer["name"]), date or footer["date"]
                byline = clean(block.text).strip()
            continue
        if not markdown and plain_heading(block, following):
            heading = first_line.strip()
            continue
        out.append(Block(PARAGRAPH, clean(block.text), heading))

    comments += [[_message_text(m), m.author, m.date] for m in thread.earlier] if thread else []
    out += [Block(COMMENT, body, heading=None, author=who, date=when)
            for body, who, when in comments if body]
    if not any(b.kind in (PARAGRAPH, COMMENT) for b in out):
        raise CorpusError(f"{filename}: line {first.line}: no paragraphs after the title "
                          f"{title!r}; see docs/article-format.md for the layout")
    return Page(title=title, blocks=with_replies(out), author=author, date=date, byline=byline)
