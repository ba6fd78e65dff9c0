"""Cold and no-op builds of a large archive, with the seconds of every build step.

1. The 500-testimony archive (50 editions) built with empty caches (no `.cache/`, no `site/`),
   then again with nothing changed; each build's step lines (photos, screen PDFs, pages per
   language, search index) side by side. Goal: the cold build at most 60 s on 2 cores.
2. The no-op rebuild of a 1,000-testimony archive with 12-megapixel phone photos
   (`--big-photos`) beside the same archive with small photos. Goal: at most 1.2 times.

Archives are made in /dev/shm (tmpfs) when missing and kept for the next run; the program
is this checkout's `src/`, run by this Python.

    .venv/bin/python bench/cold.py [--stories 500] [--noop-stories 1000] [--noop-editions N]
        [--skip-noop]
"""

from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

from common import ENV, REPO, Run, mib, run
from make_archive import Sizes, make_archive

ENV["PYTHONPATH"] = str(REPO / "src")  # this checkout's program, whichever is installed
BUILD = [sys.executable, "-m", "jrs_site", "build"]
STEP = re.compile(r"^(?P<name>[^:\n]+): (?P<summary>.*) in (?P<seconds>[\d.]+) s$", re.M)


def archive(folder: Path, stories: int, editions: int, big: bool = False) -> Path:
    """The archive in `folder`, made if it is not there yet."""
    if not (folder / "mkdocs.yml").is_file():
        make_archive(folder, Sizes(stories, editions, max(1, stories // 50)), 7, big)
    return folder


def cold(project: Path) -> Run:
    """A build with empty caches and no previous site."""
    for name in (".cache", "site"):
        shutil.rmtree(project / name, ignore_errors=True)
    return run(BUILD, project)


def steps(result: Run) -> dict[str, tuple[float, str]]:
    """The build's step lines: name -> (seconds, summary)."""
    return {m["name"]: (float(m["seconds"]), m["summary"]) for m in STEP.finditer(result.output)}


def show(runs: dict[str, Run]) -> None:
    """Each step's seconds in each run, then the totals."""
    lines = {name: steps(result) for name, result in runs.items()}
    names = list(dict.fromkeys(step for found in lines.values() for step in found))
    width = max(14, *(len(name) + 2 for name in runs))

    def row(label: str, cells: list[str]) -> None:
        print(f"{label:<16}" + "".join(f"{cell:>{width}}" for cell in cells))

    row("step", list(runs))
    for step in names:
        cells = [lines[name].get(step) for name in runs]
        row(step, [f"{c[0]:.1f} s" if c else "-" for c in cells])
        for name, cell in zip(runs, cells, strict=True):
            if cell:
                print(f"{'':<18}{name}: {cell[1]}")
    row("total", [f"{r.seconds:.1f} s" for r in runs.values()])
    row("CPU", [f"{r.cpu:.1f} s" for r in runs.values()])
    row("peak RSS", [mib(r.peak_rss) for r in runs.values()])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=500)
    parser.add_argument("--noop-stories", type=int, default=1000)
    parser.add_argument("--noop-editions", type=int, help="default: one per 10 testimonies")
    parser.add_argument("--skip-noop", action="store_true", help="only the cold build")
    parser.add_argument("--work", type=Path, default=Path("/dev/shm"))
    args = parser.parse_args()

    project = archive(args.work / f"cold{args.stories}", args.stories, args.stories // 10)
    first = cold(project)
    again = run(BUILD, project)
    print(f"jrs-site build, {args.stories} testimonies, {project}")
    show({"cold": first, "no-op": again})
    if args.skip_noop:
        return 0

    noop = {}
    editions = args.noop_editions or args.noop_stories // 10
    for label, big in (("small photos", False), ("12 MP photos", True)):
        name = f"noop{args.noop_stories}-{editions}-{'big' if big else 'small'}"
        folder = archive(args.work / name, args.noop_stories, editions, big)
        run(BUILD, folder)  # fills the caches (a cold build the first time)
        noop[label] = run(BUILD, folder)
    print(f"\nno-op rebuild, {args.noop_stories} testimonies, {editions} editions")
    show(noop)
    small, big = noop["small photos"], noop["12 MP photos"]
    print(
        f"12 MP / small: {big.seconds / small.seconds:.2f} (goal: at most 1.20), CPU: "
        f"{big.cpu / small.cpu:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
