"""Chromium on the site built from hostile text (`tests/site/hostile.py`): no dialog opens,
nothing is requested from another host, the text shows as typed, and searching for it finds
it as text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import DESKTOP, Visit, serving
from tests.conftest import Built
from tests.site.hostile import NAME, hostile, shown, value

__all__ = ["hostile"]  # the session fixture
pytestmark = pytest.mark.slow  # builds a whole site
PAGES = ["stories/esther/", "stories/", "editions/118/", "reports/detention-2024/", "", "about/"]
#: What the hostile text would add if it were markup.
INJECTED = "[onerror], [onmouseover], [onload], img[src='x'], b"


@pytest.fixture(scope="module")
def hostile_server(hostile: Built) -> Iterator[str]:
    with serving(hostile.site) as base:
        yield base


@pytest.fixture
def tab(browser: Browser, hostile_server: str) -> Iterator[tuple[Visit, list[str]]]:
    """A tab that records requests and every dialog (dismissed, so the page goes on)."""
    context = browser.new_context(viewport={"width": DESKTOP, "height": 900})
    visit = Visit(context.new_page(), hostile_server)
    visit.watch()
    dialogs: list[str] = []
    visit.page.on("dialog", lambda d: (dialogs.append(f"{d.type}: {d.message}"), d.dismiss()))
    yield visit, dialogs
    context.close()


def settled(page: Page) -> None:
    """Wait until the page's own deferred script has run (it shows the search button)."""
    expect(page.locator(".jrs-search-open")).to_be_visible()


@pytest.mark.parametrize("path", PAGES)
@pytest.mark.parametrize("lang", ["", "fr/"])
def test_hostile_text_runs_nothing_and_loads_nothing(
    tab: tuple[Visit, list[str]], path: str, lang: str
) -> None:
    visit, dialogs = tab
    page = visit.open(lang + path)
    settled(page)
    expect(page.locator(INJECTED)).to_have_count(0)
    expect(page.locator("script", has_text="alert(")).to_have_count(0)
    for element in page.locator(".jrs-facts span, .jrs-byline__name, h1").all()[:4]:
        element.hover()  # an onmouseover, had it survived, would fire now
    assert dialogs == []
    assert visit.foreign == []


def test_the_testimony_shows_the_text_as_typed(tab: tuple[Visit, list[str]]) -> None:
    visit, dialogs = tab
    page = visit.open("stories/esther/")
    expect(page.locator("h1.jrs-story__title")).to_have_text(shown(value("title")))
    expect(page.locator(".jrs-facts span").first).to_contain_text(shown(NAME))
    expect(page).to_have_title(f"{shown(value('title'))} - Ankerpunt")
    assert dialogs == [] and visit.foreign == []


def test_searching_the_hostile_text_finds_it_as_text(tab: tuple[Visit, list[str]]) -> None:
    visit, dialogs = tab
    page = visit.open("stories/")
    settled(page)
    page.click(".jrs-search-open")
    page.fill(".jrs-search__input", "onerror")
    results = page.locator(".jrs-search__results li a")
    expect(results.first).to_be_visible()
    expect(
        page.locator(".jrs-search__results a", has_text=shown(value("title"))).first
    ).to_be_visible()
    expect(page.locator(f".jrs-search__results :is({INJECTED})")).to_have_count(0)
    assert dialogs == [] and visit.foreign == []
