"""A question page's answer set apart from its list of answers (Yahoo Answers' "Best answer"
box above "Other answers"): a reply to the question, not the asker's words.

Such a page prints the question, then the chosen answer in a box of its own, then the other
answers in a region named for them. The box is outside that region, so it would be read as
more of the question's text; its markup says what it is: schema.org's ``acceptedAnswer`` /
``suggestedAnswer`` (or an ``Answer`` item, a box classed ``best-answer``) signed by its
writer, outside its question (a FAQ's answers, unsigned inside their questions, stay the
page's text), on a page that declares a question (a ``Question`` item, or JSON-LD ``QAPage``
/ ``Question``). Such a box is a comment region of
its own, read as the answers are; one classed as the best answer (``best-answer``) or declared
accepted in JSON-LD (``acceptedAnswer`` naming its writer) is the accepted answer.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from .declared import ld_objects, ld_types
from .dom import iter_elements, words
from .thread_marks import is_answer_box

_QUESTION_TYPES = frozenset({"Question", "QAPage"})
_AUTHOR_WORDS = frozenset({"author", "username", "user-name"})


def _declares_question(root: HtmlElement) -> bool:
    if any((el.get("itemtype") or "").rstrip("/").rpartition("/")[2] in _QUESTION_TYPES
           for el in iter_elements(root)):
        return True
    return any(ld_types(obj) & _QUESTION_TYPES for obj in ld_objects(root))


def _is_question(el: HtmlElement) -> bool:
    return (el.get("itemtype") or "").rstrip("/").endswith("schema.org/Question")


def _signed(box: HtmlElement) -> bool:
    """The box names its writer (``itemprop="author"``, an element classed as the author)."""
    return any(el.get("itemprop") == "author" or words(el) & _AUTHOR_WORDS
               for el in iter_elements(box))


def lone_answers(root: HtmlElement, regions: list[HtmlElement]) -> list[HtmlElement]:
    """The answer boxes outside the page's comment ``regions`` (outermost ones only), each
    signed by its writer and not inside its question (a FAQ's answers are the page's own
    text), on a page that declares a question; [] on other pages."""
    inside = {e for r in regions for e in r.iter()}
    boxes = [el for el in iter_elements(root) if el not in inside and is_answer_box(el)
             and _signed(el) and not any(map(_is_question, el.iterancestors()))]
    ids = set(boxes)
    boxes = [b for b in boxes if not any(a in ids for a in b.iterancestors())]
    return boxes if boxes and _declares_question(root) else []


def question_body(root: HtmlElement, regions: list[HtmlElement]) -> HtmlElement | None:
    """The question's text (``itemprop="text"`` in the ``Question`` item), the article's body
    on a page where an answer's box stands apart among the comment ``regions``; else None."""
    if not any(is_answer_box(r) for r in regions):
        return None
    for el in iter_elements(root):
        if el.get("itemprop") == "text" and any(map(_is_question, el.iterancestors())):
            return el
    return None


def marks_up_to(region: HtmlElement) -> HtmlElement | None:
    """Where a comment's marks are read up to: its region, or past it when the region is an
    answer's own box (a "Best answer" box), whose marks are the answer's."""
    return region.getparent() if is_answer_box(region) else region
