"""Open Graph / social cards: 1200x630 JPEGs with the title over a photo or a brand colour."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from jrs_site.images.crop import cover
from jrs_site.images.decode import read_source
from jrs_site.images.encode import flatten, save
from jrs_site.images.errors import ImageError
from jrs_site.images.web import check_focus

CARD_SIZE = (1200, 630)
BRAND_COLOUR = "#0b4f5c"  # the site's primary colour (overrides/assets/stylesheets/jrs.css)
MARGIN = 72
MAX_LINES = 4
TITLE_SIZES = range(72, 39, -4)
SITE_NAME_SIZE = 30

Font = ImageFont.FreeTypeFont


def social_card(
    title: str,
    site_name: str,
    photo: Path | None,
    focus: Sequence[float] | None,
    out_path: Path,
    font_path: Path,
    *,
    brand_colour: str = BRAND_COLOUR,
    quality: int = 88,
) -> Path:
    """Write a 1200x630 card to `out_path`: the photo (cropped around `focus`) under a dark
    gradient, or a solid brand colour, with the title in large type and the site name."""
    if photo is None:
        card = Image.new("RGB", CARD_SIZE, brand_colour)
    else:
        picture = flatten(cover(photo, read_source(photo), CARD_SIZE, check_focus(focus)))
        card = _darken(picture.resize(CARD_SIZE, Image.Resampling.LANCZOS))
    draw = ImageDraw.Draw(card)
    small = _font(font_path, SITE_NAME_SIZE)
    name_top = CARD_SIZE[1] - MARGIN - SITE_NAME_SIZE
    draw.rectangle((MARGIN, name_top - 28, MARGIN + 96, name_top - 22), fill="white")
    draw.text((MARGIN, name_top), site_name, font=small, fill="white")
    font, lines = _fit_title(title, font_path, CARD_SIZE[0] - 2 * MARGIN)
    line_height = round(font.size * 1.18)
    top = name_top - 56 - line_height * len(lines)
    for i, line in enumerate(lines):
        draw.text((MARGIN, top + i * line_height), line, font=font, fill="white")
    out_path.parent.mkdir(parents=True, exist_ok=True)
    save(card, [(out_path, "jpeg", quality)])
    return out_path


def wrap(text: str, font: Font, width: float) -> list[str]:
    """Greedy word wrap to lines no wider than `width` (a single long word keeps its line).

    Breaks at ordinary spaces only: a no-break space (French « … » and : ; ! ?) holds."""
    lines: list[str] = []
    for word in text.split(" "):
        if not word:
            continue
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines


def _fit_title(title: str, font_path: Path, width: int) -> tuple[Font, list[str]]:
    """The largest type at which the title fits in MAX_LINES lines, else the smallest, cut
    short with an ellipsis."""
    for size in TITLE_SIZES:
        font = _font(font_path, size)
        lines = wrap(title, font, width)
        if len(lines) <= MAX_LINES and all(font.getlength(line) <= width for line in lines):
            return font, lines
    if len(lines) > MAX_LINES:
        lines = [*lines[: MAX_LINES - 1], f"{lines[MAX_LINES - 1]} …"]
    return font, lines


def _font(path: Path, size: int) -> Font:
    try:
        return ImageFont.truetype(str(path), size)
    except OSError:
        raise ImageError(path, "the font cannot be loaded; use a .ttf or .otf file") from None


def _darken(picture: Image.Image) -> Image.Image:
    """Lay a gradient over the photo, light at the top and dark behind the text at the bottom."""
    black, shade = _shade(picture.size)
    return Image.composite(black, picture, shade)


@lru_cache(maxsize=4)
def _shade(size: tuple[int, int]) -> tuple[Image.Image, Image.Image]:
    """Black and the gradient mask at `size`: the same for every card (never changed)."""
    shade = Image.linear_gradient("L").resize(size).point(lambda v: 60 + v * 0.62)
    return Image.new("RGB", size, "black"), shade
