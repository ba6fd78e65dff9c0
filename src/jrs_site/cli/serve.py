"""`jrs-site serve`: the live preview, drafts optionally shown."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import click

from jrs_site.cli.common import project_root, show_mkdocs_log
from jrs_site.load.config import CONFIG


@click.command()
@click.option("--dev-addr", default="127.0.0.1:8000", help="Address to serve on.")
@click.option(
    "--drafts",
    is_flag=True,
    help="Also show draft stories, editions and reports, each with a 'not published' banner.",
)
def serve(dev_addr: str, drafts: bool) -> None:
    """Preview the site live; rebuilds when content, photos or templates change."""
    from mkdocs.commands.serve import serve as mkdocs_serve  # noqa: PLC0415 - slow import

    # Stopped by a signal (a service manager, a terminal closed): it ends as after Ctrl+C
    # (the `jrs-site` group makes SIGTERM a KeyboardInterrupt for every command), so the
    # preview ends its PDF workers and search index instead of leaving them behind.
    config_file = project_root() / CONFIG
    options: dict[str, Any] = {"plugins": _plugins_showing_drafts(config_file)} if drafts else {}
    show_mkdocs_log(logging.INFO)
    mkdocs_serve(
        str(config_file),
        dev_addr=dev_addr,
        livereload=True,
        build_type="dirty",  # the site folder is kept: a save renders only what it touched
        watch_theme=False,  # the jrs plugin watches overrides/ (on_serve), not the theme
        **options,
    )


def _plugins_showing_drafts(config_file: Path) -> list[Any]:
    """The `plugins:` of `config_file` with the jrs plugin's `drafts` option set: MkDocs takes
    an option given to it over the file's, and it replaces the whole list."""
    from mkdocs.utils.yaml import yaml_load  # noqa: PLC0415 - slow import

    with config_file.open("rb") as fd:
        plugins = yaml_load(fd).get("plugins") or []
    if isinstance(plugins, dict):  # MkDocs allows `plugins:` as a mapping too
        plugins = [{name: options} for name, options in plugins.items()]
    entries = [{entry: {}} if isinstance(entry, str) else entry for entry in plugins]
    if not any("jrs" in entry for entry in entries):
        raise click.ClickException(f"{config_file} does not list the jrs plugin under plugins:")
    return [
        {"jrs": {**(entry["jrs"] or {}), "drafts": True}} if "jrs" in entry else entry
        for entry in entries
    ]
