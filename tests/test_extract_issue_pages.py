"""A GitHub issue's (or pull request's) conversation page, as a browser saves it: the issue's
opener signs the post (not the repository's owner in the header), the title is the issue's,
later comments are signed by their handles with their role badges, timeline events read as
one line of who did them, and the repository's furniture is not read."""

from __future__ import annotations

import lxml.html

from assistant.ingest.comments import find_comments
from assistant.ingest.extract import read_html_page
from assistant.ingest.page import page_sources

BODY = ("<h3 dir=\"auto\">What happens</h3><p dir=\"auto\">The kiln controller resets its ramp "
        "to zero whenever the thermocouple reads above 1,100 degrees for a full minute.</p>"
        "<h3 dir=\"auto\">Steps</h3><div class=\"highlight\"><pre>kilnctl run --profile cone6\n"
        "<span class=\"pl-c\"># ramp 3 of 4</span>\n<span class=\"pl-c\"># reset</span></pre></div>"
        "<ul dir=\"auto\"><li>kilnctl 4.1.0</li><li>Raspberry Pi OS 12</li></ul>"
        "<p dir=\"auto\">cc <a class=\"user-mention notranslate\" href=\"/odette-v\">@odette-v</a> "
        "who wrote the ramp code.</p>")


def _comment(handle: str, iso: str, shown: str, text: str, badge: str = "") -> str:
    label = f'<span class="Label tooltipped ml-1">{badge}</span>' if badge else ""
    return (f'<div class="TimelineItem js-comment-container"><div class="TimelineItem-avatar">'
            f'<a href="/{handle}"><img class="avatar" alt="@{handle}" src="/{handle}.png"></a></div>'
            f'<div class="timeline-comment-group"><div class="timeline-comment comment js-comment">'
            f'<div class="timeline-comment-header"><div class="timeline-comment-actions">{label}'
            f'</div><h3 class="f5"><strong><a class="author Link--primary" href="/{handle}">'
            f'{handle}</a></strong>\ncommented <a href="#c" class="js-timestamp"><relative-time '
            f'datetime="{iso}">{shown}</relative-time></a></h3></div><div class="edit-comment-hide">'
            f'<table class="d-block"><tbody><tr><td class="comment-body markdown-body '
            f'js-comment-body">{text}</td></tr></tbody></table><div class="comment-reactions">'
            f'<button aria-label="+1 (4)"><g-emoji>\U0001f44d</g-emoji><span>4</span></button>'
            f'</div></div></div></div></div>')


def _event(handle: str, iso: str, what: str) -> str:
    return (f'<div class="TimelineItem js-targetable-element"><div class="TimelineItem-badge">'
            f'<svg class="octicon"></svg></div><div class="TimelineItem-body">\n<a class="author '
            f'Link--primary" href="/{handle}">{handle}</a>\n{what}\n<a href="#e" class="Link--'
            f'secondary"><relative-time datetime="{iso}">on Feb 2, 2023</relative-time></a>\n'
            f'</div></div>')


def _page(meta: str, timeline: str, kind: str = "Issue") -> bytes:
    return (f'<html><head><title>Ramp resets above 1,100 degrees \u00b7 {kind} #88 \u00b7 '
            f'glazeworks/kilnctl \u00b7 GitHub</title><meta property="og:title" content="Ramp '
            f'resets above 1,100 degrees \u00b7 {kind} #88 \u00b7 glazeworks/kilnctl"></head><body>'
            f'<header role="banner"><a href="/login">Sign in</a></header><main>'
            f'<div id="repository-container-header"><span class="author"><a class="url fn" '
            f'rel="author" href="/glazeworks">glazeworks</a></span> / <strong><a href="/k">kilnctl'
            f'</a></strong><ul class="pagehead-actions"><li><a class="btn">Notifications</a></li>'
            f'<li><a class="btn">Fork <span class="Counter">31</span></a></li><li><a class="btn">'
            f'Star <span class="Counter">420</span></a></li></ul></div>'
            f'<div id="partial-discussion-header" class="gh-header"><h1 class="gh-header-title">'
            f'<bdi class="js-issue-title markdown-title">Ramp resets above 1,100 degrees</bdi> '
            f'<span>#88</span></h1><div class="gh-header-meta"><span class="State">Open</span>'
            f'<div>{meta}</div></div></div><div class="Layout"><div class="Layout-main">'
            f'<div class="js-discussion">{timeline}</div><div class="discussion-timeline-actions">'
            f'<a class="btn">Sign up for free</a> <strong>to join this conversation on GitHub'
            f'</strong>.</div></div><div class="Layout-sidebar"><div class="discussion-sidebar-'
            f'item"><div class="discussion-sidebar-heading">Labels</div><a class="IssueLabel">'
            f'firmware</a><a class="IssueLabel">safety</a></div><div class="discussion-sidebar-'
            f'item"><div class="discussion-sidebar-heading">Projects</div>None yet</div></div>'
            f'</div></main><footer>\u00a9 2023 GitHub, Inc.</footer></body></html>').encode()


OPENED = ('<a class="author Link--secondary" href="/tamsin-q">tamsin-q</a>\nopened this issue '
          '<relative-time datetime="2023-01-30T10:00:00Z">on Jan 30, 2023</relative-time>\n'
          '\u00b7 2 comments')
TIMELINE = (_comment("tamsin-q", "2023-01-30T10:00:00Z", "on Jan 30, 2023", BODY, "Author")
            + _event("odette-v", "2023-02-02T09:00:00Z", 'added the\n<a class="IssueLabel">'
                     '<span>firmware</span></a>\n<a class="IssueLabel"><span>safety</span></a>'
                     '\nlabels')
            + _comment("odette-v", "2023-02-02T09:05:00Z", "on Feb 2, 2023",
                       "<p>The watchdog fires because the read blocks for too long. A shorter "
                       "timeout on the thermocouple read should fix it.</p>", "Member")
            + _event("odette-v", "2023-02-03T11:00:00Z", "closed this as completed in\n"
                     '<a href="/pull/90">#90</a>'))


def _read(page: bytes) -> tuple[object, list]:
    read = read_html_page(page, "issue.html")
    return read, page_sources(read)


def test_an_issue_is_signed_by_its_opener_and_titled_without_the_repository() -> None:
    page, sources = _read(_page(OPENED, TIMELINE))
    assert page.title == "Ramp resets above 1,100 degrees"
    assert (page.author, page.date) == ("tamsin-q", "Jan 30, 2023")
    posts = [s for s in sources if s.kind == "post"]
    assert any(s.section == "What happens" and "resets its ramp" in s.text for s in posts)
    assert any(s.section == "Steps" and s.text.startswith("kilnctl run --profile cone6\n# ramp")
               for s in posts)
    assert any(s.text == "kilnctl 4.1.0" for s in posts)
    assert any("@odette-v who wrote the ramp code" in s.text for s in posts)
    assert any(s.text == "Status: Open. Labels: firmware, safety." for s in posts)
    text = " ".join(s.text for s in sources)
    for furniture in ("Fork", "Star", "Notifications", "Sign up for free", "commented",
                      "GitHub, Inc", "None yet"):
        assert furniture not in text


def test_an_issues_later_comments_are_signed_with_their_roles_and_events_are_lines() -> None:
    _, sources = _read(_page(OPENED, TIMELINE))
    comments = [(s.label, s.text) for s in sources if s.kind == "comment"]
    assert comments == [
        ("Reader comment by odette-v, Feb 2, 2023", "odette-v added the firmware safety labels"),
        ("Reader comment by odette-v, Feb 2, 2023 (member)",
         "The watchdog fires because the read blocks for too long. A shorter timeout on the "
         "thermocouple read should fix it."),
        ("Reader comment by odette-v, Feb 2, 2023", "odette-v closed this as completed in #90")]


def test_an_issue_opened_on_a_printed_date_without_a_time_element() -> None:
    meta = ('<a class="author" href="/tamsin-q">tamsin-q</a> opened this issue on Jan 30, 2023 '
            '\u00b7 2 comments')
    page, _ = _read(_page(meta, TIMELINE))
    assert (page.author, page.date) == ("tamsin-q", "Jan 30, 2023")


def test_a_pull_request_is_signed_by_its_first_comments_writer() -> None:
    meta = ('<a class="author" href="/tamsin-q">tamsin-q</a> wants to merge 2 commits into '
            '<span class="commit-ref">main</span>')
    page, sources = _read(_page(meta, TIMELINE, "Pull Request"))
    assert (page.title, page.author, page.date) == ("Ramp resets above 1,100 degrees",
                                                    "tamsin-q", "Jan 30, 2023")
    assert sum(s.kind == "comment" for s in sources) == 3


def _note(name: str, iso: str, text: str) -> str:
    return (f'<li class="note note-wrapper note-comment"><div class="note-header"><a class="author-link" '
            f'href="/{name}"><span class="note-header-author-name">{name}</span></a> '
            f'<a href="#n"><time class="js-timeago" datetime="{iso}">{iso[:10]}</time></a></div>'
            f'<div class="note-body"><div class="note-text md">{text}</div></div></li>')


def test_a_tracker_comment_keeps_the_quote_it_answers_and_its_code_block() -> None:
    notes = (_note("Ines Barrow", "2023-06-02T10:00:00Z",
                   "<p>The nightly export stops after three hundred seconds on big projects.</p>")
             + _note("Tomas Frey", "2023-06-03T10:00:00Z",
                     "<blockquote><p>stops after three hundred seconds on big projects</p>"
                     "</blockquote><p>Streaming it in batches would avoid that.</p>")
             + _note("Wen Okafor", "2023-06-05T10:00:00Z",
                     '<pre class="code highlight"><code>export_batch_size: 1000</code></pre>'
                     "<p>The key is in the draft.</p>"))
    page = lxml.html.fromstring(f'<html><body><ul class="notes main-notes-list timeline" '
                                f'id="notes-list">{notes}</ul></body></html>')
    found, _ = find_comments(page)
    assert [(c.author, c.text) for c in found] == [
        ("Ines Barrow", "The nightly export stops after three hundred seconds on big projects."),
        ("Tomas Frey", "stops after three hundred seconds on big projects\n"
                       "Streaming it in batches would avoid that."),
        ("Wen Okafor", "export_batch_size: 1000\nThe key is in the draft.")]


def _react_comment(handle: str, iso: str, text: str) -> str:
    return (f'<div class="react-issue-comment" data-testid="comment-viewer-outer-box-{handle}">'
            f'<a data-testid="avatar-link" href="/{handle}"><img alt="{handle}"></a><div '
            f'data-testid="comment-header"><a class="ActivityHeader-module__AuthorLink" '
            f'href="/{handle}">{handle}</a> <a href="#c"><relative-time datetime="{iso}">'
            f'{iso[:10]}</relative-time></a></div><div data-testid="markdown-body" class="markdown-'
            f'body">{text}</div><button aria-label="thumbs up (2)">\U0001f44d 2</button></div>')


def test_githubs_react_issue_view_is_read_as_a_thread() -> None:
    timeline = (_react_comment("odette-v", "2023-02-02T09:05:00Z",
                               "<p>The watchdog fires because the read blocks too long.</p>")
                + '<div data-timeline-event-id="E1"><svg></svg><a data-testid="actor-link" '
                  'href="/odette-v">odette-v</a> closed this as completed in <a href="/pull/90">'
                  '#90</a> <a href="#e"><relative-time datetime="2023-02-03T11:00:00Z">Feb 3, '
                  '2023</relative-time></a></div>')
    page = ('<html><head><title>Ramp resets \u00b7 Issue #88 \u00b7 glazeworks/kilnctl</title>'
            '</head><body><header><a href="/login">Sign in</a></header><div data-testid="issue-'
            'viewer-container"><h1><bdi data-testid="issue-title" class="markdown-title">Ramp '
            'resets above 1,100 degrees</bdi><span>#88</span></h1><span>Open</span><div data-'
            'testid="issue-body"><div data-testid="issue-body-header"><a data-testid="issue-body-'
            'header-author" href="/tamsin-q">tamsin-q</a> opened <relative-time datetime="2023-'
            '01-30T10:00:00Z">Jan 30, 2023</relative-time></div><div data-testid="markdown-body" '
            'class="markdown-body"><p>The kiln controller resets its ramp to zero above 1,100 '
            'degrees.</p></div></div><div data-testid="issue-timeline-container">'
            f'{timeline}</div><div data-testid="sidebar-section"><h3>Labels</h3><a><span>'
            'firmware</span></a></div></div><footer>\u00a9 2023 GitHub, Inc.</footer></body>'
            '</html>').encode()
    read, sources = _read(page)
    assert (read.title, read.author, read.date) == ("Ramp resets above 1,100 degrees",
                                                    "tamsin-q", "Jan 30, 2023")
    assert [s.text for s in sources if s.kind == "post"] == [
        "Labels: firmware.", "The kiln controller resets its ramp to zero above 1,100 degrees."]
    assert [(s.author, s.date, s.text) for s in sources if s.kind == "comment"] == [
        ("odette-v", "2023-02-02", "The watchdog fires because the read blocks too long."),
        ("odette-v", "Feb 3, 2023", "odette-v closed this as completed in #90")]


def _gitea_item(handle: str, iso: str, inner: str, kind: str = "comment") -> str:
    head = (f'<span class="text grey"><a class="author" href="/{handle}">{handle}</a> '
            f'{"commented " if kind != "event" else inner + " "}<relative-time class="time-'
            f'since" datetime="{iso}">{iso[:10]}</relative-time></span>')
    if kind == "event":
        return f'<div class="timeline-item event"><span class="badge"></span>{head}</div>'
    return (f'<div class="timeline-item {kind}"><div class="content comment-container"><div '
            f'class="comment-header">{head}</div><div class="comment-body"><div class="render-'
            f'content markup">{inner}</div><div class="raw-content tw-hidden">{inner}</div></div>'
            '</div></div>')


def test_a_gitea_issue_is_opened_by_its_first_comment_and_its_events_are_lines() -> None:
    timeline = (_gitea_item("heikki", "2024-09-01T07:00:00Z", "<p>The mirror sync stops after "
                            "the first failed fetch and never retries.</p>", "comment first")
                + _gitea_item("ambrose", "2024-09-01T08:00:00Z", 'added the <a class="ui label">'
                              'kind/bug</a> label', "event")
                + _gitea_item("ambrose", "2024-09-01T09:00:00Z", "<p>The retry counter is reset "
                              "only on success.</p>"))
    page = ('<html><head><title>Mirror sync never retries - #204 - forge - Gitea</title></head>'
            '<body><nav>Explore Sign In</nav><div class="issue-title"><h1><span id="issue-title">'
            'Mirror sync never retries</span> <span class="index">#204</span></h1></div><div '
            f'class="issue-content"><div class="issue-content-left"><div class="ui timeline">'
            f'{timeline}</div></div><div class="issue-content-right"><div class="ui labels list">'
            '<span class="text"><strong>Labels</strong></span><a class="item"><span>kind/bug'
            '</span></a></div><div class="divider"></div><span class="text"><strong>Milestone'
            '</strong></span><div class="list"><span class="no-select item">No Milestone</span>'
            '</div></div></div><footer>Powered by Gitea</footer></body></html>').encode()
    read, sources = _read(page)
    assert (read.title, read.author, read.date) == ("Mirror sync never retries", "heikki",
                                                    "2024-09-01")
    assert [s.text for s in sources if s.kind == "post"] == [
        "Labels: kind/bug.", "The mirror sync stops after the first failed fetch and never "
        "retries."]
    assert [(s.author, s.text) for s in sources if s.kind == "comment"] == [
        ("ambrose", "ambrose added the kind/bug label"),
        ("ambrose", "The retry counter is reset only on success.")]


def _jira_comment(cid: int, name: str, iso: str, text: str) -> str:
    return (f'<div id="comment-{cid}" class="issue-data-block activity-comment"><div class="action-'
            f'head"><div class="action-details"><a class="user-hover user-avatar" href="/p">{name}'
            f'</a> added a comment - <a href="#c{cid}"><span class="date user-tz"><time class="live'
            f'stamp" datetime="{iso}">03/Nov/22 10:15 AM</time></span></a></div></div><div class='
            f'"action-body flooded">{text}</div></div>')


def test_a_jira_issue_is_signed_by_its_reporter_and_its_fields_are_a_line() -> None:
    comments = (_jira_comment(1, "Priya Lund", "2022-11-03T10:15:00+0000",
                              "<p>Seen on node 4 as well, at the same hour.</p>")
                + _jira_comment(2, "Marek Hollis", "2022-11-04T10:15:00+0000",
                                "<p>Moving the job to half past three avoids it.</p>"))
    page = ('<html><head><title>[OPS-77] Log rotation fails - Jira</title></head><body><header>'
            'Dashboards Projects Log In</header><h1 id="summary-val">Log rotation fails</h1>'
            '<ul id="issuedetails"><li><strong class="name">Status:</strong> <span class="value">'
            'Resolved</span></li><li><strong class="name">Labels:</strong> <div class="value">'
            '<ul><li><a>cron</a></li><li><a>backup</a></li></ul></div></li></ul><div id="'
            'description-val"><div class="user-content-block"><p>Every night the rotation fails '
            'with "file locked" while the backup runs.</p></div></div><div id="issue_actions_'
            f'container">{comments}</div><div id="peoplemodule"><dl><dt>Assignee:</dt><dd><span '
            'id="assignee-val"><span class="user-hover">Priya Lund</span></span></dd></dl><dl>'
            '<dt>Reporter:</dt><dd><span id="reporter-val"><span class="user-hover">Dana Ruiz'
            '</span></span></dd></dl></div><dl><dt>Created:</dt><dd><span id="created-val"><time '
            'datetime="2022-11-02T22:05:00+0000">02/Nov/22 10:05 PM</time></span></dd></dl>'
            '<footer>Atlassian Jira</footer></body></html>').encode()
    read, sources = _read(page)
    assert (read.title, read.author, read.date) == ("Log rotation fails", "Dana Ruiz",
                                                    "2022-11-02")
    assert [s.text for s in sources if s.kind == "post"] == [
        "Status: Resolved. Labels: cron, backup. Assignee: Priya Lund. Reporter: Dana Ruiz.",
        'Every night the rotation fails with "file locked" while the backup runs.']
    assert [(s.author, s.date) for s in sources if s.kind == "comment"] == [
        ("Priya Lund", "2022-11-03"), ("Marek Hollis", "2022-11-04")]


def test_a_gitlab_issue_is_signed_by_its_creator_and_its_system_notes_are_lines() -> None:
    notes = (_note("Ines Barrow", "2023-06-02T10:00:00Z",
                   "<p>The nightly export stops after three hundred seconds.</p>")
             + '<li class="note system-note"><div class="note-header"><span class="note-header-'
               'author-name">Tomas Frey</span> <span class="system-note-message">assigned to '
               '@tfrey</span> <time datetime="2023-06-03T11:00:00Z">Jun 3, 2023</time></div></li>')
    page = ('<html><head><title>Export times out (#318) \u00b7 Issues \u00b7 GitLab</title></head>'
            '<body><header>GitLab Sign in</header><div class="detail-page-header"><span class="'
            'issuable-status-badge">Closed</span><div class="issuable-meta">Created <time '
            'datetime="2023-06-01T08:30:00Z">Jun 1, 2023</time> by <a class="author-link" href="/'
            'rmadsen"><strong class="author">Rosa Madsen</strong></a></div></div><div class="'
            'detail-page-description"><h1 class="title">Export times out</h1><div class="'
            'description"><div class="md"><p>Exporting a large project fails with a 504 after '
            'five minutes.</p></div></div><small class="edited-text">Edited by Rosa Madsen'
            '</small></div><ul class="notes main-notes-list timeline">'
            f'{notes}</ul><aside class="right-sidebar"><div class="block labels"><div class="'
            'title">Labels</div><div class="value"><span class="gl-label"><span class="gl-label-'
            'text">backend</span></span></div></div><div class="block milestone"><div class="'
            'title">Milestone</div><div class="value">None</div></div></aside><footer>GitLab'
            '</footer></body></html>').encode()
    read, sources = _read(page)
    assert (read.title, read.author, read.date) == ("Export times out", "Rosa Madsen",
                                                    "Jun 1, 2023")
    assert [s.text for s in sources if s.kind == "post"] == [
        "Status: Closed. Labels: backend.",
        "Exporting a large project fails with a 504 after five minutes."]
    assert [(s.author, s.text) for s in sources if s.kind == "comment"] == [
        ("Ines Barrow", "The nightly export stops after three hundred seconds."),
        ("Tomas Frey", "Tomas Frey assigned to @tfrey")]


def test_a_comment_hidden_as_off_topic_is_not_read_but_one_hidden_as_outdated_is() -> None:
    def hidden(handle: str, text: str, reason: str) -> str:
        return _comment(handle, "2023-02-02T10:00:00Z", "on Feb 2, 2023", text).replace(
            "timeline-comment comment js-comment", "timeline-comment comment js-comment "
            "minimized-comment").replace(
            '<div class="timeline-comment-header">', '<details><summary>This comment was '
            f'marked as {reason}.</summary><div class="timeline-comment-header">').replace(
            '<div class="comment-reactions">', '</details><div class="comment-reactions">')
    timeline = (_comment("tamsin-q", "2023-01-30T10:00:00Z", "on Jan 30, 2023", BODY)
                + hidden("seller42", "<p>Cheap kiln parts in my shop.</p>", "off-topic")
                + hidden("odette-v", "<p>Version 4.0 had the same reset.</p>", "outdated"))
    _, sources = _read(_page(OPENED, timeline))
    assert [s.author for s in sources if s.kind == "comment"] == ["odette-v"]


def _review_comment(handle: str, iso: str, text: str, badge: str) -> str:
    return (f'<div class="review-comment js-comment"><div class="d-flex"><strong><a class="author '
            f'Link--primary text-bold" href="/{handle}">{handle}</a></strong><span class="Label '
            f'ml-1">{badge}</span><a href="#r" class="Link--secondary ml-1"><relative-time '
            f'datetime="{iso}">Feb 3, 2023</relative-time></a></div><div class="comment-body '
            f'markdown-body js-comment-body"><p dir="auto">{text}</p></div></div>')


def test_a_pull_requests_review_comments_on_lines_are_comments_answering_the_first() -> None:
    # a review: its summary in the timeline, then a resolved thread on a line of the diff
    review = ('<div class="TimelineItem"><div class="timeline-comment-group TimelineItem-body">'
              + _comment("odette-v", "2023-02-03T09:00:00Z", "Feb 3, 2023",
                         "<p>One blocker, see the note on the timeout.</p>", "Member")
              .replace('<div class="TimelineItem js-comment-container">', "<div>")
              + '<div class="review-thread-component" data-resolved="true"><div class="file-'
              'header"><a class="Link--primary text-mono">src/ramp.c</a><span class="Label">'
              'Outdated</span></div><table class="diff-table"><tbody><tr><td class="blob-num" '
              'data-line-number="41"></td><td class="blob-code"><span class="blob-code-inner">'
              'read_tc(&amp;t, 5000);</span></td></tr></tbody></table>'
              + _review_comment("odette-v", "2023-02-03T09:01:00Z",
                                "Five seconds is longer than the watchdog allows.", "Member")
              + _review_comment("tamsin-q", "2023-02-03T12:00:00Z",
                                "Cut it to 800 ms, since the sensor answers in 200.", "Author")
              + "</div></div></div>")
    timeline = _comment("tamsin-q", "2023-01-30T10:00:00Z", "on Jan 30, 2023", BODY) + review
    _, sources = _read(_page(OPENED, timeline, "Pull Request"))
    comments = [(s.author, s.text, s.label) for s in sources if s.kind == "comment"]
    assert [c[:2] for c in comments] == [
        ("odette-v", "One blocker, see the note on the timeout."),
        ("odette-v", "Five seconds is longer than the watchdog allows."),
        ("tamsin-q", "Cut it to 800 ms, since the sensor answers in 200.")]
    assert "replying to odette-v" in comments[2][2]
    assert "replying" not in comments[1][2]
    assert "read_tc" not in " ".join(s.text for s in sources)
