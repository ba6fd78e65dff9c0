"""How many times each PDF is laid out: WeasyPrint layouts (`HTML.render` calls) per PDF.

    python bench/layouts.py [--project PATH] [--editions 10] [--variant screen]

Renders the PDFs of the first `--editions` published editions of `--project` (default: the
example project; bench/make_archive.py's archive in /dev/shm for a larger one) in every
language, in this process, into a fresh cache, and prints each PDF's layouts (the whole
documents and the small ones: the cover alone, the back page) and seconds, then the totals
(CPU: this process's, its photo threads included).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from weasyprint import HTML

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))  # this checkout's program

from jrs_site.load.loader import load_site  # noqa: E402
from jrs_site.outputs.pdf.render import edition_pdf  # noqa: E402
from jrs_site.outputs.pdf.settings import PdfOptions  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, default=REPO)
    parser.add_argument("--editions", type=int, default=10)
    parser.add_argument("--variant", default="screen", choices=["print", "screen"])
    args = parser.parse_args()

    pages: Counter[int] = Counter()  # pages of each layout -> how many layouts had that many
    render = HTML.render

    def counted(self: HTML, *args: object, **kwargs: object) -> object:
        document = render(self, *args, **kwargs)
        pages[len(document.pages)] += 1
        return document

    HTML.render = counted  # type: ignore[method-assign]
    site, _ = load_site(args.project.resolve())
    options = PdfOptions(args.variant)  # type: ignore[arg-type]
    editions = site.published_editions()[: args.editions]
    made = layouts = 0
    total, cpu = time.perf_counter(), time.process_time()
    with tempfile.TemporaryDirectory(prefix="bench-layouts-") as cache:
        for edition in editions:
            for lang in site.languages.codes:
                before, start = sum(pages.values()), time.perf_counter()
                rendered = edition_pdf(site, edition, lang, options, Path(cache))
                count = sum(pages.values()) - before
                seconds = time.perf_counter() - start
                shown = f"{rendered.pages} pages, {count} layouts, {seconds:.2f} s"
                print(f"{edition.key} {lang}: {shown}")
                made, layouts = made + 1, layouts + count
    print(
        f"{made} PDFs, {layouts} layouts ({layouts / made:.2f} per PDF), "
        f"{time.perf_counter() - total:.1f} s ({time.process_time() - cpu:.1f} s CPU); "
        f"pages per layout: {dict(sorted(pages.items()))}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
