"""What each page shows of the content, so that `serve` renders again only the pages a save
touches: a page is made again when an item it shows changed (the digest of the item's
sources, `Site.digest`) or a list it pages through did (which items, in which order, how many
each listing holds). Everything else a page shows (configuration, templates, data files, the
pages of docs/) changes every page, and the adapter compares it as a whole.

The selections are the views' own (`on_page`, `home_items`, `listings`), so a view cannot show
an item this module does not name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from jrs_site.model.bundles import Bundle, Edition, Site
from jrs_site.render.archive import Listing, listings
from jrs_site.render.views import home_items, on_page
from jrs_site.util.files import value_digest


@dataclass(frozen=True)
class Shown:
    """The items whose content a page shows, and what it shows of whole lists."""

    items: tuple[Bundle, ...] = ()
    lists: tuple[object, ...] = ()

    def key(self, site: Site) -> tuple[object, ...]:
        """What changes when the page must be made again."""
        return (tuple((i.key, site.digest(i.folder)) for i in self.items), self.lists)


def item_shows(item: Bundle) -> Shown:
    """A testimony's or report's page shows its item; an edition's, each article too."""
    if isinstance(item, Edition):
        return Shown((item, *item.articles))
    return Shown((item,))


def index_shows(
    site: Site, template: str, number: int = 1, listing: Listing | None = None
) -> Shown:
    """What page `number` of an index (its template says which, see `views.INDEX_VIEWS`) or
    of a listing shows; nothing for a page that is no index."""
    if listing is not None:
        return _story_list(site, listing.section, listing.stories, number)
    if template == "stories.html":
        return _story_list(site, template, site.published_stories("web"), number)
    if template == "editions.html":
        editions = site.published_editions()
        return Shown(tuple(on_page(editions, number)), (_keys(site, template, editions),))
    if template == "reports.html":
        reports = site.published_reports()
        return Shown(tuple(reports), (_keys(site, template, reports),))
    if template == "home.html":
        edition, stories, report = home_items(site)
        return Shown(tuple(i for i in (edition, *stories, report) if i is not None))
    return Shown()


def _story_list(site: Site, name: str, stories: Sequence[Bundle], number: int) -> Shown:
    """A page of testimonies also links to every listing with its count."""
    counts = site.once(("shown", "counts"), lambda: value_digest(_counts(site)))
    return Shown(tuple(on_page(stories, number)), (_keys(site, name, stories), counts))


def _counts(site: Site) -> list[tuple[str, str, int]]:
    return [(listing.kind, listing.key, len(listing.stories)) for listing in listings(site)]


def _keys(site: Site, name: str, items: Sequence[Bundle]) -> str:
    """The keys of the list `name`, in order (a digest, worked out once per loaded site: each
    of its pages shows it)."""
    return site.once(("shown", name), lambda: value_digest([item.key for item in items]))
