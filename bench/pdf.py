"""Benchmark the print export: seconds to make the example edition's PDF, cold and cached.

    python bench/pdf.py [--project PATH] [--edition 118] [--lang nl] [--variant print]
        [--rounds 3]

Each measurement runs in a fresh process (no warm in-process caches) and times the call to
`edition_pdf` alone, not Python's start-up. Three situations:

- cold: an empty cache, so the photos' print variants, the TrueType fonts and the PDF are made;
- cold PDF: photos and fonts already prepared (as after any earlier edition), the PDF is made;
- cached: nothing changed, the PDF comes from the cache.

The best of `--rounds` rounds counts (the machine may be shared), in wall-clock and in CPU
seconds (those of the process, its photo threads included: on a loaded machine, the wall-clock
seconds say more about the others); times are also given per 12 pages, the size of a typical
edition. Target: a cold 12-page edition in at most 3 s. `--project` renders an edition of
another project, such as bench/make_archive.py's archive (`--edition 960`).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TARGET_SECONDS = 3.0


def _one(project: Path, edition: str, lang: str, variant: str, cache: Path) -> None:
    """In the child process: make one PDF and print its times and page count as JSON."""
    from jrs_site.load.loader import load_site  # noqa: PLC0415 - imported outside the timing
    from jrs_site.outputs.pdf.render import edition_pdf  # noqa: PLC0415
    from jrs_site.outputs.pdf.settings import PdfOptions  # noqa: PLC0415

    site, _ = load_site(project)
    options = PdfOptions(variant)  # type: ignore[arg-type]
    start, cpu = time.perf_counter(), time.process_time()
    rendered = edition_pdf(site, site.editions[edition], lang, options, cache)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    done = {"seconds": seconds, "cpu": cpu, "pages": rendered.pages, "cached": rendered.cached}
    print(json.dumps(done))


def measure(args: argparse.Namespace, cache: Path) -> dict:
    """Run `_one` in a fresh Python process."""
    cmd = [sys.executable, __file__, "--child", str(cache), "--project", str(args.project)]
    cmd += ["--edition", args.edition]
    cmd += ["--lang", args.lang, "--variant", args.variant]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=REPO)
    return json.loads(done.stdout.splitlines()[-1])


def forget_pdfs(cache: Path) -> None:
    """Drop the rendered PDFs, keep the prepared photos and fonts."""
    for path in [*cache.glob("*.pdf"), *cache.glob("*.json")]:
        path.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=REPO)
    parser.add_argument("--edition", default="118")
    parser.add_argument("--lang", default="nl")
    parser.add_argument("--variant", default="print", choices=["print", "screen"])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _one(args.project.resolve(), args.edition, args.lang, args.variant, args.child)
        return
    best: dict[str, float] = {}
    best_cpu: dict[str, float] = {}
    pages = 0
    for _ in range(args.rounds):
        with tempfile.TemporaryDirectory(prefix="bench-pdf-") as tmp:
            cache = Path(tmp)
            runs = {"cold": measure(args, cache)}
            runs["cached"] = measure(args, cache)
            forget_pdfs(cache)
            runs["cold PDF"] = measure(args, cache)
        assert not runs["cold"]["cached"] and runs["cached"]["cached"], runs
        pages = runs["cold"]["pages"]
        for name, run in runs.items():
            best[name] = min(best.get(name, float("inf")), run["seconds"])
            best_cpu[name] = min(best_cpu.get(name, float("inf")), run["cpu"])
    print(f"edition {args.edition}, {args.lang}, {args.variant}: {pages} pages")
    labels = {
        "cold": "cold (photos, fonts and PDF made)",
        "cold PDF": "cold PDF (photos and fonts ready)",
        "cached": "cached (nothing changed)",
    }
    for name, label in labels.items():
        per_12 = best[name] * 12 / pages
        cpu = f"CPU {best_cpu[name]:6.2f} s"
        print(f"  {label:<36} {best[name]:6.2f} s   {per_12:6.2f} s per 12 pages   {cpu}")
    verdict = "within" if best["cold PDF"] * 12 / pages <= TARGET_SECONDS else "over"
    print(f"  cold PDF is {verdict} the {TARGET_SECONDS:.0f} s target per 12-page edition")


if __name__ == "__main__":
    main()
