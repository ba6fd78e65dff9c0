"""An edition, a language and the PDF options in, the cache key of its PDF out.

The key hashes every file the PDF is made from: the edition folder (its text, cover and
articles with their photos), the stories and reports it prints, the shared data, and the print
export's own files (stylesheet, templates, code), the fonts and the UI strings, plus the CMYK
profile, the versions of WeasyPrint and of this program, the variant and the language.
Unchanged inputs give the same key, and the PDF is not rendered again. Each file is hashed
once, then known by its size and mtime (`index.json`, the image cache's `SourceIndex`).
The program's own files are part of the key too (`PROGRAM_PARTS`: every stage but the
website, the e-mail and the adapters), so a new version of the code makes new PDFs.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

from jrs_site.images.cache import SourceIndex
from jrs_site.model.bundles import Edition, Site
from jrs_site.outputs.pdf.preflight import Source
from jrs_site.outputs.pdf.settings import PdfError, PdfOptions
from jrs_site.util.files import read_json, write_json

PACKAGE = Path(__file__).resolve().parents[2]
#: The parts of the program whose files shape a PDF: every stage but the website, the e-mail
#: and the adapters (the text, its typography and the photos included).
PROGRAM_PARTS = ("model", "load", "render", "images", "util", "outputs/pdf", "fonts", "locales")
DATA_FILES = ("data/organisation.yml", "data/authors.yml", "data/themes.yml")

Job = tuple[str, str]  # (edition key, language)


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def source_files(site: Site, edition: Edition) -> list[Path]:
    """Every content file the edition's PDF is made from."""
    folders = [edition.folder, *(a.folder for a in edition.articles)]
    files = [f for folder in dict.fromkeys(folders) for f in _files(folder)]
    return [*dict.fromkeys(files), *(site.root / name for name in DATA_FILES)]


@cache
def program_files() -> tuple[Path, ...]:
    """The stylesheet, templates and code of the print export, the code that renders the text,
    the fonts and UI strings (listed once per process: the program does not change while it
    runs)."""
    return tuple(f for part in PROGRAM_PARTS for f in _files(PACKAGE / part))


def cache_key(
    site: Site, edition: Edition, lang: str, options: PdfOptions, index: SourceIndex
) -> str:
    """A short hash of everything the PDF of `edition` in `lang` depends on. Each file counts
    by its content hash, which `index` keeps by size and mtime: an unchanged 12-megapixel
    photo costs a stat, not a read. A draft edition has no PDF: `PdfError`."""
    if not edition.published():
        raise PdfError(f"edition {edition.key} is a draft: drafts appear in no PDF")
    digest = hashlib.sha256()
    versions = [version("weasyprint"), version("jrs-site")]
    settings = [*versions, options.variant, options.marks, options.site_url, lang, edition.key]
    digest.update(json.dumps(settings).encode())
    files = [(f.relative_to(site.root), f) for f in source_files(site, edition)]
    files += [(f.relative_to(PACKAGE), f) for f in program_files()]
    if options.icc is not None:
        files.append((Path("icc"), options.icc))
    for name, path in files:
        digest.update(f"\0{name.as_posix()}\0{index.sha_of(path)}".encode())
    return digest.hexdigest()[:20]


@dataclass(frozen=True)
class CachedPdf:
    """A PDF in the cache, with what was learned when it was made."""

    pdf: Path
    pages: int
    added: tuple[str, ...]
    warnings: tuple[str, ...]
    source: Source = Source()

    @property
    def manifest(self) -> Path:
        return self.pdf.with_suffix(".json")

    def save(self) -> None:
        """Record the manifest (the PDF is written first: a manifest means a whole PDF)."""
        manifest = {
            "pages": self.pages,
            "added": self.added,
            "warnings": self.warnings,
            "texts": self.source.texts,
            "empty_headings": self.source.empty_headings,
        }
        write_json(self.manifest, manifest)


def lookup(cache_dir: Path, key: str) -> CachedPdf | None:
    """The cached PDF for `key`, if it and its manifest are there."""
    pdf = cache_dir / f"{key}.pdf"
    manifest = read_json(pdf.with_suffix(".json"))
    if not isinstance(manifest, dict) or not pdf.is_file():
        return None
    return CachedPdf(
        pdf,
        int(manifest.get("pages", 0)),
        tuple(manifest.get("added", ())),
        tuple(manifest.get("warnings", ())),
        Source(
            tuple((str(title), str(text)) for title, text in manifest.get("texts", ())),
            tuple(manifest.get("empty_headings", ())),
        ),
    )
