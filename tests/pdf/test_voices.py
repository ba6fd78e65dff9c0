"""Edition 119 (`tests/voices/`) on paper: Arabic, Dari, Pashto, Tigrinya, Cyrillic, an emoji,
a table, footnotes, nested lists and a long address print in both PDFs, each character with a
glyph of the fonts that ship, and every word of the sources in the PDF's text."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pikepdf
import pytest

from jrs_site.outputs.pdf.preflight import preflight
from tests.conftest import Built
from tests.pdf.helpers import text
from tests.pdf.test_glyphs import glyphs_check, render
from tests.site.test_voices import VOICES_TEXT, comparable

LANGS = ("nl", "fr")


@pytest.fixture(scope="module")
def print_pdfs(voices: Built, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The printer's PDF of edition 119 in each language: `jrs-site pdf` preflights them."""
    out = tmp_path_factory.mktemp("voices-print")
    result = subprocess.run(
        [sys.executable, "-m", "jrs_site", "pdf", "119", "--variant", "print", "--lang", "all"]
        + ["--out", str(out)],
        cwd=voices.project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr  # preflight passed
    assert result.stdout.count("preflight: passed") == 2, result.stdout
    return {lang: next(out.glob(f"*-119-{lang}-print.pdf")) for lang in LANGS}


@pytest.fixture(scope="module")
def screen_pdfs(voices: Built) -> dict[str, Path]:
    """The screen PDF of edition 119 in each language, as the site publishes it."""
    return {lang: next((voices.site / "pdf").glob(f"*-119-{lang}.pdf")) for lang in LANGS}


@pytest.mark.parametrize("variant", ["print", "screen"])
@pytest.mark.parametrize("lang", LANGS)
def test_every_character_prints_with_a_glyph_of_our_fonts(
    print_pdfs: dict[str, Path], screen_pdfs: dict[str, Path], variant: str, lang: str
) -> None:
    path = (print_pdfs if variant == "print" else screen_pdfs)[lang]
    checks = {check.name: check for check in preflight(path).checks}
    assert checks["Glyphs"].status == "ok", checks["Glyphs"].detail
    assert "not checked" not in checks["Glyphs"].detail
    with pikepdf.open(path) as pdf:
        fonts = {str(f.BaseFont)[8:] for p in pdf.pages for f in p.Resources.Font.values()}
    # None from the machine (a system fallback prints differently elsewhere, or not at all).
    assert all(name.startswith(("Source-Serif-4", "Source-Sans-3")) for name in fonts), fonts
    for part in ("amiri-arabic", "noto-sans-ethiopic", "cyrillic", "vietnamese", "noto-emoji"):
        assert any(part in name for name in fonts), part


def test_the_glyph_detector_finds_a_character_no_font_has(tmp_path: Path) -> None:
    """The positive control: the same detector, on a page with a private-use character."""
    articles = {"Stemmen": "<p>ما هنوز منتظر هستیم \ue000</p>"}
    check = glyphs_check(render(tmp_path / "cache", tmp_path / "tofu.pdf", articles))
    assert check.status == "fail" and "U+E000" in check.detail


@pytest.mark.parametrize("variant", ["print", "screen"])
@pytest.mark.parametrize("lang", LANGS)
def test_every_source_string_is_in_the_pdf_text(
    print_pdfs: dict[str, Path], screen_pdfs: dict[str, Path], variant: str, lang: str
) -> None:
    """Latin, Cyrillic and Ge'ez strings whole. Right-to-left ones word by word: pdftotext
    puts a right-to-left sentence's punctuation in visual order, and WeasyPrint records one
    text per glyph, the first it drew, so an Arabic glyph that stands for two letters in one
    word reads so in the next ("لكنه" as "للكنه"): each word's letters are there, in order."""
    path = (print_pdfs if variant == "print" else screen_pdfs)[lang]
    extracted = text(path)
    printed, letters = comparable(extracted), _letters(extracted)
    missing = [
        s
        for s in VOICES_TEXT[lang]
        if (
            any(_letters(word) not in letters for word in s.split())
            if RTL.search(s)
            else comparable(s) not in printed
        )
    ]
    assert missing == []
    assert "↩" not in printed  # the web's back-arrows stay on the web


RTL = re.compile("[\u0590-\u08ff]")


def _letters(value: str) -> str:
    return re.sub(r"[\W_]+", "", value)
