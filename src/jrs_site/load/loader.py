"""Content folder in, `Site` and problems out: `load_site`, which runs the steps in order.

Two phases, as in Pelican: every file is read and validated first (`read.py`, with
`errors.py` putting pydantic's errors in plain words), then items are linked (`link.py`:
edition -> story/report/article, bylines and credits -> authors, photos -> files), then the
pages of docs/ are checked (`pages.py`). Loading never stops at the first problem, so
`jrs-site check` can list them all. The steps' results are cached for the next load in this
process (`_LAST`, `_FOLDERS`).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from jrs_site.images import Inspector, inspect
from jrs_site.load.config import read_languages
from jrs_site.load.link import link
from jrs_site.load.pages import check_pages
from jrs_site.load.read import Loading, Memo, read_items
from jrs_site.model.bundles import Bundle, Site
from jrs_site.model.languages import Languages
from jrs_site.model.problems import Problem
from jrs_site.util.files import tree_digest


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
    loading = Loading(root, configured, inspector or inspect, digests, _FOLDERS)
    site = link(loading, read_items(loading))
    check_pages(loading, root / "docs", site)
    site = replace(site, sources=digests)
    if inspector is not None:
        inspector.save()
    problems = [
        replace(p, severity="warning", message=f"{p.message} (draft, not published)")
        if p.severity != "info" and any(p.file.is_relative_to(folder) for folder in loading.drafts)
        else p
        for p in loading.problems.items
    ]
    problems = list(dict.fromkeys(problems))  # once each: e.g. a photo used in both texts
    broken = {p.file for p in loading.problems.items if p.severity == "error"}
    items: list[Bundle] = [*site.stories.values(), *site.editions.values()]
    items += site.reports.values()
    valid_drafts = frozenset(
        item.folder
        for item in items
        if item.folder in loading.drafts and not any(f.is_relative_to(item.folder) for f in broken)
    )
    return fingerprint, site, problems, valid_drafts


#: A loaded site: the fingerprint of its sources, the site, its problems, and the folders of
#: its draft stories that have no error (what a preview may show).
_Loaded = tuple[str, Site, list[Problem], frozenset[Path]]
#: The cache of loading in this process (`serve` loads on every save), in two levels; what
#: they hold is shared by the loads that take it, and never changed. The last site loaded,
#: by its root: given again while no source changed.
_LAST: dict[Path, _Loaded] = {}
#: Each step of loading one folder ("read", "check", "link"), as last done, by step and
#: folder: done again only when what it depends on changed (`Loading.remembered`), so that a
#: save reads, checks and links again only the folders it touched and what includes them.
_FOLDERS: Memo = {}
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
