"""The Atom feeds: one per language, linked from every page, valid, in their language only."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlparse

import feedparser
import pytest
from bs4 import BeautifulSoup

from jrs_site.load.loader import load_site
from jrs_site.render.l10n import text_typography
from tests.conftest import DRAFT_MARK, NOWEB_MARK, Built

BASE = "https://ankerpunt.example/"
HOME = {"nl": "", "fr": "fr/"}


def feed_href(page: Path, url: str) -> str:
    """The site path of the feed a page links in its <head>."""
    links = BeautifulSoup(page.read_text("utf-8"), "lxml").select(
        'head link[rel~="alternate"][type="application/atom+xml"]'
    )
    assert len(links) == 1, page
    return urlparse(urljoin("/" + url, links[0]["href"])).path.lstrip("/")


def parsed(built: Built, lang: str) -> feedparser.FeedParserDict:
    path = feed_href(built.site / HOME[lang] / "index.html", HOME[lang])
    return feedparser.parse((built.site / path).read_bytes())


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_every_page_links_its_language_feed(built: Built, lang: str) -> None:
    root = built.site / HOME[lang]
    pages = [p for p in root.rglob("index.html") if lang == "fr" or "fr" not in p.parts]
    assert len(pages) > 10
    for page in pages:
        url = page.parent.relative_to(built.site).as_posix().removeprefix(".") + "/"
        assert feed_href(page, url.lstrip("/")) == f"{HOME[lang]}feed.xml", page


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_feed_is_valid(built: Built, lang: str) -> None:
    feed = parsed(built, lang)
    assert feed.bozo == 0, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.language == lang
    assert feed.feed.link == BASE + HOME[lang]
    assert len({e.id for e in feed.entries}) == len(feed.entries) > 0


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_feed_holds_published_items_of_its_language_only(built: Built, lang: str) -> None:
    site, _ = load_site(built.project)
    stories = [s for s in site.published_stories("web") if s.is_translated(lang)]
    editions = [e for e in site.published_editions() if e.is_translated(lang)]
    expected = {BASE + item.url(lang): item for item in [*stories, *editions]}
    entries = parsed(built, lang).entries
    assert {e.link for e in entries} == set(expected)
    for entry in entries:
        item = expected[entry.link]
        if item in stories:
            assert entry.title == text_typography(
                item.text(lang).fields.title, lang, site.languages
            )
            assert entry.summary == text_typography(
                item.text(lang).fields.lead, lang, site.languages
            )


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_feed_entries_are_dated_and_illustrated(built: Built, lang: str) -> None:
    entries = parsed(built, lang).entries
    dates = [e.updated for e in entries]
    assert dates == sorted(dates, reverse=True)
    for entry in entries:
        images = [link.href for link in entry.links if link.rel == "enclosure"]
        assert images, entry.link
        for href in images:
            assert href.startswith(BASE + "media/")
            assert (built.site / urlparse(href).path.lstrip("/")).is_file(), href


@pytest.mark.parametrize("mark", [DRAFT_MARK, NOWEB_MARK, "esther-draft", "esther-noweb"])
def test_hidden_stories_are_not_in_feeds(built: Built, mark: str) -> None:
    for lang in HOME:
        assert mark not in (built.site / HOME[lang] / "feed.xml").read_text("utf-8")
