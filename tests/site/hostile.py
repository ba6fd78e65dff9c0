"""The example site with hostile text in every field staff write: quotes, `&`, `<script>`, an
`<img onerror>`, `</title>`. Text in front matter and data is text: it must show as typed and
add no element, attribute or request. Built once per session (site and browser tests)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
import yaml

from jrs_site.model.languages import BILINGUAL
from jrs_site.render.l10n import text_typography
from tests.conftest import Built, build, copy_project

#: Ends in markup that would run if it were not escaped, and closes the <title> and attributes.
TEXT = '"Q" & \'A\' <script>alert("t")</script><img src=x onerror=alert(1)></title>'
NAME = "<b onmouseover=alert(1)>N</b>\"&'"  # names are at most 40 characters
KICKER = '"K" & <script>alert(1)</script>'  # kickers at most 60
BODY = (
    "\n\nIn de tekst: \"aanhalingstekens\" & 'apostrof', a < b > c.\n\n"
    "```figures\n312 | <script>alert(1)</script> \"&' | 280\n```\n"
)

#: The fields of each kind of text, per folder pattern.
TEXT_FIELDS = {
    "stories/*/??.md": ("title", "family", "lead", "portrait_alt", "portrait_caption"),
    "editions/*/??.md": ("season", "theme", "cover_alt", "cover_caption"),
    "editions/*/*/??.md": ("title", "lead"),
    "reports/*/??.md": ("title", "lead", "order"),
    "docs/*/about.md": ("title", "description"),
}


def value(field: str) -> str:
    """The hostile text of one field, named so that a test can find it (no colon after the
    name: French typography would rightly put a narrow no-break space before it)."""
    return f"{field} = {TEXT}"


def shown(text: str, lang: str = "nl") -> str:
    """Hostile text as every output shows it: as typed, with the language's quote marks."""
    return text_typography(text, lang, BILINGUAL)


def marks_aside(text: str) -> str:
    """Text with every quote mark as `'` and no white space (French spaces its « »): where a
    stray quote typed in one field makes the next field's quotes inner ones, the same text."""
    return re.sub(r"\s+", "", re.sub("[\"'‘’“”«»]", "'", text))


def _front(path: Path, change: dict[str, object]) -> None:
    text = path.read_text("utf-8")
    _, front, body = text.split("---\n", 2)
    meta = {**(yaml.safe_load(front) or {}), **change}
    extra = BODY if path.parts[-3] in ("stories",) else ""
    path.write_text(f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n{body}{extra}", "utf-8")


def _yaml(path: Path, change: object) -> None:
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)  # type: ignore[operator]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")


def poison(project: Path) -> None:
    """Put hostile text in every field of every item, and in the data files."""
    for pattern, fields in TEXT_FIELDS.items():
        for path in project.glob(pattern):
            change: dict[str, object] = {field: value(field) for field in fields}
            if path.parts[-3] == "reports":
                change["findings"] = [value("finding")]
            if "editions" in path.parts and len(path.relative_to(project).parts) == 4:
                change["kicker"] = KICKER
            _front(path, change)
    for path in project.glob("stories/*/story.yml"):
        _yaml(path, lambda d: d["person"].update(name=NAME))
    for path in project.glob("reports/*/report.yml"):
        _yaml(
            path,
            lambda d: [
                f.update(label={"nl": value("label"), "fr": value("label")}) for f in d["figures"]
            ],
        )
    _yaml(
        project / "data/authors.yml",
        lambda d: [a.update(name=NAME, role={"nl": value("role"), "fr": value("role")}) for a in d],
    )
    _yaml(
        project / "data/themes.yml",
        lambda d: d.update({k: {"nl": value("theme"), "fr": value("theme")} for k in d}),
    )
    _yaml(
        project / "data/organisation.yml",
        lambda d: d.update(
            name=NAME,
            tagline={"nl": value("tagline"), "fr": value("tagline")},
            newsletter={"nl": value("newsletter"), "fr": value("newsletter")},
        ),
    )


@cache
def _build(root: Path, cache: Path) -> Built:
    project = copy_project(root / "hostile-project", cache)
    poison(project)
    result = build(project)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return Built(project, project / "site", result.stdout + result.stderr)


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory, test_cache: Path) -> Built:
    """The hostile example site, built once per session (the site and browser tests import
    this fixture: `_build` makes it once for both)."""
    return _build(tmp_path_factory.getbasetemp(), test_cache)
