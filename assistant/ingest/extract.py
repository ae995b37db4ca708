"""A saved web page (HTML) -> ``Page``: the article, its byline, captions, references and
reader comments, without the page's furniture.

The main text comes from trafilatura (its XML output keeps headings, paragraphs, lists,
quotes and tables apart) run on the element that holds the article's body, after the page's
furniture is removed (``dom``); the title, author, date, site and link from trafilatura's
metadata, with the date as the page prints it. What trafilatura drops or cannot tell, the
page's structure tells, read with lxml: figure captions (``dom.captions``) and reader
comments with their authors and dates (``comments``). No regular expression reads HTML.
"""

from __future__ import annotations

import copy
import logging
import re

import lxml.html
import trafilatura
from htmldate import find_date
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import decode_file, detect_encoding, load_html

from ..errors import PageError
from . import (
    abstract_page,
    author_card,
    best_answer,
    doc_markup,
    dom,
    dom_rewrites,
    event_page,
    google_doc,
    inline_lines,
    journal_page,
    life_dates,
    live_blog,
    newsletter,
    not_furniture,
    page_dates,
    press_release,
    ratings,
    review_cards,
    shop_qa,
    tables,
    tumblr,
    wiki_markup,
)
from . import declared as declared_text
from .bylines import clean_name, name_ok
from .charset import unlabelled_page_codec
from .comments import AUTHOR_WORDS, find_comments, in_sentence, regions
from .forum_posts import outside_posts, thread_posts, thread_replies
from .issue_thread import read_issue
from .page import CAPTION, COMMENT, PARAGRAPH, Block, Page, made_byline, with_replies
from .qa_answers import read_qa_page, with_declared_accepted
from .thread_marks import channel_name, only_counts, submitted
from .xml_walk import Walk, walk_main

log = logging.getLogger(__name__)


def is_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KB: an image, a PDF, an archive."""
    head = data[:8192]
    if b"\x00" in head:
        return True
    controls = sum(b < 32 and b not in (9, 10, 12, 13) for b in head)
    return bool(head) and controls / len(head) > 0.05


def decode_html(data: bytes | str, filename: str = "<page>") -> str:
    """The page's text (its declared or detected encoding); PageError when it is not a page."""
    if isinstance(data, str):
        text = data
    else:
        if is_binary(data):
            raise PageError(f"{filename}: not a web page: it holds binary data (an image, a PDF "
                            "or an archive?); save the page from your browser as HTML, or give "
                            "its text as a .txt file")
        text = decode_file(data)
        if not text.isascii() and text.encode("utf-8", errors="replace") != data:
            codec = unlabelled_page_codec(data, detect_encoding(data))
            if codec:
                text = data.decode(codec, errors="replace")
    if not text.strip():
        raise PageError(f"{filename}: the page is empty")
    return text



# "Kestrel Point Lighthouse - Wikipedia", "River mills | The Ledger": the site after the title
_SITE_SUFFIX = re.compile(r"^\s+[-|\u2013\u2014\u00b7]\s+\S.{0,60}$")
_SITE_SEPARATOR = re.compile(r"(?<!\s)\s+[-|\u2013\u2014\u00b7]\s+$")


_HEADER_WORDS = frozenset({"header", "headerbar", "masthead", "site-header", "site-description",
                           "branding", "site-branding"})


def _site_heading(root: HtmlElement, text: str) -> bool:
    """``text`` is an ``<h1>`` in the page's header (a banner, a masthead): the site's name."""
    return any(dom.text_of(h) == text and any(
        a.tag == "header" or a.get("role") == "banner" or dom.words(a) & _HEADER_WORDS
        for a in h.iterancestors()) for h in root.iter("h1"))


def _title(meta: object, root: HtmlElement) -> str | None:
    title = dom.clean_text(getattr(meta, "title", None) or "")
    found = root.find(".//title")
    named = dom.text_of(found) if found is not None else ""
    if title and len(named) > len(title) and named.endswith(title) \
            and _SITE_SEPARATOR.search(named[:-len(title)]) and _site_heading(root, title):
        # the metadata's title is the site's name (a forum's <h1> in the page's header), and
        # the page's <title> is "First 200 km audax - Fenland & Fells Cycling Forum": the
        # thread's title, when the page prints it as a heading
        thread = _SITE_SEPARATOR.sub("", named[:-len(title)])
        if any(dom.text_of(h) == thread for h in root.iter("h2", "h3")):
            return thread
    if title:
        # the page's own heading, when the title is that heading and then the site's name, or
        # the site's (a forum's) name and then the heading: "r/bikecommuting - Bike stolen..."
        for h1 in root.iter("h1"):
            heading = dom.text_of(h1)
            if heading and title.startswith(heading) and _SITE_SUFFIX.match(title[len(heading):]):
                return heading
            site = title[:-len(heading)] if heading and title.endswith(heading) else ""
            if 0 < len(site) <= 64 and _SITE_SEPARATOR.search(site) \
                    and not _SITE_SEPARATOR.sub("", site).endswith((".", "!", "?", ":")):
                return heading
        return _without_forum(title, named) or title
    for h1 in root.iter("h1"):
        text = dom.text_of(h1)
        if text:
            return text
    found = root.find(".//title")
    return dom.text_of(found) if found is not None and dom.text_of(found) else None


# "r/Beekeeping - First year, hive swarmed twice": a forum's name, then the thread's title
_FORUM_PREFIX = re.compile(r"^(?P<forum>[^\s.!?:]\S{0,40}(?:\s\S+){0,3})\s+[-|\u2013\u2014]\s+"
                           r"(?P<rest>\S.*)$")
_SITE_AFTER = re.compile(r"^\s+[-|:\u2013\u2014\u00b7]\s+(?P<site>\S.{0,60})$")


def _without_forum(title: str, named: str) -> str | None:
    """The thread's title without the forum's name before it (old Reddit's og:title "r/Sub -
    TITLE"), when the page's ``<title>`` is that title with the forum named after it ("TITLE :
    Sub"); else None."""
    m = _FORUM_PREFIX.match(title)
    after = _SITE_AFTER.match(named[len(m["rest"]):]) if m and named.startswith(m["rest"]) else None
    return m["rest"] if m and after and after["site"].casefold() in m["forum"].casefold() else None


def _author(meta: object, tree: HtmlElement, in_comments: set[object]) -> str | None:
    """The post's author(s) from the metadata, when they look like names and the page
    vouches for them (not only a teaser's byline in a "Related posts" box)."""
    raw = getattr(meta, "author", None) or ""
    names = _citation_authors(tree) or [clean_name(n) for n in raw.split(";")]
    names = [n for n in names if n and name_ok(n) and dom.author_vouched(tree, n, in_comments)
             and not not_furniture.only_in_sentences(tree, n)]
    if not names:
        return None
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


# A scholarly page's authors, one per tag, "Surname, Given" (Highwire Press tags, which
# Google Scholar reads; the metadata reader splits them at the comma into two "names").
_CITATION_AUTHOR = frozenset({"citation_author", "dc.creator", "dcterms.creator"})


def _citation_authors(tree: HtmlElement) -> list[str]:
    """The authors a journal page's ``citation_author`` tags name, as people write them:
    "Iglesias-Ruiz, Marta" -> "Marta Iglesias-Ruiz"."""
    out: list[str] = []
    for el in tree.iter("meta"):
        if (el.get("name") or "").lower() not in _CITATION_AUTHOR:
            continue
        surname, comma, given = dom.clean_text(el.get("content") or "").partition(",")
        name = clean_name(f"{given} {surname}" if comma and given.strip() else surname)
        if name and name not in out:
            out.append(name)
    return out


def _post_date(tree: HtmlElement, comment_regions: list[HtmlElement]) -> str | None:
    """The post's date (ISO) from what the page declares about itself (meta tags, JSON-LD,
    ``<time>`` elements), never guessed from the text: a date in a comment or in a cited
    paper is not the post's."""
    clean = copy.deepcopy(tree)
    doomed = {r.getroottree().getpath(r) for r in comment_regions}
    dom.drop([el for path in doomed for el in clean.getroottree().xpath(path)])
    try:
        found = find_date(clean, extensive_search=False, original_date=True)
    except Exception:  # htmldate is best effort; a page without a date is fine
        log.debug("no date found", exc_info=True)
        return None
    return found if isinstance(found, str) else None


def _place_captions(blocks: list[Block], captions: list[tuple[HtmlElement, str]],
                    placed: set[str], scope: HtmlElement) -> list[Block]:
    """Captions the text walk did not meet go after the paragraph printed before them."""
    out = list(blocks)
    before: str | None = None
    for el in dom.iter_elements(scope):
        if el.tag in ("p", "li"):  # a list's items are paragraphs too (a how-to's steps)
            text = dom.text_of(el)
            if text:
                before = text
        for cap_el, caption in captions:
            if el is cap_el and caption not in placed:
                placed.add(caption)
                at = 0
                if before:
                    for i, b in enumerate(out):
                        if b.kind == PARAGRAPH and before[:40] in b.text:
                            at = i + 1
                while at < len(out) and out[at].kind == CAPTION:
                    at += 1  # after the captions placed there before it (a gallery's, in order)
                out.insert(at, Block(CAPTION, caption))
    return out


def read_html_page(data: bytes | str, filename: str = "<page>", *, url: str | None = None) -> Page:
    """Read a saved page. PageError (with the file name) when it is empty, binary, not HTML
    or has no article text."""
    text = decode_html(data, filename)
    tree = load_html(text)
    if tree is None or not dom.text_of(tree):
        raise PageError(f"{filename}: the page has no text")
    declared = declared_text.article_body(tree)  # before any script or element is dropped
    doc_markup.drop_permalinks(tree)  # "Connection pooling¶": the mark is not the title's
    google_doc.rewrite(tree)  # a Google Docs export: its footnotes, its links' targets
    meta = trafilatura.extract_metadata(live_blog.metadata_tree(tree), default_url=url)
    ratings.show_star_ratings(tree)  # "Rated 5 stars." heading a reader's comment
    ratings.spell_star_glyphs(tree)  # "4 out of 5 ★★★★☆" in the text: "4 out of 5 stars"
    # "3.9 out of 5", "412 ratings": before it is dropped; else as the page declares it
    rated = ratings.rating_summary(tree) or ratings.declared_rating(tree)
    shop = shop_qa.read_shop_qa(tree)  # a product page's customer questions, taken out
    comment_regions = regions(tree)  # with or without comments found in them ("0 Comments")
    boxes = live_blog.update_boxes(tree)  # a live blog's updates: no forum's posts or comments
    # a forum thread: the opening post is the article, signed by who started the thread, and
    # the replies are its comments; regions that only count (a topic list's "14" replies, a
    # timeline's "1 / 7") do not rule it out
    issue = read_issue(tree)  # a GitHub issue: its opening comment is the post
    posts = [issue.opening] if issue else thread_posts(tree) \
        if not boxes and all(map(only_counts, comment_regions)) else []
    found, replies = (list(issue.comments), list(issue.furniture)) if issue \
        else thread_replies(posts) if posts else find_comments(tree, review_cards.read_cards)
    opening = posts[0] if posts and replies else None
    comment_regions = [*outside_posts(comment_regions, posts), *replies] if posts \
        else comment_regions or replies
    qa = read_qa_page(tree) if not found and not posts and shop is None else None
    found = found if posts else with_declared_accepted(found, tree)  # JSON-LD's acceptedAnswer
    if qa is not None:  # a question page (Quora's shape): its answers are signed boxes
        found, comment_regions = list(qa.answers), [*comment_regions, *qa.boxes]
    if shop is not None:  # in their place among the page's other comments (its reviews)
        found = [*shop.comments, *found] if shop.ahead else [*found, *shop.comments]
    reblog = tumblr.read_reblog(tree) if not posts and not found else None
    if reblog is not None:  # a Tumblr reblog: the trail's later boxes and the notes' words
        found, comment_regions = [*found, *reblog.comments], [*comment_regions, *reblog.read]
    in_comments = {e for r in comment_regions for e in r.iter()}
    sidebars = page_dates.sidebars(tree)  # "Latest news": other posts' dates, not this one's
    beside = {e for box in sidebars for e in box.iter()}
    iso = _post_date(tree, [*comment_regions, *sidebars])
    subject = life_dates.subject_date(tree, iso, in_comments | beside)
    iso = None if subject else iso  # a death's or an event's day is not the page's
    front = journal_page.front_matter(tree, in_comments)  # "Received: ... / Accepted: ..."
    updated_el = dom.updated_line(tree, in_comments)
    changed = page_dates.updated_lines(updated_el) if updated_el is not None else []
    updated = "; ".join(changed) or None  # "Page last reviewed: ...; Next review due: ..."
    printed = dom.post_date(tree, iso, in_comments | beside | (dom.around(updated_el)
                                                      if updated_el is not None else set()))
    if updated and iso and not printed and dom.parse_date(updated) == dom.iso_day(iso):
        iso = None  # the page's only date says when it was changed, not when it was published
    title = issue.title if issue else google_doc.title(tree) or _title(meta, tree)
    author = _author(meta, tree, in_comments)
    site = getattr(meta, "sitename", None)
    if author and site and author.casefold() == site.casefold():
        # the metadata's author is the site (Squarespace's itemprop="author"): a byline the
        # page prints names the writer ("Interview by Tom Hadley")
        author = dom.signed_by(tree, in_comments) or author
    if author is None:
        author = dom.schema_author(tree, in_comments) or event_page.organiser(tree, in_comments)
    author = author or (reblog.poster if reblog is not None else None)  # the original post's blog
    byline = dom.printed_byline(tree, author, in_comments)
    byline = byline or (subject.printed if subject else None)  # "Saturday, September 20, 2025"
    record = page_dates.metadata_list(tree, in_comments)  # "From: ...", "Published ...", ...
    if record is not None:  # who issued it is its author; the list, as printed, its byline
        author, printed = author or record.publisher, printed or record.published
        byline = f"{byline}; {record.byline}" if byline else record.byline
        dom.drop([record.element])
    story = submitted(tree, in_comments) if opening is None else None
    # "123 points by HANDLE 5 hours ago | hide | 48 comments", when the metadata names no one
    # else (or only a piece of the handle: "Plot" of "plot_37_ada")
    if story is not None and (author is None or author.casefold() in story.author.casefold()):
        author, printed = story.author, story.date
        byline = story.printed or made_byline(story.author, story.date)
        dom.drop([story.line])
    channel = channel_name(tree, in_comments) if author is None else None
    if opening is not None:
        author, printed, iso = opening.author, opening.date, None
        byline = made_byline(author, printed)
        in_comments.update(opening.anchor.iter())
        # its signature line ("by mossbank_pots » Sat Oct 03, 2026") is not its words
        dom.drop([opening.anchor, opening.signer, *(
            el for el in dom.iter_elements(opening.item) if el is not opening.item
            and dom.words(el) & AUTHOR_WORDS and len(dom.text_of(el).split()) <= 12
            and not in_sentence(el))])  # a mention ("cc @odette-v who ...") is a word
    dom.drop(comment_regions)
    dom_rewrites.unwrap_layout_tables(tree)
    tables.mark_header_rows(tree)  # a header row styled bold (Google Docs), not marked <th>
    body = abstract_page.find_body(tree)
    body = dom.find_body(tree) if body is None else body
    body = live_blog.around_updates(boxes) if body is None else body  # no <article> around it
    question = best_answer.question_body(tree, comment_regions)  # not its "Asked by" line
    body = body if question is None else question
    if opening is not None and (body is None or opening.item not in body.iter()):
        # the opening post is the article, whatever its class says ("post has-profile")
        body = opening.item
    if body is not None:
        dom_rewrites.keep_article_asides(body)
        press_release.keep_closing_sections(dom.scope_of(body), body)  # "Notes to editors"
    bio = author_card.author_bio(tree, author, body, in_comments)  # before it goes as furniture
    signed = newsletter.read_campaign(tree, body)  # an e-mail's preheader, buttons, sign-off
    if signed is not None and author is None:
        author, byline = signed.author, byline or signed.byline
    authors = journal_page.authors_line(tree) if front else None  # "Ann Lee (1,*), ..."
    life_dates.show_life_dates(tree)  # "14 June 1938 \u2013 2 February 2025", as printed
    event_page.rewrite(tree)  # a venue with its address, the ticket box; not "34 events"
    dom_rewrites.show_folded_answers(tree)
    dom_rewrites.keep_embedded_posts(tree)
    updates = live_blog.mark_updates(tree, boxes)  # "15.41 GMT, by NAME: ...", each update
    dom_rewrites.join_definitions(tree, in_comments)
    dom_rewrites.join_label_values(tree, in_comments)  # "SKU" / "BG-FX30-SL"
    page_dates.date_change_notes(tree)  # "12 May 2025: The closing date has been extended ..."
    dom_rewrites.attribute_quotes(tree)  # before a quote's <footer> goes as furniture
    wiki_markup.rewrite(tree)
    dom_rewrites.mark_footnotes(tree)
    abstract_page.rewrite(tree)
    doc_markup.lead_admonitions(tree)
    dom_rewrites.drop_gallery_headings(tree)
    dom_rewrites.drop_heading_labels(tree)  # "Guidance" over the <h1>: no image's caption
    dom_rewrites.remove_furniture(tree, keep=[*boxes, *([body] if body is not None else [])])
    scope = dom.scope_of(body) if body is not None else tree
    captions = dom.captions(scope)
    lead = list(issue.fields) if issue else dom.standfirst(scope, body)
    plain = dom.text_byline(scope) if author is None and opening is None else None
    if plain:  # a byline printed as plain text, with no metadata to name the author
        byline, author, printed = plain[0], plain[1], printed or plain[2]
    author = author or channel  # a video page's channel, when nothing else names its author
    date = printed or (front.published if front else None) or iso
    if qa is not None and qa.question.asked:  # the question's date, not its answers'
        date, byline = qa.question.asked, f"Question asked {qa.question.asked}"
    byline = byline or (made_byline(author, date) if front else None)  # a journal's authors
    if byline and date and date not in byline:
        byline = f"{byline}, {date}"
    if updated and updated not in (byline or ""):
        # "When was this page last updated?" is answered from the byline
        base = byline or made_byline(author, date)
        byline = f"{base}; {updated}" if base else updated
    skip = {t for t in (title, *lead, *changed, plain[0] if plain else None) if t}

    target: HtmlElement = tree
    if body is not None:
        target = lxml.html.Element("html")
        inner = copy.deepcopy(body)
        if inner.tag == "body":
            # a document whose paragraphs and headings sit right under <body> (a Google Docs or
            # word processor's export, a hand-written page): the extractor's main pass finds no
            # container there and drops every heading, so they go to it in an <article>
            inner.tag = "article"
        etree.SubElement(target, "body").append(inner)
    dom_rewrites.keep_author_sections(target)
    not_furniture.keep_text_words(target)
    inline_lines.make_lines(target)
    dom_rewrites.keep_answered_by(target)
    dom_rewrites.keep_spaces_between_inlines(target)
    dom_rewrites.keep_pre_wrap_lines(target)
    # Trafilatura's own comment finder only when the page has no comment section we know.
    unknown_comments = not comment_regions
    xml = trafilatura.extract(target, output_format="xml", include_comments=unknown_comments,
                              include_images=True, include_tables=True, include_formatting=True,
                              include_links=False, favor_recall=body is not None,
                              with_metadata=False, deduplicate=False)
    walk = Walk(title or "", [c for _, c in captions], skip)
    front_lines = ([authors] if authors else []) + list(front.lines if front else ())
    walk.blocks += [Block(PARAGRAPH, line) for line in (*lead, *front_lines)]
    if xml:
        doc = etree.fromstring(xml.encode("utf-8"))
        main = doc.find("main")
        if main is not None:
            walk_main(main, walk)
        if unknown_comments:
            comments_el = doc.find("comments")
            if comments_el is not None:
                walk.unsigned += [dom.clean_text(t) for t in
                                  ("".join(p.itertext()) for p in comments_el.iter("p")) if t.strip()]
    blocks = live_blog.sign_updates(_place_captions(walk.blocks, captions, walk.placed, scope),
                                    updates)
    shown = sum(len(b.text.split()) for b in blocks if b.kind == PARAGRAPH)
    if declared and declared_text.use_declared(shown, declared):
        # a page built by script, or folded: its declared text stands for the skeleton shown
        blocks = [Block(PARAGRAPH, text) for text in declared] + [
            b for b in blocks if b.kind != PARAGRAPH]
    if bio and not any(bio in b.text for b in blocks):
        blocks.append(Block(PARAGRAPH, bio, heading=author_card.HEADING))
    if rated is not None and not any(rated.printed_in(b.text) for b in blocks):
        blocks.insert(0, Block(PARAGRAPH, rated.sentence))  # the product's, by its title
    if qa is not None:  # the question is the post; the rest is the page's sidebar
        blocks = [Block(PARAGRAPH, text) for text in qa.question.text]
    if not any(b.kind == PARAGRAPH for b in blocks):
        raise PageError(f"{filename}: no article text found on the page (only navigation, "
                        "links or scripts?); if the page is built by JavaScript, save it from "
                        "the browser after it has loaded, or paste the article's text")
    if not title:
        raise PageError(f"{filename}: the page has no title (no <title>, <h1> or og:title); "
                        "save it with its title, or give its text with the title on line 1")
    comment_blocks = [Block(COMMENT, c.text, author=c.author, date=c.date, reply_to=c.reply_to,
                            mark=c.mark) for c in found]
    comment_blocks += [Block(COMMENT, t) for t in walk.unsigned]
    return Page(title=title, blocks=with_replies((*blocks, *comment_blocks)), author=author, date=date,
                byline=byline,
                url=url or getattr(meta, "url", None), site=site,
                meta={"extractor": f"trafilatura {trafilatura.__version__}"})
