"""An edition and a language in, the print HTML out: the same views and Markdown as the website,
with photos as print variants and the print-only shapes (drop cap, masthead, back page)."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from markupsafe import Markup, escape

from jrs_site.images import inspect
from jrs_site.model.bundles import (
    Bundle,
    Edition,
    Site,
    photo_file,
    photos_in,
)
from jrs_site.outputs.names import report_pdf_path
from jrs_site.outputs.pdf.fonts import with_fonts
from jrs_site.outputs.pdf.layout import (
    MM_PER_INCH,
    PHOTO_PAGE_HEIGHT,
    Placement,
    page_css,
    placed_width,
    placement,
)
from jrs_site.outputs.pdf.photos import PrintPhotos
from jrs_site.outputs.pdf.settings import PdfOptions
from jrs_site.render import bidi, l10n
from jrs_site.render.kinds import in_edition
from jrs_site.render.markdown import render
from jrs_site.render.partials import document_templates, partial
from jrs_site.render.views import (
    ArticleView,
    Byline,
    RenderContext,
    ReportView,
    StoryView,
    TranslationNote,
    byline,
    edition_card,
    organisation_view,
    translation,
)

STYLESHEET = resources.files(__package__) / "styles" / "print.css"
TEMPLATES = resources.files(__package__) / "templates"

#: An article without photos and shorter than this (characters of Markdown) is set larger.
SHORT_TEXT = 2600
#: A text longer than this (characters of Markdown) starts on a new page: a long feature reads
#: from the top of a page, a short one follows the article before it in the columns.
LONG_TEXT = 6000
#: A story headline longer than this (characters) runs across the page above the portrait:
#: beside it, in one column, it would take six lines.
LONG_HEADLINE = 70

_FIRST_PARAGRAPH = re.compile(
    r'<p((?: (?:dir|lang)="[^"]*")*)>((?:<(?:strong|em)>)?)([«“„"‘\'(]*\w)'
)
#: Scripts whose letters join the next one, beside those of bidirectional class AL (Arabic,
#: Syriac, Thaana): a drop cap would tear the first letter off its word.
_JOINING = ("NKO ", "MONGOLIAN ", "ADLAM ", "MANDAIC ", "PHAGS-PA ", "MANICHAEAN ", "SOGDIAN ")
_HEADING = re.compile(r"<(/?)h([1-5])\b")
_HEADED_SPANNER = re.compile(
    r"(<h([3-6])[^>]*>(?:(?!</h).)*</h\2>\s*)"
    r'(<ul class="key-figures">.*?</ul>|<figure class="(?:pullquote|photo wide)">.*?</figure>)',
    re.S,
)
_WIDE_PHOTO = re.compile(r'<figure class="photo wide">.*?</figure>', re.S)
_FIGURE = re.compile(r"<figure\b.*?</figure>", re.S)
#: A capitalised word long enough to be hyphenated: a name, most often ("Toge-ther").
_NAME = re.compile(r"(?<![\w’'-])([A-ZÀ-ÖØ-Þ][^\W\d_]{5,}(?:[-’'][^\W\d_]+)*)")
#: A web or e-mail address in running text, without the punctuation of the sentence after it.
_ADDRESS = re.compile(r"(?:\bhttps?://|\bwww\.|[\w.+-]+@)[^\s<>\"]*[^\s<>\".,;:!?)\]’”»]")
#: Where an address may break: after a `/` or `.` (after the last of several).
_ADDRESS_BREAK = re.compile(r"(?<=[/.])(?![/.])")


#: A salutation on a line of its own ("Beste lezer,", "Chère lectrice, cher lecteur,").
_SALUTATION = re.compile(r"<p>[^<]{1,60},</p>")


def drop_cap(body_html: str) -> str:
    """Wrap the first letter of the body's first paragraph (with its accents) in `<span
    class="dropcap">` (a floated `::first-letter` crashes WeasyPrint inside columns), or of
    the paragraph after a salutation; no drop cap when the body does not open with a plain
    paragraph, nor in a pull quote or a caption, nor on a letter that joins the next (Arabic,
    N'Ko, Mongolian...)."""
    figures = [m.span() for m in _FIGURE.finditer(body_html)]
    paragraphs = [m.start() for m in re.finditer(r"<p[ >]", body_html)]
    plain = [p for p in paragraphs if not any(a <= p < b for a, b in figures)]
    first = plain[0] if plain else -1
    if len(plain) > 1 and _SALUTATION.match(body_html, first):
        first = plain[1]  # "Beste lezer," stands alone: the letter opens the text after it
    match = _FIRST_PARAGRAPH.match(body_html, first) if first >= 0 else None
    if match is None or _joins(match.group(3)[-1]):
        return body_html
    end = match.end(3)  # the letter's accents and vowel signs go with it
    while end < len(body_html) and unicodedata.category(body_html[end]).startswith("M"):
        end += 1
    span = f'<span class="dropcap">{body_html[match.start(3) : end]}</span>'
    rest = body_html[end:]
    return f'{body_html[:first]}<p class="first"{match.group(1)}>{match.group(2)}{span}{rest}'


def _joins(letter: str) -> bool:
    """Whether `letter` belongs to a script whose letters join (see `_JOINING`)."""
    name = unicodedata.name(letter, "")
    return unicodedata.bidirectional(letter) == "AL" or name.startswith(_JOINING)


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


def break_addresses(html: str) -> str:
    """Each address in the text as unbreakable parts with a `<wbr>` after each `/` and `.`: an
    address is never hyphenated (a reader would type the hyphen) and breaks only there."""
    return l10n.in_text(html, lambda text: _ADDRESS.sub(lambda m: _parts(m.group(0)), text))


def address(text: str) -> Markup:
    """A template's address (plain text), set as `break_addresses` sets one in the text."""
    return Markup(_parts(str(escape(text))))  # noqa: S704 - escaped


def _parts(address_html: str) -> str:
    pieces = (f"<span>{p}</span>" for p in _ADDRESS_BREAK.split(address_html) if p)
    return f'<span class="address">{"<wbr>".join(pieces)}</span>'


def keep_names_whole(html: str) -> str:
    """Capitalised words in `<span class="name">`, which the stylesheet never hyphenates:
    names of people, places and programmes read whole. Not in text that reads mostly right to
    left: there "Brussel (België)" must stay one run of the other direction, or each name is
    set apart and the words come out reversed ("(België) Brussel")."""

    def names(text: str) -> str:
        if bidi.direction_of(text) == "rtl":
            return text
        return _NAME.sub(r'<span class="name">\1</span>', text)

    return l10n.in_text(html, names)


def print_body(body_html: str) -> str:
    """The print shapes of an article body (see the functions above)."""
    # The drop cap before names: a name's `<span>` would hide the paragraph's first letter
    # from it; addresses before both: no drop cap on an address, no name inside one.
    body = drop_cap(break_addresses(demote_headings(body_html)))
    return keep_with_next(keep_names_whole(body))


@dataclass(kw_only=True)
class PrintContext(RenderContext):
    """A `RenderContext` whose photos are print variants, sized by their role in the bundle (cover:
    edge to edge, portrait: one column, in the text: both columns)."""

    options: PdfOptions
    photos: PrintPhotos

    def picture(
        self, bundle: Bundle, name: str, alt: str, caption: str = "", sizes: str = ""
    ) -> Markup:
        """The views' photos, placed by their role; `sizes` is for browsers only."""
        return Markup(self.photo(bundle, name, alt, caption, placement(bundle, name)))  # noqa: S704 - a template's HTML

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
        return (
            document_templates(str(TEMPLATES))
            .get_template("_photo.html")
            .render(
                placement=placement,
                src=self.photos.token(src, drawn),
                alt=alt,
                style=style,
                caption_html=partial("figcaption.html", **self.caption(caption, name, bundle)),
            )
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
    translation: TranslationNote | None  # the note shown when the text is in the other language
    short: bool = False  # a short text without photos (an editorial), set larger
    photo_html: str = ""  # the lead photo, across the page under the title
    new_page: bool = False  # starts on a new page (see `starts_page`)
    wide_title: bool = False  # a story headline across the page, above the portrait


def anchor(bundle: Bundle) -> str:
    """The id of an article in the print HTML: `story-farid-mariam`."""
    return f"{bundle.kind}-{bundle.key}"


def starts_page(bundle: Bundle, lang: str) -> bool:
    """Whether an article starts on a new page: one opening with its lead photo (a
    testimony's portrait needs the height of a page), and a long text; every other one
    follows in the columns."""
    return bundle.lead_photo() is not None or len(bundle.text(lang).body) > LONG_TEXT


@dataclass
class Mailing:
    """The postal panel of the back page: sender, postage indication, permit number."""

    sender: str
    indication: str
    permit: str


@dataclass
class BackPage:
    """Contact, donation and colophon details for the last page, and the texts of the pages
    that complete the booklet (the edition's own, else the organisation's, else standard)."""

    editor: Byline | None
    photographers: list[str]
    printer: str
    support_intro: str
    coupon_intro: str
    next_intro: str
    donate: bool  # the account on the back page: not when the support page already gives it
    mailing: Mailing | None  # print only


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
        photos = PrintPhotos(options, cache_dir / "images", site.root)
        self.page = PrintContext(site, lang, {}, "", options=options, photos=photos)
        if options.site_url:  # a report's full PDF, published with the site: by its address
            self.page.report_pdfs = {
                report.key: urljoin(options.site_url, report_pdf_path(report, linked))
                for report in site.reports.values()
                if (linked := report.pdf_for(lang)) is not None
            }
        self.stylesheet = page_css(options) + with_fonts(cache_dir, STYLESHEET.read_text("utf-8"))
        self._env = document_templates(str(TEMPLATES))

    def main(self, flowing: Collection[str] = (), compact: bool = False) -> str:
        """Cover page (masthead, cover photo, contents) and every article; the articles whose
        anchors are in `flowing` follow the one before them even where `starts_page` would
        start a new page. A `compact` cover has a smaller photo and its contents in two
        columns, for a long theme or many articles."""
        items = [
            replace(item, new_page=item.new_page and item.anchor not in flowing)
            for item in self._items
        ]
        return self._edition(items, compact, articles=True)

    def cover(self) -> str:
        """The cover page alone (not compact), its contents listing every article: laid out on
        its own, it tells whether the cover runs onto a second page, and the articles are
        laid out once, knowing whether the cover must be compact."""
        return self._edition(self._items, compact=False, articles=False)

    def _edition(self, items: list[Item], compact: bool, articles: bool) -> str:
        card = edition_card(self.edition, self.page)
        text = self.edition.text(self.lang)
        intro = render(text.body, self.lang, lambda *_: "") if text.body.strip() else ""
        return self._render(
            "edition.html",
            edition=card,
            number=self.edition.meta.number,
            intro_html=intro,
            items=items,
            compact=compact,
            articles=articles,
        )

    @functools.cached_property
    def _items(self) -> list[Item]:
        """The articles as printed, made once for every layout of the edition."""
        return [self._item(a) for a in self._articles()]

    def page_breaks(self) -> list[str]:
        """The anchors of the articles after the first that start a new page by
        `starts_page`."""
        return [anchor(a) for a in self._articles()[1:] if starts_page(a, self.lang)]

    def back(self, first_page: int, fillers: Collection[str]) -> str:
        """The filler pages named in `fillers`, then the back page, numbered from `first_page`."""
        org = self.site.organisation
        mailing = None
        if org.mailing is not None and self.options.is_print:
            mailing = Mailing(
                org.mailing.sender, org.mailing.indication.get(self.lang), org.mailing.permit
            )
        back = BackPage(
            editor=byline(self.site, self.edition.meta.publisher or org.editor, self.lang),
            photographers=self._photographers(),
            printer=org.printer,
            support_intro=self._text("support_intro"),
            coupon_intro=self._text("coupon_intro"),
            next_intro=self._text("next_intro"),
            donate="support" not in fillers,
            mailing=mailing,
        )
        photo = self._filler_photo() if "photo" in fillers else ""
        return self._render(
            "back.html", first_page=first_page, fillers=fillers, back=back, photo_html=photo
        )

    def _photographers(self) -> list[str]:
        """Who took the photos the edition prints (the cover, then each article's lead photo
        and the photos in its text), each once, in order of appearance."""
        found: dict[str, None] = {}
        for bundle in (self.edition, *self._articles()):
            lead = bundle.lead_photo()
            text = "" if bundle is self.edition else bundle.text(self.lang).body  # cover only
            body = [photo_file(m) for m in photos_in(text)]
            for name in ([lead] if lead else []) + body:
                meta = bundle.meta.photos.get(name)
                if meta is not None:
                    found[self.page.photographer(meta)] = None
        return list(found)

    def _text(self, name: str) -> str:
        """A text of the pages after the articles: the edition's, the organisation's, or the
        standard one."""
        org = self.site.organisation
        own = getattr(self.edition.text(self.lang).fields, name)
        default = getattr(org, name)
        if own or default:
            text: str = own or default.get(self.lang)
            return text
        return l10n.t(self.lang, name, address=org.address, email=org.email)

    def filler_description(self, name: str) -> str:
        """What a filler page is, for the command output."""
        return l10n.t(self.lang, f"filler_{name}")

    def _render(self, template: str, **context: Any) -> str:
        org = organisation_view(self.site, self.lang)
        number = l10n.t(self.lang, "edition_number", number=self.edition.meta.number)
        text = self.edition.text(self.lang).fields
        html = self._env.get_template(template).render(
            lang=self.lang,
            t=functools.partial(l10n.t, self.lang),
            address=address,
            variant=self.options.variant,
            title=f"{org.newsletter} {self.edition.meta.number} – {text.theme}",
            # Metadata in attributes, which the typography step leaves as they are.
            author=l10n.text_typography(org.name, self.lang, self.site.languages),
            subject=l10n.text_typography(
                f"{number} · {text.season} · {text.theme}", self.lang, self.site.languages
            ),
            footer=f"{org.newsletter} · {number} · {text.season}",
            org=org,
            **context,
        )
        return self.page.photos.resolve(l10n.typeset(html, self.lang, self.site.languages))

    def _item(self, bundle: Bundle) -> Item:
        """One article as printed: its view, its print body and, for an article, its lead photo."""
        role = in_edition(bundle)
        view, kicker = role.printed(bundle, self.page, self.edition)
        body = bundle.text(self.lang).body
        item = Item(
            bundle.kind,
            anchor(bundle),
            kicker,
            view.title,
            view.lang,
            view,
            print_body(view.body_html),
            translation(bundle, self.page),
            short=role.own_layout and len(body) < SHORT_TEXT and not any(photos_in(body)),
            new_page=starts_page(bundle, self.lang),
            wide_title=role.title_across and len(view.title) > LONG_HEADLINE,
        )
        if role.own_layout:
            item.photo_html, item.body_html = lead_photo(item.body_html)
        return item

    def _articles(self) -> list[Bundle]:
        """The articles in print order; a testimony without consent for print is left out."""
        return self.edition.articles_in("print")

    def has_photo(self) -> bool:
        """Whether the articles have a photo for a photo page."""
        return bool(self._body_photos())

    def _body_photos(self) -> list[tuple[Bundle, re.Match[str]]]:
        return [
            (bundle, match)
            for bundle in self._articles()
            for match in photos_in(bundle.text(self.lang).body)
        ]

    def _filler_photo(self) -> str:
        """The widest photo of the articles, edge to edge: as tall as the page allows while,
        cropped at the sides, it keeps its planned resolution."""

        sized = [
            (bundle, match, inspect(bundle.folder / photo_file(match)))
            for bundle, match in self._body_photos()
        ]
        bundle, match, (pixels_wide, pixels_high) = max(sized, key=lambda s: s[2][0] / s[2][1])
        natural = placed_width("full", self.options) * pixels_high / pixels_wide
        sharp = pixels_high / self.options.ppi * MM_PER_INCH  # its height at the planned ppi
        height = min(PHOTO_PAGE_HEIGHT, max(natural, sharp))
        caption = match.group("title") or ""
        return self.page.photo(
            bundle, photo_file(match), match.group("alt"), caption, "full", height
        )
