"""Hostile text in every field reaches every output as text: the pages and their <head>, the
Atom feeds, the search index and the PDFs show it as typed and gain no element or attribute."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import xml.etree.ElementTree as ET
from typing import Any

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.conftest import Built
from tests.site.hostile import KICKER, NAME, TEXT, hostile, value

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
    assert soup.select_one("h1.jrs-story__title").text == value("title")
    assert flat(soup.select_one("[data-md-component=header-topic]").text) == value("title")
    assert soup.select_one(".jrs-lead").text == value("lead")
    facts = [flat(span.text) for span in soup.select(".jrs-facts span")]
    assert facts[0].startswith(NAME) and facts[-1] == value("family")
    assert set(soup.select_one(".jrs-kicker").text.split(" · ")) == {value("theme")}
    portrait = soup.select_one("figure.photo")
    assert portrait.select_one("img")["alt"] == value("portrait_alt")
    assert portrait.select_one(".caption").text == value("portrait_caption")
    assert NAME in portrait.select_one(".credit").text
    assert soup.select_one(".kf-label").text == "<script>alert(1)</script> \"&'"
    assert "In de tekst: \"aanhalingstekens\" & 'apostrof', a < b > c." in soup.text or lang == "fr"


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_head_says_what_staff_wrote(hostile: Built, lang: str) -> None:
    """Meta tags are parsed and compared with the text: quotes and & do not break them."""
    soup = page(hostile, PAGES["testimony"], lang)
    meta = {m.get("name") or m.get("property"): m.get("content") for m in soup.select("meta")}
    assert soup.title.text == f"{value('title')} - Ankerpunt"
    assert meta["description"] == meta["og:description"] == value("lead")
    assert meta["og:title"] == meta["twitter:title"] == meta["og:image:alt"] == value("title")
    assert soup.select_one("link[type='application/atom+xml']")["title"].startswith(NAME)
    about = page(hostile, PAGES["page"], lang)
    about_meta = {m.get("name"): m.get("content") for m in about.select("meta[name]")}
    assert about.title.text == f"{value('title')} - Ankerpunt"
    assert about_meta["description"] == value("description")


def test_lists_edition_and_report_show_every_field_as_typed(hostile: Built) -> None:
    cards = page(hostile, PAGES["testimonies"])
    assert {c.text for c in cards.select(".jrs-card__title")} == {value("title")}
    assert {c.text for c in cards.select(".jrs-card__lead")} == {value("lead")}
    assert {o.text.rsplit(" (", 1)[0] for o in cards.select("select[name=theme] option")[1:]} == {
        value("theme")
    }
    edition = page(hostile, PAGES["edition"])
    masthead = edition.select_one(".jrs-masthead")
    assert masthead.select_one(".jrs-masthead__name").text == value("newsletter")
    assert value("season") in masthead.select_one(".jrs-kicker").text
    assert masthead.select_one("h1").text == value("theme")
    assert edition.select_one("figure.photo img")["alt"] == value("cover_alt")
    kickers = {k.text for k in edition.select(".jrs-article > .jrs-kicker")}
    assert KICKER in kickers
    assert {b.text for b in edition.select(".jrs-byline__name")} == {NAME}
    assert {b.text for b in edition.select(".jrs-byline__role")} == {value("role")}
    report = page(hostile, PAGES["report"])
    assert report.select_one("h1").text == value("title")
    assert [li.text for li in report.select(".jrs-findings li")] == [value("finding")]
    assert value("order") in {p.text for p in report.select("p")}
    assert {s.text for s in report.select(".kf-label")} == {value("label")}
    home = page(hostile, PAGES["home"])
    assert value("title") in {h.text for h in home.select("h3")}


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_feed_holds_the_text_as_typed(hostile: Built, lang: str) -> None:
    path = hostile.site / ("" if lang == "nl" else lang) / "feed.xml"
    feed = feedparser.parse(path.read_text("utf-8"))
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title.startswith(NAME)
    story = next(e for e in feed.entries if "/stories/esther/" in e.link)
    assert story.title == value("title")
    assert story.summary == value("lead")
    # The content as written (feedparser would sanitise it again on reading).
    entry = next(
        e
        for e in ET.parse(path).getroot().iter(f"{ATOM}entry")
        if "/stories/esther/" in e.find(f"{ATOM}id").text
    )
    content = BeautifulSoup(entry.find(f"{ATOM}content").text, "html.parser")
    assert injected(content) == ["a second <title>"]  # a fragment has none
    assert content.select_one("img")["alt"] == value("portrait_alt")
    assert content.select("p")[-1].text == value("lead")


def fragments(built: Built, lang: str) -> dict[str, dict[str, Any]]:
    found = {}
    for path in (built.site / "pagefind" / "fragment").glob(f"{lang}_*"):
        data = json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
        found[data["url"]] = data
    return found


def test_the_search_index_holds_the_text_as_text(hostile: Built) -> None:
    """Pagefind reads the pages: what it indexes as text was text in the page."""
    story = fragments(hostile, "nl")["/stories/esther/"]
    assert story["meta"]["title"] == value("title")
    assert value("lead") in story["content"]
    assert TEXT in story["content"]


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_pdf_prints_the_text_as_typed(hostile: Built, lang: str) -> None:
    (pdf,) = (hostile.site / "pdf").glob(f"*-118-{lang}.pdf")
    out = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True)
    # Line ends and hyphenation may break the long text: compare without white space.
    text = re.sub(r"\s+", "", out.stdout)
    for field in ("theme", "title", "lead", "finding", "label"):
        assert re.sub(r"\s+", "", value(field)) in text.replace("\u00ad", ""), field
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    fields = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    assert fields["Title"].strip().endswith(value("theme")), "the PDF's metadata as typed"
