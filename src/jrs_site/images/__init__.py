"""The image pipeline: the only part of the project that touches pixels (and imports PIL).

Every output is re-encoded from pixels alone, upright and in sRGB, with no metadata.

The cache folder holds `<sha16>-<settings>-<width>.<ext>` web variants, a
`<sha16>-<settings>.json` manifest per photo, crops, print variants and `index.json`
(`{path: [size, mtime_ns, sha16]}`) and `sizes-v<N>.json` (each photo's upright size by its
hash, for the checks). Files there are only ever replaced whole (written under a
temporary name, then renamed), never changed in place, so they can be hard-linked elsewhere.
"""

from jrs_site.images.batch import build_all
from jrs_site.images.cache import Inspector
from jrs_site.images.decode import inspect
from jrs_site.images.errors import ImageError
from jrs_site.images.printing import effective_ppi, print_resolution_issue, print_variant
from jrs_site.images.settings import ImageSettings
from jrs_site.images.social import social_card
from jrs_site.images.strip import strip_check
from jrs_site.images.web import Variant, WebImage, web_image

__all__ = [
    "ImageError",
    "ImageSettings",
    "Inspector",
    "Variant",
    "WebImage",
    "build_all",
    "effective_ppi",
    "inspect",
    "print_resolution_issue",
    "print_variant",
    "social_card",
    "strip_check",
    "web_image",
]
