"""Content folder in, `Site` and problems out: `load_site`, which runs the steps in order.

Two phases, as in Pelican: every file is read and validated first (`read.py`, with
`errors.py` putting pydantic's errors in plain words), then items are linked (`link.py`:
edition -> story/report/article, bylines and credits -> authors, photos -> files), then the
pages of docs/ are checked (`pages.py`). Loading never stops at the first problem, so
`jrs-site check` can list them all. The steps' results are cached for the next load in this
process (`_LAST`, `_FOLDERS`), and each folder's steps for the next process, in the build cache
(`.cache/load/`): `jrs-site build` reads and validates again only the folders that changed
since the last build.
"""

from __future__ import annotations

import pickle
from dataclasses import replace
from importlib.metadata import version
from pathlib import Path

from jrs_site.images import Inspector, inspect
from jrs_site.load.config import read_languages
from jrs_site.load.link import link
from jrs_site.load.pages import check_pages
from jrs_site.load.read import Loading, Memo, read_items
from jrs_site.model.bundles import Bundle, Site
from jrs_site.model.languages import Languages
from jrs_site.model.problems import Problem
from jrs_site.util.files import tree_digest, value_digest, write_atomic


def load_site(
    root: Path, cache: Path | None = None, *, drafts: bool = False
) -> tuple[Site, list[Problem]]:
    """Load every item under `root`; return the site and every problem found.

    Problems inside a draft are warnings: a draft in progress never blocks publication.
    With `drafts` (a preview, never a build), the site also shows the draft stories that
    have no such problem, as `Site.previewed`.

    Loading again in the same process while no source changed returns the same site (do not
    change it): `jrs-site build` checks the content, then the build loads it. With `cache`
    (the build cache folder), what the checks learn of each photo, and the steps of loading
    each folder, are kept there for the next process.
    """
    configured, config_problems = read_languages(root)
    digests = source_digests(root)
    fingerprint = f"{configured}:{sorted(digests.items())}"
    last = _LAST.get(root)
    if last is None or last[0] != fingerprint:
        _LAST.clear()
        kept = _Kept(cache / "load") if cache is not None and not _FOLDERS else None
        if kept is not None:
            _FOLDERS.update(kept.read())
        last = _LAST[root] = _load(root, configured, cache, fingerprint, digests)
        if kept is not None:
            kept.write(_FOLDERS, digests)
    _, site, problems, valid_drafts = last
    problems = [*config_problems, *problems]
    if drafts:
        site = replace(site, previewed=valid_drafts)
    return site, list(problems)


def _load(
    root: Path,
    configured: Languages,
    cache: Path | None,
    fingerprint: str,
    digests: dict[Path, str],
) -> _Loaded:
    """Load `root` afresh (see `load_site`)."""
    inspector = Inspector(cache / "images") if cache is not None else None
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
_PACKAGE = Path(__file__).resolve().parents[1]


class _Kept:
    """The steps of loading each folder, as the first load of a process left them, for the
    next process: a pickle in the build cache, named by a digest of this program (its
    version and files), so that another version of the code never reads it. Its entries
    count only where the folder's digest is still the same (`Loading.remembered`)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        code = sorted(_PACKAGE.rglob("*.py"))
        stamps = [(str(f), f.stat().st_size, f.stat().st_mtime_ns) for f in code]
        self.path = folder / f"{value_digest((version('jrs-site'), stamps))[:20]}.pickle"

    def read(self) -> Memo:
        """The steps kept by the last process, or none (missing, unreadable, other code)."""
        try:
            kept = pickle.loads(self.path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return {}
        return kept if isinstance(kept, dict) else {}

    def write(self, memo: Memo, digests: dict[Path, str]) -> None:
        """Keep the steps of the folders there are now (the only file in the folder)."""
        current = {key: value for key, value in memo.items() if key[1] in digests}
        self.folder.mkdir(parents=True, exist_ok=True)
        for old in self.folder.glob("*.pickle"):
            if old != self.path:
                old.unlink(missing_ok=True)
        data = pickle.dumps(current, protocol=pickle.HIGHEST_PROTOCOL)
        write_atomic(self.path, lambda f: f.write(data))


def source_digests(root: Path) -> dict[Path, str]:
    """The digest (`tree_digest`) of each entry of each source folder: every item's folder,
    every data file, every page of docs/ and folder of pages."""
    digests = {}
    for folder in _SOURCES:
        source = root / folder
        for entry in sorted(source.iterdir()) if source.is_dir() else []:
            digests[entry] = tree_digest(entry)
    return digests
