"""Markdown body in, semantic HTML out: the conventions staff write, for web and print alike.

- A blockquote is a **pull quote**: `<figure class="pullquote"><blockquote>`; a last line
  starting with a dash (`> — Amina`) becomes its `<figcaption>`.
- A paragraph that opens with a bold name and colon (`**Ibrahim:** ...`) is a **speaker
  turn**: `<p class="turn"><strong class="speaker">Ibrahim:</strong> ...`.
- A photo alone on its line, `![alt](photo.jpg "caption")`, becomes a `<figure>` whose HTML
  comes from the caller (web: `<picture>`; print: one `<img>`).
- A fenced block ` ```figures ` holds **key figures**, one per line: `value | label | previous`.

`RenderCache` keeps rendered bodies between builds, by a hash of their text.
"""

from __future__ import annotations

import hashlib
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial
from html import escape
from importlib.metadata import version
from pathlib import Path
from typing import Any

import markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

from ..images.cache import read_json, write_json
from . import l10n
from .l10n import catalogue, number_text, t

DASHES = ("—", "–", "-- ", "- ")
IMAGE_RE = re.compile(
    r"!\[(?P<alt>[^\]]*)\]\((?P<src><[^>]+>|[^)\s]+)(?:\s+\"(?P<title>[^\"]*)\")?\)"
)


@dataclass(frozen=True)
class KeyFigure:
    """A key figure ready to show: value, label, and optional previous value and source."""

    value: float
    label: str
    previous: float | None = None
    unit: str = ""
    source: str = ""


class FigureSyntaxError(ValueError):
    """A line of a ```figures block that is not `value | label | previous`."""


def parse_figures(source: str) -> list[KeyFigure]:
    """Parse the lines of a ```figures block."""
    figures = []
    for number, line in enumerate(source.strip().splitlines(), start=1):
        parts = [p.strip() for p in line.split("|")]
        try:
            if len(parts) not in (2, 3) or not parts[1]:
                raise ValueError
            value = float(parts[0].replace(" ", ""))
            previous = float(parts[2].replace(" ", "")) if len(parts) == 3 and parts[2] else None
        except ValueError:
            raise FigureSyntaxError(
                f"line {number} of the figures block, '{line}', should read "
                "'number | label' or 'number | label | previous number', e.g. '312 | families'"
            ) from None
        figures.append(KeyFigure(value, parts[1], previous))
    return figures


def figures_html(figures: list[KeyFigure], lang: str) -> str:
    """Key figures as large numbers with labels, and a bar comparing with the previous value;
    nothing at all without figures."""
    if not figures:
        return ""
    items = []
    for fig in figures:
        value = number_text(fig.value, lang)
        unit = f' <span class="kf-unit">{escape(fig.unit)}</span>' if fig.unit else ""
        extra = ""
        if fig.previous is not None:
            top = max(fig.value, fig.previous) or 1
            previous = escape(t(lang, "previous_year", value=number_text(fig.previous, lang)))
            now_width, prev_width = 100 * fig.value / top, 100 * fig.previous / top
            extra += (
                f'<span class="kf-previous">{previous}</span>'
                '<span class="kf-bars" aria-hidden="true">'
                f'<span class="kf-bar kf-bar-now" style="width:{now_width:.0f}%"></span>'
                f'<span class="kf-bar kf-bar-prev" style="width:{prev_width:.0f}%"></span>'
                "</span>"
            )
        if fig.source:
            source = escape(t(lang, "figure_source", source=fig.source))
            extra += f'<span class="kf-source">{source}</span>'
        items.append(
            f'<li><span class="kf-value">{value}{unit}</span>'
            f'<span class="kf-label">{escape(fig.label)}</span>{extra}</li>'
        )
    return f'<ul class="key-figures">{"".join(items)}</ul>'


def _figures_fence(lang: str, source: str, *args: object, **kwargs: object) -> str:
    return figures_html(parse_figures(source), lang)


ImageHtml = Callable[[str, str, str], str]
"""Called with (src as written, alt, caption); returns the whole `<figure>` HTML."""


class _Conventions(Treeprocessor):
    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.image_html: ImageHtml = lambda *_: ""  # set by `render` for each body

    def run(self, root: ET.Element) -> None:
        self._walk(root)

    def _walk(self, parent: ET.Element) -> None:
        for index, child in enumerate(list(parent)):
            if child.tag == "blockquote":
                parent[index] = self._pullquote(child)
            elif child.tag == "p":
                self._paragraph(parent, index, child)
            else:
                self._walk(child)

    def _pullquote(self, quote: ET.Element) -> ET.Element:
        figure = ET.Element("figure", {"class": "pullquote"})
        figure.append(quote)
        paragraphs = quote.findall("p")
        last = paragraphs[-1] if paragraphs else None
        if last is not None and len(last) == 0:
            lines = (last.text or "").split("\n")
            signed = lines[-1].lstrip().startswith(DASHES)
            if signed and (len(lines) > 1 or len(paragraphs) > 1):
                caption = ET.SubElement(figure, "figcaption")
                caption.text = lines[-1].lstrip().lstrip("—–- ").strip()
                last.text = "\n".join(lines[:-1])
                if not last.text.strip():
                    quote.remove(last)
        return figure

    def _paragraph(self, parent: ET.Element, index: int, para: ET.Element) -> None:
        first = para[0] if len(para) else None
        if first is None or (para.text or "").strip():
            return
        if first.tag == "img" and len(para) == 1 and not (first.tail or "").strip():
            html = self.image_html(
                first.get("src", ""), first.get("alt", ""), first.get("title", "")
            )
            para.clear()
            para.text = self.md.htmlStash.store(html)
        elif first.tag == "strong" and (first.text or "").rstrip().endswith(":"):
            para.set("class", "turn")
            first.set("class", "speaker")


class ConventionsExtension(Extension):
    """Registers the pull quote, speaker turn and photo conventions."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        md.treeprocessors.register(_Conventions(md), "jrs_conventions", 5)


def render(body: str, lang: str, image_html: ImageHtml) -> str:
    """Render a Markdown body to HTML in `lang` (numbers in key figures are localised)."""
    md = _parser(lang)
    md.treeprocessors["jrs_conventions"].image_html = image_html
    return md.reset().convert(body)


@cache
def _parser(lang: str) -> markdown.Markdown:
    """One parser per language, reset between bodies: setting one up costs more than a body."""
    return markdown.Markdown(
        extensions=[
            "extra",
            "sane_lists",
            "toc",
            "pymdownx.superfences",
            ConventionsExtension(),
        ],
        extension_configs={
            "toc": {"permalink": False},
            "pymdownx.superfences": {
                "custom_fences": [
                    {
                        "name": "figures",
                        "class": "key-figures",
                        "format": partial(_figures_fence, lang),
                    }
                ]
            },
        },
        output_format="html",
    )


#: Where a photo goes in a cached body: its HTML depends on the page, so it is filled in at use.
#: A block element, like the photo's own `<figure>`, so Markdown does not wrap it in a `<p>`.
_PHOTO = '<figure data-jrs-photo="{}"></figure>'


class RenderCache:
    """The bodies of one language rendered once: kept between builds in a JSON file, by a hash
    of their text and of the renderer, so an unchanged testimony is not parsed again. Each
    build keeps only the bodies it used, so the file does not grow with deleted texts."""

    def __init__(self, lang: str, path: Path | None = None) -> None:
        self.lang, self.path = lang, path
        stored = read_json(path) if path is not None else None
        self._stored: dict[str, Any] = stored if isinstance(stored, dict) else {}
        self._used: dict[str, Any] = {}

    def render(self, body: str, image_html: ImageHtml) -> str:
        """What `render(body, lang, image_html)` returns, from the cache when it can."""
        key = hashlib.sha256(f"{_renderer(self.lang)}\0{body}".encode()).hexdigest()[:32]
        entry = self._used.get(key) or self._stored.get(key)
        if not (isinstance(entry, list) and len(entry) == 2):
            photos: list[tuple[str, str, str]] = []

            def mark(src: str, alt: str, caption: str) -> str:
                photos.append((src, alt, caption))
                return _PHOTO.format(len(photos) - 1)

            entry = [render(body, self.lang, mark), photos]
        self._used[key] = entry
        html, photos = entry
        for number, (src, alt, caption) in enumerate(photos):
            html = html.replace(_PHOTO.format(number), image_html(src, alt, caption), 1)
        return html

    def save(self) -> None:
        """Write the bodies of this build, if they are not those already stored."""
        if self.path is not None and self._used.keys() != self._stored.keys():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_json(self.path, self._used)
            self._stored = dict(self._used)


@cache
def _renderer(lang: str) -> str:
    """A hash of what a body's HTML depends on besides its text: this module and the
    localisation code, the UI strings, and the versions of Markdown, its extensions, Babel."""
    parts = [Path(__file__).read_bytes(), Path(l10n.__file__).read_bytes()]
    parts.append(json.dumps(catalogue(lang), sort_keys=True).encode())
    parts += [version(name).encode() for name in ("markdown", "pymdown-extensions", "babel")]
    return hashlib.sha256(b"\0".join(parts)).hexdigest()[:16]
