"""The one exception the image pipeline raises for a bad photo."""

from __future__ import annotations

from pathlib import Path


class ImageError(Exception):
    """A photo that cannot be used, with a message a non-programmer can act on."""

    def __init__(self, path: Path | str, message: str) -> None:
        super().__init__(path, message)
        self.path = Path(path)
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"
