"""Content items after loading: bundles (a folder with a YAML file and one text per language).

The class says what an item is; `Story`, `Article`, `Edition` and `Report` differ only in the
files and schemas they declare, so loading and checking are written once.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Generic, Protocol, TypeVar, cast

from pydantic import BaseModel
from typing_extensions import TypeVar as DefaultTypeVar

from jrs_site.model import schemas
from jrs_site.model.languages import Languages

T = TypeVar("T")
#: A bundle's models: of its YAML file (`StoryMeta`...) and of each text's front matter
#: (`StoryText`...). `Bundle` alone, for any kind of item, leaves them untyped.
MetaT = DefaultTypeVar("MetaT", default=Any)
FieldsT = DefaultTypeVar("FieldsT", bound=BaseModel, default=Any)


class Drafted(Protocol):
    """A meta model with a `draft` flag (every kind of item but an article)."""

    @property
    def draft(self) -> bool: ...


DraftedT = TypeVar("DraftedT", bound=Drafted)


def localized_url(path: str, lang: str, languages: Languages) -> str:
    """The site-relative URL of a page path (the same in every language) in `lang`: the
    default language's at the root, each other's under its code."""
    return path if lang == languages.default else f"{lang}/{path}"


@dataclass
class Text(Generic[FieldsT]):
    """One language version of a bundle: validated front matter and the Markdown body."""

    lang: str
    path: Path
    fields: FieldsT  # the bundle's text model (StoryText, ...)
    body: str
    body_line: int


#: A photo in a text, as the Markdown conventions write it: `![alt](name.jpg "title")`.
IMAGE_RE = re.compile(
    r"!\[(?P<alt>[^\]]*)\]\((?P<src><[^>]+>|[^)\s]+)(?:\s+\"(?P<title>[^\"]*)\")?\)"
)


def photos_in(body: str) -> Iterator[re.Match[str]]:
    """Every photo reference in a Markdown body, in order."""
    return IMAGE_RE.finditer(body)


def photo_file(reference: re.Match[str]) -> str:
    """The file a photo reference of `photos_in` names (`<a b.jpg>` written for spaces)."""
    return reference.group("src").strip("<>")


@dataclass
class Bundle(Generic[MetaT, FieldsT]):
    """A folder holding `<kind>.yml`, `nl.md`, `fr.md` and its photos."""

    kind: ClassVar[str]
    lead_field: ClassVar[str | None] = None  # the field naming the photo shown first
    meta_model: ClassVar[type[BaseModel]]
    text_model: ClassVar[type[BaseModel]]
    section: ClassVar[str]  # URL section, the same in every language

    key: str
    folder: Path
    meta: MetaT
    languages: Languages  # the site's, as the item was loaded with them
    texts: dict[str, Text[FieldsT]] = field(default_factory=dict)

    @classmethod
    def meta_file(cls) -> str:
        return f"{cls.kind}.yml"

    def text(self, lang: str) -> Text[FieldsT]:
        """The text in `lang`, or in the other language when it is not translated yet."""
        if lang in self.texts:
            return self.texts[lang]
        fallbacks = (self.languages.default, *self.languages.codes)
        return next(self.texts[other] for other in fallbacks if other in self.texts)

    def lead_photo(self) -> str | None:
        """The file name of the photo shown first: a testimony's portrait, a cover."""
        return getattr(self.meta, self.lead_field, None) if self.lead_field else None

    def photo_names(self, langs: Iterable[str] | None = None) -> list[str]:
        """The lead photo and every photo the texts in `langs` (default: all) show, once each,
        in order of appearance."""
        lead = self.lead_photo()
        names = [lead] if lead else []
        for lang in self.texts if langs is None else langs:
            if lang in self.texts:
                body = self.texts[lang].body
                names += [photo_file(match) for match in photos_in(body)]
        return list(dict.fromkeys(names))

    def is_translated(self, lang: str) -> bool:
        return lang in self.texts

    def published(self: Bundle[DraftedT, Any], use: str = "web") -> bool:
        """Whether the item may appear in outputs of this use (web, print, social)."""
        return not self.meta.draft and self.allows(use)

    def allows(self, use: str) -> bool:
        """Whether the people in it agreed to this use: a testimony's consent; the other
        items need none."""
        return True

    @classmethod
    def index_url(cls, lang: str, languages: Languages) -> str:
        """Site-relative URL of the section's index page in `lang`."""
        return localized_url(f"{cls.section}/", lang, languages)

    @property
    def path(self) -> str:
        """The page's path, the same in every language: `stories/amina/`."""
        return f"{self.section}/{self.key}/"

    def url(self, lang: str) -> str:
        """Site-relative URL of the item's page in `lang`."""
        return localized_url(self.path, lang, self.languages)


class Story(Bundle[schemas.StoryMeta, schemas.StoryText]):
    """A testimony: `stories/<slug>/`."""

    kind = "story"
    lead_field = "portrait"
    meta_model = schemas.StoryMeta
    text_model = schemas.StoryText
    section = "stories"

    def allows(self, use: str) -> bool:
        return bool(self.meta.consent.allows(use))


class Article(Bundle[schemas.ArticleMeta, schemas.ArticleText]):
    """An article written for one edition only: `editions/<number>/<article>/`."""

    kind = "article"
    meta_model = schemas.ArticleMeta
    text_model = schemas.ArticleText
    section = "editions"

    def published(self, use: str = "web") -> bool:
        """An article has no draft flag of its own: it is published with its edition."""
        return True


@dataclass
class Report(Bundle[schemas.ReportMeta, schemas.ReportText]):
    """A report summary: `reports/<slug>/`, with the full report in the languages it has in
    its folder (`nl.pdf`, `fr.pdf`), published with the site."""

    kind: ClassVar[str] = "report"
    meta_model: ClassVar[type[BaseModel]] = schemas.ReportMeta
    text_model: ClassVar[type[BaseModel]] = schemas.ReportText
    section: ClassVar[str] = "reports"

    pdfs: dict[str, Path] = field(default_factory=dict)  # language -> the full report's PDF

    def pdf_for(self, lang: str) -> str | None:
        """The language of the full report that a page in `lang` links on the site: its own
        PDF; else, with no address of its own under `full_report`, the default language's
        (as its text falls back); None when the site publishes none for it."""
        if lang in self.pdfs:
            return lang
        elsewhere = self.meta.full_report
        if elsewhere is not None and lang in (elsewhere.model_extra or {}):
            return None
        return self.languages.default if self.languages.default in self.pdfs else None


@dataclass
class Edition(Bundle[schemas.EditionMeta, schemas.EditionText]):
    """A newsletter edition: `editions/<number>/`, with its articles in order."""

    kind: ClassVar[str] = "edition"
    lead_field: ClassVar[str | None] = "cover"
    meta_model: ClassVar[type[BaseModel]] = schemas.EditionMeta
    text_model: ClassVar[type[BaseModel]] = schemas.EditionText
    section: ClassVar[str] = "editions"

    articles: list[Bundle] = field(default_factory=list)
    report_bodies: set[str] = field(default_factory=set)  # reports printed with their summary

    def articles_in(self, use: str) -> list[Bundle]:
        """Its articles that may appear in `use` (print, email): a testimony only with the
        consent of its people."""
        return [article for article in self.articles if article.allows(use)]


@dataclass
class Site:
    """All content, loaded, validated and cross-referenced before anything is rendered."""

    root: Path
    organisation: schemas.Organisation
    authors: dict[str, schemas.Author]
    themes: dict[str, schemas.Localized]
    stories: dict[str, Story]
    editions: dict[str, Edition]
    reports: dict[str, Report]
    languages: Languages  # from mkdocs.yml (`load.config`): which, in what order, the default
    #: Folders of draft stories, editions and reports shown anyway, with a banner: only in a preview
    #: (`load_site(..., drafts=True)`, `jrs-site serve --drafts`), never in a build.
    previewed: frozenset[Path] = frozenset()
    #: What it was loaded from: the digest of every item's folder, data file and page
    #: (`load.loader.source_digests`); `serve` renders again only what shows a changed one.
    sources: Mapping[Path, str] = field(default_factory=dict, repr=False, compare=False)
    _once: dict[Hashable, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def once(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()`, worked out once for this loaded site: the lists that many pages show
        are not sorted again for each page. The result is shared: do not change it."""
        if key not in self._once:
            self._once[key] = compute()
        return cast(T, self._once[key])

    def digest(self, path: Path) -> str:
        """The digest of the source entry (`sources`) that holds `path`, e.g. an article's
        folder inside its edition's; "" when it is none of them."""
        if path in self.sources:  # an item's own folder: every page's fingerprint asks
            return self.sources[path]
        for entry in path.parents:
            if entry in self.sources:
                return self.sources[entry]
        return ""

    def published_stories(self, use: str = "web") -> list[Story]:
        """Stories that may appear in `use`, newest first; in a preview, with the previewed
        drafts whose consent covers `use`."""
        return self.once(("stories", use), lambda: self._stories(use))

    def published_editions(self) -> list[Edition]:
        return self.once("editions", self._editions)

    def published_reports(self) -> list[Report]:
        return self.once("reports", self._reports)

    def _stories(self, use: str) -> list[Story]:
        items = [
            s
            for s in self.stories.values()
            if s.published(use) or (s.folder in self.previewed and s.allows(use))
        ]
        return sorted(items, key=lambda s: (s.meta.date, s.key), reverse=True)

    def _editions(self) -> list[Edition]:
        items = [e for e in self.editions.values() if e.published() or e.folder in self.previewed]
        return sorted(items, key=lambda e: e.meta.number, reverse=True)

    def _reports(self) -> list[Report]:
        items = [r for r in self.reports.values() if r.published() or r.folder in self.previewed]
        return sorted(items, key=lambda r: (r.meta.year, r.meta.date), reverse=True)
