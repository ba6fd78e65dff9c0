"""An edition and a language in, the print HTML out: the same views and Markdown as the website,
with photos as print variants and the print-only shapes (drop cap, masthead, back page)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2

from ..content import l10n
from ..content.bundles import Article, Bundle, Edition, Report, Site, Story
from ..content.markdown import IMAGE_RE, render
from ..content.partials import partial
from ..content.views import (
    ArticleView,
    Byline,
    Fallback,
    Page,
    ReportView,
    StoryView,
    article_view,
    byline,
    edition_card,
    report_view,
    story_view,
    translation,
)
from ..images import inspect
from .fonts import truetype_face_css
from .layout import MM_PER_INCH, PHOTO_PAGE_HEIGHT, Placement, page_css, placed_width, placement
from .photos import Photos
from .settings import PdfOptions

STYLESHEET = resources.files(__package__) / "styles" / "print.css"
TEMPLATES = resources.files(__package__) / "templates"

#: An article without photos and shorter than this (characters of Markdown) is set larger.
SHORT_TEXT = 2600
#: Pages that may pad the newsletter to a multiple of four, most useful first.
FILLERS = ("support", "coupon", "photo")

_FIRST_PARAGRAPH = re.compile(r"<p>((?:<(?:strong|em)>)?)([«“„\"‘'(]*\w)")
_HEADING = re.compile(r"<(/?)h([1-5])\b")
_HEADED_SPANNER = re.compile(
    r"(<h([3-6])[^>]*>(?:(?!</h).)*</h\2>\s*)"
    r'(<ul class="key-figures">.*?</ul>|<figure class="(?:pullquote|photo wide)">.*?</figure>)',
    re.S,
)
_WIDE_PHOTO = re.compile(r'<figure class="photo wide">.*?</figure>', re.S)


def drop_cap(body_html: str) -> str:
    """Wrap the first letter of the body's first paragraph in `<span class="dropcap">` (a
    floated `::first-letter` crashes WeasyPrint inside columns); no drop cap when the body does
    not open with a plain paragraph."""
    first = body_html.find("<p")
    match = _FIRST_PARAGRAPH.match(body_html, first) if first >= 0 else None
    if match is None:
        return body_html
    start, end = match.span(2)
    letter = f'<span class="dropcap">{match.group(2)}</span>'
    return f'{body_html[:first]}<p class="first">{match.group(1)}{letter}{body_html[end:]}'


def demote_headings(body_html: str) -> str:
    """Body headings one level down: in print the article title is the `<h2>`."""
    return _HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", body_html)


def keep_with_next(body_html: str) -> str:
    """A heading directly above key figures, a pull quote or a wide photo spans the columns with
    it: otherwise it stays at the foot of a column while the block goes to the next page."""
    return _HEADED_SPANNER.sub(r'<div class="spanning">\1\3</div>', body_html)


def lead_photo(body_html: str) -> tuple[str, str]:
    """Take an article's first wide photo out of the text to lead it, as in print magazines:
    a photo across both columns further down leaves a gap when it does not fit on the page."""
    match = _WIDE_PHOTO.search(body_html)
    if match is None:
        return "", body_html
    return match.group(0), body_html[: match.start()] + body_html[match.end() :]


def print_body(body_html: str) -> str:
    """The print shapes of an article body (see the functions above)."""
    return keep_with_next(drop_cap(demote_headings(body_html)))


@dataclass(kw_only=True)
class PrintPage(Page):
    """A `Page` whose photos are print variants, sized by their role in the bundle (cover:
    edge to edge, portrait: one column, in the text: both columns); remembers whom it credits."""

    options: PdfOptions
    photos: Photos
    photographers: dict[str, None] = field(default_factory=dict)

    def picture(
        self, bundle: Bundle, name: str, alt: str, caption: str = "", sizes: str = ""
    ) -> str:
        """The views' photos, placed by their role; `sizes` is for browsers only."""
        return self.photo(bundle, name, alt, caption, placement(bundle, name))

    def photo(
        self,
        bundle: Bundle,
        name: str,
        alt: str,
        caption: str,
        placement: Placement,
        height: float | None = None,
    ) -> str:
        """A `<figure>` with the photo at its placed width (and `height` in mm, cropped around
        its focus point when given) and its caption and credit."""
        src = bundle.folder / name
        width = placed_width(placement, self.options)
        style = f"width:{width:.2f}mm"
        drawn = width  # the width of the whole photo on paper, cropped parts included
        if height is not None:
            pixels_wide, pixels_high = inspect(src)
            drawn = max(width, height * pixels_wide / pixels_high)
            style += f";height:{height:.2f}mm"
        meta = bundle.meta.photos.get(name)
        x, y = meta.focus if meta and meta.focus else (0.5, 0.5)
        # Heights are capped by the stylesheet or given here; `object-fit: cover` then crops.
        style += f";object-position:{x:.0%} {y:.0%}"
        if meta is not None:
            self.photographers[self.photographer(meta)] = None
        return _environment().get_template("_photo.html").render(
            placement=placement,
            src=self.photos.token(src, drawn),
            alt=alt,
            style=style,
            caption_html=partial("figcaption.html", **self.caption(caption, name, bundle)),
        )


@dataclass
class Item:
    """One article of the edition as printed: its kind picks the template."""

    kind: str  # "article", "story" or "report"
    anchor: str
    kicker: str
    title: str
    lang: str
    view: ArticleView | StoryView | ReportView
    body_html: str
    translation: Fallback | None  # the note shown when the text is in the other language
    short: bool = False  # a short text without photos (an editorial), set larger
    photo_html: str = ""  # the lead photo, across the page under the title


@dataclass
class BackPage:
    """Contact, donation and colophon details for the last page."""

    name: str
    tagline: str
    address: str
    email: str
    phone: str
    iban: str
    bic: str
    tax_note: str
    editor: Byline | None
    photographers: list[str]
    printer: str


class EditionHtml:
    """The print HTML of one edition in one language: the main document (cover and articles),
    then the pages after it (fillers and the back page), built once the main one is laid out."""

    def __init__(
        self, site: Site, edition: Edition, lang: str, options: PdfOptions, cache_dir: Path
    ) -> None:
        self.site = site
        self.edition = edition
        self.lang = lang
        self.options = options
        photos = Photos(options, cache_dir / "images", site.root)
        self.page = PrintPage(site, lang, {}, "", options=options, photos=photos)
        self.stylesheet = (
            page_css(options) + truetype_face_css(cache_dir) + STYLESHEET.read_text("utf-8")
        )
        self._env = _environment()

    def main(self) -> str:
        """Cover page (masthead, cover photo, contents) and every article."""
        items = [self._item(a) for a in self._articles()]
        card = edition_card(self.edition, self.page)
        text = self.edition.text(self.lang)
        intro = render(text.body, self.lang, lambda *_: "") if text.body.strip() else ""
        return self._render(
            "edition.html",
            edition=card,
            number=self.edition.meta.number,
            intro_html=intro,
            items=items,
        )

    def back(self, first_page: int, fillers: list[str]) -> str:
        """The filler pages named in `fillers`, then the back page, numbered from `first_page`."""
        org = self.site.organisation
        back = BackPage(
            name=org.name,
            tagline=org.tagline.get(self.lang),
            address=org.address,
            email=org.email,
            phone=org.phone,
            iban=org.iban,
            bic=org.bic,
            tax_note=org.tax_note.get(self.lang),
            editor=byline(self.site, org.editor, self.lang),
            photographers=list(self.page.photographers),
            printer=org.printer,
        )
        photo = self._filler_photo() if "photo" in fillers else ""
        return self._render(
            "back.html", first_page=first_page, fillers=fillers, back=back, photo_html=photo
        )

    def filler_description(self, name: str) -> str:
        """What a filler page is, for the command output."""
        return l10n.t(self.lang, f"filler_{name}")

    def _render(self, template: str, **context: Any) -> str:
        org = self.site.organisation
        newsletter = org.newsletter.get(self.lang)
        number = l10n.t(self.lang, "edition_number", number=self.edition.meta.number)
        text = self.edition.text(self.lang).fields
        html = self._env.get_template(template).render(
            lang=self.lang,
            t=functools.partial(l10n.t, self.lang),
            variant=self.options.variant,
            title=f"{newsletter} {self.edition.meta.number} – {text.theme}",
            author=org.name,
            subject=f"{number} · {text.season} · {text.theme}",
            footer=f"{newsletter} · {number} · {text.season}",
            organisation=org.name,
            newsletter=newsletter,
            **context,
        )
        return self.page.photos.resolve(l10n.typography_in_body(html, self.lang))

    def _item(self, bundle: Bundle) -> Item:
        """One article as printed: its view, its print body and, for an article, its lead photo."""
        if isinstance(bundle, Story):
            view: Any = story_view(bundle, self.page)
            kicker = self.page.t("testimony")
        elif isinstance(bundle, Report):
            view = report_view(bundle, self.page, with_body=False)
            kicker = self.page.t("report")
        else:
            view = article_view(bundle, self.page)
            kicker = view.kicker
        kind = {Story: "story", Report: "report", Article: "article"}[type(bundle)]
        body = bundle.text(self.lang).body
        item = Item(
            kind,
            f"{kind}-{bundle.key}",
            kicker,
            view.title,
            view.lang,
            view,
            print_body(view.body_html),
            translation(bundle, self.page),
            short=kind == "article" and len(body) < SHORT_TEXT and not IMAGE_RE.search(body),
        )
        if kind == "article":
            item.photo_html, item.body_html = lead_photo(item.body_html)
        return item

    def _articles(self) -> list[Bundle]:
        """The articles in print order; a testimony without consent for print is left out."""
        return [
            a for a in self.edition.articles if not isinstance(a, Story) or a.published("print")
        ]

    def has_photo(self) -> bool:
        """Whether the articles have a photo for a photo page."""
        return bool(self._body_photos())

    def _body_photos(self) -> list[tuple[Bundle, re.Match[str]]]:
        return [
            (bundle, match)
            for bundle in self._articles()
            for match in IMAGE_RE.finditer(bundle.text(self.lang).body)
        ]

    def _filler_photo(self) -> str:
        """The widest photo of the articles, edge to edge: as tall as the page allows while,
        cropped at the sides, it keeps its planned resolution."""

        sized = [
            (bundle, match, inspect(bundle.folder / match.group("src").strip("<>")))
            for bundle, match in self._body_photos()
        ]
        bundle, match, (pixels_wide, pixels_high) = max(sized, key=lambda s: s[2][0] / s[2][1])
        natural = placed_width("full", self.options) * pixels_high / pixels_wide
        sharp = pixels_high / self.options.ppi * MM_PER_INCH  # its height at the planned ppi
        height = min(PHOTO_PAGE_HEIGHT, max(natural, sharp))
        name = match.group("src").strip("<>")
        caption = match.group("title") or ""
        return self.page.photo(bundle, name, match.group("alt"), caption, "full", height)


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
