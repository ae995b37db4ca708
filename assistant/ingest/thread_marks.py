"""What a discussion page's markup says that its text does not: who submitted a story and
when, whose channel a video is, which reply is the accepted solution, which comment is dead,
and which lines are the site's chrome (a topic's stats, a bar of menu links).

Link aggregators (Hacker News, Lobsters), forums (Discourse) and video pages print these as
short lines and class names around the posts. Each rule needs the shape whole, so an
ordinary article, blog or forum page reads as before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from lxml.html import HtmlElement

from .bylines import COMMENT_DATE_LINE, name_or_handle
from .declared import ld_name, ld_objects
from .dom import clean_text, iter_elements, parse_date, text_of, words
from .stamps import full_date, is_tiny_date

# A topic's stats, one a list item: "412 views", "9 likes", "created Feb 24", "last reply 1d".
_COUNT = re.compile(r"^[\d.,]+\s?[KkM]?\s+(?:views?|likes?|repl(?:y|ies)|users?|posts?|comments?|"
                    r"links?|participants?|members?|votes?|points?|shares?|reads?|answers?|"
                    r"subscribers?|followers?|watchers?|stars?|forks?)$", re.I)
_STAMP_LABEL = re.compile(r"^(?:created|started|posted|last (?:reply|post|activity|visit)|"
                          r"activity|updated)\s+(?P<date>.+)$", re.I)


def _spaced_text(el: HtmlElement) -> str:
    """An element's text with its pieces spaced ("<h4>created</h4><span>Feb 24</span>")."""
    return clean_text(" ".join(el.itertext()))


def _is_stat(text: str) -> bool:
    if _COUNT.match(text):
        return True
    m = _STAMP_LABEL.match(text)
    return m is not None and (is_tiny_date(m["date"]) or parse_date(m["date"]) is not None
                              or bool(COMMENT_DATE_LINE.match(m["date"])))


def is_stats_list(el: HtmlElement) -> bool:
    """A list whose every item (two or more) is a count or a labelled date: a forum topic's
    stats ("created Feb 24", "5 replies", "412 views"), the site's, not the post's."""
    if el.tag not in ("ul", "ol"):
        return False
    items = [c for c in el if isinstance(c.tag, str)]
    return len(items) >= 2 and all(c.tag == "li" and _is_stat(_spaced_text(c)) for c in items)


# A count standing alone: "14", "1 / 7", "2 Replies", "3 comments"; short (and so never a
# long text for the pattern to try at every split).
_COUNT_CHARS = 40
_ONLY_COUNT = re.compile(r"^[\d\s/.,+]*\d[\d\s/.,+]*[KkM]?(?:\s*(?:repl(?:y|ies)|comments?|posts?|"
                         r"answers?|responses?))?$", re.I)


def only_counts(el: HtmlElement) -> bool:
    """A box that prints only a count (a topic list's "replies" cell, "14"; a timeline's
    position, "1 / 7"; a button's "2 Replies"; a ``<span>`` or a list item alike): named for
    comments, it holds none."""
    text = text_of(el)
    return len(text) <= _COUNT_CHARS and bool(_ONLY_COUNT.match(text))


_BAR_SEPARATORS = re.compile(r"^[\s|\u00b7\u2022]*$")


def is_link_bar(el: HtmlElement) -> bool:
    """A bar of four or more links with only separators between them ("new | past | ask |
    show"; the site's name in bold may open it): a site's menu, whatever its markup."""
    if el.tag in ("a", "html", "body"):
        return False
    kids = [c for c in el if isinstance(c.tag, str)]
    links = [c for c in kids if c.tag == "a" or len(c) == 1 and c[0].tag == "a"
             and not (c.text or "").strip() and not (c[0].tail or "").strip()]
    loose = [el.text or "", *(c.tail or "" for c in el)]
    return len(links) >= 4 and len(links) == len(kids) \
        and all(_BAR_SEPARATORS.match(t) for t in loose) and "|" in "".join(loose)


# A story's submitter line: "123 points by halvorsen 5 hours ago | hide | past | 48 comments".
_SUBMITTED = re.compile(r"^(?:(?P<score>\d[\d,]*\s+points?)\s+)?by\s+(?P<who>\S+)\s+"
                        r"(?P<when>[^|]+?)\s*(?P<rest>\|.*)?$", re.I)
# Old Reddit's: "submitted 5 hours ago by hollowoak_bees UK, 1st year to r/Beekeeping" (the
# submitter's flair between the handle and "to").
_SUBMITTED_TO = re.compile(r"^submitted\s+(?P<when>.{1,40}?)\s+by\s+(?P<who>\S+)(?P<score>)"
                           r"(?P<rest>(?:\s.{0,60})?\s+to\s+/?r/\S+)$", re.I)
_SUBMITTER_WORDS = frozenset({"hnuser", "user", "author", "username", "u-author"})


# New Reddit's: "Posted by u/platform3_regular 5 hr. ago" (the label, the handle's link and
# the time's link side by side).
_POSTED_BY = re.compile(r"^posted\s+by\s+(?P<who>\S+)\s+(?P<when>\S.{0,39})$", re.I)


@dataclass(frozen=True)
class Submitted:
    """A story's submitter line: its element, who submitted it and when (the full date), and
    the line as printed when it is the post's byline ("Posted by u/NAME 5 hr. ago")."""

    line: HtmlElement
    author: str
    date: str
    printed: str | None = None


def submitted(root: HtmlElement, skip: set[Any]) -> Submitted | None:
    """The line under a link aggregator's story that says who submitted it and when: a
    score or a bar of links beside "by HANDLE TIME" (old Reddit's "submitted TIME by HANDLE
    to r/SUB"), the handle in an element marked as the
    user, the time's element keeping the full date ("5 hours ago", titled 2025-03-04)."""
    for el in iter_elements(root):
        if el in skip or not any(" by " in f" {t} " for t in (el.text, *(c.tail for c in el)) if t):
            continue  # "by" is this element's own text, not only a child's
        text = text_of(el)
        m = (_SUBMITTED.match(text) or _SUBMITTED_TO.match(name_text(el))) \
            if len(text) <= 200 else None  # (the handle without its flair)
        if m is None or not (m["score"] or m["rest"]):
            continue
        users = [u for u in el.iter("a", "span") if words(u) & _SUBMITTER_WORDS
                 and text_of(u) == m["who"]]
        stamps = [t for t in iter_elements(el) if t is not el and text_of(t) == m["when"]]
        when = next((d for d in map(full_date, stamps) if d), None)
        who = name_or_handle(m["who"])
        if users and who and when:
            return Submitted(el, who, when)
    return _posted_by(root, skip)


def _posted_by_boxes(root: HtmlElement) -> list[HtmlElement]:
    """The elements that may print a "Posted by ..." line whole: each one holding the words
    "Posted by" as its own text, and the few around it (the label may be a box of its own)."""
    out: list[HtmlElement] = []
    for el in iter_elements(root):
        if "posted by" in (el.text or "").lower():
            out += [a for a in (el, *el.iterancestors())[:4] if a not in out]
    return out


def _posted_by(root: HtmlElement, skip: set[Any]) -> Submitted | None:
    """A post's line "Posted by HANDLE TIME" (new Reddit's "Posted by u/NAME 5 hr. ago"), the
    innermost element printing it whole, its handle in an element marked as the post's author
    and its time's element keeping the full date: who posted it, when, and the line."""
    for el in _posted_by_boxes(root):
        text = _spaced_text(el)  # "Posted by" and the handle may sit in separate boxes
        m = _POSTED_BY.match(text) if el not in skip and len(text) <= 120 else None
        if m is None or any(isinstance(c.tag, str) and _POSTED_BY.match(_spaced_text(c))
                            for c in el):
            continue
        users = [u for u in el.iter("a", "span") if words(u) & _SUBMITTER_WORDS
                 and text_of(u) == m["who"]]
        stamps = [t for t in iter_elements(el) if t is not el and text_of(t) == m["when"]]
        when = next((d for d in map(full_date, stamps) if d), None)
        who = name_or_handle(re.sub(r"^/?u/", "", m["who"]))
        if users and who and when:
            return Submitted(el, who, when, text)
    return None


_CHANNEL_WORDS = frozenset({"channel-name", "owner-name", "uploader-name"})


def channel_name(root: HtmlElement, skip: set[Any]) -> str | None:
    """The name of the channel a video page is on (YouTube's ``#channel-name`` under the
    video), outside the comments: who made the video when nothing else names its author."""
    for el in iter_elements(root):
        if el in skip or not words(el) & _CHANNEL_WORDS:
            continue
        name = name_or_handle(next((clean_text(t) for t in el.itertext() if clean_text(t)), ""))
        if name:
            return name
    return None


ACCEPTED = "accepted solution"
# A Q&A page's answers (Stack Exchange's ``div.answer``, schema.org ``Answer``), told apart
# from the comments under them and from the question's comments.
ANSWER, ACCEPTED_ANSWER = "answer", "accepted answer"
_ACCEPTED_WORDS = frozenset({"accepted-answer", "accepted-solution", "answer-accepted",
                             "solution-accepted", "is-accepted"})
# schema.org's properties holding a question's answers
ANSWER_PROPS = frozenset({"acceptedAnswer", "suggestedAnswer"})
# Yahoo Answers' "Best answer" box (``#ya-best-answer``, ``.BestAnswer__container``): the
# accepted one
_BEST = re.compile(r"(?:^|[-_])best[-_]?answer(?:$|[-_])", re.I)


def _best_answer(el: HtmlElement) -> bool:
    return any(_BEST.search(n) for n in f"{el.get('class') or ''} {el.get('id') or ''}".split())


def is_answer_box(el: HtmlElement) -> bool:
    """A Q&A page's answer (Stack Exchange's ``div.answer``, a schema.org ``Answer``, a
    "Best answer" box)."""
    return "answer" in (el.get("class") or "").lower().split() \
        or el.get("itemprop") in ANSWER_PROPS or _best_answer(el) \
        or (el.get("itemtype") or "").rstrip("/").endswith("schema.org/Answer")


def comment_mark(item: HtmlElement, up_to: HtmlElement | None = None,
                 owner: tuple[HtmlElement, set[Any]] | None = None) -> str | None:
    """How the page marks a reply: "accepted solution" for the thread's answer (Discourse's
    ``accepted-answer`` on it or on its box, schema.org's ``acceptedAnswer``); on a Q&A page
    "answer" for an answer (``div.answer``, a schema.org ``Answer``), "accepted answer" for
    the accepted one; else None. ``up_to``: the region its boxes are inside; ``owner``: the
    reply's anchor and every reply's: a box around the item is the reply's too while the reply
    comes first in it (Stack Exchange marks ``div.answer``, which also holds the comments
    under the answer, whose own marks these are not)."""
    accepted = answer = False
    for el in (item, *item.iterancestors()):
        if el is up_to or el.tag in ("body", "html"):
            break
        if el is not item and owner is not None \
                and next((d for d in el.iter() if d in owner[1]), None) is not owner[0]:
            break
        accepted = accepted or bool(words(el) & _ACCEPTED_WORDS) \
            or el.get("itemprop") == "acceptedAnswer" or _best_answer(el)
        answer = answer or is_answer_box(el)
    if answer:
        return ACCEPTED_ANSWER if accepted else ANSWER
    return ACCEPTED if accepted else None


# Discourse's tab over a reply naming the post it answers: its label "in reply to post #3 by
# @mo_adeyemi", its text the handle beside the avatar.
_REPLY_TAB = re.compile(r"^in reply to\b.*\bby @?(?P<who>\S+)$", re.I)


def replying_to(item: HtmlElement) -> list[str]:
    """Who the post a reply answers is by, as the tab the forum prints over the reply says it
    (Discourse's ``a.reply-to-tab``): the handle in its label, then the name it shows; []
    without a tab."""
    for el in iter_elements(item):
        if "reply-to-tab" not in words(el):
            continue
        said = [clean_text(el.get(a) or "") for a in ("aria-label", "title")]
        found = [m["who"] for m in map(_REPLY_TAB.match, said) if m][:1]
        shown = clean_text(text_of(el)).removeprefix("@")
        names = [name_or_handle(n) for n in (*found, shown)]
        return [n for n in names if n and n.casefold() != "reply"]
    return []


# A quote's attribution as forums print it over the quoted words: phpBB's "<cite>old_stoker
# wrote:</cite>", XenForo's "hollis_m said:", vBulletin's "Originally Posted by hollis_m",
# "Quote from hollis_m".
_QUOTE_CITE = re.compile(r"^(?:(?:originally\s+)?posted\s+by|quote\s+from|quoting)\s+(?P<by>\S+)"
                         r"|^(?P<who>\S+(?:\s+\S+){0,2}?)\s+(?:wrote|said|says|posted)\b", re.I)


def _cited_writer(quote: HtmlElement) -> str | None:
    """Who a forum's quote box names as the quoted post's writer: its ``data-author`` (XenForo)
    or the attribution line it opens with (a ``<cite>``: "old_stoker wrote:")."""
    said = name_or_handle(clean_text(quote.get("data-author") or ""))
    if said:
        return said
    cite = next((c for c in quote.iter("cite")), None)
    m = _QUOTE_CITE.match(text_of(cite)) if cite is not None and len(text_of(cite)) <= 120 else None
    return name_or_handle((m["by"] or m["who"]).rstrip(":")) if m else None


def quoted_writer(item: HtmlElement) -> list[str]:
    """Whose post a reply quotes (Discourse's ``aside.quote`` with ``data-username``, a forum's
    ``<blockquote>`` whose ``<cite>`` says "old_stoker wrote:"; the first one not inside
    another quote): a reply to that writer, when no tab says otherwise."""
    for el in iter_elements(item):
        outer = not any("quote" in words(a) or a.tag == "blockquote" for a in el.iterancestors())
        who = name_or_handle(clean_text(el.get("data-username") or ""))
        if who and "quote" in words(el) and outer:
            return [who]
        cited = _cited_writer(el) if el.tag == "blockquote" and outer else None
        if cited:
            return [cited]
    return []


@dataclass(frozen=True)
class DeclaredAnswer:
    """The accepted answer a Q&A page declares to search engines (JSON-LD ``acceptedAnswer``,
    as Discourse's crawler view does): its writer and how its text opens (the declared text
    may be cut short)."""

    author: str
    opening: str

    def is_of(self, author: str, text: str) -> bool:
        return author == self.author and clean_text(text).startswith(self.opening)


def declared_answer(root: HtmlElement) -> DeclaredAnswer | None:
    """The accepted answer the page's JSON-LD declares, else None."""
    for obj in ld_objects(root):
        answer = obj.get("acceptedAnswer")
        if not isinstance(answer, dict):
            continue
        name = ld_name(answer.get("author"))
        text = answer.get("text")
        opening = clean_text(text).rstrip(".\u2026 ")[:60] if isinstance(text, str) else ""
        if name and opening:
            return DeclaredAnswer(name, opening)
    return None


_DEAD_WORDS = frozenset({"dead", "cdd", "flagged"})
_DEAD_TAG = re.compile(r"\[(?:dead|flagged)\]", re.I)


def is_dead(item: HtmlElement, anchor: HtmlElement) -> bool:
    """A comment the site has killed or flagged (Hacker News' "[flagged] [dead]" beside the
    date, its text classed ``cdd``): hidden from readers, not the discussion's words."""
    header = anchor.getparent()
    said = text_of(header) if header is not None else ""
    return bool(len(said) <= 200 and _DEAD_TAG.search(said)) \
        or any(words(el) & _DEAD_WORDS for el in iter_elements(item))


# Discourse's words where a post was: "(post withdrawn by author, will be automatically
# deleted in 24 hours unless flagged)", "(post deleted by author)".
_WITHDRAWN = re.compile(r"^\(post (?:withdrawn|deleted|hidden) by [^)]*\)$", re.I)
_DELETED_WORDS = frozenset({"deleted", "post-deleted", "is-deleted"})


def is_withdrawn(item: HtmlElement, anchor: HtmlElement, text: str) -> bool:
    """A post its writer withdrew or a moderator deleted (Discourse's ``article.deleted``,
    its text only the notice saying so): no longer the thread's words."""
    boxes = [anchor, *anchor.iterancestors()]
    boxes = boxes[:boxes.index(item) + 1] if item in boxes else [item]
    return bool(_WITHDRAWN.match(text)) or any(words(el) & _DELETED_WORDS for el in boxes)


# A user card's standing printed beside the name: Stack Exchange's ``div.-flair`` (a
# reputation, "18.9k", and badge counts), Reddit's ``span.flair`` and karma.
_FLAIR_CLASSES = frozenset({"-flair", "flair", "user-flair", "reputation-score", "reputation",
                            "badgecount", "userkarma", "karma"})
_DELETED_CLASSES = frozenset({"deleted", "deleted-answer", "deleted-comment", "is-deleted",
                              "comment-deleted", "post-deleted"})
_DELETED_TEXT = frozenset({"[deleted]", "[removed]"})
# The notice a site prints where a comment was: new Reddit's "Comment deleted by user",
# "Comment removed by moderator", "Removed by Reddit"; "This comment has been deleted."
_DELETED_NOTICE = re.compile(r"^[\[(]?(?:(?:this\s+)?(?:comment|post|reply|message)\s+"
                             r"(?:has\s+been\s+|was\s+)?)?(?:deleted|removed)"
                             r"(?:\s+by\s+(?:the\s+)?[\w ]{1,30}?)?[.\])]?$", re.I)
# How a reply under a deleted comment names whom it answers.
DELETED_COMMENT = "a deleted comment"


def _classes(el: HtmlElement) -> set[str]:
    return set((el.get("class") or "").lower().split())


def name_text(el: HtmlElement) -> str:
    """An author element's text without its card's reputation, badges and flair ("quickfix"
    and "11" are two things, not "quickfix11")."""
    def text(node: HtmlElement) -> str:
        parts = [node.text or ""]
        for child in node:
            if isinstance(child.tag, str) and not _classes(child) & _FLAIR_CLASSES:
                parts.append(" " + text(child) + " " if child.tag not in ("a", "span", "b",
                                                                          "strong") else text(child))
            parts.append(child.tail or "")
        return "".join(parts)
    return clean_text(text(el))


def is_deleted(item: HtmlElement, anchor: HtmlElement, up_to: HtmlElement | None,
               anchors: set[Any], text: str) -> bool:
    """A reply the site deleted, shown greyed or as "[deleted]" (Reddit's
    ``div.thing.comment.deleted``, Stack Exchange's ``div.answer.deleted-answer``): its box,
    the first reply inside it this one, is classed deleted, or its text is only "[deleted]".
    Replies nested in a deleted comment's box stand."""
    if text.strip() in _DELETED_TEXT or _DELETED_NOTICE.match(text.strip()):
        return True
    for el in (item, *item.iterancestors()):
        if el.tag in ("body", "html") or el is not item and next(
                (d for d in el.iter() if d in anchors), None) is not anchor:
            break
        if _classes(el) & _DELETED_CLASSES:
            return True
        if el is up_to:  # (a region may be the comment's own box: Reddit's div.comment)
            break
    return False
