"""A reStructuredText document saved as text (docs/article-format.md): read as the page it
renders: its title, docinfo, sections, admonitions and literal blocks, without directives and
targets."""

from __future__ import annotations

from assistant.ingest.text import read_text_page

REST = """.. This comment is not shown.

##########################################
Relining the Coldharbour Lock Gates
##########################################

:Authors: Tobias Renwick; Aoife Dunleavy
:Date: 2024-11-19
:Revision: 3

.. contents:: On this page
   :local:

Background
==========

The lower gates of Coldharbour Lock were last relined in 1988, and by spring 2024
they leaked about 40 litres a second. See the ``GATE-07`` survey and the
`canal trust's page <https://canal.example.org/coldharbour>`_ for photographs.

Work on site
============

Draining the chamber
--------------------

Stop planks went in on 4 November and the chamber was pumped dry in six hours.

.. image:: chamber-dry.jpg
   :width: 600px

Timber
^^^^^^

The new lining boards are green oak from a mill near Ledbury [#]_. The
boards were cut to length on the bank with this check first::

    measure --gate lower --side offside
    measure --gate lower --side towpath

.. warning::
   Green oak moves as it dries. The fixings were left loose for the first
   fortnight, as the `oak guide`_ advises.

The rest of the job followed the plan.

::

    day 1  strip old boards
    day 2  fit new boards

.. _oak guide: https://timber.example.org/green-oak
.. [#] The mill supplied 2.1 cubic metres of oak at £1,940.
"""


def test_a_rest_document_reads_as_its_rendered_page():
    page = read_text_page(REST, "coldharbour.txt")
    assert page.title == "Relining the Coldharbour Lock Gates"
    assert (page.author, page.date) == ("Tobias Renwick and Aoife Dunleavy", "2024-11-19")
    assert [(b.kind, b.heading, b.text) for b in page.blocks] == [
        ("paragraph", "Background",
         "The lower gates of Coldharbour Lock were last relined in 1988, and by spring 2024 they "
         "leaked about 40 litres a second. See the GATE-07 survey and the canal trust's page for "
         "photographs."),
        ("paragraph", "Draining the chamber",
         "Stop planks went in on 4 November and the chamber was pumped dry in six hours."),
        ("paragraph", "Timber",
         "The new lining boards are green oak from a mill near Ledbury. The boards were cut to "
         "length on the bank with this check first:"),
        ("paragraph", "Timber",  # a literal block keeps its lines, as typed
         "measure --gate lower --side offside\nmeasure --gate lower --side towpath"),
        ("paragraph", "Timber",
         "Warning: Green oak moves as it dries. The fixings were left loose for the first "
         "fortnight, as the oak guide advises."),
        ("paragraph", "Timber", "The rest of the job followed the plan."),
        ("paragraph", "Timber", "day 1  strip old boards\nday 2  fit new boards"),
        ("reference", None, "The mill supplied 2.1 cubic metres of oak at £1,940."),
    ]


def test_a_section_underlined_with_a_rest_mark_is_a_heading():
    text = ("Ferry timetable changes\n\nFrom May the ferry leaves Quay Street on the hour.\n\n"
            "Winter sailings\n~~~~~~~~~~~~~~~\n\nIn winter the last boat leaves at 17:00.\n")
    page = read_text_page(text, "ferry.txt")
    assert [(b.heading, b.text) for b in page.blocks] == [
        (None, "From May the ferry leaves Quay Street on the hour."),
        ("Winter sailings", "In winter the last boat leaves at 17:00.")]


def test_a_plain_text_with_underlined_headings_is_not_rest():
    text = ("Ferry timetable changes\n=======================\n\nFrom May the ferry leaves on "
            "the hour:: a typo.\n\nWinter sailings\n---------------\n\nIn winter the last boat "
            "leaves at 17:00.\n")
    page = read_text_page(text, "ferry.txt")
    assert page.title == "Ferry timetable changes"
    assert [(b.heading, b.text) for b in page.blocks] == [
        (None, "From May the ferry leaves on the hour:: a typo."),
        ("Winter sailings", "In winter the last boat leaves at 17:00.")]
