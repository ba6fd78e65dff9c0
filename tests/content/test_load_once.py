"""Loading the same unchanged content twice in one process reads it once."""

from __future__ import annotations

from pathlib import Path

from jrs_site.load.loader import _FOLDERS, load_site


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
