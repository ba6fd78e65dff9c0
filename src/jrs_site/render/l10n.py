"""Localisation: dates, numbers, country names (Babel), the UI string catalogue, and the
typography of each language.

Staff type straight quotes; every output shows the language's own marks from this one step
(French: qu’elles, « … » with narrow no-break spaces, a space before `: ; ! ?`; Dutch: zo’n,
’s avonds, “ … ”, ‘ … ’). The web pages (head and body) and the PDFs pass through it whole;
feeds, `<head>` metadata and social cards use it for their plain text. An output of its own,
such as the e-mail edition, calls

- `typeset(html, lang, languages)` on its finished HTML (a whole document or a fragment): the
  typography, on text only (never tags, attribute values, comments, entities, code, scripts
  or web addresses), then the writing direction of right-to-left text (`bidi.py`);
- `text_typography(text, lang, languages)` on plain text (a subject line, a preheader, a text part).

Both are idempotent: what has been through them once comes out the same.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from html import escape, unescape
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

import yaml
from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal
from markupsafe import Markup

from jrs_site.model.languages import Languages
from jrs_site.render import bidi

NBSP = "\u00a0"
#: French puts a narrow no-break space before `: ; ! ?` and inside « »: the mark never starts
#: a line, and it stands a little apart from its word.
NNBSP = "\u202f"
_SPACES = " \u00a0\u202f"
#: Markup, never changed: code and data elements whole, comments, tags (a `>` may stand in a
#: quoted attribute value), entities other than quotes (an escaped quote is text).
_MARKUP = re.compile(
    r"<(script|style|pre|code|kbd|samp|textarea)\b.*?</\1\s*>"
    r"|<!--.*?-->"
    r"""|<(?:[^>"']|"[^"]*"|'[^']*')*>"""
    r"|&(?!(?:quot|apos|#34|#39|#x22|#x27);)#?\w+;",
    re.S | re.I,
)
_QUOTE_ENTITY = re.compile(r"&(quot|apos|#34|#39|#x22|#x27);", re.I)
#: Elements inside a sentence: a quote before `<em>` and one after `</em>` are one pair.
#: Any other tag ends the sentence for quotes (a paragraph, a heading, a cell).
_INLINE = re.compile(
    r"</?(?:a|abbr|b|bdi|bdo|cite|data|del|dfn|em|i|ins|mark|q|s|small|span|strong|sub|sup"
    r"|time|u|wbr)\b",
    re.I,
)
_OPENING = re.compile(r"<([a-z][\w-]*)", re.I)
_CLOSING = re.compile(r"</([a-z][\w-]*)", re.I)
_LANG = re.compile(r"""\slang\s*=\s*["']?([a-z]{2,3}(?:-[\w-]+)?)""", re.I)
_VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"])
#: A web address written in the text: its quotes are part of it.
_ADDRESS = re.compile(r"(?:https?://|mailto:|www\.)\S+", re.I)
_CODE = "\ufffc"  # what inline code is to the quotes around it: a word
_BLOCK = "\u2029"  # a paragraph separator: where a block ends (a line end may not)
#: A mark after a word (spaces or not), followed by the end of the text, a space or a closing
#: sign: not the colon of 20:30 or https://, nor the question mark of a web address.
_BEFORE_MARK = re.compile(
    rf"(?:(?<=[^{_SPACES}(«])|^(?=[{_SPACES}]))[{_SPACES}]*([:;!?][;!?]*)(?=$|[\s)»”’.,])"
)
_AFTER_OPENING = re.compile(rf"«[{_SPACES}]*")
_BEFORE_CLOSING = re.compile(rf"(?:(?<=\S)|^)[{_SPACES}]*»")  # ^: after an inline tag
#: After these a quote opens, before these it closes (as after and before a space).
_OPENS_AFTER = "([{«“‘—–"
_CLOSES_BEFORE = ",.;:!?)]}»”…"
_WORD = re.compile(r"[^\W\d_]*")
#: What `_quote_marks` looks at: straight quotes, typographic ones (for nesting), block ends.
_MARKS = re.compile(f"[\"'«“»”{_BLOCK}]")


@dataclass(frozen=True)
class Quotes:
    """How a language sets the quotes staff type straight: `"…"` outside and inside another
    quote, a clear pair of `'…'`, and which `'x` at a word's start are apostrophes."""

    double: tuple[str, str]
    inner: tuple[str, str]
    single: tuple[str, str]
    elisions: frozenset[str] = frozenset()
    spaced: bool = False  # French spacing: narrow no-break spaces (see `_french`)


QUOTES = {
    "fr": Quotes(("«", "»"), ("“", "”"), ("“", "”"), spaced=True),
    # 's avonds, 't is, zo'n, 'k heb: an apostrophe, not an opening quote.
    "nl": Quotes(
        ("“", "”"), ("‘", "’"), ("‘", "’"), frozenset(["s", "t", "n", "k", "m", "r", "ns"])
    ),
}


#: Any other configured language: English marks (“…”, ‘…’), as Babel ships no quotation marks.
OTHER_QUOTES = Quotes(("“", "”"), ("‘", "’"), ("‘", "’"))


def _french(text: str) -> str:
    text = _BEFORE_MARK.sub(lambda m: NNBSP + m.group(1), text)
    return _BEFORE_CLOSING.sub(NNBSP + "»", _AFTER_OPENING.sub("«" + NNBSP, text))


def _closes_later(text: str, start: int) -> bool:
    """Whether a `'` after a word ends a quote before the end of this block."""
    for i in range(start, len(text)):
        if text[i] == _BLOCK:
            return False
        after = text[i + 1 : i + 2]
        if text[i] == "'" and not text[i - 1].isspace() and not after.isalnum():
            return True
    return False


def _quote_marks(text: str, quotes: Quotes) -> str:
    """`text` with each straight quote replaced by one typographic character: apostrophes,
    quotes (pairs, nested once), and primes after digits (5'10" is 5′10″).

    Quotes pair within a block only, so a block without a straight quote stays as it is: a
    whole page is mostly such blocks (its header, menus and footer), and is cut at them."""
    if "'" not in text and '"' not in text:
        return text
    return _BLOCK.join(
        _block_marks(block, quotes) if "'" in block or '"' in block else block
        for block in text.split(_BLOCK)
    )


def _block_marks(text: str, quotes: Quotes) -> str:
    """`_quote_marks` of one block (no `_BLOCK` inside): its start and end are the block's."""
    out = list(text)
    addresses = {i for m in _ADDRESS.finditer(text) for i in range(m.start(), m.end())}
    depth, single = 0, False  # open double quotes; whether a '…' is open
    for mark in _MARKS.finditer(text):
        i, char = mark.start(), mark.group(0)
        if i in addresses:
            continue
        before = text[i - 1] if i else _BLOCK
        after = text[i + 1] if i + 1 < len(text) else _BLOCK
        left = before.isspace() or before in _OPENS_AFTER
        right = after.isspace() or after in _CLOSES_BEFORE
        opens = left if left != right else not depth  # spaces on both sides or none: by depth
        if char == _BLOCK:
            depth, single = 0, False
        elif char in "«“":
            depth += 1
        elif char in "»”":
            depth = max(0, depth - 1)
        elif char == '"':
            if before.isdigit() and not depth:
                out[i] = "″"
            elif opens:
                out[i] = (quotes.double if not depth else quotes.inner)[0]
                depth += 1
            else:
                depth = max(0, depth - 1)
                out[i] = (quotes.double if not depth else quotes.inner)[1]
        elif char == "'":
            letters = _WORD.match(text, i + 1)
            assert letters is not None  # `_WORD` matches the empty string too
            word = letters.group(0).lower()
            if before.isdigit() and not single:
                out[i] = "′"
            elif left and not right and not after.isdigit() and word not in quotes.elisions:
                single = _closes_later(text, i + 2)
                out[i] = quotes.single[0] if single else "’"
            elif single and not before.isspace() and not after.isalnum():
                single = False
                out[i] = quotes.single[1]
            else:
                out[i] = "’"
    return "".join(out)


def _parts(html: str) -> list[tuple[str, str, bool]]:
    """`html` cut into (piece, what the quotes see of it, whether it is text): text is text,
    with escaped quotes as quotes; an inline tag is nothing, inline code a word, other markup
    the end of a block, an entity its character."""
    parts, end = [], 0
    for match in [*_MARKUP.finditer(html), None]:
        start = match.start() if match else len(html)
        if start > end:
            text = html[end:start]
            parts.append((text, _QUOTE_ENTITY.sub(lambda m: unescape(m.group(0)), text), True))
        if match is None:
            return parts
        piece, end = match.group(0), match.end()
        if piece[0] == "&":
            seen = unescape(piece)
        elif match.group(1):
            seen = _CODE if match.group(1).lower() in ("code", "kbd", "samp") else _BLOCK
        else:
            seen = "" if _INLINE.match(piece) else _BLOCK
        parts.append((piece, seen, False))
    return parts


def in_text(html: str, change: Callable[[str], str]) -> str:
    """`html` with `change` applied to its text only: never to tags, entities, comments, code
    or scripts."""
    return "".join(change(piece) if text else piece for piece, _, text in _parts(html))


@dataclass
class _Open:
    """An element with a `lang` attribute, open around the parts that follow it."""

    tag: str
    lang: str
    nested: int = 0  # elements of the same name open inside it


def _languages(parts: list[tuple[str, str, bool]], lang: str) -> list[str]:
    """The language of each part: `lang`, or that of the innermost element around it with a
    `lang` attribute (a page's untranslated fallback, the 404's other languages)."""
    found: list[str] = []
    stack: list[_Open] = []
    for piece, _, is_text in parts:
        if not stack and (is_text or "lang" not in piece):  # most of a page: nothing to track
            found.append(lang)
            continue
        tag = None if is_text else _OPENING.match(piece) or _CLOSING.match(piece)
        if tag and stack and tag.group(1).lower() == stack[-1].tag:
            if piece[1] != "/":
                stack[-1].nested += 1
            elif stack[-1].nested:
                stack[-1].nested -= 1
            else:
                stack.pop()
        elif tag and piece[1] != "/" and not piece.endswith("/>"):
            named = _LANG.search(piece)
            if named and tag.group(1).lower() not in _VOID:
                stack.append(_Open(tag.group(1).lower(), named.group(1).split("-")[0].lower()))
        found.append(stack[-1].lang if stack else lang)
    return found


def typography(html: str, lang: str, languages: Languages | None = None) -> str:
    """The typography of `lang` in the text of `html` (a fragment or a whole page): straight
    quotes and apostrophes become typographic ones, and in French a narrow no-break space
    stands before `: ; ! ?` and inside « », typed or not. An element with a `lang` attribute
    gets its language's rules. Tags, attribute values, comments, entities, code, scripts,
    times and web addresses stay as written; a second run changes nothing. Text in a
    language the site is not written in, not one of `languages` (the preview's English list
    of errors, whose quotes name what to type), is left as it is; without `languages`, all
    but `lang`'s text is."""
    parts = _parts(html)
    langs = _languages(parts, lang)
    out = [piece for piece, _, _ in parts]
    for each in set(langs) & set(languages.codes if languages else (lang,)):
        quotes = QUOTES.get(each, OTHER_QUOTES)
        # Text in other languages ends a block here: their quotes pair among themselves.
        mine = [other == each for other in langs]
        flat = [seen if own else _BLOCK for (_, seen, _), own in zip(parts, mine, strict=True)]
        marked, at = _quote_marks("".join(flat), quotes), 0
        for i, (width, (_, _, is_text), own) in enumerate(
            zip(map(len, flat), parts, mine, strict=True)
        ):
            if is_text and own:
                text = marked[at : at + width]
                out[i] = _french(text) if quotes.spaced else text
            at += width
    return "".join(out)


def typeset(html: str, lang: str, languages: Languages) -> str:
    """`html` as it is published in `lang` on a site in `languages`: its `typography`, and
    `dir` on what reads right to left (`bidi.mark`)."""
    return bidi.mark(typography(html, lang, languages), lang)


#: What `typography` may change: a text without any of these is set as it is.
_TYPOGRAPHIC = re.compile("[\"'«»:;!?]")


def text_typography(text: str, lang: str, languages: Languages | None = None) -> str:
    """`typography` of plain text in `lang` (a title, a lead, a UI string), as plain text."""
    return _text_typography(text, lang, languages) if _TYPOGRAPHIC.search(text) else text


@lru_cache(maxsize=1 << 16)
def _text_typography(text: str, lang: str, languages: Languages | None) -> str:
    """A page shows the same titles and leads many times (cards, listings, feeds): each is set
    once per process."""
    return unescape(typography(escape(text, quote=False), lang, languages))


def html_typography(html: Markup, lang: str) -> Markup:
    """`typography` of an HTML fragment all in `lang` (a name with its note), as HTML."""
    return Markup(typography(str(html), lang))  # noqa: S704 - the same HTML, its text set


#: The catalogue whose words stand in for a key missing from another (check warns of it).
REFERENCE = "en"
#: The counts a plural category must serve to be asked of a catalogue: what this site counts
#: (results, testimonies, years). French `many` (a million and more) falls back to `other`.
COUNTS = range(1001)


def catalogue_file(lang: str) -> Traversable:
    """Where the UI strings of `lang` are: `src/jrs_site/locales/<lang>.yml`."""
    return resources.files("jrs_site").joinpath(f"locales/{lang}.yml")


@cache
def catalogue(lang: str) -> dict[str, Any]:
    """The UI strings of one language (`src/jrs_site/locales/<lang>.yml`)."""
    strings: dict[str, Any] = yaml.safe_load(catalogue_file(lang).read_text("utf-8"))
    return strings


@cache
def plural_examples(lang: str) -> dict[str, list[int]]:
    """Each CLDR plural category `lang` uses for the counts of `COUNTS`, with the first of
    those counts: Arabic `{"zero": [0], "one": [1], "two": [2], "few": [3, 4, 5], ...}`."""
    rule = Locale.parse(lang).plural_form
    examples: dict[str, list[int]] = {}
    for count in COUNTS:
        found = examples.setdefault(rule(count), [])
        if len(found) < 3:
            found.append(count)
    return examples


def catalogue_gaps(lang: str) -> list[tuple[str, str]]:
    """What the catalogue of `lang` lacks, as (key, plural category or "") pairs: a key of
    the reference catalogue, or a plural form the language uses (see `plural_examples`)."""
    strings, gaps = catalogue(lang), []
    for key, entry in catalogue(REFERENCE).items():
        mine = strings.get(key)
        if mine is None:
            gaps.append((key, ""))
        elif isinstance(entry, dict):
            have = mine if isinstance(mine, dict) else {"other": mine}
            gaps += [(key, form) for form in plural_examples(lang) if form not in have]
    return gaps


@cache
def set_catalogue(lang: str) -> dict[str, Any]:
    """The UI strings of one language as pages show them, in its typography (templates that
    show a string as it is take it from here: `t` formats first, then sets)."""

    def setting(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: setting(each) for key, each in value.items()}
        return text_typography(value, lang) if isinstance(value, str) else value

    return {key: setting(value) for key, value in catalogue(lang).items()}


def t(lang: str, key: str, count: int | None = None, **values: Any) -> str:
    """A UI string; `count` picks the plural form with the language's rules (CLDR's, any of
    zero, one, two, few, many, other); a form or key the catalogue lacks falls back to its
    `other`, or to the English catalogue's words."""
    entry = catalogue(lang).get(key) or catalogue(REFERENCE)[key]
    if isinstance(entry, dict):  # a form the catalogue lacks: its `other` (check warns)
        form = Locale.parse(lang).plural_form(count if count is not None else 1)
        entry = entry.get(form, entry["other"])
    text: str = entry.format(count=count, **values)
    return text


def date_text(value: dt.date, lang: str) -> str:
    """`15 oktober 2025` / `15 octobre 2025`."""
    return format_date(value, format="long", locale=lang)


def number_text(value: float, lang: str) -> str:
    """`7.412` / `7 412`, no decimals for whole numbers."""
    return format_decimal(int(value) if float(value).is_integer() else value, locale=lang)


def file_size(size: int, lang: str) -> str:
    """`1,2 MB` / `1,2 Mo`: bytes in megabytes (kilobytes under one megabyte)."""
    if size < 1_000_000:
        return t(lang, "kilobytes", size=format_decimal(max(1, round(size / 1000)), locale=lang))
    return t(lang, "megabytes", size=format_decimal(round(size / 1_000_000, 1), locale=lang))


def joined(items: list[str], lang: str) -> Markup:
    """`Samira, Yonas en Lina` / `Samira, Yonas et Lina`: items joined in the language's way
    (Babel's `format_list`); a text is escaped, Markup (a name with its note) is kept."""
    marks = [f"\x00{index}\x00" for index in range(len(items))]
    pieces = re.split(r"\x00(\d+)\x00", format_list(marks, locale=lang))
    # re.split puts each captured index between the joining words: every second piece.
    return Markup("").join(items[int(p)] if i % 2 else p for i, p in enumerate(pieces))


def country_name(code: str, lang: str) -> str:
    """`SY` -> `Syrië` / `Syrie`."""
    name: str = Locale(lang).territories.get(code.upper(), code)
    return name


def language_name(code: str, lang: str) -> str:
    """`fr` in Dutch -> `Frans`."""
    name: str = Locale(lang).languages.get(code, code)
    return name


def shipped_languages() -> list[str]:
    """The languages whose catalogue ships with the program."""
    shipped = [e.name for e in resources.files("jrs_site").joinpath("locales").iterdir()]
    return sorted(name.removesuffix(".yml") for name in shipped if name.endswith(".yml"))


def missing_keys() -> dict[str, set[str]]:
    """Keys present in one shipped catalogue and not in another (for tests)."""
    keys = {lang: set(catalogue(lang)) for lang in shipped_languages()}
    every = set().union(*keys.values())
    return {lang: every - have for lang, have in keys.items() if every - have}
