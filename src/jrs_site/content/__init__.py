"""The content model: typed sources, loading and validation, localisation and page views.

No site generator is imported here: the MkDocs plugin and the CLI are adapters over it.
"""

from .bundles import Article, Bundle, Edition, Report, Site, Story
from .loader import load_site, load_site_or_raise
from .models import DEFAULT_LANGUAGE, LANGUAGES
from .problems import ContentError, Problem

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "Article",
    "Bundle",
    "ContentError",
    "Edition",
    "Problem",
    "Report",
    "Site",
    "Story",
    "load_site",
    "load_site_or_raise",
]
