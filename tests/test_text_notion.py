"""A page exported from Notion to Markdown (docs/article-format.md): its properties give the
author and date, callouts and toggles read as paragraphs, checklists as plain items."""

from __future__ import annotations

from assistant.ingest.page import CAPTION, PARAGRAPH
from assistant.ingest.text import read_text_page

NOTION = """# Allotment Water Butts — Trial Notes

Created: October 9, 2024 7:45 PM
Created by: Tomasz Wierzbicki
Tags: Garden, Water
Status: In progress
Last edited time: October 21, 2024 10:02 AM

<aside>
\U0001f4a7 In short: the eleven butts on the east plots caught 3,400 litres in September.

</aside>

## Findings

- Leaky taps
\x20\x20\x20\x20
    Four of the brass taps dripped from the first week. A washer kit costs about £3 a tap.
\x20\x20\x20\x20
- Overflow
\x20\x20\x20\x20
    Heavy rain on 14 September filled every butt within an hour.
\x20\x20\x20\x20
- The lids on plot 7 blew off twice.

## Next steps

<aside>
\u26a0\ufe0f
The committee votes on buying more butts at the November meeting.
</aside>

- [x]  Order a washer kit
- [ ]  Fit overflow pipes to the butts on plots 3 and 4
"""


def _paragraphs(text: str) -> list[str]:
    page = read_text_page(text, "notes.md", markdown=True)
    return [b.text for b in page.blocks if b.kind == PARAGRAPH]


def test_notion_properties_give_the_author_and_date_and_are_no_caption():
    page = read_text_page(NOTION, "notes.md", markdown=True)
    assert page.title == "Allotment Water Butts — Trial Notes"
    assert (page.author, page.date) == ("Tomasz Wierzbicki", "October 9, 2024")
    assert not [b for b in page.blocks if b.kind == CAPTION]
    # the workspace's bookkeeping (status, tags, edit time) is not the page's text
    assert not any("Status" in t or "Last edited" in t for t in _paragraphs(NOTION))


def test_notion_owner_is_the_author_over_the_creator():
    text = NOTION.replace("Created by:", "Owner: Maren Okafor\nCreated by:")
    assert read_text_page(text, "notes.md", markdown=True).author == "Maren Okafor"


def test_notion_callout_is_a_paragraph_without_its_tags_and_icon():
    paragraphs = _paragraphs(NOTION)
    assert paragraphs[0] == "In short: the eleven butts on the east plots caught 3,400 litres in September."
    assert "The committee votes on buying more butts at the November meeting." in paragraphs
    assert not any("aside" in t for t in paragraphs)


def test_notion_toggle_title_leads_its_content():
    paragraphs = _paragraphs(NOTION)
    assert "Leaky taps: Four of the brass taps dripped from the first week. A washer kit costs " \
           "about £3 a tap." in paragraphs
    assert "Overflow: Heavy rain on 14 September filled every butt within an hour." in paragraphs
    assert "Leaky taps" not in paragraphs and "Overflow" not in paragraphs
    assert "The lids on plot 7 blew off twice." in paragraphs


def test_checklist_items_read_without_their_boxes():
    assert _paragraphs(NOTION)[-1] == ("Order a washer kit\n"
                                       "Fit overflow pipes to the butts on plots 3 and 4")


def test_note_lines_under_a_title_are_no_notion_properties():
    text = ("# Pruning plums\n\nNote: prune in summer\nTip: use clean shears\n\n"
            "- Silver leaf\n\n    A fungus that enters through winter cuts.\n")
    page = read_text_page(text, "plums.md", markdown=True)
    assert page.author is None and page.date is None
    assert "Silver leaf" in [b.text for b in page.blocks]  # no Notion page: a list item, as before
