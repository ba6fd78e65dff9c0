"""A PDF file in, the printer's checks out: page boxes, page count, fonts, photo resolution and
colour, output intent (pikepdf), and what is drawn where (pypdfium2): every glyph and photo
inside the safe area, no empty page, no text of the source missing. Runs on any PDF, ours or
not; each finding names the page and, from the PDF's bookmarks, the article."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import pikepdf
import pypdfium2 as pdfium

from jrs_site.load.glyphs import describe
from jrs_site.outputs.pdf.layout import (
    BLEED,
    MARGIN_BOTTOM,
    MM_PER_INCH,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    PAGES_PER_SHEET,
    PT_PER_MM,
)

MIN_PPI = 300
#: Rounding in the PDF's numbers: a box or a resolution this close to the rule passes.
TOLERANCE_PT = 0.1
TOLERANCE_PPI = 1.0
#: The printer's safety margin: nothing but artwork meant to bleed within 3 mm of the trim.
SAFETY = 3.0
#: At most this many findings are listed in one check's line.
SHOWN = 5
#: Operators that paint in DeviceRGB, which PDF/X-4 forbids next to a CMYK output intent.
RGB_OPERATORS = {"rg", "RG"}
#: Operators that draw text: their last operand is the string (or array of strings).
TEXT_SHOWING = {"Tj", "TJ", "'", '"'}

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
    """One photo as drawn on a page, with the part of the page it covers once clipped (in pt)."""

    page: int
    name: str
    pixels: tuple[int, int]
    size_mm: tuple[float, float]
    colour_space: str
    visible: Box = (0.0, 0.0, 0.0, 0.0)

    @property
    def ppi(self) -> float:
        """Pixels per inch as printed: the lower of the two directions."""
        width, height = self.size_mm
        return min(self.pixels[0] / (width / MM_PER_INCH), self.pixels[1] / (height / MM_PER_INCH))


@dataclass
class PreflightReport:
    """Every check of one file; `passed` when none fails."""

    path: Path
    checks: list[Check] = field(default_factory=list)
    images: list[PlacedImage] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(c.status != "fail" for c in self.checks)


@dataclass(frozen=True)
class Source:
    """What the PDF was made to show, for the checks that compare: the text of each article
    (by its title) and the headings found with nothing under them."""

    texts: tuple[tuple[str, str], ...] = ()
    empty_headings: tuple[str, ...] = ()


def preflight(path: Path, source: Source | None = None) -> PreflightReport:
    """Check a PDF against the printer's rules; with its `source`, also that no text is
    missing and no heading is empty."""
    report = PreflightReport(path)
    with pikepdf.open(path) as pdf:
        pages = list(pdf.pages)
        report.checks += _boxes(pages)
        report.checks.append(_page_count(len(pages)))
        report.checks.append(_fonts(pages))
        report.checks.append(_annotations(pages))
        painted = _Painted()
        for number, page in enumerate(pages, start=1):
            _walk(page.obj, page.obj.get("/Resources"), IDENTITY, number, painted)
        report.images = painted.images
        report.checks += _images(report.images)
        report.checks.append(_vector_colour(painted.rgb))
        report.checks.append(_output_intent(pdf))
        report.checks.append(_pdfx(pdf))
        preferences = pdf.Root.get("/ViewerPreferences")
        right_to_left = preferences is not None and preferences.get("/Direction") == "/R2L"
    pages_drawn = drawn(path)
    report.checks.append(_notdef(painted, pages_drawn))
    report.checks += _safe_area(pages_drawn, report.images)
    report.checks.append(_empty_pages(pages_drawn, report.images))
    if source is not None:
        report.checks.append(_missing_text(pages_drawn, source, right_to_left))
        report.checks.append(_empty_headings(source))
    return report


# -- page boxes and count ----------------------------------------------------------------------


def _box(page: pikepdf.Object, name: str) -> Box | None:
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


def _font_resources(resources: pikepdf.Object | None) -> Iterator[pikepdf.Object]:
    """Every font of a resource dictionary and of the forms it draws."""
    if resources is None:
        return
    yield from (resources.get("/Font") or {}).values()
    for xobject in (resources.get("/XObject") or {}).values():
        if xobject.get("/Subtype") == "/Form":
            yield from _font_resources(xobject.get("/Resources"))


def _embedded(font: pikepdf.Object) -> bool:
    if font.get("/Subtype") == "/Type3":
        return True  # drawn with PDF operators: nothing to embed
    if font.get("/Subtype") == "/Type0":
        font = font.DescendantFonts[0]
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and any(
        k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")
    )


def _font_name(font: pikepdf.Object) -> str:
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


# -- glyphs ------------------------------------------------------------------------------------

_CMAP_SECTION = re.compile(rb"begin(cid|bf|codespace)(char|range)(.*?)end\1\2", re.S)
_CMAP_VALUE = rb"(<[0-9a-fA-F]*>|\d+|\[[^\]]*\])"  # a CID, a text, or texts (a range's)
_CMAP_ENTRIES = {
    b"char": re.compile(rb"<([0-9a-fA-F]+)>()\s*" + _CMAP_VALUE),
    b"range": re.compile(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*" + _CMAP_VALUE),
}


def _cmap(stream: pikepdf.Stream) -> tuple[int, dict[int, int | str]]:
    """A CMap stream: the length of its codes (bytes) and what each code maps to, a CID
    (`begincidchar`) or a text (`beginbfchar`, a ToUnicode CMap)."""
    data = stream.read_bytes()
    length, found = 2, {}
    for kind, shape, body in _CMAP_SECTION.findall(data):
        if kind == b"codespace":
            length = len(body.split(b">")[0].strip(b" \n<")) // 2
            continue
        for first, last, value in _CMAP_ENTRIES[shape].findall(body):
            for offset, code in enumerate(range(int(first, 16), int(last or first, 16) + 1)):
                found[code] = _cmap_value(value, offset)
    return length, found


def _cmap_value(value: bytes, offset: int) -> int | str:
    """The CID or text of a CMap entry, for the code `offset` after the first of its range."""
    if value.startswith(b"["):
        value = re.findall(rb"<[0-9a-fA-F]*>", value)[offset]
        offset = 0
    if not value.startswith(b"<"):
        return int(value) + offset
    text = bytes.fromhex(value[1:-1].decode()).decode("utf-16-be", "replace")
    return text[:-1] + chr(ord(text[-1]) + offset) if text and offset else text


@dataclass(frozen=True)
class Codes:
    """How the codes of a composite (Type0) font's strings map to glyphs and to text."""

    length: int  # bytes per code
    cids: dict[int, int | str] | None  # code -> CID, from an embedded CMap; None: Identity
    gids: bytes | None  # CIDToGIDMap: two bytes per CID; None: Identity
    text: dict[int, int | str]  # code -> its text (ToUnicode)

    @classmethod
    def of(cls, font: pikepdf.Object) -> Codes | None:
        """A Type0 font's codes (what WeasyPrint writes), or None for a font of another kind
        or with a predefined CMap: not checked."""
        if font.get("/Subtype") != "/Type0":
            return None
        encoding = font.get("/Encoding")
        if isinstance(encoding, pikepdf.Stream):
            length, cids = _cmap(encoding)
        elif encoding in ("/Identity-H", "/Identity-V"):
            length, cids = 2, None
        else:
            return None
        gids = font.DescendantFonts[0].get("/CIDToGIDMap")
        to_unicode = font.get("/ToUnicode")
        return cls(
            length,
            cids,
            gids.read_bytes() if isinstance(gids, pikepdf.Stream) else None,
            _cmap(to_unicode)[1] if isinstance(to_unicode, pikepdf.Stream) else {},
        )

    def glyph(self, code: int) -> int:
        """The glyph a code draws; 0 is .notdef (an unmapped code or CID draws it too)."""
        cid = code if self.cids is None else self.cids.get(code, 0)
        if not isinstance(cid, int) or self.gids is None:
            return cid if isinstance(cid, int) else 0
        return int.from_bytes(self.gids[2 * cid : 2 * cid + 2] or b"\0\0", "big")

    def notdef(self, shown: pikepdf.Object) -> list[str]:
        """The text of each code of a Tj string or TJ array that draws .notdef."""
        strings = shown if isinstance(shown, pikepdf.Array) else [shown]
        found = []
        for string in strings:
            if not isinstance(string, pikepdf.String):
                continue  # a TJ array's spacing
            data = bytes(string)
            for start in range(0, len(data) - self.length + 1, self.length):
                code = int.from_bytes(data[start : start + self.length], "big")
                if self.glyph(code) == 0:
                    found.append(str(self.text.get(code, "")))
        return found


def _notdef(painted: _Painted, pages: list[DrawnPage]) -> Check:
    """No character is drawn as .notdef: a font without a glyph for it prints an empty box."""
    findings: dict[tuple[str, str], int] = {}
    for page, height, text in painted.notdef:
        where = pages[page - 1].where((0.0, height, 0.0, height))
        shown = " ".join(describe(char) for char in text) or "a character without text"
        findings[where, shown] = findings.get((where, shown), 0) + 1
    if findings:
        listed = [
            f"{where}: {shown}" + (f" ({count} times)" if count > 1 else "")
            for (where, shown), count in findings.items()
        ]
        return Check(
            "Glyphs",
            "fail",
            f"{len(painted.notdef)} character(s) printed as an empty box (.notdef: no font "
            "has them): " + _listed(listed),
        )
    unchecked = sum(1 for codes in painted.fonts.values() if codes is None)
    return Check(
        "Glyphs",
        "ok",
        "no empty box (.notdef)"
        + (f"; {unchecked} fonts of another kind not checked" if unchecked else ""),
    )


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


def _colour_space(image: pikepdf.Object) -> str:
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


def _transform(box: Box, m: Matrix) -> Box:
    """The bounding box on the page of `box` drawn with the matrix `m`."""
    x0, y0, x1, y1 = box
    points = [
        (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]) for x in (x0, x1) for y in (y0, y1)
    ]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def _union(a: Box | None, b: Box) -> Box:
    if a is None:
        return b
    return min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3])


def _intersect(a: Box, b: Box) -> Box:
    x0, y0, x1, y1 = max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3])
    return (x0, y0, max(x0, x1), max(y0, y1))


@dataclass
class _Painted:
    """What the content streams of a file paint that the checks look at."""

    images: list[PlacedImage] = field(default_factory=list)
    rgb: int = 0  # paint operations in DeviceRGB
    notdef: list[tuple[int, float, str]] = field(default_factory=list)  # page, height, text
    fonts: dict[tuple[int, int], Codes | None] = field(default_factory=dict)  # by object


def _walk(
    owner: pikepdf.Object,
    resources: pikepdf.Object | None,
    ctm: Matrix,
    page: int,
    painted: _Painted,
    clip: Box | None = None,
) -> None:
    """The images a content stream draws, with their size on paper and the part left visible
    by the clipping rectangles, how many times it paints in DeviceRGB, and where it draws
    glyph 0 (.notdef, an empty box); forms are followed with their own matrix and
    resources."""
    stack: list[tuple[Matrix, Box | None]] = []
    path: Box | None = None  # the rectangles of the path being built, on the page
    resources = resources or pikepdf.Dictionary()
    xobjects = resources.get("/XObject") or pikepdf.Dictionary()
    fonts = resources.get("/Font") or pikepdf.Dictionary()
    codes: Codes | None = None  # of the current font
    line: Matrix = IDENTITY  # the text line matrix (the start of the line)
    leading = 0.0
    for instruction in pikepdf.parse_content_stream(owner):
        operands, op = instruction.operands, str(instruction.operator)
        if op in TEXT_SHOWING and codes is not None:
            if op in ("'", '"'):
                line = _multiply((1, 0, 0, 1, 0, -leading), line)
            height = _multiply(line, ctm)[5]
            painted.notdef += [(page, height, text) for text in codes.notdef(operands[-1])]
        elif op == "Tf":
            codes = _codes(fonts.get(str(operands[0])), painted.fonts)
        elif op in ("BT", "Tm", "Td", "TD", "T*", "TL"):
            line, leading = _text_line(op, list(operands), line, leading)
        elif op == "q":
            stack.append((ctm, clip))
        elif op == "Q" and stack:
            ctm, clip = stack.pop()
        elif op == "cm":
            ctm = _multiply(tuple(float(v) for v in operands), ctm)  # type: ignore[arg-type]
        elif op == "re":
            x, y, w, h = (float(v) for v in operands)
            path = _union(path, _transform((x, y, x + w, y + h), ctm))
        elif op in ("W", "W*"):
            clip = path if clip is None or path is None else _intersect(clip, path)
        elif op in ("n", "f", "F", "f*", "S", "s", "B", "B*", "b", "b*"):
            path = None
        elif op in RGB_OPERATORS or (op in ("cs", "CS") and operands[0] == "/DeviceRGB"):
            painted.rgb += 1
        elif op == "Do":
            xobject = xobjects.get(str(operands[0]))
            if xobject is None:
                continue
            if xobject.get("/Subtype") == "/Image":
                width = math.hypot(ctm[0], ctm[1])
                height = math.hypot(ctm[2], ctm[3])
                drawn_box = _transform((0, 0, 1, 1), ctm)
                painted.images.append(
                    PlacedImage(
                        page,
                        str(operands[0])[1:],
                        (int(xobject.Width), int(xobject.Height)),
                        (_mm(width), _mm(height)),
                        _colour_space(xobject),
                        drawn_box if clip is None else _intersect(drawn_box, clip),
                    )
                )
            elif xobject.get("/Subtype") == "/Form":
                matrix = tuple(float(v) for v in xobject.get("/Matrix", IDENTITY))
                _walk(
                    xobject,
                    xobject.get("/Resources"),
                    _multiply(matrix, ctm),  # type: ignore[arg-type]
                    page,
                    painted,
                    clip,
                )


def _codes(font: pikepdf.Object | None, known: dict[tuple[int, int], Codes | None]) -> Codes | None:
    """`Codes.of(font)`, read once for each font object of the file."""
    if font is None or not font.is_indirect:
        return None if font is None else Codes.of(font)
    if font.objgen not in known:
        known[font.objgen] = Codes.of(font)
    return known[font.objgen]


def _text_line(
    op: str, operands: list[pikepdf.Object], line: Matrix, leading: float
) -> tuple[Matrix, float]:
    """The text line matrix and leading after a text positioning operator."""
    if op == "BT":
        return IDENTITY, leading
    if op == "Tm":
        return tuple(float(v) for v in operands), leading  # type: ignore[return-value]
    if op == "TL":
        return line, float(operands[0])
    x, y = (0.0, -leading) if op == "T*" else (float(operands[0]), float(operands[1]))
    return _multiply((1, 0, 0, 1, x, y), line), -y if op == "TD" else leading


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


# -- what is drawn where -------------------------------------------------------------------------


@dataclass(frozen=True)
class Glyph:
    """One visible character with its box on the page (pt)."""

    char: str
    box: Box


#: A bookmark points at an article's title; its kicker and photo may start this much higher.
ABOVE_TITLE_PT = 40.0


@dataclass(frozen=True)
class DrawnPage:
    """One page as pdfium reads it: its boxes, its visible characters, and its articles: the
    one going on from an earlier page, and those whose bookmark is on it (from the top)."""

    number: int
    trim: Box
    bleed: Box
    glyphs: tuple[Glyph, ...]
    before: str  # the article going on from an earlier page ("" before the first bookmark)
    starts: tuple[tuple[float, str], ...]  # (height of the bookmark, article title)

    def where(self, box: Box | None = None) -> str:
        """'page 7 (Opgesloten zonder misdrijf)': the page and the article at `box`, or the
        page's first article."""
        if box is None:
            article = self.before or (self.starts[0][1] if self.starts else "")
        else:
            below = [title for top, title in self.starts if box[3] <= top + ABOVE_TITLE_PT]
            article = below[-1] if below else self.before
        return f"page {self.number}" + (f" ({_short(article)})" if article else "")

    @property
    def last(self) -> str:
        """The article that goes on to the next page."""
        return self.starts[-1][1] if self.starts else self.before

    def text(self, footer: bool | None = None) -> str:
        """The characters inside the trim, in reading order, white space removed; only those
        of the running footer (the bottom margin) or only the others, when asked."""
        return "".join(
            g.char
            for g in self.glyphs
            if _inside(g.box, self.trim, 0.0) and footer in (None, self._in_footer(g))
        )

    def _in_footer(self, glyph: Glyph) -> bool:
        return glyph.box[3] < self.trim[1] + MARGIN_BOTTOM * PT_PER_MM


def printed_text(pages: list[DrawnPage]) -> str:
    """The text of the pages, the running footers last: a word hyphenated at the foot of a
    page reads whole again across the page turn."""
    body = "".join(p.text(footer=False) for p in pages)
    return body + "".join(p.text(footer=True) for p in pages)


def _short(title: str, length: int = 48) -> str:
    return title if len(title) <= length else title[: length - 1].rstrip() + "…"


def drawn(path: Path) -> list[DrawnPage]:
    """Every page's visible characters (not white space) and the article it belongs to."""
    pdf = pdfium.PdfDocument(path)
    try:
        starts: dict[int, list[tuple[float, str]]] = {}
        for bookmark in pdf.get_toc():
            dest = bookmark.get_dest()
            if dest is not None and dest.get_index() is not None:
                _, view = dest.get_view()
                top = view[1] if len(view) > 1 else math.inf
                starts.setdefault(dest.get_index(), []).append((top, bookmark.get_title()))
        pages: list[DrawnPage] = []
        for index in range(len(pdf)):
            page = pdf[index]
            text = page.get_textpage()
            glyphs = []
            for i in range(text.count_chars()):
                char = chr(pdfium.raw.FPDFText_GetUnicode(text, i))
                if char.isspace() or not char.isprintable():
                    continue
                glyphs.append(Glyph(char, text.get_charbox(i)))
            before = pages[-1].last if pages else ""
            on_page = tuple(sorted(starts.get(index, []), reverse=True))
            pages.append(
                DrawnPage(
                    index + 1,
                    page.get_trimbox(),
                    page.get_bleedbox(),
                    tuple(glyphs),
                    before,
                    on_page,
                )
            )
        return pages
    finally:
        pdf.close()


def _inside(box: Box, area: Box, inset: float) -> bool:
    x0, y0, x1, y1 = area
    return (
        box[0] >= x0 + inset - TOLERANCE_PT
        and box[1] >= y0 + inset - TOLERANCE_PT
        and box[2] <= x1 - inset + TOLERANCE_PT
        and box[3] <= y1 - inset + TOLERANCE_PT
    )


def _bleeds(box: Box, bleed: Box) -> bool:
    """Artwork meant to bleed: it runs from the left edge of the bleed to the right one."""
    return box[0] <= bleed[0] + TOLERANCE_PT and box[2] >= bleed[2] - TOLERANCE_PT


def _listed(findings: list[str]) -> str:
    more = len(findings) - SHOWN
    return "; ".join(findings[:SHOWN]) + (f"; and {more} more" if more > 0 else "")


def _safe_area(pages: list[DrawnPage], images: list[PlacedImage]) -> list[Check]:
    """No glyph, and no photo but those meant to bleed, within 3 mm of the trim or beyond."""
    inset = SAFETY * PT_PER_MM
    text_out, image_out = [], []
    for page in pages:
        out = [g for g in page.glyphs if not _inside(g.box, page.trim, inset)]
        if out:
            word = "".join(g.char for g in out[:24])
            text_out.append(f"{page.where(out[0].box)}: {len(out)} characters, “{word}”")
        for image in (i for i in images if i.page == page.number):
            empty = image.visible[2] - image.visible[0] < TOLERANCE_PT
            if empty or _inside(image.visible, page.trim, inset):
                continue
            if not _bleeds(image.visible, page.bleed):
                image_out.append(f"{page.where(image.visible)}: photo {image.name}")
    margin = f"within {SAFETY:.0f} mm of the trim or beyond it"
    return [
        Check(
            "Text in safe area",
            "fail" if text_out else "ok",
            f"text {margin}: " + _listed(text_out) if text_out else f"no text {margin}",
        ),
        Check(
            "Photos in safe area",
            "fail" if image_out else "ok",
            f"photos {margin} that do not bleed: " + _listed(image_out)
            if image_out
            else "every photo inside the safe area or bleeding edge to edge",
        ),
    ]


def _empty_pages(pages: list[DrawnPage], images: list[PlacedImage]) -> Check:
    with_images = {i.page for i in images}
    empty = [p.where() for p in pages if not p.glyphs and p.number not in with_images]
    if empty:
        return Check("Empty pages", "fail", "nothing printed on " + _listed(empty))
    return Check("Empty pages", "ok", "every page has text or a photo")


_NOT_A_LETTER = re.compile(r"[\W_]+")
#: Where a line may break inside a word, and a right-to-left page's text then runs apart.
_ADDRESS_BREAKS = re.compile(r"[\s./@-]+")


def _letters(text: str) -> str:
    """Letters and digits only, case folded: how a word reads whatever the line breaks,
    hyphenation, letter spacing or capitals of the layout."""
    return _NOT_A_LETTER.sub("", unicodedata.normalize("NFKC", text).casefold())


def _missing_text(pages: list[DrawnPage], source: Source, right_to_left: bool = False) -> Check:
    """Every word of the source is printed inside the trim (a drop cap may stand apart). In
    an edition read `right_to_left` the PDF's text runs in the order the eye meets it: a
    Dutch line's words last to first. So there a word counts in the pieces an address breaks
    into (after `.`, `/`, `@`, `-`), and as two halves (hyphenated at a line's end; a name and
    the role set after it)."""
    printed = _letters(printed_text(pages))

    def found(word: str) -> bool:
        if word in printed or word[1:] in printed:
            return True
        halves = ((word[:cut], word[cut:]) for cut in range(2, len(word) - 1))
        return right_to_left and any(a in printed and b in printed for a, b in halves)

    missing = []
    for article, text in source.texts:
        pieces = _ADDRESS_BREAKS.split(text) if right_to_left else text.split()
        words = [w for w in map(_letters, pieces) if w]
        lost = [w for w in words if not found(w)]
        if lost:
            missing.append(f"{_short(article)}: {len(lost)} words, from “{' '.join(lost[:8])}”")
    if missing:
        return Check("Text complete", "fail", "cut off or not printed: " + _listed(missing))
    count = sum(len(t.split()) for _, t in source.texts)
    return Check("Text complete", "ok", f"all {count} words of the source are printed")


def _empty_headings(source: Source) -> Check:
    if source.empty_headings:
        return Check("Headings", "fail", "nothing under " + _listed(list(source.empty_headings)))
    return Check("Headings", "ok", "every heading has text under it")


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


def format_report(report: PreflightReport) -> str:
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
