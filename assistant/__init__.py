"""Cited, extractive answers about one web article.

    >>> from assistant import Assistant
    >>> a = Assistant.load()
    >>> a.ask("Which cells break down bone?").to_dict()["quotes"][0]["source"]["label"]
    'Post, paragraph 3'
"""

from .config import Settings
from .errors import (
    AssistantError,
    CorpusError,
    IndexLoadError,
    InvalidQuestionError,
    InvalidRequestError,
    ModelNotFoundError,
    UnknownSourceError,
)
from .service import AskRequest, Assistant
from .types import KINDS, Answer, Chunk, Hit, Quote, Source

__all__ = [
    "KINDS",
    "Answer",
    "AskRequest",
    "Assistant",
    "AssistantError",
    "Chunk",
    "CorpusError",
    "Hit",
    "IndexLoadError",
    "InvalidQuestionError",
    "InvalidRequestError",
    "ModelNotFoundError",
    "Quote",
    "Settings",
    "Source",
    "UnknownSourceError",
]
