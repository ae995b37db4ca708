"""A notebook or a technical post in Markdown (docs/article-format.md): code cells and their
outputs are not text, display maths stays in its sentence, a dated label under the title
dates it, and an "About the author" box at its end names its author."""

from __future__ import annotations

from assistant.ingest.page import PARAGRAPH
from assistant.ingest.text import read_text_page

NOTEBOOK = """# Counting Swifts over Kelham Church

_Analysis notes, 3 August 2024_

Each evening in July we counted the swifts screaming round the church tower.

## Loading the counts

```python
counts = load("swifts.csv")
print(counts.max())
```

```
212
```

The peak of 212 birds came on 19 July, a warm still evening.

## A simple model

The number of swifts seen after sunset falls off as

$$
N(t) = N_0 e^{-t / \\tau}
$$

where $t$ is the minutes after sunset and $\\tau$ is about 14 minutes.

The fit is rough.

$$R^2 = 0.71$$

> **About the author**
> Wiktor Sandoval is a volunteer with the Kelham Bird Group and has counted swifts since 2015.
"""


def _paragraphs(text: str) -> list[str]:
    page = read_text_page(text, "swifts.md", markdown=True)
    return [b.text for b in page.blocks if b.kind == PARAGRAPH]


def test_notebook_code_cells_and_outputs_are_not_text():
    paragraphs = _paragraphs(NOTEBOOK)
    assert not any("counts" in t or t == "212" or "print(" in t for t in paragraphs)
    assert "The peak of 212 birds came on 19 July, a warm still evening." in paragraphs


def test_code_without_outputs_is_kept_as_typed():
    readme = "# Tern\n\nTern counts birds in photos.\n\n```bash\npip install tern\n```\n\nThen run it.\n"
    assert "pip install tern" in _paragraphs(readme)


def test_display_maths_stays_in_the_sentence_that_introduces_it():
    paragraphs = _paragraphs(NOTEBOOK)
    assert ("The number of swifts seen after sunset falls off as $N(t) = N_0 e^{-t / \\tau}$ "
            "where $t$ is the minutes after sunset and $\\tau$ is about 14 minutes.") in paragraphs
    # after a sentence's end, a formula is a paragraph of its own, as before
    assert "The fit is rough." in paragraphs and "$$R^2 = 0.71$$" in paragraphs


def test_a_label_and_a_date_under_the_title_date_the_post():
    page = read_text_page(NOTEBOOK, "swifts.md", markdown=True)
    assert page.date == "3 August 2024"
    assert page.byline == "Analysis notes, 3 August 2024"
    assert "Analysis notes, 3 August 2024" not in _paragraphs(NOTEBOOK)


def test_about_the_author_box_names_the_author_in_its_own_section():
    page = read_text_page(NOTEBOOK, "swifts.md", markdown=True)
    assert page.author == "Wiktor Sandoval"
    last = page.blocks[-1]
    assert last.heading == "About the author"
    assert last.text.startswith("Wiktor Sandoval is a volunteer")


def test_about_the_author_box_does_not_override_a_byline():
    text = NOTEBOOK.replace("_Analysis notes, 3 August 2024_", "By Ruth Okoye, 3 August 2024")
    assert read_text_page(text, "swifts.md", markdown=True).author == "Ruth Okoye"


def test_about_the_author_in_plain_text_names_the_author():
    text = ("Moth trapping in a small garden\n\nA light trap caught 40 species in one June night.\n\n"
            "About the author\n\nNadia Ferris is a retired teacher who runs the village moth group.\n")
    page = read_text_page(text, "moths.txt")
    assert page.author == "Nadia Ferris"


def test_about_the_author_mid_post_names_no_one():
    text = ("# A review of The Salt Path\n\nA moving book.\n\n## About the author\n\n"
            "Raynor Winn is a writer who walked the coast path.\n\n## Verdict\n\nRead it.\n")
    assert read_text_page(text, "review.md", markdown=True).author is None
