"""What each page's templates are given: the `jrs_*` entries of its context (its view, head,
feed, footer and social card; the 404 page's texts) and the `RenderContext` its view is made
with (an edition's links to its PDF and e-mail included)."""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any, cast

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from jrs_site.images import ImageError
from jrs_site.mkdocs_plugin import i18n
from jrs_site.mkdocs_plugin.not_found import not_found_texts
from jrs_site.mkdocs_plugin.pages import IndexPage, ItemPage, language_free
from jrs_site.model.bundles import Edition, Report, Site, localized_url
from jrs_site.model.problems import naming
from jrs_site.outputs.names import report_pdf_path
from jrs_site.outputs.web.cards import card_spec, generic_card
from jrs_site.outputs.web.feeds import feed_link
from jrs_site.outputs.web.files import email_path, pdf_path, publish_card
from jrs_site.outputs.web.head import head_view
from jrs_site.outputs.web.prepare import Prepared
from jrs_site.outputs.web.publish import MEDIA_DIR, Publisher
from jrs_site.render.kinds import INDEXES, item_description, item_pages
from jrs_site.render.l10n import set_catalogue
from jrs_site.render.markdown import RenderCache
from jrs_site.render.views import RenderContext, fallback_note, organisation_view, pdf_download


def item_view(
    page: ItemPage, config: MkDocsConfig, prepared: Prepared, bodies: RenderCache | None
) -> Any:
    """The view of an item's page; if it cannot be made, an error naming the item."""
    folder = page.item.folder.relative_to(prepared.site.root)
    lang = i18n.current_language(config)
    with naming(f"the {page.item.kind} page of {folder} ({lang})", PluginError):
        return item_pages(page.item).view(
            page.item, _render_context(page, config, prepared, bodies)
        )


def add_page_context(
    context: dict[str, Any],
    page: Page,
    config: MkDocsConfig,
    prepared: Prepared,
    bodies: RenderCache | None,
    publisher: Publisher,
    cards: Path,
) -> None:
    """Give `page`'s templates its view, head, feed, footer and social card (published, its
    images cached in `cards`)."""
    site, lang = prepared.site, i18n.current_language(config)
    context["jrs_t"] = set_catalogue(lang)
    item = page.item if isinstance(page, ItemPage) else None
    path = language_free(page.url, lang, site.languages)
    if isinstance(page, ItemPage | IndexPage):
        # i18n keeps the language switcher as an attribute of `extra`, per page, and
        # knows no generated page: its alternates are the same path in each language.
        for alternate in getattr(config.extra, "alternate", None) or []:
            alternate["link"] = localized_url(path, alternate["lang"], site.languages)
    if isinstance(page, ItemPage):
        context["jrs"] = page.view
        description = item_description(page.item, lang)
    else:
        index = page.index if isinstance(page, IndexPage) else None
        index = index or INDEXES.get(page.meta.get("template", ""))
        if index is not None:
            context["jrs"] = index.render(site, _render_context(page, config, prepared, bodies))
        description = page.meta.get("description") or config.site_description or ""
        # i18n falls back to the default language's file when a page is not translated.
        source_lang = getattr(page.file, "locale", lang)
        if source_lang != lang:
            context["jrs_fallback"] = fallback_note(source_lang, lang)
    title = Markup(page.title).striptags() if not page.is_homepage else config.site_name  # noqa: S704 - HTML already
    base = config.site_url or "/"
    context["jrs_head"] = head_view(
        base, path, lang, title, description, site.languages, site.organisation.country
    )
    context["jrs_feed"] = feed_link(site, lang)
    context["jrs_org"] = organisation_view(site, lang, context["jrs_feed"].path)
    card = generic_card(site, lang) if path == "" else card_spec(site, lang, title, item)
    try:
        context["jrs_card"] = publish_card(publisher, card, cards, prepared, config.site_url or "/")
    except ImageError as error:
        raise PluginError(str(error)) from None


def add_not_found_context(context: dict[str, Any], config: MkDocsConfig, site: Site) -> None:
    """Give the 404 page's template its texts and footer."""
    lang = i18n.current_language(config)
    context["jrs_t"] = set_catalogue(lang)
    context["jrs_org"] = organisation_view(site, lang, feed_link(site, lang).path)
    context["jrs_not_found"] = not_found_texts(config, lang)


def _render_context(
    page: Page, config: MkDocsConfig, prepared: Prepared, bodies: RenderCache | None
) -> RenderContext:
    """What the views need to know of the page being rendered."""
    site, lang = prepared.site, i18n.current_language(config)
    context = RenderContext(
        site,
        lang,
        prepared.media,
        posixpath.relpath(MEDIA_DIR, page.url or "."),
        page.number if isinstance(page, IndexPage) else 1,
        bodies,
    )
    if isinstance(page, ItemPage) and isinstance(page.item, Edition):
        context.pdf, context.email_url = _edition_links(page.item, lang, page, config, prepared)
    if isinstance(page, ItemPage) and isinstance(page.item, Report):
        linked = page.item.pdf_for(lang)
        if linked is not None and (page.item.key, linked) in prepared.reports:
            path = report_pdf_path(page.item, linked)
            context.report_pdfs = {page.item.key: posixpath.relpath(path, page.url or ".")}
    return context


def _edition_links(
    edition: Edition, lang: str, page: Page, config: MkDocsConfig, prepared: Prepared
) -> tuple[Any, str]:
    """An edition page's link to its screen PDF (with the file's size) and, with a
    `site_url` (every address in an e-mail starts with it), to its e-mail edition."""
    site, here = prepared.site, page.url or "."
    pdf, path = None, prepared.pdfs.get((edition.key, lang))
    url = posixpath.relpath(pdf_path(site, edition.key, lang), here)
    if path is not None:
        pdf = pdf_download(url, path.stat().st_size, lang)
    elif (edition.key, lang) in prepared.later:  # under `serve`: it is being made
        pdf = pdf_download(url, None, lang)
    email = ""
    if config.site_url:
        email = posixpath.relpath(email_path(site, edition.key, lang), here)
    return pdf, email


def jrs_entries(context: TemplateContext) -> dict[str, Any]:
    """A page's template context, to add our `jrs_*` entries (MkDocs' type lists its own)."""
    return cast("dict[str, Any]", context)
