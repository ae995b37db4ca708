"""A post's "about the author" card (Ghost's ``gh-author-card``): its bio is the post's text."""

from __future__ import annotations

from assistant.ingest.extract import read_html_page

POST = "".join(f"<p>Paragraph {i} of the post tells how the beekeepers on the allotment counted "
               f"their hives through the long wet spring.</p>" for i in range(4))


def _ghost(card_name: str) -> str:
    return ('<html><head><title>Counting the hives</title><meta name="author" content="Odran '
            'Pelley"></head><body><main><article class="gh-article post"><header '
            'class="gh-article-header"><h1 class="gh-article-title">Counting the hives</h1>'
            '<div class="gh-article-meta"><h4 class="gh-article-author-name"><a href="/author/'
            'odran/">Odran Pelley</a></h4><time datetime="2024-05-06">May 6, 2024</time></div>'
            f'</header><section class="gh-content gh-canvas">{POST}</section>'
            '<section class="gh-author-card gh-canvas"><a class="gh-author-card-image" '
            'href="/author/odran/"><img src="/odran.jpg" alt=""></a><div class="gh-author-card-'
            f'content"><h3 class="gh-author-card-name"><a href="/author/odran/">{card_name}</a>'
            '</h3><p class="gh-author-card-bio">Odran has kept bees on the Marl Lane allotment '
            'since 2009 and chairs its beekeeping group.</p></div></section></article>'
            '<section class="gh-cta"><h2>Sign up for more like this.</h2></section></main>'
            '</body></html>')


def test_the_post_authors_card_keeps_its_bio_as_a_paragraph_about_the_author():
    page = read_html_page(_ghost("Odran Pelley").encode())
    assert page.author == "Odran Pelley"
    last = page.blocks[-1]
    assert (last.kind, last.heading, last.text) == (
        "paragraph", "About the author",
        "Odran has kept bees on the Marl Lane allotment since 2009 and chairs its beekeeping group.")


def test_another_writers_card_is_not_read():
    page = read_html_page(_ghost("Tamsin Roak").encode())
    assert not any("Marl Lane" in b.text for b in page.blocks)
