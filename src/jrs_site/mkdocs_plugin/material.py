"""What our pages add to Material's templates, and change of the HTML they write outside any
block we can override (its base.html): kept here, for every page and each language's 404 page
alike."""

from __future__ import annotations

import re

import jinja2

from jrs_site.fonts import font_face_css
from jrs_site.render.partials import with_filters

#: Material's base.html gives its drawer and search checkboxes `autocomplete="off"`, which HTML
#: allows on text fields only, outside any block a template can override. What it did (keep
#: Firefox from restoring an open drawer) jrs.js does on `pageshow`.
_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"')


def valid_toggles(html: str) -> str:
    """A page of Material's without `autocomplete` on its two toggles (valid HTML)."""
    return _TOGGLE_AUTOCOMPLETE.sub(r"\1", html, count=2)


def with_theme_globals(env: jinja2.Environment) -> jinja2.Environment:
    """A theme's environment (MkDocs' for the pages, the one for each 404 page) with what our
    templates in it use: our filters, and the @font-face rules, which main.html inlines with
    the page's path to the fonts (a render-blocking request fewer on every page)."""
    with_filters(env).globals["jrs_font_face_css"] = font_face_css
    return env
