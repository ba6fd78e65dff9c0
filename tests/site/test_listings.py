"""The archive by theme and by country, built: every listing in both languages, linked from the
testimonies and the index, in the sitemap, and in a large archive a testimony deep in the index
reachable from its theme's listing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from jrs_site.load.loader import load_site
from jrs_site.model.bundles import Site
from jrs_site.render.kinds import PageOfIndex, index_pages
from jrs_site.render.l10n import text_typography
from jrs_site.render.views import PER_PAGE
from tests.conftest import Built, build, copy_project, write_md, write_yaml

LANGS = {"nl": "/", "fr": "/fr/"}


def soup(site: Path, url: str) -> BeautifulSoup:
    """The page at site path `url` ("/fr/stories/")."""
    return BeautifulSoup((site / url.lstrip("/") / "index.html").read_text("utf-8"), "lxml")


def links(doc: BeautifulSoup, selector: str, url: str) -> list[str]:
    """The site paths the links matching `selector` on the page at `url` lead to."""
    return [urlparse(urljoin(url, a["href"])).path for a in doc.select(selector)]


@pytest.fixture(scope="module")
def example(built: Built) -> Site:
    return load_site(built.project)[0]


@pytest.mark.parametrize("lang", LANGS)
def test_every_listing_page_is_built_with_its_cards(built: Built, example: Site, lang: str) -> None:
    pages = listing_pages(example, lang)
    kinds = {(p.listing.kind, p.listing.key) for p in pages}
    countries = {s.meta.country for s in example.published_stories("web")}
    used = {t for s in example.published_stories("web") for t in s.meta.themes}
    assert kinds == {("themes", t) for t in used} | {("countries", c) for c in countries}
    for page in pages:
        url = "/" + page.url
        doc = soup(built.site, url)
        assert doc.html["lang"] == lang
        assert doc.h1.get_text(strip=True) == text_typography(page.title, lang, example.languages)
        shown = page.listing.stories[(page.number - 1) * PER_PAGE : page.number * PER_PAGE]
        assert links(doc, ".jrs-card__title a", url) == ["/" + s.url(lang) for s in shown]
        for other, prefix in LANGS.items():
            switch = links(doc, f'a[hreflang="{other}"]', url)
            assert switch == [prefix + url.removeprefix(LANGS[lang])], (url, other)


def test_a_country_only_a_draft_has_gets_no_listing(built: Built) -> None:
    """Tesfay, the example's draft, is the only testimony from Eritrea."""
    assert not (built.site / "stories/countries/er").exists()
    assert not (built.site / "fr/stories/countries/er").exists()


@pytest.mark.parametrize("lang", LANGS)
def test_a_testimony_links_to_listings_that_list_it(built: Built, example: Site, lang: str) -> None:
    for story in example.published_stories("web"):
        url = "/" + story.url(lang)
        doc = soup(built.site, url)
        themes = links(doc, ".jrs-kicker a", url)
        country = links(doc, ".jrs-facts a", url)
        assert len(themes) == len(story.meta.themes) and len(country) == 1, url
        for listing in [*themes, *country]:
            assert url in links(soup(built.site, listing), ".jrs-card__title a", listing)


@pytest.mark.parametrize("lang", LANGS)
def test_the_index_and_the_cards_link_to_the_listings(
    built: Built, example: Site, lang: str
) -> None:
    url = LANGS[lang] + "stories/"
    doc = soup(built.site, url)
    expected = {"/" + p.url: len(p.listing.stories) for p in listing_pages(example, lang)}
    nav = doc.select(".jrs-listings li")
    shown = {links(li, "a", url)[0]: li.select_one(".jrs-listings__count").text for li in nav}
    assert shown == {listing: f"({count})" for listing, count in expected.items()}
    for card in doc.select(".jrs-card"):
        assert links(card, ".jrs-card__meta a", url)[0] in expected
    assert doc.select("select") == [], "no filter form left"


def test_the_sitemap_lists_every_listing_with_its_alternates(built: Built, example: Site) -> None:
    sitemap = BeautifulSoup((built.site / "sitemap.xml").read_text("utf-8"), "xml")
    entries = {e.loc.text: {a["hreflang"] for a in e.find_all("link")} for e in sitemap("url")}
    for lang in LANGS:
        for page in listing_pages(example, lang):
            assert entries["https://ankerpunt.example/" + page.url] == {"nl", "fr", "x-default"}


# -- a large archive: the index has three pages and more -------------------------------------

EXTRA = 2 * PER_PAGE + 12  # with the example's three: index pages of 24, 24 and 15


def write_story(project: Path, number: int) -> None:
    """An older testimony without photo; even numbers are about work, odd ones about health."""
    folder = project / "stories" / f"archive-{number:03d}"
    write_yaml(
        folder / "story.yml",
        {
            "person": {"name": f"Persoon {number}", "pseudonym": True},
            "country": ["SY", "AF", "GN"][number % 3],
            "arrived": 2015,
            "date": (dt.date(2023, 1, 1) + dt.timedelta(days=number)).isoformat(),
            "themes": [["work", "health"][number % 2]],
            "consent": {"given_by": "de persoon", "date": "2022-12-01", "uses": ["web"]},
        },
    )
    for lang in LANGS:
        write_md(folder / f"{lang}.md", {"title": f"Getuigenis {number}", "lead": "Inleiding."})


@pytest.fixture(scope="module")
def archive_site(tmp_path_factory: pytest.TempPathFactory, test_cache: Path) -> Path:
    project = copy_project(tmp_path_factory.mktemp("archive") / "project", test_cache)
    for number in range(EXTRA):
        write_story(project, number)
    result = build(project)
    assert result.returncode == 0, result.stderr[-4000:]
    return project / "site"


@pytest.mark.parametrize("prefix", LANGS.values())
def test_a_testimony_on_index_page_3_is_reachable_from_its_themes_listing(
    archive_site: Path, prefix: str
) -> None:
    index = f"{prefix}stories/page/3/"
    assert not (archive_site / f"{prefix}stories/page/4".lstrip("/")).exists()
    story = links(soup(archive_site, index), ".jrs-card__title a", index)[-1]
    listing: str | None = links(soup(archive_site, story), ".jrs-kicker a", story)[0]
    visited = []
    while listing is not None and story not in visited:
        doc = soup(archive_site, listing)
        visited += [listing, *links(doc, ".jrs-card__title a", listing)]
        following = links(doc, 'a[rel="next"]', listing)
        listing = following[0] if following else None
    assert story in visited, f"{story} is in none of the pages of its theme's listing"
    assert f"{prefix}stories/themes/work/page/2/" in visited, "found beyond the first page"


def listing_pages(site: Site, lang: str) -> list[PageOfIndex]:
    """Every page of the listings by theme and by country in `lang`."""
    return [page for page in index_pages(site, lang) if page.listing is not None]
