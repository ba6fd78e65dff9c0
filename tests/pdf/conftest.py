"""Render the repository's own example edition once per session, in both languages and both
variants (the tests read them with the poppler tools through `tests.tools.run`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from jrs_site.load.config import read_site_url
from jrs_site.load.loader import load_site
from jrs_site.model.bundles import Site
from jrs_site.outputs.pdf.render import Rendered, edition_pdf
from jrs_site.outputs.pdf.settings import VARIANTS, PdfError, PdfOptions
from tests.conftest import REPO
from tests.tools import unavailable

EDITION = "118"


#: The example's address (mkdocs.yml), by which its PDFs link the site, as the site's build and
#: `jrs-site pdf` make them.
SITE_URL = read_site_url(REPO)


def options(variant: str, **extra: object) -> PdfOptions:
    """PDF options (with the example's `SITE_URL`); without a CMYK profile installed, print
    cannot be tested."""
    try:
        return PdfOptions(variant, **{"site_url": SITE_URL, **extra})  # type: ignore[arg-type]
    except PdfError as exc:
        unavailable(str(exc))


@pytest.fixture(scope="session")
def site() -> Site:
    site, problems = load_site(REPO)
    assert [p for p in problems if p.severity == "error"] == []
    return site


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pdf-cache")


@pytest.fixture(scope="session")
def pdfs(site: Site, cache_dir: Path) -> dict[tuple[str, str], Rendered]:
    """(lang, variant) -> the example edition's PDF, rendered once for the whole session."""
    return {
        (lang, variant): edition_pdf(
            site, site.editions[EDITION], lang, options(variant), cache_dir
        )
        for variant in VARIANTS
        for lang in site.languages.codes
    }
