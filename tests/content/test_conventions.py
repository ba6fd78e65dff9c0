"""The Markdown conventions staff write, one by one: pull quote, speaker turn, photo."""

from __future__ import annotations

from bs4 import BeautifulSoup

from jrs_site.render.markdown import render


def html(body: str, photo: str = "<figure>PHOTO</figure>") -> BeautifulSoup:
    return BeautifulSoup(render(body, "nl", lambda src, alt, caption: photo), "html.parser")


def test_a_blockquote_is_a_pull_quote_signed_by_its_last_dash_line() -> None:
    soup = html("> Ik wilde een deur.\n> — Amina\n")
    quote = soup.select_one("figure.pullquote")
    assert quote.select_one("blockquote").get_text(strip=True) == "Ik wilde een deur."
    assert quote.select_one("figcaption").text == "Amina"


def test_a_pull_quote_without_a_dash_line_has_no_caption() -> None:
    soup = html("> Ik wilde een deur.\n")
    assert soup.select_one("figure.pullquote figcaption") is None


def test_a_lone_dash_line_is_the_quote_not_a_signature() -> None:
    soup = html("> — Amina\n")
    assert soup.select_one("figure.pullquote blockquote").get_text(strip=True) == "— Amina"
    assert soup.select_one("figcaption") is None


def test_a_bold_name_with_colon_opens_a_speaker_turn() -> None:
    soup = html("**Lina:** Ik vertaal voor mama.\n")
    assert soup.select_one("p.turn strong.speaker").text == "Lina:"


def test_bold_without_colon_or_after_text_is_no_turn() -> None:
    soup = html("**Lina** zegt iets.\n\nZe zegt **Lina:** niets.\n")
    assert soup.select("p.turn") == []


def test_a_photo_alone_on_its_line_is_handed_over_as_data() -> None:
    seen: list[tuple[str, str, str]] = []

    def photo(src: str, alt: str, caption: str) -> str:
        seen.append((src, alt, caption))
        return '<figure class="photo">PHOTO</figure>'

    out = render('Tekst.\n\n![Een keukentafel](kitchen.jpg "De keuken")\n', "nl", photo)
    assert seen == [("kitchen.jpg", "Een keukentafel", "De keuken")]
    assert '<figure class="photo">PHOTO</figure>' in out
    assert "<p><figure" not in out, "a block, not inside a paragraph"


def test_author_text_in_a_photo_is_data_for_the_partial() -> None:
    seen: list[tuple[str, str, str]] = []
    render('![a "b" & <c>](x.jpg "d \' & e")\n', "nl", lambda *a: seen.append(a) or "")
    assert seen == [("x.jpg", 'a "b" & <c>', "d ' & e")]
