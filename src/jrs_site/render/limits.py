"""Limits of what a text may hold, found by a cheap scan of its Markdown, without rendering it.

Python-Markdown renders each level of a quote or list by recursion: a quote nested 2,000
deep, a list 600 deep, or 2,000 '*' in a row exhaust Python's stack. `check` refuses such a
text with its line (`too_deep`, `long_run`); `capped` cuts a text down to the limits, for what
renders text that `check` has not passed (a page of `docs/` under `serve`, which renders while
errors are shown).

The print estimate (`printed_pages`) lets `check` warn about a text, or an edition, that would
print far more pages than a newsletter has, without WeasyPrint.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from jrs_site.model.bundles import Edition, Report

#: Levels of quotes and lists one inside the other: real texts use three or four.
MAX_NESTING = 20
#: One level: a quote sign, or a list marker followed by a space, after any indentation.
_LEVEL_RE = re.compile(r"([ \t]*)(>|(?:[-*+]|\d{1,9}[.)])(?=[ \t]))")
_FENCE_RE = re.compile(r"[ \t>]*(`{3,}|~{3,})")
#: Nesting past the limit needs a line whose indentation and markers reach MAX_NESTING
#: columns: at least a quarter as many characters (a tab is 4). A text without one is not
#: scanned (ten times faster on the 500-testimony archive).
_MAY_NEST_DEEP_RE = re.compile(rf"^[ \t>*+\-\d.)]{{{MAX_NESTING // 4},}}", re.MULTILINE)

#: Signs of emphasis in a row: Python-Markdown reads them by recursion as well (2,000 exhaust
#: the stack); a line of underscores to write on is far shorter.
MAX_RUN = 200
_RUN_RE = re.compile(rf"[*_]{{{MAX_RUN + 1},}}")

#: Characters of Markdown that fill one printed page: two columns of body text (the geometry
#: of outputs/pdf/layout.py). Measured on the screen PDF of edition 118 in Dutch: 100,000
#: characters of text added to a testimony added 19 pages (11 -> 30), 200,000 added 38
#: (5,280 a page); rounded down, so that the estimate errs towards more pages.
CHARS_PER_PAGE = 5000
#: What a text may print before `check` warns: a long feature fills two or three pages.
MAX_TEXT_PAGES = 6
#: What an edition may print before `check` warns: a newsletter has 8 to 16 pages.
MAX_EDITION_PAGES = 32
#: Pages of an edition beside its articles' text (cover, back page), and per article (its
#: title, lead, photos, figures). With these, edition 118 is estimated at 11 pages: it prints 11.
EDITION_PAGES, ARTICLE_PAGES = 2, 1


@dataclass(frozen=True)
class Nesting:
    """How deep a text nests quotes and lists: the first line over the limit (0-based, in
    the text) and the deepest level found."""

    line: int
    depth: int


@dataclass(frozen=True)
class _Line:
    index: int
    depth: int  # levels of quotes and lists at the start of the line
    cut: int | None  # where its first marker beyond MAX_NESTING starts
    text_start: int  # where its text starts, after its markers


def _outside_code(lines: list[str]) -> Iterator[int]:
    """The index of each line that is not inside a fenced code block (```, ~~~)."""
    fence = ""
    for index, line in enumerate(lines):
        match = _FENCE_RE.match(line)
        if fence:
            if match and match[1].startswith(fence):
                fence = ""
            continue
        if match:
            fence = match[1]
            continue
        yield index


def _scan(text: str) -> Iterator[_Line]:
    """The nesting of each line outside code. A list item is inside every item above it
    whose marker stands further left (by 2 spaces or by 4, as people write them): a list
    nests as deep as the columns of its open items; each quote sign adds a level."""
    lines = text.split("\n")
    columns: list[int] = []  # of the list items open above this line
    for index in _outside_code(lines):
        line = lines[index].expandtabs(4)
        quotes, pos, cut = 0, 0, None
        first_item = True
        while match := _LEVEL_RE.match(line, pos):
            column = match.start(2)
            if match[2] == ">":
                quotes += 1
            else:
                while first_item and columns and columns[-1] >= column:
                    columns.pop()
                columns.append(column)
                first_item = False
            if cut is None and quotes + (0 if first_item else len(columns)) > MAX_NESTING:
                cut = pos
            pos = match.end()
        yield _Line(index, quotes + (0 if first_item else len(columns)), cut, pos)


def too_deep(text: str) -> Nesting | None:
    """Where `text` nests quotes or lists deeper than MAX_NESTING, or None."""
    if not _MAY_NEST_DEEP_RE.search(text):
        return None
    first, deepest = None, 0
    for line in _scan(text):
        if line.cut is not None and first is None:
            first = line.index
        deepest = max(deepest, line.depth)
    return None if first is None else Nesting(first, deepest)


def long_run(text: str) -> tuple[int, int] | None:
    """(line, length) of the first row of more than MAX_RUN '*' or '_' signs in `text` (its
    line 0-based), or None."""
    match = _RUN_RE.search(text)
    return None if match is None else (text.count("\n", 0, match.start()), len(match[0]))


def capped(text: str) -> str:
    """`text` within the limits: rows of '*' and '_' cut to MAX_RUN signs, and the quote
    signs and list markers beyond MAX_NESTING levels removed from each line."""
    text = _RUN_RE.sub(lambda match: match[0][:MAX_RUN], text)
    if too_deep(text) is None:
        return text
    lines = text.split("\n")
    for line in _scan(text):
        if line.cut is not None:
            expanded = lines[line.index].expandtabs(4)
            lines[line.index] = expanded[: line.cut] + expanded[line.text_start :]
    return "\n".join(lines)


def printed_pages(chars: int) -> int:
    """About how many pages `chars` characters of Markdown fill in print, rounded up."""
    return -(-chars // CHARS_PER_PAGE)


def edition_pages(edition: Edition, lang: str) -> int:
    """About how many pages `edition` prints in `lang`: its fixed pages, and each article's
    page of title and photos and its text (a report's summary only with `body: true`)."""
    chars = sum(
        len(article.text(lang).body)
        for article in edition.articles
        if not isinstance(article, Report) or article.key in edition.report_bodies
    )
    return EDITION_PAGES + ARTICLE_PAGES * len(edition.articles) + printed_pages(chars)
