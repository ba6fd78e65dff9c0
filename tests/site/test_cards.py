"""Social cards: every page names one (1200x630, metadata-free, on the site itself); a
testimony without consent for social media gets the organisation's generic card."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from jrs_site.load.loader import load_site
from tests.conftest import Built

BASE = "https://ankerpunt.example/"


def card_of(page: Path) -> str:
    doc = BeautifulSoup(page.read_text("utf-8"), "lxml")
    image = doc.select_one('meta[property="og:image"]')
    assert image is not None, page
    assert doc.select_one('meta[property="og:image:alt"]')["content"], page
    assert doc.select_one('meta[name="twitter:image"]')["content"] == image["content"]
    return str(image["content"])


def test_every_page_has_a_card_in_the_site(built: Built) -> None:
    pages = sorted(built.site.rglob("index.html"))
    cards = {card_of(page) for page in pages}
    assert len(cards) > 10
    for url in cards:
        assert url.startswith(BASE + "social/"), url
        with Image.open(built.site / urlparse(url).path.lstrip("/")) as card:
            assert card.format == "JPEG" and card.size == (1200, 630)
            assert not card.getexif() and "exif" not in card.info and "icc_profile" not in card.info


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_story_without_social_consent_gets_the_generic_card(built: Built, lang: str) -> None:
    site, _ = load_site(built.project)
    web = site.published_stories("web")
    social = {s.key for s in site.published_stories("social")}
    home = card_of(built.site / ("fr/" if lang == "fr" else "") / "index.html")
    without = [s for s in web if s.key not in social]
    assert without, "the example content has a story published without social consent"
    for story in web:
        card = card_of(built.site / story.url(lang) / "index.html")
        assert (card == home) == (story.key not in social), story.key


def test_cards_differ_per_language(built: Built) -> None:
    assert card_of(built.site / "stories/esther/index.html") != card_of(
        built.site / "fr/stories/esther/index.html"
    )
