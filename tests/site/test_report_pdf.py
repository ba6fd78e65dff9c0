"""A report's full PDF kept in its folder (`reports/<slug>/nl.pdf`, `fr.pdf`) is published
with the site without its document metadata, and the report page's "full report" button
leads to it, in each language."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pikepdf
import pytest
from bs4 import BeautifulSoup

from tests.conftest import Built
from tests.tools import run

REPORT = "reports/detention-2024"
PAGE = {"nl": f"{REPORT}/index.html", "fr": f"fr/{REPORT}/index.html"}
BUTTON = {"nl": "Lees het volledige rapport", "fr": "Lire le rapport complet"}
#: What the example's PDFs say of who made them (scripts/make_report_pdf.py).
MADE_BY = ("Nadia Benali", "Example Word Processor", "Example PDF Library")


def published(built: Built, lang: str) -> Path:
    """The file the report page's "full report" button leads to."""
    page = built.site / PAGE[lang]
    doc = BeautifulSoup(page.read_text("utf-8"), "lxml")
    button = doc.select_one("a.md-button--primary")
    assert button is not None and button.get_text(strip=True) == BUTTON[lang]
    target = (page.parent / button["href"]).resolve()
    assert target.is_relative_to(built.site.resolve()) and target.is_file(), button["href"]
    return target


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_button_leads_to_the_pdf_of_the_language(built: Built, lang: str) -> None:
    target = published(built, lang)
    assert target.relative_to(built.site.resolve()).as_posix() == f"pdf/detention-2024-{lang}.pdf"
    source = built.project / REPORT / f"{lang}.pdf"
    with pikepdf.open(target) as copy, pikepdf.open(source) as original:
        assert len(copy.pages) == len(original.pages) == 2
        assert copy.Root.Lang == original.Root.Lang == lang


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_published_pdf_tells_nothing_of_who_made_it(built: Built, lang: str) -> None:
    source = built.project / REPORT / f"{lang}.pdf"
    target = published(built, lang)
    told = run("exiftool", "-a", "-G1", source)
    assert all(name in told for name in MADE_BY), "the example PDF must carry metadata"
    assert "[XMP-dc]" in told and "[PDF]           Author" in told
    shown = run("exiftool", "-a", "-G1", target)
    assert not [name for name in MADE_BY if name in shown], shown
    assert "XMP" not in shown and "Producer" not in shown and "Creator" not in shown
    with pikepdf.open(target) as pdf:
        assert set(pdf.docinfo.keys()) == {"/Title"}, "the title stays, for the viewer"
        assert "/Metadata" not in pdf.Root
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    copies = [
        p for p in built.site.rglob("*.pdf") if hashlib.sha256(p.read_bytes()).hexdigest() == digest
    ]
    assert copies == [], "the source PDF itself is not published"


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_editions_pdf_links_the_published_copy(built: Built, lang: str) -> None:
    """The edition's screen PDF (the report is one of its articles) links the same copy, by
    the site's address: a PDF is read away from the site."""
    name = {"nl": "ankerpunt-nieuws-118-nl.pdf", "fr": "ankerpunt-infos-118-fr.pdf"}[lang]
    with pikepdf.open(built.site / "pdf" / name) as pdf:
        uris = {
            str(a.A.URI)
            for page in pdf.pages
            for a in page.get("/Annots", [])
            if "/A" in a and "/URI" in a.A
        }
    assert f"https://ankerpunt.example/pdf/detention-2024-{lang}.pdf" in uris
