"""Shared fixtures for the image pipeline tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from jrs_site.images import ImageSettings


@pytest.fixture
def settings(tmp_path: Path) -> ImageSettings:
    """Small widths keep the tests fast; all three formats."""
    return ImageSettings(cache_dir=tmp_path / "cache", widths=(100, 200, 400))


@pytest.fixture
def photos(tmp_path: Path) -> Path:
    """A folder for source photos, apart from the cache."""
    folder = tmp_path / "photos"
    folder.mkdir()
    return folder
