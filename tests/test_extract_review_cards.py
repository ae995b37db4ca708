"""Customer reviews printed as a list of like cards (a shop's product page, a travel site's
page of a guesthouse): every card is one review, signed by its reviewer and dated, with its
rating, title and text; an owner's response under a review is a reply to the reviewer."""

from __future__ import annotations

from assistant.ingest.extract import read_html_page
from assistant.ingest.page import page_sources

LAMP = "".join(f"<p>Sentence number {i} tells the buyer something new about the bike lamp and "
               f"its battery, at some length.</p>" for i in range(5))


def _page(reviews: str, title: str = "Lumo 900 bike lamp"):
    html = (f"<!doctype html><html><head><title>{title}</title></head><body><main><h1>{title}"
            f"</h1><section class='description'>{LAMP}</section>{reviews}</main></body></html>")
    return read_html_page(html.encode())


def _comments(page) -> list[tuple[str | None, str | None, str, str | None]]:
    return [(b.author, b.date, b.text, b.reply_to) for b in page.blocks if b.kind == "comment"]


def _shop_card(stars: int, title: str, meta: str, text: str) -> str:
    return (f"<article class='review'><div class='stars' aria-label='{stars} out of 5 stars'>"
            f"{chr(0x2605) * stars}</div><h3 class='review-title'>{title}</h3>"
            f"<p class='review-meta'>{meta}</p><p>{text}</p>"
            "<p class='helpful'>4 people found this helpful</p></article>")


def test_every_review_card_is_read_though_its_signature_line_is_long():
    reviews = ("<section class='reviews' id='reviews'><h2>Customer reviews</h2>"
               "<p class='overall'>4.1 out of 5 · 22 reviews</p>"
               + _shop_card(5, "Bright enough for lanes", "By <span class='author'>Ffion Lloyd"
                            "</span>, Aberystwyth · 12 March 2025 · Verified purchase",
                            "The lamp lights the hedges on both sides of an unlit lane.")
               + _shop_card(2, "Mount snapped", "By <span class='author'>Tariq Shah</span>, "
                            "Luton · 2 February 2025 · Verified purchase",
                            "The plastic mount cracked on a pothole in the first week.")
               + _shop_card(4, "Long battery", "By <span class='author'>Edie Marr</span>, "
                            "Perth · 9 January 2025", "Three commutes a week on one charge.")
               + "</section>")
    # the first two sign with more than a date line says: they are reviews all the same
    assert _comments(_page(reviews)) == [
        ("Ffion Lloyd", "12 March 2025", "Rated 5 out of 5 stars.\nBright enough for lanes\n"
         "The lamp lights the hedges on both sides of an unlit lane.", None),
        ("Tariq Shah", "2 February 2025", "Rated 2 out of 5 stars.\nMount snapped\nThe plastic "
         "mount cracked on a pothole in the first week.", None),
        ("Edie Marr", "9 January 2025", "Rated 4 out of 5 stars.\nLong battery\nThree commutes a "
         "week on one charge.", None)]


def _stay_card(who: str, town: str, bubbles: int, title: str, written: str, text: str,
               stayed: str, response: str = "") -> str:
    return (f"<div class='review-container'><div class='member_info'><div class='username'>{who}"
            f"</div><div class='location'>{town}</div><div class='contributions'>31 contributions"
            f" · 6 helpful votes</div></div><div class='review'><span class='ui_bubble_rating' "
            f"aria-label='{bubbles} of 5 bubbles'></span><div class='title'><a href='#'><span>"
            f"{title}</span></a></div><div class='ratingDate'>Written {written}</div><div "
            f"class='entry'><p>{text}</p></div><div class='stay'>Date of stay: {stayed}</div>"
            f"<div class='trip-type'>Trip type: Travelled solo</div><div class='helpful'>Helpful?"
            f" <span>2 Helpful votes</span></div></div>{response}</div>")


_RESPONSE = ("<div class='mgrRspnInline'><div class='header'>Response from Bryn Tallis, Owner at "
             "Saltmarsh House</div><div class='responseDate'>Responded 18 June 2025</div><p "
             "class='partial_entry'>Dear Orla, the boiler was replaced the week after your visit "
             "and the showers now run hot all day.</p></div>")


def test_a_review_card_of_several_date_lines_is_one_review_dated_when_written():
    reviews = ("<section id='REVIEWS' class='reviews'><h2>Reviews (84)</h2>"
               + _stay_card("Orla M", "Galway, Ireland", 3, "Lovely views, cold showers",
                            "15 June 2025", "The bay window looks straight over the estuary, but "
                            "the showers ran cold every morning before eight.", "June 2025")
               + _stay_card("hikerjon77", "Leeds, United Kingdom", 5, "Perfect base for the "
                            "coast path", "2 May 2025", "We walked to the lighthouse and back "
                            "each day and the drying room saved our boots.", "April 2025")
               + "</section>")
    got = _comments(_page(reviews, "Saltmarsh House"))
    assert got == [
        ("Orla M", "15 June 2025", "Rated 3 of 5 bubbles.\nLovely views, cold showers\nThe bay "
         "window looks straight over the estuary, but the showers ran cold every morning before "
         "eight.", None),
        ("hikerjon77", "2 May 2025", "Rated 5 of 5 bubbles.\nPerfect base for the coast path\nWe "
         "walked to the lighthouse and back each day and the drying room saved our boots.", None)]
    # the reviewer's home town and counts are the card's, not the review's words
    assert not any("Galway" in text or "contributions" in text for _, _, text, _ in got)


def test_an_owners_response_under_a_review_is_a_reply_signed_by_the_responder():
    reviews = ("<section id='REVIEWS' class='reviews'><h2>Reviews (84)</h2>"
               + _stay_card("Orla M", "Galway, Ireland", 3, "Lovely views, cold showers",
                            "15 June 2025", "The bay window looks straight over the estuary, but "
                            "the showers ran cold every morning before eight.", "June 2025",
                            _RESPONSE)
               + _stay_card("hikerjon77", "Leeds, United Kingdom", 5, "Perfect base", "2 May 2025",
                            "We walked to the lighthouse and back each day.", "April 2025")
               + "</section>")
    page = _page(reviews, "Saltmarsh House")
    assert _comments(page)[1] == (
        "Bryn Tallis", "18 June 2025", "Owner at Saltmarsh House\nDear Orla, the boiler was "
        "replaced the week after your visit and the showers now run hot all day.", "Orla M")
    labels = [s.label for s in page_sources(page) if s.kind == "comment"]
    assert labels[1] == "Reader comment by Bryn Tallis, 18 June 2025, replying to Orla M"


def test_a_response_from_the_owner_unnamed_replies_unsigned_in_a_flat_card():
    card = ("<li class='review-item'><span class='reviewer'>{who}</span><time>{when}</time>"
            "<p>{text}</p>{more}</li>")
    reviews = ("<div class='reviews-list'><ul>"
               + card.format(who="Pia Holm", when="3 April 2025", text="The lamp's strap "
                             "perished within a month of winter riding.",
                             more="<p class='reply-head'>Response from the owner</p><p>We have "
                             "sent you a new strap in the thicker rubber.</p>")
               + card.format(who="Ravi Iyer", when="1 April 2025", text="Charges from flat in "
                             "two hours over USB-C.", more="")
               + "</ul></div>")
    got = _comments(_page(reviews))
    assert got[0][:2] == ("Pia Holm", "3 April 2025")
    assert got[0][2] == "The lamp's strap perished within a month of winter riding."
    assert got[1] == (None, None, "Response from the owner\nWe have sent you a new strap in the "
                                  "thicker rubber.", "Pia Holm")
    assert got[2][:2] == ("Ravi Iyer", "1 April 2025")


def test_review_cards_each_signed_by_one_date_line_keep_their_titles():
    card = ("<div class='review'><span class='reviewer'>{who}</span> <span class='date'>{when}"
            "</span><h3 class='review-title'>Fine</h3><p>{text}</p></div>")
    reviews = ("<section class='reviews'>"
               + card.format(who="Lena Ko", when="4 May 2025", text="Clips on in seconds.")
               + card.format(who="Sam Ure", when="6 May 2025", text="The beam is well cut off.")
               + "</section>")
    assert _comments(_page(reviews)) == [
        ("Lena Ko", "4 May 2025", "Fine\nClips on in seconds.", None),
        ("Sam Ure", "6 May 2025", "Fine\nThe beam is well cut off.", None)]


def test_review_cards_with_no_rating_or_title_read_as_before():
    card = ("<div class='review'><span class='reviewer'>{who}</span> <span class='date'>{when}"
            "</span><p>{text}</p><p class='helpful'>2 people found this helpful</p></div>")
    reviews = ("<section class='reviews'>"
               + card.format(who="Lena Ko", when="4 May 2025", text="Clips on in seconds.")
               + card.format(who="Sam Ure", when="6 May 2025", text="The beam is well cut off.")
               + "</section>")
    assert _comments(_page(reviews)) == [("Lena Ko", "4 May 2025", "Clips on in seconds.", None),
                                         ("Sam Ure", "6 May 2025", "The beam is well cut off.",
                                          None)]


def _schema_card(label: str, printed: str, title: str, who: str, when: str, text: str) -> str:
    return ("<div class='review-entry' itemprop='review' itemscope itemtype='https://schema.org/"
            f"Review'><div class='rating'><span class='stars' {label}>{chr(0x2605) * 3}</span>"
            f"{printed}</div><h4 class='review-headline' itemprop='name'>{title}</h4><p "
            f"class='byline'><span itemprop='author'>{who}</span> &middot; <time "
            f"itemprop='datePublished'>{when}</time> &middot; <span class='verified'>Verified "
            f"buyer</span></p><div class='review-body' itemprop='reviewBody'><p>{text}</p></div>"
            "<p class='votes'>Helpful? Yes (4) No (0) Report</p></div>")


def test_schema_org_review_cards_keep_their_stars_and_title_and_no_votes():
    # each card dated by one line, its text marked: the stars (only an aria-label) and the
    # headline sit outside the text, and were lost
    reviews = ("<section class='reviews' id='reviews'><h2>Reviews</h2>"
               + _schema_card("aria-label='3 out of 5 stars'", "", "Dims too soon",
                              "Colm Ashby", "8 March 2025", "The battery fades after an hour.")
               + _schema_card("aria-label='4 out of 5 stars'", "", "Good value", "Aud Senn",
                              "1 March 2025", "Bright and cheap, the clip is weak.")
               + "</section>")
    assert _comments(_page(reviews)) == [
        ("Colm Ashby", "8 March 2025", "Rated 3 out of 5 stars.\nDims too soon\nThe battery "
         "fades after an hour.", None),
        ("Aud Senn", "1 March 2025", "Rated 4 out of 5 stars.\nGood value\nBright and cheap, the "
         "clip is weak.", None)]


def test_a_rating_printed_in_words_beside_pictured_stars_is_kept_as_a_sentence():
    reviews = ("<section class='reviews' id='reviews'><h2>Reviews</h2>"
               + _schema_card("aria-hidden='true'", "<span class='rating-text'>2 out of 5 stars"
                              "</span>", "Dims too soon", "Colm Ashby", "8 March 2025",
                              "The battery fades after an hour.")
               + _schema_card("aria-hidden='true'", "<span class='rating-text'>5 out of 5 stars"
                              "</span>", "Good value", "Aud Senn", "1 March 2025",
                              "Bright and cheap.")
               + "</section>")
    got = _comments(_page(reviews))
    assert [text.split("\n")[0] for _, _, text, _ in got] == ["Rated 2 out of 5 stars.",
                                                             "Rated 5 out of 5 stars."]


def test_a_blogs_comments_are_not_review_cards():
    comments = ("<div id='comments' class='comments-area'><ol class='comment-list'>"
                "<li class='comment'><b class='fn'>Ann Lee</b> <time>3 May 2025</time><p>Where "
                "did you buy it?</p><p>Stayed at the inn on 4 May 2025, as it happens.</p></li>"
                "<li class='comment'><b class='fn'>Bo Dahl</b> <time>4 May 2025</time><p>From the "
                "shop in town.</p></li></ol></div>")
    got = _comments(_page(comments))
    assert [(a, d) for a, d, _, _ in got] == [("Ann Lee", "3 May 2025"), ("Bo Dahl", "4 May 2025")]


def _posts(page) -> list[str]:
    return [s.text for s in page_sources(page) if s.kind == "post"]


def test_a_products_rating_summary_by_its_title_is_a_paragraph():
    # the average only as stars' aria-label and a short line, the count a link to the reviews
    summary = ("<div class='product-rating'><span class='stars' aria-label='Rated 4.6 out of 5'>"
               f"{chr(0x2605) * 5}</span> <span class='avg'>4.6 out of 5</span> <a href="
               "'#reviews'>87 reviews</a></div>")
    posts = _posts(_page(summary))
    assert posts[0] == "Customer rating: 4.6 out of 5, 87 reviews."


def test_a_rating_summary_over_the_reviews_is_a_paragraph_though_the_reviews_are_comments():
    reviews = ("<section class='reviews' id='reviews'><h2>Reviews</h2><div class='summary'><p>"
               "4.2 out of 5 stars</p><p>Based on 130 ratings</p></div>"
               + _schema_card("aria-label='3 out of 5 stars'", "", "Dims too soon",
                              "Colm Ashby", "8 March 2025", "The battery fades after an hour.")
               + _schema_card("aria-label='4 out of 5 stars'", "", "Good value", "Aud Senn",
                              "1 March 2025", "Bright and cheap, the clip is weak.")
               + "</section>")
    page = _page(reviews)
    assert "Customer rating: 4.2 out of 5 stars, based on 130 ratings." in _posts(page)
    assert len(_comments(page)) == 2


def test_a_related_products_rating_is_no_summary():
    related = ("<div class='related-products'><h2>You may also like</h2><ul><li><a href='/p/1'>"
               "Lumo 400 lamp</a> <span class='rating'>4.3 out of 5 stars</span> <span>(52 "
               "ratings)</span></li></ul></div><p class='tiny'>4 out of 5 dentists</p>")
    assert not any(p.startswith("Customer rating") for p in _posts(_page(related)))


def test_a_products_rating_declared_only_in_json_ld_is_a_paragraph():
    # the stars drawn by script: the page prints no average, its JSON-LD declares one
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
          '"Product", "name": "Lumo 900 bike lamp", "aggregateRating": {"@type": '
          '"AggregateRating", "ratingValue": "4.35", "reviewCount": "1204"}}</script>'
          "<div class='stars' data-widget='rating'></div>")
    assert _posts(_page(ld))[0] == "Customer rating: 4.35 out of 5, 1,204 reviews."


def test_a_products_rating_declared_in_microdata_is_a_paragraph_and_a_recipes_is_not():
    def item(kind: str) -> str:
        return (f"<div itemscope itemtype='https://schema.org/{kind}'><div itemprop="
                "'aggregateRating' itemscope itemtype='https://schema.org/AggregateRating'>"
                "<meta itemprop='ratingValue' content='4'><meta itemprop='bestRating' "
                "content='5'><meta itemprop='ratingCount' content='31'></div></div>")
    assert _posts(_page(item("Product")))[0] == "Customer rating: 4 out of 5, 31 ratings."
    assert not any(p.startswith("Customer rating") for p in _posts(_page(item("Recipe"))))


def test_stars_typed_as_characters_in_a_paragraph_read_as_words():
    # a blog review's verdict line, its score in bold and the stars after it; a bare row of
    # stars as its own paragraph
    verdict = (f"<p><strong>Score: 3 out of 5</strong> {chr(0x2605) * 3}{chr(0x2606) * 2}</p>"
               f"<p>Verdict: {chr(0x2605) * 4}{chr(0x2606)}</p>")
    posts = _posts(_page(verdict))
    assert "Score: 3 out of 5 stars" in posts
    assert "Verdict: 4 out of 5 stars" in posts
