"""Content model in, ready-to-show data out: what each page template receives, per language.

Nothing here knows a site generator. The adapter gives a `RenderContext` (language, media URLs);
views return small dataclasses holding only strings, numbers, lists and ready HTML.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import quote

from markupsafe import Markup, escape

from jrs_site.model.bundles import Article, Bundle, Edition, Report, Site, Story, localized_url
from jrs_site.model.languages import Languages
from jrs_site.model.schemas import PhotoMeta, StoryMeta
from jrs_site.render import bidi, l10n
from jrs_site.render.archive import (
    COUNTRIES,
    THEMES,
    Link,
    Listing,
    ListingLink,
    listing_links,
    listing_url,
)
from jrs_site.render.markdown import (
    ImageHtml,
    KeyFigure,
    RenderCache,
    Setting,
    figures_html,
    no_photos,
    render,
)
from jrs_site.render.partials import partial

if TYPE_CHECKING:
    from jrs_site.render.kinds import HomeSelection, Selection

#: The width a photo is shown at, for the browser to pick a variant (lengths in `sizes` are in
#: the browser's 16 px rem, not Material's 20 px). Measured in Chromium: on a phone the column
#: is the viewport less Material's 2 x 0.8rem margins (343 px at 375); from 76.25em both
#: sidebars leave a 688 px column (43rem) until Material's root font grows at 100em. Between,
#: Material's `figure { width: fit-content }` makes the sizes value the shown width.
STORY_SIZES = (
    "(min-width: 100em) 46rem, (min-width: 76.25em) 43rem, (min-width: 76em) 46rem, "
    "(min-width: 45em) 70vw, calc(100vw - 2rem)"
)
TILE_SIZES = "(min-width: 60em) 20rem, (min-width: 45em) 45vw, calc(100vw - 2rem)"
PER_PAGE = 24  # cards on one page of a paginated index
T = TypeVar("T")


@dataclass(frozen=True)
class PictureSource:
    """One `<source>` of a `<picture>`: its image format and srcset."""

    format: str
    srcset: str


@dataclass(frozen=True)
class Picture:
    """A responsive photo as the picture partial shows it."""

    sources: list[PictureSource]
    src: str
    srcset: str
    sizes: str
    width: int
    height: int
    alt: str
    eager: bool  # the page's first photo: fetched first, not lazily


@dataclass
class RenderContext:
    """What the adapter knows about the page being rendered."""

    site: Site
    lang: str
    media: dict[Path, Any]  # source photo -> image-pipeline WebImage
    media_prefix: str  # relative URL of the media folder from this page, e.g. "../../media"
    number: int = 1  # which page of a paginated index this is
    bodies: RenderCache | None = None  # rendered bodies kept between builds
    pdf: Download | None = None  # an edition page's screen PDF
    email_url: str = ""  # an edition page's e-mail edition
    #: report -> the address of its full PDF published with the site, from this page
    report_pdfs: dict[str, str] = field(default_factory=dict)
    _eager_used: bool = False

    def t(self, key: str, count: int | None = None, **values: Any) -> str:
        """A UI string of the page's language, in its typography."""
        return l10n.text_typography(l10n.t(self.lang, key, count, **values), self.lang)

    def text(self, value: str, lang: str) -> str:
        """Author text in `lang` (the page's, or the fallback's) as the page shows it: in that
        language's typography. Only text: an attribute or an address is shown as written."""
        return l10n.text_typography(value, lang)

    def picture(
        self, bundle: Bundle, name: str, alt: str, caption: str = "", sizes: str = STORY_SIZES
    ) -> Markup:
        """A `<figure>` with a responsive `<picture>`; only the page's first image loads eagerly.
        Made once per build for each photo, page depth and role: a testimony's card is on
        many pages (`Site.once`)."""
        path = bundle.folder / name
        if path not in self.media:
            return Markup()
        eager, self._eager_used = not self._eager_used, True
        image = self.media[path]  # its variants: in the key, as they may change in a preview
        key = ("picture", image, self.lang, self.media_prefix, alt, caption, sizes, eager)
        return self.site.once(
            key, lambda: self._picture(bundle, name, image, alt, caption, sizes, eager)
        )

    def _picture(
        self,
        bundle: Bundle,
        name: str,
        image: Any,
        alt: str,
        caption: str,
        sizes: str,
        eager: bool,
    ) -> Markup:
        picture = Picture(
            sources=[
                PictureSource(fmt, image.srcset(fmt, self.media_prefix))
                for fmt in image.picture_formats()
            ],
            src=f"{self.media_prefix}/{image.fallback().name}",
            srcset=image.srcset("jpeg", self.media_prefix),
            sizes=sizes,
            width=image.width,
            height=image.height,
            alt=alt,
            eager=eager,
        )
        return partial("picture.html", picture=picture, **self.caption(caption, name, bundle))

    def caption(self, caption: str, name: str, bundle: Bundle) -> dict[str, str]:
        """The caption and the photographer's credit of a photo, for the figcaption partial:
        the credit, in the page's words, in the page's direction (a Latin name in it does not
        turn an Arabic credit left to right)."""
        photo = bundle.meta.photos.get(name)
        text = bundle.text(self.lang)
        return {
            "caption": self.text(caption, text.lang),
            "credit": self.credit(photo) if photo else "",
            "credit_dir": bidi.language_direction(self.lang),
        }

    def photographer(self, photo: PhotoMeta) -> str:
        author = self.site.authors.get(photo.credit)
        return author.name if author else photo.credit

    def credit(self, photo: PhotoMeta) -> str:
        """'Foto: Eva Peeters, fotograaf': the photographer's name and role."""
        author = self.site.authors.get(photo.credit)
        if author is None:
            return self.t("photo_credit", name=photo.credit)
        return self.t("photo_credit_role", name=author.name, role=author.role.get(self.lang))

    def body(self, bundle: Bundle) -> Markup:
        text = bundle.text(self.lang)

        def image_html(src: str, alt: str, caption: str) -> str:
            return self.picture(bundle, src, alt, caption)

        # Its footnotes' ids carry its address: an edition page holds several bodies.
        return self.render(text.body, text.lang, image_html, bundle.path)

    def render(
        self, body: str, text_lang: str, image_html: ImageHtml = no_photos, scope: str = ""
    ) -> Markup:
        """A Markdown body of the page, its text in the typography of `text_lang` (the
        page's language, or the fallback's)."""
        setting = Setting(text_lang, self.site.languages)
        if self.bodies is not None:
            return self.bodies.render(body, image_html, scope, setting)
        return render(body, self.lang, image_html, scope, setting)


@dataclass
class Dated:
    iso: str
    text: str


def dated(value: dt.date, lang: str) -> Dated:
    return Dated(value.isoformat(), l10n.date_text(value, lang))


@dataclass
class Byline:
    """Who wrote it, in the page's language, on the side of its text (`dir`: a Latin name
    and an untranslated role end an Arabic article on its side, not the other)."""

    name: str
    role: str
    dir: str = "ltr"


@dataclass
class TranslationNote:
    """A page shown in another language than the reader's: the text's language, and the note,
    in the page's language (`page_lang`), which names the text's in its own words."""

    lang: str
    note: str
    page_lang: str


def fallback_note(source_lang: str, lang: str) -> TranslationNote:
    language = l10n.language_name(source_lang, lang)
    note = l10n.t(lang, "not_translated", language=language)
    return TranslationNote(source_lang, l10n.text_typography(note, lang), lang)


def translation(bundle: Bundle, page: RenderContext) -> TranslationNote | None:
    """The 'not translated yet' note when the item is shown in the other language."""
    if bundle.is_translated(page.lang):
        return None
    return fallback_note(bundle.text(page.lang).lang, page.lang)


def byline(
    site: Site, author_id: str | None, lang: str, text_lang: str | None = None
) -> Byline | None:
    """Who wrote it and their role, in `lang`'s typography, on the side of the text it ends
    (in `text_lang`, when not the page's: an untranslated article)."""
    author = site.authors.get(author_id or "")
    if author is None:
        return None
    name, role = author.name, author.role.get(lang)
    return Byline(
        l10n.text_typography(name, lang),
        l10n.text_typography(role, lang),
        bidi.language_direction(text_lang or lang),
    )


# -- testimonies ------------------------------------------------------------------------------


@dataclass
class StoryCard:
    url: str
    title: str
    name: Markup  # who tells it: "Samira en Yonas"
    country: str
    country_code: str
    country_url: str  # the country's listing
    themes: list[str]
    lead: str
    date: Dated
    image_html: Markup
    lang: str  # language of the text shown (differs when not translated yet)
    draft_mark: str  # "Concept" on a draft shown in a preview (`Site.previewed`), else ""


@dataclass
class StoryView(StoryCard):
    facts: list[str]  # the first: who tells it, each name with its pseudonym note (Markup)
    fact_urls: list[str]  # a link for each fact ("" for none): the country's listing
    theme_links: list[Link]  # to each theme's listing
    portrait_html: Markup
    body_html: Markup
    translation: TranslationNote | None
    byline: Byline | None
    draft_banner: str  # "draft, not published" on a draft shown in a preview, else ""


def story_card(story: Story, page: RenderContext) -> StoryCard:
    text = story.text(page.lang)
    meta = story.meta
    image = Markup()
    if meta.portrait:
        image = page.picture(story, meta.portrait, text.fields.portrait_alt or "", sizes=TILE_SIZES)
    return StoryCard(
        url=story.url(page.lang),
        title=page.text(text.fields.title, text.lang),
        name=l10n.html_typography(
            l10n.joined([p.name for p in meta.tellers], page.lang), text.lang
        ),
        country=page.text(l10n.country_name(meta.country, page.lang), page.lang),
        country_code=meta.country,
        country_url=listing_url(COUNTRIES, meta.country, page.lang, page.site.languages),
        themes=list(meta.themes),
        lead=page.text(text.fields.lead, text.lang),
        date=dated(meta.date, page.lang),
        image_html=image,
        lang=text.lang,
        draft_mark=draft_texts(story, page)["draft_mark"],
    )


def draft_texts(item: Bundle, page: RenderContext) -> dict[str, str]:
    """The mark in the lists and the banner on its page of a draft shown in a preview
    (`Site.previewed`); "" for a published item."""
    if not item.meta.draft:
        return {"draft_mark": "", "draft_banner": ""}
    return {"draft_mark": page.t("draft_mark"), "draft_banner": page.t("draft_banner")}


def tellers_html(meta: StoryMeta, lang: str) -> Markup:
    """Who tells the story, each name followed by its own pseudonym note:
    `Samira <small>(schuilnaam)</small> en Yonas`."""
    note = Markup(" <small>({})</small>").format(l10n.t(lang, "pseudonym_note"))
    return l10n.joined([escape(p.name) + (note if p.pseudonym else "") for p in meta.tellers], lang)


def years_in_belgium(story: Story, lang: str) -> str:
    years = story.meta.date.year - story.meta.arrived
    if years == 0:
        return l10n.t(lang, "arrived_this_year")
    return l10n.t(lang, "years_in_belgium", count=years)


def story_view(story: Story, page: RenderContext) -> StoryView:
    text = story.text(page.lang)
    meta = story.meta
    portrait = Markup()
    if meta.portrait:
        portrait = page.picture(
            story, meta.portrait, text.fields.portrait_alt or "", text.fields.portrait_caption
        )
    card = story_card(story, page)
    tellers = l10n.html_typography(tellers_html(meta, page.lang), page.lang)
    facts = [tellers, card.country, page.text(years_in_belgium(story, page.lang), page.lang)]
    fact_urls = ["", card.country_url, ""]
    if text.fields.family:
        facts.append(page.text(text.fields.family, text.lang))
        fact_urls.append("")
    return StoryView(
        **vars(card),
        facts=facts,
        fact_urls=fact_urls,
        theme_links=[
            Link(
                listing_url(THEMES, t, page.lang, page.site.languages),
                page.text(page.site.themes[t].get(page.lang), page.lang),
            )
            for t in meta.themes
            if t in page.site.themes
        ],
        portrait_html=portrait,
        body_html=page.body(story),
        translation=translation(story, page),
        byline=byline(page.site, meta.byline, page.lang, text.lang),
        draft_banner=draft_texts(story, page)["draft_banner"],
    )


# -- paginated indexes ------------------------------------------------------------------------


@dataclass
class Pager:
    """Where a page of an index is among its pages; links to its neighbours ("" for none)."""

    number: int
    count: int
    label: str  # "Pagina 2 / 42"
    previous_url: str
    next_url: str


def index_page_path(section: str, number: int) -> str:
    """`stories/` for an index's first page, `stories/page/2/` for the next ones."""
    return f"{section}/" if number == 1 else f"{section}/page/{number}/"


def page_count(total: int) -> int:
    return max(1, -(-total // PER_PAGE))


def pager(section: str, total: int, page: RenderContext) -> Pager:
    count = page_count(total)

    def url(number: int) -> str:
        inside = 1 <= number <= count
        path = index_page_path(section, number)
        return localized_url(path, page.lang, page.site.languages) if inside else ""

    label = f"{page.t('page_n', number=page.number)} / {count}"
    return Pager(page.number, count, label, url(page.number - 1), url(page.number + 1))


def on_page(items: Sequence[T], number: int) -> list[T]:
    """The items shown on page `number` of a paginated index."""
    return list(items[(number - 1) * PER_PAGE : number * PER_PAGE])


# -- testimonies index, and the listings by theme and by country ----------------------------


@dataclass
class StoriesIndex:
    """One page of the testimonies index or of a listing (`archive.Listing`): its cards, its
    pager, and links to every listing with its count (the whole archive's, not this page's)."""

    stories: list[StoryCard]
    themes: list[ListingLink]
    countries: list[ListingLink]
    pager: Pager
    summary: str = ""  # on a listing: "12 getuigenissen"
    index_url: str = ""  # on a listing: the testimonies index


def story_list(
    site: Site,
    page: RenderContext,
    shown: Selection[Story],
    section: str,
    current: Listing | None = None,
) -> StoriesIndex:
    """A page of testimonies (`shown`, a page of a list paginated under `section`), with the
    links to every listing."""
    return StoriesIndex(
        [story_card(s, page) for s in shown.items],
        listing_links(site, THEMES, page.lang, current),
        listing_links(site, COUNTRIES, page.lang, current),
        pager(section, shown.total, page),
    )


def stories_index(site: Site, page: RenderContext, shown: Selection[Story]) -> StoriesIndex:
    return story_list(site, page, shown, Story.section)


def listing_view(
    site: Site, page: RenderContext, shown: Selection[Story], listing: Listing
) -> StoriesIndex:
    """A page of a listing: its cards and pager, how many it holds, the way back."""
    view = story_list(site, page, shown, listing.section, listing)
    view.summary = page.t("filter_results", count=shown.total)
    view.index_url = Story.index_url(page.lang, site.languages)
    return view


# -- reports ----------------------------------------------------------------------------------


@dataclass
class ReportView:
    url: str
    title: str
    lead: str
    label: str
    date: Dated
    figures_html: Markup
    findings: list[str]
    full_report: str
    order: str
    body_html: Markup
    byline: Byline | None
    translation: TranslationNote | None
    lang: str
    draft_mark: str = ""  # as on a story (`StoryCard`): on a draft shown in a preview
    draft_banner: str = ""


def report_figures(report: Report, lang: str) -> list[KeyFigure]:
    return [
        KeyFigure(
            f.value,
            f.label.get(lang),
            f.previous,
            f.unit.get(lang) if f.unit else "",
            f.source.get(lang) if f.source else "",
            f.before.get(lang) if f.before else "",
            f.after or "",
        )
        for f in report.meta.figures
    ]


def order_text(report: Report, page: RenderContext) -> str:
    """How to order a paper copy: the report's own text, or, for a report on paper only that
    says nothing, a standard text with the organisation's e-mail address."""
    text = report.text(page.lang)
    if text.fields.order or report.pdfs or report.meta.full_report is not None:
        return page.text(text.fields.order, text.lang)
    return page.t("order_default", email=page.site.organisation.email)


def report_view(report: Report, page: RenderContext, with_body: bool = True) -> ReportView:
    text = report.text(page.lang)
    meta = report.meta
    return ReportView(
        url=report.url(page.lang),
        title=page.text(text.fields.title, text.lang),
        lead=page.text(text.fields.lead, text.lang),
        label=page.t("report_year", year=meta.year)
        + " · "
        + page.t("report_number", number=meta.number),
        date=dated(meta.date, page.lang),
        figures_html=l10n.html_typography(
            figures_html(report_figures(report, page.lang), page.lang), page.lang
        ),
        findings=[page.text(finding, text.lang) for finding in text.fields.findings],
        full_report=page.report_pdfs.get(report.key)
        or (meta.full_report.get(page.lang) if meta.full_report else ""),
        order=order_text(report, page),
        body_html=page.body(report) if with_body else Markup(),
        byline=byline(page.site, meta.author, page.lang, text.lang),
        translation=translation(report, page),
        lang=text.lang,
        **draft_texts(report, page),
    )


# -- editions ---------------------------------------------------------------------------------


@dataclass
class EditionCard:
    url: str
    number: str
    season: str
    theme: str
    date: Dated
    cover_html: Markup
    lang: str
    draft_mark: str  # as on a story (`StoryCard`): on a draft shown in a preview


@dataclass
class ArticleView:
    """One article of an edition: written for it (`article`), or a testimony or report."""

    kind: str
    anchor: str
    kicker: str
    title: str
    lead: str
    url: str = ""
    body_html: Markup = Markup()
    byline: Byline | None = None
    image_html: Markup = Markup()
    lang: str = ""
    findings: list[str] = field(default_factory=list)


@dataclass
class Download:
    """A file to download: its URL (relative to the page) and a label with its size."""

    url: str
    label: str


def pdf_download(url: str, size: int | None, lang: str) -> Download:
    """'Download de pdf (1,2 MB)' / 'Télécharger le PDF (1,2 Mo)'; without a size, the PDF is
    being made again (in the preview, after the pages)."""
    if size is None:
        label = l10n.t(lang, "download_pdf_pending")
    else:
        label = l10n.t(lang, "download_pdf", size=l10n.file_size(size, lang))
    return Download(url, l10n.text_typography(label, lang))


@dataclass
class EditionView(EditionCard):
    intro_html: Markup
    articles: list[ArticleView]
    translation: TranslationNote | None
    pdf: Download | None = None  # the screen PDF
    email_url: str = ""  # the e-mail edition
    draft_banner: str = ""


def edition_card(edition: Edition, page: RenderContext, cover: bool = True) -> EditionCard:
    text = edition.text(page.lang)
    meta = edition.meta
    cover_html = Markup()
    if cover and meta.cover:
        cover_html = page.picture(
            edition, meta.cover, text.fields.cover_alt or "", text.fields.cover_caption
        )
    return EditionCard(
        url=edition.url(page.lang),
        number=page.t("edition_number", number=meta.number),
        season=page.text(text.fields.season, text.lang),
        theme=page.text(text.fields.theme, text.lang),
        date=dated(meta.date, page.lang),
        cover_html=cover_html,
        lang=text.lang,
        draft_mark=draft_texts(edition, page)["draft_mark"],
    )


def story_article(story: Story, page: RenderContext, edition: Edition) -> ArticleView:
    """A testimony as an edition shows it: its card, linking to its page."""
    card = story_card(story, page)
    return ArticleView(
        "story",
        f"story-{story.key}",
        page.t("testimony"),
        card.title,
        card.lead,
        url=card.url,
        byline=byline(page.site, story.meta.byline, page.lang, card.lang),
        image_html=card.image_html,
        lang=card.lang,
    )


def report_article(report: Report, page: RenderContext, edition: Edition) -> ArticleView:
    """A report as an edition shows it: its figures, and its summary when the edition asks."""
    view = report_view(report, page, with_body=report.key in edition.report_bodies)
    return ArticleView(
        "report",
        f"report-{report.key}",
        page.t("report"),
        view.title,
        view.lead,
        url=view.url,
        body_html=view.figures_html + view.body_html,
        byline=view.byline,
        lang=view.lang,
        findings=view.findings,
    )


def article_article(article: Article, page: RenderContext, edition: Edition) -> ArticleView:
    """An article written for the edition, whole."""
    text = article.text(page.lang)
    return ArticleView(
        "article",
        article.key,
        page.text(text.fields.kicker, text.lang),
        page.text(text.fields.title, text.lang),
        page.text(text.fields.lead, text.lang),
        body_html=page.body(article),
        byline=byline(page.site, article.meta.byline, page.lang, text.lang),
        lang=text.lang,
    )


def edition_title(edition: Edition, lang: str) -> str:
    """An edition's page title: its number and theme."""
    theme = edition.text(lang).fields.theme
    return f"{l10n.t(lang, 'edition_number', number=edition.meta.number)}: {theme}"


def edition_view(
    edition: Edition,
    page: RenderContext,
    article: Callable[[Bundle, RenderContext, Edition], ArticleView],
) -> EditionView:
    """An edition's page, which shows each of its articles as `article` makes it."""
    card = edition_card(edition, page)
    text = edition.text(page.lang)
    intro = page.render(text.body, text.lang) if text.body.strip() else Markup()
    return EditionView(
        **vars(card),
        intro_html=intro,
        articles=[article(a, page, edition) for a in edition.articles],
        translation=translation(edition, page),
        pdf=page.pdf,
        email_url=page.email_url,
        draft_banner=draft_texts(edition, page)["draft_banner"],
    )


# -- home -------------------------------------------------------------------------------------


@dataclass
class HomeView:
    edition: EditionCard | None
    stories: list[StoryCard]
    report: ReportView | None
    stories_url: str


def home_view(site: Site, page: RenderContext, shown: HomeSelection) -> HomeView:
    return HomeView(
        edition=edition_card(shown.edition, page) if shown.edition else None,
        stories=[story_card(s, page) for s in shown.stories],
        report=report_view(shown.report, page, with_body=False) if shown.report else None,
        stories_url=Story.index_url(page.lang, site.languages),
    )


@dataclass
class EditionsIndex:
    """One page of the editions archive."""

    editions: list[EditionCard]
    pager: Pager


def editions_index(site: Site, page: RenderContext, shown: Selection[Edition]) -> EditionsIndex:
    cards = [edition_card(e, page) for e in shown.items]
    return EditionsIndex(cards, pager(Edition.section, shown.total, page))


def reports_index(site: Site, page: RenderContext, shown: Selection[Report]) -> list[ReportView]:
    return [report_view(r, page, with_body=False) for r in shown.items]


@dataclass
class OrganisationView:
    """The organisation's details in one language, as every web page's footer, the printed
    back page and the e-mail give them. Paths are site-relative (the template makes them
    relative to the page)."""

    name: str
    newsletter: str  # "Ankerpunt Nieuws"
    tagline: str
    address: str
    email: str
    phone: str
    phone_href: str  # tel:+3220000000
    iban: str
    bic: str
    tax_note: str
    signup_text: str  # "Ontvang Ankerpunt Nieuws"
    signup_href: str  # https://... or mailto:...
    support_path: str
    privacy_path: str
    feed_path: str


def organisation_view(site: Site, lang: str, feed_path: str = "") -> OrganisationView:
    """The organisation's details in `lang`; `feed_path` is the language's feed (the web)."""
    org = site.organisation
    newsletter = org.newsletter.get(lang)
    subject = l10n.t(lang, "footer_signup_subject", name=newsletter)
    signup = org.newsletter_signup or f"mailto:{org.email}?subject={quote(subject)}"

    def text(value: str) -> str:
        return l10n.text_typography(value, lang)

    return OrganisationView(
        name=text(org.name),
        newsletter=text(newsletter),
        tagline=text(org.tagline.get(lang)),
        address=text(org.address),
        email=org.email,
        phone=org.phone,
        phone_href="tel:" + re.sub(r"[^+0-9]", "", org.phone),
        iban=org.iban,
        bic=org.bic,
        tax_note=text(org.tax_note.get(lang)),
        signup_text=text(l10n.t(lang, "footer_signup", name=newsletter)),
        signup_href=signup,
        support_path=localized_url("support/", lang, site.languages),
        privacy_path=localized_url("privacy/", lang, site.languages),
        feed_path=feed_path,
    )


@dataclass
class NotFoundView:
    """The 404 text in one language, with absolute links (a 404 is served at any depth)."""

    lang: str
    prefix: str  # the language's path prefix: "/" or "/fr/"
    title: str
    text: str
    home: str
    home_label: str
    stories: str
    stories_label: str


def not_found_views(base_path: str, shown: list[str], languages: Languages) -> list[NotFoundView]:
    """The 404 page's text in each of `shown`, in that order, on a site in `languages`;
    `base_path` is the path of the site's root on its host ("/")."""
    root = base_path.rstrip("/") + "/"
    return [
        NotFoundView(
            lang=lang,
            prefix=root + localized_url("", lang, languages),
            title=l10n.t(lang, "not_found_title"),
            text=l10n.t(lang, "not_found_text"),
            home=root + localized_url("", lang, languages),
            home_label=l10n.t(lang, "not_found_home"),
            stories=root + Story.index_url(lang, languages),
            stories_label=l10n.t(lang, "not_found_stories"),
        )
        for lang in shown
    ]
