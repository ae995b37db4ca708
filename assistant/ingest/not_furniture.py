"""Class and id words that look like a page's furniture but, where they stand, are not.

``dom.is_furniture`` drops an element whose class or id holds a furniture word ("related",
"popular", "sharing", "meta", "tags"). Two kinds of element say such a word about their text,
not about the site's furniture:

- an element whose ``id`` is the slug of its own heading: a documentation page's
  ``<section id="sharing-a-pool">`` holding ``<h2>Sharing a pool</h2>``, an encyclopedia's
  ``<h2 id="In_popular_culture">`` or ``<span class="mw-headline" id="Related_structures">``;
  the id names the section, whatever its words, on a page that gives its headings such ids
  (three or more: a generator's habit, not a news site's one "More from" box);
- a recipe card's parts (``wprm-recipe-meta-container``, ``wprm-recipe-tags-container``):
  its times, servings, course and calories are the recipe's text, not the page's metadata;
- a name marked as an author inside a sentence ("Asked by <span class="author">Ann Roe</span>
  on 3 May 2024"): a word of the sentence, which the extractor would cut out of it (it drops
  whatever is classed "author", meaning a byline or an author card).
"""

from __future__ import annotations

import itertools
import re

from lxml.html import HtmlElement

from .bylines import post_byline

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_SLUG_GAP = re.compile(r"[\W_]+")
_SPLIT = re.compile(r"[-_]+")
# A recipe card's words ("wprm-recipe-...", "tasty-recipes-..."), and the furniture words its
# parts use for the recipe's details.
_RECIPE_WORDS = frozenset({"recipe", "recipes"})
_RECIPE_DETAIL_WORDS = frozenset({"meta", "tags"})


def _slug(text: str) -> str:
    return _SLUG_GAP.sub("-", text.lower()).strip("-")


def _own_heading(el: HtmlElement) -> str | None:
    """The text of the heading ``el`` is or opens with (a section's first heading)."""
    if el.tag in _HEADINGS or el.getparent() is not None and el.getparent().tag in _HEADINGS:
        return el.text_content()
    first = next((c for c in el if isinstance(c.tag, str) and c.text_content().strip()), None)
    while first is not None and first.tag not in _HEADINGS and first.tag in ("div", "header"):
        first = next((c for c in first if isinstance(c.tag, str) and c.text_content().strip()), None)
    return first.text_content() if first is not None and first.tag in _HEADINGS else None


def _slug_id(el: HtmlElement) -> bool:
    ident = el.get("id") or ""
    heading = _own_heading(el) if ident else None
    return heading is not None and bool(_slug(heading)) and _slug(ident) == _slug(heading)


_SLUG_HEADINGS = 3


def heading_id_words(el: HtmlElement) -> set[str]:
    """The words of ``el``'s id when the id is the slug of its own heading ("In_popular_culture"
    on "In popular culture") on a page whose headings carry such ids; empty otherwise."""
    if not _slug_id(el):
        return set()
    root = el.getroottree().getroot()
    slugged = (h for h in root.iter(*_HEADINGS, "section", "span") if _slug_id(h))
    if len(list(itertools.islice(slugged, _SLUG_HEADINGS))) < _SLUG_HEADINGS:
        return set()
    name = (el.get("id") or "").lower()
    return {name, *(p for p in _SPLIT.split(name) if p)}


def _class_words(el: HtmlElement) -> set[str]:
    names = (el.get("class") or "").lower().split()
    return {*names, *(p for n in names for p in _SPLIT.split(n) if p)}


def text_words(el: HtmlElement, found: set[str]) -> set[str]:
    """Of ``found`` (the words of ``el``'s class and id), those that say what ``el``'s text is
    rather than that it is furniture: a heading's slug id, a recipe card's "meta" and "tags"."""
    out = heading_id_words(el) - _class_words(el) if el.get("id") else set()
    if found & _RECIPE_WORDS:
        out |= found & _RECIPE_DETAIL_WORDS
    return out


def keep_text_words(root: HtmlElement) -> None:
    """Elements whose furniture-like words say what their text is (``text_words``) lose those
    words from their class and id, which the extractor would drop them for ("^shar", "meta",
    "tags" in its own lists)."""
    elements = [el for el in root.iter() if isinstance(el.tag, str) and (el.get("id") or el.get("class"))]
    slugged = [el for el in elements if el.get("id") and heading_id_words(el)]
    recipe = [el for el in elements if _class_words(el) & _RECIPE_WORDS
              and _class_words(el) & _RECIPE_DETAIL_WORDS]
    for el in slugged:
        el.attrib.pop("id", None)
    for el in recipe:
        el.attrib.pop("class", None)
    for el in [el for el in elements if _name_in_sentence(el)]:
        for attr in ("class", "id"):
            if el.get(attr):
                el.set(attr, _AUTHOR.sub("writer", el.get(attr) or ""))


_AUTHOR = re.compile("author", re.I)
_INLINE = frozenset({"span", "a", "b", "strong", "em", "i", "cite", "small"})
_TEXT_BLOCKS = frozenset({"p", "li", "dd", "td", "blockquote"})
_WORD = re.compile(r"[^\W\d_]{2,}")


def only_in_sentences(root: HtmlElement, name: str) -> bool:
    """``name`` (the author the metadata reader found in an element marked as one) is marked so
    only inside sentences ("Asked by NAME on 3 May 2024": a question's asker on a shop's page),
    and no meta tag or JSON-LD declares it: a name the text mentions, not the page's byline."""
    want = " ".join(name.split()).casefold()
    marked = [el for el in root.iter(*_INLINE, *_TEXT_BLOCKS, "div", "address")
              if _AUTHOR.search(f"{el.get('class') or ''} {el.get('id') or ''}")
              and want in " ".join(el.text_content().split()).casefold()]
    declared = [el.get("content") or "" for el in root.iter("meta")]
    declared += [el.text_content() for el in root.iter("script") if "json" in (el.get("type") or "")]
    return bool(marked) and all(map(_name_in_sentence, marked)) \
        and not any(want in " ".join(d.split()).casefold() for d in declared)


def _name_in_sentence(el: HtmlElement) -> bool:
    """An inline element marked as an author with words of its paragraph on both sides of it
    ("Asked by NAME on 3 May 2024"), in a paragraph that is no post's byline ("By NAME on 3 May
    2024" is one, read as such)."""
    parent = el.getparent()
    if el.tag not in _INLINE or parent is None or parent.tag not in _TEXT_BLOCKS \
            or not _AUTHOR.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
        return False
    before = [parent.text or ""]
    for sibling in parent:
        if sibling is el:
            break
        before += [sibling.text_content() if isinstance(sibling.tag, str) else "", sibling.tail or ""]
    after = [el.tail or "", *(s.text_content() + (s.tail or "") for s in el.itersiblings()
                             if isinstance(s.tag, str))]
    line = " ".join(parent.text_content().split())
    return bool(_WORD.search("".join(before)) and _WORD.search("".join(after))) \
        and (len(line) > 120 or post_byline(line) is None)
