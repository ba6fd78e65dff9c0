"""Fixture images made on the fly (no binary fixtures in the repository) and checks on outputs."""

from __future__ import annotations

import json
import os
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageChops, ImageStat

from jrs_site.images import strip_check
from tests.tools import require, run, unavailable

REPO = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("JRS_PHOTO_CORPUS", REPO.parent / "shared" / "corpus" / "photos"))
#: exiftool families (-G0) that must never appear in an output.
FORBIDDEN_GROUPS = {"EXIF", "XMP", "IPTC", "ICC_Profile", "MakerNotes", "Photoshop", "MPF"}
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    b'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:format="image/jpeg"/>'
    b"</rdf:RDF></x:xmpmeta>"
)

RED, GREEN, BLUE, WHITE = (230, 20, 20), (20, 200, 20), (20, 20, 230), (255, 255, 255)


#: What to do when the corpus is not where the tests look (it is never in the repository).
CORPUS_REMEDY = "clone the repository beside ../shared/, or set JRS_PHOTO_CORPUS to its photos/"


def corpus_dir(sub: str) -> Path:
    """A folder of the shared photo corpus; skipped when absent, except under CI=true."""
    path = CORPUS / sub
    if not path.is_dir():
        unavailable(f"photo corpus folder {path} absent", CORPUS_REMEDY)
    return path


def corpus_file(sub: str, name: str) -> Path:
    """One photo of the shared corpus; skipped when absent, except under CI=true."""
    path = corpus_dir(sub) / name
    if not path.is_file():
        unavailable(f"{name} is not in the photo corpus folder {path.parent}", CORPUS_REMEDY)
    return path


def marker_image(size: tuple[int, int] = (800, 600)) -> Image.Image:
    """White, red top-left corner, green top-right corner, blue bottom band: shows any turn or
    mirror."""
    w, h = size
    im = Image.new("RGB", size, WHITE)
    im.paste(RED, (0, 0, w // 4, h // 4))
    im.paste(GREEN, (w - w // 4, 0, w, h // 4))
    im.paste(BLUE, (0, h - h // 5, w, h))
    return im


def stored_for_orientation(upright: Image.Image, orientation: int) -> Image.Image:
    """The pixels a camera stores with EXIF `orientation` for a scene that looks like `upright`
    (the inverse of what the tag tells a viewer to do, per the EXIF text)."""
    mirror = Image.Transpose.FLIP_LEFT_RIGHT
    return {
        1: lambda im: im,
        2: lambda im: im.transpose(mirror),  # "mirror horizontal"
        3: lambda im: im.rotate(180),  # "rotate 180"
        4: lambda im: im.transpose(Image.Transpose.FLIP_TOP_BOTTOM),  # "mirror vertical"
        5: lambda im: im.rotate(-90, expand=True).transpose(mirror),  # mirror, rotate 270 CW
        6: lambda im: im.rotate(90, expand=True),  # "rotate 90 CW"
        7: lambda im: im.rotate(90, expand=True).transpose(mirror),  # mirror, rotate 90 CW
        8: lambda im: im.rotate(-90, expand=True),  # "rotate 270 CW"
    }[orientation](upright)


def exif_with(orientation: int | None = None, gps: bool = True) -> Image.Exif:
    """EXIF with a camera model, an optional orientation and a GPS position in Brussels."""
    exif = Image.Exif()
    exif[0x0110] = "Phone 12"
    if orientation is not None:
        exif[0x0112] = orientation
    if gps:
        exif.get_ifd(0x8825).update({1: "N", 2: (50.0, 50.0, 46.0), 3: "E", 4: (4.0, 21.0, 8.0)})
    return exif


def adobe_rgb_icc() -> bytes:
    """A minimal ICC v2 matrix/TRC profile with Adobe RGB (1998) primaries and gamma 2.2."""

    def xyz(x: float, y: float, z: float) -> bytes:
        return b"XYZ \0\0\0\0" + struct.pack(">3i", *(round(v * 65536) for v in (x, y, z)))

    desc_text = b"Adobe RGB (1998) test\0"
    tags = {
        b"desc": b"desc\0\0\0\0" + struct.pack(">I", len(desc_text)) + desc_text + b"\0" * 79,
        b"cprt": b"text\0\0\0\0no copyright\0",
        b"wtpt": xyz(0.9642, 1.0, 0.8249),
        b"rXYZ": xyz(0.60974, 0.31111, 0.01947),
        b"gXYZ": xyz(0.20528, 0.62567, 0.06087),
        b"bXYZ": xyz(0.14919, 0.06322, 0.74457),
    }
    curve = b"curv\0\0\0\0" + struct.pack(">IH", 1, 563) + b"\0\0"
    tags.update({b"rTRC": curve, b"gTRC": curve, b"bTRC": curve})
    offset = 128 + 4 + 12 * len(tags)
    table, body = [], b""
    for sig, data in tags.items():
        data += b"\0" * (-len(data) % 4)
        table.append(struct.pack(">4sII", sig, offset + len(body), len(data)))
        body += data
    size = offset + len(body)
    header = (
        struct.pack(">I4sI4s4s4s", size, b"lcms", 0x02100000, b"mntr", b"RGB ", b"XYZ ")
        + b"\0" * 12 + b"acsp" + b"\0" * 28
        + struct.pack(">3i", *(round(v * 65536) for v in (0.9642, 1.0, 0.8249)))
    )  # fmt: skip
    header += b"\0" * (128 - len(header))
    return header + struct.pack(">I", len(tags)) + b"".join(table) + body


def png_16bit(path: Path, size: tuple[int, int], colour: tuple[int, ...]) -> Path:
    """Write a 16 bits per channel PNG of one colour (RGB or RGBA, 0..65535) by hand, since
    Pillow only writes 16 bits for greyscale."""
    colour_type = {3: 2, 4: 6}[len(colour)]
    row = b"\0" + struct.pack(f">{len(colour)}H", *colour) * size[0]

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    ihdr = struct.pack(">IIBBBBB", *size, 16, colour_type, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(row * size[1])) + chunk(b"IEND", b"")
    )  # fmt: skip
    return path


def mean_diff(a: Image.Image, b: Image.Image, size: tuple[int, int] = (48, 48)) -> float:
    """Mean absolute difference of two images, downscaled and in greyscale (0..255)."""
    small = [im.convert("L").resize(size, Image.Resampling.BOX) for im in (a, b)]
    return ImageStat.Stat(ImageChops.difference(*small)).mean[0]


def colour_at(path: Path, xy: tuple[float, float]) -> tuple[int, ...]:
    """The RGB colour of an output file at a relative position (0..1, 0..1)."""
    with Image.open(path) as im:
        rgb = im.convert("RGB")
        return rgb.getpixel((int(xy[0] * (rgb.width - 1)), int(xy[1] * (rgb.height - 1))))


def close(a: tuple[int, ...], b: tuple[int, ...], tolerance: int = 30) -> bool:
    """Colours equal within `tolerance` per channel (lossy encoders drift a little)."""
    return all(abs(x - y) <= tolerance for x, y in zip(a, b, strict=True))


def exiftool_groups(paths: list[Path]) -> dict[str, set[str]]:
    """exiftool's metadata families (-G0) in each file, an sRGB ICC profile left out (skips
    without exiftool, fails under CI)."""
    require("exiftool")
    if not paths:
        return {}
    out = run("exiftool", "-j", "-G0", *paths, check=False)
    found = {}
    for entry in json.loads(out):
        groups = {key.split(":")[0] for key in entry}
        if "srgb" in str(entry.get("ICC_Profile:ProfileDescription", "")).lower():
            groups.discard("ICC_Profile")
        found[entry["SourceFile"]] = groups
    assert set(found) == set(map(str, paths)), "exiftool did not read every file"
    return found


def assert_clean(paths: list[Path]) -> None:
    """No metadata in any of `paths`, by the pipeline's own `strip_check` and by exiftool."""
    assert paths
    for path in paths:
        assert strip_check(path) == [], path
    for path, groups in exiftool_groups(paths).items():
        assert not groups & FORBIDDEN_GROUPS, (path, groups & FORBIDDEN_GROUPS)
