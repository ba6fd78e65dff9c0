"""A PDF file in, the printer's checks out: page boxes, page count, fonts, photo resolution and
colour, output intent. Pure pikepdf, so it runs anywhere, on any PDF (ours or not)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pikepdf

from .layout import BLEED, MM_PER_INCH, PAGE_HEIGHT, PAGE_WIDTH

PT_PER_MM = 72 / MM_PER_INCH
MIN_PPI = 300
#: Rounding in the PDF's numbers: a box or a resolution this close to the rule passes.
TOLERANCE_PT = 0.1
TOLERANCE_PPI = 1.0
PAGES_PER_SHEET = 4
#: Operators that paint in DeviceRGB, which PDF/X-4 forbids next to a CMYK output intent.
RGB_OPERATORS = {"rg", "RG"}

Status = Literal["ok", "warn", "fail"]
Box = tuple[float, float, float, float]
Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1, 0, 0, 1, 0, 0)


@dataclass(frozen=True)
class Check:
    """One line of the table: what was checked, what was found, and whether it passes."""

    name: str
    status: Status
    detail: str


@dataclass(frozen=True)
class PlacedImage:
    """One photo as drawn on a page."""

    page: int
    name: str
    pixels: tuple[int, int]
    size_mm: tuple[float, float]
    colour_space: str

    @property
    def ppi(self) -> float:
        """Pixels per inch as printed: the lower of the two directions."""
        width, height = self.size_mm
        return min(self.pixels[0] / (width / MM_PER_INCH), self.pixels[1] / (height / MM_PER_INCH))


@dataclass
class Report:
    """Every check of one file; `passed` when none fails."""

    path: Path
    checks: list[Check] = field(default_factory=list)
    images: list[PlacedImage] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(c.status != "fail" for c in self.checks)


def preflight(path: Path) -> Report:
    """Check a PDF against the printer's rules."""
    report = Report(path)
    with pikepdf.open(path) as pdf:
        pages = list(pdf.pages)
        report.checks += _boxes(pages)
        report.checks.append(_page_count(len(pages)))
        report.checks.append(_fonts(pages))
        report.checks.append(_annotations(pages))
        rgb_operators = 0
        for number, page in enumerate(pages, start=1):
            images, rgb = _walk(page.obj, page.obj.get("/Resources"), IDENTITY, number)
            report.images += images
            rgb_operators += rgb
        report.checks += _images(report.images)
        report.checks.append(_vector_colour(rgb_operators))
        report.checks.append(_output_intent(pdf))
        report.checks.append(_pdfx(pdf))
    return report


# -- page boxes and count ----------------------------------------------------------------------


def _box(page: pikepdf.Dictionary, name: str) -> Box | None:
    value = page.get(name)
    if value is None:
        parent = page.get("/Parent")
        return _box(parent, name) if parent is not None else None
    x0, y0, x1, y1 = (float(v) for v in value)
    return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def _mm(points: float) -> float:
    return points / PT_PER_MM


def _boxes(pages: list[pikepdf.Page]) -> list[Check]:
    trims, bleeds, problems = set(), set(), []
    for number, page in enumerate(pages, start=1):
        media = _box(page.obj, "/MediaBox")
        trim = _box(page.obj, "/TrimBox")
        bleed = _box(page.obj, "/BleedBox")
        if trim is None:
            problems.append(f"page {number} has no TrimBox")
            continue
        trims.add((round(trim[2] - trim[0], 2), round(trim[3] - trim[1], 2)))
        if bleed is None:
            problems.append(f"page {number} has no BleedBox")
            continue
        margins = (trim[0] - bleed[0], trim[1] - bleed[1], bleed[2] - trim[2], bleed[3] - trim[3])
        bleeds.add(round(_mm(min(margins)), 2))
        inside = media is None or (
            all(b >= m - TOLERANCE_PT for b, m in zip(bleed[:2], media[:2], strict=True))
            and all(b <= m + TOLERANCE_PT for b, m in zip(bleed[2:], media[2:], strict=True))
        )
        if not inside:
            problems.append(f"page {number}: the BleedBox is larger than the MediaBox")
    a4 = (round(PAGE_WIDTH * PT_PER_MM, 2), round(PAGE_HEIGHT * PT_PER_MM, 2))
    sizes = ", ".join(f"{w:.2f} × {h:.2f} pt ({_mm(w):.0f} × {_mm(h):.0f} mm)" for w, h in trims)
    trim_ok = trims == {a4} and not any("TrimBox" in p for p in problems)
    checks = [
        Check("Page size", "ok" if trim_ok else "fail", sizes or "no TrimBox: trim size unknown"),
        Check(
            "TrimBox",
            "ok" if trim_ok else "fail",
            "A4 on every page" if trim_ok else "; ".join(problems) or f"not A4: {sizes}",
        ),
    ]
    least = min(bleeds, default=0.0)
    bleed_ok = bleeds and least >= BLEED - _mm(TOLERANCE_PT) and not problems
    detail = f"{least:.1f} mm around the trim on every page" if bleeds else "no BleedBox"
    if bleeds and not bleed_ok:
        detail = f"{least:.1f} mm around the trim, {BLEED:.0f} mm needed"
    checks.append(Check("BleedBox", "ok" if bleed_ok else "fail", "; ".join([detail, *problems])))
    return checks


def _page_count(count: int) -> Check:
    if count % PAGES_PER_SHEET == 0:
        return Check("Page count", "ok", f"{count}, a multiple of {PAGES_PER_SHEET}")
    more = -count % PAGES_PER_SHEET
    return Check(
        "Page count",
        "fail",
        f"{count}, not a multiple of {PAGES_PER_SHEET} (saddle stitching): add {more}",
    )


# -- fonts -------------------------------------------------------------------------------------


def _font_resources(resources: pikepdf.Object | None) -> Iterator[pikepdf.Dictionary]:
    """Every font of a resource dictionary and of the forms it draws."""
    if resources is None:
        return
    yield from (resources.get("/Font") or {}).values()
    for xobject in (resources.get("/XObject") or {}).values():
        if xobject.get("/Subtype") == "/Form":
            yield from _font_resources(xobject.get("/Resources"))


def _embedded(font: pikepdf.Dictionary) -> bool:
    if font.get("/Subtype") == "/Type3":
        return True  # drawn with PDF operators: nothing to embed
    if font.get("/Subtype") == "/Type0":
        font = font.DescendantFonts[0]
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and any(
        k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
    )


def _font_name(font: pikepdf.Dictionary) -> str:
    name = str(font.get("/BaseFont", "/unnamed"))[1:]
    return re.sub(r"^[A-Z]{6}\+", "", name).rstrip(",")  # no subset prefix


def _fonts(pages: list[pikepdf.Page]) -> Check:
    fonts: dict[str, bool] = {}
    for page in pages:
        for font in _font_resources(page.obj.get("/Resources")):
            name = _font_name(font)
            fonts[name] = fonts.get(name, True) and _embedded(font)
    missing = sorted(n for n, ok in fonts.items() if not ok)
    if missing:
        return Check("Fonts", "fail", "not embedded: " + ", ".join(missing))
    return Check("Fonts", "ok", f"{len(fonts)} fonts, all embedded: " + ", ".join(sorted(fonts)))


def _annotations(pages: list[pikepdf.Page]) -> Check:
    """PDF/X allows no annotation on the printed area but printer's marks."""
    found = [
        number
        for number, page in enumerate(pages, start=1)
        for annotation in page.obj.get("/Annots") or []
        if annotation.get("/Subtype") != "/PrinterMark"
    ]
    if found:
        where = ", ".join(map(str, sorted(set(found))))
        return Check("Annotations", "fail", f"{len(found)} links or notes on pages {where}")
    return Check("Annotations", "ok", "none")


# -- images and colour -------------------------------------------------------------------------


def _multiply(m: Matrix, n: Matrix) -> Matrix:
    """`m` applied first, then `n` (PDF's row-vector convention)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _colour_space(image: pikepdf.Stream) -> str:
    space = image.get("/ColorSpace")
    if space is None:
        return "none (mask)" if image.get("/ImageMask") else "unknown"
    if isinstance(space, pikepdf.Array):
        family = str(space[0])[1:]
        if family == "ICCBased":
            components = int(space[1].get("/N", 0))
            return f"ICCBased ({ {1: 'Gray', 3: 'RGB', 4: 'CMYK'}.get(components, components) })"
        return family
    return str(space)[1:]


def _walk(
    owner: pikepdf.Object, resources: pikepdf.Object | None, ctm: Matrix, page: int
) -> tuple[list[PlacedImage], int]:
    """The images a content stream draws, with their size on paper, and how many times it
    paints in DeviceRGB; forms are followed with their own matrix and resources."""
    images: list[PlacedImage] = []
    rgb = 0
    stack: list[Matrix] = []
    xobjects = (resources or {}).get("/XObject") or {}
    for operands, operator in pikepdf.parse_content_stream(owner):
        op = str(operator)
        if op == "q":
            stack.append(ctm)
        elif op == "Q" and stack:
            ctm = stack.pop()
        elif op == "cm":
            ctm = _multiply(tuple(float(v) for v in operands), ctm)  # type: ignore[arg-type]
        elif op in RGB_OPERATORS or (op in ("cs", "CS") and operands[0] == "/DeviceRGB"):
            rgb += 1
        elif op == "Do":
            xobject = xobjects.get(operands[0])
            if xobject is None:
                continue
            if xobject.get("/Subtype") == "/Image":
                width = math.hypot(ctm[0], ctm[1])
                height = math.hypot(ctm[2], ctm[3])
                images.append(
                    PlacedImage(
                        page,
                        str(operands[0])[1:],
                        (int(xobject.Width), int(xobject.Height)),
                        (_mm(width), _mm(height)),
                        _colour_space(xobject),
                    )
                )
            elif xobject.get("/Subtype") == "/Form":
                matrix = tuple(float(v) for v in xobject.get("/Matrix", IDENTITY))
                found, painted = _walk(
                    xobject,
                    xobject.get("/Resources"),
                    _multiply(matrix, ctm),
                    page,  # type: ignore[arg-type]
                )
                images += found
                rgb += painted
    return images, rgb


def _images(images: list[PlacedImage]) -> list[Check]:
    if not images:
        return [Check("Images", "ok", "no images")]
    low = [i for i in images if i.ppi < MIN_PPI - TOLERANCE_PPI]
    rgb = [i for i in images if "RGB" in i.colour_space and "ICC" not in i.colour_space]
    spaces = ", ".join(sorted({i.colour_space for i in images}))
    lowest = min(images, key=lambda i: i.ppi)
    checks = [
        Check(
            "Image resolution",
            "fail" if low else "ok",
            f"{len(images)} images, lowest {lowest.ppi:.0f} ppi (page {lowest.page})"
            + (f"; {len(low)} under {MIN_PPI} ppi" if low else f", all at {MIN_PPI} ppi or more"),
        ),
        Check(
            "Image colour",
            "fail" if rgb else "ok",
            spaces + (f"; {len(rgb)} in DeviceRGB, which a CMYK press cannot print" if rgb else ""),
        ),
    ]
    return checks


def _vector_colour(rgb_operators: int) -> Check:
    if rgb_operators:
        return Check("Text and shapes", "fail", f"{rgb_operators} paint operations in DeviceRGB")
    return Check("Text and shapes", "ok", "no DeviceRGB colour")


# -- output intent and conformance ---------------------------------------------------------------


def _output_intent(pdf: pikepdf.Pdf) -> Check:
    for intent in pdf.Root.get("/OutputIntents") or []:
        profile = intent.get("/DestOutputProfile")
        if intent.get("/S") != "/GTS_PDFX" or profile is None:
            continue
        components = int(profile.get("/N", 0))
        name = str(intent.get("/OutputConditionIdentifier", "")) or "unnamed"
        if components == 4:
            return Check("Output intent", "ok", f"PDF/X, CMYK profile: {name}")
        return Check("Output intent", "fail", f"{name} is not a CMYK profile")
    return Check("Output intent", "fail", "no PDF/X output intent with a CMYK profile")


def _pdfx(pdf: pikepdf.Pdf) -> Check:
    with pdf.open_metadata() as meta:
        version = str(meta.get("pdfxid:GTS_PDFXVersion", "") or "")
    if version:
        return Check("PDF/X", "ok", version)
    return Check("PDF/X", "fail", "the file does not declare PDF/X (no GTS_PDFXVersion)")


# -- table ---------------------------------------------------------------------------------------


def format_report(report: Report) -> str:
    """The checks and every image as a plain-text table."""
    width = max(len(c.name) for c in report.checks)
    lines = [f"Preflight of {report.path}", ""]
    for check in report.checks:
        lines.append(f"{check.status.upper():<4}  {check.name:<{width}}  {check.detail}")
    if report.images:
        lines += ["", "Images:", "page  size in pixels   printed size (mm)   ppi   colour space"]
        for image in report.images:
            pixels = f"{image.pixels[0]} × {image.pixels[1]}"
            size = f"{image.size_mm[0]:.1f} × {image.size_mm[1]:.1f}"
            ppi = f"{image.ppi:>4.0f}"
            lines.append(f"{image.page:>4}  {pixels:<15}  {size:<18}  {ppi}  {image.colour_space}")
    lines += ["", "Passed: the printer's rules are met." if report.passed else "FAILED."]
    return "\n".join(lines)
