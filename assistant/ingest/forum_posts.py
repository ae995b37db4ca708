"""A forum thread's posts read from the page's structure (lxml): the opening post and the
replies, each signed by its author and dated when it was posted.

A thread prints its posts as sibling elements of one class ("post"), each with its author
(a name or a handle) and its date, together holding most of the page's text. The opening
post is the article; the replies are its comments (``comments.FoundComment``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from .bylines import name_or_handle
from .comments import FoundComment, body_text, date_text, is_author_el, is_date_el
from .dom import clean_text, iter_elements, text_of, words
from .thread_marks import (
    ACCEPTED,
    comment_mark,
    declared_answer,
    is_withdrawn,
    quoted_writer,
    replying_to,
)


@dataclass(frozen=True)
class Post:
    """One post of a forum thread: its element, who signed it, its date, and the elements
    that print the date and the name."""

    item: HtmlElement
    author: str
    date: str
    anchor: HtmlElement
    signer: HtmlElement


# A member's profile beside a post prints when they joined the forum, not when they posted:
# phpBB's "Joined: Tue Feb 17, 2026 6:22 pm", "Registered: ...", "Member since ...".
_JOINED = re.compile(r"^\W*(?:joined|registered|member since|join date|registration date)\b",
                     re.I)
_JOINED_WORDS = frozenset({"joined", "profile-joined", "regdate", "registered", "member-since",
                           "join-date", "joindate"})


def _joined(el: HtmlElement) -> bool:
    label = el.getprevious()
    return bool(_JOINED.match(text_of(el)) or words(el) & _JOINED_WORDS or (
        label is not None and isinstance(label.tag, str) and _JOINED.match(text_of(label))))


def _signed(item: HtmlElement) -> Post | None:
    """A thread post's signature: the first text of its author element ("mossbank_pots" of
    "mossbank_pots / Joined: 2019"), a name or a handle, and its date element (never the
    date its author joined the forum)."""
    dates = [el for el in iter_elements(item)
             if el is not item and is_date_el(el) and not _joined(el)]
    # the first author element that names someone: an avatar's link (Discourse's
    # "trigger-user-card main-avatar", holding only an <img>) names no one
    authors = [el for el in iter_elements(item) if el is not item and is_author_el(el)
               and any(clean_text(t) for t in el.itertext())]
    if not dates or not authors:
        return None
    name = name_or_handle(next((clean_text(t) for t in authors[0].itertext() if clean_text(t)), ""))
    if not name:
        return None
    when = date_text(dates[0])
    return Post(item, name, when, dates[0], authors[0]) if when else None


def thread_posts(root: HtmlElement) -> list[Post]:
    """A forum thread's posts, the opening one first: two or more sibling elements of one
    class, each signed with an author and a date, that hold most of the page's text (not a
    list of teasers beside an article); [] on other pages."""
    # a copy of the posts for browsers without JavaScript (Discourse's crawler view inside a
    # <noscript>) is not shown, and not counted
    hidden = {el for n in root.iter("noscript") for el in n.iter()}
    total = len(text_of(root)) - sum(len(text_of(n)) for n in root.iter("noscript")
                                     if not any(a.tag == "noscript" for a in n.iterancestors()))
    for parent in iter_elements(root):
        kids = [c for c in parent if isinstance(c.tag, str)]
        if len(kids) < 2 or parent in hidden:
            continue
        shared: dict[str, list[HtmlElement]] = {}
        for kid in kids:
            for w in words(kid):
                shared.setdefault(w, []).append(kid)
        # the class every post shares ("post"), not one that alternates ("bg1" / "bg2"),
        # whatever order the words come in
        for _, items in sorted(shared.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            if len(items) < 2 or sum(len(text_of(i)) for i in items) < total / 2:
                continue
            items = [i for i in items if not _notice(i)]
            posts = [_signed(i) for i in items]
            # an unsigned item of a line or two among them (a placeholder) is no post, and
            # does not make the thread fall back to a narrower class that drops real posts
            if posts and posts[0] and sum(map(bool, posts)) >= 2 and all(
                    p or len(text_of(i)) < _PLACEHOLDER for p, i in zip(posts, items, strict=True)):
                return [p for p in posts if p]
    return []


_PLACEHOLDER = 200  # characters


def _notice(item: HtmlElement) -> bool:
    """A notice in the stream of posts, not a post: Discourse's "small action" ("closed this
    topic", "pinned globally"), signed by who did it, however long ago."""
    return any("small-action" in words(el) for el in item.iter() if isinstance(el.tag, str))


def thread_replies(posts: list[Post]) -> tuple[list[FoundComment], list[HtmlElement]]:
    """A forum thread's replies (its posts after the opening one) as comments, and their
    elements (for removal)."""
    out: list[FoundComment] = []
    used: list[HtmlElement] = []
    declared = declared_answer(posts[0].item.getroottree().getroot()) if posts else None
    for post in posts[1:]:
        # a reply that quotes an earlier post (phpBB's <blockquote><cite>old_stoker wrote:,
        # Discourse's <aside class="quote"> with "hollis_m:" above the blockquote) says only
        # its own words: the quote is its author's, printed where it was posted
        quotes = set(post.item.iter("blockquote"))
        quotes.update(el for el in iter_elements(post.item) if "quote" in words(el)
                      and any(q in quotes for q in el.iterdescendants()))
        text = body_text(post.item, post.anchor, skip=quotes)
        if not text:
            continue
        used.append(post.item)
        if not is_withdrawn(post.item, post.anchor, text):  # its notice is no one's words
            answered = _answered(replying_to(post.item) or quoted_writer(post.item),
                                 posts[:posts.index(post)])
            mark = comment_mark(post.item, post.item.getparent()) or (
                ACCEPTED if declared and declared.is_of(post.author, text) else None)
            out.append(FoundComment(text, post.author, post.date,
                                    answered if answered != post.author else None, mark))
    return out, used


def outside_posts(regions: list[HtmlElement], posts: list[Post]) -> list[HtmlElement]:
    """The comment regions that hold no post of the thread (a suggested topic's "replies"
    count, a timeline's): furniture around the thread, never a wrapper of its posts."""
    items = {p.item for p in posts}
    return [r for r in regions if not any(el in items for el in r.iter())]


def _answered(names: list[str], earlier: list[Post]) -> str | None:
    """The writer of the post a reply answers, named as the thread signs them: a reply tab's
    handle ("ewan.blythe") or shown name is an earlier post's writer ("Ewan Blythe") when that
    post's header links its writer by that handle; else the first name the tab gives."""
    for post in reversed(earlier):
        if any(n == post.author or n in _handles(post) for n in names):
            return post.author
    return names[0] if names else None


def _handles(post: Post) -> set[str]:
    """The handles a post's header links its writer by (``data-user-card``, ``/u/HANDLE``),
    not counting a reply tab's, which names another writer."""
    out: set[str] = set()
    for el in iter_elements(post.item):
        if el is post.anchor:
            break
        if any("reply-to-tab" in words(a) for a in (el, *el.iterancestors())):
            continue
        href = (el.get("href") or "").rstrip("/")
        out.update(h for h in (el.get("data-user-card"), href.rpartition("/u/")[2] if "/u/" in href
                               else None) if h)
    return out
