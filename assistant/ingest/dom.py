"""What the page's structure tells, read with lxml (a parser, never regexes over HTML).

Helpers for ``extract``: the words of an element's class and id, page furniture (navigation,
banners, sidebars, share and "related" boxes, forms...), the element holding the article's
body, figure captions, and the post's printed date (``dom_rewrites`` changes the tree with
them before extraction). Dates are kept as the page prints them ("June 14, 2024");
``parse_date`` only compares them with the page's metadata.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from typing import Any

from lxml import etree
from lxml.html import HtmlElement

from .bylines import DATE, YEAR_DATE, name_or_handle, post_byline
from .not_furniture import text_words

# Never article text.
DROP_TAGS = frozenset({"script", "style", "noscript", "template", "nav", "aside", "footer", "form",
                       "button", "iframe", "svg", "select", "textarea", "input", "label", "dialog",
                       "object", "embed", "canvas", "link", "meta"})
DROP_ROLES = frozenset({"navigation", "banner", "complementary", "contentinfo", "dialog",
                        "alertdialog", "search", "menu", "menubar", "toolbar", "form"})
# Words of a class or id that mark furniture ("sidebar", "cookie-notice", "share-tools"...).
FURNITURE_WORDS = frozenset("""
    sidebar widget widgets cookie cookies consent gdpr banner share sharing sharedaddy social
    related popular trending recommended recommendations newsletter subscribe subscription
    signup advert adverts advertisement ad ads adsbygoogle sponsor sponsored promo breadcrumb
    breadcrumbs pagination pager navigation nav navbar menu masthead skip respond commentform
    feed tags labels topics categories byline meta kicker toolbar modal popup overlay
    readnext bio profile follow editsection
    """.split())
# ...and parts of a class name that do ("more-from-section", "you-may-also-like").
FURNITURE_PHRASES = ("more-from", "read-next", "post-navigation", "nav-links", "author-box",
                     "also-like", "most-read", "read-more", "comment-form", "comment-respond",
                     "reply-form", "screen-reader", "read-also", "see-also", "also-read",
                     "call-to-action")
# Class or id words marking the element that holds the article's body.
BODY_CLASSES = ("entry-content", "post-body", "post-content", "article-body", "article-content",
                "articlebody", "story-body", "story-content", "post-entry", "blog-post-body",
                "article__body", "article-text", "body-text", "content-body", "single-content",
                "doc-content")  # Google Docs published to the web
STANDFIRST_WORDS = frozenset({"standfirst", "dek", "subtitle", "subheadline", "sub-headline",
                              "lede", "summary", "pw-subtitle-paragraph"})
CAPTION_WORDS = re.compile(r"(?:^|[-_])(?:caption|figcaption|wp-caption-text)(?:$|[-_]text)")

_DATE_RE = re.compile(DATE)
_SPACE = re.compile(r"\s+")
_FORMATS = ("%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y", "%Y-%m-%d", "%B %Y", "%b %Y")


def words(el: HtmlElement) -> set[str]:
    """The words of an element's class, id and test id (the stable hook of pages built with
    React: Reddit's ``data-testid="comment_author_link"``): "nav-links post-navigation" ->
    both, and their parts ("nav", "links", "post", "navigation")."""
    raw = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('data-testid') or ''}".lower().split()
    out = set(raw)
    for name in raw:
        out.update(p for p in re.split(r"[-_]+", name) if p)
    return out


def clean_text(text: str) -> str:
    """Whitespace collapsed (including no-break spaces), ends stripped."""
    return _SPACE.sub(" ", text).strip()


def text_of(el: HtmlElement) -> str:
    return clean_text(el.text_content())


def parse_date(text: str) -> date | None:
    """The first printed date in ``text`` ("Tuesday 5 November 2024, 06:00" -> 2024-11-05)."""
    m = _DATE_RE.search(text)
    if not m:
        return None
    raw = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", m.group(0)).replace(",", " ").replace(".", " ")
    raw = clean_text(re.sub(r"\bSept\b", "Sep", raw))
    for fmt in _FORMATS:
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    return None


def printed_date(text: str) -> str | None:
    m = _DATE_RE.search(text)
    return m.group(0).strip() if m else None


def printed_day(text: str) -> str | None:
    """The first printed date in ``text`` with the weekday printed before it, if any
    ("Friday 14 August 2026, 06:05 BST" -> "Friday 14 August 2026")."""
    m = YEAR_DATE.search(text)
    return m.group(0).strip() if m else None


def iter_elements(root: HtmlElement) -> Iterator[HtmlElement]:
    for el in root.iter():
        if isinstance(el.tag, str):
            yield el


def shows_text(form: HtmlElement) -> bool:
    """A ``<form>`` that only shows text (old Reddit's ``form.usertext`` around a post or a
    comment): paragraphs, and no field or button a reader could use."""
    controls = [el for el in form.iter("textarea", "select", "button", "input")
                if not (el.tag == "input" and (el.get("type") or "").lower() == "hidden")]
    return not controls and next(form.iter("p"), None) is not None


def is_furniture(el: HtmlElement) -> bool:
    """Navigation, banners, sidebars, share boxes, comment forms, scripts...: never article text."""
    tag = el.tag.lower() if isinstance(el.tag, str) else ""
    if tag == "form" and shows_text(el):
        return False
    if tag in DROP_TAGS:
        return True
    if (el.get("role") or "").lower() in DROP_ROLES:
        return True
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    if tag == "header" and el.getparent() is not None and el.getparent().tag == "body":
        return True  # the site's header; an article's own <header> sits deeper
    found = words(el)
    found -= text_words(el, found)  # a heading's slug id, a recipe card's details
    if not (found & FURNITURE_WORDS or any(p in w for w in found for p in FURNITURE_PHRASES)):
        return False
    # who answered a question on the page ("Answered by Priya Raman on 2 August 2025"), in a
    # box classed as meta, is the answer's signature, not the site's
    return not ANSWERED_BY.match(text_of(el)[:121])


ANSWERED_BY = re.compile(r"^(?:answered|replied|responded|asked)\s+by\s+\S.{0,80}$", re.I)


def drop(elements: Iterable[Any]) -> None:
    """Remove elements from their tree, keeping the text that follows each (its tail)."""
    for el in list(elements):
        if el.getparent() is not None:
            el.drop_tree()


def outermost(elements: list[HtmlElement]) -> list[HtmlElement]:
    chosen = set(elements)
    return [e for e in elements if not any(a in chosen for a in e.iterancestors())]


def find_body(root: HtmlElement) -> HtmlElement | None:
    """The element holding the article's body: ``itemprop=articleBody``, a well-known body
    class ("entry-content", "post-body"...), else the ``<article>`` with the most text."""
    def size(el: HtmlElement) -> int:
        return sum(len(text_of(p)) for p in el.iter("p")) or len(text_of(el))

    found = [el for el in iter_elements(root) if el.get("itemprop") == "articleBody"]
    found = found or [el for el in iter_elements(root) if words(el) & set(BODY_CLASSES)]
    found = found or list(root.iter("article")) or list(root.iter("main"))
    found = [el for el in outermost(found) if size(el) >= 200]
    return max(found, key=size) if found else None


def scope_of(body: HtmlElement) -> HtmlElement:
    """Where the article's own parts (header, standfirst, hero image) are: the ``<article>``
    around the body, or the body itself."""
    for a in body.iterancestors():
        if a.tag == "article" or a.get("itemtype", "").endswith(("Article", "BlogPosting")):
            return a
    return body


def standfirst(scope: HtmlElement, body: HtmlElement | None) -> list[str]:
    """A news standfirst or a post's subtitle printed above the body, if any, as its lines (a
    list of key points is one line a point): in the ``<article>`` around the body, or, on a
    page without one, after the page's ``<h1>`` in the element that holds both (a newsletter
    post's subtitle under its title)."""
    after: HtmlElement | None = None
    if body is None or scope is body:
        after = next(scope.iter("h1"), None) if body is None else next(
            (h for a in body.iterancestors() for h in a.iter("h1")), None)
        if after is None:
            return []
        scope = next((a for a in after.iterancestors()
                      if body is None or any(e is body for e in a.iter())), after)
    inside = set(body.iter()) if body is not None else set()
    for el in iter_elements(scope):
        if el is body:
            break
        if after is not None:
            if el is after:
                after = None
            continue
        if el in inside:
            continue
        if words(el) & STANDFIRST_WORDS or el.get("itemprop") == "description" and el.tag != "meta":
            if len(text_of(el).split()) >= 6:
                return text_lines(el, _LINE_BLOCKS)
    return []


def captions(scope: HtmlElement) -> list[tuple[HtmlElement, str]]:
    """Figure captions in reading order: ``<figcaption>`` and caption-classed elements
    (WordPress ``wp-caption-text``, Blogger ``tr-caption``), innermost ones only."""
    found = [el for el in iter_elements(scope)
             if el.tag == "figcaption" or any(CAPTION_WORDS.search(w) for w in words(el))
             and el.tag not in ("table", "tbody", "figure", "img")]
    chosen = set(found)
    out = []
    for el in found:
        if any(a in chosen for a in el.iterancestors()):
            continue
        text = text_of(el)
        if text:
            out.append((el, text))
    return out


_UNSEEN = ("script", "style", "title", "meta")  # tags whose text a reader never sees as such


def _shown(root: HtmlElement, skip: set[Any],
           unseen: tuple[str, ...] = (*_UNSEEN, "head")) -> Iterator[HtmlElement]:
    """The elements of ``root`` outside ``skip`` (comment sections) and ``unseen`` tags."""
    return (el for el in iter_elements(root) if el not in skip and el.tag not in unseen)


# Boxes of other posts beside the article ("Related", "You might also like", a sidebar): a
# name printed there signs another post.
_OTHER_POSTS_WORDS = frozenset("""
    related popular trending recommended recommendations readnext teaser teasers sidebar promo
    sponsored
    """.split())
_OTHER_POSTS_PHRASES = ("more-from", "read-next", "also-like", "most-read", "read-more",
                        "read-also", "see-also", "also-read", "might-like")


def _in_other_posts(el: HtmlElement, page_chars: int) -> bool:
    for node in (el, *el.iterancestors()):
        if len(text_of(node)) > page_chars / 2:
            return False  # a wrapper of the page's layout ("has-sidebar"), not a box beside it
        if node.tag in ("aside", "nav", "footer") or \
                (node.get("role") or "").lower() in ("complementary", "navigation"):
            return True
        found = words(node)
        if found & _OTHER_POSTS_WORDS or any(p in w for w in found for p in _OTHER_POSTS_PHRASES):
            return True
    return False


def author_vouched(root: HtmlElement, name: str, skip: set[Any]) -> bool:
    """Whether ``name`` (an author the metadata reader found) signs this post: the page's
    own metadata (meta tags, JSON-LD) names it, or it is printed outside the comments
    (``skip``) and outside boxes of other posts, whose teasers carry their own bylines."""
    want = clean_text(name).lower()
    declared = [el.get("content") or "" for el in root.iter("meta")]
    declared += [text_of(el) for el in root.iter("script") if "json" in (el.get("type") or "")]
    if any(want in clean_text(text).lower() for text in declared):
        return True

    def says_it(el: HtmlElement) -> bool:  # in its own words, or in a short element's
        text = text_of(el)
        if len(text) > 120:
            text = " ".join([el.text or "", *(c.tail or "" for c in el)])
        return want in clean_text(text).lower()

    page_chars = len(text_of(root))
    return any(says_it(el) and not _in_other_posts(el, page_chars) for el in _shown(root, skip))


def text_lines(el: HtmlElement, blocks: frozenset[str] = frozenset()) -> list[str]:
    """An element's text as the lines a browser shows: broken at ``<br>`` and around the
    elements of ``blocks``, whitespace collapsed, empty lines dropped."""
    parts: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end", "comment", "pi")):
        if event == "start":
            if node.tag == "br" or node.tag in blocks:
                parts.append("\n")
            if node.tag != "br" and node.text:
                parts.append(node.text)
        elif node is not el and node.tail:  # after its children ("with <code>flock</code> as")
            parts.append(("\n" if node.tag in blocks else "") + node.tail)
    lines = [clean_text(line) for line in "".join(parts).split("\n")]
    return [line for line in lines if line]


def text_byline(scope: HtmlElement) -> tuple[str, str, str | None] | None:
    """(line, author, date) of a byline printed as plain text atop the article, in no element
    of its own ("Posted by Gwen Hale on 3 March 2023<br>The broad beans..."): the first of
    its first dozen lines that reads as a post's byline naming its author."""
    for line in text_lines(scope, _LINE_BLOCKS)[:12]:
        found = post_byline(line) if len(line) <= 120 else None
        if found:
            return line, found[0], found[1]
    return None


def signed_by(root: HtmlElement, skip: set[Any]) -> str | None:
    """The author an element of the page prints as the post's byline ("Interview by Tom
    Hadley"), outside the comments (``skip``) and boxes of other posts; None if none does."""
    page_chars = len(text_of(root))
    for el in _shown(root, skip):
        text = text_of(el)
        if len(text) > 120 or any(d.tag in _LINE_BLOCKS for d in el.iterdescendants()):
            continue  # a line of its own, not a box of several ("Interview by ...", a date)
        found = post_byline(text)
        if found and not _in_other_posts(el, page_chars):
            return found[0]
    return None


def schema_author(root: HtmlElement, skip: set[Any]) -> str | None:
    """The author the page's schema.org markup gives the main work (a Question's asker on
    Stack Exchange: ``itemprop="author"`` and its ``itemprop="name"``), outside the comments
    and answers (``skip``) and boxes of other posts; None if none."""
    page_chars = len(text_of(root))
    for el in root.iter():
        if not isinstance(el.tag, str) or el.get("itemprop") != "author" or el in skip \
                or any(is_furniture(a) for a in el.iterancestors()):
            continue
        named = next((n for n in el.iter() if isinstance(n.tag, str)
                      and n.get("itemprop") == "name" and text_of(n)), el)
        name = name_or_handle(text_of(named))
        if name and not _in_other_posts(el, page_chars):
            return name
    return None


HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_LINE_BLOCKS = frozenset({"p", "div", *HEADINGS, "li", "header",
                          "section", "article", "address", "blockquote", "figure", "table",
                          "tr"})


def iso_day(iso: str | None) -> date | None:
    """The day of an ISO date or timestamp ("2025-05-19T09:00:00+01:00"), or None."""
    try:
        return date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def post_date(root: HtmlElement, iso: str | None, skip: set[Any]) -> str | None:
    """The post's date as the page prints it ("June 14, 2024"), matched to the metadata's
    ISO date; ``skip`` holds the ids of elements in comment sections."""
    want = iso_day(iso)
    if want is None:
        return None
    candidates: list[HtmlElement] = []
    for el in _shown(root, skip, _UNSEEN):
        if el.tag in ("time", "abbr") or el.get("itemprop") in ("datePublished", "dateCreated") \
                or words(el) & {"date", "published", "timestamp", "dateline", "posted", "time"}:
            candidates.append(el)
    for el in candidates:
        text = text_of(el)
        if len(text) <= 80 and parse_date(text) == want:
            return printed_day(text)  # as printed, with its weekday
    # Pages that name nothing ("Mar 3, 2024" in a bare <span>): a short text that is the date.
    for el in _shown(root, skip, _UNSEEN):
        text = text_of(el)
        if len(text) <= 40 and parse_date(text) == want:
            return printed_date(text)
    return None


_BY = re.compile(r"^(?:(?:posted|written|words|published|story|text|report|reporting|interview|"
                 r"interviewed)\s+)?by\s|^author:?\s", re.I)
UPDATED = re.compile(r"^(?:(?:this\s+)?page\s+(?:was\s+)?)?(?:last\s+)?(?:updated|modified|"
                     r"revised|reviewed|edited)\b(?:\s+on)?\s*:?\s*", re.I)


def around(el: HtmlElement, chars: int = 120) -> set[Any]:
    """``el``, what it holds, and the elements around it whose text is no longer than
    ``chars`` (the line's box)."""
    out = set(el.iter())
    out.update(a for a in el.iterancestors() if len(text_of(a)) <= chars)
    return out


# A time of day alone, as a page updated through the day stamps it beside its date (a live
# blog's "Updated 18:42 BST", "Updated 6.42pm"): the update is of the day the page prints.
_CLOCK_STAMP = re.compile(r"(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,5})?\.?", re.I)


def updated_line(root: HtmlElement, skip: set[Any]) -> HtmlElement | None:
    """The element that says when the page was last changed ("Last updated: 14 October
    2026", "Page last reviewed: 12 May 2024", "This page was last edited on 11 January
    2025, at 09:12", a live blog's "Updated 18:42 BST"), or None; ``skip`` holds the ids of
    elements in comment sections."""
    def says_it(el: HtmlElement) -> bool:
        if not UPDATED.match(text_of(el)):
            return False
        text = (text_lines(el) or [""])[0]  # its first line only
        m = UPDATED.match(text) if len(text) <= 80 else None
        return m is not None and (parse_date(text[m.end():]) is not None
                                  or _CLOCK_STAMP.fullmatch(text[m.end():].strip()) is not None)

    found = next((el for el in _shown(root, skip) if says_it(el)), None)
    while found is not None:  # the line itself, not a box holding it and the next line
        inner = next((el for el in iter_elements(found) if el is not found and says_it(el)), None)
        if inner is None:
            break
        found = inner
    return found


def printed_byline(root: HtmlElement, author: str | None, skip: set[Any]) -> str | None:
    """The byline as the page prints it ("By Maren Ashdown", "Posted by Dougal Fennimore"):
    the smallest short text around the author's name that starts with "By"."""
    if not author:
        return None
    first = author.split(" and ")[0].split(",")[0].strip()
    for el in _shown(root, skip):
        if (el.text or "").strip() and first in clean_text(el.text or "") or \
                first == text_of(el):
            for node in (el, *el.iterancestors()):
                text = text_of(node)
                if len(text) > 120:
                    break
                if _BY.match(text):
                    return text
    return None
