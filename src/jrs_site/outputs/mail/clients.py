"""What every e-mail client shows: the markup the website and print share, rewritten where the
caniemail data marks it unsupported in Gmail, Outlook (Windows), Apple Mail or Yahoo.

- `figure` and `figcaption` (HTML5 semantics: Outlook on Windows, Yahoo): a pull quote becomes
  a one-cell layout table (its rule a cell border); a photo's caption is a paragraph
  (`render/templates/email-photo.html`);
- the key figures' bars are left out: hidden with `display:none`, which Gmail's mobile web
  client ignores, and `aria-hidden`, which Yahoo drops; the numbers say the same in words.

(Yahoo replaces `<body>` by a `<div>` without its styles: the template styles a wrapper table
instead, and leaves `<body>` bare.)
"""

from __future__ import annotations

import lxml.html
from lxml.html import HtmlElement

#: The pull quote's one-cell table: the attributes that make a table layout only.
_LAYOUT = {"role": "presentation", "cellpadding": "0", "cellspacing": "0", "border": "0"}


def for_clients(block: HtmlElement) -> HtmlElement:
    """A block of an article's text (`excerpt`) as the clients show it: without the markup
    the module's docstring lists. The block is changed in place, or replaced: the one to use
    is returned."""
    for bars in block.find_class("kf-bars"):
        bars.drop_tree()
    if block.tag == "figure" and "pullquote" in block.get("class", "").split():
        return _as_table(block)
    return block


def _as_table(figure: HtmlElement) -> HtmlElement:
    """`<figure class="pullquote" dir=..>` as `<table><tr><td class="pullquote" dir=..>`, its
    `figcaption` (who said it) a `<p class="pullquote-by">`."""
    cell = lxml.html.Element("td", dict(figure.attrib))
    cell.text = figure.text
    for child in list(figure):
        if child.tag == "figcaption":
            child.tag = "p"
            child.set("class", "pullquote-by")
        cell.append(child)
    table = lxml.html.Element("table", {**_LAYOUT, "width": "100%", "class": "pullquote-table"})
    row = lxml.html.Element("tr")
    row.append(cell)
    table.append(row)
    return table
