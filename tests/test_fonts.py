"""Web fonts never move the text: only the preloaded body face may swap in late."""

from __future__ import annotations

import json
import re
from pathlib import Path

from fontTools.ttLib import TTFont

from jrs_site.fonts import (
    COVERAGE_FILE,
    FACES,
    FONTS_DIR,
    PRELOADED,
    PRINT_ONLY,
    coverage,
    faces,
    font_face_css,
    font_files,
    printable,
)
from jrs_site.images import social_card
from jrs_site.load.glyphs import needs_glyph
from jrs_site.outputs.web.cards import card_font
from tests.conftest import REPO
from tests.content.test_glyphs import VOICES


def test_only_the_preloaded_face_swaps_the_others_are_optional() -> None:
    rules = font_face_css(".").splitlines()
    stem = FACES[PRELOADED[0]][0]
    swapping = [r for r in rules if "font-display:swap" in r]
    assert swapping and all(f"{stem}-" in r and PRELOADED[1] in r for r in swapping)
    assert all("font-display:optional" in r for r in rules if r not in swapping)


def test_the_page_preloads_that_face() -> None:
    template = (REPO / "overrides/main.html").read_text("utf-8")
    preloads = re.findall(r'<link rel="preload" href="\{\{ \'assets/fonts/([^\']+)\'', template)
    stem = FACES[PRELOADED[0]][0]
    assert preloads == [f"{stem}-latin-{PRELOADED[1]}.woff2"]


def test_the_coverage_file_is_what_the_font_files_hold() -> None:
    """`jrs-site check` and the `unicode-range` of each rule read coverage.json, not the fonts."""
    written = json.loads(COVERAGE_FILE.read_text("utf-8"))
    assert written == coverage(), "run: .venv/bin/python scripts/font_coverage.py"


def test_every_font_file_is_used_and_the_pdf_draws_every_script() -> None:
    assert set(font_files(pdf=True)) == set(FONTS_DIR.glob("*.woff2"))
    for sample in ("ẞđ", "ỮŞșț", "ЖӨү", "Ωή", "پژټښۍې", "ሰላምትግርኛ", "😀👍"):
        assert {ord(c) for c in sample} <= printable(), sample
    assert 0xE000 not in printable()


def test_the_card_font_draws_titles_in_every_script_but_emoji(tmp_path: Path) -> None:
    """Pillow draws a card's title with one font: the merged bold sans."""
    font = card_font(tmp_path)
    assert card_font(tmp_path) == font and font.parent == tmp_path
    drawn = set(TTFont(font).getBestCmap())
    for script, text in VOICES.items():
        missing = {c for c in text if needs_glyph(c) and ord(c) not in drawn}
        assert not missing or script.startswith("emoji"), (script, missing)
    social_card(VOICES["Arabic"], "Ankerpunt", None, None, tmp_path / "card.jpg", font)


def test_the_site_leaves_out_the_print_only_weights() -> None:
    site = {(face.family, face.style) for face in faces(pdf=False)}
    assert site == {(f, s) for f, (_, styles) in FACES.items() for s in styles} - PRINT_ONLY
    assert {(face.family, face.style) for face in faces(pdf=True)} >= PRINT_ONLY


def test_no_two_files_claim_a_character_and_each_claims_what_it_draws() -> None:
    """WeasyPrint draws a character with the file whose unicode-range has it, glyph or not."""
    for pdf in (False, True):
        groups: dict[tuple[str, str], list] = {}
        for face in faces(pdf=pdf):
            groups.setdefault((face.family, face.style), []).append(face)
        for group in groups.values():
            spans = sorted(span for face in group for span in face.claimed)
            assert all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False))
            for face in group:
                claimed = {c for first, last in face.claimed for c in range(first, last + 1)}
                assert face.codepoints <= claimed
