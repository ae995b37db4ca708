"""Bylines, dates and signatures: the line patterns that say who wrote a post or a comment
and when ("By Ann Lee | 5 May 2025", "Priya Nair on 3 March 2021:", "2 days ago"), and the
helpers that read them, which the HTML readers (``dom``, ``comments``, ``extract``) share with
the text reader."""

from __future__ import annotations

import re
import unicodedata

from .layout import SENTENCE_END
from .markup import unemphasised

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
DATE_LINE = re.compile(rf"^(?:on\s+)?(?P<date>{_WEEKDAY}{DATE}){_TIME}\s*$")
# What the piece is, then its date, under the title: "Episode 12 \u00b7 14 March 2025",
# "Issue 31 | 2 May 2025" (not an update's date).
_ISSUE_LINE = re.compile(rf"^(?!(?:last\s+)?(?:updated|revised|reviewed)\b)(?P<what>[A-Z][^.!?\n]{{0,40}}?)"
                         rf"\s+[\u00b7|\u2022\u2013\u2014]\s+(?P<date>{_WEEKDAY}{DATE}){_TIME}\s*$", re.I)
# ... or a label and a date after a comma, as a notebook's write-up prints it in italics:
# "Notebook write-up, 22 September 2024" (not who wrote it: "Prepared by Ann Lee, 2 May 2025").
_LABEL_LINE = re.compile(rf"^(?!(?:last\s+)?(?:updated|revised|reviewed)\b)(?![^\n]*\bby\s)"
                         rf"(?P<what>[A-Z][^.!?,\n]{{0,40}}?),\s+(?P<date>{_WEEKDAY}{DATE}){_TIME}\s*$", re.I)
# When the page was last changed, under its title ("Last updated 14 January 2025", GOV.UK's
# guidance; "Updated: 2 May 2025"): a byline that names no author and does not date the post.
_UPDATED_LINE = re.compile(rf"^(?:page\s+)?(?:last\s+)?(?:updated|revised|reviewed)(?:\s+on)?"
                           rf"\s*[:\u00b7|\u2013\u2014-]?\s*{_WEEKDAY}{DATE}{_TIME}\.?\s*$", re.I)
COMMENT_DATE_LINE = re.compile(rf"^(?:on\s+)?(?P<date>{_COMMENT_DATE}){_TIME}\s*$")
YEAR_DATE = re.compile(rf"{_WEEKDAY}{DATE}")
# A news or press release's dateline opening its first paragraph: "OXFORD, 3 March 2025 — A".
DATELINE = re.compile(rf"^[A-Z][\w.'\-]*(?:\s[A-Z][\w.'\-]*){{0,3}}(?:,\s[A-Z][\w.'\-]*){{0,2}},\s+"
                      rf"(?P<date>{_WEEKDAY}{DATE})\s*(?:\u2014|\u2013|--?)\s")
# Blogger's footer under the post: "Posted by Ann Lee at 9:12 AM".
POST_FOOTER = re.compile(rf"^Posted\s+by\s+{_NAME}(?:\s+at\s+\d{{1,2}}[:.]\d{{2}}\s*(?:[ap]\.?m\.?)?)?"
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
COMMENT_HEADERS = tuple(re.compile(rf"^{s}\s*:?\s*$") for s in _SIGNATURES)
# ... or opening its first line, its text after the colon ("Ines Marlow, 3 February 2025:
# Great tips.", "Ann Lee (4 March 2021): ...", "Bob says: ...").
_INLINE_HEADERS = tuple(re.compile(rf"^{s}\s*:\s+(?P<text>\S.*)$") for s in _SIGNATURES)
# A reply's header says it is one: no Comments heading is needed for the replies to begin there.
REPLY_HEADERS = (COMMENT_HEADERS[-1], _INLINE_HEADERS[-1])
# ... or signed at the end of its last line, with a date: "Great news! -- Bob Lane, 6 May 2025".
_TRAILING_BYLINE = re.compile(
    rf"^(?P<text>.*\S)\s+(?:\u2014|\u2013|--)\s*{_NAME}{_SEP}(?P<date>{_COMMENT_DATE}){_TIME}\s*$")
# A report's: "Prepared by Ann Lee, 14 February 2025", "Prepared for the Parish Council by Ann
# Lee", "Compiled by Ann Lee", "Prepared by Ann Lee, Secretary, for the AGM on 18 January 2025"
# (dated by the meeting it is for), "Prepared by Ann Lee, Secretary · last updated 3 May 2025"
# (an update's date, not when it was written: the line stays its byline, undated).
_REPORT_BYLINE = re.compile(rf"^(?:Prepared|Compiled)(?:\s+for\s+[^\n]{{1,80}}?)?\s+by\s+{_NAME}"
                            r"(?:,?\s+for\s+(?:the|an?|our)\s+[^\n,]{1,60}?(?=\s+on\s))?"
                            rf"(?:{_SEP}(?:(?P<updated>(?:last\s+)?(?:updated|revised|reviewed)):?\s*"
                            rf"(?:on\s+)?)?(?P<date>{_WEEKDAY}{DATE}){_TIME})?\s*\.?$")
# How long the piece takes, printed after its date: a podcast episode's "\u00b7 41 min", an
# article's "| 5 min read", "\u2022 1 hr 12 min".
_LENGTH = (r"(?:\s*[|\u00b7\u2022\u2013\u2014-]\s*(?:\d{1,2}\s*(?:h|hrs?|hours?)\.?\s*)?"
           r"(?:\d{1,3}\s*(?:m|mins?|minutes?)\.?)?(?:\s*\d{1,2}\s*(?:s|secs?|seconds?))?"
           r"(?<=[a-z.])(?:\s+(?:read|listen|watch))?)")
# The post's own byline under the title.
POST_BYLINES = (
    *_COMMENT_BYLINES[:1],
    re.compile(rf"^(?:Posted|Published|Written|Submitted|Words|Story|Text|Report|Reporting|"
               rf"Interview|Interviewed)\s+by\s+{_NAME}(?:{_SEP}(?P<date>{_WEEKDAY}{DATE}){_TIME})?\s*$"),
    _REPORT_BYLINE,
    re.compile(rf"^(?:Posted|Published|Updated)(?:\s+on)?\s+(?P<date>{_WEEKDAY}{DATE}){_TIME}"
               rf"(?:\s*,?\s*by\s+{_NAME})?{_LENGTH}?\s*$"),
    # what the piece is, then who wrote it: "A beginner's guide by Tomasz Wierzbicki, updated
    # 3 February 2025" (a date said to be an update's is not when the post was published)
    re.compile(rf"^(?:An?|The)\s+[\w'\u2019\- ]{{1,40}}?\s+by\s+{_NAME}(?:{_SEP}(?:(?P<updated>"
               rf"(?:last\s+)?(?:updated|revised|reviewed))|published|posted)?:?\s*(?:on\s+)?"
               rf"(?P<date>{_WEEKDAY}{DATE}){_TIME})?\s*$"),
)
# A speech's header: "Remarks by Cllr Ann Lee, Leader of the Council", "Transcript of remarks by
# NAME", "Speech by NAME, 3 March 2025" (the occasion and the day may follow on lines of their
# own: ``title_block``).
SPEECH_BYLINE = re.compile(
    rf"^(?i:(?:a\s+)?transcript\s+of\s+(?:the\s+)?)?(?i:(?:opening|closing|welcome|keynote)\s+)?"
    rf"(?i:remarks|speech|address|statement|lecture)(?:\s+(?:delivered|given|made))?\s+by\s+"
    rf"{_NAME}(?:{_SEP}(?P<date>{_WEEKDAY}{DATE}){_TIME})?\s*$")
# The dated bylines a handle may sign: a comment's "By ..." and "Posted by ...", a forum post's
# "Posted by dustbunny_77 on 3 February 2024", and a reply's header.
_HANDLE_BYLINES = (_COMMENT_BYLINES[0], _COMMENT_BYLINES[2], POST_BYLINES[1], *REPLY_HEADERS)
# "The fair moves -- Saturday, 3 May 2025": a day or a month is not who signed.
_CALENDAR_WORD = re.compile(rf"^(?:{_MONTH}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Today|Tomorrow|"
                            r"Yesterday)$", re.I)
_PARTICLES = frozenset("de da di van von der den del la le du bin al el st. mc".split())


def name_ok(name: str) -> bool:
    """A person's name as bylines print it: 1-6 words, each capitalised, an initial or a
    particle ("de", "van")."""
    words = name.replace("\u2026", " ").split()
    if not 1 <= len(words) <= 6 or len(name) > 60:
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in _PARTICLES for w in words)


# Outlook's and directories' "Surname, First" ("Okafor, Chidi", "van Dijk, Anna M."): the
# sender's name as people say it is "First Surname".
_SURNAME_FIRST = re.compile(r"(?P<last>(?:(?:de|van|von|der|den|la|le|du|da|di)\s+)*[A-Z][\w'\u2019-]+)"
                            r",\s*(?P<first>[A-Z][\w'\u2019-]*\.?(?:\s+[A-Z][\w'\u2019-]*\.?)?)")


def sender_name(name: str) -> str:
    """A sender's display name as people say it: "Okafor, Chidi" is "Chidi Okafor"; any other
    name as it is ("Harrowfield Parish Council", "Ann Lee")."""
    m = _SURNAME_FIRST.fullmatch(name.strip())
    return f"{m['first']} {m['last']}" if m else name


def clean_name(name: str) -> str:
    """Bylines truncate long names with an ellipsis: the name is what precedes it; a
    numbered comment's number ("1. Maria Chen") is not part of it, nor are the emoji a
    display name wears on either side ("Sunniva Dahl \u2614", "\U0001f33f Ana Reyes")."""
    name = re.sub(r"^\d{1,3}[.)]\s+", "", _unadorned(name.strip()))
    return re.sub(r"(?<!\s)\s*(?:\u2026|\.\.\.)$", "", name).strip().rstrip(",")


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
    return name if name and (name_ok(name) or HANDLE.fullmatch(name)) else None


# A job title after a byline's name: "Head of Customer Support", "Local Democracy Reporter".
_ROLE = re.compile(r"[A-Za-z][A-Za-z&'\u2019\- ]{1,60}")


def match_byline(line: str, patterns: tuple[re.Pattern[str], ...]) -> tuple[str | None, str | None] | None:
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
            if role and name_ok(head) and _ROLE.fullmatch(role) and (
                    not name_ok(name) or pattern is _REPORT_BYLINE and len(head.split()) >= 2):
                # "Posted by Anika Varga, Head of Customer Support · 9 October 2024",
                # "Prepared by Gwen Hale, Secretary, 12 January 2025"
                name = head
            if not name_ok(name) and not (date and pattern in _HANDLE_BYLINES
                                          and HANDLE.fullmatch(name)):
                continue
        if name or date:
            return name, date
    return None


def post_byline(line: str) -> tuple[str, str | None] | None:
    """(author, date) when ``line`` is a post's byline that names its author ("Posted by Gwen
    Hale on 3 March 2023", "By Ann Lee | 5 May 2025")."""
    found = match_byline(line, POST_BYLINES)
    return (found[0], found[1]) if found and found[0] else None


def is_comment_date(text: str) -> bool:
    """``text`` is only a comment's date: "Jun 4", "2 days ago", "March 4, 2021 at 9:12 am"."""
    return bool(COMMENT_DATE_LINE.match(text.strip()))


def comment_byline(line: str) -> tuple[str | None, str | None] | None:
    return match_byline(line, _COMMENT_BYLINES)


def signed_inline(first: str, last: str) -> tuple[str, str | None, str | None, str] | None:
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
            if (name_ok(name) or pattern in _HANDLE_BYLINES and HANDLE.fullmatch(name)) \
                    and not _CALENDAR_WORD.match(name) and any(w[0].isalpha() for w in name.split()):
                return where, name, m.groupdict().get("date"), m["text"]
    return None


def byline_under_title(lines: list[str]) -> tuple[str | None, str | None, int]:
    """(author, date, how many of ``lines`` they take) for the post's byline under the title."""
    if not lines:
        return None, None, 0
    first = match_byline(lines[0], POST_BYLINES)
    dated = DATE_LINE.match(lines[0])
    second = lines[1] if len(lines) > 1 else ""
    if first:
        author, date = first
        if date is None and (m := DATE_LINE.match(second)):
            return author, m["date"], 2  # "By Ann Lee" / "March 3, 2021"
        third = lines[2] if len(lines) > 2 else ""
        if date is None and (m := DATE_LINE.match(third)) and len(second.split()) <= 6 \
                and not SENTENCE_END.search(second):
            return author, m["date"], 3  # "By Helen Marsh" / "Local Democracy Reporter" / date
        return author, date, 1
    if dated:
        after = match_byline(second, POST_BYLINES) if second else None
        if after and after[0] and after[1] is None:
            return after[0], dated["date"], 2  # "March 3, 2021" / "by Ann Lee"
        return None, dated["date"], 1
    if issue := _ISSUE_LINE.match(plain := unemphasised(lines[0].strip())) or _LABEL_LINE.match(plain):
        return None, issue["date"], 1
    if _UPDATED_LINE.match(unemphasised(lines[0].strip())):
        return None, None, 1
    return None, None, 0
