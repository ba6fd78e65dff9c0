"""The schemas in, the front-matter reference of the staff guide out (Markdown, per language).

Built from the pydantic models and their field descriptions at every build, so the guide can
never disagree with what `jrs-site check` accepts.
"""

from __future__ import annotations

import datetime as dt
import types
from collections.abc import Iterator
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from annotated_types import Ge, Le, MaxLen
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from jrs_site.model import schemas
from jrs_site.model.languages import Languages

#: Every file staff write, with the schema of its fields (of its front matter for `.md`).
#: (`{texts}`: one Markdown file per language, `nl.md, fr.md`.)
FILES: list[tuple[str, type[BaseModel]]] = [
    ("stories/<slug>/story.yml", schemas.StoryMeta),
    ("stories/<slug>/{texts}", schemas.StoryText),
    ("editions/<number>/edition.yml", schemas.EditionMeta),
    ("editions/<number>/{texts}", schemas.EditionText),
    ("editions/<number>/<article>/article.yml", schemas.ArticleMeta),
    ("editions/<number>/<article>/{texts}", schemas.ArticleText),
    ("reports/<slug>/report.yml", schemas.ReportMeta),
    ("reports/<slug>/{texts}", schemas.ReportText),
    ("data/authors.yml (- id: ...)", schemas.Author),
    ("data/organisation.yml", schemas.Organisation),
]

WORDS = {
    "nl": {
        "field": "Veld",
        "kind": "Soort",
        "required": "Verplicht",
        "meaning": "Wat u schrijft",
        "yes": "ja",
        "no": "nee",
        "text": "tekst",
        "whole": "geheel getal",
        "number": "getal",
        "bool": "true of false",
        "date": "datum (JJJJ-MM-DD)",
        "list": "lijst",
        "group": "groep velden",
        "per_file": "per bestandsnaam: groep velden",
        "one_of": "een van",
        "pair": "twee getallen [x, y]",
        "at_most": "ten hoogste {n} tekens",
        "from_to": "van {ge} tot {le}",
        "at_least": "minstens {ge}",
    },
    "fr": {
        "field": "Champ",
        "kind": "Type",
        "required": "Obligatoire",
        "meaning": "Ce que vous écrivez",
        "yes": "oui",
        "no": "non",
        "text": "texte",
        "whole": "nombre entier",
        "number": "nombre",
        "bool": "true ou false",
        "date": "date (AAAA-MM-JJ)",
        "list": "liste",
        "group": "groupe de champs",
        "per_file": "par nom de fichier : groupe de champs",
        "one_of": "un de",
        "pair": "deux nombres [x, y]",
        "at_most": "{n} caractères au plus",
        "from_to": "de {ge} à {le}",
        "at_least": "au moins {ge}",
    },
}


def reference_markdown(lang: str, languages: Languages) -> str:
    """One section per file, one table row per field (nested fields as `consent.uses`), in
    `lang`, for a site in `languages`."""
    words = WORDS.get(lang) or WORDS[languages.default]  # as an untranslated page
    texts = ", ".join(f"{code}.md" for code in languages.codes)
    out = []
    for title, model in FILES:
        out += [f"## `{title.format(texts=texts)}`", "", (model.__doc__ or "").strip(), ""]
        out.append(
            f"| {words['field']} | {words['kind']} | {words['required']} | {words['meaning']} |"
        )
        out.append("| --- | --- | --- | --- |")
        for name, info in _rows(model):
            notes = "; ".join(filter(None, [info.description or "", _limits(info, words)]))
            yes_no = words["yes"] if info.is_required() else words["no"]
            cells = [f"`{name}`", _kind(info.annotation, words), yes_no, notes]
            out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        out.append("")
    return "\n".join(out)


def _rows(model: type[BaseModel], prefix: str = "") -> Iterator[tuple[str, FieldInfo]]:
    """Every field of `model` and of the models inside it, with its dotted name (a nested
    field is required when its group is written)."""
    for name, info in model.model_fields.items():
        yield prefix + name, info
        inner, key = _inner(info.annotation)
        if inner is not None:
            yield from _rows(inner, f"{prefix}{name}{key}.")


def _inner(annotation: Any) -> tuple[type[BaseModel] | None, str]:
    """The model nested in a field (`Consent`, `list[Figure]`, `dict[str, PhotoMeta]`, not a
    union of alternatives) and how its fields are named below it: ``, `[]` or `.<file>`."""
    args = [a for a in get_args(annotation) if a is not type(None)]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, ""
    if get_origin(annotation) in (Union, types.UnionType) and len(args) == 1:
        return _inner(args[0])
    if get_origin(annotation) is list and args:
        inner, _ = _inner(args[0])
        return inner, "[]"
    if get_origin(annotation) is dict:
        inner, _ = _inner(args[1])
        return inner, ".<file>"
    return None, ""


def _kind(annotation: Any, words: dict[str, str]) -> str:
    """The kind of value in words: text, date, list of ..."""
    origin, args = get_origin(annotation), [a for a in get_args(annotation) if a is not type(None)]
    if origin is Annotated:
        return _kind(args[0], words)
    if origin in (Union, types.UnionType):
        return " / ".join(dict.fromkeys(_kind(a, words) for a in args))
    if origin is Literal:
        return f"{words['one_of']}: {', '.join(map(str, args))}"
    if origin is list:
        return f"{words['list']} ({_kind(args[0], words)})"
    if origin is tuple:
        return words["pair"]
    if origin is dict:
        return words["per_file"]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return words["group"]
    simple = {str: "text", int: "whole", float: "number", bool: "bool", dt.date: "date"}
    return words[simple[annotation]] if annotation in simple else str(annotation)


def _limits(info: FieldInfo, words: dict[str, str]) -> str:
    """Length and range limits of a field, in words."""
    found = {type(m): m for m in info.metadata}
    if MaxLen in found:
        return words["at_most"].format(n=found[MaxLen].max_length)
    if Ge in found and Le in found:
        return words["from_to"].format(ge=found[Ge].ge, le=found[Le].le)
    if Ge in found:
        return words["at_least"].format(ge=found[Ge].ge)
    return ""
