"""Question pages whose markup sets answers apart (a "Best answer" box above "Other answers",
as Yahoo Answers prints it), and the ordinary pages those rules must leave alone."""

from __future__ import annotations

from assistant.ingest.extract import read_html_page
from assistant.ingest.page import page_sources

ANSWER_ITEM = 'itemprop="suggestedAnswer" itemscope itemtype="https://schema.org/Answer"'


def _answer(who: str, shown: str, full: str, text: str, box: str = "li",
            attrs: str = f'class="AnswerItem__x9 P(8px)" {ANSWER_ITEM}') -> str:
    return (f'<{box} {attrs}><div class="Answer__row D(f)">'
            f'<div class="Answer__info">Answered by <a class="Answer__name" href="/activity?show=1"'
            f' itemprop="author">{who}</a> &middot; <span title="{full}">{shown}</span></div></div>'
            f'<div class="Answer__content" itemprop="text"><p>{text}</p></div>'
            f'<div class="Answer__actions"><button>Thumbs up</button> <span>4</span></div></{box}>')


def _page(best: str, ld: str = "") -> str:
    return (
        '<html><head><title>Why does my sourdough smell of nail varnish? | Answers</title>'
        f'{ld}</head><body><div id="nav"><a href="/">Home</a> <a href="/food">Food</a></div>'
        '<main id="center"><div id="question" itemscope itemtype="https://schema.org/Question">'
        '<div class="Question__user">Asked by <a itemprop="author" href="/activity?show=2">'
        'Perpetua Lind</a> &middot; <span title="March 3, 2021">3 y</span></div>'
        '<h1 itemprop="name">Why does my sourdough smell of nail varnish?</h1>'
        '<div class="Question__content" itemprop="text"><p>My starter is eight days old and '
        'lives on the shelf above the boiler. This morning it smelled sharply of nail varnish '
        'and had a grey liquid on top.</p><p>Is it ruined, or can I still bake with it on '
        'Sunday?</p></div><div class="Question__actions"><button>Follow</button> '
        '<span>&bull; 3 answers</span></div></div>'
        + best +
        '<div id="qn-answers"><h2>Other answers (2)</h2><ul class="AnswersList">'
        + _answer("Marek Olsson", "3 y", "March 3, 2021", "It is only hungry. Pour off the "
                  "liquid and feed it twice a day for a few days and the smell goes.")
        + _answer("Perpetua Lind", "3 y", "March 4, 2021", "Thank you both, it smells of "
                  "yoghurt again after two feeds and the loaf rose well.")
        + '</ul></div></main><aside><h3>Related questions</h3><ul><li><a href="/q/2">How do I '
        'dry a starter?</a></li></ul></aside></body></html>')


BEST = _answer("Ilse Varga", "3 y", "March 3, 2021", "The smell is acetone from a starving "
               "starter: the yeast has run out of flour. Warmth makes it eat faster, so move it "
               "off the boiler and feed it at a ratio of one to five.", box="div",
               attrs='id="qa-best-answer" itemprop="acceptedAnswer" itemscope '
               'itemtype="https://schema.org/Answer"')


def _sources(html: str) -> list[tuple[str, str, str]]:
    return [(s.kind, s.label, s.text) for s in page_sources(read_html_page(html.encode()))]


def test_a_best_answer_box_above_the_other_answers_is_the_accepted_answer_not_the_question():
    sources = _sources(_page(BEST))
    posts = [t for k, _, t in sources if k == "post"]
    assert not any("acetone" in t for t in posts)
    assert not any("Asked by" in t for t in posts)
    comments = [(label, text) for k, label, text in sources if k == "comment"]
    assert comments[0][0] == "Reader comment by Ilse Varga, March 3, 2021 (accepted answer)"
    assert comments[0][1].startswith("The smell is acetone from a starving starter")
    assert [label for label, _ in comments[1:]] == [
        "Reader comment by Marek Olsson, March 3, 2021 (answer)",
        "Reader comment by Perpetua Lind, March 4, 2021 (answer)"]


def _best(attrs: str) -> str:
    return BEST.replace('id="qa-best-answer" itemprop="acceptedAnswer" itemscope '
                        'itemtype="https://schema.org/Answer"', attrs)


def test_a_box_classed_as_the_best_answer_is_the_accepted_answer():
    comments = [label for k, label, _ in _sources(_page(_best('class="BestAnswer__box P(8px)" '
                                                               + ANSWER_ITEM))) if k == "comment"]
    assert comments[0] == "Reader comment by Ilse Varga, March 3, 2021 (accepted answer)"


def test_an_answer_the_json_ld_declares_accepted_is_the_accepted_answer():
    best = _best('class="Featured P(8px)" ' + ANSWER_ITEM)
    assert [label for k, label, _ in _sources(_page(best)) if k == "comment"][0] \
        == "Reader comment by Ilse Varga, March 3, 2021 (answer)"
    ld = ('<script type="application/ld+json">{"@context":"https://schema.org","@type":"QAPage",'
          '"mainEntity":{"@type":"Question","name":"Why does my sourdough smell?","answerCount":3,'
          '"acceptedAnswer":{"@type":"Answer","author":{"@type":"Person","name":"Ilse Varga"}}}}'
          '</script>')
    comments = [label for k, label, _ in _sources(_page(best, ld)) if k == "comment"]
    assert comments[0] == "Reader comment by Ilse Varga, March 3, 2021 (accepted answer)"
    assert comments[1:] == ["Reader comment by Marek Olsson, March 3, 2021 (answer)",
                            "Reader comment by Perpetua Lind, March 4, 2021 (answer)"]


def test_a_page_without_a_question_keeps_an_answer_like_box_as_its_text():
    """Without a declared question, a box that looks like an answer is the page's own."""
    html = _page(BEST).replace('itemtype="https://schema.org/Question"', "")
    posts = [t for k, _, t in _sources(html) if k == "post"]
    assert any("acetone" in t for t in posts)


def test_a_faqs_answers_inside_their_questions_stay_the_posts_text():
    html = ('<html><head><title>Caring for a starter</title></head><body><article>'
            '<h1>Caring for a starter</h1><div class="entry-content"><p>A starter needs flour, '
            'water and a steady room, and not much else, whatever the forums tell you.</p>'
            '<div itemscope itemtype="https://schema.org/FAQPage"><div itemprop="mainEntity" '
            'itemscope itemtype="https://schema.org/Question"><h3 itemprop="name">Can it live in '
            'the fridge?</h3><div itemprop="acceptedAnswer" itemscope itemtype="https://schema.org/'
            'Answer"><div itemprop="text"><p>Yes, for up to a fortnight between feeds, if you give '
            'it two warm feeds before baking.</p></div></div></div></div></div></article>'
            '</body></html>')
    posts = [t for k, _, t in _sources(html) if k == "post"]
    assert any("up to a fortnight" in t for t in posts)
