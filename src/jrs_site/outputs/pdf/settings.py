"""What a PDF is made for: print (CMYK, bleed, 300 ppi) or screen (RGB, small), and its options."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Variant = Literal["print", "screen"]
VARIANTS: tuple[Variant, ...] = ("print", "screen")

#: Freely licensed coated-paper CMYK profiles installed by Debian packages, in order of choice.
#: `libgs-common` ships Artifex's AGPL "CMYK SWOP" (coated offset) profile.
CMYK_PROFILES = (Path("/usr/share/color/icc/ghostscript/default_cmyk.icc"),)

#: Photo resolution at the placed size.
PPI: dict[Variant, int] = {"print": 300, "screen": 150}


class PdfError(Exception):
    """A PDF that cannot be made, with a message staff can act on."""


def default_cmyk_profile() -> Path:
    """The first coated CMYK profile installed on this machine."""
    for path in CMYK_PROFILES:
        if path.is_file():
            return path
    raise PdfError(
        "no CMYK colour profile is installed for the print PDF: install Debian's "
        "'libgs-common' package, or give the printer's profile with --icc PATH"
    )


@dataclass(frozen=True)
class PdfOptions:
    """How to make one PDF: the variant, crop marks (print), the CMYK profile (print), and
    the website's address (`site_url`), by which it links what the site publishes (a
    report's full PDF)."""

    variant: Variant = "print"
    marks: bool = False
    icc: Path | None = None
    site_url: str = ""

    def __post_init__(self) -> None:
        if self.variant not in VARIANTS:
            raise ValueError(f"the PDF variant must be one of {VARIANTS}, not {self.variant!r}")
        if self.variant == "screen" and (self.marks or self.icc):
            raise ValueError("crop marks and a CMYK profile are for the print variant only")
        if self.variant == "print" and self.icc is None:
            object.__setattr__(self, "icc", default_cmyk_profile())
        if self.icc is not None:
            object.__setattr__(self, "icc", Path(self.icc).absolute())

    @property
    def is_print(self) -> bool:
        return self.variant == "print"

    @property
    def ppi(self) -> int:
        return PPI[self.variant]
