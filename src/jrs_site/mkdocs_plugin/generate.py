"""What our build adds to MkDocs': our pages, and beside them each language's other files.

The pages are added to MkDocs' files: one per published testimony, edition and report, pages
2, 3... of the paginated indexes, and every page of the listings by theme and by country.
Each is made of front matter only (its template shows it, `pages.generated_file`); under
`serve`, one that shows what it showed when the last build wrote it stays as it is instead
(`preview.py`). The other files are published once a language's pages are written: its feed,
the files every language shares, each language's own 404 page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from jrs_site.load.sources import read_markdown
from jrs_site.mkdocs_plugin import i18n
from jrs_site.mkdocs_plugin.not_found import write_not_found_page
from jrs_site.mkdocs_plugin.pages import IndexPage, ItemPage, one_writer
from jrs_site.mkdocs_plugin.preview import NoPreview
from jrs_site.model.bundles import Edition, Site, localized_url
from jrs_site.outputs.web.files import publish_feed, publish_shared
from jrs_site.outputs.web.prepare import Prepared
from jrs_site.outputs.web.publish import Publisher
from jrs_site.render.kinds import index_pages, item_pages, kind_of, numbered_title, published_items

log = get_plugin_logger(__name__)
NO_EMAIL = (
    "no e-mail editions: every address in an e-mail is absolute, and mkdocs.yml has no "
    "site_url; write it, e.g. site_url: https://ankerpunt.example/"
)


def add_pages(
    files: Files,
    config: MkDocsConfig,
    prepared: Prepared,
    lang: str,
    preview: NoPreview,
    publisher: Publisher,
) -> None:
    """Add `lang`'s generated pages to `files` (those `preview` leaves as they are, not)."""
    site = prepared.site
    for item in published_items(site):
        pages = item_pages(item)
        front = {"title": pages.title(item, lang), "template": pages.template}
        shows = [kind_of(item).shows(item).key(site), _pdf_state(prepared, item, lang)]
        file = preview.page_file(files, config, item.url(lang), front, shows, publisher)
        if file is not None:
            ItemPage(item, file, config)
    _add_index_pages(files, config, site, lang, preview, publisher)


def _add_index_pages(
    files: Files,
    config: MkDocsConfig,
    site: Site,
    lang: str,
    preview: NoPreview,
    publisher: Publisher,
) -> None:
    """Pages 2, 3... of the paginated indexes, titled after their first page (staff's),
    and every page of the listings by theme and by country."""
    pages = {file.url: file for file in files.documentation_pages()}
    titles: dict[str, str] = {}  # of the first pages, by their index's template
    for planned in index_pages(site, lang):
        title = planned.title
        if title is None:  # titled after the index's first page, which staff write
            template = planned.index.template
            if template not in titles:
                first = pages.get(localized_url(planned.index.path(1), lang, site.languages))
                if first is None or first.abs_src_path is None:
                    continue
                titles[template] = read_markdown(Path(first.abs_src_path)).meta.get("title", "")
            title = numbered_title(titles[template], planned.number, lang)
        front = {"title": title, "template": planned.index.template}
        shows = [planned.index.select(site, planned.number).key(site)]
        file = preview.page_file(files, config, planned.url, front, shows, publisher)
        if file is not None:
            IndexPage(planned, file, config)


def _pdf_state(prepared: Prepared, item: Any, lang: str) -> tuple[str, bool] | None:
    """What an edition page shows of its screen PDF: which file (its size), or that it
    is being made."""
    if not isinstance(item, Edition):
        return None
    job = (item.key, lang)
    return str(prepared.pdfs.get(job)), job in prepared.later


def write_language(
    config: MkDocsConfig,
    prepared: Prepared,
    publisher: Publisher,
    nav: Navigation | None,
    files: Files | None,
    compiled: BytecodeCache,
) -> None:
    """What one language's build adds beside its pages: its feed; for the first, the files
    every language shares; for the others, their 404 page (with its `nav` and `files`)."""
    lang = i18n.current_language(config)
    with one_writer():
        publish_feed(publisher, prepared, lang, config.site_url or "/")
        if lang == prepared.site.languages.default:  # the root's 404 page is MkDocs' own
            built = i18n.build_languages(config)
            publish_shared(publisher, prepared, built, config.site_url)
            if not config.site_url and prepared.site.published_editions():
                log.info(NO_EMAIL)
        elif nav is not None and files is not None:
            write_not_found_page(config, nav, files, lang, publisher, compiled)
