"""An article's bytes -> UTF-8, decoded much as a browser decodes them (WHATWG Encoding).

First a byte-order mark (UTF-8, UTF-16: Windows Notepad's "Unicode"). Then UTF-8, when the
bytes are valid UTF-8 (before any declared label, unlike a browser: an old server's default
"charset=iso-8859-1" on a UTF-8 page is a common mislabel, and other text is almost never
valid UTF-8 by chance). Then the charset the server or the HTTP client declared
(``Content-Type: text/plain; charset=koi8-r``). A text that is none of these is read as
windows-1252, the legacy encoding browsers assume for unlabelled text in English (Notepad's
"ANSI"); a page is left to trafilatura's detector, which reads its ``<meta charset>``. As in
the Encoding Standard, the labels "iso-8859-1", "latin1" and "us-ascii" mean windows-1252.
"""

from __future__ import annotations

import codecs

from ..errors import PageError

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
_WINDOWS_1252 = {"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819",
                 "ibm819", "us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252"}


# Python codecs that are no character set of a web page or file (transforms, escapes)
_NOT_CHARSETS = {"unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined",
                 "utf-7"}


def codec_for(label: str | None) -> str | None:
    """Python's codec for a character set's label; None for one that is not such a label."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    if label in _WINDOWS_1252:
        return "cp1252"
    try:
        name = codecs.lookup(label).name
        b"a".decode(name, errors="replace")  # LookupError: a bytes codec ("base64", "zlib")
    except LookupError:
        return None
    return None if name.replace("_", "-") in _NOT_CHARSETS else name


def unmark(data: bytes) -> bytes:
    """Bytes that open with a byte-order mark, as UTF-8 without it; others as they are."""
    for mark, codec in _BOMS:
        if data.startswith(mark):
            return data[len(mark):].decode(codec, errors="replace").encode("utf-8")
    return data


def to_utf8(data: bytes, name: str, *, html: bool, charset: str | None = None) -> bytes:
    """``data`` (its byte-order mark already read by ``unmark``) as UTF-8; PageError for a
    text that cannot be decoded.

    ``charset`` is the declared label. Bytes invalid in a declared encoding become U+FFFD, as
    in a browser. A page whose encoding is neither declared nor UTF-8 is returned as it came,
    for the HTML reader's detector.
    """
    try:
        data.decode("utf-8")
        return data
    except UnicodeDecodeError as exc:
        invalid = exc
    codec = codec_for(charset)
    if codec and codec != "utf-8":
        return data.decode(codec, errors="replace").encode("utf-8")
    if html:
        return data
    try:
        return data.decode("cp1252").encode("utf-8")
    except UnicodeDecodeError:
        raise PageError(f"{name}: not UTF-8 text ({invalid.reason} at byte {invalid.start}), "
                        "nor Windows-1252; save it as UTF-8") from invalid
