"""Content folder in, `Site` and problems out.

Two phases, as in Pelican: every file is read and validated first, then items are linked
(edition -> story/report/article, bylines and credits -> authors, photos -> files). Loading
never stops at the first problem, so `jrs-site check` can list them all.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from jrs_site.images import ImageError, Inspector, inspect
from jrs_site.load.config import read_languages
from jrs_site.load.glyphs import glyph_problems
from jrs_site.load.sources import (
    SourceError,
    dotted,
    read_markdown,
    read_text,
    read_yaml,
    value_line,
)
from jrs_site.model import schemas
from jrs_site.model.bundles import (
    Article,
    Bundle,
    Edition,
    Report,
    Site,
    Story,
    Text,
    localized_url,
    photo_file,
    photos_in,
)
from jrs_site.model.languages import Languages, english_name, validation_context
from jrs_site.model.problems import Problem, Problems
from jrs_site.render import limits
from jrs_site.render.markdown import convert, figure_problems, language_problems
from jrs_site.render.sanitise import locate, removals
from jrs_site.util.files import tree_digest
from jrs_site.util.text import slugify

B = TypeVar("B", bound=Bundle)
M = TypeVar("M", bound=BaseModel)
T = TypeVar("T")

UNREADABLE = object()  # what _read_yaml gives for a file whose problem is already recorded
#: What Markdown needs to make HTML the sanitiser removes: raw HTML or an autolink (`<`), an
#: entity (`&`), or a link target with a scheme other than https, http and mailto. Only bodies
#: that hold one are rendered by `body_problems` (rendering every body made `check` 6 times
#: slower on 500 testimonies).
MAY_HOLD_HTML_RE = re.compile(
    r"[<&]|(?:\]\(|^ {0,3}\[[^\]]+\]:)\s*(?!https?://|mailto:)[^\s)]*:", re.MULTILINE
)
TODO_LINE_RE = re.compile(r"^\W*TODO\b", re.MULTILINE)


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
        errors = [{**err, "loc": _field_loc(err)} for err in exc.errors()]
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


def _belongs_elsewhere(
    problems: list[Problem], other: type[BaseModel], where: str
) -> list[Problem]:
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


class Loader:
    """Reads one content root; collects problems as it goes."""

    def __init__(
        self,
        root: Path,
        languages: Languages,
        inspect_photo: Callable[[Path], object] = inspect,
        digests: dict[Path, str] | None = None,
    ) -> None:
        self.root = root
        self.languages = languages
        self.inspect_photo = inspect_photo
        self.digests = digests or {}  # of the sources (`source_digests`): folders read before
        self.problems = Problems()
        self.drafts: set[Path] = set()  # folders marked `draft: true`, even if otherwise invalid

    # -- reading ---------------------------------------------------------------------------

    def load(self) -> Site:
        organisation = self._load_model(self.root / "data/organisation.yml", schemas.Organisation)
        authors = self._load_authors(self.root / "data/authors.yml")
        themes = self._load_themes(self.root / "data/themes.yml")
        stories = self._load_bundles(self.root / "stories", Story)
        reports = self._load_bundles(self.root / "reports", Report)
        editions = self._load_bundles(self.root / "editions", Edition)
        site = Site(
            self.root,
            organisation,
            authors,
            themes,
            stories,
            editions,
            reports,
            self.languages,  # type: ignore[arg-type]
        )
        self._link(site)
        self._check_pages(self.root / "docs", site)
        return site

    def _read_yaml(self, path: Path) -> Any:
        """The parsed file, or UNREADABLE (its problem is recorded): not checked further."""
        try:
            data = read_yaml(path)
        except SourceError as exc:
            self.problems.extend([exc.problem])
            return UNREADABLE
        self.problems.extend(glyph_problems(path, data))
        return data

    def _load_model(self, path: Path, model: type[M]) -> M | None:
        data = self._read_yaml(path)
        if data is UNREADABLE:
            return None
        value, problems = validate(model, data, self.languages, path)
        self.problems.extend(problems)
        return value

    def _load_authors(self, path: Path) -> dict[str, schemas.Author]:
        data = self._read_yaml(path)
        if data is UNREADABLE:
            return {}
        if not isinstance(data, list):
            self.problems.add(path, "expected a list of authors, each starting with '- id: ...'")
            return {}
        authors: dict[str, schemas.Author] = {}
        for index, entry in enumerate(data):
            author, problems = validate(schemas.Author, entry, self.languages, path, at=(index,))
            self.problems.extend(problems)
            if author is None:
                continue
            if author.id in authors:
                self._add(path, f"the author id '{author.id}' is used twice", (index, "id"))
            authors[author.id] = author
        return authors

    def _load_themes(self, path: Path) -> dict[str, schemas.Localized]:
        data = self._read_yaml(path)
        themes: dict[str, schemas.Localized] = {}
        for key, labels in data.items() if isinstance(data, dict) else []:
            if not schemas.SLUG_RE.match(str(key)):
                self._add(
                    path,
                    f"the theme id '{key}' cannot be used in a web address",
                    (key,),
                    hint=slug_hint(str(key)),
                )
            theme, problems = validate(schemas.Localized, labels, self.languages, path, at=(key,))
            self.problems.extend(problems)
            if theme is not None:
                themes[str(key)] = theme
        return themes

    def _load_bundles(self, folder: Path, cls: type[B]) -> dict[str, B]:
        bundles: dict[str, B] = {}
        if not folder.is_dir():
            return bundles
        folders = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
        names = {p.name for p in folders}
        for path in folders:
            if not schemas.SLUG_RE.match(path.name):
                suggestion = slugify(path.name)
                taken = (
                    f"; '{suggestion}' is already taken, so choose another"
                    if suggestion in names
                    else ""
                )
                self.problems.add(
                    path,
                    f"the folder name '{path.name}' cannot be used in a web address",
                    hint=slug_hint(path.name) + taken,
                )
                continue
            bundle = self._load_bundle(path, cls)
            if bundle is not None:
                bundles[bundle.key] = bundle
        return bundles

    def _load_bundle(self, folder: Path, cls: type[B]) -> B | None:
        """The item in `folder` (an edition is always read afresh: linking fills its lists
        of articles)."""
        if cls is Edition:
            return self._read_bundle(folder, cls)
        return self._remembered("read", folder, cls, lambda: self._read_bundle(folder, cls))

    def _remembered(self, step: str, folder: Path, depends: object, compute: Callable[[], T]) -> T:
        """`compute()`, the `step` of loading `folder`; or what it gave, with the problems it
        found, when an earlier load in this process did the same for the same sources (the
        folder's digest, `depends`, the languages): `serve` loads on every save."""
        digest = self.digests.get(folder)
        if digest is None:
            return compute()
        key = (digest, depends, self.languages)
        known = _FOLDERS.get((step, folder))
        if known is None or known[0] != key:
            mark = len(self.problems.items)
            value = compute()
            known = (key, value, self.problems.items[mark:], folder in self.drafts)
            _FOLDERS[(step, folder)] = known
        _, value, problems, draft = known
        self.problems.extend(problems)
        if draft:
            self.drafts.add(folder)
        return value

    def _read_bundle(self, folder: Path, cls: type[B]) -> B | None:
        meta_path = folder / cls.meta_file()
        if not meta_path.exists():
            self.problems.add(
                folder,
                f"this folder has no {cls.meta_file()}",
                hint=f"every {cls.kind} folder needs {cls.meta_file()}, nl.md and fr.md",
            )
            return None
        data = self._read_yaml(meta_path)
        if isinstance(data, dict) and data.get("draft") is True:
            self.drafts.add(folder)
        meta, problems = (
            (None, [])
            if data is UNREADABLE
            else validate(cls.meta_model, data, self.languages, meta_path)
        )
        texts_file = " and ".join(f"{lang}.md" for lang in self.languages.codes)
        self.problems.extend(
            _belongs_elsewhere(problems, cls.text_model, f"{texts_file} (one text per language)")
        )
        texts = {}
        for lang in self.languages.codes:
            text = self._load_text(folder / f"{lang}.md", lang, cls)
            if text is not None:
                texts[lang] = text
        codes = self.languages.codes
        written = [lang for lang in codes if (folder / f"{lang}.md").exists()]
        if meta is not None and not written:
            self.problems.add(folder, f"no {' or '.join(f'{c}.md' for c in codes)} in this folder")
        if meta is None or not texts:
            return None
        return cls(folder.name, folder, meta, self.languages, texts)

    def _load_text(self, path: Path, lang: str, cls: type[Bundle]) -> Text | None:
        if not path.exists():
            return None
        try:
            source = read_markdown(path)
        except SourceError as exc:
            self.problems.extend([exc.problem])
            return None
        fields, problems = validate(cls.text_model, source.meta, self.languages, path, first_line=2)
        self.problems.extend(_belongs_elsewhere(problems, cls.meta_model, cls.meta_file()))
        self.problems.extend(body_problems(path, source.body, source.body_line, lang))
        pages = limits.printed_pages(len(source.body))
        if pages > limits.MAX_TEXT_PAGES:
            self.problems.add(
                path,
                f"this text is {len(source.body):,} characters long: in print, about {pages} "
                "pages (a long article fills two or three)",
                line=source.body_line,
                severity="warning",
                hint="look for text pasted twice or by mistake; shorten the text or split it "
                "into several articles",
            )
        self.problems.extend(glyph_problems(path, source.meta, source.body, source.body_line))
        for match in TODO_LINE_RE.finditer(source.body):
            self.problems.add(
                path,
                "the text still has a TODO",
                line=source.body_line + source.body[: match.start()].count("\n"),
                hint="write the text in place of the TODO line",
            )
        if fields is None:
            return None
        return Text(lang, path, fields, source.body, source.body_line)

    # -- linking ---------------------------------------------------------------------------

    def _link(self, site: Site) -> None:
        for story in site.stories.values():
            self._checked(site, story)
            if story.meta.byline is not None:
                self._author(site, story.folder / "story.yml", ("byline",), story.meta.byline)
            for index, theme in enumerate(story.meta.themes):
                if theme not in site.themes:
                    self._unknown(story.folder / "story.yml", ("themes", index), theme, site.themes)
            if story.published("web") and "social" not in story.meta.consent.uses:
                self._add(
                    story.folder / "story.yml",
                    "consent does not cover 'social': shared links show the organisation's card",
                    ("consent", "uses"),
                    severity="info",
                )
            if story.meta.consent.withdrawn is not None and not story.meta.draft:
                self._add(
                    story.folder / "story.yml",
                    "consent was withdrawn: this story is left out of every output",
                    ("consent", "withdrawn"),
                    severity="warning",
                )
        for report in site.reports.values():
            self._checked(site, report)
            self._author(site, report.folder / "report.yml", ("author",), report.meta.author)
        for edition in site.editions.values():
            self._checked(site, edition)
            if edition.meta.publisher is not None:
                path = edition.folder / "edition.yml"
                self._author(site, path, ("publisher",), edition.meta.publisher)
            self._link_edition(site, edition)
        organisation = site.organisation
        if organisation is not None and organisation.editor not in site.authors:
            self._author(
                site, self.root / "data/organisation.yml", ("editor",), organisation.editor
            )

    def _link_edition(self, site: Site, edition: Edition) -> None:
        meta_path = edition.folder / "edition.yml"
        if edition.key != str(edition.meta.number):
            self._add(
                meta_path,
                f"the folder is named '{edition.key}' but the number is {edition.meta.number}",
                ("number",),
                hint=f"rename the folder to '{edition.meta.number}' or correct the number",
            )
        seen: set[str] = set()
        for index, ref in enumerate(edition.meta.articles):
            where = ("articles", index)
            article = self._resolve_article(site, edition, ref, where)
            if article is None:
                continue
            ident = f"{article.kind}:{article.key}"
            if ident in seen:
                self._add(meta_path, f"'{article.key}' is listed twice in this edition", where)
                continue
            seen.add(ident)
            edition.articles.append(article)
            if isinstance(article, Story) and not article.published("email"):
                self._add(
                    meta_path,
                    f"the story '{article.key}' is left out of the e-mail edition: "
                    "its consent does not cover 'email'",
                    where,
                    hint=f"add email to consent.uses in stories/{article.key}/story.yml once "
                    "the person agrees; the website and the print edition are not affected",
                    severity="info",
                )
            if isinstance(ref, schemas.ReportRef) and ref.body:
                edition.report_bodies.add(article.key)
        for lang in self.languages.codes:
            pages = limits.edition_pages(edition, lang)
            if pages > limits.MAX_EDITION_PAGES:
                self.problems.add(
                    meta_path,
                    f"in {english_name(lang)}, this edition would print about {pages} pages "
                    f"(more than {limits.MAX_EDITION_PAGES})",
                    severity="warning",
                    hint="a newsletter has 8 to 16 pages: leave an article for the next "
                    "edition, or shorten the longest texts",
                )

    def _resolve_article(
        self, site: Site, edition: Edition, ref: Any, where: tuple[str, int]
    ) -> Bundle | None:
        meta_path = edition.folder / "edition.yml"
        if isinstance(ref, str):
            article = self._load_bundle(edition.folder / ref, Article)
            if article is None:
                if not (edition.folder / ref).is_dir():
                    self._add(
                        meta_path,
                        f"there is no article folder '{ref}' in this edition",
                        where,
                        hint=f"create {edition.folder.name}/{ref}/ with article.yml, nl.md and "
                        "fr.md, or write 'story: <slug>' / 'report: <slug>'",
                    )
                return None
            self._check_bundle(site, article)
            if article.meta.byline is not None:
                self._author(site, article.folder / "article.yml", ("byline",), article.meta.byline)
            return article
        cls, key, pool = (
            (Story, ref.story, site.stories)
            if isinstance(ref, schemas.StoryRef)
            else (Report, ref.report, site.reports)
        )
        kind = cls.kind
        item = pool.get(key)
        if item is None and (self.root / cls.section / key).is_dir():
            self._add(
                meta_path,
                f"the {kind} '{key}' cannot be used until its own errors are fixed",
                where,
            )
            return None
        if item is None:
            self._unknown(meta_path, where, key, pool, what=kind)
            return None
        for use in ("web", "print"):
            if not item.published(use) and not edition.meta.draft:
                self._add(
                    meta_path,
                    f"the {kind} '{key}' cannot be published in {use}: "
                    + (
                        "it is a draft"
                        if item.meta.draft
                        else f"its consent does not cover '{use}'"
                    ),
                    where,
                    hint="remove it from this edition, or mark the edition 'draft: true'",
                )
                return None
        return item

    def _checked(self, site: Site, bundle: Bundle) -> None:
        """`_check_bundle`, again only when the folder or the authors changed."""
        authors = site.sources.get(self.root / "data/authors.yml")
        self._remembered("check", bundle.folder, authors, lambda: self._check_bundle(site, bundle))

    def _check_bundle(self, site: Site, bundle: Bundle) -> None:
        """Photos exist inside the folder, have a credit, and alt text in every language."""
        meta_path = bundle.folder / bundle.meta_file()
        for lang in self.languages.codes:
            if lang not in bundle.texts and (bundle.folder / f"{lang}.md").exists() is False:
                self.problems.add(
                    bundle.folder,
                    f"not translated into {english_name(lang)} yet: {lang}.md is missing",
                    severity="warning",
                    hint="the site shows the other language with a 'not translated yet' note",
                )
        for name, photo in bundle.meta.photos.items():
            self._author(site, meta_path, ("photos", name, "credit"), photo.credit)
        lead_photo, field = bundle.lead_photo(), bundle.lead_field
        if lead_photo and field:
            self._check_photo(bundle, lead_photo, meta_path, field)
            for text in bundle.texts.values():
                if not getattr(text.fields, f"{field}_alt"):
                    self._add(
                        text.path,
                        f"the {field} photo has no alt text in this language",
                        (f"{field}_alt",),
                        hint="describe what the photo shows for readers who cannot see it",
                    )
        for text in bundle.texts.values():
            for match in photos_in(text.body):
                line = text.body_line + text.body[: match.start()].count("\n")
                self._check_photo(bundle, photo_file(match), text.path, None, line)
                if not match.group("alt").strip():
                    self.problems.add(
                        text.path,
                        f"the photo '{match.group('src')}' has no alt text",
                        line=line,
                        hint="write what it shows between the brackets: ![a kitchen table](x.jpg)",
                    )

    def _check_photo(
        self, bundle: Bundle, name: str, path: Path, field: str | None, line: int | None = None
    ) -> None:
        def at() -> int | None:  # looked up only for a problem: it parses the file again
            return value_line(path, (field,)) if field is not None else line

        folder = bundle.folder.resolve()
        target = (bundle.folder / name).resolve()
        if "://" in name or not target.is_relative_to(folder):
            self.problems.add(
                path,
                f"the photo '{name}' is outside this item's folder",
                field=field or "",
                line=at(),
                hint="copy the photo into the same folder as the text and use its file name",
            )
            return
        if not target.is_file():
            self.problems.add(
                path, f"the photo '{name}' does not exist", field=field or "", line=at()
            )
            return
        error = photo_error(target, self.inspect_photo)
        if error is not None:
            message, _, hint = error.partition("; ")
            self.problems.add(path, f"'{name}': {message}", field=field or "", line=at(), hint=hint)
        if name not in bundle.meta.photos:
            self._add(
                bundle.folder / bundle.meta_file(),
                f"the photo '{name}' has no entry under 'photos:' (who took it?)",
                ("photos",),
                hint=f"add '  {name}: {{credit: <author id>}}' under 'photos:'",
            )

    def _check_pages(self, docs: Path, site: Site) -> None:
        """Every page in `docs/<lang>/` exists in every language, under the same name, has an
        address of its own (not that of another page or of a published item), and holds
        nothing the sanitiser removes."""
        pages = {
            lang: {p.relative_to(docs / lang) for p in (docs / lang).rglob("*.md")}
            for lang in self.languages.codes
        }
        items = [*site.published_stories(), *site.published_editions(), *site.published_reports()]
        for lang in self.languages.codes:
            taken = {item.path: item.folder for item in items}
            for page in sorted(pages[lang]):
                source, address = docs / lang / page, page_address(page)
                try:
                    self.problems.extend(body_problems(source, *page_body(source), lang))
                except SourceError as exc:
                    self.problems.extend([exc.problem])
                other = taken.setdefault(address, source)
                if other != source:
                    self.problems.add(
                        source,
                        f"this page and {other.relative_to(self.root)} would both be "
                        f"written to the address /{localized_url(address, lang, self.languages)}",
                        hint="rename or move this page: one would overwrite the other",
                    )
        for lang, other in itertools.permutations(self.languages.codes, 2):
            for page in sorted(pages[other] - pages[lang]):
                missing = (docs / lang / page).relative_to(self.root)
                self.problems.add(
                    docs / other / page,
                    f"not translated into {english_name(lang)} yet: {missing} is missing",
                    severity="warning",
                    hint=f"write {missing}, with the same file name, in {english_name(lang)}",
                )

    def _add(self, path: Path, message: str, loc: tuple[str | int, ...], **kwargs: Any) -> None:
        """A problem with the value at `loc` in `path`, e.g. `("articles", 2)`: its field name
        and, when the YAML gives it, its line."""
        line = value_line(path, loc)
        self.problems.add(path, message, field=dotted(loc), line=line, **kwargs)

    def _author(self, site: Site, path: Path, loc: tuple[str | int, ...], author_id: str) -> None:
        if author_id not in site.authors:
            self._unknown(path, loc, author_id, site.authors, what="author")

    def _unknown(
        self,
        path: Path,
        loc: tuple[str | int, ...],
        key: str,
        known: dict[str, Any],
        what: str = "theme",
    ) -> None:
        if is_todo(key):
            return  # listed already as still to fill in
        close = difflib.get_close_matches(key, list(known), n=1)
        hint = (
            f"did you mean '{close[0]}'?"
            if close
            else f"known: {', '.join(sorted(known)) or 'none'}"
        )
        self._add(path, f"there is no {what} '{key}'", loc, hint=hint)


def body_problems(path: Path, body: str, first_line: int, lang: str) -> list[Problem]:
    """Every key-figure line that cannot be read, nesting or emphasis past the limits (see
    render/limits.py), every language mark that cannot work, and everything the sanitiser
    would remove from the body (raw HTML, event handlers, `javascript:` links), each with its
    line."""
    problems = [
        Problem(path, f"key figures: {error.message}", line=first_line + line, hint=error.hint)
        for line, error in figure_problems(body, lang)
    ]
    nesting = limits.too_deep(body)
    if nesting is not None:
        problems.append(
            Problem(
                path,
                f"quotes or lists are nested {nesting.depth} levels deep, one inside the other "
                f"(at most {limits.MAX_NESTING})",
                line=first_line + nesting.line,
                hint="remove the extra '>' signs or list indentation: a quote in a quote is "
                "one '>' more, a list in a list two spaces more; text copied from an e-mail "
                "often carries a '>' for every reply",
            )
        )
    run = limits.long_run(body)
    if run is not None:
        problems.append(
            Problem(
                path,
                f"{run[1]:,} '*' or '_' signs in a row (at most {limits.MAX_RUN})",
                line=first_line + run[0],
                hint="for a separating line write '---' on a line of its own; a line to "
                "write on needs far fewer '_' (200 are wider than the page)",
            )
        )
    if nesting is not None or run is not None:
        return problems  # the text is not rendered below: that is what would fail
    may_hold_html = MAY_HOLD_HTML_RE.search(body)
    # Converted once for both checks below, and only when one of them needs it.
    html = convert(body, lang)[0] if may_hold_html or "{lang=" in body else ""
    problems += [
        Problem(path, message, line=first_line + line, severity=severity, hint=hint)
        for line, severity, message, hint in language_problems(body, lang, html)
    ]
    if may_hold_html:
        found = removals(html)
        lines = locate(body, [removal.needle for removal in found])
        problems += [
            Problem(
                path,
                removal.message,
                line=first_line + (line or 0),
                severity=removal.severity,
                hint=removal.hint,
            )
            for removal, line in zip(found, lines, strict=True)
        ]
    return problems


def page_body(path: Path) -> tuple[str, int]:
    """A page of `docs/`: its body and the line it starts on (front matter is optional)."""
    text = read_text(path)
    if not text.startswith("---\n"):
        return text, 1
    source = read_markdown(path)
    return source.body, source.body_line


def photo_error(path: Path, inspect_photo: Callable[[Path], object] = inspect) -> str | None:
    """Why a photo file cannot be used (damaged, empty, not a photo, too large), or None."""
    try:
        inspect_photo(path)
    except ImageError as exc:
        return exc.message
    return None


def page_address(page: Path) -> str:
    """The address of a page of `docs/<lang>/`, as for items: `about.md` and `about/index.md`
    -> `about/`; `index.md` -> ``."""
    stem = page.with_suffix("")
    if stem.name in ("index", "README"):
        stem = stem.parent
    return "" if stem == Path(".") else f"{stem.as_posix()}/"


def load_site(
    root: Path, photo_cache: Path | None = None, *, drafts: bool = False
) -> tuple[Site, list[Problem]]:
    """Load every item under `root`; return the site and every problem found.

    Problems inside a draft are warnings: a draft in progress never blocks publication.
    With `drafts` (a preview, never a build), the site also shows the draft stories that
    have no such problem, as `Site.previewed`.

    Loading again in the same process while no source changed returns the same site (do not
    change it): `jrs-site build` checks the content, then the build loads it. With
    `photo_cache` (the image cache folder), what the checks learn of each photo is kept there
    for the next process.
    """
    configured, config_problems = read_languages(root)
    digests = source_digests(root)
    fingerprint = f"{configured}:{sorted(digests.items())}"
    last = _LAST.get(root)
    if last is None or last[0] != fingerprint:
        _LAST.clear()
        last = _LAST[root] = _load(root, configured, photo_cache, fingerprint, digests)
    _, site, problems, valid_drafts = last
    problems = [*config_problems, *problems]
    if drafts:
        site = replace(site, previewed=valid_drafts)
    return site, list(problems)


def _load(
    root: Path,
    configured: Languages,
    photo_cache: Path | None,
    fingerprint: str,
    digests: dict[Path, str],
) -> _Loaded:
    """Load `root` afresh (see `load_site`)."""
    inspector = Inspector(photo_cache) if photo_cache is not None else None
    loader = Loader(root, configured, inspector or inspect, digests)
    site = replace(loader.load(), sources=digests)
    if inspector is not None:
        inspector.save()
    problems = [
        replace(p, severity="warning", message=f"{p.message} (draft, not published)")
        if p.severity != "info" and any(p.file.is_relative_to(folder) for folder in loader.drafts)
        else p
        for p in loader.problems.items
    ]
    problems = list(dict.fromkeys(problems))  # once each: e.g. a photo used in both texts
    broken = {p.file for p in loader.problems.items if p.severity == "error"}
    items = [*site.stories.values(), *site.editions.values(), *site.reports.values()]
    valid_drafts = frozenset(
        item.folder
        for item in items
        if item.folder in loader.drafts and not any(f.is_relative_to(item.folder) for f in broken)
    )
    return fingerprint, site, problems, valid_drafts


#: A loaded site: the fingerprint of its sources, the site, its problems, and the folders of
#: its draft stories that have no error (what a preview may show).
_Loaded = tuple[str, Site, list[Problem], frozenset[Path]]
#: The last site loaded, by its root.
_LAST: dict[Path, _Loaded] = {}
#: Each step of loading a folder, as last done: (what it was done from, its result, its
#: problems, whether the folder is marked as a draft), by step and folder.
_FOLDERS: dict[tuple[str, Path], tuple[object, Any, list[Problem], bool]] = {}
_SOURCES = ("data", "stories", "editions", "reports", "docs")


def source_digests(root: Path) -> dict[Path, str]:
    """The digest (`tree_digest`) of each entry of each source folder: every item's folder,
    every data file, every page of docs/ and folder of pages."""
    digests = {}
    for folder in _SOURCES:
        source = root / folder
        for entry in sorted(source.iterdir()) if source.is_dir() else []:
            digests[entry] = tree_digest(entry)
    return digests
