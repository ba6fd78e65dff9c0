"""Draw the placeholder photos of the example content: repo root in, JPEG/PNG files out.

Every photo that the example stories, edition and report refer to is drawn here as a
simple illustrated scene (shapes, gradients and a soft grain), at a real phone size.
No real people, no text. The output is deterministic: each file has its own seeded
random generator, derived from its path.

Some files deliberately carry what a phone leaves behind, so that the image pipeline
and the privacy tests have something to remove:

- ``stories/farid-mariam/kitchen.jpg`` carries fake EXIF with a GPS block
  (coordinates in the North Sea, not anyone's home);
- ``stories/esther/portrait.jpg`` is stored lying on its side with EXIF Orientation 6,
  so it is upright only once the orientation is applied;
- ``stories/ousmane/classroom.png`` is a PNG.

Usage:
    .venv/bin/python scripts/make_placeholders.py [REPO_ROOT] [--force]

Existing files are left alone unless ``--force`` is given.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

LANDSCAPE = (4032, 3024)
PORTRAIT = (3024, 4032)
JPEG_QUALITY = 82

RGB = tuple[int, int, int]


# --------------------------------------------------------------------------------------
# Drawing helpers
# --------------------------------------------------------------------------------------


def mix(a: RGB, b: RGB, t: float) -> RGB:
    """Linear mix of two colours, t in 0..1."""
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))  # type: ignore[return-value]


def vertical_gradient(size: tuple[int, int], stops: list[tuple[float, RGB]]) -> Image.Image:
    """A top-to-bottom gradient through colour stops [(position 0..1, colour), ...]."""
    w, h = size
    column = Image.new("RGB", (1, 256))
    px = column.load()
    for y in range(256):
        t = y / 255
        for (p0, c0), (p1, c1) in zip(stops, stops[1:], strict=False):
            if p0 <= t <= p1:
                px[0, y] = mix(c0, c1, (t - p0) / max(p1 - p0, 1e-6))
                break
        else:
            px[0, y] = stops[-1][1] if t > stops[-1][0] else stops[0][1]
    return column.resize((w, h), Image.Resampling.BICUBIC)


def radial_mask(size: tuple[int, int], box: tuple[int, int, int, int]) -> Image.Image:
    """An 'L' mask, 255 in the centre of box fading to 0 at its edge, 0 outside."""
    x0, y0, x1, y1 = box
    glow = Image.radial_gradient("L").resize((max(x1 - x0, 1), max(y1 - y0, 1)))
    glow = glow.point(lambda v: max(0, 255 - v * 2) if v < 128 else 0)
    mask = Image.new("L", size, 0)
    mask.paste(glow, (x0, y0))
    return mask


def add_glow(img: Image.Image, box: tuple[int, int, int, int], colour: RGB, strength=1.0):
    """Lighten img with a soft round glow of colour inside box."""
    mask = radial_mask(img.size, box).point(lambda v: round(v * strength))
    img.paste(Image.new("RGB", img.size, colour), (0, 0), mask)


def vignette(img: Image.Image, strength: float = 0.35) -> Image.Image:
    """Darken the corners a little, like a phone lens."""
    w, h = img.size
    r = Image.radial_gradient("L").resize((w, h))  # 0 centre .. 255 edge
    shade = r.point(lambda v: round(255 - strength * 255 * max(0.0, (v - 90) / 165) ** 1.6))
    return ImageChops.multiply(img, Image.merge("RGB", (shade, shade, shade)))


def grain(img: Image.Image, rng: random.Random, amount: int = 6) -> Image.Image:
    """Add a soft, deterministic, photographic grain (+-amount levels)."""
    w, h = img.size
    nw, nh = w // 3, h // 3
    noise = Image.frombytes("L", (nw, nh), rng.randbytes(nw * nh))
    noise = noise.resize((w, h), Image.Resampling.BICUBIC)
    noise = noise.point(lambda v: 128 + round((v - 128) * amount / 128))
    return ImageChops.add(img, Image.merge("RGB", (noise, noise, noise)), scale=1.0, offset=-128)


def finish(img: Image.Image, rng: random.Random, blur: float = 2.5, noise: int = 6):
    """Soften the hard vector edges, add vignette and grain."""
    img = img.filter(ImageFilter.GaussianBlur(blur))
    img = vignette(img)
    if noise:
        img = grain(img, rng, noise)
    return img


def silhouette(draw: ImageDraw.ImageDraw, cx: int, top: int, scale: float, colour: RGB):
    """Head and shoulders seen from behind or against the light: no face, no features."""
    s = scale
    head_w, head_h = 300 * s, 370 * s
    draw.ellipse([cx - head_w / 2, top, cx + head_w / 2, top + head_h], fill=colour)
    neck_top = top + head_h * 0.8
    draw.rectangle([cx - 80 * s, neck_top, cx + 80 * s, neck_top + 160 * s], fill=colour)
    sh_top = neck_top + 110 * s
    draw.ellipse([cx - 520 * s, sh_top, cx + 520 * s, sh_top + 520 * s], fill=colour)
    draw.rectangle([cx - 520 * s, sh_top + 260 * s, cx + 520 * s, sh_top + 2000 * s], fill=colour)


def cup(draw: ImageDraw.ImageDraw, x: int, y: int, w: int, colour: RGB, tea: RGB):
    """A cup seen slightly from above, x,y = top-left of its rim."""
    h = int(w * 0.85)
    rim = int(w * 0.28)
    draw.rounded_rectangle([x, y + rim // 2, x + w, y + h], radius=int(w * 0.22), fill=colour)
    draw.ellipse(
        [x + w - w * 0.12, y + h * 0.35, x + w * 1.3, y + h * 0.75],
        outline=colour,
        width=max(8, w // 12),
    )
    draw.ellipse([x, y, x + w, y + rim], fill=mix(colour, (255, 255, 255), 0.25))
    draw.ellipse([x + w * 0.07, y + rim * 0.12, x + w * 0.93, y + rim * 0.88], fill=tea)


# --------------------------------------------------------------------------------------
# Scenes: each draws an upright image of the given size
# --------------------------------------------------------------------------------------


DAWN = [(0, (120, 150, 196)), (0.55, (236, 190, 160)), (1, (250, 214, 150))]
EVENING = [(0, (70, 84, 140)), (0.5, (214, 128, 112)), (1, (246, 176, 110))]


def scene_window(
    size,
    rng: random.Random,
    figures=((0.42, 0.36, 1.25),),
    sky=DAWN,
    wall=((62, 52, 48), (34, 28, 27)),
) -> Image.Image:
    """Figures in silhouette in front of a window; figures = (x, top, scale) fractions."""
    w, h = size
    img = vertical_gradient(size, [(0, wall[0]), (1, wall[1])])
    d = ImageDraw.Draw(img)
    wx0, wy0, wx1, wy1 = int(w * 0.18), int(h * 0.12), int(w * 0.82), int(h * 0.62)
    sky = vertical_gradient((wx1 - wx0, wy1 - wy0), list(sky))
    img.paste(sky, (wx0, wy0))
    # roofs far away in the window
    for i in range(9):
        bx = wx0 + int((wx1 - wx0) * i / 9) + rng.randint(-40, 40)
        bh = rng.randint(120, 420)
        d.rectangle([bx, wy1 - bh, bx + rng.randint(260, 420), wy1], fill=(150, 128, 130))
    add_glow(img, (wx0 + 300, wy0 + 600, wx1 - 300, wy1 + 300), (255, 236, 200), 0.7)
    frame = (226, 222, 214)
    bar = int(w * 0.018)
    d.rectangle([wx0 - bar, wy0 - bar, wx1 + bar, wy1 + bar], outline=frame, width=bar)
    d.rectangle([(wx0 + wx1) // 2 - bar // 2, wy0, (wx0 + wx1) // 2 + bar // 2, wy1], fill=frame)
    d.rectangle(
        [wx0, int(wy0 + (wy1 - wy0) * 0.42), wx1, int(wy0 + (wy1 - wy0) * 0.42) + bar], fill=frame
    )
    d.rectangle([wx0 - 3 * bar, wy1 + bar, wx1 + 3 * bar, wy1 + 3 * bar], fill=(200, 194, 184))
    # a plant on the sill
    px = wx1 - int(w * 0.12)
    d.polygon(
        [(px, wy1 + bar), (px + 220, wy1 + bar), (px + 180, wy1 - 180), (px + 40, wy1 - 180)],
        fill=(170, 92, 60),
    )
    for a in range(7):
        ang = math.radians(200 + a * 22)
        d.ellipse(
            [
                px + 110 + math.cos(ang) * 240 - 70,
                wy1 - 260 + math.sin(ang) * 240 - 140,
                px + 110 + math.cos(ang) * 240 + 70,
                wy1 - 260 + math.sin(ang) * 240 + 140,
            ],
            fill=(70, 110, 70),
        )
    for fx, ftop, fscale in figures:
        silhouette(d, int(w * fx), int(h * ftop), w / 3024 * fscale, (24, 20, 22))
    return finish(img, rng)


def scene_kitchen(size, rng: random.Random, gathering: bool = False) -> Image.Image:
    """A kitchen table with cups, a teapot and a bowl of fruit; or a table set for many."""
    w, h = size
    img = vertical_gradient(
        size,
        [(0, (226, 214, 190)), (0.55, (200, 184, 160)), (0.56, (150, 102, 70)), (1, (110, 72, 48))],
    )
    d = ImageDraw.Draw(img)
    add_glow(img, (int(w * 0.55), -int(h * 0.2), int(w * 1.2), int(h * 0.6)), (255, 246, 220), 0.8)
    # tiles on the wall
    for x in range(0, w, 336):
        d.line([(x, 0), (x, int(h * 0.5))], fill=(212, 200, 176), width=6)
    for y in range(0, int(h * 0.5), 336):
        d.line([(0, y), (w, y)], fill=(212, 200, 176), width=6)
    # table top in perspective
    ty = int(h * 0.55)
    d.polygon([(int(w * 0.08), ty), (int(w * 0.92), ty), (w, h), (0, h)], fill=(176, 120, 78))
    for i in range(1, 7):
        x_top = int(w * 0.08 + w * 0.84 * i / 7)
        d.line([(x_top, ty), (int(w * i / 7), h)], fill=(150, 100, 64), width=10)
    # teapot
    tx, tyy = int(w * 0.40), int(h * 0.40)
    d.ellipse([tx, tyy, tx + 760, tyy + 640], fill=(60, 96, 120))
    d.polygon(
        [
            (tx + 700, tyy + 300),
            (tx + 1040, tyy + 120),
            (tx + 1060, tyy + 190),
            (tx + 720, tyy + 420),
        ],
        fill=(60, 96, 120),
    )
    d.ellipse([tx + 280, tyy - 70, tx + 480, tyy + 60], fill=(48, 80, 100))
    d.arc([tx - 220, tyy + 120, tx + 160, tyy + 520], 90, 270, fill=(48, 80, 100), width=50)
    # cups
    if gathering:
        colours = [(238, 234, 226), (210, 90, 70), (90, 140, 110), (230, 190, 70)]
        for row, (y, cw) in enumerate(((0.60, 380), (0.74, 440), (0.86, 480))):
            for i in range(4 + row % 2):
                x = int(w * (0.10 + i * 0.2 - (row % 2) * 0.08)) + rng.randint(-60, 60)
                cup(d, x, int(h * y), cw, colours[(i + row) % 4], (120, 72, 40))
    else:
        cup(d, int(w * 0.16), int(h * 0.60), 520, (238, 234, 226), (120, 70, 40))
        cup(d, int(w * 0.62), int(h * 0.68), 560, (210, 90, 70), (140, 84, 44))
        cup(d, int(w * 0.36), int(h * 0.78), 500, (238, 234, 226), (150, 110, 50))
    # bowl with fruit
    bx, by = int(w * 0.72), int(h * 0.47)
    for i in range(5):
        fx = bx + 80 + i * 140 + rng.randint(-20, 20)
        d.ellipse(
            [fx, by - 60 - (i % 2) * 70, fx + 220, by + 160 - (i % 2) * 70],
            fill=[(230, 160, 40), (200, 60, 50), (240, 190, 60)][i % 3],
        )
    d.chord([bx, by - 40, bx + 960, by + 420], 0, 180, fill=(236, 230, 214))
    return finish(img, rng)


def scene_skyline(size, rng: random.Random, figure: bool = False) -> Image.Image:
    """A city skyline at dusk; optionally a figure seen from behind."""
    w, h = size
    img = vertical_gradient(
        size,
        [(0, (28, 36, 82)), (0.45, (112, 78, 132)), (0.7, (238, 140, 96)), (1, (250, 196, 120))],
    )
    add_glow(img, (int(w * 0.25), int(h * 0.45), int(w * 0.95), int(h * 0.95)), (255, 214, 150))
    d = ImageDraw.Draw(img)
    base = int(h * 0.78)
    for layer, colour in ((0, (82, 66, 96)), (1, (40, 34, 52))):
        x = -100
        while x < w:
            bw = rng.randint(220, 520)
            bh = rng.randint(int(h * 0.10), int(h * (0.30 if layer else 0.40)))
            top = base - bh + (140 if layer else 0)
            d.rectangle([x, top, x + bw, h], fill=colour)
            if layer:
                for wy in range(top + 60, h - 40, 110):
                    for wx in range(x + 40, x + bw - 60, 90):
                        if rng.random() < 0.22:
                            d.rectangle([wx, wy, wx + 44, wy + 60], fill=(255, 214, 130))
            if rng.random() < 0.15:
                d.rectangle([x + bw // 2 - 12, top - 260, x + bw // 2 + 12, top], fill=colour)
            x += bw + rng.randint(-40, 60)
    if figure:
        silhouette(d, int(w * 0.55), int(h * 0.55), w / 3024 * 1.35, (16, 14, 22))
    return finish(img, rng)


def scene_classroom(size, rng: random.Random) -> Image.Image:
    """An empty evening classroom: board, rows of desks, light from the windows."""
    w, h = size
    img = vertical_gradient(
        size,
        [
            (0, (214, 218, 210)),
            (0.62, (190, 196, 186)),
            (0.63, (140, 130, 118)),
            (1, (110, 100, 90)),
        ],
    )
    d = ImageDraw.Draw(img)
    # board with chalk smudges (no writing)
    d.rectangle([int(w * 0.22), int(h * 0.12), int(w * 0.78), int(h * 0.42)], fill=(46, 72, 60))
    d.rectangle([int(w * 0.22), int(h * 0.42), int(w * 0.78), int(h * 0.44)], fill=(160, 140, 110))
    for _ in range(6):
        x0 = rng.randint(int(w * 0.26), int(w * 0.6))
        y0 = rng.randint(int(h * 0.16), int(h * 0.36))
        d.arc(
            [x0, y0, x0 + rng.randint(300, 700), y0 + rng.randint(80, 200)],
            200,
            340,
            fill=(120, 144, 130),
            width=14,
        )
    # windows on the left
    for i in range(2):
        x0 = int(w * 0.015) + i * int(w * 0.085)
        d.rectangle([x0, int(h * 0.10), x0 + int(w * 0.07), int(h * 0.55)], fill=(160, 190, 214))
    add_glow(img, (-int(w * 0.2), 0, int(w * 0.5), int(h * 0.9)), (255, 246, 226), 0.5)
    # desks in perspective
    for row in range(4):
        t = row / 3
        y = int(h * (0.66 + 0.1 * row))
        dw = int(w * (0.16 + 0.06 * t))
        dh = int(h * (0.035 + 0.02 * t))
        for col in range(4):
            cx = int(w * (0.5 + (col - 1.5) * (0.2 + 0.06 * t)))
            d.rectangle([cx - dw // 2, y, cx + dw // 2, y + dh], fill=(196, 160, 110))
            d.rectangle(
                [cx - dw // 2 + 20, y + dh, cx - dw // 2 + 50, y + dh * 3], fill=(80, 80, 84)
            )
            d.rectangle(
                [cx + dw // 2 - 50, y + dh, cx + dw // 2 - 20, y + dh * 3], fill=(80, 80, 84)
            )
            d.rounded_rectangle(
                [cx - dw // 4, y - dh * 2, cx + dw // 4, y - dh // 3],
                radius=20,
                fill=(60, 110, 150),
            )
    # a notebook and a pen on the front desk
    d.polygon(
        [
            (int(w * 0.33), int(h * 0.955)),
            (int(w * 0.45), int(h * 0.945)),
            (int(w * 0.46), int(h * 0.99)),
            (int(w * 0.34), int(h * 1.0)),
        ],
        fill=(240, 240, 232),
    )
    d.line(
        [(int(w * 0.47), int(h * 0.95)), (int(w * 0.55), int(h * 0.93))],
        fill=(30, 40, 120),
        width=18,
    )
    return finish(img, rng, blur=2.0, noise=0)


def scene_hands_cup(size, rng: random.Random) -> Image.Image:
    """Two hands around a warm cup, seen from above; steam rising."""
    w, h = size
    img = vertical_gradient(size, [(0, (92, 70, 56)), (1, (58, 42, 34))])
    d = ImageDraw.Draw(img)
    add_glow(img, (0, 0, w, int(h * 0.8)), (190, 150, 110), 0.6)
    cx, cy = w // 2, int(h * 0.56)
    r = int(w * 0.26)
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(232, 226, 214))
    d.ellipse([cx - r + 60, cy - r + 60, cx + r - 60, cy + r - 60], fill=(110, 62, 30))
    add_glow(img, (cx - r + 120, cy - r + 100, cx + 80, cy - 20), (200, 140, 90), 0.5)
    skin = (150, 104, 76)
    for side in (-1, 1):
        hx = cx + side * int(r * 0.95)
        d.rounded_rectangle([hx - 260, cy - 180, hx + 260, cy + 760], radius=240, fill=skin)
        for f in range(4):
            fy = cy - 150 + f * 150
            fx0 = hx - side * 250
            d.rounded_rectangle(
                [min(fx0, fx0 - side * 300), fy, max(fx0, fx0 - side * 300), fy + 120],
                radius=60,
                fill=mix(skin, (0, 0, 0), 0.04 * f),
            )
        d.rounded_rectangle(
            [hx - 200, cy + 700, hx + 200, h + 200], radius=120, fill=(70, 80, 110)
        )  # sleeves
    steam = Image.new("L", size, 0)
    sd = ImageDraw.Draw(steam)
    for s in range(3):
        x = cx - 200 + s * 200
        pts = [(x + math.sin(t / 90 + s) * 80, cy - r - t) for t in range(0, int(h * 0.3), 20)]
        sd.line(pts, fill=90, width=60, joint="curve")
    steam = steam.filter(ImageFilter.GaussianBlur(40))
    img.paste(Image.new("RGB", size, (240, 236, 230)), (0, 0), steam)
    return finish(img, rng, blur=3)


def scene_fence(size, rng: random.Random) -> Image.Image:
    """A closed-centre fence with barbed wire, a low building behind it, a wide sky."""
    w, h = size
    img = vertical_gradient(
        size,
        [(0, (92, 130, 186)), (0.55, (190, 208, 226)), (0.72, (170, 176, 170)), (1, (96, 116, 80))],
    )
    d = ImageDraw.Draw(img)
    clouds = Image.new("L", size, 0)
    cd = ImageDraw.Draw(clouds)
    for _ in range(26):
        x = rng.randint(-300, w)
        y = rng.randint(0, int(h * 0.4))
        cd.ellipse([x, y, x + rng.randint(400, 1100), y + rng.randint(120, 300)], fill=200)
    clouds = clouds.filter(ImageFilter.GaussianBlur(60))
    img.paste(Image.new("RGB", size, (246, 246, 248)), (0, 0), clouds)
    # the building: long, low, grey, small windows
    by = int(h * 0.52)
    d.rectangle([int(w * 0.05), by, int(w * 0.95), int(h * 0.74)], fill=(168, 164, 156))
    d.rectangle([int(w * 0.05), by - 30, int(w * 0.95), by + 30], fill=(120, 118, 114))
    for x in range(int(w * 0.08), int(w * 0.92), 210):
        d.rectangle([x, by + 150, x + 90, by + 260], fill=(80, 86, 96))
        d.rectangle([x, by + 380, x + 90, by + 490], fill=(80, 86, 96))
    # ground
    d.rectangle([0, int(h * 0.74), w, h], fill=(104, 122, 84))
    # fence: posts and mesh
    top, bottom = int(h * 0.30), int(h * 0.86)
    mesh = (70, 76, 80)
    for x in range(-h, w + h, 90):
        d.line([(x, top), (x + (bottom - top), bottom)], fill=mesh, width=5)
        d.line([(x, bottom), (x + (bottom - top), top)], fill=mesh, width=5)
    for x in range(0, w + 1, 560):
        d.rectangle([x - 22, top - 220, x + 22, bottom + 40], fill=(60, 64, 68))
        d.line([(x, top - 220), (x + 160, top - 380)], fill=(60, 64, 68), width=30)
    d.line([(0, top), (w, top)], fill=(60, 64, 68), width=24)
    d.line([(0, bottom), (w, bottom)], fill=(60, 64, 68), width=24)
    # barbed-wire coil
    for x in range(-100, w + 100, 150):
        d.ellipse([x, top - 330, x + 260, top - 90], outline=(90, 94, 98), width=10)
    return finish(img, rng, blur=2.0)


def scene_visiting_room(size, rng: random.Random) -> Image.Image:
    """A bare visiting room: a table, two chairs, a high window with a beam of light."""
    w, h = size
    img = vertical_gradient(
        size,
        [
            (0, (200, 204, 196)),
            (0.64, (182, 186, 178)),
            (0.65, (120, 124, 120)),
            (1, (96, 100, 96)),
        ],
    )
    d = ImageDraw.Draw(img)
    wx0, wy0, wx1, wy1 = int(w * 0.56), int(h * 0.08), int(w * 0.80), int(h * 0.26)
    d.rectangle([wx0, wy0, wx1, wy1], fill=(200, 222, 240))
    for x in range(wx0, wx1, 120):
        d.rectangle([x, wy0, x + 18, wy1], fill=(90, 92, 96))
    beam = Image.new("L", size, 0)
    ImageDraw.Draw(beam).polygon(
        [(wx0, wy1), (wx1, wy1), (int(w * 0.62), h), (int(w * 0.18), h)], fill=70
    )
    beam = beam.filter(ImageFilter.GaussianBlur(80))
    img.paste(Image.new("RGB", size, (255, 248, 226)), (0, 0), beam)
    # table
    tx0, tx1, ty = int(w * 0.30), int(w * 0.70), int(h * 0.62)
    d.polygon(
        [(tx0, ty), (tx1, ty), (tx1 + 140, ty + 300), (tx0 - 140, ty + 300)], fill=(206, 196, 176)
    )
    d.rectangle([tx0 - 140, ty + 300, tx1 + 140, ty + 340], fill=(160, 150, 132))
    for lx in (tx0 - 100, tx1 + 70):
        d.rectangle([lx, ty + 340, lx + 40, ty + 900], fill=(80, 80, 84))
    # two chairs facing each other
    for cx, flip in ((int(w * 0.22), 1), (int(w * 0.78), -1)):
        d.rectangle([cx - 170, ty - 420, cx + 170, ty - 380], fill=(60, 90, 130))
        d.rectangle(
            [cx - 170 * flip - 20, ty - 420, cx - 170 * flip + 20, ty + 200], fill=(60, 90, 130)
        )
        d.rectangle([cx - 200, ty + 180, cx + 200, ty + 240], fill=(60, 90, 130))
        for lx in (cx - 180, cx + 150):
            d.rectangle([lx, ty + 240, lx + 30, ty + 700], fill=(70, 72, 78))
    # two paper cups on the table
    cup(d, int(w * 0.42), ty + 20, 170, (246, 244, 238), (120, 72, 40))
    cup(d, int(w * 0.54), ty + 60, 170, (246, 244, 238), (120, 72, 40))
    return finish(img, rng)


def scene_workbench(size, rng: random.Random) -> Image.Image:
    """A carpenter's bench with planks, a dovetail joint and tools."""
    w, h = size
    img = vertical_gradient(
        size, [(0, (120, 104, 86)), (0.5, (92, 78, 64)), (0.51, (168, 124, 80)), (1, (130, 92, 58))]
    )
    d = ImageDraw.Draw(img)
    add_glow(img, (int(w * 0.1), -int(h * 0.3), int(w * 0.9), int(h * 0.7)), (255, 226, 180), 0.6)
    for y in range(int(h * 0.53), h, 160):
        d.line([(0, y), (w, y + rng.randint(-20, 20))], fill=(140, 100, 64), width=6)
    # dovetail joint: two boards interlocking
    jx, jy = int(w * 0.30), int(h * 0.58)
    d.rectangle([jx, jy, jx + 1400, jy + 420], fill=(214, 172, 118))
    d.rectangle([jx + 1400, jy - 600, jx + 1820, jy + 420], fill=(196, 150, 96))
    for i in range(3):
        y0 = jy + 40 + i * 130
        d.polygon(
            [(jx + 1400, y0 + 20), (jx + 1400, y0 + 90), (jx + 1600, y0 + 110), (jx + 1600, y0)],
            fill=(214, 172, 118),
        )
    # tools
    d.rectangle([int(w * 0.08), int(h * 0.70), int(w * 0.24), int(h * 0.72)], fill=(120, 70, 40))
    d.rectangle([int(w * 0.22), int(h * 0.68), int(w * 0.25), int(h * 0.75)], fill=(70, 72, 76))
    d.polygon(
        [
            (int(w * 0.70), int(h * 0.82)),
            (int(w * 0.92), int(h * 0.80)),
            (int(w * 0.92), int(h * 0.84)),
            (int(w * 0.70), int(h * 0.84)),
        ],
        fill=(170, 174, 180),
    )
    d.rounded_rectangle(
        [int(w * 0.62), int(h * 0.80), int(w * 0.71), int(h * 0.86)], radius=40, fill=(150, 50, 40)
    )
    # shavings
    for _ in range(40):
        x = rng.randint(0, w)
        y = rng.randint(int(h * 0.55), h)
        d.arc(
            [x, y, x + rng.randint(60, 160), y + rng.randint(40, 100)],
            0,
            270,
            fill=(236, 204, 150),
            width=8,
        )
    return finish(img, rng)


# --------------------------------------------------------------------------------------
# What to draw where
# --------------------------------------------------------------------------------------


@dataclass
class Photo:
    path: str
    scene: Callable[..., Image.Image]
    size: tuple[int, int]
    options: dict = field(default_factory=dict)
    gps: bool = False  # add fake EXIF with a GPS block
    orientation6: bool = False  # store rotated, with EXIF Orientation 6


PHOTOS = [
    # testimonies
    Photo(
        "stories/farid-mariam/portrait.jpg",
        scene_window,
        PORTRAIT,
        {"figures": ((0.36, 0.33, 1.3), (0.64, 0.44, 1.0)), "sky": EVENING},
    ),
    Photo("stories/farid-mariam/kitchen.jpg", scene_kitchen, LANDSCAPE, gps=True),
    Photo(
        "stories/esther/portrait.jpg",
        scene_window,
        PORTRAIT,
        {"figures": ((0.60, 0.40, 1.15),), "wall": ((70, 74, 80), (36, 38, 44))},
        orientation6=True,
    ),
    Photo("stories/esther/fence.jpg", scene_fence, LANDSCAPE),
    Photo("stories/ousmane/portrait.jpg", scene_skyline, PORTRAIT, {"figure": True}),
    Photo("stories/ousmane/classroom.png", scene_classroom, LANDSCAPE),
    Photo("stories/tesfay/portrait.jpg", scene_hands_cup, PORTRAIT),
    Photo("stories/tesfay/workbench.jpg", scene_workbench, LANDSCAPE),
    # edition 118
    Photo("editions/118/cover.jpg", scene_skyline, PORTRAIT),
    Photo("editions/118/detention-visits/visiting-room.jpg", scene_visiting_room, LANDSCAPE),
    Photo("editions/118/agenda/volunteers.jpg", scene_kitchen, LANDSCAPE, {"gathering": True}),
]


def fake_exif(photo: Photo) -> Image.Exif:
    """EXIF as a phone would write it; GPS points at the North Sea, not at anyone's home."""
    exif = Image.Exif()
    exif[0x010F] = "Voorbeeld"  # Make
    exif[0x0110] = "Placeholder Phone 1"  # Model
    exif[0x0131] = "make_placeholders.py"  # Software
    exif[0x0132] = "2025:09:12 10:41:07"  # DateTime
    if photo.orientation6:
        exif[0x0112] = 6  # Orientation: rotate 90 degrees clockwise to display
    if photo.gps:
        gps = exif.get_ifd(0x8825)
        gps[1] = "N"  # GPSLatitudeRef
        gps[2] = (51.0, 36.0, 12.5)  # GPSLatitude
        gps[3] = "E"  # GPSLongitudeRef
        gps[4] = (2.0, 31.0, 48.0)  # GPSLongitude
        gps[5] = b"\x00"  # GPSAltitudeRef: above sea level
        gps[6] = 3.0  # GPSAltitude
    return exif


def render(photo: Photo) -> Image.Image:
    seed = zlib.crc32(photo.path.encode("utf-8"))
    rng = random.Random(seed)
    img = photo.scene(photo.size, rng, **photo.options)
    if photo.orientation6:
        # Orientation 6 means "turn 90 degrees clockwise to show": store it turned the other way.
        img = img.transpose(Image.Transpose.ROTATE_90)
    return img


def save(img: Image.Image, photo: Photo, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.suffix.lower() == ".png":
        img.save(target, "PNG", optimize=True)
        return
    kwargs = {"quality": JPEG_QUALITY, "optimize": True, "progressive": False}
    if photo.gps or photo.orientation6:
        kwargs["exif"] = fake_exif(photo)
    img.save(target, "JPEG", **kwargs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default=".", help="repository root (default: .)")
    parser.add_argument("--force", action="store_true", help="redraw files that already exist")
    args = parser.parse_args(argv)
    root = Path(args.root).resolve()
    if not (root / "stories").is_dir():
        print(f"{root} has no stories/ folder: give the repository root.", file=sys.stderr)
        return 2
    for photo in PHOTOS:
        target = root / photo.path
        if target.exists() and not args.force:
            print(f"skip   {photo.path} (exists; use --force to redraw)")
            continue
        save(render(photo), photo, target)
        print(f"wrote  {photo.path} ({target.stat().st_size / 1e6:.2f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
