"""`jrs-site build`: check, then build the whole site into a folder swapped in on success."""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
import time
from pathlib import Path

import click

from jrs_site.cli.check import run_check
from jrs_site.cli.common import Stopped, project_root, show_mkdocs_log
from jrs_site.load.config import CONFIG
from jrs_site.util.prune import KEEP_DAYS, prune
from jrs_site.util.workers import interrupts_held


@click.command()
@click.option("--site-dir", type=click.Path(path_type=Path), default=None, help="Default: site/")
def build(site_dir: Path | None) -> None:
    """Check the content, then build the site; site/ is replaced only if the build succeeds."""
    checked_build(project_root(), site_dir)


def checked_build(root: Path, site_dir: Path | None, strict: bool = False) -> Path:
    """Check, build into `site_dir` (default site/) and prune the cache, as `jrs-site build`
    does: the site folder. With `strict`, warnings stop it as errors do. Stopped by Ctrl+C or
    SIGTERM: `Stopped`, saying whether the site was built."""
    target = (site_dir or root / "site").resolve()
    try:
        if run_check(root, strict=strict) != 0:
            fix = "fix the errors above first" + (" (--strict: warnings too)" if strict else "")
            raise click.ClickException(f"the site was not built; {fix}")
    except KeyboardInterrupt:
        raise Stopped(not_built(target)) from None
    show_mkdocs_log(logging.WARNING)  # what made a strict build fail, e.g. a broken link
    cache_dir = build_into(root, target)
    click.echo(f"Built {target}")
    try:
        pruned = prune(cache_dir)
    except KeyboardInterrupt:
        raise Stopped(f"Stopped after the site was built into {target}") from None
    if pruned.files:
        size = f"{pruned.files} files, {pruned.bytes / 1e6:.1f} MB"
        click.echo(f"Cache: removed what no build used for {KEEP_DAYS} days ({size})")
    return target


def not_built(target: Path) -> str:
    """What a build stopped part-way says."""
    return f"Stopped: the site was not built; {target} is as it was"


def _temporary_sites(target: Path) -> re.Pattern[str]:
    """The names of the hidden folders a build of `target` works in: `.site-XXXXXXXX` (from
    mkdtemp) while it builds, `.site-old` while it swaps."""
    return re.compile(rf"\.{re.escape(target.name)}-(?:[a-z0-9_]{{8}}|old)")


def _remove_leftovers(target: Path, started: float) -> None:
    """Remove what builds killed part-way left beside `target`: only our own folders, by
    name, and only those older than this build (another build may be running now)."""
    pattern = _temporary_sites(target)
    for path in target.parent.iterdir():
        ours = pattern.fullmatch(path.name) and path.is_dir() and not path.is_symlink()
        if ours and path.stat().st_mtime < started:
            shutil.rmtree(path, ignore_errors=True)


class Interrupted(Exception):
    """What the plugins hear of a build stopped by Ctrl+C or SIGTERM: MkDocs tells them of an
    `Exception` only (`on_build_error`), and what they started must stop too (the other
    processes of `mkdocs_plugin/share.py`, a progress bar)."""


def build_into(root: Path, target: Path) -> Path:
    """Build into a temporary folder beside `target`, then swap it in; the build's cache.
    Stopped part-way (Ctrl+C, SIGTERM), `target` is as it was and the temporary folder is
    gone: `Stopped`. The photo and PDF workers end as the interrupt passes their step
    (`util/workers.py`); a file they were writing never counts as cached."""
    from mkdocs.commands.build import build as mkdocs_build  # noqa: PLC0415 - slow import
    from mkdocs.config import load_config  # noqa: PLC0415
    from mkdocs.config.defaults import MkDocsConfig  # noqa: PLC0415
    from mkdocs.exceptions import MkDocsException  # noqa: PLC0415

    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(target, time.time())
    config: MkDocsConfig | None = None
    swapped = False
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    try:  # from here on, whatever stops the build removes `tmp`
        tmp.chmod(0o755)  # mkdtemp makes it private; the published site must be readable
        config = load_config(str(root / CONFIG), site_dir=str(tmp))
        # As `mkdocs build` does; MkDocs keeps plugins that have on_startup between loads.
        config.plugins.on_startup(command="build", dirty=False)
        mkdocs_build(config)
        with interrupts_held():  # the old site or the new one, never none
            _swap(tmp, target)
            swapped = True
    except MkDocsException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise click.ClickException(
            f"the site was not built, {target} is unchanged:\n{exc}"
        ) from None
    except KeyboardInterrupt:
        if swapped:  # it came during the swap, held until it was done
            raise Stopped(f"Stopped after the site was built into {target}") from None
        with interrupts_held():  # a second Ctrl+C does not leave half of this cleanup
            if config is not None:
                config.plugins.on_build_error(error=Interrupted())
            shutil.rmtree(tmp, ignore_errors=True)
        raise Stopped(not_built(target)) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    cache_dir: str = config.plugins["jrs"].config.cache_dir
    return root / cache_dir


def _swap(tmp: Path, target: Path) -> None:
    """Put the built folder `tmp` in the place of `target`."""
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    tmp.rename(target)
    shutil.rmtree(old, ignore_errors=True)
