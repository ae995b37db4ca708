"""An event listing (Eventbrite's shape) read as a reader sees it: the venue with its address,
the organiser as the page's author, the ticket box as text, the organiser's counts and other
events as furniture; a page declaring no event is left alone."""

from __future__ import annotations

from assistant.ingest.extract import read_html_page

EVENT_HEAD = ('<meta property="event:start_time" content="2026-03-14T18:30:00+00:00">'
              '<script type="application/ld+json">{"@context": "https://schema.org", "@type": '
              '"Event", "name": "Moth night", "startDate": "2026-03-14T18:30:00+00:00"}</script>')
ABOUT = "".join(f"<p>Part {i} of the evening: we set up light traps by the old orchard wall "
                f"and count what comes to them before midnight.</p>" for i in range(3))
BODY = (
    '<main><h1>Moth night at Fallowfield Orchard</h1>'
    '<div class="organizer-listing-info"><span>By <a href="/o/1">Fallowfield Naturalists</a>'
    '</span> <span class="follower-count">412 followers</span></div>'
    '<section class="location-info"><h2>Location</h2><p><strong>The Apple Store</strong></p>'
    '<p>Orchard Lane</p><p>Fallowfield FW3 9QT</p></section>'
    f'<section class="event-description"><h2>About this event</h2>{ABOUT}</section>'
    '<section class="organizer-card"><h2>Organised by</h2><h3><a href="/o/1">Fallowfield '
    'Naturalists</a></h3><p class="organizer-stats"><span>412 followers</span> &middot; '
    '<span>19 events</span> &middot; <span>Hosting for 3 years</span></p>'
    '<p>A club of amateur recorders of moths, bats and beetles in the parish since 1987.</p>'
    '</section>'
    '<aside class="conversion-bar"><p class="conversion-bar__price">From \u00a34.50</p><ul>'
    '<li>Child &mdash; \u00a34.50</li><li>Adult &mdash; \u00a38.00</li></ul>'
    '<button>Get tickets</button><p>Sales end on 13 March at 20:00</p></aside>'
    '<section class="more-events"><h2>More events from this organiser</h2><ul><li><a href="#">'
    'Bat walk by the mill race</a> <span>Fri, 3 Apr</span></li></ul></section></main>')


def _page(head: str = EVENT_HEAD, body: str = BODY):
    html = (f"<!doctype html><html><head><title>Moth night at Fallowfield Orchard</title>{head}"
            f"</head><body>{body}</body></html>")
    return read_html_page(html.encode())


def _texts(page) -> list[str]:
    return [b.text for b in page.blocks]


def test_the_venue_is_read_with_its_address_not_as_a_heading():
    page = _page()
    assert "The Apple Store, Orchard Lane, Fallowfield FW3 9QT" in _texts(page)
    assert not any(b.heading == "The Apple Store" for b in page.blocks)


def test_the_organiser_is_the_events_author():
    page = _page()
    assert page.author == "Fallowfield Naturalists"


def test_the_organiser_cards_heading_names_the_author_without_a_by_line():
    body = BODY.replace('<span>By <a href="/o/1">Fallowfield Naturalists</a></span>', "")
    assert _page(body=body).author == "Fallowfield Naturalists"


def test_the_ticket_box_is_text_under_its_own_heading():
    page = _page()
    tickets = [b for b in page.blocks if b.heading == "Tickets"]
    assert [b.text for b in tickets] == ["From \u00a34.50", "Child \u2014 \u00a34.50",
                                         "Adult \u2014 \u00a38.00", "Sales end on 13 March at 20:00"]


def test_the_organisers_counts_and_other_events_are_furniture():
    texts = _texts(_page())
    assert not any("followers" in t or "19 events" in t or "Bat walk" in t for t in texts)
    assert "A club of amateur recorders of moths, bats and beetles in the parish since 1987." in texts


def test_a_page_declaring_no_event_is_left_alone():
    page = _page(head="")
    texts = _texts(page)
    assert page.author is None
    assert "The Apple Store, Orchard Lane, Fallowfield FW3 9QT" not in texts
    assert not any("\u00a38.00" in t for t in texts)
