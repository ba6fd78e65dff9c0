"""`serve` is told of a save by the system (`mkdocs_plugin/watch.py`), and not of a read: the
build reads every source, and would start itself again."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler

from jrs_site.mkdocs_plugin.watch import Notified


def test_a_save_is_told_and_a_read_is_not(tmp_path: Path) -> None:
    source = tmp_path / "nl.md"
    source.write_text("Een zin.\n", "utf-8")
    told: list[FileSystemEvent] = []
    changed = threading.Event()

    def record(event: FileSystemEvent) -> None:
        told.append(event)
        changed.set()

    handler = FileSystemEventHandler()
    handler.on_any_event = record  # type: ignore[method-assign]
    observer = Notified()
    observer.schedule(handler, str(tmp_path), recursive=True)
    observer.start()
    try:
        time.sleep(0.2)
        source.read_text("utf-8")
        time.sleep(0.5)
        assert told == []
        with source.open("a", encoding="utf-8") as f:
            f.write("Nog een zin.\n")
        assert changed.wait(5), "the save was not told"
        assert {event.src_path for event in told} == {str(source)}
    finally:
        observer.stop()
        observer.join()
