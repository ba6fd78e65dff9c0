"""Reading PDFs in tests: page boxes, text, words with their boxes."""

from __future__ import annotations

import re
import statistics
import xml.etree.ElementTree as ET
from pathlib import Path

from tests.tools import run

Box = tuple[float, float, float, float]


def boxes(path: Path, page: int = 1) -> dict[str, Box]:
    """{"MediaBox": (x0, y0, x1, y1), "TrimBox": ..., ...} of one page, from pdfinfo."""
    out = run("pdfinfo", "-box", "-f", page, "-l", page, path)
    found = {}
    for line in out.splitlines():
        match = re.match(r"Page\s+\d+\s+(\w+Box):\s+(.*)", line) or re.match(
            r"(\w+Box):\s+(.*)", line
        )
        if match:
            found[match.group(1)] = tuple(float(v) for v in match.group(2).split())
    return found


def info(path: Path) -> dict[str, str]:
    """pdfinfo's fields: Title, Author, Pages, Tagged..."""
    out = run("pdfinfo", path)
    return dict(
        (k.strip(), v.strip()) for k, v in (line.split(":", 1) for line in out.splitlines())
    )


def text(path: Path, *options: str) -> str:
    return run("pdftotext", *options, path, "-")


def flat(value: str) -> str:
    """Text with every run of white space (line ends, no-break spaces) as one space."""
    return re.sub(r"\s+", " ", value).strip()


def tall_letters(path: Path, page: int) -> list[str]:
    """Single letters on a page set at least 2.5 times as tall as its median word: drop caps."""
    xhtml = text(path, "-bbox-layout", "-f", str(page), "-l", str(page))
    words = [
        (w.text or "", float(w.get("yMax")) - float(w.get("yMin")))
        for w in ET.fromstring(xhtml).iter("{http://www.w3.org/1999/xhtml}word")
    ]
    median = statistics.median(h for _, h in words)
    return [word for word, height in words if len(word) == 1 and height > 2.5 * median]
