"""The print HTML: drop caps, heading levels, French spacing, consent, completing the booklet."""

from __future__ import annotations

from pathlib import Path

import pytest

from jrs_site.load.loader import load_site
from jrs_site.model.schemas import FILLERS, Filler
from jrs_site.outputs.pdf.html import (
    EditionHtml,
    demote_headings,
    drop_cap,
    keep_with_next,
    lead_photo,
)
from jrs_site.outputs.pdf.render import fillers
from tests.conftest import STORY_META, write_yaml
from tests.pdf.conftest import options


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<p>Beste lezer</p><p>Tweede.</p>", '<p class="first"><span class="dropcap">B</span>'),
        # A salutation on its own: the letter opens the text after it.
        (
            "<p>Beste lezer,</p>\n<p>Tweede.</p>",
            '<p>Beste lezer,</p>\n<p class="first"><span class="dropcap">T</span>',
        ),
        ("<h2>Titel</h2>\n<p>“Wachten”</p>", '<p class="first"><span class="dropcap">“W</span>'),
        ("<p><strong>Donderdag</strong></p>", '<p class="first"><strong><span class="dropcap">D'),
        ('<p dir="ltr">Beste</p>', '<p class="first" dir="ltr"><span class="dropcap">B</span>'),
        # A right-to-left script that does not join its letters (the stylesheet floats it right).
        (
            '<p dir="rtl" lang="he">שלום לכם</p>',
            '<p class="first" dir="rtl" lang="he"><span class="dropcap">ש</span>לום',
        ),
        # The accents of a decomposed letter stay with it (Vietnamese Ư with an acute).
        ("<p>U\u031b\u0301ng</p>", '<span class="dropcap">U\u031b\u0301</span>ng'),
    ],
)
def test_drop_cap_wraps_the_first_letter(body: str, expected: str) -> None:
    html = drop_cap(body)
    assert expected in html
    assert html.count("dropcap") == 1


@pytest.mark.parametrize(
    "opening",
    [
        '<p dir="rtl" lang="ar">قال أحمد: الصبر مفتاح الفرج.</p>',  # Arabic
        '<p dir="rtl" lang="fa">من از کابل آمدم.</p>',  # Dari
        '<p dir="rtl" lang="syr">ܫܠܡܐ ܥܠܝܟܘܢ</p>',  # Syriac
        '<p dir="rtl">ߊߟߎ ߓߍ߫</p>',  # N'Ko
        '<p lang="mn">ᠮᠣᠩᠭᠣᠯ</p>',  # Mongolian
    ],
)
def test_no_drop_cap_tears_a_joined_letter_off_its_word(opening: str) -> None:
    assert drop_cap(opening + "<p>Tweede.</p>") == opening + "<p>Tweede.</p>"


def test_no_drop_cap_when_the_body_opens_with_a_speaker_turn() -> None:
    body = '<p class="turn"><strong class="speaker">Farid:</strong> Ja.</p><p>Nee.</p>'
    assert drop_cap(body) == body


def test_body_headings_come_under_the_article_title() -> None:
    assert demote_headings('<h2 id="a">A</h2><h3>B</h3>') == '<h3 id="a">A</h3><h4>B</h4>'


@pytest.mark.parametrize(
    ("main_pages", "chosen", "has_photo", "expected"),
    [
        (11, list(FILLERS), True, []),
        (10, list(FILLERS), True, ["support"]),
        (9, list(FILLERS), True, ["support", "coupon"]),
        (8, list(FILLERS), True, ["support", "coupon", "next"]),
        (8, ["photo", "coupon"], True, ["photo", "coupon", "support"]),
        (8, ["photo"], False, ["support", "coupon", "next"]),
    ],
)
def test_fillers_complete_the_booklet_once_each_never_blank(
    main_pages: int, chosen: list[Filler], has_photo: bool, expected: list[str]
) -> None:
    assert fillers(main_pages, chosen, has_photo) == expected


def test_a_testimony_without_consent_for_print_is_left_out(content: Path, tmp_path: Path) -> None:
    meta = {**STORY_META, "consent": {**STORY_META["consent"], "uses": ["web", "social"]}}
    write_yaml(content / "stories/samira/story.yml", meta)
    site, _ = load_site(content)
    html = EditionHtml(site, site.editions["118"], "nl", options("screen"), tmp_path).main()
    assert "Verhaal nl samira" not in html
    assert "Titel nl" not in html
    assert "Editoriaal nl" in html


def test_a_heading_spans_the_columns_with_the_block_it_introduces() -> None:
    body = '<h3>A</h3><p>x</p><h3 id="b">B</h3>\n<ul class="key-figures"><li>1</li></ul><p>y</p>'
    html = keep_with_next(body)
    assert '<h3>A</h3><p>x</p><div class="spanning"><h3 id="b">B</h3>' in html
    assert html.endswith("</ul></div><p>y</p>")


def test_an_articles_first_wide_photo_leads_it() -> None:
    photo = '<figure class="photo wide"><img src="a.jpg" alt=""></figure>'
    lead, body = lead_photo(f"<p>a</p>{photo}<p>b</p>{photo.replace('a.jpg', 'b.jpg')}")
    assert lead == photo
    assert body == f"<p>a</p><p>b</p>{photo.replace('a.jpg', 'b.jpg')}"


def test_back_pages_complete_the_booklet_with_a_photo_page(site, tmp_path: Path) -> None:
    source = EditionHtml(site, site.editions["118"], "nl", options("screen"), tmp_path)
    source.main()
    html = source.back(9, ["support", "coupon", "photo"])
    assert html.count('class="filler') == 3
    assert '<figure class="photo full">' in html and ";height:" in html
    assert "@page :first { counter-reset: page 9 }" in html
    assert "Lotte Peeters" in html  # the colophon credits the edition's photographers
