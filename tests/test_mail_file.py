"""E-mails saved as files: a ``.eml`` reads as a mail client shows it (subject, sender, the
day it was sent, the body decoded), a reply's quoted messages as comments signed by their
writers; a ``.mbox`` reads its first message as the post and the later ones as comments."""

from __future__ import annotations

from dataclasses import replace
from email.message import EmailMessage

import pytest

from assistant.errors import PageError
from assistant.ingest.fetch import Fetched
from assistant.ingest.page import page_sources
from assistant.ingest.read import read_bytes, read_fetched, read_source
from assistant.library import Library

NEWSLETTER_HTML = """<html><head><title>Spring news</title></head><body>
<table width="600"><tr><td class="preheader"><a href="https://example.org/v">View this email in
your browser</a></td></tr><tr><td>
<h1>Spring news</h1>
<p>Dear Friends,</p>
<p>The reading garden behind the library opens on Saturday 22 March at 10am. Volunteers
planted 340 bulbs in the autumn.</p>
<h2>Book sale</h2>
<p>Our book sale raised \u00a31,240 for the children\u2019s corner, thanks to 18 volunteers.</p>
</td></tr></table></body></html>"""


def newsletter(date: str = "Fri, 7 Mar 2025 07:30:11 +0000") -> bytes:
    m = EmailMessage()
    m["From"] = '"Friends of Hollin Library" <news@hollin-library.example>'
    m["To"] = "ann@example.org"
    m["Subject"] = "Spring news: the reading garden opens"
    m["Message-ID"] = "<spring-2025@hollin-library.example>"
    m.set_content("Dear Friends,\n\nThe reading garden opens on Saturday 22 March.\n",
                  cte="quoted-printable")
    m.add_alternative(NEWSLETTER_HTML, subtype="html", cte="quoted-printable")
    # as the message arrived: its Date as the sender wrote it (the policy would print "07")
    return f"Date: {date}\n".encode() + bytes(m)


def reply(charset: str = "utf-8") -> bytes:
    body = ("Hi all,\n\nI can bring the ladder on Saturday; the felt should arrive by Friday.\n\n"
            "Tom\n\nOn Sun, 9 Feb 2025 at 21:10, Ann Lee <ann@example.org> wrote:\n"
            "> The roof of the hut leaks again after the storm.\n"
            "> Can someone help on Saturday 15 February? Jos\u00e9 has the key.\n>\n> Ann\n")
    return ("From: Tom Reyes <tom@example.org>\nTo: club@example.org\nSubject: Re: Hut roof\n"
            "Date: Mon, 10 Feb 2025 19:02:11 +0000\nMessage-ID: <r1@example.org>\n"
            f"MIME-Version: 1.0\nContent-Type: text/plain; charset={charset}\n"
            "Content-Transfer-Encoding: 8bit\n\n").encode() + body.encode(charset)


def mbox() -> bytes:
    out = b""
    messages = [
        ("Ann Lee <ann@example.org>", "Hut roof", "Sun, 9 Feb 2025 21:10:00 +0000",
         "The roof of the hut leaks again after the storm.\nCan someone help on Saturday?\n\nAnn\n"),
        ("Tom Reyes <tom@example.org>", "Re: Hut roof", "Mon, 10 Feb 2025 19:02:11 +0000",
         "I can bring the ladder.\n>From what I saw the felt is torn.\n\n"
         "On Sun, 9 Feb 2025 at 21:10, Ann Lee <ann@example.org> wrote:\n"
         "> The roof of the hut leaks again after the storm.\n"),
        ("Bea Moss <bea@example.org>", "Re: Hut roof", "Tue, 11 Feb 2025 07:00:00 +0000",
         "I will bring tea and twelve new screws for the felt.\n"),
    ]
    for k, (sender, subject, date, body) in enumerate(messages):
        out += (f"From {sender.split('<')[1][:-1]} Sun Feb  9 21:10:00 2025\nFrom: {sender}\n"
                f"Subject: {subject}\nDate: {date}\nMessage-ID: <m{k}@example.org>\n\n"
                f"{body}\n").encode()
    return out


def test_a_saved_newsletter_reads_as_its_html_titled_by_its_subject_from_its_sender():
    got = read_bytes(newsletter(), "spring.eml", kind="eml")
    page = got.page
    assert got.kind == "eml" and got.stored_as == "page.eml"
    assert page.title == "Spring news: the reading garden opens"
    assert page.author == "Friends of Hollin Library"
    assert page.date == "Fri, 7 Mar 2025"  # as the sender wrote it, without the time
    texts = [b.text for b in page.blocks]
    assert any("\u00a31,240 for the children\u2019s corner" in t for t in texts)  # decoded
    assert any(b.heading == "Book sale" for b in page.blocks)  # the HTML's layout, not the text's
    assert not any("View this email" in t for t in texts)


def test_a_saved_reply_reads_its_quoted_message_as_a_comment_by_its_writer():
    sources = page_sources(read_bytes(reply(), "hut.eml", kind="eml").page)
    title = next(s for s in sources if s.kind == "title")
    assert title.text == "Hut roof"  # without "Re:"
    assert any(s.kind == "post" and "bring the ladder" in s.text for s in sources)
    comment = next(s for s in sources if s.kind == "comment")
    assert comment.author == "Ann Lee" and "leaks again" in comment.text
    assert not any(s.kind == "post" and "leaks again" in s.text for s in sources)


def test_an_e_mail_is_told_by_its_content_and_decoded_by_its_charset(tmp_path):
    path = tmp_path / "message.txt"
    path.write_bytes(reply(charset="iso-8859-1"))
    got = read_source(str(path))
    assert got.kind == "eml"
    assert any("Jos\u00e9 has the key" in b.text for b in got.page.blocks)


def test_an_e_mail_copied_as_text_stays_text():
    text = (b"From: Tom Reyes <tom@example.org>\nSent: Monday, February 10, 2025 7:02 PM\n"
            b"To: club@example.org\nSubject: Hut roof\n\nI can bring the ladder on Saturday.\n")
    assert read_bytes(text, "hut.txt").kind == "text"


def test_a_mailbox_reads_its_first_message_as_the_post_and_the_others_as_comments():
    got = read_bytes(mbox(), "hut.mbox", kind="mbox")
    page = got.page
    assert got.stored_as == "page.mbox"
    assert (page.title, page.author) == ("Hut roof", "Ann Lee")
    comments = [b for b in page.blocks if b.kind == "comment"]
    assert [c.author for c in comments] == ["Tom Reyes", "Bea Moss"]
    tom = comments[0]
    assert "From what I saw the felt is torn" in tom.text  # mbox's ">From" escape undone
    assert "leaks again" not in tom.text  # its quote of the first message is not read again
    assert tom.reply_to == "Ann Lee" and tom.date == "Mon, 10 Feb 2025"
    assert read_bytes(mbox(), "hut.txt").kind == "mbox"  # told by its content too


def test_a_saved_page_is_still_an_archive_when_served_as_an_e_mail():
    from tests.test_archive import URL, blink_mhtml

    got = read_fetched(Fetched(url=URL, final_url=URL, media_type="message/rfc822",
                               charset=None, body=blink_mhtml()))
    assert got.kind == "mhtml" and got.page.title == "Why the pond froze from the top"


@pytest.mark.parametrize("data, message", [
    (b"From: a@example.org\nMessage-ID: <x@y>\nContent-Type: image/png\n\nPNG", "holds no text"),
    (b"From a@example.org Sun Feb  9 21:10:00 2025\nFrom: a@example.org\nSubject: x\n"
     b"Content-Type: image/png\n\nPNG\n", "holds no message with text"),
])
def test_an_e_mail_without_text_is_refused_with_what_is_wrong(data, message):
    with pytest.raises(PageError, match=message):
        read_bytes(data, "x.eml", kind="mbox" if data.startswith(b"From ") else "eml")


def test_a_saved_e_mail_is_added_to_the_library_and_kept_as_saved(tmp_path, fake_embedder,
                                                                   settings):
    library = Library(replace(settings, library_dir=tmp_path / "library"), embedder=fake_embedder)
    path, data = tmp_path / "spring.eml", newsletter()
    path.write_bytes(data)
    info = library.add_source(str(path)).info
    assert info.title == "Spring news: the reading garden opens"
    assert (info.author, info.page_file) == ("Friends of Hollin Library", "page.eml")
    assert (tmp_path / "library" / info.id / "page.eml").read_bytes() == data


def test_a_saved_e_mail_from_a_surname_first_sender_is_signed_as_said():
    m = EmailMessage()
    m["From"] = '"Okafor, Chidi" <c.okafor@harrowfield.example>'
    m["Subject"] = "Hedge planting on Saturday"
    m["Date"] = "Tue, 4 Mar 2025 09:14:00 +0000"
    m.set_content("We will plant the new hedge along the playing field on Saturday 8 March.\n")
    page = read_bytes(bytes(m), "hedge.eml").page
    assert (page.title, page.author) == ("Hedge planting on Saturday", "Chidi Okafor")


def test_a_saved_newsletter_signed_off_by_its_sender_keeps_the_sign_off_as_its_byline():
    """The sender signs the newsletter with their role: the byline is the sign-off, as
    printed, dated the day the message was sent."""
    html = ('<html><body><div style="display:none; mso-hide:all;">Hut hire and the quiz</div>'
            '<table><tr><td><h1>Autumn news</h1><p>Dear members,</p><p>The quiz night is on '
            'Friday 7 November in the upstairs room of the Anchor, teams of four.</p>'
            '<p><strong>Imogen Barrow</strong><br>Hon. Secretary, Quayside Growers<br>01632 960 777'
            '</p></td></tr></table></body></html>')
    m = EmailMessage()
    m["From"] = "Imogen Barrow <secretary@quayside.example>"
    m["To"] = "members@quayside.example"
    m["Subject"] = "Autumn news"
    m["Date"] = "Thu, 2 Oct 2025 19:42:11 +0100"
    m.set_content("Dear members,\n\nThe quiz night is on Friday 7 November.\n")
    m.add_alternative(html, subtype="html")
    page = read_bytes(bytes(m), "autumn.eml", kind="eml").page
    assert page.author == "Imogen Barrow"
    assert page.byline == "Imogen Barrow, Hon. Secretary, Quayside Growers, Thu, 02 Oct 2025"
