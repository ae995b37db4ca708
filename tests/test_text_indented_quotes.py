"""A plain-text quotation set in by indenting it reads with the paragraph that leads into it
(and names its speaker); code, a Markdown file's indented block, a list item's continuation
and an e-mail's quoted lines read as before."""

from __future__ import annotations

from assistant.ingest.page import PARAGRAPH
from assistant.ingest.text import read_text_page

LEAD = ("The harbour master, Idris Penhallow, wrote to the parish council after the storm\n"
        "of 3 February:\n")
QUOTE = ("    The pontoon broke from its piles at two in the morning. By first light\n"
         "    four boats lay on the slipway and one had sunk at her mooring.\n")
AFTER = "The council met a week later and agreed to pay for new piles.\n"


def _paragraphs(text: str, markdown: bool | None = None) -> list[str]:
    page = read_text_page(text, "harbour.txt", markdown=markdown)
    return [b.text for b in page.blocks if b.kind == PARAGRAPH]


def test_an_indented_quote_is_read_with_its_lead_in():
    paras = _paragraphs(f"Storm damage at the harbour\n\n{LEAD}\n{QUOTE}\n{AFTER}")
    joined = [p for p in paras if p.startswith("The harbour master")]
    assert len(joined) == 1
    assert "3 February: The pontoon broke from its piles" in joined[0]
    assert joined[0].endswith("one had sunk at her mooring.")
    assert not any(p.startswith("The pontoon") for p in paras)
    assert paras[-1] == AFTER.strip()


def test_a_quote_of_two_indented_paragraphs_stays_with_its_lead_in():
    second = "    Nobody was hurt, and the lifeboat crew stayed on watch until the tide turned.\n"
    paras = _paragraphs(f"Storm damage at the harbour\n\n{LEAD}\n{QUOTE}\n{second}\n{AFTER}")
    assert any(p.startswith("The harbour master") and p.endswith("until the tide turned.")
               for p in paras)


def test_indented_code_after_a_colon_stays_apart():
    code = "    total = sum(boats) + len(moorings);\n    print(total)\n"
    paras = _paragraphs(f"Counting the boats\n\n{LEAD}\n{code}\n{AFTER}")
    assert any(p.startswith("The harbour master") and p.endswith("3 February:") for p in paras)


def test_a_markdown_files_indented_block_stays_apart():
    paras = _paragraphs(f"# Storm damage at the harbour\n\n{LEAD}\n{QUOTE}\n{AFTER}", markdown=True)
    assert any(p.endswith("3 February:") for p in paras)
    assert any(p.startswith("The pontoon broke") for p in paras)


def test_a_list_items_continuation_and_an_emails_quote_stay_apart():
    listed = f"Storm damage at the harbour\n\n- {LEAD}\n{QUOTE}\n{AFTER}"
    assert any(p.startswith("The pontoon broke") for p in _paragraphs(listed))
    quoted = QUOTE.replace("    ", "    > ")
    paras = _paragraphs(f"Storm damage at the harbour\n\n{LEAD}\n{quoted}\n{AFTER}")
    assert any(p.endswith("3 February:") for p in paras)
