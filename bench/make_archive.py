"""A synthetic archive in the project's real content format, for benchmarks.

Writes a complete project folder that `jrs-site build` builds: the repository's mkdocs.yml,
overrides/, docs/ and data/, plus N testimonies (nl and fr, each with a generated photo),
E newsletter editions that cite them and R report summaries. Everything is derived from a
seed and the item's number, so item 17 is the same file in an archive of 250 or of 2,000:
archives of different sizes share their caches (photos, PDFs, social cards).

    .venv/bin/python bench/make_archive.py /tmp/archive --stories 1000 --editions 100
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml
from PIL import Image, ImageDraw

REPO = Path(__file__).resolve().parent.parent
COPIED = ("mkdocs.yml", "overrides", "docs", "data")
SMALL_PHOTO = (640, 480)  # a testimony shown on the web only
PRINT_PHOTO = (1040, 780)  # 300 ppi at the 86 mm a testimony's photo is printed
COVER_PHOTO = (1300, 867)  # above the 150 ppi minimum across the 216 mm of a cover
BIG_PHOTO = (4000, 3000)  # 12 megapixels, as from a phone: every photo with --big-photos
PRINTED_EVERY = 5  # every fifth testimony has a photo fit for print; editions cite those
LATEST = dt.date(2025, 12, 1)
#: Days between two items of a kind: at the default sizes, twenty years of archive.
EVERY_DAYS = {"story": 7, "edition": 73, "report": 182}  # two report series
LAST_EDITION = 1000  # the newest edition's number; older ones count down from it

NAMES = [
    "Amina", "Farid", "Esther", "Ousmane", "Tesfay", "Mariam", "Lina", "Yonas", "Fatou",
    "Ibrahim", "Samira", "Kofi", "Nadia", "Omid", "Aster", "Moussa", "Leila", "Jamal",
    "Grace", "Hassan", "Awa", "Bilal", "Zahra", "Mamadou", "Rahel", "Karim", "Aïcha", "Dawit",
]  # fmt: skip
COUNTRIES = ["SY", "AF", "ER", "CD", "GN", "SO", "IQ", "CM", "SD", "ET", "PS", "UA", "IR", "MA"]
USES = ["web", "print", "social"]

WORDS = {
    "nl": {
        "intro": [
            "{name} kwam in {arrived} naar België.",
            "Ankerpunt begeleidt {name} sinds de eerste aanvraag.",
            "Het gezin woont in een klein appartement aan de rand van de stad.",
            "De procedure sleept al jaren aan, zonder duidelijk antwoord.",
            "Aan de keukentafel vertelt {name} hoe het leven er vandaag uitziet.",
            "Een advocaat volgt het dossier op, maar de brieven blijven uit.",
        ],
        "speech": [
            "Elke ochtend kijk ik eerst in de brievenbus.",
            "In het begin dacht ik dat een procedure een paar weken duurde.",
            "Ik volg Nederlandse les, drie ochtenden per week.",
            "Mijn kinderen spreken de taal beter dan ik.",
            "Ik mag niet werken zolang er geen beslissing is.",
            "De buren brengen soep als iemand ziek is.",
            "Ik wil gewoon belastingen betalen, zoals iedereen.",
            "Soms vertaal ik voor mijn ouders bij de dokter of bij de advocaat.",
            "Niemand zegt nee, niemand zegt ja: dat is het zwaarste.",
            "Op school vraagt niemand naar papieren.",
            "We sliepen de eerste nacht in het station.",
            "Ik doe vrijwilligerswerk in een sociale kruidenier.",
            "Wat ik wil vragen aan wie dit leest? Geen medelijden, wel een kans.",
            "Ik plan niet verder dan de volgende maand.",
            "Elke envelop kan dé envelop zijn.",
            "Mijn dochter wil later geneeskunde studeren.",
        ],
        "headings": [
            "Wachten op een brief", "Een nieuwe taal", "Wat school betekent", "Wat helpt",
            "De eerste nacht", "Werk zonder papieren", "Een gewoon leven", "Thuis",
        ],
        "titles": [
            "“Elke ochtend kijk ik eerst in de brievenbus.”",
            "“We wilden alleen een deur die we zelf konden sluiten.”",
            "“Niemand zegt nee, niemand zegt ja.”",
            "“Hier ben ik groot geworden.”",
            "“Geef ons gewoon een kans.”",
        ],
        "family": ["moeder van twee kinderen", "vader en dochter", "alleen", "een gezin van vier"],
        "alt": "Getekend silhouet van een persoon bij een raam in het avondlicht",
        "caption": "Thuis, aan het raam.",
        "season": ["Lente", "Zomer", "Herfst", "Winter"],
        "theme": ["Het lange wachten", "Een dak, een deur", "Naar school", "Gesloten centra"],
        "kicker": "Editoriaal",
        "report": "Opgesloten zonder misdrijf",
        "report_lead": "In {year} werden meer mensen opgesloten dan het jaar voordien.",
        "finding": "Eén op de vijf opgeslotenen was jonger dan 25.",
        "order": "Bestel gratis een papieren exemplaar via info@ankerpunt.example.",
    },
    "fr": {
        "intro": [
            "{name} est arrivé·e en Belgique en {arrived}.",
            "Ankerpunt accompagne {name} depuis la première demande.",
            "La famille vit dans un petit appartement en bordure de la ville.",
            "La procédure traîne depuis des années, sans réponse claire.",
            "À la table de la cuisine, {name} raconte la vie d'aujourd'hui.",
            "Une avocate suit le dossier, mais les lettres n'arrivent pas.",
        ],
        "speech": [
            "Chaque matin, je regarde d'abord dans la boîte aux lettres.",
            "Au début, je croyais qu'une procédure durait quelques semaines.",
            "Je suis des cours de néerlandais trois matins par semaine.",
            "Mes enfants parlent la langue mieux que moi.",
            "Je n'ai pas le droit de travailler tant qu'il n'y a pas de décision.",
            "Les voisins apportent de la soupe quand quelqu'un est malade.",
            "Je veux simplement payer des impôts, comme tout le monde.",
            "Parfois je traduis pour mes parents chez le médecin ou chez l'avocat.",
            "Personne ne dit non, personne ne dit oui : c'est le plus lourd.",
            "À l'école, personne ne demande de papiers.",
            "La première nuit, nous avons dormi à la gare.",
            "Je suis bénévole dans une épicerie sociale.",
            "Ce que je demande à qui lit ceci ? Pas de pitié, une chance.",
            "Je ne fais pas de projets au-delà du mois prochain.",
            "Chaque enveloppe peut être la bonne.",
            "Ma fille veut étudier la médecine plus tard.",
        ],
        "headings": [
            "Attendre une lettre", "Une nouvelle langue", "Ce que l'école représente",
            "Ce qui aide", "La première nuit", "Travailler sans papiers", "Une vie normale",
            "Chez soi",
        ],
        "titles": [
            "« Chaque matin, je regarde d'abord dans la boîte aux lettres. »",
            "« Nous voulions juste une porte que nous pouvions fermer nous-mêmes. »",
            "« Personne ne dit non, personne ne dit oui. »",
            "« C'est ici que j'ai grandi. »",
            "« Donnez-nous simplement une chance. »",
        ],
        "family": ["mère de deux enfants", "père et fille", "seul·e", "une famille de quatre"],
        "alt": "Silhouette dessinée d'une personne près d'une fenêtre, à la tombée du jour",
        "caption": "Chez soi, à la fenêtre.",
        "season": ["Printemps", "Été", "Automne", "Hiver"],
        "theme": ["La longue attente", "Un toit, une porte", "À l'école", "Centres fermés"],
        "kicker": "Éditorial",
        "report": "Enfermés sans délit",
        "report_lead": "En {year}, plus de personnes ont été détenues que l'année précédente.",
        "finding": "Une personne détenue sur cinq avait moins de 25 ans.",
        "order": "Commandez gratuitement un exemplaire papier via info@ankerpunt.example.",
    },
}  # fmt: skip


@dataclass(frozen=True)
class Sizes:
    """How many items of each kind an archive holds."""

    stories: int = 1000
    editions: int = 100
    reports: int = 20

    @classmethod
    def scaled(cls, stories: int) -> Sizes:
        """The default proportions (1,000 : 100 : 20) for `stories` testimonies."""
        return cls(stories, max(1, stories // 10), max(1, stories // 50))


def _rng(seed: int, kind: str, number: int) -> random.Random:
    return random.Random(f"{seed}/{kind}/{number}")


def _date(kind: str, number: int) -> dt.date:
    """Item `number` of a kind, counted from the newest: its date depends on nothing else."""
    return LATEST - dt.timedelta(days=EVERY_DAYS[kind] * number)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")


def _yaml(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _markdown(front: dict[str, object], body: str) -> str:
    return f"---\n{_yaml(front)}---\n{body}"


def photo(path: Path, rng: random.Random, size: tuple[int, int]) -> None:
    """A drawn, deterministic picture: a sky gradient, a window and a silhouette."""
    small = (320, 240)
    top, bottom = (tuple(rng.randrange(40, 240) for _ in range(3)) for _ in range(2))
    sky = Image.linear_gradient("L").resize(small)
    im = Image.composite(Image.new("RGB", small, bottom), Image.new("RGB", small, top), sky)
    draw = ImageDraw.Draw(im)
    x = rng.randrange(40, 200)
    draw.rectangle((x, 40, x + 90, 170), outline=(250, 240, 220), width=4)
    head = rng.randrange(60, 260)
    draw.ellipse((head, 110, head + 40, 150), fill=(30, 30, 40))
    draw.rounded_rectangle((head - 20, 150, head + 60, 240), 18, fill=(30, 30, 40))
    im = im.resize(size, Image.Resampling.BICUBIC)
    if size == BIG_PHOTO:  # a phone photo's grain: megabytes, not a smooth drawing's kilobytes
        small = (size[0] // 2, size[1] // 2)
        grain = Image.frombytes("L", small, rng.randbytes(small[0] * small[1])).resize(size)
        im = Image.blend(im, grain.convert("RGB"), 0.15)
    path.parent.mkdir(parents=True, exist_ok=True)
    im.save(path, quality=85)


def _sentences(rng: random.Random, pool: list[str], count: int, **values: object) -> str:
    return " ".join(s.format(**values) for s in rng.sample(pool, count))


def story_body(rng: random.Random, lang: str, name: str, arrived: int, speakers: list[str]) -> str:
    """About 300 words: an introduction, headings, speaker turns, a pull quote and a photo."""
    w = WORDS[lang]
    headings = rng.sample(w["headings"], 3)
    parts = [_sentences(rng, w["intro"], 4, name=name, arrived=arrived)]
    for number, heading in enumerate(headings):
        parts.append(f"## {heading}")
        for turn in range(4):
            said = _sentences(rng, w["speech"], 3)
            parts.append(f"**{speakers[turn % len(speakers)]}:** {said}" if speakers else said)
        if number == 0:
            parts.append(f"> {rng.choice(w['speech'])}\n> — {name}")
        if number == 1:
            parts.append(f'![{w["alt"]}](photo.jpg "{w["caption"]}")')
    return "\n\n".join(parts) + "\n"


def write_story(root: Path, number: int, seed: int, big: bool) -> str:
    """`stories/<name>-<number>/`; returns the slug."""
    rng = _rng(seed, "story", number)
    name = rng.choice(NAMES)
    slug = f"{name.lower().replace('ï', 'i')}-{number:04d}"
    date = _date("story", number)
    arrived = date.year - rng.randrange(0, 8)
    credit = rng.choice(["lotte-peeters", "jonas-de-smet"])
    speakers = rng.sample(NAMES, 2) if rng.random() < 0.4 else []
    folder = root / "stories" / slug
    meta = {
        "person": {"name": name, "pseudonym": rng.random() < 0.5},
        "country": rng.choice(COUNTRIES),
        "arrived": arrived,
        "date": date,
        "themes": rng.sample(["detention", "family", "regularisation", "work", "education"], 2),
        "portrait": "photo.jpg",
        "consent": {"given_by": name, "date": date - dt.timedelta(days=20), "uses": USES},
        "photos": {"photo.jpg": {"credit": credit, "focus": [0.5, 0.4]}},
    }
    _write(folder / "story.yml", _yaml(meta))
    for lang, w in WORDS.items():
        front = {
            "title": rng.choice(w["titles"]),
            "family": rng.choice(w["family"]),
            "lead": _sentences(rng, w["intro"], 2, name=name, arrived=arrived),
            "portrait_alt": w["alt"],
            "portrait_caption": w["caption"],
        }
        _write(
            folder / f"{lang}.md", _markdown(front, story_body(rng, lang, name, arrived, speakers))
        )
    size = BIG_PHOTO if big else PRINT_PHOTO if number % PRINTED_EVERY == 0 else SMALL_PHOTO
    photo(folder / "photo.jpg", rng, size)
    return slug


def write_report(root: Path, number: int, seed: int) -> str:
    """`reports/detention-<year>/`; returns the slug."""
    rng = _rng(seed, "report", number)
    date = _date("report", number)
    year = date.year - 1
    slug = f"detention-{year}-{number:03d}"
    figures = [
        {
            "value": rng.randrange(1000, 9000),
            "previous": rng.randrange(1000, 9000),
            "label": {"nl": "mensen opgesloten", "fr": "personnes détenues"},
            "source": {"nl": "Dienst Vreemdelingenzaken", "fr": "Office des étrangers"},
        },
        {
            "value": rng.randrange(20, 60),
            "unit": {"nl": "dagen", "fr": "jours"},
            "label": {"nl": "gemiddelde duur", "fr": "durée moyenne"},
        },
    ]
    meta = {
        "year": year,
        "number": f"{date.year}/{number:02d}",
        "author": "nadia-benali",
        "date": date,
        "full_report": {
            "nl": f"https://ankerpunt.example/rapporten/{slug}-nl.pdf",
            "fr": f"https://ankerpunt.example/rapports/{slug}-fr.pdf",
        },
        "figures": figures,
    }
    folder = root / "reports" / slug
    _write(folder / "report.yml", _yaml(meta))
    for lang, w in WORDS.items():
        front = {
            "title": f"{w['report']} {year}",
            "lead": w["report_lead"].format(year=year),
            "findings": [w["finding"]],
            "order": w["order"],
        }
        body = "\n\n".join(
            f"## {h}\n\n{_sentences(rng, w['speech'], 5)}" for h in rng.sample(w["headings"], 3)
        )
        _write(folder / f"{lang}.md", _markdown(front, body + "\n"))
    return slug


def write_edition(
    root: Path,
    number: int,
    seed: int,
    stories: list[str],
    reports: list[str],
    big: bool,
) -> None:
    """`editions/<n>/` with an editorial, two testimonies (`stories`: those with a photo fit
    for print) and sometimes a report."""
    rng = _rng(seed, "edition", number)
    date = _date("edition", number)
    articles: list[object] = ["editorial"]
    articles += [
        {"story": s}
        for s in dict.fromkeys(stories[(2 * number + i) % len(stories)] for i in range(2))
    ]
    if reports and number % 5 == 0:
        articles.append({"report": reports[(number // 5) % len(reports)]})
    folder = root / "editions" / str(LAST_EDITION - number)
    meta = {
        "number": LAST_EDITION - number,
        "date": date,
        "cover": "cover.jpg",
        "articles": articles,
        "photos": {"cover.jpg": {"credit": "lotte-peeters", "focus": [0.5, 0.5]}},
    }
    _write(folder / "edition.yml", _yaml(meta))
    _write(folder / "editorial" / "article.yml", _yaml({"byline": "marie-claes", "photos": {}}))
    season = (date.month - 1) // 3
    for lang, w in WORDS.items():
        front = {
            "season": f"{w['season'][season]} {date.year}",
            "theme": rng.choice(w["theme"]),
            "cover_alt": w["alt"],
            "cover_caption": w["caption"],
        }
        _write(folder / f"{lang}.md", _markdown(front, _sentences(rng, w["speech"], 3) + "\n"))
        article = {"kicker": w["kicker"], "title": rng.choice(w["headings"]), "lead": w["caption"]}
        body = "\n\n".join(_sentences(rng, w["speech"], 4) for _ in range(4))
        _write(folder / "editorial" / f"{lang}.md", _markdown(article, body + "\n"))
    photo(folder / "cover.jpg", rng, BIG_PHOTO if big else COVER_PHOTO)


def make_archive(target: Path, sizes: Sizes, seed: int = 7, big: bool = False) -> Path:
    """Write a buildable project into `target` (replacing what is there); returns `target`."""
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for name in COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    stories = [write_story(target, n, seed, big) for n in range(sizes.stories)]
    reports = [write_report(target, n, seed) for n in range(sizes.reports)]
    for number in range(sizes.editions):
        write_edition(target, number, seed, stories[::PRINTED_EVERY], reports, big)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("target", type=Path, help="folder to write (replaced)")
    parser.add_argument("--stories", type=int, default=Sizes.stories)
    parser.add_argument("--editions", type=int, default=Sizes.editions)
    parser.add_argument("--reports", type=int, default=Sizes.reports)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--big-photos", action="store_true", help="12-megapixel photos")
    args = parser.parse_args()
    sizes = Sizes(args.stories, args.editions, args.reports)
    make_archive(args.target, sizes, args.seed, args.big_photos)
    print(f"{args.target}: {sizes}")


if __name__ == "__main__":
    main()
