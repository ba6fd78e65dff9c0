"""The print PDF of the example edition: boxes, fonts, pages, typography, metadata."""

from __future__ import annotations

import re

import pikepdf
import pytest
from PIL import Image, ImageStat

from jrs_site.model.bundles import Site
from jrs_site.model.languages import BILINGUAL
from jrs_site.outputs.pdf.preflight import preflight
from jrs_site.outputs.pdf.render import TRIM_BOX, Rendered
from jrs_site.render.l10n import typography
from tests.pdf.conftest import EDITION
from tests.pdf.helpers import boxes, flat, info, tall_letters, text
from tests.tools import run

BLEED_PT = 3 / 25.4 * 72

pytestmark = pytest.mark.parametrize("lang", BILINGUAL.codes)  # the example site's


def test_trim_box_is_a4_and_bleed_box_adds_3mm(pdfs: dict, lang: str) -> None:
    path = pdfs[lang, "print"].path
    for page in (1, int(info(path)["Pages"])):
        found = boxes(path, page)
        assert found["TrimBox"] == pytest.approx(TRIM_BOX, abs=0.01)
        x0, y0, x1, y1 = TRIM_BOX
        bleed = (x0 - BLEED_PT, y0 - BLEED_PT, x1 + BLEED_PT, y1 + BLEED_PT)
        assert found["BleedBox"] == pytest.approx(bleed, abs=0.01)
        assert found["MediaBox"] == pytest.approx(bleed, abs=0.01)  # no crop marks by default


def test_every_font_is_embedded_and_is_the_websites(pdfs: dict, lang: str) -> None:
    rows = run("pdffonts", pdfs[lang, "print"].path).splitlines()[2:]
    assert rows
    for row in rows:
        assert row.split()[-5] == "yes", row  # the "emb" column
    families = {re.sub(r"^[A-Z]{6}\+", "", row.split()[0]).split("-")[:3][1] for row in rows}
    assert families == {"Serif", "Sans"}, rows


def test_page_count_is_a_multiple_of_four_with_what_was_added(pdfs: dict, lang: str) -> None:
    rendered: Rendered = pdfs[lang, "print"]
    pages = int(info(rendered.path)["Pages"])
    assert pages == rendered.pages
    assert pages in (8, 12), "the example edition should make 8 or 12 pages"
    screen_pages = pdfs[lang, "screen"].pages
    assert pages - screen_pages == len(rendered.added)


def test_text_is_hyphenated(pdfs: dict, lang: str) -> None:
    lines = text(pdfs[lang, "print"].path, "-layout").splitlines()
    split = [line for line in lines if re.search(r"[a-zà-ÿ]-$", line.rstrip())]
    assert len(split) >= 5, "justified columns should hyphenate in the article's language"


def test_drop_cap_pull_quote_and_byline(site: Site, pdfs: dict, lang: str) -> None:
    path = pdfs[lang, "print"].path
    body = flat(text(path))
    editorial = site.editions[EDITION].articles[0]
    opening, after = editorial.text(lang).body.split("\n\n", 2)[:2]
    first = after if re.fullmatch(r"[^\n]{1,60},", opening) else opening  # after "Beste lezer,"
    first_letter = re.sub(r"\W", "", first)[0]
    assert first_letter in tall_letters(path, 2)
    story = site.stories["farid-mariam"].text(lang).body
    quote = re.search(r"^> (.+)$", story, re.M).group(1)
    assert flat(typography(quote, lang, site.languages))[:40] in body
    author = site.authors[editorial.meta.byline]
    assert f"{author.name}, {author.role.get(lang)}" in body


#: What the example edition's sources type straight, as the PDF must print it.
TYPOGRAPHIC = {
    "nl": ["Open avond: “Aan de andere kant van het hek”", "onder “Steun ons”.", "zo’n"],
    "fr": [
        "Soirée portes ouvertes : « De l’autre côté de la clôture »",
        "à la page « Nous soutenir ».",
        "plus d’informations",
    ],
}


def test_quotes_and_apostrophes_are_typographic(pdfs: dict, lang: str) -> None:
    """pdftotext of the example edition: no straight quote left, the language's own marks
    where the sources have straight ones (white space and hyphenation aside)."""
    printed = text(pdfs[lang, "print"].path)
    assert not re.findall("[\"']", printed)
    squeezed = re.sub(r"\s+", "", printed).replace("\u00ad", "")
    for phrase in TYPOGRAPHIC[lang]:
        assert re.sub(r"\s+", "", phrase) in squeezed, phrase


def test_metadata(site: Site, pdfs: dict, lang: str) -> None:
    path = pdfs[lang, "print"].path
    fields = info(path)
    theme = site.editions[EDITION].text(lang).fields.theme
    assert site.organisation.newsletter.get(lang) in fields["Title"]
    assert theme in fields["Title"] and theme in fields["Subject"]
    assert fields["Author"] == site.organisation.name
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == lang


def test_first_page_is_not_blank(pdfs: dict, lang: str, tmp_path) -> None:
    run(
        "pdftoppm",
        "-r",
        "30",
        "-f",
        "1",
        "-l",
        "1",
        "-png",
        pdfs[lang, "print"].path,
        tmp_path / "p",
    )
    (png,) = tmp_path.glob("p*.png")
    spread = ImageStat.Stat(Image.open(png).convert("L")).stddev[0]
    assert spread > 30, "page 1 should carry the masthead band and the cover photo"


def test_preflight_passes(pdfs: dict, lang: str) -> None:
    report = preflight(pdfs[lang, "print"].path)
    assert report.passed, [c for c in report.checks if c.status != "ok"]
    assert len(report.images) >= 5
    assert all(image.colour_space == "DeviceCMYK" for image in report.images)
    assert all(image.ppi >= 299 for image in report.images)
