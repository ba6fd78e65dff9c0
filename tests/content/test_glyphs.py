"""`check` warns about a character no font of the PDF draws, with the file, line and character."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from jrs_site.load.loader import load_site
from jrs_site.model.problems import Problem

#: What the people in our testimonies write: each must print.
VOICES = {
    "Arabic": "نريد بابًا نغلقه بأنفسنا، قالت أمينة.",
    "Persian (Dari)": "می‌خواهم در خانهٔ خودم زندگی کنم: پ چ ژ گ ک ی",
    "Pashto": "زه غواړم چې ښوونځي ته لاړ شم: ټ ډ ړ ږ ښ ګ ڼ ۍ ې",
    "Tigrinya": "ሰላም ኣብ ዓለም። ንሕና ኣብዚ ኢና፡ ፩፪፫",
    "Cyrillic (Russian, Mongolian)": "Мы ждали шесть лет. Өглөөний үүр, Үнэн.",
    "Greek": "Καλημέρα, ελπίδα και σπίτι.",
    "Vietnamese, Turkish, Romanian": "Nguyễn Thị Hương; İstanbul, ğüşı; Ștefan, țară.",
    "emoji, with joiner and selector": "Dank u 🙏🏽 ❤️ 👨‍👩‍👧 😀",
    "marks that draw nothing": "\u200f\u2067عربي\u2069\u200e \u00a0\u202f\u00ad",
}


def glyph_warnings(root: Path) -> list[Problem]:
    return [p for p in load_site(root)[1] if "has a glyph" in p.message]


def set_line(path: Path, number: int, text: str) -> None:
    lines = path.read_text("utf-8").split("\n")
    lines[number - 1] = text
    path.write_text("\n".join(lines), "utf-8")


@pytest.mark.parametrize("script", VOICES)
def test_every_script_of_our_voices_prints(content: Path, script: str) -> None:
    story = content / "stories/samira"
    (story / "nl.md").write_text(
        (story / "nl.md").read_text("utf-8") + f"\n{VOICES[script]}\n", "utf-8"
    )
    meta = yaml.safe_load((story / "story.yml").read_text("utf-8"))
    meta["person"]["name"] = VOICES[script]
    (story / "story.yml").write_text(yaml.safe_dump(meta, allow_unicode=True), "utf-8")
    assert glyph_warnings(content) == []


@pytest.mark.parametrize(
    ("char", "named"),
    [
        ("\ue000", "U+E000 \ue000 a private-use character"),
        ("Ꮳ", "U+13E3 Ꮳ CHEROKEE LETTER TSA"),
        ("𐀀", "U+10000 𐀀 LINEAR B SYLLABLE B008 A"),
    ],
)
def test_a_character_no_font_has_is_named_with_its_line(
    content: Path, char: str, named: str
) -> None:
    body = content / "stories/samira/fr.md"
    text = body.read_text("utf-8")
    line = text.count("\n") + 2
    body.write_text(f"{text}\nVoici {char} et encore {char}{char}.\n", "utf-8")
    found = glyph_warnings(content)
    assert [(p.file, p.line, p.severity) for p in found] == [(body, line, "warning")]
    assert named in found[0].message and "3 times in this file" in found[0].message
    assert "empty box" in found[0].hint


def test_a_front_matter_field_and_a_yaml_file_are_named_with_field_and_line(
    content: Path,
) -> None:
    text = content / "editions/118/editorial/nl.md"
    set_line(text, 4, "lead: Een zin met \ue000 erin.")
    authors = content / "data/authors.yml"
    lines = authors.read_text("utf-8").replace("Jan Smet", "Jan 𐀀 Smet").split("\n")
    authors.write_text("\n".join(lines), "utf-8")
    line = next(i for i, text in enumerate(lines, 1) if "𐀀" in text)
    found = sorted((p.file.name, p.field, p.line) for p in glyph_warnings(content))
    assert found == [("authors.yml", "[1].name", line), ("nl.md", "lead", 4)]
