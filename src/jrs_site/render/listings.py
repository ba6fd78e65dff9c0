"""The listing pages of the testimony archive, by theme and by country (`archive.listings`):
every page the adapter generates in a language, and what each one shows. A listing is
paginated like the testimonies index and shown by its template, `stories.html`.
"""

from __future__ import annotations

from dataclasses import dataclass

from jrs_site.model.bundles import Site, Story, localized_url
from jrs_site.render import l10n
from jrs_site.render.archive import Listing, listings
from jrs_site.render.views import (
    RenderContext,
    StoriesIndex,
    index_page_path,
    page_count,
    story_list,
)

TEMPLATE = "stories.html"


def numbered_title(title: str, number: int, lang: str) -> str:
    """'Getuigenissen' on the first page of an index, 'Getuigenissen · Pagina 2' after it."""
    return title if number == 1 else f"{title} · {l10n.t(lang, 'page_n', number=number)}"


@dataclass(frozen=True)
class ListingPage:
    """One page of a listing, in one language."""

    listing: Listing
    number: int
    url: str  # site-relative, e.g. "fr/stories/themes/detention/page/2/"
    title: str

    @property
    def front(self) -> dict[str, str]:
        """The front matter of the generated page."""
        return {"title": self.title, "template": TEMPLATE}

    def view(self, site: Site, page: RenderContext) -> StoriesIndex:
        """What the page shows (`page.number` is this page's number)."""
        return listing_view(site, page, self.listing)


def listing_pages(site: Site, lang: str) -> list[ListingPage]:
    """Every page of every listing in `lang`."""
    pages = []
    for listing in listings(site):
        title = listing.title(site, lang)
        for number in range(1, page_count(len(listing.stories)) + 1):
            url = localized_url(index_page_path(listing.section, number), lang, site.languages)
            pages.append(ListingPage(listing, number, url, numbered_title(title, number, lang)))
    return pages


def listing_view(site: Site, page: RenderContext, listing: Listing) -> StoriesIndex:
    """One page of a listing: its cards and pager, how many it holds, the way back."""
    view = story_list(site, page, listing.stories, listing.section, listing)
    view.summary = page.t("filter_results", count=len(listing.stories))
    view.index_url = Story.index_url(page.lang, site.languages)
    return view
