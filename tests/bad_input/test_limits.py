"""Limits instead of crashes: pathological texts stop at `check` with their file and line, a
page of docs/ nested too deep does not stop the preview, and a failure nobody foresaw while
making an item's page, PDF or e-mail names the item in one line, never a traceback."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from jrs_site.cli import main
from jrs_site.mkdocs_plugin import context
from jrs_site.outputs.mail import edition as mail
from jrs_site.outputs.pdf import render
from jrs_site.render.limits import MAX_NESTING, capped, long_run, too_deep
from tests.bad_input.cases import BY_NAME, DEEP_LIST, DEEP_QUOTE
from tests.conftest import build, fetch, jrs_serve, wait_for

PATHOLOGICAL = [
    "quote-nested-2000-deep",
    "list-nested-600-deep",
    "2000-stars-in-a-row",
    "a-4.8-mb-text",
]


def test_pathological_texts_stop_the_build_before_mkdocs(project: Path) -> None:
    for name in PATHOLOGICAL:
        BY_NAME[name].apply(project)
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output and "RecursionError" not in output
    assert "the site was not built; fix the errors above first" in output
    for name in PATHOLOGICAL:
        assert BY_NAME[name].message in output, name


@pytest.mark.parametrize(
    "text",
    [DEEP_QUOTE, DEEP_LIST, DEEP_LIST.replace("  ", "    "), "- " * 700 + "x"],
    ids=["quote", "list-2-spaces", "list-4-spaces", "list-on-one-line"],
)
def test_capped_text_is_within_the_limit_and_keeps_its_words(text: str) -> None:
    assert too_deep(text) is not None
    cut = capped(text)
    assert too_deep(cut) is None
    assert words(cut) == words(text)


def test_capped_text_has_no_long_run_of_emphasis_signs() -> None:
    text = "Voor " + "*" * 2000 + "x" + "_" * 3000
    assert long_run(text) == (0, 2000)
    assert long_run(capped(text)) is None and capped(text).startswith("Voor ")
    assert long_run("Naam: " + "_" * 40) is None


def words(text: str) -> list[str]:
    """The words of a text, without its quote signs and list markers."""
    return [word for word in text.split() if word not in {">", "-"}]


def test_nesting_within_the_limit_and_code_pass() -> None:
    ordinary = "\n".join("  " * level + f"- punt {level}" for level in range(MAX_NESTING))
    assert too_deep(ordinary) is None
    assert too_deep(f"```\n{DEEP_QUOTE}\n```\n\n~~~~\n{DEEP_LIST}\n~~~~\n") is None


def test_serve_shows_a_page_nested_too_deep_without_stopping(project: Path, tmp_path: Path) -> None:
    """A page of docs/ renders under `serve` even with content errors: cut down to the limit,
    it shows with the error banner, and the server goes on."""
    log = tmp_path / "serve.log"
    page = project / "docs/nl/about.md"
    with log.open("w") as out, jrs_serve(project, output=out) as (base, _):
        wait_for(lambda: fetch(f"{base}about/")[0] == 200, "the first build")
        page.write_text(page.read_text("utf-8") + f"\n\n{DEEP_LIST}\n", "utf-8")
        wait_for(lambda: "jrs-problems" in fetch(f"{base}about/")[1], "the error banner")
        status, html = fetch(f"{base}about/")
        assert status == 200 and "nested 600 levels deep" in html
    assert "Traceback" not in log.read_text("utf-8")


def invoke(project: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> Result:
    monkeypatch.chdir(project)
    return CliRunner().invoke(main, list(args))


def fails(*_: object, **__: object) -> None:
    raise RecursionError("maximum recursion depth exceeded")


def assert_named(result: Result, *names: str) -> None:
    """The command failed with one line naming the item, and no traceback."""
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    for name in [*names, "RecursionError: maximum recursion depth exceeded"]:
        assert name in result.output, result.output


def test_a_pdf_that_fails_names_its_edition(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(render, "lookup", lambda *_: None)  # made, not taken from the cache
    monkeypatch.setattr(render, "make_pdf", fails)
    result = invoke(project, monkeypatch, "pdf", "118", "--variant", "screen", "--lang", "fr")
    assert_named(result, "the screen PDF of editions/118 (fr) could not be made")


def test_an_email_that_fails_names_its_edition(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(mail, "edition_email", fails)
    result = invoke(project, monkeypatch, "email", "118", "--lang", "nl")
    assert_named(result, "the e-mail of editions/118 (nl) could not be made")


def test_a_web_page_that_fails_names_its_item(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = context.item_pages
    monkeypatch.setattr(context, "item_pages", lambda item: replace(pages(item), view=fails))
    result = invoke(project, monkeypatch, "build")
    assert_named(result, "the site was not built", "the story page of stories/")
