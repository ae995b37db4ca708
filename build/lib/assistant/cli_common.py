"""What the ``assistant`` commands share: the settings, an article's Assistant or the
library, the ``--article`` option, and an unreadable input as one line (a ClickException),
never a traceback."""

from __future__ import annotations

from typing import Any

import click

from .config import Settings
from .errors import AssistantError


def _settings(**overrides: Any) -> Settings:
    """The settings, or a ClickException naming the variable that is wrong."""
    try:
        return Settings.from_env(**overrides)
    except AssistantError as exc:
        raise click.ClickException(str(exc)) from exc


def _load(article: str | None = None, **overrides: Any):
    """The Assistant (of the bundled article, or of ``article`` from the library), or a
    ClickException with the reason and the fix."""
    from .service import Assistant

    try:
        return Assistant.load(_settings(**overrides), article=article)
    except AssistantError as exc:
        raise click.ClickException(str(exc)) from exc


def _unreadable(what: str, exc: OSError, then: str = "") -> click.ClickException:
    return click.ClickException(f"cannot read {what} ({exc.strerror or exc}){then}")


def _library():
    from .library import Library

    return Library(_settings())


def article_option(fn: Any) -> Any:
    """``--article ID``: an article added with ``assistant add`` (default: the bundled one)."""
    return click.option("--article", "article", metavar="ID", default=None,
                        help="An article added with `assistant add` (see `assistant articles`); "
                             "default: the bundled article.")(fn)
