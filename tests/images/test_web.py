"""Web variants: the width ladder, srcset, and the cache that makes unchanged photos free."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from PIL import Image

from jrs_site.images import (
    ImageSettings,
    Variant,
    WebImage,
    batch,
    build_all,
    encode,
    web,
    web_image,
)
from jrs_site.images.web import ladder
from tests.images.helpers import marker_image


@pytest.mark.parametrize(
    ("source_width", "expected"),
    [
        (3000, [480, 800, 1200, 1600, 2400]),
        (2400, [480, 800, 1200, 1600, 2400]),
        (1000, [480, 800, 1000]),
        (800, [480, 800]),
        (300, [300]),
    ],
)
def test_ladder_never_upscales_and_always_has_a_rung(
    source_width: int, expected: list[int]
) -> None:
    assert ladder(source_width, (2400, 480, 800, 1600, 1200)) == expected


def test_variants_cover_every_width_and_format(photos: Path, settings: ImageSettings) -> None:
    src = photos / "wide.jpg"
    marker_image((300, 200)).save(src)
    image = web_image(src, settings)
    assert (image.width, image.height) == (300, 200)
    assert sorted((v.format, v.width, v.height) for v in image.variants) == sorted(
        (fmt, w, h)
        for fmt in ("avif", "webp", "jpeg")
        for w, h in ((100, 67), (200, 133), (300, 200))
    )
    for variant in image.variants:
        assert variant.path.is_absolute() and variant.path.parent == settings.cache_dir
        with Image.open(variant.path) as im:
            assert im.size == (variant.width, variant.height)
            assert im.format == {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG"}[variant.format]
        assert variant.name.endswith(f"-{variant.width}.{variant.path.suffix[1:]}")


def test_names_are_content_addressed(photos: Path, settings: ImageSettings, tmp_path: Path) -> None:
    a, b = photos / "a.jpg", photos / "copy-of-a.jpg"
    marker_image((300, 200)).save(a)
    b.write_bytes(a.read_bytes())
    names_a = {v.name for v in web_image(a, settings).variants}
    assert names_a == {v.name for v in web_image(b, settings).variants}
    other = ImageSettings(tmp_path / "other", widths=settings.widths, quality={"webp": 60})
    assert names_a.isdisjoint(v.name for v in web_image(a, other).variants)


def test_srcset_and_fallback() -> None:
    variants = tuple(
        Variant(fmt, w, w // 2, Path(f"/c/abc-k-{w}.{ext}"))
        for fmt, ext in (("webp", "webp"), ("jpeg", "jpg"))
        for w in (1600, 480, 1000)
    )
    image = WebImage(Path("p.jpg"), 1600, 800, variants, "abc", focus=(0.25, 0.75))
    assert image.srcset("webp", "/img/") == (
        "/img/abc-k-480.webp 480w, /img/abc-k-1000.webp 1000w, /img/abc-k-1600.webp 1600w"
    )
    assert image.fallback() == Variant("jpeg", 1000, 500, Path("/c/abc-k-1000.jpg"))


@pytest.mark.parametrize(
    ("avif", "webp", "expected"),
    [
        ((5, 20), (10, 30), ["avif", "webp"]),
        ((5, 40), (10, 30), ["webp"]),
        ((5, 5), None, ["avif"]),
    ],
)
def test_avif_is_offered_only_when_smaller(
    tmp_path: Path, avif: tuple[int, ...], webp: tuple[int, ...] | None, expected: list[str]
) -> None:
    """A browser shows the first format it can: AVIF goes first only when its files weigh
    less than the WebP ones, all widths together."""
    variants = []
    for fmt, sizes in (("avif", avif), ("webp", webp), ("jpeg", (50, 90))):
        for width, size in zip((480, 800), sizes or (), strict=False):
            path = tmp_path / f"abc-k-{width}.{fmt}"
            path.write_bytes(b"x" * size)
            variants.append(Variant(fmt, width, width // 2, path))
    image = WebImage(Path("p.jpg"), 800, 400, tuple(variants), "abc")
    assert image.picture_formats() == expected


def test_focus_is_checked_and_passed_on(photos: Path, settings: ImageSettings) -> None:
    src = photos / "f.jpg"
    marker_image((300, 200)).save(src)
    assert web_image(src, settings, focus=(0.2, 0.4)).focus == (0.2, 0.4)
    with pytest.raises(ValueError, match="from 0 to 1"):
        web_image(src, settings, focus=(20, 40))


class Counter:
    """Counts calls to a function it wraps."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> None:
        self.calls = 0
        wrapped = getattr(module, name)

        def counting(*args: object, **kwargs: object) -> object:
            self.calls += 1
            return wrapped(*args, **kwargs)

        monkeypatch.setattr(module, name, counting)


def test_unchanged_photo_costs_no_encoding_and_no_hashing(
    photos: Path, settings: ImageSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = photos / "p.jpg"
    marker_image((300, 200)).save(src)
    first = web_image(src, settings)
    mtimes = {v.path: v.path.stat().st_mtime_ns for v in first.variants}
    encodes = Counter(monkeypatch, encode, "write_atomic")
    reads = Counter(monkeypatch, web, "read_source")
    assert web_image(src, settings) == first
    assert (encodes.calls, reads.calls) == (0, 0)
    assert {v.path: v.path.stat().st_mtime_ns for v in first.variants} == mtimes


def test_touched_but_identical_photo_is_hashed_again_not_encoded(
    photos: Path, settings: ImageSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = photos / "p.jpg"
    marker_image((300, 200)).save(src)
    first = web_image(src, settings)
    os.utime(src, ns=(1, 1))
    encodes = Counter(monkeypatch, encode, "write_atomic")
    assert web_image(src, settings) == first
    assert encodes.calls == 0
    index = json.loads((settings.cache_dir / "index.json").read_text())
    assert index[str(src)][:2] == [src.stat().st_size, 1]


def test_changed_photo_gets_new_variants(photos: Path, settings: ImageSettings) -> None:
    src = photos / "p.jpg"
    marker_image((300, 200)).save(src)
    first = web_image(src, settings)
    marker_image((300, 200)).rotate(180).save(src)
    second = web_image(src, settings)
    assert {v.name for v in first.variants}.isdisjoint(v.name for v in second.variants)


@pytest.mark.parametrize("damage", ["delete", "empty", "truncate", "manifest", "index"])
def test_damaged_cache_is_rebuilt(
    damage: str, photos: Path, settings: ImageSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = photos / "p.jpg"
    marker_image((300, 200)).save(src)
    first = web_image(src, settings)
    victim = first.variants[0].path
    if damage == "delete":
        victim.unlink()
    elif damage == "empty":
        victim.write_bytes(b"")
    elif damage == "truncate":
        victim.write_bytes(victim.read_bytes()[:100])
    elif damage == "manifest":
        next(settings.cache_dir.glob("*.json")).write_text("{not json")
    else:
        (settings.cache_dir / "index.json").write_text("[1, 2")
    encodes = Counter(monkeypatch, encode, "write_atomic")
    again = web_image(src, settings)
    assert again == first
    assert encodes.calls == (0 if damage == "index" else len(first.variants))
    with Image.open(victim) as im:
        im.load()
        assert im.size == (first.variants[0].width, first.variants[0].height)


def test_build_all_matches_web_image_and_reruns_for_free(
    photos: Path, settings: ImageSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = []
    for i in range(4):
        sources.append(photos / f"p{i}.jpg")
        marker_image((300 + 10 * i, 200)).save(sources[-1])
    images, errors = build_all(sources, settings, jobs=2)
    assert errors == [] and list(images) == sources
    assert all(images[src] == web_image(src, settings) for src in sources)

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a re-run with nothing changed must not start workers")

    monkeypatch.setattr(batch, "worker_pool", no_pool)
    assert build_all(sources, settings, jobs=2) == (images, [])


def test_photos_step_says_what_it_encoded_and_what_came_from_the_cache(
    photos: Path, settings: ImageSettings, capsys: pytest.CaptureFixture[str]
) -> None:
    sources = []
    for i in range(3):
        sources.append(photos / f"p{i}.png")
        Image.new("RGB", (120, 80), (i * 40, 0, 0)).save(sources[-1])
    build_all(sources[:1], settings, jobs=1)
    capsys.readouterr()
    build_all(sources, settings, jobs=1)
    assert re.fullmatch(
        r"photos: 2 encoded, 1 from the cache in \d+\.\d s\n", capsys.readouterr().err
    )
