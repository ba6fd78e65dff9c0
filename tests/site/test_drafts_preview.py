"""`jrs-site serve --drafts` shows a valid draft with its banner in both languages and a mark
in the lists, never a draft without web consent; a build of the same copy shows no trace of
either, and a build with the plugin's `drafts` option set stops."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from tests.conftest import (
    NOWEB_MARK,
    build,
    copy_project,
    fetch,
    hidden_copy,
    jrs_serve,
    wait_for,
)

pytestmark = pytest.mark.slow
DRAFT = "stories/tesfay/"  # a draft of the example content: complete and valid
DRAFT_REPORT = "reports/monitoring-draft/"  # a copy of the example's report, as a draft
DRAFT_EDITION = "editions/177/"  # a copy of the example's edition, as a draft
BANNERS = {"": "Concept, niet gepubliceerd", "fr/": "Brouillon, non publié"}
MARKS = {"": "Concept", "fr/": "Brouillon"}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory, test_cache: Path) -> Path:
    project = copy_project(tmp_path_factory.mktemp("drafts") / "project", test_cache)
    uses = {"draft": True, "consent.uses": ["print"]}
    hidden_copy(project, "esther", "esther-noweb", NOWEB_MARK, **uses)
    draft_copy(project / "reports/detention-2024", project / DRAFT_REPORT, "report.yml", {})
    draft_copy(project / "editions/118", project / DRAFT_EDITION, "edition.yml", {"number": 177})
    return project


def draft_copy(source: Path, target: Path, meta: str, changes: dict[str, object]) -> None:
    """Copy an item's folder, marked `draft: true`, with `changes` to its metadata."""
    shutil.copytree(source, target)
    path = target / meta
    data = {**yaml.safe_load(path.read_text("utf-8")), **changes, "draft": True}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


@pytest.fixture(scope="module")
def preview(project: Path) -> Iterator[str]:
    """`jrs-site serve --drafts` in the copy: its base URL, once the first build is served."""
    with jrs_serve(project, "--drafts") as (base, process):
        served = lambda: process.poll() is not None or fetch(f"{base}fr/{DRAFT}")[0] == 200  # noqa: E731
        wait_for(served, "the preview of the draft", 300)
        assert process.poll() is None, "jrs-site serve --drafts stopped"
        yield base


@pytest.mark.parametrize("lang", ["", "fr/"])
def test_the_preview_shows_the_draft_with_its_banner(preview: str, lang: str) -> None:
    status, page = fetch(f"{preview}{lang}{DRAFT}")
    assert status == 200
    assert 'class="jrs-draft"' in page
    assert BANNERS[lang] in page
    assert "Tesfay" in page


@pytest.mark.parametrize("lang", ["", "fr/"])
def test_the_lists_mark_the_draft(preview: str, lang: str) -> None:
    _, stories = fetch(f"{preview}{lang}stories/")
    link = stories.index('tesfay/"')  # links are relative
    card = stories[stories.rindex("<li", 0, link) : stories.index("</li>", link)]
    assert f'class="jrs-draft jrs-draft--mark">{MARKS[lang]}<' in card


@pytest.mark.parametrize("lang", ["", "fr/"])
@pytest.mark.parametrize(
    ("page", "index"), [(DRAFT_EDITION, "editions/"), (DRAFT_REPORT, "reports/")]
)
def test_the_preview_shows_draft_editions_and_reports_too(
    preview: str, lang: str, page: str, index: str
) -> None:
    status, shown = fetch(f"{preview}{lang}{page}")
    assert status == 200
    assert BANNERS[lang] in shown
    _, listed = fetch(f"{preview}{lang}{index}")
    link = listed.index(f'{page.split("/")[1]}/"')
    card = listed[listed.rindex("<article", 0, link) : listed.index("</article>", link)]
    assert f'class="jrs-draft jrs-draft--mark">{MARKS[lang]}<' in card


def test_the_preview_leaves_out_a_draft_without_web_consent(preview: str) -> None:
    assert fetch(f"{preview}stories/esther-noweb/")[0] == 404
    assert NOWEB_MARK not in fetch(f"{preview}stories/")[1]


def test_a_build_of_the_same_copy_shows_no_draft(preview: str, project: Path) -> None:
    result = build(project)
    assert result.returncode == 0, result.stderr[-4000:]
    for path in (project / "site").rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            traces = (b"tesfay", b"Tesfay", b'class="jrs-draft', NOWEB_MARK.encode())
            for trace in (*traces, b"monitoring-draft", b"editions/177"):
                assert trace not in data, (trace, path)


def test_a_build_with_the_drafts_option_stops(project: Path, tmp_path: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text("utf-8").replace("  - jrs\n", "  - jrs:\n      drafts: true\n")
    )
    try:
        result = build(project)
    finally:
        config.write_text(
            config.read_text("utf-8").replace("  - jrs:\n      drafts: true\n", "  - jrs\n")
        )
    assert result.returncode != 0
    assert "jrs-site serve --drafts" in result.stderr
