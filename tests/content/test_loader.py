"""The content model: valid content loads; each mistake names the file and the field."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from jrs_site.load.loader import load_site
from jrs_site.model.bundles import Report, Story
from tests.conftest import STORY_META, make_story, write_md, write_yaml


def errors(root: Path) -> list:
    return [p for p in load_site(root)[1] if p.severity == "error"]


def test_valid_content_loads_and_links(content: Path) -> None:
    site, problems = load_site(content)
    assert [p for p in problems if p.severity == "error"] == []
    edition = site.editions["118"]
    assert [a.key for a in edition.articles] == ["editorial", "samira", "detention-2024"]
    assert isinstance(edition.articles[1], Story) and isinstance(edition.articles[2], Report)
    # Same date: by folder name, descending.
    assert [s.key for s in site.published_stories()] == ["yonas", "samira"]


def test_published_stories_are_newest_first(content: Path) -> None:
    make_story(content, "aziz", date="2025-11-20")
    make_story(content, "zara", date="2024-01-05")
    site, _ = load_site(content)
    assert [s.key for s in site.published_stories()] == ["aziz", "yonas", "samira", "zara"]


@pytest.mark.parametrize("field", ["person", "country", "arrived", "date", "consent"])
def test_missing_required_story_field_is_named(content: Path, field: str) -> None:
    meta = dict(STORY_META)
    del meta[field]
    write_yaml(content / "stories/samira/story.yml", meta)
    found = errors(content)
    assert any(
        p.file.name == "story.yml" and p.field == field and "missing" in p.message for p in found
    ), found


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("date", "gisteren", "date"),
        ("arrived", "tweeduizend negentien", "integer"),
        ("country", "Syria", "two-letter country code"),
        ("draft", "misschien", "boolean"),
    ],
)
def test_mistyped_story_field_is_named(
    content: Path, field: str, value: str, expected: str
) -> None:
    write_yaml(content / "stories/samira/story.yml", {**STORY_META, field: value})
    found = [p for p in errors(content) if p.field == field]
    assert found and expected in found[0].message and value in found[0].message, found
    assert found[0].file == content / "stories/samira/story.yml"
    assert found[0].line is not None


def test_misspelt_field_suggests_the_right_name(content: Path) -> None:
    meta = {**STORY_META, "consnet": STORY_META["consent"]}
    write_yaml(content / "stories/samira/story.yml", meta)
    found = [p for p in errors(content) if p.field == "consnet"]
    assert found and "did you mean 'consent'" in found[0].hint


@pytest.mark.parametrize("field", ["title", "lead"])
def test_missing_text_field_names_language_file(content: Path, field: str) -> None:
    path = content / "stories/samira/fr.md"
    meta = yaml.safe_load(path.read_text().split("---")[1])
    del meta[field]
    write_md(path, meta)
    found = errors(content)
    assert any(p.file == path and p.field == field for p in found), found


def test_all_problems_reported_at_once(content: Path) -> None:
    write_yaml(content / "stories/samira/story.yml", {**STORY_META, "country": "XX"})
    write_yaml(content / "stories/yonas/story.yml", {**STORY_META, "arrived": "x"})
    (content / "editions/118/editorial/fr.md").write_text("no front matter", "utf-8")
    files = {p.file.name for p in errors(content)}
    assert {"story.yml", "fr.md"} <= files
    assert len(errors(content)) >= 3


def test_malformed_front_matter_gives_line(content: Path) -> None:
    path = content / "stories/samira/nl.md"
    path.write_text('---\ntitle: "unclosed\nlead: x\n---\nBody\n', "utf-8")
    found = [p for p in errors(content) if p.file == path]
    assert found and found[0].line is not None and "quote" in found[0].message


def test_bom_and_crlf_are_accepted(content: Path) -> None:
    path = content / "stories/samira/nl.md"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert errors(content) == []


def test_not_utf8_is_refused_with_line(content: Path) -> None:
    path = content / "stories/samira/nl.md"
    path.write_bytes(path.read_bytes() + "café\n".encode("latin-1"))
    found = [p for p in errors(content) if p.file == path]
    assert found and "UTF-8" in found[0].message


def test_unknown_references_are_errors(content: Path) -> None:
    write_yaml(
        content / "editions/118/edition.yml",
        {
            "number": 118,
            "date": "2025-10-15",
            "articles": ["editorial", {"story": "samria"}, {"report": "nope"}, "editorial"],
        },
    )
    messages = [p.message + p.hint for p in errors(content)]
    assert any("no story 'samria'" in m and "samira" in m for m in messages), messages
    assert any("no report 'nope'" in m for m in messages)
    assert any("listed twice" in m for m in messages)


def test_edition_with_draft_story_is_an_error(content: Path) -> None:
    write_yaml(content / "stories/samira/story.yml", {**STORY_META, "draft": True})
    assert any("samira" in p.message and "draft" in p.message for p in errors(content))


def test_story_without_web_consent_is_not_published(content: Path) -> None:
    consent = {**STORY_META["consent"], "uses": ["print"]}
    write_yaml(content / "stories/yonas/story.yml", {**STORY_META, "consent": consent})
    site, _ = load_site(content)
    assert "yonas" not in [s.key for s in site.published_stories("web")]
    assert "yonas" in [s.key for s in site.published_stories("print")]


def test_missing_photo_and_missing_alt(content: Path) -> None:
    path = content / "stories/samira/fr.md"
    write_md(path, {"title": "T", "lead": "L"}, "![](absent.jpg)\n")
    found = [p for p in errors(content) if p.file == path]
    messages = " ".join(p.message for p in found)
    assert "portrait photo has no alt text" in messages
    assert "'absent.jpg' does not exist" in messages
    assert "no alt text" in messages


def test_photo_outside_the_folder_is_refused(content: Path) -> None:
    path = content / "stories/samira/nl.md"
    write_md(
        path, {**yaml.safe_load(path.read_text().split("---")[1])}, "![x](../yonas/portrait.jpg)\n"
    )
    assert any("outside this item's folder" in p.message for p in errors(content))


def test_slug_collision_after_folding(content: Path) -> None:
    make_story(content, "samira-2")
    (content / "stories/Samíra").mkdir()
    found = errors(content)
    assert any("cannot be used in a web address" in p.message and "samira" in p.hint for p in found)


def test_missing_translation_is_a_warning_and_falls_back(content: Path) -> None:
    (content / "stories/yonas/fr.md").unlink()
    site, problems = load_site(content)
    assert any(p.severity == "warning" and "French" in p.message for p in problems)
    assert site.stories["yonas"].text("fr").lang == "nl"


def test_raw_script_is_refused(content: Path) -> None:
    path = content / "stories/samira/nl.md"
    write_md(
        path, yaml.safe_load(path.read_text().split("---")[1]), "Hi\n\n<script>alert(1)</script>\n"
    )
    found = [p for p in errors(content) if p.file == path]
    script_line = path.read_text().splitlines().index("<script>alert(1)</script>") + 1
    assert found and "<script>" in found[0].message and found[0].line == script_line
