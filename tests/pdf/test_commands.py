"""`jrs-site pdf` on a small content tree: files, what was added, warnings, crop marks."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from jrs_site.cli import main
from jrs_site.outputs.pdf.preflight import preflight
from jrs_site.outputs.pdf.render import TRIM_BOX
from tests.conftest import write_md, write_photo
from tests.pdf.conftest import options
from tests.pdf.helpers import boxes, info

MM = 72 / 25.4


@pytest.fixture
def project(content: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (content / "mkdocs.yml").write_text("site_name: test\n")
    monkeypatch.chdir(content)
    options("print")  # skips (or fails in CI) without a CMYK profile
    return content


def pdf(*args: str) -> Result:
    return CliRunner().invoke(main, ["pdf", *args], catch_exceptions=False)


def test_print_pdf_says_what_it_added_and_which_photos_are_too_small(project: Path) -> None:
    write_photo(project / "editions/118/cover.jpg", (1600, 1200))  # 188 ppi edge to edge
    long_text = "Een zin van het editoriaal die de kolommen vult. " * 250  # about two pages
    meta = {"kicker": "Editoriaal", "title": "Editoriaal nl", "lead": "Lead."}
    write_md(project / "editions/118/editorial/nl.md", meta, long_text)
    result = pdf("--lang", "nl")
    assert result.exit_code == 0, result.output
    made = project / "build/pdf/ankerpunt-nieuws-118-nl-print.pdf"
    assert made.is_file()
    assert "added to make a multiple of 4 pages" in result.output
    assert "editions/118/cover.jpg" in result.output and "ppi" in result.output
    assert int(info(made)["Pages"]) % 4 == 0
    again = pdf("--lang", "nl")
    assert "unchanged, from the cache" in again.output


def test_print_pdf_refuses_a_photo_under_the_minimum(project: Path) -> None:
    write_photo(project / "editions/118/cover.jpg", (800, 600))  # 94 ppi edge to edge
    result = CliRunner().invoke(main, ["pdf", "--lang", "nl"])
    assert result.exit_code == 1, result.output
    assert "'cover.jpg' in the print edition 118" in result.output
    assert "no print PDF was made" in result.output
    assert not (project / "build/pdf").exists()
    assert pdf("--variant", "screen", "--lang", "nl").exit_code == 0, "screen is not print"


def test_crop_marks_widen_the_media_box_not_the_bleed(project: Path, tmp_path: Path) -> None:
    result = pdf("118", "--lang", "fr", "--marks", "--out", str(tmp_path))
    assert result.exit_code == 0, result.output
    found = boxes(tmp_path / "ankerpunt-infos-118-fr-print.pdf")
    x0, y0, x1, y1 = TRIM_BOX
    assert found["BleedBox"] == pytest.approx(
        (x0 - 3 * MM, y0 - 3 * MM, x1 + 3 * MM, y1 + 3 * MM), abs=0.01
    )
    assert found["MediaBox"][0] < x0 - 10 * MM
    checks = {
        c.name: c.status for c in preflight(tmp_path / "ankerpunt-infos-118-fr-print.pdf").checks
    }
    assert checks["Text and shapes"] == "ok", "crop marks are drawn in CMYK registration colour"
    assert checks["BleedBox"] == checks["TrimBox"] == checks["Annotations"] == "ok"


def test_screen_variant_and_unknown_edition(project: Path, tmp_path: Path) -> None:
    result = pdf("--variant", "screen", "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "ankerpunt-infos-118-fr-screen.pdf",
        "ankerpunt-nieuws-118-nl-screen.pdf",
    ]
    missing = pdf("119")
    assert missing.exit_code == 1
    assert "no edition 119" in missing.output and "118" in missing.output


def test_a_draft_edition_makes_no_pdf(project: Path) -> None:
    meta = project / "editions/118/edition.yml"
    meta.write_text(meta.read_text("utf-8") + "draft: true\n", "utf-8")
    result = pdf("118", "--variant", "screen")
    assert result.exit_code == 1
    assert "edition 118 is a draft" in result.output, result.output
    assert not (project / "build/pdf").exists()
