"""The article library's commands: ``assistant add``, ``assistant articles`` and
``assistant remove``."""

from __future__ import annotations

import json

import click

from .cli_common import _library
from .errors import AssistantError


@click.command("add")
@click.argument("source", metavar="SOURCE")
@click.option("--id", "article_id", metavar="ID",
              help="The article's id (default: a slug of its title). Lower-case letters, digits, "
                   "'-', '_' and '.'; at most 64 characters.")
@click.option("--replace", is_flag=True, help="Replace the article that already has this --id.")
@click.option("--json", "as_json", is_flag=True, help="Print the added article as JSON.")
def add_command(source: str, article_id: str | None, replace: bool, as_json: bool) -> None:
    """Add an article: a saved page (.html, .mhtml, .webarchive), a saved e-mail (.eml) or
    mailbox (.mbox), a link, a .txt / .md file, or - (standard input).

    Prints the article's id (then, on stderr, its title, author, date, paragraphs and
    comments). Ask about it with --article ID. Adding the same content again keeps one
    copy and prints the same id. A link is fetched once (15 s timeout, at most 5 MB, HTML or
    text only). On any error nothing in the library changes and the exit code is 1.

    \b
    assistant add ~/Downloads/hot-pavement.html
    assistant add https://example.org/2024/06/a-post/ --id bees
    assistant add notes.md
    pbpaste | assistant add - --id lesson-3 --replace
    """
    try:
        added = _library().add_source(source, article_id=article_id, replace=replace)
    except AssistantError as exc:
        raise click.ClickException(str(exc)) from exc
    info = added.info
    if as_json:
        click.echo(json.dumps({**info.to_dict(), "created": added.created,
                               "replaced": added.replaced}, ensure_ascii=False, indent=2))
        return
    click.echo(info.id)
    if not added.created:
        click.echo(f"Already in the library as {info.id}: {info.summary()}", err=True)
    else:
        verb = "Replaced" if added.replaced else "Added"
        click.echo(f"{verb} {info.summary()}", err=True)


@click.command("articles")
@click.option("--json", "as_json", is_flag=True,
              help='Print {"articles": [{"id", "title", "author", "date", "url", "sources", ...}]}.')
def articles_command(as_json: bool) -> None:
    """List the articles: the bundled one first, then those added with `assistant add`.

    \b
    assistant articles
    assistant articles --json
    """
    try:
        library = _library()
        found = library.articles()
    except AssistantError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps({"articles": [i.to_dict() for i in found]}, ensure_ascii=False,
                              indent=2))
        return
    for info in found:
        mark = " (bundled, the default)" if info.bundled else ""
        click.echo(f"{info.id}{mark}\n    {info.summary()}")
        if info.url:
            click.echo(f"    {info.url}")
    if len(found) == 1:
        click.echo(f"\nNo added articles in {library.folder}; add one with "
                   "`assistant add PAGE_OR_LINK`.", err=True)


@click.command("remove")
@click.argument("article_id", metavar="ID")
def remove_command(article_id: str) -> None:
    """Remove an added article from the library (the bundled article stays).

    \b
    assistant remove hot-pavement
    """
    try:
        info = _library().remove(article_id)
    except AssistantError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"Removed {info.id} (\u201c{info.title}\u201d)")
