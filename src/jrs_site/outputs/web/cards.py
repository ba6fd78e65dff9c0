"""Page in, social card out: what the 1200x630 image shared with a page shows, per language.

A published item shows its title over its photo (cropped around the photo's focus point); a
page without a photo shows its title on the brand colour. A testimony whose consent does not
cover `social` never appears on a card: its page gets the organisation's generic card.
The image pipeline draws the card; nothing here touches pixels.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jrs_site.model.bundles import Bundle, Edition, Site, Story
from jrs_site.render import l10n
from jrs_site.render.views import item_title


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
    name = l10n.text_typography(site.organisation.name, lang)
    return CardSpec(l10n.text_typography(title, lang), name, photo, focus)


def generic_card(site: Site, lang: str) -> CardSpec:
    """The organisation's card: its tagline, no photo."""
    return _card(site, lang, site.organisation.tagline.get(lang))


def card_spec(site: Site, lang: str, title: str, item: Bundle | None = None) -> CardSpec:
    """The card of a page titled `title`, showing `item` when the page is an item's."""
    if item is None:
        return _card(site, lang, title)
    if isinstance(item, Story) and not item.published("social"):
        return generic_card(site, lang)
    name = item.meta.cover if isinstance(item, Edition) else getattr(item.meta, "portrait", None)
    photo = item.meta.photos.get(name) if name else None
    return _card(
        site,
        lang,
        item_title(item, lang),
        item.folder / name if name else None,
        tuple(photo.focus) if photo and photo.focus else None,
    )
