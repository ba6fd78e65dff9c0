"""Old cache entries go: those that no build has used for a month.

Every cache names its entries after a hash: a photo's web variants, print variant and
manifest all start with the photo's `<sha16>-`, a PDF and its record share their key, a
social card is its hash. An entry is the group of files that share that hash, wherever they
are under the cache; it is used when any of its files is published (the publisher touches
what it links), and it goes when none of its files was written or touched for `KEEP_DAYS`.
Files not named by a hash (indexes, the fonts, the Markdown cache) are kept. A temporary
file (`util.files.write_atomic`'s `.<name>.<random>.tmp`) a day old is what a process ended
while writing left (a worker ended when a build was stopped): it never counted as cached,
and it goes.
"""

from __future__ import annotations

import os
import re
import time
from dataclasses import dataclass
from pathlib import Path

KEEP_DAYS = 30
#: The caches whose entries are pruned, under the cache folder.
PRUNED = ("images", "pdf", "social", "compressed")
_HASHED = re.compile(r"[0-9a-f]{16,}(?=[-.])")
_TEMPORARY = re.compile(r"\..+\.tmp")
#: No write takes this long: a temporary file this old was left by a process ended in it.
TEMPORARY_DAYS = 1


@dataclass(frozen=True)
class Pruned:
    files: int
    bytes: int


def prune(cache_dir: Path, days: float = KEEP_DAYS, now: float | None = None) -> Pruned:
    """Remove the entries under `cache_dir` unused for `days` days."""
    groups: dict[str, list[tuple[Path, os.stat_result]]] = {}
    left: list[tuple[Path, os.stat_result]] = []  # temporary files
    for name in PRUNED:
        for parent, _, files in os.walk(cache_dir / name):
            for file in files:
                match = _HASHED.match(file)
                if match:
                    path = Path(parent, file)
                    groups.setdefault(match.group(), []).append((path, path.stat()))
                elif _TEMPORARY.fullmatch(file):
                    path = Path(parent, file)
                    left.append((path, path.stat()))
    now = time.time() if now is None else now
    cutoff = now - days * 86400
    unused = [
        entry
        for entries in groups.values()
        if max(stat.st_mtime for _, stat in entries) < cutoff
        for entry in entries
    ]
    stale = [(path, stat) for path, stat in left if stat.st_mtime < now - TEMPORARY_DAYS * 86400]
    gone = [*unused, *stale]
    for path, _ in gone:
        path.unlink(missing_ok=True)
    return Pruned(len(gone), sum(stat.st_size for _, stat in gone))


def touch(path: Path) -> None:
    """Mark a cached file as used now (once an hour is enough to be kept for days)."""
    if time.time() - path.stat().st_mtime > 3600:
        os.utime(path)
