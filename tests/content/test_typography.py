"""Typography per language, one implementation for web, print, feeds and e-mail: typographic
quotes and apostrophes from straight ones, French narrow no-break spaces, typed or not, and
nothing touched in tags, attribute values, comments, entities, code or web addresses."""

from __future__ import annotations

import pytest

from jrs_site.model.languages import BILINGUAL
from jrs_site.render.l10n import text_typography, typography

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
    assert typography(html, "fr", BILINGUAL) == expected


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
    assert typography(html, "fr", BILINGUAL) == html


def test_other_languages_are_left_alone() -> None:
    assert typography("Farid: Vraag ?", "nl", BILINGUAL) == "Farid: Vraag ?"
    assert typography('It\'s "new"', "en", BILINGUAL) == 'It\'s "new"'  # no rules for it yet


def test_typed_spaces_are_not_doubled() -> None:
    once = typography("Oui ! « Non » : peut-être ?", "fr", BILINGUAL)
    assert typography(once, "fr", BILINGUAL) == once
    assert " !" not in once and f"{N}{N}" not in once


QUOTES = [
    # French: every ' is an apostrophe; "…" is « … », “ … ” inside it.
    ("fr", "Parce qu'elles n'avaient rien", "Parce qu’elles n’avaient rien"),
    ("fr", "aujourd'hui l'arrêt", "aujourd’hui l’arrêt"),
    ("fr", 'Il a dit "non".', f"Il a dit «{N}non{N}»."),
    ("fr", '"Il m\'a dit "jamais" hier"', f"«{N}Il m’a dit “jamais” hier{N}»"),
    ("fr", "\"Il m'a dit 'jamais'.\"", f"«{N}Il m’a dit “jamais”.{N}»"),
    ("fr", '" Oui ", dit-elle', f"«{N}Oui{N}», dit-elle"),  # spaces typed inside
    ("fr", '"Vraiment?"', f"«{N}Vraiment{N}?{N}»"),
    # Dutch: "…" is “…”, a clear '…' pair ‘…’, an apostrophe ’ inside or at a word's start.
    ("nl", "zo'n dag in Kinshasa's centrum", "zo’n dag in Kinshasa’s centrum"),
    (
        "nl",
        "'s Avonds en 's-Hertogenbosch, 't is laat",
        "’s Avonds en ’s-Hertogenbosch, ’t is laat",
    ),
    ("nl", "'k Heb 'm gezien, de jaren '80", "’k Heb ’m gezien, de jaren ’80"),
    ("nl", 'Ze zei "welkom".', "Ze zei “welkom”."),
    ("nl", "Het woord 'thuis' en de ouders' huis", "Het woord ‘thuis’ en de ouders’ huis"),
    (
        "nl",
        '"Ik heb \'t gezien," zei ze, "echt \'nooit\' meer."',
        "“Ik heb ’t gezien,” zei ze, “echt ‘nooit’ meer.”",
    ),
    ("nl", 'Hij zei "ik zeg "nee" tegen hen"', "Hij zei “ik zeg ‘nee’ tegen hen”"),
    ("nl", "'Kom!' riep ze", "‘Kom!’ riep ze"),
    # Digits: feet and inches are primes, a quote closed after a number is a quote.
    ("nl", 'Hij is 5\'10" groot, een 12" scherm', "Hij is 5′10″ groot, een 12″ scherm"),
    ("nl", '"In 2019" schreef ze', "“In 2019” schreef ze"),
    ("fr", 'un écran de 12"', "un écran de 12″"),
    # Across inline tags a pair stays a pair; a paragraph ends every open quote.
    ("nl", '<p>"<em>Welkom</em>"</p><p>"Nee"</p>', "<p>“<em>Welkom</em>”</p><p>“Nee”</p>"),
    (
        "nl",
        '<p><strong>Lina:</strong> "Ik vertaal."</p>',
        "<p><strong>Lina:</strong> “Ik vertaal.”</p>",
    ),
    ("nl", "\"<code>npm</code>\" en '<code>x</code>'", "“<code>npm</code>” en ‘<code>x</code>’"),
    ("nl", '<p>Ze zei: "Ik kom\nmorgen."</p>', "<p>Ze zei: “Ik kom\nmorgen.”</p>"),
    ("fr", '"<em>Oui</em>", dit-il', f"«{N}<em>Oui</em>{N}», dit-il"),
    # Quotes escaped as entities are text (Jinja writes &#39; and &#34;).
    ("nl", "zo&#39;n &#34;dag&#34; &amp; &quot;nacht&quot;", "zo’n “dag” &amp; “nacht”"),
]


@pytest.mark.parametrize(("lang", "html", "expected"), QUOTES)
def test_straight_quotes_become_the_languages_own(lang: str, html: str, expected: str) -> None:
    assert typography(html, lang, BILINGUAL) == expected


@pytest.mark.parametrize(
    "html",
    [
        '<code>"x" it\'s</code>',
        "<pre><code class=\"language-yaml\">title: \"Een 'titel'\"\nkey: 'x'</code></pre>",
        '<div class="highlight"><pre><span></span><code>"a"</code></pre></div>',
        '<a href="https://x.example/?q=%22a%22&amp;b=\'c\'" title="it\'s &quot;x&quot;">x</a>',
        '<img alt="zo\'n &quot;foto&quot;" src="a.jpg">',
        "<a title=\"a > b 'c'\">x</a>",
        '<!-- "draft" it\'s -->',
        "<script>let a = \"b\" + 'c';</script><style>q::before{content:'\"'}</style>",
        "<kbd>\"</kbd> <samp>'x'</samp>",
        "Zie https://x.example/a\"b'c en www.example.org/it's",
        'mailto:info@x.example?subject="vraag"',
        "Al “typografisch”, ‘zo’ en zo’n",
        f"Déjà «{N}typographique{N}», qu’elles",
    ],
)
@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_code_addresses_attributes_comments_and_typographic_text_stay(lang: str, html: str) -> None:
    assert typography(html, lang, BILINGUAL) == html


@pytest.mark.parametrize(("lang", "html", "expected"), QUOTES)
def test_a_second_run_changes_nothing(lang: str, html: str, expected: str) -> None:
    assert typography(typography(html, lang, BILINGUAL), lang, BILINGUAL) == expected


def test_plain_text_stays_plain_text() -> None:
    """Titles and descriptions: `<` and `&` are characters, not markup."""
    typed = '"Q" & \'A\' <script>alert("t")</script> &amp;'
    assert text_typography(typed, "nl", BILINGUAL) == "“Q” & ‘A’ <script>alert(“t”)</script> &amp;"
    assert text_typography("L'aide \"d'urgence\"", "fr", BILINGUAL) == f"L’aide «{N}d’urgence{N}»"


def test_an_element_in_another_language_gets_its_rules() -> None:
    """A French page showing Dutch text not translated yet, and the preview's English error
    list (no rules: as written, its quotes name what to type)."""
    html = (
        '<html lang="fr"><p>"Oui"</p><div lang="nl"><div>"Ja", zo\'n</div></div>'
        "<div lang=\"en\"><p>'Congo' is not a code</p></div><p>l'a dit</p></html>"
    )
    assert typography(html, "fr", BILINGUAL) == (
        f'<html lang="fr"><p>«{N}Oui{N}»</p><div lang="nl"><div>“Ja”, zo’n</div></div>'
        "<div lang=\"en\"><p>'Congo' is not a code</p></div><p>l’a dit</p></html>"
    )
