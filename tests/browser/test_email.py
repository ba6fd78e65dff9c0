"""The e-mail edition in Chromium at the column's width and a phone's: nothing scrolls
sideways, every photo loads from the site and fits, and nothing is fetched from elsewhere."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Route, expect

from tests.browser.conftest import SCREENSHOTS
from tests.conftest import Built
from tests.mail.test_email import HOST, NAMES


@pytest.mark.parametrize("width", [600, 375])
@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_email_in_chromium(browser: Browser, built: Built, lang: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    requests: list[str] = []

    def answer(route: Route) -> None:
        """The site's own files from the build; any other host is refused."""
        url = urlparse(route.request.url)
        requests.append(route.request.url)
        published = built.site / url.path.lstrip("/")
        if url.netloc == HOST and published.is_file():
            route.fulfill(path=str(published))
        else:
            route.abort()

    page.route(lambda url: not url.startswith("file:"), answer)
    email = built.site / "email" / f"{NAMES[lang]}.html"
    page.goto(email.as_uri(), wait_until="networkidle")
    try:
        expect(page.locator("h1")).to_be_visible()
        expect(page.locator("a.button-link").first).to_be_visible()
        expect(page.locator(".support")).to_contain_text("BE00 0000 0000 0000")
        scroll = page.evaluate("document.documentElement.scrollWidth")
        assert scroll <= width, f"scrolls sideways: {scroll} px in {width}"
        images = page.locator("img")
        expect(images.first).to_be_visible()
        for index in range(images.count()):
            image = images.nth(index)
            image.scroll_into_view_if_needed()
            loaded = image.evaluate("i => i.complete && i.naturalWidth > 0")
            assert loaded, image.get_attribute("src")
            box = image.bounding_box()
            assert box is not None and 0 < box["width"] <= width
            ratio = image.evaluate("i => i.naturalHeight / i.naturalWidth")
            assert abs(box["height"] / box["width"] - ratio) < 0.02, "its proportions kept"
        assert all(urlparse(u).netloc == HOST for u in requests), requests
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / f"email-{lang}-{width}.png", full_page=True)
    finally:
        context.close()
