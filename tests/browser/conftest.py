"""Real Chromium over the built example site, served on 127.0.0.1 by a local server.

One browser and one server per session. Chromium is Debian's (`/usr/bin/chromium`), never a
Playwright download. Without it the tests skip locally and fail in CI (CI=true), where
.ci/run installs it.
"""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from tests.conftest import REPO, Built
from tests.tools import chromium

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
PHONE, DESKTOP = 375, 1280


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; a missing one gets the site's 404.html with status 404, as hosts do."""

    def log_message(self, *args: object) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextmanager
def serving(site: Path) -> Iterator[str]:
    """Serve a built site on 127.0.0.1 as a host would; yields its base URL."""
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        thread.join()


@pytest.fixture(scope="session")
def server(built: Built) -> Iterator[str]:
    """The base URL of the built site, e.g. http://127.0.0.1:41234/."""
    with serving(built.site) as base:
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = chromium(playwright, CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class Visit:
    """A browser tab that records every request and everything that went wrong."""

    page: Page
    base: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def open(self, path: str) -> Page:
        self.page.goto(self.base + path, wait_until="networkidle")
        return self.page

    @property
    def foreign(self) -> list[str]:
        """Requests to any host but the local server."""
        local = urlparse(self.base).netloc
        return [
            u for u in self.requests if not u.startswith("data:") and urlparse(u).netloc != local
        ]

    def watch(self) -> None:
        page, local = self.page, urlparse(self.base).netloc
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("requestfailed", lambda r: self.errors.append(f"failed: {r.url} {r.failure}"))
        page.on("response", lambda r: r.status >= 400 and self.errors.append(f"{r.status} {r.url}"))
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text}"))
        # Nothing may leave this machine: a request to another host is recorded, then refused.
        page.route(lambda url: urlparse(url).netloc != local, lambda route: route.abort())


VisitAt = Callable[[int], Visit]


@pytest.fixture
def visit_at(browser: Browser, server: str) -> Iterator[VisitAt]:
    """Opens a fresh tab (empty cache) `width` pixels wide; closed after the test."""
    contexts: list[BrowserContext] = []

    def open_tab(width: int) -> Visit:
        context = browser.new_context(viewport={"width": width, "height": 900})
        contexts.append(context)
        visit = Visit(context.new_page(), server)
        visit.watch()
        return visit

    yield open_tab
    for context in contexts:
        context.close()
