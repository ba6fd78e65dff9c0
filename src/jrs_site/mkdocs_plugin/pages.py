"""Our pages as MkDocs sees them: `Page` subclasses that carry what they show.

As Material's blog plugin does with `Post` and `Archive`, a generated page knows its item or
its number, so no hook has to look it up in a table keyed by file names.
"""

from __future__ import annotations

from typing import Any

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from jrs_site.model.bundles import Bundle
from jrs_site.render.kinds import PageOfIndex


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
    return File.generated(config, _source(url), content="").dest_uri


def _source(url: str) -> str:
    return url.rstrip("/") + ".md"


def source_of(file: File) -> str:
    """Where a page comes from: its Markdown file, or the item folder it is generated from."""
    if isinstance(file.page, ItemPage):
        return str(file.page.item.folder)
    return str(file.abs_src_path or file.src_uri)
