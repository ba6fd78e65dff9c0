"""Typed schemas of the source files: what each YAML file and front matter may hold.

Every model forbids unknown fields, so a misspelt field is an error, not silently ignored.
The field descriptions are the front-matter reference shown to staff.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from babel import Locale
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

LANGUAGES: tuple[str, ...] = ("nl", "fr")
DEFAULT_LANGUAGE = "nl"
USES = ("web", "print", "social")
Use = Literal["web", "print", "social"]
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TERRITORIES = Locale("en").territories


class Schema(BaseModel):
    """Base of every source schema: unknown fields are refused."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Localized(Schema):
    """A short text in each language, e.g. `{nl: directeur, fr: directrice}`."""

    nl: str = Field(min_length=1)
    fr: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return getattr(self, lang)


class PhotoMeta(Schema):
    """Facts about one photo of a bundle that do not depend on the language."""

    credit: str = Field(description="author id of the photographer (from data/authors.yml)")
    focus: (
        tuple[Annotated[float, Field(ge=0, le=1)], Annotated[float, Field(ge=0, le=1)]] | None
    ) = Field(None, description="focal point [x, y] between 0 and 1, used when cropping")


Photos = dict[str, PhotoMeta]


class Author(Schema):
    """One person in the author registry (`data/authors.yml`)."""

    id: str = Field(pattern=SLUG_RE.pattern)
    name: str = Field(min_length=1)
    role: Localized


class Organisation(Schema):
    """The organisation's details (`data/organisation.yml`), shown in print and on the site."""

    name: str
    newsletter: Localized
    tagline: Localized
    address: str
    email: str
    phone: str
    iban: str
    bic: str
    editor: str = Field(description="author id of the editor, named in the colophon")
    printer: str
    tax_note: Localized


class Person(Schema):
    """Who tells the story: a first name or a pseudonym, never a full name."""

    name: str = Field(min_length=1, max_length=40)
    pseudonym: bool = Field(False, description="true when `name` is not the person's real name")


class Consent(Schema):
    """Who agreed to publication, when, and for which uses."""

    given_by: str = Field(min_length=1, description="the person, or a parent for a minor")
    date: dt.date
    uses: list[Use] = Field(description="any of: web, print, social")
    withdrawn: dt.date | None = Field(None, description="date consent was withdrawn, if it was")

    def allows(self, use: str) -> bool:
        return self.withdrawn is None and use in self.uses


def _check_country(code: str) -> str:
    if code.upper() not in _TERRITORIES or not code.isalpha() or len(code) != 2:
        raise ValueError(f"'{code}' is not a two-letter country code such as SY, AF or CD")
    return code.upper()


class StoryMeta(Schema):
    """`stories/<slug>/story.yml`: the facts of a testimony, the same in every language."""

    person: Person
    country: str = Field(description="country of origin, ISO code such as SY, AF, ER, CD")
    arrived: int = Field(ge=1950, le=2100, description="year of arrival in Belgium, e.g. 2019")
    date: dt.date = Field(description="publication date, e.g. 2025-10-02")
    themes: list[str] = Field(default_factory=list, description="theme ids from data/themes.yml")
    portrait: str | None = Field(None, description="file name of the portrait in this folder")
    consent: Consent
    draft: bool = Field(False, description="true keeps the story out of every output")
    photos: Photos = Field(default_factory=dict, description="credit and focus of each photo")

    @field_validator("country")
    @classmethod
    def _country(cls, value: str) -> str:
        return _check_country(value)

    @model_validator(mode="after")
    def _arrival_before_publication(self) -> StoryMeta:
        if self.arrived > self.date.year:
            raise ValueError(f"'arrived' ({self.arrived}) is after the publication date")
        return self


class StoryText(Schema):
    """Front matter of `stories/<slug>/nl.md` and `fr.md`."""

    title: str = Field(min_length=1, max_length=160, description="the headline, often a quote")
    family: str = Field("", max_length=120, description="short family line")
    lead: str = Field(min_length=1, description="third-person introduction")
    portrait_alt: str | None = Field(None, description="what the portrait shows, for blind readers")
    portrait_caption: str = ""


class StoryRef(Schema):
    story: str


class ReportRef(Schema):
    report: str


ArticleRef = str | StoryRef | ReportRef


class EditionMeta(Schema):
    """`editions/<number>/edition.yml`: number, date, cover and the ordered articles."""

    number: int = Field(ge=1)
    date: dt.date
    cover: str | None = None
    articles: list[ArticleRef] = Field(
        min_length=1,
        description="in order: an article folder name, `story: <slug>` or `report: <slug>`",
    )
    draft: bool = False
    photos: Photos = Field(default_factory=dict)


class EditionText(Schema):
    """Front matter of `editions/<number>/nl.md` and `fr.md`."""

    season: str = Field(min_length=1, description="e.g. Herfst 2025")
    theme: str = Field(min_length=1, max_length=160)
    cover_alt: str | None = None
    cover_caption: str = ""


class ArticleMeta(Schema):
    """`editions/<number>/<article>/article.yml`: the byline and photos of an article."""

    byline: str | None = Field(None, description="author id of the writer")
    photos: Photos = Field(default_factory=dict)


class ArticleText(Schema):
    """Front matter of an edition article's `nl.md` and `fr.md`."""

    kicker: str = Field("", max_length=60)
    title: str = Field(min_length=1, max_length=160)
    lead: str = ""


class Figure(Schema):
    """One key figure: a value, its label, and optionally last year's value and a source."""

    value: float
    previous: float | None = None
    label: Localized
    unit: Localized | None = None
    source: Localized | None = None


class ReportMeta(Schema):
    """`reports/<slug>/report.yml`: the facts of a report summary."""

    year: int = Field(ge=1990, le=2100)
    number: str
    author: str = Field(description="author id")
    date: dt.date
    full_report: Localized = Field(description="link to the full report in each language")
    figures: list[Figure] = Field(default_factory=list)
    draft: bool = False
    photos: Photos = Field(default_factory=dict)


class ReportText(Schema):
    """Front matter of `reports/<slug>/nl.md` and `fr.md`."""

    title: str = Field(min_length=1, max_length=160)
    lead: str = Field(min_length=1)
    findings: list[str] = Field(default_factory=list)
    order: str = Field("", description="how to order a paper copy")
