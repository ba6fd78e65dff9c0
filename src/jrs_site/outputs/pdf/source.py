"""The print HTML and its laid-out pages in, what preflight compares the PDF with out: the text
of each article (so that no word may go missing) and the headings with nothing under them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.etree.ElementTree import Element

from weasyprint import HTML
from weasyprint.document import Document

from jrs_site.outputs.pdf.preflight import Source

#: Elements that end a word where they start and end (the others, such as a drop cap's
#: `<span>`, may sit inside a word).
BLOCKS = frozenset(
    {
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "li",
        "nav",
        "ol",
        "p",
        "section",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)
HEADINGS = frozenset(f"h{n}" for n in range(1, 7))
#: The parts of a page that hold their own content: a heading's content must be inside its own.
PARTS = frozenset({"article", "section", "body"})


def _tag(element: Element) -> str:
    return element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""


def text_of(element: Element) -> str:
    """The text an element shows, with a space where a block starts or ends."""

    def walk(node: Element) -> Iterator[str]:
        block = _tag(node) in BLOCKS
        if block:
            yield " "
        yield node.text or ""
        for child in node:
            yield from walk(child)
            yield child.tail or ""
        if block:
            yield " "

    return re.sub(r"\s+", " ", "".join(walk(element))).strip()


def _title(part: Element) -> str:
    """An article's title, or a part's first heading, or its class."""
    for element in part.iter():
        if _tag(element) in HEADINGS:
            return text_of(element)
    return part.get("class", _tag(part))


def _body(html: HTML) -> Element:
    return next(e for e in html.etree_element.iter() if _tag(e) == "body")


def texts(html: HTML) -> list[tuple[str, str]]:
    """(title, text) of each part of the document: the cover, each article, each page after."""
    return [(_title(part), text_of(part)) for part in _body(html)]


def _has_content_after(part: Element, heading: Element) -> bool:
    """Whether text or a photo follows `heading` inside `part`."""
    if (heading.tail or "").strip():
        return True
    own = {id(e) for e in heading.iter()}
    seen = False
    for element in part.iter():
        if element is heading:
            seen = True
        elif seen and id(element) not in own:
            text = (element.text or "").strip() or (element.tail or "").strip()
            if text or _tag(element) == "img":
                return True
    return False


def empty_headings(html: HTML, document: Document, first_page: int = 1) -> list[str]:
    """'page 7 (Opgesloten zonder misdrijf): “Kerncijfers”' for each heading that has nothing
    under it in its article or section."""
    pages: dict[int, int] = {}
    for number, page in enumerate(document.pages, start=first_page):
        for box in page._page_box.descendants():  # noqa: SLF001 - WeasyPrint's box tree
            element = getattr(box, "element", None)
            if element is not None and id(element) not in pages:
                pages[id(element)] = number
    found = []

    def visit(part: Element, article: str) -> None:
        for child in part:
            tag = _tag(child)
            if tag in PARTS:
                visit(child, _title(child) if tag == "article" else article)
                continue
            for heading in (e for e in child.iter() if _tag(e) in HEADINGS):
                if not _has_content_after(part, heading):
                    page = pages.get(id(heading), "?")
                    where = f"page {page}" + (f" ({article})" if article else "")
                    found.append(f"{where}: “{text_of(heading)}”")

    visit(_body(html), "")
    return found


def source(parts: list[tuple[HTML, Document, int]]) -> Source:
    """What the PDF made of these documents (each with its first page number) must show."""
    return Source(
        tuple(t for html, _, _ in parts for t in texts(html)),
        tuple(h for html, doc, first in parts for h in empty_headings(html, doc, first)),
    )
