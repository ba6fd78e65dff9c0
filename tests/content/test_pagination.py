"""Paginated indexes: 24 cards a page, links to the neighbours and to the listings."""

from __future__ import annotations

from pathlib import Path

from jrs_site.load.loader import load_site
from jrs_site.render.kinds import EDITIONS, STORIES
from jrs_site.render.views import (
    PER_PAGE,
    RenderContext,
    index_page_path,
)
from tests.conftest import make_story


def test_the_stories_index_is_split_into_pages(content: Path) -> None:
    for number in range(PER_PAGE + 6):
        make_story(content, f"story-{number:02d}")
    site, _ = load_site(content)
    total = len(site.published_stories("web"))
    assert (STORIES.section, STORIES.page_count(site)) == ("stories", 2)

    first = STORIES.render(site, RenderContext(site, "nl", {}, "../media"))
    assert len(first.stories) == PER_PAGE
    assert (first.pager.previous_url, first.pager.next_url) == ("", "stories/page/2/")

    second = STORIES.render(site, RenderContext(site, "fr", {}, "../../../media", number=2))
    assert len(second.stories) == total - PER_PAGE
    assert (second.pager.previous_url, second.pager.next_url) == ("fr/stories/", "")
    assert second.pager.label.endswith("2 / 2")
    assert not {c.url for c in first.stories} & {c.url for c in second.stories}
    # The links to the listings count the whole archive, not this page.
    assert sum(link.count for link in second.countries) == total


def test_a_short_archive_has_one_page_and_no_pager_links(content: Path) -> None:
    site, _ = load_site(content)
    index = EDITIONS.render(site, RenderContext(site, "nl", {}, "../media"))
    assert index.pager.count == 1
    assert (index.pager.previous_url, index.pager.next_url) == ("", "")
    assert index_page_path("editions", 1) == "editions/"
    assert index_page_path("editions", 3) == "editions/page/3/"
