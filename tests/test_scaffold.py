"""`jrs-site new`: every field in the templates, drafts that pass check, nothing overwritten."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, get_origin

import pytest
import yaml
from pydantic import BaseModel

from jrs_site.load.errors import _inner_model
from jrs_site.load.loader import load_site
from jrs_site.model.schemas import (
    ArticleMeta,
    ArticleText,
    EditionMeta,
    EditionText,
    ReportMeta,
    ReportText,
    StoryMeta,
    StoryText,
)
from jrs_site.scaffold import ScaffoldError, new_item
from tests.conftest import cli, write_photo

TODAY = dt.date(2026, 3, 1)
FILES = {
    ("story", "story.yml"): StoryMeta,
    ("story", "nl.md"): StoryText,
    ("story", "fr.md"): StoryText,
    ("edition", "edition.yml"): EditionMeta,
    ("edition", "nl.md"): EditionText,
    ("edition", "fr.md"): EditionText,
    ("edition", "editorial/article.yml"): ArticleMeta,
    ("edition", "editorial/nl.md"): ArticleText,
    ("edition", "editorial/fr.md"): ArticleText,
    ("report", "report.yml"): ReportMeta,
    ("report", "nl.md"): ReportText,
    ("report", "fr.md"): ReportText,
}


def parsed(path: Path) -> Any:
    text = path.read_text("utf-8")
    return yaml.safe_load(text.split("---\n")[1] if path.suffix == ".md" else text)


def missing_fields(model: type[BaseModel], data: Any, where: str = "") -> list[str]:
    """Fields of `model` (and of its nested models) that `data` does not write out."""
    missing = []
    for name, info in model.model_fields.items():
        if name not in data:
            missing.append(where + name)
            continue
        inner, value = _inner_model(info.annotation), data[name]
        if get_origin(info.annotation) is dict:
            items = list(value.values())
        else:
            items = value[:1] if isinstance(value, list) else [value]
        for item in items:
            if inner is not None and isinstance(item, dict):
                missing += missing_fields(inner, item, f"{where}{name}.")
    return missing


@pytest.mark.parametrize(("kind", "file"), sorted(FILES))
def test_templates_write_out_every_field(project: Path, kind: str, file: str) -> None:
    created = new_item(project, kind, slug=None if kind == "edition" else "new-item", today=TODAY)
    path = created.folder / file
    missing = missing_fields(FILES[kind, file], parsed(path))
    # The other way of writing a field (`people:` for a family, beside `person:`) is shown
    # commented out, with an example.
    shown = path.read_text("utf-8")
    assert [name for name in missing if f"\n# {name}:\n" not in shown] == []


@pytest.mark.parametrize(("kind", "args"), [("story", ["amina"]), ("report", ["x-2025"])])
def test_new_story_and_report_are_drafts_that_pass_check(
    project: Path, monkeypatch: pytest.MonkeyPatch, kind: str, args: list[str]
) -> None:
    code, output = cli(project, monkeypatch, "new", kind, *args)
    assert code == 0, output
    folder = project / f"{'stories' if kind == 'story' else 'reports'}/{args[0]}"
    assert {p.name for p in folder.iterdir()} == {f"{kind}.yml", "nl.md", "fr.md"}
    assert "Next:" in output and "draft: false" in output
    code, output = cli(project, monkeypatch, "check")
    assert code == 0, output
    assert "still to fill in" in output and "0 error(s)" in output
    assert cli(project, monkeypatch, "check", "--strict")[0] == 1


def test_new_edition_takes_the_next_number(project: Path, monkeypatch) -> None:
    code, output = cli(project, monkeypatch, "new", "edition")
    assert code == 0, output
    assert (project / "editions/119/editorial/nl.md").is_file()
    assert parsed(project / "editions/119/edition.yml")["number"] == 119
    assert cli(project, monkeypatch, "new", "edition", "--number", "7")[0] == 0
    assert (project / "editions/7/edition.yml").is_file()
    assert cli(project, monkeypatch, "check")[0] == 0


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["story", "samira"], "stories/samira already exists"),
        (["report", "detention-2024"], "reports/detention-2024 already exists"),
        (["edition", "--number", "118"], "editions/118 already exists"),
    ],
)
def test_an_existing_item_is_never_overwritten(
    project: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], expected: str
) -> None:
    before = {p: p.read_bytes() for p in project.rglob("*") if p.is_file()}
    code, output = cli(project, monkeypatch, "new", *args)
    assert code == 1 and expected in output and "Traceback" not in output
    assert {p: p.read_bytes() for p in project.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize(
    ("slug", "suggestion"), [("Amína Sy", "amina-sy"), ("élan_vital", "elan-vital")]
)
def test_an_invalid_slug_gets_a_suggestion(
    project: Path, monkeypatch: pytest.MonkeyPatch, slug: str, suggestion: str
) -> None:
    code, output = cli(project, monkeypatch, "new", "story", slug)
    assert code == 1 and f"e.g. '{suggestion}'" in output
    assert not (project / "stories" / slug).exists()


def test_edition_number_must_be_positive(project: Path) -> None:
    with pytest.raises(ScaffoldError, match="1 or more"):
        new_item(project, "edition", number=0)


def test_a_filled_in_story_is_published(project: Path, monkeypatch) -> None:
    """What staff do after `jrs-site new story`: replace the TODOs, add the photo, publish."""
    folder = new_item(project, "story", slug="amina", today=TODAY).folder
    write_photo(folder / "portrait.jpg")
    answers = {
        "name: TODO": "name: Amina",
        "country: TODO": "country: SY",
        "arrived: TODO": "arrived: 2019",
        "given_by: TODO": "given_by: Amina",
        "date: TODO": "date: 2026-02-01",
        "uses: TODO": "uses: [web, print, social]",
        "credit: TODO": "credit: eva",
        "draft: true": "draft: false",
    }
    text = (folder / "story.yml").read_text("utf-8")
    for old, new in answers.items():
        text = text.replace(old, new)
    (folder / "story.yml").write_text(text, "utf-8")
    for lang in ("nl", "fr"):
        lines = (folder / f"{lang}.md").read_text("utf-8").splitlines()
        filled = [line.replace("TODO", "Ingevuld", 1) for line in lines]
        (folder / f"{lang}.md").write_text("\n".join(filled) + "\n", "utf-8")
    code, output = cli(project, monkeypatch, "check", "--strict")
    assert code == 0, output
    assert "amina" not in output, output
    site, _ = load_site(project)
    assert site.stories["amina"].published("web") and set(site.stories["amina"].texts) == {
        "nl",
        "fr",
    }
