"""Fixed-ratio crops (tiles, cards) steered by a focus point."""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from PIL import Image

from jrs_site.images.cache import cached_file, settings_hash
from jrs_site.images.decode import decode, open_image, upright_size
from jrs_site.images.encode import EXTENSIONS, save
from jrs_site.images.settings import ImageSettings
from jrs_site.images.web import Focus, check_focus

Box = tuple[float, float, float, float]


def cover_box(size: tuple[int, int], target: tuple[int, int], focus: Focus) -> Box:
    """The largest box with the target's aspect ratio inside `size`, centred on the focus as
    far as the edges allow."""
    (w, h), (tw, th) = size, target
    scale = min(w / tw, h / th)
    cw, ch = min(w, tw * scale), min(h, th * scale)  # min(): float rounding must not spill
    left = min(max(focus[0] * w - cw / 2, 0), w - cw)
    top = min(max(focus[1] * h - ch / 2, 0), h - ch)
    return (left, top, left + cw, top + ch)


def cover(src: Path, data: bytes, target: tuple[int, int], focus: Focus) -> Image.Image:
    """The photo cropped to the target's ratio around the focus and scaled to the target size,
    or smaller when the photo has fewer pixels (never upscaled)."""
    with open_image(src, data) as im:
        size = upright_size(src, im)
        left, top, right, bottom = cover_box(size, target, focus)
        shrink = min(1.0, target[0] / (right - left))  # output pixels per source pixel
        pixels = decode(src, im, need=(math.ceil(size[0] * shrink), math.ceil(size[1] * shrink)))
    out = (max(1, round((right - left) * shrink)), max(1, round((bottom - top) * shrink)))
    sx, sy = pixels.width / size[0], pixels.height / size[1]
    box = (left * sx, top * sy, right * sx, bottom * sy)
    return pixels.resize(out, Image.Resampling.LANCZOS, box=box, reducing_gap=3.0)


def crop_variant(
    src: Path,
    settings: ImageSettings,
    size: tuple[int, int],
    focus: Sequence[float] | None = None,
    fmt: str = "jpeg",
) -> Path:
    """A cached crop of `src` at `size` (e.g. an 800x600 tile) in `fmt` ("jpeg", "webp",
    "avif"); smaller, at the same ratio, when the photo is too small."""
    point = check_focus(focus)
    key = settings_hash("crop", size, point, settings.encoding(fmt))

    def build(path: Path, data: bytes) -> None:
        save(cover(src, data, size, point), [(path, fmt, settings.quality[fmt])])

    suffix = f"{key}-{size[0]}x{size[1]}.{EXTENSIONS[fmt]}"
    return cached_file(src, settings.cache_dir, lambda sha: f"{sha}-{suffix}", build)
