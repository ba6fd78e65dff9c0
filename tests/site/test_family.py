"""A family tells a testimony: every name, each with its own pseudonym note, in the facts
line of its pages in both languages, on its card, in the feeds and in the newsletter PDF."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.bad_input.cases import edit
from tests.conftest import Built, build_changed
from tests.tools import run

#: Esther (a pseudonym) and her daughter Grace (her real name), and a name to escape.
FAMILY = (
    "people:\n"
    "  - {name: Esther, pseudonym: true}\n"
    "  - {name: Grace, pseudonym: false}\n"
    "  - {name: '<b>Jo & Li</b>', pseudonym: true}\n"
)
#: What each language writes: the names joined by Babel, the note from the catalogue.
FACTS = {
    "nl": "Esther (schuilnaam), Grace en <b>Jo & Li</b> (schuilnaam)",
    "fr": "Esther (prénom d’emprunt), Grace et <b>Jo & Li</b> (prénom d’emprunt)",
}
CARD = {"nl": "Esther, Grace en <b>Jo & Li</b>", "fr": "Esther, Grace et <b>Jo & Li</b>"}
HOME = {"nl": "", "fr": "fr/"}


@pytest.fixture(scope="module")
def family_site(tmp_path_factory: pytest.TempPathFactory, test_cache: Path) -> Built:
    """The example with Esther's testimony (printed in edition 118) told by a family."""

    person = "person:\n  name: Esther\n  pseudonym: true\n"
    told_by_a_family = edit("stories/esther/story.yml", person, FAMILY)
    return build_changed(tmp_path_factory, test_cache, told_by_a_family)


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path / "index.html").read_text("utf-8"), "lxml")


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_facts_line_names_each_person_with_their_own_note(
    family_site: Built, lang: str
) -> None:
    facts = page(family_site.site, f"{HOME[lang]}stories/esther").select_one(".jrs-facts")
    first = facts.select_one("span")
    assert " ".join(first.get_text().split()) == FACTS[lang]
    assert len(first.select("small")) == 2  # one note for each pseudonym
    assert first.select_one("b") is None  # the name is text, not markup


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_card_names_the_family(family_site: Built, lang: str) -> None:
    cards = page(family_site.site, f"{HOME[lang]}stories").select(".jrs-card")
    card = next(c for c in cards if c.select_one("a[href$='esther/']"))
    meta = card.select_one(".jrs-card__meta").get_text()
    assert meta.startswith(CARD[lang] + " · "), meta


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_feed_names_each_person_with_their_own_note(family_site: Built, lang: str) -> None:
    feed = feedparser.parse((family_site.site / HOME[lang] / "feed.xml").read_bytes())
    entry = next(e for e in feed.entries if e.link.endswith("/esther/"))
    content = BeautifulSoup(entry.content[0].value, "lxml")
    assert any(" ".join(p.get_text().split()) == FACTS[lang] for p in content.select("p"))
    assert content.select_one("b") is None


@pytest.mark.pdf
@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_newsletter_prints_each_person_with_their_own_note(
    family_site: Built, lang: str
) -> None:
    (pdf,) = (family_site.site / "pdf").glob(f"*-118-{lang}.pdf")
    text = run("pdftotext", "-raw", pdf, "-")
    assert FACTS[lang].upper() in " ".join(text.split()).upper()
