"""Loading the same unchanged content twice in one process reads it once."""

from __future__ import annotations

from pathlib import Path

from jrs_site.load.loader import load_site


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
