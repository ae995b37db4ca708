"""The data that flows between stages: small, typed, frozen. JSON only at the edges."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

Kind = Literal["title", "byline", "caption", "post", "abstract", "reference", "comment"]
KINDS: tuple[str, ...] = ("title", "byline", "caption", "post", "abstract", "reference", "comment")


# How a reply's label names the commenter it answers: "Reader comment by Ann Roe, 4 May 2025,
# replying to Paul Brierley".
REPLYING_TO = ", replying to "
# The label the reader gives a question-and-answer page's answers: "... (answer)", "...
# (accepted answer)", a forum's "... (accepted solution)"; a shop's answer to a customer's
# question, with the answerer's badge and whom it answers: "... (answer, seller), replying to
# Gareth Pryce".
ANSWER_LABEL = re.compile(r"\((accepted )?(answer|solution)(?:, ([^()]+))?\)"
                          rf"(?:{re.escape(REPLYING_TO)}.+)?$")
# The label of a question asked in a comment (a shopper's on a product page): "... (question)".
QUESTION_LABEL = re.compile(r"\(question\)$")


@dataclass(frozen=True)
class Source:
    """One citable piece of the article: the title, a post paragraph, a comment..."""

    id: str
    kind: str
    label: str
    text: str
    author: str | None = None
    date: str | None = None
    section: str | None = None  # the heading a post paragraph sits under, if any
    # Next to nothing to quote (a comment that was only a link): shown, never quoted.
    low_content: bool = False
    # For a reader's reply, the commenter it answers (also in its label, "replying to ...").
    reply_to: str | None = None

    def ref(self) -> dict[str, Any]:
        """The source as cited in a quote (no text)."""
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "label": self.label,
            "author": self.author,
            "date": self.date,
        }
        if self.section:
            out["section"] = self.section
        return out

    def to_dict(self) -> dict[str, Any]:
        out = {**self.ref(), "text": self.text}
        if self.low_content:
            out["low_content"] = True
        if self.reply_to:
            out["reply_to"] = self.reply_to
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Source:
        """The inverse of ``to_dict`` (a library article's ``sources.json``). A reply stored
        before sources kept ``reply_to`` is known by its label, which names the commenter."""
        label = str(data["label"])
        reply_to = data.get("reply_to")
        if reply_to is None and data.get("kind") == "comment":
            reply_to = label.partition(REPLYING_TO)[2] or None
        return cls(str(data["id"]), str(data["kind"]), label, str(data["text"]),
                   data.get("author"), data.get("date"), data.get("section"),
                   bool(data.get("low_content", False)), str(reply_to) if reply_to else None)


@dataclass(frozen=True)
class Span:
    """A sentence: ``source.text[start:end]``."""

    source_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Chunk:
    """Consecutive whole sentences of one source, sized in tokens.

    ``header`` (e.g. "Reader comment by Simran Ghooi, 17 Nov 2014") is embedded with the
    text to help retrieval but is never quoted.
    """

    id: int
    source_id: str
    start: int
    end: int
    text: str
    header: str
    sentences: tuple[Span, ...]
    tokens: int

    def embed_text(self) -> str:
        return f"{self.header}: {self.text}" if self.header else self.text


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its fused score and the parts of it."""

    chunk: Chunk
    source: Source
    score: float
    dense: float
    lexical: float

    def to_dict(self) -> dict[str, Any]:
        return {
            "chunk_id": self.chunk.id,
            "text": self.chunk.text,
            "start": self.chunk.start,
            "end": self.chunk.end,
            "score": round(self.score, 4),
            "dense": round(self.dense, 4),
            "lexical": round(self.lexical, 4),
            "source": self.source.ref(),
        }


@dataclass(frozen=True)
class Quote:
    """A verbatim sentence (or run of sentences): ``source.text[start:end] == text``."""

    n: int
    text: str
    start: int
    end: int
    score: float
    source: Source

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "score": round(self.score, 4),
            "source": self.source.ref(),
        }


@dataclass(frozen=True)
class Answer:
    """What every front end returns; ``to_dict()`` is the contract's JSON shape."""

    question: str
    answer: str
    abstained: bool
    quotes: tuple[Quote, ...] = ()
    closest: tuple[Quote, ...] = ()
    resolved_question: str | None = None
    # Why the assistant abstained, in plain words ("the article never mentions vitamin D").
    reason: str | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "quotes": [q.to_dict() for q in self.quotes],
            "closest": [q.to_dict() for q in self.closest],
        }
        if self.resolved_question and self.resolved_question != self.question:
            out["resolved_question"] = self.resolved_question
        if self.abstained and self.reason:
            out["reason"] = self.reason
        return out
