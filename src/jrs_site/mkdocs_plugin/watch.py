"""Under `serve`: the system tells of a save at once, instead of MkDocs' polling.

MkDocs' server polls what it watches every half second: a walk of every watched folder (0.15 s
of CPU at 1,000 testimonies, so a third of a core all the time) and on average a quarter of a
second before a save is seen at all. The system's notices (inotify on Linux, FSEvents on
macOS, where watchdog has them) cost nothing between saves and come at once.
"""

from __future__ import annotations

import os
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import get_plugin_logger
from watchdog.events import (
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import ObservedWatch

log = get_plugin_logger(__name__)

#: What a save, a new file, a deletion or a rename is told as. Not the opening or the closing
#: of a file that was only read: the build reads the sources, and would start itself again.
CHANGES: list[type[FileSystemEvent]] = [
    FileCreatedEvent,
    FileModifiedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    FileClosedEvent,  # closed after writing
]


class Notified(Observer):  # type: ignore[misc,valid-type]  # watchdog's, chosen per system
    """watchdog's observer of the system's notices, told only of `CHANGES`."""

    def schedule(
        self,
        event_handler: FileSystemEventHandler,
        path: Any,
        *,
        recursive: bool = False,
        event_filter: list[type[FileSystemEvent]] | None = None,
        follow_symlink: bool = False,
    ) -> ObservedWatch:
        """Watch `path` as watchdog does, told only of changes."""
        return super().schedule(  # type: ignore[no-any-return]
            event_handler,
            path,
            recursive=recursive,
            event_filter=event_filter or CHANGES,
            follow_symlink=follow_symlink,
        )


def watch_notified(server: Any, config: MkDocsConfig) -> None:
    """Give MkDocs' live-reload `server` the system's notices in place of its polling, before it
    starts: what it watches so far (docs/ and mkdocs.yml) is watched again through them, and
    what is watched after is too; and the project's templates (overrides/), not the installed
    theme's ~15,000 files. Where the system refuses notices (its limit of watched folders
    reached, a network or container mount), the preview polls, as MkDocs does."""
    watched = [config.docs_dir, config.config_file_path]
    later = [path for path in [config.theme.custom_dir, *config.watch] if path]
    if notices_work([*watched, *later]):
        for path in watched:
            server.unwatch(path)
        server.observer = Notified()
        for path in watched:
            server.watch(path)
    if config.theme.custom_dir:
        server.watch(config.theme.custom_dir)


def notices_work(paths: list[str]) -> bool:
    """Whether the system tells of changes in every one of `paths`: tried with an observer that
    is stopped at once (watchdog raises when it starts watching, not when asked to)."""
    probe = Notified()
    try:
        for path in filter(os.path.exists, paths):
            probe.schedule(FileSystemEventHandler(), path, recursive=os.path.isdir(path))
        probe.start()
    except OSError as error:
        log.warning(f"the system does not tell of saves here ({error}): the preview polls")
        return False
    finally:
        if probe.is_alive():
            probe.stop()
            probe.join()
    return True
