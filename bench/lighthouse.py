"""Lighthouse 12 (mobile) on every page kind of the built example site, in both languages.

Serves the site on 127.0.0.1 with gzip, as any static host does, runs npm's `lighthouse@12`
with Debian's Chromium (`CHROME_PATH=/usr/bin/chromium`) against each page, and prints the
four scores per page kind and language (performance, accessibility, best practices, SEO),
plus the largest contentful paint and the page's transfer size.

    .venv/bin/python bench/lighthouse.py [--site site] [--runs 1] [--page testimony ...]
        [--lang nl] [--reports DIR]

Lighthouse is installed once into .cache/node/ (npm, no browser download). Performance is
simulated slow 4G on a throttled CPU: on a busy machine it reads low; run it on a quiet one.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from common import REPO, serve

sys.path.insert(0, str(REPO))  # the page kinds are the browser tests' own list
from tests.browser.kinds import LANGS, PAGES

NODE = REPO / ".cache" / "node"
LIGHTHOUSE = NODE / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def install() -> None:
    if not LIGHTHOUSE.exists():
        NODE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--no-audit", "--no-fund", "--silent", "lighthouse@12"],
            cwd=NODE,
            check=True,
        )


def lighthouse(url: str, work: Path, out: Path | None = None) -> dict[str, float]:
    """One Lighthouse run: the four scores (0-100), LCP in seconds, transfer size in KiB."""
    out = out or work / "report.json"
    flags = "--headless=new --no-sandbox --disable-gpu --disable-background-networking"
    subprocess.run(
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={flags}",
        ],
        check=True,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
    )
    report = json.loads(out.read_text("utf-8"))
    scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    audits = report["audits"]
    scores["lcp"] = audits["largest-contentful-paint"]["numericValue"] / 1000
    scores["kib"] = audits["total-byte-weight"]["numericValue"] / 1024
    failed = [
        audit_id
        for category in ("accessibility", "best-practices", "seo")
        for ref in report["categories"][category]["auditRefs"]
        if ref["weight"] > 0
        and (audit_id := ref["id"]) in audits
        and audits[audit_id]["score"] is not None
        and audits[audit_id]["score"] < 1
    ]
    failed += [
        ref["id"]
        for ref in report["categories"]["performance"]["auditRefs"]
        if (audit := audits.get(ref["id"])) is not None
        and (audit.get("details") or {}).get("type") == "opportunity"
        and audit["score"] is not None
        and audit["score"] < 0.9
    ]
    scores["failed"] = failed  # type: ignore[assignment]
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=REPO / "site", help="a built site")
    parser.add_argument("--runs", type=int, default=1, help="runs per page (median shown)")
    parser.add_argument(
        "--page", action="append", choices=PAGES, help="only this page kind (repeatable)"
    )
    parser.add_argument("--lang", action="append", choices=LANGS, help="only this language")
    parser.add_argument("--reports", type=Path, help="keep each run's JSON report in this folder")
    args = parser.parse_args()
    if args.reports:
        args.reports.mkdir(parents=True, exist_ok=True)
    if not (args.site / "index.html").exists():
        print(f"no built site in {args.site}: run `make site` first", file=sys.stderr)
        return 1
    install()
    header = f"{'page':<16} {'lang':<4} {'perf':>4} {'a11y':>4} {'bp':>4} {'seo':>4} "
    print(header + f"{'LCP s':>6} {'KiB':>6}  below 100")
    with tempfile.TemporaryDirectory() as work, serve(args.site.resolve()) as base:
        for kind, path in PAGES.items():
            if args.page and kind not in args.page:
                continue
            for lang, prefix in LANGS.items():
                if args.lang and lang not in args.lang:
                    continue
                runs = [
                    lighthouse(
                        base + prefix + path,
                        Path(work),
                        args.reports / f"{kind}-{lang}-{run}.json" if args.reports else None,
                    )
                    for run in range(args.runs)
                ]
                keys = (*CATEGORIES, "lcp", "kib")
                median = {k: statistics.median(r[k] for r in runs) for k in keys}
                failed = sorted({a for r in runs for a in r["failed"]})  # type: ignore[union-attr]
                print(
                    f"{kind:<16} {lang:<4} {median['performance']:>4.0f} "
                    f"{median['accessibility']:>4.0f} {median['best-practices']:>4.0f} "
                    f"{median['seo']:>4.0f} {median['lcp']:>6.2f} {median['kib']:>6.0f}  "
                    + (", ".join(failed) or "-"),
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
