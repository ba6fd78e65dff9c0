"""Make the example report's full PDFs: `reports/detention-2024/nl.pdf` and `fr.pdf`.

A short, fictional report of two pages (WeasyPrint), with what an office program leaves in
a PDF: an author, a creator and a producer in its document information, and the same in an
XMP metadata packet. The site publishes a copy without them (tests/site/test_report_pdf.py).

Usage:
    .venv/bin/python scripts/make_report_pdf.py [REPO_ROOT]
"""

from __future__ import annotations

import sys
from pathlib import Path

import pikepdf
from weasyprint import HTML

AUTHOR = "Nadia Benali (fictional)"
CREATOR = "Example Word Processor 16.2"
PRODUCER = "Example PDF Library 4.1"
TEXTS = {
    "nl": (
        "Opgesloten zonder misdrijf: het volledige rapport",
        "Dit is een fictief voorbeeldrapport van Ankerpunt, gemaakt voor de voorbeeldsite. "
        "Het bevat geen echte gegevens.",
        "Hoofdstuk 1. Cijfers over de gesloten centra",
    ),
    "fr": (
        "Enfermés sans délit : le rapport complet",
        "Ceci est un rapport fictif d'Ankerpunt, fait pour le site d'exemple. "
        "Il ne contient aucune donnée réelle.",
        "Chapitre 1. Les chiffres des centres fermés",
    ),
}
PAGE = """<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<style>@page {{ size: A4; margin: 25mm }} body {{ font-family: serif; font-size: 12pt }}
h2 {{ break-before: page }}</style></head>
<body><h1>{title}</h1><p>{intro}</p><h2>{chapter}</h2><p>{intro}</p></body></html>"""


def make(path: Path, lang: str) -> None:
    title, intro, chapter = TEXTS[lang]
    HTML(string=PAGE.format(lang=lang, title=title, intro=intro, chapter=chapter)).write_pdf(path)
    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        with pdf.open_metadata(set_pikepdf_as_editor=False) as xmp:
            xmp["dc:title"] = title
            xmp["dc:creator"] = [AUTHOR]
            xmp["xmp:CreatorTool"] = CREATOR
            xmp["pdf:Producer"] = PRODUCER
        pdf.docinfo["/Title"] = title
        pdf.docinfo["/Author"] = AUTHOR
        pdf.docinfo["/Creator"] = CREATOR
        pdf.docinfo["/Producer"] = PRODUCER
        pdf.save(path, deterministic_id=True)


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
    for lang in TEXTS:
        path = root / "reports" / "detention-2024" / f"{lang}.pdf"
        make(path, lang)
        print(f"{path}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
