"""Every kind of page, in both languages, on a phone and a desktop: it loads nothing from
another host, logs no error, and axe-core finds no violation of any impact.

Each page is loaded once (scrolled to the bottom so lazy images load) and screenshotted into
test-artifacts/screenshots/; the checks below read what that visit recorded.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS, Visit
from tests.browser.kinds import LANGS, PAGES

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
CASES = [(kind, lang, width) for kind in PAGES for lang in LANGS for width in (PHONE, DESKTOP)]
IDS = [f"{kind}-{lang}-{width}" for kind, lang, width in CASES]


#: Files whose size grows with the archive: no page may fetch them just by loading.
GROWING = ("sitemap.xml", "feed.xml", "pagefind/")


@dataclass(frozen=True)
class Inspection:
    errors: list[str]
    foreign: list[str]
    violations: list[str]  # "impact rule: where (how to fix)"
    requests: list[str]


def scroll_to_bottom(page: Page) -> None:
    """Scroll in steps, so lazy images load, wait for them, and come back to the top (where
    the sticky header belongs in a full-page screenshot)."""
    page.evaluate(
        """async () => {
          for (let y = 0; y < document.body.scrollHeight; y += innerHeight / 2) {
            scrollTo(0, y);
            await new Promise((r) => setTimeout(r, 30));
          }
        }"""
    )
    page.wait_for_load_state("networkidle")
    page.wait_for_function("Array.from(document.images).every((img) => img.complete)")
    page.evaluate("scrollTo(0, 0)")


def axe_violations(page: Page) -> list[str]:
    """axe-core's violations on the page as it is now, of any impact."""
    page.add_script_tag(path=AXE)
    result: dict[str, Any] = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{v['impact']} {v['id']}: {node['target']} ({node['failureSummary']})"
        for v in result["violations"]
        for node in v["nodes"]
    ]


@pytest.fixture(scope="session")
def inspect(browser: Browser, server: str) -> Callable[[str, str, int], Inspection]:
    @functools.cache
    def run(kind: str, lang: str, width: int) -> Inspection:
        context = browser.new_context(viewport={"width": width, "height": 900})
        visit = Visit(context.new_page(), server)
        visit.watch()
        page = visit.open(LANGS[lang] + PAGES[kind])
        scroll_to_bottom(page)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        before = len(visit.errors)
        page.screenshot(path=SCREENSHOTS / f"{kind}-{lang}-{width}.png", full_page=True)
        violations = axe_violations(page)
        context.close()
        # Chromium draws the full-page screenshot in a viewport of another size: it fetches
        # other photo widths for it (480 px ones on a 1280 px page) and aborts those still
        # loading when it is done. Those aborts are the screenshot's, not the page's errors.
        errors = visit.errors[:before] + [
            e for e in visit.errors[before:] if not e.endswith("net::ERR_ABORTED")
        ]
        return Inspection(errors, visit.foreign, violations, visit.requests)

    return run


@pytest.mark.parametrize(("kind", "lang", "width"), CASES, ids=IDS)
def test_nothing_loads_from_another_host(inspect: Any, kind: str, lang: str, width: int) -> None:
    assert inspect(kind, lang, width).foreign == []


@pytest.mark.parametrize(("kind", "lang", "width"), CASES, ids=IDS)
def test_loading_fetches_nothing_that_grows_with_the_archive(
    inspect: Any, kind: str, lang: str, width: int
) -> None:
    """The sitemap, the feeds and the search index grow with every item: a page load (and
    a scroll to its end) must not fetch them; search loads its index only when used."""
    requests = inspect(kind, lang, width).requests
    assert requests, "the visit recorded no request"
    assert [url for url in requests if any(name in url for name in GROWING)] == []


@pytest.mark.parametrize(("kind", "lang", "width"), CASES, ids=IDS)
def test_no_errors(inspect: Any, kind: str, lang: str, width: int) -> None:
    assert inspect(kind, lang, width).errors == []


@pytest.mark.parametrize(("kind", "lang", "width"), CASES, ids=IDS)
def test_no_accessibility_violation(inspect: Any, kind: str, lang: str, width: int) -> None:
    assert inspect(kind, lang, width).violations == []
