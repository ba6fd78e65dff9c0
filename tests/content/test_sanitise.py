"""The allow-list sanitiser: what our conventions make stays as it is; everything that could
load from another host or run code goes, and `check` names it with its line and a hint."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from jrs_site.load.loader import load_site
from jrs_site.load.read import MAY_HOLD_HTML_RE, body_problems
from jrs_site.model.languages import BILINGUAL
from jrs_site.render.markdown import convert, render
from jrs_site.render.reference import reference_markdown
from jrs_site.render.sanitise import locate, removals, sanitise, url_allowed
from tests.conftest import REPO, story_text, write_md

CONVENTIONS = """Een inleiding met een [link](https://example.org/), een [pagina](../about/) en
een [adres](mailto:info@example.org)[^1].

## Een tussentitel

> Ik wilde alleen een deur die ik zelf kon sluiten.
> — Amina

![Een keukentafel](kitchen.jpg "De keuken")

**Lina:** Ik vertaal voor mama.

```figures
312 | gezinnen begeleid | 280
meer dan 35 | nationaliteiten
```

| Jaar | Aantal |
|:-----|-------:|
| 2024 | 7.412 |

`<script>` als code is gewoon tekst.

[^1]: Een voetnoot.
"""

HOSTILE = {
    "tracking pixel": ('<img src="https://tracker.example/p.gif">', "<img", "error"),
    "javascript link": ("[klik](javascript:alert(1))", "javascript:", "error"),
    "javascript link, mixed case": ("[klik](JaVaScRiPt:alert(1))", "javascript:", "error"),
    "reference link": ("[klik][x]\n\n[x]: javascript:alert(1)", "javascript:", "error"),
    "event handler": ('<p onclick="alert(1)">x</p>', "onclick", "error"),
    "svg with handler": ("<svg onload=alert(1)><circle r=1 /></svg>", "<svg", "error"),
    "refresh": ('<meta http-equiv="refresh" content="0;url=https://evil.example">', "", "error"),
    "base": ('<base href="https://evil.example/">', "<base", "error"),
    "link": ('<link rel="stylesheet" href="https://evil.example/x.css">', "<link", "error"),
    "iframe": ('<iframe src="https://video.example/x"></iframe>', "<iframe", "error"),
    "script": ("<script>alert(1)</script>", "<script", "error"),
    "style element": ("<style>body{background:url(https://evil.example)}</style>", "", "error"),
    "style attribute": ('<span style="background:url(https://x.example/)">x</span>', "", "error"),
    "form": ('<form action="https://evil.example"><input name=q></form>', "<form", "error"),
    "attr_list": ("Tekst\n{: onmouseover=alert(1) }", None, None),
    "stray formatting": ("<u>onderlijnd</u>", "<u", "warning"),
}


def test_the_conventions_pass_the_sanitiser_unchanged() -> None:
    html, _, _ = convert(CONVENTIONS, "nl")
    assert removals(html) == []
    kept = BeautifulSoup(sanitise(html), "html.parser")
    assert kept.select_one("figure.pullquote blockquote p").text == (
        "Ik wilde alleen een deur die ik zelf kon sluiten."
    )
    assert kept.select_one("figure.pullquote figcaption").text == "Amina"
    assert kept.select_one("p.turn strong.speaker").text == "Lina:"
    assert [v.text for v in kept.select("ul.key-figures .kf-value")] == ["312", "meer dan\xa035"]
    assert kept.select_one(".kf-bars")["aria-hidden"] == "true"
    assert kept.select_one("td[align=right]").text == "7.412"
    assert kept.select_one("code").text == "<script>"
    assert [a["href"] for a in kept.select("a")][:3] == [
        "https://example.org/",
        "../about/",
        "mailto:info@example.org",
    ]
    assert kept.select_one("figure[data-jrs-photo]") is not None


def test_a_photo_goes_in_after_sanitising() -> None:
    picture = '<figure class="photo"><picture><img src="media/x.jpg" alt="a"></picture></figure>'
    html = render(CONVENTIONS, "nl", lambda src, alt, caption: picture)
    assert picture in html
    assert "data-jrs-photo" not in html


def test_a_placeholder_cannot_be_forged() -> None:
    forged = '<figure data-jrs-photo="0"></figure>\n\n![Een tafel](kitchen.jpg)\n'
    html = render(forged, "nl", lambda *_: "<figure>PHOTO</figure>")
    assert html.count("PHOTO") == 1


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_html_is_removed_and_reported(name: str) -> None:
    body, needle, severity = HOSTILE[name]
    html, _, _ = convert(f"Voor.\n\n{body}\n\nNa.\n", "nl")
    clean = BeautifulSoup(sanitise(html), "html.parser")
    for tag in clean.find_all(True):
        assert not any(attr.startswith("on") for attr in tag.attrs), tag
        assert not tag.get("style"), tag  # an empty style="" may stay
        assert tag.name not in {"img", "svg", "script", "meta", "base", "link", "iframe", "form"}
        assert "script:" not in tag.get("href", "").lower()
    assert "alert" not in str(clean.find_all(True)[1:-1]) or name == "attr_list"
    found = removals(html)
    if severity is None:  # attr_list is not ours: its braces stay as text, no attribute
        assert found == []
        assert "onmouseover" not in str([t.attrs for t in clean.find_all(True)])
        return
    assert found, "check lists what the sanitiser removes"
    assert found[0].severity == severity
    assert found[0].hint


def test_raw_img_hint_says_how_to_add_a_photo() -> None:
    found = removals(convert('<img src="https://x.example/a.jpg">', "nl")[0])
    assert found[0].message.startswith("a photo written as <img>")
    assert "![" in found[0].hint


def test_a_photo_inside_a_line_of_text_is_refused() -> None:
    found = removals(convert("Kijk: ![een tafel](kitchen.jpg) hier.", "nl")[0])
    assert [(r.severity, r.needle) for r in found] == [("error", ("<img", "!["))]
    assert "on a line of its own" in found[0].hint


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://example.org/", True),
        ("http://example.org/", True),
        ("mailto:info@example.org", True),
        ("../about/", True),
        ("#fn:1", True),
        ("page?x=a:b", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        (" java\nscript:alert(1)", False),
        ("data:text/html,x", False),
        ("vbscript:x", False),
        ("ftp://example.org/", False),
    ],
)
def test_links(url: str, allowed: bool) -> None:
    assert url_allowed(url) is allowed


def test_locate_finds_each_occurrence_in_turn() -> None:
    source = "a\n<img src=1>\nb\n<IMG src=2>\n"
    needles = [("<img",), ("<img",), ("<img",), ("src=",), ("nowhere", "b\n")]
    assert locate(source, needles) == [1, 3, None, 1, 2]


def test_check_names_file_line_and_hint_and_lets_code_pass(content: Path) -> None:
    path = content / "stories/samira/nl.md"
    body = (
        "Een `<script>` als code mag.\n\n"
        'Een <img src="https://tracker.example/p.gif"> pixel.\n\n'
        "En <u>onderlijnd</u>.\n"
    )
    write_md(path, story_text("nl"), body)
    _, problems = load_site(content)
    found = sorted((p.line, p.severity, p.message) for p in problems if p.file == path)
    first = path.read_text("utf-8").split("\n").index("Een `<script>` als code mag.") + 1
    assert found == [
        (first + 2, "error", "a photo written as <img>, or inside a line of text, is not allowed"),
        (first + 4, "warning", "raw HTML <u> is not allowed"),
    ]


def test_docs_pages_are_checked_too(content: Path) -> None:
    for lang in ("nl", "fr"):
        page = content / f"docs/{lang}/about.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text("# Over ons\n\n[x](javascript:alert(1))\n", "utf-8")
    _, problems = load_site(content)
    found = [p for p in problems if p.file.name == "about.md"]
    assert {(p.file.parent.name, p.line, p.severity) for p in found} == {
        ("nl", 3, "error"),
        ("fr", 3, "error"),
    }


@pytest.mark.parametrize("name", [n for n, (_, _, severity) in HOSTILE.items() if severity])
def test_check_renders_every_body_that_may_hold_html(name: str) -> None:
    """`check` renders only bodies that may hold HTML: none of the hostile ones is skipped."""
    body, _, severity = HOSTILE[name]
    found = body_problems(Path("x.md"), f"Voor.\n\n{body}\n", 1, "nl")
    assert [p.severity for p in found][:1] == [severity]


def test_check_skips_rendering_plain_bodies() -> None:
    body = '![Een tafel](kitchen.jpg "De keuken")\n\nZie [dit](https://example.org/), [dat](x/).\n'
    assert MAY_HOLD_HTML_RE.search(body) is None
    assert MAY_HOLD_HTML_RE.search("[x](&#106;avascript:alert(1))")
    assert MAY_HOLD_HTML_RE.search("[x]: data:text/html,x")


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_generated_field_reference_loses_nothing(lang: str) -> None:
    assert removals(convert(reference_markdown(lang, BILINGUAL), lang)[0]) == []


def test_the_example_content_loses_nothing() -> None:
    """Every body and docs page of the repository passes the allow-list as it is."""
    _, problems = load_site(REPO)
    assert [p.format(REPO) for p in problems if "not allowed" in p.message] == []
