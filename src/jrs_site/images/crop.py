"""Fixed-ratio crops (tiles, cards) steered by a focus point."""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image

from jrs_site.images.decode import decode, open_image, upright_size
from jrs_site.images.web import Focus

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
