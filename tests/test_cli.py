"""The `jrs-site` command as staff use it: check lists every problem, build keeps the old site."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.conftest import STORY_META, cli, copy_project, write_photo, write_yaml


def test_check_passes_on_the_example_content(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, test_cache: Path
) -> None:
    """On a copy: check keeps what it learns of the photos in the project's .cache/."""
    code, output = cli(copy_project(tmp_path / "project", test_cache), monkeypatch, "check")
    assert code == 0, output
    assert "0 error(s)" in output


def test_check_fails_naming_the_story_without_consent(project: Path, monkeypatch) -> None:
    meta = dict(STORY_META)
    del meta["consent"]
    write_yaml(project / "stories/yonas/story.yml", meta)
    code, output = cli(project, monkeypatch, "check")
    assert code == 1
    assert "stories/yonas/story.yml" in output and "consent" in output
    assert "Traceback" not in output


def test_check_fails_naming_malformed_front_matter(project: Path, monkeypatch) -> None:
    (project / "stories/samira/fr.md").write_text("---\ntitle: [oops\n---\n", "utf-8")
    code, output = cli(project, monkeypatch, "check")
    assert code == 1
    assert "stories/samira/fr.md" in output and "line 2" in output


def test_check_json_lists_all_problems(project: Path, monkeypatch) -> None:
    write_yaml(project / "stories/yonas/story.yml", {**STORY_META, "country": "XX", "arrived": "x"})
    (project / "stories/samira/nl.md").write_bytes(b"\xff\xfe")
    code, output = cli(project, monkeypatch, "check", "--format", "json")
    problems = json.loads(output[output.index("[") :])
    assert code == 1
    assert {p["field"] for p in problems if p["file"].endswith("story.yml")} >= {
        "country",
        "arrived",
    }
    assert any(p["file"] == "stories/samira/nl.md" for p in problems)


def test_strict_makes_warnings_fatal(project: Path, monkeypatch) -> None:
    (project / "stories/yonas/fr.md").unlink()
    assert cli(project, monkeypatch, "check")[0] == 0
    assert cli(project, monkeypatch, "check", "--strict")[0] == 1


def test_withdrawn_consent_is_reported(project: Path, monkeypatch) -> None:
    meta = yaml.safe_load((project / "stories/yonas/story.yml").read_text())
    meta["consent"]["withdrawn"] = "2026-01-10"
    write_yaml(project / "stories/yonas/story.yml", meta)
    code, output = cli(project, monkeypatch, "check")
    assert "withdrawn" in output and code == 0


def test_check_warns_about_a_photo_too_small_for_print(project: Path, monkeypatch) -> None:
    write_photo(project / "editions/118/cover.jpg", (1600, 1200))  # 187 ppi at 216 mm
    code, output = cli(project, monkeypatch, "check")
    assert code == 0
    assert "editions/118/edition.yml" in output
    assert "'cover.jpg' in the print edition 118" in output and "ppi" in output
    write_photo(project / "editions/118/cover.jpg", (800, 600))  # 94 ppi: print refuses it
    code, output = cli(project, monkeypatch, "check")
    assert code == 0, "a print-only problem does not block the website"
    assert "warning" in output and "150 ppi minimum" in output
    assert "'cover.jpg' in the print edition 118" in output and "--variant print" in output


def test_a_cache_folder_that_is_a_broken_link_is_an_error_not_a_traceback(
    project: Path, monkeypatch
) -> None:
    (project / ".cache").symlink_to(project / "gone")
    code, output = cli(project, monkeypatch, "pdf", "118", "--variant", "screen")
    assert code == 1
    assert "the file system refused" in output and ".cache" in output
    assert "Traceback" not in output
