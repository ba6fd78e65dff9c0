"""A kind and a name in, a new draft item folder out: `jrs-site new story|edition|report`.

The files come from `templates/new/<kind>/`, where every field is present and explained in a
comment and what staff must write is a `TODO`. New items are drafts, so they never block the
build nor publish by accident; `jrs-site check` lists every TODO that is left.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from string import Template

import yaml

from jrs_site.load.errors import slug_hint
from jrs_site.model.bundles import Edition, Report, Story
from jrs_site.model.schemas import SLUG_RE

TEMPLATES = resources.files(__package__) / "templates" / "new"
#: The kinds `new` starts, by name (an article is written inside its edition's folder).
KINDS = {kind.kind: kind for kind in (Story, Edition, Report)}

#: What to do after `jrs-site new <kind>`; {folder} is the new folder.
NEXT_STEPS = {
    "story": [
        "Copy the portrait photo into {folder}/ and name it portrait.jpg.",
        "Replace every TODO in {folder}/story.yml, nl.md and fr.md, and record the consent.",
        "Run 'jrs-site check': it lists every TODO that is left.",
        "When both texts are ready, write 'draft: false' in {folder}/story.yml.",
        "Run 'jrs-site serve' to preview, then 'jrs-site build'.",
    ],
    "edition": [
        "Copy the cover photo into {folder}/ and name it cover.jpg.",
        "Replace every TODO in {folder}/edition.yml, nl.md, fr.md and in editorial/.",
        "Add the other articles under 'articles:' in {folder}/edition.yml.",
        "Run 'jrs-site check': it lists every TODO that is left.",
        "When the edition is ready, write 'draft: false' in {folder}/edition.yml.",
    ],
    "report": [
        "Replace every TODO in {folder}/report.yml, nl.md and fr.md.",
        "Run 'jrs-site check': it lists every TODO that is left.",
        "When the summary is ready, write 'draft: false' in {folder}/report.yml.",
        "Run 'jrs-site serve' to preview, then 'jrs-site build'.",
    ],
}


class ScaffoldError(Exception):
    """The item cannot be created; the message says what to do instead."""


@dataclass(frozen=True)
class Created:
    """A new item folder, its files and what to do next."""

    folder: Path
    files: list[Path]
    next_steps: list[str]


def new_item(
    root: Path,
    kind: str,
    slug: str | None = None,
    number: int | None = None,
    today: dt.date | None = None,
) -> Created:
    """Create a draft story or report named `slug`, or edition `number` (default: the next)."""
    section = root / KINDS[kind].section
    if kind == "edition":
        number = number if number is not None else next_edition_number(section)
        if number < 1:
            raise ScaffoldError(f"the edition number must be 1 or more, not {number}")
        slug = str(number)
    elif slug is None or not SLUG_RE.match(slug):
        raise ScaffoldError(f"'{slug}' cannot be used as a folder name: {slug_hint(slug or '')}")
    folder = section / slug
    shown = folder.relative_to(root).as_posix()
    if folder.exists():
        raise ScaffoldError(
            f"{shown} already exists and is left as it is: edit its files, or choose another name"
        )
    values = {
        "date": (today or dt.date.today()).isoformat(),
        "number": slug,
        "themes": ", ".join(_ids(root / "data/themes.yml")) or "none yet",
        "authors": ", ".join(_ids(root / "data/authors.yml")) or "none yet",
    }
    _copy_atomically(TEMPLATES / kind, folder, values)
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    steps = [step.format(folder=shown) for step in NEXT_STEPS[kind]]
    return Created(folder, files, steps)


def next_edition_number(section: Path) -> int:
    """One more than the highest edition number so far (1 for the first)."""
    numbers = [int(p.name) for p in section.glob("*") if p.is_dir() and p.name.isdigit()]
    return max(numbers, default=0) + 1


def _ids(path: Path) -> list[str]:
    """The author ids (a list of `- id: ...`) or theme ids (keys) of a data file, if readable."""
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []
    if isinstance(data, dict):
        return sorted(str(key) for key in data)
    if isinstance(data, list):
        return [str(item["id"]) for item in data if isinstance(item, dict) and "id" in item]
    return []


def _copy_atomically(template: Traversable, folder: Path, values: dict[str, str]) -> None:
    """Fill in the template files in a hidden folder beside `folder`, then rename it: a
    failure leaves no half-made item behind."""
    tmp = folder.with_name(f".new-{folder.name}")
    shutil.rmtree(tmp, ignore_errors=True)  # left over from an interrupted run
    tmp.mkdir(parents=True)
    try:
        _fill(template, tmp, values)
        os.rename(tmp, folder)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _fill(template: Traversable, target: Path, values: dict[str, str]) -> None:
    for entry in template.iterdir():
        if entry.is_dir():
            (target / entry.name).mkdir()
            _fill(entry, target / entry.name, values)
        else:
            text = Template(entry.read_text("utf-8")).substitute(values)
            (target / entry.name).write_text(text, "utf-8")
