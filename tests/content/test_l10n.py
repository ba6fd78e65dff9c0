"""Localisation: dates, numbers, sizes, plural UI strings and French typography."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pytest import MonkeyPatch

from jrs_site.load.checks import catalogue_problems
from jrs_site.model.languages import BILINGUAL, Languages
from jrs_site.outputs.web.head import og_locale
from jrs_site.render import l10n

EN = l10n.catalogue("en")


def test_dates_numbers_and_countries() -> None:
    day = dt.date(2025, 10, 15)
    assert l10n.date_text(day, "nl") == "15 oktober 2025"
    assert l10n.date_text(day, "fr") == "15 octobre 2025"
    assert l10n.number_text(7412, "nl") == "7.412"
    assert l10n.number_text(7412, "fr") == "7\u202f412"
    assert l10n.country_name("SY", "nl") == "Syrië"


def test_plural_forms_follow_the_language() -> None:
    assert l10n.t("fr", "years_in_belgium", count=1) == "en Belgique depuis 1 an"
    assert l10n.t("fr", "years_in_belgium", count=6) == "en Belgique depuis 6 ans"


def test_file_sizes() -> None:
    assert l10n.file_size(1_190_000, "fr") == "1,2 Mo"
    assert l10n.file_size(420_000, "nl") == "420 kB"


def test_catalogues_have_the_same_keys() -> None:
    assert l10n.missing_keys() == {}


def test_french_typography_keeps_marks_with_their_words() -> None:
    assert (
        l10n.typography("« Oui ! » dit-il : non ?", "fr", BILINGUAL)
        == "«\u202fOui\u202f!\u202f» dit-il\u202f: non\u202f?"
    )
    assert l10n.typography('<a href="x">lien</a> <b>gras</b>', "fr", BILINGUAL) == (
        '<a href="x">lien</a> <b>gras</b>'
    )
    assert l10n.typography("Vraag ?", "nl", BILINGUAL) == "Vraag ?"


# A language of each CLDR rule family: its counts and the form each takes.
FAMILIES = {
    "nl": {1: "one", 2: "other", 0: "other"},
    "uk": {1: "one", 3: "few", 5: "many", 21: "one", 22: "few", 11: "many"},
    "pl": {1: "one", 2: "few", 5: "many", 22: "few"},
    "ar": {0: "zero", 1: "one", 2: "two", 3: "few", 11: "many", 100: "other"},
    "ja": {1: "other", 2: "other"},
}


def test_every_plural_rule_family_picks_its_form_or_other() -> None:
    """A catalogue holding only `other` serves every language; each form it has is used."""
    for lang, forms in FAMILIES.items():
        for count, form in forms.items():
            assert l10n.plural_examples(lang)[form][0] <= count, (lang, form)
    assert l10n.t("ar", "search_results", count=2) == "نتيجتان"
    assert l10n.t("ar", "search_results", count=5) == "5 نتائج"
    assert l10n.t("uk", "search_results", count=3) == "3 результати"
    assert l10n.t("uk", "search_results", count=7) == "7 результатів"
    assert l10n.t("fr", "search_results", count=1_000_000).endswith("résultats")  # fr many


def test_every_shipped_catalogue_has_every_form_its_language_uses() -> None:
    shipped = l10n.shipped_languages()
    assert {"nl", "fr", "en", "ar", "uk"} <= set(shipped)
    for lang in shipped:
        assert l10n.catalogue_gaps(lang) == [], lang


def test_check_names_a_missing_plural_form_and_what_to_add(monkeypatch: MonkeyPatch) -> None:
    arabic = {**l10n.catalogue("ar"), "search_results": {"one": "نتيجة واحدة", "other": "…"}}
    monkeypatch.setattr(l10n, "catalogue", lambda lang: arabic if lang == "ar" else EN)
    problems = catalogue_problems(Languages(("nl", "ar"), "nl"))
    found = {(p.field, p.severity) for p in problems if p.file.name == "ar.yml"}
    assert found == {("search_results", "warning")}
    few = next(p for p in problems if "'few'" in p.message)
    assert "Arabic uses it for 3, 4, 5" in few.message
    assert "add 'few: ...' under 'search_results:'" in few.hint
    assert str(few.file).endswith("locales/ar.yml")
    assert l10n.t("ar", "search_results", count=4) == "…"  # no KeyError: the 'other' form


def test_check_names_a_language_without_a_catalogue() -> None:
    (problem,) = catalogue_problems(Languages(("nl", "fa"), "nl"))
    assert problem.severity == "error" and problem.file.name == "fa.yml"
    assert "no catalogue of interface words in Persian" in problem.message
    assert "locales/en.yml" in problem.hint


def test_the_open_graph_locale_comes_from_configuration_and_babel() -> None:
    assert og_locale("nl", "BE") == "nl_BE" and og_locale("fr", "BE") == "fr_BE"
    assert og_locale("ar", "BE") == "ar_EG"  # CLDR knows no Arabic of Belgium
    assert og_locale("uk", None) == "uk_UA"


def test_check_names_an_unreadable_catalogue_entry(
    monkeypatch: MonkeyPatch, tmp_path: Path
) -> None:
    """A catalogue staff write by hand: broken YAML, or a counted entry without `other`."""
    folder = tmp_path / "locales"
    folder.mkdir()
    monkeypatch.setattr(l10n, "catalogue_file", lambda lang: folder / f"{lang}.yml")
    (folder / "nl.yml").write_text('search: "Zoeken\n', "utf-8")
    (folder / "ar.yml").write_text("search_results:\n  one: نتيجة واحدة\n", "utf-8")
    problems = catalogue_problems(Languages(("nl", "ar"), "nl"))
    by_file = {p.file.name: p for p in problems}
    assert by_file["nl.yml"].severity == "error" and "quote" in by_file["nl.yml"].message
    assert by_file["ar.yml"].field == "search_results"
    assert "'other' form" in by_file["ar.yml"].message
