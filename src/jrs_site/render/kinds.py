"""Every kind of page and of content, in one place: what each shows, and how.

- A **content kind** (`ContentKind`) is a kind of item (a `Bundle` class) and what each
  output does with it: its own page on the website (`ItemPages`: which items have one, its
  template, its view), and, when an edition can hold it, how the edition shows it among its
  articles on its page and in the e-mail, how it prints, and what its e-mail teaser is cut
  from (`InEdition`).
- An **index kind** (`IndexKind`) is a page that lists items: its template, the items its
  page `number` shows (`select`), how many pages it has, and its view, made from that
  selection. `serve`'s fingerprint of a page is the same selection's `key`, so what a page
  shows and what makes it again are the same by construction.

Adding a content kind is one schema (`model/schemas.py`), one `Bundle` class, one
`ContentKind` below and its templates.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

from markupsafe import Markup

from jrs_site.model.bundles import Article, Bundle, Edition, Report, Site, Story, localized_url
from jrs_site.render import l10n
from jrs_site.render.archive import Listing, listings
from jrs_site.render.views import (
    ArticleView,
    RenderContext,
    article_article,
    edition_title,
    edition_view,
    editions_index,
    home_view,
    index_page_path,
    listing_view,
    on_page,
    page_count,
    report_article,
    report_view,
    reports_index,
    stories_index,
    story_article,
    story_view,
)
from jrs_site.util.files import value_digest

# -- what a page shows --------------------------------------------------------------------


ItemT = TypeVar("ItemT", bound=Bundle)


@dataclass(frozen=True)
class Selection(Generic[ItemT]):
    """What one page shows of the content: the items whose content it shows, and what it shows
    of whole lists (which items in which order, how many each listing holds)."""

    items: tuple[ItemT, ...] = ()
    lists: tuple[object, ...] = ()
    total: int = 0  # how many items the whole list holds: its pager counts pages from it

    def key(self, site: Site) -> tuple[object, ...]:
        """What changes when the page must be made again: the digest of each item's sources
        (`Site.digest`) and the lists."""
        return (tuple((i.key, site.digest(i.folder)) for i in self.items), self.lists)


@dataclass(frozen=True)
class HomeSelection(Selection[Bundle]):
    """The home page's: the latest edition, the latest testimonies and the latest report."""

    edition: Edition | None = None
    stories: tuple[Story, ...] = ()
    report: Report | None = None


# -- content kinds --------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemPages:
    """The website's page of each item of a kind."""

    template: str
    listed: Callable[[Site], Sequence[Bundle]]  # the items that have a page, in order
    view: Callable[[Any, RenderContext], Any]
    title: Callable[[Any, str], str] = lambda item, lang: item.text(lang).fields.title


@dataclass(frozen=True)
class InEdition:
    """What an item of a kind is as an article of an edition."""

    #: On the edition's page and in its e-mail: its `ArticleView`.
    article: Callable[[Any, RenderContext, Edition], ArticleView]
    #: As printed: the view its print template shows, and the kicker over its title.
    printed: Callable[[Any, RenderContext, Edition], tuple[Any, str]]
    #: What its e-mail teaser is cut from, given its article view.
    teaser: Callable[[Any, ArticleView, RenderContext], Markup] = lambda item, view, page: (
        view.body_html
    )
    #: Print: a long headline runs across the page, over its portrait.
    title_across: bool = False
    #: Print: its first photo is set across the page under its title, and its text, when
    #: short and without photos, larger (an editorial).
    own_layout: bool = False


@dataclass(frozen=True)
class ContentKind:
    """A kind of content item and what each output does with it."""

    bundle: type[Bundle]
    page: ItemPages | None = None  # None: no page of its own (an article is on its edition's)
    in_edition: InEdition | None = None  # None: an edition cannot hold it
    #: Where print puts its lead photo (`Bundle.lead_photo`): across the page and the bleed
    #: (a cover), or in a column (a portrait).
    lead_print: Literal["full", "column"] = "column"

    @property
    def name(self) -> str:
        """`story`: its templates' and anchors' name."""
        return self.bundle.kind

    def shows(self, item: Bundle) -> Selection[Bundle]:
        """What the item's page shows: the item, and an edition's articles."""
        return Selection((item, *self.articles(item)))

    @staticmethod
    def articles(item: Bundle) -> list[Bundle]:
        return list(item.articles) if isinstance(item, Edition) else []


def _story_printed(story: Story, page: RenderContext, edition: Edition) -> tuple[Any, str]:
    return story_view(story, page), page.t("testimony")


def _report_printed(report: Report, page: RenderContext, edition: Edition) -> tuple[Any, str]:
    view = report_view(report, page, with_body=report.key in edition.report_bodies)
    return view, page.t("report")


def _article_printed(article: Article, page: RenderContext, edition: Edition) -> tuple[Any, str]:
    view = article_article(article, page, edition)
    return view, view.kicker


def _story_teaser(story: Story, view: ArticleView, page: RenderContext) -> Markup:
    """A testimony's teaser is cut from its story (its article view is a card)."""
    return page.body(story)


def _report_teaser(report: Report, view: ArticleView, page: RenderContext) -> Markup:
    """A report's from its summary, or without one from its key figures."""
    return view.body_html or report_view(report, page, with_body=False).figures_html


def _edition_page(edition: Edition, page: RenderContext) -> Any:
    """An edition's page, with each article as `edition_article` makes it."""
    return edition_view(edition, page, edition_article)


STORY = ContentKind(
    Story,
    ItemPages("testimony.html", lambda site: site.published_stories("web"), story_view),
    InEdition(story_article, _story_printed, _story_teaser, title_across=True),
)
EDITION = ContentKind(
    Edition,
    ItemPages("edition.html", lambda site: site.published_editions(), _edition_page, edition_title),
    lead_print="full",
)
REPORT = ContentKind(
    Report,
    ItemPages("report.html", lambda site: site.published_reports(), report_view),
    InEdition(report_article, _report_printed, _report_teaser),
)
ARTICLE = ContentKind(
    Article, in_edition=InEdition(article_article, _article_printed, own_layout=True)
)
#: Every content kind; the items with pages in the order the website lists them.
CONTENT: tuple[ContentKind, ...] = (STORY, EDITION, REPORT, ARTICLE)
_BY_CLASS = {kind.bundle: kind for kind in CONTENT}


def kind_of(item: Bundle) -> ContentKind:
    """The content kind of `item`."""
    return _BY_CLASS[type(item)]


def in_edition(item: Bundle) -> InEdition:
    """What `item` is as an article of an edition (loading allows no other kind there)."""
    role = kind_of(item).in_edition
    if role is None:
        raise TypeError(f"an edition cannot hold the {item.kind} {item.key!r}")
    return role


def edition_article(item: Bundle, page: RenderContext, edition: Edition) -> ArticleView:
    """`item` as `edition` shows it among its articles, on its page and in its e-mail."""
    return in_edition(item).article(item, page, edition)


def item_pages(item: Bundle) -> ItemPages:
    """The page of `item` (only items with a page of their own have one)."""
    pages = kind_of(item).page
    if pages is None:
        raise TypeError(f"the {item.kind} {item.key!r} has no page of its own")
    return pages


def item_title(item: Bundle, lang: str) -> str:
    """The page title of an item: its title, or for an edition its number and theme."""
    return item_pages(item).title(item, lang)


def item_description(item: Bundle, lang: str) -> str:
    return getattr(item.text(lang).fields, "lead", "") or item_title(item, lang)


def published_items(site: Site) -> list[Bundle]:
    """Every item that gets a page on the website."""
    return [item for kind in CONTENT if kind.page for item in kind.page.listed(site)]


def photos_needed(site: Site) -> set[Path]:
    """Every photo a published web page shows (and nothing of drafts): the photos of every
    item with a page, and of the articles the editions show whole."""
    needed: set[Path] = set()
    items = published_items(site)
    for edition in site.published_editions():
        items += [a for a in edition.articles if kind_of(a).page is None]
    for item in items:
        needed.update(item.folder / name for name in item.photo_names())
    return needed


# -- index kinds ----------------------------------------------------------------------------


@dataclass(frozen=True)
class IndexKind:
    """A page listing items. Staff write the first page of each of ours (`docs/<lang>/...`
    with `template:`, its title and text); the adapter generates its pages 2, 3...; the
    listings by theme and by country are generated whole (`listing_pages`)."""

    template: str
    section: str  # its pages' path: `stories/`, then `stories/page/2/`
    select: Callable[[Site, int], Selection[Any]]  # what its page `number` shows
    view: Callable[[Site, RenderContext, Any], Any]  # made from that selection
    paginated: bool = True

    def page_count(self, site: Site) -> int:
        return page_count(self.select(site, 1).total) if self.paginated else 1

    def path(self, number: int) -> str:
        """The path of its page `number`, the same in every language."""
        return index_page_path(self.section, number)

    def render(self, site: Site, page: RenderContext) -> Any:
        """The view of its page `page.number`."""
        return self.view(site, page, self.select(site, page.number))


def _order(site: Site, name: str, items: Sequence[Bundle]) -> str:
    """The keys of the list `name`, in order (a digest, worked out once per loaded site: each
    of its pages shows it)."""
    return site.once(("shown", name), lambda: value_digest([item.key for item in items]))


def _page_of(site: Site, name: str, items: Sequence[ItemT], number: int) -> Selection[ItemT]:
    """Page `number` of the paginated list `name`: its items, and the whole list's order."""
    return Selection(tuple(on_page(items, number)), (_order(site, name, items),), len(items))


def _story_page(site: Site, name: str, stories: Sequence[Story], number: int) -> Selection[Story]:
    """A page of testimonies also links to every listing with its count."""
    counts = site.once(("shown", "counts"), lambda: value_digest(_counts(site)))
    shown = _page_of(site, name, stories, number)
    return Selection(shown.items, (*shown.lists, counts), shown.total)


def _counts(site: Site) -> list[tuple[str, str, int]]:
    return [(listing.kind, listing.key, len(listing.stories)) for listing in listings(site)]


def _home(site: Site, number: int, recent: int = 3) -> HomeSelection:
    """The latest edition, the `recent` latest testimonies and the latest report."""
    editions, reports = site.published_editions(), site.published_reports()
    edition = editions[0] if editions else None
    stories = tuple(site.published_stories("web")[:recent])
    report = reports[0] if reports else None
    items = tuple(i for i in (edition, *stories, report) if i is not None)
    return HomeSelection(items, edition=edition, stories=stories, report=report)


def _reports(site: Site, number: int) -> Selection[Report]:
    """Every report, on one page."""
    reports = site.published_reports()
    return Selection(tuple(reports), (_order(site, "reports.html", reports),), len(reports))


HOME = IndexKind("home.html", "", _home, home_view, paginated=False)
STORIES = IndexKind(
    "stories.html",
    Story.section,
    lambda site, number: _story_page(site, "stories.html", site.published_stories("web"), number),
    stories_index,
)
EDITIONS = IndexKind(
    "editions.html",
    Edition.section,
    lambda site, number: _page_of(site, "editions.html", site.published_editions(), number),
    editions_index,
)
REPORTS = IndexKind("reports.html", Report.section, _reports, reports_index, paginated=False)
#: The indexes staff write the first page of, by the template its front matter names.
INDEXES: dict[str, IndexKind] = {kind.template: kind for kind in (HOME, STORIES, EDITIONS, REPORTS)}


def listing_index(listing: Listing) -> IndexKind:
    """A listing by theme or by country: paginated like the testimonies index, shown by the
    same template."""
    return IndexKind(
        STORIES.template,
        listing.section,
        lambda site, number: _story_page(site, listing.section, listing.stories, number),
        partial(_listing_view, listing),
    )


def _listing_view(
    listing: Listing, site: Site, page: RenderContext, shown: Selection[Story]
) -> Any:
    return listing_view(site, page, shown, listing)


def numbered_title(title: str, number: int, lang: str) -> str:
    """'Getuigenissen' on the first page of an index, 'Getuigenissen · Pagina 2' after it."""
    return title if number == 1 else f"{title} · {l10n.t(lang, 'page_n', number=number)}"


@dataclass(frozen=True)
class PageOfIndex:
    """A generated page of an index, in one language."""

    index: IndexKind
    number: int
    url: str  # site-relative, e.g. "fr/stories/themes/detention/page/2/"
    title: str | None = None  # None: titled after the index's first page, which staff write
    listing: Listing | None = field(default=None, compare=False)


def index_pages(site: Site, lang: str) -> list[PageOfIndex]:
    """Pages 2, 3... of each paginated index staff write, then every page of every listing
    by theme and by country, in `lang`."""
    pages = [
        PageOfIndex(kind, number, localized_url(kind.path(number), lang, site.languages))
        for kind in INDEXES.values()
        if kind.paginated
        for number in range(2, kind.page_count(site) + 1)
    ]
    for listing in listings(site):
        kind, title = listing_index(listing), listing.title(site, lang)
        pages += [
            PageOfIndex(
                kind,
                n,
                localized_url(kind.path(n), lang, site.languages),
                numbered_title(title, n, lang),
                listing,
            )
            for n in range(1, kind.page_count(site) + 1)
        ]
    return pages
