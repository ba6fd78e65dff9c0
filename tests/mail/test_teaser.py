"""The e-mail's teasers, from the small fixture content: an article's first photo, footnote
marks, a right-to-left pull quote."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from jrs_site.load.loader import load_site
from jrs_site.outputs.mail.edition import TEMPLATES, edition_email, excerpt, inline
from jrs_site.render.bidi import mark
from tests.conftest import write_md, write_photo


@dataclass
class WebImage:
    """What the e-mail reads of a published photo."""

    name: str
    width: int = 1200
    height: int = 800

    def fallback(self) -> Path:
        return Path(self.name)


def test_a_teaser_keeps_the_first_photo_and_drops_note_marks(content: Path) -> None:
    folder = content / "editions/118/editorial"
    write_photo(folder / "opening.jpg")
    body = (
        '![Een gezin in Gent](opening.jpg "Het gezin thuis")\n\n'
        "Het aantal steeg[^1] sterk.\n\nHet daalde[^2] daarna.\n\n"
        "[^1]: Bron: jaarverslag 2024.\n[^2]: Dienst Vreemdelingenzaken.\n"
    )
    for lang in ("nl", "fr"):
        write_md(folder / f"{lang}.md", {"title": f"Editoriaal {lang}", "lead": "Lead."}, body)
    site, _ = load_site(content)
    media = {folder / "opening.jpg": WebImage("opening-1200.jpg")}
    email = edition_email(
        site,
        site.editions["118"],
        "nl",
        "https://ankerpunt.example/",
        media,
        "https://ankerpunt.example/media/",
    )
    article = BeautifulSoup(email.html, "lxml").find("td", class_="article")
    photo = article.find("img", class_="photo")
    assert photo is not None, "the photo the article opens with"
    assert photo["src"] == "https://ankerpunt.example/media/opening-1200.jpg"
    assert photo["alt"] == "Een gezin in Gent"
    assert "Het gezin thuis" in article.get_text()
    assert "Het aantal steeg sterk." in article.get_text()
    assert article.find("sup") is None and "#fn" not in str(article)
    assert "steeg1" not in email.text and "Bron" not in email.text
    assert 'href="{{ unsubscribe }}"' in email.html, "Brevo's merge tag by default"


def test_a_right_to_left_pull_quote_has_its_rule_on_the_right() -> None:
    """The pull quote is a one-cell table in the e-mail (no figure: Outlook, Yahoo)."""
    css = (TEMPLATES / "email.css").read_text("utf-8")
    quote = excerpt(
        '<figure class="pullquote"><blockquote><p>الصبر مفتاح الفرج</p></blockquote>'
        "<figcaption>سميرة</figcaption></figure>",
        "https://ankerpunt.example/",
    )
    html = mark(f"<html><head><style>{css}</style></head><body>{quote}", "nl")
    page = BeautifulSoup(inline(html), "lxml")
    assert page.find("figure") is None and page.find("figcaption") is None
    cell = page.select_one("table.pullquote-table[dir=rtl] td.pullquote")
    assert "border-right: 4px solid" in cell["style"] and "border-left: 0" in cell["style"]
    assert cell.find("p", class_="pullquote-by").get_text() == "سميرة"
    assert "font-style: normal" in page.find("blockquote")["style"]  # Arabic has no italics


def test_a_pull_quote_follows_its_article_then_its_own_direction() -> None:
    """In an Arabic e-mail the quotes of an Arabic article have their rule on the right, a
    Dutch quote in it (marked `dir="ltr"` by `bidi.mark`) and those of a Dutch article on the
    left."""
    css = (TEMPLATES / "email.css").read_text("utf-8")
    quote = '<figure class="pullquote"><blockquote><p>{}</p></blockquote></figure>'
    arabic, dutch, own = (
        excerpt(quote.format(text), "https://ankerpunt.example/")
        for text in ("الصبر مفتاح الفرج", "Geduld is de sleutel", "Hallo allemaal")
    )
    cells = f'<td dir="rtl">{arabic}{own}</td><td dir="ltr" lang="nl">{dutch}</td>'
    html = f"<html dir=rtl><head><style>{css}</style></head><body><table><tr>{cells}"
    quotes = BeautifulSoup(inline(mark(html, "ar")), "lxml").select("td.pullquote")
    sides = ["right" if "border-right: 4px" in q["style"] else "left" for q in quotes]
    assert sides == ["right", "left", "left"]
    styles = [q.find("blockquote")["style"] for q in quotes]
    assert ["font-style: normal" in style for style in styles] == [True, False, False]
