"""Per-language search on a large archive: Material's lunr search against Pagefind, in Chromium.

    .venv/bin/python bench/search.py [--stories 1000] [--archive /tmp/jrs-search-archive]

Builds a synthetic archive (`make_archive.py`) once with Material's `search` plugin added to
the real configuration, so one site holds both: lunr's index (merged by mkdocs-static-i18n,
split here per language the way a per-language setup would write it: only that language's
entries, its stemmer) and the Pagefind bundle our build writes. A local server sends it gzipped,
as any host would. For each language, in a fresh browser context (empty cache), it measures:

- the bytes and the time from the start of a search to the first result (lunr: fetch the
  index, build it in Material's search worker, query; Pagefind: load its script and WebAssembly,
  query, load the first result), on this machine and on an emulated phone (4x slower CPU,
  1.6 Mbit/s down, 150 ms round trip).

The query is a first name that appears in testimonies of both languages. Note that Material's
search fetches its index on every page load, searched or not (its form is in every header),
so its bytes are paid by every reader; Pagefind fetches nothing until a reader searches.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from common import BIN, serve
from make_archive import Sizes, make_archive
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-sync"]
QUERY = "Samira"
PHONE = {"cpu": 4, "down": 1.6e6 / 8, "up": 750e3 / 8, "latency": 150}

LUNR_SEARCH = """async ([index, worker, query]) => {
  const start = performance.now();
  const data = await (await fetch(index)).json();
  const search = new Worker(worker);
  const ask = (message, reply) => new Promise((resolve) => {
    search.onmessage = (event) => event.data.type === reply && resolve(event.data.data);
    search.postMessage(message);
  });
  await ask({type: 0, data: {...data, options: {suggest: false}}}, 1);
  const found = await ask({type: 2, data: query}, 3);
  return {ms: performance.now() - start, results: found.items.length};
}"""

PAGEFIND_SEARCH = """async ([bundle, query]) => {
  const start = performance.now();
  const pagefind = await import(bundle);
  await pagefind.options({baseUrl: "/"});
  const found = await pagefind.search(query);
  await found.results[0].data();
  return {ms: performance.now() - start, results: found.results.length};
}"""


def build(archive: Path, stories: int) -> Path:
    """Write the archive and build it with Material's search plugin added."""
    make_archive(archive, Sizes.scaled(stories))
    config = archive / "mkdocs.yml"
    text = config.read_text("utf-8")
    config.write_text(text.replace("plugins:\n", "plugins:\n  - search\n", 1), "utf-8")
    subprocess.run([BIN / "jrs-site", "build"], cwd=archive, check=True, capture_output=True)
    return archive / "site"


def split_lunr_index(site: Path) -> dict[str, Path]:
    """One lunr index per language, as a per-language Material search would write it."""
    merged = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    paths = {}
    for lang in ("nl", "fr"):
        docs = [d for d in merged["docs"] if d["location"].startswith("fr/") == (lang == "fr")]
        config = {**merged["config"], "lang": [lang]}
        config["pipeline"] = ["stemmer", "stopWordFilter", "trimmer"]
        paths[lang] = site / "search" / f"search_index.{lang}.json"
        paths[lang].write_text(json.dumps({"config": config, "docs": docs}), "utf-8")
    return paths


def measured(
    browser: Browser, url: str, phone: bool, search: Callable[[Page], dict[str, Any]]
) -> dict[str, Any]:
    """Open `url` in a fresh context (empty cache), run `search`; add the bytes it fetched."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url, wait_until="networkidle")
    if phone:
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": PHONE["cpu"]})
        cdp.send("Network.enable")
        conditions = {"downloadThroughput": PHONE["down"], "uploadThroughput": PHONE["up"]}
        cdp.send(
            "Network.emulateNetworkConditions",
            {"offline": False, "latency": PHONE["latency"], **conditions},
        )
    fetched: list[int] = []
    page.on("requestfinished", lambda r: fetched.append(r.sizes()["responseBodySize"]))
    result = search(page)
    page.wait_for_load_state("networkidle")
    context.close()
    return {**result, "bytes": sum(fetched)}


def lunr(site: Path, index: Path) -> Callable[[Page], dict[str, Any]]:
    worker = next((site / "assets/javascripts/workers").glob("search.*.js"))
    paths = ["/" + p.relative_to(site).as_posix() for p in (index, worker)]
    return lambda page: page.evaluate(LUNR_SEARCH, [*paths, QUERY])


def pagefind(page: Page) -> dict[str, Any]:
    return page.evaluate(PAGEFIND_SEARCH, ["/pagefind/pagefind.js", QUERY])


def report(name: str, runs: list[dict[str, Any]]) -> None:
    ms = statistics.median(r["ms"] for r in runs)
    print(
        f"    {name:9} {runs[-1]['bytes'] / 1024:6.0f} KiB downloaded, first result after "
        f"{ms:6.0f} ms ({runs[-1]['results']} results)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--archive", type=Path, default=Path("/tmp/jrs-search-archive"))
    parser.add_argument("--runs", type=int, default=3, help="runs per measure (median)")
    parser.add_argument("--reuse", action="store_true", help="keep an archive built before")
    args = parser.parse_args()
    site = args.archive / "site" if args.reuse else build(args.archive, args.stories)
    indexes = split_lunr_index(site)
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for phone in (False, True):
            print("emulated phone (4x slower CPU, 1.6 Mbit/s, 150 ms)" if phone else "this machine")
            for lang in ("nl", "fr"):
                url = base + ("fr/" if lang == "fr" else "")
                print(f"  {lang} (lunr index {indexes[lang].stat().st_size / 1024:.0f} KiB raw)")
                variants = {"lunr": lunr(site, indexes[lang]), "Pagefind": pagefind}
                for name, search in variants.items():
                    report(name, [measured(browser, url, phone, search) for _ in range(args.runs)])
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
