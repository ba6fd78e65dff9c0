"""Fuzz the print layout: editions with extreme but valid content, in both languages, must give
a PDF that passes preflight (nothing outside the safe area, nothing cut, no blank page, no
empty heading), prints every word of the Markdown, has the smallest multiple of four pages,
and never prints a page after the articles twice (the bank account once).

The editions are written from the README's formats alone, as a new user would; the texts are
made of fictional sentences, shuffled with a fixed seed so that a failure can be replayed.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from jrs_site.load.loader import load_site
from jrs_site.model.bundles import IMAGE_RE, Site
from jrs_site.outputs.pdf.preflight import drawn, preflight, printed_text
from jrs_site.outputs.pdf.render import Rendered, edition_pdf
from tests.conftest import write_md, write_photo, write_yaml
from tests.pdf.conftest import options

SENTENCES = {
    "nl": [
        "Elke dinsdag rijden twee vrijwilligers naar het gesloten centrum van Steenokkerzeel.",
        "Wie geen papieren heeft, wacht soms jaren op een antwoord van de overheid.",
        "De kinderen leerden Nederlands op school en vertalen nu voor hun ouders.",
        "Ons team volgt dossiers op, belt advocaten en luistert vooral heel goed.",
        "Het Plan Together bracht buren, scholen en verenigingen rond één tafel.",
        "In de wachtzaal hangt een klok die niemand nog gelooft.",
        "Samen met Vluchtelingenwerk Vlaanderen vroegen we een gesprek met de minister.",
        "Een bezoek van een uur kan een hele week lichter maken.",
        "Zonder verblijfsvergunning is huur, werk of een bankrekening bijna onmogelijk.",
        "Mariam wil later verpleegkundige worden, net als haar tante in Kaboel.",
    ],
    "fr": [
        "Chaque mardi, deux bénévoles se rendent au centre fermé de Steenokkerzeel.",
        "Sans papiers, on attend parfois des années une réponse de l'administration.",
        "Les enfants ont appris le français à l'école et traduisent pour leurs parents.",
        "Notre équipe suit les dossiers, appelle les avocats et surtout écoute.",
        "Le Plan Together a réuni voisins, écoles et associations autour d'une table.",
        "Dans la salle d'attente, une horloge que plus personne ne croit.",
        "Avec la Coordination et Initiatives pour Réfugiés, nous avons demandé à voir la ministre.",
        "Une visite d'une heure peut alléger toute une semaine.",
        "Sans titre de séjour, louer, travailler ou ouvrir un compte devient presque impossible.",
        "Mariam veut devenir infirmière, comme sa tante restée à Kaboul.",
    ],
}
SPEAKERS = ("Farid", "Mariam", "Amina")


def words(count: int, lang: str, rng: random.Random) -> str:
    """About `count` words of shuffled sentences."""
    out: list[str] = []
    while len(out) < count:
        out += rng.choice(SENTENCES[lang]).split()
    return " ".join(out[:count]).rstrip(",;:") + "."


def paragraphs(count: int, lang: str, rng: random.Random, interview: bool = False) -> str:
    """A Markdown body of about `count` words: paragraphs, a heading every few, speaker turns
    in an interview."""
    parts, left = [], count
    while left > 0:
        size = min(left, rng.randint(40, 110))
        text = words(size, lang, rng)
        if interview:
            text = f"**{rng.choice(SPEAKERS)}:** {text}"
        parts.append(text)
        left -= size
        if len(parts) % 5 == 0 and left > 0:
            parts.append(f"## {words(rng.randint(2, 6), lang, rng).rstrip('.')}")
    return "\n\n".join(parts) + "\n"


@dataclass
class Tree:
    """A content tree being written: the root, and what each edition lists."""

    root: Path
    rng: random.Random = field(default_factory=lambda: random.Random(11))
    editions: dict[int, list[object]] = field(default_factory=dict)

    def article(self, edition: int, slug: str, length: int, photos: int = 0, **text: str) -> str:
        folder = self.root / f"editions/{edition}/{slug}"
        names = [f"photo-{n}.jpg" for n in range(photos)]
        for name in names:
            write_photo(folder / name, (2600, 1733))
        write_yaml(
            folder / "article.yml",
            {"byline": "eva", "photos": {n: {"credit": "jonas"} for n in names}},
        )
        for lang in ("nl", "fr"):
            body = paragraphs(length, lang, self.rng)
            pictures = "\n\n".join(
                f'![{words(5, lang, self.rng)}]({n} "{words(12, lang, self.rng)}")' for n in names
            )
            fields = {
                "kicker": text.get("kicker", "Kort"),
                "title": text.get("title") or words(8, lang, self.rng),
                "lead": text.get("lead") or words(30, lang, self.rng),
            }
            write_md(folder / f"{lang}.md", fields, f"{body}\n{pictures}\n")
        return slug

    def story(
        self, slug: str, length: int, title: int = 12, caption: int = 12, lead: int = 40
    ) -> dict:
        folder = self.root / f"stories/{slug}"
        write_photo(folder / "portrait.jpg", (1100, 1400))
        write_yaml(
            folder / "story.yml",
            {
                "person": {"name": "Farid", "pseudonym": True},
                "country": "AF",
                "arrived": 2019,
                "date": "2025-10-02",
                "portrait": "portrait.jpg",
                "byline": "eva",
                "consent": {"given_by": "Farid", "date": "2025-09-01", "uses": ["web", "print"]},
                "photos": {"portrait.jpg": {"credit": "jonas"}},
            },
        )
        for lang in ("nl", "fr"):
            headline = words(title, lang, self.rng)[:160].rstrip(" .")
            fields = {
                "title": f"“{headline}”"[:160],
                "family": "vader van twee kinderen" if lang == "nl" else "père de deux enfants",
                "lead": words(lead, lang, self.rng),
                "portrait_alt": words(6, lang, self.rng),
                "portrait_caption": words(caption, lang, self.rng)[:300],
            }
            first, *rest = paragraphs(length, lang, self.rng, True).split("\n\n")
            quote = f"> {words(14, lang, self.rng)}\n> — Farid"
            write_md(folder / f"{lang}.md", fields, "\n\n".join([first, quote, *rest]))
        return {"story": slug}

    def report(self, slug: str, figures: int) -> dict:
        folder = self.root / f"reports/{slug}"
        label = {"nl": "mensen opgesloten", "fr": "personnes détenues"}
        write_yaml(
            folder / "report.yml",
            {
                "year": 2024,
                "number": "2025/01",
                "author": "eva",
                "date": "2025-06-20",
                "figures": [
                    {"value": 100 * n + 7, "previous": 90 * n + 5, "label": label}
                    for n in range(figures)
                ],
            },
        )
        for lang in ("nl", "fr"):
            fields = {
                "title": words(7, lang, self.rng),
                "lead": words(35, lang, self.rng),
                "findings": [words(16, lang, self.rng) for _ in range(4)],
            }
            write_md(folder / f"{lang}.md", fields, paragraphs(300, lang, self.rng))
        return {"report": slug}

    def edition(self, number: int, articles: list[object], theme: int = 5) -> None:
        folder = self.root / f"editions/{number}"
        write_photo(folder / "cover.jpg", (2600, 1950))
        write_yaml(
            folder / "edition.yml",
            {
                "number": number,
                "date": "2025-10-15",
                "cover": "cover.jpg",
                "articles": articles,
                "photos": {"cover.jpg": {"credit": "jonas"}},
            },
        )
        for lang in ("nl", "fr"):
            season = "Herfst 2025" if lang == "nl" else "Automne 2025"
            fields = {
                "season": season,
                "theme": words(theme, lang, self.rng).rstrip("."),
                "cover_alt": words(6, lang, self.rng),
            }
            write_md(folder / f"{lang}.md", fields, words(60, lang, self.rng) + "\n")
        self.editions[number] = articles


def write_data(root: Path) -> None:
    write_yaml(
        root / "data/authors.yml",
        [
            {"id": "eva", "name": "Eva Peeters", "role": {"nl": "directeur", "fr": "directrice"}},
            {
                "id": "jonas",
                "name": "Jonas De Smet",
                "role": {
                    "nl": "freelance fotograaf en copywriter",
                    "fr": "photographe indépendant et rédacteur",
                },
            },
        ],
    )
    write_yaml(root / "data/themes.yml", {"family": {"nl": "Gezinnen", "fr": "Familles"}})
    write_yaml(
        root / "data/organisation.yml",
        {
            "name": "Ankerpunt",
            "newsletter": {"nl": "Ankerpunt Nieuws", "fr": "Ankerpunt Infos"},
            "tagline": {"nl": "Samen onderweg", "fr": "Ensemble en chemin"},
            "address": "Rue de l'Exemple 12, 1000 Brussel",
            "email": "info@ankerpunt.example",
            "phone": "+32 2 000 00 00",
            "iban": "BE00 0000 0000 0000",
            "bic": "GEBABEBB",
            "editor": "eva",
            "printer": "Drukkerij Voorbeeld, Gent",
            "tax_note": {"nl": "Fiscaal attest vanaf 40 euro.", "fr": "Attestation dès 40 euros."},
            "mailing": {
                "sender": "Ankerpunt vzw, Rue de l'Exemple 12, 1000 Brussel",
                "indication": {"nl": "P.B.-P.P. Brussel X", "fr": "P.P.-P.B. Bruxelles X"},
                "permit": "P 000000",
            },
        },
    )


#: Edition number -> what it tests.
CASES = {
    1: "extremes: 160-character headline, 300-character caption, 12-line lead, 40 and 3,000 "
    "words, ten photos, reports with 0 and 12 figures",
    2: "one article of 40 words",
    3: "twelve articles",
    4: "a real newsletter: editorial, feature with figures, report, two testimonies",
}


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> Site:
    options("print")  # skips (or fails in CI) without a CMYK profile
    tree = Tree(tmp_path_factory.mktemp("fuzz"))
    write_data(tree.root)
    tree.edition(
        1,
        [
            tree.story("long-opening", 300, title=40, caption=60, lead=150),
            tree.article(1, "tiny", 40),
            tree.article(1, "long", 3000),
            tree.article(1, "photos", 250, photos=10),
            tree.report("no-figures", 0),
            tree.report("many-figures", 12),
        ],
        theme=22,
    )
    tree.edition(2, [tree.article(2, "only", 40)])
    tree.edition(
        3,
        [tree.article(3, f"a{n}", tree.rng.choice((80, 250, 600)), photos=n % 3) for n in range(9)]
        + [tree.story("s1", 500), tree.story("s2", 350), tree.report("r1", 4)],
    )
    tree.edition(
        4,
        [
            tree.article(4, "editorial", 200, kicker="Editoriaal"),
            tree.article(4, "feature", 400, photos=1),
            {"report": "r1"},
            tree.story("interview", 450),
            tree.story("testimony", 350),
        ],
    )
    site, problems = load_site(tree.root)
    assert [p for p in problems if p.severity == "error"] == [], problems
    return site


def _letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", unicodedata.normalize("NFKC", text).casefold())


def markdown_words(site: Site, number: int, lang: str) -> list[str]:
    """The words of the Markdown of every article (front matter and body) that print shows:
    no syntax, no alt text (it is for screen readers)."""
    edition = site.editions[str(number)]
    found = []
    for bundle in [edition, *edition.articles]:
        text = bundle.text(lang)
        shown = {k: v for k, v in vars(text.fields).items() if not k.endswith("_alt")}
        fields = " ".join(str(v) for v in shown.values() if isinstance(v, str | list))
        body = IMAGE_RE.sub(lambda m: m.group("title") or "", text.body)
        found += re.findall(r"[^\W\d_]{3,}", f"{fields} {body}")
    return found


@pytest.mark.parametrize("lang", ["nl", "fr"])
@pytest.mark.parametrize("number", sorted(CASES), ids=lambda n: f"edition-{n}")
def test_fuzzed_edition_prints_cleanly(
    fuzzed: Site, tmp_path: Path, number: int, lang: str
) -> None:
    rendered: Rendered = edition_pdf(
        fuzzed, fuzzed.editions[str(number)], lang, options("print"), tmp_path
    )
    report = preflight(rendered.path, rendered.source)
    failed = [f"{c.name}: {c.detail}" for c in report.checks if c.status == "fail"]
    assert failed == [], CASES[number]
    pages = drawn(rendered.path)
    printed = _letters(printed_text(pages))
    lost = [w for w in markdown_words(fuzzed, number, lang) if _letters(w) not in printed]
    assert lost == []
    # The smallest multiple of four: fewer than four pages added, each of them once.
    assert rendered.pages % 4 == 0 and len(rendered.added) < 4
    assert len(set(rendered.added)) == len(rendered.added)
    assert printed.count(_letters("BE00 0000 0000 0000")) == 1
    if number == 4:
        assert rendered.pages <= 8, "a real newsletter of five articles fits in 8 pages"
