"""Marks a writer adds to plain Markdown, for item bodies and the pages of `docs/` alike:
`mkdocs.yml` names this module (`jrs_site.render.marks`), `markdown.py` registers it too.

- **Nested lists as people write them**: Python-Markdown nests a list only at 4 spaces a
  level; GitHub, CommonMark and every editor nest an item indented under the text of the item
  above (`- ` then 2 spaces, `1. ` then 3). `NestedLists` indents such lines again to 4
  spaces a level before Python-Markdown reads them: lists written at 4 spaces come out the
  same.
- **A passage in another language**: `[слово]{lang=ru}` inside a sentence, and `{lang=ar}` at
  the end of a paragraph, heading, list item, cell or quote line for the whole block: its
  `lang` (screen readers' voice, hyphenation). Its direction comes from its letters, as for
  every block (`bidi.py`).
- **A table's caption or source**: a line `: ...` under the table, after an empty line.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import markdown
from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from jrs_site.render.sanitise import LANG_CODE

#: What opens the last line of a pull quote that names who said it (`> — Amina`).
DASHES = ("—", "–", "-- ", "- ")


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


#: `{lang=ar}` closing a block's text, or the line before a pull quote's `— name`.
_BLOCK_LANG_RE = re.compile(
    rf"[ \t]*\{{lang=({LANG_CODE})\}}[ \t]*(?=$|\n[ \t]*(?:{'|'.join(DASHES)})[^\n]*$)"
)
#: Blocks that a closing `{lang=..}` marks (a quote's paragraphs are marked one by one).
LANG_BLOCKS = frozenset(["p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "dt", "dd"])


class _Blocks(Treeprocessor):
    """Before the inline patterns, on each block's Markdown text: a closing `{lang=xx}` becomes
    the block's `lang`; a `: caption` line under a table (which Markdown reads as a definition
    without a term) becomes the table's `<caption>`."""

    def run(self, root: ET.Element) -> None:
        captions = []
        for parent in root.iter():
            if parent.tag in LANG_BLOCKS and len(parent) == 0 and parent.text:
                found = _BLOCK_LANG_RE.search(parent.text)
                if found is not None:
                    parent.text = parent.text[: found.start()] + parent.text[found.end() :]
                    parent.set("lang", found.group(1))
            children = list(parent)
            captions += [
                (parent, table, dl)
                for table, dl in zip(children, children[1:], strict=False)
                if table.tag == "table" and dl.tag == "dl" and [d.tag for d in dl] == ["dd"]
            ]
        for parent, table, dl in captions:
            dl[0].tag = "caption"
            table.insert(0, dl[0])
            parent.remove(dl)


class _PassageLanguage(InlineProcessor):
    """`[слово]{lang=ru}`: a phrase in another language, as `<span lang="ru">`."""

    def handleMatch(  # type: ignore[override]  # noqa: N802 - Markdown's API (its stubs' own ignore)
        self, m: re.Match[str], data: str
    ) -> tuple[ET.Element, int, int]:
        span = ET.Element("span", {"lang": m.group(2)})
        span.text = m.group(1)
        return span, m.start(0), m.end(0)


class MarksExtension(Extension):
    """Registers the marks: nested lists, a passage's language, a table's caption."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        md.preprocessors.register(NestedLists(md), "jrs_lists", 25)
        md.treeprocessors.register(_Blocks(md), "jrs_blocks", 25)  # before "inline" (20)
        passage = rf"\[([^\]\n]+)\]\{{lang=({LANG_CODE})\}}"
        md.inlinePatterns.register(_PassageLanguage(passage, md), "jrs_lang", 175)


def makeExtension(**kwargs: object) -> MarksExtension:  # noqa: N802 - Markdown's API
    """The extension, as Python-Markdown loads it by module name (in `mkdocs.yml`)."""
    return MarksExtension(**kwargs)
