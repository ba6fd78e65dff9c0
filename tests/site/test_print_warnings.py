"""A photo too small for print does not block the website: `jrs-site build` and a plain
`mkdocs build` (the plugin) both build it and warn, naming the edition and the photo."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import build, copy_project, write_photo

pytestmark = pytest.mark.slow
WARNING = "'cover.jpg' in the print edition 118"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory, test_cache: Path) -> Path:
    """The example with an edition cover of 94 ppi at its printed width (150 is the least)."""
    project = copy_project(tmp_path_factory.mktemp("print-warnings") / "project", test_cache)
    write_photo(project / "editions/118/cover.jpg", (800, 600))
    return project


def test_jrs_site_build_warns_and_builds(project: Path) -> None:
    result = build(project)
    assert result.returncode == 0, result.stderr[-4000:]
    assert f"warning: field 'photos': {WARNING}" in result.stderr
    assert "150 ppi minimum" in result.stderr and "--variant print" in result.stderr
    assert (project / "site/editions/118/index.html").is_file()


def test_mkdocs_build_warns_and_builds(project: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    assert f"warning: editions/118/edition.yml (field 'photos'): {WARNING}" in result.stderr
    assert (tmp_path / "site/editions/118/index.html").is_file()
