"""Every output is pixels only: no EXIF, GPS, XMP, IPTC, comment, thumbnail or foreign ICC."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, PngImagePlugin

from jrs_site.images import (
    ImageSettings,
    print_variant,
    social_card,
    strip_check,
    web_image,
)
from tests.images.helpers import XMP, adobe_rgb_icc, assert_clean, exif_with, exiftool_groups
from tests.tools import FONT


def _jpeg_full_of_metadata(path: Path) -> Path:
    exif = exif_with(orientation=1)
    exif.get_ifd(0x8769)[0x927C] = b"maker notes: serial 12345"  # MakerNote
    im = Image.new("RGB", (500, 400), (120, 140, 160))
    im.save(
        path, exif=exif, xmp=XMP, comment=b"shot at the family's home", icc_profile=adobe_rgb_icc()
    )
    return path


def _png_full_of_metadata(path: Path) -> Path:
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "A. Person")
    text.add_itxt("XML:com.adobe.xmp", XMP.decode())
    im = Image.new("RGBA", (500, 400), (120, 140, 160, 200))
    im.save(path, pnginfo=text, icc_profile=adobe_rgb_icc(), exif=exif_with())
    return path


def _webp_full_of_metadata(path: Path) -> Path:
    im = Image.new("RGB", (500, 400), (120, 140, 160))
    im.save(path, exif=exif_with(), xmp=XMP, icc_profile=adobe_rgb_icc())
    return path


def _heic_full_of_metadata(path: Path) -> Path:
    im = Image.new("RGB", (500, 400), (120, 140, 160))
    im.save(path, "HEIF", exif=exif_with(), xmp=XMP, icc_profile=adobe_rgb_icc())
    return path


SOURCES = {
    "photo.jpg": (_jpeg_full_of_metadata, {"exif", "gps", "xmp", "comment", "icc"}),
    "photo.png": (_png_full_of_metadata, {"exif", "gps", "xmp", "text", "icc"}),
    "photo.webp": (_webp_full_of_metadata, {"exif", "gps", "xmp", "icc"}),
    "photo.heic": (_heic_full_of_metadata, {"exif", "gps", "xmp", "icc"}),
}


def _kinds(found: list[str]) -> set[str]:
    return {item.split(" ")[0] for item in found}


@pytest.mark.parametrize("name", SOURCES)
def test_metadata_found_in_source_and_absent_from_every_output(
    name: str, photos: Path, settings: ImageSettings, tmp_path: Path
) -> None:
    make, expected = SOURCES[name]
    src = make(photos / name)
    assert expected <= _kinds(strip_check(src))
    outputs = [v.path for v in web_image(src, settings).variants]
    outputs.append(print_variant(src, 40, cache_dir=settings.cache_dir))
    outputs.append(social_card("Title", "Site", src, None, tmp_path / "card.jpg", FONT))
    assert_clean(outputs)


def test_exiftool_sees_the_source_metadata(photos: Path) -> None:
    """Guards the exiftool check above: it must see what it is meant to catch."""
    src = _jpeg_full_of_metadata(photos / "photo.jpg")
    assert {"EXIF", "XMP", "ICC_Profile"} <= exiftool_groups([src])[str(src)]


def test_outputs_are_not_copies_of_the_source(photos: Path, settings: ImageSettings) -> None:
    """Even a small, already clean JPEG of the right size is re-encoded, never copied."""
    src = photos / "small.jpg"
    Image.new("RGB", (100, 80), (10, 20, 30)).save(src, comment=b"secret")
    for variant in web_image(src, settings).variants:
        assert variant.path.read_bytes() != src.read_bytes()
        assert strip_check(variant.path) == []


def test_strip_check_allows_srgb_and_names_other_profiles(photos: Path, tmp_path: Path) -> None:
    src = _jpeg_full_of_metadata(photos / "p.jpg")
    assert "icc (Adobe RGB (1998) test)" in strip_check(src)
    out = print_variant(src, 40, cache_dir=tmp_path / "cache")
    with Image.open(out) as im:
        assert im.info.get("icc_profile"), "print JPEGs carry their sRGB profile"
    assert strip_check(out) == []
