"""The `jrs` MkDocs plugin: hooks only coordinate; the content core does the work.

mkdocs-static-i18n runs one complete MkDocs build per language, so every hook here runs once
per language: we read its `current_language` and emit only that language's pages.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import posixpath
import shutil
import signal
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

import yaml
from markupsafe import Markup, escape
from mkdocs.commands.build import build, get_context
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ..content import ContentError, Problem, Site, load_site
from ..content.bundles import Bundle, Edition, localized_url
from ..content.cards import CardSpec, card_spec, generic_card
from ..content.feeds import FEED_FILE, Feed, feed_link
from ..content.l10n import catalogue, typography
from ..content.listings import ListingPage, listing_pages, numbered_title
from ..content.markdown import RenderCache
from ..content.models import DEFAULT_LANGUAGE, LANGUAGES
from ..content.problems import by_file
from ..content.reference import reference_markdown
from ..content.sanitise import sanitise
from ..content.sources import read_markdown
from ..content.views import (
    INDEX_VIEWS,
    ITEM_VIEWS,
    Download,
    fallback_note,
    footer_view,
    head_view,
    index_page_path,
    item_description,
    item_title,
    not_found_views,
    organisation_view,
    paginated_indexes,
    pdf_download,
    pdf_name,
    photos_needed,
    published_items,
    robots_txt,
    sitemap,
)
from ..content.views import Page as ViewPage
from ..fonts import card_font, font_face_css, font_files
from ..images import ImageError, ImageSettings, build_all, social_card
from ..images.social import CARD_SIZE
from ..mail import EMAIL_DIR, email_name, write_emails
from ..progress import Step, bars_off
from ..search import SearchIndexError, index_site

log = get_plugin_logger(__name__)
MEDIA_DIR = "media"
FONTS_DIR = "assets/fonts"
SOCIAL_DIR = "social"  # the social cards, named by a hash of what they show
SOCIAL_CARD_VERSION = 1  # bump when the card's design changes, to redraw every card
PDF_DIR = "pdf"  # the editions' screen PDFs
FONT_CSS = "fonts.css"  # in FONTS_DIR, beside the files it names


@dataclass(frozen=True)
class CardView:
    """The social card of a page, for its Open Graph tags."""

    url: str
    alt: str
    width: int
    height: int


class JrsPluginConfig(Config):
    """Options of the `jrs` plugin in mkdocs.yml."""

    # Where the content lives, relative to mkdocs.yml: stories/, editions/, reports/, data/
    content_dir = c.Type(str, default=".")
    # Image variants are cached here, relative to mkdocs.yml (outside the sources)
    cache_dir = c.Type(str, default=".cache")
    # Widths of the responsive image ladder, in pixels
    image_widths = c.ListOfItems(c.Type(int), default=[480, 800, 1200, 1600, 2400])
    # Show the draft stories that have no error, with a banner: a preview under `serve` only
    # (`jrs-site serve --drafts`); a build with it set stops, so no draft is ever published.
    drafts = c.Type(bool, default=False)


class JrsPlugin(BasePlugin[JrsPluginConfig]):
    """Generates testimony, edition and report pages and feeds index pages their data."""

    def __init__(self) -> None:
        self.site: Site | None = None
        self.media: dict[Path, Any] = {}
        self.pdfs: dict[tuple[str, str], Path] = {}  # (edition, language) -> cached screen PDF
        self.items: dict[str, Bundle] = {}  # src_uri of a generated page -> its item
        self.index_pages: dict[str, int] = {}  # src_uri of a generated index page -> its number
        self.listings: dict[str, ListingPage] = {}  # src_uri of a listing's page -> the page
        self.bodies: RenderCache | None = None  # this language's rendered bodies
        self.views: dict[str, Any] = {}  # page url -> its ready view
        self.paths: list[str] = []  # every page's path, the same in all languages
        self.languages_built = 0  # how many languages of this build have been written
        self.aside: dict[str, int] = {}  # language built in a forked process -> its pid
        self.serving = False  # under `serve`, content errors are shown in the pages, not raised
        self.problems: list[tuple[str, list[tuple[str, str]]]] = []  # file -> (problem, hint)
        self.pages_step: Step | None = None  # progress of this language's pages

    # -- hooks ------------------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Having this hook makes MkDocs keep this instance across the rebuilds of one `serve`;
        # on_config then reloads the content at the start of each build.
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # i18n re-runs on_config for each language on this same instance, from inside its own
        # build of the first language (its `building` flag): load once per build.
        if self.config.drafts and not self.serving:
            raise PluginError(
                "'drafts: true' (plugin jrs in mkdocs.yml) shows drafts in the preview only; "
                "remove it to build the site, and preview drafts with 'jrs-site serve --drafts'"
            )
        if not getattr(config.plugins.get("i18n"), "building", False):
            self.site = self._load(Path(config.config_file_path).parent)
        return config

    # Below i18n's -100: its file tree exists, and our paths follow its rule (NL at the
    # root, FR under fr/); above -100 generated files crash its reconfiguration.
    @event_priority(-150)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        lang = self._language(config)
        self.items, self.index_pages, self.listings = {}, {}, {}
        if self.site is not None:
            for item in published_items(self.site):
                front = {"title": item_title(item, lang), "template": ITEM_VIEWS[type(item)][0]}
                self.items[_generate(files, config, item.url(lang), front)] = item
            self._generate_index_pages(files, config, self.site, lang)
            cache = Path(config.config_file_path).parent / self.config.cache_dir
            self.bodies = RenderCache(lang, cache / "markdown" / f"{lang}.json")
        self._refuse_two_pages_at_one_address(files)
        self.paths = [self._path(f.url, lang) for f in files.documentation_pages()]
        if self.site is not None and not self.serving:
            self._build_other_languages_aside(config)
        self.pages_step = Step(f"pages ({lang})", len(self.paths), sys.stderr)
        return files

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        # The staff guide's field reference is made from the schemas, so it cannot drift.
        if page.meta.get("reference"):
            return f"{markdown}\n\n{reference_markdown(self._language(config))}"
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Every page is rendered before any template: Material's templates (no autoescape)
        # then show its title as escaped HTML, and its body went through the sanitiser.
        _escape_title(page)
        html = str(sanitise(html))  # plain str for other plugins: Markup's methods escape
        if self.site is None:  # content errors under `serve`: index pages show only their text
            page.meta.pop("template", None)
            return html
        lang = self._language(config)
        number = self.index_pages.get(page.file.src_uri, 1)
        view_page = ViewPage(
            self._site(), lang, self.media, self._media_prefix(page), number, self.bodies
        )
        item = self.items.get(page.file.src_uri)
        if item is not None:
            view = ITEM_VIEWS[type(item)][1](item, view_page)
            if isinstance(item, Edition):
                view.pdf = self._pdf_download(item, lang, page)
                view.email_url = self._email_url(item, lang, page, config)
            self.views[page.url] = view
            return str(getattr(view, "body_html", html))
        listing = self.listings.get(page.file.src_uri)
        builder = listing.view if listing else INDEX_VIEWS.get(page.meta.get("template", ""))
        if builder is not None:
            self.views[page.url] = builder(self._site(), view_page)
        return html

    # After i18n's (50), which resets the language switcher for its own pages.
    @event_priority(0)
    def on_page_context(
        self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        context["jrs_problems"] = self.problems
        if self.site is None:
            return context
        lang = self._language(config)
        context["jrs"] = self.views.pop(page.url, None)
        context["jrs_t"] = catalogue(lang)
        context["jrs_org"] = organisation_view(self._site(), lang)
        item = self.items.get(page.file.src_uri)
        path = self._path(page.url, lang)
        if item is not None or page.file.src_uri in self.index_pages:
            # i18n keeps the language switcher as an attribute of `extra`, per page, and
            # knows no generated page: its alternates are the same path in each language.
            for alternate in getattr(config.extra, "alternate", None) or []:
                alternate["link"] = localized_url(path, alternate["lang"])
        if item is not None:
            description = item_description(item, lang)
        else:
            description = page.meta.get("description") or config.site_description or ""
            # i18n falls back to the default language's file when a page is not translated.
            source_lang = getattr(page.file, "locale", lang)
            if source_lang != lang:
                context["jrs_fallback"] = fallback_note(source_lang, lang)
        title = Markup(page.title).striptags() if not page.is_homepage else config.site_name
        context["jrs_head"] = head_view(config.site_url or "/", path, lang, title, description)
        context["jrs_feed"] = feed_link(self._site(), lang)
        context["jrs_footer"] = footer_view(self._site(), lang, context["jrs_feed"].path)
        site = self._site()
        card = generic_card(site, lang) if path == "" else card_spec(site, lang, title, item)
        context["jrs_card"] = self._social_card(card, config)
        return context

    def on_template_context(
        self, context: dict[str, Any], template_name: str, config: MkDocsConfig
    ) -> dict[str, Any]:
        context["jrs_problems"] = self.problems  # on the 404 page too
        if template_name == "404.html" and self.site is not None:
            lang = self._language(config)
            context["jrs_t"] = catalogue(lang)
            context["jrs_footer"] = footer_view(self.site, lang, feed_link(self.site, lang).path)
            # The root's 404 answers for every language; each other language has its own.
            shown = [lang, *(other for other in LANGUAGES if other != lang)]
            if lang != DEFAULT_LANGUAGE:
                shown = [lang]
            base_path = urlsplit(config.site_url or "/").path
            context["jrs_not_found"] = not_found_views(base_path, shown)
        if template_name == "sitemap.xml":
            context["jrs_sitemap"] = sitemap(config.site_url or "/", self.paths)
        return context

    # Before i18n's (-100), which builds the next language from inside this hook: the current
    # language is still right here, and when the last language's build gets here every page of
    # every language has been written, so the search index covers them all.
    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.site is None:
            return  # content errors under `serve`: the pages show them, nothing else to write
        if self.pages_step is not None:
            self.pages_step.summary = f"{self.pages_step.done} written, social cards included"
            self.pages_step.finish()
            self.pages_step = None
        self._join_languages_aside()
        if self.bodies is not None:
            self.bodies.save()
        self._write_language_files(config)
        if self._language(config) != DEFAULT_LANGUAGE:
            self._write_not_found_page(config)
        self.languages_built += 1
        if self.languages_built == self._build_language_count(config):
            self.languages_built = 0
            try:
                index_site(Path(config.site_dir))
            except SearchIndexError as error:
                raise PluginError(str(error)) from None

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav, self.files = nav, files  # for this language's own 404 page
        return nav

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if self.pages_step is not None:
            self.pages_step.advance()
        # The same typography as the PDF, head included: the <title> reads like the page.
        return typography(output, self._language(config))

    def on_post_template(
        self, output_content: str, template_name: str, config: MkDocsConfig
    ) -> str:
        # The error pages, which are no Page: the same typography as every page.
        if template_name == "404.html":
            return typography(output_content, self._language(config))
        return output_content

    def on_build_error(self, error: Exception) -> None:
        self.languages_built = 0  # the next build (e.g. under `serve`) counts from zero
        if self.pages_step is not None:
            self.pages_step.stop()
            self.pages_step = None
        for pid in self.aside.values():
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
        self.aside = {}

    # -- helpers ----------------------------------------------------------------------------

    def _load(self, base: Path) -> Site | None:
        """The checked content, with its photos encoded. On errors: raise, or under `serve`
        log them, keep them for the banner of every page, and return no content."""
        root = (base / self.config.content_dir).resolve()
        photo_cache = (base / self.config.cache_dir / "images").resolve()
        site, problems = load_site(root, photo_cache, drafts=self.config.drafts)
        if site.previewed:
            log.info(f"previewing {len(site.previewed)} draft(s), each with a banner")
        errors = [p for p in problems if p.severity == "error"]
        if not errors:  # as `jrs-site check`: print-only problems do not block the website
            from ..pdf.layout import website_print_problems  # noqa: PLC0415 - WeasyPrint

            problems += website_print_problems(site)
        for problem in problems:
            if problem.severity == "warning":
                log.info(problem.format(root))  # strict mode must not fail on these
        self.media, self.problems = {}, []
        if not errors:
            settings = ImageSettings(cache_dir=photo_cache, widths=tuple(self.config.image_widths))
            self.media, image_errors = build_all(sorted(photos_needed(site)), settings)
            errors = [Problem(e.path, e.message) for e in image_errors]
        if not errors:
            errors = self._make_pdfs(site, base / self.config.cache_dir / "pdf")
        if not errors:
            return site
        report = ContentError(errors, root).report()
        if not self.serving:
            raise PluginError(report)
        log.info(report)  # an error would stop `serve` in strict mode; the pages show them
        self.problems = [
            (str(file.relative_to(root)), [(p.describe(), p.hint) for p in items])
            for file, items in by_file(errors).items()
        ]
        return None

    def _make_pdfs(self, site: Site, cache_dir: Path) -> list[Problem]:
        """The screen PDF of every edition in every language (cached: unchanged editions are
        not rendered again); the problem when one cannot be made."""
        from ..pdf import PdfError, build_screen_pdfs  # noqa: PLC0415 - WeasyPrint loads slowly

        try:
            self.pdfs = build_screen_pdfs(site, cache_dir.resolve())
        except PdfError as error:
            self.pdfs = {}
            return [Problem(site.root / "editions", str(error))]
        return []

    def _pdf_download(self, edition: Edition, lang: str, page: Page) -> Download | None:
        """The edition page's link to its screen PDF, with the file's size."""
        path = self.pdfs.get((edition.key, lang))
        if path is None:
            return None
        url = posixpath.relpath(
            f"{PDF_DIR}/{pdf_name(self._site(), edition, lang)}", page.url or "."
        )
        return pdf_download(url, path.stat().st_size, lang)

    def _email_url(self, edition: Edition, lang: str, page: Page, config: MkDocsConfig) -> str:
        """The edition page's link to its e-mail edition: none without a `site_url`, which
        every address in an e-mail starts with."""
        if not config.site_url:
            return ""
        name = email_name(self._site(), edition, lang)
        return posixpath.relpath(f"{EMAIL_DIR}/{name}", page.url or ".")

    def _site(self) -> Site:
        assert self.site is not None, "on_config loads the site first"
        return self.site

    @staticmethod
    def _language(config: MkDocsConfig) -> str:
        i18n = config.plugins.get("i18n")
        return getattr(i18n, "current_language", None) or DEFAULT_LANGUAGE

    @staticmethod
    def _build_language_count(config: MkDocsConfig) -> int:
        """How many languages i18n builds in this run (each one a complete MkDocs build)."""
        i18n = config.plugins.get("i18n")
        return len(getattr(i18n, "build_languages", None) or [DEFAULT_LANGUAGE])

    @staticmethod
    def _path(url: str, lang: str) -> str:
        """A page URL without its language prefix: the same in every language ("" for home;
        MkDocs writes the home page's file URL as "./")."""
        prefix = localized_url("", lang)
        path = url.removeprefix(prefix) if prefix else url
        return "" if path == "./" else path

    def _build_other_languages_aside(self, config: MkDocsConfig) -> None:
        """Build every other language in a forked process while this one builds the first:
        each language is a complete MkDocs build (i18n builds them one after the other), they
        write different files, and a fork inherits the loaded content instead of reloading it.
        On two cores this takes a third off the build. i18n is then told not to build them
        again here; this config object is used for this one build only (`serve` never forks).
        """
        i18n = config.plugins.get("i18n")
        if i18n is None or i18n.building or not hasattr(os, "fork"):
            return
        others = [lang for lang in i18n.config.languages if lang.build]
        others = [lang for lang in others if lang.locale != i18n.current_language]
        for lang in others:
            pid = os.fork()
            if pid == 0:
                _build_aside(config, i18n, lang.locale)
            self.aside[lang.locale] = pid
        for lang in others:  # after every fork: each child must see every language
            lang.build = False

    def _join_languages_aside(self) -> None:
        """Wait for the languages built aside; fail the build if one of them failed."""
        failed = [lang for lang, pid in self.aside.items() if os.waitpid(pid, 0)[1] != 0]
        self.aside = {}
        if failed:
            raise PluginError(
                f"the pages in {', '.join(failed)} could not be built: see the messages above"
            )

    def _generate_index_pages(
        self, files: Files, config: MkDocsConfig, site: Site, lang: str
    ) -> None:
        """Pages 2, 3... of the paginated indexes, titled after their first page (staff's),
        and every page of the listings by theme and by country."""
        pages = {file.url: file for file in files.documentation_pages()}
        for template, (section, count) in paginated_indexes(site).items():
            first = pages.get(localized_url(index_page_path(section, 1), lang))
            if first is None or first.abs_src_path is None:
                continue
            title = read_markdown(Path(first.abs_src_path)).meta.get("title", "")
            for number in range(2, count + 1):
                page_title = numbered_title(title, number, lang)
                url = localized_url(index_page_path(section, number), lang)
                src_uri = _generate(files, config, url, {"title": page_title, "template": template})
                self.index_pages[src_uri] = number
        for listing in listing_pages(site, lang):  # the archive by theme and by country
            src_uri = _generate(files, config, listing.url, listing.front)
            self.index_pages[src_uri], self.listings[src_uri] = listing.number, listing

    def _refuse_two_pages_at_one_address(self, files: Files) -> None:
        """Two pages written to one file is an error naming both, never an overwrite."""
        seen: dict[str, File] = {}
        for file in files.documentation_pages():
            other = seen.setdefault(file.dest_uri, file)
            if other is not file:
                raise PluginError(
                    f"{self._source(other)} and {self._source(file)} would both be written to "
                    f"{file.dest_uri}: rename or move one of them"
                )

    def _source(self, file: File) -> str:
        """Where a page comes from: its Markdown file, or the item folder it is generated from."""
        item = self.items.get(file.src_uri)
        return str(item.folder) if item is not None else str(file.abs_src_path or file.src_uri)

    @staticmethod
    def _media_prefix(page: Page) -> str:
        return posixpath.relpath(MEDIA_DIR, page.url or ".")

    def _write_language_files(self, config: MkDocsConfig) -> None:
        """This language's feed; robots.txt, fonts, media and PDFs once, at the root."""
        lang, site_dir, base_url = self._language(config), Path(config.site_dir), config.site_url
        base_url = base_url or "/"
        feed = Feed(self._site(), lang, base_url, self.media, posixpath.join(base_url, MEDIA_DIR))
        _write_text(site_dir / localized_url(FEED_FILE, lang), feed.xml())
        if lang == DEFAULT_LANGUAGE:
            _write_text(site_dir / "robots.txt", robots_txt(base_url))
            self._write_fonts(site_dir / FONTS_DIR)
            self._write_media(site_dir / MEDIA_DIR)  # one folder for every language
            if config.site_url:  # the e-mails' addresses are absolute: they need it
                site = self._site()
                media_url = posixpath.join(base_url, MEDIA_DIR)
                editions = site.published_editions()
                write_emails(
                    site, editions, LANGUAGES, base_url, self.media, media_url, site_dir / EMAIL_DIR
                )
            for (key, pdf_lang), path in self.pdfs.items():
                name = pdf_name(self._site(), self._site().editions[key], pdf_lang)
                (site_dir / PDF_DIR).mkdir(exist_ok=True)
                _publish(path, site_dir / PDF_DIR / name)

    def _write_not_found_page(self, config: MkDocsConfig) -> None:
        """`<lang>/404.html` in this language. MkDocs renders its error pages once, at the
        site's root (the default language's, which holds every language's text): this
        renders the theme's 404.html the way MkDocs renders that one."""
        name = "404.html"
        template = config.theme.get_env().get_template(name)
        template = config.plugins.on_pre_template(template, template_name=name, config=config)
        base_url = urlsplit(config.site_url or "/").path  # absolute: served at any depth
        # The language switcher still points at the last page built: point it at the homes.
        for alternate in getattr(config.extra, "alternate", None) or []:
            alternate["link"] = base_url + localized_url("", alternate["lang"])
        context = get_context(self.nav, self.files, config, base_url=base_url)
        context = config.plugins.on_template_context(context, template_name=name, config=config)
        html = config.plugins.on_post_template(
            template.render(context), template_name=name, config=config
        )
        _write_text(Path(config.site_dir) / self._language(config) / name, html)

    def _social_card(self, card: CardSpec, config: MkDocsConfig) -> CardView:
        """Draw the card once (cached by everything it shows), put it in the site."""
        source = card.photo.stat() if card.photo else None
        shown = [card.title, card.site_name, str(card.photo), card.focus, SOCIAL_CARD_VERSION]
        shown.append((source.st_size, source.st_mtime_ns) if source else None)
        name = hashlib.sha256(json.dumps(shown).encode()).hexdigest()[:16] + ".jpg"
        cached = Path(config.config_file_path).parent / self.config.cache_dir / "social" / name
        if not cached.exists():
            try:
                social_card(card.title, card.site_name, card.photo, card.focus, cached, card_font())
            except ImageError as error:
                raise PluginError(str(error)) from None
        target = Path(config.site_dir) / SOCIAL_DIR / name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            _publish(cached, target)
        url = posixpath.join(config.site_url or "/", SOCIAL_DIR, name)
        return CardView(url, card.title, *CARD_SIZE)

    @staticmethod
    def _write_fonts(target: Path) -> None:
        """The self-hosted fonts and their @font-face rules (no font from another host)."""
        target.mkdir(parents=True, exist_ok=True)
        for font in font_files():
            shutil.copyfile(font, target / font.name)
        _write_text(target / FONT_CSS, font_face_css("."))

    def _write_media(self, target: Path) -> None:
        """Put the re-encoded variants (never a source photo) into the site."""
        target.mkdir(parents=True, exist_ok=True)
        for image in self.media.values():
            for variant in image.variants:
                dest = target / variant.name
                if not dest.exists():
                    _publish(variant.path, dest)


def _build_aside(config: MkDocsConfig, i18n: Any, locale: str) -> NoReturn:
    """In a forked process: build the `locale` pages, then leave, never returning into the
    build that forked us. Messages go to the same terminal; the exit code says how it went."""
    code = 1
    bars_off()  # the first language's bar has the terminal; this build prints summaries
    try:
        i18n.current_language, i18n.building = locale, True
        # 404.html and sitemap.xml go to the site's root: the first language writes them.
        config.theme.static_templates.clear()
        # `dirty`: do not empty site_dir, where the first language is being written. The
        # notice about dirty builds would fail a strict build; this build is not one. (The
        # logger is named after the module: `properdocs.commands.build` under ProperDocs.)
        logging.getLogger(build.__module__).addFilter(_no_dirty_notice)
        build(config, dirty=True)
        code = 0
    except Exception as error:  # noqa: BLE001 - reported here, the exit code tells the parent
        log.error(f"{locale}: {error}")
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _no_dirty_notice(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def _escape_title(page: Page) -> None:
    """The page's title as HTML (`Markup`), for templates that do not escape: a title from
    front matter is text and is escaped; one from the first heading is already HTML."""
    title = page.meta.get("title")
    if title is not None:
        page.meta["title"] = escape(str(title))
    page.title = page.meta.get("title") or Markup(page.title or "")  # noqa: S704 - see above


def _generate(files: Files, config: MkDocsConfig, url: str, front: dict[str, Any]) -> str:
    """Add a page at `url` made of front matter only (its template shows it); its src_uri."""
    src_uri = url.rstrip("/") + ".md"
    stub = f"---\n{yaml.safe_dump(front, allow_unicode=True)}---\n"
    files.append(File.generated(config, src_uri, content=stub))
    return src_uri


def _publish(cached: Path, dest: Path) -> None:
    """Put a cached file into the site, atomically: a hard link where the file system allows
    it (no bytes copied: the caches replace their files, never change them in place), else a
    copy. On 1,000 testimonies this saves copying 150 MB of photos and cards per build."""
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")  # languages build side by side
    tmp.unlink(missing_ok=True)
    try:
        os.link(cached, tmp)
    except OSError:
        shutil.copyfile(cached, tmp)
    os.replace(tmp, dest)


def _write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
