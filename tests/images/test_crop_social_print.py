"""Focus crops, social cards and print variants."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageColor

from jrs_site.images import (
    ImageError,
    effective_ppi,
    print_resolution_issue,
    print_variant,
    social_card,
    strip_check,
)
from jrs_site.images.crop import cover, cover_box
from jrs_site.images.social import BRAND_COLOUR
from jrs_site.images.web import check_focus
from tests.images.helpers import BLUE, RED, close, colour_at, exif_with, marker_image
from tests.tools import FONT, cmyk_profile


def _halves(path: Path, size: tuple[int, int] = (1600, 600)) -> Path:
    """Red left half, blue right half."""
    im = Image.new("RGB", size, BLUE)
    im.paste(RED, (0, 0, size[0] // 2, size[1]))
    im.save(path, quality=95)
    return path


@pytest.mark.parametrize(
    ("focus", "box"),
    [
        ((0.5, 0.5), (400, 0, 1200, 600)),
        ((0.0, 0.5), (0, 0, 800, 600)),
        ((1.0, 0.5), (800, 0, 1600, 600)),
        ((0.3, 0.0), (80, 0, 880, 600)),
    ],
)
def test_cover_box_follows_the_focus_within_the_edges(
    focus: tuple[float, float], box: tuple[int, ...]
) -> None:
    assert cover_box((1600, 600), (800, 600), focus) == pytest.approx(box)


def _crop(src: Path, size: tuple[int, int], focus: tuple[float, float] | None = None) -> Path:
    """The pixels the social card crops from `src` around `focus`, saved beside it."""
    out = src.with_name(f"{src.stem}-crop-{focus}.png")
    cover(src, src.read_bytes(), size, check_focus(focus)).save(out)
    return out


def test_crop_steered_by_focus(photos: Path) -> None:
    src = _halves(photos / "halves.jpg")
    left, right = _crop(src, (400, 300), (0.0, 0.5)), _crop(src, (400, 300), (1.0, 0.5))
    for path, colour in ((left, RED), (right, BLUE)):
        with Image.open(path) as im:
            assert im.size == (400, 300)
        assert close(colour_at(path, (0.1, 0.5)), colour)
        assert close(colour_at(path, (0.9, 0.5)), colour)


def test_crop_follows_orientation(photos: Path) -> None:
    src = photos / "turned.jpg"
    marker_image((800, 600)).rotate(90, expand=True).save(src, exif=exif_with(6))
    tile = _crop(src, (200, 150), (0.0, 0.0))
    assert close(colour_at(tile, (0.05, 0.05)), RED)


def test_crop_of_a_small_photo_is_not_upscaled(photos: Path) -> None:
    src = _halves(photos / "small.jpg", (300, 200))
    with Image.open(_crop(src, (800, 600))) as im:
        assert im.size == (267, 200)


@pytest.mark.parametrize("with_photo", [True, False])
def test_social_card(with_photo: bool, photos: Path, tmp_path: Path) -> None:
    src = _halves(photos / "halves.jpg") if with_photo else None
    out = social_card(
        "Na twaalf jaar in België wacht de familie nog altijd op een antwoord van de overheid",
        "JRS Belgium",
        src,
        (0.0, 0.5),
        tmp_path / "cards" / "story.jpg",
        FONT,
    )
    assert out == tmp_path / "cards" / "story.jpg"
    with Image.open(out) as im:
        assert (im.format, im.size, im.mode) == ("JPEG", (1200, 630), "RGB")
    assert strip_check(out) == []
    corner = colour_at(out, (0.03, 0.03))
    if with_photo:
        assert corner[0] > 2 * corner[2], "the focus on the left keeps the red half in view"
    else:
        assert close(corner, ImageColor.getrgb(BRAND_COLOUR), 6), "solid brand colour"
    assert max(colour_at(out, (x / 100, 0.6)) for x in range(6, 60)) > (200, 200, 200)


def test_social_card_with_a_bad_font(tmp_path: Path) -> None:
    font = tmp_path / "font.ttf"
    font.write_text("not a font")
    with pytest.raises(ImageError, match="font"):
        social_card("Title", "Site", None, None, tmp_path / "card.jpg", font)


def test_effective_ppi_and_resolution_issues(photos: Path) -> None:
    src = photos / "p.jpg"
    Image.new("RGB", (3000, 2000)).save(src)
    assert effective_ppi(src, 254) == pytest.approx(300)
    assert print_resolution_issue(src, 254) is None
    level, message = print_resolution_issue(src, 300)
    assert level == "warning" and "254 ppi" in message and "at most 254 mm" in message
    level, message = print_resolution_issue(src, 600)
    assert level == "error" and "127 ppi" in message


def test_print_resolution_uses_the_upright_width(photos: Path) -> None:
    src = photos / "turned.jpg"
    Image.new("RGB", (3000, 1500)).save(src, exif=exif_with(6))
    assert effective_ppi(src, 127) == pytest.approx(300)


@pytest.mark.parametrize(
    ("source_width", "placed_mm", "expected_width"),
    [
        (6000, 100, 1182),  # 6000 > 1.5 x 1182: downsampled to 300 ppi
        (1700, 100, 1700),  # under 1.5 x: kept as it is
        (800, 100, 800),  # too small: never upscaled
    ],
)
def test_print_variant_size(
    source_width: int, placed_mm: int, expected_width: int, photos: Path, tmp_path: Path
) -> None:
    src = photos / "p.jpg"
    Image.new("RGB", (source_width, source_width // 2), (200, 60, 60)).save(src, exif=exif_with())
    out = print_variant(src, placed_mm, cache_dir=tmp_path / "cache")
    with Image.open(out) as im:
        assert (im.format, im.mode, im.width) == ("JPEG", "RGB", expected_width)
    assert strip_check(out) == []


def test_print_variant_in_cmyk(photos: Path, tmp_path: Path) -> None:
    profile = cmyk_profile()
    src = photos / "p.png"
    Image.new("RGB", (1000, 600), (0, 160, 230)).save(src)
    out = print_variant(src, 80, cmyk_profile=profile, cache_dir=tmp_path / "cache")
    with Image.open(out) as im:
        assert im.mode == "CMYK"
        c, m, y, k = im.getpixel((500, 300))
        assert c > 150 and y < 60, (c, m, y, k)
    assert strip_check(out) == []
    assert out != print_variant(src, 80, cache_dir=tmp_path / "cache")


def test_print_variant_rejects_a_non_cmyk_profile(photos: Path, tmp_path: Path) -> None:
    src = photos / "p.png"
    Image.new("RGB", (100, 60)).save(src)
    rgb_profile = tmp_path / "srgb.icc"
    rgb_profile.write_bytes(
        Image.open(print_variant(src, 10, cache_dir=tmp_path)).info["icc_profile"]
    )
    with pytest.raises(ImageError, match="not a CMYK"):
        print_variant(src, 10, cmyk_profile=rgb_profile, cache_dir=tmp_path)
