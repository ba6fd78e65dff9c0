"""Print variants of photos and the resolution checks of print preflight."""

from __future__ import annotations

import io
import math
from pathlib import Path
from typing import Literal, cast

from PIL import Image, ImageCms

from jrs_site.images.cache import cached_file, digest, settings_hash
from jrs_site.images.decode import SRGB, decode, inspect, open_image, upright_size
from jrs_site.images.encode import flatten, save
from jrs_site.images.errors import ImageError

DEFAULT_CACHE_DIR = Path(".cache/images")
MM_PER_INCH = 25.4
GOOD_PPI = 300
MIN_PPI = 150
#: Downsample only when the photo has this many times more pixels than print needs.
DOWNSAMPLE_ABOVE = 1.5
PRINT_QUALITY = 90
_SRGB_BYTES = ImageCms.ImageCmsProfile(SRGB).tobytes()

Issue = tuple[Literal["warning", "error"], str]


def effective_ppi(src: Path, placed_width_mm: float) -> float:
    """Pixels per inch of the photo when printed `placed_width_mm` wide."""
    width, _ = inspect(src)
    return width / (placed_width_mm / MM_PER_INCH)


def print_resolution_issue(src: Path, placed_width_mm: float) -> Issue | None:
    """None when the photo is sharp enough at that width; a warning under 300 ppi, an error
    under 150 ppi, each saying how wide it can be printed instead."""
    ppi = effective_ppi(src, placed_width_mm)
    width = round(ppi * placed_width_mm / MM_PER_INCH)
    if ppi >= GOOD_PPI:
        return None
    max_mm = width / GOOD_PPI * MM_PER_INCH
    level: Literal["warning", "error"] = "error" if ppi < MIN_PPI else "warning"
    limit = f"under the {MIN_PPI} ppi minimum" if level == "error" else f"under {GOOD_PPI} ppi"
    return level, (
        f"the photo is {width} pixels wide, so printed {placed_width_mm:.0f} mm wide it has "
        f"{ppi:.0f} ppi, {limit} and it will look blurred; print it at most {max_mm:.0f} mm "
        "wide, or use a larger original"
    )


def print_variant(
    src: Path,
    placed_width_mm: float,
    ppi: int = GOOD_PPI,
    cmyk_profile: Path | None = None,
    *,
    cache_dir: Path = DEFAULT_CACHE_DIR,
) -> Path:
    """A cached JPEG (quality 90) for print: scaled to `ppi` at the placed width when the photo
    is over 1.5 times larger than that (never upscaled); sRGB with its profile embedded, or
    CMYK through `cmyk_profile` (no profile embedded: the PDF's output intent names it)."""
    need = math.ceil(placed_width_mm / MM_PER_INCH * ppi)
    cmyk = _read_profile(cmyk_profile) if cmyk_profile else None
    key = settings_hash("print", need, digest(cmyk) if cmyk else "srgb", PRINT_QUALITY)

    def build(path: Path, data: bytes) -> None:
        with open_image(src, data) as im:
            width, height = upright_size(src, im)
            target = need if width > DOWNSAMPLE_ABOVE * need else width
            size = (target, max(1, round(height * target / width)))
            pixels = decode(src, im, need=size)
        pixels = flatten(pixels.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0))
        if cmyk is None:
            save(pixels, [(path, "jpeg", PRINT_QUALITY)], subsampling=0, icc_profile=_SRGB_BYTES)
        else:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(cmyk))
            converted = ImageCms.profileToProfile(pixels, SRGB, profile, outputMode="CMYK")
            save(cast(Image.Image, converted), [(path, "jpeg", PRINT_QUALITY)], subsampling=0)

    return cached_file(src, Path(cache_dir).absolute(), lambda sha: f"{sha}-{key}-print.jpg", build)


def _read_profile(path: Path) -> bytes:
    """The bytes of a CMYK output profile, checked."""
    try:
        data = path.read_bytes()
        profile = ImageCms.ImageCmsProfile(io.BytesIO(data))
    except (OSError, ImageCms.PyCMSError):
        raise ImageError(path, "the colour profile cannot be read; use an .icc file") from None
    if profile.profile.xcolor_space.strip() != "CMYK":
        raise ImageError(path, "this colour profile is not a CMYK (print) profile")
    return data
