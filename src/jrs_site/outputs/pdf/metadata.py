"""A PDF that staff made elsewhere (a report's full text), published without what its program
wrote about who made it and with what: the document information (Author, Creator, Producer,
dates, keywords...; the title stays, which viewers show), every XMP metadata stream (of the
document, its pages, images and fonts) and the programs' private data (PieceInfo).

Each copy is cached by the source's content: an unchanged PDF is not rewritten.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import BinaryIO, cast

import pikepdf

from jrs_site.util.files import write_atomic

#: Bump when what is stripped changes: copies made before are made again.
VERSION = b"1"
#: What may stay of the document information: its title.
KEPT_INFO = frozenset({"/Title"})


class UnreadablePdf(Exception):
    """A file that is no PDF pikepdf (qpdf) can read."""


def stripped(source: Path, cache_dir: Path) -> Path:
    """The copy of the PDF `source` without its metadata, in `cache_dir`."""
    digest = hashlib.sha256(VERSION + source.read_bytes()).hexdigest()[:32]
    target = cache_dir / f"{digest}.pdf"
    if target.is_file():
        return target
    cache_dir.mkdir(parents=True, exist_ok=True)
    try:
        with pikepdf.open(source) as pdf:
            _strip(pdf)
            write_atomic(target, lambda file: pdf.save(cast(BinaryIO, file), deterministic_id=True))
    except pikepdf.PdfError as error:
        raise UnreadablePdf(f"this PDF cannot be read ({error})") from None
    return target


def _strip(pdf: pikepdf.Pdf) -> None:
    info = pdf.trailer.get("/Info")
    if isinstance(info, pikepdf.Dictionary):
        for key in sorted(set(info.keys()) - KEPT_INFO):
            del info[key]
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            for name in ("/Metadata", "/PieceInfo"):
                if name in obj:
                    del obj[name]
