"""The website's files beside its pages: feeds, robots.txt, fonts, media, cards, PDFs, e-mails.

Each is written through the build's `Publisher` (one path, one writer).
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from jrs_site.fonts import font_files
from jrs_site.model.bundles import Site, localized_url
from jrs_site.outputs.mail import write_emails
from jrs_site.outputs.names import email_name, pdf_name, report_pdf_path
from jrs_site.outputs.web.cards import CardSpec, CardView, card_file, card_view
from jrs_site.outputs.web.feeds import FEED_FILE, Feed
from jrs_site.outputs.web.head import robots_txt
from jrs_site.outputs.web.prepare import Prepared
from jrs_site.outputs.web.publish import (
    EMAIL_DIR,
    FONTS_DIR,
    MEDIA_DIR,
    PDF_DIR,
    SOCIAL_DIR,
    Publisher,
)


def pdf_path(site: Site, edition: str, lang: str) -> str:
    """Where the site keeps an edition's screen PDF: `pdf/ankerpunt-nieuws-118-nl.pdf`."""
    return f"{PDF_DIR}/{pdf_name(site, site.editions[edition], lang)}"


def email_path(site: Site, edition: str, lang: str) -> str:
    """Where the site keeps an edition's e-mail: `email/ankerpunt-nieuws-118-nl.html`."""
    return f"{EMAIL_DIR}/{email_name(site, site.editions[edition], lang)}"


def publish_feed(publisher: Publisher, prepared: Prepared, lang: str, base_url: str) -> None:
    """The Atom feed of one language."""
    media_url = posixpath.join(base_url, MEDIA_DIR)
    feed = Feed(prepared.site, lang, base_url, prepared.media, media_url)
    path = localized_url(FEED_FILE, lang, prepared.site.languages)
    publisher.text(path, feed.xml(), f"the feed ({lang})")


def publish_shared(
    publisher: Publisher, prepared: Prepared, languages: list[str], site_url: str | None
) -> None:
    """What every language shares, once, at the root: robots.txt, the self-hosted fonts
    (their @font-face rules are inline in each page), the photos' web variants that pages
    offer (never a source photo), the screen PDFs, the reports' full PDFs (their
    metadata stripped), and with a `site_url` (every address in
    an e-mail is absolute) the e-mails."""
    site, base_url = prepared.site, site_url or "/"
    publisher.text("robots.txt", robots_txt(base_url), "robots.txt")
    for font in font_files():
        publisher.file(font, f"{FONTS_DIR}/{font.name}", link=False)
    for image in prepared.media.values():
        shown = {*image.picture_formats(), image.fallback().format}  # not an AVIF no page offers
        for variant in image.variants:
            if variant.format in shown:
                publisher.file(variant.path, f"{MEDIA_DIR}/{variant.name}")
    for (key, lang), path in prepared.pdfs.items():
        publisher.file(path, pdf_path(site, key, lang))
    for (key, lang), path in prepared.reports.items():
        publisher.file(path, report_pdf_path(site.reports[key], lang))
    if site_url:
        media_url = posixpath.join(base_url, MEDIA_DIR)

        def write(name: str, text: str) -> None:
            publisher.text(f"{EMAIL_DIR}/{name}", text, f"the e-mail {name}")

        # The website's copies, to read in a browser: their unsubscribe link writes to the
        # organisation (`jrs-site email` makes the mailing tool's, with its merge tag).
        editions = site.published_editions()
        media = prepared.media
        write_emails(site, editions, languages, base_url, media, media_url, write, None)


def publish_card(
    publisher: Publisher, card: CardSpec, cache_dir: Path, prepared: Prepared, base_url: str
) -> CardView:
    """A page's social card, drawn once into `cache_dir` and put into the site."""
    cached = card_file(card, cache_dir, prepared.media)
    publisher.file(cached, f"{SOCIAL_DIR}/{cached.name}")
    return card_view(card, posixpath.join(base_url, SOCIAL_DIR, cached.name))
