"""Nothing lost: a failed `jrs-site build` leaves the previous site byte for byte and the
sources as they were, says which file is wrong, and never shows a traceback."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from mkdocs.structure.files import File

from jrs_site.mkdocs_plugin.pages import source_of
from jrs_site.outputs.web.publish import Publisher, PublishError
from tests.bad_input.cases import BY_NAME, Case, edit
from tests.conftest import Built, build, tree_hash

#: Cases that also go through a full build: YAML, photos, addresses, consent, raw HTML.
BUILD_CASES = [
    "unclosed-quote",
    "decompression-bomb",
    "page-at-the-address-of-a-story",
    "missing-consent",
    "raw-script",
]
#: A mistake only MkDocs sees (check passes): the strict build stops after writing pages.
BROKEN_LINK = Case(
    "broken-link-in-a-page",
    edit("docs/nl/about.md", "](support.md)", "](steun.md)"),
    "about.md",
    "steun.md",
    exit_code=0,
)


@pytest.fixture
def previous(built: Built, tmp_path: Path) -> Path:
    """A copy of the example project with the site it built before."""
    return Path(shutil.copytree(built.project, tmp_path / "project", symlinks=True))


def failed_build(project: Path, case: Case) -> str:
    """Spoil `project` with `case`, build, and check that nothing was lost; the output."""
    site = tree_hash(project / "site")
    case.apply(project)
    sources = tree_hash(project)
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "the site was not built" in output and "Traceback" not in output
    assert tree_hash(project / "site") == site, "the previous site changed"
    assert tree_hash(project) == sources, "the build changed the sources"
    assert not [p for p in project.iterdir() if p.name.startswith(".site")], "temporary left"
    return output


@pytest.mark.parametrize("name", BUILD_CASES)
def test_a_failed_build_keeps_the_previous_site(name: str, previous: Path) -> None:
    case = BY_NAME[name]
    output = failed_build(previous, case)
    assert case.file in output and case.message in output


def test_a_build_that_fails_inside_mkdocs_keeps_the_previous_site(previous: Path) -> None:
    output = failed_build(previous, BROKEN_LINK)
    assert "about.md" in output and "steun.md" in output


def test_two_pages_for_one_file_stop_the_build(tmp_path: Path) -> None:
    """The last guard: a second page for a file is an error naming both sources."""
    docs, site = str(tmp_path / "docs"), str(tmp_path / "site")
    pages = [File(src, docs, site, True) for src in ("nl/about.md", "nl/about/index.md")]
    publisher = Publisher(tmp_path / "site")
    with pytest.raises(PublishError, match=r"about\.md and .*about/index\.md .*about/index\.html"):
        for page in pages:
            publisher.claim(page.dest_uri, source_of(page))


def test_a_build_removes_what_killed_builds_left(previous: Path) -> None:
    """A build killed part-way leaves `.site-XXXXXXXX`; the next build removes it, and only
    folders of that name made before it started (not another running build's, not others)."""
    left = [previous / ".site-k1ll3d_x", previous / ".site-old"]
    running = previous / ".site-running1"  # a build that started after this one
    other = previous / ".site-notes"
    for folder in (*left, running, other):
        (folder / "stories").mkdir(parents=True)
    os.utime(running, (time.time() + 3600,) * 2)
    result = build(previous)
    assert result.returncode == 0, result.stderr[-3000:]
    assert [p for p in left if p.exists()] == []
    assert running.is_dir() and other.is_dir()
