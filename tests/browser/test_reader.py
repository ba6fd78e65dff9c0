"""What a reader does: switch language, search, read on a phone, download the newsletter."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import DESKTOP, PHONE, VisitAt
from tests.browser.test_pages import axe_violations

NAME = "Esther"  # a name in testimonies and the edition of both languages


def test_language_switcher_leads_to_the_same_testimony(visit_at: VisitAt) -> None:
    visit = visit_at(DESKTOP)
    page = visit.open("stories/esther/")
    page.hover(".md-select")
    page.click('.md-select a[hreflang="fr"]')
    page.wait_for_load_state()
    assert page.url == visit.base + "fr/stories/esther/"
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator('.md-select a[hreflang="nl"]').get_attribute("lang") == "nl"


@pytest.mark.parametrize(("start", "prefix"), [("fr/", "/fr/"), ("", "/")])
def test_search_finds_pages_of_the_page_language_only(
    visit_at: VisitAt, start: str, prefix: str
) -> None:
    visit = visit_at(PHONE)
    page = visit.open(start + "stories/")
    page.click(".jrs-search-open")
    page.fill(".jrs-search__input", NAME)
    page.wait_for_selector(".jrs-search__results li a")
    hrefs = page.eval_on_selector_all(
        ".jrs-search__results a", "links => links.map((a) => a.getAttribute('href'))"
    )
    assert f"{prefix}stories/esther/" in hrefs
    assert all(href.startswith(prefix) for href in hrefs), hrefs
    if prefix == "/":
        assert not any(href.startswith("/fr/") for href in hrefs), hrefs
    assert re.match(r"\d+ ", page.inner_text(".jrs-search__status"))
    assert axe_violations(page) == [], "the open search dialog must be accessible too"
    page.keyboard.press("Escape")
    assert not page.is_visible(".jrs-search")
    assert visit.errors == [] and visit.foreign == []


def test_search_stems_french_words(visit_at: VisitAt) -> None:
    """ "comptons" is in no text, but Esther's "comptais" shares its French stem."""
    page = visit_at(DESKTOP).open("fr/")
    page.click(".jrs-search-open")
    page.fill(".jrs-search__input", "comptons")
    page.wait_for_selector(".jrs-search__results li a")
    hrefs = page.eval_on_selector_all(
        ".jrs-search__results a", "links => links.map((a) => a.getAttribute('href'))"
    )
    assert "/fr/stories/esther/" in hrefs


def test_a_phone_loads_a_small_photo(visit_at: VisitAt) -> None:
    page = visit_at(PHONE).open("stories/esther/")
    image = page.locator("article.jrs-story picture img").first
    image.scroll_into_view_if_needed()
    page.wait_for_function("(img) => img.complete && img.currentSrc", arg=image.element_handle())
    source = image.evaluate("img => img.currentSrc")
    assert re.search(r"-(480|800)\.(avif|webp|jpg)$", source), source


def test_skip_link_moves_to_the_content(visit_at: VisitAt) -> None:
    page = visit_at(DESKTOP).open("fr/stories/esther/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('md-skip')")
    assert page.is_visible(".md-skip")
    page.keyboard.press("Enter")
    assert page.url.endswith("#jrs-content")
    page.keyboard.press("Tab")
    after = """() => {
      const content = document.getElementById("jrs-content"), focused = document.activeElement;
      return content.contains(focused) ||
        Boolean(content.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING);
    }"""
    assert page.evaluate(after), "the next Tab goes on from the content, not from the header"


@pytest.mark.parametrize("lang", ["", "fr/"])
def test_edition_pdf_link_downloads_a_pdf(visit_at: VisitAt, lang: str) -> None:
    visit = visit_at(DESKTOP)
    page = visit.open(lang + "editions/118/")
    link = page.locator("p.jrs-pdf a")
    assert link.count() == 1, "the edition page has no PDF link"
    with page.expect_download() as download:
        link.click()
    path = download.value.path()
    assert path.read_bytes().startswith(b"%PDF-")
    assert download.value.suggested_filename.endswith(".pdf")
