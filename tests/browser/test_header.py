"""Material's header and sidebars, made valid HTML (no `autocomplete` on its checkboxes, no
TOC label without its control), still work: the phone's drawer opens and is closed again on a
page shown anew; the guide's table of contents shows on a desktop."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, PHONE, VisitAt


@pytest.mark.parametrize("lang", ["", "fr/"])
def test_the_phone_drawer_opens_and_a_page_shown_again_has_it_closed(
    visit_at: VisitAt, lang: str
) -> None:
    visit = visit_at(PHONE)
    page = visit.open(f"{lang}stories/esther/")
    drawer = page.locator(".md-sidebar--primary")
    expect(drawer).not_to_be_in_viewport()
    page.click('.md-header label[for="__drawer"]')
    expect(drawer).to_be_in_viewport()
    link = drawer.locator('a.md-nav__link[href$="about/"]').first
    with page.expect_navigation():
        link.click()
    expect(page.locator("#__drawer")).not_to_be_checked()
    page.go_back(wait_until="networkidle")
    expect(page.locator("#__drawer")).not_to_be_checked()
    expect(drawer).not_to_be_in_viewport()
    assert visit.errors == []


@pytest.mark.parametrize("lang", ["", "fr/"])
def test_the_guide_shows_its_table_of_contents_on_a_desktop(visit_at: VisitAt, lang: str) -> None:
    visit = visit_at(DESKTOP)
    page = visit.open(f"{lang}guide/testimony/")
    toc = page.locator(".md-sidebar--secondary")
    expect(toc.locator(".md-nav__title")).to_be_visible()
    expect(toc.locator(".md-nav__link").first).to_be_visible()
    first = toc.locator(".md-nav__link").first
    target = first.get_attribute("href")
    assert target and target.startswith("#")
    first.click()
    page.wait_for_function(f"location.hash === {target!r}")
    assert visit.errors == []
