"""An edition in one language as an e-mail: the edition page's views, shortened to teasers that
link to the website, laid out in a 600 px table column with every style inlined."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import css_inline
import lxml.html
from markupsafe import Markup

from jrs_site.model.bundles import Bundle, Edition, Site, photo_file, photos_in
from jrs_site.model.problems import naming
from jrs_site.outputs.mail.clients import for_clients
from jrs_site.outputs.mail.text import plain_text
from jrs_site.outputs.names import email_name
from jrs_site.outputs.web.feeds import absolute
from jrs_site.render import l10n
from jrs_site.render.kinds import in_edition
from jrs_site.render.partials import document_templates, partial
from jrs_site.render.sanitise import sanitise
from jrs_site.render.views import (
    Byline,
    OrganisationView,
    RenderContext,
    edition_card,
    organisation_view,
)

TEMPLATES = resources.files(__package__) / "templates"
WIDTH = 600  # the column, in CSS pixels
GUTTER = 24  # the padding on each side of the text
#: Paragraphs of each article's text shown before "read on the website".
TEASER_PARAGRAPHS = 2
#: Where each mailing tool puts the reader's own unsubscribe address (its merge tag).
UNSUBSCRIBE: dict[str, str] = {
    "brevo": "{{ unsubscribe }}",
    "mailchimp": "*|UNSUB|*",
    "listmonk": "{{ UnsubscribeURL }}",
}
Tool = Literal["brevo", "mailchimp", "listmonk"]


@dataclass
class Email:
    """An e-mail edition: the HTML body and its plain-text alternative."""

    html: str
    text: str


@dataclass
class Teaser:
    """One article in the e-mail: its opening, and the address of the whole text."""

    kicker: str
    title: str
    lead: str
    url: str  # absolute
    lang: str
    image_html: Markup
    excerpt_html: Markup
    byline: Byline | None


@dataclass(kw_only=True)
class EmailContext(RenderContext):
    """A `RenderContext` whose photos are one JPEG each, at twice the width shown, by their
    absolute URL."""

    media_url: str  # absolute URL of the site's media folder
    width: int = WIDTH - 2 * GUTTER

    def picture(
        self, bundle: Bundle, name: str, alt: str, caption: str = "", sizes: str = ""
    ) -> Markup:
        image = self.media.get(bundle.folder / name)
        if image is None:
            return Markup()
        return partial(
            "email-photo.html",
            src=absolute(self.media_url, image.fallback().name),
            width=self.width,
            height=round(self.width * image.height / image.width),
            alt=alt,
            **self.caption(caption, name, bundle),
        )


#: A footnote mark in the text: the notes themselves are not in the e-mail.
_NOTE_MARK = ".//sup[a[contains(concat(' ', @class, ' '), ' footnote-ref ')]]"


def excerpt(body_html: str, base_url: str, paragraphs: int = TEASER_PARAGRAPHS) -> Markup:
    """The opening of an article's body: its first `paragraphs`, its first pull quote and its
    first key figures, in the text's order, with links made absolute from `base_url` and
    without footnote marks (the e-mail has no notes for them to lead to), sanitised, then
    in the markup every client shows (`clients.py`)."""
    blocks = [b for b in lxml.html.fragments_fromstring(body_html) if not isinstance(b, str)]
    kept, counts = [], {"p": 0, "pullquote": 0, "key-figures": 0}
    limits = {"p": paragraphs, "pullquote": 1, "key-figures": 1}
    for block in blocks:
        kind = "p" if block.tag == "p" else block.get("class", "").split(" ")[0]
        if kind in counts and counts[kind] < limits[kind]:
            counts[kind] += 1
            for mark in block.xpath(_NOTE_MARK):
                mark.drop_tree()
            block.make_links_absolute(base_url, resolve_base_href=False)
            kept.append(lxml.html.tostring(block, encoding="unicode"))
    safe = lxml.html.fragments_fromstring(sanitise("".join(kept))) if kept else []
    shown = [
        lxml.html.tostring(for_clients(b), encoding="unicode")
        for b in safe
        if not isinstance(b, str)
    ]
    return Markup("".join(shown))  # noqa: S704 - sanitised, then made of our own elements


def first_photo(item: Bundle, page: EmailContext) -> Markup:
    """An article's first photo with its caption, which its teaser shows above the text."""
    match = next(photos_in(item.text(page.lang).body), None)
    if match is None:
        return Markup()
    return page.picture(item, photo_file(match), match.group("alt"), match.group("title") or "")


def teaser(item: Bundle, page: EmailContext, edition: Edition, base_url: str) -> Teaser:
    role = in_edition(item)
    view = role.article(item, page, edition)
    url = view.url or f"{edition.url(page.lang)}#{view.anchor}"
    link = absolute(base_url, url)
    return Teaser(
        view.kicker,
        view.title,
        view.lead,
        link,
        view.lang,
        view.image_html or first_photo(item, page),
        excerpt(str(role.teaser(item, view, page)) or "<p></p>", link),
        view.byline,
    )


@dataclass
class EmailView:
    """What the e-mail template receives."""

    lang: str
    title: str
    number: str
    season: str
    theme: str
    date: str
    url: str  # the edition on the website
    cover_html: Markup
    teasers: list[Teaser]
    org: OrganisationView
    support_url: str
    privacy_url: str
    unsubscribe: str


def edition_email(
    site: Site,
    edition: Edition,
    lang: str,
    base_url: str,
    media: dict[Path, Any],
    media_url: str,
    unsubscribe: Tool | None = "brevo",
) -> Email:
    """The e-mail of `edition` in `lang`. `media` maps source photos to their web images, which
    the website publishes under `media_url`; links go to the site at `base_url`. A testimony
    appears only with consent for `email`. The footer's unsubscribe link is the merge tag of
    the mailing tool `unsubscribe`; None makes the website's copy, where it writes to the
    organisation (a merge tag is no address a reader can follow)."""
    cover_page = EmailContext(site, lang, media, "", media_url=media_url, width=WIDTH)
    page = EmailContext(site, lang, media, "", media_url=media_url)
    card = edition_card(edition, cover_page)
    items = edition.articles_in("email")
    org = organisation_view(site, lang)
    view = EmailView(
        lang=lang,
        title=f"{org.newsletter} {edition.meta.number} – {card.theme}",
        number=card.number,
        season=card.season,
        theme=card.theme,
        date=card.date.text,
        url=absolute(base_url, card.url),
        cover_html=card.cover_html,
        teasers=[teaser(item, page, edition, base_url) for item in items],
        org=org,
        support_url=absolute(base_url, org.support_path),
        privacy_url=absolute(base_url, org.privacy_path),
        unsubscribe=UNSUBSCRIBE[unsubscribe] if unsubscribe else f"mailto:{org.email}",
    )
    html = (
        document_templates(str(TEMPLATES))
        .get_template("edition.html")
        .render(e=view, t=functools.partial(l10n.t, lang), gutter=GUTTER, width=WIDTH)
    )
    html = inline(l10n.typeset(html, lang, site.languages))
    return Email(html, plain_text(html))


@cache
def _inliner() -> css_inline.CSSInliner:
    return css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False)


def inline(html: str) -> str:
    """Every rule of the `<style>` block (`email.css`) onto the elements it styles; only its
    @media rules (narrow screens, dark mode) stay in the block."""
    return _inliner().inline(html)


def write_emails(
    site: Site,
    editions: list[Edition],
    languages: Sequence[str],
    base_url: str,
    media: dict[Path, Any],
    media_url: str,
    write: Callable[[str, str], object],
    unsubscribe: Tool | None = "brevo",
) -> list[str]:
    """Write the `.html` and `.txt` of each edition in each language with `write(name, text)`;
    return the names of the HTML files written."""
    written = []
    for edition in editions:
        for lang in languages:
            with naming(f"the e-mail of editions/{edition.key} ({lang})"):
                email = edition_email(site, edition, lang, base_url, media, media_url, unsubscribe)
            name = email_name(site, edition, lang)
            write(name, email.html)
            write(email_name(site, edition, lang, "txt"), email.text)
            written.append(name)
    return written
