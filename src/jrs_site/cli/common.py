"""What the commands share: the project folder, printing problems, choosing editions."""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import click

from jrs_site.load.config import CONFIG
from jrs_site.model.bundles import Edition, Site
from jrs_site.model.problems import Problem, by_file

#: The build cache of the default configuration (the plugin's `cache_dir`).
CACHE = Path(".cache")
SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


class Stopped(click.ClickException):
    """The command was stopped by Ctrl+C or a signal: one plain line that says what was left
    as it was, and exit code 130 (128 + SIGINT, as a shell reports a command Ctrl+C ended)."""

    exit_code = 130

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(self.format_message(), err=True)


@contextmanager
def interrupts_from_sigterm() -> Iterator[None]:
    """SIGTERM (a service manager, `kill`, a closed terminal) stops the command as Ctrl+C
    does, with its cleanup, instead of killing the main process on the spot and leaving its
    worker processes and half-built folders behind."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def project_root() -> Path:
    """The project folder: the nearest folder upwards holding mkdocs.yml."""
    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / CONFIG).exists():
            return folder
    raise click.ClickException(f"no {CONFIG} here or above: run jrs-site inside the project folder")


def print_problems(problems: list[Problem], root: Path) -> None:
    """Every problem, grouped by file, with its hint, on stderr."""
    for file, items in by_file(problems).items():
        try:
            shown = file.relative_to(root)
        except ValueError:
            shown = file
        click.echo(click.style(str(shown), bold=True), err=True)
        for p in items:
            prefix = click.style(p.severity, fg=SEVERITY_COLOURS[p.severity])
            click.echo(f"  {prefix}: {p.describe()}", err=True)
            if p.hint:
                click.echo(f"      -> {p.hint}", err=True)


def chosen_editions(site: Site, keys: tuple[str, ...]) -> list[Edition]:
    """The editions named by `keys`, or every published one; an unknown key is an error."""
    unknown = [key for key in keys if key not in site.editions]
    if unknown:
        known = ", ".join(sorted(site.editions)) or "none"
        raise click.ClickException(
            f"no edition {', '.join(unknown)} in editions/ (the editions are: {known})"
        )
    return [site.editions[key] for key in keys] or site.published_editions()


def chosen_languages(site: Site, lang: str) -> tuple[str, ...]:
    """The languages `--lang` names: one code of the site's, or all of them."""
    codes = site.languages.codes
    if lang == "all":
        return codes
    if lang not in codes:
        raise click.BadParameter(
            f"'{lang}' is not a language of this site: use one of {', '.join(codes)} or all",
            param_hint="--lang",
        )
    return (lang,)


def show_mkdocs_log(level: int) -> None:
    """Print MkDocs' messages (and the plugin's) from `level` up, as `mkdocs` itself does."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(level)
