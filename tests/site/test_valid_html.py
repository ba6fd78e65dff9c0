"""Every page of the example build, in both languages, the e-mail copies and the 404 pages
included, passes the Nu HTML Checker (vnu, the W3C's validator, run locally with Java): no
error. (The checker is pinned in tests/npm; .ci/run installs it with `npm ci`.)"""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Built
from tests.tools import VNU_JAR, npm_checkers, run


def vnu_errors(pages: list[Path]) -> list[str]:
    """The Nu HTML Checker's errors on `pages`, each as 'file:line: message'."""
    npm_checkers()
    out = run(
        "java", "-jar", VNU_JAR, "--errors-only", "--exit-zero-always", "--format", "json",
        "--stdout", *pages,
    )  # fmt: skip
    return [
        f"{m['url'].rsplit('/site/', 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}"
        for m in json.loads(out)["messages"]
    ]


def test_every_page_is_valid_html(built: Built) -> None:
    pages = sorted(built.site.rglob("*.html"))
    names = {p.relative_to(built.site).as_posix() for p in pages}
    assert len(pages) > 60 and {"index.html", "fr/index.html", "404.html"} <= names
    assert any(n.startswith("email/") for n in names) and any("guide/" in n for n in names)
    assert vnu_errors(pages) == []


def test_the_checker_finds_an_error(tmp_path: Path) -> None:
    """Guard: the checker runs and reports what Material's header had (`autocomplete` on a
    checkbox)."""
    page = tmp_path / "page.html"
    page.write_text(
        '<!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>t</title></head>'
        '<body><input type="checkbox" id="a" autocomplete="off"></body></html>',
        "utf-8",
    )
    errors = vnu_errors([page])
    assert len(errors) == 1 and "autocomplete" in errors[0]
