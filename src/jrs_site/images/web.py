"""Responsive web variants: a ladder of widths in AVIF, WebP and JPEG, cached by content."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image

from jrs_site.images.cache import SourceIndex, Stamp, digest, stamp
from jrs_site.images.decode import decode, open_image, read_source, upright_size
from jrs_site.images.encode import EXTENSIONS, save
from jrs_site.images.settings import ImageSettings
from jrs_site.util.files import read_json, write_json

Focus = tuple[float, float]
FALLBACK_WIDTH = 1200


@dataclass(frozen=True)
class Variant:
    """One encoded file in the cache."""

    format: str
    width: int
    height: int
    path: Path

    @property
    def name(self) -> str:
        """Content-addressed file name, `<sha16>-<settings>-<width>.<ext>`: the URL basename."""
        return self.path.name


@dataclass(frozen=True)
class WebImage:
    """All web variants of one photo; `focus` (0..1) is where CSS crops should centre."""

    source: Path
    width: int
    height: int
    variants: tuple[Variant, ...]
    sha: str  # the source's content digest, which names its variants
    focus: Focus | None = None

    def srcset(self, fmt: str, url_prefix: str) -> str:
        """`srcset` value for one format: "prefix/name 480w, prefix/name 800w"."""
        chosen = sorted((v for v in self.variants if v.format == fmt), key=lambda v: v.width)
        return ", ".join(f"{url_prefix.rstrip('/')}/{v.name} {v.width}w" for v in chosen)

    def picture_formats(self) -> list[str]:
        """The formats a `<picture>` offers before its JPEG, best first. A browser takes the
        first one it can show, not the smallest: AVIF comes first only when its files are
        smaller in all than the WebP ones, which they are not for every picture (the example
        site's drawings: 14% larger at 800 px, the width a phone loads)."""
        sizes = {
            fmt: sum(v.path.stat().st_size for v in self.variants if v.format == fmt)
            for fmt in ("avif", "webp")
            if any(v.format == fmt for v in self.variants)
        }
        if "webp" in sizes and sizes.get("avif", 0) >= sizes["webp"]:
            sizes.pop("avif", None)
        return list(sizes)

    def fallback(self) -> Variant:
        """The JPEG variant closest to 1200 pixels wide (any format if there is no JPEG)."""
        jpegs = [v for v in self.variants if v.format == "jpeg"] or list(self.variants)
        return min(jpegs, key=lambda v: (abs(v.width - FALLBACK_WIDTH), v.width))


def check_focus(focus: Sequence[float] | None) -> Focus:
    """A focus point as (x, y) in 0..1, centre when None."""
    if focus is None:
        return (0.5, 0.5)
    x, y = focus
    if not (0 <= x <= 1 and 0 <= y <= 1):
        raise ValueError(f"focus must be two numbers from 0 to 1, like (0.5, 0.3), not {focus}")
    return (float(x), float(y))


def ladder(source_width: int, widths: Sequence[int]) -> list[int]:
    """The widths to make, ascending: none above the source; the source's own width replaces
    the rungs that were dropped, so there is always at least one."""
    rungs = sorted(set(widths))
    kept = [w for w in rungs if w <= source_width]
    if len(kept) < len(rungs) and source_width not in kept:
        kept.append(source_width)
    return kept


def web_image(src: Path, settings: ImageSettings, focus: Sequence[float] | None = None) -> WebImage:
    """The web variants of `src`, built on the first call and read from the cache after."""
    settings.cache_dir.mkdir(parents=True, exist_ok=True)
    index = SourceIndex(settings.cache_dir)
    image = cached_web_image(src, settings, index)
    if image is None:
        image, current, sha = build_web_image(src, settings)
        index.record(src, current, sha)
        index.save()
    return image if focus is None else replace(image, focus=check_focus(focus))


def cached_web_image(src: Path, settings: ImageSettings, index: SourceIndex) -> WebImage | None:
    """The cached variants if `src` is unchanged since it was indexed (a stat, no hashing)."""
    sha = index.sha(src, stamp(src))
    return None if sha is None else _from_manifest(src, settings, sha)


def build_web_image(src: Path, settings: ImageSettings) -> tuple[WebImage, Stamp | None, str]:
    """Hash `src` and make any missing variants; returns the image, the stamp and the hash."""
    current = stamp(src)
    data = read_source(src)
    sha = digest(data)
    image = _from_manifest(src, settings, sha)
    if image is None:
        image = _encode_variants(src, data, sha, settings)
        write_json(_manifest_path(settings, sha), _manifest(image))
    return image, current, sha


def _encode_variants(src: Path, data: bytes, sha: str, settings: ImageSettings) -> WebImage:
    with open_image(src, data) as im:
        width, height = upright_size(src, im)
        widths = ladder(width, settings.widths)
        pixels = decode(src, im, need=(widths[-1], _scaled(height, widths[-1], width)))
    variants = []
    for w in reversed(widths):  # largest first, each resized from the one before: faster
        h = _scaled(height, w, width)
        pixels = pixels.resize((w, h), Image.Resampling.LANCZOS, reducing_gap=3.0)
        rung = [
            Variant(fmt, w, h, settings.cache_dir / f"{sha}-{settings.key}-{w}.{EXTENSIONS[fmt]}")
            for fmt in settings.formats
        ]
        save(pixels, [(v.path, v.format, settings.quality[v.format]) for v in rung])
        variants += rung
    return WebImage(src, widths[-1], _scaled(height, widths[-1], width), tuple(variants), sha)


def _scaled(height: int, new_width: int, width: int) -> int:
    return max(1, round(height * new_width / width))


def _manifest_path(settings: ImageSettings, sha: str) -> Path:
    return settings.cache_dir / f"{sha}-{settings.key}.json"


def _manifest(image: WebImage) -> dict[str, object]:
    return {
        "width": image.width,
        "height": image.height,
        "variants": [
            [v.format, v.width, v.height, v.name, v.path.stat().st_size] for v in image.variants
        ],
    }


def _from_manifest(src: Path, settings: ImageSettings, sha: str) -> WebImage | None:
    """The image described by a manifest whose files all exist with their recorded sizes;
    read once per process (`serve` asks for every photo on every save): a cache file is never
    changed in place."""
    path = _manifest_path(settings, sha)
    known = _manifests.get(path) or _read_manifest(path, settings)
    if known is None:
        return None
    if len(_manifests) >= MAX_MANIFESTS:
        _manifests.clear()
    _manifests[path] = known
    return WebImage(src, *known, sha)


def _read_manifest(path: Path, settings: ImageSettings) -> Manifest | None:
    manifest = read_json(path)
    try:
        variants = []
        for fmt, w, h, name, size in manifest["variants"]:
            variant = settings.cache_dir / name
            if variant.stat().st_size != size or size == 0:
                return None
            variants.append(Variant(fmt, w, h, variant))
        return manifest["width"], manifest["height"], tuple(variants)
    except (OSError, TypeError, KeyError, ValueError):
        return None


#: What a manifest says of a photo: its width, height and variants.
Manifest = tuple[int, int, tuple[Variant, ...]]
#: The manifests `_from_manifest` read in this process whose files were all there, by path.
_manifests: dict[Path, Manifest] = {}
MAX_MANIFESTS = 20_000
