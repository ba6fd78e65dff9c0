"""The content model a real newsletter needs: testimony bylines, photographers' roles, reports
on paper only, report findings and bodies in editions, per-edition texts, fillers, mailing."""

from __future__ import annotations

from pathlib import Path

import yaml

from jrs_site.load.loader import load_site
from jrs_site.render.kinds import edition_article
from jrs_site.render.views import RenderContext, report_view, story_view
from tests.conftest import write_yaml


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text("utf-8"))


def _page(site, lang: str = "nl") -> RenderContext:
    return RenderContext(site, lang, {}, "")


def test_a_testimony_byline_names_the_writer_with_their_role(content: Path) -> None:
    meta = _yaml(content / "stories/samira/story.yml")
    write_yaml(content / "stories/samira/story.yml", {**meta, "byline": "jan"})
    site, _ = load_site(content)
    view = story_view(site.stories["samira"], _page(site, "fr"))
    assert (view.byline.name, view.byline.role) == ("Jan Smet", "directeur")
    edition = site.editions["118"]
    assert edition_article(site.stories["samira"], _page(site), edition).byline.name == "Jan Smet"


def test_an_unknown_testimony_writer_is_an_error_naming_the_field(content: Path) -> None:
    meta = _yaml(content / "stories/samira/story.yml")
    write_yaml(content / "stories/samira/story.yml", {**meta, "byline": "nobody"})
    _, problems = load_site(content)
    (problem,) = [p for p in problems if p.field == "byline"]
    assert problem.severity == "error" and problem.file.name == "story.yml"


def test_photo_credits_carry_the_photographers_role(content: Path) -> None:
    site, _ = load_site(content)
    photo = site.stories["samira"].meta.photos["portrait.jpg"]
    assert _page(site).credit(photo) == "Foto: Eva Peeters, fotograaf"
    # In French typography: a narrow no-break space before the colon.
    assert _page(site, "fr").credit(photo) == "Photo\u202f: Eva Peeters, photographe"


def test_a_report_on_paper_only_says_how_to_order_it(content: Path) -> None:
    path = content / "reports/detention-2024/report.yml"
    meta = {k: v for k, v in _yaml(path).items() if k != "full_report"}
    write_yaml(path, {**meta, "figures": []})
    for lang in ("nl", "fr"):
        md = content / f"reports/detention-2024/{lang}.md"
        md.write_text(md.read_text("utf-8").replace("order: Mail.\n", ""), "utf-8")
    site, problems = load_site(content)
    assert [p for p in problems if p.severity == "error"] == []
    view = report_view(site.reports["detention-2024"], _page(site))
    assert view.full_report == ""
    assert view.order.endswith("via info@example.org.")
    assert view.figures_html == "", "no figures, no key-figures block (and no heading)"


def test_an_edition_shows_a_reports_findings_and_on_request_its_body(content: Path) -> None:
    path = content / "editions/118/edition.yml"
    meta = _yaml(path)
    site, _ = load_site(content)
    plain = edition_article(site.reports["detention-2024"], _page(site), site.editions["118"])
    assert plain.findings == ["Een."] and "Tekst." not in plain.body_html
    meta["articles"][2] = {"report": "detention-2024", "body": True}
    write_yaml(path, meta)
    site, problems = load_site(content)
    assert [p for p in problems if p.severity == "error"] == []
    full = edition_article(site.reports["detention-2024"], _page(site), site.editions["118"])
    assert "Tekst." in full.body_html


def test_a_report_reference_with_an_unknown_key_is_refused(content: Path) -> None:
    path = content / "editions/118/edition.yml"
    meta = _yaml(path)
    meta["articles"][2] = {"report": "detention-2024", "bodyy": True}
    write_yaml(path, meta)
    _, problems = load_site(content)
    assert any("body: true" in p.message for p in problems if p.severity == "error")


def test_a_filler_page_listed_twice_is_an_error(content: Path) -> None:
    path = content / "editions/118/edition.yml"
    write_yaml(path, {**_yaml(path), "fillers": ["coupon", "coupon"]})
    _, problems = load_site(content)
    (problem,) = [p for p in problems if p.field and p.field.startswith("fillers")]
    assert "listed once" in problem.message


def test_the_responsible_publisher_must_be_an_author(content: Path) -> None:
    path = content / "editions/118/edition.yml"
    write_yaml(path, {**_yaml(path), "publisher": "nobody"})
    _, problems = load_site(content)
    assert [p.field for p in problems if p.severity == "error"] == ["publisher"]
