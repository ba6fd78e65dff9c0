"""The site's woff2 fonts in, TrueType copies in the cache out, for WeasyPrint to read fast.

WeasyPrint unpacks every woff2 face on every render (about a second for sixteen files);
unpacked once into the cache, the same faces load in a few milliseconds. The PDFs use every
face of the site and the emoji (`jrs_site.fonts`).
"""

from __future__ import annotations

import re
from pathlib import Path

from fontTools.ttLib import TTFont

from jrs_site.fonts import FACES, font_face_css, font_files, font_stack
from jrs_site.util.files import files_digest, write_atomic


def truetype_dir(cache_dir: Path) -> Path:
    """A folder of TrueType copies of every font file, made on first use; named by a hash of
    the woff2 files, so new fonts get a new folder."""
    files = font_files(pdf=True)
    folder = cache_dir / f"fonts-{files_digest(files)}"
    for woff2 in files:
        ttf = folder / woff2.with_suffix(".ttf").name
        if not ttf.exists():
            folder.mkdir(parents=True, exist_ok=True)
            font = TTFont(woff2)
            font.flavor = None
            write_atomic(ttf, font.save)
    return folder


def with_fonts(cache_dir: Path, stylesheet: str) -> str:
    """The PDFs' `@font-face` rules, pointing at the TrueType copies, then `stylesheet` with
    each of our family names replaced by all its parts (`font_stack`)."""
    css = font_face_css(truetype_dir(cache_dir).as_uri(), pdf=True, split=True)
    css = css.replace(".woff2') format('woff2')", ".ttf') format('truetype')")
    names = "|".join(map(re.escape, FACES))
    return css + re.sub(rf"([\"'])({names})\1", lambda m: font_stack(m[2]), stylesheet)
