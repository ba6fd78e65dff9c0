"""Typographic quotes in the built example site: where the sources have straight quotes and
apostrophes, the pages (their <head> too) and the feeds show each language's own marks; code,
web addresses and attribute values stay as typed."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from tests.conftest import REPO, Built

pytestmark = pytest.mark.slow  # builds a whole site
N = "\u202f"
STRAIGHT = re.compile("[\"']")
TYPOGRAPHIC = re.compile("[‘’“”«»]")
#: Elements whose text is code or data: left as typed.
CODE = ("code", "pre", "kbd", "samp", "script", "style", "textarea")


def soup(built: Built, path: str) -> BeautifulSoup:
    return BeautifulSoup((built.site / path / "index.html").read_text("utf-8"), "lxml")


def prose(page: BeautifulSoup) -> list[str]:
    """Every text of the page outside code and scripts, the <title> included."""
    return [
        text
        for text in page.find_all(string=True)
        if not any(parent.name in CODE for parent in text.parents)
    ]


def flat(text: str) -> str:
    """Line ends and runs of spaces as one space; no-break spaces stay."""
    return re.sub(r"[ \t\n]+", " ", text).strip()


@pytest.mark.parametrize(
    ("source", "page", "shown"),
    [
        (
            'Open avond: "Aan de andere kant van het hek"',
            "editions/118",
            "Open avond: “Aan de andere kant van het hek”",
        ),
        ('onder "Steun ons".', "editions/118", "onder “Steun ons”."),
        ("zo'n bezoekdag", "editions/118", "zo’n bezoekdag"),
        ("'s nachts", "stories/ousmane", "’s nachts"),
        (
            'Soirée portes ouvertes : "De l\'autre côté de la clôture"',
            "fr/editions/118",
            f"Soirée portes ouvertes{N}: «{N}De l’autre côté de la clôture{N}»",
        ),
        ('à la page "Nous soutenir".', "fr/editions/118", f"à la page «{N}Nous soutenir{N}»."),
        ("j'apprends l'électricité", "fr/stories/ousmane", "j’apprends l’électricité"),
    ],
)
def test_straight_quotes_in_the_sources_are_typographic_on_the_page(
    built: Built, source: str, page: str, shown: str
) -> None:
    lang = "fr" if page.startswith("fr/") else "nl"
    folder = REPO / page.removeprefix("fr/")
    sources = [p.read_text("utf-8") for p in folder.rglob(f"{lang}.md")]
    assert any(source in flat(text) for text in sources), "the source types it straight"
    assert shown in flat(" ".join(prose(soup(built, page))))


@pytest.mark.parametrize("path", ["stories/ousmane", "fr/stories/ousmane", "fr/editions"])
def test_the_head_reads_like_the_page(built: Built, path: str) -> None:
    page = soup(built, path)
    title = page.select_one("h1").get_text()
    meta = {m.get("property") or m.get("name"): m.get("content") for m in page.select("meta")}
    assert page.title.text.startswith(title)
    assert meta["og:title"] == meta["twitter:title"] == title
    assert not STRAIGHT.search(page.title.text + meta["og:title"] + meta["og:description"])


def test_no_straight_quote_is_left_in_the_prose_of_any_page(built: Built) -> None:
    """Code and attribute values aside, every page of both languages: the guide, which
    quotes YAML and Markdown in code, and the pages written with straight apostrophes."""
    left = {}
    for path in sorted(built.site.rglob("*.html")):
        found = [
            t for t in prose(BeautifulSoup(path.read_text("utf-8"), "lxml")) if STRAIGHT.search(t)
        ]
        if found:
            left[str(path.relative_to(built.site))] = found[:3]
    assert left == {}


def test_code_addresses_and_attributes_stay_as_typed(built: Built) -> None:
    for path in ("guide/report", "fr/guide/report"):
        assert any('number: "2026/01"' in c.get_text() for c in soup(built, path).select("pre"))
    spans = {c.get_text() for c in soup(built, "guide/testimony").select("p code, li code")}
    assert {'"thuis"', "zo'n", "'s avonds"} <= spans
    spans = {c.get_text() for c in soup(built, "fr/guide/testimony").select("p code, li code")}
    assert {'"chez nous"', "qu'elles"} <= spans
    story = soup(built, "fr/stories/ousmane")
    assert "d'un jeune homme" in story.select_one("figure.photo img")["alt"]
    for path in sorted(built.site.rglob("*.html")):
        page = BeautifulSoup(path.read_text("utf-8"), "lxml")
        for tag in page.select("[href], [src], [srcset]"):
            urls = " ".join(tag.get(a, "") for a in ("href", "src", "srcset"))
            assert not TYPOGRAPHIC.search(urls), (path, urls)


@pytest.mark.parametrize(("lang", "shown"), [("nl", "’s nachts"), ("fr", "j’apprends")])
def test_the_feed_shows_the_same_marks(built: Built, lang: str, shown: str) -> None:
    feed = (built.site / ("fr" if lang == "fr" else "") / "feed.xml").read_text("utf-8")
    assert shown in feed
    assert "'s nachts" not in feed and "j'apprends" not in feed
