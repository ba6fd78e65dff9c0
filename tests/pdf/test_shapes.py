"""The shapes of real reports and testimonies in print: footnotes and tables, long addresses,
photos of either orientation, right-to-left text. The slower tests print the small fixture
edition with an editorial of their own."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from weasyprint import CSS, HTML
from weasyprint.formatting_structure.boxes import BlockBox, TextBox

from jrs_site.load.loader import load_site
from jrs_site.outputs.pdf.html import (
    STYLESHEET,
    EditionHtml,
    address,
    break_addresses,
    drop_cap,
    keep_names_whole,
)
from jrs_site.outputs.pdf.layout import (
    COLUMN_WIDTH,
    TEXT_WIDTH,
    page_css,
    print_resolution_problems,
)
from jrs_site.outputs.pdf.preflight import preflight
from jrs_site.outputs.pdf.render import Rendered, edition_pdf
from tests.conftest import write_md, write_photo
from tests.pdf.conftest import options
from tests.pdf.helpers import flat, text

TABLE = "".join(
    f"{row}\n"
    for row in ("| Centrum | 2023 | 2024 |", "|:--|--:|--:|", "| Merksplas | 980 | 1.102 |")
)
NOTES = {
    "nl": "Het aantal steeg[^1] en daalde daarna[^2].\n\n" + TABLE + "\n"
    "[^1]: Bron: jaarverslag 2024, p. 12.\n[^2]: Dienst Vreemdelingenzaken.\n",
    "fr": "Le nombre a augmenté[^1] puis baissé[^2].\n\n" + TABLE + "\n"
    "[^1]: Source : rapport annuel 2024, p. 12.\n[^2]: Office des étrangers.\n",
}


def _edition(content: Path, tmp_path: Path, bodies: dict[str, str], lang: str) -> Rendered:
    """The fixture edition in print, its editorial's body replaced by `bodies[lang]`."""
    for code, body in bodies.items():
        front = {"kicker": "Editoriaal", "title": f"Editoriaal {code}", "lead": "Lead."}
        write_md(content / f"editions/118/editorial/{code}.md", front, body)
    site, _ = load_site(content)
    return edition_pdf(site, site.editions["118"], lang, options("print"), tmp_path / "cache")


def test_an_edition_with_footnotes_and_a_table_passes_preflight(
    content: Path, tmp_path: Path
) -> None:
    for lang in ("nl", "fr"):
        rendered = _edition(content, tmp_path, NOTES, lang)
        report = preflight(rendered.path, rendered.source)
        assert [c for c in report.checks if c.status == "fail"] == []
        printed = text(rendered.path)
        assert "↩" not in printed
        assert "Dienst Vreemdelingenzaken." in printed or "Office des étrangers." in printed


ADDRESSES = (
    "https://anker-punt.example/rapporten/2025/detentie-cijfers",
    "www.anker-punt.example/Steenokkerzeel/bezoekregeling-gesloten-centra",
    "onthaal-vrijwilligers@anker-punt.example",
)


def test_an_address_is_cut_only_after_a_slash_or_a_dot() -> None:
    html = keep_names_whole(break_addresses(f"<p>Zie {ADDRESSES[0]}.</p>"))
    assert html == (
        '<p>Zie <span class="address"><span>https://</span><wbr><span>anker-punt.</span><wbr>'
        "<span>example/</span><wbr><span>rapporten/</span><wbr><span>2025/</span><wbr>"
        "<span>detentie-cijfers</span></span>.</p>"
    )
    link = f'<a href="https://{ADDRESSES[1]}">{ADDRESSES[1]}</a>'
    assert break_addresses(link).startswith('<a href="https://www.anker-punt.example/Steen')


def test_the_reports_address_breaks_as_addresses_in_the_text(content: Path, tmp_path: Path) -> None:
    assert address("a.example/?n=1&b=2") == (
        '<span class="address"><span>a.</span><wbr><span>example/</span><wbr>'
        "<span>?n=1&amp;b=2</span></span>"
    )
    site, _ = load_site(content)
    html = EditionHtml(site, site.editions["118"], "nl", options("screen"), tmp_path).main()
    assert "<span>example.</span><wbr><span>org/</span><wbr><span>nl.</span>" in html


def test_a_long_address_is_never_hyphenated(content: Path, tmp_path: Path) -> None:
    """Addresses at every offset in a narrow column: the PDF's text holds each one whole once
    white space is taken out, and every line break inside one follows a / or a ."""
    words = ["Het", "rapport", "staat", "op"]
    paragraphs = [
        f"{' '.join(words[: n % 4 + 1])} {where} en [{where}](https://{where}), lees het."
        for n, where in enumerate(ADDRESSES * 4)
    ]
    body = "\n\n".join(paragraphs) + "\n"
    printed = text(_edition(content, tmp_path, {"nl": body, "fr": body}, "nl").path)
    for where in ADDRESSES:
        spread = r"\s*".join(map(re.escape, where))  # each character, perhaps a line end
        found = re.findall(spread, printed)
        assert len(found) == 8, f"{where} is printed whole, without a hyphen added"
        cuts = [f[m.start() - 1] for f in found for m in re.finditer(r"\s+", f)]
        assert cuts, "the column is narrow enough to break the address"
        assert set(cuts) <= {"/", "."}, f"{where} is cut only after a / or a ."


PHOTOS = {
    "band.jpg": (2400, 1500),
    "staand.jpg": (1200, 1800),
    "liggend.jpg": (2400, 1600),
    "hoog.jpg": (1100, 1500),
}


def test_photos_print_in_their_own_shape(content: Path, tmp_path: Path) -> None:
    """The first landscape photo leads the article, a band across the page under the title;
    the next one keeps its shape across the columns, those taller than wide stand in a column
    at their full height: not cropped to a strip."""
    for name, size in PHOTOS.items():
        write_photo(content / "editions/118/editorial" / name, size)
    body = "".join(f"Alinea {n}. " * 60 + f"\n\n![Foto {n}]({n})\n\n" for n in PHOTOS)
    rendered = _edition(content, tmp_path, {"nl": body, "fr": body}, "nl")
    report = preflight(rendered.path, rendered.source)
    assert [c for c in report.checks if c.status == "fail"] == []
    placed = {i.pixels: i for i in report.images if i.pixels in PHOTOS.values()}
    assert sorted(placed) == sorted(PHOTOS.values())
    for pixels, image in placed.items():
        x0, y0, x1, y1 = image.visible
        shown, ratio = (x1 - x0) / (y1 - y0), pixels[0] / pixels[1]
        column = pixels[0] <= pixels[1]
        assert image.size_mm[0] == pytest.approx(COLUMN_WIDTH if column else TEXT_WIDTH, abs=0.5)
        if pixels == PHOTOS["band.jpg"]:
            assert (y1 - y0) * 25.4 / 72 == pytest.approx(86, abs=0.5)
        else:
            assert shown == pytest.approx(ratio, rel=0.03), f"{pixels} keeps its proportions"


def test_a_portrait_that_does_not_fit_leaves_the_text_before_it_in_place(
    content: Path, tmp_path: Path
) -> None:
    """Under a lead photo there is no room for a portrait: it goes to the next page, and the
    short paragraph before it stays under the title instead of taking the whole text along."""
    folder = content / "editions/118/editorial"
    write_photo(folder / "band.jpg", PHOTOS["band.jpg"])
    write_photo(folder / "staand.jpg", (1000, 1800))
    body = (
        "![Band](band.jpg)\n\n"
        + "Korte eerste alinea. " * 12
        + "\n\n![Staand](staand.jpg)\n\n"
        + "Lange tweede alinea. " * 300
        + "\n"
    )
    rendered = _edition(content, tmp_path, {"nl": body, "fr": body}, "nl")
    title_page = text(rendered.path, "-f", "2", "-l", "2")
    assert "Editoriaal nl" in title_page and "eerste alinea" in title_page


def test_the_resolution_check_measures_each_photo_at_its_printed_width(content: Path) -> None:
    """1100 pixels are enough for a column (327 ppi), not across both (157 ppi)."""
    folder = content / "editions/118/editorial"
    write_photo(folder / "staand.jpg", (1100, 1500))
    write_photo(folder / "liggend.jpg", (1100, 800))
    body = "Tekst.\n\n![Staand](staand.jpg)\n\n![Liggend](liggend.jpg)\n"
    for lang in ("nl", "fr"):
        write_md(folder / f"{lang}.md", {"title": "Editoriaal", "lead": "Lead."}, body)
    site, _ = load_site(content)
    problems = print_resolution_problems(site)
    assert [p.message.split(":")[0] for p in problems] == ["'liggend.jpg' in the print edition 118"]


def _text_boxes(html: str, css: str = "") -> dict[str, float]:
    """Each text run of a one-page document, stripped, with its left edge on the page."""
    (page,) = HTML(string=html).render(stylesheets=[CSS(string=css)]).pages
    return {
        box.text.strip(): box.position_x
        for box in page._page_box.descendants()  # noqa: SLF001 - WeasyPrint's box tree
        if isinstance(box, TextBox)
    }


def test_a_run_of_the_other_direction_keeps_its_place_and_punctuation() -> None:
    """WeasyPrint sets each inline box on its own, as if isolated: a right-to-left name in a
    Dutch sentence keeps "(62)." after it (on its right), a Dutch place in an Arabic sentence
    stands where it is read. So print needs no isolate characters around `<span dir>`."""
    name = "محمد الأحمد"
    ltr = _text_boxes(
        f'<p lang="nl">Zijn naam is <span dir="rtl" lang="ar">{name}</span> (62).</p>'
    )
    assert ltr["Zijn naam is"] < ltr[name] < ltr["(62)."]
    place = '<span dir="ltr" lang="nl">Brussel (België)</span>'
    rtl = _text_boxes(f'<p dir="rtl" lang="ar">وصل إلى {place} عام 2019.</p>')
    assert rtl["عام 2019."] < rtl["Brussel (België)"] < rtl["وصل إلى"]


def _print_css() -> str:
    return page_css(options("screen")) + STYLESHEET.read_text("utf-8")


def test_a_right_to_left_drop_cap_stands_on_the_right() -> None:
    body = drop_cap('<p dir="rtl" lang="he">שלום לכולם, אנחנו מחכים כבר שנתיים.</p>')
    html = f'<html class="screen" lang="nl"><div class="body">{body}</div>'
    boxes = _text_boxes(html, _print_css())
    rest = next(x for text, x in boxes.items() if text.startswith("לום"))
    assert boxes["ש"] > rest, "the drop cap on the right, the text on its left"


def test_a_list_keeps_its_markers_on_the_side_it_starts() -> None:
    """The indent that holds the markers is on the left of a Dutch item, on the right of an
    Arabic one, in a Dutch list as in an Arabic one; a nested list one indent further in."""
    lists = (
        '<ul><li>Een</li><li dir="rtl">البند الثاني</li></ul>'
        '<ul dir="rtl"><li>البند الأول<ul><li>بند فرعي</li></ul></li><li dir="ltr">Twee</li></ul>'
    )
    html = f'<html class="screen" lang="nl"><div class="body" style="columns: 1">{lists}</div>'
    (page,) = HTML(string=html).render(stylesheets=[CSS(string=_print_css())]).pages
    items: dict[object, tuple[float, float]] = {}
    for box in page._page_box.descendants():  # noqa: SLF001 - WeasyPrint's box tree
        if isinstance(box, BlockBox) and box.element_tag == "li":
            items.setdefault(box.element, (box.content_box_x(), box.content_box_x() + box.width))
    (one, two, three, nested, four) = items.values()
    indent = 4.5 * 96 / 25.4
    left, right = one[0], two[1]
    assert right - left == pytest.approx(one[1] - one[0] - indent, abs=0.5)
    assert (three[1], four[0]) == pytest.approx((right, left), abs=0.5)
    assert nested[1] == pytest.approx(right - indent, abs=0.5)


def test_nested_list_markers_are_characters_the_print_fonts_draw(tmp_path: Path) -> None:
    lists = "<ul><li>Een<ul><li>Twee<ul><li>Drie</li></ul></li></ul></li></ul>"
    html = f'<html class="screen" lang="nl"><div class="body">{lists}</div>'
    HTML(string=html).write_pdf(tmp_path / "lists.pdf", stylesheets=[CSS(string=_print_css())])
    assert flat(text(tmp_path / "lists.pdf")).startswith("• Een – Twee • Drie")


def test_no_letter_spacing_pulls_arabic_letters_apart() -> None:
    """Labels set with letter spacing (kicker, speaker, pull quote caption) keep Arabic joined."""
    body = (
        '<p class="kicker">Getuigenis <span dir="rtl">سميرة</span></p>'
        '<p class="turn" dir="rtl"><strong class="speaker">فريد:</strong> نحن ننتظر.</p>'
        '<figure class="pullquote" dir="rtl"><blockquote><p>الصبر</p></blockquote>'
        "<figcaption>مثل عربي</figcaption></figure>"
    )
    html = f'<html class="screen" lang="nl"><div class="body">{body}</div>'
    (page,) = HTML(string=html).render(stylesheets=[CSS(string=_print_css())]).pages
    spacing = {
        box.text: box.style["letter_spacing"]
        for box in page._page_box.descendants()  # noqa: SLF001 - WeasyPrint's box tree
        if isinstance(box, TextBox)
    }
    assert spacing["GETUIGENIS "] > 0, "the Dutch kicker keeps its spacing"
    for arabic in ("سميرة", "فريد:", "مثل عربي"):
        assert spacing[arabic] == 0, arabic
