"""An article's bytes -> UTF-8, decoded much as a browser decodes them (WHATWG Encoding).

First a byte-order mark (UTF-8, UTF-16: Windows Notepad's "Unicode"). Then UTF-8, when the
bytes are valid UTF-8 (before any declared label, unlike a browser: an old server's default
"charset=iso-8859-1" on a UTF-8 page is a common mislabel, and other text is almost never
valid UTF-8 by chance). Then the charset the server or the HTTP client declared
(``Content-Type: text/plain; charset=koi8-r``). A text that is none of these is read as
windows-1252, the legacy encoding browsers assume for unlabelled text in English (Notepad's
"ANSI"); a page is left to trafilatura's detector, which reads its ``<meta charset>``, except an
unlabelled page that is almost all ASCII and that the detector takes for another Latin code
page (``unlabelled_page_codec``): windows-1252, as a browser set to English reads it. As in
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


# Code pages of Latin scripts that a detector may take windows-1252 text for, given the few
# accented letters of an English page (cp1250 for "Núñez" and "£15": "Núńez", "Ł15").
_LATIN_GUESSES = frozenset({"cp1250", "cp1257", "cp775", "cp850", "cp852", "cp1254", "cp858",
                            "iso8859_2", "iso8859_4", "iso8859_9", "iso8859_10", "iso8859_13",
                            "iso8859_15", "iso8859_16", "mac_latin2", "mac_roman", "latin_1"})
# At most this many letters outside ASCII (bytes from 0xA0: below it, both code pages hold the
# same quotes and dashes) per ASCII letter: a few accented names in English text (or French,
# Spanish, German), not Polish, whose every tenth or so letter bears a mark
FEW_ACCENTS = 0.03


def unlabelled_page_codec(data: bytes, guesses: list[str]) -> str | None:
    """windows-1252 for a page that declares no encoding, is not UTF-8, is almost all ASCII and
    that the detector takes for another Latin code page: an English page with a few accented
    names (at most ``FEW_ACCENTS`` per letter), read as a browser set to English reads it.
    None otherwise (the detector's guess stands: a Polish page in windows-1250 has far more
    accented letters; a Russian one is no Latin guess)."""
    from charset_normalizer.utils import any_specified_encoding

    if not guesses or guesses[0].replace("-", "_") not in _LATIN_GUESSES:
        return None
    if any_specified_encoding(data) is not None:
        return None
    accented = sum(1 for byte in data if byte >= 0xA0)
    letters = sum(1 for byte in data if 0x41 <= byte <= 0x5A or 0x61 <= byte <= 0x7A)
    return "cp1252" if accented <= FEW_ACCENTS * letters else None
