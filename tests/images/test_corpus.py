"""The shared corpus of real photos (phones, EXIF orientations); never copied into the repo.

Skipped when the corpus folder is absent, except under CI=true where that fails.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageCms, ImageStat

from jrs_site.images import ImageSettings, build_all, inspect, strip_check
from tests.images import helpers
from tests.images.helpers import assert_clean, corpus_dir, corpus_file, mean_diff


@pytest.fixture(scope="module")
def corpus_settings(tmp_path_factory: pytest.TempPathFactory) -> ImageSettings:
    return ImageSettings(tmp_path_factory.mktemp("corpus-cache"), widths=(240, 800))


@pytest.mark.parametrize("kind", ["Landscape", "Portrait"])
def test_every_orientation_looks_like_the_upright_one(
    kind: str, corpus_settings: ImageSettings
) -> None:
    sources = [corpus_file("orientation", f"{kind}_{n}.jpg") for n in range(9)]
    images, errors = build_all(sources, corpus_settings)
    assert errors == []
    with Image.open(images[sources[1]].fallback().path) as reference:
        reference.load()
    for src in sources:
        assert inspect(src) == inspect(sources[1])
        assert (images[src].width, images[src].height) == reference.size
        for variant in images[src].variants:
            with Image.open(variant.path) as out:
                assert mean_diff(out, reference) < 6, (src.name, variant.name)


def test_phone_photos_come_out_clean(corpus_settings: ImageSettings) -> None:
    folder = corpus_dir("phone")
    sources = sorted(p for p in folder.iterdir() if p.is_file())
    assert any(p.suffix.lower() == ".heic" for p in sources)
    assert any("gps" in strip_check(p) for p in sources), "the corpus should hold GPS photos"
    images, errors = build_all(sources, corpus_settings)
    assert errors == [] and len(images) == len(sources)
    assert_clean([v.path for image in images.values() for v in image.variants])


def test_rotated_iphone_heic_comes_out_portrait(corpus_settings: ImageSettings) -> None:
    src = corpus_file("phone", "heic_mobile_iphone_13_pro_max.HEIC")
    assert inspect(src) == (3024, 4032)


def test_display_p3_heic_is_converted_to_srgb(corpus_settings: ImageSettings) -> None:
    """The iPhone's Display P3 profile is applied, not dropped: the output is nearer a proper
    P3 to sRGB conversion than to the same pixels with the profile thrown away."""
    src = corpus_file("phone", "heic_IMG_5195.HEIC")
    assert "icc (Display P3)" in strip_check(src)
    images, _ = build_all([src], corpus_settings)
    with Image.open(images[src].fallback().path) as out, Image.open(src) as raw:
        assert "icc_profile" not in out.info
        p3 = ImageCms.ImageCmsProfile(io.BytesIO(raw.info["icc_profile"]))
        proper = ImageCms.profileToProfile(raw, p3, ImageCms.createProfile("sRGB"))
        dropped = raw.convert("RGB")
        size = (64, 64)
        channels = [
            im.resize(size, Image.Resampling.BOX).getchannel("R") for im in (out, proper, dropped)
        ]
    to_proper = ImageStat.Stat(ImageChops.difference(channels[0], channels[1])).mean[0]
    to_dropped = ImageStat.Stat(ImageChops.difference(channels[0], channels[2])).mean[0]
    assert to_proper < to_dropped / 2, (to_proper, to_dropped)


@pytest.mark.parametrize(
    ("ci", "outcome"), [("true", pytest.fail.Exception), (None, pytest.skip.Exception)]
)
def test_absent_corpus_skips_locally_and_fails_under_ci(
    ci: str | None, outcome: type[BaseException], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(helpers, "CORPUS", tmp_path / "nowhere")
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="absent"):
        helpers.corpus_dir("phone")
    monkeypatch.setattr(helpers, "CORPUS", tmp_path)
    (tmp_path / "phone").mkdir()
    with pytest.raises(outcome, match="not in the photo corpus"):
        helpers.corpus_file("phone", "missing.HEIC")
