"""The built example on real web servers, Apache httpd with the site's own `.htaccess` and nginx
with what `jrs-site nginx` prints: the headers of every kind of response, each language's 404
page, the precompressed copies, and the HTTP Observatory's grade (`pytest -s` prints it)."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from pathlib import Path

import brotli
import pytest

from jrs_site.outputs.web.host import IMMUTABLE, SHORT
from tests import observatory
from tests.browser.kinds import LANGS
from tests.conftest import Built
from tests.servers import ENCODINGS, Host, Response, fetch, project_policy, serving

SECURITY = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Strict-Transport-Security": "max-age=31536000",
}
#: One file of each kind (a glob under the site), its type, and how long it may be cached.
KINDS = {
    "page": ("index.html", "text/html; charset=utf-8", SHORT),
    "french page": ("fr/stories/index.html", "text/html; charset=utf-8", SHORT),
    "Material stylesheet": (
        "assets/stylesheets/main.*.min.css",
        "text/css; charset=utf-8",
        IMMUTABLE,
    ),
    "our script": ("assets/javascripts/jrs.js", "text/javascript; charset=utf-8", SHORT),
    "font": ("assets/fonts/*.woff2", "font/woff2", SHORT),
    "photo (AVIF)": ("media/*.avif", "image/avif", IMMUTABLE),
    "photo (WebP)": ("media/*.webp", "image/webp", IMMUTABLE),
    "photo (JPEG)": ("media/*.jpg", "image/jpeg", IMMUTABLE),
    "social card": ("social/*.jpg", "image/jpeg", IMMUTABLE),
    "PDF": ("pdf/*.pdf", "application/pdf", SHORT),
    "feed": ("feed.xml", "application/atom+xml; charset=utf-8", SHORT),
    "French feed": ("fr/feed.xml", "application/atom+xml; charset=utf-8", SHORT),
    "sitemap": ("sitemap.xml", "application/xml; charset=utf-8", SHORT),
    "search script": ("pagefind/pagefind.js", "text/javascript; charset=utf-8", SHORT),
    "search index chunk": ("pagefind/fragment/*", None, IMMUTABLE),
}


@pytest.fixture(scope="module", params=list(ENCODINGS))
def host(built: Built, request: pytest.FixtureRequest) -> Iterator[Host]:
    """The example site on each server, e.g. at http://127.0.0.1:41234/."""
    server = request.param
    with serving(server, built.site, project_policy(built.project, built.site)) as base:
        yield Host(server, base)


def one(site: Path, pattern: str) -> str:
    found = sorted(site.glob(pattern))
    assert found, f"the example site has no {pattern}"
    return found[0].relative_to(site).as_posix()


def assert_secure(response: Response, page: bool = True) -> None:
    """The security headers; the policy on what is not shown by the browser's own viewer."""
    for name, value in SECURITY.items():
        assert response.headers.get(name) == value, name
    if not page:
        assert "Content-Security-Policy" not in response.headers
        return
    policy = observatory.csp_directives(response.headers["Content-Security-Policy"])
    assert policy["default-src"] == {"'none'"}
    assert policy["object-src"] == {"'none'"} and policy["frame-ancestors"] == {"'none'"}
    assert policy["base-uri"] == {"'self'"} and policy["form-action"] == {"'self'"}
    assert not policy["script-src"] & {"'unsafe-inline'", "'unsafe-eval'", "data:", "*"}


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_response_has_its_headers(built: Built, host: Host, kind: str) -> None:
    pattern, content_type, cache = KINDS[kind]
    path = one(built.site, pattern).removesuffix("index.html")
    response = fetch(host.base + path)
    assert response.status == 200
    assert_secure(response, page=content_type != "application/pdf")
    assert response.headers.get("Cache-Control") == cache
    if content_type is not None:
        assert response.headers.get("Content-Type") == content_type
    assert response.body == (built.site / one(built.site, pattern)).read_bytes()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("missing", ["no-such-page/", "stories/no-such-story/", "media/x.jpg"])
def test_a_miss_gets_its_language_404_page(
    built: Built, host: Host, lang: str, missing: str
) -> None:
    """Under a language's prefix, that language's 404 page, with status 404 and the headers."""
    prefix = LANGS[lang] if not missing.startswith("media/") else ""
    response = fetch(host.base + prefix + missing)
    assert response.status == 404
    assert_secure(response)
    assert response.headers.get("Cache-Control") == SHORT  # never cached for a year
    page = built.site / prefix / "404.html"
    assert response.body == page.read_bytes()
    expected = lang if prefix == LANGS[lang] else next(iter(LANGS))
    assert f'<html lang="{expected}"'.encode() in response.body


DECODE = {"br": brotli.decompress, "gzip": gzip.decompress}
TEXTS = ("index.html", "fr/index.html", "assets/stylesheets/main.*.min.css", "feed.xml")
TEXTS += ("assets/javascripts/jrs.js", "pagefind/pagefind-entry.json", "sitemap.xml")


@pytest.mark.parametrize("pattern", TEXTS)
def test_text_is_sent_precompressed(built: Built, host: Host, pattern: str) -> None:
    """The copy the build made, compressed once (Apache's mod_deflate leaves it alone), typed
    as the file, to a browser that accepts it; the file to one that does not."""
    path = one(built.site, pattern)
    plain = fetch(host.base + path)
    original = (built.site / path).read_bytes()
    assert plain.headers.get("Content-Encoding") is None and plain.body == original
    for encoding in ENCODINGS[host.server]:
        accepted = fetch(host.base + path, f"{encoding}, deflate")
        assert accepted.headers.get("Content-Encoding") == encoding
        assert DECODE[encoding](accepted.body) == original
        assert len(accepted.body) < len(original)
        for response in (plain, accepted):
            assert "Accept-Encoding" in response.headers.get("Vary", "")
            assert response.headers.get("Content-Type") == plain.headers.get("Content-Type")
            assert response.headers.get("Cache-Control") == plain.headers.get("Cache-Control")


@pytest.mark.parametrize("name", [".htaccess", "_headers", "_redirects"])
def test_the_host_files_are_not_served(built: Built, host: Host, name: str) -> None:
    assert (built.site / name).is_file()
    assert fetch(host.base + name).status in {403, 404}


def test_the_host_files_are_no_pages(built: Built) -> None:
    """Neither the host files nor the compressed copies are pages: not in the sitemap, the
    feeds or the search index (which Pagefind makes before them, from the pages only)."""
    listed = [(built.site / "sitemap.xml").read_text("utf-8")]
    listed += [(built.site / prefix / "feed.xml").read_text("utf-8") for prefix in LANGS.values()]
    for text in listed:
        for name in (".gz", ".br", "_headers", "_redirects", ".htaccess"):
            assert name not in text
    assert (built.site / "index.html.gz").is_file() and (built.site / "index.html.br").is_file()


def test_the_observatory_grade_is_a_plus(host: Host) -> None:
    home = fetch(host.base)
    total, grade, results = observatory.score(home.headers, home.body.decode("utf-8"))
    print(f"\nHTTP Observatory (MDN's scoring), {host.server}: {total}, grade {grade} (A+: 100)")
    for result in results:
        print(f"  {result.modifier:+4d}  {result.test}: {result.result}")
    assert grade == "A+", results
