"""What each file made of an edition is called, wherever it is written (the site, `jrs-site
pdf`, `jrs-site email`): `ankerpunt-nieuws-118-nl.pdf`, `...-nl-print.pdf`, `...-nl.html`; and
a report's full PDF, as the site publishes it."""

from __future__ import annotations

from jrs_site.model.bundles import Edition, Report, Site
from jrs_site.outputs.web.publish import PDF_DIR
from jrs_site.util.text import slugify


def edition_stem(site: Site, edition: Edition, lang: str) -> str:
    """`ankerpunt-nieuws-118-nl`: the start of the name of every file made of an edition."""
    return f"{slugify(site.organisation.newsletter.get(lang))}-{edition.key}-{lang}"


def pdf_name(site: Site, edition: Edition, lang: str, variant: str = "") -> str:
    """`ankerpunt-nieuws-118-nl.pdf` (`...-nl-print.pdf`): the file name of an edition's PDF."""
    suffix = f"-{variant}" if variant else ""
    return f"{edition_stem(site, edition, lang)}{suffix}.pdf"


def email_name(site: Site, edition: Edition, lang: str, ext: str = "html") -> str:
    """`ankerpunt-nieuws-118-nl.html` (`.txt`): named like the edition's PDFs."""
    return f"{edition_stem(site, edition, lang)}.{ext}"


def report_pdf_path(report: Report, lang: str) -> str:
    """`pdf/detention-2024-nl.pdf`: where the site publishes a report's full PDF."""
    return f"{PDF_DIR}/{report.key}-{lang}.pdf"
