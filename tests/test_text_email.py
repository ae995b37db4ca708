"""A plain-text e-mail thread as a mail client exports it (docs/article-format.md): the newest
message is the post, each earlier message it quotes a comment signed by its writer."""

from __future__ import annotations

from assistant.ingest.text import read_text_page

GMAIL = """From: Nadia Brook <nadia@example.org>
To: Owen Pike <owen@example.net>
Date: Wed, 12 Mar 2025 09:14:55 +0000
Subject: Re: Fwd: Re: Pond dipping on Saturday

Hi Owen,

Yes, the nets are in the blue crate behind the
visitor hut, and the key is with the warden.

Best,
Nadia

--
Nadia Brook
Volunteer coordinator, Fenwick Marsh Reserve
01632 960 118

On Tue, 11 Mar 2025 at 18:02, Owen Pike <owen@example.net> wrote:

> Nadia, where do we keep the dipping nets? Twelve children
> are booked for the session on Saturday.
>
> Cheers,
> Owen
>
> On Mon, 10 Mar 2025 at 08:40, Rosa Quill <rosa.quill@example.com> wrote:
>
>> Dear both,
>>
>> The school has confirmed the booking for the morning
>> session. They will bring their own wellies.
>>
>> Rosa
>> (Education officer)
>
_______________________________________________
Marsh-volunteers mailing list
Marsh-volunteers@lists.example.org
https://lists.example.org/mailman/listinfo/marsh-volunteers
"""


def test_an_email_thread_reads_as_the_newest_message_and_the_quoted_ones_as_comments():
    page = read_text_page(GMAIL, "thread.txt")
    assert (page.title, page.author, page.date) == ("Pond dipping on Saturday", "Nadia Brook",
                                                    "Wed, 12 Mar 2025")
    assert [(b.kind, b.text) for b in page.blocks if b.kind == "paragraph"] == [
        ("paragraph", "Hi Owen,"),
        ("paragraph", "Yes, the nets are in the blue crate behind the visitor hut, and the key is "
                      "with the warden.")]
    assert [(b.author, b.date, b.text) for b in page.blocks if b.kind == "comment"] == [
        ("Owen Pike", "Tue, 11 Mar 2025 at 18:02",
         "Nadia, where do we keep the dipping nets? Twelve children are booked for the session "
         "on Saturday."),
        ("Rosa Quill", "Mon, 10 Mar 2025 at 08:40",
         "Dear both,\nThe school has confirmed the booking for the morning session. They will "
         "bring their own wellies.")]


def test_apple_mails_attribution_and_a_reply_between_quoted_lines():
    text = ("From: Owen Pike <owen@example.net>\nSubject: Re: Hide opening times\n"
            "Date: Thu, 13 Mar 2025 10:00:00 +0000\n\nThanks, that settles it.\n\n"
            "On 12 Mar 2025, at 16:45, Nadia Brook <nadia@example.org> wrote:\n\n"
            "> The hide opens at dawn in spring.\n\nThat suits the ringers.\n\n"
            "> It closes at six.\n")
    page = read_text_page(text, "hide.txt")
    assert [b.text for b in page.blocks if b.kind == "paragraph"] == [
        "Thanks, that settles it.", "That suits the ringers."]
    assert [(b.author, b.date, b.text) for b in page.blocks if b.kind == "comment"] == [
        ("Nadia Brook", "12 Mar 2025, at 16:45", "The hide opens at dawn in spring.\nIt closes at six.")]


def test_outlooks_original_message_block_is_an_earlier_message():
    text = ("From: Rosa Quill <rosa.quill@example.com>\nTo: Owen Pike <owen@example.net>\n"
            "Date: Fri, 14 Mar 2025 11:30:00 +0000\nSubject: RE: Minibus for the school visit\n\n"
            "Owen, the minibus is booked for 8.30 on Saturday.\n\nKind regards,\nRosa Quill\n"
            "Education officer\n\n-----Original Message-----\n"
            "From: Owen Pike [mailto:owen@example.net]\nSent: Thursday, March 13, 2025 4:12 PM\n"
            "To: Rosa Quill\nSubject: Minibus for the school visit\n\n"
            "Could we borrow the reserve's minibus to collect the class?\n\nThanks,\nOwen\n")
    page = read_text_page(text, "minibus.txt")
    assert (page.title, page.author) == ("Minibus for the school visit", "Rosa Quill")
    assert [b.text for b in page.blocks if b.kind == "paragraph"] == [
        "Owen, the minibus is booked for 8.30 on Saturday."]
    assert [(b.author, b.date, b.text) for b in page.blocks if b.kind == "comment"] == [
        ("Owen Pike", "Thursday, March 13, 2025 4:12 PM",
         "Could we borrow the reserve's minibus to collect the class?")]


def test_a_phones_attribution_inside_the_quote_and_a_signature_under_a_sign_off():
    """An iPhone quotes its "On ..., X wrote:" line with the message, as deep as it; a first
    name, then a signature block, then "Sent from my iPhone" are no one's words."""
    text = ("From: Ann Lee <ann@example.org>\nSubject: Re: Re: Shed rota\n"
            "Date: Thu, 13 Mar 2025 10:00:00 +0000\n\nAgreed, Saturdays it is.\n\n"
            "On 12 Mar 2025 at 09:10, Ben Hill <ben@example.org> wrote:\n\n"
            "> I can do Saturdays until May.\n>\n> Ben\n> Plot 12, site rep\n>\n"
            "> Sent from my iPhone\n>\n"
            ">> On 11 Mar 2025, at 22:31, Cat Dunn <cat@example.org> wrote:\n"
            ">> Who can open the shed on Saturdays?\n>>\n>> Best wishes,\n>> Cat\n>>\n"
            ">> Cat Dunn\n>> Chair, Brook Lane Allotments\n>> Tel: 01632 960271\n")
    page = read_text_page(text, "rota.txt")
    assert [(b.author, b.date, b.text) for b in page.blocks if b.kind == "comment"] == [
        ("Ben Hill", "12 Mar 2025 at 09:10", "I can do Saturdays until May."),
        ("Cat Dunn", "11 Mar 2025, at 22:31", "Who can open the shed on Saturdays?")]


OUTLOOK_ONE = """From: Okafor, Chidi <c.okafor@harrowfield.example>
Sent: Tuesday, 4 March 2025 09:14
To: Parish Volunteers <volunteers@harrowfield.example>
Subject: Hedge planting on Saturday

Hi all,

We will plant the new hedge along the playing field on Saturday 8 March.

Thanks,
Chidi
"""


def test_outlooks_sent_line_dates_an_e_mail_and_its_surname_first_sender_reads_as_said():
    page = read_text_page(OUTLOOK_ONE, "hedge.txt")
    assert (page.title, page.author, page.date) == ("Hedge planting on Saturday", "Chidi Okafor",
                                                    "Tuesday, 4 March 2025")
    american = OUTLOOK_ONE.replace("Tuesday, 4 March 2025 09:14", "Tuesday, March 4, 2025 9:14 AM")
    assert read_text_page(american, "hedge.txt").date == "Tuesday, March 4, 2025"


def test_a_quoted_outlook_header_names_its_surname_first_writer_as_said():
    text = ("From: Ann Lee <ann@example.org>\nDate: Wed, 5 Mar 2025 10:00:00 +0000\n"
            "Subject: RE: Hedge planting on Saturday\n\nI will bring six spades.\n\nAnn\n\n"
            "-----Original Message-----\nFrom: Okafor, Chidi <c.okafor@harrowfield.example>\n"
            "Sent: Tuesday, 4 March 2025 09:14\nTo: Ann Lee <ann@example.org>\n"
            "Subject: Hedge planting on Saturday\n\nWe will plant the new hedge on Saturday 8 March.\n")
    page = read_text_page(text, "reply.txt")
    assert [b.author for b in page.blocks if b.kind == "comment"] == ["Chidi Okafor"]


def test_each_quoted_message_replies_to_the_one_it_quotes():
    # newest first: Owen's message quotes Rosa's, so it answers her; hers, the first, none
    page = read_text_page(GMAIL, "thread.txt")
    assert [(b.author, b.reply_to) for b in page.blocks if b.kind == "comment"] == [
        ("Owen Pike", "Rosa Quill"), ("Rosa Quill", None)]
