"""Before any page: the checked content, every photo a page shows encoded, every screen PDF,
every report's full PDF without its metadata.

This is the slow part of a website build, and all of it is cached by content (the photos'
variants, the PDFs), so a build where nothing changed costs little here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jrs_site.images import ImageSettings, WebImage, build_all
from jrs_site.load.checks import check_site
from jrs_site.load.config import read_site_url
from jrs_site.model.bundles import Site
from jrs_site.model.problems import Problem, of_severity
from jrs_site.outputs.pdf.screen import build_screen_pdfs, cached_screen_pdfs
from jrs_site.outputs.pdf.settings import PdfError
from jrs_site.render.kinds import photos_needed


@dataclass(frozen=True)
class Prepared:
    """What every page of a build may show."""

    site: Site
    media: dict[Path, WebImage]  # source photo -> its web variants
    pdfs: dict[tuple[str, str], Path]  # (edition, language) -> its cached screen PDF
    later: dict[tuple[str, str], str] = field(default_factory=dict)  # PDFs still to make
    #: (report, language) -> its full PDF, as published: a copy without metadata
    reports: dict[tuple[str, str], Path] = field(default_factory=dict)
    site_url: str = ""  # the website's address, by which the PDFs link it


def prepare_site(
    root: Path,
    cache_dir: Path,
    widths: tuple[int, ...],
    *,
    drafts: bool = False,
    pdfs_later: bool = False,
) -> tuple[Prepared | None, list[Problem]]:
    """Check the content under `root`, then encode its photos and render its screen PDFs into
    `cache_dir`; every problem found, and nothing prepared when one is an error. With
    `pdfs_later` (the preview), the PDFs not in the cache are left for `Prepared.later`. The
    PDFs link a report's full PDF published with the site by the address in mkdocs.yml
    (`site_url`: the real one, also in a preview's)."""
    site, problems = check_site(root, cache_dir, drafts=drafts)
    if of_severity(problems, "error"):
        return None, problems
    settings = ImageSettings(cache_dir=cache_dir / "images", widths=widths)
    media, image_errors = build_all(sorted(photos_needed(site)), settings)
    problems += [Problem(error.path, error.message) for error in image_errors]
    if image_errors:
        return None, problems
    from jrs_site.outputs.pdf.metadata import UnreadablePdf, stripped  # noqa: PLC0415 - pikepdf

    site_url = read_site_url(root)
    reports, unreadable = {}, []
    for report in site.published_reports():
        for lang, source in report.pdfs.items():
            try:
                reports[report.key, lang] = stripped(source, cache_dir / "reports")
            except UnreadablePdf as error:
                hint = "export it again as PDF from the program it was made in"
                unreadable.append(Problem(source, str(error), hint=hint))
    if unreadable:
        return None, problems + unreadable
    try:
        if pdfs_later:
            pdfs, later = cached_screen_pdfs(site, cache_dir / "pdf", site_url)
            return Prepared(site, media, pdfs, later, reports, site_url), problems
        pdfs = build_screen_pdfs(site, cache_dir / "pdf", site_url=site_url)
    except PdfError as error:
        return None, [*problems, Problem(site.root / "editions", str(error))]
    return Prepared(site, media, pdfs, reports=reports, site_url=site_url), problems
