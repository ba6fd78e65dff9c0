"""Correct pixels: orientation, colour profiles, bit depth, alpha, frames and input formats."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from jrs_site.images import ImageSettings, inspect, web_image
from tests.images.helpers import (
    BLUE,
    GREEN,
    RED,
    WHITE,
    adobe_rgb_icc,
    close,
    colour_at,
    exif_with,
    marker_image,
    png_16bit,
    stored_for_orientation,
)
from tests.tools import cmyk_profile


@pytest.mark.parametrize("orientation", range(1, 9))
@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "TIFF"])
def test_every_exif_orientation_comes_out_upright(
    orientation: int, fmt: str, photos: Path, settings: ImageSettings
) -> None:
    src = photos / f"o{orientation}.{fmt.lower()}"
    stored_for_orientation(marker_image(), orientation).save(src, fmt, exif=exif_with(orientation))
    assert inspect(src) == (800, 600)
    image = web_image(src, settings)
    assert (image.width, image.height) == (400, 300)
    for variant in image.variants:
        assert close(colour_at(variant.path, (0.05, 0.05)), RED), variant.name
        assert close(colour_at(variant.path, (0.95, 0.05)), GREEN), variant.name
        assert close(colour_at(variant.path, (0.5, 0.97)), BLUE), variant.name
        assert close(colour_at(variant.path, (0.5, 0.5)), WHITE), variant.name


def test_orientation_with_jpeg_draft_scaling(photos: Path, tmp_path: Path) -> None:
    """A large rotated JPEG is decoded at a reduced scale (draft before transposing)."""
    src = photos / "big.jpg"
    stored_for_orientation(marker_image((2400, 1600)), 6).save(src, exif=exif_with(6))
    image = web_image(src, ImageSettings(tmp_path / "c", widths=(300,), formats=("jpeg",)))
    assert (image.width, image.height) == (300, 200)
    assert close(colour_at(image.fallback().path, (0.05, 0.05)), RED)
    assert close(colour_at(image.fallback().path, (0.95, 0.05)), GREEN)


def _srgb_to(profile: bytes, colour: tuple[int, int, int]) -> tuple[int, ...]:
    transform = ImageCms.buildTransform(
        ImageCms.createProfile("sRGB"), ImageCms.ImageCmsProfile(io.BytesIO(profile)), "RGB", "RGB"
    )
    return ImageCms.applyTransform(Image.new("RGB", (1, 1), colour), transform).getpixel((0, 0))


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "TIFF"])
def test_adobe_rgb_profile_is_converted_to_srgb(
    fmt: str, photos: Path, settings: ImageSettings
) -> None:
    icc = adobe_rgb_icc()
    wanted = (40, 180, 70)
    stored = _srgb_to(icc, wanted)
    assert not close(stored, wanted, 15), "the test colour must look different in Adobe RGB"
    src = photos / f"adobe.{fmt.lower()}"
    Image.new("RGB", (300, 200), stored).save(src, fmt, icc_profile=icc, quality=95)
    for variant in web_image(src, settings).variants:
        assert close(colour_at(variant.path, (0.5, 0.5)), wanted, 8), variant.name


def test_cmyk_jpeg_without_profile_comes_out_rgb(photos: Path, settings: ImageSettings) -> None:
    src = photos / "cmyk.jpg"
    Image.new("CMYK", (300, 200), (0, 255, 255, 0)).save(src, quality=95)
    for variant in web_image(src, settings).variants:
        with Image.open(variant.path) as im:
            assert im.mode == "RGB"
        assert close(colour_at(variant.path, (0.5, 0.5)), (255, 0, 0), 12)


def test_cmyk_jpeg_with_profile_is_converted_through_it(
    photos: Path, settings: ImageSettings
) -> None:
    src = photos / "cmyk-icc.jpg"
    icc = cmyk_profile().read_bytes()
    Image.new("CMYK", (300, 200), (255, 0, 0, 0)).save(src, quality=95, icc_profile=icc)
    for variant in web_image(src, settings).variants:
        r, g, b = colour_at(variant.path, (0.5, 0.5))
        # Process cyan on paper is a muted sky blue, not the screen's pure (0, 255, 255).
        assert r < 80 and 120 < g < 200 and b > 190, (variant.name, (r, g, b))


def _png16(path: Path, size: tuple[int, int], value: int) -> None:
    im = Image.new("I;16", size)
    im.paste(value, (0, 0, *size))
    im.save(path)


def test_16_bit_grey_png_is_scaled_not_clipped(photos: Path, settings: ImageSettings) -> None:
    src = photos / "grey16.png"
    _png16(src, (300, 200), 32896)  # 50 % grey, 128 in 8 bits
    for variant in web_image(src, settings).variants:
        assert close(colour_at(variant.path, (0.5, 0.5)), (128, 128, 128), 6), variant.name


def test_16_bit_rgb_and_rgba_png(photos: Path, settings: ImageSettings) -> None:
    rgb = png_16bit(photos / "rgb16.png", (300, 200), (51400, 25700, 12850))
    rgba = png_16bit(photos / "rgba16.png", (300, 200), (51400, 25700, 12850, 32768))
    for variant in web_image(rgb, settings).variants:
        assert close(colour_at(variant.path, (0.5, 0.5)), (200, 100, 50), 8), variant.name
    webp = next(v for v in web_image(rgba, settings).variants if v.format == "webp")
    with Image.open(webp.path) as out:
        assert out.mode == "RGBA"
        assert abs(out.getpixel((10, 10))[3] - 128) <= 2


def test_transparency_kept_for_webp_and_avif_flattened_on_white_for_jpeg(
    photos: Path, settings: ImageSettings
) -> None:
    src = photos / "logo.png"
    im = Image.new("RGBA", (300, 200), (0, 0, 0, 0))
    im.paste((20, 20, 230, 255), (0, 0, 150, 200))
    im.save(src)
    for variant in web_image(src, settings).variants:
        with Image.open(variant.path) as out:
            if variant.format == "jpeg":
                assert out.mode == "RGB"
                assert close(colour_at(variant.path, (0.9, 0.5)), WHITE, 8)
            else:
                assert out.mode == "RGBA", variant.name
                assert out.getpixel((int(out.width * 0.9), out.height // 2))[3] < 10
        assert close(colour_at(variant.path, (0.2, 0.5)), BLUE, 20), variant.name


def test_opaque_alpha_is_dropped(photos: Path, settings: ImageSettings) -> None:
    src = photos / "opaque.png"
    Image.new("RGBA", (300, 200), (20, 200, 20, 255)).save(src)
    for variant in web_image(src, settings).variants:
        with Image.open(variant.path) as out:
            assert out.mode == "RGB", variant.name


def test_palette_png_with_transparency(photos: Path, settings: ImageSettings) -> None:
    src = photos / "palette.png"
    im = Image.new("P", (300, 200), 0)
    im.putpalette([255, 255, 255, 230, 20, 20])
    im.paste(1, (0, 0, 150, 200))
    im.save(src, transparency=0)
    webp = next(v for v in web_image(src, settings).variants if v.format == "webp")
    with Image.open(webp.path) as out:
        assert out.mode == "RGBA"
    assert close(colour_at(webp.path, (0.2, 0.5)), RED)


def test_animated_gif_uses_the_first_frame(photos: Path, settings: ImageSettings) -> None:
    src = photos / "anim.gif"
    frames = [Image.new("RGB", (300, 200), c) for c in (RED, BLUE, GREEN)]
    frames[0].save(src, save_all=True, append_images=frames[1:], duration=100, loop=0)
    for variant in web_image(src, settings).variants:
        with Image.open(variant.path) as out:
            assert getattr(out, "n_frames", 1) == 1
        assert close(colour_at(variant.path, (0.5, 0.5)), RED, 20), variant.name


def test_heic_input(photos: Path, settings: ImageSettings) -> None:
    """HEIF turns images with its own boxes (applied by libheif; the corpus has a turned iPhone
    photo), not with the EXIF tag, which pillow-heif neutralises."""
    src = photos / "phone.heic"
    marker_image().save(src, "HEIF", exif=exif_with(), quality=90)
    image = web_image(src, settings)
    assert (image.width, image.height) == (400, 300)
    assert close(colour_at(image.fallback().path, (0.05, 0.05)), RED)


@pytest.mark.parametrize(
    ("mode", "size"),
    [("L", (300, 200)), ("LA", (300, 200)), ("1", (300, 200)), ("P", (300, 200)),
     ("RGB", (1, 1)), ("RGB", (3000, 7)), ("RGBA", (5, 900))],
)  # fmt: skip
def test_unusual_modes_and_shapes_give_valid_outputs(
    mode: str, size: tuple[int, int], photos: Path, settings: ImageSettings
) -> None:
    src = photos / f"odd-{mode}.png"
    Image.new(mode, size).save(src)
    image = web_image(src, settings)
    for variant in image.variants:
        with Image.open(variant.path) as out:
            out.load()
            assert out.size == (variant.width, variant.height)
            assert out.mode in ("RGB", "RGBA")
    assert max(v.width for v in image.variants) <= size[0]
