"""A newsletter sent by e-mail, as its web copy prints it (Mailchimp's campaign archive: "View
this email in your browser"): without the e-mail's furniture, signed by its sign-off.

Such a page is laid out with nested tables. Its preheader (the line above the logo: "Spring
News 2025 · View this email in your browser", a box classed or named ``preheader``) and its
buttons (a table holding nothing but one link: "Book now") are the e-mail's furniture, not its
text. Its last paragraph, a name then a role, an address or a phone number on lines of their
own ("Ann Lee<br>Hon. Secretary, ...<br>Tel. ..."), signs it, as a text file's sign-off does:
the name is its author and the name and role lines its byline, not three paragraphs under the
last heading. A page with no "view in browser" link and no preheader is no e-mail's copy and
is left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from .dom import drop, iter_elements, text_lines, text_of
from .layout import TextBlock
from .signoff import signed_lines, signer_name

_IN_BROWSER = re.compile(r"^view (?:this|it|the)? ?(?:e-?mail|newsletter|message)? ?(?:in|on) "
                         r"(?:your|a|the) (?:web )?browser\W*$", re.I)


@dataclass(frozen=True)
class Signed:
    """Who signed the newsletter: the name, and the byline as printed (name and role)."""

    author: str
    byline: str


def _hidden_preheader(tree: HtmlElement) -> HtmlElement | None:
    """The box of text an e-mail hides at the top of its body for the inbox's preview line
    (``<div style="display:none; max-height:0; mso-hide:all">``): styled hidden, and holding
    the first text of the body."""
    body = next(tree.iter("body"), None)
    if body is None:
        return None
    for el in iter_elements(body):
        style = re.sub(r"\s+", "", (el.get("style") or "").lower())
        hidden = "display:none" in style
        if hidden and text_of(el):
            return el
        if not hidden and (el.text or "").strip():
            return None  # the body's text begins: no preview line hidden above it
    return None


def _preheader(tree: HtmlElement) -> list[HtmlElement]:
    """The preheader boxes: classed or named for it, hidden at the top of the body, or the
    line's box around the link to the web copy."""
    named = [el for el in iter_elements(tree)
             if "preheader" in f"{el.get('class') or ''} {el.get('id') or ''}".lower()]
    hidden = _hidden_preheader(tree)
    if hidden is not None and hidden not in named:
        named.append(hidden)
    for link in tree.iter("a"):
        if _IN_BROWSER.match(text_of(link)):
            box = link
            for parent in link.iterancestors():
                if len(text_of(parent)) > 120 or parent.tag in ("body", "html"):
                    break
                box = parent
            named.append(box)
    return named


def _is_button(table: HtmlElement) -> bool:
    """A table holding nothing but one short link: an e-mail's button ("Book now")."""
    links = list(table.iter("a"))
    return len(links) == 1 and text_of(table) == text_of(links[0]) \
        and 0 < len(text_of(table).split()) <= 6


def _sign_off(body: HtmlElement) -> tuple[HtmlElement, Signed] | None:
    """The body's last paragraph, when it is a name over up to three short lines."""
    paragraphs = [p for p in body.iter("p") if text_of(p)]
    if not paragraphs or paragraphs[-1].find("br") is None:
        return None
    last = paragraphs[-1]
    lines = text_lines(last)
    name = signer_name(lines[0]) if lines else None
    if name is None or not 2 <= len(lines) <= 4 or any(len(x.split()) > 14 for x in lines):
        return None
    return last, Signed(name, ", ".join(signed_lines(TextBlock(tuple(lines), 0))))


def read_campaign(tree: HtmlElement, body: HtmlElement | None) -> Signed | None:
    """On an e-mail's web copy, drop its preheader and buttons, and its sign-off (returned,
    None when none closes it); on any other page, drop nothing and return None."""
    boxes = _preheader(tree)
    if not boxes:
        return None
    drop(boxes + [t for t in tree.iter("table") if _is_button(t)])
    body = body if body is not None else next(tree.iter("body"), None)  # a short e-mail's
    found = _sign_off(body) if body is not None else None
    if found is None:
        return None
    drop([found[0]])
    return found[1]
