"""A clean copy of the example project per session; each case spoils its own copy of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import copy_project


@pytest.fixture(scope="session")
def pristine(tmp_path_factory: pytest.TempPathFactory, test_cache: Path) -> Path:
    """The example project's sources (photos encoded once, in the session's image cache)."""
    return copy_project(tmp_path_factory.mktemp("bad-input") / "pristine", test_cache)


@pytest.fixture
def project(pristine: Path) -> Path:
    """A fresh copy of the clean project for one case to spoil, always at the same path and
    with the same file times, so that photos opened for an earlier case are remembered."""
    target = pristine.parent / "project"
    shutil.rmtree(target, ignore_errors=True)
    return Path(shutil.copytree(pristine, target, symlinks=True))
