"""French typography, one implementation for web and print: narrow no-break spaces where
French wants them, typed or not, and nothing touched in tags, entities, code or web addresses."""

from __future__ import annotations

import pytest

from jrs_site.content.l10n import typography

N = "\u202f"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<strong class="speaker">Farid:</strong> Oui.',
            f'<strong class="speaker">Farid{N}:</strong> Oui.',
        ),
        ("Numéro 119: Une porte", f"Numéro 119{N}: Une porte"),
        ("Vraiment?! Oui; enfin", f"Vraiment{N}?! Oui{N}; enfin"),
        ("«Bonjour»", f"«{N}Bonjour{N}»"),
        ("<em>mot</em> ?", f"<em>mot</em>{N}?"),
        ("un « mot »", f"un «{N}mot{N}»"),
    ],
)
def test_french_marks_get_a_narrow_no_break_space(html: str, expected: str) -> None:
    assert typography(html, "fr") == expected


@pytest.mark.parametrize(
    "html",
    [
        "À 20:30, à la gare",
        "https://ankerpunt.example/rapport?jaar=2024",
        '<a href="https://x.example/?a=1" title="a : b">lien</a>',
        "Tom &amp; Jerry",
        "<script>let a = b ? c : d;</script>",
        "<code>a: b</code>",
    ],
)
def test_times_addresses_tags_entities_and_code_stay_as_written(html: str) -> None:
    assert typography(html, "fr") == html


def test_other_languages_are_left_alone() -> None:
    assert typography("Farid: Vraag ?", "nl") == "Farid: Vraag ?"


def test_typed_spaces_are_not_doubled() -> None:
    once = typography("Oui ! « Non » : peut-être ?", "fr")
    assert typography(once, "fr") == once
    assert " !" not in once and f"{N}{N}" not in once
