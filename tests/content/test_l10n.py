"""Localisation: dates, numbers, sizes, plural UI strings and French typography."""

from __future__ import annotations

import datetime as dt

from jrs_site.model.languages import BILINGUAL
from jrs_site.render import l10n


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
