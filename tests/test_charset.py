"""Articles in other encodings than UTF-8: a text saved as "ANSI" or "Unicode" by Windows
Notepad, a link or an upload whose Content-Type names its charset. Each is read as a browser
shows it; a text in no encoding we can tell is refused with a clear message."""

from __future__ import annotations

import pytest

from assistant.errors import PageError
from assistant.ingest.charset import codec_for, to_utf8
from assistant.ingest.fetch import Fetched
from assistant.ingest.read import read_bytes, read_fetched

TEXT = ("Café culture returns to the old quay\n\nBy José Martínez, 3 May 2024\n\n"
        "The café opened on Friday with 40 seats. Its owner, Zoë Novák, said the “crème "
        "brûlée” sold out by noon — a first.\n")


def _sentences(page) -> str:
    return " ".join(block.text for block in page.blocks)


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-8-sig", "utf-8"])
def test_a_text_file_from_notepad_is_read_in_any_of_its_encodings(encoding):
    page = read_bytes(TEXT.encode(encoding), "quay.txt").page
    assert (page.title, page.author) == ("Café culture returns to the old quay", "José Martínez")
    assert "Zoë Novák, said the “crème brûlée” sold out by noon — a first." in _sentences(page)


def test_a_unicode_saved_page_is_read_as_html_not_as_text():
    html = ("<!doctype html><html><head><title>Crème brûlée</title></head><body><article>"
            "<h1>Crème brûlée</h1><p>The custard is baked in a water bath for forty minutes "
            "before it is chilled.</p></article></body></html>")
    got = read_bytes(html.encode("utf-16"), "page.html")
    assert got.kind == "html" and got.page.title == "Crème brûlée"
    assert "water bath for forty minutes" in _sentences(got.page)


def test_the_declared_charset_of_a_link_decides_what_the_detector_would_guess_wrong():
    # KOI8-R and ISO-8859-15 bytes are valid in other encodings too: the server's label says
    # which one it is. Unlabelled, "12 €" in ISO-8859-15 reads as "12 ¤".
    body = ("<html><head><title>Prices</title></head><body><article><h1>Prices</h1><p>A "
            "ticket costs 12 € at the door, and 8 € for children under twelve.</p></article>"
            "</body></html>").encode("iso-8859-15")
    got = read_fetched(Fetched("http://x/p", "http://x/p", "text/html", "ISO-8859-15", body))
    assert "A ticket costs 12 € at the door" in _sentences(got.page)
    text = "Погода\n\nЗавтра будет тёплый и солнечный день.\n".encode("koi8-r")
    got = read_fetched(Fetched("http://x/t", "http://x/t", "text/plain", "koi8-r", text))
    assert got.page.title == "Погода" and "солнечный день" in _sentences(got.page)


def test_a_utf8_page_mislabelled_as_latin1_by_its_server_is_still_utf8():
    body = TEXT.encode("utf-8")
    got = read_fetched(Fetched("http://x/t", "http://x/t", "text/plain", "iso-8859-1", body))
    assert got.page.author == "José Martínez"


def test_bytes_stay_as_received_for_the_library():
    data = TEXT.encode("cp1252")
    assert read_bytes(data, "quay.txt").data == data


def test_a_text_in_no_encoding_we_can_tell_is_refused_clearly():
    # 0x81 and 0x8d are undefined in Windows-1252: this is not a Western text
    data = "Привет мир, как дела?".encode("cp1251").replace(b"\xe8", b"\x81\x8d")
    with pytest.raises(PageError, match=r"words\.txt: not UTF-8 text .*nor Windows-1252; "
                                        "save it as UTF-8"):
        read_bytes(data, "words.txt")


def test_binary_data_is_still_refused_as_binary_not_decoded_as_windows_1252():
    with pytest.raises(PageError, match="binary data"):
        read_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "photo.txt")


@pytest.mark.parametrize("label, codec", [
    ("ISO-8859-1", "cp1252"), ("latin1", "cp1252"), ("us-ascii", "cp1252"),
    ('"windows-1250"', "cp1250"), ("koi8-r", "koi8-r"), ("UTF8", "utf-8"),
    ("base64", None), ("zlib", None), ("rot13", None), ("unicode_escape", None),
    ("utf-7", None), ("no-such-charset", None), ("", None), (None, None),
])
def test_only_character_sets_are_honoured_as_labels(label, codec):
    assert codec_for(label) == codec


def test_a_label_that_is_no_character_set_is_ignored():
    data = "Zoë’s café".encode("cp1252")
    assert to_utf8(data, "x.txt", html=False, charset="base64") == "Zoë’s café".encode()



# Pages on which the detector guesses another Latin code page (cp775, cp1250) for windows-1252
_NAMES = ["José Núñez", "£15", "Sinéad Ó Briain", "Amélie Fournier"]


def _notes(names: list[str], extra: str = "") -> str:
    body = "".join(f"<p>The volunteers met {name} near the harbour and talked about the plans "
                   "for the spring fair at length.</p>" for name in names)
    return (f"<html><head><title>Notes</title></head><body><article><h1>Notes</h1>{body}{extra}"
            "</article></body></html>")


@pytest.mark.parametrize("names", [_NAMES[:1], _NAMES[:2], _NAMES[:4]])
def test_an_unlabelled_english_page_in_windows_1252_reads_as_a_browser_shows_it(names):
    text = _sentences(read_bytes(_notes(names).encode("cp1252"), "notes.html").page)
    assert all(f"met {name} near" in text for name in names), text


def test_a_declared_charset_or_a_page_full_of_accents_keeps_the_detector_s_reading():
    polish = "<p>" + "Zażółć gęślą jaźń, śliczna łąka. " * 12 + "</p>"
    text = _sentences(read_bytes(_notes(["Jan Nowak"], polish).encode("cp1250"), "n.html").page)
    assert "Zażółć gęślą jaźń" in text
    labelled = _notes(["Paweł Łęcki"]).replace("<head>", '<head><meta charset="windows-1250">')
    text = _sentences(read_bytes(labelled.encode("cp1250"), "notes.html").page)
    assert "met Paweł Łęcki near" in text
