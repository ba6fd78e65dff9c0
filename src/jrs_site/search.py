"""Built site in, search bundle out: Pagefind indexes `site/` into `site/pagefind/`.

Pagefind splits its index by each page's `<html lang>`, so a reader on a French page searches
French pages only, with French stemming (and Dutch on a Dutch page). We chose it over
Material's lunr search, which mkdocs-static-i18n merges into one index for all languages and
which every page downloads whole on load: on a 1,000-testimony archive a reader downloads
about 3 MB of index per language with lunr before anything else, and only a few chunks with
Pagefind, fetched when they search (see `bench/search.py` for the measurement).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BUNDLE_DIR = "pagefind"
# Only the page's content is indexed, not the header, navigation or footer; lists of cards on
# index pages carry `data-pagefind-ignore`, so a search finds the item, not every list.
ROOT_SELECTOR = "article.md-content__inner"
PAGES = "**/index.html"  # every page, but not 404.html


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message carries its output."""


def index_site(site_dir: Path) -> None:
    """Write the per-language search bundle into `site_dir/pagefind/`."""
    command = [
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
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        output = (result.stderr or result.stdout).strip()
        raise SearchIndexError(f"the search index could not be built:\n{output}")
