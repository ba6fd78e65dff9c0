"""An e-mail's HTML in, its plain-text alternative out: the same words, in the same order,
with each link's address after its text."""

from __future__ import annotations

import re

import lxml.html

#: Elements that start a new line of text.
BLOCKS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "li", "ul", "tr", "table", "figure", "figcaption", "blockquote"}
)
SKIPPED = frozenset({"head", "style", "script", "title"})
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_WHITESPACE = re.compile(r"\s+")
SOFT = "\x01"  # a line break, not a blank line, however many meet
_DISPLAY_BLOCK = re.compile(r"(?:^|;)\s*display:\s*block")


def _link_target(href: str, text: str) -> str:
    """What follows a link's text: its address, unless the text says it already."""
    address = href.removeprefix("mailto:").removeprefix("tel:")
    plain = re.sub(r"\s", "", text)
    return "" if not href or address in text or re.sub(r"\s", "", address) in plain else href


def _flat(text: str | None) -> str:
    """Text as the browser shows it: every run of white space one space."""
    return _WHITESPACE.sub(" ", text or "")


def _walk(element: lxml.html.HtmlElement, out: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in SKIPPED or not tag:
        out.append(_flat(element.tail))
        return
    if tag in BLOCKS:
        breaks = "\n\n"
    elif _DISPLAY_BLOCK.search(element.get("style", "")):
        breaks = SOFT  # a line of its own within a block: a key figure's number, its label
    else:
        breaks = ""
    out.append(breaks or ("\n" if tag == "br" else ""))
    out.append(_flat(element.text))
    for child in element:
        _walk(child, out)
    if tag == "a":
        target = _link_target(element.get("href", ""), element.text_content())
        out.append(f" ({target})" if target else "")
    out.append(breaks)
    out.append(_flat(element.tail))


def plain_text(html: str) -> str:
    """The text of `html`: one paragraph per block, blank lines between them."""
    out: list[str] = []
    _walk(lxml.html.document_fromstring(html).body, out)
    text = re.sub(f"{SOFT}[{SOFT} ]*", "\n", "".join(out))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"
