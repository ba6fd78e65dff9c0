"""`jrs-site new`: a new testimony, edition or report, as a draft in every language."""

from __future__ import annotations

import click

from jrs_site.cli.common import project_root


@click.group()
def new() -> None:
    """Start a new testimony, edition or report: a draft, in Dutch and French."""


@new.command("story")
@click.argument("slug")
def new_story(slug: str) -> None:
    """A testimony in stories/SLUG/ (SLUG: lowercase letters, digits, hyphens)."""
    _new("story", slug=slug)


@new.command("edition")
@click.option("--number", type=int, default=None, help="Default: one more than the last.")
def new_edition(number: int | None) -> None:
    """A newsletter edition in editions/NUMBER/, with an editorial."""
    _new("edition", number=number)


@new.command("report")
@click.argument("slug")
def new_report(slug: str) -> None:
    """A report summary in reports/SLUG/ (SLUG: lowercase letters, digits, hyphens)."""
    _new("report", slug=slug)


def _new(kind: str, slug: str | None = None, number: int | None = None) -> None:
    from jrs_site.scaffold import ScaffoldError, new_item  # noqa: PLC0415 - this command only

    root = project_root()
    try:
        created = new_item(root, kind, slug=slug, number=number)
    except ScaffoldError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Created {created.folder.relative_to(root)}/, a draft that is published nowhere:")
    for path in created.files:
        click.echo(f"  {path.relative_to(root)}")
    click.echo("Next:")
    for number_, step in enumerate(created.next_steps, start=1):
        click.echo(f"  {number_}. {step}")
