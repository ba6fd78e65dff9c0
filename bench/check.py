"""`jrs-site check` on an archive of phone-sized photos: each run a new process, as staff run it.

Side by side: the check with an empty image cache each time (what every check paid before
the photo sizes were kept in the cache: every photo decoded) and the check with the cache the
previous run left (what staff get now from the second check on).

    .venv/bin/python bench/check.py --stories 200 [--reps 3]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from common import BIN, median_run, mib, run
from make_archive import Sizes, make_archive


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=200)
    parser.add_argument("--reps", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="jrs-bench-check-") as work:
        archive = make_archive(
            Path(work) / "archive", Sizes(args.stories, max(1, args.stories // 10), 4), 7, True
        )
        cache = archive / ".cache"
        check = [BIN / "jrs-site", "check"]
        cold = []
        for _ in range(args.reps):
            shutil.rmtree(cache, ignore_errors=True)
            cold.append(run(check, archive))
        run(check, archive)  # leaves the cache a warm check reads
        warm = median_run([run(check, archive) for _ in range(args.reps)])
        cold_run = median_run(cold)
    photos = args.stories + max(1, args.stories // 10)
    print(f"jrs-site check, {args.stories} testimonies, {photos} photos of 12 megapixels")
    print(f"{'':<28} {'seconds':>8} {'CPU s':>7} {'peak':>9}")
    for name, result in (("empty cache (as before)", cold_run), ("cache of the last check", warm)):
        print(f"{name:<28} {result.seconds:>8.2f} {result.cpu:>7.2f} {mib(result.peak_rss):>9}")
    print(f"speed-up: {cold_run.seconds / warm.seconds:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
