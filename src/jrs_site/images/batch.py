"""Build the web variants of many photos on all cores, collecting every error."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Generator, Iterable
from concurrent.futures import as_completed
from contextlib import closing
from pathlib import Path

from jrs_site.images.cache import SourceIndex, Stamp
from jrs_site.images.errors import ImageError
from jrs_site.images.settings import ImageSettings
from jrs_site.images.web import WebImage, build_web_image, cached_web_image
from jrs_site.util.progress import step
from jrs_site.util.workers import interrupts_held, worker_pool

Outcome = tuple[WebImage, Stamp | None, str] | ImageError


def build_all(
    sources: Iterable[Path], settings: ImageSettings, jobs: int | None = None
) -> tuple[dict[Path, WebImage], list[ImageError]]:
    """Web variants for every source (in input order) and the errors of those that failed.

    Unchanged photos are answered from the cache in this process; the others are spread over
    `jobs` worker processes (default: one per core).
    """
    settings.cache_dir.mkdir(parents=True, exist_ok=True)
    index = SourceIndex(settings.cache_dir)
    unique = list(dict.fromkeys(sources))
    images: dict[Path, WebImage] = {}
    todo = []
    for src in unique:
        image = cached_web_image(src, settings, index)
        if image is None:
            todo.append(src)
        else:
            images[src] = image
    failures: dict[Path, ImageError] = {}
    try:
        built = _build(todo, settings, jobs)
        with step("photos", len(todo)) as progress, closing(built):  # see screen.py
            for src, outcome in built:
                if isinstance(outcome, ImageError):
                    failures[src] = outcome
                else:
                    images[src], current, sha = outcome
                    index.record(src, current, sha)
                progress.advance()
            progress.summary = (
                f"{len(todo) - len(failures)} encoded, {len(unique) - len(todo)} from the cache"
            )
    finally:
        index.save()
    ordered = {src: images[src] for src in unique if src in images}
    return ordered, [failures[src] for src in unique if src in failures]


def _build(
    todo: list[Path], settings: ImageSettings, jobs: int | None
) -> Generator[tuple[Path, Outcome], None, None]:
    workers = min(jobs or os.cpu_count() or 1, len(todo))
    if workers <= 1:
        yield from (_build_one(src, settings) for src in todo)
        return
    # forkserver: forking the caller (a threaded server, say) could copy a held lock and hang.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])  # workers start with Pillow already imported
    # Stopped (Ctrl+C), the workers end at once: `util/workers.py`.
    with worker_pool(workers, context) as pool:
        with interrupts_held():  # each worker started is one the pool knows of, and ends
            futures = [pool.submit(_build_one, src, settings) for src in todo]
        for future in as_completed(futures):
            yield future.result()


def _build_one(src: Path, settings: ImageSettings) -> tuple[Path, Outcome]:
    try:
        return src, build_web_image(src, settings)
    except ImageError as exc:
        return src, exc
