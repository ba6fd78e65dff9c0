"""A preview (`load_site(..., drafts=True)`) shows the draft stories that have no error and
whose consent covers the use; an ordinary load shows no draft."""

from __future__ import annotations

from pathlib import Path

from jrs_site.load.loader import load_site
from tests.conftest import STORY_META, make_story


def shown(content: Path, drafts: bool, use: str = "web") -> list[str]:
    site, _ = load_site(content, drafts=drafts)
    return [s.key for s in site.published_stories(use)]


def test_a_valid_draft_is_shown_in_a_preview_only(content: Path) -> None:
    make_story(content, "lina", draft=True)
    assert "lina" in shown(content, drafts=True)
    assert "lina" not in shown(content, drafts=False)
    assert "lina" not in shown(content, drafts=False, use="print")


def test_a_preview_respects_consent(content: Path) -> None:
    consent = {**STORY_META["consent"], "uses": ["print"]}
    make_story(content, "lina", draft=True, consent=consent)
    assert "lina" not in shown(content, drafts=True)
    assert "lina" in shown(content, drafts=True, use="print")


def test_a_draft_with_an_error_is_not_previewed(content: Path) -> None:
    folder = make_story(content, "lina", draft=True)
    (folder / "portrait.jpg").unlink()
    site, problems = load_site(content, drafts=True)
    assert "lina" in site.stories  # loaded, but its missing photo keeps it out of the preview
    assert "lina" not in [s.key for s in site.published_stories("web")]
    assert not any(p.severity == "error" for p in problems)
