"""Preflight of what is drawn where: it fails a PDF with text off the page, a photo that does
not bleed in the margin, a blank page, cut text and an empty heading, naming page and article."""

from __future__ import annotations

import io
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner
from weasyprint import HTML

from jrs_site.cli import main
from jrs_site.outputs.pdf.preflight import Source, preflight
from jrs_site.outputs.pdf.render import TRIM_BOX, _grow
from jrs_site.outputs.pdf.source import source

BLEED_PT = 3 * 72 / 25.4
PIXEL = "data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=="

BROKEN = f"""<html><head><style>
@page {{ size: A4; margin: 20mm }}
h2 {{ bookmark-level: 1 }}
.off {{ position: absolute; left: 150mm; width: 120mm; white-space: nowrap }}
.blank {{ break-before: page; height: 10mm }}
</style></head><body>
<article><h2>Wachten is geen stilstand</h2><p>Een gewone eerste alinea die wel past.</p>
<p class="off">Deze zin loopt ver voorbij de rand van het papier.</p></article>
<article style="margin-top: 80mm; position: relative"><h2>Een foto in de marge</h2>
<img src="{PIXEL}" style="position: absolute; left: -21mm; top: 10mm; width: 30mm"></article>
<section class="blank"></section>
</body></html>"""


def _boxes(data: bytes, path: Path) -> Path:
    """The printer's boxes, as `jrs-site pdf` sets them."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.obj.TrimBox = pikepdf.Array(TRIM_BOX)
            page.obj.BleedBox = pikepdf.Array(_grow(TRIM_BOX, BLEED_PT))
        pdf.save(path)
    return path


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    return _boxes(HTML(string=BROKEN).write_pdf(), tmp_path / "broken.pdf")


def detail(path: Path, name: str, source: Source | None = None) -> str:
    (check,) = [c for c in preflight(path, source).checks if c.name == name]
    assert check.status == "fail", check
    return check.detail


def test_text_off_the_page_fails_naming_page_and_article(broken: Path) -> None:
    found = detail(broken, "Text in safe area")
    assert "page 1 (Wachten is geen stilstand)" in found
    assert "page 2" not in found


def test_a_photo_in_the_margin_that_does_not_bleed_fails(broken: Path) -> None:
    assert "page 1 (Een foto in de marge): photo" in detail(broken, "Photos in safe area")


def test_a_blank_page_fails(broken: Path) -> None:
    assert detail(broken, "Empty pages") == "nothing printed on page 2 (Een foto in de marge)"


def test_cut_text_fails_naming_the_article_and_the_words(broken: Path) -> None:
    texts = (("Wachten is geen stilstand", "Een gewone eerste alinea. Het papier-ontwerp."),)
    found = detail(broken, "Text complete", Source(texts))
    assert found.startswith("cut off or not printed: Wachten is geen stilstand: 2 words")
    assert "het papierontwerp" in found


def test_the_source_of_a_document_finds_empty_headings_with_their_page() -> None:
    html = HTML(
        string="<body><article><header><h2 class='title'>Rapport</h2></header>"
        "<section><h3>Kerncijfers</h3></section><p>Tekst.</p></article>"
        "<section style='break-before: page'><h2>Steun ons</h2><p>Geef.</p></section></body>"
    )
    found = source([(html, html.render(), 5)])
    assert found.empty_headings == ("page 5 (Rapport): “Kerncijfers”",)
    assert [title for title, _ in found.texts] == ["Rapport", "Steun ons"]
    assert found.texts[0][1] == "Rapport Kerncijfers Tekst."


def test_the_command_fails_on_the_broken_pdf(broken: Path) -> None:
    result = CliRunner().invoke(main, ["preflight", str(broken)])
    assert result.exit_code == 1
    assert "FAIL  Text in safe area" in result.output
    assert "FAIL  Empty pages" in result.output


def test_a_word_hyphenated_across_the_page_turn_reads_whole(tmp_path: Path) -> None:
    html = """<style>@page { size: A4; margin: 25mm; @bottom-center { content: "Voettekst 7" } }
    </style><p>Wij vroegen de docu-</p><p style="break-before: page">menten terug.</p>"""
    path = _boxes(HTML(string=html).write_pdf(), tmp_path / "turn.pdf")
    texts = (("Artikel", "Wij vroegen de documenten terug."),)
    (check,) = [c for c in preflight(path, Source(texts)).checks if c.name == "Text complete"]
    assert check.status == "ok", check.detail
