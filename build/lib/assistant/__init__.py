"""Cited, extractive answers about one web article.

    >>> from assistant import Assistant
    >>> a = Assistant.load()
    >>> a.ask("Which cells break down bone?").to_dict()["quotes"][0]["source"]["label"]
    'Post, paragraph 3'
"""

from typing import TYPE_CHECKING, Any

from .config import Settings
from .errors import (
    ArticleExistsError,
    AssistantError,
    CorpusError,
    FetchError,
    IndexLoadError,
    InvalidQuestionError,
    InvalidRequestError,
    LibraryError,
    ModelNotFoundError,
    PageError,
    UnknownArticleError,
    UnknownSourceError,
)
from .types import KINDS, Answer, Chunk, Hit, Quote, Source

if TYPE_CHECKING:
    from .library import ArticleInfo, Library
    from .service import AskRequest, Assistant


def __getattr__(name: str) -> Any:
    """``Assistant``, ``AskRequest``, ``Library`` and ``ArticleInfo`` import numpy, FAISS and
    the model code: only when asked for, so ``assistant --help`` is quick and logging is set
    up before FAISS loads."""
    if name in ("Assistant", "AskRequest"):
        from . import service

        return getattr(service, name)
    if name in ("Library", "ArticleInfo"):
        from . import library

        return getattr(library, name)
    raise AttributeError(f"module 'assistant' has no attribute {name!r}")

__all__ = [
    "KINDS",
    "Answer",
    "ArticleExistsError",
    "ArticleInfo",
    "AskRequest",
    "Assistant",
    "AssistantError",
    "Chunk",
    "CorpusError",
    "FetchError",
    "Hit",
    "IndexLoadError",
    "InvalidQuestionError",
    "InvalidRequestError",
    "Library",
    "LibraryError",
    "ModelNotFoundError",
    "PageError",
    "Quote",
    "Settings",
    "Source",
    "UnknownArticleError",
    "UnknownSourceError",
]
