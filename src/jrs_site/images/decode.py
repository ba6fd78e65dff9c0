"""Read untrusted photo files into upright 8-bit sRGB pixels, or raise a plain ImageError."""

from __future__ import annotations

import io
import struct
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import cast

import pillow_heif
from PIL import Image, ImageCms, ImageFile, ImageOps, UnidentifiedImageError

from jrs_site.images.errors import ImageError

MAX_MEGAPIXELS = 100
Image.MAX_IMAGE_PIXELS = MAX_MEGAPIXELS * 1_000_000
pillow_heif.register_heif_opener()

#: Decoders we let loose on untrusted files ("JPEG" also opens MPO, phone JPEGs with extra images).
FORMATS = ("JPEG", "PNG", "WEBP", "TIFF", "HEIF", "AVIF", "GIF")
#: What Pillow and its plugins raise on damaged data.
DECODE_ERRORS = (
    OSError, SyntaxError, ValueError, EOFError, IndexError, KeyError, TypeError,
    ZeroDivisionError, RuntimeError, struct.error,
)  # fmt: skip
SRGB = ImageCms.createProfile("sRGB")

_ORIENTATION_TAG = 0x0112
_SWAPS_AXES = {5, 6, 7, 8}
_SPACES = {"L": "GRAY", "RGB": "RGB", "CMYK": "CMYK"}
_SIGNATURES = (
    (b"\xff\xd8\xff", 0),
    (b"\x89PNG\r\n\x1a\n", 0),
    (b"GIF8", 0),
    (b"WEBP", 8),
    (b"II*\x00", 0),
    (b"MM\x00*", 0),
    (b"ftyp", 4),
)

MISSING = "the photo was not found; check the file name and the folder"
EMPTY = "the photo is empty (0 bytes); copy or export it again"
TEXT = "this file is not a photo (it looks like text); save or export the picture itself as JPEG"
PDF = "this file is a PDF document, not a photo; export the picture from it as JPEG or PNG"
UNKNOWN = (
    "this file is not a photo in a format the site can read; "
    "save it as JPEG, PNG, WebP, TIFF or HEIC"
)
TRUNCATED = "the photo is cut off (truncated); export it again from the phone or camera"
DAMAGED = "the photo is damaged and cannot be read; export it again from the phone or camera"
TOO_LARGE = (
    f"the photo is too large (over {MAX_MEGAPIXELS} megapixels); "
    "save a smaller copy, for example 6000 pixels wide, and use that"
)


def read_source(src: Path) -> bytes:
    """Return the bytes of a photo file; missing, empty or unreadable files raise ImageError."""
    try:
        data = src.read_bytes()
    except FileNotFoundError:
        raise ImageError(src, MISSING) from None
    except IsADirectoryError:
        raise ImageError(src, "this is a folder, not a photo") from None
    except OSError as exc:
        raise ImageError(src, f"the photo cannot be read from the disk ({exc.strerror})") from None
    if not data:
        raise ImageError(src, EMPTY)
    return data


def open_image(src: Path, data: bytes) -> Image.Image:
    """Parse the header of untrusted image bytes (pixels are decoded later by `decode`)."""
    with warnings.catch_warnings(), _reading(src):
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            return Image.open(io.BytesIO(data), formats=FORMATS)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise ImageError(src, TOO_LARGE) from None
        except UnidentifiedImageError:
            raise ImageError(src, _unidentified_message(data)) from None


def upright_size(src: Path, im: Image.Image) -> tuple[int, int]:
    """The pixel size of an opened image once its EXIF orientation is applied."""
    w, h = im.size
    if im.format == "TIFF":  # Pillow turns TIFFs itself, and reports the upright size
        return w, h
    with _reading(src):  # PNG reads its EXIF after the pixels
        return (h, w) if _orientation(im) in _SWAPS_AXES else (w, h)


def decode(src: Path, im: Image.Image, need: tuple[int, int] | None = None) -> Image.Image:
    """Decode the first frame upright, as 8-bit sRGB "RGB" or "RGBA" (only if really transparent).

    `need` is the upright size the caller will scale to; JPEGs are then decoded at a reduced
    scale (libjpeg DCT scaling) while staying at least twice that size.
    """
    icc = im.info.get("icc_profile")
    with _reading(src):
        if need and im.format in ("JPEG", "MPO"):
            w, h = 2 * need[0], 2 * need[1]
            im.draft(im.mode, (h, w) if _orientation(im) in _SWAPS_AXES else (w, h))
        im.load()
        ImageOps.exif_transpose(im, in_place=True)
        colour, alpha = _split_alpha(_to_8bit(im))
        rgb = _to_srgb(colour, icc)
    if alpha is not None:
        rgb.putalpha(alpha)
    return rgb


def inspect(src: Path, data: bytes | None = None) -> tuple[int, int]:
    """Upright pixel size of a photo; decodes it (cheaply) so bad files raise ImageError.
    `data`: the file's bytes, when the caller has read them already (to hash them).

    Remembered for the process while the file's size and mtime stay the same: a HEIC takes a
    third of a second to decode, and the loader, the checks and the PDF each ask.
    """
    try:
        st = src.stat()
    except OSError:
        return _inspect(src, read_source(src))  # read_source says what is wrong
    key = (src, st.st_size, st.st_mtime_ns)
    if key not in _sizes:
        remember(src, key[1:], _inspect(src, read_source(src) if data is None else data))
    return _sizes[key]


def remember(src: Path, stamp: tuple[int, int], size: tuple[int, int]) -> None:
    """Tell `inspect()` the size of `src` while its (size, mtime_ns) is `stamp`: learnt from
    the cache, so that the checks and the PDF of this process do not decode it again."""
    if len(_sizes) >= MAX_REMEMBERED:
        _sizes.clear()
    _sizes[(src, *stamp)] = size


#: The sizes `inspect()` found or was told in this process, by (path, size, mtime_ns).
_sizes: dict[tuple[Path, int, int], tuple[int, int]] = {}
MAX_REMEMBERED = 4096


def _inspect(src: Path, data: bytes) -> tuple[int, int]:
    with open_image(src, data) as im:
        size = upright_size(src, im)
        decode(src, im, need=(1, 1))
    return size


def profile_description(icc: bytes) -> str | None:
    """The description of an ICC profile ("Display P3"...), or None if it cannot be parsed."""
    try:
        return ImageCms.getProfileDescription(ImageCms.ImageCmsProfile(io.BytesIO(icc))).strip()
    except (OSError, ImageCms.PyCMSError):
        return None


def is_srgb(description: str | None) -> bool:
    """Whether a profile description names sRGB."""
    return description is not None and "srgb" in description.lower()


def _orientation(im: Image.Image) -> int:
    value = im.getexif().get(_ORIENTATION_TAG, 1)
    return value if isinstance(value, int) else 1


def _to_8bit(im: Image.Image) -> Image.Image:
    """16-bit greyscale to 8-bit (Pillow's own conversion clips instead of scaling)."""
    if im.mode == "I" or im.mode.startswith("I;16"):
        return im.point(lambda v: v / 257).convert("L")
    return im


def _split_alpha(im: Image.Image) -> tuple[Image.Image, Image.Image | None]:
    """Split off an alpha band that is not fully opaque; colour is returned as L, RGB or CMYK."""
    if im.mode == "P" or "transparency" in im.info or im.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        im = im.convert("RGBA" if im.has_transparency_data else "RGB")
    if im.mode == "RGBA":
        alpha = im.getchannel("A")
        return im.convert("RGB"), None if alpha.getextrema() == (255, 255) else alpha
    return (im if im.mode in ("L", "RGB", "CMYK") else im.convert("RGB")), None


def _to_srgb(im: Image.Image, icc: bytes | None) -> Image.Image:
    transform = _transform_to_srgb(icc, im.mode) if icc else None
    if transform is not None:
        return cast(Image.Image, ImageCms.applyTransform(im, transform))  # None only in place
    return im if im.mode == "RGB" else im.convert("RGB")


@lru_cache(maxsize=16)
def _transform_to_srgb(icc: bytes, mode: str) -> ImageCms.ImageCmsTransform | None:
    """A cached transform from an embedded profile; None for sRGB, or a profile that does not fit
    the pixels or cannot be parsed (the pixels are then taken as sRGB, the web's default)."""
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
        space = profile.profile.xcolor_space.strip()
        if is_srgb(ImageCms.getProfileDescription(profile)) or space != _SPACES[mode]:
            return None
        return ImageCms.buildTransform(profile, SRGB, mode, "RGB", ImageCms.Intent.PERCEPTUAL)
    except (OSError, ImageCms.PyCMSError):
        return None


@contextmanager
def _reading(src: Path) -> Iterator[None]:
    """Turn whatever a decoder raises on damaged data into an ImageError, and refuse cut-off
    files even when another library (WeasyPrint does, on import) told Pillow to pad them."""
    lenient = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        yield
    except DECODE_ERRORS as exc:
        raise ImageError(src, TRUNCATED if "truncat" in str(exc).lower() else DAMAGED) from None
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = lenient


def _unidentified_message(data: bytes) -> str:
    if any(data[at : at + len(magic)] == magic for magic, at in _SIGNATURES):
        return DAMAGED
    if data.startswith(b"%PDF"):
        return PDF
    head = data[:1024]
    printable = sum(b >= 0x20 or b in b"\t\n\r\f" for b in head)
    return TEXT if b"\0" not in head and printable >= 0.95 * len(head) else UNKNOWN
