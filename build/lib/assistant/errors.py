"""Errors a user can see: each message names the bad value and the fix."""

from __future__ import annotations


class AssistantError(Exception):
    """Base class: the message is written for the person who will read it."""


class InvalidQuestionError(AssistantError, ValueError):
    """The question is empty, too long or contains characters it should not."""


class InvalidRequestError(AssistantError, ValueError):
    """A request parameter (kind, k, source id) is out of range or unknown."""


class UnknownSourceError(InvalidRequestError, KeyError):
    """No source has the requested id."""

    def __str__(self) -> str:  # KeyError quotes its message; we want it plain
        return str(self.args[0]) if self.args else ""


class CorpusError(AssistantError):
    """The article file cannot be parsed; the message names the file and line."""


class IndexLoadError(AssistantError):
    """The index on disk is missing, corrupt or unreadable."""


class ModelNotFoundError(AssistantError):
    """The bundled embedding model cannot be found or loaded."""


class SettingsError(AssistantError, ValueError):
    """A setting (an ``ASSISTANT_*`` variable) has a value it does not accept."""


class PageError(AssistantError, ValueError):
    """A page, file or link cannot be read as an article (empty, binary, too big, no text)."""


class FetchError(PageError):
    """A link cannot be fetched (timeout, HTTP error, wrong content type, too big)."""


class UnknownArticleError(InvalidRequestError, KeyError):
    """No article in the library has the requested id."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class ArticleExistsError(InvalidRequestError):
    """``--id`` names an article that holds different content (use ``--replace``)."""


class LibraryError(AssistantError):
    """The article library cannot be read or written."""
