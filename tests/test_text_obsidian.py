"""An Obsidian note (docs/article-format.md): its wikilinks, embedded images and callouts read
as the app shows them."""

from __future__ import annotations

from assistant.ingest.text import read_text_page

NOTE = """---
title: Reed Bed Survey, Spring
author: Wen Halloran
created: 2025-04-12
tags: [wetland, survey]
---

# Reed Bed Survey, Spring

![[reedbed-north.jpeg|640]]
*The north reed bed from the hide, 11 April.*

We walked the [[Marsh Lane Reserve|reserve]] transects with [[Ivo Brandt]] and
counted 14 singing reed warblers, up from 9 last spring. %% check the 2024 count %%

> [!warning] Flooded boardwalk
> The boardwalk past [[Hides#East hide]] was under water on the day.
> Wear boots until the sluice is repaired.

> [!NOTE]
> The survey is repeated on 10 May. ^next-survey

```
count = 14  # [[not a link]] inside code
```
"""


def test_an_obsidian_note_reads_as_the_app_shows_it():
    page = read_text_page(NOTE, "reedbed.md", markdown=True)
    assert (page.title, page.author, page.date) == ("Reed Bed Survey, Spring", "Wen Halloran",
                                                    "2025-04-12")
    assert [(b.kind, b.text) for b in page.blocks] == [
        ("caption", "The north reed bed from the hide, 11 April."),
        ("paragraph", "We walked the reserve transects with Ivo Brandt and counted 14 singing "
                      "reed warblers, up from 9 last spring."),
        ("paragraph", "Flooded boardwalk: The boardwalk past Hides > East hide was under water "
                      "on the day.\nWear boots until the sluice is repaired."),
        ("paragraph", "Note: The survey is repeated on 10 May."),
        ("paragraph", "count = 14  # [[not a link]] inside code"),
    ]


def test_an_embedded_note_is_not_text_and_an_image_without_caption_takes_its_alt():
    text = ("# Pond log\n\n![[Weekly checklist]]\n\n![[pond.png|Frogspawn by the jetty]]\n\n"
            "The first frogspawn appeared on 3 March.\n")
    page = read_text_page(text, "pond.md", markdown=True)
    assert [(b.kind, b.text) for b in page.blocks] == [
        ("caption", "Frogspawn by the jetty"),
        ("paragraph", "The first frogspawn appeared on 3 March.")]
