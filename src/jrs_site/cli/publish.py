"""`jrs-site publish TARGET`: build the site as `jrs-site build` does, then put it on the host
over SSH with rsync (core: `outputs/web/upload.py`)."""

from __future__ import annotations

from pathlib import Path

import click

from jrs_site.cli.build import checked_build
from jrs_site.cli.common import Stopped, project_root
from jrs_site.outputs.web import upload


@click.command()
@click.argument("target")
@click.option("--port", type=click.IntRange(1, 65535), help="The host's SSH port. Default: 22.")
@click.option("--dry-run", is_flag=True, help="List what would change on the host; change nothing.")
@click.option("--strict", is_flag=True, help="Refuse to publish a site with warnings.")
@click.option(
    "--bwlimit",
    type=click.IntRange(1),
    help="Upload at most this many KiB per second (a shared office line).",
)
@click.option(
    "--ssh-config",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An SSH settings file to use instead of ~/.ssh/config.",
)
def publish(
    target: str,
    port: int | None,
    dry_run: bool,
    strict: bool,
    bwlimit: int | None,
    ssh_config: Path | None,
) -> None:
    """Build the site, then put it on the host at TARGET (user@host:folder) over SSH.

    The folder on the host is made the same as site/: what the new site no longer has is
    removed there, last. Readers see the old site or the new one, never a page without its
    photos. Run it first with --dry-run.
    """
    root = project_root()
    try:
        where = upload.Target.parse(target, port, ssh_config)
        upload.check_tools()
        upload.probe(where)  # a wrong address or key is said before the build, not after
        try:
            site = checked_build(root, None, strict)
        except Stopped as stopped:  # during the build: nothing went out
            raise Stopped(f"{stopped.message}; nothing was published") from None
        if dry_run:
            for line in upload.describe(upload.plan(site, where)):
                click.echo(line)
            return
        summary = upload.publish(site, where, bwlimit)
    except upload.UploadError as error:
        raise click.ClickException(str(error)) from None
    except KeyboardInterrupt:
        raise Stopped(
            "Stopped: publishing was stopped; readers see a complete site (the old pages, or "
            "the new ones, each with its photos): run the same command again to finish"
        ) from None
    click.echo(summary.line(where))
