"""The cache: an unchanged edition is not rendered again; any change to what it is made of is."""

from __future__ import annotations

from pathlib import Path

import pytest

from jrs_site.images.cache import SourceIndex
from jrs_site.load.loader import load_site
from jrs_site.model.bundles import Site
from jrs_site.outputs.pdf.cache import cache_key
from jrs_site.outputs.pdf.render import edition_pdf
from jrs_site.outputs.pdf.screen import build_screen_pdfs
from tests.conftest import write_photo
from tests.pdf.conftest import EDITION, SITE_URL, options


def test_a_second_render_comes_from_the_cache(site: Site, pdfs: dict, cache_dir: Path) -> None:
    again = edition_pdf(site, site.editions[EDITION], "nl", options("screen"), cache_dir)
    assert again.cached
    assert again.path == pdfs["nl", "screen"].path


@pytest.mark.parametrize(
    "change",
    [
        "stories/samira/nl.md",
        "stories/samira/portrait.jpg",
        "reports/detention-2024/report.yml",
        "editions/118/cover.jpg",
        "editions/118/editorial/nl.md",
        "data/organisation.yml",
    ],
)
def test_the_key_follows_every_source(content: Path, change: str, tmp_path: Path) -> None:
    def key() -> str:  # each time a new process, with the file hashes the last one saved
        site, _ = load_site(content)
        index = SourceIndex(tmp_path)
        try:
            return cache_key(site, site.editions["118"], "nl", options("screen"), index)
        finally:
            index.save()

    before = key()
    assert key() == before
    path = content / change
    if path.suffix == ".jpg":
        write_photo(path, (1200, 901))
    else:
        path.write_text(path.read_text("utf-8") + "\n# changed\n", "utf-8")
    assert key() != before


def test_the_key_differs_by_language_and_variant(content: Path, tmp_path: Path) -> None:
    site, _ = load_site(content)
    edition = site.editions["118"]
    index = SourceIndex(tmp_path)
    keys = {
        cache_key(site, edition, lang, options(variant), index)
        for lang in ("nl", "fr")
        for variant in ("print", "screen")
    }
    assert len(keys) == 4


def test_an_edited_edition_is_rendered_again(content: Path, tmp_path: Path) -> None:
    def render() -> bool:
        site, _ = load_site(content)
        return edition_pdf(site, site.editions["118"], "nl", options("screen"), tmp_path).cached

    assert render() is False
    assert render() is True
    story = content / "stories/samira/nl.md"
    story.write_text(story.read_text("utf-8") + "\nEen zin erbij.\n", "utf-8")
    assert render() is False


def test_screen_pdfs_for_the_site_come_from_the_same_cache(
    site: Site, pdfs: dict, cache_dir: Path
) -> None:
    built = build_screen_pdfs(site, cache_dir, site_url=SITE_URL)
    assert built == {(EDITION, lang): pdfs[lang, "screen"].path for lang in ("nl", "fr")}


def test_missing_screen_pdfs_are_rendered_in_worker_processes(
    site: Site, pdfs: dict, tmp_path: Path
) -> None:
    built = build_screen_pdfs(
        site, tmp_path, workers=2, site_url=SITE_URL
    )  # two missing: two workers
    assert set(built) == {(EDITION, "nl"), (EDITION, "fr")}
    for lang in ("nl", "fr"):
        again = edition_pdf(site, site.editions[EDITION], lang, options("screen"), tmp_path)
        assert again.cached and again.path == built[EDITION, lang]
        serial = pdfs[lang, "screen"]  # rendered in this process
        assert (again.pages, again.added, again.source) == (
            serial.pages,
            serial.added,
            serial.source,
        )
