"""Under `serve`: a save renders again only the pages it touched; what is slow comes later.

`serve` builds the site on every save, into a folder kept from one build to the next. Each page
gets a fingerprint of everything it shows: what every page shows (mkdocs.yml, the templates,
data/, docs/, the options of the preview: `every_page`), and what the page shows of the content
(`render.kinds.Selection`). A page whose fingerprint is the one its file was written with is
not rendered again (`Memory`): a generated page is not given to MkDocs (`kept`); a page of
docs/, which MkDocs reads on every build for the navigation, renders the empty template
`UNCHANGED`, which MkDocs does not write (`skipped`). The files a page left as it was published
(its social card) are published again, so the sweep of what no build wrote keeps them. A failed
build forgets everything: the next one renders every page. The screen PDFs a save changed and
the search index are made after the pages are served; a newer save stops them.

A build holds a `NoPreview`: every page generated and rendered, nothing remembered.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, DictLoader, Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from jrs_site.mkdocs_plugin.pages import (
    ROOT_TEMPLATES,
    IndexPage,
    ItemPage,
    generated_file,
    one_writer,
    page_dest,
)
from jrs_site.model.bundles import Bundle, Site
from jrs_site.model.problems import ContentError, Problem, by_file
from jrs_site.outputs.web.compress import precompress
from jrs_site.outputs.web.files import pdf_path
from jrs_site.outputs.web.host import host_policy, write_host_files
from jrs_site.outputs.web.prepare import Prepared
from jrs_site.outputs.web.publish import Publisher
from jrs_site.outputs.web.search import BUNDLE_DIR, Indexing, SearchIndexError, index_site
from jrs_site.render.kinds import INDEXES, Selection
from jrs_site.util.files import tree_digest, value_digest
from jrs_site.util.workers import end_workers

log = get_plugin_logger(__name__)
#: What MkDocs writes at the site's root beside the pages, for the sweep to keep.
ROOT_FILES = frozenset({*ROOT_TEMPLATES, "sitemap.xml.gz"})
#: The empty template of a page `serve` leaves as it is: MkDocs writes no empty page.
UNCHANGED = "jrs-unchanged.html"

#: A page of docs/ as its links and the navigation need it: its title as HTML, its anchors.
Shown = tuple[str, frozenset[str]]
#: The content errors as every page's banner shows them under `serve`: (file, [(problem, hint)]).
Banner = list[tuple[str, list[tuple[str, str]]]]


class NoPreview:
    """A build: every page is generated and rendered; the pages left as they were are none,
    and a content error stops it."""

    def __init__(self) -> None:
        self.kept: list[str] = []  # URLs of this language's pages left as they were
        #: Of them, the pages of docs/ (MkDocs reads them): their title and anchors.
        self.skipped: dict[str, Shown] = {}
        self.problems: Banner = []  # the content errors every page shows

    def show(self, errors: list[Problem], root: Path) -> None:
        """The content errors of the site at `root`, as this build prepares it: a build stops."""
        if errors:
            raise PluginError(ContentError(errors, root).report())

    def publisher(self, site_dir: Path) -> Publisher:
        """The one writer of this build's files into `site_dir`."""
        return Publisher(site_dir)

    def stop(self) -> None:
        """A new build starts: stop what the last one still does."""

    def end(self) -> None:
        """`serve` ends: stop what the last build still does."""
        self.stop()

    def start(self, config: MkDocsConfig, prepared: Prepared | None, options: Any) -> None:
        """A build starts, with its prepared site (None: content errors) and the plugin's
        options."""

    def add_templates(self, env: Environment) -> None:
        """Add the templates the preview renders to `env`."""

    def start_language(self) -> None:
        """One language's build starts: none of its pages is left as it was yet."""
        self.kept, self.skipped = [], {}

    def page_file(
        self,
        files: Files,
        config: MkDocsConfig,
        url: str,
        front: dict[str, Any],
        shows: list[Any],
        publisher: Publisher,
    ) -> File | None:
        """The file of a generated page at `url` showing `shows`, added to `files`."""
        return generated_file(files, config, url, front)

    def read(self, file: File) -> None:
        """MkDocs reads the page of docs/ `file`, or not, by its own rule."""

    def skip(self, page: Page, site: Site, config: MkDocsConfig, publisher: Publisher) -> bool:
        """Whether `page`, a page of docs/, is left as it is (its Markdown is not rendered)."""
        return False

    def restore(self, page: Page) -> bool:
        """Whether `page` was skipped; if so, give it the title and anchors it had, for the
        navigation and the links to it."""
        if page.file.dest_uri not in self.skipped:
            return False
        title, anchors = self.skipped[page.file.dest_uri]
        page.title, page.present_anchor_ids = Markup(title), set(anchors)  # noqa: S704 - HTML
        return True

    def skips(self, page: Page) -> bool:
        """Whether `page` is left as the last build wrote it."""
        return page.file.dest_uri in self.skipped

    @contextmanager
    def remembering(self, page: Page, publisher: Publisher) -> Iterator[None]:
        """`page` is given its context inside the block (its social card is published)."""
        yield

    def end_language(self, files: Files | None) -> None:
        """One language's build has written its `files`."""

    def summary(self, done: int) -> str:
        """What one language's build did of its `done` pages."""
        kept = len(self.kept) + len(self.skipped)
        unchanged = f", {kept} unchanged" if kept else ""
        return f"{done - len(self.skipped)} written{unchanged}, social cards included"

    @property
    def first(self) -> bool:
        """Whether this process writes what is not a generated page: it does, but for the
        other processes of a build (`share.py`)."""
        return True

    def finish(
        self, config: MkDocsConfig, prepared: Prepared | None, publisher: Publisher, cache: Path
    ) -> None:
        """Every language's pages are written: the search index over the whole site; then
        what the web host needs (its configuration, the compressed copies of text files)."""
        site_dir = Path(config.site_dir)
        try:
            index_site(site_dir, cache / "search")
        except SearchIndexError as error:
            raise PluginError(str(error)) from None
        if prepared is not None:
            policy = host_policy(site_dir, config.site_url, prepared.site.languages)
            write_host_files(publisher, policy)
            precompress(publisher, cache / "compressed")

    def forget(self) -> None:
        """The build failed."""


class Preview(NoPreview):
    """The builds of one `serve`: the pages the last one wrote, the PDFs and the search index
    being made after its pages."""

    def __init__(self) -> None:
        super().__init__()
        self.memory = Memory()  # the pages the last build wrote
        self.theirs: set[str] = set()  # MkDocs' own files in this build
        self.rendering: ProcessPoolExecutor | None = None  # the PDFs a save changed
        self.indexing: Indexing | None = None  # the search index
        #: The last build's publisher, after its sweep (None: the next sweep walks the site).
        self.swept: Publisher | None = None
        logging.getLogger("mkdocs.commands.build").addFilter(_quiet_unchanged)

    def publisher(self, site_dir: Path) -> Publisher:
        """The writer of this build, told what the last one wrote and left."""
        return Publisher(site_dir, since=self.swept)

    def stop(self) -> None:
        """A new save stops the search index of the last one, if it still runs (this build
        makes its own once its pages are served), and the PDFs it planned (it plans its own)."""
        if self.indexing is not None:
            self.indexing.stop()
            self.indexing = None
        if self.rendering is not None:
            self.rendering.shutdown(wait=False, cancel_futures=True)

    def end(self) -> None:
        """`serve` ends (Ctrl+C, SIGTERM): the PDF being made is not waited for."""
        self.stop()
        if self.rendering is not None:
            end_workers(self.rendering)

    def show(self, errors: list[Problem], root: Path) -> None:
        """The preview goes on: the errors are logged, and every page shows them, by file."""
        self.problems = [
            (str(file.relative_to(root)), [(p.describe(), p.hint) for p in items])
            for file, items in by_file(errors).items()
        ]
        if errors:  # an error would stop `serve` in strict mode
            log.info(ContentError(errors, root).report())

    def start(self, config: MkDocsConfig, prepared: Prepared | None, options: Any) -> None:
        self.theirs = set(ROOT_FILES)
        if prepared is not None:
            self.memory.start(every_page(config, prepared.site, options))
        else:
            self.memory.forget()

    def add_templates(self, env: Environment) -> None:
        add_unchanged(env)

    def page_file(
        self,
        files: Files,
        config: MkDocsConfig,
        url: str,
        front: dict[str, Any],
        shows: list[Any],
        publisher: Publisher,
    ) -> File | None:
        """Nothing when the page shows what it showed when the last build wrote it (it
        stays); else its file."""
        dest = page_dest(config, url)
        if self.memory.keep(dest, [front, *shows], Path(config.site_dir), publisher) is not None:
            with one_writer():
                publisher.claim(dest, url)
            self.kept.append(url)
            return None
        return super().page_file(files, config, url, front, shows, publisher)

    def read(self, file: File) -> None:
        """Every page of docs/ is read: the navigation shows their titles."""
        file.is_modified = _read_always  # type: ignore[method-assign]

    def skip(self, page: Page, site: Site, config: MkDocsConfig, publisher: Publisher) -> bool:
        if isinstance(page, ItemPage | IndexPage):  # ours: decided on in on_files
            return False
        template = page.meta.get("template", "")
        index = INDEXES.get(template)
        shown = index.select(site, 1) if index else Selection()
        shows = [page.title, template, shown.key(site)]
        kept = self.memory.keep(page.file.dest_uri, shows, Path(config.site_dir), publisher)
        if kept is None or kept.page is None:
            return False
        page.meta["template"] = UNCHANGED
        self.skipped[page.file.dest_uri] = kept.page
        return True

    @contextmanager
    def remembering(self, page: Page, publisher: Publisher) -> Iterator[None]:
        """Remember what `page` shows and the files published inside the block."""
        with publisher.recording() as published:
            yield
        docs = None if isinstance(page, ItemPage | IndexPage) else page
        shown = (str(docs.title), frozenset(docs.present_anchor_ids or ())) if docs else None
        self.memory.written(page.file.dest_uri, published, shown)

    def end_language(self, files: Files | None) -> None:
        if files is not None:
            self.theirs.update(f.dest_uri for f in files if not f.is_documentation_page())

    def finish(
        self, config: MkDocsConfig, prepared: Prepared | None, publisher: Publisher, cache: Path
    ) -> None:
        """Every language's pages are written: sweep what no page shows now; then the PDFs
        this save changed and the search index, a moment later."""
        publisher.sweep(self.theirs, spare=BUNDLE_DIR)
        self.swept = publisher
        if prepared is not None:
            self.memory.finish()
            self._render_pdfs_later(prepared, publisher, cache / "pdf")
            self.indexing = Indexing(Path(config.site_dir), _no_search)

    def forget(self) -> None:
        self.memory.forget()
        self.swept = None  # what the failed build wrote is known to no publisher swept

    def _render_pdfs_later(self, prepared: Prepared, publisher: Publisher, cache: Path) -> None:
        """Make the screen PDFs this save changed after its pages are served, each put into
        the preview when it is ready (its edition page says it is coming)."""
        if not prepared.later:
            return
        from jrs_site.outputs.pdf.render import render_later  # noqa: PLC0415 - WeasyPrint

        site = prepared.site

        def publish(job: tuple[str, str], path: Path) -> None:
            publisher.file(path, pdf_path(site, *job))

        log.info(f"{len(prepared.later)} screen PDF(s) to make again, after the pages")
        self.rendering = render_later(site, prepared.later, cache, publish, prepared.site_url)


def every_page(config: MkDocsConfig, site: Site, options: Any) -> list[object]:
    """What every page shows: the configuration, the templates, the data files and the pages
    of docs/ (their titles are in every page's navigation), the preview's `options`."""
    bundles: list[Bundle] = [*site.stories.values(), *site.editions.values()]
    items = {item.folder for item in (*bundles, *site.reports.values())}
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
        dict(options),
        sorted(str(path) for path in site.previewed),
        shared,
    ]


@dataclass(frozen=True)
class Written:
    """A page as the last build wrote it."""

    fingerprint: str
    published: tuple[tuple[Path, str], ...]  # (source, site path) of its social card
    #: Of a page of docs/ (which MkDocs reads on every build, for the navigation): its title
    #: as HTML and the ids of its anchors, for the pages that link to them.
    page: Shown | None = None


class Memory:
    """What the builds of one `serve` wrote, page by page (by output path)."""

    def __init__(self) -> None:
        self.last: dict[str, Written] = {}  # the previous build's pages
        self.now: dict[str, Written] = {}  # this build's, so far
        self.pending: dict[str, str] = {}  # fingerprints of this build's pages being rendered
        self.every_page = ""  # the fingerprint of what every page shows, this build

    def start(self, every_page: Iterable[object]) -> None:
        """A build starts; `every_page` is what every one of its pages shows."""
        every = value_digest(list(every_page))
        if every != self.every_page:
            self.last = {}
        self.every_page, self.now, self.pending = every, {}, {}

    def keep(
        self, dest: str, shows: Iterable[object], site_dir: Path, publisher: Publisher
    ) -> Written | None:
        """The page written at `dest` as the last build wrote it, when it shows what it
        showed then: it stays as it is (its card published again). None: render it."""
        fingerprint = value_digest([self.every_page, dest, *shows])
        last = self.last.get(dest)
        if last is not None and last.fingerprint == fingerprint and (site_dir / dest).is_file():
            for source, path in last.published:
                publisher.file(source, path)
            self.now[dest] = last
            return last
        self.pending[dest] = fingerprint
        return None

    def written(
        self, dest: str, published: Iterable[tuple[Path, str]], page: Shown | None = None
    ) -> None:
        """The page at `dest` was rendered and written, publishing `published`."""
        fingerprint = self.pending.pop(dest, None)
        if fingerprint is not None:
            self.now[dest] = Written(fingerprint, tuple(published), page)

    def finish(self) -> None:
        """The build succeeded: what it wrote is what the next build compares with."""
        self.last, self.now = self.now, {}

    def forget(self) -> None:
        """The build failed, or showed content errors: the next one renders every page."""
        self.last, self.now, self.pending, self.every_page = {}, {}, {}, ""


def add_unchanged(env: Environment) -> None:
    """Give `env` the empty template `UNCHANGED`, which a page renders when it is not to be
    written again: MkDocs writes no page that renders empty."""
    theirs = [env.loader] if env.loader is not None else []
    env.loader = ChoiceLoader([DictLoader({UNCHANGED: ""}), *theirs])


def _read_always() -> bool:
    """MkDocs' rule for a kept folder would leave a page of docs/ unread (untitled) when its
    file is older than its output."""
    return True


def _quiet_unchanged(record: logging.LogRecord) -> bool:
    """MkDocs' notes on what it does not write again are no news."""
    message = record.getMessage()
    return not message.startswith(("A 'dirty' build is being performed", "Page skipped:"))


def _no_search(error: SearchIndexError) -> None:
    log.warning(f"the preview has no search: {error}")
