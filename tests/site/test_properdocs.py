"""The way out of MkDocs' freeze: ProperDocs, the maintained MkDocs 1.x fork, builds the same
site from the same `mkdocs.yml` and plugin: the same files, the same pages."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import Built

#: The one line that may differ: the generator's name in `<meta name="generator">`.
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def files(site: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()
    }


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
    pages = [name for name in ours if name.endswith(".html")]
    assert len(pages) > 40
    differ = [
        name for name in pages if GENERATOR.sub(b"", ours[name]) != GENERATOR.sub(b"", theirs[name])
    ]
    assert differ == []
