"""Files written whole (through a temporary name, then renamed, so no reader sees half), and
digests of source trees and of values."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, Any


def write_atomic(path: Path, write: Callable[[IO[bytes]], object]) -> None:
    """Write through a temporary file in the same folder, then rename it into place."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o644)  # mkstemp's 0600 would hide published files from the web server
        with os.fdopen(fd, "wb") as f:
            write(f)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def read_json(path: Path) -> Any:
    """The parsed content of a JSON file, or None when it is missing or damaged."""
    try:
        return json.loads(path.read_bytes())
    except (OSError, ValueError):
        return None


def write_json(path: Path, data: Any) -> None:
    """Write JSON atomically."""
    write_atomic(path, lambda f: f.write(json.dumps(data, separators=(",", ":")).encode()))


#: Files whose text is hashed; of any other file (a photo), its size and modification time.
TEXTS = (".yml", ".yaml", ".md")


def value_digest(value: object) -> str:
    """A hash of `value`'s repr: of plain data (strings, numbers, tuples, lists, dicts)."""
    return hashlib.sha256(repr(value).encode()).hexdigest()


def files_digest(paths: Iterable[Path]) -> str:
    """A short hash of the bytes of `paths`, in order: names a cache file made from them."""
    return hashlib.sha256(b"".join(path.read_bytes() for path in paths)).hexdigest()[:12]


def tree_digest(path: Path) -> str:
    """A hash of what reading `path` (a file or a folder, with everything under it) reads:
    every file's path, the bytes of the texts, the size and modification time of the others
    (a few milliseconds per thousand files). A missing path has a digest too."""
    digest = hashlib.sha256()
    walked = [(str(path.parent), [], [path.name])] if path.is_file() else sorted(os.walk(path))
    for parent, _, names in walked:
        for name in sorted(names):
            file = os.path.join(parent, name)
            digest.update(f"\0{file}\0".encode())
            stat = os.stat(file)
            if name.endswith(TEXTS):
                digest.update(_text_digest(file, stat))
            else:
                digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def _text_digest(file: str, stat: os.stat_result) -> bytes:
    """The hash of the bytes of `file`, read again only when its `stat` changed: `serve`
    digests every source on every save, and reading them all was most of it. Not remembered
    while the file is younger than `RACY_NS`: a second write within one tick of the clock
    may leave its size and times as they were (as git's index, which checks such files)."""
    stamp = (stat.st_ino, stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
    known = _texts.get(file)
    if known is not None and known[0] == stamp:
        return known[1]
    with open(file, "rb") as opened:
        hashed = hashlib.sha256(opened.read()).digest()
    if time.time_ns() - max(stat.st_mtime_ns, stat.st_ctime_ns) > RACY_NS:
        if len(_texts) >= MAX_TEXTS:
            _texts.clear()
        _texts[file] = (stamp, hashed)
    return hashed


#: The hash of each text file `tree_digest` read in this process, by path, with the stamp
#: (inode, size, modification and change times) it had: read again when that changed.
_texts: dict[str, tuple[tuple[int, int, int, int], bytes]] = {}
MAX_TEXTS = 100_000
RACY_NS = 2_000_000_000  # two seconds: far more than any file system's tick
