"""A right-to-left site language in Chromium: every kind of page in Arabic, on a phone and a
desktop, is mirrored (Material's layout and ours), logs no error and has no axe-core
violation; the Dutch text an untranslated item shows inside it reads left to right.

Screenshots: test-artifacts/screenshots/rtl-<kind>-<width>.png.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS, Visit, serving
from tests.browser.kinds import PAGES
from tests.browser.test_pages import axe_violations, scroll_to_bottom
from tests.conftest import Built

#: Each kind of page, and an untranslated testimony (Dutch in an Arabic page).
KINDS = {**PAGES, "fallback": "stories/esther/"}
CASES = [(kind, width) for kind in KINDS for width in (PHONE, DESKTOP)]
IDS = [f"{kind}-{width}" for kind, width in CASES]

#: Where the page's landmarks are: Material's header buttons, the sidebars, our content.
LAYOUT = """() => {
  const box = (s) => { const e = document.querySelector(s); if (!e) return null;
    const r = e.getBoundingClientRect(); return r.width ? {left: r.left, right: r.right} : null; };
  return {
    body: getComputedStyle(document.body).direction,
    content: getComputedStyle(document.querySelector('.md-content')).direction,
    logo: box('.md-header__button.md-logo') || box('label.md-header__button[for=__drawer]'),
    nav: box('.md-sidebar--primary .md-nav'),
    main: box('.md-content'),
    width: innerWidth,
  };
}"""


@dataclass(frozen=True)
class Seen:
    errors: list[str]
    violations: list[str]
    layout: dict[str, object]


@pytest.fixture(scope="module")
def arabic(added_languages: Built) -> Iterator[str]:
    with serving(added_languages.site) as base:
        yield base + "ar/"


@pytest.fixture(scope="module")
def look(browser: Browser, arabic: str) -> Callable[[str, int], Seen]:
    @functools.cache
    def run(kind: str, width: int) -> Seen:
        context = browser.new_context(viewport={"width": width, "height": 900})
        visit = Visit(context.new_page(), arabic)
        visit.watch()
        page = visit.open(KINDS[kind])
        scroll_to_bottom(page)
        seen = Seen(list(visit.errors), axe_violations(page), page.evaluate(LAYOUT))
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"rtl-{kind}-{width}.png", full_page=True)
        context.close()
        return seen

    return run


@pytest.mark.parametrize(("kind", "width"), CASES, ids=IDS)
def test_every_arabic_page_is_mirrored(
    look: Callable[[str, int], Seen], kind: str, width: int
) -> None:
    layout = look(kind, width).layout
    assert layout["body"] == layout["content"] == "rtl"
    logo, middle = layout["logo"], layout["width"] / 2  # type: ignore[operator]
    assert isinstance(logo, dict) and logo["left"] > middle, layout  # the header starts right
    nav, main = layout["nav"], layout["main"]
    if width == DESKTOP and isinstance(nav, dict) and isinstance(main, dict):
        assert nav["left"] >= main["right"] - 1, layout  # the navigation is on the right


@pytest.mark.parametrize(("kind", "width"), CASES, ids=IDS)
def test_no_axe_violation_nor_error_in_arabic(
    look: Callable[[str, int], Seen], kind: str, width: int
) -> None:
    seen = look(kind, width)
    assert seen.violations == []
    assert seen.errors == []


def test_dutch_fallback_reads_left_to_right_inside_arabic(browser: Browser, arabic: str) -> None:
    context = browser.new_context(viewport={"width": DESKTOP, "height": 900})
    page = Visit(context.new_page(), arabic).open(KINDS["fallback"])
    directions = page.eval_on_selector_all(
        ".jrs-story .jrs-body p, .jrs-story .jrs-lead, .jrs-story h1",
        "ps => ps.map((p) => [p.closest('[lang]').lang, getComputedStyle(p).direction])",
    )
    assert len(directions) > 3
    assert set(map(tuple, directions)) == {("nl", "ltr")}
    note = page.locator(".jrs-untranslated")
    assert note.evaluate("n => [n.lang, getComputedStyle(n).direction]") == ["ar", "rtl"]
    # The note names Dutch in Arabic, inside an Arabic sentence: no Latin letter in it.
    assert "النسخة الهولندية" in note.inner_text()
    context.close()
