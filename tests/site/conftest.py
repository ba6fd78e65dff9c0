"""Build the example site once per session, in a temporary copy of the project.

The copy gets two extra testimonies that must leave no trace: a copy of a real story marked
`draft: true`, and one whose consent does not cover the web. The image cache is shared with
the repository's `.cache/` so that photos are encoded once.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO

SOURCES = ("docs", "stories", "editions", "reports", "data", "overrides", "mkdocs.yml")
DRAFT_MARK = "Kwartelkoningdraft"
NOWEB_MARK = "Roerdompnoweb"


@dataclass(frozen=True)
class Built:
    project: Path
    site: Path
    output: str


def copy_project(target: Path) -> Path:
    """A copy of the sources, sharing the repository's image cache."""
    target.mkdir(parents=True)
    for name in SOURCES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    (REPO / ".cache").mkdir(exist_ok=True)
    (target / ".cache").symlink_to(REPO / ".cache")
    return target


def hidden_copy(project: Path, source: str, slug: str, mark: str, **changes: object) -> None:
    """Copy a published story under a new slug, put `mark` in its texts, apply `changes`."""
    folder = project / "stories" / slug
    shutil.copytree(project / "stories" / source, folder)
    meta = yaml.safe_load((folder / "story.yml").read_text("utf-8"))
    for key, value in changes.items():
        parent, _, leaf = key.rpartition(".")
        (meta[parent] if parent else meta)[leaf] = value
    (folder / "story.yml").write_text(yaml.safe_dump(meta, allow_unicode=True), "utf-8")
    for lang in ("nl", "fr"):
        text = (folder / f"{lang}.md").read_text("utf-8")
        (folder / f"{lang}.md").write_text(
            text.replace("\n---\n", f"\n---\n{mark}\n\n", 1), "utf-8"
        )


def build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "jrs_site", "build"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=900,
    )


def tree_hash(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
        and ".cache" not in p.relative_to(root).parts
        and "site" not in p.relative_to(root).parts[:1]
    }


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    project = copy_project(tmp_path_factory.mktemp("build") / "project")
    hidden_copy(project, "esther", "esther-draft", DRAFT_MARK, draft=True)
    hidden_copy(project, "esther", "esther-noweb", NOWEB_MARK, **{"consent.uses": ["print"]})
    hidden_copy(project, "esther", "esther-nl-only", "")
    (project / "stories/esther-nl-only/fr.md").unlink()
    (project / "docs/fr/contact.md").unlink()
    before = tree_hash(project)
    result = build(project)
    assert result.returncode == 0, result.stderr[-4000:]
    assert tree_hash(project) == before, "the build changed the sources"
    return Built(project, project / "site", result.stdout + result.stderr)
