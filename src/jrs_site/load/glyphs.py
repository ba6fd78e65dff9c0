"""Characters that no font of the PDFs draws: a warning with the file, the line, the character.

The PDF would print an empty box (`.notdef`) in their place. Only the fonts that ship count
(`jrs_site.fonts`), never those of the machine, so the warning is the same everywhere.
Characters that take no glyph are left alone: spaces, control and format characters (ZWJ,
ZWNJ, the direction marks and isolates) and variation selectors.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jrs_site.fonts import printable, runs
from jrs_site.load.sources import dotted, value_line
from jrs_site.model.problems import Problem

#: What draws nothing: control, format, space and separator characters.
NO_GLYPH_CATEGORIES = ("Cc", "Cf", "Zs", "Zl", "Zp")
VARIATION_SELECTORS = (range(0xFE00, 0xFE10), range(0xE0100, 0xE01F0), range(0x180B, 0x1810))


@functools.cache
def _unprintable() -> re.Pattern[str]:
    """Any character outside what the fonts draw (the check for a glyph comes after)."""
    ranges = "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in runs(printable()))
    return re.compile(f"[^{ranges}]")


def needs_glyph(char: str) -> bool:
    """Whether `char` is drawn: not a space, control, format character or selector."""
    code = ord(char)
    if unicodedata.category(char) in NO_GLYPH_CATEGORIES:
        return False
    return not any(code in selectors for selectors in VARIATION_SELECTORS)


def describe(char: str) -> str:
    """`U+1F600 😀 GRINNING FACE`; a combining mark on a dotted circle."""
    category = unicodedata.category(char)
    name = unicodedata.name(char, "") or {
        "Co": "a private-use character (it means something only in one program)",
        "Cn": "not a character of Unicode",
    }.get(category, "unnamed")
    shown = f"\u25cc{char}" if category.startswith("M") else char
    return f"U+{ord(char):04X} {shown} {name}"


def glyph_problems(
    path: Path, data: Any = None, body: str = "", body_line: int = 1
) -> list[Problem]:
    """One warning per character of `path` that no print font draws, at its first place:
    in the YAML `data` (a YAML file, or a Markdown file's front matter) or the Markdown
    `body` that starts on line `body_line`."""
    found: dict[str, tuple[int | None, str]] = {}  # where each is first, in order
    counts: dict[str, int] = {}
    occurrences = [
        *((char, loc, 0) for loc, text in _strings(data) for char, _ in _missing(text)),
        *((char, None, offset) for char, offset in _missing(body)),
    ]
    for char, loc, offset in occurrences:
        counts[char] = counts.get(char, 0) + 1
        if char not in found:  # looked up once: value_line parses the file again
            found[char] = (
                (value_line(path, loc), dotted(loc))
                if loc is not None
                else (body_line + body.count("\n", 0, offset), "")
            )
    return [
        Problem(
            path,
            f"no font of the PDF has a glyph for {describe(char)}"
            + (f" ({counts[char]} times in this file, first here)" if counts[char] > 1 else ""),
            field=field,
            line=line,
            severity="warning",
            hint="the PDF would print an empty box in its place: write it another way (a "
            "word instead of an emoji, a letter of the same sound), or ask a developer for a "
            "font that draws it (src/jrs_site/fonts/)",
        )
        for char, (line, field) in found.items()
    ]


def _missing(text: str) -> Iterator[tuple[str, int]]:
    """Each character of `text` that needs a glyph no font has, and where, as often as it
    occurs."""
    if text.isascii():
        return
    for match in _unprintable().finditer(text):
        if needs_glyph(match[0]):
            yield match[0], match.start()


def _strings(
    data: Any, loc: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every text in parsed YAML, with where it is (`("person", "name")`); keys are names."""
    if isinstance(data, str):
        yield loc, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, (*loc, str(key)))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*loc, index))
