"""Writing direction: right-to-left text marked with `dir` in finished HTML, for every output.

People in our testimonies write Arabic, Persian, Pashto, Hebrew next to Dutch and French. The
writer does nothing for it: `mark(html, lang)` gives each block whose text is mainly right to
left (paragraph, heading, list item, quote, caption, cell, and the title, lead or label of any
template) `dir="rtl"`, and a block of left-to-right text inside a right-to-left one `dir="ltr"`.
Inline, a run of the other direction inside a sentence (a name in Arabic in a Dutch sentence,
a Dutch word in a Dari one) is put in a `<span dir>`, which isolates it: its neighbours keep
their order and punctuation ("فاطمة (62)." stays that, not "(62) فاطمة.").

Explicit `dir`, not `dir="auto"`: WeasyPrint and most e-mail clients know no `auto`, and the
three outputs set the same text the same way. A block reads the other way than around it when
most of its strong letters (Unicode bidi classes L against R and AL) are of the other
direction and it opens with one, or when two thirds are (`dir="auto"` looks at the first
only). A document with no right-to-left letter in a left-to-right language is returned
unchanged at the cost of one regular-expression search. Explicit `dir` attributes already in
the HTML are kept and inherited, and the letters of such an element do not count for the
block around it (as for `dir="auto"`); a second run changes nothing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from babel import Locale, UnknownLocaleError

#: Letters of the scripts written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko,
#: Samaritan, Mandaic, their presentation forms, and the historic ones beyond the BMP).
_RTL_LETTER = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
#: Content never marked nor counted: scripts, styles and the page title (plain text only).
_MARKUP = re.compile(
    r"<(script|style|textarea|title)\b.*?</\1\s*>"
    r"|<!--.*?-->"
    r"""|<(?:[^>"']|"[^"]*"|'[^']*')*>""",
    re.S | re.I,
)
_TAG = re.compile(r"<(/?)([a-z][\w-]*)", re.I)
#: A character reference (`&gt;`, `&#1575;`): its letters are no text, and no span may cut it.
_REFERENCE = re.compile(r"&(?:#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);", re.I)
_DIR = re.compile(r"""\sdir\s*=\s*["']?(rtl|ltr|auto)""", re.I)
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"]
)
#: Blocks that hold text: they get `dir` when their text reads the other way than around them.
#: Lists and tables too (their items and columns follow), but never a layout container (a
#: `div`, `main`, `nav`): a page's grid must not flip for a long quote in Arabic.
_BLOCKS = frozenset(
    ["p", "li", "dt", "dd", "td", "th", "caption", "figure", "figcaption", "blockquote"]
    + ["summary"]
    + ["h1", "h2", "h3", "h4", "h5", "h6", "pre", "label", "ul", "ol", "dl", "table", "legend"]
)
#: Elements inside a sentence: `dir` on them isolates their text from its neighbours.
_INLINE = frozenset(
    ["a", "abbr", "b", "bdi", "cite", "code", "em", "i", "kbd", "mark", "q", "s", "samp"]
    + ["small", "span", "strong", "sub", "sup", "time", "u"]
)
_MARKED = _BLOCKS | _INLINE
#: Bidi classes of what belongs to the letter before it: combining marks, joiners.
_MARKS = frozenset(["NSM", "BN"])


@cache
def known_locale(code: str) -> Locale | None:
    """Babel's (CLDR's) locale of a language code such as `fa-AF`, or None if it has none."""
    try:
        return Locale.parse(code.replace("-", "_"))
    except (ValueError, TypeError, LookupError, UnknownLocaleError):
        return None


def language_direction(lang: str) -> str:
    """`rtl` for a language written right to left (`ar`, `fa`, `ps`, `he`...), else `ltr`."""
    locale = known_locale(lang)
    return "rtl" if locale and locale.character_order == "right-to-left" else "ltr"


def _strength(char: str) -> str:
    """`rtl`, `ltr`, or "" for a character of no strong direction (digits, signs, spaces)."""
    kind = unicodedata.bidirectional(char)
    return "rtl" if kind in ("R", "AL") else "ltr" if kind == "L" else ""


def _strong(text: str) -> list[tuple[int, str]]:
    """Where `text` has a letter of strong direction, and which: (index, `rtl` or `ltr`);
    the letters of a character reference (`&gt;`, written for `>`) have none."""
    references = (
        {i for m in _REFERENCE.finditer(text) for i in range(m.start(), m.end())}
        if "&" in text
        else set()
    )
    return [(i, s) for i, char in enumerate(text) if i not in references and (s := _strength(char))]


@dataclass(eq=False)
class _Element:
    """An element of the document as `mark` sees it: where its start tag ends, its own `dir`,
    and the strong letters of its text, counted once it closes."""

    tag: str
    end_of_tag: int  # index of its start tag's part
    own: str  # its `dir` attribute, or ""
    parent: _Element | None
    rtl: int = 0
    ltr: int = 0
    first: str = ""  # the direction of its first strong letter
    texts: list[int] = field(default_factory=list)  # indexes of its text parts
    direction: str = ""  # resolved: the one it is set in
    navigation: bool = False  # in a `nav`: its blocks follow the page (menus, tabs)

    def count(self, text: str) -> None:
        """Count the strong letters of a text directly inside it."""
        for _, strength in _strong(text):
            if strength == "rtl":
                self.rtl += 1
            elif strength == "ltr":
                self.ltr += 1
            self.first = self.first or strength

    def add(self, child: _Element) -> None:
        """Count the letters of an element inside it."""
        self.rtl += child.rtl
        self.ltr += child.ltr
        self.first = self.first or child.first

    def reads(self, around: str) -> str:
        """The direction it reads in, set in `around`: the other one when most of its strong
        letters are of the other direction and it opens with one of them, or when two thirds
        are, however it opens. "وقد وصل إلى Brussel (België)" reads right to left, as does a
        Dari sentence after "Samira:"; "arabe (العربية)" in a French table does not."""
        same, other = (self.rtl, self.ltr) if around == "rtl" else (self.ltr, self.rtl)
        flipped = "ltr" if around == "rtl" else "rtl"
        if other > 2 * same or (other > same and self.first == flipped):
            return flipped
        return around


def direction_of(text: str, around: str = "ltr") -> str:
    """The direction a plain `text` reads in, set in `around`: the rule `mark` follows."""
    letters = _Element("", -1, "", None)
    letters.count(text)
    return letters.reads(around)


def mark(html: str, lang: str) -> str:
    """`html` (a page or a fragment in `lang`) with `dir` on each block and inline element
    whose text reads the other way than its surroundings, and each run of the other direction
    inside a text isolated in a `<span dir>` (see the module's docstring)."""
    base = language_direction(lang)
    if base == "ltr" and not _RTL_LETTER.search(html):
        return html
    parts: list[tuple[str, bool]] = []  # (piece, is text)
    end = 0
    for match in [*_MARKUP.finditer(html), None]:
        start = match.start() if match else len(html)
        if start > end:
            parts.append((html[end:start], True))
        if match is not None:
            parts.append((match.group(0), False))
            end = match.end()
    elements = _elements(parts)
    return _write(parts, elements, base)


def _elements(parts: list[tuple[str, bool]]) -> list[_Element]:
    """Every element with its text, in document order (parents before children)."""
    root = _Element("", -1, "", None)
    found, stack = [root], [root]
    for index, (piece, is_text) in enumerate(parts):
        if is_text:
            stack[-1].count(piece)
            stack[-1].texts.append(index)
            continue
        tag = _TAG.match(piece)
        if tag is None:
            continue  # a comment, a script: neither text nor structure
        name = tag.group(2).lower()
        if tag.group(1):  # an end tag closes up to its element, if it is open
            if any(e.tag == name for e in stack[1:]):
                while stack[-1].tag != name:
                    _close(stack)
                _close(stack)
        elif name not in _VOID and not piece.endswith("/>"):
            own = _DIR.search(piece)
            element = _Element(name, index, own.group(1).lower() if own else "", stack[-1])
            element.navigation = name == "nav" or stack[-1].navigation
            found.append(element)
            stack.append(element)
    while len(stack) > 1:
        _close(stack)
    return found


def _close(stack: list[_Element]) -> None:
    """Close the innermost element: its letters count for its parent unless it has a `dir`
    of its own (as for `dir="auto"`: a credit in the page's direction naming a Latin name)."""
    element = stack.pop()
    if element.own not in ("rtl", "ltr"):
        stack[-1].add(element)


def _write(parts: list[tuple[str, bool]], elements: list[_Element], base: str) -> str:
    """The document with the `dir` attributes and isolating spans that `mark` adds."""
    out = [piece for piece, _ in parts]
    elements[0].direction = base
    for element in elements[1:]:
        around = element.parent.direction if element.parent else base
        if element.own in ("rtl", "ltr"):
            element.direction = element.own
        elif element.own == "auto":
            element.direction = element.reads(around)
        else:
            element.direction = around
            reads = element.reads(around)
            # In a `nav` only inline elements get `dir`: a menu of Dutch page titles in an
            # Arabic page stays in the page's order and place, each title isolated.
            marked = _INLINE if element.navigation else _MARKED
            if element.tag in marked and reads != around:
                element.direction = reads
                piece = out[element.end_of_tag]
                cut = len(piece) - (2 if piece.endswith("/>") else 1)
                out[element.end_of_tag] = f'{piece[:cut]} dir="{reads}"{piece[cut:]}'
    for element in elements:
        if element.tag in _MARKED or element is elements[0]:
            for index in element.texts:
                out[index] = isolate(out[index], element.direction)
    return "".join(out)


def isolate(text: str, direction: str) -> str:
    """`text`, set in `direction`, with each run of the other direction (from its first strong
    letter to its last, digits and spaces between included) in a `<span dir>`."""
    other = "ltr" if direction == "rtl" else "rtl"
    strong = _strong(text)
    if not any(s == other for _, s in strong):
        return text
    out, at, run = [], 0, None  # run: (first index, last index) of the open run
    for i, strength in [*strong, (len(text), direction)]:
        if strength == other:
            run = (run[0], i) if run else (i, i)
        elif run is not None:
            first, end = run[0], run[1] + 1
            while end < len(text) and unicodedata.bidirectional(text[end]) in _MARKS:
                end += 1  # a vowel sign or joiner after the last letter stays with it
            out += [text[at:first], f'<span dir="{other}">{text[first:end]}</span>']
            at, run = end, None
    out.append(text[at:])
    return "".join(out)
