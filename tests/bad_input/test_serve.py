"""`jrs-site serve` for real: a saved story is rebuilt, a content error shows on every page
and in the terminal while the server keeps running, and the fix brings the story back."""

from __future__ import annotations

import html
import re
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest

from tests.conftest import fetch, jrs_serve, wait_for
from tests.tools import require, run

STORY = "stories/esther"


@pytest.fixture
def server(project: Path, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`jrs-site serve` in a copy of the example; its base URL and its terminal output."""
    log = tmp_path / "serve.log"
    with log.open("w") as out, jrs_serve(project, output=out) as (base, _):
        yield base, log


def test_serve_rebuilds_and_shows_content_errors_without_stopping(
    server: tuple[str, Path], project: Path
) -> None:
    base, log = server
    story_url = f"{base}{STORY}/"
    wait_for(lambda: fetch(story_url)[0] == 200, "the first build")

    nl = project / STORY / "nl.md"
    nl.write_text(nl.read_text("utf-8").replace("Ik telde de vliegtuigen", "Ik telde treinen"))
    wait_for(lambda: "Ik telde treinen" in fetch(story_url)[1], "the rebuild after a save")

    meta = project / STORY / "story.yml"
    good = meta.read_text("utf-8")
    meta.write_text(good.replace("country: CD", "country: Congo"), "utf-8")
    wait_for(lambda: "jrs-problems" in fetch(base)[1], "the error banner")
    status, page = fetch(story_url)
    # The banner escapes what it shows (the quotes are &#39; in the HTML).
    assert status == 404 and "'Congo' is not a two-letter country code" in html.unescape(page)
    assert "stories/esther/story.yml" in fetch(f"{base}fr/about/")[1]
    assert "'Congo' is not a two-letter country code" in log.read_text("utf-8")

    meta.write_text(good, "utf-8")
    wait_for(lambda: fetch(story_url)[0] == 200, "the story back after the fix")
    assert "jrs-problems" not in fetch(base)[1]


def _pdf_text(url: str) -> str:
    """The text of the PDF at `url` (pdftotext), or "" while it is not there."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own server
            data = response.read()
    except OSError:
        return ""
    return run("pdftotext", "-", "-", input=data, check=False)


def test_a_save_shows_before_the_pdfs_it_changes_are_made(
    server: tuple[str, Path], project: Path
) -> None:
    """The edition cites the story: its page comes back at once, saying its PDF is being made
    again; the PDF then follows with the change, without another save."""
    require("pdftotext")
    base, log = server
    edition_url = f"{base}editions/118/"
    wait_for(lambda: fetch(edition_url)[0] == 200, "the first build")
    link = re.search(r'class="jrs-pdf"><a href="([^"]+)"', fetch(edition_url)[1])
    assert link is not None
    pdf_url = urljoin(edition_url, link.group(1))
    wait_for(lambda: "vliegtuigen" in _pdf_text(pdf_url), "the first PDF, after the pages")

    nl = project / STORY / "nl.md"
    nl.write_text(nl.read_text("utf-8").replace("Ik telde de vliegtuigen", "Ik telde de boten"))
    wait_for(lambda: "de boten" in fetch(f"{base}{STORY}/")[1], "the story after the save")
    assert "wordt bijgewerkt" in fetch(edition_url)[1] or "de boten" in _pdf_text(pdf_url)
    wait_for(lambda: "de boten" in _pdf_text(pdf_url), "the PDF made again after the save")
    assert "screen PDF(s) to make again, after the pages" in log.read_text("utf-8")
