"""What a reader does: switch language, search, read on a phone, download the newsletter."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import DESKTOP, PHONE, VisitAt
from tests.browser.test_pages import axe_violations

NAME = "Esther"  # a name in testimonies and the edition of both languages


def test_language_switcher_leads_to_the_same_testimony(visit_at: VisitAt) -> None:
    visit = visit_at(DESKTOP)
    page = visit.open("stories/esther/")
    page.hover(".md-select")
    with page.expect_navigation(url=visit.base + "fr/stories/esther/"):
        page.click('.md-select a[hreflang="fr"]')
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator('.md-select a[hreflang="nl"]')).to_have_attribute("lang", "nl")


def search_hrefs(page: Page, query: str) -> list[str]:
    """Open the search dialog, type `query`, wait for the result count, return the links."""
    page.click(".jrs-search-open")
    page.fill(".jrs-search__input", query)
    expect(page.locator(".jrs-search__status")).to_have_text(re.compile(r"^\d+ "))
    return page.eval_on_selector_all(
        ".jrs-search__results a", "links => links.map((a) => a.getAttribute('href'))"
    )


@pytest.mark.parametrize(("start", "prefix"), [("fr/", "/fr/"), ("", "/")])
def test_search_finds_pages_of_the_page_language_only(
    visit_at: VisitAt, start: str, prefix: str
) -> None:
    visit = visit_at(PHONE)
    page = visit.open(start + "stories/")
    hrefs = search_hrefs(page, NAME)
    assert f"{prefix}stories/esther/" in hrefs
    assert all(href.startswith(prefix) for href in hrefs), hrefs
    if prefix == "/":
        assert not any(href.startswith("/fr/") for href in hrefs), hrefs
    assert axe_violations(page) == [], "the open search dialog must be accessible too"
    page.keyboard.press("Escape")
    expect(page.locator(".jrs-search")).to_be_hidden()
    assert visit.errors == [] and visit.foreign == []


def test_search_stems_french_words(visit_at: VisitAt) -> None:
    """ "comptons" is in no text, but Esther's "comptais" shares its French stem."""
    page = visit_at(DESKTOP).open("fr/")
    assert "/fr/stories/esther/" in search_hrefs(page, "comptons")


@pytest.mark.parametrize(
    ("start", "query", "found"),
    [
        ("fr/", "qu'elles", "/fr/about/"),
        ("fr/", "qu’elles", "/fr/about/"),
        ("", "zo'n", "/editions/118/"),
    ],
)
def test_search_finds_typographic_apostrophes_typed_straight(
    visit_at: VisitAt, start: str, query: str, found: str
) -> None:
    """The pages show qu’elles and zo’n; a reader types either apostrophe."""
    page = visit_at(DESKTOP).open(start)
    assert found in search_hrefs(page, query)


def test_a_phone_loads_a_small_photo(visit_at: VisitAt) -> None:
    page = visit_at(PHONE).open("stories/esther/")
    image = page.locator("article.jrs-story picture img").first
    image.scroll_into_view_if_needed()
    page.wait_for_function("(img) => img.complete && img.currentSrc", arg=image.element_handle())
    source = image.evaluate("img => img.currentSrc")
    assert re.search(r"-(480|800)\.(avif|webp|jpg)$", source), source


def test_skip_link_moves_to_the_content(visit_at: VisitAt) -> None:
    page = visit_at(DESKTOP).open("fr/stories/esther/")
    skip = page.locator(".md-skip")
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    # The same-document navigation is done when the page itself says so, not before.
    page.wait_for_function("location.hash === '#jrs-content'")
    expect(page).to_have_url(re.compile(r"#jrs-content$"))
    page.keyboard.press("Tab")
    after = """() => {
      const content = document.getElementById("jrs-content"), focused = document.activeElement;
      return content.contains(focused) ||
        Boolean(content.compareDocumentPosition(focused) & Node.DOCUMENT_POSITION_FOLLOWING);
    }"""
    # Waits, and fails on its timeout: the next Tab goes on from the content, not the header.
    page.wait_for_function(after, timeout=5_000)


@pytest.mark.parametrize("lang", ["", "fr/"])
def test_edition_pdf_link_downloads_a_pdf(visit_at: VisitAt, lang: str) -> None:
    visit = visit_at(DESKTOP)
    page = visit.open(lang + "editions/118/")
    link = page.locator("p.jrs-pdf a")
    expect(link, "the edition page has one PDF link").to_have_count(1)
    with page.expect_download() as download:
        link.click()
    path = download.value.path()
    assert path.read_bytes().startswith(b"%PDF-")
    assert download.value.suggested_filename.endswith(".pdf")


@pytest.mark.parametrize(
    ("path", "lang", "title"),
    [("fr/stories/nulle-part/", "fr", "Page introuvable"), ("nergens/", "nl", "Pagina niet")],
)
def test_a_dead_link_answers_in_the_language_of_its_address(
    visit_at: VisitAt, path: str, lang: str, title: str
) -> None:
    """The host serves the root 404.html for any missing address: it shows the part in the
    language of the address (both without JavaScript)."""
    visit = visit_at(PHONE)
    page = visit.open(path)
    assert f"404 {visit.base}{path}" in visit.errors
    others = [
        e for e in visit.errors if e != f"404 {visit.base}{path}" and "status of 404" not in e
    ]
    assert others == [], "the 404 page itself loads cleanly"
    shown = page.locator(f'section.jrs-not-found[lang="{lang}"]')
    expect(shown).to_be_visible()
    expect(shown.locator("h1")).to_contain_text(title)
    expect(page.locator("section.jrs-not-found:not([hidden])")).to_have_count(1)
    expect(page.locator("html")).to_have_attribute("lang", lang)
