"""The article's page text → typed ``Source``s: title, caption, post, reference, comments.

The page layout this parser reads (see ``corpus/README.md``): blocks separated by blank
lines; the title; the image caption (which the page prints twice: one copy is kept); the
post's paragraphs; the review's reference; the "More like this" furniture; then reader
comments, each optionally followed by its byline ``By NAME (not verified) on DATE #permalink``.
An optional ``abstract.txt`` beside the article adds the review's abstract.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import CorpusError
from .types import Source

BYLINE = re.compile(
    r"^By\s+(?P<name>.+?)\s*(?:\(not verified\))?\s+on\s+"
    r"(?P<date>\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4})\s*(?:#permalink)?\s*$"
)
# "Colaianni G, Sun L, Zaidi M, Zallone A. ..." or anything carrying a DOI.
REFERENCE = re.compile(r"^(?:[A-Z][\w'\-]+ [A-Z]{1,3}, )*[A-Z][\w'\-]+ [A-Z]{1,3}\. |\bdoi:\s*10\.")
FURNITURE = frozenset({"more like this", "related", "related posts", "share", "comments"})
ABSTRACT_FILE = "abstract.txt"


@dataclass(frozen=True)
class Block:
    text: str
    line: int  # 1-based line of the block's first line


def _blocks(text: str) -> list[Block]:
    blocks: list[Block] = []
    current: list[str] = []
    first = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not current:
                first = number
            current.append(line.rstrip())
        elif current:
            blocks.append(Block("\n".join(current).strip(), first))
            current = []
    if current:
        blocks.append(Block("\n".join(current).strip(), first))
    return blocks


def _undouble(text: str) -> str:
    """The page prints the caption twice in a row ("X X"): keep one copy."""
    n = len(text)
    half = (n - 1) // 2
    if n % 2 == 1 and text[:half] == text[half + 1 :] and text[half].isspace():
        return text[:half]
    return text


def _looks_like_caption(text: str) -> bool:
    return _undouble(text) != text or not re.search(r"[.!?\u2026\"')]$", text)


def _clean_name(name: str) -> str:
    """Bylines truncate long names with an ellipsis: the name is what precedes it."""
    return re.sub(r"(?:\u2026|\.\.\.)$", "", name.strip()).strip()


def parse_article(text: str, filename: str = "<article>") -> list[Source]:
    """Parse the page text into sources in reading order. Errors name the file and line."""
    blocks = _blocks(text)
    if not blocks:
        raise CorpusError(f"{filename}: line 1: the article is empty")
    title = blocks[0]
    if "\n" in title.text:
        raise CorpusError(f"{filename}: line {title.line}: expected the title on one line")
    sources = [Source("title", "title", "Title", title.text)]
    rest = blocks[1:]
    if rest and _looks_like_caption(rest[0].text) and not REFERENCE.search(rest[0].text):
        sources.append(Source("caption", "caption", "Image caption", _undouble(rest[0].text)))
        rest = rest[1:]

    ref_at = next((i for i, b in enumerate(rest) if REFERENCE.search(b.text)), None)
    if ref_at is None:
        line = rest[-1].line if rest else title.line
        raise CorpusError(
            f"{filename}: line {line}: no reference found (a line such as "
            "'Colaianni G, Sun L, ... doi:...') after the post"
        )
    paragraphs = rest[:ref_at]
    if not paragraphs:
        raise CorpusError(f"{filename}: line {rest[ref_at].line}: the post has no paragraphs")
    for i, block in enumerate(paragraphs, start=1):
        sources.append(Source(f"post-{i}", "post", f"Post, paragraph {i}", block.text))
    sources.append(Source("reference", "reference", "Reference", rest[ref_at].text))

    comments: list[tuple[str, str | None, str | None]] = []
    for block in rest[ref_at + 1 :]:
        if block.text.strip().lower() in FURNITURE:
            continue
        byline = BYLINE.match(block.text)
        if byline:
            if not comments or comments[-1][1] is not None:
                raise CorpusError(
                    f"{filename}: line {block.line}: byline {block.text!r} follows no comment"
                )
            body, _, _ = comments[-1]
            comments[-1] = (body, _clean_name(byline["name"]), byline["date"])
        else:
            comments.append((block.text, None, None))
    for i, (body, author, date) in enumerate(comments, start=1):
        label = (
            f"Reader comment by {author}, {date}" if author else f"Reader comment {i} (unsigned)"
        )
        sources.append(Source(f"comment-{i}", "comment", label, body, author, date))
    return sources


def parse_abstract(text: str, filename: str = ABSTRACT_FILE) -> Source:
    """An abstract file: ``Key: value`` header lines, a line ``---``, then the abstract text.

    Recognised keys: ``Title``, ``Authors``, ``Date``. Only the real abstract belongs here.
    """
    header, sep, body = text.partition("\n---\n")
    if not sep:
        raise CorpusError(f"{filename}: line 1: expected header lines, then a line '---', then the text")
    meta: dict[str, str] = {}
    for number, line in enumerate(header.split("\n"), start=1):
        if not line.strip():
            continue
        key, colon, value = line.partition(":")
        if not colon or not key.strip():
            raise CorpusError(f"{filename}: line {number}: expected 'Key: value', got {line!r}")
        meta[key.strip().lower()] = value.strip()
    body = body.strip()
    if not body:
        raise CorpusError(f"{filename}: line {header.count(chr(10)) + 3}: the abstract text is empty")
    title = meta.get("title")
    label = f"Abstract of the review ({title})" if title else "Abstract of the review"
    return Source("abstract", "abstract", label, body, meta.get("authors"), meta.get("date"))


def load_sources(article: Path) -> list[Source]:
    """Read the article (and ``abstract.txt`` beside it, if present) into sources."""
    try:
        text = article.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise CorpusError(f"{article}: the article file does not exist") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{article}: cannot read the article ({exc})") from exc
    sources = parse_article(text, str(article))
    abstract = article.parent / ABSTRACT_FILE
    if abstract.is_file():
        src = parse_abstract(abstract.read_text(encoding="utf-8"), str(abstract))
        at = next(i for i, s in enumerate(sources) if s.kind == "reference") + 1
        sources.insert(at, src)
    return sources


def corpus_hash(sources: list[Source]) -> str:
    """A digest of every source's identity and text: what the index was built from."""
    h = hashlib.sha256()
    for s in sources:
        for part in (s.id, s.kind, s.label, s.author or "", s.date or "", s.text):
            h.update(part.encode())
            h.update(b"\x00")
    return h.hexdigest()
