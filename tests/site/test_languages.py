"""A third language is configuration, a catalogue and texts: no change to the program.

The example gets English in mkdocs.yml's i18n languages, one English testimony and an English
home page; everything else falls back to Dutch, the default. Every output must exist for `en`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from jrs_site.load.errors import validate
from jrs_site.model.languages import BILINGUAL, Languages, validation_context
from jrs_site.model.schemas import Localized
from tests.bad_input.cases import edit
from tests.conftest import Built, build, build_changed

ENGLISH = """\
        - locale: en
          name: English
          build: true
          site_name: Ankerpunt
          site_description: Testimonies, newsletter and reports of Ankerpunt
"""
ESTHER_EN = """\
---
title: "In the centre I did not count the days. I counted the planes."
family: mother of a son who lives in Kinshasa
lead: Esther came from Kinshasa to Belgium in 2018 to study, and was held for 52 days.
portrait_alt: Drawn silhouette of a woman looking out of a window in the morning light.
---
I came to Belgium in 2018 with a grant for a master's degree in public health. When the
grant stopped, I could no longer pay the enrolment fee. "No enrolment, no card," they said.
"""


@pytest.fixture(scope="module")
def trilingual(tmp_path_factory: pytest.TempPathFactory, test_cache: Path) -> Built:
    def add_english(project: Path) -> None:
        edit("mkdocs.yml", "  - jrs\n", ENGLISH + "  - jrs\n")(project)
        (project / "stories/esther/en.md").write_text(ESTHER_EN, "utf-8")
        (project / "docs/en").mkdir()
        home = (project / "docs/nl/index.md").read_text("utf-8")
        (project / "docs/en/index.md").write_text(home, "utf-8")

    return build_changed(tmp_path_factory, test_cache, add_english)


def _pages(site: Path, prefix: str, others: tuple[str, ...] = ()) -> set[str]:
    pages = {str(p.relative_to(site / prefix)) for p in (site / prefix).rglob("index.html")}
    return {p for p in pages if not any(p.startswith(f"{o}/") for o in others)}


def test_every_page_exists_in_english(trilingual: Built) -> None:
    dutch = _pages(trilingual.site, "", ("fr", "en", "pagefind"))
    assert len(dutch) > 25
    assert _pages(trilingual.site, "en") == dutch == _pages(trilingual.site, "fr")
    assert "pages (en):" in trilingual.output


def test_english_text_or_the_default_with_a_note(trilingual: Built) -> None:
    esther = _soup(trilingual.site / "en/stories/esther/index.html")
    assert esther.html["lang"] == "en"
    assert "I counted the planes" in esther.h1.get_text()
    assert "“No enrolment, no card,” they said." in esther.get_text()  # English typography
    ousmane = _soup(trilingual.site / "en/stories/ousmane/index.html")
    assert "not been translated into English yet" in ousmane.get_text()
    assert ousmane.select_one("article[lang=nl]") is not None


def test_the_switcher_and_hreflang_name_three_languages(trilingual: Built) -> None:
    page = _soup(trilingual.site / "en/stories/esther/index.html")
    links = {a["hreflang"]: a["href"] for a in page.select("a.md-select__link[hreflang]")}
    assert set(links) == {"nl", "fr", "en"}
    assert links["fr"].endswith("fr/stories/esther/")
    sitemap = (trilingual.site / "sitemap.xml").read_text("utf-8")
    readers = [p for p in _pages(trilingual.site, "en") if not p.startswith("guide/")]
    entries = sitemap.count("<url>")
    assert entries == 3 * len(readers) > 60
    for lang in ("nl", "fr", "en", "x-default"):
        assert sitemap.count(f'hreflang="{lang}"') == entries


def test_search_feeds_pdfs_and_emails_for_english(trilingual: Built) -> None:
    site = trilingual.site
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text())
    assert set(entry["languages"]) == {"nl", "fr", "en"}
    feed = feedparser.parse((site / "en/feed.xml").read_bytes())
    assert not feed.bozo and feed.feed.language == "en" and feed.entries
    assert any("I counted the planes" in e.title for e in feed.entries)
    for folder, suffixes in (("pdf", (".pdf",)), ("email", (".html", ".txt"))):
        names = {p.name for p in (site / folder).iterdir()}
        for suffix in suffixes:
            assert any(re.fullmatch(rf".*-118-en{re.escape(suffix)}", n) for n in names), names
    french_404 = (site / "fr/404.html").read_text("utf-8")
    english_404 = (site / "en/404.html").read_text("utf-8")
    assert "Page introuvable" in french_404 and "Page not found" in english_404
    assert "Page not found" in (site / "404.html").read_text("utf-8")  # the root's: all three


def test_the_check_names_what_is_not_in_english_yet(trilingual: Built) -> None:
    result = build(trilingual.project, "check")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "not translated into English yet: en.md is missing" in result.stderr
    assert "stories/esther\n" not in result.stderr  # Esther is in English
    assert "the full report is not translated into English yet" in result.stderr


def test_an_english_report_page_links_the_dutch_full_report_until_there_is_one(
    trilingual: Built,
) -> None:
    page = _soup(trilingual.site / "en/reports/detention-2024/index.html")
    links = [a["href"] for a in page.select("a[href$='.pdf']")]
    assert any(link.endswith("pdf/detention-2024-nl.pdf") for link in links), links


def test_a_per_language_field_takes_only_the_configured_languages() -> None:
    context = validation_context(Languages(("nl", "fr", "en"), "nl"))
    label = Localized.model_validate({"nl": "Detentie", "en": "Detention"}, context=context)
    assert (label.get("en"), label.get("fr")) == ("Detention", "Detentie")  # the default's
    with pytest.raises(ValueError, match="'de' is not a language of this site"):
        Localized.model_validate({"nl": "Detentie", "de": "Haft"}, context=context)
    with pytest.raises(ValueError, match="the nl text is missing"):
        Localized.model_validate({"fr": "Détention"}, context=context)


def test_a_per_language_field_is_never_validated_without_the_languages() -> None:
    with pytest.raises(TypeError, match="validated with the site's languages"):
        Localized.model_validate({"nl": "Detentie"})


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "lxml")


def test_a_missing_language_in_a_field_is_a_warning(tmp_path: Path) -> None:
    """As a missing en.md: the default's text shows, and check names field and language."""
    themes = tmp_path / "themes.yml"
    themes.write_text("detention:\n  nl: Detentie\n", "utf-8")
    label, problems = validate(Localized, {"nl": "Detentie"}, BILINGUAL, themes, at=("detention",))
    assert label is not None and label.get("fr") == "Detentie"
    assert [(p.severity, p.field, p.line) for p in problems] == [("warning", "detention", 1)]
    assert "not translated into French yet: 'fr:' is missing" in problems[0].message
