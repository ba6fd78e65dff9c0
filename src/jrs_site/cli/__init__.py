"""The `jrs-site` command: a thin adapter over the content core, the site build and the tools."""

from __future__ import annotations

import json
import logging
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import click

from jrs_site.load.loader import load_site
from jrs_site.model.bundles import Edition, Site
from jrs_site.model.problems import Problem, by_file
from jrs_site.model.schemas import LANGUAGES
from jrs_site.outputs.mail.edition import UNSUBSCRIBE
from jrs_site.render import l10n
from jrs_site.render.views import photos_needed

CONFIG = "mkdocs.yml"
#: The image cache of the default configuration (the plugin's `cache_dir`, then `images/`).
PHOTO_CACHE = Path(".cache/images")


def _root() -> Path:
    """The project folder: the nearest folder upwards holding mkdocs.yml."""
    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / CONFIG).exists():
            return folder
    raise click.ClickException(f"no {CONFIG} here or above: run jrs-site inside the project folder")


SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "info": "cyan"}


def _print_problems(problems: list[Problem], root: Path) -> None:
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


def run_check(root: Path, fmt: str = "text", strict: bool = False) -> int:
    """Check all content; print every problem; return the exit code."""
    site, problems = load_site(root, root / PHOTO_CACHE)
    if not any(p.severity == "error" for p in problems):
        from jrs_site.outputs.pdf.layout import website_print_problems  # noqa: PLC0415 - slow imports

        problems += website_print_problems(site)
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    infos = len(problems) - len(errors) - len(warnings)
    if fmt == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "file": str(
                            p.file.relative_to(root) if p.file.is_relative_to(root) else p.file
                        ),
                        "line": p.line,
                        "field": p.field,
                        "severity": p.severity,
                        "message": p.message,
                        "hint": p.hint,
                    }
                    for items in by_file(problems).values()
                    for p in items
                ],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        _print_problems(problems, root)
        click.echo(
            f"{len(errors)} error(s), {len(warnings)} warning(s), {infos} note(s).", err=True
        )
    return 1 if errors or (strict and warnings) else 0


@click.group()
def main() -> None:
    """Build and check the Ankerpunt website and newsletter."""


@main.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
def check(fmt: str, strict: bool) -> None:
    """List every problem in the content at once (exit 1 on errors)."""
    sys.exit(run_check(_root(), fmt, strict))


@main.command()
@click.option("--site-dir", type=click.Path(path_type=Path), default=None, help="Default: site/")
def build(site_dir: Path | None) -> None:
    """Check the content, then build the site; site/ is replaced only if the build succeeds."""
    root = _root()
    if run_check(root) != 0:
        raise click.ClickException("the site was not built; fix the errors above first")
    target = (site_dir or root / "site").resolve()
    _show_mkdocs_log(logging.WARNING)  # what made a strict build fail, e.g. a broken link
    _build_into(root, target)
    click.echo(f"Built {target}")


def _show_mkdocs_log(level: int) -> None:
    """Print MkDocs' messages (and the plugin's) from `level` up, as `mkdocs` itself does."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(level)


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


def _build_into(root: Path, target: Path) -> None:
    """Build into a temporary folder beside `target`, then swap it in."""
    from mkdocs.commands.build import build as mkdocs_build  # noqa: PLC0415 - slow import
    from mkdocs.config import load_config  # noqa: PLC0415
    from mkdocs.exceptions import MkDocsException  # noqa: PLC0415

    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(target, time.time())
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
    tmp.chmod(0o755)  # mkdtemp makes it private; the published site must be readable
    try:
        config = load_config(str(root / CONFIG), site_dir=str(tmp))
        # As `mkdocs build` does; MkDocs keeps plugins that have on_startup between loads.
        config.plugins.on_startup(command="build", dirty=False)
        mkdocs_build(config)
    except MkDocsException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise click.ClickException(
            f"the site was not built, {target} is unchanged:\n{exc}"
        ) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = target.with_name(f".{target.name}-old")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    tmp.rename(target)
    shutil.rmtree(old, ignore_errors=True)


@main.command()
@click.option("--dev-addr", default="127.0.0.1:8000", help="Address to serve on.")
@click.option(
    "--drafts", is_flag=True, help="Also show draft stories, each with a 'not published' banner."
)
def serve(dev_addr: str, drafts: bool) -> None:
    """Preview the site live; rebuilds when content, photos or templates change."""
    from mkdocs.commands.serve import serve as mkdocs_serve  # noqa: PLC0415

    config_file = _root() / CONFIG
    options: dict[str, Any] = {"plugins": _plugins_showing_drafts(config_file)} if drafts else {}
    _show_mkdocs_log(logging.INFO)
    mkdocs_serve(str(config_file), dev_addr=dev_addr, livereload=True, watch_theme=True, **options)


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


@main.command()
@click.argument("editions", nargs=-1)
@click.option("--lang", type=click.Choice([*LANGUAGES, "all"]), default="all", help="Default: all.")
@click.option(
    "--out", type=click.Path(file_okay=False, path_type=Path), help="Default: build/email"
)
@click.option(
    "--unsubscribe",
    type=click.Choice(sorted(UNSUBSCRIBE)),
    default="brevo",
    help="The mailing tool whose unsubscribe merge tag goes in the footer. Default: brevo.",
)
def email(editions: tuple[str, ...], lang: str, out: Path | None, unsubscribe: str) -> None:
    """Make the e-mail edition of each EDITION (default: every published edition): an HTML
    body and its plain-text part per language, to paste or upload into the mailing tool.

    Photos and links point at the website (`site_url` in mkdocs.yml): publish the site first.
    """
    from mkdocs.config import load_config  # noqa: PLC0415 - slow import

    from jrs_site.images import ImageSettings, build_all  # noqa: PLC0415
    from jrs_site.mkdocs_plugin.plugin import MEDIA_DIR  # noqa: PLC0415
    from jrs_site.outputs.mail import write_emails  # noqa: PLC0415

    root = _root()
    site, problems = load_site(root, root / PHOTO_CACHE)
    if any(p.severity == "error" for p in problems):
        _print_problems(problems, root)
        raise click.ClickException("no e-mail was made; fix the errors above first")
    chosen = _editions(site, editions)
    config = load_config(str(root / CONFIG))
    if not config.site_url:
        raise click.ClickException(
            f"{CONFIG} has no site_url: an e-mail links to the website by its full address; "
            "write it, e.g. site_url: https://ankerpunt.example/"
        )
    plugin = config.plugins["jrs"].config
    cache = root / plugin.cache_dir / "images"
    needed = sorted(photos_needed(site))
    media, _ = build_all(needed, ImageSettings(cache_dir=cache, widths=tuple(plugin.image_widths)))
    languages = LANGUAGES if lang == "all" else (lang,)
    media_url = config.site_url.rstrip("/") + f"/{MEDIA_DIR}"
    target = (out or root / "build/email").resolve()
    for path in write_emails(
        site, chosen, languages, config.site_url, media, media_url, target, unsubscribe
    ):
        size = l10n.file_size(path.stat().st_size, "nl")
        click.echo(f"{path} ({size}) and {path.with_suffix('.txt').name}")


def _editions(site: Site, keys: tuple[str, ...]) -> list[Edition]:
    """The editions named by `keys`, or every published one; an unknown key is an error."""
    unknown = [key for key in keys if key not in site.editions]
    if unknown:
        known = ", ".join(sorted(site.editions)) or "none"
        raise click.ClickException(
            f"no edition {', '.join(unknown)} in editions/ (the editions are: {known})"
        )
    return [site.editions[key] for key in keys] or site.published_editions()


@main.group()
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
    from jrs_site.scaffold import ScaffoldError, new_item  # noqa: PLC0415 - only this command needs it

    root = _root()
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


from jrs_site.cli.pdf import pdf, preflight_command  # noqa: E402 - registered after main exists

main.add_command(pdf)
main.add_command(preflight_command)
