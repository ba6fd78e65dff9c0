"""The testimony archive by theme and by country: which listings exist, what each holds, and
the links to them. A listing is a paginated list of its own, so a filter no longer stops at
the edge of one index page.

Only published testimonies count (`Site.published_stories("web")`, as the index): a theme or
a country no published testimony has gets no listing and no link.
"""

from __future__ import annotations

from dataclasses import dataclass

from jrs_site.model.bundles import Site, Story, localized_url
from jrs_site.model.languages import Languages
from jrs_site.render import l10n
from jrs_site.util.text import fold

THEMES = "themes"
COUNTRIES = "countries"


def listing_section(kind: str, key: str) -> str:
    """`stories/themes/detention`, `stories/countries/sy`: where a listing's pages live."""
    return f"{Story.section}/{kind}/{key.lower()}"


def listing_url(kind: str, key: str, lang: str, languages: Languages) -> str:
    """Site-relative URL of a listing's first page in `lang`."""
    return localized_url(f"{listing_section(kind, key)}/", lang, languages)


@dataclass(frozen=True)
class Listing:
    """The published testimonies of one theme (`key` its id) or one country (its ISO code),
    newest first."""

    kind: str  # THEMES or COUNTRIES
    key: str
    stories: list[Story]

    @property
    def section(self) -> str:
        return listing_section(self.kind, self.key)

    def url(self, lang: str, languages: Languages) -> str:
        return listing_url(self.kind, self.key, lang, languages)

    def name(self, site: Site, lang: str) -> str:
        """'Detentie' / 'Syrië': the theme's label or the country's name in `lang`."""
        if self.kind == THEMES:
            return site.themes[self.key].get(lang)
        return l10n.country_name(self.key, lang)

    def title(self, site: Site, lang: str) -> str:
        """'Getuigenissen: Detentie' / 'Témoignages : Détention'."""
        return l10n.t(lang, "listing_title", name=self.name(site, lang))


def listings(site: Site) -> list[Listing]:
    """Every listing: the themes in the order of data/themes.yml, then the countries by code."""
    return site.once("listings", lambda: _listings(site))


def _listings(site: Site) -> list[Listing]:
    published = site.published_stories("web")
    found = [
        Listing(THEMES, key, [s for s in published if key in s.meta.themes]) for key in site.themes
    ]
    for code in sorted({s.meta.country for s in published}):
        found.append(Listing(COUNTRIES, code, [s for s in published if s.meta.country == code]))
    return [listing for listing in found if listing.stories]


@dataclass(frozen=True)
class Link:
    url: str  # site-relative
    label: str


@dataclass(frozen=True)
class ListingLink(Link):
    """A link to a listing, with how many testimonies it holds."""

    count: int
    current: bool  # the listing of the page that shows the link


def listing_links(
    site: Site, kind: str, lang: str, current: Listing | None = None
) -> list[ListingLink]:
    """Links to every listing of `kind`, sorted by their name in `lang` (in its typography)."""
    links = [
        ListingLink(
            item.url(lang, site.languages),
            l10n.text_typography(item.name(site, lang), lang),
            len(item.stories),
            item is current,
        )
        for item in listings(site)
        if item.kind == kind
    ]
    return sorted(links, key=lambda link: fold(link.label))
