"""The .gz and .br copies beside the site's text files, which hosts send to a browser that
accepts them (`host.py` says how): smaller pages without the host compressing each answer.

Each copy is made once into the cache, named by the digest of the file it compresses, and put
into the site as the other cached files are (a hard link): a build whose pages did not change
only reads them. A copy no smaller than its file is left out; so is a file already compressed.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import IO

import brotli

from jrs_site.outputs.web.host import COMPRESSIBLE
from jrs_site.outputs.web.publish import Publisher
from jrs_site.util.files import write_atomic
from jrs_site.util.progress import step

#: Each encoding: the extension of its copies and how it compresses: gzip at its best;
#: Brotli at 7 of 11: on 100 testimony pages and 20 scripts of a 500-testimony archive, 0.8 ms
#: a file and 19.3 % of the size; 10 took 14 ms for 17.9 % (half a kilobyte less per page),
#: 22 s of CPU for the 1,560 text files of a cold build or of a build after a template change.
ENCODINGS: dict[str, Callable[[bytes], bytes]] = {
    "gz": lambda data: gzip.compress(data, compresslevel=9, mtime=0),
    "br": lambda data: brotli.compress(data, quality=7),
}


def precompress(publisher: Publisher, cache_dir: Path) -> None:
    """Put a .gz and a .br beside every text file of the publisher's site, made into
    `cache_dir` or found there."""
    site_dir = publisher.site_dir
    files = [
        path
        for path in site_dir.rglob("*")
        if path.suffix[1:] in COMPRESSIBLE and path.is_file() and not path.name.startswith(".")
    ]
    cache_dir.mkdir(parents=True, exist_ok=True)
    with step("compressed copies") as progress:
        # zlib and Brotli let go of the interpreter while they work: one thread per core.
        with ThreadPoolExecutor(os.cpu_count()) as pool:
            done = list(pool.map(lambda path: _compress(path, cache_dir), files))
        made = sum(count for _, count in done)
        progress.summary = f"{len(files)} files, {made} copies made, the others from the cache"
    for path, (name, _) in zip(files, done, strict=True):
        relative = path.relative_to(site_dir).as_posix()
        size = path.stat().st_size
        for ext in ENCODINGS:
            copy = cache_dir / f"{name}.{ext}"
            if copy.stat().st_size < size:
                publisher.file(copy, f"{relative}.{ext}")


def _write(data: bytes, file: IO[bytes]) -> None:
    file.write(data)


def _compress(path: Path, cache_dir: Path) -> tuple[str, int]:
    """The name of the copies of `path` in `cache_dir` (by its content), and how many of
    them were made now (the others were there)."""
    data = path.read_bytes()
    name = hashlib.sha256(data).hexdigest()[:32]
    made = 0
    for ext, compress in ENCODINGS.items():
        copy = cache_dir / f"{name}.{ext}"
        if not copy.exists():
            write_atomic(copy, partial(_write, compress(data)))
            made += 1
    return name, made
