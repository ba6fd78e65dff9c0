"""Rendered body HTML in, safe HTML out: an allow-list sanitiser (nh3, the binding of ammonia),
and the list of what it removes, for `jrs-site check`.

The allow-list names exactly what our Markdown conventions make (see `markdown.py`): headings,
paragraphs, lists, links, tables, footnotes, code, pull quotes, speaker turns, key figures and
the photo placeholders. Links may use https, http, mailto or a relative address. Everything
else goes: raw `<img>`, `<script>`, `<iframe>`, `<svg>`, `<meta>`, `<link>`, `<base>`, event
handlers (`onerror=`), `style=` (except the key figures' bar widths), `javascript:` links.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

import nh3
from markupsafe import Markup

from jrs_site.model.problems import Severity

TAGS = frozenset(
    {
        *(f"h{n}" for n in range(1, 7)),
        *("p", "br", "hr", "strong", "em", "a", "ul", "ol", "li", "blockquote"),
        *("figure", "figcaption", "code", "pre", "div", "span", "sup", "abbr"),
        *("table", "caption", "thead", "tbody", "tr", "th", "td", "dl", "dt", "dd"),
    }
)
ATTRIBUTES: dict[str, set[str]] = {
    **{f"h{n}": {"id"} for n in range(1, 7)},
    "a": {"href", "title"},
    "abbr": {"title"},
    "ol": {"start"},
    "li": {"id"},  # footnotes
    "sup": {"id"},
    "th": {"align"},
    "td": {"align"},
    "span": {"style", "aria-hidden"},  # the bars of key figures: `width` only (STYLE_PROPERTIES)
    "figure": {"data-jrs-photo"},  # where a photo goes (markdown.py), filled in after
}
CLASSES: dict[str, set[str]] = {
    "p": {"turn"},
    "strong": {"speaker"},
    "figure": {"pullquote"},
    "ul": {"key-figures"},
    "span": {
        *("kf-value", "kf-unit", "kf-label", "kf-previous", "kf-source"),
        *("kf-bars", "kf-bar", "kf-bar-now", "kf-bar-prev"),
    },
    "a": {"footnote-ref", "footnote-backref"},
    "div": {"footnote", "highlight"},
    "pre": {"highlight"},
}
STYLE_PROPERTIES = {"width"}
URL_SCHEMES = {"https", "http", "mailto"}
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "poster", "data", "xlink:href"}

#: Tags that would load something or run code: refused by `check` as errors.
ACTIVE_TAGS = frozenset(
    {
        *("script", "style", "iframe", "frame", "frameset", "object", "embed", "applet"),
        *("img", "image", "picture", "source", "video", "audio", "track", "svg", "math"),
        *("link", "meta", "base", "form", "input", "button", "textarea", "select"),
        *("noscript", "template", "portal", "canvas", "dialog"),
    }
)
_PHOTO_HINT = (
    "put the photo in the item's folder and write ![what it shows](photo.jpg) on a line of its own"
)
_MESSAGES = {"img": "a photo written as <img>, or inside a line of text, is not allowed"}
_HINTS = {
    "img": _PHOTO_HINT,
    "picture": _PHOTO_HINT,
    "image": _PHOTO_HINT,
    "iframe": "link to the video or page instead: [watch the video](https://...)",
    "video": "link to the video instead: [watch the video](https://...)",
    "audio": "link to the recording instead: [listen](https://...)",
}
_CODE_HINT = "remove it: the site loads nothing from other websites and runs no embedded code"
_MARKDOWN_HINT = "write Markdown instead: **bold**, *italic*, [a link](https://...), ## a title"

#: Removed with everything inside them (other tags lose only themselves, their text stays).
CONTENT_REMOVED = frozenset(
    {"script", "style", "svg", "math", "template", "iframe", "object", "noscript", "textarea"}
)

#: A language code as `lang` takes it: `ar`, `fa`, `ti`, `nl-BE`, `sr-Latn`.
LANG_CODE = r"[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*"
_LANG_VALUE = re.compile(LANG_CODE)


def _attribute_value(tag: str, name: str, value: str) -> str | None:
    """A `lang` (which ammonia allows on every tag: a passage's language, `markdown.py`) only
    when it is a language code (`ar`, `nl-BE`); every other kept attribute as it is."""
    if name == "lang" and not _LANG_VALUE.fullmatch(value):
        return None
    return value


_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    attribute_filter=_attribute_value,
    clean_content_tags=set(CONTENT_REMOVED),
    attributes=ATTRIBUTES,
    allowed_classes=CLASSES,
    filter_style_properties=STYLE_PROPERTIES,
    url_schemes=URL_SCHEMES,
    link_rel=None,
    strip_comments=True,
)


def sanitise(html: str) -> Markup:
    """`html` with everything outside the allow-list removed: safe to place in any page."""
    return Markup(_CLEANER.clean(html))  # noqa: S704 - the sanitiser's output


@dataclass(frozen=True)
class Removal:
    """One construct the sanitiser removes: what it is, how bad, what to write instead, and
    the text to look for in the source (to find its line)."""

    message: str
    severity: Severity
    hint: str
    needle: tuple[str, ...]  # what it may look like in the source, e.g. `<img` or `![`


def removals(html: str) -> list[Removal]:
    """What `sanitise(html)` would remove, in document order, phrased for staff. Things that
    would load from elsewhere or run code are errors; other stray HTML is a warning."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.found


class _Finder(HTMLParser):
    """Walks the HTML like the sanitiser does and notes each tag and attribute it drops."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Removal] = []
        self._inside: list[str] = []  # removed with all they hold: what is in them is not listed

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._inside:
            self._inside += [tag] if tag == self._inside[0] else []
            return
        if tag not in TAGS:
            active = tag in ACTIVE_TAGS or any(_active_attribute(name) for name, _ in attrs)
            self.found.append(
                Removal(
                    _MESSAGES.get(tag, f"raw HTML <{tag}> is not allowed"),
                    "error" if active else "warning",
                    _HINTS.get(tag, _CODE_HINT if active else _MARKDOWN_HINT),
                    (f"<{tag}", "![") if tag == "img" else (f"<{tag}",),
                )
            )
            if tag in CONTENT_REMOVED:
                self._inside = [tag]
            return  # its attributes go with it
        for name, value in attrs:
            self._attribute(tag, name, value or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if self._inside == [tag]:
            self._inside = []

    def handle_endtag(self, tag: str) -> None:
        if self._inside and tag == self._inside[0]:
            self._inside.pop()

    def _attribute(self, tag: str, name: str, value: str) -> None:
        if name == "class":
            return  # an unknown class is dropped silently: it can neither load nor run
        if name in URL_ATTRIBUTES and not url_allowed(value):
            self.found.append(
                Removal(
                    f"the link '{_short(value)}' is not allowed",
                    "error",
                    "a link starts with https://, http:// or mailto:, or names a page of this site",
                    (value.strip(), f"{urlsplit(value.strip()).scheme}:", name),
                )
            )
        if name in ATTRIBUTES.get(tag, ()):
            if name == "style" and not _only_widths(value):
                self.found.append(_attribute_removal(tag, name))
            return
        self.found.append(_attribute_removal(tag, name))


def _active_attribute(name: str) -> bool:
    """An attribute that runs code or loads something (or may: `style` can hold `url()`)."""
    return name.startswith("on") or name in URL_ATTRIBUTES or name == "style"


def _attribute_removal(tag: str, name: str) -> Removal:
    active = _active_attribute(name)
    return Removal(
        f"the HTML attribute '{name}' on <{tag}> is not allowed",
        "error" if active else "warning",
        f"remove '{name}=...'" + (": the site runs no embedded code" if active else ""),
        (name,),
    )


def url_allowed(url: str) -> bool:
    """Whether a link may stay: https, http, mailto, or relative (a page of this site)."""
    compact = re.sub(r"[\x00-\x20]", "", url)
    if ":" not in compact.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]:
        return True  # relative: no scheme before the first /, ? or #
    return urlsplit(compact).scheme.lower() in URL_SCHEMES


def _only_widths(style: str) -> bool:
    declarations = [d for d in style.split(";") if d.strip()]
    return all(d.partition(":")[0].strip().lower() in STYLE_PROPERTIES for d in declarations)


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def locate(source: str, needles: list[tuple[str, ...]]) -> list[int | None]:
    """The 0-based line in `source` of each needle: the first of its forms found after the
    previous occurrence of the same form (case-insensitive); None when none is found."""
    lowered = source.lower()
    cursors: dict[str, int] = {}
    lines: list[int | None] = []
    for forms in needles:
        line = None
        for form in (f.lower() for f in forms if f):
            at = lowered.find(form, cursors.get(form, 0))
            if at >= 0:
                cursors[form] = at + len(form)
                line = source.count("\n", 0, at)
                break
        lines.append(line)
    return lines
