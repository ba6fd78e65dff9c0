"""Typed schemas of the source files: what each YAML file and front matter may hold.

Every model forbids unknown fields, so a misspelt field is an error, not silently ignored.
The field descriptions are the front-matter reference shown to staff.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from babel import Locale
from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    HttpUrl,
    PrivateAttr,
    Tag,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from jrs_site.model.languages import CONTEXT_KEY, Languages

Use = Literal["web", "print", "social", "email"]
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TERRITORIES = Locale("en").territories


class Schema(BaseModel):
    """Base of every source schema: unknown fields are refused."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class PerLanguage(BaseModel):
    """One value per configured language, keyed by its code (`nl:`, `fr:`...): the default
    language's is required, another language without one shows the default's, as an
    untranslated page does. The languages come in the validation context
    (`languages.validation_context`)."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)
    _default: str = PrivateAttr("")  # the default language, as validated

    @model_validator(mode="after")
    def _configured_languages(self, info: ValidationInfo) -> PerLanguage:
        configured = (info.context or {}).get(CONTEXT_KEY)
        if not isinstance(configured, Languages):
            raise TypeError(  # not a ValueError: pydantic would report it as the data's fault
                "a per-language field is validated with the site's languages: "
                "model_validate(data, context=validation_context(languages))"
            )
        written = self.__pydantic_extra__ or {}
        unknown = [code for code in written if code not in configured.codes]
        if unknown:
            raise ValueError(
                f"'{unknown[0]}' is not a language of this site; "
                f"write one of {', '.join(configured.codes)} (see the i18n plugin in mkdocs.yml)"
            )
        if configured.default not in written:
            raise ValueError(f"the {configured.default} text is missing: it is required")
        self._default = configured.default
        return self

    def get(self, lang: str) -> str:
        """The value in `lang`, or the default language's when it has none."""
        written = self.__pydantic_extra__ or {}
        value = written.get(lang, written.get(self._default))
        return str(value)


class Localized(PerLanguage):
    """A short text in each language, e.g. `{nl: directeur, fr: directrice}`."""

    __pydantic_extra__: dict[str, Annotated[str, Field(min_length=1)]]


class LocalizedUrl(PerLanguage):
    """A web address in each language, starting with https:// (or http://), e.g.
    `{nl: https://ankerpunt.example/rapporten/x.pdf, fr: ...}`."""

    __pydantic_extra__: dict[str, HttpUrl]


class PhotoMeta(Schema):
    """Facts about one photo of a bundle that do not depend on the language."""

    credit: str = Field(description="author id of the photographer (from data/authors.yml)")
    focus: (
        tuple[Annotated[float, Field(ge=0, le=1)], Annotated[float, Field(ge=0, le=1)]] | None
    ) = Field(None, description="focal point [x, y] between 0 and 1, used when cropping")


PhotoCredits = dict[str, PhotoMeta]


class Author(Schema):
    """One person in the author registry (`data/authors.yml`)."""

    id: str = Field(
        pattern=SLUG_RE.pattern, description="short name used in bylines and credits: eva-peeters"
    )
    name: str = Field(min_length=1, description="full name as printed, e.g. Eva Peeters")
    role: Localized = Field(description="role in each language: {nl: fotograaf, fr: photographe}")


class Mailing(Schema):
    """The postal mailing panel on the back page of the print newsletter."""

    sender: str = Field(
        min_length=1, description="the return address: Ankerpunt, Rue de l'Exemple 12, 1000 Brussel"
    )
    indication: Localized = Field(
        description="the postage indication: {nl: P.B.-P.P. Brussel X, fr: P.P.-P.B. Bruxelles X}"
    )
    permit: str = Field(min_length=1, description="the postal permit number, e.g. P 000000")


Filler = Literal["support", "coupon", "next", "photo"]
FILLERS: tuple[Filler, ...] = ("support", "coupon", "next", "photo")


class Organisation(Schema):
    """The organisation's details (`data/organisation.yml`), shown in print and on the site."""

    name: str = Field(description="the organisation's name")
    newsletter: Localized = Field(description="the newsletter's name in each language")
    tagline: Localized = Field(description="a short line under the name")
    address: str = Field(description="postal address")
    country: str | None = Field(
        None,
        pattern=r"^[A-Z]{2}$",
        description="the country the organisation works in, as a two-letter ISO code (BE): "
        "what search engines and shared links are told of the site's languages (nl_BE)",
    )
    email: str = Field(description="contact e-mail address")
    phone: str = Field(description="contact phone number")
    iban: str = Field(description="bank account for donations")
    bic: str = Field(description="the bank's BIC code")
    editor: str = Field(description="author id of the editor, named in the colophon")
    printer: str = Field(description="the printer's name, for the colophon")
    tax_note: Localized = Field(description="the note on tax certificates for donations")
    newsletter_signup: str | None = Field(
        None,
        pattern=r"^(https://|http://|mailto:)\S+$",
        description="where readers subscribe to the newsletter, shown in the site's footer: "
        "the address of the subscription page (https://...) or mailto:...; "
        "default: an e-mail to `email`",
    )
    support_intro: Localized | None = Field(
        None, description="the text of the newsletter's support page (default: a standard text)"
    )
    coupon_intro: Localized | None = Field(
        None, description="the text above the reply coupon (default: a standard text)"
    )
    next_intro: Localized | None = Field(
        None, description="the text of the 'stay in touch' page (default: a standard text)"
    )
    mailing: Mailing | None = Field(
        None, description="sender, postage indication and permit for the back page's mailing panel"
    )


class Person(Schema):
    """Who tells the story: a first name or a pseudonym, never a full name."""

    name: str = Field(
        min_length=1, max_length=40, description="first name or pseudonym, never a full name"
    )
    pseudonym: bool = Field(False, description="true when `name` is not the person's real name")


class Consent(Schema):
    """Who agreed to publication, when, and for which uses."""

    given_by: str = Field(
        min_length=1,
        description="the person, one of the family (`people`), or a parent for a minor",
    )
    date: dt.date = Field(description="when consent was given, e.g. 2025-09-12")
    uses: list[Use] = Field(description="any of: web, print, social, email")
    withdrawn: dt.date | None = Field(None, description="date consent was withdrawn, if it was")

    def allows(self, use: str) -> bool:
        return self.withdrawn is None and use in self.uses


def _check_country(code: str) -> str:
    if code.upper() not in _TERRITORIES or not code.isalpha() or len(code) != 2:
        raise ValueError(f"'{code}' is not a two-letter country code such as SY, AF or CD")
    return code.upper()


class StoryMeta(Schema):
    """`stories/<slug>/story.yml`: the facts of a testimony, the same in every language."""

    person: Person | None = Field(
        None,
        description="who tells the story when it is one person: name and pseudonym; "
        "write this, or `people:` for a family",
    )
    people: list[Person] | None = Field(
        None,
        min_length=1,
        description="who tell the story when they are several (a family): a list, each "
        "with its own name and pseudonym; write this, or `person:` for one person",
    )
    country: str = Field(description="country of origin, ISO code such as SY, AF, ER, CD")
    arrived: int = Field(ge=1950, le=2100, description="year of arrival in Belgium, e.g. 2019")
    date: dt.date = Field(description="publication date, e.g. 2025-10-02")
    themes: list[str] = Field(default_factory=list, description="theme ids from data/themes.yml")
    portrait: str | None = Field(None, description="file name of the portrait in this folder")
    consent: Consent = Field(description="who agreed to publication, when, for which uses")
    byline: str | None = Field(
        None, description="author id of the writer (data/authors.yml), named at the end"
    )
    draft: bool = Field(False, description="true keeps the story out of every output")
    photos: PhotoCredits = Field(default_factory=dict, description="credit and focus of each photo")

    @field_validator("country")
    @classmethod
    def _country(cls, value: str) -> str:
        return _check_country(value)

    @model_validator(mode="after")
    def _person_or_people(self) -> StoryMeta:
        if self.person is not None and self.people is not None:
            raise PydanticCustomError("person_and_people", "", {"field": "people"})
        if self.person is None and self.people is None:
            raise PydanticCustomError("missing", "", {"field": "person"})
        return self

    @property
    def tellers(self) -> list[Person]:
        """Who tells the story: the `person`, or each of the `people`, in their order."""
        return [self.person] if self.person is not None else list(self.people or [])

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
    portrait_caption: str = Field("", description="caption under the portrait")


class StoryRef(Schema):
    """An edition article that is a testimony: `story: <slug>`."""

    story: str = Field(description="folder name of the story under stories/")


class ReportRef(Schema):
    """An edition article that is a report summary: `report: <slug>`, with `body: true` to
    print its whole summary, not only its lead, figures and findings."""

    report: str = Field(description="folder name of the report under reports/")
    body: bool = Field(False, description="true: the edition also prints the report's summary")


def _article_kind(value: Any) -> str | None:
    """Which kind of `articles:` entry a value is, so that a mistake gets one message."""
    if isinstance(value, str):
        return "folder"
    keys = set(value if isinstance(value, dict) else vars(value))
    if keys == {"story"}:
        return "story-ref"
    return "report-ref" if "report" in keys and keys <= {"report", "body"} else None


ArticleRef = Annotated[
    Annotated[str, Field(pattern=SLUG_RE.pattern), Tag("folder")]
    | Annotated[StoryRef, Tag("story-ref")]
    | Annotated[ReportRef, Tag("report-ref")],
    Discriminator(
        _article_kind,
        custom_error_type="article_reference",
        custom_error_message=(
            "write an article folder name, 'story: <slug>' or 'report: <slug>' "
            "(optionally with 'body: true')"
        ),
    ),
]


class EditionMeta(Schema):
    """`editions/<number>/edition.yml`: number, date, cover and the ordered articles."""

    number: int = Field(ge=1, description="the edition number, the same as the folder name")
    date: dt.date = Field(description="publication date, e.g. 2025-10-15")
    cover: str | None = Field(None, description="file name of the cover photo in this folder")
    articles: list[ArticleRef] = Field(
        min_length=1,
        description="in order: an article folder name, `story: <slug>` or `report: <slug>`",
    )
    draft: bool = Field(False, description="true keeps the edition out of every output")
    photos: PhotoCredits = Field(default_factory=dict, description="credit and focus of each photo")
    publisher: str | None = Field(
        None,
        description="author id of the responsible publisher (default: the organisation's editor)",
    )
    fillers: list[Filler] = Field(
        default_factory=lambda: list(FILLERS),
        description="pages that may complete the booklet to a multiple of four, in order of "
        "choice, from: support, coupon, next, photo (the others follow if more are needed)",
    )

    @field_validator("fillers")
    @classmethod
    def _distinct_fillers(cls, value: list[Filler]) -> list[Filler]:
        if len(set(value)) != len(value):
            raise ValueError("each filler page may be listed once: a page is never printed twice")
        return value


class EditionText(Schema):
    """Front matter of `editions/<number>/nl.md` and `fr.md`."""

    season: str = Field(min_length=1, description="e.g. Herfst 2025")
    theme: str = Field(min_length=1, max_length=160, description="the theme of this edition")
    cover_alt: str | None = Field(None, description="what the cover shows, for blind readers")
    cover_caption: str = Field("", description="caption under the cover photo")
    support_intro: str = Field(
        "", description="this edition's text for the support page (default: the organisation's)"
    )
    coupon_intro: str = Field(
        "", description="this edition's text above the reply coupon (default: the organisation's)"
    )
    next_intro: str = Field(
        "", description="this edition's 'stay in touch' text (default: the organisation's)"
    )


class ArticleMeta(Schema):
    """`editions/<number>/<article>/article.yml`: the byline and photos of an article."""

    byline: str | None = Field(
        None, description="author id of the writer, named at the end of the article"
    )
    photos: PhotoCredits = Field(default_factory=dict, description="credit and focus of each photo")


class ArticleText(Schema):
    """Front matter of an edition article's `nl.md` and `fr.md`."""

    kicker: str = Field("", max_length=60, description="a word above the title: Editoriaal")
    title: str = Field(min_length=1, max_length=160, description="the title of the article")
    lead: str = Field("", description="an introductory paragraph, printed in bold")


class Figure(Schema):
    """One key figure: a value, its label, and optionally last year's value and a source."""

    value: float = Field(description="the number, e.g. 7412")
    previous: float | None = Field(None, description="last year's number, shown with a bar")
    label: Localized = Field(description="what is counted, in each language")
    unit: Localized | None = Field(None, description="unit in each language: {nl: dagen, ...}")
    source: Localized | None = Field(None, description="where the number comes from")
    before: Localized | None = Field(
        None, description="a word or sign before the number: {nl: meer dan, fr: plus de}, ±"
    )
    after: Literal["+", "%"] | None = Field(None, description='"+" or "%" after the number')

    @field_validator("value", "previous")
    @classmethod
    def _not_a_thousands_dot(cls, value: float | None) -> float | None:
        """`7.412` in YAML is seven point four: almost surely meant as 7412."""
        if value is not None and round(value, 3) == value and round(value, 2) != value:
            raise ValueError(
                f"{value} has three decimals: in YAML the dot is the decimal mark, so write "
                f"{str(value).replace('.', '')} for a whole number (no dot), or 12.5 for a decimal"
            )
        return value


class ReportMeta(Schema):
    """`reports/<slug>/report.yml`: the facts of a report summary."""

    year: int = Field(ge=1990, le=2100, description="the year the report is about, e.g. 2024")
    number: str = Field(description='the report number, between quotes: "2025/01"')
    author: str = Field(description="author id (from data/authors.yml)")
    date: dt.date = Field(description="publication date, e.g. 2025-06-20")
    full_report: LocalizedUrl | None = Field(
        None,
        description="link to the full report in each language (https://...); leave it out for a "
        "report on paper only (then write `order:` in nl.md and fr.md)",
    )
    figures: list[Figure] = Field(default_factory=list, description="the key figures")
    draft: bool = Field(False, description="true keeps the report out of every output")
    photos: PhotoCredits = Field(default_factory=dict, description="credit and focus of each photo")


class ReportText(Schema):
    """Front matter of `reports/<slug>/nl.md` and `fr.md`."""

    title: str = Field(min_length=1, max_length=160, description="the title of the summary")
    lead: str = Field(min_length=1, description="one or two sentences: the main finding")
    findings: list[str] = Field(default_factory=list, description="the key findings, one a line")
    order: str = Field(
        "", description="how to order a paper copy (default: write to the organisation's e-mail)"
    )
