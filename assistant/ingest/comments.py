"""Reader comments read from the page's structure (lxml), with their authors and dates.

Text extractors find a comment's words but lose who wrote it and when. Comment sections
have a shape, though: a region named for comments or responses (WordPress ``comment-list``,
Blogger ``comments``, a ``responses`` list, schema.org ``Comment`` items) holding one item
per comment, each with a date (or at least an author) and a body. Each date (or author)
anchors one comment; its item is the largest element around it holding no other anchor, so
a reply nested in its parent's item is a comment of its own. Nothing here reads HTML with
regular expressions: class names are matched as words.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from lxml.html import HtmlElement

from .best_answer import lone_answers, marks_up_to
from .bylines import HANDLE, YEAR_DATE, clean_name, is_comment_date, name_ok, name_or_handle
from .comment_cards import headline, is_card_line, signer_name
from .comment_depths import NEST_WORDS, depth_in, indent_depths, stated_depths
from .dom import clean_text, iter_elements, parse_date, printed_date, shows_text, text_lines, text_of, words
from .stamps import full_date, fuller_date, is_tiny_date, stamped
from .thread_marks import DELETED_COMMENT, comment_mark, is_answer_box, is_dead, is_deleted, name_text

# (a shop's customer reviews are its readers' comments: "reviews", never one "review", which
# may be the article itself; an obituary's guestbook holds its visitors' memories)
_REGION = re.compile(r"(?:^|[-_])(?:comments?|commentlist|responses?|replies|answers|discussion|"
                     r"disqus|reviews|guestbook)(?:$|[-_](?:list|area|section|wrapper|container|holder|thread|"
                     r"content|inner|block|tree))", re.I)
_NOT_REGION = ("form", "respond", "reply-title", "link", "count", "feed", "editor", "button",
               "title", "header", "notes")
AUTHOR_WORDS = frozenset({"fn", "author", "comment-author", "user", "username", "user-name", "reviewer",
                          "commenter", "display-name", "nickname", "hnuser"})
BODY_WORDS = frozenset({"comment-content", "comment-text", "comment-body-text", "commenttext",
                        "comment-message", "message", "response-body", "response-text",
                        "review-text", "review-body", "review-content"})
# Parts of an item that are not the comment's words.
META_WORDS = frozenset({"reply", "comment-reply", "actions", "comment-actions", "meta",
                        "comment-meta", "comment-metadata", "avatar", "says", "badge",
                        "post-author-badge", "vote", "votes", "likes", "like", "count",
                        "item-control", "blog-admin", "permalink", "edit-link", "icon",
                        "secondary-text", "datetime", "comment-header", "comment-footer",
                        "helpful", "verified"})


@dataclass(frozen=True)
class FoundComment:
    text: str
    author: str | None
    date: str | None
    reply_to: str | None = None  # the author of the comment it is nested under
    mark: str | None = None  # how the page marks it: "accepted solution" (``thread_marks``)


def _is_region(el: HtmlElement) -> bool:
    if el.tag in ("html", "body", "head"):
        return False
    if el.get("itemprop") == "comment" or "Comment" in (el.get("itemtype") or ""):
        return False  # an item, not a region
    if el.tag in ("td", "th") and not any(isinstance(d.tag, str) and d.tag not in _INLINE
                                          for d in el.iterdescendants()):
        return False  # a table's cell of a line of text: a field's value ("Comments: 12 pages")
    names = f"{el.get('class') or ''} {el.get('id') or ''}".lower().split()
    found = [m for n in names if not any(x in n for x in _NOT_REGION) for m in [_REGION.search(n)] if m]
    # a site of reviews ("category-reviews") holds the article: its heading is not a review's
    return any("reviews" not in m[0] for m in found) or bool(found) and el.find(".//h1") is None


def regions(root: HtmlElement) -> list[HtmlElement]:
    """The outermost comment regions of the page."""
    found = [el for el in iter_elements(root) if _is_region(el)]
    ids = set(found)
    outer = [e for e in found if not any(a in ids for a in e.iterancestors())]
    extra = set(lone_answers(root, outer))  # a "Best answer" box beside the answers' list
    return [e for e in iter_elements(root) if e in extra or e in outer] if extra else outer


def is_date_el(el: HtmlElement) -> bool:
    if el.tag == "time" or el.get("itemprop") in ("dateCreated", "datePublished", "commentTime"):
        return bool(text_of(el))
    text = text_of(el)
    if not text or len(text) > 60:
        return False
    if parse_date(text) is None:
        # a date printed without its year or relative to the visit ("Jun 4", "2 days ago"),
        # or a tiny one ("4d") beside the full date it keeps in an attribute
        return is_comment_date(text) or stamped(el, text)
    # A leaf-like element whose own words are the date ("Mar 4, 2024", "June 14, 2024 at 9 pm"),
    # or one marked as the date ("Reviewed in the United Kingdom on 14 June 2025").
    return not any(isinstance(c.tag, str) and parse_date(text_of(c)) for c in el) \
        and (len(text.split()) <= 8 or bool(words(el) & {"date", "datetime", "timestamp"}))


def is_author_el(el: HtmlElement) -> bool:
    return bool(words(el) & AUTHOR_WORDS and el.tag != "img" and not is_card_line(el)) \
        or el.get("itemprop") == "author" or el.tag == "cite"


def _in_form(el: HtmlElement) -> bool:
    """Inside the comment form ("Leave a reply": name, email, comment fields)."""
    return any(a.tag in ("textarea", "input", "label", "button")
               or a.tag == "form" and not shows_text(a)
               or words(a) & _FORM_WORDS for a in (el, *el.iterancestors()))


_FORM_WORDS = frozenset({"comment-form", "commentform", "comment-respond", "respond", "reply-form",
                         "comment-editor", "comment-form-note", "no-comments"})


def _edited(el: HtmlElement) -> bool:
    """A date that says when a post was last changed, not when it was written: Stack
    Exchange's "edited <span>Mar 4, 2024 at 16:41</span>" above its "answered ..."."""
    parent = el.getparent()
    said = text_of(parent) if parent is not None and len(text_of(parent)) <= 60 else text_of(el)
    return bool(_EDITED.match(said))


_EDITED = re.compile(r"^\W*(?:last\s+)?(?:edited|modified|updated)\b", re.I)


def _anchors(region: HtmlElement) -> list[HtmlElement]:
    candidates = [el for el in iter_elements(region) if not _in_form(el)]
    dates = [el for el in candidates if is_date_el(el) and not _edited(el)]
    ids = set(dates)
    dates = [d for d in dates if not any(a in ids for a in d.iterancestors())]
    if dates:
        return dates
    authors = [el for el in candidates if is_author_el(el)]
    ids = set(authors)
    return [a for a in authors if not any(x in ids for x in a.iterancestors())]


def _item(anchor: HtmlElement, region: HtmlElement, anchors: set[Any]) -> HtmlElement:
    """The largest element around ``anchor`` (inside the region) holding no other anchor,
    and not past a list of replies: a reply alone in its parent's ``children`` list, nested
    beside the parent's words, is not the parent's words too."""
    item = anchor
    for parent in anchor.iterancestors():
        if parent is region and not is_answer_box(region) or words(item) & NEST_WORDS:
            break
        if any(d in anchors for d in parent.iter() if d is not anchor):
            break
        item = parent
        if parent is region:
            break  # an answer's own box (a region of its own) is the answer's item
    return item


def date_text(anchor: HtmlElement) -> str | None:
    """The comment's date as printed, time included ("June 14, 2024 at 11:42 am"); printed
    without its year or its day, or relative to the visit ("Jun 4", "Apr 2024", "4d"), the
    full date the element (or one inside it: a link in a "post-meta" span) keeps in its ``datetime``,
    ``title`` or ``data-time`` (``stamps.full_date``), else the text as printed."""
    text = text_of(anchor)
    if parse_date(text) is None and (is_comment_date(text) or is_tiny_date(text)):
        return full_date(anchor) or text
    fuller = fuller_date(anchor, text)  # "Apr 2024", titled "Apr 8, 2024 7:22 pm"
    if fuller:
        return fuller
    found = YEAR_DATE.search(text)  # with its weekday: "Sat Oct 03, 2026 8:14 pm", as printed
    return text[found.start():] if found and len(text) <= 60 else printed_date(text)


def author_of(item: HtmlElement, anchor: HtmlElement) -> str | None:
    """Who signed the comment ``item`` that ``anchor`` (its date line) anchors."""
    # schema.org's author and its name: Stack Exchange's user card ("breadhead_92", then a
    # reputation and badges), the last of an "edited" and an "answered" card
    for el in iter_elements(item):
        if el is not item and el.get("itemprop") == "name" and any(
                a.get("itemprop") == "author" for a in el.iterancestors()):
            name = name_or_handle(text_of(el))
            if name:
                return name
    for el in iter_elements(item):
        if el is not item and is_author_el(el):
            # an element marked as the author may print a handle ("lena_k", YouTube's
            # "@lena_k"), or more than the name: "Tobias Brenner" then his reputation, "21.5k"
            name = clean_name(name_text(el)).removeprefix("@")
            if name and (HANDLE.fullmatch(name) or name_ok(name)
                         and not any(c.isdigit() for c in name)):
                return name
            # a name, then a reputation ("Tobias Brenner" / "21.5k"): its first text
            first = clean_name(next((clean_text(t) for t in el.itertext() if clean_text(t)),
                                    "")).removeprefix("@")
            if first and first != name and name_ok(first):
                return first
    signer = signer_name(item, anchor)  # classed as a name: "entry-name", "name-text"
    if signer:
        return signer
    # No marked author: the name-like text just before the date ("Kirsty Aldane", "Mar 4").
    before: list[str] = []
    for el in iter_elements(item):
        if el is anchor:
            break
        if el.tag == "img" and el.get("alt"):
            before.append(clean_text(el.get("alt") or ""))
        elif el.text and el.text.strip() and not is_card_line(el):
            before.append(clean_text(el.text))
    for text in reversed(before):
        name = clean_name(text)
        if name and name_ok(name) and len(name.split()) <= 4:
            return name
    return None


def body_text(item: HtmlElement, anchor: HtmlElement, skip: set[Any] | None = None) -> str:
    """The comment's words: its marked body, else what is left once the meta is removed;
    never from an element in ``skip`` (its replies, when they sit inside ``item``)."""
    skip = skip or set()
    marked = [el for el in iter_elements(item)
              if el is not item and el not in skip
              and (words(el) & BODY_WORDS or el.get("itemprop") == "text")
              and anchor not in el.iter()]
    if marked:
        return paragraphs(_pruned(marked[0], skip))
    clone = copy.deepcopy(item)
    originals = list(item.iter())
    doomed = [el for i, el in enumerate(clone.iter()) if isinstance(el.tag, str) and (
        originals[i] is anchor or originals[i] in skip
        or el.tag in ("button", "img", "svg", "script", "style", "cite")
        or el.tag == "form" and not shows_text(originals[i])
        or words(el) & (META_WORDS | AUTHOR_WORDS) and not _is_comment_item(el)
        and not _holds_paragraphs(originals[i]) and not in_sentence(originals[i])
        or el.get("itemprop") == "author")]
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()
    # What is left: the block with the most words of its own (not its children's blocks).
    blocks = [el for el in iter_elements(clone) if el.tag in _BLOCKS]
    best = max(blocks, key=lambda el: len(_own_text(el)), default=None)
    if best is None or not _own_text(best):
        return ""
    while best.getparent() is not None and best.getparent().tag == "blockquote":
        best = best.getparent()  # a quoted reply ("> ...") is a block of the comment
    parent = best.getparent()
    if best.tag in ("p", "pre", "blockquote") and parent is not None \
            and sum(map(_is_text_block, parent)) > 1:
        # a comment of several blocks (paragraphs, a quote it answers, a code block), not
        # its longest one
        return paragraphs(parent)
    return paragraphs(best)


def _is_text_block(el: HtmlElement) -> bool:
    """A block of a comment's text: a paragraph, a quote, a list, a code block (or a box
    holding one, "div.highlight")."""
    return isinstance(el.tag, str) and (el.tag in ("p", "pre", "blockquote", "ul", "ol")
                                        or next(el.iter("pre"), None) is not None)


def _pruned(el: HtmlElement, skip: set[Any]) -> HtmlElement:
    """``el``, or a copy of it without the elements of ``skip`` inside it."""
    if not any(d in skip for d in el.iterdescendants()):
        return el
    clone = copy.deepcopy(el)
    doomed = [c for o, c in zip(el.iter(), clone.iter(), strict=True) if o in skip and o is not el]
    for c in doomed:
        c.drop_tree()
    return clone


def in_sentence(el: HtmlElement) -> bool:
    """A link inside a paragraph's running text ("@dvoigt is right about the cause"): a word
    of the sentence, whatever its class says ("user-mention")."""
    parent = el.getparent()
    return el.tag in _INLINE and parent is not None and parent.tag in ("p", "li") \
        and bool((el.tail or "").strip() or (parent.text or "").strip())


def _holds_paragraphs(el: HtmlElement) -> bool:
    """Paragraphs of text, which no name or date box holds (GitHub's comment text sits in a
    table classed "user-select-contain": a class word, not the comment's author)."""
    return any(len(text_of(p)) > 40 for p in el.iter("p"))


def _no_words(text: str, who: str | None) -> bool:
    """``text`` holds no words but its signer's name and marks ("lena_k \u00b7", "Ann OP")."""
    rest = text.replace(who, " ") if who else text
    return not any(len(w) > 3 for w in re.findall(r"[^\W\d_]+", rest))


def _is_comment_item(el: HtmlElement) -> bool:
    """A reader's comment nested in the item (``<li class="comment reply">``, WordPress's
    ``<li class="comment byuser comment-author-lena depth-2">``, LinkedIn's ``<article
    class="comments-comment-item comments-reply-item">``): classed "comment" (or a comment's
    or a reply's "item"), whatever else its class says ("reply", "author"), it is not a
    "Reply" link or the comment's meta."""
    return any(c == "comment" or re.search(r"(?:comment|reply)[-_]+item$", c)
               for c in (el.get("class") or "").lower().split())


_PARAGRAPH_TAGS = frozenset({"p"})
_BLOCKS = frozenset({"p", "div", "pre", "blockquote", "section", "article", "li", "span"})
_INLINE = frozenset({"a", "em", "strong", "b", "i", "u", "q", "code", "small", "sup", "sub",
                     "abbr", "mark", "s", "del", "ins", "br"})


def _replies_in(outer: HtmlElement, anchor: HtmlElement, anchors: set[Any]) -> set[Any]:
    """Every element of ``outer`` that holds another comment: the replies a theme nests inside
    the comment's own element (header, text, ``<div class="replies">``). That is the list of
    replies holding the other comment's anchor, else the whole branch of ``outer`` holding it."""
    out: set[Any] = set()
    for other in anchors:
        if other is anchor:
            continue
        chain = []
        for el in (other, *other.iterancestors()):
            if el is outer:
                break
            chain.append(el)
        else:
            continue
        top = next((el for el in chain if words(el) & NEST_WORDS), chain[-1] if chain else None)
        if top is not None:
            out.update(top.iter())
    return out


def _own_text(el: HtmlElement) -> str:
    """The element's text, counting inline children (links, emphasis) but not blocks."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag in _INLINE:
            parts.append(child.text_content())
        parts.append(child.tail or "")
    text = clean_text("".join(parts))
    return "" if re.fullmatch(r"[\d\s.,KkMm+]*", text) else text


# A comment's blocks of text: its paragraphs and list items, a code block (an answer's
# ``<pre><code>``, its lines as typed) and a table's rows (its cells between " | ").
_TEXT_BLOCKS = ("p", "li", "pre", "tr")


def _block_text(el: HtmlElement) -> str:
    if el.tag == "pre":
        return "\n".join(line for line in map(clean_text, el.text_content().splitlines()) if line)
    if el.tag == "tr":
        return " | ".join(c for c in (text_of(td) for td in el if td.tag in ("td", "th")) if c)
    return text_of(el)


def paragraphs(el: HtmlElement) -> str:
    """An element's text with its paragraphs (``<p>``, a list's items, a code block's lines,
    a table's rows, ``<br>``) on separate lines; text before an unclosed ``<p>`` (Hacker
    News' "...pilots.<p>Adding ...") is a paragraph of its own, not glued to the next."""
    inside = set(el.iterancestors())
    blocks = [b for b in el.iter(*_TEXT_BLOCKS) if b is not el and not any(
        a.tag in _TEXT_BLOCKS for a in b.iterancestors() if a is not el and a not in inside)]
    ps = [_block_text(p) for p in blocks]
    ps = [p for p in ps if p]
    if len(ps) > 1:
        return "\n".join(ps)
    return "\n".join(text_lines(el, _PARAGRAPH_TAGS))


def find_comments(root: HtmlElement, read_cards: Callable[[HtmlElement, list[HtmlElement]],
                                                          list[FoundComment] | None] | None = None,
                  ) -> tuple[list[FoundComment], list[HtmlElement]]:
    """Reader comments in page order, and the regions they were found in (for removal);
    ``read_cards`` reads a region's cards whole (``review_cards``) where its anchors would not."""
    out: list[FoundComment] = []
    used: list[HtmlElement] = []
    for region in regions(root):
        anchors = _anchors(region)
        cards = read_cards(region, anchors) if read_cards else None
        if cards is not None:
            out, used = out + cards, used + [region]
            continue
        if not anchors:
            continue
        ids = set(anchors)
        levels = stated_depths(region, anchors)
        if not levels and len({depth_in(a, region) for a in anchors}) == 1:
            levels = indent_depths(region, anchors)  # printed flat, indented by its style
        found: list[FoundComment] = []
        thread: list[tuple[int, str | None]] = []  # (depth, author) of the comments so far
        for anchor in anchors:
            item = _item(anchor, region, ids)
            is_date = is_date_el(anchor)
            who = author_of(item, anchor) if is_date else clean_name(text_of(anchor)) or None
            text = body_text(item, anchor)
            outer = item.getparent() if item is not region else None
            # its words sit beside its header, in the comment's element: a region holding one
            # comment may be that element (Reddit's <div class="Comment">)
            if _no_words(text, who) and outer is not None and (outer is not region
                                                                or len(anchors) == 1):
                # its words sit beside its header (its signer's name is not its words), in an
                # element that also holds its replies
                text = body_text(outer, anchor, skip=_replies_in(outer, anchor, ids))
            if not text or text == who or any(f.text == text and f.author != who for f in found):
                continue  # no words, or another signer's: never put one reader's words in two mouths
            line = headline(item, anchor)  # "Shift Team Leader at ...": who the commenter is
            text = f"{line}\n{text}" if line and line not in text else text
            when = date_text(anchor) if is_date else None
            if who and who.lower() in ("anonymous", "unknown"):
                who = "Anonymous"
            # a reply is nested one level below the comment it answers, the latest before it
            depth = levels[anchor] if anchor in levels else depth_in(anchor, region)
            answered = next((a for d, a in reversed(thread) if d < depth), None)
            deleted = is_deleted(item, anchor, region, ids, text)
            # a reply under a deleted comment answers it, whoever wrote it
            thread.append((depth, DELETED_COMMENT if deleted else who))
            if deleted or is_dead(item, anchor):
                continue  # killed, flagged or deleted by the site: hidden from its readers
            found.append(FoundComment(text, who, when, answered if answered != who else None,
                                      comment_mark(item, marks_up_to(region), (anchor, ids))))
        if found:
            out += found
            used.append(region)
    return out, used
