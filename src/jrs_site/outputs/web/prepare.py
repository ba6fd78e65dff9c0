"""Before any page: the checked content, every photo a page shows encoded, every screen PDF.

This is the slow part of a website build, and all of it is cached by content (the photos'
variants, the PDFs), so a build where nothing changed costs little here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from jrs_site.images import ImageSettings, WebImage, build_all
from jrs_site.load.checks import check_site
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
    `pdfs_later` (the preview), the PDFs not in the cache are left for `Prepared.later`."""
    site, problems = check_site(root, cache_dir, drafts=drafts)
    if of_severity(problems, "error"):
        return None, problems
    settings = ImageSettings(cache_dir=cache_dir / "images", widths=widths)
    media, image_errors = build_all(sorted(photos_needed(site)), settings)
    problems += [Problem(error.path, error.message) for error in image_errors]
    if image_errors:
        return None, problems
    try:
        if pdfs_later:
            pdfs, later = cached_screen_pdfs(site, cache_dir / "pdf")
            return Prepared(site, media, pdfs, later), problems
        pdfs = build_screen_pdfs(site, cache_dir / "pdf")
    except PdfError as error:
        return None, [*problems, Problem(site.root / "editions", str(error))]
    return Prepared(site, media, pdfs), problems
