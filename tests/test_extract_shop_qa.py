"""A shop's customer questions and answers on a product page: each question a comment signed
by its asker, each answer a reply labelled "(answer)" signed by its answerer, in the shapes
shops print them; and the pages of questions and answers that are no shop's, read as before."""

from __future__ import annotations

from assistant.ingest.extract import read_html_page
from assistant.ingest.page import page_sources

PRODUCT_LD = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
              '"Product", "name": "Brackwater Enamel Kettle"}</script>')
DESCRIPTION = ('<section class="description"><h2>About this kettle</h2><p>A two-litre enamel '
               'kettle with a whistling spout and a beech handle, fired twice so the glaze '
               'survives years on a range or a camping stove.</p><p>It holds enough water for '
               'eight mugs and comes in three colours, each mixed by hand at the works.</p>'
               '</section>')


def _page(qa: str, head: str = PRODUCT_LD, after: str = "") -> str:
    return ('<html><head><title>Brackwater Enamel Kettle | Fenmoor Kitchen Supply</title>'
            f'{head}</head><body><main><h1>Brackwater Enamel Kettle</h1>{DESCRIPTION}{qa}{after}'
            '</main></body></html>')


def _comments(html: str) -> list[tuple[str, str | None, str]]:
    return [(s.label, s.author, s.text) for s in page_sources(read_html_page(html))
            if s.kind == "comment"]


SHOP_ITEMS = (
    '<section class="qa" id="qa"><h2>Customer questions &amp; answers</h2>'
    '<div class="qa-item"><p class="question"><span class="label">Q:</span> Will it work on an '
    'induction hob?</p><p class="asked">Asked by <span class="author">Wilhelmina Stoke</span> on '
    '3 February 2025</p><div class="answer"><p><span class="label">A:</span> Yes, the base is '
    'steel under the enamel, so induction hobs pick it up.</p><p class="answered-by">Answered by '
    'the seller &middot; 4 February 2025</p><p class="helpful">6 people found this helpful</p>'
    '<a href="/report">Report</a></div></div>'
    '<div class="qa-item"><p class="question"><span class="label">Q:</span> Is it dishwasher '
    'safe?</p><p class="asked">Asked by <span class="author">Bram Oduya</span> on 9 March 2025'
    '</p><div class="answer"><p><span class="label">A:</span> I wash mine by hand, the handle '
    'is oiled wood and would crack in a machine.</p><p class="answered-by">Answered by '
    '<span class="author">Cerys Llewellyn</span> &middot; 11 March 2025</p></div></div>'
    '<a href="/qa/all">See all 9 questions</a></section>')
REVIEWS = ('<section class="reviews"><h2>Customer reviews</h2><div class="review">'
           '<span class="author">Odile Farrant</span> <span class="date">2 April 2025</span>'
           '<p>Boils quickly on our old gas ring and the whistle can be heard from the garden.'
           '</p></div></section>')


def test_a_shops_questions_are_comments_signed_by_their_askers_and_answers_reply_to_them():
    comments = _comments(_page(SHOP_ITEMS, after=REVIEWS))
    assert comments[:4] == [
        ("Reader comment by Wilhelmina Stoke, 3 February 2025 (question)", "Wilhelmina Stoke",
         "Will it work on an induction hob?"),
        ("Reader comment by the seller, 4 February 2025 (answer), replying to Wilhelmina Stoke",
         "the seller", "Yes, the base is steel under the enamel, so induction hobs pick it up."),
        ("Reader comment by Bram Oduya, 9 March 2025 (question)", "Bram Oduya",
         "Is it dishwasher safe?"),
        ("Reader comment by Cerys Llewellyn, 11 March 2025 (answer), replying to Bram Oduya",
         "Cerys Llewellyn", "I wash mine by hand, the handle is oiled wood and would crack in "
         "a machine."),
    ]
    assert comments[4][1] == "Odile Farrant"  # the reviews after them, as before


def test_the_question_lines_are_not_the_products_text_and_the_asker_is_not_its_author():
    page = read_html_page(_page(SHOP_ITEMS))
    posts = " ".join(s.text for s in page_sources(page) if s.kind == "post")
    assert page.author is None
    assert "Asked by" not in posts and "found this helpful" not in posts
    assert "induction" not in posts and "See all" not in posts


def test_a_short_question_can_be_quoted():
    question = next(s for s in page_sources(read_html_page(_page(SHOP_ITEMS)))
                    if s.text == "Is it dishwasher safe?")
    assert not question.low_content


def test_labelled_questions_with_answers_signed_under_them():
    # a marketplace's shape: bold "Question:" / "Answer:" labels in grid cells, the answer
    # signed "By NAME on DATE", the question by no one
    qa = ('<div class="a-section cdQuestionsBlock"><h2>Customer questions &amp; answers</h2>'
          '<div class="a-section a-spacing-base"><div class="a-fixed-left-grid"><div class="a-col-'
          'left"><span class="a-text-bold">Question:</span></div><div class="a-col-right"><a '
          'href="/ask/q1"><span>How loud is the whistle?</span></a></div></div>'
          '<div class="a-fixed-left-grid"><div class="a-col-left"><span class="a-text-bold">'
          'Answer:</span></div><div class="a-col-right"><span>Loud enough to hear upstairs with '
          'the door shut, which is why we bought it.</span><div class="a-color-tertiary">By '
          'Tamsin Goole on 14 January 2025</div></div></div></div></div>')
    comments = _comments(_page(qa, head='<meta property="og:type" content="product">'))
    assert comments == [
        ("Reader comment 1 (unsigned) (question)", None, "How loud is the whistle?"),
        ("Reader comment by Tamsin Goole, 14 January 2025 (answer)", "Tamsin Goole",
         "Loud enough to hear upstairs with the door shut, which is why we bought it."),
    ]


def test_schema_org_questions_and_answers_in_a_widgets_list():
    def answer(who: str, text: str) -> str:
        return ('<li class="bv-content-item bv-content-answer" itemprop="suggestedAnswer" '
                'itemscope itemtype="https://schema.org/Answer"><div class="bv-content-author-name">'
                f'<span class="bv-author" itemprop="author">{who}</span></div><div '
                f'class="bv-content-summary-body-text" itemprop="text"><p>{text}</p></div>'
                '<div class="bv-content-feedback">Helpful? Yes (2) No (0)</div></li>')
    qa = ('<div class="bv-content-list-container"><ol class="bv-content-list '
          'bv-content-list-questions"><li class="bv-content-item bv-content-question" itemscope '
          'itemtype="https://schema.org/Question"><div class="bv-content-header"><span '
          'class="bv-author" itemprop="author">kettlefan88</span><span class="bv-content-datetime-'
          'stamp">20 May 2025</span></div><h3 class="bv-content-title" itemprop="name">Does the '
          'enamel chip if dropped?</h3><ol class="bv-content-list-answers">'
          + answer("Fenmoor Customer Care", "It can chip on a stone floor; chips are covered by "
                   "the two-year guarantee.")
          + '</ol></li></ol></div>')
    comments = _comments(_page(qa))
    assert comments == [
        ("Reader comment by kettlefan88, 20 May 2025 (question)", "kettlefan88",
         "Does the enamel chip if dropped?"),
        ("Reader comment by Fenmoor Customer Care (answer), replying to kettlefan88",
         "Fenmoor Customer Care",
         "It can chip on a stone floor; chips are covered by the two-year guarantee."),
    ]


INTERVIEW = ('<section><h2>Questions &amp; answers</h2><p>Q: Where did the design come from?</p>'
             '<p>A: From my grandmother\'s kettle, which hung over a peat fire for forty years '
             'and never leaked.</p><p>Q: Why enamel?</p><p>A: It lasts, and it can be mended '
             'by anyone with a kiln.</p></section>')


def test_unsigned_questions_and_answers_stay_the_pages_text():
    for head in (PRODUCT_LD, ""):
        page = read_html_page(_page(INTERVIEW, head=head))
        assert not [s for s in page_sources(page) if s.kind == "comment"]
        assert any("grandmother" in s.text for s in page_sources(page) if s.kind == "post")


def test_signed_questions_on_a_page_that_is_no_products_stay_its_text():
    qa = SHOP_ITEMS.replace("Customer questions &amp; answers", "Questions &amp; answers")
    page = read_html_page(_page(qa, head=""))
    assert not any(s.label.endswith("(question)") for s in page_sources(page))


def test_questions_a_product_page_declares_in_json_ld_are_read_once():
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
          '{"@type": "Product", "name": "Brackwater Enamel Kettle"}, {"@type": "Question", '
          '"name": "Can it sit on a wood-burning stove?", "author": {"@type": "Person", "name": '
          '"Kit Avery"}, "dateCreated": "2025-06-02T10:00:00Z", "acceptedAnswer": {"@type": '
          '"Answer", "text": "Yes, the base is flat and thick enough for a stove top.", "author": '
          '{"@type": "Organization", "name": "Fenmoor Kitchen Supply"}, "dateCreated": '
          '"2025-06-03T09:00:00Z"}}]}</script>')
    shown = ('<div class="community-box"><h2>Ask the community</h2><div class="entry"><p>Can it '
             'sit on a wood-burning stove?</p><p>Kit Avery, 2 June 2025</p><p>Yes, the base is '
             'flat and thick enough for a stove top.</p></div></div>')
    page = read_html_page(_page(shown, head=ld))
    sources = page_sources(page)
    assert [(s.label, s.text) for s in sources if s.kind == "comment"] == [
        ("Reader comment by Kit Avery, 2025-06-02 (question)", "Can it sit on a wood-burning stove?"),
        ("Reader comment by Fenmoor Kitchen Supply, 2025-06-03 (answer), replying to Kit Avery",
         "Yes, the base is flat and thick enough for a stove top."),
    ]
    assert not any("wood-burning" in s.text or "Kit Avery" in s.text for s in sources
                   if s.kind == "post")


BADGED = (
    '<section class="product-qa" id="qa"><h2>Customer questions &amp; answers</h2>'
    '<div class="qa-thread"><p class="qa-question">Q: Can the lid go in the oven?</p>'
    '<p class="qa-asked">Asked by <span class="qa-author">Morwenna Tregear</span> on '
    '<time>7 April 2025</time></p><div class="qa-answer"><p>A: Only the steel lid; the knob is '
    'phenolic and is safe to 180 degrees.</p><p class="qa-answered">Answered by <span '
    'class="qa-author">Fenmoor Kitchen Supply</span> <span class="badge badge--staff">Seller'
    '</span> on <time>8 April 2025</time></p><p class="vote">Helpful? <button>Yes (14)</button> '
    '<button>No (1)</button> <a href="#" class="report">Report</a></p></div>'
    '<div class="qa-answer"><p>A: Mine has been in at 200 for an hour and the knob is fine.</p>'
    '<p class="qa-answered">Answered by <span class="qa-author">Idris Vane</span> on <time>'
    '12 April 2025</time></p><div class="answer-votes"><a href="#">Upvote (3)</a></div></div>'
    '</div></section>')


def test_a_sellers_badge_is_no_part_of_the_answerers_name_and_votes_are_no_part_of_the_answer():
    comments = _comments(_page(BADGED))
    assert comments == [
        ("Reader comment by Morwenna Tregear, 7 April 2025 (question)", "Morwenna Tregear",
         "Can the lid go in the oven?"),
        ("Reader comment by Fenmoor Kitchen Supply, 8 April 2025 (answer, seller), replying to "
         "Morwenna Tregear", "Fenmoor Kitchen Supply",
         "Only the steel lid; the knob is phenolic and is safe to 180 degrees."),
        ("Reader comment by Idris Vane, 12 April 2025 (answer), replying to Morwenna Tregear",
         "Idris Vane", "Mine has been in at 200 for an hour and the knob is fine."),
    ]


def test_a_short_answer_of_yes_is_an_answer_not_a_vote():
    qa = BADGED.replace("Mine has been in at 200 for an hour and the knob is fine.", "Yes")
    assert _comments(_page(qa))[2][2] == "Yes"


FLAT_ITEMS = (
    '<section class="questions"><h2>Customer questions &amp; answers</h2>'
    '<div class="qa-item"><p class="qa-question"><span class="label">Question:</span> Does the '
    'whistle come off for cleaning?</p><p class="qa-answer"><span class="label">Answer:</span> '
    'It lifts straight off the spout and can be rinsed under the tap.</p><p class="qa-meta">'
    'Answered by Ottilie Brand on 5 March 2025</p><p class="helpful">4 people found this helpful'
    '</p></div>'
    '<div class="qa-item"><p class="qa-question"><span class="label">Question:</span> What '
    'colours does it come in?</p><p class="qa-answer"><span class="label">Answer:</span> Sage, '
    'cream and a deep blue.</p><p class="qa-meta">Answered by Fenmoor Customer Care on '
    '9 March 2025</p></div></section>')


def test_an_answers_signature_printed_beside_it_in_a_flat_item_signs_the_answer():
    # the question, the answer, its "Answered by" line and its votes side by side in one item:
    # the signature is the answer's, not part of the question's text
    page = read_html_page(_page(FLAT_ITEMS))
    comments = [(s.label, s.author, s.text) for s in page_sources(page) if s.kind == "comment"]
    assert comments == [
        ("Reader comment 1 (unsigned) (question)", None, "Does the whistle come off for cleaning?"),
        ("Reader comment by Ottilie Brand, 5 March 2025 (answer)", "Ottilie Brand",
         "It lifts straight off the spout and can be rinsed under the tap."),
        ("Reader comment 3 (unsigned) (question)", None, "What colours does it come in?"),
        ("Reader comment by Fenmoor Customer Care, 9 March 2025 (answer)",
         "Fenmoor Customer Care", "Sage, cream and a deep blue."),
    ]
    assert page.date is None  # an answer's date is not the page's


def test_a_products_code_printed_as_a_bold_label_and_its_value_is_one_line_not_a_heading():
    # "<strong>SKU</strong> <div>FK-2L-SG</div>": one line, and what follows is under no "SKU"
    stock = ('<div class="stock-sku"><div class="stock">In stock</div><div class="sku"><strong '
             'class="type">SKU</strong> <div class="value">FK-2L-SG</div></div></div>'
             '<div class="delivery"><p>Orders placed before noon leave our warehouse in Ely '
             'the same working day, by tracked courier.</p></div>')
    page = read_html_page(_page("", after=stock))
    posts = [(s.text, s.label) for s in page_sources(page) if s.kind == "post"]
    assert ("SKU: FK-2L-SG", posts[-2][1]) in posts
    assert "SKU" not in posts[-1][1]  # the delivery line is under no heading "SKU"
