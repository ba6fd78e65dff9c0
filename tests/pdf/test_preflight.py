"""Preflight: passes the print PDF, names what fails in files a printer would refuse."""

from __future__ import annotations

import zlib
from pathlib import Path

import pikepdf
import pytest
from click.testing import CliRunner

from jrs_site.cli import main
from jrs_site.outputs.pdf.preflight import preflight

A4 = (595.28, 841.89)


def failing(path: Path) -> set[str]:
    return {c.name for c in preflight(path).checks if c.status == "fail"}


@pytest.fixture
def plain_a4(tmp_path: Path) -> Path:
    """A one-page A4 as any tool writes it: no bleed, no TrimBox, no output intent."""
    pdf = pikepdf.new()
    pdf.add_blank_page(page_size=A4)
    path = tmp_path / "plain.pdf"
    pdf.save(path)
    return path


@pytest.fixture
def low_res(tmp_path: Path) -> Path:
    """A4 with correct boxes, but a 100-pixel RGB photo printed 100 mm wide (25 ppi)."""
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=A4)
    image = pikepdf.Stream(pdf, zlib.compress(bytes(100 * 100 * 3)))
    image.Type, image.Subtype = pikepdf.Name.XObject, pikepdf.Name.Image
    image.Width, image.Height, image.BitsPerComponent = 100, 100, 8
    image.ColorSpace, image.Filter = pikepdf.Name.DeviceRGB, pikepdf.Name.FlateDecode
    page.Resources = pikepdf.Dictionary(XObject=pikepdf.Dictionary(Im0=image))
    side = 100 / 25.4 * 72
    page.Contents = pdf.make_stream(f"q {side:.2f} 0 0 {side:.2f} 100 100 cm /Im0 Do Q".encode())
    page.TrimBox = pikepdf.Array([0, 0, *A4])
    page.BleedBox = pikepdf.Array([-8.5, -8.5, A4[0] + 8.5, A4[1] + 8.5])
    page.MediaBox = page.BleedBox
    path = tmp_path / "low-res.pdf"
    pdf.save(path)
    return path


def test_plain_a4_fails_on_boxes_pages_and_intent(plain_a4: Path) -> None:
    assert {"TrimBox", "BleedBox", "Page count", "Output intent", "PDF/X"} <= failing(plain_a4)


def test_low_resolution_rgb_photo_fails(low_res: Path) -> None:
    report = preflight(low_res)
    (image,) = report.images
    assert image.pixels == (100, 100)
    assert image.size_mm == pytest.approx((100, 100), abs=0.05)
    assert image.ppi == pytest.approx(25.4, abs=0.1)
    assert {"Image resolution", "Image colour"} <= failing(low_res)
    assert "TrimBox" not in failing(low_res) and "BleedBox" not in failing(low_res)


def test_command_prints_the_table_and_exits_1_on_failure(low_res: Path, pdfs: dict) -> None:
    runner = CliRunner()
    bad = runner.invoke(main, ["preflight", str(low_res)])
    assert bad.exit_code == 1
    assert "Image resolution" in bad.output and "25 ppi" in bad.output
    good = runner.invoke(main, ["preflight", str(pdfs["nl", "print"].path)])
    assert good.exit_code == 0, good.output
    assert "PDF/X-4" in good.output and "a multiple of 4" in good.output


def test_command_refuses_a_file_that_is_not_a_pdf(tmp_path: Path) -> None:
    text = tmp_path / "notes.pdf"
    text.write_text("not a pdf")
    result = CliRunner().invoke(main, ["preflight", str(text)])
    assert result.exit_code == 1
    assert "not a readable PDF" in result.output
