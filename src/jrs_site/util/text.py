"""Names folded for comparison, and slugs for web addresses."""

from __future__ import annotations

import re
import unicodedata


def fold(text: str) -> str:
    """Case- and accent-folded form of a name, to find slugs that only differ by those."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def slugify(text: str) -> str:
    """A valid slug suggestion for a folder name: `Élan Vital` -> `elan-vital`."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
