"""Nested lists as people write them, for item bodies and the pages of `docs/` alike.

Python-Markdown nests a list only at 4 spaces a level; GitHub, CommonMark and every editor nest
an item indented under the text of the item above (`- ` then 2 spaces, `1. ` then 3). This
preprocessor indents such lines again to 4 spaces a level, before Python-Markdown reads them:
lists written at 4 spaces come out the same. `mkdocs.yml` names it for the `docs/` pages
(`jrs_site.render.lists`); `markdown.py` registers it for the items.
"""

from __future__ import annotations

import re

import markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

_LIST_ITEM_RE = re.compile(r"^(?P<indent> *)(?P<marker>[-*+]|\d{1,9}[.)])(?P<space> +|$)")
_FENCE_RE = re.compile(r"^ *(`{3,}|~{3,})")


class NestedLists(Preprocessor):
    """Lists nested the way GitHub, CommonMark and every editor nest them: an item indented
    under the text of the item above (`- ` then 2 spaces, `1. ` then 3) is its child. Such
    lines are indented again to the 4 spaces a level that Python-Markdown reads; what else an
    item holds (a second paragraph, code) moves with it."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        items: list[int] = []  # the text column of each open item, outermost first
        fence, shift, blank = "", 0, True
        loose = False  # an empty line since the last item: its paragraphs are blocks
        code = False  # inside an indented code block
        for line in lines:
            line = line.expandtabs(4) if line.startswith((" ", "\t")) else line
            indent = len(line) - len(line.lstrip(" "))
            if fence:  # inside fenced code: moved with its fence, never read
                out.append(" " * shift + line if shift >= 0 else line[min(-shift, indent) :])
                closing = line.strip()
                fence = "" if closing.startswith(fence) and set(closing) == {fence[0]} else fence
                continue
            if not line.strip():
                out.append(line)
                blank, loose = True, bool(items)
                continue
            if not items and indent >= 4 and (blank or code):
                out.append(line)  # an indented code block outside any list: as written
                code, blank = True, False
                continue
            code = False
            item = _LIST_ITEM_RE.match(line)
            in_list = bool(items)
            while items and indent < items[-1]:
                items.pop()
            if item:
                if in_list and loose and out[-1].strip() and not _LIST_ITEM_RE.match(out[-1]):
                    out.append("")  # or Python-Markdown reads it as the paragraph's next line
                depth, loose = len(items), False
                gap = len(item["space"])
                items.append(indent + len(item["marker"]) + (gap if 0 < gap <= 4 else 1))
                new = 4 * depth
            elif items and (indent >= items[-1]):
                new = 4 * len(items) + indent - items[-1]
            else:
                if blank:
                    items = []
                new = indent
            shift = new - indent
            out.append(" " * new + line[indent:])
            opening = _FENCE_RE.match(line)
            if opening:
                fence = opening.group(1)
            blank = False
        return out


class NestedListsExtension(Extension):
    """Registers `NestedLists` (before Python-Markdown's own preprocessors read blocks)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        md.preprocessors.register(NestedLists(md), "jrs_lists", 25)


def makeExtension(**kwargs: object) -> NestedListsExtension:  # noqa: N802 - Markdown's API
    """The extension, as Python-Markdown loads it by module name (in `mkdocs.yml`)."""
    return NestedListsExtension(**kwargs)
