"""Cited, extractive answers about one web article.

    >>> from assistant import Assistant
    >>> a = Assistant.load()
    >>> a.ask("Which cells break down bone?").to_dict()["quotes"][0]["source"]["label"]
    'Post, paragraph 3'
"""

from typing import TYPE_CHECKING, Any

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
from .types import KINDS, Answer, Chunk, Hit, Quote, Source

if TYPE_CHECKING:
    from .service import AskRequest, Assistant


def __getattr__(name: str) -> Any:
    """``Assistant`` and ``AskRequest`` import numpy, FAISS and the model code: only when
    asked for, so ``assistant --help`` is quick and logging is set up before FAISS loads."""
    if name in ("Assistant", "AskRequest"):
        from . import service

        return getattr(service, name)
    raise AttributeError(f"module 'assistant' has no attribute {name!r}")

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
