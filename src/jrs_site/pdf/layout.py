"""Page geometry in millimetres in, the variant's page CSS out (page box, bleed, CMYK profile).

Photo widths live here and nowhere else: the HTML builder sizes each `<img>` with them and asks
the image pipeline for a print variant at that same width, so the ppi that preflight measures
is the ppi that was planned.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from ..content.bundles import Bundle, Edition, Site, Story
from ..content.markdown import IMAGE_RE
from .settings import PdfOptions

PAGE_WIDTH = 210.0
PAGE_HEIGHT = 297.0
BLEED = 3.0
#: Room around the bleed for crop marks, when asked for (drawn by pikepdf, in CMYK).
MARKS_AREA = 12.0
MARGIN_TOP = 16.0
MARGIN_BOTTOM = 22.0
MARGIN_SIDE = 16.0
COLUMN_GAP = 7.0
TEXT_WIDTH = PAGE_WIDTH - 2 * MARGIN_SIDE
COLUMN_WIDTH = (TEXT_WIDTH - COLUMN_GAP) / 2
#: The tallest a photo page's photo runs from the top edge, leaving room for its caption.
PHOTO_PAGE_HEIGHT = 228.0
MM_PER_INCH = 25.4

Placement = Literal["wide", "column", "full"]


def bleed(options: PdfOptions) -> float:
    """The bleed that artwork runs into: 3 mm in print, none on screen."""
    return BLEED if options.is_print else 0.0


def placed_width(placement: Placement, options: PdfOptions) -> float:
    """Printed width in mm of a photo: across both columns, one column, or edge to edge."""
    return _width(placement, options.is_print)


def _width(placement: Placement, is_print: bool) -> float:
    if placement == "full":
        return PAGE_WIDTH + (2 * BLEED if is_print else 0.0)
    return TEXT_WIDTH if placement == "wide" else COLUMN_WIDTH


def placement(bundle: Bundle, name: str) -> Placement:
    """Where print puts a photo: the cover edge to edge, a portrait in a column, others wide."""
    if isinstance(bundle, Edition) and name == bundle.meta.cover:
        return "full"
    if isinstance(bundle, Story) and name == bundle.meta.portrait:
        return "column"
    return "wide"


def print_photos(site: Site) -> Iterator[tuple[Bundle, str, float]]:
    """Every photo of the printed editions, with its bundle and printed width in mm (print
    variant: the widths that need 300 ppi)."""
    for edition in site.published_editions():
        bundles: list[Bundle] = [edition, *edition.articles]
        for bundle in bundles:
            if isinstance(bundle, Story) and not bundle.published("print"):
                continue
            lead = getattr(bundle.meta, "cover", None) or getattr(bundle.meta, "portrait", None)
            names = {lead} if lead else set()
            for text in bundle.texts.values():
                names |= {m.group("src").strip("<>") for m in IMAGE_RE.finditer(text.body)}
            for name in sorted(names):
                yield bundle, name, _width(placement(bundle, name), is_print=True)


def page_css(options: PdfOptions) -> str:
    """The page box and bleed of the variant, its geometry as CSS variables for the
    stylesheet (`--outer`: from the text edge to the edge of the artwork), and the CMYK profile
    of print."""
    geometry = {
        "bleed": bleed(options),
        "outer": MARGIN_SIDE + bleed(options),
        "top": MARGIN_TOP + bleed(options),
        "bottom": MARGIN_BOTTOM + bleed(options),
        "column-gap": COLUMN_GAP,
        "column-width": COLUMN_WIDTH,
        "content-height": PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
    }
    rules = [
        "@page { size: A4; "
        f"margin: {MARGIN_TOP}mm {MARGIN_SIDE}mm {MARGIN_BOTTOM}mm; "
        f"bleed: {bleed(options)}mm; marks: none }}",
        ":root { " + " ".join(f"--{k}: {v}mm;" for k, v in geometry.items()) + " }",
    ]
    if options.icc is not None:
        rules.append(
            f'@color-profile device-cmyk {{ src: url("{options.icc.as_uri()}"); '
            "components: cyan, magenta, yellow, black }"
        )
    return "\n".join(rules) + "\n"
