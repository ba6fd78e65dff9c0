"""Shared fixtures: a minimal valid content tree that tests change one thing at a time."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml
from PIL import Image

REPO = Path(__file__).resolve().parent.parent


def write_yaml(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def write_md(path: Path, meta: dict, body: str = "Tekst.\n") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    path.write_text(f"---\n{front}---\n{body}", "utf-8")


def write_photo(path: Path, size: tuple[int, int] = (1200, 900)) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, (120, 140, 160)).save(path, quality=80)


STORY_META = {
    "person": {"name": "Samira", "pseudonym": True},
    "country": "SY",
    "arrived": 2019,
    "date": "2025-10-02",
    "themes": ["family"],
    "portrait": "portrait.jpg",
    "consent": {"given_by": "Samira", "date": "2025-09-01", "uses": ["web", "print", "social"]},
    "photos": {"portrait.jpg": {"credit": "eva", "focus": [0.5, 0.4]}},
}


def story_text(lang: str) -> dict:
    return {
        "title": f"“Titel {lang}”",
        "family": "moeder" if lang == "nl" else "mère",
        "lead": f"Inleiding {lang}.",
        "portrait_alt": f"Alt {lang}",
        "portrait_caption": f"Bijschrift {lang}",
    }


def make_story(root: Path, slug: str, **meta: object) -> Path:
    folder = root / "stories" / slug
    write_yaml(folder / "story.yml", {**STORY_META, **meta})
    write_photo(folder / "portrait.jpg")
    for lang in ("nl", "fr"):
        write_md(folder / f"{lang}.md", story_text(lang), f"**Samira:** Verhaal {lang} {slug}.\n")
    return folder


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A small valid content tree: data, two stories, a report and an edition."""
    root = tmp_path / "content"
    write_yaml(
        root / "data/authors.yml",
        [
            {"id": "eva", "name": "Eva Peeters", "role": {"nl": "fotograaf", "fr": "photographe"}},
            {"id": "jan", "name": "Jan Smet", "role": {"nl": "directeur", "fr": "directeur"}},
        ],
    )
    write_yaml(root / "data/themes.yml", {"family": {"nl": "Gezinnen", "fr": "Familles"}})
    write_yaml(
        root / "data/organisation.yml",
        {
            "name": "Ankerpunt",
            "newsletter": {"nl": "Ankerpunt Nieuws", "fr": "Ankerpunt Infos"},
            "tagline": {"nl": "Samen", "fr": "Ensemble"},
            "address": "Straat 1, 1000 Brussel",
            "email": "info@example.org",
            "phone": "+32 2 000 00 00",
            "iban": "BE00 0000 0000 0000",
            "bic": "GEBABEBB",
            "editor": "jan",
            "printer": "Drukkerij",
            "tax_note": {"nl": "Fiscaal attest", "fr": "Attestation fiscale"},
        },
    )
    make_story(root, "samira")
    make_story(root, "yonas", person={"name": "Yonas", "pseudonym": False}, country="ER")
    report = root / "reports/detention-2024"
    write_yaml(
        report / "report.yml",
        {
            "year": 2024,
            "number": "2025/01",
            "author": "jan",
            "date": "2025-06-20",
            "full_report": {"nl": "https://example.org/nl.pdf", "fr": "https://example.org/fr.pdf"},
            "figures": [
                {"value": 7412, "previous": 6938, "label": {"nl": "opgesloten", "fr": "détenus"}}
            ],
        },
    )
    for lang in ("nl", "fr"):
        write_md(
            report / f"{lang}.md",
            {"title": f"Rapport {lang}", "lead": "Lead.", "findings": ["Een."], "order": "Mail."},
        )
    edition = root / "editions/118"
    write_yaml(
        edition / "edition.yml",
        {
            "number": 118,
            "date": "2025-10-15",
            "cover": "cover.jpg",
            "articles": ["editorial", {"story": "samira"}, {"report": "detention-2024"}],
            "photos": {"cover.jpg": {"credit": "eva"}},
        },
    )
    write_photo(edition / "cover.jpg")
    for lang in ("nl", "fr"):
        write_md(
            edition / f"{lang}.md",
            {"season": "Herfst 2025", "theme": f"Thema {lang}", "cover_alt": "Omslag"},
        )
        write_md(
            edition / "editorial" / f"{lang}.md",
            {"kicker": "Editoriaal", "title": f"Editoriaal {lang}", "lead": "Lead."},
        )
    write_yaml(edition / "editorial/article.yml", {"byline": "jan"})
    return root


@pytest.fixture
def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"
