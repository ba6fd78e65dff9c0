"""Loading the same unchanged content twice in one process reads it once; the next process
reads again only what changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from jrs_site.load import read
from jrs_site.load.loader import _FOLDERS, _LAST, load_site


def new_process() -> None:
    """Forget what this process loaded, as a new process starts."""
    _LAST.clear()
    _FOLDERS.clear()


def test_loading_again_reuses_the_site_until_a_source_changes(content: Path) -> None:
    site, problems = load_site(content)
    assert load_site(content) == (site, problems)
    assert load_site(content)[0] is site

    story = content / "stories/samira/nl.md"
    text = story.read_text("utf-8")
    story.write_text(text.replace("Verhaal", "Verhael"), "utf-8")  # the same size, at once
    again, _ = load_site(content)
    assert again is not site
    assert "Verhael" in again.stories["samira"].texts["nl"].body


def test_an_unchanged_edition_is_remembered_and_linked_again_when_what_it_includes_changes(
    content: Path,
) -> None:
    site, _ = load_site(content)
    edition = site.editions["118"]
    other = content / "stories/yonas/nl.md"  # in no edition
    other.write_text(other.read_text("utf-8") + "\nMeer.\n", "utf-8")
    again, _ = load_site(content)
    assert again is not site
    assert again.editions["118"] is edition  # neither read nor linked again
    assert again.editions["118"].articles[1] is again.stories["samira"]

    story = content / "stories/samira/nl.md"
    story.write_text(story.read_text("utf-8").replace("Verhaal", "Verhael"), "utf-8")
    changed, _ = load_site(content)
    linked = changed.editions["118"]
    assert linked is not edition and linked.meta is edition.meta  # linked again, not read
    assert linked.articles[1] is changed.stories["samira"]
    assert "Verhael" in linked.articles[1].texts["nl"].body
    assert [a.key for a in edition.articles] == [a.key for a in linked.articles]  # unchanged


def test_linking_derives_a_new_edition_and_leaves_the_one_read_as_it_was(content: Path) -> None:
    site, _ = load_site(content)
    read = _FOLDERS[("read", content / "editions/118")][1]
    assert read.articles == [] and read.report_bodies == set()
    assert [a.key for a in site.editions["118"].articles] == [
        "editorial",
        "samira",
        "detention-2024",
    ]


def test_a_photo_credit_is_checked_again_when_the_authors_change(content: Path) -> None:
    assert not [p for p in load_site(content)[1] if "no author 'eva'" in p.message]
    authors = content / "data/authors.yml"
    authors.write_text(authors.read_text("utf-8").replace("id: eva", "id: eva-p"), "utf-8")
    problems = load_site(content)[1]
    wrong = {(p.file.parent.name, p.field) for p in problems if "no author 'eva'" in p.message}
    assert wrong == {("118", "photos.cover.jpg.credit")} | {
        (story, "photos.portrait.jpg.credit") for story in ("samira", "yonas")
    }


def test_a_page_of_docs_is_checked_again_when_it_changes(content: Path) -> None:
    for lang in ("nl", "fr"):
        (content / "docs" / lang).mkdir(parents=True, exist_ok=True)
        (content / "docs" / lang / "about.md").write_text("# Over\n\nTekst.\n", "utf-8")
    page = content / "docs/nl/about.md"
    assert not [p for p in load_site(content)[1] if p.file == page]
    page.write_text("# Over\n\n<script>alert(1)</script>\n", "utf-8")
    assert [p for p in load_site(content)[1] if p.file == page]


def test_the_next_process_reads_again_only_the_folders_that_changed(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    new_process()
    load_site(content, cache)
    story = content / "stories/samira/nl.md"
    story.write_text(story.read_text("utf-8").replace("Verhaal", "Verhael"), "utf-8")

    new_process()
    folders_read: list[Path] = []
    read_bundle = read._read_bundle  # noqa: SLF001 - counted, then called

    def counted(loading: read.Loading, folder: Path, cls: type) -> object:
        folders_read.append(folder)
        return read_bundle(loading, folder, cls)

    monkeypatch.setattr(read, "_read_bundle", counted)
    again = load_site(content, cache)
    items_read = [f for f in folders_read if f.parent.parent == content]  # not an edition's
    assert items_read == [content / "stories/samira"]  # articles, which are read with it
    assert "Verhael" in again[0].stories["samira"].texts["nl"].body

    new_process()
    assert load_site(content) == again  # what a process with no cache loads


def test_kept_steps_that_cannot_be_read_are_made_again(content: Path, tmp_path: Path) -> None:
    """A kept file cut short (a build killed while writing it elsewhere) is not an error."""
    cache = tmp_path / "cache"
    new_process()
    loaded = load_site(content, cache)
    (kept,) = (cache / "load").glob("*.pickle")
    kept.write_bytes(kept.read_bytes()[:1000])
    new_process()
    assert load_site(content, cache) == loaded
