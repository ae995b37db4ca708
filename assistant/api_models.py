"""The HTTP API's request and response models (pydantic), their examples, and the error
responses the routes document.

Requests are checked by the same functions as the CLI and the Python API
(``assistant.validation``), so every front end gives the same message for the same mistake;
the limits they enforce are documented in the schema (``json_schema_extra``).
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .validation import check_history, check_k, check_kinds, check_question

MAX_QUESTION_CHARS = 1000
MAX_BATCH = 100
Kind = Literal["title", "byline", "caption", "post", "abstract", "reference", "comment"]

# Real examples: Swagger's "Try it out" starts from the first one, which gets a real answer.
ANSWER_EXAMPLES: dict[str, dict[str, Any]] = {
    "question": {"summary": "A question",
                 "value": {"question": "Which cells break down bone?"}},
    "follow-up": {"summary": "A follow-up, read with the earlier question, citing the post",
                  "value": {"question": "Which university is she at?",
                            "history": ["Who led the review on oxytocin and bone?"],
                            "kinds": ["post"]}},
}
SEARCH_EXAMPLES: dict[str, dict[str, Any]] = {
    "search": {"summary": "The three best passages",
               "value": {"query": "oxytocin receptors on bone cells", "k": 3}},
}
BATCH_EXAMPLES: dict[str, dict[str, Any]] = {
    "batch": {"summary": "Plain questions and one with options",
              "value": {"questions": ["What is osteoporosis?",
                                      {"question": "What did readers think?",
                                       "kinds": ["comment"]}]}},
}


def _question() -> Any:
    return Field(description="A question about the article (1 to 1,000 characters, not blank).",
                 examples=["Which cells break down bone?"],
                 json_schema_extra={"minLength": 1, "maxLength": MAX_QUESTION_CHARS})


def _history() -> Any:
    return Field(default_factory=list, max_length=50,
                 description="The conversation's earlier questions, oldest first (the last "
                             "5 are used to resolve follow-ups like 'what about men?').",
                 examples=[["Who led the review on oxytocin and bone?"]])


def _article() -> Any:
    return Field(default=None, max_length=64,
                 description="An article's id from GET /api/articles; omit or null for the "
                             "bundled article.", examples=[None])


def _kinds() -> Any:
    return Field(default=None, json_schema_extra={"minItems": 1},
                 description="Only cite these kinds of source; omit or null for all.",
                 examples=[["post", "reference"]])


def _valid_question(value: object) -> str:
    return check_question(value, MAX_QUESTION_CHARS)


def _valid_history(value: object) -> list[str]:
    return list(check_history(value, MAX_QUESTION_CHARS))


def _valid_kinds(value: Any) -> Any:
    if value is not None and not isinstance(value, list):
        return value  # not a list: pydantic says so
    kinds = check_kinds(value)
    return None if kinds is None else sorted(kinds)


def _valid_k(value: object) -> int:
    return check_k(value)


class _Asking(BaseModel):
    """question, history and kinds, checked as every front end checks them."""

    question: str = _question()
    history: list[str] = _history()
    kinds: list[Kind] | None = _kinds()
    article: str | None = _article()

    question_ok = field_validator("question", mode="before")(_valid_question)
    history_ok = field_validator("history", mode="before")(_valid_history)
    kinds_ok = field_validator("kinds", mode="before")(_valid_kinds)


class AnswerRequest(_Asking):
    model_config = ConfigDict(
        json_schema_extra={"examples": [e["value"] for e in ANSWER_EXAMPLES.values()]})


class SearchRequest(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [e["value"] for e in SEARCH_EXAMPLES.values()]})

    query: str = Field(description="What to look for (1 to 1,000 characters, not blank).",
                       examples=["oxytocin and bone"],
                       json_schema_extra={"minLength": 1, "maxLength": MAX_QUESTION_CHARS})
    k: int = Field(5, description="How many hits (1 to 50).", examples=[3],
                   json_schema_extra={"minimum": 1, "maximum": 50})
    kinds: list[Kind] | None = _kinds()
    article: str | None = _article()

    query_ok = field_validator("query", mode="before")(_valid_question)
    k_ok = field_validator("k", mode="before")(_valid_k)
    kinds_ok = field_validator("kinds", mode="before")(_valid_kinds)


class BatchQuestion(_Asking):
    """One item of a batch; checked one by one, so a bad item does not fail the others."""


class BatchRequest(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [e["value"] for e in BATCH_EXAMPLES.values()]})

    # Any item is accepted here and checked on its own: one that is neither a question nor
    # a {question, ...} object gets {"question", "error"} in its place.
    questions: list[str | BatchQuestion | Any] = Field(
        min_length=1, max_length=MAX_BATCH,
        description="1 to 100 questions: plain strings or {question, history?, kinds?}. "
                    "An item that is neither gets {question, error} in its place.")
    article: str | None = _article()


class _Out(BaseModel):
    """A response model: exactly the fields returned, no others (additionalProperties false)."""

    model_config = ConfigDict(extra="forbid")


class SourceRef(_Out):
    id: str = Field(examples=["post-3"])
    kind: Kind
    label: str = Field(examples=["Post, paragraph 3"])
    author: str | None
    date: str | None
    section: str | None = Field(
        default=None, description="The heading a post paragraph sits under, when it has one.")


class SourceOut(SourceRef):
    text: str
    low_content: bool = Field(
        default=False, description="Next to nothing to quote (e.g. a comment that was only a "
                                   "link): shown, never quoted. Present only when true.")
    reply_to: str | None = Field(
        default=None, description="For a reader's comment that replies to another, the "
                                  "commenter it answers. Present only for a reply.")


class SourceList(_Out):
    sources: list[SourceOut]


class QuoteOut(_Out):
    n: int
    text: str = Field(description="Verbatim: source text[start:end].")
    start: int
    end: int
    score: float
    source: SourceRef


class AnswerOut(_Out):
    """The answer contract (docs/contract.md)."""

    question: str
    answer: str = Field(description="At most 120 words, citing quotes by [n].")
    abstained: bool = Field(description="True when the article does not answer the question.")
    quotes: list[QuoteOut]
    closest: list[QuoteOut] = Field(description="Nearest passages when abstaining.")
    resolved_question: str | None = Field(
        default=None, description="How the question was read, only when that differs from it: "
                                  "a follow-up with its history and, after a 'who' question, the "
                                  "person its answer named, e.g. 'Who led the review? Which "
                                  "university is she at? (Dr. Graziana Colaianni)'; a slip of the "
                                  "pen spelt as the article spells the word ('osteoprosis' is "
                                  "read as 'osteoporosis').")
    reason: str | None = Field(
        default=None, description="When abstaining: why, in plain words (e.g. 'the closest "
                                  "passage is not close enough to the question', 'no passage "
                                  "close to the question gives a time of day for it').")


class HitOut(_Out):
    chunk_id: int
    text: str
    start: int
    end: int
    score: float
    dense: float
    lexical: float
    source: SourceRef


class SearchResponse(_Out):
    query: str
    k: int
    hits: list[HitOut]


class BatchItemError(_Out):
    question: str | None = Field(description="The item's question when it had one, else null.")
    error: str


class BatchResponse(_Out):
    answers: list[AnswerOut | BatchItemError]


class Health(_Out):
    status: str
    model: str | None
    corpus_hash: str | None
    chunks: int | None
    sentences: int | None
    built_at: str | None
    sources: int


class ErrorOut(_Out):
    detail: str = Field(description="What is wrong with the request, in plain words.")


def _errors(*codes: int) -> dict[int | str, dict[str, Any]]:
    text = {400: "Malformed JSON", 404: "Unknown source or article id", 413: "Body over 1 MB",
            415: "Content-Type is not application/json", 422: "Invalid request",
            503: "Server busy or the model is unavailable"}
    return {c: {"model": ErrorOut, "description": text[c]} for c in codes}


POST_ERRORS = _errors(400, 404, 413, 415, 422, 503)
