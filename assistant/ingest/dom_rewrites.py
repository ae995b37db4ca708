"""Changes made to a page's parsed tree before the extractor reads it, so that it keeps what
a reader sees: furniture removed; answered-by lines, journal author sections and spaces
between inline elements kept; definition lists joined into lines, quotes signed by their
source, gallery headings and a heading's context label dropped and footnote marks written
out as "[1]"."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from .dom import (
    ANSWERED_BY,
    CAPTION_WORDS,
    HEADINGS,
    drop,
    find_body,
    is_furniture,
    iter_elements,
    outermost,
    text_of,
    words,
)
from .thread_marks import ANSWER_PROPS, is_link_bar, is_stats_list

_SUBHEADINGS = HEADINGS[1:]  # a section's heading, under the page's <h1>


def remove_furniture(root: HtmlElement, keep: Iterable[HtmlElement] = ()) -> None:
    """Remove every furniture element (a forum topic's stats and a bar of menu links too),
    HTML comments and processing instructions, except the elements holding one of ``keep``
    (the article's body)."""
    protected = {a for k in keep for a in (k, *k.iterancestors())}
    drop(outermost([el for el in iter_elements(root)
                    if el not in protected and el.tag not in ("html", "body")
                    and (is_furniture(el) or is_stats_list(el) or is_link_bar(el))]))
    drop(list(root.iter(etree.Comment, etree.ProcessingInstruction)))


# A paper's sections about its authors: where they work, who did what, whom to write to.
_AUTHOR_SECTION = re.compile(r"^(?:author information|authors? and affiliations|affiliations|"
                             r"authors?'? contributions?|contributions|corresponding authors?)$", re.I)


# An FAQ's answer an accordion hides until clicked: schema.org's answer, or a toggle's panel.
_TOGGLE_WORDS = frozenset({"accordion", "faq", "toggle", "collapse", "collapsible", "expandable"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none\s*;?|visibility\s*:\s*hidden\s*;?", re.I)


def show_folded_answers(root: HtmlElement) -> None:
    """An FAQ's answers folded in an accordion (``style="display:none"``, ``hidden``) are the
    page's text, shown with a click: unfolded, so neither the furniture rules nor the
    extractor, which drop hidden elements, lose them."""
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        folded = el.get("hidden") is not None or el.get("aria-hidden") == "true" \
            or bool(_HIDDEN_STYLE.search(el.get("style") or ""))
        if not folded or not (el.get("itemprop") in ANSWER_PROPS or (
                words(el) & _TOGGLE_WORDS and next(el.iter("p"), None) is not None)):
            continue
        el.attrib.pop("hidden", None)
        el.attrib.pop("aria-hidden", None)
        if el.get("style"):
            el.set("style", _HIDDEN_STYLE.sub("", el.get("style") or ""))


# An embedded post (a tweet, an Instagram post) quoted in the article, in a wrapper classed
# "embed", which the extractor drops with share widgets and video players; "social" beside it
# ("embed--social", "social-embed") names the kind of post, not a share bar.
_EMBED = re.compile(r"\bembed", re.I)
_SOCIAL = re.compile(r"social", re.I)


def keep_embedded_posts(root: HtmlElement) -> None:
    """A social post the article quotes (``<blockquote class="twitter-tweet">`` in ``<div
    class="embed embed--twitter">``, ``embed--social``) is its text: the wrapper loses the
    words "embed" and "social"."""
    for quote in root.iter("blockquote"):
        for el in (quote, *quote.iterancestors()):
            if el.tag in ("article", "main", "body"):
                break
            if _EMBED.search(el.get("class") or ""):
                el.set("class", _SOCIAL.sub("post", _EMBED.sub("quoted", el.get("class") or "")))


def keep_answered_by(root: HtmlElement) -> None:
    """A line saying who answered a question on the page ("Answered by Priya Raman on 2 August
    2025") keeps its words though its class says "meta", which the extractor drops."""
    for el in root.iter("p", "div", "span", "small"):
        if ANSWERED_BY.match(text_of(el)[:121]) and (el.get("class") or el.get("id")):
            el.attrib.pop("class", None)
            el.attrib.pop("id", None)


def keep_author_sections(root: HtmlElement) -> None:
    """A journal page's "Author information" section (affiliations, contributions, the
    corresponding author) is the paper's text, though its class says "author", which the
    extractor drops wherever it sees it (for bylines and author cards): the word goes from
    the section's class and id, and from those of what it holds."""
    for heading in root.iter("h2", "h3", "h4"):
        if not _AUTHOR_SECTION.match(text_of(heading)):
            continue
        section = next((a for a in heading.iterancestors() if a.tag in ("section", "div")
                        and a.getparent() is not None), None)
        for el in (section.iter() if section is not None else ()):
            for attr in ("class", "id"):
                value = el.get(attr) if isinstance(el.tag, str) else None
                if value and "author" in value.lower():
                    el.set(attr, re.sub("(?i)author", "writer", value))


_INLINE_TAGS = frozenset({"a", "abbr", "b", "cite", "code", "em", "i", "mark", "q", "s", "small",
                          "span", "strong", "sub", "sup", "time", "u", "var"})


def keep_spaces_between_inlines(root: HtmlElement) -> None:
    """The extractor drops a space that stands alone between two inline elements ("<em>very
    </em> <b>big</b>" -> "verybig"; "<i>Soil Biota Res</i> <b>41</b>" -> "Res41"): the space
    moves inside the first one, where it is kept. A box of inline elements only that opens
    with a bold label ("<div><strong>Make ahead:</strong> the stew ...</div>", which the
    extractor reads "Make ahead:the stew") is a paragraph, where the space is kept."""
    for box in [el.getparent() for el in root.iter("strong", "b") if _opens_box(el)]:
        box.tag = "p"
    for el in root.iter(*_INLINE_TAGS):
        if any(a.tag == "pre" for a in el.iterancestors()):
            continue  # a code block's line breaks are its text
        following = el.getnext()
        if el.tail is None or el.tail.strip() or not el.tail or following is None \
                or following.tag not in _INLINE_TAGS:
            continue
        el.tail = None
        if len(el):
            el[-1].tail = (el[-1].tail or "") + " "
        else:
            el.text = (el.text or "") + " "


def _opens_box(el: HtmlElement) -> bool:
    """``el`` is a bold label ("Make ahead:") opening a ``<div>`` of inline elements only (or
    a ``<span>`` in a ``<div>``), the text after it starting with a space."""
    box = el.getparent()
    outer = box.getparent() if box is not None else None
    return box is not None and (box.tag == "div" or box.tag == "span" and outer is not None
                                and outer.tag == "div") \
        and box[0] is el and not (box.text or "").strip() \
        and el.text_content().strip().endswith(":") and bool(el.tail) \
        and el.tail[:1].isspace() and bool(el.tail.strip()) \
        and all(isinstance(d.tag, str) and d.tag in _INLINE_TAGS | {"br"} for d in box.iterdescendants())


def join_definitions(root: HtmlElement, skip: set[Any]) -> None:
    """A definition list's term and what follows it are one line, as a reader sees them:
    "Received" / "14 March 2023" -> "Received: 14 March 2023", "Source:" / "University of
    Northmoor" -> "Source: University of Northmoor" (the extractor gives each its own
    paragraph, the label alone and the value without its label). Lists in ``skip`` (the
    comments) are left."""
    for dl in list(root.iter("dl")):
        if dl in skip or dl.getparent() is None:
            continue
        groups: list[tuple[str, list[str]]] = []  # (term, its values)
        # HTML allows a <div> around each term and its values
        children = [c for x in dl for c in (x if x.tag == "div" else (x,))]
        for child in children:
            if isinstance(child.tag, str) and child.tag in ("dt", "dd") and text_of(child):
                if child.tag == "dt" or not groups:
                    groups.append((text_of(child) if child.tag == "dt" else "", []))
                if child.tag == "dd":
                    groups[-1][1].append(text_of(child))
        lines = [term if not values else "; ".join(values) if not term
                 else f"{term}{' ' if term.endswith(':') else ': '}{'; '.join(values)}"
                 for term, values in groups]
        if not lines:
            continue
        box = lxml.html.Element("div", {"class": dl.get("class") or ""} if dl.get("class") else {})
        for line in lines:
            etree.SubElement(box, "p").text = line
        box.tail = dl.tail
        dl.getparent().replace(dl, box)


_MAX_LABEL_WORDS = 4
_MAX_VALUE_WORDS = 6


def join_label_values(root: HtmlElement, skip: set[Any]) -> None:
    """A bold label with its value in a box of its own beside it, the two alone in their box
    ("<div><strong>SKU</strong> <div>BG-FX30-SL</div></div>", a shop's product code or model
    line) is one line, "SKU: BG-FX30-SL": the extractor gives each its own paragraph, and a
    bold line alone reads as a heading, over what follows it. Only a short label (a few words,
    no sentence) and a short value (a code, a name, a number, not a sentence); boxes in
    ``skip`` (the comments) are left."""
    for box in list(root.iter("div", "li")):
        kids = [c for c in box if isinstance(c.tag, str)]
        if box in skip or len(kids) != 2 or (box.text or "").strip() \
                or any((c.tail or "").strip() for c in kids):
            continue
        label, value = kids
        term, said = text_of(label), text_of(value)
        if label.tag not in ("strong", "b") or len(label) or value.tag not in ("div", "span", "p") \
                or any(isinstance(d.tag, str) and d.tag not in _INLINE_TAGS
                       for d in value.iterdescendants()) \
                or not term or not said or len(term.split()) > _MAX_LABEL_WORDS \
                or len(said.split()) > _MAX_VALUE_WORDS or term.endswith((".", "?", "!")) \
                or said.endswith((".", "?", "!")):
            continue
        line = lxml.html.Element("p")
        line.text = f"{term}{' ' if term.endswith(':') else ': '}{said}"
        line.tail = box.tail
        box.getparent().replace(box, line)


def attribute_quotes(root: HtmlElement) -> None:
    """A quotation's source printed under it (``<blockquote><p>...</p><cite>Anjali Rao,
    library manager</cite></blockquote>``, or in its ``<footer>``, or as the dash line an
    embedded tweet prints: "&mdash; Isla Brannigan MSP (@IslaBranniganMSP) March 3, 2025")
    ends its last paragraph, after a dash, as a reader sees it under the quote: the
    extractor drops a ``<cite>`` and such a line, and the quote alone would say nothing of
    who said it."""
    for quote in list(root.iter("blockquote")):
        paragraphs = [p for p in quote.iter("p") if text_of(p)]
        _wrap_dash_line(quote, paragraphs)
        sources = [el for el in quote if el.tag in ("cite", "footer") and text_of(el)]
        if not paragraphs or len(sources) != 1 or any(sources[0] in p.iterancestors()
                                                      for p in paragraphs):
            continue
        who = text_of(sources[0]).lstrip("—–-~ ").strip()
        last = paragraphs[-1]
        if who and who not in text_of(last):
            if len(last):
                last[-1].tail = (last[-1].tail or "") + f" — {who}"
            else:
                last.text = (last.text or "") + f" — {who}"
        sources[0].drop_tree()


def _wrap_dash_line(quote: HtmlElement, paragraphs: list[HtmlElement]) -> None:
    """The text after a quote's last paragraph that opens with a dash (and the links after
    it), as a ``<cite>`` of its own."""
    if not paragraphs or paragraphs[-1].getparent() is not quote:
        return
    last = paragraphs[-1]
    tail = (last.tail or "").strip()
    if not tail.startswith(("\u2014", "\u2013", "-")):
        return
    cite = lxml.html.Element("cite")
    cite.text = last.tail
    last.tail = None
    for el in list(last.itersiblings()):
        cite.append(el)  # the date's link and what follows it
    last.addnext(cite)


def drop_gallery_headings(root: HtmlElement) -> None:
    """A heading over a gallery ("In pictures: the reopening" above figures, alone in their
    box) heads no text: the paragraphs after the box are not under it."""
    doomed = []
    for heading in root.iter("h2", "h3", "h4"):
        box = heading.getparent()
        others = [el for el in box if el is not heading and isinstance(el.tag, str)] \
            if box is not None else []
        if others and all(el.tag == "figure" for el in others):
            doomed.append(heading)
    drop(doomed)


def drop_heading_labels(root: HtmlElement) -> None:
    """A heading's context label set in a caption-classed span (GOV.UK's ``<span
    class="govuk-caption-xl">Guidance</span>`` just above or inside the ``<h1>``) says what kind
    of page it is, like a kicker: dropped, so it is read as no image's caption. A span in a
    figure or next to a picture stays a caption."""
    doomed = []
    for el in root.iter("span", "p", "div"):
        if not any(CAPTION_WORDS.search(w) for w in words(el)) or len(text_of(el).split()) > 6:
            continue
        parent, after = el.getparent(), el.getnext()
        if parent is None or any(a.tag == "figure" for a in el.iterancestors()) \
                or next(parent.iter("img", "picture", "video"), None) is not None:
            continue
        if parent.tag in HEADINGS or after is not None and after.tag in HEADINGS:
            doomed.append(el)
    drop(doomed)


_NOTE_LABEL = re.compile(r"^\[?([0-9]{1,3}|[a-z*\u2020\u2021])\]?$", re.I)
_BACKLINK_WORDS = frozenset({"footnote-back", "footnote-backref", "footnote-return", "backref",
                             "reversefootnote", "mw-cite-backlink", "footnotes-backlink"})
_NOTES_WORDS = frozenset({"footnotes", "endnotes", "footnote-list", "footnotes-list"})


def _is_backlink(el: HtmlElement) -> bool:
    href = el.get("href") or ""
    return el.get("role") == "doc-backlink" or bool(words(el) & _BACKLINK_WORDS) or (
        el.tag == "a" and href.startswith(("#fnref", "#cite_ref", "#footnote-ref")))


def mark_footnotes(root: HtmlElement) -> None:
    """Footnotes as a reader sees them, in words: a note's mark in the text (``<sup><a
    href="#fn1">1</a></sup>``) reads "[1]", so the sentence before it ends there ("...the
    bevel is.[1] You do not..." is two sentences, as "is.1 You" was not); the notes' links
    back to the text ("↩", Wikipedia's "^ a b") go; a list of notes with no heading of its
    own is headed "Notes", each note led by its mark."""
    for el in outermost([el for el in iter_elements(root) if _is_backlink(el)]):
        drop([el])
    marks = 0
    for link in list(root.iter("a")):
        href, label = link.get("href") or "", text_of(link)
        in_sup = link.getparent() is not None and link.getparent().tag == "sup"
        if href.startswith("#") and len(href) > 1 and (in_sup or link.get("role") == "doc-noteref"
                                                      or words(link) & {"footnote-ref"}):
            found = _NOTE_LABEL.match(label)
            if found and not label.startswith("["):
                for child in list(link):
                    drop([child])
                link.text = f"[{found.group(1)}]"
                marks += 1
    if not marks:
        return
    for notes in outermost([el for el in iter_elements(root)
                            if words(el) & _NOTES_WORDS or el.get("role") == "doc-endnotes"]):
        items = [li for li in notes.iter("li") if text_of(li)]
        for n, li in enumerate(items, 1):
            target = next((p for p in li.iter("p")), li)
            target.text = f"[{n}] " + (target.text or "").lstrip()
        if items and not any(h.tag in _SUBHEADINGS for h in notes.iter()):
            heading = lxml.html.Element("h2")
            heading.text = "Notes"
            notes.insert(0, heading)


_PROSE = re.compile(r"\w[.!?][\u201d\u2019\"')]?$")


def keep_article_asides(body: HtmlElement) -> None:
    """A box of the article's own set aside under its own heading ("About the study", "How
    the survey was done") is read as a section of the article: an ``<aside>`` inside the
    article's body that opens with a heading and holds a sentence, not mostly links. A pull
    quote (no heading), a related-stories box (links) or a promo (its class says so) stays
    furniture."""
    for el in list(body.iter("aside")):
        first = next((c for c in el if isinstance(c.tag, str)), None)
        text = text_of(el)
        links = sum(len(text_of(a)) for a in el.iter("a"))
        if el is body or first is None or first.tag not in _SUBHEADINGS or not text \
                or links > 0.3 * len(text):
            continue
        if any(len(text_of(p).split()) >= 8 and _PROSE.search(text_of(p)) for p in el.iter("p")):
            el.tag = "section"


_TABLE_PARTS = frozenset({"table", "thead", "tbody", "tfoot", "tr", "td", "th"})


def unwrap_layout_tables(root: HtmlElement) -> None:
    """A table that lays the page out (an old newsletter's menu cell beside its article cell)
    is not data: a table with a heading or two or more paragraphs in a cell becomes divisions,
    one per cell, so its article reads as paragraphs under headings and its menu is judged as
    any other part of the page; on a page that marks no article body, the cell holding most of
    the paragraphs becomes its ``<article>``. A data table, with its rows of short cells, is
    left alone."""
    for table in list(root.iter("table")):
        cells = [c for c in table.iter("td", "th") if _own(c, table)]
        if not any(next(c.iter(*HEADINGS), None) is not None
                   or sum(1 for _ in c.iter("p")) >= 2 for c in cells):
            continue
        prose = {id(c): sum(len(text_of(p)) for p in c.iter("p", "li")) for c in cells}
        main = max(cells, key=lambda c: prose[id(c)])
        # (a table in a cell is judged in its turn: a data table there stays one)
        for el in [table, *(e for e in table.iter() if e is not table and _own(e, table))]:
            if el.tag in _TABLE_PARTS and (el is table or el.tag != "table"):
                el.tag = "div"
                for attr in ("colspan", "rowspan", "width", "align", "valign", "bgcolor",
                             "cellpadding", "cellspacing", "border"):
                    el.attrib.pop(attr, None)
        if find_body(root) is None and prose[id(main)] >= 0.6 * sum(prose.values()):
            main.tag = "article"


def _own(el: HtmlElement, table: HtmlElement) -> bool:
    """Whether ``el`` belongs to ``table`` itself, not to a table nested in one of its cells."""
    for ancestor in el.iterancestors():
        if ancestor is table:
            return True
        if ancestor.tag == "table":
            return False
    return False


# Text a browser shows with its line breaks: CSS "white-space: pre-wrap" (or "pre-line"), in a
# style or in a class named for it (YouTube's "...--white-space-pre-wrap"), and YouTube's
# <yt-formatted-string>, whose newlines break its lines.
_PRE_WRAP_STYLE = re.compile(r"white-space\s*:\s*pre(?:-wrap|-line)?\b", re.I)


def _keeps_line_breaks(el: HtmlElement) -> bool:
    return el.tag == "yt-formatted-string" or bool(_PRE_WRAP_STYLE.search(el.get("style") or "")) \
        or any(w.endswith(("pre-wrap", "pre-line")) for w in (el.get("class") or "").split())


def keep_pre_wrap_lines(root: HtmlElement) -> None:
    """An element that shows its newlines (a video's description: a paragraph a line, then
    chapter marks "00:00 Intro") becomes a paragraph a line, so the extractor keeps its lines
    apart instead of running them into one paragraph. ``<pre>`` keeps its own."""
    for el in outermost([e for e in iter_elements(root) if _keeps_line_breaks(e) and not any(
            a.tag in ("pre", "code", "textarea") for a in (e, *e.iterancestors()))]):
        lines = [line.strip() for line in el.text_content().strip().split("\n")]
        if len([line for line in lines if line]) < 2:
            continue
        tail = el.tail
        el.clear()
        el.tag, el.tail = "div", tail
        for line in lines:
            if line:
                etree.SubElement(el, "p").text = line
