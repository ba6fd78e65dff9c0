"""Every bad input gets its plain message from `jrs-site check`: the file, the field or line,
what to write instead, the right exit code, and never a traceback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from jrs_site.cli import main
from tests.bad_input.cases import CASES, Case


def check(project: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str, str]:
    """Exit code, standard output and standard error of `jrs-site check ARGS` in `project`."""
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["check", *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_the_corpus_is_large_and_its_names_unique() -> None:
    assert len(CASES) >= 25
    assert len({case.name for case in CASES}) == len(CASES)


def test_the_clean_project_has_no_problem(project: Path, monkeypatch) -> None:
    code, _, text = check(project, monkeypatch, "--strict")
    assert code == 0, text


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_bad_input_gets_a_plain_message(
    case: Case, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    case.apply(project)
    code, _, text = check(project, monkeypatch)
    assert code == case.exit_code, text
    assert "Traceback" not in text
    json_code, out, _ = check(project, monkeypatch, "--format", "json")
    assert json_code == code
    named = [p for p in json.loads(out) if p["file"] == case.file]
    if not case.message:  # input that must be accepted
        assert [p for p in named if p["severity"] != "info"] == [], text
        return
    found = [p for p in named if case.message in f"{p['message']} {p['hint']}"]
    assert found, f"no problem in {case.file} says {case.message!r}:\n{text}"
    problem = found[0]
    assert problem["severity"] == case.severity, problem
    if case.field is not None:
        assert problem["field"] == case.field, problem
    if case.line is not None:
        assert problem["line"] == case.line, problem
    assert case.file in text  # the text report names the file too


def test_warnings_are_fatal_with_strict(project: Path, monkeypatch) -> None:
    (project / "stories/esther/fr.md").unlink()
    assert check(project, monkeypatch)[0] == 0
    assert check(project, monkeypatch, "--strict")[0] == 1


def test_a_broken_text_is_reported_once(project: Path, monkeypatch) -> None:
    """A YAML mistake in both texts is that mistake, not also 'no nl.md or fr.md'."""
    for lang in ("nl", "fr"):
        path = project / "stories/esther" / f"{lang}.md"
        lines = path.read_text("utf-8").split("\n")
        assert lines[1].startswith('title: "') and lines[1].endswith('"')
        lines[1] = lines[1][:-1]  # the title's quote is never closed
        path.write_text("\n".join(lines), "utf-8")
    code, out, text = check(project, monkeypatch, "--format", "json")
    problems = [p for p in json.loads(out) if p["file"].startswith("stories/esther")]
    assert code == 1
    assert sorted(p["file"] for p in problems) == ["stories/esther/fr.md", "stories/esther/nl.md"]
    assert all("never closed" in p["message"] for p in problems), problems
