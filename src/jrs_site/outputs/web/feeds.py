"""Site and language in, Atom feed out: the newest testimonies and editions of one language.

Only published items written in that language appear: an item not translated yet would show
the other language's text. Every link and image is absolute, from the site's base URL, since a
feed is read away from the site.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

from markupsafe import Markup

from jrs_site.model.bundles import Bundle, Edition, Site, Story, localized_url
from jrs_site.render import l10n
from jrs_site.render.kinds import item_title
from jrs_site.render.markdown import render
from jrs_site.render.partials import partial
from jrs_site.render.views import tellers_html

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FEED_FILE = "feed.xml"
FEED_TYPE = "application/atom+xml"
LIMIT = 50  # entries per feed: readers keep what they have already fetched
EPOCH = dt.date(2000, 1, 1)  # `updated` of a feed with no entry


@dataclass
class FeedLink:
    """What a page's `<head>` says about its language's feed."""

    path: str  # site-relative, e.g. "fr/feed.xml"
    title: str


@dataclass
class FeedEntry:
    url: str
    title: str
    date: dt.date
    summary: str
    tellers: Markup  # who tells it, with their pseudonym notes (testimonies)
    lead: str  # shown as the content's first paragraph (testimonies)
    body_html: Markup  # the rendered introduction (editions)
    image: tuple[str, str] | None  # absolute URL, alt text


def feed_link(site: Site, lang: str) -> FeedLink:
    return FeedLink(
        localized_url(FEED_FILE, lang, site.languages),
        l10n.t(lang, "feed_title", name=site.organisation.name),
    )


def absolute(base_url: str, path: str) -> str:
    return base_url.rstrip("/") + "/" + path.lstrip("/")


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = text
    return element


@dataclass
class Feed:
    """The feed of one language; `media` maps source photos to their web images, published
    under `media_url`."""

    site: Site
    lang: str
    base_url: str
    media: dict[Path, Any]
    media_url: str

    def image(self, item: Bundle, name: str | None, alt: str | None) -> tuple[str, str] | None:
        """The item's photo as (absolute URL of its JPEG fallback, alt text), if it has one."""
        image = self.media.get(item.folder / name) if name else None
        if image is None:
            return None
        return absolute(self.media_url, image.fallback().name), alt or ""

    def story(self, story: Story) -> FeedEntry:
        fields = story.text(self.lang).fields
        return FeedEntry(
            absolute(self.base_url, story.url(self.lang)),
            fields.title,
            story.meta.date,
            fields.lead,
            tellers_html(story.meta, self.lang),
            fields.lead,
            Markup(),
            self.image(story, story.meta.portrait, fields.portrait_alt),
        )

    def edition(self, edition: Edition) -> FeedEntry:
        text = edition.text(self.lang)
        titles = [a.text(self.lang).fields.title for a in edition.articles]
        body = text.body
        return FeedEntry(
            absolute(self.base_url, edition.url(self.lang)),
            item_title(edition, self.lang),
            edition.meta.date,
            " · ".join([text.fields.season, *titles]),
            Markup(),
            "",
            render(body, self.lang, lambda *_: "") if body.strip() else Markup(),
            self.image(edition, edition.meta.cover, text.fields.cover_alt),
        )

    def entries(self) -> list[FeedEntry]:
        """Newest first: published items written in this language only."""
        found = [
            self.story(s) for s in self.site.published_stories("web") if s.is_translated(self.lang)
        ]
        found += [
            self.edition(e) for e in self.site.published_editions() if e.is_translated(self.lang)
        ]
        return sorted(found, key=lambda e: (e.date, e.url), reverse=True)[:LIMIT]

    def text(self, value: str) -> str:
        """Plain text of the feed in the language's typography, as on the pages."""
        return l10n.text_typography(value, self.lang, self.site.languages)

    def xml(self) -> str:
        link = feed_link(self.site, self.lang)
        items = self.entries()
        home = absolute(self.base_url, localized_url("", self.lang, self.site.languages))
        feed = ET.Element("feed", {"xmlns": ATOM, XML_LANG: self.lang})
        _add(feed, "id", absolute(self.base_url, link.path))
        _add(feed, "title", self.text(link.title))
        _add(feed, "subtitle", self.text(self.site.organisation.tagline.get(self.lang)))
        _add(feed, "updated", _timestamp(max((e.date for e in items), default=EPOCH)))
        _add(_add(feed, "author"), "name", self.site.organisation.name)
        _add(feed, "link", rel="self", type=FEED_TYPE, href=absolute(self.base_url, link.path))
        _add(feed, "link", rel="alternate", type="text/html", href=home)
        for item in items:
            entry = _add(feed, "entry")
            _add(entry, "id", item.url)
            _add(entry, "title", self.text(item.title))
            _add(entry, "published", _timestamp(item.date))
            _add(entry, "updated", _timestamp(item.date))
            _add(entry, "link", rel="alternate", type="text/html", href=item.url)
            _add(entry, "summary", self.text(item.summary))
            if item.image:
                _add(entry, "link", rel="enclosure", type="image/jpeg", href=item.image[0])
            content = partial(
                "feed-entry.html",
                image=item.image,
                tellers=item.tellers,
                lead=item.lead,
                body_html=item.body_html,
            )
            # Plain str: ElementTree escapes with str.replace, which Markup would escape again.
            html = l10n.typeset(str(content), self.lang, self.site.languages)
            _add(entry, "content", html, type="html")
        xml = ET.tostring(feed, encoding="unicode")
        return f'<?xml version="1.0" encoding="utf-8"?>\n{xml}\n'
