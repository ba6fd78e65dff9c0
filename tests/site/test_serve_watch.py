"""`serve` is told of a save by the system (`mkdocs_plugin/watch.py`), and not of a read: the
build reads every source, and would start itself again."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from watchdog.events import FileSystemEvent, FileSystemEventHandler

from jrs_site.mkdocs_plugin.watch import Notified, watch_notified


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


class Server:
    """What `watch_notified` uses of MkDocs' live-reload server."""

    def __init__(self) -> None:
        self.observer: object = "polling"
        self.watched: list[str] = []

    def watch(self, path: str) -> None:
        self.watched.append(path)

    def unwatch(self, path: str) -> None:
        self.watched.remove(path)


@pytest.mark.parametrize("refused", [False, True])
def test_the_preview_polls_where_the_system_tells_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, refused: bool
) -> None:
    """A full table of watched folders (inotify's limit), or a mount without notices: `serve`
    keeps MkDocs' polling instead of failing to start."""
    if refused:

        def full(self: Notified) -> None:
            raise OSError(28, "inotify watch limit reached")

        monkeypatch.setattr(Notified, "start", full)
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", "utf-8")
    config = SimpleNamespace(
        docs_dir=str(tmp_path / "docs"),
        config_file_path=str(tmp_path / "mkdocs.yml"),
        theme=SimpleNamespace(custom_dir=None),
        watch=[str(tmp_path / "stories")],  # not there: not watched
    )
    server = Server()
    server.watch(config.docs_dir)
    server.watch(config.config_file_path)
    watch_notified(server, config)  # type: ignore[arg-type]
    assert isinstance(server.observer, Notified) != refused
    assert server.watched == [config.docs_dir, config.config_file_path]
    if not refused:
        server.observer.stop()  # type: ignore[attr-defined]
