"""Progress of the long build steps (photos, PDFs, pages, search index): a live bar on a
terminal (rich), and in every case one summary line per step with its counts and seconds,
so a cold build is never silent for long and a CI log says where the time went."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


class Step:
    """One step of a build: counts what it has done and says so when it ends. Set `summary`
    to say more than the count ("12 encoded, 80 from the cache")."""

    def __init__(self, name: str, total: int | None, stream: TextIO) -> None:
        self.name, self.total, self.stream = name, total, stream
        self.done = 0
        self.summary: str | None = None
        self.start = time.monotonic()
        self._bar: Progress | None = None
        if stream.isatty() and total != 0:
            self._bar = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(file=stream),
                transient=True,
            )
            self._task = self._bar.add_task(name, total=total)
            self._bar.start()

    def advance(self, count: int = 1) -> None:
        self.done += count
        if self._bar is not None:
            self._bar.advance(self._task, count)

    def stop(self) -> None:
        """Remove the live bar, if there is one."""
        if self._bar is not None:
            self._bar.stop()
            self._bar = None

    def finish(self) -> None:
        """End the step: remove its bar, print `name: summary in N.N s`."""
        self.stop()
        counted = f"{self.done}" if self.total is None else f"{self.done} of {self.total}"
        seconds = time.monotonic() - self.start
        self.stream.write(f"{self.name}: {self.summary or counted} in {seconds:.1f} s\n")
        self.stream.flush()


@contextmanager
def step(name: str, total: int | None = None, stream: TextIO | None = None) -> Iterator[Step]:
    """A `Step` for a `with` block: its summary line when the block ends, none on an error."""
    current = Step(name, total, stream or sys.stderr)
    try:
        yield current
    except BaseException:
        current.stop()
        raise
    current.finish()
