"""Pages in, sources out: readers of an article's text or HTML, and what they agree on.

``page.Page`` is what every reader produces (title, byline, blocks); ``page.page_sources``
turns it into the typed ``Source`` list the index is built from. ``text`` reads the text
layout (``docs/article-format.md``), of which the bundled article's layout is a case.
"""
