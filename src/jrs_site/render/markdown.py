"""Markdown body in, semantic HTML out: the conventions staff write, for web and print alike.

- A blockquote is a **pull quote**: `<figure class="pullquote"><blockquote>`; a last line
  starting with a dash (`> — Amina`) becomes its `<figcaption>`.
- A paragraph that opens with a bold name and colon (`**Ibrahim:** ...`) is a **speaker
  turn**: `<p class="turn"><strong class="speaker">Ibrahim:</strong> ...`.
- A photo alone on its line, `![alt](photo.jpg "caption")`, becomes a `<figure>` whose HTML
  comes from the caller (web: `<picture>`; print: one `<img>`).
- A fenced block ` ```figures ` holds **key figures**, one per line: `value | label | previous`.
  Numbers are written the language's way (`1.204` in Dutch, `1 204` in French); a word or
  sign may stand before the value (`meer dan 35`, `± 35`) and `+` or `%` after it (`35+`).
- **Marks** shared with the pages of `docs/` (`marks.py`): lists nested at 2 spaces, a
  passage's language (`[слово]{lang=ru}`, `{lang=ar}` closing a block), a table's caption.
- A bare web or e-mail address is a link (`pymdownx.magiclink`).
- **Footnotes** (`[^1]`): their ids are scoped per item when the body is placed (`fill`), so
  that an edition page with several footnoted articles links each note to its own text.

Markdown's HTML then goes through the allow-list sanitiser (`sanitise.py`); photos are put in
its place after that, from autoescaping partials. `RenderCache` keeps rendered bodies between
builds, by a hash of their text.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
import secrets
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any, cast

import markdown
from babel.numbers import (
    NumberFormatError,
    format_decimal,
    get_decimal_symbol,
    get_group_symbol,
    parse_decimal,
)
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from jrs_site.model.languages import Languages
from jrs_site.model.problems import Severity
from jrs_site.render import bidi, l10n, limits, marks, partials, sanitise
from jrs_site.render.l10n import NBSP, catalogue, language_name, number_text, t
from jrs_site.render.marks import DASHES
from jrs_site.render.partials import partial
from jrs_site.util.files import read_json, write_json


@dataclass(frozen=True)
class KeyFigure:
    """A key figure ready to show: value, label, and optional previous value and source; a
    qualifier may stand before the number ("meer dan", "±") and "+" or "%" after it."""

    value: float
    label: str
    previous: float | None = None
    unit: str = ""
    source: str = ""
    before: str = ""
    after: str = ""


@dataclass(frozen=True)
class FigureSyntaxError(ValueError):
    """A line of a ```figures block that cannot be read: its line within the block (from 1),
    what is wrong, and what to write instead."""

    line: int
    message: str
    hint: str

    def __str__(self) -> str:
        return f"line {self.line} of the figures block: {self.message}; {self.hint}"


FIGURES_FENCE_RE = re.compile(
    r"^(?P<fence>`{3,}|~{3,})[ \t]*figures[ \t]*\n(?P<lines>.*?)^(?P=fence)[ \t]*$", re.M | re.S
)
_AMOUNT_RE = re.compile(
    r"^(?P<before>\D*?)\s*(?P<number>\d(?:[\d.,\s\u00a0\u202f]*\d)?)\s*(?P<after>[+%]?)$"
)
_SPACE_IN_NUMBER_RE = re.compile(r"(?<=\d)[ \u00a0\u2009\u202f](?=\d)")
_FIGURE_EXAMPLE = {"nl": "312 | gezinnen begeleid | 280", "fr": "312 | familles accompagnées | 280"}


def parse_number(text: str, lang: str) -> float:
    """A number as written in `lang`: `1.204` (nl) and `1 204` (fr) are 1204, `12,5` is 12.5.
    A separator that is not the language's, or a lone decimal mark before three digits
    (`1,204`: a thousand or one and a bit?), raises ValueError with what to write."""
    decimal, group = get_decimal_symbol(lang), get_group_symbol(lang)
    written = _SPACE_IN_NUMBER_RE.sub(group, text.strip())
    example = format_decimal(1204, locale=lang), format_decimal(12.5, locale=lang)
    how = f"write {example[0]} or 1204 for one thousand two hundred and four, {example[1]} for 12.5"
    if any(not (c.isdigit() or c in (decimal, group)) for c in written):
        language = language_name(lang, "en")
        raise ValueError(f"'{text}' is not written the {language} way; {how}")
    if group not in written and re.fullmatch(rf"\d+{re.escape(decimal)}\d{{3}}", written):
        raise ValueError(f"'{text}' could be read two ways; {how}")
    try:
        return float(parse_decimal(written, locale=lang, strict=True))
    except NumberFormatError:
        raise ValueError(f"'{text}' cannot be read as a number; {how}") from None


def parse_figures(source: str, lang: str) -> tuple[list[KeyFigure], list[FigureSyntaxError]]:
    """The key figures of a ```figures block written in `lang`, and one error per line that
    cannot be read (all of them, so that `check` lists them at once)."""
    figures, errors = [], []
    for number, line in enumerate(source.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            figures.append(_figure(line, lang))
        except ValueError as error:
            message, _, hint = str(error).partition("; ")
            errors.append(FigureSyntaxError(number, message, hint or _figure_hint(lang)))
    return figures, errors


def _figure(line: str, lang: str) -> KeyFigure:
    parts = [p.strip() for p in line.split("|")]
    if len(parts) not in (2, 3) or not parts[0] or not parts[1]:
        raise ValueError(
            f"'{line.strip()}' is not 'number | label' or 'number | label | previous number'"
        )
    amount = _AMOUNT_RE.match(parts[0])
    if amount is None:
        raise ValueError(
            f"'{parts[0]}' is not a number with an optional word before it and + or % after it"
        )
    previous = parse_number(parts[2], lang) if len(parts) == 3 and parts[2] else None
    return KeyFigure(
        parse_number(amount["number"], lang),
        parts[1],
        previous,
        before=amount["before"].strip(),
        after=amount["after"],
    )


def _figure_hint(lang: str) -> str:
    return (
        f"write one figure a line, e.g. '{_FIGURE_EXAMPLE.get(lang, _FIGURE_EXAMPLE['nl'])}'; "
        "before the number a word or sign may stand ('meer dan 35', '± 35'), after it + or %"
    )


@dataclass(frozen=True)
class FigureView:
    """One key figure as the partial shows it: texts ready in the page's language."""

    value: str
    unit: str
    label: str
    previous: str
    now_width: int
    previous_width: int
    source: str


def amount_text(figure: KeyFigure, lang: str) -> str:
    """`meer dan 35`, `± 35`, `35+`, `35%` / `35 %`: the value with its qualifiers."""
    text = number_text(figure.value, lang)
    if figure.before:
        text = f"{figure.before}{NBSP}{text}"
    if figure.after == "%":
        text += "\u202f%" if lang == "fr" else "%"
    return text + ("+" if figure.after == "+" else "")


def figure_views(figures: list[KeyFigure], lang: str) -> list[FigureView]:
    """What the key-figures partial shows, web and print alike."""
    views = []
    for fig in figures:
        previous, now_width, prev_width = "", 0, 0
        if fig.previous is not None:
            top = max(fig.value, fig.previous) or 1
            previous = t(lang, "previous_year", value=number_text(fig.previous, lang))
            now_width, prev_width = round(100 * fig.value / top), round(100 * fig.previous / top)
        source = t(lang, "figure_source", source=fig.source) if fig.source else ""
        views.append(
            FigureView(
                amount_text(fig, lang), fig.unit, fig.label, previous, now_width, prev_width, source
            )
        )
    return views


def figures_html(figures: list[KeyFigure], lang: str) -> Markup:
    """Key figures as large numbers with labels, and a bar comparing with the previous value;
    nothing at all without figures."""
    if not figures:
        return Markup()
    return partial("key-figures.html", figures=figure_views(figures, lang))


def figure_problems(body: str, lang: str) -> list[tuple[int, FigureSyntaxError]]:
    """Each line that cannot be read in the ```figures blocks of a body written in `lang`:
    (0-based line in the body, error)."""
    found = []
    for match in FIGURES_FENCE_RE.finditer(body):
        first = body.count("\n", 0, match.start("lines"))
        for error in parse_figures(match["lines"], lang)[1]:
            found.append((first + error.line - 1, error))
    return found


def _figures_fence(lang: str, source: str, *args: object, **kwargs: object) -> str:
    figures, errors = parse_figures(source, lang)
    if errors:  # `check` reports them with their lines; never publish a wrong number
        raise errors[0]
    return figures_html(figures, lang)


ImageHtml = Callable[[str, str, str], str]


def no_photos(src: str, alt: str, caption: str) -> str:
    """For a body shown without its photos (an edition's introduction)."""
    return ""


@dataclass(frozen=True)
class Setting:
    """How a body's text is set: in the typography of its language (the page's, or the
    fallback's, `l10n.typography`), a passage marked in another of the site's languages in
    that language's."""

    lang: str
    languages: Languages


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


#: A `{lang=...}` left in the text, whatever stands after `=`: a mark that did not work.
_LANG_MARK_RE = re.compile(r"\{lang=([^}\n]*)\}")
_LANG_ATTRIBUTE_RE = re.compile(r'\slang="([^"]*)"')
_CODE_RE = re.compile(r"<(code|pre)\b.*?</\1>", re.S)
_LANG_HINT = (
    "write a language code, such as ar (Arabic), fa (Persian), fa-AF (Dari), ps (Pashto), "
    "ti (Tigrinya), ru (Russian), uk (Ukrainian), nl or fr"
)


def language_problems(
    body: str, lang: str, converted: str | None = None
) -> list[tuple[int, Severity, str, str]]:
    """Each `{lang=...}` of a body written in `lang` that does not work, outside code: (0-based
    line, severity, message, hint). A mark left in the text is an error when what follows
    `lang=` is no language code, else a warning (neither after a `[phrase]` nor at the end of
    a block); a language that Babel does not know is a warning. `converted`: the body's HTML
    from `convert`, when the caller has it already."""
    if "{lang=" not in body:
        return []
    html = _CODE_RE.sub("", converted if converted is not None else convert(body, lang)[0])
    found: list[tuple[str, Severity, str, str]] = []  # (mark, severity, message, hint)
    for match in _LANG_MARK_RE.finditer(html):
        mark = match.group(0)
        if not re.fullmatch(sanitise.LANG_CODE, match.group(1)):
            found.append((mark, "error", f"'{mark}' does not name a language", _LANG_HINT))
        else:
            found.append(
                (
                    mark,
                    "warning",
                    f"'{mark}' is neither after a [phrase] nor at the end of a paragraph",
                    f"write [the words]{mark} for a phrase, or {mark} at the end of the "
                    "paragraph, heading, list item or quote line in that language",
                )
            )
    for code in _LANG_ATTRIBUTE_RE.findall(html):
        if bidi.known_locale(code) is None:
            message = f"'{{lang={code}}}': the language '{code}' is unknown"
            found.append((f"{{lang={code}}}", "warning", message, _LANG_HINT))
    lines = sanitise.locate(body, [(mark,) for mark, *_ in found])
    return sorted(
        (
            (line or 0, severity, message, hint)
            for line, (_, severity, message, hint) in zip(lines, found, strict=True)
        ),
        key=lambda problem: problem[0],
    )


class ConventionsExtension(Extension):
    """Registers our conventions: pull quotes, speaker turns and photos, and the marks that
    `docs/` pages take too (`marks.py`: nested lists, a passage's language, table captions)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        md.treeprocessors.register(_Conventions(md), "jrs_conventions", 5)
        marks.MarksExtension().extendMarkdown(md)


def render(
    body: str,
    lang: str,
    image_html: ImageHtml = no_photos,
    scope: str = "",
    setting: Setting | None = None,
) -> Markup:
    """Render a Markdown body to sanitised HTML in `lang` (numbers in key figures are
    localised); `image_html` makes each photo's `<figure>`, placed after sanitising; `scope`
    names the item in its footnotes' ids (see `fill`); with a `setting`, in its typography."""
    return fill(*render_marked(body, lang, setting), image_html, scope)


def render_marked(
    body: str, lang: str, setting: Setting | None = None
) -> tuple[str, str, list[tuple[str, str, str]]]:
    """The body's sanitised HTML with a placeholder for each photo, the placeholders' token
    (random, so that no text can forge one) and the photos as (src, alt, caption); with a
    `setting`, its text set in that typography (the photos' captions are set where made)."""
    html, token, photos = convert(body, lang)
    html = str(sanitise.sanitise(html))
    if setting is not None:
        html = l10n.typography(html, setting.lang, setting.languages)
    return html, token, photos


def convert(body: str, lang: str) -> tuple[str, str, list[tuple[str, str, str]]]:
    """The body's HTML as Markdown makes it, before sanitising (see `render_marked`)."""
    token, photos = secrets.token_hex(8), []

    def mark(src: str, alt: str, caption: str) -> str:
        photos.append((src, alt, caption))
        return _PHOTO.format(token, len(photos) - 1)

    md = _parser(lang)
    cast(_Conventions, md.treeprocessors["jrs_conventions"]).image_html = mark
    return md.reset().convert(limits.capped(body)), token, photos


def fill(
    html: str,
    token: str,
    photos: list[tuple[str, str, str]],
    image_html: ImageHtml,
    scope: str = "",
) -> Markup:
    """The sanitised `html` placed in a page: each photo placeholder replaced by
    `image_html`'s figure, and its footnotes' ids and links scoped by `scope` (`fn:1` becomes
    `fn-amina:1`), so that several bodies on one page keep their notes apart."""
    for number, (src, alt, caption) in enumerate(photos):
        html = html.replace(_PHOTO.format(token, number), image_html(src, alt, caption), 1)
    if scope and 'class="footnote' in html:
        prefix = re.sub(r"[^\w-]+", "-", scope).strip("-")
        html = _FOOTNOTE_ID_RE.sub(rf"\1\2-{prefix}:", html)
    return Markup(html)  # noqa: S704 - sanitised, and figures from our autoescaping partials


#: The footnotes extension's ids and links to them: `id="fn:1"`, `href="#fnref:1"`.
_FOOTNOTE_ID_RE = re.compile(r'((?:id|href)="#?)(fn|fnref):')


@cache
def _parser(lang: str) -> markdown.Markdown:
    """One parser per language, reset between bodies: setting one up costs more than a body.
    No `attr_list` (it would let `{: onclick=...}` through) and no raw HTML inside Markdown."""
    return markdown.Markdown(
        extensions=[
            "abbr",
            "def_list",
            "footnotes",
            "tables",
            "sane_lists",
            "toc",
            "pymdownx.highlight",
            "pymdownx.magiclink",
            "pymdownx.superfences",
            ConventionsExtension(),
        ],
        extension_configs={
            "toc": {"permalink": False},
            "footnotes": {"BACKLINK_TITLE": t(lang, "footnote_back", number="%d")},
            "pymdownx.magiclink": {"hide_protocol": False},
            "tables": {"use_align_attribute": True},
            "pymdownx.highlight": {"use_pygments": False},
            "pymdownx.superfences": {
                "custom_fences": [
                    {
                        "name": "figures",
                        "class": "key-figures",
                        "format": functools.partial(_figures_fence, lang),
                    }
                ]
            },
        },
        output_format="html",
    )


#: Where a photo goes in a rendered body: its HTML depends on the page, so it is filled in at
#: use, after sanitising. A block element, like the photo's own `<figure>`, so Markdown does
#: not wrap it in a `<p>`; the token is random for each body, so no text can forge it.
_PHOTO = '<figure data-jrs-photo="{}-{}"></figure>'


class RenderCache:
    """The bodies of one language rendered once: kept between builds in a JSON file, by a hash
    of their text and of the renderer, so an unchanged testimony is not parsed again. Each
    build keeps only the bodies it used, so the file does not grow with deleted texts."""

    def __init__(self, lang: str, path: Path | None = None) -> None:
        self.lang, self.path = lang, path
        stored = read_json(path) if path is not None else None
        self._stored: dict[str, Any] = stored if isinstance(stored, dict) else {}
        self._used: dict[str, Any] = {}

    def render(
        self, body: str, image_html: ImageHtml, scope: str = "", setting: Setting | None = None
    ) -> Markup:
        """What `render(body, lang, image_html, scope, setting)` returns, from the cache when
        it can."""
        set_in = f"{setting.lang}:{','.join(setting.languages.codes)}" if setting else ""
        text = f"{_renderer(self.lang)}\0{set_in}\0{body}"
        key = hashlib.sha256(text.encode()).hexdigest()[:32]
        entry = self._used.get(key) or self._stored.get(key)
        if not (isinstance(entry, list) and len(entry) == 3):
            entry = list(render_marked(body, self.lang, setting))
        self._used[key] = entry
        html, token, photos = entry
        return fill(html, token, photos, image_html, scope)

    def save(self) -> None:
        """Write the bodies of this build, if they are not those already stored."""
        if self.path is not None and self._used.keys() != self._stored.keys():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_json(self.path, self._used)
            self._stored = dict(self._used)


@cache
def _renderer(lang: str) -> str:
    """A hash of what a body's HTML depends on besides its text: this module and the
    localisation code, the UI strings, and the versions of Markdown, its extensions, Babel
    and nh3."""
    modules: tuple[str, ...] = (__file__, l10n.__file__, sanitise.__file__, partials.__file__)
    modules += (marks.__file__, limits.__file__)
    parts = [Path(module).read_bytes() for module in modules]
    parts.append((partials.TEMPLATES / "key-figures.html").read_bytes())
    parts.append(json.dumps(catalogue(lang), sort_keys=True).encode())
    parts += [version(name).encode() for name in ("markdown", "pymdown-extensions", "babel", "nh3")]
    return hashlib.sha256(b"\0".join(parts)).hexdigest()[:16]
