"""Hostile text in every field reaches every output as text: the pages and their <head>, the
Atom feeds, the search index and the PDFs show it as typed (with the language's quote marks:
`shown`; attribute values exactly as typed) and gain no element or attribute."""

from __future__ import annotations

import gzip
import json
import re
import xml.etree.ElementTree as ET
from typing import Any
from urllib.parse import urljoin

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.conftest import Built
from tests.site.hostile import KICKER, NAME, TEXT, hostile, marks_aside, shown, value
from tests.tools import run

__all__ = ["hostile"]  # the session fixture
pytestmark = pytest.mark.slow  # builds a whole site
ATOM = "{http://www.w3.org/2005/Atom}"

PAGES = {
    "testimony": "stories/esther/",
    "testimonies": "stories/",
    "edition": "editions/118/",
    "report": "reports/detention-2024/",
    "reports": "reports/",
    "home": "",
    "page": "about/",
}


def page(built: Built, path: str, lang: str = "nl") -> BeautifulSoup:
    prefix = "" if lang == "nl" else f"{lang}/"
    html = (built.site / prefix / path / "index.html").read_text("utf-8")
    return BeautifulSoup(html, "lxml")


def flat(text: str) -> str:
    return " ".join(text.split())


def injected(soup: BeautifulSoup) -> list[str]:
    """Elements and attributes that only the hostile text could have added."""
    found = []
    for tag in soup.find_all(True):
        found += [f"{tag.name}[{a}]" for a in tag.attrs if a.startswith("on")]
        if tag.name == "img" and tag.get("src") == "x":
            found.append("img[src=x]")
        if tag.name == "script" and "alert" in (tag.string or ""):
            found.append("script")
        if tag.name == "b":
            found.append("b")
    if len(soup.find_all("title")) != 1:
        found.append("a second <title>")
    return found


def test_no_page_gains_an_element_or_attribute(hostile: Built) -> None:
    pages = sorted(hostile.site.rglob("*.html"))
    assert len(pages) > 20
    assert {
        str(p.relative_to(hostile.site)): injected(BeautifulSoup(p.read_text("utf-8"), "lxml"))
        for p in pages
    } == {str(p.relative_to(hostile.site)): [] for p in pages}


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_testimony_shows_every_field_as_typed(hostile: Built, lang: str) -> None:
    soup = page(hostile, PAGES["testimony"], lang)
    title = shown(value("title"), lang)
    assert soup.select_one("h1.jrs-story__title").text == title
    assert flat(soup.select_one("[data-md-component=header-topic]").text) == flat(title)
    assert soup.select_one(".jrs-lead").text == shown(value("lead"), lang)
    facts = [flat(span.text) for span in soup.select(".jrs-facts span")]
    # After the name's stray quote, the family's quotes are quotes inside a quote.
    assert facts[0].startswith(flat(shown(NAME, lang)))
    assert marks_aside(facts[-1]) == marks_aside(flat(value("family")))
    assert set(soup.select_one(".jrs-kicker").text.split(" · ")) == {shown(value("theme"), lang)}
    portrait = soup.select_one("figure.photo")
    assert portrait.select_one("img")["alt"] == value("portrait_alt")
    assert portrait.select_one(".caption").text == shown(value("portrait_caption"), lang)
    assert shown(NAME, lang) in portrait.select_one(".credit").text
    assert soup.select_one(".kf-label").text == shown("<script>alert(1)</script> \"&'", lang)
    typed = "In de tekst: \"aanhalingstekens\" & 'apostrof', a < b > c."
    assert shown(typed) in soup.text or lang == "fr"


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_head_says_what_staff_wrote(hostile: Built, lang: str) -> None:
    """Meta tags are parsed and compared with the text: quotes and & do not break them."""
    soup = page(hostile, PAGES["testimony"], lang)
    meta = {m.get("name") or m.get("property"): m.get("content") for m in soup.select("meta")}
    title = shown(value("title"), lang)
    assert soup.title.text == f"{title} - Ankerpunt"
    assert meta["description"] == meta["og:description"] == shown(value("lead"), lang)
    assert meta["og:title"] == meta["twitter:title"] == meta["og:image:alt"] == title
    assert soup.select_one("link[type='application/atom+xml']")["title"].startswith(NAME)
    about = page(hostile, PAGES["page"], lang)
    about_meta = {m.get("name"): m.get("content") for m in about.select("meta[name]")}
    assert about.title.text == f"{title} - Ankerpunt"
    assert about_meta["description"] == shown(value("description"), lang)


def test_lists_edition_and_report_show_every_field_as_typed(hostile: Built) -> None:
    cards = page(hostile, PAGES["testimonies"])
    assert {c.text for c in cards.select(".jrs-card__title")} == {shown(value("title"))}
    assert {c.text for c in cards.select(".jrs-card__lead")} == {shown(value("lead"))}
    themes = cards.select_one("ul.jrs-listings__links").select("a")  # by theme, then country
    assert {a.text for a in themes} == {shown(value("theme"))}
    listing = page(hostile, urljoin(PAGES["testimonies"], themes[0]["href"]))
    assert listing.h1.get_text(strip=True) == shown(f"Getuigenissen: {value('theme')}")
    edition = page(hostile, PAGES["edition"])
    masthead = edition.select_one(".jrs-masthead")
    assert masthead.select_one(".jrs-masthead__name").text == shown(value("newsletter"))
    assert shown(value("season")) in masthead.select_one(".jrs-kicker").text
    assert masthead.select_one("h1").text == shown(value("theme"))
    assert edition.select_one("figure.photo img")["alt"] == value("cover_alt")
    kickers = {k.text for k in edition.select(".jrs-article > .jrs-kicker")}
    assert shown(KICKER) in kickers
    assert {b.text for b in edition.select(".jrs-byline__name")} == {shown(NAME)}
    roles = {marks_aside(b.text) for b in edition.select(".jrs-byline__role")}
    assert roles == {marks_aside(value("role"))}  # after the name's stray quote
    report = page(hostile, PAGES["report"])
    assert report.select_one("h1").text == shown(value("title"))
    assert [li.text for li in report.select(".jrs-findings li")] == [shown(value("finding"))]
    assert shown(value("order")) in {p.text for p in report.select("p")}
    assert {s.text for s in report.select(".kf-label")} == {shown(value("label"))}
    home = page(hostile, PAGES["home"])
    assert shown(value("title")) in {h.text for h in home.select("h3")}


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_feed_holds_the_text_as_typed(hostile: Built, lang: str) -> None:
    path = hostile.site / ("" if lang == "nl" else lang) / "feed.xml"
    feed = feedparser.parse(path.read_text("utf-8"))
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title.startswith(shown(NAME, lang))
    story = next(e for e in feed.entries if "/stories/esther/" in e.link)
    assert story.title == shown(value("title"), lang)
    assert story.summary == shown(value("lead"), lang)
    # The content as written (feedparser would sanitise it again on reading).
    entry = next(
        e
        for e in ET.parse(path).getroot().iter(f"{ATOM}entry")
        if "/stories/esther/" in e.find(f"{ATOM}id").text
    )
    content = BeautifulSoup(entry.find(f"{ATOM}content").text, "html.parser")
    assert injected(content) == ["a second <title>"]  # a fragment has none
    assert content.select_one("img")["alt"] == value("portrait_alt")
    assert content.select("p")[-1].text == shown(value("lead"), lang)


def fragments(built: Built, lang: str) -> dict[str, dict[str, Any]]:
    found = {}
    for path in (built.site / "pagefind" / "fragment").glob(f"{lang}_*"):
        data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        found[data["url"]] = data
    return found


def test_the_search_index_holds_the_text_as_text(hostile: Built) -> None:
    """Pagefind reads the pages: what it indexes as text was text in the page."""
    story = fragments(hostile, "nl")["/stories/esther/"]
    assert story["meta"]["title"] == shown(value("title"))
    assert shown(value("lead")) in story["content"]
    assert shown(TEXT) in story["content"]


@pytest.mark.pdf  # pdftotext and pdfinfo: skipped with the install line without them
@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_pdf_prints_the_text_as_typed(hostile: Built, lang: str) -> None:
    (pdf,) = (hostile.site / "pdf").glob(f"*-118-{lang}.pdf")
    # Line ends and hyphenation may break the long text: compare without white space.
    text = re.sub(r"\s+", "", run("pdftotext", pdf, "-"))
    for field in ("theme", "title", "lead", "finding", "label"):
        assert re.sub(r"\s+", "", shown(value(field), lang)) in text.replace("\u00ad", ""), field
    info = run("pdfinfo", pdf)
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    assert fields["Title"].strip().endswith(shown(value("theme"), lang)), (
        "the PDF's metadata as typed"
    )
