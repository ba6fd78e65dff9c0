"""The organisation's own footer on every page, in the page's language: contact, how to give,
the newsletter, the feed and privacy, with links that lead somewhere in that language."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from jrs_site.load.loader import load_site
from jrs_site.render.l10n import text_typography
from tests.conftest import Built

TEXTS = {
    "nl": ("Steun ons", "Ontvang Ankerpunt Nieuws", "Privacyverklaring"),
    "fr": ("Nous soutenir", "Recevoir Ankerpunt Infos", "Politique de confidentialité"),
}


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("index.html"))


def language(site: Path, page: Path) -> str:
    return "fr" if page.relative_to(site).parts[0] == "fr" else "nl"


def test_every_page_has_the_footer_in_its_language(built: Built) -> None:
    site = load_site(built.project)[0]
    org = site.organisation
    checked = 0
    for page in [*pages(built.site), built.site / "404.html"]:
        footer = BeautifulSoup(page.read_text("utf-8"), "lxml").select_one("footer.jrs-footer")
        assert footer is not None, page
        text = footer.get_text(" ", strip=True)
        lang = language(built.site, page)
        assert all(words in text for words in TEXTS[lang]), (page, text)
        assert org.iban in text and text_typography(org.address, lang, site.languages) in text
        assert "Material for MkDocs" not in page.read_text("utf-8"), page
        checked += 1
    assert checked > 40


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_footer_links_lead_to_pages_of_the_same_language(built: Built, lang: str) -> None:
    prefix = "" if lang == "nl" else "fr/"
    page = built.site / prefix / "stories/esther/index.html"
    footer = BeautifulSoup(page.read_text("utf-8"), "lxml").select_one("footer.jrs-footer")
    hrefs = [a["href"] for a in footer.select("a[href]")]
    local = [h for h in hrefs if not h.startswith(("mailto:", "tel:", "http"))]
    assert len(local) == 3, hrefs  # how to give, the feed, privacy
    for href in local:
        target = urlparse(urljoin(f"/{prefix}stories/esther/", href)).path.lstrip("/")
        assert target.startswith(prefix), href
        path = built.site / target
        assert (path / "index.html" if target.endswith("/") else path).is_file(), href
    signup = next(a["href"] for a in footer.select("a") if a.get_text() == TEXTS[lang][1])
    assert signup.startswith("mailto:") and "subject=" in signup
    assert TEXTS[lang][1].split(maxsplit=1)[1] in unquote(signup), "names the newsletter"
