"""Every script of our voices prints with a glyph; preflight names a character that does not."""

from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration

from jrs_site.outputs.pdf.fonts import with_fonts
from jrs_site.outputs.pdf.preflight import Check, Source, preflight
from tests.content.test_glyphs import VOICES

#: The print stylesheet's two family names, at every weight and slant it uses.
STYLE = """
@page { size: A4; margin: 20mm }
body { font: 400 10pt "Source Serif 4", serif }
h1 { font: 800 16pt "Source Sans 3", sans-serif; break-before: page }
.serif-italic { font-style: italic } .serif-bold { font-weight: 700 }
.sans-400, .sans-600, .sans-700 { font-family: "Source Sans 3", sans-serif }
.sans-600 { font-weight: 600 } .sans-700 { font-weight: 700 }
"""
STYLES = ("serif", "serif-italic", "serif-bold", "sans-400", "sans-600", "sans-700")


def glyphs_check(path: Path, source: Source | None = None) -> Check:
    return checked(path, source)["Glyphs"]


def checked(path: Path, source: Source | None = None) -> dict[str, Check]:
    return {check.name: check for check in preflight(path, source).checks}


def render(cache_dir: Path, path: Path, articles: dict[str, str]) -> Path:
    """A PDF through the fonts of the print stylesheet: one article (a bookmark) per page."""
    body = "".join(f"<h1>{title}</h1>{html}" for title, html in articles.items())
    fonts = FontConfiguration()
    css = CSS(string=with_fonts(cache_dir, STYLE), font_config=fonts)
    HTML(string=f"<html><body>{body}</body></html>").write_pdf(
        path, stylesheets=[css], font_config=fonts
    )
    return path


@pytest.mark.parametrize("style", STYLES)
def test_every_script_of_our_voices_prints_with_a_glyph(
    cache_dir: Path, tmp_path: Path, style: str
) -> None:
    paragraphs = "".join(f'<p class="{style}">{text}</p>' for text in VOICES.values())
    path = render(cache_dir, tmp_path / "voices.pdf", {"Stemmen · Voix": paragraphs})
    checks = checked(path, Source(tuple(VOICES.items())))
    assert checks["Glyphs"].status == "ok", checks["Glyphs"].detail
    assert "not checked" not in checks["Glyphs"].detail  # every font of the file was looked at
    # The PDF's text reads as written: each glyph stands for its own letters.
    assert checks["Text complete"].status == "ok", checks["Text complete"].detail
    with pikepdf.open(path) as pdf:
        fonts = [str(f.BaseFont)[8:] for p in pdf.pages for f in p.Resources.Font.values()]
    assert all(name.startswith(("Source-Serif-4", "Source-Sans-3")) for name in fonts), fonts
    family = "Sans-3" if style.startswith("sans") else "Serif-4"
    for part in ("amiri-arabic", "noto-sans-ethiopic", "cyrillic-ext", "greek"):
        assert any(f"{family}-{part}" in name for name in fonts), part  # ours, not the machine's
    assert any("noto-emoji" in name for name in fonts)  # one file: named after either family


def test_a_character_no_font_has_fails_with_its_page_and_article(
    cache_dir: Path, tmp_path: Path
) -> None:
    articles = {"Editoriaal": "<p>Alles drukt.</p>", "Getuigenis": "<p>Hier: \ue000.</p>"}
    check = glyphs_check(render(cache_dir, tmp_path / "tofu.pdf", articles))
    assert check.status == "fail"
    assert "page 2 (Getuigenis): U+E000" in check.detail, check.detail


def test_glyph_zero_through_a_cid_to_gid_map_is_found(tmp_path: Path) -> None:
    """Any composite font, not only WeasyPrint's: code 2 maps to CID 2, which draws glyph 0."""
    pdf = pikepdf.new()
    page = pdf.add_blank_page(page_size=(595, 842))
    to_unicode = b"1 beginbfrange <0001> <0002> <0041> endbfrange"
    font = pikepdf.Dictionary(
        Type=pikepdf.Name.Font,
        Subtype=pikepdf.Name.Type0,
        BaseFont=pikepdf.Name("/Any"),
        Encoding=pikepdf.Name("/Identity-H"),
        ToUnicode=pdf.make_stream(to_unicode),
        DescendantFonts=[
            pikepdf.Dictionary(
                Type=pikepdf.Name.Font,
                Subtype=pikepdf.Name.CIDFontType2,
                BaseFont=pikepdf.Name("/Any"),
                CIDToGIDMap=pdf.make_stream(bytes([0, 0, 0, 7, 0, 0])),
            )
        ],
    )
    page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font))
    page.Contents = pdf.make_stream(b"BT /F1 12 Tf 100 700 Td <00010002> Tj ET")
    pdf.save(tmp_path / "any.pdf")
    check = glyphs_check(tmp_path / "any.pdf")
    assert check.status == "fail"
    assert "page 1: U+0042 B LATIN CAPITAL LETTER B" in check.detail, check.detail
