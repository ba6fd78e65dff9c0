"""PDFs fetch nothing: WeasyPrint reads only the files prepared for the PDF, and every image in
a built PDF is a variant the image pipeline made, without metadata."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from jrs_site.images.strip import strip_check
from jrs_site.model.bundles import Site
from jrs_site.outputs.pdf.fetch import PreparedFiles
from jrs_site.outputs.pdf.html import EditionHtml
from jrs_site.outputs.pdf.render import Rendered, edition_pdf
from jrs_site.outputs.pdf.settings import PdfError
from tests.images.helpers import FORBIDDEN_GROUPS, exiftool_groups
from tests.pdf.conftest import EDITION, options
from tests.tools import run


def test_only_prepared_files_may_be_fetched(tmp_path: Path) -> None:
    prepared, profile = tmp_path / "cache", tmp_path / "cmyk.icc"
    fetcher = PreparedFiles([prepared], [profile])
    assert fetcher.allows((prepared / "images/a.jpg").as_uri())
    assert fetcher.allows(profile.as_uri())
    assert not fetcher.allows((tmp_path / "stories/amina/portrait.jpg").as_uri())
    assert not fetcher.allows((prepared / "../stories/amina/portrait.jpg").as_uri())
    assert not fetcher.allows("https://tracker.example/pixel.gif")
    assert not fetcher.allows("http://127.0.0.1:8000/x.jpg")
    assert not fetcher.allows(f"file://otherhost{prepared}/a.jpg")
    assert not fetcher.allows("data:image/png;base64,iVBORw0KGgo=")


@pytest.mark.parametrize("where", ["web", "source photo"])
def test_an_unprepared_image_stops_the_pdf(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    """Even if an <img> got past the sanitiser, the PDF would not fetch it."""
    photo = next((site.root / "stories").glob("*/portrait.jpg"))
    url = "https://tracker.example/pixel.gif" if where == "web" else photo.as_uri()
    main = EditionHtml.main
    monkeypatch.setattr(
        EditionHtml,
        "main",
        lambda self, *args: main(self, *args).replace("</body>", f'<img src="{url}"></body>'),
    )
    with pytest.raises(PdfError, match="not a file prepared for this PDF") as error:
        edition_pdf(site, site.editions[EDITION], "nl", options("screen"), tmp_path)
    assert url in str(error.value) and f"editions/{EDITION}" in str(error.value)


@pytest.mark.parametrize("variant", ["screen", "print"])
def test_every_embedded_image_is_a_prepared_variant(
    pdfs: dict[tuple[str, str], Rendered], cache_dir: Path, tmp_path: Path, variant: str
) -> None:
    run("pdfimages", "-all", pdfs["nl", variant].path, tmp_path / "img")
    extracted = sorted(tmp_path.glob("img-*"))
    assert extracted, "the example edition has photos"
    made = {
        hashlib.sha256(p.read_bytes()).hexdigest()
        for p in (cache_dir / "images").rglob("*")
        if p.is_file()
    }
    for image in extracted:
        if image.suffix == ".jpg":  # JPEG streams are embedded byte for byte
            assert hashlib.sha256(image.read_bytes()).hexdigest() in made, image.name
        assert strip_check(image) == [], image.name
    for name, groups in exiftool_groups(extracted).items():
        assert not groups & FORBIDDEN_GROUPS, (name, groups)
