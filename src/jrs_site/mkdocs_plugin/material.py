"""What our pages change of the HTML Material's templates write outside any block we can
override (its base.html): kept here, for every page and each language's 404 page alike."""

from __future__ import annotations

import re

#: Material's base.html gives its drawer and search checkboxes `autocomplete="off"`, which HTML
#: allows on text fields only, outside any block a template can override. What it did (keep
#: Firefox from restoring an open drawer) jrs.js does on `pageshow`.
_TOGGLE_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*?) autocomplete="off"')


def valid_toggles(html: str) -> str:
    """A page of Material's without `autocomplete` on its two toggles (valid HTML)."""
    return _TOGGLE_AUTOCOMPLETE.sub(r"\1", html, count=2)
