"""The one writer of the website's own files: everything the build adds beside the pages.

Feeds, robots.txt, fonts, media, social cards, PDFs and e-mails are all written through a
`Publisher`, which refuses to write one output path twice (as Pelican's writer does): two
things meant for one address are an error naming both, never a silent overwrite. The pages
MkDocs writes are claimed first, so nothing of ours can replace a page either.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from jrs_site.util.files import write_atomic
from jrs_site.util.prune import touch

MEDIA_DIR = "media"  # the photos' web variants, one folder for every language
FONTS_DIR = "assets/fonts"
SOCIAL_DIR = "social"  # the social cards, named by a hash of what they show
PDF_DIR = "pdf"  # the editions' screen PDFs and the reports' full PDFs
EMAIL_DIR = "email"  # the editions' e-mail bodies and their plain-text parts


class PublishError(Exception):
    """Two things were to be written to one path of the site."""


class Publisher:
    """Writes into `site_dir`, each path once; paths are relative, with `/` separators."""

    def __init__(self, site_dir: Path, since: Publisher | None = None) -> None:
        """With `since`, the publisher of the last build into `site_dir` (a preview's), after
        its sweep: what it put there is known to be there."""
        self.site_dir = site_dir
        self.since = since
        self.written: dict[str, str] = {}  # path -> what was written there
        self._recording: list[tuple[Path, str]] | None = None
        self.left: set[str] = set()  # the files its sweep left in the site (none before it)

    def claim(self, path: str, what: str, *, shared: bool = False) -> None:
        """Reserve `path` for `what` (e.g. a page MkDocs writes); refuse a second claimant.
        With `shared`, the same `what` may claim it again (a card shown by many pages)."""
        other = self.written.get(path)
        if other is None:
            self.written[path] = what
        elif not (shared and other == what):
            raise PublishError(
                f"{other} and {what} would both be written to {path}: rename or move one of them"
            )

    def text(self, path: str, text: str, what: str) -> None:
        """Write `text` (UTF-8) to `path`."""
        self.claim(path, what)
        write_atomic(self._dest(path), lambda file: file.write(text.encode("utf-8")))

    def file(self, source: Path, path: str, *, link: bool = True) -> None:
        """Put `source` at `path`: a hard link where the file system allows it (the caches
        replace their files, never change them in place; on 1,000 testimonies this saves
        copying 150 MB per build), else a copy. Publishing the same file again is a no-op, and
        so is a link already in place (the preview keeps its folder from one build to the next)."""
        if self._recording is not None:
            self._recording.append((source, path))
        if self.written.get(path) == str(source):
            return
        self.claim(path, str(source), shared=True)
        if self.since is not None and self.since.written.get(path) == str(source):
            return  # the last build put it there (cache files are named by what they hold)
        dest = self._dest(path)
        in_place = _in_place(source, dest)
        touch(source)  # the cache entry is in use: not pruned
        if in_place:
            return
        tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
        tmp.unlink(missing_ok=True)
        try:
            if not link:
                raise OSError("a copy was asked for")
            os.link(source, tmp)
        except OSError:
            shutil.copyfile(source, tmp)
        os.replace(tmp, dest)  # no reader sees half a file

    @contextmanager
    def recording(self) -> Iterator[list[tuple[Path, str]]]:
        """What `file` publishes inside the block, as (source, path): a page's social card,
        which `serve` publishes again for a page it does not render again."""
        published: list[tuple[Path, str]] = []
        self._recording = published
        try:
            yield published
        finally:
            self._recording = None

    def sweep(self, also: set[str], spare: str) -> None:
        """Remove every file of the site that this build neither wrote nor claimed, nor names
        in `also` (MkDocs' own files), outside the folder `spare` and hidden entries: in a
        preview kept from one build to the next, the page of a testimony since deleted, the
        photo since replaced. With `since`, only what the last build left is looked at, not
        every file of the site (14,000 at 1,000 testimonies); it is forgotten then."""
        since, self.since = self.since, None
        if since is None:
            self.left = self._walk_sweep(also, spare)
            return
        left = since.left | since.written.keys()  # with what it published after its sweep
        kept = self.written.keys() | also
        for path in left - kept:
            self._remove(path)
        self.left = set(kept)

    def _walk_sweep(self, also: set[str], spare: str) -> set[str]:
        """`sweep` by a walk of the whole site; the files it leaves."""
        left = set()
        for parent, _, names in os.walk(self.site_dir, topdown=False):
            parts = Path(parent).relative_to(self.site_dir).parts
            if parts and (parts[0] == spare or any(p.startswith(".") for p in parts)):
                continue
            for name in names:
                path = "/".join((*parts, name))
                if name.startswith("."):
                    continue
                if path in self.written or path in also:
                    left.add(path)
                else:
                    os.unlink(os.path.join(parent, name))
            if parts and not os.listdir(parent):
                os.rmdir(parent)
        return left

    def _remove(self, path: str) -> None:
        """Remove the file at `path`, if it is there, and the folders it leaves empty."""
        dest = self.site_dir / path
        if not dest.is_file():
            return
        dest.unlink()
        for parent in dest.parents:
            if parent == self.site_dir:
                return
            try:
                parent.rmdir()
            except OSError:  # not empty, or gone
                return

    def _dest(self, path: str) -> Path:
        dest = self.site_dir / path
        dest.parent.mkdir(parents=True, exist_ok=True)
        return dest


def _in_place(source: Path, dest: Path) -> bool:
    """Whether `dest` already is `source`: its hard link, or a copy made since (a cache file
    is never changed in place, so its name, size and age say it is the same)."""
    try:
        ours, theirs = source.stat(), dest.stat()
    except OSError:
        return False
    if (ours.st_dev, ours.st_ino) == (theirs.st_dev, theirs.st_ino):
        return True
    return ours.st_size == theirs.st_size and theirs.st_mtime_ns >= ours.st_mtime_ns
