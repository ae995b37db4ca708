"""Question-and-answer pages read from their markup: a Stack Exchange-like question with its
answers and the comments under them, a Quora-like question whose answers are signed boxes in
obfuscated classes, and the ordinary pages those rules must leave alone."""

from __future__ import annotations

from assistant.ingest.extract import read_html_page
from assistant.ingest.page import page_sources


def _card(action: str, iso: str, shown: str, who: str) -> str:
    return (f'<div class="post-signature"><div class="user-info"><div class="user-action-time">'
            f'{action} <span title="{iso}" class="relativetime">{shown}</span></div>'
            f'<div class="user-details" itemprop="author" itemscope><a href="/users/7">{who}</a>'
            f'<span class="d-none" itemprop="name">{who}</span><div class="-flair"><span '
            f'class="reputation-score">3,101</span></div></div></div></div>')


def _comment(text: str, who: str, shown: str) -> str:
    return (f'<li class="comment js-comment"><div class="comment-text"><div class="comment-body">'
            f'<span class="comment-copy">{text}</span> &ndash;&nbsp;<a href="/users/9" '
            f'class="comment-user">{who}</a> <span class="comment-date"><span '
            f'class="relativetime-clean">{shown}</span></span></div></div></li>')


def _comments(*items: str) -> str:
    return ('<div class="comments js-comments-container"><ul class="comments-list">'
            + "".join(items) + "</ul></div>")


def _answer(body: str, card: str, comments: str = "", accepted: bool = False) -> str:
    classes = "answer js-answer" + (" accepted-answer" if accepted else "")
    prop = "acceptedAnswer" if accepted else "suggestedAnswer"
    return (f'<div class="{classes}" itemprop="{prop}" itemscope '
            f'itemtype="https://schema.org/Answer"><div class="post-layout"><div class="answercell">'
            f'<div class="s-prose js-post-body" itemprop="text">{body}</div>{card}</div>'
            f'<div class="post-layout--right">{comments}</div></div></div>')


QUESTION_PAGE = (
    '<html><head><title>Why does the kiln crack my glaze? - Pottery Stack Exchange</title></head>'
    '<body><div itemprop="mainEntity" itemscope itemtype="https://schema.org/Question">'
    '<h1 itemprop="name">Why does the kiln crack my glaze?</h1><div class="question">'
    '<div class="s-prose js-post-body" itemprop="text"><p>Every bowl I fire to cone 6 comes out '
    'with fine cracks all over the glaze, though the test tiles were smooth.</p><p>I use the same '
    'clay body for both. What changes between a tile and a bowl?</p></div>'
    + _card("asked", "2024-05-02 08:10:00Z", "May 2, 2024 at 8:10", "Wren Castell")
    + _comments(_comment("Is the glaze thicker on the bowls than on the tiles?", "Odile Marsh",
                         "May 2, 2024 at 9:02"),
                _comment("@OdileMarsh about the same, two dips each.", "Wren Castell",
                         "May 2, 2024 at 9:30"))
    + '</div><div id="answers"><h2>2 Answers</h2>'
    + _answer("<p>That is crazing: the glaze shrinks more than the clay as it cools. A bowl holds "
              "heat longer than a tile, so the stress shows.</p>",
              _card("answered", "2024-05-02 11:45:00Z", "May 2, 2024 at 11:45", "Tobiah Renn"),
              _comments(_comment("Adding silica to the glaze fixed it for me, thank you.",
                                 "Wren Castell", "May 4, 2024 at 17:20")), accepted=True)
    + _answer("<p>Check the cooling rate of your kiln as well; a slow cool helps.</p>",
              _card("answered", "2024-05-03 07:05:00Z", "May 3, 2024 at 7:05", "Imke Sollis"))
    + "</div></div></body></html>")


def _comment_labels(html: str) -> list[str]:
    return [s.label for s in page_sources(read_html_page(html.encode())) if s.kind == "comment"]


def test_a_questions_accepted_answer_is_marked_on_its_box_and_the_comments_under_it_are_not():
    """The accepted mark sits on the answer's outer box, which holds the comments under the
    answer too: the answer is the accepted one, the comments under it are replies to it."""
    assert _comment_labels(QUESTION_PAGE) == [
        "Reader comment by Odile Marsh, May 2, 2024 at 9:02",
        "Reader comment by Wren Castell, May 2, 2024 at 9:30, replying to Odile Marsh",
        "Reader comment by Tobiah Renn, May 2, 2024 at 11:45 (accepted answer)",
        "Reader comment by Wren Castell, May 4, 2024 at 17:20, replying to Tobiah Renn",
        "Reader comment by Imke Sollis, May 3, 2024 at 7:05 (answer)",
    ]


def test_a_mention_of_a_name_without_its_spaces_is_a_reply():
    page = read_html_page(QUESTION_PAGE.encode())
    replies = {b.text[:12]: b.reply_to for b in page.blocks if b.kind == "comment"}
    assert replies["@OdileMarsh "] == "Odile Marsh"


def test_a_blogs_comment_opening_with_a_one_word_handle_in_passing_is_no_reply():
    """A handle is a reply's address only before a comma or a colon ("@wren: ..."), as before:
    a forum's "@handle" in passing mentions someone."""
    def item(who: str, day: int, text: str) -> str:
        return (f'<li class="comment"><div class="comment-author"><cite class="fn">{who}</cite>'
                f'</div><div class="comment-meta"><time>May {day}, 2024</time></div>'
                f'<div class="comment-content"><p>{text}</p></div></li>')
    html = ("<html><head><title>Glaze notes</title></head><body><article><h1>Glaze notes</h1>"
            "<p>Crazing is the fine net of cracks a glaze gets when it shrinks more than the "
            "clay under it, and it can show up weeks after firing.</p><p>Here is what we changed "
            "in our studio to stop it on the stoneware mugs.</p></article>"
            '<ol class="comment-list">'
            + item("wren", 3, "We had the same problem with the blue glaze last winter.")
            + item("odile", 4, "@wren did the silica help in the end? We are trying it next.")
            + "</ol></body></html>")
    assert _comment_labels(html) == ["Reader comment by wren, May 3, 2024",
                                     "Reader comment by odile, May 4, 2024"]


def _qa_box(n: int, slug: str, name: str, credential: str, stamp: str, *paragraphs: str) -> str:
    """An answer as a Quora-like page prints it: generated class names, an avatar and a name
    linking the writer's profile, a credential line and a stamp, then the paragraphs."""
    body = "".join(f'<p class="q-text qu-display--block"><span>{p}</span></p>' for p in paragraphs)
    return (f'<div class="q-box answer_item_{n} qu-borderAll qu-mb--small"><div class="q-flex">'
            f'<a class="q-box Link___Styled-x1" href="https://ask.example/profile/{slug}"><img '
            f'alt="Profile photo for {name}" src="/{slug}.jpg"></a><div class="q-box">'
            f'<div class="q-text qu-bold"><a class="q-box Link___Styled-x1" '
            f'href="https://ask.example/profile/{slug}"><span>{name}</span></a></div>'
            f'<div class="q-text qu-color--gray"><span class="Credential___Styled-y2">{credential}'
            f'</span><span class="q-text">\u00b7</span><a class="q-box" href="/answer/{slug}">'
            f'{stamp}</a></div></div></div><div class="q-box">{body}</div>'
            f'<div class="q-text">1.2K views \u00b7 View upvotes</div>'
            f'<button class="q-click-wrapper"><span class="q-text">Upvote \u00b7 88</span></button></div>')


_LD = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "QAPage", '
       '"mainEntity": {"@type": "Question", "name": "How do lighthouse keepers clean the lens?", '
       '"answerCount": 9, "dateCreated": "2018-03-11T00:00:00.000Z", "author": {"@type": '
       '"Person", "name": "Anonymous"}, "suggestedAnswer": [{"@type": "Answer", "text": "We '
       'used a chamois...", "dateCreated": "2021-07-02T00:00:00.000Z", "author": {"@type": '
       '"Person", "name": "Maud Pellow"}}]}}</script>')


def _ask_page(declared: bool) -> str:
    return (f'<html><head><title>How do lighthouse keepers clean the lens? - Ask</title>'
            f'{_LD if declared else ""}</head><body><div id="root"><div class="q-box">'
            '<div class="q-text title_x"><span>How do lighthouse keepers clean the lens?</span>'
            '</div><div class="q-box main_col">'
            + _qa_box(0, "Maud-Pellow", "Maud Pellow", "Keeper at Skerrow Head 1971\u20131989",
                      "Updated 3y", "We used a chamois leather and a bucket of warm water with a "
                      "splash of vinegar, every morning after the light was put out.",
                      "The brass took longer than the glass. Polishing it was half the job.")
            + '<div class="q-box ad_promoted qu-mb--small"><div class="q-text">Sponsored by Tidewell '
              'Paints</div><div class="q-box"><span>Our marine varnish lasts three winters on '
              'any timber, or we refund you in full.</span></div></div>'
            + _qa_box(1, "Hal-Treharne", "Hal Treharne", "Maritime historian", "Answered Mar 3",
                      "Before paraffin lamps the soot was the real enemy, and the keepers' log "
                      "books record cleaning the lens twice a night in winter.")
            + '</div><div class="q-box side_col"><div class="q-text">Related questions</div>'
              '<div class="q-box"><a href="/Why-are-lighthouses-striped">Why are lighthouses '
              'striped?</a></div><div class="q-text">Sponsored</div><p class="q-text">Learn to '
              'sail on the south coast this summer with our five-day beginners course.</p></div>'
              '</div></div></body></html>')


def test_a_question_pages_answers_in_generated_classes_are_signed_responses():
    page = read_html_page(_ask_page(declared=True).encode())
    comments = [(b.author, b.date, b.mark, b.text.split("\n")[0]) for b in page.blocks
                if b.kind == "comment"]
    # the declared answer's date is its own; the other keeps its stamp as printed; the
    # credential line opens the answer's text
    assert comments == [("Maud Pellow", "2021-07-02", "answer", "Keeper at Skerrow Head 1971\u20131989"),
                        ("Hal Treharne", "Answered Mar 3", "answer", "Maritime historian")]
    assert [b.text for b in page.blocks if b.kind == "paragraph"] == [
        "How do lighthouse keepers clean the lens?"]
    # the question's declared date is when it was asked, not when it was answered
    assert (page.date, page.byline) == ("2018-03-11", "Question asked 2018-03-11")
    texts = " ".join(b.text for b in page.blocks)
    assert "varnish" not in texts and "sail" not in texts and "Related" not in texts


def test_boxes_of_that_shape_on_a_page_declaring_no_question_read_as_before():
    page = read_html_page(_ask_page(declared=False).encode())
    assert not [b for b in page.blocks if b.kind == "comment"]


def _answer_text(body: str) -> str:
    html = QUESTION_PAGE.replace(
        "<p>Check the cooling rate of your kiln as well; a slow cool helps.</p>", body)
    page = read_html_page(html.encode())
    return next(b.text for b in page.blocks if b.kind == "comment" and b.author == "Imke Sollis")


def test_an_answers_table_is_read_a_row_a_line():
    text = _answer_text(
        '<p>Cooling rates I have measured on three kilns:</p><table class="s-table"><thead><tr>'
        '<th>Kiln</th><th>Cooling to 500 degrees</th></tr></thead><tbody><tr><td>Front loader'
        '</td><td>9 hours</td></tr><tr><td>Top loader</td><td>6 hours</td></tr></tbody></table>'
        '<p>The top loader crazes most.</p>')
    assert text.split("\n") == ["Cooling rates I have measured on three kilns:",
                                "Kiln | Cooling to 500 degrees", "Front loader | 9 hours",
                                "Top loader | 6 hours", "The top loader crazes most."]


def test_an_answers_code_block_keeps_its_lines():
    text = _answer_text(
        '<p>Program the controller to hold on the way down:</p><pre class="s-code-block"><code>'
        'SEG 4 RATE 80 TEMP 1000\nSEG 5 HOLD 30</code></pre><p>Then let it cool freely.</p>')
    assert text.split("\n") == ["Program the controller to hold on the way down:",
                                "SEG 4 RATE 80 TEMP 1000", "SEG 5 HOLD 30",
                                "Then let it cool freely."]


def test_inline_code_does_not_break_an_answers_sentence():
    text = _answer_text('<p>Set <code>cool_rate</code> to 80 and the glaze stays smooth.</p>\n')
    assert text == "Set cool_rate to 80 and the glaze stays smooth."
