"""Old cache entries go; an entry any build still uses stays, all of its files."""

from __future__ import annotations

import os
import time
from pathlib import Path

from jrs_site.outputs.web.publish import Publisher
from jrs_site.util.prune import KEEP_DAYS, Pruned, prune

DAY = 86400


def _file(path: Path, age_days: float, size: int = 10) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)
    when = time.time() - age_days * DAY
    os.utime(path, (when, when))
    return path


def test_entries_unused_for_a_month_go_whole(tmp_path: Path) -> None:
    cache = tmp_path / ".cache"
    old = "0123456789abcdef"
    gone = [
        _file(cache / f"images/{old}-6fac2366-480.avif", 40),
        _file(cache / f"images/{old}-6fac2366.json", 40),
        _file(cache / f"pdf/images/{old}-7e32cf77-print.jpg", 35),
        _file(cache / "pdf/27f7778aa0e8495d69ff.pdf", 31, size=1000),
        _file(cache / "pdf/27f7778aa0e8495d69ff.json", 31),
        _file(cache / "social/010812cd754ef366.jpg", 90),
    ]
    used = "fedcba9876543210"
    kept = [
        _file(cache / f"images/{used}-6fac2366-480.avif", 40),  # its manifest was just used
        _file(cache / f"images/{used}-6fac2366.json", 1),
        _file(cache / f"pdf/images/{used}-7e32cf77-print.jpg", 400),  # the photo is in use
        _file(cache / "images/index.json", 400),  # not an entry: an index
        _file(cache / "images/sizes-v1.json", 400),
        _file(cache / "pdf/fonts-d762816c9e89/source-sans-3-latin-400-normal.ttf", 400),
        _file(cache / "markdown/nl.json", 400),
        _file(cache / f"node/{old}-lighthouse.js", 400),  # not one of our caches
    ]
    pruned = prune(cache)
    assert [p for p in gone if p.exists()] == []
    assert [p for p in kept if not p.exists()] == []
    assert (pruned.files, pruned.bytes) == (6, 5 * 10 + 1000)
    assert prune(cache).files == 0


def test_publishing_marks_the_entry_used(tmp_path: Path) -> None:
    """What a build links into the site is in use, however old its cache file is."""
    cache = tmp_path / ".cache"
    variant = _file(cache / "images/0123456789abcdef-6fac2366-480.avif", KEEP_DAYS + 5)
    Publisher(tmp_path / "site").file(variant, "media/0123456789abcdef-6fac2366-480.avif")
    assert prune(cache).files == 0 and variant.exists()


def test_a_temporary_file_left_by_an_ended_worker_goes_after_a_day(tmp_path: Path) -> None:
    """A worker ended while it wrote (a build stopped by Ctrl+C) leaves its temporary file:
    never a cache entry, and gone once no write can still be making it."""
    cache = tmp_path / ".cache"
    key = "27f7778aa0e8495d69ff"
    left = [
        _file(cache / f"pdf/.{key}.pdf.k2j3h4.tmp", 2, size=500),
        _file(cache / "images/.0123456789abcdef-6fac2366-480.avif.x9y8.tmp", 1.5),
    ]
    kept = [
        _file(cache / f"pdf/.{key}.json.q1w2e3.tmp", 0.1),  # a build may be writing it now
        _file(cache / f"pdf/{key}.pdf", 2),  # an entry, used two days ago
        _file(cache / f"pdf/{key}.json", 2),
    ]
    assert prune(cache) == Pruned(2, 510)
    assert [p for p in left if p.exists()] == []
    assert [p for p in kept if not p.exists()] == []
