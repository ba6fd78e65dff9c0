"""Page geometry in millimetres in, the variant's page CSS out (page box, bleed, CMYK profile).

Photo widths live here and nowhere else: the HTML builder sizes each `<img>` with them and asks
the image pipeline for a print variant at that same width, so the ppi that preflight measures
is the ppi that was planned.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Literal

from jrs_site.images import ImageError, inspect, print_resolution_issue
from jrs_site.model.bundles import Bundle, Edition, Site
from jrs_site.model.problems import Problem
from jrs_site.outputs.pdf.settings import PdfOptions
from jrs_site.render.kinds import kind_of

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
PT_PER_MM = 72 / MM_PER_INCH
#: A saddle-stitched booklet is made of sheets folded in two: four pages each.
PAGES_PER_SHEET = 4

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
    """Where print puts a photo: the cover edge to edge, a story's portrait and every photo
    taller than wide (or square) in a column, a landscape photo across both columns: each keeps
    its shape. Reads the photo's size (`ImageError` when it cannot)."""
    if name == bundle.lead_photo():
        return kind_of(bundle).lead_print
    pixels_wide, pixels_high = inspect(bundle.folder / name)
    return "wide" if pixels_wide > pixels_high else "column"


def print_photos(
    site: Site, editions: list[Edition] | None = None
) -> Iterator[tuple[Edition, Bundle, str]]:
    """Every photo of the printed editions (default: every published one), with its edition
    and its bundle."""
    for edition in site.published_editions() if editions is None else editions:
        for bundle in (edition, *edition.articles_in("print")):
            for name in sorted(bundle.photo_names()):
                yield edition, bundle, name


def print_resolution_problems(site: Site, editions: list[Edition] | None = None) -> list[Problem]:
    """Each printed photo's resolution at the width the newsletter prints it (300 ppi wanted:
    a warning under it, an error under the 150 ppi minimum), reported against the file that
    names the photo, with the edition it is printed in."""
    problems = []
    for edition, bundle, name in print_photos(site, editions):
        try:
            width_mm = _width(placement(bundle, name), is_print=True)
            issue = print_resolution_issue(bundle.folder / name, width_mm)
        except ImageError:
            continue  # the loader has reported the unreadable photo already
        if issue is not None:
            severity, message = issue
            where = bundle.folder / bundle.meta_file()
            text = f"'{name}' in the print edition {edition.key}: {message}"
            problems.append(Problem(where, text, "photos", None, severity))
    return problems


def website_print_problems(site: Site) -> list[Problem]:
    """`print_resolution_problems` as the website sees them: warnings, since they do not
    block the website; those under the minimum say that the print PDF refuses the photo."""
    return [
        replace(p, severity="warning", hint=PRINT_REFUSES) if p.severity == "error" else p
        for p in print_resolution_problems(site)
    ]


PRINT_REFUSES = (
    "the website is built all the same, but 'jrs-site pdf --variant print' refuses this "
    "edition until the photo is replaced by a larger original"
)


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
