"""The text layout (docs/article-format.md) as people write it in Markdown and plain text:
bylines in emphasis, and comments signed inside their own text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant.ingest.mail import split_thread
from assistant.ingest.page import page_sources
from assistant.ingest.text import read_text_page

MARKDOWN = """# Winter cycling: five things I learned

*By Tomas Ferrer, 2 February 2025*

Last winter I cycled to work every day from November to March.

## Comments

**Ines Marlow**, 3 February 2025: Great tips. Which rear light do you use?

Tomas Ferrer (3 February 2025): A cheap USB one, Ines.

Great news for the canal path! -- Bob Lane, 6 May 2025

Dara Quinn says: I ride the same route.

Is there a Sunday service?
\u2014 _Carla Diaz_, 7 May 2025
"""


@pytest.fixture(scope="module")
def sources():
    return page_sources(read_text_page(MARKDOWN, "winter.md", markdown=True))


def test_a_byline_in_emphasis_is_the_posts_byline_not_a_paragraph(sources):
    byline = next(s for s in sources if s.kind == "byline")
    assert byline.text == "By Tomas Ferrer, 2 February 2025"
    posts = [s for s in sources if s.kind == "post"]
    assert [p.text for p in posts] == ["Last winter I cycled to work every day from November to March."]
    assert (posts[0].author, posts[0].date) == ("Tomas Ferrer", "2 February 2025")


@pytest.mark.parametrize("line", ["Interview by Nell Varga, 4 May 2025", "Words by Nell Varga"])
def test_an_interview_or_words_byline_names_the_author(line):
    page = read_text_page(f"Five questions for a glassblower\n\n{line}\n\nNell Varga talked to "
                          "a glassblower in her workshop above the harbour.\n", "glass.txt")
    assert page.author == "Nell Varga" and page.byline == line


@pytest.mark.parametrize("line, date", [
    ("*A beginner's guide by Tomasz Wierzbicki, published 3 February 2025*", "3 February 2025"),
    ("*A beginner's guide by Tomasz Wierzbicki, updated 3 February 2025*", None),
    ("The weekly column by Tomasz Wierzbicki", None),
])
def test_what_the_piece_is_then_by_whom_is_the_byline_not_a_caption(line, date):
    """An update's date is printed in the byline but is not when the post was published."""
    page = read_text_page(f"# Sharpening a knife\n\n{line}\n\nA sharp knife is safer than a "
                          "dull one.\n", "knife.md", markdown=True)
    assert (page.author, page.date) == ("Tomasz Wierzbicki", date)
    assert page.byline == line.strip("*")
    assert [b.kind for b in page.blocks] == ["paragraph"]


def test_comments_signed_inside_their_text_get_their_author_and_date(sources):
    comments = [(s.author, s.date, s.text) for s in sources if s.kind == "comment"]
    assert comments == [
        ("Ines Marlow", "3 February 2025", "Great tips. Which rear light do you use?"),
        ("Tomas Ferrer", "3 February 2025", "A cheap USB one, Ines."),
        ("Bob Lane", "6 May 2025", "Great news for the canal path!"),
        ("Dara Quinn", None, "I ride the same route."),
        ("Carla Diaz", "7 May 2025", "Is there a Sunday service?"),
    ]
    assert sources[-1].label == "Reader comment by Carla Diaz, 7 May 2025"


@pytest.mark.parametrize("signed, name", [
    ("Sunniva Dahl \u2614 on 3 May 2024:", "Sunniva Dahl"),
    ("\U0001f33f Ana Reyes (3 May 2024)", "Ana Reyes"),
    ("Toby K. \U0001f468\u200d\U0001f52c, 3 May 2024", "Toby K."),
])
def test_the_emoji_a_display_name_wears_are_not_the_name(signed, name):
    page = read_text_page(f"Title\n\nA paragraph of the post.\n\nComments\n\n{signed}\n"
                          "Lovely photos of the glacier.\n", "t.txt")
    (found,) = [b for b in page.blocks if b.kind == "comment"]
    assert (found.author, found.date, found.text) == (name, "3 May 2024",
                                                      "Lovely photos of the glacier.")


@pytest.mark.parametrize("comment", [
    "The fair moves to a new date -- Saturday, 3 May 2025",  # a day is not who signed
    "Paris, 3 March 2021 is when we met. Lovely post.",  # no colon after the date
    "I agree -- mostly.",  # a dash without a name and a date
    "my gran said: try it.",  # not a name as bylines print one
])
def test_comment_text_that_only_looks_signed_stays_text(comment):
    page = read_text_page(f"Title\n\nA paragraph of the post.\n\nComments\n\n{comment}\n", "t.txt")
    (found,) = [b for b in page.blocks if b.kind == "comment"]
    assert (found.author, found.text) == (None, comment)


DRUPAL = """Can cats recognise their names?

Submitted by Lena Hartmann on Tue, 09/04/2019 - 10:23

A study suggests that pet cats can tell their own names apart from other words.

Most cats moved their heads or ears when they heard their name.
{reference}
Add new comment

My cat only answers to the sound of the treat bag.

Submitted by Olu Bankole (not verified) on Wed, 10/04/2019 - 08:15

Permalink

Did they test dogs as well?

Submitted by Marta Sousa (not verified) on Thu, 11/04/2019 - 19:02

Log in or register to post comments
"""
REFERENCE = """
Saito A, Shinozuka K, Ito Y, Hasegawa T. Domestic cats discriminate their names from other
words. Scientific Reports. 9: 5394, 2019. doi:10.1038/s41598-019-40616-4
"""


@pytest.mark.parametrize("reference", [REFERENCE, ""], ids=["with a reference", "without"])
def test_a_drupal_page_submitted_by_its_author_with_signed_comments_and_no_comments_heading(reference):
    page = read_text_page(DRUPAL.format(reference=reference), "cats.txt")
    assert (page.author, page.date) == ("Lena Hartmann", "Tue, 09/04/2019")
    assert page.byline == "Submitted by Lena Hartmann on Tue, 09/04/2019 - 10:23"
    kinds = [b.kind for b in page.blocks]
    assert kinds == ["paragraph", "paragraph", *(["reference"] if reference else []), "comment", "comment"]
    comments = [(b.author, b.date, b.text) for b in page.blocks if b.kind == "comment"]
    assert comments == [
        ("Olu Bankole", "Wed, 10/04/2019", "My cat only answers to the sound of the treat bag."),
        ("Marta Sousa", "Thu, 11/04/2019", "Did they test dogs as well?"),
    ]


def test_signed_comments_after_a_references_section_are_comments_not_references():
    page = read_text_page("Bees and cold\n\nBy Ann Roe on 3 March 2021\n\nBees cluster in winter.\n\n"
                          "References\n\nDoe J. Bees. Journal. 2020.\n\nNice post!\n\n"
                          "By Carl Poe on 4 March 2021\n", "bees.txt")
    assert [(b.kind, b.author) for b in page.blocks] == [
        ("paragraph", None), ("reference", None), ("comment", "Carl Poe")]


POST = ("A water butt collects rain from a downpipe.\n\n"
        "Fit a lid so mosquitoes cannot breed in it.\n\n")


def _comments(page):
    return [(b.author, b.date, b.text) for b in page.blocks if b.kind == "comment"]


def test_a_wordpress_page_copied_as_text():
    page = read_text_page(
        "Rainwater butts for beginners\n\nMarch 3, 2021\nby Ann Lee\n\n" + POST
        + "12 thoughts on \u201cRainwater butts for beginners\u201d\n\n"
        "Paul Brierley says:\nMarch 4, 2021 at 9:12 am\nHow do you stop the water going green?\nReply\n\n"
        "Ann Lee says:\nMarch 4, 2021 at 10:01 am\nKeep the light out with a lid.\nReply\n", "wp.txt")
    assert (page.author, page.date, page.byline) == ("Ann Lee", "March 3, 2021", "March 3, 2021\nby Ann Lee")
    assert [b.kind for b in page.blocks] == ["paragraph", "paragraph", "comment", "comment"]
    assert _comments(page) == [
        ("Paul Brierley", "March 4, 2021", "How do you stop the water going green?"),
        ("Ann Lee", "March 4, 2021", "Keep the light out with a lid."),
    ]


def test_a_blogger_page_copied_as_text():
    page = read_text_page(
        "Rainwater butts for beginners\n\n" + POST + "Posted by Ann Lee at 9:12 AM\n\n3 comments:\n\n"
        "Anonymous said...\nHow do you stop the water going green?\n4 March 2021 at 09:12\n", "b.txt")
    assert (page.author, page.byline) == ("Ann Lee", "Posted by Ann Lee at 9:12 AM")
    assert [b.kind for b in page.blocks] == ["paragraph", "paragraph", "comment"]
    assert _comments(page) == [("Anonymous", "4 March 2021", "How do you stop the water going green?")]


def test_numbered_comments_are_signed_without_their_number():
    page = read_text_page("Butts\n\n" + POST + "Comments\n\n1. Maria Chen \u2013 5 March 2021\n"
                          "Mine has a tap at the bottom.\n", "n.txt")
    assert _comments(page) == [("Maria Chen", "5 March 2021", "Mine has a tap at the bottom.")]


WRAPPED = """Why the old mill pond froze last

By Ruth Kaye on 12 January 2024

The old mill pond is always the last body of water in the village to
freeze. Most winters the ice only forms in the second week of January,
about ten days after the duck pond on the green.

What to bring:
- skates that fit, and a spare pair of
  thick socks
- a flask

Comments

I skated on it as a boy in 1963, when it froze for
seven weeks.
By Tom Ashe on 13 January 2024
"""


def test_a_hard_wrapped_text_file_is_read_in_whole_sentences():
    page = read_text_page(WRAPPED, "pond.txt")
    texts = [b.text for b in page.blocks]
    assert texts[0] == ("The old mill pond is always the last body of water in the village to "
                        "freeze. Most winters the ice only forms in the second week of January, "
                        "about ten days after the duck pond on the green.")
    # a list keeps one item a line; an item wrapped onto the next line is joined
    assert texts[1] == "What to bring:\n- skates that fit, and a spare pair of thick socks\n- a flask"
    assert texts[2] == "I skated on it as a boy in 1963, when it froze for seven weeks."
    assert page.blocks[2].author == "Tom Ashe"


def test_lines_that_are_not_wrapped_stay_lines():
    table = "Low water 02:14, height 0.9 m\nHigh water 08:31, height 4.6 m"
    recipe = "250 g split red lentils, rinsed\n2 tablespoons olive oil\nA thumb-sized piece of ginger"
    page = read_text_page(f"Tides\n\n{table}\n\n{recipe}\n", "tides.txt")
    assert [b.text for b in page.blocks] == [table, recipe]


def test_a_text_file_without_blank_lines_is_read_a_paragraph_a_line():
    page = read_text_page(
        "Why the old mill pond froze last\nBy Ruth Kaye on 12 January 2024\n"
        "The old mill pond is always the last body of water in the village to freeze.\n"
        "This year the pond froze over on 28 December.\nComments\n"
        "I skated on it as a boy in 1963.\nBy Tom Ashe on 13 January 2024\n", "pond.txt")
    assert (page.author, page.date) == ("Ruth Kaye", "12 January 2024")
    assert [(b.kind, b.author) for b in page.blocks] == [
        ("paragraph", None), ("paragraph", None), ("comment", "Tom Ashe")]


@pytest.mark.parametrize("head, kind", [
    ('---\ntitle: "Winter cycling: five things I learned"\nauthors: [Tomas Ferrer, Ines Marlow]\n'
     "date: 2025-02-02T10:00:00Z\ntags: [cycling, winter]\n---\n", "markdown"),
    ("---\nlayout: post\nauthor:\n  - Tomas Ferrer\n  - Ines Marlow\ndate: 2025-02-02\n---\n\n"
     "# Winter cycling: five things I learned\n", "markdown"),
    ("Title: Winter cycling: five things I learned\nAuthor: Tomas Ferrer; Ines Marlow\n"
     "Date: 2025-02-02\n", "text"),
], ids=["front matter", "front matter, then the title as a heading", "a header block"])
def test_title_author_and_date_given_as_fields_before_the_text(head, kind):
    text = head + "\nLast winter I cycled to work every day.\n\n## Lights\n\nI run a 400-lumen light.\n"
    page = read_text_page(text, "winter.md", markdown=kind == "markdown")
    assert (page.title, page.author, page.date) == (
        "Winter cycling: five things I learned", "Tomas Ferrer and Ines Marlow", "2025-02-02")
    assert [(b.kind, b.heading, b.text) for b in page.blocks] == [
        ("paragraph", None, "Last winter I cycled to work every day."),
        ("paragraph", "Lights", "I run a 400-lumen light.")]
    byline = next(s for s in page_sources(page) if s.kind == "byline")
    assert byline.text == "By Tomas Ferrer and Ines Marlow, 2025-02-02"


def test_a_first_line_with_a_colon_is_still_the_title():
    page = read_text_page("Kilns: a first guide\nNote: read this first\n\nA kiln is hot.\n", "k.txt")
    assert page.title == "Kilns: a first guide" and page.author is None


def test_comments_signed_with_a_date_without_its_year_or_relative_to_the_visit():
    text = ("Night buses return\n\nBy Hana Sato, 2 June 2025\n\nThe number 9 night bus runs again "
            "from July.\n\nComments\n\nRavi Patel, Jun 4: About time, I walk home at 1 am.\n\n"
            "Kim Ode (3 days ago): Will it stop at the harbour?\n\n"
            "Great news for the students! -- Bea Mills, yesterday\n\n"
            "Tom Wu says:\nJune 5 at 9:12 pm\nDoes anyone know the fare?\n")
    page = read_text_page(text, "buses.txt")
    assert [(b.author, b.date, b.text) for b in page.blocks if b.kind == "comment"] == [
        ("Ravi Patel", "Jun 4", "About time, I walk home at 1 am."),
        ("Kim Ode", "3 days ago", "Will it stop at the harbour?"),
        ("Bea Mills", "yesterday", "Great news for the students!"),
        ("Tom Wu", "June 5", "Does anyone know the fare?")]


def test_a_date_without_its_year_does_not_start_the_comments_of_a_post_without_a_heading():
    # with no Comments heading, only a dated byline with its year shows where comments begin
    text = ("Pond notes\n\nThe pond froze on 28 December.\n\nWe skated until dusk.\n"
            "-- Ann Lee, Jan 2\n\nThe ice was gone by the 9th.\n")
    page = read_text_page(text, "pond.txt")
    assert all(b.kind == "paragraph" for b in page.blocks)


@pytest.mark.parametrize("heading", ["Responses (2)", "Comments (2)", "Comments: 2",
                                     "## What readers said", "Readers' comments",
                                     "Join the discussion"])
def test_headings_that_open_the_comments(heading):
    text = (f"# Going fine-free\n\nBy Amara Obi, 10 January 2025\n\nFrom February the branch "
            f"stops charging late fees.\n\n{heading}\n\n**Leo Brandt** — 11 January 2025\n\n"
            "Will lost books still be charged?\n\nSue Harper, 12 January 2025: Returns went up "
            "in Hull.\n")
    page = read_text_page(text, "fines.md", markdown=True)
    assert [(b.kind, b.author) for b in page.blocks] == [
        ("paragraph", None), ("comment", "Leo Brandt"), ("comment", "Sue Harper")]


@pytest.mark.parametrize("heading", ["Discussion of the results", "Commentary", "Conversation"])
def test_headings_that_only_look_like_a_comments_heading_stay_in_the_post(heading):
    text = f"Going fine-free\n\nThe branch stops charging fees.\n\n## {heading}\n\nReturns went up.\n"
    page = read_text_page(text, "fines.md", markdown=True)
    assert [b.kind for b in page.blocks] == ["paragraph", "paragraph"]


def test_comments_signed_with_a_handle_in_the_bundled_layout():
    text = ("Do bats get osteoporosis?\n\nBats lost under 2 percent of their bone mass.\n\n"
            "More like this\n\nDo the bats drink water while they hibernate?\n\n"
            "By dean (not verified) on 12 Mar 2015 #permalink\n\n"
            "I wonder if the same is true for bears.\n\nBy eric.lund on 14 Mar 2015 #permalink\n")
    page = read_text_page(text, "bats.txt")
    assert [(b.kind, b.author, b.date) for b in page.blocks] == [
        ("paragraph", None, None), ("comment", "dean", "12 Mar 2015"),
        ("comment", "eric.lund", "14 Mar 2015")]


def test_a_lowercase_word_after_by_is_a_handle_only_with_a_date():
    text = "Bat notes\n\nBats lose little bone.\n\nBy contrast\n\nBears lose none.\n"
    page = read_text_page(text, "bats.txt")
    assert page.author is None and page.byline is None
    assert [b.kind for b in page.blocks] == ["paragraph", "paragraph"]


def test_a_first_paragraph_ending_in_a_citation_mark_is_no_caption():
    page = read_text_page("Coffee and sleep\n\nBy Lina Berg, 4 April 2024\n\nA small trial found "
                          "that coffee six hours before bed cut sleep by 40 minutes.[1]\n\n"
                          "References\n\n1. Drake C, Roth T. Caffeine effects on sleep. "
                          "J Clin Sleep Med. 2013;9(11):1195-1200.\n", "coffee.md", markdown=True)
    assert [b.kind for b in page.blocks] == ["paragraph", "reference"]


def test_a_heading_after_the_references_starts_a_section_of_the_post():
    text = ("Coffee and sleep\n\nCoffee six hours before bed cut sleep by 40 minutes.\n\n"
            "Works cited\n\nDrake C, Roth T (2013) Caffeine effects on sleep. Journal of "
            "Clinical Sleep Medicine 9(11): 1195-1200.\n\nNotes\n\nThe trial had only 12 "
            "participants.\n\nComments\n\nMaya Ross, 5 April 2024: I stopped coffee after noon.\n")
    page = read_text_page(text, "coffee.txt")
    assert [(b.kind, b.heading) for b in page.blocks] == [
        ("paragraph", None), ("reference", None), ("paragraph", "Notes"), ("comment", None)]


def test_a_first_paragraph_leading_into_a_list_is_no_caption():
    page = read_text_page("Study notes\n\nThe researchers followed three groups of patients for two "
                          "years and found the following:\n\n- fewer falls\n- stronger bones\n", "s.txt")
    assert [b.kind for b in page.blocks] == ["paragraph", "paragraph"]


def test_a_first_paragraph_without_a_final_period_that_says_i_is_no_caption():
    page = read_text_page("Shed roof\n\nSo this week I finally got round to fixing the shed roof "
                          "and here is how it went\n\nFirst I took off the old felt.\n", "shed.txt")
    assert [b.kind for b in page.blocks] == ["paragraph", "paragraph"]


def test_html_in_markdown_is_read_as_a_browser_shows_it():
    text = ("# Coffee and sleep\n\n<!-- draft: check the numbers\nbefore publishing -->\n\n"
            "Coffee before bed cut sleep by <b>40 minutes</b>.<sup>1</sup> See <a href=\"https://"
            "x.org\">the trial</a>.\n\n<img src=\"cup.jpg\" alt=\"A cup of coffee by the bed\">\n\n"
            "A line break<br>and more. Is 3 < 4? Yes.\n")
    page = read_text_page(text, "coffee.md", markdown=True)
    assert [(b.kind, b.text) for b in page.blocks] == [
        ("paragraph", "Coffee before bed cut sleep by 40 minutes.\u00b9 See the trial."),
        ("caption", "A cup of coffee by the bed"),
        ("paragraph", "A line break\nand more. Is 3 < 4? Yes.")]


COPIED = """Skip to content
Menu
Search
News | Sport | Weather | Local

Home
UK
World
Business

Coastal town bans disposable barbecues

By Helen Marsh
Local Democracy Reporter
14 August 2025

Councillors in Wellsby have voted to ban disposable barbecues from the town's beaches.

The ban comes into force on 1 September and was approved by 23 votes to four.

Categories: Local news
Tags: beaches, fire

Share this article
Facebook
X
Email

Related stories
Heatwave warning issued for the south west
Firefighters tackle large moorland blaze

Comments

Ann Lee says:
14 August 2025 at 9:12 am
About time too. The gorse above North Bay burnt twice.

Leave a Reply Cancel reply
Your email address will not be published. Required fields are marked *

Name *

Save my name, email, and website in this browser for the next time I comment.

Post Comment

\u00a9 2025 Wellsby News Group. All rights reserved.
Privacy policy
"""


def test_a_page_copied_from_the_browser_is_read_without_its_furniture():
    """Select all, copy, paste: the site's menu above the title, the share and related boxes,
    the comment form and the copyright line below are not the article."""
    page = read_text_page(COPIED, "copied.txt")
    assert (page.title, page.author, page.date) == (
        "Coastal town bans disposable barbecues", "Helen Marsh", "14 August 2025")
    assert page.byline == "By Helen Marsh\nLocal Democracy Reporter\n14 August 2025"
    assert [b.text for b in page.blocks if b.kind == "paragraph"] == [
        "Councillors in Wellsby have voted to ban disposable barbecues from the town's beaches.",
        "The ban comes into force on 1 September and was approved by 23 votes to four."]
    assert [(b.author, b.text) for b in page.blocks if b.kind == "comment"] == [
        ("Ann Lee", "About time too. The gorse above North Bay burnt twice.")]


@pytest.mark.parametrize("top", [
    "The Allotment Diaries\nGrowing things badly since 2016\n\nHome\nAbout\nRecipes\nContact\n\n",
    "FOR IMMEDIATE RELEASE\n\n",
], ids=["blog name and menu", "press release label"])
def test_the_title_is_found_under_the_sites_name_and_labels(top):
    text = (f"{top}Why my squash failed this year\nPosted on September 12, 2024 by Marion Keel"
            "\n\nEvery year I tell myself that squash is the easy crop.\n")
    if "RELEASE" in top:
        text = text.replace("\nPosted on September 12, 2024 by Marion Keel", "")
    page = read_text_page(text, "blog.txt")
    assert page.title == "Why my squash failed this year"
    assert page.blocks[-1].text == "Every year I tell myself that squash is the easy crop."


@pytest.mark.parametrize("trail", [
    "Homes \u203a Ask the Surveyor", "Home \u00bb News \u00bb Local", "Home > Gardening > Fruit",
])
def test_a_breadcrumb_trail_above_the_title_is_furniture(trail):
    page = read_text_page(f"{trail}\n\n\"Why did my pears split?\"\nBy Ann Lee, 2 May 2025\n\n"
                          "Pears split after heavy rain follows a dry spell.\n", "pears.txt")
    assert (page.title, page.author, page.date) == ('"Why did my pears split?"', "Ann Lee",
                                                    "2 May 2025")
    assert [b.text for b in page.blocks] == ["Pears split after heavy rain follows a dry spell."]


def test_a_title_with_one_angle_bracket_is_still_the_title():
    page = read_text_page("Cats > dogs? A vet weighs in\n\nBy Ann Lee, 2 May 2025\n\nIt depends "
                          "on the household.\n", "pets.txt")
    assert page.title == "Cats > dogs? A vet weighs in"


GUIDANCE = """Home Improvement Grant: guidance

Last updated 14 January 2025

Contents
1. Who can apply
2. What the grant pays for
2.1 Eligible work

The scheme was launched in April 2023.

1. Who can apply

You can apply if you are 65 or older.

2. What the grant pays for

The grant pays up to \u00a37,500 towards repairs.

2.1 Eligible work

It can pay for a new boiler.

Is this page useful? Yes No
Report a problem with this page
"""


def test_a_guidance_page_reads_its_update_line_numbered_headings_and_no_contents_list():
    """GOV.UK-style guidance: "Last updated DATE" under the title is a byline that dates no
    post; "1. Who can apply" heads the text under it; the contents list and the feedback box
    are the page's furniture."""
    page = read_text_page(GUIDANCE, "grant.txt")
    assert (page.title, page.author, page.date, page.byline) == (
        "Home Improvement Grant: guidance", None, None, "Last updated 14 January 2025")
    assert [(b.heading, b.text) for b in page.blocks] == [
        (None, "The scheme was launched in April 2023."),
        ("1. Who can apply", "You can apply if you are 65 or older."),
        ("2. What the grant pays for", "The grant pays up to \u00a37,500 towards repairs."),
        ("2.1 Eligible work", "It can pay for a new boiler.")]


def test_a_bylines_job_title_is_not_part_of_the_name():
    page = read_text_page("# K2 thermostat: your questions\n\n*Posted by Anika Varga, Head of "
                          "Customer Support \u00b7 9 October 2024*\n\nHere are the answers.\n",
                          "faq.md", markdown=True)
    assert (page.author, page.date) == ("Anika Varga", "9 October 2024")
    assert [b.text for b in page.blocks] == ["Here are the answers."]


NEWSLETTER = """# The Allotment Ledger

**Issue 47 \u00b7 3 March 2025**

### Water back on from 15 March

The standpipes will be switched on again on Saturday 15 March.

Read more: https://example.org/news/water-2025

Happy digging,

Helen Ostrowska
Newsletter editor, Farrow Lane Allotment Society
editor@example.org
"""


def test_a_newsletter_signed_off_under_a_closing_line_names_its_author():
    """"Happy digging," then the editor's name, role and address: she wrote it, and neither
    the sign-off nor an item's "Read more: https://..." link is the newsletter's text."""
    page = read_text_page(NEWSLETTER, "ledger.md", markdown=True)
    assert (page.title, page.author, page.date) == ("The Allotment Ledger", "Helen Ostrowska",
                                                    "3 March 2025")
    assert [b.text for b in page.blocks] == [
        "The standpipes will be switched on again on Saturday 15 March."]


def test_a_closing_line_above_a_comments_byline_is_not_a_sign_off():
    text = ("Bees in winter\n\nBees cluster to keep warm.\n\nComments\n\nGreat post, thanks,"
            "\n\nBy Ann Lee on 3 May 2025\n")
    page = read_text_page(text, "bees.txt")
    assert page.author is None
    assert [(b.kind, b.author) for b in page.blocks] == [("paragraph", None), ("comment", "Ann Lee")]


def test_a_one_word_title_is_still_the_title():
    page = read_text_page("Hedgehogs\n\nHedgehogs visit most gardens in the town at night.\n",
                          "h.txt")
    assert page.title == "Hedgehogs"


def test_a_press_releases_dateline_dates_it():
    page = read_text_page("Blood test spots kidney damage\n\nOXFORD, 3 March 2025 \u2014 A "
                          "routine blood test could identify people at risk.\n\n###\n", "pr.txt")
    assert (page.date, page.byline) == ("3 March 2025", "OXFORD, 3 March 2025")
    assert [b.text for b in page.blocks] == [
        "OXFORD, 3 March 2025 \u2014 A routine blood test could identify people at risk."]


def test_underlined_headings_are_headings():
    text = ("Cutting a build time in half\n============================\n\nBy Lena Okafor, 21 "
            "October 2024\n\nOur site took eleven minutes to build.\n\nWhere the time went\n"
            "-------------------\n\nImage resizing took most of it.\n")
    page = read_text_page(text, "build.md", markdown=True)
    assert (page.title, page.author) == ("Cutting a build time in half", "Lena Okafor")
    assert [(b.text, b.heading) for b in page.blocks] == [
        ("Our site took eleven minutes to build.", None),
        ("Image resizing took most of it.", "Where the time went")]


def test_an_emails_header_gives_title_author_and_date():
    text = ("From: Riverside Birders <news@example.org>\nTo: Anna Lowe <anna@example.com>\n"
            "Subject: Winter newsletter\nDate: Mon, 6 Jan 2025 08:30:12 +0000\n\n"
            "Our winter count recorded 48 species along the usual\nroute from the weir.\n\n"
            "> Martin, the lapwing decline is not only\n> about housing, I think.\n")
    page = read_text_page(text, "news.txt")
    assert (page.title, page.author, page.date) == ("Winter newsletter", "Riverside Birders",
                                                    "Mon, 6 Jan 2025")
    assert [b.text for b in page.blocks] == [
        "Our winter count recorded 48 species along the usual route from the weir.",
        "Martin, the lapwing decline is not only about housing, I think."]


@pytest.mark.parametrize("sender, author", [
    ("Riverside Birders <news@example.org>", "Hannah Whitlock"),  # an organisation sent it
    ("Hannah Whitlock <hannah@example.org>", "Hannah Whitlock"),
    ("Anna Lowe <anna@example.org>", "Hannah Whitlock"),  # sent for the one who signed it
])
def test_an_emails_signature_is_not_its_text_and_names_who_signed_it(sender, author):
    text = (f"From: {sender}\nSubject: Winter newsletter\nDate: Mon, 6 Jan 2025 08:30:12 +0000\n\n"
            "Our winter count recorded 48 species along the usual\nroute from the weir.\n\n"
            "Happy birding,\n\n--\nHannah Whitlock\nNewsletter editor, Riverside Birders\n"
            "Tel: 0117 496 0321\nTo unsubscribe, reply with UNSUBSCRIBE in the subject line.\n")
    page = read_text_page(text, "news.txt")
    assert page.author == author
    assert [b.text for b in page.blocks] == [
        "Our winter count recorded 48 species along the usual route from the weir.",
        "Happy birding,"]


def test_a_report_signed_at_its_end_is_dated_and_bylined_by_its_signature():
    """A report with no byline under its title, signed at its end ("-- " / name / role /
    date): the signature, as printed, is its byline, and its date the report's; an address
    or a phone number under the name is not part of it."""
    text = ("Estuary Survey 2024\n===================\n\nThe trust surveyed the three beds in "
            "September, and the western bed grew for the third year.\n\n-- \nDr Halloran Pike\n"
            "Senior Ecologist, Wrenmoor Estuary Trust\nTel: 01632 960 412\n12 May 2025\n")
    page = read_text_page(text, "survey.txt")
    assert (page.author, page.date) == ("Dr Halloran Pike", "12 May 2025")
    assert page.byline == "Dr Halloran Pike, Senior Ecologist, Wrenmoor Estuary Trust, 12 May 2025"
    assert [b.text for b in page.blocks] == [
        "The trust surveyed the three beds in September, and the western bed grew for the third "
        "year."]


def test_a_double_dash_line_inside_the_text_is_no_signature():
    text = ("Bird notes\n\nBy Ann Lowe\n\nThe count went well.\n\n--\nMore next week, when "
            "the count moves to the estuary and we hope for waders.\n\nThanks to all who came.\n")
    page = read_text_page(text, "notes.txt")
    assert page.author == "Ann Lowe"
    assert len([b for b in page.blocks if b.kind == "paragraph"]) == 3


def test_markdown_tables_reference_links_and_code_read_as_shown():
    text = ("# Build notes\n\nWe read the [issue thread][1] first.\n\n| Stage | Before | After |\n"
            "| --- | :---: | ---: |\n| Images | 6 min | 10 s |\n\n```yaml\ncache:\n  key: images\n\n"
            "  paths: [.cache]\n```\n\n[1]: https://example.org/issues/42\n")
    page = read_text_page(text, "notes.md")
    assert [b.text for b in page.blocks] == [
        "We read the issue thread first.",
        "Stage: Images; Before: 6 min; After: 10 s",  # the row with its header line
        "cache:\n  key: images\n\n  paths: [.cache]"]


@pytest.mark.parametrize("text", [
    "Bees\n\nShort intro\n\nLovely\nBy Ann Lee on 3 March 2021\n",
    "Bees\n\nComments\n\nLovely\nBy Ann Lee on 3 March 2021\n",
])
def test_a_comment_byline_near_the_top_does_not_move_the_title(text):
    assert read_text_page(text, "bees.txt").title == "Bees"


_MENU = "Skip to content\nMenu\nSearch\nNews | Sport | Weather | Local\n\nHome\nUK\nWorld\nBusiness\n\n"
_BELOW = ("\n\nShare this article\nFacebook\nX\nEmail\n\nRelated stories\nHeatwave warning issued "
          "for the south west\nFirefighters tackle large moorland blaze\n\nMost read\n1\nMan rescued "
          "after 12 hours\n\n\u00a9 2025 The Ledger. All rights reserved.\nPrivacy policy\n")


_SUITE = Path(__file__).parent.parent / "benchmarks" / "data" / "articles"
_TUNING = json.loads((_SUITE / "split.json").read_text(encoding="utf-8"))["tuning"]


@pytest.mark.parametrize("path", sorted(str(p) for a in _TUNING for p in (_SUITE / a).glob(
    "article.*") if p.suffix in (".txt", ".md")), ids=lambda p: Path(p).parent.name)
def test_an_article_copied_with_its_sites_furniture_reads_as_the_article(path):
    """Every tuning article in the text layout, as a browser's select-all would copy it (a menu
    above, share, related and most-read boxes and a copyright line below), reads as the article
    alone. (An e-mail thread a mail client exports comes from no web page: it opens with its
    headers. A saved page or e-mail file is read by its own reader, not as copied text.)"""
    text = Path(path).read_text(encoding="utf-8")
    if split_thread(text) is not None:
        pytest.skip("an e-mail thread, not a web page's text")
    markdown = True if path.endswith(".md") else None
    clean = read_text_page(text, path, markdown=markdown)
    copied = read_text_page(_MENU + text.rstrip("\n") + _BELOW, path, markdown=markdown)
    assert (copied.title, copied.author, copied.date, copied.byline, copied.blocks) == (
        clean.title, clean.author, clean.date, clean.byline, clean.blocks)


@pytest.mark.parametrize("line, date", [
    ("Episode 12 \u00b7 14 March 2025", "14 March 2025"),
    ("Issue 31 | 2 May 2025", "2 May 2025"),
    ("Updated \u00b7 2 May 2025", None),
])
def test_what_the_piece_is_then_its_date_under_the_title_dates_the_post(line, date):
    page = read_text_page(f"Sound Minds: The City After Dark\n{line}\n\nIn this episode, the host "
                          "talks to an acoustics researcher about noise at night.\n", "ep12.txt")
    assert page.date == date
    assert all(line not in b.text and b.heading != line for b in page.blocks) or date is None


def test_a_forum_post_signed_with_a_handle_and_replies_headed_reply_from():
    text = ("Review: the K9 vacuum after six months\n\nPosted by dustbunny_77 on 3 February 2024\n\n"
            "I paid 249 pounds for it in the summer sale. The suction is better than I expected.\n\n"
            "Verdict: 7/10. A solid vacuum for a small house.\n\n"
            "Reply from mopmaster, 3 February 2024:\nGood review. Did they fix the filter rattle?\n\n"
            "Reply from Harriet Wells, 5 February 2024:\nI returned mine after a week.\n\n"
            "Reply from old_Pete, 11 February 2024: 7/10 seems generous to me.\n")
    page = read_text_page(text, "k9.txt")
    assert (page.author, page.date) == ("dustbunny_77", "3 February 2024")
    assert [b.kind for b in page.blocks].count("paragraph") == 2
    assert _comments(page) == [
        ("mopmaster", "3 February 2024", "Good review. Did they fix the filter rattle?"),
        ("Harriet Wells", "5 February 2024", "I returned mine after a week."),
        ("old_Pete", "11 February 2024", "7/10 seems generous to me.")]


def test_a_reply_word_or_a_handle_alone_does_not_make_a_comment():
    text = ("Replies to the consultation\n\nPosted by the council\n\n"
            "Reply from the minister: the plan stays as it is.\n\n"
            "Reply from residents, 3 February 2024, was mixed.\n")
    page = read_text_page(text, "c.txt")
    assert page.author is None
    assert [b.kind for b in page.blocks] == ["paragraph", "paragraph"]


def test_a_question_and_its_answer_printed_apart_are_one_paragraph():
    """An FAQ's "Q." and "A." paragraphs: the answer is read after what it answers."""
    page = read_text_page("Kettle FAQ\n\nQ. Can it boil milk?\n\nA. No, only water.\n\nQ: Does "
                          "it switch off by itself?\n\nA: Yes, when the water boils.\n\nAnother "
                          "paragraph.\n", "faq.txt")
    assert [s.text for s in page_sources(page) if s.kind == "post"] == [
        "Q. Can it boil milk? A. No, only water.",
        "Q: Does it switch off by itself? A: Yes, when the water boils.", "Another paragraph."]


ENCYCLOPEDIA = """Larkspur Lighthouse

From Wikipedia, the free encyclopedia

Larkspur Lighthouse
Location\tGull Point, Devon
Constructed\t1833
Height\t21 m (69 ft)

Larkspur Lighthouse is a disused lighthouse on Gull Point.[1] It was lit by oil until 1921.[2][3]

History[edit]

The keeper, Amos Tregear, kept a log of every wreck.[a] The light was automated in 1921,[4]
and the keepers left the same year.[citation needed]

See also[edit]
List of lighthouses in Devon
Gull Point Coastguard Station

References[edit]
^ Penrose, A. (1990). Lights of the South-West. Exeter: Harbour Books. p. 12.
^ a b "Larkspur light goes electric". Western Courier. 3 May 1921. p. 4.

Notes
^ Tregear's logs are held by the county record office.

External links[edit]
Larkspur Lighthouse Trust
"""


def test_an_encyclopedia_copied_from_the_browser_reads_without_its_furniture_and_marks():
    page = read_text_page(ENCYCLOPEDIA, "lighthouse.txt")
    assert [(b.kind, b.text, b.heading) for b in page.blocks] == [
        ("paragraph", "Larkspur Lighthouse\nLocation: Gull Point, Devon\nConstructed: 1833\n"
                      "Height: 21 m (69 ft)", None),
        ("paragraph", "Larkspur Lighthouse is a disused lighthouse on Gull Point. It was lit by oil "
                      "until 1921.", None),
        ("paragraph", "The keeper, Amos Tregear, kept a log of every wreck. The light was automated "
                      "in 1921, and the keepers left the same year.", "History"),
        ("reference", "Penrose, A. (1990). Lights of the South-West. Exeter: Harbour Books. p. 12.",
         None),
        ("reference", "\"Larkspur light goes electric\". Western Courier. 3 May 1921. p. 4.", None),
        ("reference", "Tregear's logs are held by the county record office.", None)]


@pytest.mark.parametrize("text", [
    "Bees\n\nHives were counted [1] in spring.\n",  # a bracket after a space is the writer's
    "Bees\n\nThe list:\n[a] hives\n[b] swarms\n",
])
def test_brackets_that_are_no_footnote_mark_stay(text):
    page = read_text_page(text, "bees.txt")
    assert page.blocks[0].text == text.split("\n\n", 1)[1].strip()


def test_markdown_footnotes_are_notes_and_their_marks_leave_the_sentences():
    text = ("# Mending a dry-stone wall\n\nThe wall fell in the storm of 2019.[^1] We rebuilt it "
            "over a month [^wall][^2] with stone from the field.\n\n## Afterwards\n\n"
            "It has stood since.\n\n[^1]: The storm of 12 February, as the parish recorded it.\n"
            "[^wall]: About forty metres of it,\n    on the north side.\n"
            "[^2]: https://example.org/walling-guide\n")
    page = read_text_page(text, "wall.md")
    assert [(b.kind, b.text) for b in page.blocks] == [
        ("paragraph", "The wall fell in the storm of 2019. We rebuilt it over a month with stone "
                      "from the field."),
        ("paragraph", "It has stood since."),
        ("reference", "The storm of 12 February, as the parish recorded it."),
        ("reference", "About forty metres of it, on the north side."),
        ("reference", "https://example.org/walling-guide")]


def test_a_readmes_centred_logo_badges_and_html_are_not_its_title_or_text():
    text = ('<p align="center">\n  <img src="logo.png" alt="Gullwing logo: a gull holding a map">\n'
            "</p>\n\n# Gullwing\n\n[![CI](https://x.org/ci.svg)](https://x.org/ci) "
            "[![PyPI](https://x.org/v.svg)](https://pypi.org/p/gullwing)\n\nGullwing is a small "
            "offline map tile server for field teams.\n\n<h2 align=\"center\">Features</h2>\n\n"
            "It caches tiles on a laptop.\n")
    page = read_text_page(text, "README.md", markdown=True)
    assert page.title == "Gullwing"
    assert [(b.kind, b.text, b.heading) for b in page.blocks] == [
        ("caption", "Gullwing logo: a gull holding a map", None),
        ("paragraph", "Gullwing is a small offline map tile server for field teams.", None),
        ("paragraph", "It caches tiles on a laptop.", "Features")]


def test_a_question_takes_one_answer_paragraph_not_the_next_one_too():
    page = read_text_page("Kettle FAQ\n\nQ. Can it boil milk?\n\nA. No, only water.\n\nA. Milk "
                          "burns on the element.\n", "faq.txt")
    assert [s.text for s in page_sources(page) if s.kind == "post"] == [
        "Q. Can it boil milk? A. No, only water.", "A. Milk burns on the element."]


LETTER_COLUMN = """Money Matters: "My landlord kept my whole deposit"
By Oren Vasquez, 12 March 2025

Dear Oren,

I rented a flat in the town centre for three years and left it cleaner than I found it.

The landlord has kept all of my £900 deposit for "general wear". What can I do?

Tomasz, Eastleigh

Oren replies:

Tomasz, a landlord cannot charge you for fair wear and tear.

Ask the deposit scheme for its free dispute service.
"""


def test_a_readers_letter_is_signed_off_not_headed_by_its_signer():
    """An advice column's letter, under "Dear Oren,", ends on its writer's sign-off (a first
    name and where they write from): a line of the letter, not a heading of it; the reply
    below answers them, under it."""
    page = read_text_page(LETTER_COLUMN)
    texts = [(b.text, b.heading) for b in page.blocks]
    assert ("Tomasz, Eastleigh", None) in texts
    assert ("The landlord has kept all of my £900 deposit for \"general wear\". What can I do?",
            None) in texts
    assert ("Ask the deposit scheme for its free dispute service.", "Tomasz, Eastleigh") in texts
    # with no salutation above it, a short line is a heading as before
    page = read_text_page(LETTER_COLUMN.replace("Dear Oren,\n\n", ""))
    assert "Tomasz, Eastleigh" not in [b.text for b in page.blocks]
