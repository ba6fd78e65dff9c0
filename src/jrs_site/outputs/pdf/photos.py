"""Photo requests in, print variants out: while the HTML is built each photo is named by a
token; then the missing variants are made all at once, on every core, and the tokens become
file URLs."""

from __future__ import annotations

import os
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from jrs_site.images import print_resolution_issue, print_variant
from jrs_site.outputs.pdf.settings import PdfOptions

_TOKEN = re.compile(r"jrs-photo:(\d+)")


class PrintPhotos:
    """The photos of one PDF: `token()` while building, `resolve()` before layout."""

    def __init__(self, options: PdfOptions, cache_dir: Path, root: Path) -> None:
        self.options = options
        self.cache_dir = cache_dir
        self.root = root
        self._requests: list[tuple[Path, float]] = []
        self._files: list[Path] = []
        self.warnings: list[str] = []  # photos printed below 300 ppi

    def token(self, src: Path, width_mm: float) -> str:
        """A placeholder URL for `src` printed `width_mm` wide (cropped parts included)."""
        request = (src, round(width_mm, 2))
        if request not in self._requests:
            self._requests.append(request)
        return f"jrs-photo:{self._requests.index(request)}"

    def resolve(self, html: str) -> str:
        """Make the variants requested since the last call, then put their URLs in `html`.

        Pillow leaves Python's lock while it decodes, resizes, converts and encodes, so threads
        use every core, without starting processes."""
        pending = self._requests[len(self._files) :]
        if pending:
            workers = min(len(pending), os.cpu_count() or 1)
            with ThreadPoolExecutor(workers) as pool:
                for path, warning in pool.map(lambda request: self._prepare(*request), pending):
                    self._files.append(path)
                    self.warnings += [warning] if warning else []
        return _TOKEN.sub(lambda m: self._files[int(m.group(1))].as_uri(), html)

    def _prepare(self, src: Path, width_mm: float) -> tuple[Path, str | None]:
        """The variant, and a warning when the photo is too small for print at that width."""
        options = self.options
        path = print_variant(src, width_mm, options.ppi, options.icc, cache_dir=self.cache_dir)
        issue = print_resolution_issue(src, width_mm) if options.is_print else None
        return path, f"{src.relative_to(self.root)}: {issue[1]}" if issue else None
