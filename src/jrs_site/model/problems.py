"""Problems found in the content: each names the file, the field, what was expected and found."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

#: error: blocks the build; warning: worth fixing (fatal with --strict); info: good to know.
Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one source file, phrased for the person who wrote it."""

    file: Path
    message: str
    field: str = ""
    line: int | None = None
    severity: Severity = "error"
    hint: str = ""

    def location(self, root: Path | None = None) -> str:
        """`stories/amina/nl.md:4 (field consent)`, relative to `root` when given."""
        path = self.file
        if root is not None:
            with contextlib.suppress(ValueError):
                path = self.file.relative_to(root)
        where = str(path)
        if self.line is not None:
            where += f":{self.line}"
        if self.field:
            where += f" (field '{self.field}')"
        return where

    def describe(self) -> str:
        """`line 4, field 'consent': message`: the problem within its file."""
        where = ", ".join(
            part
            for part in (
                f"line {self.line}" if self.line else "",
                f"field '{self.field}'" if self.field else "",
            )
            if part
        )
        return f"{where}: {self.message}" if where else self.message

    def format(self, root: Path | None = None) -> str:
        """The problem as one or two plain lines."""
        text = f"{self.severity}: {self.location(root)}: {self.message}"
        if self.hint:
            text += f"\n    -> {self.hint}"
        return text


@dataclass
class Problems:
    """A collector: loading goes on after a problem so that all are reported at once."""

    items: list[Problem] = field(default_factory=list)

    def add(self, file: Path, message: str, **kwargs: object) -> None:
        self.items.append(Problem(file, message, **kwargs))  # type: ignore[arg-type]

    def extend(self, problems: list[Problem]) -> None:
        self.items.extend(problems)


def of_severity(problems: list[Problem], severity: Severity) -> list[Problem]:
    """The problems of one severity, in their order."""
    return [p for p in problems if p.severity == severity]


def by_file(problems: list[Problem]) -> dict[Path, list[Problem]]:
    """Problems grouped by file, files in order, each file's problems in line order."""
    grouped: dict[Path, list[Problem]] = {}
    for problem in sorted(problems, key=lambda p: (p.file, p.line or 0, p.field, p.message)):
        grouped.setdefault(problem.file, []).append(problem)
    return grouped


class ContentError(Exception):
    """Raised when the content has errors; carries every problem found, not only the first."""

    def __init__(self, problems: list[Problem], root: Path | None = None) -> None:
        self.problems = problems
        self.root = root
        super().__init__(self.report())

    def report(self) -> str:
        lines = [f"{len(of_severity(self.problems, 'error'))} content error(s):"]
        lines += [p.format(self.root) for p in sorted(self.problems)]
        return "\n".join(lines)


class ItemError(Exception):
    """A failure nobody foresaw while making one item's output (`naming`)."""


@contextlib.contextmanager
def naming(what: str, error: type[Exception] = ItemError) -> Iterator[None]:
    """Turn any failure inside into one `error` that names `what` (an item's folder, the
    output being made): staff get a line that says which item, never a traceback. An `error`
    raised inside, whose message is written for staff already, passes unchanged."""
    try:
        yield
    except error:
        raise
    except Exception as exc:
        raise error(
            f"{what} could not be made: an unexpected failure ({type(exc).__name__}: {exc}); "
            "please report it with this message and the files of this item"
        ) from exc
