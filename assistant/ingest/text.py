"""The text layout of an article (``docs/article-format.md``) -> ``Page``.

Blocks are separated by blank lines. The first line is the title; a byline may follow it;
then paragraphs, Markdown or plain headings, captions, references and reader comments, each
comment optionally followed by its byline. The bundled article's layout (an image caption
printed twice under the title, a citation line, "More like this", then comments with
"By NAME (not verified) on DATE #permalink") is a case of it and reads the same way.
"""

from __future__ import annotations

import logging
import re

from ..errors import CorpusError
from .asciidoc import asciidoc_markdown
from .author_box import author_box
from .bylines import (
    DATELINE,
    POST_FOOTER,
    REPLY_HEADERS,
    YEAR_DATE,
    clean_name,
    comment_byline,
    match_byline,
    name_ok,
)
from .chat import chat_page
from .comment_section import add_comment
from .day_entries import dated_entries, entry_days
from .digest import digest_page
from .faq import faq_pair
from .fields import header_fields
from .furniture import (
    COMMENTS_HEAD,
    EDIT_LINK,
    FOOTNOTE_MARK,
    FURNITURE,
    REFERENCES_HEAD,
    footnotes,
    menu_line,
    page_furniture,
    without_chrome,
)
from .indented_quotes import join_indented_quotes
from .layout import (
    CAPTION_LINE,
    FENCE,
    PERSONAL,
    SENTENCE_END,
    TextBlock,
    plain_heading,
    section_name,
    split_blocks,
    tab_cells,
    undouble,
    unwrap,
)
from .mail import split_thread
from .markup import (
    HTML_COMMENT,
    HTML_IMAGE,
    LINK_TARGET,
    MD_IMAGE,
    QUOTED,
    TABLE_RULE,
    Path,
    atx_headings,
    heading_label,
    heading_path,
    html_blocks,
    markdown_text,
    md_heading,
)
from .notebook import notebook_blocks
from .notion import notion_text
from .obsidian import obsidian_text
from .page import CAPTION, COMMENT, PARAGRAPH, REFERENCE, Block, Page, with_replies
from .pdf_copy import pdf_copy
from .rst import rst_markdown
from .signoff import (
    SALUTATION,
    SIGNED_LETTER,
    message_text,
    signature,
    signed_date,
    signed_lines,
    signer_name,
)
from .speech import speech_turns
from .subtitles import subtitle_page
from .tables import markdown_tables, tab_table
from .title_block import piece_dated, self_named, under_title
from .transcript import transcript_page
from .word import word_headings

log = logging.getLogger(__name__)


# A citation: authors as "Surname AB," ... then a period, or APA "Surname, A. B., ... (2020)",
# or any block carrying a DOI.
REFERENCE_LIKE = re.compile(
    r"^(?:[A-Z][\w'\-]+ [A-Z]{1,3}, )*[A-Z][\w'\-]+ [A-Z]{1,3}(?:\.| et al\.) "
    r"|^[A-Z][\w'\-]+, (?:[A-Z]\.\s?)+.*\(\d{4}\)"
    r"|\bdoi:\s*10\.|\bdoi\.org/10\.")


def read_text_page(text: str, filename: str = "<article>", *, markdown: bool | None = None) -> Page:
    """Read an article in the text layout. ``markdown`` strips inline Markdown (links,
    emphasis, list markers); by default it is on when the title is a ``# `` heading.
    Errors name the file and line."""
    cr_line_ends = "\r" in text  # as Word saves plain text (word.py)
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if page := subtitle_page(text, filename) or chat_page(text, filename) or transcript_page(text, filename) \
            or digest_page(text, filename):
        return page  # an SRT or WebVTT file, a chat's export, Otter's, a list's digest: their own modules
    if markdown is None and (doc := asciidoc_markdown(text) or rst_markdown(text)):
        text, markdown = doc, True  # AsciiDoc, reStructuredText: as the Markdown they render like
    text = EDIT_LINK.sub("", text)
    paper = pdf_copy(text)  # a PDF's text: its pages' furniture gone, its paragraphs whole
    text = paper or text
    thread = split_thread(text)
    if thread:  # an e-mail thread: the newest message is the post, the earlier ones comments
        text = thread.newest
    if markdown is not False:
        text = obsidian_text(notion_text(text))  # Notion's properties, callouts, toggles; Obsidian's
        # HTML in Markdown: a comment is not shown; an image is one
        text = HTML_COMMENT.sub(lambda m: "\n" * m[0].count("\n"), text)
        text = HTML_IMAGE.sub(lambda m: f"![{m['alt']}]({m['src'] or ''})", text)
        text = html_blocks(text)
    opening = next((line for line in text.split("\n") if line.strip()), "")  # as typed
    text = atx_headings(text)
    if markdown is not False:
        text = "\n".join(line for line in markdown_tables(text).split("\n")
                         if not TABLE_RULE.match(line) and not LINK_TARGET.match(line))
    if not markdown and not paper and md_heading(opening) is None:  # Markdown indents code
        text = join_indented_quotes(text)  # "... in her field notes:" / "    We have never ..."
    blocks = split_blocks(text)
    if markdown is not False:
        blocks = notebook_blocks(blocks)  # a notebook's code cells and outputs, display maths
    if not blocks:
        raise CorpusError(f"{filename}: line 1: the article is empty")
    if len(blocks) == 1 and len(blocks[0].lines) >= 3 and unwrap(blocks[0].text) == blocks[0].text:
        # no blank line anywhere, and not hard-wrapped: one paragraph (or heading, byline...) a
        # line, as a page copied into a text editor often is
        blocks = [TextBlock((line,), blocks[0].line + k) for k, line in enumerate(blocks[0].lines)]
    blocks = speech_turns(blocks)  # a speech's transcript: each paragraph by its speaker
    fields, blocks = header_fields(blocks)
    if cr_line_ends and not (thread or paper or markdown):
        blocks = word_headings(blocks)
    signer, signed = signature(blocks, fields.get("author"))
    signed_by = signed_lines(blocks[-1]) if signer and len(signed) < len(blocks) else []
    blocks = signed
    box_author, blocks = author_box(blocks)  # "About the author" / "NAME is a ..." closing it
    if thread and thread.signer:
        signer = signer_name(thread.signer) or signer
    if not fields.get("title"):
        blocks = without_chrome(blocks)
    if markdown is not False and len(blocks) > 1 and len(blocks[0].lines) == 1 \
            and MD_IMAGE.match(blocks[0].lines[0]) and md_heading(blocks[1].lines[0]):
        blocks = [blocks[1], blocks[0], *blocks[2:]]  # a README's logo above its "# Title"
    first = blocks[0]
    title_line = first.lines[0]
    if markdown is None:
        markdown = md_heading(title_line) is not None
    title = (md_heading(title_line) or title_line).strip()
    if markdown:
        title = markdown_text(title)
    rest = list(blocks[1:])
    if len(first.lines) > 1:
        rest.insert(0, TextBlock(first.lines[1:], first.line + 1))

    def clean(s: str) -> str:
        if all(QUOTED.match(line) for line in s.split("\n")):
            s = QUOTED.sub("", s)  # a quote's hard-wrapped lines, unwrapped as one
        s = unwrap(tab_table(s) or tab_cells(s))  # a table's rows with its header
        return FOOTNOTE_MARK.sub("", markdown_text(s) if markdown else s)

    # The post's byline under the title ("By Ann Lee" / "March 3, 2021"), after a subtitle
    top = under_title(first, rest, clean)
    author, date, byline, rest = top.author, top.date, top.byline, list(top.rest)
    site_head: list[TextBlock] = []  # the site's tagline above the piece's own title: no heading
    if author is None and date is None and byline is None and not fields and (
            piece := piece_dated(rest, clean)):
        # dated under the piece's own title, below the site's name and menu
        author, date, byline, site_head = piece.author, piece.date, piece.byline, list(piece.site_lines)
    author, date = author or fields.get("author"), date or fields.get("date")
    if signer and (author is None or author == fields.get("sender")):
        author = signer  # who signed the e-mail wrote it, whoever's address sent it
    if signer and author == signer and byline is None and date is None and len(signed_by) > 1:
        # a report signed at its end ("-- " / "Dr Ann Lee" / "Senior Ecologist, ..." / "12 May
        # 2025"): the signature, as printed, is its byline, and its date the report's
        date, byline = signed_date(signed_by), ", ".join(signed_by)
    author = author or box_author
    if author is None and byline is None and rest and len(rest[0].lines) == 1 and dated_entries(rest) \
            and (diarist := self_named(rest[0].text, title)):
        author = diarist  # a diary's opening names who keeps it: "... Ruth Eddowes (C permit)."
    if date is None and rest and (m := DATELINE.match(rest[0].lines[0])):
        # "OXFORD, 3 March 2025 — A routine blood test ...": the dateline, as printed, is
        # the byline (not a "Published 3 March 2025" the page never prints)
        date = m["date"]
        byline = byline or m[0].rstrip(" \u2014\u2013-")

    has_comments_head = any(COMMENTS_HEAD.match(section_name(b.lines[0])) for b in rest
                            if len(b.lines) == 1)
    out: list[Block] = [Block(PARAGRAPH, top.subtitle)] if top.subtitle else []
    section = "body"
    heading: str | None = None
    path: Path = ()  # the Markdown headings above, outermost first
    comments: list[list] = []  # [text, author, date]

    # The bundled layout: the block right under the title that is printed twice, or a long
    # one that does not end like a sentence, is the image caption.
    if rest and not paper and not md_heading(rest[0].lines[0]) and not MD_IMAGE.match(rest[0].lines[0]) \
            and not page_furniture(rest[0]):
        cand = rest[0].text
        doubled = undouble(cand) != cand
        # (a block that ends with a colon leads into what follows, and one that says "I" or
        # "you" is the writer talking: no caption does either)
        if doubled or (not SENTENCE_END.search(cand) and len(cand.split()) > 8
                       and not cand.rstrip().endswith((":", ";", ","))
                       and not PERSONAL.search(cand) and not REFERENCE_LIKE.search(cand)):
            out.append(Block(CAPTION, clean(undouble(cand))))
            rest = rest[1:]

    def last_reference_before_byline(at: int) -> bool:
        """No Comments heading: comments follow the last reference when a comment byline
        comes after it."""
        if has_comments_head:
            return False
        return any(comment_byline(b.lines[-1]) for b in rest[at + 1 :])

    # No Comments heading: a dated comment byline ("Submitted by X on DATE") signs the block
    # above it, so the readers' comments begin there, not in the post.
    comments_from = len(rest)
    if not has_comments_head:
        for j, b in enumerate(rest):
            dated = comment_byline(b.lines[-1])
            if dated and dated[1] and YEAR_DATE.match(dated[1]):  # with its year
                above = rest[j - 1].text if j and len(b.lines) == 1 else None
                comments_from = j - 1 if above and not REFERENCE_LIKE.search(above) else j
                break
            if match_byline(b.lines[0], REPLY_HEADERS):  # "Reply from NAME, DATE:" above it
                comments_from = j
                break
        if comments_from == 0:  # the post is not all comments: nothing above to sign
            comments_from = len(rest)

    days = entry_days(rest)  # a diary's entries, each opening with its day on a line of its own
    letter_open = False  # a letter's salutation ("Dear Ann,") opened a block above, unsigned yet
    for i, block in enumerate(rest):
        following = rest[i + 1] if i + 1 < len(rest) else None
        first_line = block.lines[0]
        if i == comments_from and section in ("body", "references"):
            section = "comments"
        name = section_name(first_line) if len(block.lines) == 1 else ""
        md_head = md_heading(first_line)
        if len(block.lines) == 1 and (name and (COMMENTS_HEAD.match(name) or md_head and
                                                COMMENTS_HEAD.match(section_name(md_head)))):
            section = "comments"
            continue
        if len(block.lines) == 1 and name and (REFERENCES_HEAD.match(name) or md_head and
                                               REFERENCES_HEAD.match(section_name(md_head))):
            section = "references"
            continue
        if len(block.lines) == 1 and name and FURNITURE.match(name):
            # The bundled page: readers' comments follow its "More like this" line.
            if name.lower() == "more like this" and not has_comments_head:
                section = "comments"
            continue
        if page_furniture(block) or len(block.lines) == 1 and menu_line(first_line):
            continue  # (a menu's links alone on a line head nothing)
        if section == "comments":
            if not add_comment(block, following, comments, clean):
                log.info("%s: line %d: a byline that follows no comment is skipped",
                         filename, block.line)
            continue
        notes = footnotes(block, heading)
        if notes:
            out += [Block(REFERENCE, clean(note)) for note in notes]
            continue
        if section == "references" and (md_head or not markdown and plain_heading(
                block, following) and not REFERENCE_LIKE.search(first_line)
                and not re.search(r"\d", first_line)):
            section = "body"  # a section after the references ("Notes", "About the author")
        if section == "references":
            for item in re.split(r"\n(?=\s*(?:[-*+]|\d+[.)])\s)", block.text):
                ref = clean(re.sub(r"^\s*(?:[-*+]|\d+[.)])\s+", "", item)) if markdown else item.strip()
                if ref:
                    out.append(Block(REFERENCE, ref))
            continue
        # The body of the post.
        if md_head:
            path = heading_path(path, first_line, clean(md_head))
            heading = heading_label(path)
            if len(block.lines) == 1:
                continue
            block = TextBlock(block.lines[1:], block.line + 1)
            first_line = block.lines[0]
        if i in days and not md_head:
            # "Sun 12th" / "NW 5-6, squally showers all day. ...": the day heads its entry
            heading, path = first_line.strip(), ()
            block = TextBlock(block.lines[1:], block.line + 1)
            first_line = block.lines[0]
        if FENCE.match(first_line):
            # code, as typed: its lines are not wrapped text, nor Markdown
            code = [line for line in block.lines[1:] if not FENCE.match(line)]
            if any(line.strip() for line in code):
                out.append(Block(PARAGRAPH, "\n".join(code).strip("\n"), heading))
            continue
        image = MD_IMAGE.match(first_line)
        if image:
            extra = clean("\n".join(block.lines[1:])) if len(block.lines) > 1 else ""
            caption = extra or image["alt"].strip()
            if caption:
                out.append(Block(CAPTION, caption))
            continue
        if CAPTION_LINE.match(first_line):
            out.append(Block(CAPTION, clean(block.text)))
            continue
        if REFERENCE_LIKE.search(block.text) and len(block.lines) <= 3:
            out.append(Block(REFERENCE, clean(block.text)))
            if last_reference_before_byline(i):
                section = "comments"
            continue
        footer = POST_FOOTER.match(clean(block.text).strip()) if len(block.lines) == 1 else None
        if footer and name_ok(clean_name(footer["name"])):
            # Blogger signs the post under it: "Posted by Ann Lee at 9:12 AM"
            if author is None:
                author, date = clean_name(footer["name"]), date or footer["date"]
                byline = clean(block.text).strip()
            continue
        if letter_open and SIGNED_LETTER.match(first_line.strip()) and len(block.lines) == 1:
            # "Dear Bernadette," ... "Fiona, Cresswell Marsh": who wrote the letter signs it (a
            # first name, where they write from), in the letter's own words; the reply below
            # answers them, so it sits under their name as under a heading
            letter_open = False
            out.append(Block(PARAGRAPH, clean(block.text), heading))
            heading, path = first_line.strip(), ()
            continue
        if not markdown and plain_heading(block, following) and not any(block is b for b in site_head):
            heading, path = first_line.strip(), ()
            letter_open = False
            continue
        if len(block.lines) == 1 and SALUTATION.match(first_line.strip()):
            letter_open = True
        if qa := faq_pair(block):  # "Q: Can I ...?" / "A: No, ...": the question heads its answer
            heading, block = clean(qa[0]), qa[1]
        out.append(Block(PARAGRAPH, clean(block.text), heading))

    out += [Block(COMMENT, body, heading=None, author=who, date=when)
            for body, who, when in comments if body]
    # an e-mail thread's earlier messages, newest first: each replies to the one it quotes,
    # the next one down (the oldest, at the bottom, to none)
    earlier = thread.earlier if thread else ()
    out += [Block(COMMENT, body, heading=None, author=m.author, date=m.date,
                  reply_to=quoted.author if quoted is not None and quoted.author != m.author
                  else None)
            for m, quoted in zip(earlier, [*earlier[1:], None], strict=False)  # the oldest: None
            if (body := message_text(m))]
    if not any(b.kind in (PARAGRAPH, COMMENT) for b in out):
        raise CorpusError(f"{filename}: line {first.line}: no paragraphs after the title "
                          f"{title!r}; see docs/article-format.md for the layout")
    return Page(title=title, blocks=with_replies(out), author=author, date=date, byline=byline)
