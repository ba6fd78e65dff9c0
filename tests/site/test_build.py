"""The example site, built for real: pages, languages, alternates, order, dates, privacy."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pikepdf
import pytest
from bs4 import BeautifulSoup

from jrs_site.load.loader import load_site
from jrs_site.model.bundles import Site
from jrs_site.render.kinds import PageOfIndex, index_pages, published_items
from jrs_site.render.l10n import typography
from tests.conftest import (
    DRAFT_MARK,
    NOWEB_MARK,
    REPO,
    Built,
    add_voices,
    build,
    copied_sources,
    copy_project,
    search_text,
    source_photos,
    tree_hash,
)
from tests.tools import run

PAGES = ["", "about/", "support/", "contact/", "privacy/", "stories/", "editions/", "reports/"]
#: The staff guide: built, but outside the navigation.
GUIDE = ["", "testimony/", "edition/", "report/", "photos/", "languages/", "print/", "reference/"]


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "lxml")


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name == "index.html")


def url_of(site: Path, page: Path) -> str:
    rel = page.parent.relative_to(site).as_posix()
    return "" if rel == "." else rel + "/"


def expected_urls(project: Path, lang: str) -> set[str]:
    site, _ = load_site(project)
    prefix = "" if lang == "nl" else f"{lang}/"
    urls = {prefix + p for p in [*PAGES, *(f"guide/{p}" for p in GUIDE)]}
    listings = {page.url for page in listing_pages(site, lang)}
    return urls | listings | {item.url(lang) for item in published_items(site)}


def test_exact_pages_per_language(built: Built) -> None:
    urls = {url_of(built.site, p) for p in html_pages(built.site)}
    urls.discard("404/")
    fr = {u for u in urls if u.startswith("fr/")}
    nl = urls - fr
    assert nl == expected_urls(built.project, "nl")
    assert fr == expected_urls(built.project, "fr")
    assert "stories/esther-nl-only/" in nl and "fr/contact/" in fr


def test_every_page_declares_its_language(built: Built) -> None:
    for page in html_pages(built.site):
        lang = "fr" if url_of(built.site, page).startswith("fr/") else "nl"
        assert soup(page).html["lang"] == lang, page


def test_home_pages(built: Built) -> None:
    assert soup(built.site / "index.html").html["lang"] == "nl"
    assert soup(built.site / "fr/index.html").html["lang"] == "fr"


def test_every_language_link_exists(built: Built) -> None:
    checked = 0
    for page in html_pages(built.site):
        url = "/" + url_of(built.site, page)
        links = soup(page).select("a[hreflang]")
        assert {a["hreflang"] for a in links} == {"nl", "fr"}, page
        for link in links:
            target = urlparse(urljoin(url, link["href"])).path.lstrip("/")
            assert (built.site / target / "index.html").exists(), (page, link["href"])
            checked += 1
    assert checked > 40


@pytest.mark.parametrize("path", ["fr/stories/esther-nl-only/", "fr/contact/"])
def test_untranslated_page_falls_back_with_a_note(built: Built, path: str) -> None:
    doc = soup(built.site / path / "index.html")
    assert doc.html["lang"] == "fr"
    note = doc.select_one(".jrs-untranslated")
    assert note is not None and "pas encore traduit" in note.get_text()
    assert doc.select_one('[lang="nl"] h1, article[lang="nl"]') is not None


def test_sitemap_lists_every_page_with_all_alternates(built: Built) -> None:
    doc = BeautifulSoup((built.site / "sitemap.xml").read_text("utf-8"), "xml")
    entries = doc.find_all("url")
    pages = {url_of(built.site, p) for p in html_pages(built.site)} - {"404/"}
    readers = {p for p in pages if not p.removeprefix("fr/").startswith("guide/")}
    assert len(readers) < len(pages)  # the staff guide is left out (test_guide.py)
    assert {urlparse(e.loc.text).path.lstrip("/") for e in entries} == readers
    for entry in entries:
        links = entry.find_all("link")
        assert {link["hreflang"] for link in links} == {"nl", "fr", "x-default"}
        for link in links:
            path = urlparse(link["href"]).path.lstrip("/")
            assert (built.site / path / "index.html").exists(), link["href"]


def test_language_switch_on_a_story_leads_to_the_same_story(built: Built) -> None:
    doc = soup(built.site / "stories/esther/index.html")
    fr = doc.select_one('a[hreflang="fr"]')
    assert urljoin("/stories/esther/", fr["href"]) == "/fr/stories/esther/"


def test_edition_articles_in_order(built: Built) -> None:
    site, _ = load_site(REPO)
    edition = site.editions["118"]
    for lang in ("nl", "fr"):
        page = built.site / edition.url(lang) / "index.html"
        titles = [
            s.select_one("h2").get_text(strip=True)
            for s in soup(page).select("section.jrs-article")
        ]
        expected = [
            typography(a.text(lang).fields.title, lang, site.languages) for a in edition.articles
        ]
        assert titles == expected


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("editions/118/index.html", "15 oktober 2025"),
        ("fr/editions/118/index.html", "15 octobre 2025"),
    ],
)
def test_dates_are_localised(built: Built, path: str, text: str) -> None:
    times = [t.get_text() for t in soup(built.site / path).select("time[datetime='2025-10-15']")]
    assert text in times


def test_story_page_semantics(built: Built) -> None:
    doc = soup(built.site / "fr/stories/farid-mariam/index.html")
    article = doc.select_one("article.jrs-story")
    assert article["lang"] == "fr"
    assert article.select("figure.pullquote > blockquote")
    assert len({s.get_text() for s in article.select("p.turn strong.speaker")}) >= 2
    assert article.select_one("time[datetime]")
    facts = article.select_one(".jrs-facts").get_text()
    assert "en Belgique depuis" in facts


def test_pseudonym_is_marked(built: Built) -> None:
    site, _ = load_site(REPO)
    story = next(s for s in site.published_stories() if any(p.pseudonym for p in s.meta.tellers))
    facts = soup(built.site / story.url("nl") / "index.html").select_one(".jrs-facts").get_text()
    assert "schuilnaam" in facts


@pytest.mark.parametrize("mark", [DRAFT_MARK, NOWEB_MARK, "esther-draft", "esther-noweb"])
def test_hidden_stories_leave_no_trace(built: Built, mark: str) -> None:
    for path in built.site.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert mark.encode() not in data, path


def test_draft_from_example_content_leaves_no_trace(built: Built) -> None:
    for word in ("Zwaluwstaart", "Queue-d'aronde", "tesfay"):
        for path in built.site.rglob("*"):
            if path.is_file():
                assert word.encode() not in path.read_bytes(), (word, path)


def test_search_index_and_sitemap_list_published_stories(built: Built) -> None:
    assert "/stories/esther/" in search_text(built.site, "nl")
    sitemap = (built.site / "sitemap.xml").read_text("utf-8")
    assert re.search(r"stories/esther/", sitemap)


def test_no_source_photo_is_copied(built: Built) -> None:
    """Published files are named by hash, so compare contents: no file under site/ and no
    image inside a PDF is a source photo byte for byte."""
    assert copied_sources(built.project, built.site) == []


def test_the_copy_check_sees_a_copied_photo(built: Built, tmp_path: Path) -> None:
    """Guards the check above: a source photo dropped into a site under another name is found."""
    source = next(p for p in source_photos(built.project) if p.suffix == ".jpg")
    (tmp_path / "media").mkdir()
    (tmp_path / "media/3f2a.jpg").write_bytes(source.read_bytes())
    assert copied_sources(built.project, tmp_path) == [
        f"{source.relative_to(built.project)} is published as media/3f2a.jpg"
    ]


@pytest.mark.parametrize(
    ("lang", "label"), [("nl", "Download de pdf"), ("fr", "Télécharger le PDF")]
)
def test_edition_links_its_screen_pdf_in_its_language(built: Built, lang: str, label: str) -> None:
    prefix = "" if lang == "nl" else "fr/"
    link = soup(built.site / prefix / "editions/118/index.html").select_one("p.jrs-pdf a")
    assert link is not None and link.get_text().startswith(label)
    pdf = (built.site / prefix / "editions/118" / link["href"]).resolve()
    assert pdf.read_bytes().startswith(b"%PDF-")
    size = pdf.stat().st_size / 1_000_000
    assert f"{size:.1f}".replace(".", ",") in link.get_text()
    assert "Pages:" in run("pdfinfo", pdf)
    assert pikepdf.open(pdf).Root.Lang == lang


def test_each_language_has_its_own_404_page(built: Built) -> None:
    """mkdocs-static-i18n writes one 404 page: ours are per language, the root's holding
    every language (a host serves it for any missing address) with absolute links."""
    root = soup(built.site / "404.html")
    parts = root.select("section.jrs-not-found")
    assert [p["lang"] for p in parts] == ["nl", "fr"]
    assert [p["data-jrs-prefix"] for p in parts] == ["/", "/fr/"]
    french = soup(built.site / "fr/404.html")
    assert french.html["lang"] == "fr"
    assert [p["lang"] for p in french.select("section.jrs-not-found")] == ["fr"]
    assert french.select_one("h1").get_text() == "Page introuvable"
    links = [a["href"] for a in french.select("section.jrs-not-found a")]
    assert links == ["/fr/", "/fr/stories/"]
    assert "Nous soutenir" in french.select_one("footer").get_text()
    switcher = {a["hreflang"]: a["href"] for a in french.select(".md-select a[hreflang]")}
    assert switcher == {"nl": "/", "fr": "/fr/"}


def test_only_materials_stylesheet_blocks_the_first_paint(built: Built) -> None:
    """Each render-blocking file is one more round trip before a phone on slow 4G shows
    anything: our fonts' rules and stylesheet are inline (overrides/main.html), Material's
    stylesheet stays a cached file, and palette.css (none of whose schemes applies) is gone."""
    pages = [*html_pages(built.site), built.site / "404.html", built.site / "fr/404.html"]
    for page in pages:
        head = soup(page).head
        sheets = [link["href"] for link in head.select('link[rel~="stylesheet"]')]
        assert len(sheets) == 1 and re.search(r"assets/stylesheets/main\.\w+\.min\.css$", sheets[0])
        inline = "".join(style.get_text() for style in head.select("style"))
        assert "@font-face" in inline and ".jrs-footer" in inline, page


def test_pages_run_only_our_deferred_script(built: Built) -> None:
    """Material's script bundle was most of each page's blocking time on a phone's CPU: no page
    loads it (overrides/main.html), only jrs.js, deferred, and no inline script reads
    Material's settings or storage."""
    pages = [*html_pages(built.site), built.site / "404.html", built.site / "fr/404.html"]
    for page in pages:
        scripts = soup(page).select("script")
        external = [s for s in scripts if s.get("src")]
        assert [s["src"].rsplit("/", 1)[-1] for s in external] == ["jrs.js"], page
        assert external[0].has_attr("defer"), page
        assert not any("__md_" in s.get_text() or s.get("id") == "__config" for s in scripts), page
    scripts = built.site / "assets/javascripts"
    names = [p.name for p in scripts.rglob("*") if p.suffix not in {".gz", ".br"}]  # copies
    assert names == ["jrs.js"], "Material's unused scripts"


def test_every_published_photo_file_is_offered(built: Built) -> None:
    """The site holds no photo variant that no page, feed or e-mail offers (an AVIF larger
    than its WebP is not offered, so not published)."""
    names = {p.name for p in (built.site / "media").iterdir()}
    text = "".join(
        p.read_text("utf-8") for p in built.site.rglob("*") if p.suffix in {".html", ".xml"}
    )
    assert names and {name for name in names if name not in text} == set()


def listing_pages(site: Site, lang: str) -> list[PageOfIndex]:
    """Every page of the listings by theme and by country in `lang`."""
    return [page for page in index_pages(site, lang) if page.listing is not None]


@pytest.mark.slow
def test_pages_built_in_two_processes_are_the_pages_built_in_one(
    tmp_path: Path, test_cache: Path
) -> None:
    """`processes: 2` (`mkdocs_plugin/share.py`) writes every file one process writes, byte
    for byte: the example and the edition in many scripts, each page written by one of the
    two processes. (The search index is compared by the search tests.)"""
    project = copy_project(tmp_path / "project", test_cache)
    add_voices(project)
    sites = []
    for processes in (1, 2):
        config = (REPO / "mkdocs.yml").read_text("utf-8")
        changed = config.replace("\n  - jrs\n", f"\n  - jrs:\n      processes: {processes}\n")
        assert changed != config, "mkdocs.yml no longer lists the jrs plugin as expected"
        (project / "mkdocs.yml").write_text(changed, "utf-8")
        result = build(project)
        assert result.returncode == 0, result.stderr[-4000:]
        shown = "by 1 other process(es)" in result.stderr
        assert shown == (processes == 2), result.stderr[-2000:]
        sites.append(
            {k: v for k, v in tree_hash(project / "site").items() if not k.startswith("pagefind")}
        )
    assert sites[0] == sites[1]
