"""Our pages as MkDocs sees them: `Page` subclasses that carry what they show, their files,
their paths and titles, the one writer of each path, the templates compiled once.

As Material's blog plugin does with `Post` and `Archive`, a generated page knows its item or
its number, so no hook has to look it up in a table keyed by file names.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import yaml
from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from jrs_site.mkdocs_plugin.not_found import NAME as NOT_FOUND
from jrs_site.model.bundles import Bundle, localized_url
from jrs_site.model.languages import Languages
from jrs_site.model.problems import ItemError
from jrs_site.outputs.web.publish import PublishError
from jrs_site.render.kinds import PageOfIndex
from jrs_site.render.l10n import text_typography, typography

#: Written once, at the site's root, by the first language's build (the 404 page there
#: speaks every language; the sitemap lists every page in every language).
ROOT_TEMPLATES = frozenset({NOT_FOUND, "sitemap.xml"})

#: Where Material keeps its scripts, and ours (overrides/assets/javascripts/jrs.js).
SCRIPTS = "assets/javascripts/"


class ItemPage(Page):
    """The page of a testimony, edition or report, generated from its folder."""

    def __init__(self, item: Bundle, file: File, config: MkDocsConfig) -> None:
        super().__init__(None, file, config)
        self.item = item
        self.view: Any = None  # its view, made when its body is rendered


class IndexPage(Page):
    """Page 2, 3... of a paginated index (page 1 is the staff's Markdown page), or any page
    of a listing by theme or by country."""

    def __init__(self, planned: PageOfIndex, file: File, config: MkDocsConfig) -> None:
        super().__init__(None, file, config)
        self.index = planned.index
        self.number = planned.number


def generated_file(files: Files, config: MkDocsConfig, url: str, front: dict[str, Any]) -> File:
    """Add a page at `url` made of front matter only (its template shows it)."""
    stub = f"---\n{yaml.safe_dump(front, allow_unicode=True)}---\n"
    file = File.generated(config, _source(url), content=stub)
    files.append(file)
    return file


def page_dest(config: MkDocsConfig, url: str) -> str:
    """Where MkDocs writes the generated page at `url`, relative to the site."""
    return _dest_uri(url, config.use_directory_urls)


@functools.lru_cache(maxsize=16384)
def _dest_uri(url: str, directory_urls: bool) -> str:
    """MkDocs' rule, asked once per page and process: `serve` asks on every save."""
    return File(_source(url), None, "", directory_urls).dest_uri


def _source(url: str) -> str:
    return url.rstrip("/") + ".md"


def source_of(file: File) -> str:
    """Where a page comes from: its Markdown file, or the item folder it is generated from."""
    if isinstance(file.page, ItemPage):
        return str(file.page.item.folder)
    return str(file.abs_src_path or file.src_uri)


def language_free(url: str, lang: str, languages: Languages) -> str:
    """A page URL without its language prefix: the same in every language ("" for home;
    MkDocs writes the home page's file URL as "./")."""
    prefix = localized_url("", lang, languages)
    path = url.removeprefix(prefix) if prefix else url
    return "" if path == "./" else path


@contextmanager
def one_writer() -> Iterator[None]:
    """Two things meant for one path of the site fail the build, naming both; so does an
    e-mail edition that could not be made (`naming`), naming it."""
    try:
        yield
    except (PublishError, ItemError) as error:
        raise PluginError(str(error)) from None


def escape_title(page: Page, lang: str) -> None:
    """The page's title as HTML (`Markup`) in `lang`'s typography, for templates that do not
    escape: a title from front matter is text and is escaped; one from the first heading is
    already HTML. The same for the titles of its table of contents."""
    title = page.meta.get("title")
    if title is not None:
        page.meta["title"] = escape(text_typography(str(title), lang))
    page.title = page.meta.get("title") or Markup(typography(page.title or "", lang))  # noqa: S704 - see above
    links = list(page.toc)
    while links:
        link = links.pop()
        link.title = typography(link.title, lang)
        links += link.children


class Compiled(BytecodeCache):
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


def materials_script(file: File, config: MkDocsConfig) -> bool:
    """One of Material's own scripts (its bundle, search workers, source maps), not ours."""
    ours = config.theme.custom_dir
    source = file.abs_src_path or ""
    return file.src_uri.startswith(SCRIPTS) and not (ours and source.startswith(ours))
