"""What search engines and shared links read: the <head> of a page, the sitemap, robots.txt.

Every page exists in every language at the same path (see `localized_url`): each names its
alternates by absolute URL, with an `x-default`.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from jrs_site.model.bundles import localized_url
from jrs_site.model.languages import Languages
from jrs_site.render import l10n

#: The staff guide: on the site for staff, but not for readers to land in: out of the sitemap
#: and the search index, and `noindex` for search engines (it is in no feed either).
STAFF_SECTION = "guide/"


def for_readers(path: str) -> bool:
    """Whether the page at `path` (without its language prefix) is meant for readers."""
    return not path.startswith(STAFF_SECTION)


@dataclass
class HeadView:
    """What a page's <head> says about it: description, canonical URL, alternates, card."""

    title: str
    description: str
    canonical: str
    alternates: dict[str, str]  # language and "x-default" -> absolute URL
    locale: str
    indexed: bool = True  # in search engines and the site's search (not the staff guide)


def absolute_alternates(base_url: str, path: str, languages: Languages) -> dict[str, str]:
    base = base_url.rstrip("/") + "/"
    alternates = {lang: base + localized_url(path, lang, languages) for lang in languages.codes}
    alternates["x-default"] = alternates[languages.default]
    return alternates


def og_locale(lang: str, country: str | None) -> str:
    """The Open Graph locale of a page in `lang` by an organisation in `country`: `nl_BE`
    where CLDR knows the language there, else the language's likely region (`ar_EG`)."""
    if country:
        try:
            return str(Locale.parse(f"{lang}_{country}"))
        except (ValueError, UnknownLocaleError):
            pass
    likely = Locale.parse(get_global("likely_subtags").get(lang, lang))
    return f"{likely.language}_{likely.territory}" if likely.territory else likely.language


def head_view(
    base_url: str,
    path: str,
    lang: str,
    title: str,
    description: str,
    languages: Languages,
    country: str | None = None,
) -> HeadView:
    """The <head> of the page at `path` in `lang` (`country`: the organisation's, for its
    Open Graph locale)."""
    alternates = absolute_alternates(base_url, path, languages)
    locale = og_locale(lang, country)
    description = " ".join(description.split())
    return HeadView(
        l10n.text_typography(title, lang, languages),
        l10n.text_typography(description, lang, languages),
        alternates[lang],
        alternates,
        locale,
        for_readers(path),
    )


@dataclass
class SitemapEntry:
    """One page of the site, with its address in every language."""

    loc: str
    alternates: dict[str, str]  # language (and "x-default") -> absolute URL


def sitemap(base_url: str, paths: list[str], languages: Languages) -> list[SitemapEntry]:
    """Every page for readers in every language, each listing all its alternates and an
    x-default."""
    entries = []
    for path in sorted(p for p in set(paths) if for_readers(p)):
        alternates = absolute_alternates(base_url, path, languages)
        entries += [SitemapEntry(alternates[lang], alternates) for lang in languages.codes]
    return entries


def robots_txt(base_url: str) -> str:
    """Every crawler may read everything; the sitemap lists every page in every language."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {base_url.rstrip('/')}/sitemap.xml\n"
