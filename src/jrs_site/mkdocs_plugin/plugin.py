"""The `jrs` MkDocs plugin: hooks that coordinate; the core does the work.

mkdocs-static-i18n runs one complete MkDocs build per language, the later ones nested in the
first, so every hook here runs once per language (see `i18n.py` for what we read of it).
Before any page, the first language's `on_config` prepares the site once for all languages:
the checked content, its encoded photos and its screen PDFs (`outputs.web.prepare`). Our
pages are `ItemPage`s and `IndexPage`s (`pages.py`); every file we add goes through one
`Publisher`, which refuses to write one path twice.
"""

from __future__ import annotations

import logging
import posixpath
import sys
from collections.abc import Iterator
from concurrent.futures import Executor
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, ChoiceLoader, DictLoader
from jinja2.bccache import Bucket
from markupsafe import Markup, escape
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from jrs_site.fonts import font_face_css
from jrs_site.images import ImageError
from jrs_site.load.sources import read_markdown
from jrs_site.mkdocs_plugin import i18n
from jrs_site.mkdocs_plugin.not_found import NAME as NOT_FOUND
from jrs_site.mkdocs_plugin.not_found import not_found_texts, write_not_found_page
from jrs_site.mkdocs_plugin.pages import IndexPage, ItemPage, generated_file, page_dest, source_of
from jrs_site.mkdocs_plugin.unchanged import Memory
from jrs_site.model.bundles import Edition, Site, localized_url
from jrs_site.model.languages import BILINGUAL
from jrs_site.model.problems import (
    ContentError,
    ItemError,
    Problem,
    by_file,
    naming,
    of_severity,
)
from jrs_site.outputs.web.cards import card_spec, generic_card
from jrs_site.outputs.web.feeds import feed_link
from jrs_site.outputs.web.files import (
    email_path,
    pdf_path,
    publish_card,
    publish_feed,
    publish_shared,
)
from jrs_site.outputs.web.head import head_view, sitemap
from jrs_site.outputs.web.prepare import Prepared, prepare_site
from jrs_site.outputs.web.publish import MEDIA_DIR, Publisher, PublishError
from jrs_site.outputs.web.search import BUNDLE_DIR, Indexing, SearchIndexError, index_site
from jrs_site.render.l10n import catalogue, typeset
from jrs_site.render.limits import capped
from jrs_site.render.listings import listing_pages, numbered_title
from jrs_site.render.markdown import RenderCache
from jrs_site.render.reference import reference_markdown
from jrs_site.render.sanitise import sanitise
from jrs_site.render.shown import index_shows, item_shows
from jrs_site.render.views import (
    INDEX_VIEWS,
    ITEM_VIEWS,
    RenderContext,
    fallback_note,
    footer_view,
    index_page_path,
    item_description,
    item_title,
    organisation_view,
    paginated_indexes,
    pdf_download,
    published_items,
)
from jrs_site.util.files import tree_digest
from jrs_site.util.progress import Step

log = get_plugin_logger(__name__)
#: Written once, at the site's root, by the first language's build (the 404 page there
#: speaks every language; the sitemap lists every page in every language).
ROOT_TEMPLATES = frozenset({NOT_FOUND, "sitemap.xml"})
#: What MkDocs writes of those, for the preview's sweep to keep.
ROOT_FILES = frozenset({*ROOT_TEMPLATES, "sitemap.xml.gz"})
#: Where Material keeps its scripts, and ours (overrides/assets/javascripts/jrs.js).
SCRIPTS = "assets/javascripts/"
#: The empty template of a page `serve` leaves as it is: MkDocs writes no empty page.
UNCHANGED = "jrs-unchanged.html"
NO_EMAIL = (
    "no e-mail editions: every address in an e-mail is absolute, and mkdocs.yml has no "
    "site_url; write it, e.g. site_url: https://ankerpunt.example/"
)


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
        self.prepared: Prepared | None = None  # None: content errors (shown under `serve`)
        self.publisher: Publisher | None = None
        self.bodies: RenderCache | None = None  # this language's rendered bodies
        self.paths: list[str] = []  # every page's path, the same in all languages
        self.languages_built = 0  # how many languages of this build have been written
        self.serving = False  # under `serve`, content errors are shown in the pages, not raised
        self.problems: list[tuple[str, list[tuple[str, str]]]] = []  # file -> (problem, hint)
        self.pages_step: Step | None = None  # progress of this language's pages
        self.nav: Navigation | None = None  # this language's, for its own 404 page
        self.indexing: Indexing | None = None  # under `serve`: the search index
        self.compiled = _Compiled()
        self.rendering: Executor | None = None  # under `serve`: the PDFs a save changed
        self.files: Files | None = None
        self.memory = Memory()  # under `serve`: the pages the last build wrote
        self.kept: list[str] = []  # URLs of this language's pages left as they were
        #: Of them, the pages of docs/ (MkDocs reads them): their title and anchors.
        self.skipped: dict[str, tuple[str, frozenset[str]]] = {}
        self.theirs: set[str] = set()  # under `serve`: MkDocs' own files in this build
        self.languages = BILINGUAL  # the project's, from mkdocs.yml: read by on_config

    # -- hooks ------------------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Having this hook makes MkDocs keep this instance across the rebuilds of one `serve`;
        # on_config then prepares the content again at the start of each build.
        self.serving = command == "serve"
        if self.serving:
            logging.getLogger("mkdocs.commands.build").addFilter(_quiet_unchanged)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.drafts and not self.serving:
            raise PluginError(
                "'drafts: true' (plugin jrs in mkdocs.yml) shows drafts in the preview only; "
                "remove it to build the site, and preview drafts with 'jrs-site serve --drafts'"
            )
        if not i18n.nested(config):  # once per build, for every language
            self._stop_indexing()
            self.languages = i18n.configured_languages(config)
            if self.rendering is not None:  # PDFs of an older save: the new one plans its own
                self.rendering.shutdown(wait=False, cancel_futures=True)
            self.prepared = self._prepare(Path(config.config_file_path).parent)
            self.publisher = Publisher(Path(config.site_dir))
            self.theirs = set(ROOT_FILES)
            if self.serving and self.prepared is not None:
                self.memory.start(self._every_page(config))
            else:
                self.memory.forget()
        return config

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        # The project's templates (overrides/), and not the installed theme: MkDocs' watcher
        # polls what it watches twice a second, and Material's folder holds ~29,000 files.
        if config.theme.custom_dir:
            server.watch(config.theme.custom_dir)
        return server

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        # The @font-face rules, for overrides/main.html to inline with the page's own path
        # to the fonts: one render-blocking request fewer on every page.
        env.globals["jrs_font_face_css"] = font_face_css  # also in not_found.py's own env
        env.loader = ChoiceLoader([DictLoader({UNCHANGED: ""}), env.loader])
        env.bytecode_cache = self.compiled
        return env

    # Below i18n's -100: its file tree exists, and our paths follow its rule (NL at the
    # root, FR under fr/); above -100 generated files crash its reconfiguration.
    @event_priority(-150)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        lang = i18n.current_language(config)
        self.kept, self.skipped = [], {}
        for file in [f for f in files if _materials_script(f, config)]:
            files.remove(file)  # no page loads it: overrides/main.html loads jrs.js alone
        if self.prepared is not None:
            site = self.prepared.site
            for item in published_items(site):
                template = ITEM_VIEWS[item.kind][0]
                front = {"title": item_title(item, lang), "template": template}
                shows = [item_shows(item).key(site), self._pdf_state(item, lang)]
                file = self._page_file(files, config, item.url(lang), front, shows)
                if file is not None:
                    ItemPage(item, file, config)
            self._add_index_pages(files, config, site, lang)
            self.bodies = RenderCache(lang, self._cache_dir(config) / "markdown" / f"{lang}.json")
        with _one_writer():  # two pages at one address: an error naming both
            for file in files.documentation_pages():
                self._publisher().claim(file.dest_uri, source_of(file))
                if self.serving:  # MkDocs' own rule would leave pages unread (untitled)
                    file.is_modified = _read_always  # type: ignore[method-assign]
        self.paths = [self._path(f.url, lang) for f in files.documentation_pages()]
        self.paths += [self._path(url, lang) for url in self.kept]
        self.pages_step = Step(f"pages ({lang})", len(self.paths), sys.stderr)
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav, self.files = nav, files
        return nav

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        generated = isinstance(page, ItemPage | IndexPage)  # decided on in on_files
        if self.prepared is not None and self.serving and not generated:  # a page of docs/
            template = page.meta.get("template", "")
            shows = [
                page.title,
                template,
                index_shows(self.prepared.site, template).key(self.prepared.site),
            ]
            site_dir, publisher = Path(config.site_dir), self._publisher()
            kept = self.memory.keep(page.file.dest_uri, shows, site_dir, publisher)
            if kept is not None and kept.page is not None:
                page.meta["template"] = UNCHANGED
                self.skipped[page.file.dest_uri] = kept.page
                return ""  # not rendered again: its title and anchors are known
        # Check refuses a page nested too deep; under `serve` it renders all the same, with
        # content errors shown: cut down, so that MkDocs' Markdown does not exhaust the stack.
        markdown = capped(markdown)
        # The staff guide's field reference is made from the schemas, so it cannot drift.
        if page.meta.get("reference"):
            return (
                f"{markdown}\n\n{reference_markdown(i18n.current_language(config), self.languages)}"
            )
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Every page is rendered before any template: Material's templates (no autoescape)
        # then show its title as escaped HTML, and its body went through the sanitiser.
        if page.file.dest_uri in self.skipped:  # for the navigation and the links to it
            title, anchors = self.skipped[page.file.dest_uri]
            page.title, page.present_anchor_ids = Markup(title), set(anchors)  # noqa: S704 - HTML
            return html
        _escape_title(page)
        html = str(sanitise(html))  # plain str for other plugins: Markup's methods escape
        if self.prepared is None:  # content errors under `serve`: pages show only their text
            page.meta.pop("template", None)
            return html
        if isinstance(page, ItemPage):
            folder = page.item.folder.relative_to(self.prepared.site.root)
            lang = i18n.current_language(config)
            with naming(f"the {page.item.kind} page of {folder} ({lang})", PluginError):
                page.view = ITEM_VIEWS[page.item.kind][1](page.item, self._context(page, config))
            return str(getattr(page.view, "body_html", html))
        return html

    # After i18n's (50), which resets the language switcher for its own pages.
    @event_priority(0)
    def on_page_context(
        self, context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Any
    ) -> dict[str, Any]:
        context["jrs_problems"] = self.problems
        if self.prepared is None or page.file.dest_uri in self.skipped:
            return context
        site, lang = self.prepared.site, i18n.current_language(config)
        context["jrs_t"] = catalogue(lang)
        context["jrs_org"] = organisation_view(site, lang)
        item = page.item if isinstance(page, ItemPage) else None
        path = self._path(page.url, lang)
        if isinstance(page, ItemPage | IndexPage):
            # i18n keeps the language switcher as an attribute of `extra`, per page, and
            # knows no generated page: its alternates are the same path in each language.
            for alternate in getattr(config.extra, "alternate", None) or []:
                alternate["link"] = localized_url(path, alternate["lang"], site.languages)
        if isinstance(page, ItemPage):
            context["jrs"] = page.view
            description = item_description(page.item, lang)
        else:
            listing = page.listing if isinstance(page, IndexPage) else None
            index_view = listing.view if listing else INDEX_VIEWS.get(page.meta.get("template", ""))
            if index_view is not None:
                context["jrs"] = index_view(site, self._context(page, config))
            description = page.meta.get("description") or config.site_description or ""
            # i18n falls back to the default language's file when a page is not translated.
            source_lang = getattr(page.file, "locale", lang)
            if source_lang != lang:
                context["jrs_fallback"] = fallback_note(source_lang, lang)
        title = Markup(page.title).striptags() if not page.is_homepage else config.site_name  # noqa: S704 - HTML already
        context["jrs_head"] = head_view(
            config.site_url or "/", path, lang, title, description, site.languages
        )
        context["jrs_feed"] = feed_link(site, lang)
        context["jrs_footer"] = footer_view(site, lang, context["jrs_feed"].path)
        card = generic_card(site, lang) if path == "" else card_spec(site, lang, title, item)
        try:
            cards = self._cache_dir(config) / "social"
            base_url = config.site_url or "/"
            with self._publisher().recording() as published:
                context["jrs_card"] = publish_card(self._publisher(), card, cards, base_url)
        except ImageError as error:
            raise PluginError(str(error)) from None
        docs = None if isinstance(page, ItemPage | IndexPage) else page
        shown = (str(docs.title), frozenset(docs.present_anchor_ids or ())) if docs else None
        self.memory.written(page.file.dest_uri, published, shown)
        return context

    def on_template_context(
        self, context: dict[str, Any], template_name: str, config: MkDocsConfig
    ) -> dict[str, Any]:
        context["jrs_problems"] = self.problems  # on the 404 page too
        if template_name == NOT_FOUND and self.prepared is not None:
            site, lang = self.prepared.site, i18n.current_language(config)
            context["jrs_t"] = catalogue(lang)
            context["jrs_footer"] = footer_view(site, lang, feed_link(site, lang).path)
            context["jrs_not_found"] = not_found_texts(config, lang)
        if template_name == "sitemap.xml":
            context["jrs_sitemap"] = sitemap(config.site_url or "/", self.paths, self.languages)
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if self.pages_step is not None:
            self.pages_step.advance()
        if page.file.dest_uri in self.skipped:
            return ""  # MkDocs writes no empty page: the last build's stays
        # The same typography and direction as the PDF, head included (the <title> too).
        return typeset(output, i18n.current_language(config), self.languages)

    def on_post_template(
        self, output_content: str, template_name: str, config: MkDocsConfig
    ) -> str:
        # MkDocs writes no template that renders empty: the later languages leave the root's
        # to the first language's build.
        if template_name in ROOT_TEMPLATES and i18n.nested(config):
            return ""
        # The error pages, which are no Page: the same typography as every page.
        if template_name == NOT_FOUND:
            return typeset(output_content, i18n.current_language(config), self.languages)
        return output_content

    # Before i18n's (-100), which builds the next language from inside this hook: the current
    # language is still right here, and when the last language's build gets here every page of
    # every language has been written, so the search index covers them all.
    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.pages_step is not None:
            kept = len(self.kept) + len(self.skipped)
            written = f"{self.pages_step.done - len(self.skipped)} written"
            unchanged = f", {kept} unchanged" if kept else ""
            self.pages_step.summary = f"{written}{unchanged}, social cards included"
            self.pages_step.finish()
            self.pages_step = None
        if self.files is not None:
            self.theirs.update(f.dest_uri for f in self.files if not f.is_documentation_page())
        if self.prepared is not None:  # else content errors under `serve`: the pages show them
            self._write_language(config, self.prepared)
        self.languages_built += 1
        if self.languages_built < len(i18n.build_languages(config)):
            return
        self.languages_built = 0
        if self.serving:  # the pages are served now; PDFs and search come a moment later
            self._publisher().sweep(self.theirs, spare=BUNDLE_DIR)  # what no page shows now
            if self.prepared is not None:
                self.memory.finish()
                self._render_pdfs_later(config)
                self.indexing = Indexing(Path(config.site_dir), _no_search)
            return
        try:
            index_site(Path(config.site_dir))
        except SearchIndexError as error:
            raise PluginError(str(error)) from None

    def on_build_error(self, error: Exception) -> None:
        self.languages_built = 0  # the next build (e.g. under `serve`) counts from zero
        self.memory.forget()
        if self.pages_step is not None:
            self.pages_step.stop()
            self.pages_step = None

    # -- helpers ----------------------------------------------------------------------------

    def _write_language(self, config: MkDocsConfig, prepared: Prepared) -> None:
        """What one language's build adds beside its pages: its rendered bodies, its feed;
        for the first, the files every language shares; for the others, their 404 page."""
        if self.bodies is not None:
            self.bodies.save()
        lang, publisher = i18n.current_language(config), self._publisher()
        with _one_writer():
            publish_feed(publisher, prepared, lang, config.site_url or "/")
            if lang == prepared.site.languages.default:  # the root's 404 page is MkDocs' own
                built = i18n.build_languages(config)
                publish_shared(publisher, prepared, built, config.site_url)
                if not config.site_url and prepared.site.published_editions():
                    log.info(NO_EMAIL)
            elif self.nav is not None and self.files is not None:
                write_not_found_page(config, self.nav, self.files, lang, publisher, self.compiled)

    def _prepare(self, base: Path) -> Prepared | None:
        """The prepared site; on errors raise, or under `serve` log them, keep them for the
        banner of every page, and return nothing."""
        root = (base / self.config.content_dir).resolve()
        cache_dir = (base / self.config.cache_dir).resolve()
        widths = tuple(self.config.image_widths)
        prepared, problems = prepare_site(
            root, cache_dir, widths, drafts=self.config.drafts, pdfs_later=self.serving
        )
        if prepared is not None and prepared.site.previewed:
            log.info(f"previewing {len(prepared.site.previewed)} draft(s), each with a banner")
        for problem in of_severity(problems, "warning"):
            log.info(problem.format(root))  # strict mode must not fail on these
        self.problems = []
        if prepared is not None:
            return prepared
        errors = of_severity(problems, "error")
        report = ContentError(errors, root).report()
        if not self.serving:
            raise PluginError(report)
        log.info(report)  # an error would stop `serve` in strict mode; the pages show them
        self.problems = _banner(errors, root)
        return None

    def _render_pdfs_later(self, config: MkDocsConfig) -> None:
        """Under `serve`: make the screen PDFs this save changed after its pages are served,
        each put into the preview when it is ready (its edition page says it is coming)."""
        prepared, publisher = self.prepared, self._publisher()
        if prepared is None or not prepared.later:
            return
        from jrs_site.outputs.pdf.render import render_later  # noqa: PLC0415 - WeasyPrint

        site = prepared.site

        def publish(job: tuple[str, str], path: Path) -> None:
            publisher.file(path, pdf_path(site, *job))

        log.info(f"{len(prepared.later)} screen PDF(s) to make again, after the pages")
        cache = self._cache_dir(config) / "pdf"
        self.rendering = render_later(site, prepared.later, cache, publish)

    def _stop_indexing(self) -> None:
        """Under `serve`, a new save stops the search index of the last one, if it still
        runs: this build makes its own once its pages are served."""
        if self.indexing is not None:
            self.indexing.stop()
            self.indexing = None

    def _context(self, page: Page, config: MkDocsConfig) -> RenderContext:
        """What the views need to know of the page being rendered."""
        assert self.prepared is not None
        site, lang = self.prepared.site, i18n.current_language(config)
        context = RenderContext(
            site,
            lang,
            self.prepared.media,
            posixpath.relpath(MEDIA_DIR, page.url or "."),
            page.number if isinstance(page, IndexPage) else 1,
            self.bodies,
        )
        if isinstance(page, ItemPage) and isinstance(page.item, Edition):
            context.pdf, context.email_url = self._edition_links(page.item, lang, page, config)
        return context

    def _edition_links(
        self, edition: Edition, lang: str, page: Page, config: MkDocsConfig
    ) -> tuple[Any, str]:
        """An edition page's link to its screen PDF (with the file's size) and, with a
        `site_url` (every address in an e-mail starts with it), to its e-mail edition."""
        assert self.prepared is not None
        site, here = self.prepared.site, page.url or "."
        pdf, path = None, self.prepared.pdfs.get((edition.key, lang))
        url = posixpath.relpath(pdf_path(site, edition.key, lang), here)
        if path is not None:
            pdf = pdf_download(url, path.stat().st_size, lang)
        elif (edition.key, lang) in self.prepared.later:  # under `serve`: it is being made
            pdf = pdf_download(url, None, lang)
        email = ""
        if config.site_url:
            email = posixpath.relpath(email_path(site, edition.key, lang), here)
        return pdf, email

    def _add_index_pages(self, files: Files, config: MkDocsConfig, site: Site, lang: str) -> None:
        """Pages 2, 3... of the paginated indexes, titled after their first page (staff's),
        and every page of the listings by theme and by country."""
        pages = {file.url: file for file in files.documentation_pages()}
        for template, (section, count) in paginated_indexes(site).items():
            first = pages.get(localized_url(index_page_path(section, 1), lang, site.languages))
            if first is None or first.abs_src_path is None:
                continue
            title = read_markdown(Path(first.abs_src_path)).meta.get("title", "")
            for number in range(2, count + 1):
                front = {"title": numbered_title(title, number, lang), "template": template}
                url = localized_url(index_page_path(section, number), lang, site.languages)
                shows = [index_shows(site, template, number).key(site)]
                if (file := self._page_file(files, config, url, front, shows)) is not None:
                    IndexPage(number, file, config)
        for listing in listing_pages(site, lang):  # the archive by theme and by country
            shows = [index_shows(site, "", listing.number, listing.listing).key(site)]
            file = self._page_file(files, config, listing.url, listing.front, shows)
            if file is not None:
                IndexPage(listing.number, file, config, listing)

    def _page_file(
        self, files: Files, config: MkDocsConfig, url: str, front: dict[str, Any], shows: list[Any]
    ) -> File | None:
        """The file of a generated page at `url`, added to `files`; under `serve`, nothing
        when the page shows what it showed when the last build wrote it (it stays)."""
        if self.serving:
            dest = page_dest(config, url)
            site_dir = Path(config.site_dir)
            if self.memory.keep(dest, [front, *shows], site_dir, self._publisher()) is not None:
                with _one_writer():
                    self._publisher().claim(dest, url)
                self.kept.append(url)
                return None
        return generated_file(files, config, url, front)

    def _pdf_state(self, item: Any, lang: str) -> tuple[str, bool] | None:
        """What an edition page shows of its screen PDF: which file (its size), or that it
        is being made."""
        if not isinstance(item, Edition) or self.prepared is None:
            return None
        job = (item.key, lang)
        return str(self.prepared.pdfs.get(job)), job in self.prepared.later

    def _every_page(self, config: MkDocsConfig) -> list[object]:
        """What every page shows: the configuration, the templates, the data files and the
        pages of docs/ (their titles are in every page's navigation), the preview's options."""
        assert self.prepared is not None
        site = self.prepared.site
        items = {
            item.folder
            for item in (*site.stories.values(), *site.editions.values(), *site.reports.values())
        }
        shared = sorted(
            (str(path), digest) for path, digest in site.sources.items() if path not in items
        )
        overrides = config.theme.custom_dir
        return [
            config.config_file_path,
            config.site_dir,
            config.site_url,
            tree_digest(Path(config.config_file_path)),
            tree_digest(Path(overrides)) if overrides else "",
            dict(self.config),
            sorted(str(path) for path in site.previewed),
            shared,
        ]

    def _publisher(self) -> Publisher:
        assert self.publisher is not None, "on_config makes the publisher first"
        return self.publisher

    def _cache_dir(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent / self.config.cache_dir

    def _path(self, url: str, lang: str) -> str:
        """A page URL without its language prefix: the same in every language ("" for home;
        MkDocs writes the home page's file URL as "./")."""
        prefix = localized_url("", lang, self.languages)
        path = url.removeprefix(prefix) if prefix else url
        return "" if path == "./" else path


@contextmanager
def _one_writer() -> Iterator[None]:
    """Two things meant for one path of the site fail the build, naming both; so does an
    e-mail edition that could not be made (`naming`), naming it."""
    try:
        yield
    except (PublishError, ItemError) as error:
        raise PluginError(str(error)) from None


def _materials_script(file: File, config: MkDocsConfig) -> bool:
    """One of Material's own scripts (its bundle, search workers, source maps), not ours."""
    ours = config.theme.custom_dir
    source = file.abs_src_path or ""
    return file.src_uri.startswith(SCRIPTS) and not (ours and source.startswith(ours))


def _read_always() -> bool:
    """Under `serve` every page of docs/ is read: the navigation shows their titles (MkDocs'
    rule for a kept folder would leave a page unread when its file is older than its output)."""
    return True


def _quiet_unchanged(record: logging.LogRecord) -> bool:
    """Under `serve`, MkDocs' notes on what it does not write again are no news."""
    message = record.getMessage()
    return not message.startswith(("A 'dirty' build is being performed", "Page skipped:"))


def _no_search(error: SearchIndexError) -> None:
    log.warning(f"the preview has no search: {error}")


class _Compiled(BytecodeCache):
    """The templates, compiled once per process: MkDocs makes a new Jinja environment for
    every build and every language (Jinja compares each template's source before use)."""

    def __init__(self) -> None:
        self.codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.codes.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.codes[bucket.key] = bucket.bytecode_to_string()


def _banner(errors: list[Problem], root: Path) -> list[tuple[str, list[tuple[str, str]]]]:
    """The content errors as every page's banner shows them under `serve`: by file."""
    return [
        (str(file.relative_to(root)), [(p.describe(), p.hint) for p in items])
        for file, items in by_file(errors).items()
    ]


def _escape_title(page: Page) -> None:
    """The page's title as HTML (`Markup`), for templates that do not escape: a title from
    front matter is text and is escaped; one from the first heading is already HTML."""
    title = page.meta.get("title")
    if title is not None:
        page.meta["title"] = escape(str(title))
    page.title = page.meta.get("title") or Markup(page.title or "")  # noqa: S704 - see above
