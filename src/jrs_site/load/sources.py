"""Source files in, plain data out: reads YAML files and Markdown with front matter.

Every failure becomes a `Problem` naming the file and, where YAML gives one, the line.
Byte-order marks and Windows line ends are accepted; other encodings, and control characters
such as NUL, are refused.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from jrs_site.model.problems import Problem

#: Control characters (NUL, escape, the C1 range...): never meant in a text; tab and newline are.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe loader that refuses a key given twice instead of keeping the last one."""


class _FastUniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same in C (libyaml), ten times faster; a file it refuses is read again by the
    loader above, whose error messages and line marks the hints are written for."""


def _construct_mapping(
    loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False
) -> dict[Any, Any]:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None,
                None,
                f"the key '{key}' is written twice (first on line {seen[key] + 1})",
                key_node.start_mark,
            )
        seen[key] = key_node.start_mark.line
    return loader.construct_mapping(node, deep=deep)


for _loader in (_UniqueKeyLoader, _FastUniqueKeyLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


class SourceError(Exception):
    """A source file that cannot be read at all; carries its problem."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(problem.format())


@dataclass(frozen=True)
class MarkdownSource:
    """A Markdown file split into its front matter (a dict) and its body."""

    path: Path
    meta: dict[str, Any]
    body: str
    body_line: int  # line number of the body's first line in the file


def read_text(path: Path) -> str:
    """Read a UTF-8 text file (BOM and CRLF accepted) or raise SourceError."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise SourceError(Problem(path, "the file does not exist")) from exc
    except OSError as exc:
        raise SourceError(Problem(path, f"the file cannot be read ({exc.strerror})")) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise SourceError(
            Problem(
                path,
                "the file is not saved as UTF-8 text",
                line=line,
                hint="save it again in your editor with the encoding 'UTF-8'",
            )
        ) from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    control = CONTROL_RE.search(text)
    if control is not None:
        raise SourceError(
            Problem(
                path,
                f"the file holds an invisible control character (U+{ord(control[0]):04X})",
                line=text.count("\n", 0, control.start()) + 1,
                hint="it often comes with text copied from another program: delete the line "
                "and type it again, or save the file again as plain UTF-8 text",
            )
        )
    return text


def parse_yaml(text: str, path: Path, first_line: int = 1) -> Any:
    """Parse YAML, turning a syntax error into a SourceError with the file's line number, and
    values nested past Python's stack (PyYAML reads them by recursion) into one without."""
    try:
        return _parse_yaml(text, path, first_line)
    except RecursionError:
        raise SourceError(
            Problem(
                path,
                "the YAML nests lists or groups of fields too deep, one inside the other",
                hint="a field holds a text, a list [a, b] or fields indented below it: "
                "remove the extra brackets or indentation",
            )
        ) from None


def _parse_yaml(text: str, path: Path, first_line: int) -> Any:
    try:
        return yaml.load(text, Loader=_FastUniqueKeyLoader)  # noqa: S506 - a SafeLoader
    except yaml.YAMLError:
        pass  # read it again below, for the pure-Python loader's messages
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark is not None else None
        raise SourceError(Problem(path, _yaml_message(exc, text), line=line)) from exc
    except yaml.YAMLError as exc:
        raise SourceError(Problem(path, f"the YAML cannot be read: {exc}")) from exc


def _yaml_message(exc: yaml.MarkedYAMLError, text: str) -> str:
    """A plain explanation of the commonest YAML mistakes."""
    problem = exc.problem or str(exc)
    mark = exc.problem_mark
    line = (
        text.split("\n")[mark.line] if mark is not None and mark.line < text.count("\n") + 1 else ""
    )
    if "\\t" in problem or "\t" in problem or line[: len(line) - len(line.lstrip())].count("\t"):
        return "a tab is used for indentation; indent with spaces only"
    if "end of stream" in problem and ("quoted" in (exc.context or "")):
        return "a quote is opened but never closed; close it with the same quote sign"
    if "written twice" in problem:
        return problem
    return f"the YAML is not valid: {problem}"


def read_yaml(path: Path) -> Any:
    """Read and parse a YAML file."""
    return parse_yaml(read_text(path), path)


def read_markdown(path: Path) -> MarkdownSource:
    """Read a Markdown file with YAML front matter between two `---` lines."""
    text = read_text(path)
    if not text.strip():
        raise SourceError(
            Problem(
                path, "the file is empty", hint="start it with front matter between '---' lines"
            )
        )
    lines = text.split("\n")
    if lines[0].strip() != "---":
        raise SourceError(
            Problem(
                path,
                "the file does not start with front matter",
                line=1,
                hint="the first line must be '---', followed by the fields and another '---'",
            )
        )
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() in ("---", "..."))
    except StopIteration:
        raise SourceError(
            Problem(
                path,
                "the front matter is never closed",
                line=1,
                hint="add a line with only '---' after the last field",
            )
        ) from None
    meta = parse_yaml("\n".join(lines[1:end]), path, first_line=2)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise SourceError(
            Problem(path, "the front matter must be a list of 'field: value' lines", line=2)
        )
    return MarkdownSource(path, meta, "\n".join(lines[end + 1 :]), end + 2)


def dotted(loc: Sequence[str | int]) -> str:
    """`("articles", 2, "story")` -> `articles[2].story`."""
    return "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in loc).lstrip(".")


def value_line(path: Path, loc: Sequence[str | int]) -> int | None:
    """The 1-based line where the value at `loc` (e.g. `("consent", "uses", 0)`) is written in
    a YAML file or a Markdown file's front matter: the deepest part of `loc` that is found."""
    try:
        text = read_text(path)
    except SourceError:
        return None
    first_line = 1
    if path.suffix == ".md":  # only the front matter, which starts on line 2
        text, first_line = text.partition("\n---")[0].removeprefix("---\n"), 2
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return None
    line = None
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            found = next((pair for pair in node.value if pair[0].value == str(part)), None)
            if found is None:
                break
            line, node = found[0].start_mark.line, found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            if part >= len(node.value):
                break
            node = node.value[part]
            line = node.start_mark.line
    return None if line is None else line + first_line
