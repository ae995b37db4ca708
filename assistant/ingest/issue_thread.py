"""A GitHub issue's (or pull request's) conversation page read as a thread: the issue's
opening comment is the post, signed by who opened it; each later comment is a comment
signed by its handle (with its role badge, "member"); so is a pull request review's comment
on a line of the diff, a later one in its thread answering the first; each timeline event
("added the bug labels", "closed this as completed in #2191") a one-line comment of who did it.

The page's shape is GitHub's own markup, never a generic page's: the issue's title in the
header (``bdi.js-issue-title``, ``h1.gh-header-title``) and comments of the class
``timeline-comment`` holding a ``js-comment-body``. Everything else on the page (the
repository's header, "Fork 212", "Star", the sign-up box, the footer) is furniture; the
sidebar's labels, assignees and milestone are read as one line over the post (as a
standfirst is: a blog's "Labels: ..." line is furniture, the issue's are its facts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from lxml.html import HtmlElement

from .comments import FoundComment, date_text, paragraphs
from .dom import clean_text, iter_elements, text_lines, text_of, words
from .forum_posts import Post

# The badge beside a commenter's handle: their role in the repository or the thread.
_ROLES = frozenset({"owner", "member", "collaborator", "contributor", "author",
                    "first-time contributor", "maintainer"})
# "mkoval opened this issue on Mar 4, 2024 · 6 comments", as the header prints it
_OPENED = re.compile(r"\bopened this (?:issue|pull request)\s+(?:on\s+)?(?P<date>[^\u00b7]+)")
_SIDEBAR_FIELDS = ("assignees", "labels", "milestone")


@dataclass(frozen=True)
class Issue:
    """The issue's title (without " · Issue #N · owner/repo"), its opening comment as a
    thread's opening post, the later comments and events, and the page's elements that are
    not the post (for removal), and the sidebar's fields."""

    title: str
    opening: Post
    comments: tuple[FoundComment, ...]
    furniture: tuple[HtmlElement, ...]
    fields: tuple[str, ...]  # the sidebar's, a line over the post: "Labels: bug, regression."


# The badge that says whether the issue is open: GitHub's ``span.State`` (its React view's
# ``header-state``), GitLab's ``issuable-status-badge``, Gitea's ``issue-state-label``.
_STATE_WORDS = frozenset({"state", "issuable-status-badge", "issue-state-label"})
_STATES = frozenset({"open", "opened", "closed", "merged", "draft", "locked"})


def _status(root: HtmlElement, fields: str | None) -> tuple[str, ...]:
    """The fields' line, the issue's state first: "Status: Closed. Labels: bug."."""
    badge = next((el for el in iter_elements(root) if (
        {w.lower() for w in words(el)} & _STATE_WORDS or el.get("data-testid") == "header-state")
        and text_of(el).lower() in _STATES), None)
    line = " ".join(x for x in (f"Status: {text_of(badge)}." if badge is not None else None,
                                fields) if x)
    return (line,) if line else ()


def _first(root: HtmlElement, word: str) -> HtmlElement | None:
    return next((el for el in iter_elements(root) if word in words(el)), None)


def _when(el: HtmlElement | None) -> str | None:
    """A ``<relative-time>``'s date as shown ("on Mar 4, 2024" -> "Mar 4, 2024"), else the
    day its ``datetime`` keeps."""
    if el is None:
        return None
    return date_text(el) or (el.get("datetime") or "")[:10] or None


def _time_of(el: HtmlElement) -> HtmlElement | None:
    return next(el.iter("relative-time"), None)


def _author_of(el: HtmlElement) -> HtmlElement | None:
    return next((a for a in el.iter("a") if "author" in words(a) and text_of(a)), None)


def _opener(header: HtmlElement | None, body: HtmlElement) -> Post | None:
    """Who opened the issue and when: the header's "NAME opened this issue on DATE" line,
    else the opening comment's signature (a pull request's header says "wants to merge")."""
    meta = _first(header, "gh-header-meta") if header is not None else None
    opened = _OPENED.search(text_of(meta)) if meta is not None else None
    if meta is not None and opened:
        signer, stamp = _author_of(meta), _time_of(meta)
        day = _when(stamp) or clean_text(opened["date"])
        if signer is not None and day:
            return Post(body, text_of(signer), day, signer if stamp is None else stamp, signer)
    comment = next(a for a in body.iterancestors() if "timeline-comment" in words(a))
    top = _first(comment, "timeline-comment-header")
    who = _author_of(top) if top is not None else None
    time = _time_of(top) if top is not None else None
    when = _when(time)
    return Post(body, text_of(who), when, time, who) if who is not None and time is not None \
        and when else None


def _role(comment: HtmlElement) -> str | None:
    """The badge beside the commenter's handle ("Member", "Contributor"), as a mark."""
    for el in iter_elements(comment):
        if "label" in words(el) and text_of(el).lower() in _ROLES:
            return text_of(el).lower()
    return None


def _event_line(body: HtmlElement) -> str:
    """A timeline event as one line: "rbannerjee added the bug regression labels", a linked
    pull request's title after a colon; without its date."""
    clone = lxml.html.fromstring(lxml.html.tostring(body))
    for stamp in list(clone.iter("relative-time")):
        link = stamp.getparent()
        doomed = link if link is not None and link.tag == "a" and text_of(link) == text_of(stamp) \
            else stamp
        doomed.drop_tree()
    for el in clone.iter():  # the source's line breaks are spaces; only a block breaks a line
        el.text, el.tail = (t.replace("\n", " ") if t else t for t in (el.text, el.tail))
    return ": ".join(text_lines(clone, frozenset({"div", "p"})))


# A comment a maintainer hid (GitHub's "minimized-comment": "This comment was marked as
# off-topic."), as spam, abuse or off the topic: not the discussion's words. One hidden as
# outdated, resolved or a duplicate still is.
_HIDDEN_AS = re.compile(r"\bmarked as (?:spam|abuse|off-topic)\b", re.I)


def _hidden(el: HtmlElement) -> bool:
    return "minimized-comment" in words(el) and bool(_HIDDEN_AS.search(
        " ".join(text_of(s) for s in el.iter("summary"))))


def _review_comment(el: HtmlElement) -> bool:
    """A pull request review's comment on a line of the diff (GitHub's ``review-comment``, in
    the review's thread under the file's name and the lines it is about): a comment of the
    conversation as much as one in the timeline, though its thread is folded away once
    resolved."""
    return "review-comment" in words(el) and _first(el, "js-comment-body") is not None


def _answers(el: HtmlElement, who: HtmlElement) -> str | None:
    """Whom a review's later comment on a line answers: the writer of the thread's first one
    (a thread's comments stand side by side, the first one opening it), when another."""
    if not _review_comment(el) or el.getparent() is None:
        return None
    first = next((c for c in el.getparent() if isinstance(c.tag, str) and _review_comment(c)), el)
    opener = _author_of(first) if first is not el else None
    return text_of(opener) if opener is not None and text_of(opener) != text_of(who) else None


def _entry(el: HtmlElement) -> FoundComment | None:
    """A later comment (signed, dated, its role a mark) or an event (a line of who did it)."""
    if "timeline-comment" in words(el) or _review_comment(el):
        if _hidden(el):
            return None
        body = _first(el, "js-comment-body")
        # a review's comment on a line is signed in its own first line, not a header
        top = _first(el, "timeline-comment-header") if "timeline-comment" in words(el) else el
        who = _author_of(top) if top is not None else None
        text = paragraphs(body) if body is not None else ""
        if not text or who is None:
            return None
        return FoundComment(text, text_of(who), _when(_time_of(top)), _answers(el, who),
                            mark=_role(el))
    who = _author_of(el)
    line = _event_line(el)
    return FoundComment(line, text_of(who), _when(_time_of(el))) if who is not None and line \
        else None


def _fields(root: HtmlElement) -> str | None:
    """The sidebar's labels, assignees and milestone: "Labels: bug, regression. Milestone:
    v2.8.1." (empty ones, "None yet", left out)."""
    out: list[str] = []
    for item in iter_elements(root):
        if "discussion-sidebar-item" not in words(item):
            continue
        heading = _first(item, "discussion-sidebar-heading")
        name = text_of(heading) if heading is not None else ""
        if name.lower() not in _SIDEBAR_FIELDS:
            continue
        values = [text_of(a) for a in item.iter("a") if text_of(a)]
        if values:
            out.append(f"{name}: {', '.join(values)}.")
    return " ".join(out) or None


def _testid(el: HtmlElement) -> str:
    return (el.get("data-testid") or "") if isinstance(el.tag, str) else ""


def _by_testid(root: HtmlElement, name: str) -> HtmlElement | None:
    return next((el for el in iter_elements(root) if _testid(el) == name), None)


def _markdown(root: HtmlElement) -> HtmlElement | None:
    """A comment's rendered text: its ``data-testid="markdown-body"``, else its first
    ``markdown-body``."""
    found = _by_testid(root, "markdown-body")
    return found if found is not None else _first(root, "markdown-body")


# A handle's link: "/tvedt", as a profile's address is
_PROFILE = re.compile(r"^(?:https?://[^/]+)?/[\w.-]+/?$")


def _handle(el: HtmlElement) -> HtmlElement | None:
    """Who a React comment or event is by: its author's (or actor's) link, else the first
    link to a profile that shows a name."""
    links = [a for a in el.iter("a") if text_of(a)]
    named = next((a for a in links if re.search(r"author|actor", _testid(a))), None)
    return named if named is not None \
        else next((a for a in links if _PROFILE.match(a.get("href") or "")), None)


def _react_entry(el: HtmlElement) -> FoundComment | None:
    """A later comment or an event of GitHub's React issue view."""
    body = _markdown(el)
    if body is not None:
        top = _by_testid(el, "comment-header")
        who = _handle(top if top is not None else el)
        text = paragraphs(body)
        return FoundComment(text, text_of(who), _when(_time_of(el)), mark=_role(el)) \
            if text and who is not None else None
    who = _handle(el)
    line = _event_line(el)
    return FoundComment(line, text_of(who), _when(_time_of(el))) if who is not None and line \
        else None


def _react_fields(root: HtmlElement) -> str | None:
    """The React view's sidebar sections (a heading, then links): "Assignees: marisol-b."."""
    out: list[str] = []
    for item in iter_elements(root):
        if _testid(item) != "sidebar-section":
            continue
        heading = next((h for h in item.iter("h2", "h3", "h4") if text_of(h)), None)
        name = text_of(heading) if heading is not None else ""
        values = [text_of(a) for a in item.iter("a") if text_of(a)]
        if name.lower() in _SIDEBAR_FIELDS and values:
            out.append(f"{name}: {', '.join(values)}.")
    return " ".join(out) or None


def _read_react(root: HtmlElement) -> Issue | None:
    """GitHub's React issue view: the title (``data-testid="issue-title"``), the opening
    comment (``issue-body``: its header's author and time, its ``markdown-body``), later
    comments (``comment-viewer-outer-box``, ``react-issue-comment``) and events (rows of
    ``data-timeline-event-id``)."""
    title_el = _by_testid(root, "issue-title")
    box = _by_testid(root, "issue-body")
    if title_el is None or box is None or not text_of(title_el):
        return None
    top = _by_testid(box, "issue-body-header")
    body = _markdown(box)
    who = _by_testid(box, "issue-body-header-author")
    who = who if who is not None else _handle(top) if top is not None else None
    stamp = _time_of(top) if top is not None else None
    when = _when(stamp)
    if body is None or who is None or not text_of(who) or not when:
        return None
    inner = set(box.iter())
    items = [el for el in iter_elements(root) if el not in inner and (
        _testid(el).startswith("comment-viewer-outer-box") or el.get("data-timeline-event-id")
        or "react-issue-comment" in words(el))]
    items = [el for el in items if not any(a in items for a in el.iterancestors())]
    found = [c for el in items for c in [_react_entry(el)] if c]
    fields = _react_fields(root)
    return Issue(clean_text(text_of(title_el)), Post(body, text_of(who), when, stamp, who),
                 tuple(found), tuple(_furniture(root, body)), _status(root, fields))


def _furniture(root: HtmlElement, body: HtmlElement) -> list[HtmlElement]:
    """All but the opening comment's body: its header, the rest of the page."""
    page = root.find(".//body")
    furniture: list[HtmlElement] = []
    for el in body.iterancestors():
        if el is page or el.getparent() is None:
            break
        furniture += [s for s in el.itersiblings() if isinstance(s.tag, str)]
        furniture += [s for s in el.itersiblings(preceding=True) if isinstance(s.tag, str)]
    furniture += [el for el in body.itersiblings() if isinstance(el.tag, str)]
    furniture += [el for el in body.itersiblings(preceding=True) if isinstance(el.tag, str)]
    return furniture


def _stamp_of(el: HtmlElement) -> HtmlElement | None:
    """A Gitea comment's time: its ``<relative-time>``, else (older releases) its
    ``span.time-since``."""
    found = _time_of(el)
    return found if found is not None else _first(el, "time-since")


def _gitea_when(el: HtmlElement | None) -> str | None:
    if el is None:
        return None
    if el.tag == "relative-time":
        return _when(el)
    return date_text(el) or clean_text(el.get("data-tooltip-content") or el.get("title") or "") \
        or None


def _gitea_entry(el: HtmlElement) -> FoundComment | None:
    """A Gitea timeline item: a comment (its header's author and time, its rendered text) or
    an event (a line of who did it)."""
    body = _first(el, "render-content")
    who = _author_of(el)
    if who is None:
        return None
    if body is not None:
        text = paragraphs(body)
        return FoundComment(text, text_of(who), _gitea_when(_stamp_of(el)), mark=_role(el)) \
            if text else None
    line = _event_line(next((c for c in el if "text" in words(c)), el))
    return FoundComment(line, text_of(who), _gitea_when(_stamp_of(el))) if line else None


def _gitea_fields(root: HtmlElement) -> str | None:
    """Gitea's sidebar (``issue-content-right``): a bold heading ("Labels", "Assignees"),
    then its list's items up to the next divider ("No Milestone" is no item)."""
    side = _first(root, "issue-content-right")
    if side is None:
        return None
    out: list[str] = []
    for strong in side.iter("strong"):
        name = text_of(strong)
        if name.lower() not in _SIDEBAR_FIELDS:
            continue
        head = next((a for a in strong.iterancestors() if a.getparent() is side), strong)
        scope = [head]
        for sib in head.itersiblings():
            if "divider" in words(sib):
                break
            scope.append(sib)
        values = [text_of(i) for el in scope for i in iter_elements(el)
                  if "item" in words(i) and "no-select" not in words(i) and text_of(i)]
        if values:
            out.append(f"{name}: {', '.join(values)}.")
    return " ".join(out) or None


def _read_gitea(root: HtmlElement) -> Issue | None:
    """A Gitea (or Forgejo) issue: the title (``#issue-title``), the timeline's items
    (``timeline-item comment`` with its ``render-content``; ``timeline-item event``), the
    first comment its opening post, signed by its author on its day."""
    title_el = root.get_element_by_id("issue-title", None)
    if title_el is None or not text_of(title_el):
        return None  # (before the page's every element is looked at)
    items = [el for el in iter_elements(root) if "timeline-item" in words(el)]
    comments = [el for el in items if "comment" in words(el) and _first(el, "render-content")
                is not None]
    if not comments:
        return None
    first = next((el for el in comments if "first" in words(el)), comments[0])
    body, who = _first(first, "render-content"), _author_of(first)
    stamp = _stamp_of(first)
    when = _gitea_when(stamp)
    if body is None or who is None or not when:
        return None
    found = [c for el in items if el is not first for c in [_gitea_entry(el)] if c]
    fields = _gitea_fields(root)
    return Issue(clean_text(text_of(title_el)), Post(body, text_of(who), when, stamp, who),
                 tuple(found), tuple(_furniture(root, body)), _status(root, fields))


def _jira_value(el: HtmlElement) -> str:
    """A Jira field's value as shown: a list's items (labels, components) joined by commas."""
    items = [text_of(li) for li in el.iter("li") if text_of(li)]
    return ", ".join(items) if items else text_of(el)


def _jira_fields(root: HtmlElement) -> str | None:
    """The issue's fields: the details list ("Type:", "Status:", "Priority:", "Labels:")
    and the people ("Assignee:", "Reporter:") as one line, "Status: Resolved. Priority:
    Major." (dates left to the byline; empty values, "None", left out)."""
    out: list[str] = []
    details = root.get_element_by_id("issuedetails", None)
    pairs: list[tuple[str, str]] = []
    if details is not None:
        for name in iter_elements(details):
            if "name" in words(name) and name.getparent() is not None:
                value = next((v for v in name.getparent() if "value" in words(v)), None)
                if value is not None:
                    pairs.append((text_of(name), _jira_value(value)))
    people = root.get_element_by_id("peoplemodule", None)
    if people is not None:
        for dt in people.iter("dt"):
            dd = dt.getnext()
            if dd is not None and dd.tag == "dd":
                pairs.append((text_of(dt), _jira_value(dd)))
    for name, value in pairs:
        name = name.rstrip(": ")
        if name and value and value.lower() not in ("none", "unassigned"):
            out.append(f"{name}: {value.rstrip('.')}.")
    return " ".join(out) or None


def _jira_comment(el: HtmlElement) -> FoundComment | None:
    """A Jira comment: its head's author ("NAME added a comment - DATE") and its body."""
    head, body = _first(el, "action-details"), _first(el, "action-body")
    if head is None or body is None:
        return None
    who = next((a for a in head.iter("a") if "user-hover" in words(a) and text_of(a)), None)
    stamp = next(head.iter("time"), None)
    if stamp is None:
        stamp = _first(head, "date")
    text = paragraphs(body)
    return FoundComment(text, text_of(who), _when(stamp)) if who is not None and text else None


def _read_jira(root: HtmlElement) -> Issue | None:
    """A Jira issue (its server view): the summary (``#summary-val``) the title, the
    description (``#description-val``) the post, signed by its reporter on the day it was
    created, the activity's comments signed and dated, the fields a line over the post."""
    title_el = root.get_element_by_id("summary-val", None)
    body = root.get_element_by_id("description-val", None)
    if title_el is None or body is None or not text_of(title_el):
        return None
    inner = _first(body, "user-content-block")
    body = inner if inner is not None else body
    reporter = root.get_element_by_id("reporter-val", None)
    created = root.get_element_by_id("created-val", None)
    stamp = next(created.iter("time"), created) if created is not None else None
    when = _when(stamp)
    if reporter is None or stamp is None or not text_of(reporter) or not when:
        return None
    found = [c for el in iter_elements(root) if "activity-comment" in words(el)
             for c in [_jira_comment(el)] if c]
    fields = _jira_fields(root)
    return Issue(clean_text(text_of(title_el)), Post(body, text_of(reporter), when, stamp,
                                                     reporter),
                 tuple(found), tuple(_furniture(root, body)), (fields,) if fields else ())


def _gitlab_note(el: HtmlElement) -> FoundComment | None:
    """A GitLab note: a comment (its header's name and time, its ``note-text``) or a system
    note ("added backend label"), a line of who did it."""
    name = _first(el, "note-header-author-name")
    if name is None or not text_of(name):
        return None
    stamp = next(el.iter("time"), None)
    body = _first(el, "note-text")
    if body is not None:
        text = paragraphs(body)
        return FoundComment(text, text_of(name), _when(stamp)) if text else None
    message = _first(el, "system-note-message")
    line = text_of(message) if message is not None else ""
    return FoundComment(f"{text_of(name)} {line}", text_of(name), _when(stamp)) if line else None


def _gitlab_fields(root: HtmlElement) -> str | None:
    """The right sidebar's blocks (a ``title``, then a ``value``): "Assignee: Tomas Frey.
    Labels: backend. Milestone: 16.1." (empty ones, "None", left out)."""
    side = _first(root, "right-sidebar")
    if side is None:
        return None
    out: list[str] = []
    for block in iter_elements(side):
        if "block" not in words(block):
            continue
        title, value = _first(block, "title"), _first(block, "value")
        name = text_of(title) if title is not None else ""
        if not {name.lower(), name.lower() + "s"} & set(_SIDEBAR_FIELDS) or value is None:
            continue
        items = list(dict.fromkeys(text_of(i) for i in iter_elements(value)
                                   if words(i) & {"author", "gl-label-text"} and text_of(i)))
        shown = ", ".join(items) if items else text_of(value)
        if shown and shown.lower() not in ("none", "no milestone"):
            out.append(f"{name}: {shown}.")
    return " ".join(out) or None


def _read_gitlab(root: HtmlElement) -> Issue | None:
    """A GitLab issue: its title (``issue-title``, ``h1.title``), its description (``.md``)
    the post, signed by who created it on that day ("Created DATE by NAME", the
    ``issuable-meta``), its notes (``li.note``) the comments, its sidebar's blocks a line."""
    meta = _first(root, "issuable-meta")
    desc = _first(root, "detail-page-description")
    if meta is None or desc is None:
        return None
    title_el = _by_testid(desc, "issue-title")
    title_el = title_el if title_el is not None else _first(desc, "title")
    box = _first(desc, "description")
    body = _first(box, "md") if box is not None else None
    who = _first(meta, "author")
    stamp = next(meta.iter("time"), None)
    when = _when(stamp)
    if title_el is None or body is None or who is None or not text_of(who) or not when:
        return None
    found = [c for el in iter_elements(root) if el.tag == "li" and "note" in words(el)
             for c in [_gitlab_note(el)] if c]
    fields = _gitlab_fields(root)
    return Issue(clean_text(text_of(title_el)), Post(body, text_of(who), when, stamp, who),
                 tuple(found), tuple(_furniture(root, body)), _status(root, fields))


def read_issue(root: HtmlElement) -> Issue | None:
    """The issue page's thread, or None when the page is not one."""
    for read_other in (_read_react, _read_gitea, _read_jira, _read_gitlab):
        other = read_other(root)
        if other is not None:
            return other
    title_el = _first(root, "js-issue-title")
    if title_el is None:
        heading = _first(root, "gh-header-title")
        title_el = _first(heading, "markdown-title") if heading is not None else None
    comments = [el for el in iter_elements(root) if "timeline-comment" in words(el)
                and _first(el, "js-comment-body") is not None]
    if title_el is None or not text_of(title_el) or not comments:
        return None
    body = _first(comments[0], "js-comment-body")
    header = _first(root, "gh-header")
    opening = _opener(header, body) if body is not None else None
    if body is None or opening is None:
        return None
    first = set(comments[0].iter())
    found = [c for el in iter_elements(root) if el not in first and (
        el in comments or _review_comment(el)
        or "timelineitem-body" in words(el) and _first(el, "timeline-comment") is None)
        for c in [_entry(el)] if c]
    fields = _fields(root)
    return Issue(clean_text(text_of(title_el)), opening, tuple(found),
                 tuple(_furniture(root, body)), _status(root, fields))
