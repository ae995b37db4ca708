"""Replies a site has deleted (Reddit's "[deleted]" comment, Stack Exchange's greyed deleted
answer) are not read, and a user card's reputation or flair is not part of the name."""

from __future__ import annotations

from assistant.ingest.extract import read_html_page
from assistant.ingest.page import page_sources


def _reddit_comment(who: str | None, iso: str, text: str, replies: str = "",
                    deleted: bool = False) -> str:
    name = (f'<a href="/user/{who}" class="author may-blank">{who}</a><span class="flair" '
            f'title="Kent, 3 hives">Kent, 3 hives</span>') if who else "<em>[deleted]</em>"
    return (f'<div class="thing noncollapsed comment{" deleted" if deleted else ""}" '
            f'data-type="comment"><div class="entry"><p class="tagline">{name} <span class="score">'
            f'4 points</span> <time datetime="{iso}" title="{iso}">3 hours ago</time></p><form '
            f'class="usertext"><div class="usertext-body"><div class="md"><p>{text}</p></div></div>'
            f'</form></div><div class="child">{replies}</div></div>')


REDDIT = (
    '<html><head><title>Moving a hive three feet : Beekeeping</title></head><body>'
    '<div class="content" role="main"><div class="sitetable linklisting"><div class="thing link '
    'self"><p class="title"><a class="title">Moving a hive three feet</a></p><div class="expando">'
    '<div class="usertext-body"><div class="md"><p>I need to move my hive three feet to the left '
    'to make room for a shed, and I have read both the three feet rule and the three mile rule. '
    'Which is right for a short move on the same plot?</p></div></div></div></div></div>'
    '<div class="commentarea"><div class="sitetable nestedlisting">'
    + _reddit_comment("Tamsin_Oaks", "2024-04-02T09:00:00+00:00", "Three feet is fine: move it "
                      "in the evening once the foragers are home and they will find it.")
    + _reddit_comment(None, "2024-04-02T09:30:00+00:00", "[deleted]", deleted=True, replies=(
        '<div class="sitetable listing">' + _reddit_comment(
            "Corin_Hale", "2024-04-02T10:00:00+00:00", "Whatever was said here, a move of a metre "
            "needs nothing but a branch in front of the entrance for a day.") + "</div>"))
    + "</div></div></div></body></html>")


def test_a_deleted_comment_is_not_read_and_a_reply_under_it_is():
    page = read_html_page(REDDIT.encode())
    comments = [(b.author, b.text) for b in page.blocks if b.kind == "comment"]
    assert [who for who, _ in comments] == ["Tamsin_Oaks", "Corin_Hale"]
    assert not any("[deleted]" in text for _, text in comments)


def _card(who: str, rep: str) -> str:
    return (f'<div class="post-signature"><div class="user-info"><div class="user-action-time">'
            f'answered <span title="2024-06-01 10:00:00Z" class="relativetime">Jun 1, 2024 at '
            f'10:00</span></div><div class="user-details"><a href="/users/5">{who}</a><div '
            f'class="-flair"><span class="reputation-score">{rep}</span></div></div></div></div>')


def _se_answer(body: str, card: str, deleted: bool = False) -> str:
    return (f'<div class="answer js-answer{" deleted-answer" if deleted else ""}"><div '
            f'class="post-layout"><div class="answercell"><div class="s-prose js-post-body">'
            f'<p>{body}</p></div>{card}</div></div></div>')


SE = (
    '<html><head><title>Why is my sourdough dense? - Seasoned Advice</title></head><body>'
    '<div id="content"><h1>Why is my sourdough dense?</h1><div class="question"><div '
    'class="s-prose js-post-body"><p>My loaves come out dense and flat although the starter '
    'doubles in four hours. I bake at 230 degrees in a Dutch oven.</p></div></div>'
    '<div id="answers"><h2>2 Answers</h2>'
    + _se_answer("The dough is under-proofed: give the bulk ferment two more hours in a cool "
                 "kitchen.", _card("Rosalind Achebe", "12.4k"))
    + _se_answer("Add yeast, sourdough never rises properly without it.",
                 _card("breadfixer", "11"), deleted=True)
    + _se_answer("Shape it tighter so the loaf holds its gas.", _card("dough_doc", "1,204"))
    + "</div></div></body></html>")


def test_a_deleted_answer_is_not_read():
    labels = [s.label for s in page_sources(read_html_page(SE.encode())) if s.kind == "comment"]
    assert labels == ["Reader comment by Rosalind Achebe, Jun 1, 2024 at 10:00 (answer)",
                      "Reader comment by dough_doc, Jun 1, 2024 at 10:00 (answer)"]


def test_a_user_cards_reputation_is_not_glued_to_a_handle():
    html = SE.replace(' deleted-answer', '')
    authors = [b.author for b in read_html_page(html.encode()).blocks if b.kind == "comment"]
    assert authors == ["Rosalind Achebe", "breadfixer", "dough_doc"]
