"""The archive by theme and by country: which listings exist, their pages, what they show."""

from __future__ import annotations

from pathlib import Path

from jrs_site.load.loader import load_site
from jrs_site.model.bundles import Site
from jrs_site.render.archive import COUNTRIES, THEMES, Link, listings
from jrs_site.render.kinds import PageOfIndex, index_pages
from jrs_site.render.views import PER_PAGE, RenderContext, story_view
from tests.conftest import STORY_META, make_story, write_yaml

THEMES_YML = {
    "family": {"nl": "Gezinnen", "fr": "Familles"},
    "detention": {"nl": "Detentie", "fr": "Détention"},
    "work": {"nl": "Werk", "fr": "Travail"},  # no testimony: no listing
}


def test_only_published_testimonies_make_listings(content: Path) -> None:
    write_yaml(content / "data/themes.yml", THEMES_YML)
    make_story(content, "draft", draft=True, country="CD", themes=["detention"])
    consent = {**STORY_META["consent"], "uses": ["print"]}
    make_story(content, "print-only", country="GN", themes=["detention"], consent=consent)
    site, _ = load_site(content)
    found = {(listing.kind, listing.key): len(listing.stories) for listing in listings(site)}
    assert found == {(THEMES, "family"): 2, (COUNTRIES, "ER"): 1, (COUNTRIES, "SY"): 1}


def test_a_long_listing_has_pages_in_every_language(content: Path) -> None:
    for number in range(PER_PAGE + 1):
        make_story(content, f"story-{number:02d}", country="AF")
    site, _ = load_site(content)
    nl = [p for p in listing_pages(site, "nl") if p.listing.key == "AF"]
    fr = [p for p in listing_pages(site, "fr") if p.listing.key == "AF"]
    assert [p.url for p in nl] == ["stories/countries/af/", "stories/countries/af/page/2/"]
    assert [p.url for p in fr] == ["fr/stories/countries/af/", "fr/stories/countries/af/page/2/"]
    titles = ["Getuigenissen: Afghanistan", "Getuigenissen: Afghanistan · Pagina 2"]
    assert [p.title for p in nl] == titles
    assert fr[0].title == "Témoignages : Afghanistan"

    second = fr[1].index.render(
        site, RenderContext(site, "fr", {}, "../../../../../media", number=2)
    )
    assert len(second.stories) == 1
    assert (second.pager.previous_url, second.pager.next_url) == ("fr/stories/countries/af/", "")
    assert second.summary == f"{PER_PAGE + 1} témoignages"
    assert second.index_url == "fr/stories/"
    assert [link.label for link in second.countries if link.current] == ["Afghanistan"]
    assert not any(link.current for link in second.themes)
    themes = {link.url: link.count for link in second.themes}
    assert themes == {"fr/stories/themes/family/": PER_PAGE + 3}


def test_a_testimony_links_to_its_themes_and_its_country(content: Path) -> None:
    site, _ = load_site(content)
    view = story_view(site.stories["yonas"], RenderContext(site, "fr", {}, "../../../media"))
    assert view.theme_links == [Link("fr/stories/themes/family/", "Familles")]
    assert view.country_url == "fr/stories/countries/er/"
    assert dict(zip(view.facts, view.fact_urls, strict=True))["Érythrée"] == view.country_url
    pages = {p.url for p in listing_pages(site, "fr")}
    assert {view.country_url, view.theme_links[0].url} <= pages


def listing_pages(site: Site, lang: str) -> list[PageOfIndex]:
    """Every page of the listings by theme and by country in `lang`."""
    return [page for page in index_pages(site, lang) if page.listing is not None]
