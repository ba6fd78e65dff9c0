"""`jrs-site nginx`: the nginx configuration of the site as last built, printed."""

from __future__ import annotations

from pathlib import Path

import click

from jrs_site.cli.common import project_root
from jrs_site.load.config import read_languages, read_site_url
from jrs_site.outputs.web.host import host_policy
from jrs_site.outputs.web.host import nginx as nginx_locations


@click.command()
@click.option("--site-dir", type=click.Path(path_type=Path), default=None, help="Default: site/")
def nginx(site_dir: Path | None) -> None:
    """Print the nginx configuration of the built site: its headers, caching and 404 pages,
    the same as the .htaccess and _headers of every build (run it again after a build)."""
    root = project_root()
    site = (site_dir or root / "site").resolve()
    if not (site / "index.html").is_file():
        raise click.ClickException(f"no site built in {site}: run 'jrs-site build' first")
    languages, _ = read_languages(root)
    click.echo(nginx_locations(host_policy(site, read_site_url(root), languages)), nl=False)
