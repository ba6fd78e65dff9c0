"""The Content-Security-Policy the build writes for the host, in Chromium on Apache httpd:
every kind of page in every language runs without a single violation, a search included."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import Visit
from tests.browser.kinds import LANGS, PAGES
from tests.browser.test_reader import search_hrefs
from tests.conftest import Built
from tests.servers import project_policy, serving

#: Records every violation the page reports, from its first script on.
RECORD = """
window.jrsViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.jrsViolations.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sample}`);
});
"""
#: A word of the example that the search finds in every language.
QUERY = "Esther"
MISSED = "Failed to load resource: the server responded with a status of 404 (Not Found)"


@pytest.fixture(scope="module")
def host(built: Built) -> Iterator[str]:
    """The example site on Apache httpd with its .htaccess (nginx sends the same headers)."""
    with serving("apache2", built.site, project_policy(built.project, built.site)) as base:
        yield base


@pytest.fixture
def visit(browser: Browser, host: str) -> Iterator[Visit]:
    """A fresh tab on the Apache-served site, recording violations and errors."""
    context = browser.new_context()
    context.add_init_script(RECORD)
    visit = Visit(context.new_page(), host)
    visit.watch()
    yield visit
    context.close()


def violations(visit: Visit) -> list[str]:
    """What the policy blocked: the page's events and the console's reports of them."""
    events: list[str] = visit.page.evaluate("window.jrsViolations")
    reports = [error for error in visit.errors if "Content Security Policy" in error]
    return events + reports


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("kind", [*PAGES, "miss"])
def test_no_page_breaks_the_policy(visit: Visit, kind: str, lang: str) -> None:
    path = LANGS[lang] + (PAGES[kind] if kind != "miss" else "no-such-page/")
    visit.open(path)
    assert "Content-Security-Policy" in _headers(visit, path)  # the policy was in force
    assert violations(visit) == []
    # A miss: the page's own answer is a 404, which Chromium reports; nothing else fails.
    missed = [f"404 {visit.base}{path}", f"console: {MISSED}"] if kind == "miss" else []
    assert sorted(visit.errors) == sorted(missed)


@pytest.mark.parametrize("lang", LANGS)
def test_search_runs_under_the_policy(visit: Visit, lang: str) -> None:
    """Pagefind's script, its worker, its WebAssembly and its index, all allowed."""
    page = visit.open(LANGS[lang])
    assert search_hrefs(page, QUERY), "the search found nothing"
    assert violations(visit) == []
    assert visit.errors == []


def _headers(visit: Visit, path: str) -> dict[str, str]:
    response = visit.page.request.get(visit.base + path)
    return {name.title(): value for name, value in response.headers.items()}
