"""A chat's export (WhatsApp, iOS and Android) read as its messages (docs/article-format.md):
each a comment signed by its sender and dated by its stamp, the app's own lines furniture,
the group's name the title."""

from __future__ import annotations

from assistant.ingest.text import read_text_page

IOS = """\u200e[04/09/2023, 18:30:12] Harbour Rowing Club: \u200eMessages and calls are end-to-end encrypted.
[04/09/2023, 18:30:12] Ines Moreau: \u200eInes Moreau created group \u201cHarbour Rowing Club\u201d
[04/09/2023, 18:31:40] Ines Moreau: The new quad scull arrives on Friday. It cost £7,900 with the riggers.
[04/09/2023, 18:33:02] Bram Okoro: \u200e<attached: 00000031-PHOTO-2023-09-04-18-33-02.jpg>
[04/09/2023, 18:33:05] Bram Okoro: Ines, is this the one?
The yellow hull?

Looks lovely.
[04/09/2023, 18:40:55] Cat Lindgren: \u200eThis message was deleted.
[05/09/2023, 07:02:19] Ines Moreau: Yes. We name it on Sunday at 10am. \u200e<This message was edited>
"""


def test_a_whatsapp_export_reads_as_comments_signed_by_their_senders():
    page = read_text_page(IOS, "rowing_chat.txt")
    assert page.title == "Harbour Rowing Club"  # the "created group" line names it
    assert (page.author, page.date) == (None, None)
    assert [(b.kind, b.author, b.date, b.text) for b in page.blocks] == [
        ("comment", "Ines Moreau", "04/09/2023, 18:31:40",
         "The new quad scull arrives on Friday. It cost £7,900 with the riggers."),
        # a line without a stamp goes on the message above it; the attachment is furniture
        ("comment", "Bram Okoro", "04/09/2023, 18:33:05",
         "Ines, is this the one?\nThe yellow hull?\n\nLooks lovely."),
        ("comment", "Ines Moreau", "05/09/2023, 07:02:19",
         "Yes. We name it on Sunday at 10am."),
    ]
    assert page.blocks[1].reply_to == "Ines Moreau"  # "Ines, ..." answers her


ANDROID = """21/06/2024, 20:15 - Messages and calls are end-to-end encrypted. Tap to learn more.
21/06/2024, 20:15 - You were added
21/06/2024, 20:16 - Pavel Novak: Who has the keys to the scout hut for the jumble sale?
21/06/2024, 20:19 - Sunita Rao: I do. Doors open at 9, tables are £5 each.
21/06/2024, 20:20 - Sunita Rao: <Media omitted>
21/06/2024, 20:24 - Pavel Novak: Great, I'll bring the float: £40 in coins.
"""


def test_an_android_export_without_a_group_name_is_titled_by_its_file():
    page = read_text_page(ANDROID, "jumble_sale.txt")
    assert page.title == "jumble_sale"
    assert [(b.author, b.date, b.text) for b in page.blocks] == [
        ("Pavel Novak", "21/06/2024, 20:16",
         "Who has the keys to the scout hut for the jumble sale?"),
        ("Sunita Rao", "21/06/2024, 20:19", "I do. Doors open at 9, tables are £5 each."),
        ("Pavel Novak", "21/06/2024, 20:24", "Great, I'll bring the float: £40 in coins."),
    ]


def test_a_log_of_stamped_lines_naming_no_sender_is_not_a_chat():
    log = ("03/02/2025, 06:00 - Gate opened\n03/02/2025, 06:05 - Pump started\n"
           "03/02/2025, 07:40 - Pump stopped\n")
    page = read_text_page(log, "pump.txt")
    assert page.title == "03/02/2025, 06:00 - Gate opened"
    assert all(b.kind == "paragraph" for b in page.blocks)


SLACK = """Thursday, May 8th
Rosa Delgado  10:02 AM
Print run for the zine is booked: 250 copies, collected on the 20th.
Kwame Asante  10:05 AM
Rosa, did the printer take the risograph files?
:+1: 2
Rosa Delgado  10:07 AM
Yes, both colours. (edited)
10:08
The invoice is £186.
2 replies
"""


def test_a_slack_channel_copied_as_text_reads_as_signed_messages():
    page = read_text_page(SLACK, "zine-channel.txt")
    assert page.title == "zine-channel"
    assert [(b.author, b.date, b.text) for b in page.blocks] == [
        ("Rosa Delgado", "Thursday, May 8th, 10:02 AM",
         "Print run for the zine is booked: 250 copies, collected on the 20th."),
        ("Kwame Asante", "Thursday, May 8th, 10:05 AM",
         "Rosa, did the printer take the risograph files?"),  # no reaction line
        ("Rosa Delgado", "Thursday, May 8th, 10:07 AM", "Yes, both colours."),
        # a time alone heads the same sender's next message
        ("Rosa Delgado", "Thursday, May 8th, 10:08", "The invoice is £186."),
    ]


def test_a_teams_chat_copied_as_text():
    teams = ("[9:40 AM] Lena Fischer\nThe boiler service is on Monday.\n"
             "[9:42 AM] Omar Haddad\nWill the hall be closed?\n"
             "[9:44 AM] Lena Fischer\nOnly until noon.\n")
    page = read_text_page(teams, "hall.txt")
    assert [(b.author, b.date, b.text) for b in page.blocks] == [
        ("Lena Fischer", "9:40 AM", "The boiler service is on Monday."),
        ("Omar Haddad", "9:42 AM", "Will the hall be closed?"),
        ("Lena Fischer", "9:44 AM", "Only until noon."),
    ]


def test_a_schedule_of_times_is_not_a_chat():
    text = ("Open Day Programme\nRegistration 9:00 AM\nWelcome Talk 9:30 AM\nLab Tours 10:15 AM\n"
            "\nBring a packed lunch; the cafe is closed.\n")
    page = read_text_page(text, "programme.txt")
    assert page.title == "Open Day Programme"
    assert not any(b.kind == "comment" for b in page.blocks)
