"""Built site in, search bundle out: Pagefind indexes `site/` into `site/pagefind/`.

Pagefind splits its index by each page's `<html lang>`, so a reader on a French page searches
French pages only, with French stemming (and Dutch on a Dutch page). Chosen over Material's
lunr search, which mkdocs-static-i18n merges into one index for every language. Measured on a
1,000-testimony archive (`bench/search.py`; gzip on the wire):

- lunr, even split per language: a 2.6 MB (nl) / 3.1 MB (fr) index that Material fetches on
  every page load, searched or not, then builds in the browser: first result after 1.0-1.2 s
  here, 2.8-3.4 s on an emulated phone; with French stemming it found no "Samira" at all.
- Pagefind: nothing on page load; 111-115 KiB on the first search (script, WebAssembly, one
  index chunk, the results shown): first result after 0.15 s here, 1.8-1.9 s on the phone.

The synthetic text compresses unusually well (130 KiB of lunr index on the wire); real text
would send several times more, while Pagefind's chunks stay about the same size.

A build keeps its bundle in the cache under a hash of every page Pagefind reads (and of the
command): a build whose pages all came out as before copies it instead of running Pagefind
again (2 s for 500 testimonies, 13 s for 2,000).
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from jrs_site.util.files import read_json, write_json
from jrs_site.util.progress import step

BUNDLE_DIR = "pagefind"
ENTRY = "pagefind-entry.json"  # the bundle's table of languages, read first by a search
# Only the page's content is indexed, not the header, navigation or footer; lists of cards on
# index pages carry `data-pagefind-ignore`, so a search finds the item, not every list.
ROOT_SELECTOR = "article.md-content__inner"
PAGES = "**/index.html"  # every page, but not 404.html


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message carries its output."""


def index_site(site_dir: Path, cache_dir: Path) -> None:
    """Write the per-language search bundle into `site_dir/pagefind/`: the one kept in
    `cache_dir` when it was made from the same pages, else a new one (then kept there)."""
    with step("search index") as progress:
        kept = cache_dir / _pages_digest(site_dir)
        bundle = site_dir / BUNDLE_DIR
        if kept.is_dir():
            shutil.rmtree(bundle, ignore_errors=True)
            shutil.copytree(kept, bundle)
            progress.summary = "every language, from the cache (no page changed)"
            return
        command = _command(site_dir)
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise _failed(result.stdout, result.stderr)
        progress.summary = "every language"
        _sort_languages(bundle / ENTRY)
        _keep(bundle, cache_dir, kept)


def _pages_digest(site_dir: Path) -> str:
    """A hash of what Pagefind reads: the command, its version and every indexed page."""
    digest = hashlib.sha256(repr((_command(Path()), version("pagefind"))).encode())
    for page in sorted(site_dir.glob(PAGES)):
        digest.update(f"\0{page.relative_to(site_dir).as_posix()}\0".encode())
        digest.update(hashlib.sha256(page.read_bytes()).digest())
    return digest.hexdigest()[:20]


def _keep(bundle: Path, cache_dir: Path, kept: Path) -> None:
    """Keep a copy of `bundle` as `kept`, the only bundle in `cache_dir` (the last build's)."""
    shutil.rmtree(cache_dir, ignore_errors=True)
    cache_dir.mkdir(parents=True)
    partial = cache_dir / f"{kept.name}.partial"
    shutil.copytree(bundle, partial)
    partial.rename(kept)


def _sort_languages(entry: Path) -> None:
    """Pagefind lists the languages in its entry file in a random order: sorted, the file is
    the same from one build of the same pages to the next, and a publish leaves it alone."""
    data = read_json(entry)
    if isinstance(data, dict) and isinstance(data.get("languages"), dict):
        data["languages"] = dict(sorted(data["languages"].items()))
        write_json(entry, data)


class Indexing:
    """The preview's search index, made in the background after its pages are served; a
    newer save stops it (`stop`) and starts its own, so Pagefind runs once the editor is idle.
    A failure is passed to `failed`, as a preview goes on without search."""

    def __init__(self, site_dir: Path, failed: Callable[[SearchIndexError], object]) -> None:
        self._stopped = False
        self._failed = failed
        self._process = subprocess.Popen(
            _command(site_dir), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        self._thread = threading.Thread(target=self._wait, daemon=True)
        self._thread.start()

    def _wait(self) -> None:
        with step("search index") as progress:
            out, err = self._process.communicate()
            progress.summary = "stopped for a newer save" if self._stopped else "every language"
        if self._process.returncode != 0 and not self._stopped:
            self._failed(_failed(out, err))

    def stop(self) -> None:
        """End it now, if it still runs (its half-written bundle is written again next)."""
        self._stopped = True
        if self._process.poll() is None:
            self._process.terminate()
        self._thread.join()


def _command(site_dir: Path) -> list[str]:
    return [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--output-subdir",
        BUNDLE_DIR,
        "--glob",
        PAGES,
        "--root-selector",
        ROOT_SELECTOR,
        "--silent",
    ]


def _failed(out: str, err: str) -> SearchIndexError:
    return SearchIndexError(f"the search index could not be built:\n{(err or out).strip()}")
