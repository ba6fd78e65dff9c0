"""A right-to-left site language in Chromium: every kind of page in Arabic, on a phone and a
desktop, is mirrored (Material's layout and ours), logs no error and has no axe-core
violation; the Dutch text an untranslated item shows inside it reads left to right.

Screenshots: test-artifacts/screenshots/rtl-<kind>-<width>.png.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Route, expect

from jrs_site.render import l10n
from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS, Visit, serving
from tests.browser.kinds import PAGES
from tests.browser.test_pages import axe_violations, scroll_to_bottom
from tests.conftest import Built
from tests.mail.test_email import HOST

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
        "article.jrs-story, .jrs-story .jrs-body p, .jrs-story .jrs-lead, .jrs-story h1",
        "ps => ps.map((p) => [p.closest('[lang]').lang, getComputedStyle(p).direction])",
    )
    assert len(directions) > 3
    assert set(map(tuple, directions)) == {("nl", "ltr")}
    note = page.locator(".jrs-untranslated")
    assert note.evaluate("n => [n.lang, getComputedStyle(n).direction]") == ["ar", "rtl"]
    # The note names Dutch in Arabic, inside an Arabic sentence: no Latin letter in it.
    assert "النسخة الهولندية" in note.inner_text()
    context.close()


#: How far the text of the first heading that reads left to right ends from its box's right.
LATIN_HEADING_GAP = """() => {
  const heading = document.querySelector('.md-content h1[dir=ltr]');
  const text = document.createRange();
  text.selectNodeContents(heading);
  return heading.getBoundingClientRect().right - text.getBoundingClientRect().right;
}"""


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_a_latin_heading_keeps_the_page_s_start(browser: Browser, arabic: str, width: int) -> None:
    """The site's name heading the Arabic home page reads left to right (`dir="ltr"`) but
    stands on the right, where the page's other headings start."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = Visit(context.new_page(), arabic).open("")
    page.wait_for_function(f"() => ({LATIN_HEADING_GAP})() < 2")
    context.close()


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_search_in_arabic(browser: Browser, arabic: str, width: int) -> None:
    """The dialog is mirrored, accessible, and counts its results with Arabic's forms."""
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = Visit(context.new_page(), arabic).open("")
    page.click(".jrs-search-open")
    page.fill(".jrs-search__input", "مريم")
    status = page.locator(".jrs-search__status")
    expect(status).not_to_be_empty()
    expect(page.locator(".jrs-search__results a").first).to_be_visible()
    count = page.locator(".jrs-search__results li").count()
    expect(status).to_have_text(l10n.t("ar", "search_results", count=count))
    direction = "e => getComputedStyle(e).direction"
    assert page.locator(".jrs-search__input").evaluate(direction) == "rtl"
    close, field = (
        page.locator(s).bounding_box() for s in (".jrs-search__close", "#jrs-search-input")
    )
    assert close and field and close["x"] < field["x"], "the close button is at the end: left"
    assert axe_violations(page) == []
    page.screenshot(path=SCREENSHOTS / f"rtl-search-{width}.png")
    context.close()


def test_the_arabic_email_reads_right_to_left(browser: Browser, added_languages: Built) -> None:
    """The e-mail's column and its Arabic story right to left, its Dutch articles left to right."""
    context = browser.new_context(viewport={"width": 600, "height": 900})
    page = context.new_page()
    page.route(lambda url: not url.startswith("file:"), lambda route: serve(route, added_languages))
    page.goto((added_languages.site / "email/ankerpunt-nieuws-118-ar.html").as_uri())
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    articles = [
        tuple(each)
        for each in page.eval_on_selector_all(
            "td.article", "tds => tds.map((td) => [td.lang, getComputedStyle(td).direction])"
        )
    ]
    assert ("ar", "rtl") in articles and ("nl", "ltr") in articles
    assert {direction for lang, direction in articles if lang == "nl"} == {"ltr"}
    page.wait_for_load_state("networkidle")
    page.screenshot(path=SCREENSHOTS / "rtl-email-600.png", full_page=True)
    context.close()


def serve(route: Route, built: Built) -> None:
    """An e-mail's photo from the built site (its address starts with `site_url`)."""
    url = urlparse(route.request.url)
    published = built.site / url.path.lstrip("/")
    if url.netloc == HOST and published.is_file():
        route.fulfill(path=str(published))
    else:
        route.abort()
