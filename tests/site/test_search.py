"""The search bundle: one Pagefind index per language, holding published pages only."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import (
    DRAFT_MARK,
    NOWEB_MARK,
    Built,
    build,
    copy_project,
    search_text,
    tree_hash,
)

FRAGMENT_PREFIX = b"pagefind_dcd"  # every decompressed Pagefind file starts with it


def fragments(built: Built, lang: str) -> dict[str, dict[str, Any]]:
    """The indexed pages of one language, by URL."""
    found = {}
    for path in (built.site / "pagefind" / "fragment").glob(f"{lang}_*"):
        data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(FRAGMENT_PREFIX))
        found[data["url"]] = data
    return found


def test_one_index_per_language(built: Built) -> None:
    entry = json.loads((built.site / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert set(entry["languages"]) == {"nl", "fr"}


def test_each_index_holds_its_own_language_only(built: Built) -> None:
    fr, nl = fragments(built, "fr"), fragments(built, "nl")
    assert "/fr/stories/esther/" in fr and "/stories/esther/" in nl
    assert all(url.startswith("/fr/") for url in fr)
    assert not any(url.startswith("/fr/") for url in nl)
    assert not any("404" in url for url in [*fr, *nl])


@pytest.mark.parametrize("mark", [DRAFT_MARK, NOWEB_MARK, "esther-draft", "esther-noweb"])
def test_hidden_stories_are_not_indexed(built: Built, mark: str) -> None:
    assert mark.lower() not in search_text(built.site).lower()


def test_only_the_content_is_indexed(built: Built) -> None:
    """Not the header, tabs or footer: otherwise every page would match their words."""
    source = (built.project / "docs/nl/about.md").read_text("utf-8")
    title = yaml.safe_load(source.split("---")[1])["title"]
    assert fragments(built, "nl")["/about/"]["content"].startswith(f"{title}.")


@pytest.mark.slow
def test_a_build_whose_pages_did_not_change_copies_the_kept_index(
    tmp_path: Path, test_cache: Path
) -> None:
    """The bundle is kept in the cache by the pages it indexes: the next build with the same
    pages copies it (Pagefind does not run), one with a changed page indexes again."""
    project = copy_project(tmp_path / "project", test_cache)
    (project / ".cache").unlink()  # a cache of its own: the first build runs Pagefind
    indexes = []
    for change in ("", "", "Zeldzaamwoord"):
        if change:
            story = project / "stories/esther/nl.md"
            text = story.read_text("utf-8")
            story.write_text(text.replace("\n---\n", f"\n---\n{change}\n\n", 1), "utf-8")
        result = build(project)
        assert result.returncode == 0, result.stderr[-4000:]
        search_line = next(line for line in result.stderr.splitlines() if "search index" in line)
        indexes.append((search_line, tree_hash(project / "site" / "pagefind")))
    assert "from the cache" not in indexes[0][0]
    assert "from the cache" in indexes[1][0] and indexes[1][1] == indexes[0][1]
    assert "from the cache" not in indexes[2][0] and indexes[2][1] != indexes[0][1]
    built = Built(project, project / "site", "")
    assert "Zeldzaamwoord" in fragments(built, "nl")["/stories/esther/"]["content"]
