"""Right-to-left text of edition 119 (`tests/voices/`) as Chromium sets it: the direction it
computes for each block, and axe on its pages."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import DESKTOP, PHONE, Visit, serving
from tests.browser.test_pages import axe_violations
from tests.conftest import Built

DIRECTION = "element => getComputedStyle(element).direction"


@pytest.fixture(scope="module")
def voices_server(voices: Built) -> Iterator[str]:
    with serving(voices.site) as base:
        yield base


def tab(browser: Browser, base: str, width: int) -> Iterator[Visit]:
    context = browser.new_context(viewport={"width": width, "height": 900})
    visit = Visit(context.new_page(), base)
    visit.watch()
    yield visit
    context.close()


@pytest.fixture
def visit(browser: Browser, voices_server: str) -> Iterator[Visit]:
    yield from tab(browser, voices_server, DESKTOP)


def directions(page: Page, selector: str, containing: str) -> list[str]:
    """The computed direction of each element matching `selector` whose text holds
    `containing`, once at least one is there."""
    expect(page.locator(selector, has_text=containing).first).to_be_attached()
    return page.locator(selector, has_text=containing).evaluate_all(
        f"elements => elements.map({DIRECTION})"
    )


@pytest.mark.parametrize("prefix", ["", "fr/"])
def test_chromium_sets_right_to_left_blocks_right_to_left(visit: Visit, prefix: str) -> None:
    page = visit.open(f"{prefix}editions/119/")
    assert set(directions(page, "article p", "منتظر هستیم")) == {"rtl"}
    assert set(directions(page, "article span[lang=ps]", "ښه")) == {"rtl"}
    # A Dutch or French sentence around an Arabic name stays left to right.
    assert set(directions(page, "article p", "Samira")) == {"ltr"}
    page = visit.open(f"{prefix}stories/samira-yusuf/")
    assert directions(page, "article p.turn", "بيتنا") == ["rtl"]
    assert directions(page, "figure.pullquote blockquote", "الصبر") == ["rtl"]
    quote = page.locator("figure.pullquote", has_text="الصبر")
    sides = quote.evaluate(
        "e => [getComputedStyle(e).borderLeftWidth, getComputedStyle(e).borderRightWidth]"
    )
    assert sides == ["0px", "4px"]  # the quote's rule on its reading side
    assert set(directions(page, "article p.turn", "Yusuf")) == {"ltr"}
    page = visit.open(f"{prefix}reports/voices-2025/")
    # A table cell in the text's language naming a language in its own script: its direction.
    assert set(directions(page, "td", "العربية")) == {"ltr"}
    assert set(directions(page, "td span", "العربية")) == {"rtl"}
    assert visit.errors == []


@pytest.mark.parametrize(
    "path", ["editions/119/", "fr/stories/samira-yusuf/", "reports/voices-2025/"]
)
def test_pages_in_many_scripts_have_no_axe_violations(
    browser: Browser, voices_server: str, path: str
) -> None:
    for width in (PHONE, DESKTOP):
        for visit in tab(browser, voices_server, width):
            page = visit.open(path)
            assert axe_violations(page) == []
            assert visit.foreign == [] and visit.errors == []
