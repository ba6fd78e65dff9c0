"""The print flow: articles follow each other, story openings adapt to long headlines and
captions, the pages after the articles are never blank nor twice the same, the back page
carries the mailing panel in print only, names are not hyphenated."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import pytest
import yaml
from weasyprint import CSS, HTML
from weasyprint.formatting_structure.boxes import BlockBox

from jrs_site.load.loader import load_site
from jrs_site.model.bundles import Site
from jrs_site.model.languages import BILINGUAL
from jrs_site.outputs.pdf.html import LONG_HEADLINE, EditionHtml, keep_names_whole, print_body
from jrs_site.outputs.pdf.layout import COLUMN_WIDTH
from jrs_site.outputs.pdf.preflight import drawn, preflight
from jrs_site.outputs.pdf.render import Rendered, make_pdf
from tests.conftest import story_text, write_md
from tests.pdf.conftest import EDITION, options

PX_PER_MM = 96 / 25.4


def printed(rendered: Rendered) -> str:
    return "".join(page.text() for page in drawn(rendered.path))


@pytest.mark.parametrize("lang", BILINGUAL.codes)  # the example site's
def test_the_example_edition_passes_preflight_against_its_source(pdfs: dict, lang: str) -> None:
    rendered: Rendered = pdfs[lang, "print"]
    report = preflight(rendered.path, rendered.source)
    assert [c for c in report.checks if c.status == "fail"] == []
    names = {c.name for c in report.checks}
    assert {"Text in safe area", "Empty pages", "Text complete", "Headings"} <= names


@pytest.mark.parametrize("lang", BILINGUAL.codes)  # the example site's
def test_the_bank_account_is_printed_once(pdfs: dict, lang: str) -> None:
    assert printed(pdfs[lang, "print"]).count("BE00000000000000") == 1


@pytest.mark.parametrize("lang", BILINGUAL.codes)  # the example site's
def test_the_mailing_panel_is_on_the_print_back_page_only(pdfs: dict, lang: str) -> None:
    indication = "P.B.-P.P." if lang == "nl" else "P.P.-P.B."
    back = drawn(pdfs[lang, "print"].path)[-1].text()
    assert indication in back and "P000000" in back
    assert indication not in printed(pdfs[lang, "screen"])


def test_articles_follow_each_other_on_a_page(site: Site, tmp_path: Path) -> None:
    html = EditionHtml(site, site.editions[EDITION], "nl", options("screen"), tmp_path).main()
    assert html.count('class="item') == 6
    assert html.count(" new-page") == 2, "only the two testimonies with a portrait start a page"


def _opening(content: Path, tmp_path: Path, **text: str) -> tuple[str, object]:
    """The print HTML of the fixture edition's story, and its laid-out document."""
    for lang in ("nl", "fr"):
        write_md(content / f"stories/samira/{lang}.md", {**story_text(lang), **text}, "Tekst.\n")
    site, _ = load_site(content)
    source = EditionHtml(site, site.editions["118"], "nl", options("screen"), tmp_path)
    html = source.main()
    css = CSS(string=source.stylesheet)
    return html, HTML(string=html, base_url=str(content)).render(stylesheets=[css])


def _boxes(document: object, tag: str, css_class: str) -> list:
    return [
        box
        for page in document.pages  # type: ignore[attr-defined]
        for box in page._page_box.descendants()  # noqa: SLF001 - WeasyPrint's box tree
        if isinstance(box, BlockBox)
        and box.element_tag == tag
        and css_class in (box.element.get("class") or "").split()
    ]


def test_a_long_caption_wraps_under_the_portrait(content: Path, tmp_path: Path) -> None:
    caption = "Een heel lang bijschrift dat de breedte van de kolom ver voorbij gaat. " * 4
    _, document = _opening(content, tmp_path, portrait_caption=caption)
    (figure,) = _boxes(document, "figure", "column")
    assert figure.width == pytest.approx(COLUMN_WIDTH * PX_PER_MM, abs=1)


def test_a_long_headline_runs_across_the_page(content: Path, tmp_path: Path) -> None:
    title = "“" + "Wachten is geen leven, het is een lange gang zonder deuren " * 2 + "”"
    assert len(title) > LONG_HEADLINE
    html, document = _opening(content, tmp_path, title=title[:160])
    (headline,) = _boxes(document, "h2", "quote")
    assert headline.width > 1.5 * COLUMN_WIDTH * PX_PER_MM
    short_html, _ = _opening(content, tmp_path, title="“Kort.”")
    assert html.index("title quote") < html.index("opening") < short_html.index("title quote")


def test_a_paragraph_opening_with_a_name_keeps_its_drop_cap() -> None:
    html = print_body("<p><strong>Donderdag 20 november</strong> is er open avond.</p>")
    assert '<span class="dropcap">D</span>onderdag' in html


def test_capitalised_words_are_kept_whole_but_not_in_tags() -> None:
    html = '<p><a href="Together">het Plan Together</a> in Steenokkerzeel, of Gent.</p>'
    assert keep_names_whole(html) == (
        '<p><a href="Together">het Plan <span class="name">Together</span></a> in '
        '<span class="name">Steenokkerzeel</span>, of Gent.</p>'
    )


def test_names_in_right_to_left_text_stay_one_run_with_their_neighbours() -> None:
    arabic = "<p>وقد وصل إلى Brussel (België) في عام 2019.</p>"
    assert keep_names_whole(arabic) == arabic
    dutch = "<p>Zijn naam is محمد الأحمد (62), hij woont in Steenokkerzeel.</p>"
    assert '<span class="name">Steenokkerzeel</span>' in keep_names_whole(dutch)


def test_the_edition_chooses_its_fillers(content: Path, tmp_path: Path) -> None:
    path = content / "editions/118/edition.yml"
    meta = yaml.safe_load(path.read_text("utf-8"))
    path.write_text(yaml.safe_dump({**meta, "fillers": ["next", "coupon"]}), "utf-8")
    organisation = content / "data/organisation.yml"
    mailing = {"sender": "Ankerpunt", "indication": {"nl": "P.B.", "fr": "P.P."}, "permit": "P 1"}
    data = yaml.safe_load(organisation.read_text("utf-8"))
    organisation.write_text(yaml.safe_dump({**data, "mailing": mailing}), "utf-8")
    for lang in ("nl", "fr"):
        edition = content / f"editions/118/{lang}.md"
        front = {"season": "Herfst", "theme": "Thema", "cover_alt": "Omslag"}
        write_md(edition, {**front, "next_intro": f"Tot in de lente {lang}."})
    site, _ = load_site(content)
    source = EditionHtml(site, site.editions["118"], "nl", options("print"), tmp_path)
    source.main()
    html = source.back(5, ["next", "coupon"])
    assert "Tot in de lente nl." in html
    assert html.index("filler next") < html.index("filler coupon")
    assert 'class="donate"' in html, "without the support page the back page has the account"
    assert 'class="mailing"' in html


def count_layouts(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The page count of every document WeasyPrint lays out from now on, in order."""
    layouts: list[int] = []
    render = HTML.render

    def counted(self: HTML, *args: object, **kwargs: object) -> object:
        document = render(self, *args, **kwargs)
        layouts.append(len(document.pages))
        return document

    monkeypatch.setattr(HTML, "render", counted)
    return layouts


def test_the_example_edition_is_laid_out_once(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    layouts = count_layouts(monkeypatch)
    made = make_pdf(site, site.editions[EDITION], "nl", options("screen"), tmp_path)
    # The cover alone, the cover and articles (no break is loose), the back page.
    assert layouts == [1, made.pages - 1, 1]


def test_a_cover_that_runs_over_is_compact_from_the_first_layout_of_the_articles(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    front = {"season": "Herfst 2025", "theme": "Thema", "cover_alt": "Omslag"}
    intro = "\n\n".join(["Een inleiding die lang genoeg is om de omslag te vullen. " * 6] * 8)
    write_md(content / "editions/118/nl.md", front, intro)
    site, _ = load_site(content)
    compact: list[bool] = []
    main = EditionHtml.main

    def spied(self: EditionHtml, flowing: Collection[str] = (), compact_: bool = False) -> str:
        compact.append(compact_)
        return main(self, flowing, compact_)

    monkeypatch.setattr(EditionHtml, "main", spied)
    layouts = count_layouts(monkeypatch)
    make_pdf(site, site.editions["118"], "nl", options("screen"), tmp_path)
    assert layouts[0] > 1, "the cover alone runs onto a second page"
    assert compact and all(compact), "every layout of the articles has the compact cover"
