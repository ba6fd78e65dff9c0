"""Under `serve`, a save renders again only the pages it touches (`mkdocs_plugin/preview.py`);
what the preview serves after each save of a sequence must be what a fresh build of the same
sources serves, file for file (the search bundle aside: Pagefind writes it, not the pages).
"""

from __future__ import annotations

import filecmp
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml

from tests.conftest import copy_project

SPARE = "pagefind"  # the search bundle: Pagefind's, not compared
PAGES = re.compile(r"pages \(\w+\): (?P<written>\d+) written(?:, (?P<unchanged>\d+) unchanged)?")


class Preview:
    """A `serve` build loop (tests/site/serve_builds.py) over `project`, told when to build."""

    def __init__(self, project: Path, site_dir: Path, commands: Path) -> None:
        self.project, self.site_dir, self.commands = project, site_dir, commands
        self.count = 0

    def pages(self) -> list[tuple[int, int]]:
        """(written, unchanged) of each language in each build so far, from the progress lines
        (each `build` is two: the save's, then the one after its late PDFs)."""
        lines = self.commands.with_suffix(".log").read_text().splitlines()
        found = [PAGES.match(line) for line in lines]
        counts = [(int(m["written"]), int(m["unchanged"] or 0)) for m in found if m]
        return counts

    def build(self, command: str = "build") -> None:
        """Build as after a save; return when it (and the build after its late PDFs) are
        done. With `command` "once", only the first."""
        self.count += 1
        with self.commands.open("a") as f:
            f.write(f"{command}\n")
        done = self.commands.with_suffix(".done")
        deadline = time.monotonic() + 300
        while f"built {self.count}" not in (done.read_text() if done.exists() else ""):
            assert time.monotonic() < deadline, "the preview did not build"
            time.sleep(0.1)


@contextmanager
def preview(
    project: Path, site_dir: Path, commands: Path, first: str = "build"
) -> Iterator[Preview]:
    log = commands.with_suffix(".log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.site.serve_builds", project, site_dir, commands],
        start_new_session=True,
        cwd=Path(__file__).resolve().parents[2],
        stderr=log,
    )
    try:
        running = Preview(project, site_dir, commands)
        running.build(first)
        yield running
    finally:
        with commands.open("a") as f:
            f.write("stop\n")
        try:
            process.wait(timeout=60)
        finally:
            log.close()
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)


def fresh_build(project: Path, into: Path) -> Path:
    """The same sources built by a new `serve` process, from nothing (once: the preview
    waited for its PDFs, which the cache now has)."""
    with preview(project, into, into.with_name(into.name + ".commands"), "once"):
        pass
    return into


def differences(served: Path, fresh: Path) -> list[str]:
    """Every file that differs between the two sites, or is in one only."""
    found = []
    for a, b in ((served, fresh), (fresh, served)):
        for path in sorted(a.rglob("*")):
            relative = path.relative_to(a)
            if relative.parts[0] == SPARE or not path.is_file():
                continue
            other = b / relative
            if not other.is_file():
                found.append(f"{relative}: only in {a.name}")
            elif a is served and not filecmp.cmp(path, other, shallow=False):
                found.append(f"{relative}: differs")
    return found


def edit_yaml(path: Path, change: Callable[[dict], None]) -> None:
    data = yaml.safe_load(path.read_text("utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def append(path: Path, text: str) -> None:
    with path.open("a", encoding="utf-8") as f:
        f.write(text)


def retitle(path: Path, title: str) -> None:
    text = path.read_text("utf-8")
    start = text.index("\ntitle:") + 1
    end = text.index("\n", start)
    path.write_text(f"{text[:start]}title: {title!r}{text[end:]}", "utf-8")


def add_photo(project: Path) -> None:
    story = project / "stories/ousmane"
    shutil.copy2(project / "stories/esther/fence.jpg", story / "hallway.jpg")
    edit_yaml(
        story / "story.yml",
        lambda d: d["photos"].update({"hallway.jpg": {"credit": "jonas-de-smet"}}),
    )
    append(story / "nl.md", "\n![Een lange gang met deuren](hallway.jpg)\n")


def add_story(project: Path) -> None:
    new = project / "stories/tesfay-bis"
    shutil.copytree(project / "stories/tesfay", new)
    edit_yaml(new / "story.yml", lambda d: d.update(date="2026-11-30"))
    retitle(new / "nl.md", "Een tweede verhaal van Tesfay, helemaal verzonnen")


def edit_text(project: Path) -> None:
    append(project / "stories/esther/nl.md", "\nNog een zin, pas toegevoegd.\n")


def edit_title(project: Path) -> None:
    retitle(project / "stories/ousmane/fr.md", "Un titre tout neuf")


def make_draft(project: Path) -> None:
    edit_yaml(project / "stories/ousmane/story.yml", lambda d: d.update(draft=True))


def delete_story(project: Path) -> None:
    shutil.rmtree(project / "stories/tesfay-bis")


def break_country(project: Path) -> None:
    path = project / "stories/esther/story.yml"
    path.write_text(path.read_text("utf-8").replace("country: CD", "country: Congo"), "utf-8")


def fix_country(project: Path) -> None:
    path = project / "stories/esther/story.yml"
    path.write_text(path.read_text("utf-8").replace("country: Congo", "country: CD"), "utf-8")


def rename_theme(project: Path) -> None:
    edit_yaml(project / "data/themes.yml", lambda d: d["work"].update(nl="Werk en inkomen"))


# What staff do in a day: after each edit, the preview and a fresh build are compared.
EDITS: list[tuple[str, Callable[[Path], None]]] = [
    ("text of a story the edition prints", edit_text),
    ("front matter (a title)", edit_title),
    ("photo added", add_photo),
    ("story added", add_story),
    ("story made draft", make_draft),
    ("story deleted", delete_story),
    ("a content error (the pages show only it)", break_country),
    ("the error mended", fix_country),
    ("a data file (a theme's name: on every page)", rename_theme),
]


@pytest.mark.timeout(900)
def test_each_save_serves_what_a_fresh_build_does(tmp_path: Path, test_cache: Path) -> None:
    project = copy_project(tmp_path / "project", test_cache)
    with preview(project, tmp_path / "served", tmp_path / "commands") as served:
        for number, (what, edit) in enumerate(EDITS, 1):
            edit(project)
            served.build()
            fresh = fresh_build(project, tmp_path / f"fresh-{number}")
            assert differences(served.site_dir, fresh) == [], f"after the edit: {what}"
            if number == 1:  # one story's text: its pages and the lists that show it
                save = served.pages()[-4:-2]  # the save's build, in each language
                assert len(save) == 2 and all(written < kept for written, kept in save), save
