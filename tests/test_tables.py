"""A data table's rows read with their header ("Pond: Mill pond; Newts: 14; Frogs: 31"), in a
saved page and in a text or Markdown article; layout tables, key/value boxes and tables with no
clear header read a row a line, as before."""

from __future__ import annotations

from assistant.ingest.extract import read_html_page
from assistant.ingest.text import read_text_page

PROSE = "".join(f"<p>Paragraph {i} of the survey report tells how the volunteers counted the "
                f"animals in each of the village ponds over the spring.</p>" for i in range(4))


def _html(table: str, head: str = "") -> list[str]:
    html = (f"<!doctype html><html><head><title>Pond survey</title>{head}</head><body><article>"
            f"<h1>Pond survey</h1>{PROSE}{table}<p>The survey will be repeated next spring by "
            f"the same team of volunteers.</p></article></body></html>")
    return [b.text for b in read_html_page(html.encode()).blocks]


def _rows(rows: list[list[str]], cell: str = "td") -> str:
    return "".join("<tr>" + "".join(f"<{cell}>{c}</{cell}>" for c in row) + "</tr>" for row in rows)


BODY = [["Mill pond", "14", "31"], ["Church pond", "6", "12"], ["Green Lane pond", "0", "9"]]
HEADED = ["Pond: Mill pond; Newts: 14; Frogs: 31", "Pond: Church pond; Newts: 6; Frogs: 12",
          "Pond: Green Lane pond; Newts: 0; Frogs: 9"]


def test_a_tables_rows_carry_its_th_header_row():
    texts = _html(f"<table><thead>{_rows([['Pond', 'Newts', 'Frogs']], 'th')}</thead>"
                  f"<tbody>{_rows(BODY)}</tbody></table>")
    assert all(line in texts for line in HEADED)
    assert "Pond | Newts | Frogs" not in texts  # every row carries it


def test_a_header_marked_by_years_is_a_header():
    texts = _html(f"<table>{_rows([['Pond', '2023', '2024']], 'th')}"
                  f"{_rows([['Mill pond', '12', '14']])}</table>")
    assert "Pond: Mill pond; 2023: 12; 2024: 14" in texts


def test_a_first_row_styled_bold_by_the_style_sheet_is_the_header():
    # as Google Docs exports a table: every row <td>, the header's words in a bold class
    style = "<style>.k1{font-weight:700}.k2{font-weight:400}</style>"
    rows = "".join("<tr>" + "".join(f"<td><p><span class='{k}'>{c}</span></p></td>" for c in row)
                   + "</tr>" for k, row in [("k1", ["Pond", "Warden", "Visited"]),
                                            ("k2", ["Mill pond", "Ann Cole", "May"]),
                                            ("k2", ["Church pond", "Tom Reed", "June"])])
    texts = _html(f"<table>{rows}</table>", head=style)
    assert "Pond: Mill pond; Warden: Ann Cole; Visited: May" in texts


def test_a_first_row_of_words_over_columns_of_numbers_is_the_header():
    texts = _html(f"<table>{_rows([['Pond', 'Newts', 'Frogs'], *BODY])}</table>")
    assert all(line in texts for line in HEADED)


def test_a_first_row_like_the_others_is_no_header():
    texts = _html(f"<table>{_rows(BODY)}</table>")
    assert "Mill pond | 14 | 31" in texts and "Church pond | 6 | 12" in texts


def test_a_key_value_box_reads_as_before():
    texts = _html("<table><tr><th>Surveyed</th><td>April 2025</td></tr>"
                  "<tr><th>Ponds</th><td>3</td></tr><tr><th>Volunteers</th><td>11</td></tr></table>")
    assert "Surveyed | April 2025" in texts and "Ponds | 3" in texts


def test_a_table_of_one_cell_a_row_reads_as_before():
    texts = _html(f"<table>{_rows([['Pond'], ['Mill pond'], ['Church pond']], 'th')}</table>")
    assert not any(":" in t and "pond" in t.lower() for t in texts)


MARKDOWN = """# Pond survey

The volunteers counted the animals in each pond.

| Pond | Newts | Frogs |
| --- | ---: | ---: |
| Mill pond | 14 | 31 |
| **Church pond** | 6 | 12 |

The survey will be repeated next spring.
"""


def test_a_markdown_tables_rows_carry_its_header_line():
    texts = [b.text for b in read_text_page(MARKDOWN).blocks]
    assert "Pond: Mill pond; Newts: 14; Frogs: 31\nPond: Church pond; Newts: 6; Frogs: 12" in texts


def test_a_table_in_a_code_block_keeps_its_lines():
    text = MARKDOWN.replace("| Pond |", "```\n| Pond |").replace("| 12 |\n", "| 12 |\n```\n")
    texts = [b.text for b in read_text_page(text).blocks]
    assert any("| Pond | Newts | Frogs |" in t for t in texts)


def test_tab_separated_rows_under_a_header_line_carry_it():
    text = ("Pond survey\n\nThe volunteers counted the animals in each pond.\n\n"
            "Pond\tNewts\tFrogs\nMill pond\t14\t31\nChurch pond\t6\t12\n\n"
            "The survey will be repeated next spring.\n")
    texts = [b.text for b in read_text_page(text).blocks]
    assert "Pond: Mill pond; Newts: 14; Frogs: 31\nPond: Church pond; Newts: 6; Frogs: 12" in texts


def test_a_word_tables_title_line_stays_above_its_headed_rows():
    text = ("Pond survey\n\nThe volunteers counted the animals in each pond.\n\n"
            "Table 1. Animals counted\nPond\tNewts\t\tFrogs\nMill pond\t14\t\t31\n"
            "Church pond\t6\t\t12\n\nThe survey will be repeated next spring.\n")
    texts = [b.text for b in read_text_page(text).blocks]
    assert ("Table 1. Animals counted\nPond: Mill pond; Newts: 14; Frogs: 31\n"
            "Pond: Church pond; Newts: 6; Frogs: 12") in texts


def test_an_empty_corner_leaves_each_rows_label_alone():
    texts = _html(f"<table><tr><th></th><th>Newts</th><th>Frogs</th></tr>"
                  f"{_rows([['Mill pond', '14', '31'], ['Church pond', '6', '12']])}</table>")
    assert "Mill pond; Newts: 14; Frogs: 31" in texts


def test_a_line_break_inside_a_cell_keeps_its_words_apart():
    rows = [["Sunday<br />12 October", "<strong>Kelbrook Edge</strong><br />9.5 miles, moderate."],
            ["Wednesday<br/>22 October", "<b>Towpath</b><br/>5 miles, easy."]]
    lines = _html(f"<table>{_rows(rows)}</table>")
    assert "Sunday 12 October | Kelbrook Edge 9.5 miles, moderate." in lines
    assert "Wednesday 22 October | Towpath 5 miles, easy." in lines
