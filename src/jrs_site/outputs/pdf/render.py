"""Print HTML in, PDF out: WeasyPrint lays out and writes the pages, pikepdf sets the boxes.

The booklet is laid out in two documents: the cover and articles first (after the cover alone,
a one-page document that says whether the cover must be compact); then, knowing how many pages
they take, the pages that complete it to a multiple of four and the back page.
"""

from __future__ import annotations

import functools
import io
import logging
import multiprocessing
import os
from collections.abc import Callable, Generator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import pikepdf
from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.formatting_structure.boxes import LineBox, ReplacedBox
from weasyprint.text.fonts import FontConfiguration

from jrs_site.images.cache import SourceIndex
from jrs_site.model.bundles import Edition, Site
from jrs_site.model.problems import naming
from jrs_site.model.schemas import FILLERS, Filler
from jrs_site.outputs.pdf.cache import CachedPdf, Job, cache_key, lookup
from jrs_site.outputs.pdf.fetch import PreparedFiles, Refused
from jrs_site.outputs.pdf.fonts import truetype_dir
from jrs_site.outputs.pdf.html import EditionHtml
from jrs_site.outputs.pdf.layout import (
    BLEED,
    MARKS_AREA,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PAGES_PER_SHEET,
    PT_PER_MM,
)
from jrs_site.outputs.pdf.preflight import Source
from jrs_site.outputs.pdf.settings import PdfError, PdfOptions
from jrs_site.outputs.pdf.source import source as shown
from jrs_site.render.bidi import language_direction
from jrs_site.util.files import write_atomic
from jrs_site.util.workers import ignore_interrupts, interrupts_held, worker_pool

TRIM_BOX = (0.0, 0.0, round(PAGE_WIDTH * PT_PER_MM, 2), round(PAGE_HEIGHT * PT_PER_MM, 2))
PDF_VARIANT = {"print": "pdf/x-4", "screen": "pdf/ua-1"}

# WeasyPrint reports every CSS property it does not know at WARNING level; ours are checked.
logging.getLogger("weasyprint").setLevel(logging.ERROR)


@dataclass(frozen=True)
class Rendered:
    """One edition's PDF in the cache: where it is, its pages, and what was added to it."""

    edition: str
    lang: str
    path: Path
    pages: int
    added: tuple[str, ...]  # pages added to complete the booklet
    warnings: tuple[str, ...]  # photos printed below 300 ppi
    cached: bool
    source: Source  # what the PDF must show, for preflight


def edition_pdf(
    site: Site, edition: Edition, lang: str, options: PdfOptions, cache_dir: Path
) -> Rendered:
    """The PDF of `edition` in `lang`, from the cache when nothing it is made from changed."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    index = SourceIndex(cache_dir)
    key = cache_key(site, edition, lang, options, index)
    index.save()
    entry = lookup(cache_dir, key)
    cached = entry is not None
    if entry is None:
        entry = _render_into_cache(site, edition, lang, options, cache_dir, key)
    return Rendered(
        edition.key,
        lang,
        entry.pdf,
        entry.pages,
        entry.added,
        entry.warnings,
        cached,
        entry.source,
    )


def _render_into_cache(
    site: Site, edition: Edition, lang: str, options: PdfOptions, cache_dir: Path, key: str
) -> CachedPdf:
    """Render the PDF and store it, with its manifest, under `key`."""
    with naming(f"the {options.variant} PDF of editions/{edition.key} ({lang})", PdfError):
        made = make_pdf(site, edition, lang, options, cache_dir)
    entry = CachedPdf(cache_dir / f"{key}.pdf", made.pages, made.added, made.warnings, made.source)
    write_atomic(entry.pdf, lambda f: f.write(made.data))
    entry.save()
    return entry


def render_later(
    site: Site,
    todo: dict[Job, str],
    cache_dir: Path,
    done: Callable[[Job, Path], object],
    site_url: str = "",
) -> ProcessPoolExecutor:
    """Render the screen PDFs of `todo` in a worker process, one after the other, calling
    `done(job, path)` as each is ready; returns at once (the caller shuts the pool down).
    For the preview: a save shows before the PDFs it changed are made again."""
    pool = _pool(site, 1)
    options = PdfOptions("screen", site_url=site_url)
    for (edition, lang), key in todo.items():
        future = pool.submit(_render_in_worker, edition, lang, options, cache_dir, key)
        future.add_done_callback(_when_made((edition, lang), done))
    return pool


def _when_made(job: Job, done: Callable[[Job, Path], object]) -> Callable[[Future[Any]], None]:
    """The callback of a PDF rendered later: `done` when it is made, a warning when not."""

    def made(future: Future[Any]) -> None:
        if future.cancelled():
            return
        if future.exception() is not None:
            failure = future.exception()
            logging.getLogger(__name__).warning(f"the PDF of {job[0]} ({job[1]}): {failure}")
            return
        done(job, future.result().pdf)

    return made


def _pool(site: Site, count: int) -> ProcessPoolExecutor:
    """`count` worker processes, each holding the loaded site (with its languages).
    forkserver, as for the photos: forking the caller (a threaded server) could copy a held
    lock; each worker receives the site once, and a job is then two strings and a key."""
    return ProcessPoolExecutor(count, _context(), initializer=_start_worker, initargs=(site,))


def _context() -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])  # workers start with WeasyPrint imported
    return context


def render_all(
    site: Site, todo: dict[Job, str], options: PdfOptions, cache_dir: Path, workers: int | None
) -> Generator[tuple[Job, CachedPdf], None, None]:
    """Render every job of `todo` into the cache, yielding each as it is done."""
    count = min(workers or os.cpu_count() or 1, len(todo))
    if count <= 1:
        for (edition, lang), key in todo.items():
            yield (edition, lang), _render_job(site, edition, lang, options, cache_dir, key)
        return
    truetype_dir(cache_dir)  # the fonts, unpacked once here rather than by every worker
    # Language by language: the two languages of one edition share photos, which the first
    # PDF prepares for the second instead of both preparing them at the same time.
    ordered = sorted(todo.items(), key=lambda item: item[0][1])
    # On an error the PDFs started are let finish; stopped (Ctrl+C, or the caller closes
    # this generator), the workers end at once (`util/workers.py`).
    with worker_pool(count, _context(), _start_worker, (site,)) as pool:
        with interrupts_held():  # each worker started is one the pool knows of, and ends
            futures = {
                pool.submit(_render_in_worker, *job, options, cache_dir, key): job
                for job, key in ordered
            }
        for future in as_completed(futures):
            yield futures[future], future.result()


def _render_job(
    site: Site, edition: str, lang: str, options: PdfOptions, cache_dir: Path, key: str
) -> CachedPdf:
    return _render_into_cache(site, site.editions[edition], lang, options, cache_dir, key)


#: The site a worker process renders from, received once when it starts.
_worker_site: list[Site] = []


def _start_worker(site: Site) -> None:
    """A worker's start: the loaded site; Ctrl+C is left to the build or the preview, which
    ends the worker (`util/workers.py`)."""
    ignore_interrupts()
    _worker_site.append(site)


def _render_in_worker(
    edition: str, lang: str, options: PdfOptions, cache_dir: Path, key: str
) -> CachedPdf:
    return _render_job(_worker_site[0], edition, lang, options, cache_dir, key)


@dataclass(frozen=True)
class Made:
    """A freshly rendered PDF."""

    data: bytes
    pages: int
    added: tuple[str, ...]
    warnings: tuple[str, ...]
    source: Source


def make_pdf(site: Site, edition: Edition, lang: str, options: PdfOptions, cache_dir: Path) -> Made:
    """Render the PDF, with photos and fonts prepared under `cache_dir`."""
    try:
        return _make_pdf(site, edition, lang, options, cache_dir)
    except Refused as refused:
        raise PdfError(
            f"edition {edition.key} ({lang}, {edition.folder.relative_to(site.root)}): the print "
            f"HTML asks for '{refused.url}', which is not a file prepared for this PDF; the PDF "
            "loads nothing from other websites and only photos that went through the pipeline"
        ) from None


def _make_pdf(
    site: Site, edition: Edition, lang: str, options: PdfOptions, cache_dir: Path
) -> Made:
    source = EditionHtml(site, edition, lang, options, cache_dir)
    fetcher, css, loaded = _styles(source.stylesheet, cache_dir, options.icc)
    shared = {**loaded, "cache": {}}  # each photo read and decoded once for all the layouts
    document_of = partial(HTML, base_url=_base_url(cache_dir), url_fetcher=fetcher)
    main_html, main = _articles(source, css, shared, options, document_of)
    added = (
        fillers(len(main.pages), edition.meta.fillers, source.has_photo())
        if options.is_print
        else []
    )
    back = document_of(string=source.back(len(main.pages) + 1, added))
    tail = back.render(stylesheets=css, **shared)
    if len(tail.pages) != len(added) + 1:
        raise PdfError(
            f"the pages after the articles of edition {edition.key} ({lang}) take "
            f"{len(tail.pages)} pages instead of {len(added) + 1}: the back page runs over; "
            "shorten the details in data/organisation.yml"
        )
    document = main.copy([*main.pages, *tail.pages])
    data = document.write_pdf(pdf_variant=PDF_VARIANT[options.variant])
    return Made(
        _finish(data, options, language_direction(lang)),
        len(document.pages),
        tuple(source.filler_description(f) for f in added),
        tuple(source.page.photos.warnings),
        shown([(main_html, main, 1), (back, tail, len(main.pages) + 1)]),
    )


def _base_url(cache_dir: Path) -> str:
    return cache_dir.resolve().as_uri() + "/"


@functools.lru_cache(maxsize=4)
def _styles(
    stylesheet: str, cache_dir: Path, icc: Path | None
) -> tuple[PreparedFiles, list[CSS], dict[str, Any]]:
    """The fetcher, the parsed stylesheet, and the font set and CMYK profile it loads: made
    once for every document of every PDF a process renders with this stylesheet (parsing it
    and loading its font faces costs a tenth of a second per PDF). Only what was prepared
    for a PDF may be read: a relative URL would look in the cache."""
    fetcher = PreparedFiles([cache_dir], [icc] if icc else [])
    shared: dict[str, Any] = {"font_config": FontConfiguration(), "color_profiles": {}}
    css = CSS(string=stylesheet, url_fetcher=fetcher, base_url=_base_url(cache_dir), **shared)
    return fetcher, [css], shared


#: A page filled less than this before an article that starts a new page is left to that
#: article instead: it follows in the columns.
MIN_FILL = 0.6


def _articles(
    source: EditionHtml,
    css: list[CSS],
    shared: dict[str, Any],
    options: PdfOptions,
    document_of: Callable[..., HTML],
) -> tuple[HTML, Document]:
    """The cover and the articles, laid out. The cover is one page (compact when it would run
    over). Testimonies and long texts start a page where that reads better (`starts_page`),
    but not after a page left mostly empty, and not at all when that costs a sheet."""

    def lay_out(text: str) -> tuple[HTML, Document]:
        html = document_of(string=text)
        return html, html.render(stylesheets=css, **shared)

    # The cover alone first (one short page to lay out): when it runs onto page 2, the
    # compact cover (a smaller photo, the contents in columns) leads the articles.
    compact = len(lay_out(source.cover())[1].pages) > 1
    breaks = source.page_breaks()
    html, document = lay_out(source.main((), compact))
    loose = [a for a in breaks if _fill_before(document, a) < MIN_FILL]
    if loose:
        html, document = lay_out(source.main(loose, compact))
    kept = len(breaks) - len(loose)
    over = len(document.pages) + 1 - PAGES_PER_SHEET * (_sheets(len(document.pages)) - 1)
    # Each break leaves at most about a page empty: fewer than `over` cannot save the sheet.
    if options.is_print and 0 < over <= kept:
        flowing = lay_out(source.main(breaks, compact))
        if _sheets(len(flowing[1].pages)) < _sheets(len(document.pages)):
            return flowing
    return html, document


def _fill_before(document: Document, anchor: str) -> float:
    """How full (0 to 1) the page before the one where `anchor` starts is."""
    number = next(n for n, page in enumerate(document.pages) if anchor in page.anchors)
    page = document.pages[number - 1]._page_box  # noqa: SLF001 - WeasyPrint's box tree
    root = page.children[0]  # the document; the page's footers are the other children
    bottoms = [
        box.position_y + box.margin_height()
        for box in root.descendants()
        if isinstance(box, LineBox | ReplacedBox)
    ]
    top, height = page.content_box_y(), page.height
    full: float = (max(bottoms, default=top) - top) / height
    return full


def _sheets(main_pages: int) -> int:
    """The sheets a booklet of `main_pages` and the back page takes."""
    return -(-(main_pages + 1) // PAGES_PER_SHEET)


def fillers(main_pages: int, chosen: list[Filler], has_photo: bool) -> list[Filler]:
    """The pages to add between the articles and the back page so that the booklet, back page
    included, has the smallest multiple of four pages: the edition's choice first, then the
    others; each at most once, and never a blank page (support, coupon and next always exist,
    and at most three are needed)."""
    missing = -(main_pages + 1) % PAGES_PER_SHEET
    ranked = [*chosen, *(f for f in FILLERS if f not in chosen)]
    return [f for f in ranked if f != "photo" or has_photo][:missing]


def _finish(data: bytes, options: PdfOptions, direction: str = "ltr") -> bytes:
    """Print: set the boxes the printer reads (TrimBox: the A4 sheet; BleedBox: 3 mm around
    it), drop the links (PDF/X allows no annotation on the page) and draw crop marks when asked.
    Both: ask viewers to show the title, and an edition in a language written right to left
    (`direction`) with its facing pages from right to left, as the booklet opens."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        if options.is_print:
            bleed = _grow(TRIM_BOX, BLEED * PT_PER_MM)
            media = _grow(TRIM_BOX, MARKS_AREA * PT_PER_MM) if options.marks else bleed
            for page in pdf.pages:
                page.obj.TrimBox = pikepdf.Array(TRIM_BOX)
                page.obj.BleedBox = pikepdf.Array(bleed)
                page.obj.MediaBox = pikepdf.Array(media)
                for name in ("/Annots", "/CropBox", "/ArtBox"):
                    if name in page.obj:
                        del page.obj[name]
                if options.marks:
                    page.contents_add(b"q\n", prepend=True)
                    page.contents_add(b"Q\n" + crop_marks())
        pdf.Root.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
        if direction == "rtl":
            pdf.Root.ViewerPreferences.Direction = pikepdf.Name.R2L
        out = io.BytesIO()
        # The file's /ID made from its content, not from the time: the same edition makes the
        # same bytes, so a publish does not send an unchanged PDF again.
        pdf.save(out, deterministic_id=True)
    return out.getvalue()


def _grow(box: tuple[float, float, float, float], by: float) -> list[float]:
    x0, y0, x1, y1 = box
    return [x0 - by, y0 - by, x1 + by, y1 + by]


def crop_marks() -> bytes:
    """Eight hairlines in registration colour (all four inks), at the trim lines, from just
    outside the bleed to the edge of the sheet."""
    x0, y0, x1, y1 = TRIM_BOX
    near, far = (BLEED + 1) * PT_PER_MM, (MARKS_AREA - 1) * PT_PER_MM
    lines = []
    for x, y, outward_x, outward_y in (
        (x0, y0, -1, -1),
        (x1, y0, 1, -1),
        (x0, y1, -1, 1),
        (x1, y1, 1, 1),
    ):
        lines.append((x + outward_x * near, y, x + outward_x * far, y))
        lines.append((x, y + outward_y * near, x, y + outward_y * far))
    path = " ".join(f"{a:.2f} {b:.2f} m {c:.2f} {d:.2f} l S" for a, b, c, d in lines)
    return f"q 0.25 w 1 1 1 1 K {path} Q\n".encode()
