"""The `jrs` MkDocs plugin: hooks only, each a few lines that call the modules beside it.

mkdocs-static-i18n runs one complete MkDocs build per language, the later ones nested in the
first, so every hook here runs once per language (see `i18n.py` for what we read of it).
Before any page, the first language's `on_config` prepares the site once for all languages:
the checked content, its encoded photos and its screen PDFs (`outputs.web.prepare`). Our
pages are `ItemPage`s and `IndexPage`s (`pages.py`), added in `generate.py`; every page's
context is assembled in `context.py`; every file we add goes through one `Publisher`, which
refuses to write one path twice. Under `serve` the plugin holds a `Preview` (`preview.py`),
which leaves the pages a save did not touch as they were; a build holds a `NoPreview`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from jrs_site.mkdocs_plugin import i18n
from jrs_site.mkdocs_plugin.context import (
    add_not_found_context,
    add_page_context,
    item_view,
    jrs_entries,
)
from jrs_site.mkdocs_plugin.generate import add_pages, write_language
from jrs_site.mkdocs_plugin.material import valid_toggles, with_theme_globals
from jrs_site.mkdocs_plugin.not_found import NAME as NOT_FOUND
from jrs_site.mkdocs_plugin.pages import (
    ROOT_TEMPLATES,
    Compiled,
    ItemPage,
    escape_title,
    language_free,
    materials_script,
    one_writer,
    source_of,
)
from jrs_site.mkdocs_plugin.preview import NoPreview, Preview
from jrs_site.mkdocs_plugin.share import Share
from jrs_site.mkdocs_plugin.watch import watch_notified
from jrs_site.model.languages import BILINGUAL
from jrs_site.model.problems import of_severity
from jrs_site.outputs.web.head import sitemap
from jrs_site.outputs.web.prepare import Prepared, prepare_site
from jrs_site.outputs.web.publish import Publisher
from jrs_site.render import bidi
from jrs_site.render.l10n import typeset, typography
from jrs_site.render.limits import capped
from jrs_site.render.markdown import RenderCache
from jrs_site.render.reference import reference_markdown
from jrs_site.render.sanitise import sanitise
from jrs_site.util.progress import Step

log = get_plugin_logger(__name__)


class JrsPluginConfig(Config):  # type: ignore[no-untyped-call]  # MkDocs' own, unannotated
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
    # How many processes render the pages of a build: 0, one per core (up to 4) when the
    # site has pages enough (`share.py`); 1, one.
    processes = c.Type(int, default=0)


class JrsPlugin(BasePlugin[JrsPluginConfig]):  # type: ignore[no-untyped-call]  # as above
    """Generates testimony, edition and report pages and feeds index pages their data."""

    def __init__(self) -> None:
        self.prepared: Prepared | None = None  # None: content errors (shown under `serve`)
        self.publisher: Publisher | None = None
        self.bodies: RenderCache | None = None  # this language's rendered bodies
        self.paths: list[str] = []  # every page's path, the same in all languages
        self.languages_built = 0  # how many languages of this build have been written
        self.pages_step: Step | None = None  # progress of this language's pages
        self.nav: Navigation | None = None  # this language's, for its own 404 page
        self.compiled = Compiled()
        self.files: Files | None = None
        self.preview: NoPreview | Preview = NoPreview()  # a `Preview` under `serve`
        self.languages = BILINGUAL  # the project's, from mkdocs.yml: read by on_config

    @property
    def serving(self) -> bool:
        """Whether this is `serve`'s preview (drafts allowed, PDFs made after the pages)."""
        return isinstance(self.preview, Preview)

    # -- hooks ------------------------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Having this hook makes MkDocs keep this instance across the rebuilds of one `serve`;
        # on_config then prepares the content again at the start of each build.
        self.preview = Preview() if command == "serve" else Share(self.config.processes)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.config.drafts and not self.serving:
            raise PluginError(
                "'drafts: true' (plugin jrs in mkdocs.yml) shows drafts in the preview only; "
                "remove it to build the site, and preview drafts with 'jrs-site serve --drafts'"
            )
        if not i18n.nested(config):  # once per build, for every language
            self.languages = i18n.configured_languages(config)
            self.preview.stop()
            self.prepared = self._prepare(Path(config.config_file_path).parent)
            self.publisher = self.preview.publisher(Path(config.site_dir))
            self.preview.start(config, self.prepared, self.config)
        return config

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        watch_notified(server, config)  # told of a save by the system, overrides/ included
        return server

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        with_theme_globals(env)
        self.preview.add_templates(env)
        env.bytecode_cache = self.compiled.kept_in(self._cache_dir(config))
        return env

    # Below i18n's -100: its file tree exists, and our paths follow its rule (NL at the
    # root, FR under fr/); above -100 generated files crash its reconfiguration.
    @event_priority(-150)
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        lang = i18n.current_language(config)
        self.preview.start_language()
        for file in [f for f in files if materials_script(f, config)]:
            files.remove(file)  # no page loads it: overrides/main.html loads jrs.js alone
        if self.prepared is not None:
            add_pages(files, config, self.prepared, lang, self.preview, self._publisher())
            self.bodies = RenderCache(lang, self._cache_dir(config) / "markdown" / f"{lang}.json")
        with one_writer():  # two pages at one address: an error naming both
            for file in files.documentation_pages():
                self._publisher().claim(file.dest_uri, source_of(file))
                self.preview.read(file)
        urls = [f.url for f in files.documentation_pages()] + self.preview.kept
        self.paths = [language_free(url, lang, self.languages) for url in urls]
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
            reference = reference_markdown(i18n.current_language(config), self.languages)
            return f"{markdown}\n\n{reference}"
        return markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Every page is rendered before any template: Material's templates (no autoescape)
        # then show its title as escaped HTML, and its body went through the sanitiser.
        if self.preview.restore(page):
            return html
        lang = i18n.current_language(config)
        escape_title(page, lang)
        # Plain str for other plugins (Markup's methods escape), in the typography of its
        # text's language (the default's, for a page not translated yet).
        html = typography(str(sanitise(html)), getattr(page.file, "locale", lang), self.languages)
        if self.prepared is None:  # content errors under `serve`: pages show only their text
            page.meta.pop("template", None)
            return html
        if isinstance(page, ItemPage):
            page.view = item_view(page, config, self.prepared, self.bodies)
            return str(getattr(page.view, "body_html", html))
        return html

    # After i18n's (50), which resets the language switcher for its own pages.
    @event_priority(0)
    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
    ) -> TemplateContext:
        ours = jrs_entries(context)
        ours["jrs_problems"] = self.preview.problems
        if self.prepared is None or self.preview.skips(page):
            return context
        cards = self._cache_dir(config) / "social"
        with self.preview.remembering(page, self._publisher()):
            add_page_context(
                ours, page, config, self.prepared, self.bodies, self._publisher(), cards
            )
        return context

    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig
    ) -> TemplateContext:
        ours = jrs_entries(context)
        ours["jrs_problems"] = self.preview.problems  # on the 404 page too
        if template_name == NOT_FOUND and self.prepared is not None:
            add_not_found_context(ours, config, self.prepared.site)
        if template_name == "sitemap.xml":
            ours["jrs_sitemap"] = sitemap(config.site_url or "/", self.paths, self.languages)
        return context

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if self.pages_step is not None:
            self.pages_step.advance()
        if self.preview.skips(page):
            return ""  # MkDocs writes no empty page: the last build's stays
        # Text set where it was made (views, bodies, titles); its direction is the page's.
        return valid_toggles(bidi.mark(output, i18n.current_language(config)))

    def on_post_template(
        self, output_content: str, template_name: str, config: MkDocsConfig
    ) -> str:
        # MkDocs writes no template that renders empty: the later languages leave the root's
        # to the first language's build.
        if template_name in ROOT_TEMPLATES and i18n.nested(config):
            return ""
        # The error pages, which are no Page: the same typography and toggles as every page.
        if template_name == NOT_FOUND:
            html = typeset(output_content, i18n.current_language(config), self.languages)
            return valid_toggles(html)
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
        # Without a prepared site, content errors under `serve`: the pages show them.
        if self.prepared is not None and self.preview.first:
            if self.bodies is not None:
                self.bodies.save()
            write_language(
                config, self.prepared, self._publisher(), self.nav, self.files, self.compiled
            )
        self.languages_built += 1
        if self.languages_built < len(i18n.build_languages(config)):
            return
        self.languages_built = 0
        self.preview.finish(config, self.prepared, self._publisher(), self._cache_dir(config))

    def on_shutdown(self) -> None:
        self.preview.end()  # `serve` ends: the PDFs and the search index of a save too

    def on_build_error(self, error: Exception) -> None:
        self.languages_built = 0  # the next build (e.g. under `serve`) counts from zero
        self.preview.forget()
        if self.pages_step is not None:
            self.pages_step.stop()
            self.pages_step = None

    # -- helpers ----------------------------------------------------------------------------

    def _prepare(self, base: Path) -> Prepared | None:
        """The prepared site; on errors nothing, and the preview shows them (a build stops)."""
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
        self.preview.show(of_severity(problems, "error"), root)
        return prepared

    def _publisher(self) -> Publisher:
        assert self.publisher is not None, "on_config makes the publisher first"
        return self.publisher

    def _cache_dir(self, config: MkDocsConfig) -> Path:
        return Path(config.config_file_path).parent / self.config.cache_dir
