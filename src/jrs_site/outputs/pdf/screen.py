"""The screen PDF of every published edition in every language, from the cache or rendered.

Answering from the cache needs only the cache keys: WeasyPrint (a third of a second to import)
is imported only when a PDF must be rendered, so a build with nothing new does without it.
"""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from jrs_site.images.cache import SourceIndex
from jrs_site.model.bundles import Site
from jrs_site.outputs.pdf.cache import Job, cache_key, lookup
from jrs_site.outputs.pdf.settings import PdfOptions
from jrs_site.util.progress import step


def screen_jobs(site: Site) -> list[Job]:
    """Every (edition, language) with a screen PDF: each published edition in each language
    (a draft edition in a preview has its page, but no PDF is ever made of a draft)."""
    editions = [e for e in site.published_editions() if not e.meta.draft]
    return [(e.key, lang) for e in editions for lang in site.languages.codes]


def cached_screen_pdfs(
    site: Site, cache_dir: Path, site_url: str = ""
) -> tuple[dict[Job, Path], dict[Job, str]]:
    """The screen PDFs the cache holds, and the cache key of each that it does not."""
    options = PdfOptions("screen", site_url=site_url)
    paths: dict[Job, Path] = {}
    todo: dict[Job, str] = {}
    cache_dir.mkdir(parents=True, exist_ok=True)
    index = SourceIndex(cache_dir)
    for key_, lang in screen_jobs(site):
        key = cache_key(site, site.editions[key_], lang, options, index)
        entry = lookup(cache_dir, key)
        if entry is None:
            todo[key_, lang] = key
        else:
            paths[key_, lang] = entry.pdf
    index.save()
    return paths, todo


def build_screen_pdfs(
    site: Site, cache_dir: Path, workers: int | None = None, site_url: str = ""
) -> dict[Job, Path]:
    """A screen PDF of every published edition in every language: (edition, lang) -> path.

    Cached PDFs are answered here; the others are rendered in `workers` processes (default:
    one per core), or in this process when only one is missing. They link what the site
    publishes by `site_url`.
    """
    with step("screen PDFs", len(screen_jobs(site))) as progress:
        paths, todo = cached_screen_pdfs(site, cache_dir, site_url)
        progress.advance(len(paths))
        if todo:
            from jrs_site.outputs.pdf.render import render_all  # noqa: PLC0415 - WeasyPrint

            options = PdfOptions("screen", site_url=site_url)
            made = render_all(site, todo, options, cache_dir, workers)
            with closing(made):  # stopped here, the workers end at once, not when collected
                for job, entry in made:
                    paths[job] = entry.pdf
                    progress.advance()
        progress.summary = f"{len(todo)} rendered, {len(paths) - len(todo)} from the cache"
    return {job: paths[job] for job in screen_jobs(site)}
