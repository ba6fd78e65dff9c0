"""The screen PDF: A4 without bleed, RGB photos near 150 ppi, small, tagged, with links."""

from __future__ import annotations

import pikepdf
import pytest

from jrs_site.model.bundles import Site
from jrs_site.model.languages import BILINGUAL
from jrs_site.outputs.pdf.preflight import preflight
from jrs_site.outputs.pdf.render import TRIM_BOX
from tests.pdf.conftest import EDITION
from tests.pdf.helpers import boxes, info

MAX_BYTES = 3_000_000

pytestmark = pytest.mark.parametrize("lang", BILINGUAL.codes)  # the example site's


def test_a4_without_bleed(pdfs: dict, lang: str) -> None:
    found = boxes(pdfs[lang, "screen"].path)
    assert found["MediaBox"] == pytest.approx(TRIM_BOX, abs=0.01)
    assert found["TrimBox"] == pytest.approx(TRIM_BOX, abs=0.01)


def test_small_with_rgb_photos_near_150_ppi(pdfs: dict, lang: str) -> None:
    path = pdfs[lang, "screen"].path
    assert path.stat().st_size < MAX_BYTES
    report = preflight(path)
    assert report.images
    for image in report.images:
        assert "RGB" in image.colour_space
        assert 140 <= image.ppi <= 230, image


def test_tagged_with_metadata_and_links(site: Site, pdfs: dict, lang: str) -> None:
    path = pdfs[lang, "screen"].path
    fields = info(path)
    assert fields["Tagged"] == "yes"
    assert site.organisation.newsletter.get(lang) in fields["Title"]
    assert fields["Author"] == site.organisation.name
    assert site.editions[EDITION].text(lang).fields.theme in fields["Subject"]
    # The report's full PDF, published with the site, by the site's address (mkdocs.yml).
    report = f"https://ankerpunt.example/pdf/detention-2024-{lang}.pdf"
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == lang
        assert pdf.Root.ViewerPreferences.DisplayDocTitle
        with pdf.open_metadata() as xmp:
            assert xmp["pdfuaid:part"] == "1"
        uris = {
            str(a.A.URI)
            for page in pdf.pages
            for a in page.get("/Annots", [])
            if "/A" in a and "/URI" in a.A
        }
        internal = [a for page in pdf.pages for a in page.get("/Annots", []) if "/Dest" in a]
    assert report in uris
    assert internal, "the contents on page 1 should link to the articles"
