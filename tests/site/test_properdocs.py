"""The way out of MkDocs' freeze: ProperDocs, the maintained MkDocs 1.x fork, builds the same
site from the same `mkdocs.yml` and plugin: the same files, byte for byte."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import brotli

from tests.conftest import Built


def files(site: Path) -> dict[str, object]:
    """Each file's bytes; JSON parsed, since Pagefind writes its languages in any order, and
    gzip unpacked, since its header holds the build's date (two builds across midnight); the
    .gz and .br copies unpacked, as JSON too when they are."""
    return {str(p.relative_to(site)): _content(p) for p in sorted(site.rglob("*")) if p.is_file()}


UNPACK = {".gz": gzip.decompress, ".br": brotli.decompress}  # the compressed copies too


def _content(path: Path) -> object:
    data = path.read_bytes()
    if path.suffix in UNPACK:
        data, path = UNPACK[path.suffix](data), path.with_suffix("")
    return json.loads(data) if path.suffix == ".json" else data


def test_properdocs_builds_the_same_site(built: Built, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--site-dir", str(out)],
        cwd=built.project,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    ours, theirs = files(built.site), files(out)
    assert sorted(theirs) == sorted(ours)
    assert len([name for name in ours if name.endswith(".html")]) > 40
    assert [name for name in ours if ours[name] != theirs[name]] == []
