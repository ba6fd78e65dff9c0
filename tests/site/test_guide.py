"""The staff guide is on the site for staff, not for readers to land in: no sitemap entry,
no search result, `noindex`, no feed entry; reader pages keep all four."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.conftest import Built, search_text

GUIDE_PAGES = ("guide/", "guide/testimony/", "guide/reference/")


def _robots(built: Built, path: str) -> list[str]:
    soup = BeautifulSoup((built.site / path / "index.html").read_text("utf-8"), "lxml")
    return [m["content"] for m in soup.select('meta[name="robots"]')]


def test_the_guide_is_out_of_the_sitemap_and_noindex(built: Built) -> None:
    sitemap = (built.site / "sitemap.xml").read_text("utf-8")
    assert "/guide/" not in sitemap
    assert "/stories/esther/" in sitemap and "/fr/about/" in sitemap  # guard: readers' pages
    for prefix in ("", "fr/"):
        for page in GUIDE_PAGES:
            assert _robots(built, prefix + page) == ["noindex"], prefix + page
        assert _robots(built, prefix + "stories/esther/") == []


def test_the_guide_is_not_in_search_or_feeds(built: Built) -> None:
    title = BeautifulSoup((built.site / "guide/index.html").read_text("utf-8"), "lxml").h1
    assert title is not None and title.get_text(strip=True)
    index = search_text(built.site)
    assert title.get_text(strip=True) not in index
    assert "Esther" in index  # guard: reader pages are indexed
    for feed in ("feed.xml", "fr/feed.xml"):
        assert "/guide/" not in (built.site / feed).read_text("utf-8")
