"""What the web variants look like: widths, formats, qualities and where they are cached."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PIL import features

from jrs_site.images.cache import settings_hash
from jrs_site.images.encode import ENCODER_OPTIONS, EXTENSIONS

#: Per-format quality; AVIF's scale runs lower for the same look.
DEFAULT_QUALITY = {"avif": 55, "webp": 80, "jpeg": 82}


@dataclass(frozen=True)
class ImageSettings:
    """Settings for web variants; `quality` may name only the formats it changes."""

    cache_dir: Path
    widths: tuple[int, ...] = (480, 800, 1200, 1600, 2400)
    formats: tuple[str, ...] = ("avif", "webp", "jpeg")
    quality: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_QUALITY))

    def __post_init__(self) -> None:
        unknown = set(self.formats) - set(EXTENSIONS)
        if not self.formats or unknown:
            raise ValueError(f"image formats must be among {sorted(EXTENSIONS)}, not {unknown}")
        if "avif" in self.formats and not features.check("avif"):
            raise ValueError("this Pillow cannot write AVIF; install Pillow 11.3 or newer")
        if not self.widths or min(self.widths) < 1:
            raise ValueError("image widths must be positive numbers of pixels")
        object.__setattr__(self, "cache_dir", Path(self.cache_dir).absolute())
        object.__setattr__(self, "widths", tuple(sorted(set(self.widths))))
        object.__setattr__(self, "quality", {**DEFAULT_QUALITY, **self.quality})

    def encoding(self, fmt: str) -> list[object]:
        """What shapes the bytes of one format's output: its quality and encoder options."""
        return [fmt, self.quality[fmt], ENCODER_OPTIONS[fmt]]

    @property
    def key(self) -> str:
        """Short hash of these settings, part of every web variant's file name."""
        return settings_hash(self.widths, [self.encoding(fmt) for fmt in self.formats])
