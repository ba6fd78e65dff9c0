"""The site's woff2 fonts in, TrueType copies in the cache out, for WeasyPrint to read fast.

WeasyPrint unpacks every woff2 face on every render (about a second for our sixteen files);
unpacked once into the cache, the same faces load in a few milliseconds.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from fontTools.ttLib import TTFont

from jrs_site.fonts import font_face_css, font_files
from jrs_site.util.files import write_atomic


def truetype_dir(cache_dir: Path) -> Path:
    """A folder of TrueType copies of every font file, made on first use; named by a hash of
    the woff2 files, so new fonts get a new folder."""
    files = font_files()
    digest = hashlib.sha256(b"".join(f.read_bytes() for f in files)).hexdigest()[:12]
    folder = cache_dir / f"fonts-{digest}"
    for woff2 in files:
        ttf = folder / woff2.with_suffix(".ttf").name
        if not ttf.exists():
            folder.mkdir(parents=True, exist_ok=True)
            font = TTFont(woff2)
            font.flavor = None
            write_atomic(ttf, font.save)
    return folder


def truetype_face_css(cache_dir: Path) -> str:
    """The site's `@font-face` rules, pointing at the TrueType copies."""
    css = font_face_css(truetype_dir(cache_dir).as_uri())
    return css.replace(".woff2') format('woff2')", ".ttf') format('truetype')")
