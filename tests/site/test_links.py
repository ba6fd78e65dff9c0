"""Every internal link and anchor of the built site resolves, in both languages: relative ones,
`src` and `srcset`, and absolute ones to the site's own address (`site_url`: the e-mail
copies, a report's full PDF); nothing in an HTML or CSS file loads from another host; a
broken link in the Markdown fails the build."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup, Tag

from jrs_site.outputs.web.publish import EMAIL_DIR
from tests.conftest import Built, build, copy_project

SITE_HOST = "ankerpunt.example"  # site_url in mkdocs.yml
NOT_FETCHED = ("mailto:", "tel:", "data:", "javascript:")
# <link> relations that make the browser fetch something; the others only name an address.
LOADING_RELS = {"stylesheet", "icon", "preload", "modulepreload", "manifest", "apple-touch-icon"}
CSS_URL_RE = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")


@dataclass(frozen=True)
class Ref:
    page: str  # site path of the page, e.g. "/fr/stories/esther/"
    url: str  # as written
    loads: bool  # fetched by the browser when the page loads (not a link to follow)


def page_url(site: Path, html: Path) -> str:
    rel = html.relative_to(site).as_posix()
    return "/" + (rel.removesuffix("index.html") if rel.endswith("index.html") else rel)


def srcset_urls(value: str) -> list[str]:
    return [part.split()[0] for part in value.split(",") if part.strip()]


def refs(site: Path) -> Iterator[Ref]:
    for html in sorted(site.rglob("*.html")):
        page = page_url(site, html)
        doc = BeautifulSoup(html.read_text("utf-8"), "lxml")
        for tag in doc.find_all(True):
            assert isinstance(tag, Tag)
            yield from tag_refs(page, tag)


def tag_refs(page: str, tag: Tag) -> Iterator[Ref]:
    if tag.name == "a" and tag.get("href"):
        yield Ref(page, str(tag["href"]), loads=False)
    elif tag.name == "link" and tag.get("href"):
        loads = bool(LOADING_RELS & set(tag.get("rel") or []))
        yield Ref(page, str(tag["href"]), loads=loads)
    for attr in ("src", "data", "poster"):
        if tag.get(attr) and tag.name != "a":
            yield Ref(page, str(tag[attr]), loads=True)
    if tag.get("srcset"):
        yield from (Ref(page, url, loads=True) for url in srcset_urls(str(tag["srcset"])))
    if tag.name == "style" and tag.string:
        yield from (Ref(page, url, loads=True) for url in css_urls(tag.string))


def css_urls(text: str) -> list[str]:
    return [a or b for a, b in CSS_URL_RE.findall(text)]


def target(site: Path, path: str) -> Path:
    file = site / unquote(path).lstrip("/")
    return file / "index.html" if path.endswith("/") else file


def ids(html: Path, cache: dict[Path, set[str]]) -> set[str]:
    if html not in cache:
        doc = BeautifulSoup(html.read_text("utf-8"), "lxml")
        anchors = doc.find_all(id=True) + doc.find_all("a", attrs={"name": True})
        cache[html] = {str(t.get("id") or t["name"]) for t in anchors}
    return cache[html]


def on_another_host(url: str) -> bool:
    """Absolute URLs count, even to the production host: a preview must not reach it."""
    return url.startswith("//") or bool(urlparse(url).netloc)


def broken_links(site: Path) -> list[str]:
    """Internal links (relative, or absolute on the site's host) to a missing file or anchor."""
    broken, cache = [], {}
    for ref in refs(site):
        if ref.url.startswith(NOT_FETCHED):
            continue
        parsed = urlparse(urljoin(ref.page, ref.url))
        if parsed.netloc and parsed.netloc != SITE_HOST:
            continue
        file = target(site, parsed.path)
        if not file.is_file():
            broken.append(f"{ref.page}: {ref.url} (no {file.relative_to(site)})")
        elif parsed.fragment and unquote(parsed.fragment) not in ids(file, cache):
            broken.append(f"{ref.page}: {ref.url} (no id '{parsed.fragment}')")
    return broken


def test_every_internal_link_and_anchor_resolves(built: Built) -> None:
    found = list(refs(built.site))
    assert len(found) > 1000
    own = [r for r in found if urlparse(r.url).netloc == SITE_HOST]
    assert any(r.url.endswith(".pdf") for r in found), "a report's full PDF is linked"
    assert len(own) > 50, "the e-mail copies' absolute links are checked too"
    assert broken_links(built.site) == []


def test_both_languages_are_walked(built: Built) -> None:
    pages = {ref.page for ref in refs(built.site)}
    assert "/fr/stories/esther/" in pages and "/stories/esther/" in pages


def test_no_html_loads_from_another_host(built: Built) -> None:
    """The e-mail editions aside: read away from the site, they load its photos by absolute
    URL on its own host (tests/mail checks that host)."""
    foreign = [
        f"{r.page}: {r.url}"
        for r in refs(built.site)
        if r.loads and on_another_host(r.url) and not r.page.startswith(f"/{EMAIL_DIR}/")
    ]
    assert foreign == []


def test_no_css_loads_from_another_host_and_its_files_exist(built: Built) -> None:
    problems = []
    for css in sorted(built.site.rglob("*.css")):
        for url in css_urls(css.read_text("utf-8")):
            if url.startswith("data:"):
                continue
            if on_another_host(url):
                problems.append(f"{css.relative_to(built.site)}: {url} is on another host")
            elif not (css.parent / urlparse(url).path).is_file():
                problems.append(f"{css.relative_to(built.site)}: {url} is missing")
    assert problems == []


@pytest.fixture(scope="module")
def broken_build(tmp_path_factory: pytest.TempPathFactory, test_cache: Path) -> str:
    """The output of a build whose Markdown links to a missing page and a missing heading."""
    project = copy_project(tmp_path_factory.mktemp("broken") / "project", test_cache)
    about = project / "docs" / "fr" / "about.md"
    broken = "\n[Perdu](nulle-part.md) et [introuvable](privacy.md#nulle-part)\n"
    about.write_text(about.read_text("utf-8") + broken, "utf-8")
    result = build(project)
    assert result.returncode != 0, "a broken link must fail the build"
    return result.stdout + result.stderr


def test_a_broken_markdown_link_fails_the_build(broken_build: str) -> None:
    assert "nulle-part.md" in broken_build


def test_a_link_to_a_missing_heading_fails_the_build(broken_build: str) -> None:
    assert "privacy.md#nulle-part" in broken_build
