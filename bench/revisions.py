"""The same archive built by two (or more) revisions of the program, side by side.

Each revision is checked out into a temporary worktree and builds one generated archive
with `jrs-site build`, its sources first on the import path, and the archive's templates,
configuration and pages (`mkdocs.yml`, `overrides/`, `docs/`, `data/`) from that revision;
the testimonies, editions and reports, and the photo cache, are shared. One warm-up build
each (it fills that revision's PDF and card caches), then the revisions in turn, A B A B...,
so that a drifting machine weighs on all alike. Prints each one's median wall time, CPU time
(user and system, of the build and the processes it waited for: steadier than the wall time
on a busy machine) and peak memory of a build where nothing changed (or of `jrs-site check`:
`--command check`, loading and checking the whole archive), and the ratios to the first.

    .venv/bin/python bench/revisions.py 9d96490 HEAD --stories 1000 --editions 10
    .venv/bin/python bench/revisions.py b39b7e2 HEAD --stories 500 --command check
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from common import REPO
from make_archive import COPIED, Sizes, make_archive


def worktree(rev: str, parent: Path) -> Path:
    """A detached checkout of `rev` under `parent`."""
    target = parent / rev.replace("/", "_")
    subprocess.run(
        ["git", "-C", str(REPO), "worktree", "add", "--detach", "-f", str(target), rev],
        check=True,
        capture_output=True,
    )
    return target


def project_for(source: Path, archive: Path, target: Path) -> Path:
    """`archive` as `source`'s revision would have it: its content hard-linked, the files
    that revision ships (templates, configuration, pages) copied from it."""
    target.mkdir()
    for entry in archive.iterdir():
        if entry.name in (*COPIED, "site", ".cache"):
            continue
        subprocess.run(["cp", "-al", str(entry), str(target / entry.name)], check=True)
    for name in COPIED:
        copy = shutil.copytree if (source / name).is_dir() else shutil.copy2
        copy(source / name, target / name)
    # The encoded photos are shared; the rest of the cache is each revision's own: a build
    # keeps only the rendered bodies it used, so a shared one would be rendered again by
    # every build of the other revision, and no build would be one where nothing changed.
    (target / ".cache").mkdir()
    (target / ".cache" / "images").symlink_to(archive / ".cache" / "images")
    return target


Timed = tuple[float, int, float]  # wall seconds, peak resident KiB, CPU seconds


def timed_run(source: Path, archive: Path, what: str = "build") -> Timed:
    """Wall seconds, peak resident KiB and CPU seconds of one `jrs-site build` (or `check`)
    of `archive`."""
    env = {**os.environ, "PYTHONPATH": str(source / "src")}
    with tempfile.NamedTemporaryFile("r") as out:
        command = ["/usr/bin/time", "-o", out.name, "-f", "%e %M %U %S"]
        command += [sys.executable, "-m", "jrs_site", what]
        result = subprocess.run(command, cwd=archive, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"{source}: jrs-site {what} failed\n{result.stderr[-3000:]}")
        wall, rss, user, system = out.read().split()[-4:]
    return float(wall), int(rss), float(user) + float(system)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("revisions", nargs="+", help="git revisions; the first is the reference")
    parser.add_argument("--stories", type=int, default=1000)
    parser.add_argument("--editions", type=int, default=10)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--command", choices=["build", "check"], default="build")
    parser.add_argument("--work", type=Path, default=Path("/dev/shm/jrs-revisions"))
    args = parser.parse_args()
    archive = args.work / f"archive-{args.stories}"
    if not archive.exists():
        sizes = Sizes(stories=args.stories, editions=args.editions, reports=Sizes.reports)
        make_archive(archive, sizes)
    with tempfile.TemporaryDirectory(dir=args.work) as checkouts:
        sources = [worktree(rev, Path(checkouts)) for rev in args.revisions]
        (archive / ".cache" / "images").mkdir(parents=True, exist_ok=True)
        projects = [
            project_for(source, archive, Path(checkouts) / f"project-{i}")
            for i, source in enumerate(sources)
        ]
        try:
            for source, project in zip(sources, projects, strict=True):
                timed_run(source, project)  # warm-up: this revision's caches
            runs: dict[str, list[Timed]] = {rev: [] for rev in args.revisions}
            for _ in range(args.runs):
                for rev, source, project in zip(args.revisions, sources, projects, strict=True):
                    runs[rev].append(timed_run(source, project, args.command))
        finally:
            for source in sources:
                subprocess.run(
                    ["git", "-C", str(REPO), "worktree", "remove", "--force", str(source)],
                    check=False,
                )
    what = f"{args.stories} testimonies, {args.editions} editions"
    done = "A build where nothing changed" if args.command == "build" else "jrs-site check"
    print(f"{done}, {what}: median of {args.runs}")
    print("| revision | wall | CPU | peak memory | wall vs first | CPU vs first |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    first = [statistics.median(run[i] for run in runs[args.revisions[0]]) for i in (0, 2)]
    for rev, results in runs.items():
        wall, cpu = (statistics.median(run[i] for run in results) for i in (0, 2))
        rss = max(run[1] for run in results) / 1024
        print(
            f"| {rev} | {wall:.2f} s | {cpu:.2f} s | {rss:.0f} MiB "
            f"| {wall / first[0]:.2f} | {cpu / first[1]:.2f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
