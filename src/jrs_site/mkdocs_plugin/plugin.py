"""The `jrs` MkDocs plugin: hooks that coordinate; the core does the work.

mkdocs-static-i18n runs one complete MkDocs build per language, the later ones nested in the
first, so every hook here runs once per language (see `i18n.py` for what we read of it).
Before any page, the first language's `on_config` prepares the site once for all languages:
the checked content, its encoded photos and its screen PDFs (`outputs.web.prepare`). Our
pages are `ItemPage`s and `IndexPage`s (`pages.py`); every file we add goes through one
`Publisher`, which refuses to write one path twice.
"""

from __future__ import annotations

import posixpath
import sys
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache
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
from jrs_site.mkdocs_plugin.pages import (
    ROOT_TEMPLATES,
    IndexPage,
    ItemPage,
    language_free,
    one_writer,
    source_of,
)
from jrs_site.mkdocs_plugin.preview import NoPreview, Preview
from jrs_site.model.bundles import Edition, Site, localized_url
from jrs_site.model.languages import languages
from jrs_site.model.problems import (
    ContentError,
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
from jrs_site.outputs.web.publish import MEDIA_DIR, Publisher
from jrs_site.outputs.web.search import SearchIndexError, index_site
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
from jrs_site.util.progress import Step

log = get_plugin_logger(__name__)
#: Where Material keeps its scripts, and ours (overrides/assets/javascripts/jrs.js).
SCRIPTS = "assets/javascripts/"
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
        self.problems: list[tuple[str, list[tuple[str, str]]]] = []  # file -> (problem, hint)
        self.pages_step: Step | None = None  # progress of this language's pages
        self.nav: Navigation | None = None  # this language's, for its own 404 page
        self.compiled = _Compiled()
        self.files: Files | None = None
        self.preview: NoPreview | Preview = NoPreview()  # a `Preview` under `serve`

    @property
    def serving(self) -> bool:
        """Under `serve`, content errors are shown in the pages, not raised."""
        return isinstance(self.preview, Preview)

    # -- hooks ------------------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Having this hook makes MkDocs keep this instance across the rebuilds of one `serve`;
        # on_config then prepares the content again at the start of each build.
        self.preview = Preview() if command == "serve" else NoPreview()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.drafts and not self.serving:
            raise PluginError(
                "'drafts: true' (plugin jrs in mkdocs.yml) shows drafts in the preview only; "
                "remove it to build the site, and preview drafts with 'jrs-site serve --drafts'"
            )
        if not i18n.nested(config):  # once per build, for every language
            self.preview.stop()
            self.prepared = self._prepare(Path(config.config_file_path).parent)
            self.publisher = Publisher(Path(config.site_dir))
            self.preview.start(config, self.prepared, self.config)
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
        self.preview.add_templates(env)
        env.bytecode_cache = self.compiled
        return env

    # Below i18n's -100: its file tree exists, and our paths follow its rule (NL at the
    # root, FR under fr/); above -100 generated files crash its reconfiguration.
    @event_priority(-150)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        lang = i18n.current_language(config)
        self.preview.start_language()
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
        with one_writer():  # two pages at one address: an error naming both
            for file in files.documentation_pages():
                self._publisher().claim(file.dest_uri, source_of(file))
                self.preview.read(file)
        self.paths = [language_free(f.url, lang) for f in files.documentation_pages()]
        self.paths += [language_free(url, lang) for url in self.preview.kept]
        self.pages_step = Step(f"pages ({lang})", len(self.paths), sys.stderr)
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav, self.files = nav, files
        return nav

    def on_page_markdown(
        self, markdown: str, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        site = self.prepared.site if self.prepared is not None else None
        if site is not None and self.preview.skip(page, site, config, self._publisher()):
            return ""  # not rendered again: its title and anchors are known
        # Check refuses a page nested too deep; under `serve` it renders all the same, with
        # content errors shown: cut down, so that MkDocs' Markdown does not exhaust the stack.
        markdown = capped(markdown)
        # The staff guide's field reference is made from the schemas, so it cannot drift.
        if page.meta.get("reference"):
            return f"{markdown}\n\n{reference_markdown(i18n.current_language(config))}"
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Every page is rendered before any template: Material's templates (no autoescape)
        # then show its title as escaped HTML, and its body went through the sanitiser.
        if self.preview.restore(page):
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
        if self.prepared is None or self.preview.skips(page):
            return context
        site, lang = self.prepared.site, i18n.current_language(config)
        context["jrs_t"] = catalogue(lang)
        context["jrs_org"] = organisation_view(site, lang)
        item = page.item if isinstance(page, ItemPage) else None
        path = language_free(page.url, lang)
        if isinstance(page, ItemPage | IndexPage):
            # i18n keeps the language switcher as an attribute of `extra`, per page, and
            # knows no generated page: its alternates are the same path in each language.
            for alternate in getattr(config.extra, "alternate", None) or []:
                alternate["link"] = localized_url(path, alternate["lang"])
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
        context["jrs_head"] = head_view(config.site_url or "/", path, lang, title, description)
        context["jrs_feed"] = feed_link(site, lang)
        context["jrs_footer"] = footer_view(site, lang, context["jrs_feed"].path)
        card = generic_card(site, lang) if path == "" else card_spec(site, lang, title, item)
        try:
            cards = self._cache_dir(config) / "social"
            base_url = config.site_url or "/"
            with self.preview.remembering(page, self._publisher()):
                context["jrs_card"] = publish_card(self._publisher(), card, cards, base_url)
        except ImageError as error:
            raise PluginError(str(error)) from None
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
            context["jrs_sitemap"] = sitemap(config.site_url or "/", self.paths)
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if self.pages_step is not None:
            self.pages_step.advance()
        if self.preview.skips(page):
            return ""  # MkDocs writes no empty page: the last build's stays
        # The same typography and direction as the PDF, head included (the <title> too).
        return typeset(output, i18n.current_language(config))

    def on_post_template(
        self, output_content: str, template_name: str, config: MkDocsConfig
    ) -> str:
        # MkDocs writes no template that renders empty: the later languages leave the root's
        # to the first language's build.
        if template_name in ROOT_TEMPLATES and i18n.nested(config):
            return ""
        # The error pages, which are no Page: the same typography as every page.
        if template_name == NOT_FOUND:
            return typeset(output_content, i18n.current_language(config))
        return output_content

    # Before i18n's (-100), which builds the next language from inside this hook: the current
    # language is still right here, and when the last language's build gets here every page of
    # every language has been written, so the search index covers them all.
    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.pages_step is not None:
            self.pages_step.summary = self.preview.summary(self.pages_step.done)
            self.pages_step.finish()
            self.pages_step = None
        self.preview.end_language(self.files)
        if self.prepared is not None:  # else content errors under `serve`: the pages show them
            self._write_language(config, self.prepared)
        self.languages_built += 1
        if self.languages_built < len(i18n.build_languages(config)):
            return
        self.languages_built = 0
        if isinstance(self.preview, Preview):  # the pages are served now; PDFs and search later
            self.preview.finish(config, self.prepared, self._publisher(), self._cache_dir(config))
            return
        try:
            index_site(Path(config.site_dir))
        except SearchIndexError as error:
            raise PluginError(str(error)) from None

    def on_build_error(self, error: Exception) -> None:
        self.languages_built = 0  # the next build (e.g. under `serve`) counts from zero
        self.preview.forget()
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
        with one_writer():
            publish_feed(publisher, prepared, lang, config.site_url or "/")
            if lang == languages().default:  # the root's 404 page is MkDocs' own
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
            first = pages.get(localized_url(index_page_path(section, 1), lang))
            if first is None or first.abs_src_path is None:
                continue
            title = read_markdown(Path(first.abs_src_path)).meta.get("title", "")
            for number in range(2, count + 1):
                front = {"title": numbered_title(title, number, lang), "template": template}
                url = localized_url(index_page_path(section, number), lang)
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
        return self.preview.page_file(files, config, url, front, shows, self._publisher())

    def _pdf_state(self, item: Any, lang: str) -> tuple[str, bool] | None:
        """What an edition page shows of its screen PDF: which file (its size), or that it
        is being made."""
        if not isinstance(item, Edition) or self.prepared is None:
            return None
        job = (item.key, lang)
        return str(self.prepared.pdfs.get(job)), job in self.prepared.later

    def _publisher(self) -> Publisher:
        assert self.publisher is not None, "on_config makes the publisher first"
        return self.publisher

    def _cache_dir(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent / self.config.cache_dir


def _materials_script(file: File, config: MkDocsConfig) -> bool:
    """One of Material's own scripts (its bundle, search workers, source maps), not ours."""
    ours = config.theme.custom_dir
    source = file.abs_src_path or ""
    return file.src_uri.startswith(SCRIPTS) and not (ours and source.startswith(ours))


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
