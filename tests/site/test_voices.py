"""Edition 119 (`tests/voices/`): the scripts, right-to-left text and report shapes of the
people we serve, through `check`, the website, the e-mail and both PDFs."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import VOICES, Built

#: Words in every script of the edition, as written in its sources: each must be in the PDF
#: text, in the pages and in the e-mail.
VOICES_TEXT = {
    "nl": [
        "سميرة",
        "ዮናስ",
        "Оюунаа",
        "Nguyễn Thị Hằng",
        "Ayşe Yıldız",
        "Ștefan Popescu",
        "ما هنوز منتظر هستیم، اما امید داریم.",
        "Сайн байна уу",
        "ቀስ ብቐስ እንቋቝሖ ብእግሩ ይኸይድ",
        "ښه راغلاست",
        "Терпение и труд всё перетрут",
        "الصبر مفتاح الفرج",
        "بيتنا صغير لكنه دافئ، وابنتي تتكلم الآن ثلاث لغات.",
        "https://anker-punt.example/rapporten/2025/detentie-cijfers-per-centrum-en-per-maand",
        "Gesprekken per taal in 2025. Bron: onthaalregister van Ankerpunt.",
        "Onthaalregister van Ankerpunt, januari tot december 2025 (fictief).",
        "een briefje ondertekenen",
        "русский, українська",
    ],
}
VOICES_TEXT["fr"] = [
    *VOICES_TEXT["nl"][:12],
    VOICES_TEXT["nl"][12],
    VOICES_TEXT["nl"][13],
    "Entretiens par langue en 2025. Source : registre d'accueil d'Ankerpunt.",
    "Registre d'accueil d'Ankerpunt, de janvier à décembre 2025 (fictif).",
    "signer un mot",
    "русский, українська",
]
EDITION = {"nl": "editions/119/index.html", "fr": "fr/editions/119/index.html"}


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text("utf-8"), "html.parser")


def comparable(text: str) -> str:
    """Text as a reader finds it: without spaces, line-end hyphens of addresses nor invisible
    characters (isolates, zero-width spaces), with French quotes and apostrophes as typed."""
    text = re.sub("[\u2066-\u2069\u200b-\u200f\u00ad\u202f\u00a0\\s]", "", text)
    return text.replace("’", "'").replace("«", "").replace("»", "")


def test_check_is_clean(voices: Built) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "jrs_site", "check", "--format", "json"],
        cwd=voices.project,
        capture_output=True,
        text=True,
        check=False,
    )
    mine = [
        p
        for p in json.loads(result.stdout)
        if p["severity"] != "info" and (VOICES / p["file"]).exists()
    ]
    assert mine == []


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_every_voice_is_on_the_edition_pages(voices: Built, lang: str) -> None:
    pages = "".join(
        comparable(soup(voices.site, page).get_text())
        for page in (
            EDITION[lang],
            f"{'fr/' if lang == 'fr' else ''}stories/samira-yusuf/index.html",
            f"{'fr/' if lang == 'fr' else ''}reports/voices-2025/index.html",
        )
    )
    missing = [s for s in VOICES_TEXT[lang] if comparable(s) not in pages]
    assert missing == []


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_right_to_left_blocks_and_passages_carry_dir_and_lang(voices: Built, lang: str) -> None:
    page = soup(voices.site, EDITION[lang])
    dari = next(p for p in page.select("p[lang]") if "منتظر" in p.text)
    assert (dari["lang"], dari["dir"]) == ("fa-AF", "rtl")
    assert {s["lang"] for s in page.select("span[lang]")} >= {"mn", "ti", "ps", "ru"}
    pashto = next(s for s in page.select("span[lang=ps]"))
    assert pashto["dir"] == "rtl"
    story = soup(voices.site, f"{'fr/' if lang == 'fr' else ''}stories/samira-yusuf/index.html")
    turn = next(p for p in story.select("p.turn") if "بيتنا" in p.text)
    assert turn["dir"] == "rtl"
    assert story.select_one("figure.pullquote")["dir"] == "rtl"


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_footnotes_are_scoped_on_the_edition_page(voices: Built, lang: str) -> None:
    page = soup(voices.site, EDITION[lang])
    ids = Counter(tag["id"] for tag in page.select("[id]"))
    assert [i for i, n in ids.items() if n > 1] == []
    refs = page.select("a.footnote-ref")
    assert len(refs) >= 3  # the editorial's note and the report's two
    for ref in refs:
        note = page.find(id=ref["href"].removeprefix("#"))
        assert note is not None and note.name == "li", ref
    titles = {a["title"] for a in page.select("a.footnote-backref")}
    assert all(("voetnoot" if lang == "nl" else "note") in title for title in titles)


def test_lists_tables_and_addresses_as_people_write_them(voices: Built) -> None:
    page = soup(voices.site, "reports/voices-2025/index.html")
    assert page.select_one("table > caption").text.startswith("Gesprekken per taal in 2025")
    nested = page.select("li > ul > li")
    assert [li.find(string=True, recursive=False).strip() for li in nested][:2] == [
        "ook voor het Tigrinya en het Pashto",
        "ook aan de telefoon",
    ]
    edition = soup(voices.site, EDITION["nl"])
    assert edition.select_one('a[href^="https://anker-punt.example/rapporten/2025/"]') is not None
    assert edition.select_one('a[href="mailto:onthaal@anker-punt.example"]') is not None
    assert edition.select("li > ul > li > ul > li")  # three levels, written with 2 spaces
