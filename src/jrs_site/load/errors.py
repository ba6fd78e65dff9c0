"""Pydantic's validation errors as plain problems for staff: one per wrong field, with its
line, in words (`_PLAIN`) and with a hint; TODO placeholders as still to fill in, a misspelt
field as unknown with the name meant, a per-language field without a language as a warning.
"""

from __future__ import annotations

import difflib
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from jrs_site.load.sources import dotted, value_line
from jrs_site.model import schemas
from jrs_site.model.languages import Languages, english_name, validation_context
from jrs_site.model.problems import Problem
from jrs_site.util.text import slugify

M = TypeVar("M", bound=BaseModel)


def slug_hint(name: str) -> str:
    """What to write instead of a name that cannot be part of a web address."""
    return f"use lowercase letters without accents, digits and hyphens, e.g. '{slugify(name)}'"


def is_todo(value: Any) -> bool:
    """A placeholder left by `jrs-site new`: text starting with TODO."""
    return isinstance(value, str) and value.startswith("TODO")


def validate(
    model: type[M],
    data: Any,
    languages: Languages,
    path: Path,
    first_line: int = 1,
    at: tuple[str | int, ...] = (),
) -> tuple[M | None, list[Problem]]:
    """Validate `data` (written at `at` in the file, e.g. `(2,)` for the third author)
    against `model`, for a site in `languages`; on failure, one plain problem per wrong field.

    Every TODO placeholder is reported as still to fill in, and not also as a wrong value; a
    misspelt field only as unknown (with the right name), and not also as missing.
    """
    if data is None:
        data = {}
    if not isinstance(data, dict):
        line = value_line(path, at) if at else first_line
        return None, [Problem(path, "expected a list of 'field: value' lines", line=line)]
    todos = [_todo_problem(loc, value, model, path, first_line, at) for loc, value in _todos(data)]
    try:
        valid = model.model_validate(data, context=validation_context(languages))
    except ValidationError as exc:
        errors: list[dict[str, Any]] = [{**err, "loc": _field_loc(err)} for err in exc.errors()]
        wrong = [
            {**err, "loc": _data_loc(data, err["loc"], keep_last=err["type"] == "missing")}
            for err in errors
            if not is_todo(err.get("input")) and not _misspelt(err, data, model)
        ]
        return None, todos + [_schema_problem(err, model, path, first_line, at) for err in wrong]
    return valid, todos + _untranslated(valid, languages, path, at)


def _untranslated(
    value: Any, languages: Languages, path: Path, at: tuple[str | int, ...]
) -> list[Problem]:
    """A warning for each per-language field without a text in one of the site's languages:
    the page shows the default language's there, as for an untranslated item."""
    if isinstance(value, schemas.PerLanguage):
        written = value.__pydantic_extra__ or {}
        return [
            Problem(
                path,
                f"not translated into {english_name(lang)} yet: '{lang}:' is missing",
                dotted(at),
                value_line(path, at),
                "warning",
                f"add '{lang}: ...' here; until then the {english_name(lang)} pages show "
                f"the {english_name(languages.default)} text",
            )
            for lang in languages.codes
            if lang not in written
        ]
    if isinstance(value, BaseModel):
        fields = {name: getattr(value, name) for name in type(value).model_fields}
        return [
            p for name, v in fields.items() for p in _untranslated(v, languages, path, (*at, name))
        ]
    if isinstance(value, list | tuple):
        return [p for i, v in enumerate(value) for p in _untranslated(v, languages, path, (*at, i))]
    if isinstance(value, dict):
        return [p for k, v in value.items() for p in _untranslated(v, languages, path, (*at, k))]
    return []


def belongs_elsewhere(problems: list[Problem], other: type[BaseModel], where: str) -> list[Problem]:
    """An unknown field that is a field of the item's other file (`draft:` in nl.md, `title:`
    in story.yml) gets a hint saying where it belongs, instead of the list of known fields."""
    return [
        replace(p, hint=f"'{p.field}' belongs in {where}: move the line there")
        if p.field in other.model_fields and p.message == f"unknown field '{p.field}'"
        else p
        for p in problems
    ]


def _misspelt(err: Any, data: Any, model: type[BaseModel]) -> bool:
    """Whether a missing field is written with a typo beside it (reported as unknown)."""
    if err["type"] != "missing":
        return False
    *parents, name = err["loc"]
    for part in parents:
        if not isinstance(data, dict) or part not in data:
            return False
        data = data[part]
    known = _known_fields(model, tuple(parents))
    return isinstance(data, dict) and any(
        _suggestion(str(key), known) == name for key in data if key not in known
    )


def _field_loc(err: Any) -> tuple[str | int, ...]:
    """Where an error is: a check of a whole model that is about one of its fields names the
    field in its context (`{"field": "people"}`), so that it is reported there."""
    field = (err.get("ctx") or {}).get("field")
    return err["loc"] if err["loc"] or not field else (field,)


def _suggestion(name: str, known: list[str]) -> str | None:
    """The known name that `name` is most likely a typo of."""
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    return close[0] if close else None


def _data_loc(data: Any, loc: tuple[str | int, ...], keep_last: bool) -> tuple[str | int, ...]:
    """The part of a pydantic error location that is written in the data (pydantic adds the
    names of union members); with `keep_last`, also the missing field at its end."""
    kept: list[str | int] = []
    for index, part in enumerate(loc):
        if isinstance(data, dict | list) and (
            part in data if isinstance(data, dict) else isinstance(part, int) and part < len(data)
        ):
            kept.append(part)
            data = data[part]  # type: ignore[index]
        elif keep_last and index == len(loc) - 1:
            kept.append(part)
    return tuple(kept)


def _todos(data: Any, loc: tuple[str | int, ...] = ()) -> list[tuple[tuple[str | int, ...], str]]:
    """Where TODO placeholders are in parsed YAML: (location, text)."""
    if isinstance(data, dict):
        return [found for key, value in data.items() for found in _todos(value, (*loc, key))]
    if isinstance(data, list):
        return [found for i, value in enumerate(data) for found in _todos(value, (*loc, i))]
    return [(loc, data)] if is_todo(data) else []


def _todo_problem(
    loc: tuple[str | int, ...],
    text: str,
    model: type[BaseModel],
    path: Path,
    first_line: int,
    at: tuple[str | int, ...],
) -> Problem:
    info = _walk(model, loc)[1]
    what = text.removeprefix("TODO").strip(" :")
    return Problem(
        path,
        "still to fill in" + (f": {what}" if what else ""),
        field=dotted((*at, *loc)),
        line=_line_of(path, (*at, *loc), first_line),
        hint="replace the TODO"
        + (f": {info.description}" if info is not None and info.description else ""),
    )


#: Plain words for the commonest wrong values: (message, hint); {found} is the value written.
_PLAIN: dict[str, tuple[str, str]] = {
    "date_parsing": ("{found} is not a date", "write the date as YYYY-MM-DD, e.g. 2025-10-02"),
    "date_from_datetime_parsing": (
        "{found} is not a date",
        "write the date as YYYY-MM-DD, e.g. 2025-10-02",
    ),
    "date_type": ("{found} is not a date", "write the date as YYYY-MM-DD, e.g. 2025-10-02"),
    "int_parsing": ("{found} is not a whole number (integer)", "write digits only, e.g. 2019"),
    "int_from_float": ("{found} is not a whole number (integer)", "write digits only, e.g. 2019"),
    "float_parsing": ("{found} is not a number", "write digits, with a dot for decimals: 12.5"),
    "bool_parsing": ("{found} is not true or false (boolean)", "write true or false"),
    "string_type": ("{found} is not a text", "write a text, between quotes if needed"),
    "string_too_short": ("this field is empty", "write something here"),
    "string_too_long": ("this text is too long", "shorten it to at most {max_length} characters"),
    "list_type": ("{found} is not a list", "write a list, e.g. [web, print]"),
    "too_short": (
        "this list is empty",
        "write its entries below it, each on its own line starting with '- ' "
        "(at least {min_length})",
    ),
    "person_and_people": (
        "both 'person' and 'people' are written",
        "keep 'person:' for one person, or 'people:' for a family (a list of names, each "
        "with its pseudonym), not both",
    ),
    "model_type": (
        "{found} is not a group of fields",
        "write the fields on their own lines below it, indented by two spaces",
    ),
    "dict_type": (
        "{found} is not a group of fields",
        "write the fields on their own lines below it, indented by two spaces",
    ),
    "string_pattern_mismatch": ("{found} cannot be used as a name here", "{slug}"),
    "url_parsing": (
        "{found} is not a web address",
        "write the whole address, starting with https://, e.g. https://ankerpunt.example/x.pdf",
    ),
    "url_scheme": (
        "{found} is not a web address",
        "write the whole address, starting with https://, e.g. https://ankerpunt.example/x.pdf",
    ),
    "url_type": ("{found} is not a web address", "write the address as text: https://..."),
    "literal_error": ("{found} is not one of the values this field takes", "write {choices}"),
    "enum": ("{found} is not one of the values this field takes", "write {choices}"),
}


def _schema_problem(
    err: Any, model: type[BaseModel], path: Path, first_line: int, at: tuple[str | int, ...]
) -> Problem:
    loc = err["loc"]
    name = dotted((*at, *loc))
    line = _line_of(path, (*at, *loc), first_line)
    kind = err["type"]
    if kind == "extra_forbidden":
        known = _known_fields(model, loc[:-1])
        close = _suggestion(str(loc[-1]), known)
        hint = f"did you mean '{close}'?" if close else f"known fields: {', '.join(known)}"
        return Problem(path, f"unknown field '{loc[-1]}'", field=name, line=line, hint=hint)
    if kind == "missing":
        info = _walk(model, loc)[1]
        description = info.description if info is not None else None
        hint = f"add a line '{loc[-1]}: ...'" + (f" ({description})" if description else "")
        return Problem(path, "this required field is missing", field=name, line=line, hint=hint)
    found = err.get("input")
    shown = repr(found) if len(repr(found)) <= 60 else repr(found)[:56] + "…'"
    if kind in _PLAIN:
        message, hint = _PLAIN[kind]
        ctx = err.get("ctx", {})
        choices = str(ctx.get("expected", "")).replace("'", "")
        values = {**ctx, "found": shown, "slug": slug_hint(str(found)), "choices": choices}
        return Problem(
            path, message.format(**values), field=name, line=line, hint=hint.format(**values)
        )
    message = err["msg"].removeprefix("Value error, ")
    found_text = "" if shown in message else f"; found {shown}"
    return Problem(path, message + found_text, field=name, line=line)


def _walk(model: type[BaseModel], loc: tuple[str | int, ...]) -> tuple[Any, Any]:
    """The (nested) model and the field info at `loc`; list indexes and dict keys are skipped."""
    current: Any = model
    info = None
    for part in loc:
        fields = getattr(current, "model_fields", {})
        if part in fields:
            info = fields[part]
            current = _inner_model(info.annotation) or info.annotation
    return current, info


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside an annotation such as `list[Figure]`, `dict[str, PhotoMeta]`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next(filter(None, (_inner_model(arg) for arg in get_args(annotation))), None)


def _known_fields(model: type[BaseModel], parents: tuple[str | int, ...]) -> list[str]:
    """Field names of the (possibly nested) model at `parents`."""
    return sorted(getattr(_walk(model, parents)[0], "model_fields", {}))


def _line_of(path: Path, loc: tuple[str | int, ...], first_line: int) -> int | None:
    line = value_line(path, loc)
    return line if line is not None else (first_line if first_line > 1 else None)
