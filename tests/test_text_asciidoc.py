"""An AsciiDoc document saved as text (docs/article-format.md): read as the page Asciidoctor
renders: its header's author and date, sections, admonitions, listings, quotes and tables."""

from __future__ import annotations

from assistant.ingest.text import read_text_page

ADOC = """= Winter Opening at Pellow Library
Nadia Okonjo <nadia@pellow.example.org>; Ravi Sethna
v2.0, 2024-12-02: after the trustees' meeting
:toc: left
:sectnums:
:branch: Pellow Library

// A comment for editors only.
From January {branch} opens on Sunday afternoons, as the
link:https://pellow.example.org/vote[trustees' vote] agreed.footnote:[The vote was 7 to 2.]

== Hours

NOTE: The children's room stays closed on Sundays until the new heating is in.

.Sunday hours
[cols="2*", options="header"]
|===
|Day
|Hours

|Sunday
|13:00-17:00
|===

[TIP]
====
Book the study rooms online a week ahead.
====

== Why we changed

[quote, Ravi Sethna, trustees' meeting]
____
A library that is shut when people are free
is a library for nobody.
____

The booking system checks the room with this query:

[source,sql]
----
SELECT room FROM bookings WHERE day = 'Sunday'; <1>
----
"""


def test_an_asciidoc_document_reads_as_its_rendered_page():
    page = read_text_page(ADOC, "winter.txt")
    assert page.title == "Winter Opening at Pellow Library"
    assert (page.author, page.date) == ("Nadia Okonjo and Ravi Sethna", "2024-12-02")
    assert [(b.kind, b.heading, b.text) for b in page.blocks] == [
        ("paragraph", None, "From January Pellow Library opens on Sunday afternoons, as the "
                            "trustees' vote agreed."),
        ("paragraph", "Hours",
         "Note: The children's room stays closed on Sundays until the new heating is in."),
        ("paragraph", "Hours", "Sunday hours\nDay | Hours\nSunday | 13:00-17:00"),
        ("paragraph", "Hours", "Tip: Book the study rooms online a week ahead."),
        ("paragraph", "Why we changed",  # the attribution closes the quote, as printed
         "A library that is shut when people are free is a library for nobody. \u2014 Ravi "
         "Sethna, trustees' meeting"),
        ("paragraph", "Why we changed", "The booking system checks the room with this query:"),
        ("paragraph", "Why we changed", "SELECT room FROM bookings WHERE day = 'Sunday';"),
        ("reference", None, "The vote was 7 to 2."),
    ]


def test_a_text_opening_with_an_equals_sign_alone_is_not_asciidoc():
    text = "= Results =\n\nThe team won 3 to 1 on Saturday.\n\nThe next match is in May.\n"
    page = read_text_page(text, "results.txt")
    assert page.title == "= Results ="
    assert [b.text for b in page.blocks] == ["The team won 3 to 1 on Saturday.",
                                             "The next match is in May."]
