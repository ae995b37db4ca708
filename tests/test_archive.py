"""Pages saved as one file: MHTML (Chrome's and Edge's "Webpage, Single File") and Safari's
web archive are read as the page inside them, with the link they were saved from."""

from __future__ import annotations

import plistlib
import quopri
from dataclasses import replace

import pytest

from assistant.errors import PageError
from assistant.ingest.fetch import Fetched
from assistant.ingest.page import page_sources
from assistant.ingest.read import read_bytes, read_fetched, read_source
from assistant.library import Library

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Why the pond froze from the top \u2013 Marsh Notes</title></head>
<body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>Why the pond froze from the top</h1>
<p class="byline">By Wenna Trelawny, 4 January 2025</p>
<p>Water is densest at about four degrees Celsius, so the coldest water floats and freezes
first. The ice then shelters the water below it from the night air.</p>
<p>Our pond kept a layer of liquid water under nine centimetres of ice all through the cold
snap, and the newts wintering in the mud were never frozen.</p></article>
<section class="comments"><h2>2 comments</h2>
<article class="comment"><footer><b class="fn">Ossian Pike</b> on 5 January 2025</footer>
<p>Does the same happen in a garden water butt, or does that freeze solid?</p></article>
</section><footer>\u00a9 Marsh Notes</footer></body></html>
"""
URL = "https://marsh-notes.example.org/2025/01/pond-ice/"
BOUNDARY = "----MultipartBoundary--Q2nH7kA1bC3dE5fG----"


def blink_mhtml(html: str = PAGE, url: str = URL) -> bytes:
    """As Chrome saves it: a quoted-printable page part, then its pictures."""
    body = quopri.encodestring(html.encode("utf-8")).decode("ascii")
    return (f"From: <Saved by Blink>\r\nSnapshot-Content-Location: {url}\r\n"
            "Subject: Why the pond froze from the top =?utf-8?Q?=E2=80=93?= Marsh Notes\r\n"
            "Date: Sat, 4 Jan 2025 18:02:11 -0000\r\nMIME-Version: 1.0\r\n"
            f'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="{BOUNDARY}"'
            f"\r\n\r\n\r\n--{BOUNDARY}\r\n"
            # a frame of the page first (an advert), as Blink sometimes writes it
            "Content-Type: text/html\r\nContent-ID: <frame-1@mhtml.blink>\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\n"
            "Content-Location: https://ads.example.net/frame\r\n\r\n"
            "<html><body><p>Buy a boat!</p></body></html>\r\n"
            f"--{BOUNDARY}\r\n"
            "Content-Type: text/html\r\nContent-ID: <frame-0@mhtml.blink>\r\n"
            f"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: {url}\r\n\r\n"
            f"{body}\r\n--{BOUNDARY}\r\n"
            "Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
            "Content-Location: https://marsh-notes.example.org/pond.png\r\n\r\n"
            f"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==\r\n"
            f"--{BOUNDARY}--\r\n").encode("ascii")


def ie_mht(html: str = PAGE) -> bytes:
    """As Internet Explorer and Word save it: windows-1252, the start part named."""
    body = quopri.encodestring(html.replace('charset="utf-8"', "").encode("cp1252")).decode()
    return ("MIME-Version: 1.0\r\n"
            'Content-Type: multipart/related; boundary="----=_NextPart_000_0000_01DB5E.1"; '
            'type="text/html"; start="<main@page>"\r\n\r\n'
            "This is a multi-part message in MIME format.\r\n\r\n"
            "------=_NextPart_000_0000_01DB5E.1\r\n"
            'Content-Type: text/html; charset="windows-1252"\r\n'
            "Content-Transfer-Encoding: quoted-printable\r\nContent-ID: <main@page>\r\n\r\n"
            f"{body}\r\n------=_NextPart_000_0000_01DB5E.1--\r\n").encode("ascii")


def safari(html: str = PAGE, fmt: plistlib.PlistFormat = plistlib.FMT_BINARY) -> bytes:
    return plistlib.dumps({
        "WebMainResource": {"WebResourceData": html.encode("utf-8"), "WebResourceFrameName": "",
                            "WebResourceMIMEType": "text/html",
                            "WebResourceTextEncodingName": "UTF-8", "WebResourceURL": URL},
        "WebSubresources": [{"WebResourceData": b"\x89PNG...", "WebResourceMIMEType": "image/png",
                             "WebResourceURL": "https://marsh-notes.example.org/pond.png"}],
    }, fmt=fmt)


def _texts(received) -> list[str]:
    return [s.text for s in page_sources(received.page)]


@pytest.mark.parametrize("name, data", [
    ("pond.mhtml", blink_mhtml()),
    ("pond.mht", ie_mht()),
    ("pond.webarchive", safari()),
    ("pond.webarchive", safari(fmt=plistlib.FMT_XML)),
])
def test_a_page_saved_as_one_file_reads_as_the_page_inside(name, data):
    got = read_bytes(data, name, kind=None)
    page = got.page
    assert page.title == "Why the pond froze from the top"
    assert page.author == "Wenna Trelawny"
    texts = " ".join(_texts(got))
    assert "Water is densest at about four degrees Celsius" in texts
    assert "nine centimetres of ice" in texts  # a soft line break of quoted-printable undone
    assert "Buy a boat" not in texts  # the advert's frame is not the page
    assert "=3D" not in texts and "=\r\n" not in texts
    comments = [s for s in page_sources(page) if s.kind == "comment"]
    assert [c.author for c in comments] == ["Ossian Pike"]
    assert got.data == data  # kept as received, pictures and all


def test_the_link_a_page_was_saved_from_is_its_link():
    assert read_bytes(blink_mhtml(), "pond.mhtml").page.url == URL
    assert read_bytes(safari(), "pond.webarchive").page.url == URL
    assert read_bytes(ie_mht(), "pond.mht").page.url is None  # none recorded


def test_windows_1252_in_an_old_mht_file_is_decoded_by_its_declared_charset():
    html = PAGE.replace("four degrees Celsius", "4\u00b0C (\u201cmaximum density\u201d)")
    texts = " ".join(_texts(read_bytes(ie_mht(html), "pond.mht")))
    assert "4\u00b0C (\u201cmaximum density\u201d)" in texts


def test_the_kind_is_told_by_content_whatever_the_file_is_called(tmp_path):
    path = tmp_path / "saved-page.html"  # an MHTML file renamed
    path.write_bytes(blink_mhtml())
    received = read_source(str(path))
    assert received.kind == "mhtml" and received.stored_as == "page.mhtml"
    assert received.page.title == "Why the pond froze from the top"
    got = read_fetched(Fetched(url=URL, final_url=URL, media_type="application/octet-stream",
                               charset=None, body=safari()))
    assert got.kind == "webarchive"


@pytest.mark.parametrize("data, message", [
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n--x\r\n"
     b"Content-Type: image/png\r\n\r\nPNG\r\n--x--\r\n", "holds no page"),
    (b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n--x\r\n"
     b"Content-Type: text/html\r\n\r\n   \r\n--x--\r\n", "empty"),
    (b"bplist00WebMainResource\x00\x01garbage", "not a readable Safari web archive"),
    (plistlib.dumps({"WebSubresources": []}), "holds no page"),
    (plistlib.dumps({"WebMainResource": {"WebResourceData": b"%PDF-1.4",
                                         "WebResourceMIMEType": "application/pdf"}}),
     "application/pdf, not a page"),
])
def test_a_broken_archive_is_refused_with_what_is_wrong(data, message):
    name = "broken.webarchive" if b"plist" in data[:64] or data.startswith(b"<?xml") else "x.mhtml"
    with pytest.raises(PageError, match=message):
        read_bytes(data, name, kind="webarchive" if name.endswith("webarchive") else "mhtml")


def test_an_archive_is_added_to_the_library_and_kept_as_saved(tmp_path, fake_embedder, settings):
    library = Library(replace(settings, library_dir=tmp_path / "library"), embedder=fake_embedder)
    path = tmp_path / "pond.mhtml"
    path.write_bytes(blink_mhtml())
    info = library.add_source(str(path)).info
    assert info.title == "Why the pond froze from the top" and info.url == URL
    assert info.page_file == "page.mhtml"
    assert (tmp_path / "library" / info.id / "page.mhtml").read_bytes() == blink_mhtml()
