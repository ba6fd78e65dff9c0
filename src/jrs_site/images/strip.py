"""Prove that an output image carries pixels only: list any metadata left in a file."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

from jrs_site.images.decode import is_srgb, open_image, profile_description, read_source

_GPS_IFD = 0x8825
#: JPEG segments that carry no information about the photo or the person who took it.
_HARMLESS_SEGMENTS = {("APP0", b"JFIF\x00"), ("APP14", b"Adobe")}
_XMP_MARKERS = (b"<x:xmpmeta", b"http://ns.adobe.com/xap/1.0/")


def strip_check(path: Path) -> list[str]:
    """Names of the metadata found in `path` ("exif", "gps", "xmp", "iptc", "comment", "text",
    "icc (…)" for a profile other than sRGB, "thumbnail", "app segment …", "extra images");
    an empty list means the file is clean."""
    data = read_source(path)
    with open_image(path, data) as im:
        found = _exif(im) + _jpeg_segments(im)
        info = im.info
        if info.get("xmp") or any(marker in data for marker in _XMP_MARKERS):
            found.append("xmp")
        if "photoshop" in info or "iptc" in info:
            found.append("iptc")
        if "comment" in info:
            found.append("comment")
        if getattr(im, "text", None):
            found.append("text")
        if info.get("icc_profile"):
            description = profile_description(info["icc_profile"])
            if not is_srgb(description):
                found.append(f"icc ({description or 'unreadable'})")
        if info.get("thumbnails"):
            found.append("thumbnail")
        if getattr(im, "n_frames", 1) > 1:
            found.append("extra images")
    return sorted(set(found))


def _exif(im: Image.Image) -> list[str]:
    exif = im.getexif()
    if not exif and not im.info.get("exif"):
        return []
    return ["exif", "gps"] if _GPS_IFD in exif else ["exif"]


def _jpeg_segments(im: Image.Image) -> list[str]:
    """JPEG application segments other than the JFIF header and the Adobe colour marker; EXIF,
    XMP and ICC segments are reported by name elsewhere."""
    found = []
    for marker, payload in getattr(im, "applist", []):
        if any(marker == m and payload.startswith(p) for m, p in _HARMLESS_SEGMENTS):
            continue
        if payload.startswith(b"JFXX"):
            found.append("thumbnail")
        elif not payload.startswith((b"Exif", b"http://ns.adobe.com/xap", b"ICC_PROFILE")):
            found.append(f"app segment {marker} {payload[:12]!r}")
    return found
