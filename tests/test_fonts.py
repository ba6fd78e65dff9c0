"""Web fonts never move the text: only the preloaded body face may swap in late."""

from __future__ import annotations

import re

from jrs_site.fonts import FACES, PRELOADED, font_face_css
from tests.conftest import REPO


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
