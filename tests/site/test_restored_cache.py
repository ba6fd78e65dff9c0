"""A `.cache/` kept between deploys (CI restores it into a fresh clone: another folder, every
file written at checkout time) serves the new checkout: no PDF, social card or photo variant
is made again."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from tests.conftest import build, copy_project

#: Files named by a hash in the caches of photos, PDFs and cards (as `util/prune.py` sees them).
MADE = re.compile(r"[0-9a-f]{16,}[-.]")


def made(cache: Path) -> set[str]:
    """The hash-named files of the photo, PDF and card caches."""
    return {
        str(path.relative_to(cache))
        for folder in ("images", "pdf", "social")
        for path in (cache / folder).rglob("*")
        if MADE.match(path.name)
    }


@pytest.mark.slow
def test_a_restored_cache_serves_a_fresh_clone_at_another_path(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    first = copy_project(tmp_path / "first", cache)
    result = build(first)
    assert result.returncode == 0, result.stderr[-4000:]
    before = made(cache)
    assert any(name.startswith("pdf/") for name in before)
    assert any(name.startswith("social/") for name in before)

    second = copy_project(tmp_path / "clone" / "elsewhere", cache)
    checkout = time.time() + 3600  # every file written after the first build, as by git
    for path in second.rglob("*"):
        if path.is_file() and not path.is_symlink():
            os.utime(path, (checkout, checkout))
    result = build(second)
    assert result.returncode == 0, result.stderr[-4000:]
    assert "screen PDFs: 0 rendered, 2 from the cache" in result.stderr
    assert made(cache) == before
