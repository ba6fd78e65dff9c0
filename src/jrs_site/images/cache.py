"""The content-addressed cache: source hashes, the source index and JSON manifests."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeGuard

from jrs_site.images.decode import inspect, read_source, remember
from jrs_site.util.files import read_json, write_json

#: Bump when the same settings start producing different pixels, to rebuild every variant.
PIPELINE_VERSION = 1

Stamp = tuple[int, int]


def digest(data: bytes) -> str:
    """The cache key of a source file: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(data).hexdigest()[:16]


def settings_hash(*parts: object) -> str:
    """A short, stable hash of everything that shapes an output's pixels."""
    text = json.dumps([PIPELINE_VERSION, *parts], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:8]


def stamp(src: Path) -> Stamp | None:
    """(size, mtime_ns) of a file, or None if it cannot be stat'ed."""
    try:
        st = src.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


class SourceIndex:
    """`{path: [size, mtime_ns, sha]}` in the cache folder, so unchanged photos are not re-read.

    Only an optimisation: if two builds save it at once, the last one wins and the other's
    entries are simply hashed again next time.
    """

    def __init__(self, cache_dir: Path) -> None:
        self.path = cache_dir / "index.json"
        entries = read_json(self.path)
        self._entries: dict[str, list[Any]] = entries if isinstance(entries, dict) else {}
        self._changed = False

    def sha(self, src: Path, current: Stamp | None) -> str | None:
        """The recorded hash of `src` if its size and mtime are unchanged."""
        entry = self._entries.get(os.path.abspath(src))
        if current is None or not isinstance(entry, list) or len(entry) != 3:
            return None
        return entry[2] if tuple(entry[:2]) == current else None

    def record(self, src: Path, current: Stamp | None, sha: str) -> None:
        """Remember the hash of `src` as it was when `current` was taken (before reading it)."""
        if current is not None and self.sha(src, current) != sha:
            self._entries[os.path.abspath(src)] = [*current, sha]
            self._changed = True

    def sha_of(self, src: Path) -> str:
        """The hash of any file: the recorded one while its size and mtime are unchanged
        (a stat), else read, hashed and recorded. Raises OSError as reading does."""
        current = stamp(src)
        sha = self.sha(src, current)
        if sha is None:
            sha = digest(src.read_bytes())
            self.record(src, current, sha)
        return sha

    def save(self) -> None:
        """Write the index if anything changed."""
        if self._changed:
            write_json(self.path, self._entries)
            self._changed = False


def usable(path: Path) -> bool:
    """Cheap check of a cached output: it exists and is not empty."""
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def cached_file(
    src: Path, cache_dir: Path, name: Callable[[str], str], build: Callable[[Path, bytes], None]
) -> Path:
    """The cached output `cache_dir / name(sha)` for `src`, made by `build(path, source_bytes)`
    when it is missing or empty; an unchanged source costs a stat and no hashing."""
    cache_dir.mkdir(parents=True, exist_ok=True)
    index = SourceIndex(cache_dir)
    current = stamp(src)
    sha = index.sha(src, current)
    if sha is not None and usable(cache_dir / name(sha)):
        return cache_dir / name(sha)
    data = read_source(src)
    sha = digest(data)
    path = cache_dir / name(sha)
    if not usable(path):
        build(path, data)
    index.record(src, current, sha)
    index.save()
    return path


class Inspector:
    """`inspect()` remembered between processes: the upright size of each photo, kept in the
    cache folder by content hash (`sizes-v<N>.json`), so an unchanged photo costs a stat, not
    a decode (about 0.3 s for a 12-megapixel HEIC, paid by every `jrs-site check` before).
    A photo that cannot be read is never remembered: its error comes back every time."""

    def __init__(self, cache_dir: Path) -> None:
        self.index = SourceIndex(cache_dir)
        self.path = cache_dir / f"sizes-v{PIPELINE_VERSION}.json"
        stored = read_json(self.path)
        self._sizes: dict[str, Any] = stored if isinstance(stored, dict) else {}
        self._changed = False

    def __call__(self, src: Path) -> tuple[int, int]:
        """The upright pixel size of `src`; raises ImageError as `inspect()` does."""
        current = stamp(src)
        sha = self.index.sha(src, current)
        known = self._sizes.get(sha) if sha is not None else None
        if _is_size(known) and current is not None:
            remember(src, current, (known[0], known[1]))
            return known[0], known[1]
        data = read_source(src)  # read once: hashed, then inspected if its hash is new
        sha = digest(data)
        known = self._sizes.get(sha)
        size = (known[0], known[1]) if _is_size(known) else inspect(src, data)
        if not _is_size(known):
            self._sizes[sha], self._changed = list(size), True
        self.index.record(src, current, sha)
        return size

    def save(self) -> None:
        """Write what was learnt, if anything was."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self._changed:
            write_json(self.path, self._sizes)
            self._changed = False
        self.index.save()


def _is_size(value: Any) -> TypeGuard[list[int]]:
    return isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value)
