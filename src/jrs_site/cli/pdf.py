"""The `jrs-site pdf` and `jrs-site preflight` commands: thin adapters over render and preflight."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import click
import pikepdf

from jrs_site.cli.common import (
    CACHE,
    chosen_editions,
    chosen_languages,
    print_problems,
    project_root,
)
from jrs_site.images import ImageError
from jrs_site.load.config import read_site_url
from jrs_site.load.loader import load_site
from jrs_site.model.problems import of_severity
from jrs_site.outputs.names import pdf_name
from jrs_site.outputs.pdf import preflight as printer_rules
from jrs_site.outputs.pdf.layout import print_resolution_problems
from jrs_site.outputs.pdf.render import Rendered, edition_pdf
from jrs_site.outputs.pdf.settings import CMYK_PROFILES, VARIANTS, PdfError, PdfOptions
from jrs_site.util.prune import touch


@click.command()
@click.argument("editions", nargs=-1)
@click.option("--lang", default="all", help="A language of the site (mkdocs.yml), or all.")
@click.option("--variant", type=click.Choice(VARIANTS), default="print", help="Default: print.")
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="Default: build/pdf")
@click.option("--marks", is_flag=True, help="Add crop marks outside the bleed (print).")
@click.option(
    "--icc",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help=f"The printer's CMYK profile (print). Default: {CMYK_PROFILES[0]}",
)
def pdf(
    editions: tuple[str, ...],
    lang: str,
    variant: str,
    out: Path | None,
    marks: bool,
    icc: Path | None,
) -> None:
    """Make the newsletter PDF of each EDITION (default: every published edition).

    The print variant is A4 with 3 mm bleed, CMYK (PDF/X-4), photos at 300 ppi and a page
    count made a multiple of four, checked by preflight (exit 1 when a check fails); the
    screen variant is a small, tagged RGB file.
    """
    root = project_root()
    site, problems = load_site(root, root / CACHE)
    if of_severity(problems, "error"):
        print_problems(problems, root)
        raise click.ClickException("no PDF was made; fix the errors above first")
    chosen = chosen_editions(site, editions)
    target = (out or root / "build/pdf").resolve()
    try:
        options = PdfOptions(variant, marks, icc, read_site_url(root))  # type: ignore[arg-type]
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    except PdfError as exc:  # no CMYK profile installed
        raise click.ClickException(str(exc)) from None
    if options.is_print:
        blurred = of_severity(print_resolution_problems(site, chosen), "error")
        if blurred:
            print_problems(blurred, root)
            raise click.ClickException(
                "no print PDF was made: a photo above is under the 150 ppi minimum at its "
                "printed size; use a larger original (the website is not affected)"
            )
    failed = []
    try:
        for edition in chosen:
            for language in chosen_languages(site, lang):
                rendered = edition_pdf(site, edition, language, options, root / CACHE / "pdf")
                path = target / pdf_name(site, edition, language, variant)
                _deliver(rendered, path)
                if options.is_print and not _preflight(path, rendered):
                    failed.append(path.name)
    except (PdfError, ImageError) as exc:
        raise click.ClickException(str(exc)) from None
    if failed:
        raise click.ClickException(
            f"preflight failed for {', '.join(failed)}: see the checks above; "
            "a printer would refuse the file"
        )


#: Checks that only warn here: a photo under 300 ppi prints, blurred (its warning names it).
WARNING_ONLY = frozenset({"Image resolution"})


def _preflight(path: Path, rendered: Rendered) -> bool:
    """Preflight a print PDF against its source; print the checks that fail. False when one
    fails that a printer would refuse."""
    report = printer_rules.preflight(path, rendered.source)
    failed = [c for c in report.checks if c.status == "fail" and c.name not in WARNING_ONLY]
    for check in failed:
        click.echo(click.style("  preflight: ", fg="red") + f"{check.name}: {check.detail}")
    if not failed:
        click.echo("  preflight: passed" if report.passed else "  preflight: passed, with warnings")
    return not failed


def _deliver(rendered: Rendered, path: Path) -> None:
    """Copy the PDF from the cache and say what it is."""
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(rendered.path, path)
    touch(rendered.path)  # the cache entry is in use: not pruned
    how = "unchanged, from the cache" if rendered.cached else "rendered"
    click.echo(f"{path}: {rendered.pages} pages ({how})")
    for page in rendered.added:
        click.echo(f"  added to make a multiple of 4 pages: {page}")
    for warning in rendered.warnings:
        click.echo(click.style("  warning: ", fg="yellow") + warning, err=True)


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def preflight(file: Path) -> None:
    """Check a PDF against the printer's rules; exit 1 when one fails."""
    try:
        report = printer_rules.preflight(file)
    except pikepdf.PdfError:
        raise click.ClickException(f"{file} is not a readable PDF file") from None
    click.echo(printer_rules.format_report(report))
    sys.exit(0 if report.passed else 1)
