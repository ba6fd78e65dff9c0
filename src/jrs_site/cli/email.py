"""`jrs-site email`: the e-mail edition of editions, for a mailing tool."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from jrs_site.cli.common import (
    CACHE,
    chosen_editions,
    chosen_languages,
    print_problems,
    project_root,
)
from jrs_site.load.config import CONFIG
from jrs_site.load.loader import load_site
from jrs_site.model.problems import ItemError, of_severity
from jrs_site.outputs.mail.edition import UNSUBSCRIBE, Tool


@click.command()
@click.argument("editions", nargs=-1)
@click.option("--lang", default="all", help="A language of the site (mkdocs.yml), or all.")
@click.option(
    "--out", type=click.Path(file_okay=False, path_type=Path), help="Default: build/email"
)
@click.option(
    "--unsubscribe",
    type=click.Choice(sorted(UNSUBSCRIBE)),
    default="brevo",
    help="The mailing tool whose unsubscribe merge tag goes in the footer. Default: brevo.",
)
def email(editions: tuple[str, ...], lang: str, out: Path | None, unsubscribe: Tool) -> None:
    """Make the e-mail edition of each EDITION (default: every published edition): an HTML
    body and its plain-text part per language, to paste or upload into the mailing tool.

    Photos and links point at the website (`site_url` in mkdocs.yml): publish the site first.
    """
    from mkdocs.config import load_config  # noqa: PLC0415 - slow import

    from jrs_site.images import ImageSettings, build_all  # noqa: PLC0415
    from jrs_site.outputs.mail import write_emails  # noqa: PLC0415
    from jrs_site.outputs.web.publish import MEDIA_DIR  # noqa: PLC0415
    from jrs_site.render.kinds import photos_needed  # noqa: PLC0415

    root = project_root()
    site, problems = load_site(root, root / CACHE)
    if of_severity(problems, "error"):
        print_problems(problems, root)
        raise click.ClickException("no e-mail was made; fix the errors above first")
    chosen = chosen_editions(site, editions)
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
    chosen_langs = chosen_languages(site, lang)
    media_url = config.site_url.rstrip("/") + f"/{MEDIA_DIR}"
    target = (out or root / "build/email").resolve()
    target.mkdir(parents=True, exist_ok=True)
    try:
        written = write_emails(
            site,
            chosen,
            chosen_langs,
            config.site_url,
            media,
            media_url,
            _writer(target),
            unsubscribe,
        )
    except ItemError as exc:
        raise click.ClickException(str(exc)) from None
    for name in written:
        path = target / name
        kilobytes = path.stat().st_size / 1000
        click.echo(f"{path} ({kilobytes:.1f} kB) and {path.with_suffix('.txt').name}")


def _writer(target: Path) -> Callable[[str, str], object]:
    """Write a named text file into `target`."""
    return lambda name, text: (target / name).write_text(text, "utf-8")
