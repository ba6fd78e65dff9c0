"""The e-mail edition in the clients supporters read it in: no HTML element or CSS property
that the caniemail data (caniemail.com, through the npm package @jsx-email/doiuse-email that
tests/npm pins) marks unsupported in Gmail, Outlook (Windows), Apple Mail or Yahoo. Allowed:
what loses only decoration there (`@media`, `border-radius`, `outline`) and the `<body>`
element itself, which Yahoo replaces: it must then carry nothing that would be lost."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import Built
from tests.mail.test_email import NAMES
from tests.tools import npm_checkers, run

CLIENTS = ("gmail.*", "outlook.windows", "apple-mail.*", "yahoo.*")
DECORATION = {"@media", "border-radius", "outline"}
BODY = "<body> element"
_FEATURE = re.compile(r"^`(.+?)` is not supported by `(.+?)`$")


def unsupported(*files: Path) -> dict[Path, set[tuple[str, str]]]:
    """(feature, client) pairs the caniemail data marks unsupported, per file."""
    script = npm_checkers() / "caniemail.mjs"
    report = json.loads(run("node", script, ",".join(CLIENTS), *files))
    return {
        Path(name): {_FEATURE.match(e).groups() for e in found["errors"]}  # type: ignore[union-attr]
        for name, found in report.items()
    }


def test_the_check_finds_what_the_clients_do_not_show(tmp_path: Path) -> None:
    """Guard: the data is read, and flags what the e-mail had before (figure, display:none)."""
    sample = tmp_path / "sample.html"
    sample.write_text(
        "<!DOCTYPE html><html><body><figure><img src='a.jpg' alt=''>"
        "<figcaption>Foto</figcaption></figure><span style='display:none'>x</span></body></html>"
    )
    found = unsupported(sample)[sample]
    assert ("HTML5 semantics", "outlook.windows") in found
    assert ("display:none", "gmail.mobile-webmail") in found


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_nothing_in_the_email_is_unsupported_in_the_four_clients(built: Built, lang: str) -> None:
    email = built.site / "email" / f"{NAMES[lang]}.html"
    found = unsupported(email)[email]
    assert {feature for feature, _ in found} - DECORATION - {BODY} == set(), sorted(found)


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_body_carries_nothing_yahoo_would_drop(built: Built, lang: str) -> None:
    doc = BeautifulSoup((built.site / "email" / f"{NAMES[lang]}.html").read_text("utf-8"), "lxml")
    assert doc.body.attrs == {}, "styles go on the wrapper table (.outer), not on <body>"
    assert "background" in doc.find(class_="outer")["style"]
