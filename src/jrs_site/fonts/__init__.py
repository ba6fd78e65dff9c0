"""The self-hosted OFL fonts shared by site, PDF and cards, and which characters they draw.

Source Serif 4 and Source Sans 3 draw Latin (with Vietnamese), Cyrillic and Greek; Amiri (a
Naskh) draws Arabic with the Persian and Pashto letters beside both, Noto Sans Ethiopic
draws Tigrinya and Amharic (Ge'ez script), and Noto Emoji (monochrome, print only: on the web
the reader's own colour emoji are better) the emoji. Amiri, because the PDF's text (search,
copy, screen readers, preflight's check that every word printed) reads right with it: the
Noto Arabic fonts draw a letter as a shape and its dots, one shape for several letters, and
WeasyPrint gives each glyph one text, so other letters were read than those printed; the sans
Arabic fonts tried (Vazirmatn, IBM Plex Sans Arabic) draw لا as one glyph, which PDF readers
read backwards in right-to-left text. Every file is a woff2
subset from Fontsource. A file draws, within a family and style, the characters it has and
no file before it has (`coverage.json`); its `unicode-range` spans those and the gaps between
them that no other file draws (a shorter rule on every page; such a character has no glyph
anywhere). So a browser fetches a file only for a page that needs it, and no two files claim
one character: WeasyPrint draws a character with the file that claims it, whether it has
the glyph or not.
"""

from __future__ import annotations

import bisect
import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

FONTS_DIR = Path(__file__).parent
#: The characters each file has a glyph for (its cmap), made by `coverage()`: reading every
#: woff2 on each `check` would cost seconds.
COVERAGE_FILE = FONTS_DIR / "coverage.json"
SERIF = "Source Serif 4"
SANS = "Source Sans 3"
FACES = {
    SERIF: ("source-serif-4", ["400-normal", "400-italic", "700-normal", "700-italic"]),
    SANS: ("source-sans-3", ["400-normal", "600-normal", "700-normal", "800-normal"]),
}
#: Fontsource's subsets of both families, in the order they are tried.
SUBSETS = ("latin", "latin-ext", "cyrillic", "cyrillic-ext", "greek", "vietnamese")
#: What draws the scripts the families lack, tried after them; shipped upright at these weights
#: (an italic uses the upright face: slanted Arabic or Ge'ez is wrong), 600 and 800 use 700.
FALLBACKS = {
    SERIF: ("amiri-arabic", "noto-sans-ethiopic-ethiopic"),
    SANS: ("amiri-arabic", "noto-sans-ethiopic-ethiopic"),
}
FALLBACK_WEIGHTS = (400, 700)
#: Last, in the PDFs only, at 400 for every weight.
EMOJI = "noto-emoji-emoji"
#: Styles of the print edition only: the site's sans-serif is regular or bold (jrs.css), and a
#: rule it never uses would still weigh on every page it is inlined in.
PRINT_ONLY = {(SANS, "600-normal"), (SANS, "800-normal")}
#: The face every page preloads (overrides/main.html): the body text. It may swap in late.
#: The others are `optional`: used when they arrive in time, else the page keeps its
#: fallback, so a late font never moves the text and the photo under a headline (Lighthouse
#: measured a layout shift of 0.26 on a testimony on slow 4G, 0.001 with this).
PRELOADED = (SERIF, "400-normal")


@dataclass(frozen=True)
class Face:
    """One `@font-face` rule: a file drawing part of a family at one weight and slant."""

    family: str
    style: str  # e.g. "700-italic"
    part: str  # the subset ("latin", "cyrillic") or the other font ("noto-emoji-emoji")
    file: str
    codepoints: frozenset[int]  # what this file draws here: what it has and no file before it
    claimed: tuple[tuple[int, int], ...]  # its unicode-range (first, last), gaps filled

    @property
    def own_family(self) -> str:
        """The family name of this part alone: `Source Serif 4` for the first subset,
        `Source Serif 4 cyrillic` for another."""
        return self.family if self.part == SUBSETS[0] else f"{self.family} {self.part}"

    def css(self, url_prefix: str, *, split: bool) -> str:
        """The rule; with `split`, under `own_family`."""
        weight, slant = self.style.split("-")
        swap = (self.family, self.style) == PRELOADED and self.part in SUBSETS
        family = self.own_family if split else self.family
        return (
            "@font-face{"
            f"font-family:'{family}';font-style:{slant};font-weight:{weight};"
            f"font-display:{'swap' if swap else 'optional'};"
            f"src:url('{url_prefix}/{self.file}') format('woff2');"
            f"unicode-range:{unicode_range(self.claimed)}}}"
        )


def _files(family: str, style: str, *, pdf: bool) -> list[tuple[str, str]]:
    """The parts that draw `family` at `style` and their files, in the order they are tried."""
    stem = FACES[family][0]
    weight = int(style.split("-")[0])
    nearest = min(FALLBACK_WEIGHTS, key=lambda w: (abs(w - weight), -w))
    return [
        *((subset, f"{stem}-{subset}-{style}.woff2") for subset in SUBSETS),
        *((font, f"{font}-{nearest}-normal.woff2") for font in FALLBACKS[family]),
        *([(EMOJI, f"{EMOJI}-400-normal.woff2")] if pdf else []),
    ]


@functools.cache
def faces(*, pdf: bool) -> tuple[Face, ...]:
    """Every `@font-face` rule of both families: the site's, or with `pdf` the PDFs' (every
    style, and the emoji)."""
    cmaps = _cmaps()
    found = []
    for family, (_, styles) in FACES.items():
        for style in styles:
            if not pdf and (family, style) in PRINT_ONLY:
                continue
            drawn: set[int] = set()
            parts = []
            for part, file in _files(family, style, pdf=pdf):
                if cmaps[file] - drawn:
                    parts.append((part, file, frozenset(cmaps[file] - drawn)))
                drawn |= cmaps[file]
            for part, file, codepoints in parts:
                claimed = _fill(runs(codepoints), sorted(drawn - codepoints))
                found.append(Face(family, style, part, file, codepoints, claimed))
    return tuple(found)


def _fill(spans: list[tuple[int, int]], others: list[int]) -> tuple[tuple[int, int], ...]:
    """`spans` (sorted runs) with each gap between two of them that holds none of `others`
    (sorted) filled."""
    filled: list[tuple[int, int]] = []
    for first, last in spans:
        if filled:
            after = bisect.bisect_right(others, filled[-1][1])
            if after == len(others) or others[after] > first:
                filled[-1] = (filled[-1][0], last)
                continue
        filled.append((first, last))
    return tuple(filled)


def font_files(*, pdf: bool = False) -> list[Path]:
    """Every font file a rule names: the site's, or with `pdf` the PDFs'."""
    return sorted({FONTS_DIR / face.file for face in faces(pdf=pdf)})


@functools.cache
def font_face_css(url_prefix: str, *, pdf: bool = False, split: bool = False) -> str:
    """`@font-face` rules for every face, with files under `url_prefix` (a URL or a path);
    with `split`, each part under a family of its own (see `font_stack`). Made once for each
    prefix: every web page inlines them."""
    rules = (face.css(url_prefix, split=split) for face in faces(pdf=pdf))
    return "\n".join(rules) + "\n"


def font_stack(family: str) -> str:
    """`"Source Serif 4", "Source Serif 4 latin-ext", ...`: the parts of `family`, each under
    its own name, in order, emoji included. WeasyPrint writes the files of one family name
    into one PDF font, drawing one file's glyph numbers with another's shapes (every `ș` and
    `ğ` of the latin-ext file came out as some other letter); apart, each is its own font."""
    parts = dict.fromkeys(f.own_family for f in faces(pdf=True) if f.family == family)
    return ", ".join(f'"{name}"' for name in parts)


@functools.cache
def printable() -> frozenset[int]:
    """Every character some file of the PDFs draws (what `check` needs, without the rules)."""
    cmaps = _cmaps()
    files = {
        file
        for family, (_, styles) in FACES.items()
        for style in styles
        for _, file in _files(family, style, pdf=True)
    }
    return frozenset().union(*(cmaps[file] for file in files))


def card_fonts() -> list[Path]:
    """The files of the bold sans, in order, for social-card titles: Pillow draws a text with
    one font, so the cards merge them into one (outputs/web/cards.py)."""
    return [FONTS_DIR / file for _, file in _files(SANS, "700-normal", pdf=False)]


def runs(codepoints: Iterable[int]) -> list[tuple[int, int]]:
    """The runs of consecutive characters, first and last: [(0x20, 0x7E), (0xA0, 0xA0)]."""
    found: list[list[int]] = []
    for code in sorted(codepoints):
        if found and code == found[-1][1] + 1:
            found[-1][1] = code
        else:
            found.append([code, code])
    return [(first, last) for first, last in found]


def unicode_range(spans: Iterable[tuple[int, int]]) -> str:
    """`U+20-7E,U+A0` for [(0x20, 0x7E), (0xA0, 0xA0)]."""
    return ",".join(f"U+{a:X}" if a == b else f"U+{a:X}-{b:X}" for a, b in spans)


def _parse_range(text: str) -> set[int]:
    """The characters of a `unicode_range` text."""
    codes: set[int] = set()
    for part in filter(None, text.split(",")):
        first, _, last = part.removeprefix("U+").partition("-")
        codes.update(range(int(first, 16), int(last or first, 16) + 1))
    return codes


def _cmaps() -> dict[str, set[int]]:
    """What each file has a glyph for, from `COVERAGE_FILE`."""
    written = json.loads(COVERAGE_FILE.read_text("utf-8"))
    return {file: _parse_range(text) for file, text in written.items()}


def coverage() -> dict[str, str]:
    """What `COVERAGE_FILE` holds, read from the font files themselves (fontTools)."""
    from fontTools.ttLib import TTFont  # noqa: PLC0415 - not for every `check`

    return {
        path.name: unicode_range(runs(TTFont(path).getBestCmap()))
        for path in sorted(FONTS_DIR.glob("*.woff2"))
    }
