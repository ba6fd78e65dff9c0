"""Linking: items to each other and to the data files, after every item is read.

An edition gets its articles (its own, and the stories and reports it names); bylines,
credits and publishers are checked against the authors, themes against the themes, photos
against the files of their folder. Linking derives: a linked edition is a new `Edition`, so
that the one read can be remembered (`Loading.remembered`) like every other item.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from jrs_site.images import ImageError, inspect
from jrs_site.load.errors import is_todo
from jrs_site.load.read import Loading, load_bundle
from jrs_site.load.sources import value_line
from jrs_site.model import schemas
from jrs_site.model.bundles import (
    Article,
    Bundle,
    Edition,
    Report,
    Site,
    Story,
    photo_file,
    photos_in,
)
from jrs_site.model.languages import english_name
from jrs_site.render import limits


def link(loading: Loading, site: Site) -> Site:
    """The site with its items linked: every edition with its articles (a new edition: the
    one read is not changed), every reference checked."""
    for story in site.stories.values():
        _checked(loading, site, story)
        if story.meta.byline is not None:
            _author(loading, site, story.folder / "story.yml", ("byline",), story.meta.byline)
        for index, theme in enumerate(story.meta.themes):
            if theme not in site.themes:
                _unknown(loading, story.folder / "story.yml", ("themes", index), theme, site.themes)
        if story.published("web") and "social" not in story.meta.consent.uses:
            loading.add(
                story.folder / "story.yml",
                "consent does not cover 'social': shared links show the organisation's card",
                ("consent", "uses"),
                severity="info",
            )
        if story.meta.consent.withdrawn is not None and not story.meta.draft:
            loading.add(
                story.folder / "story.yml",
                "consent was withdrawn: this story is left out of every output",
                ("consent", "withdrawn"),
                severity="warning",
            )
    for report in site.reports.values():
        _checked(loading, site, report)
        _author(loading, site, report.folder / "report.yml", ("author",), report.meta.author)
    editions = {}
    for key, edition in site.editions.items():
        _checked(loading, site, edition)
        if edition.meta.publisher is not None:
            path = edition.folder / "edition.yml"
            _author(loading, site, path, ("publisher",), edition.meta.publisher)
        editions[key] = _linked(loading, site, edition)
    organisation = site.organisation
    if organisation is not None and organisation.editor not in site.authors:
        _author(
            loading, site, loading.root / "data/organisation.yml", ("editor",), organisation.editor
        )
    return replace(site, editions=editions)


def _linked(loading: Loading, site: Site, edition: Edition) -> Edition:
    """`_link_edition`, again only when the edition, the authors, or a story or report it
    includes changed (or one it names was added or removed: the hint lists them)."""
    refs = [ref for ref in edition.meta.articles if not isinstance(ref, str)]
    included = tuple(
        loading.digests.get(loading.root / cls.section / key) for cls, key in map(_target, refs)
    )
    depends = (_authors(loading), included, tuple(site.stories), tuple(site.reports))
    return loading.remembered(
        "link", edition.folder, depends, lambda: _link_edition(loading, site, edition)
    )


def _target(ref: schemas.StoryRef | schemas.ReportRef) -> tuple[type[Story | Report], str]:
    """The kind and key of the story or report an edition includes."""
    return (Story, ref.story) if isinstance(ref, schemas.StoryRef) else (Report, ref.report)


def _authors(loading: Loading) -> str | None:
    """The digest of data/authors.yml: what every check of an author depends on."""
    return loading.digests.get(loading.root / "data/authors.yml")


def _link_edition(loading: Loading, site: Site, edition: Edition) -> Edition:
    """`edition` with its articles, in order, each once; and the reports printed with their
    summary."""
    meta_path = edition.folder / "edition.yml"
    articles: list[Bundle] = []
    report_bodies: set[str] = set()
    if edition.key != str(edition.meta.number):
        loading.add(
            meta_path,
            f"the folder is named '{edition.key}' but the number is {edition.meta.number}",
            ("number",),
            hint=f"rename the folder to '{edition.meta.number}' or correct the number",
        )
    seen: set[str] = set()
    for index, ref in enumerate(edition.meta.articles):
        where = ("articles", index)
        article = _resolve_article(loading, site, edition, ref, where)
        if article is None:
            continue
        ident = f"{article.kind}:{article.key}"
        if ident in seen:
            loading.add(meta_path, f"'{article.key}' is listed twice in this edition", where)
            continue
        seen.add(ident)
        articles.append(article)
        if isinstance(article, Story) and not article.published("email"):
            loading.add(
                meta_path,
                f"the story '{article.key}' is left out of the e-mail edition: "
                "its consent does not cover 'email'",
                where,
                hint=f"add email to consent.uses in stories/{article.key}/story.yml once "
                "the person agrees; the website and the print edition are not affected",
                severity="info",
            )
        if isinstance(ref, schemas.ReportRef) and ref.body:
            report_bodies.add(article.key)
    linked = replace(edition, articles=articles, report_bodies=report_bodies)
    for lang in loading.languages.codes:
        pages = limits.edition_pages(linked, lang)
        if pages > limits.MAX_EDITION_PAGES:
            loading.problems.add(
                meta_path,
                f"in {english_name(lang)}, this edition would print about {pages} pages "
                f"(more than {limits.MAX_EDITION_PAGES})",
                severity="warning",
                hint="a newsletter has 8 to 16 pages: leave an article for the next "
                "edition, or shorten the longest texts",
            )
    return linked


def _resolve_article(
    loading: Loading, site: Site, edition: Edition, ref: Any, where: tuple[str, int]
) -> Bundle | None:
    meta_path = edition.folder / "edition.yml"
    if isinstance(ref, str):
        article = load_bundle(loading, edition.folder / ref, Article)
        if article is None:
            if not (edition.folder / ref).is_dir():
                loading.add(
                    meta_path,
                    f"there is no article folder '{ref}' in this edition",
                    where,
                    hint=f"create {edition.folder.name}/{ref}/ with article.yml, nl.md and "
                    "fr.md, or write 'story: <slug>' / 'report: <slug>'",
                )
            return None
        _check_bundle(loading, site, article)
        if article.meta.byline is not None:
            _author(loading, site, article.folder / "article.yml", ("byline",), article.meta.byline)
        return article
    cls, key = _target(ref)
    pool: Mapping[str, Bundle] = site.stories if cls is Story else site.reports
    kind = cls.kind
    item = pool.get(key)
    if item is None and (loading.root / cls.section / key).is_dir():
        loading.add(
            meta_path,
            f"the {kind} '{key}' cannot be used until its own errors are fixed",
            where,
        )
        return None
    if item is None:
        _unknown(loading, meta_path, where, key, pool, what=kind)
        return None
    for use in ("web", "print"):
        if not item.published(use) and not edition.meta.draft:
            loading.add(
                meta_path,
                f"the {kind} '{key}' cannot be published in {use}: "
                + ("it is a draft" if item.meta.draft else f"its consent does not cover '{use}'"),
                where,
                hint="remove it from this edition, or mark the edition 'draft: true'",
            )
            return None
    return item


def _checked(loading: Loading, site: Site, bundle: Bundle) -> None:
    """`_check_bundle`, again only when the folder or the authors changed."""
    loading.remembered(
        "check", bundle.folder, _authors(loading), lambda: _check_bundle(loading, site, bundle)
    )


def _check_bundle(loading: Loading, site: Site, bundle: Bundle) -> None:
    """Photos exist inside the folder, have a credit, and alt text in every language."""
    meta_path = bundle.folder / bundle.meta_file()
    for lang in loading.languages.codes:
        if lang not in bundle.texts and (bundle.folder / f"{lang}.md").exists() is False:
            loading.problems.add(
                bundle.folder,
                f"not translated into {english_name(lang)} yet: {lang}.md is missing",
                severity="warning",
                hint="the site shows the other language with a 'not translated yet' note",
            )
    for name, photo in bundle.meta.photos.items():
        _author(loading, site, meta_path, ("photos", name, "credit"), photo.credit)
    lead_photo, field = bundle.lead_photo(), bundle.lead_field
    if lead_photo and field:
        _check_photo(loading, bundle, lead_photo, meta_path, field)
        for text in bundle.texts.values():
            if not getattr(text.fields, f"{field}_alt"):
                loading.add(
                    text.path,
                    f"the {field} photo has no alt text in this language",
                    (f"{field}_alt",),
                    hint="describe what the photo shows for readers who cannot see it",
                )
    for text in bundle.texts.values():
        for match in photos_in(text.body):
            line = text.body_line + text.body[: match.start()].count("\n")
            _check_photo(loading, bundle, photo_file(match), text.path, None, line)
            if not match.group("alt").strip():
                loading.problems.add(
                    text.path,
                    f"the photo '{match.group('src')}' has no alt text",
                    line=line,
                    hint="write what it shows between the brackets: ![a kitchen table](x.jpg)",
                )


def _check_photo(
    loading: Loading,
    bundle: Bundle,
    name: str,
    path: Path,
    field: str | None,
    line: int | None = None,
) -> None:
    def at() -> int | None:  # looked up only for a problem: it parses the file again
        return value_line(path, (field,)) if field is not None else line

    folder = bundle.folder.resolve()
    target = (bundle.folder / name).resolve()
    if "://" in name or not target.is_relative_to(folder):
        loading.problems.add(
            path,
            f"the photo '{name}' is outside this item's folder",
            field=field or "",
            line=at(),
            hint="copy the photo into the same folder as the text and use its file name",
        )
        return
    if not target.is_file():
        loading.problems.add(
            path, f"the photo '{name}' does not exist", field=field or "", line=at()
        )
        return
    error = photo_error(target, loading.inspect_photo)
    if error is not None:
        message, _, hint = error.partition("; ")
        loading.problems.add(path, f"'{name}': {message}", field=field or "", line=at(), hint=hint)
    if name not in bundle.meta.photos:
        loading.add(
            bundle.folder / bundle.meta_file(),
            f"the photo '{name}' has no entry under 'photos:' (who took it?)",
            ("photos",),
            hint=f"add '  {name}: {{credit: <author id>}}' under 'photos:'",
        )


def _author(
    loading: Loading, site: Site, path: Path, loc: tuple[str | int, ...], author_id: str
) -> None:
    if author_id not in site.authors:
        _unknown(loading, path, loc, author_id, site.authors, what="author")


def _unknown(
    loading: Loading,
    path: Path,
    loc: tuple[str | int, ...],
    key: str,
    known: Mapping[str, Any],
    what: str = "theme",
) -> None:
    if is_todo(key):
        return  # listed already as still to fill in
    close = difflib.get_close_matches(key, list(known), n=1)
    hint = (
        f"did you mean '{close[0]}'?" if close else f"known: {', '.join(sorted(known)) or 'none'}"
    )
    loading.add(path, f"there is no {what} '{key}'", loc, hint=hint)


def photo_error(path: Path, inspect_photo: Callable[[Path], object] = inspect) -> str | None:
    """Why a photo file cannot be used (damaged, empty, not a photo, too large), or None."""
    try:
        inspect_photo(path)
    except ImageError as exc:
        return exc.message
    return None
