"""Page in, social card out: what the 1200x630 image shared with a page shows, per language.

A published item shows its title over its photo (cropped around the photo's focus point); a
page without a photo shows its title on the brand colour. A testimony whose consent does not
cover `social` never appears on a card: its page gets the organisation's generic card.
The image pipeline draws the card; nothing here touches pixels.
"""

from __future__ import annotations

import functools
import hashlib
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from jrs_site.fonts import card_fonts
from jrs_site.images import WebImage, social_card
from jrs_site.images.social import CARD_SIZE
from jrs_site.model.bundles import Bundle, Site
from jrs_site.render import l10n
from jrs_site.render.kinds import item_title
from jrs_site.util.files import files_digest, write_atomic


@dataclass(frozen=True)
class CardSpec:
    title: str
    site_name: str
    photo: Path | None = None
    focus: tuple[float, float] | None = None


def _card(
    site: Site,
    lang: str,
    title: str,
    photo: Path | None = None,
    focus: tuple[float, float] | None = None,
) -> CardSpec:
    """A card in the language's typography, as on the page: “…” in Dutch, « … » in French."""
    name = l10n.text_typography(site.organisation.name, lang, site.languages)
    return CardSpec(l10n.text_typography(title, lang, site.languages), name, photo, focus)


def generic_card(site: Site, lang: str) -> CardSpec:
    """The organisation's card: its tagline, no photo."""
    return _card(site, lang, site.organisation.tagline.get(lang))


def card_spec(site: Site, lang: str, title: str, item: Bundle | None = None) -> CardSpec:
    """The card of a page titled `title`, showing `item` when the page is an item's."""
    if item is None:
        return _card(site, lang, title)
    if not item.allows("social"):
        return generic_card(site, lang)
    name = item.lead_photo()
    photo = item.meta.photos.get(name) if name else None
    return _card(
        site,
        lang,
        item_title(item, lang),
        item.folder / name if name else None,
        tuple(photo.focus) if photo and photo.focus else None,
    )


#: Bump when the card's design changes, to redraw every card (2: every script has its glyphs).
SOCIAL_CARD_VERSION = 2


@dataclass(frozen=True)
class CardView:
    """The social card of a page, for its Open Graph tags."""

    url: str
    alt: str
    width: int
    height: int


def card_file(card: CardSpec, cache_dir: Path, media: Mapping[Path, WebImage]) -> Path:
    """The card drawn into `cache_dir`, named by a hash of everything it shows, its photo by
    content (the digest its web variants in `media` are named by): drawn once, then found
    again, in any checkout of the project wherever it is and whenever its files were written
    (raises ImageError when its photo cannot be read)."""
    photo = media[card.photo].sha if card.photo else None
    shown = [card.title, card.site_name, photo, card.focus, SOCIAL_CARD_VERSION]
    name = hashlib.sha256(json.dumps(shown).encode()).hexdigest()[:16] + ".jpg"
    cached = cache_dir / name
    if not cached.exists():
        font = card_font(cache_dir)
        social_card(card.title, card.site_name, card.photo, card.focus, cached, font)
    return cached


@functools.cache
def card_font(cache_dir: Path) -> Path:
    """The bold sans with its Cyrillic, Greek, Vietnamese, Arabic and Ge'ez parts merged into
    one TrueType file (Pillow draws a title with one font), made once into `cache_dir` (2 s)
    and named by a hash of the parts, so new fonts make a new file."""
    files = card_fonts()
    path = cache_dir / f"card-font-{files_digest(files)}.ttf"
    if not path.exists():
        from fontTools.merge import Merger, Options  # noqa: PLC0415 - only to draw a card

        # Not in the build's output: "Dropped mapping from codepoint 0X00A0", a character
        # that an earlier part draws already.
        log = logging.getLogger("fontTools.merge")
        level = log.level
        log.setLevel(logging.ERROR)
        try:
            # The vertical metrics of the Ethiopic font alone: the others have none to merge.
            merger = Merger(options=Options(drop_tables=["vhea", "vmtx"]))
            merged = merger.merge(list(map(str, files)))
        finally:
            log.setLevel(level)
        merged.flavor = None
        cache_dir.mkdir(parents=True, exist_ok=True)
        write_atomic(path, merged.save)
    return path


def card_view(card: CardSpec, url: str) -> CardView:
    """The tags' view of a card published at `url`."""
    return CardView(url, card.title, *CARD_SIZE)
