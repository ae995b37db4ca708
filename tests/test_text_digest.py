"""A mailing list's digest (Mailman's plain text) read as its messages (docs/article-format.md):
each a comment signed by its writer and dated by its header, the digest's header, topic list,
quotes and footer not read as text."""

from __future__ import annotations

from assistant.ingest.text import read_text_page

DIGEST = """Send Kiln-talk mailing list submissions to
\tkiln-talk@lists.potters.example.org

To subscribe or unsubscribe via the World Wide Web, visit
\thttps://lists.potters.example.org/mailman/listinfo/kiln-talk
or, via email, send a message with subject or body 'help' to
\tkiln-talk-request@lists.potters.example.org

You can reach the person managing the list at
\tkiln-talk-owner@lists.potters.example.org

When replying, please edit your Subject line so it is more specific
than "Re: Contents of Kiln-talk digest..."


Today's Topics:

   1. Cone 6 glaze crawling (Odile Ferrand)
   2. Re: Cone 6 glaze crawling (Rufus Adeyemi)
   3. Shared kiln booking in March (Mei Lin Tan)


----------------------------------------------------------------------

Message: 1
Date: Sat, 8 Mar 2025 10:02:44 +0000
From: Odile Ferrand <odile@example.net>
To: kiln-talk@lists.potters.example.org
Subject: [Kiln-talk] Cone 6 glaze crawling
Message-ID: <1a2b@example.net>
Content-Type: text/plain; charset="us-ascii"

Hello all,

My satin white is crawling on the inside of every bowl since I
switched to the new bag of kaolin. I fire to cone 6 with a ten
minute hold. Any ideas?

Odile


------------------------------

Message: 2
Date: Sat, 8 Mar 2025 14:30:10 +0000
From: rufus at example.org (Rufus Adeyemi)
To: kiln-talk@lists.potters.example.org
Subject: Re: [Kiln-talk] Cone 6 glaze crawling
Message-ID: <9f8e@example.org>

On Sat, 8 Mar 2025 at 10:02, Odile Ferrand <odile@example.net> wrote:
> My satin white is crawling on the inside of every bowl since I
> switched to the new bag of kaolin.

Raw kaolin shrinks a lot as it dries. Calcine a third of it at
cone 010 and the crawling should stop.

--
Rufus Adeyemi
Studio technician, Harbour Clay Works

-------------- next part --------------
An HTML attachment was scrubbed...
URL: <https://lists.potters.example.org/pipermail/kiln-talk/attachment.html>

------------------------------

Message: 3
Date: Sun, 9 Mar 2025 09:15:00 +0000
From: Mei Lin Tan <meilin@example.com>
To: kiln-talk@lists.potters.example.org
Subject: [Kiln-talk] Shared kiln booking in March

The shared kiln on Dock Street is free on 21 and 22 March. Each
firing costs 18 pounds a shelf.

Mei Lin


------------------------------

Subject: Digest Footer

_______________________________________________
Kiln-talk mailing list
kiln-talk@lists.potters.example.org
https://lists.potters.example.org/mailman/listinfo/kiln-talk


------------------------------

End of Kiln-talk Digest, Vol 12, Issue 3
****************************************
"""


def test_a_mailman_digest_reads_as_its_messages_signed_and_dated():
    page = read_text_page(DIGEST, "digest.txt")
    assert page.title == "Kiln-talk Digest, Vol 12, Issue 3"  # from "End of ..." here
    assert (page.author, page.date) == (None, None)
    assert [(b.kind, b.author, b.date, b.reply_to, b.text) for b in page.blocks] == [
        ("comment", "Odile Ferrand", "Sat, 8 Mar 2025 10:02:44", None,
         "Hello all,\nMy satin white is crawling on the inside of every bowl since I switched to "
         "the new bag of kaolin. I fire to cone 6 with a ten minute hold. Any ideas?"),
        # the quote and its attribution, the signature and the attachment's note go
        ("comment", "Rufus Adeyemi", "Sat, 8 Mar 2025 14:30:10", "Odile Ferrand",
         "Raw kaolin shrinks a lot as it dries. Calcine a third of it at cone 010 and the "
         "crawling should stop."),
        ("comment", "Mei Lin Tan", "Sun, 9 Mar 2025 09:15:00", None,
         "The shared kiln on Dock Street is free on 21 and 22 March. Each firing costs 18 "
         "pounds a shelf."),
    ]


def test_the_digests_name_above_its_topics_is_the_title():
    text = DIGEST.replace("Today's Topics:", "Kiln-talk Digest, Vol 12, Issue 3\n\nToday's Topics:")
    text = text.replace("End of Kiln-talk Digest, Vol 12, Issue 3", "")
    assert read_text_page(text, "digest.txt").title == "Kiln-talk Digest, Vol 12, Issue 3"
    # no name printed at all: the first message's subject
    text = DIGEST.replace("End of Kiln-talk Digest, Vol 12, Issue 3", "")
    assert read_text_page(text, "digest.txt").title == "[Kiln-talk] Cone 6 glaze crawling"


def test_a_text_listing_topics_without_messages_is_no_digest():
    text = ("Club newsletter\n\nToday's Topics:\n\n1. The March firing\n2. Glaze night\n\n"
            "Message: 1\n\nThe kiln is booked for the whole of March, so bring your pots early.\n")
    page = read_text_page(text, "news.txt")
    assert page.title == "Club newsletter"
    assert all(b.kind == "paragraph" for b in page.blocks)
