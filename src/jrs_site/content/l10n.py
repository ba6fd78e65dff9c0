"""Localisation: dates, numbers, country names (Babel) and the UI string catalogue."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

import yaml
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from .models import LANGUAGES

NBSP = "\u00a0"
#: French puts a narrow no-break space before `: ; ! ?` and inside « »: the mark never starts
#: a line, and it stands a little apart from its word.
NNBSP = "\u202f"
_SPACES = " \u00a0\u202f"
_TAG_OR_ENTITY = re.compile(r"(<[^>]*>|&#?\w+;)")
#: Elements whose text is code or data, not prose: left as written.
_VERBATIM = re.compile(r"<(/?)(script|style|pre|code|textarea)\b", re.I)
#: A mark after a word (spaces or not), followed by the end of the text, a space or a closing
#: sign: not the colon of 20:30 or https://, nor the question mark of a web address.
_BEFORE_MARK = re.compile(
    rf"(?:(?<=[^{_SPACES}(«])|^(?=[{_SPACES}]))[{_SPACES}]*([:;!?][;!?]*)(?=$|[\s)»”’.,])"
)
_AFTER_OPENING = re.compile(rf"«[{_SPACES}]*")
_BEFORE_CLOSING = re.compile(rf"(?<=\S)[{_SPACES}]*»")


def _french(text: str) -> str:
    text = _BEFORE_MARK.sub(lambda m: NNBSP + m.group(1), text)
    return _BEFORE_CLOSING.sub(NNBSP + "»", _AFTER_OPENING.sub("«" + NNBSP, text))


def in_text(html: str, change: Callable[[str], str]) -> str:
    """`html` with `change` applied to its text only: never to tags, entities, code or
    scripts."""
    out, verbatim = [], 0
    for part in _TAG_OR_ENTITY.split(html):
        tag = _VERBATIM.match(part)
        if tag:
            verbatim = max(0, verbatim + (-1 if tag.group(1) else 1))
        is_text = part and part[0] not in "<&"
        out.append(change(part) if is_text and not verbatim else part)
    return "".join(out)


def typography(html: str, lang: str) -> str:
    """French typography in the text of `html`: a narrow no-break space before `: ; ! ?` and
    inside « », whether the author typed a space or not. Other languages are returned as
    they are."""
    return in_text(html, _french) if lang == "fr" else html


def typography_in_body(html: str, lang: str) -> str:
    """`typography` applied to a whole page's `<body>` (the head's metadata stays as it is)."""
    if lang != "fr" or "<body" not in html:
        return html
    head, body = html.split("<body", 1)
    return f"{head}<body{typography(body, lang)}"


@cache
def catalogue(lang: str) -> dict[str, Any]:
    """The UI strings of one language (`src/jrs_site/locales/<lang>.yml`)."""
    text = resources.files("jrs_site").joinpath(f"locales/{lang}.yml").read_text("utf-8")
    return yaml.safe_load(text)


def t(lang: str, key: str, count: int | None = None, **values: Any) -> str:
    """A UI string; `count` picks the plural form with the language's rules."""
    entry = catalogue(lang)[key]
    if isinstance(entry, dict):
        entry = entry[Locale(lang).plural_form(count if count is not None else 1)]
    return entry.format(count=count, **values)


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


def country_name(code: str, lang: str) -> str:
    """`SY` -> `Syrië` / `Syrie`."""
    return Locale(lang).territories.get(code.upper(), code)


def language_name(code: str, lang: str) -> str:
    """`fr` in Dutch -> `Frans`."""
    return Locale(lang).languages.get(code, code)


def missing_keys() -> dict[str, set[str]]:
    """Keys present in one language's catalogue and not in another (for tests)."""
    keys = {lang: set(catalogue(lang)) for lang in LANGUAGES}
    every = set().union(*keys.values())
    return {lang: every - have for lang, have in keys.items() if every - have}
