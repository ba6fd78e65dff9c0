"""The e-mail edition: what the build and `jrs-site email` write, parsed: inlined styles,
absolute addresses on the site's own host, alt texts, size, consent, and the plain-text part."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from jrs_site.load.loader import load_site
from jrs_site.outputs.mail import UNSUBSCRIBE, plain_text
from jrs_site.render.l10n import typography
from tests.conftest import DRAFT_MARK, NOWEB_MARK, Built, cli, copy_project

HOST = "ankerpunt.example"
NAMES = {"nl": "ankerpunt-nieuws-118-nl", "fr": "ankerpunt-infos-118-fr"}
EDITION_PAGE = {"nl": "editions/118/index.html", "fr": "fr/editions/118/index.html"}
LINK_TEXT = {"nl": "Bekijk als e-mail", "fr": "Voir l’e-mail"}
GMAIL_CLIPS = 100_000  # bytes; Gmail cuts a message off at about 102 KB


def email_html(built: Built, lang: str) -> str:
    return (built.site / "email" / f"{NAMES[lang]}.html").read_text("utf-8")


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "lxml")


def squeezed(text: str) -> str:
    """The text with no white space: the same characters in the same order."""
    return "".join(text.split())


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_build_writes_and_links_each_email(built: Built, lang: str) -> None:
    html = built.site / "email" / f"{NAMES[lang]}.html"
    assert html.is_file() and html.with_suffix(".txt").is_file()
    page = soup((built.site / EDITION_PAGE[lang]).read_text("utf-8"))
    link = page.find("a", string=LINK_TEXT[lang])
    assert link is not None, "the edition page links its e-mail"
    target = (built.site / EDITION_PAGE[lang]).parent / link["href"]
    assert target.resolve() == html.resolve()


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_styles_are_inlined_and_only_media_queries_stay(built: Built, lang: str) -> None:
    html = email_html(built, lang)
    doc = soup(html)
    styles = doc.find_all("style")
    assert len(styles) == 1
    rules = re.sub(r"@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", "", styles[0].string)
    assert rules.strip() == "", f"only @media rules stay in <style>: {rules[:200]}"
    assert "prefers-color-scheme: dark" in styles[0].string
    assert "max-width: 620px" in styles[0].string
    for tag in doc.body.find_all(["p", "h1", "h2", "td", "a", "img"]):
        assert tag.get("style"), f"no inline style on {str(tag)[:120]}"
    for paragraph in doc.body.find_all("p"):
        assert "font-family:" in paragraph["style"], "system font stack inlined"
    assert doc.find(class_="container")["width"] == "600"
    assert not doc.find_all(["script", "link", "iframe", "form"])
    assert "@font-face" not in html and "url(" not in html


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_every_address_is_absolute_on_the_site(built: Built, lang: str) -> None:
    doc = soup(email_html(built, lang))
    links = [a["href"] for a in doc.find_all("a")]
    images = [img["src"] for img in doc.find_all("img")]
    assert images, "the cover and the portraits"
    for url in links + images:
        if url.startswith(("mailto:", "tel:")):
            continue
        parts = urlparse(url)
        assert (parts.scheme, parts.netloc) == ("https", HOST), url
    assert not set(UNSUBSCRIBE.values()) & set(links), "the website's copy has no merge tag"
    assert "mailto:info@ankerpunt.example" in links, "its unsubscribe link writes to us"
    for url in images:
        assert url.startswith(f"https://{HOST}/media/") and url.endswith(".jpg")


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_photos_have_alt_size_and_twice_the_pixels(built: Built, lang: str) -> None:
    from PIL import Image  # noqa: PLC0415

    for img in soup(email_html(built, lang)).find_all("img"):
        assert img.get("alt", "").strip(), img
        assert int(img["width"]) <= 600 and int(img["height"]) > 0
        published = built.site / urlparse(img["src"]).path.lstrip("/")
        with Image.open(published) as photo:
            assert photo.format == "JPEG"
            assert photo.width >= 2 * int(img["width"]) or photo.width >= 1200, img["src"]
            assert not photo.getexif(), "no metadata"


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_small_enough_for_gmail(built: Built, lang: str) -> None:
    assert len(email_html(built, lang).encode()) < GMAIL_CLIPS


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_consent_and_drafts(built: Built, lang: str) -> None:
    """Farid and Mariam agreed to the e-mail, Esther did not: her testimony stays on the
    edition page and out of the e-mail."""
    site, _ = load_site(built.project, built.project / ".cache")
    edition = soup((built.site / EDITION_PAGE[lang]).read_text("utf-8")).get_text()
    text = soup(email_html(built, lang)).get_text()
    for key, expected in (("farid-mariam", True), ("esther", False)):
        title = typography(site.stories[key].text(lang).fields.title, lang, site.languages)
        assert title in edition
        assert (title in text) is expected, key
    assert DRAFT_MARK not in text and NOWEB_MARK not in text


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_teasers_link_to_the_website(built: Built, lang: str) -> None:
    doc = soup(email_html(built, lang))
    articles = doc.find_all("td", class_="article")
    assert len(articles) == 5, "six articles, one without consent for e-mail"
    for article in articles:
        assert article.find("h2").get_text(strip=True)
        button = article.find("a", class_="button-link")
        assert (
            urlparse(button["href"])
            .path.strip("/")
            .startswith(("editions", "stories", "reports", "fr/"))
        )
        assert len(article.find_all("p", class_=False)) <= 2 + 1, "a teaser, not the article"
    assert doc.find(class_="pullquote"), "the testimony's pull quote"
    assert doc.find(class_="kf-value"), "key figures as text"
    assert doc.find(class_="byline")
    assert "BE00 0000 0000 0000" in doc.find(class_="support").get_text()


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_text_part_says_what_the_html_says(built: Built, lang: str) -> None:
    html = email_html(built, lang)
    text = (built.site / "email" / f"{NAMES[lang]}.txt").read_text("utf-8")
    assert text == plain_text(html)
    shown = soup(html)
    for style in shown.find_all(["style", "title"]):
        style.decompose()
    without_addresses = re.sub(r" \((?:https://|mailto:|\{\{|\*\|)[^)]*\)", "", text)
    assert squeezed(without_addresses) == squeezed(shown.get_text())
    for a in shown.find_all("a", class_="button-link"):
        assert f"({a['href']})" in text, "each button's address follows its text"


def test_the_command_writes_one_language(tmp_path: Path, test_cache: Path, monkeypatch) -> None:
    project = copy_project(tmp_path / "project", test_cache)
    out = tmp_path / "out"
    code, output = cli(
        project, monkeypatch, "email", "118", "--lang", "fr", "--out", str(out),
        "--unsubscribe", "mailchimp",
    )  # fmt: skip
    assert code == 0, output
    assert sorted(p.name for p in out.iterdir()) == [f"{NAMES['fr']}.html", f"{NAMES['fr']}.txt"]
    html = (out / f"{NAMES['fr']}.html").read_text("utf-8")
    assert 'href="*|UNSUB|*"' in html and "{{ unsubscribe }}" not in html
    code, output = cli(project, monkeypatch, "email", "999")
    assert code == 1 and "no edition 999" in output


def test_check_names_the_stories_left_out(tmp_path: Path, test_cache: Path) -> None:
    project = copy_project(tmp_path / "project", test_cache)
    _, problems = load_site(project, project / ".cache")
    notes = [p for p in problems if "e-mail" in p.message]
    assert [(p.file.name, p.severity) for p in notes] == [("edition.yml", "info")]
    assert "'esther'" in notes[0].message and "'email'" in notes[0].message
