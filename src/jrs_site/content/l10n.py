"""Localisation: dates, numbers, country names (Babel) and the UI string catalogue."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from importlib import resources
from typing import Any

import yaml
from babel import Locale
from babel.dates import format_date
from babel.numbers import format_decimal

from .models import LANGUAGES

_FRENCH_SPACE = re.compile(r"(?<=[^\s>]) ([:;!?»])|(«) ")
NBSP = "\u00a0"


def typography(html: str, lang: str) -> str:
    """French typography: a no-break space before `: ; ! ? »` and after `«`, so that the mark
    never starts a line on its own. Other languages are returned as they are."""
    if lang != "fr":
        return html
    return _FRENCH_SPACE.sub(
        lambda m: f"{NBSP}{m.group(1)}" if m.group(1) else f"{m.group(2)}{NBSP}", html
    )


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
