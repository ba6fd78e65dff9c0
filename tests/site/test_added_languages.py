"""Arabic and Ukrainian added to the example as README's "Adding a language" says
(`tests/site/added_languages.py`): every page, PDF and e-mail exists in every language, with
no traceback and no warning but the translations still missing; each plural rule shows its
forms; fallback text carries its own language and direction, and the note the page's."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pikepdf
from bs4 import BeautifulSoup

from jrs_site.outputs.pdf.preflight import DrawnPage, drawn
from tests.conftest import Built, build
from tests.tools import require, run

LANGS = ("ar", "uk")


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "lxml")


def _pages(site: Path, prefix: str) -> set[str]:
    found = {str(p.relative_to(site / prefix)) for p in (site / prefix).rglob("index.html")}
    return {p for p in found if p.split("/")[0] not in ("fr", "ar", "uk", "pagefind")}


def test_every_page_pdf_and_email_in_every_language(added_languages: Built) -> None:
    site, output = added_languages.site, added_languages.output
    assert "Traceback" not in output
    dutch = _pages(site, "")
    assert len(dutch) > 25
    for lang in LANGS:
        assert _pages(site, lang) == dutch, lang
        assert f"pages ({lang}): " in output
        assert (site / f"pdf/ankerpunt-nieuws-118-{lang}.pdf").is_file()
        assert (site / f"email/ankerpunt-nieuws-118-{lang}.html").is_file()
        assert (site / lang / "404.html").is_file()


def test_check_warns_only_of_what_is_not_translated_yet(added_languages: Built) -> None:
    result = build(added_languages.project, "check")
    assert result.returncode == 0, result.stderr[-2000:]
    warnings = [line for line in result.stderr.splitlines() if "warning:" in line]
    assert warnings
    explained = re.compile(r"not translated into (Arabic|Ukrainian) yet")
    assert [w for w in warnings if not explained.search(w)] == []


def test_arabic_pages_read_right_to_left_with_arabic_words(added_languages: Built) -> None:
    page = _soup(added_languages.site / "ar/stories/farid-mariam/index.html")
    assert page.html["lang"] == "ar" and page.body["dir"] == "rtl"
    story = page.select_one("article.jrs-story")
    assert (story["lang"], story["dir"]) == ("ar", "rtl")
    assert "صندوق البريد" in story.h1.get_text()
    assert page.select_one('meta[property="og:locale"]')["content"] == "ar_EG"


def test_plural_forms_of_each_language_on_the_pages(added_languages: Built) -> None:
    """Esther has been in Belgium 7 years: Ukrainian's `many`; Arabic's `few` (3-10)."""
    facts = {
        lang: _soup(added_languages.site / lang / "stories/esther/index.html")
        .select_one(".jrs-facts")
        .get_text()
        for lang in LANGS
    }
    assert "у Бельгії 7 років" in facts["uk"]
    assert "في بلجيكا منذ 7 سنوات" in facts["ar"]


def test_fallback_text_keeps_its_language_and_direction(added_languages: Built) -> None:
    site = added_languages.site
    ousmane = _soup(site / "ar/stories/ousmane/index.html")
    story = ousmane.select_one("article.jrs-story")
    assert (story["lang"], story["dir"]) == ("nl", "ltr")
    note = story.select_one(".jrs-untranslated")
    assert (note["lang"], note["dir"]) == ("ar", "rtl")
    assert note.get_text() == "لم يُترجَم هذا النص إلى العربية بعد. أنت تقرأ النسخة الهولندية."
    assert not re.search("[A-Za-z]", note.get_text())  # Dutch named in Arabic, no Latin
    ukrainian = _soup(site / "uk/stories/ousmane/index.html").select_one(".jrs-untranslated")
    assert ukrainian.get_text().endswith("Мова цієї версії: нідерландська.")
    cards = _soup(site / "ar/stories/index.html").select(".jrs-card article")
    assert {(c["lang"], c["dir"]) for c in cards} == {("ar", "rtl"), ("nl", "ltr")}
    # The page's own words inside the Dutch text carry the page's language (screen readers).
    report = _soup(site / "ar/reports/detention-2024/index.html")
    for heading in report.select("#jrs-figures, #jrs-findings, .jrs-kicker"):
        assert (heading["lang"], heading["dir"]) == ("ar", "rtl"), heading
    metas = {c.select_one(".jrs-card__meta").get("lang") for c in cards}
    assert metas == {"ar", None}  # on the Dutch cards only; the Arabic one is Arabic already
    dutch_report = _soup(site / "reports/detention-2024/index.html")
    assert not dutch_report.select_one("#jrs-figures").has_attr("lang")
    for page in ("about", "stories", "editions", "reports"):  # pages of docs/ not in Arabic
        html = _soup(site / f"ar/{page}/index.html")
        dutch = html.select_one("article div[lang=nl]")
        assert dutch is not None and dutch["dir"] == "ltr", page
        assert "أنت تقرأ النسخة الهولندية" in html.select_one(".jrs-untranslated").get_text()


def test_the_arabic_email_and_pdf_read_right_to_left(added_languages: Built) -> None:
    site = added_languages.site
    email = _soup(site / "email/ankerpunt-nieuws-118-ar.html")
    assert (email.html["lang"], email.html["dir"]) == ("ar", "rtl")
    assert email.select_one("table.container")["dir"] == "rtl"
    articles = {(td["lang"], td["dir"]) for td in email.select("td.article")}
    assert articles == {("ar", "rtl"), ("nl", "ltr")}
    text = run("pdftotext", site / "pdf/ankerpunt-nieuws-118-ar.pdf", "-")
    letters = re.sub(r"[\s\u202a-\u202e]", "", text)  # poppler's bidi marks and spaces
    assert "الانتظارالطويل" in letters and "لميُترجَمهذاالنص" in letters


def test_the_arabic_pdf_opens_right_to_left(added_languages: Built) -> None:
    """Facing pages shown from right to left, as an Arabic booklet opens; Dutch as before."""
    pdfs = added_languages.site / "pdf"
    with pikepdf.open(pdfs / "ankerpunt-nieuws-118-ar.pdf") as pdf:
        assert pdf.Root.ViewerPreferences.Direction == pikepdf.Name.R2L
    with pikepdf.open(pdfs / "ankerpunt-nieuws-118-nl.pdf") as pdf:
        assert "/Direction" not in pdf.Root.ViewerPreferences


def test_the_printer_s_pdf_in_arabic_and_ukrainian_passes_preflight(
    added_languages: Built, tmp_path: Path
) -> None:
    """Every word of the source printed, read in the order an Arabic page gives its text."""
    require("CMYK profile")
    for lang in LANGS:
        result = subprocess.run(
            [sys.executable, "-m", "jrs_site", "pdf", "118", "--variant", "print"]
            + ["--lang", lang, "--out", str(tmp_path)],
            cwd=added_languages.project,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        assert "preflight: passed" in result.stdout + result.stderr
        # Page numbers on the outer edge: odd pages are right-hand ones, left-hand ones in a
        # booklet bound on the right (Arabic), the pages after the articles included.
        odd_side = "left" if lang == "ar" else "right"
        for page in drawn(tmp_path / f"ankerpunt-nieuws-118-{lang}-print.pdf")[1:-1]:
            side = _number_side(page)
            assert side == (odd_side if page.number % 2 else _other(odd_side)), (lang, page.number)


def _other(side: str) -> str:
    return "left" if side == "right" else "right"


def _number_side(page: DrawnPage) -> str:
    """Where the page's number is printed in its footer: the largest digits there."""
    foot = [g for g in page.glyphs if g.char.isdigit() and g.box[3] < page.trim[1] + 45]
    tallest = max(g.box[3] - g.box[1] for g in foot)
    number = [g for g in foot if g.box[3] - g.box[1] > 0.9 * tallest]
    return "left" if number[0].box[0] < (page.trim[0] + page.trim[2]) / 2 else "right"
