"""Key figures: numbers read the way of the text's language, qualifiers, and every line that
cannot be read reported with its line."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from jrs_site.load.loader import load_site
from jrs_site.render.markdown import (
    KeyFigure,
    figure_problems,
    figure_views,
    figures_html,
    parse_figures,
    parse_number,
    render,
)
from jrs_site.render.views import report_figures
from tests.conftest import story_text, write_md


@pytest.mark.parametrize(
    ("lang", "written", "value"),
    [
        ("nl", "1.204", 1204),
        ("nl", "1204", 1204),
        ("nl", "1 204", 1204),
        ("nl", "12,5", 12.5),
        ("nl", "1.204.000", 1204000),
        ("fr", "1 204", 1204),
        ("fr", "1\u00a0204", 1204),
        ("fr", "1\u202f204", 1204),
        ("fr", "1204", 1204),
        ("fr", "12,5", 12.5),
    ],
)
def test_numbers_are_read_the_way_of_the_language(lang: str, written: str, value: float) -> None:
    assert parse_number(written, lang) == value


@pytest.mark.parametrize(
    ("lang", "written", "says"),
    [
        ("nl", "1,204", "could be read two ways"),  # a thousand, or one and a bit?
        ("fr", "1,204", "could be read two ways"),
        ("fr", "1.204", "not written the French way"),
        ("nl", "12.5", "cannot be read"),  # a Dutch dot groups thousands
        ("nl", "1.20", "cannot be read"),
        ("nl", "1'204", "not written the Dutch way"),
    ],
)
def test_a_number_that_could_lie_is_refused(lang: str, written: str, says: str) -> None:
    with pytest.raises(ValueError, match=says) as error:
        parse_number(written, lang)
    assert "1204" in str(error.value), "the message says how to write it"


@pytest.mark.parametrize(
    ("line", "before", "value", "after"),
    [
        ("meer dan 35 | nationaliteiten", "meer dan", 35, ""),
        ("35+ | vrijwilligers", "", 35, "+"),
        ("± 40 | bezoeken", "±", 40, ""),
        ("±40 | bezoeken", "±", 40, ""),
        ("62% | gezinnen", "", 62, "%"),
        ("62 % | gezinnen", "", 62, "%"),
        ("bijna 1.200 | gesprekken", "bijna", 1200, ""),
    ],
)
def test_qualifiers(line: str, before: str, value: float, after: str) -> None:
    figures, errors = parse_figures(line, "nl")
    assert errors == []
    assert (figures[0].before, figures[0].value, figures[0].after) == (before, value, after)


def test_qualifiers_are_shown_in_each_language() -> None:
    shown = {
        lang: [
            BeautifulSoup(figures_html([fig], lang), "html.parser").select_one(".kf-value").text
            for fig in (
                KeyFigure(35, "x", before="meer dan" if lang == "nl" else "plus de"),
                KeyFigure(35, "x", after="+"),
                KeyFigure(62, "x", after="%"),
                KeyFigure(1204, "x"),
            )
        ]
        for lang in ("nl", "fr")
    }
    assert shown["nl"] == ["meer dan\u00a035", "35+", "62%", "1.204"]
    assert shown["fr"] == ["plus de\u00a035", "35+", "62\u202f%", "1\u202f204"]


def test_the_bar_compares_the_numbers() -> None:
    html = render("```figures\n1.204 | volwassenen | 602\n```\n", "nl", lambda *_: "")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one(".kf-value").text == "1.204"
    assert soup.select_one(".kf-bar-now")["style"] == "width:100%"
    assert soup.select_one(".kf-bar-prev")["style"] == "width:50%"
    assert soup.select_one(".kf-previous").text == "vorig jaar: 602"


BODY = """Een inleiding.

```figures
312 | gezinnen begeleid
35+ | gezinnen | 1,204
meer dan | iets
1.204 volwassenen
```
"""


def test_every_unreadable_line_is_found_with_its_line() -> None:
    found = figure_problems(BODY, "nl")
    assert [line for line, _ in found] == [4, 5, 6]  # 0-based lines in the body
    messages = [error.message for _, error in found]
    assert "could be read two ways" in messages[0]
    assert "'meer dan' is not a number" in messages[1]
    assert "is not 'number | label'" in messages[2]
    assert all(error.hint for _, error in found)


def test_check_reports_a_malformed_block_with_file_and_line(content: Path) -> None:
    path = content / "stories/samira/nl.md"
    write_md(path, story_text("nl"), BODY)
    _, problems = load_site(content)
    found = [p for p in problems if p.file == path and "key figures" in p.message]
    body_line = path.read_text("utf-8").split("\n").index("Een inleiding.") + 1
    assert [(p.line, p.severity) for p in found] == [
        (body_line + 4, "error"),
        (body_line + 5, "error"),
        (body_line + 6, "error"),
    ]


def test_a_malformed_block_is_never_published_as_a_number() -> None:
    html = render("```figures\n35+ | gezinnen\n1,204 | x\n```\n", "nl", lambda *_: "")
    assert "key-figures" not in html


def test_report_figures_carry_qualifiers_too(content: Path) -> None:
    path = content / "reports/detention-2024/report.yml"
    meta = yaml.safe_load(path.read_text("utf-8"))
    meta["figures"][0].update(before={"nl": "meer dan", "fr": "plus de"}, after="%")
    path.write_text(yaml.safe_dump(meta, allow_unicode=True), "utf-8")
    site, problems = load_site(content)
    assert [p for p in problems if p.severity == "error"] == []
    shown = {
        lang: [
            f.value
            for f in figure_views(report_figures(site.reports["detention-2024"], lang), lang)
        ]
        for lang in ("nl", "fr")
    }
    assert shown == {"nl": ["meer dan\u00a07.412%"], "fr": ["plus de\u00a07\u202f412\u202f%"]}


def test_a_report_figure_takes_only_plus_or_percent_after_it(content: Path) -> None:
    path = content / "reports/detention-2024/report.yml"
    meta = yaml.safe_load(path.read_text("utf-8"))
    meta["figures"][0]["after"] = "gezinnen"
    path.write_text(yaml.safe_dump(meta, allow_unicode=True), "utf-8")
    found = [p for p in load_site(content)[1] if p.file == path]
    assert [p.field for p in found] == ["figures[0].after"]
