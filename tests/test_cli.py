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


def _interrupted_build(*args: object, **kwargs: object) -> None:
    raise KeyboardInterrupt  # Ctrl+C while MkDocs builds (the slow steps: tests/site/)


@pytest.fixture
def buildable(project: Path) -> Path:
    """`project` with the docs/ folder MkDocs requires."""
    (project / "docs").mkdir()
    return project


def test_a_build_stopped_by_ctrl_c_says_so_and_leaves_the_site(
    buildable: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (buildable / "site").mkdir()
    (buildable / "site/index.html").write_text("old", "utf-8")
    monkeypatch.setattr("mkdocs.commands.build.build", _interrupted_build)
    code, output = cli(buildable, monkeypatch, "build")
    assert code == 130
    assert output.splitlines()[-1] == (
        f"Stopped: the site was not built; {buildable.resolve() / 'site'} is as it was"
    )
    assert "Traceback" not in output and "Aborted" not in output
    assert (buildable / "site/index.html").read_text("utf-8") == "old"
    assert [p.name for p in buildable.iterdir() if p.name.startswith(".site-")] == []


def test_publish_stopped_during_its_build_publishes_nothing(
    buildable: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jrs_site.outputs.web import upload  # noqa: PLC0415

    sent: list[Path] = []
    monkeypatch.setattr(upload, "check_tools", lambda: None)
    monkeypatch.setattr(upload, "probe", lambda target: None)
    monkeypatch.setattr(upload, "publish", lambda site, *args: sent.append(site))
    monkeypatch.setattr("mkdocs.commands.build.build", _interrupted_build)
    code, output = cli(buildable, monkeypatch, "publish", "user@host.example:www")
    assert (code, sent) == (130, [])
    assert output.splitlines()[-1] == (
        f"Stopped: the site was not built; {buildable.resolve() / 'site'} is as it was; "
        "nothing was published"
    )
    assert "Traceback" not in output


def test_sigterm_stops_a_command_as_ctrl_c_does(
    buildable: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A service manager's SIGTERM: the same cleanup and line as Ctrl+C, not a killed
    process that leaves its workers and a hidden half-built folder behind."""
    import os  # noqa: PLC0415
    import signal  # noqa: PLC0415

    def terminated(*args: object, **kwargs: object) -> None:
        os.kill(os.getpid(), signal.SIGTERM)

    def unhandled(signum: int, frame: object) -> None:
        raise AssertionError("SIGTERM reached the caller's handler: it would have killed jrs-site")

    before = signal.signal(signal.SIGTERM, unhandled)  # not pytest killed, if it fails
    try:
        monkeypatch.setattr("mkdocs.commands.build.build", terminated)
        code, output = cli(buildable, monkeypatch, "build")
        assert signal.getsignal(signal.SIGTERM) == unhandled, "the handler is the command's own"
    finally:
        signal.signal(signal.SIGTERM, before)
    assert code == 130
    assert output.splitlines()[-1].startswith("Stopped: the site was not built;")
