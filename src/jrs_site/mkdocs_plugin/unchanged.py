"""Under `serve`: the pages a save does not touch are left as the last build wrote them.

Each page gets a fingerprint of everything it shows: what every page shows (mkdocs.yml, the
templates, data/, docs/, the options of the preview: `Memory.start`), and what the page shows
of the content (`render.kinds.Selection`). A page whose fingerprint is the one its file was
written with is not rendered again; the files it published (its social card) are published again, so
the build that sweeps what nobody wrote keeps them. A failed build forgets everything: the
next one renders every page.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from jrs_site.outputs.web.publish import Publisher
from jrs_site.util.files import value_digest


@dataclass(frozen=True)
class Written:
    """A page as the last build wrote it."""

    fingerprint: str
    published: tuple[tuple[Path, str], ...]  # (source, site path) of its social card
    #: Of a page of docs/ (which MkDocs reads on every build, for the navigation): its title
    #: as HTML and the ids of its anchors, for the pages that link to them.
    page: tuple[str, frozenset[str]] | None = None


class Memory:
    """What the builds of one `serve` wrote, page by page (by output path)."""

    def __init__(self) -> None:
        self.last: dict[str, Written] = {}  # the previous build's pages
        self.now: dict[str, Written] = {}  # this build's, so far
        self.pending: dict[str, str] = {}  # fingerprints of this build's pages being rendered
        self.every_page = ""  # the fingerprint of what every page shows, this build

    def start(self, every_page: Iterable[object]) -> None:
        """A build starts; `every_page` is what every one of its pages shows."""
        every = value_digest(list(every_page))
        if every != self.every_page:
            self.last = {}
        self.every_page, self.now, self.pending = every, {}, {}

    def keep(
        self, dest: str, shows: Iterable[object], site_dir: Path, publisher: Publisher
    ) -> Written | None:
        """The page written at `dest` as the last build wrote it, when it shows what it
        showed then: it stays as it is (its card published again). None: render it."""
        fingerprint = value_digest([self.every_page, dest, *shows])
        last = self.last.get(dest)
        if last is not None and last.fingerprint == fingerprint and (site_dir / dest).is_file():
            for source, path in last.published:
                publisher.file(source, path)
            self.now[dest] = last
            return last
        self.pending[dest] = fingerprint
        return None

    def written(
        self,
        dest: str,
        published: Iterable[tuple[Path, str]],
        page: tuple[str, frozenset[str]] | None = None,
    ) -> None:
        """The page at `dest` was rendered and written, publishing `published`."""
        fingerprint = self.pending.pop(dest, None)
        if fingerprint is not None:
            self.now[dest] = Written(fingerprint, tuple(published), page)

    def finish(self) -> None:
        """The build succeeded: what it wrote is what the next build compares with."""
        self.last, self.now = self.now, {}

    def forget(self) -> None:
        """The build failed, or showed content errors: the next one renders every page."""
        self.last, self.now, self.pending, self.every_page = {}, {}, {}, ""
