"""The conventions of real reports and of the people we serve: direction, a passage's language,
nested lists at 2 spaces, bare addresses, table captions, footnotes scoped per item."""

from __future__ import annotations

import random
import re
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from jrs_site.model.languages import BILINGUAL
from jrs_site.render.bidi import language_direction, mark
from jrs_site.render.l10n import typeset
from jrs_site.render.markdown import language_problems, render
from jrs_site.render.sanitise import sanitise
from tests.conftest import REPO


def soup_of(body: str, lang: str = "nl", scope: str = "") -> BeautifulSoup:
    html = render(body, lang, lambda *a: "<figure>PHOTO</figure>", scope)
    return BeautifulSoup(typeset(str(html), lang, BILINGUAL), "html.parser")


# -- direction ------------------------------------------------------------------------------


def test_a_right_to_left_block_gets_dir_rtl_a_dutch_one_none() -> None:
    soup = soup_of("ما اینجا هستیم و منتظریم.\n\nWe wachten nog.\n\n- نعم\n- لا\n\n## عنوان")
    paragraphs = soup.select("p")
    assert paragraphs[0]["dir"] == "rtl"
    assert not paragraphs[1].has_attr("dir")
    assert soup.select_one("ul")["dir"] == "rtl"
    assert soup.select_one("h2")["dir"] == "rtl"


def test_a_run_of_the_other_direction_is_isolated_with_its_vowel_signs() -> None:
    soup = soup_of("De moeder heet فاطمةً (62).")
    span = soup.select_one("p span[dir=rtl]")
    assert span.text == "فاطمةً"  # the tanwin after the last letter stays inside
    assert soup.select_one("p").text == "De moeder heet فاطمةً (62)."


def test_in_a_right_to_left_paragraph_a_dutch_word_is_isolated() -> None:
    soup = soup_of("قال لي إن كلمة Ankerpunt تعني مرساة.")
    assert soup.select_one("p")["dir"] == "rtl"
    assert soup.select_one("p span[dir=ltr]").text == "Ankerpunt"


def test_an_arabic_sentence_naming_a_belgian_city_reads_right_to_left() -> None:
    soup = soup_of("وقد وصل إلى Brussel (België) في عام 2019.")
    assert soup.select_one("p")["dir"] == "rtl"
    assert soup.select_one("p span[dir=ltr]").text == "Brussel (België"


def test_direction_follows_two_thirds_of_the_letters_not_the_first() -> None:
    soup = soup_of(
        "Samira: ما اینجا هستیم و منتظریم تا جواب بیاید.\n\n| taal |\n|---|\n| arabe (العربية) |"
    )
    assert soup.select_one("p")["dir"] == "rtl"
    cell = soup.select_one("td")
    assert not cell.has_attr("dir") and cell.select_one("span[dir=rtl]").text == "العربية"


def test_a_page_without_right_to_left_letters_is_the_same_object() -> None:
    page = "<html><body><p>Geen Arabisch hier, wel Ελληνικά en ትግርኛ.</p></body></html>"
    assert mark(page, "nl") is page


def test_explicit_dir_is_kept_and_inherited() -> None:
    page = '<div dir="rtl"><p>سلام</p><p>Hallo daar</p></div>'
    assert mark(page, "nl") == '<div dir="rtl"><p>سلام</p><p dir="ltr">Hallo daar</p></div>'


def test_scripts_styles_titles_and_attributes_are_left_alone() -> None:
    page = (
        '<head><title>سلام</title><script>var a = "سلام";</script></head>'
        '<body><img alt="سلام"><p title="سلام">Hallo</p></body>'
    )
    assert mark(page, "nl") == page


def test_a_character_reference_stays_whole_and_counts_as_no_letter() -> None:
    """`&gt;` in a right-to-left code block: its letters are no Latin word to isolate (the
    Nu HTML Checker refused `&gt</span>;`)."""
    page = "<pre><code>سلام {lang=fa}\n&gt; الصبر &amp; مفتاح</code></pre>"
    marked = mark(page, "nl")
    assert "&gt;" in marked and "&amp;" in marked
    assert BeautifulSoup(marked, "html.parser").text == "سلام {lang=fa}\n> الصبر & مفتاح"


def test_right_to_left_languages_come_from_cldr() -> None:
    assert [language_direction(c) for c in ("ar", "fa", "fa-AF", "ps", "he", "ckb")] == ["rtl"] * 6
    assert [language_direction(c) for c in ("nl", "fr", "ti", "ru", "xx")] == ["ltr"] * 5


ALPHABETS = [
    "abcdefg",
    "ابتثجحخ",
    "پچژگکی",
    "אבגדהו",
    "ሰላምትግ",
    "привет",
    "0123456789",
    " .,:;!?()«»—-",
]


@pytest.mark.parametrize("seed", range(40))
def test_fuzzed_mixed_text_keeps_its_text_and_a_second_run_changes_nothing(seed: int) -> None:
    """Random paragraphs mixing scripts, digits and punctuation, inline elements and lists:
    marking never loses or reorders a character, never breaks the HTML, and is idempotent."""
    rng = random.Random(seed)

    def words(n: int) -> str:
        return " ".join(
            "".join(rng.choice(rng.choice(ALPHABETS)) for _ in range(rng.randint(1, 8)))
            for _ in range(n)
        )

    blocks = []
    for _ in range(rng.randint(1, 6)):
        kind = rng.choice(["p", "li", "em", "h2"])
        inner = f"{words(3)} <em>{words(2)}</em> {words(2)}" if kind == "em" else words(6)
        tag = "p" if kind == "em" else kind
        blocks.append(f"<{tag}>{inner}</{tag}>")
    html = "<ul>" + "".join(blocks) + "</ul>"
    once = mark(html, rng.choice(["nl", "ar"]))
    assert mark(once, "nl") == once or mark(once, "ar") == once
    # Only attributes and spans added (BeautifulSoup would collapse the spaces between tags).
    assert re.sub(r' dir="(rtl|ltr)"|</?span[^>]*>', "", once) == html


# -- a passage's language --------------------------------------------------------------------


def test_a_phrase_in_another_language_is_a_span_with_its_lang() -> None:
    soup = soup_of("Hij zei [спасибо]{lang=ru} en [ዝኽሪ]{lang=ti}.")
    assert [(s["lang"], s.text) for s in soup.select("span[lang]")] == [
        ("ru", "спасибо"),
        ("ti", "ዝኽሪ"),
    ]


def test_a_closing_mark_sets_the_language_of_the_block() -> None:
    soup = soup_of(
        "Un mot néerlandais: thuis.\n\nWe zijn thuis. {lang=nl}\n\n## Kop {lang=nl}\n\n"
        "- één {lang=nl}\n\n> ما اینجا هستیم. {lang=fa-AF}\n> — Samira\n",
        "fr",
    )
    assert soup.select("p")[1]["lang"] == "nl"
    assert soup.select_one("h2")["lang"] == "nl" and soup.select_one("h2")["id"] == "kop"
    assert soup.select_one("li")["lang"] == "nl"
    quote = soup.select_one("figure.pullquote blockquote p")
    assert quote["lang"] == "fa-AF" and quote.find_parent(dir=True)["dir"] == "rtl"
    assert soup.select_one("figcaption").text == "Samira"
    assert "{lang" not in soup.text


def test_the_sanitiser_keeps_a_language_code_and_nothing_else_in_lang() -> None:
    kept = str(sanitise('<span lang="ar">x</span><p lang="x onload=1">y</p><a lang="ar">z</a>'))
    assert kept == '<span lang="ar">x</span><p>y</p><a lang="ar">z</a>'


def test_check_names_a_bad_language_mark_with_its_line() -> None:
    body = "Een.\n\nTwee {lang=ar} drie.\n\nVier {lang=1!}\n\n[vijf]{lang=prs}\n\nZes. {lang=xx}\n"
    found = [
        (line, severity, message) for line, severity, message, _ in language_problems(body, "nl")
    ]
    assert found == [
        (2, "warning", "'{lang=ar}' is neither after a [phrase] nor at the end of a paragraph"),
        (4, "error", "'{lang=1!}' does not name a language"),
        (6, "warning", "'{lang=prs}': the language 'prs' is unknown"),
        (8, "warning", "'{lang=xx}': the language 'xx' is unknown"),
    ]
    assert language_problems("Goed. {lang=nl}\n\n[слово]{lang=ru}\n", "nl") == []


def test_marks_shown_as_code_are_no_problem() -> None:
    body = "Schrijf `{lang=...}` of `[woord]{lang=ru}`:\n\n    Midden {lang=ar} in de zin.\n"
    assert language_problems(body, "nl") == []


# -- nested lists ---------------------------------------------------------------------------


def _tree(rng: random.Random, depth: int = 0) -> list:
    return [
        (
            f"punt{rng.randint(0, 999)}",
            _tree(rng, depth + 1) if depth < 4 and rng.random() < 0.4 else [],
        )
        for _ in range(rng.randint(1, 3))
    ]


def _markdown(tree: list, step: int, ordered: bool, indent: int = 0) -> list[str]:
    lines = []
    for number, (text, children) in enumerate(tree, start=1):
        marker = f"{number}." if ordered else "-"
        lines.append(" " * indent + f"{marker} {text}")
        width = len(marker) + 1 if step == 0 else step
        lines += _markdown(children, step, ordered, indent + width)
    return lines


def _shape(element) -> list:
    return [
        (
            li.find(string=True, recursive=False).strip(),
            _shape(li.find(["ul", "ol"])) if li.find(["ul", "ol"]) else [],
        )
        for li in element.find_all("li", recursive=False)
    ]


@pytest.mark.parametrize("seed", range(25))
@pytest.mark.parametrize(
    ("step", "ordered"), [(2, False), (4, False), (0, False), (0, True), (4, True)]
)
def test_lists_nest_at_two_spaces_as_at_four(seed: int, step: int, ordered: bool) -> None:
    """Generated trees of items written at 2 or 4 spaces a level, or under the text of the
    item above (`- ` 2, `1. ` 3): the HTML has the same tree."""
    tree = _tree(random.Random(seed))
    body = "Lijst:\n\n" + "\n".join(_markdown(tree, step, ordered)) + "\n\nNa de lijst.\n"
    soup = soup_of(body)
    assert _shape(soup.find(["ul", "ol"])) == tree
    assert soup.select("p")[-1].text == "Na de lijst."


def test_a_list_in_an_indented_code_block_stays_code() -> None:
    soup = soup_of("Zo schrijft u een lijst:\n\n    - een\n      - twee\n    - drie\n\nKlaar.\n")
    assert soup.select("li") == []
    assert soup.select_one("pre code").text.strip() == "- een\n  - twee\n- drie"


def test_an_item_keeps_its_second_paragraph_and_code_stays_code() -> None:
    soup = soup_of("- een\n\n  tweede alinea\n- drie\n\n```\n  - geen lijst\n```\n\n    code\n")
    assert [p.text for p in soup.select("li p")] == ["een", "tweede alinea", "drie"]
    assert soup.select_one("pre code").text.startswith("  - geen lijst")
    assert soup.select("pre code")[-1].text.strip() == "code"


# -- addresses, tables, footnotes -------------------------------------------------------------


def test_a_bare_address_is_a_link() -> None:
    soup = soup_of(
        "Zie https://anker-punt.example/rapporten/2025/detentie-cijfers of info@ankerpunt.example."
    )
    assert [a["href"] for a in soup.select("a")] == [
        "https://anker-punt.example/rapporten/2025/detentie-cijfers",
        "mailto:info@ankerpunt.example",
    ]


def test_a_colon_line_under_a_table_is_its_caption() -> None:
    soup = soup_of("| jaar | aantal |\n|---|---|\n| 2024 | 7412 |\n\n: Opsluitingen. Bron: DVZ\n")
    assert soup.select_one("table > caption").text == "Opsluitingen. Bron: DVZ"
    assert soup.select("dl") == []


def test_footnotes_are_scoped_per_item_and_their_back_links_speak_the_language() -> None:
    body = "Tekst[^1].\n\n[^1]: Bron.\n"
    first, second = (
        soup_of(body, "fr", "stories/amina/"),
        soup_of(body, "fr", "editions/118/edito/"),
    )
    ids = {tag["id"] for soup in (first, second) for tag in soup.select("[id]")}
    assert len(ids) == 4
    assert first.select_one("a.footnote-ref")["href"] == "#fn-stories-amina:1"
    assert first.select_one("li#fn-stories-amina\\:1") is not None
    assert first.select_one("a.footnote-backref")["title"] == "Retour à la note 1 dans le texte"


def _examples(page: Path) -> list[str]:
    """The indented examples of a guide page, as a writer copies them."""
    blocks = re.findall(r"(?:^(?: {4}| {6}).*\n|^\n)+", page.read_text("utf-8"), re.M)
    return [textwrap.dedent(block).strip() + "\n" for block in blocks if block.strip()]


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_guide_examples_do_what_the_guide_says(lang: str) -> None:
    examples = _examples(REPO / f"docs/{lang}/guide/languages.md")
    assert len(examples) >= 6
    for example in examples:
        assert language_problems(example, lang) == []
        soup = soup_of(example, lang)
        assert "{lang" not in soup.text
    joined = soup_of("\n\n".join(examples), lang)
    assert joined.select("li > ul > li") and joined.select_one("table > caption")
    assert joined.select("p[dir=rtl]") and joined.select("span[lang=ru]")
    assert joined.select("a.footnote-ref")


def test_a_menu_of_dutch_titles_in_an_arabic_page_keeps_the_page_order() -> None:
    """In a `nav` only the titles are isolated: the list stays right to left, in its place."""
    menu = '<nav><ul><li><a href="/">Over ons</a></li><li><a href="/c/">Contact</a></li></ul></nav>'
    marked = mark(menu, "ar")
    assert "<ul>" in marked and "<li>" in marked
    assert '<a href="/" dir="ltr">Over ons</a>' in marked
    paragraph = mark("<p>Over ons</p>", "ar")
    assert paragraph == '<p dir="ltr">Over ons</p>'  # outside a nav: a Dutch block


def test_an_element_with_its_own_dir_does_not_turn_the_block_around_it() -> None:
    """As `dir="auto"` does: an Arabic credit naming a Latin photographer, set in the page's
    direction, leaves its caption in the page's direction."""
    credit = "تصوير: Lotte Peeters, fotograaf"
    credit = f'<figcaption><span class="credit" dir="rtl">{credit}</span></figcaption>'
    assert mark(credit, "ar").startswith("<figcaption><span")
    assert '<span dir="ltr">Lotte Peeters, fotograaf</span>' in mark(credit, "ar")
