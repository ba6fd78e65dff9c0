"""The content model: typed sources, loading and validation, localisation and page views.

No site generator is imported here: the MkDocs plugin and the CLI are adapters over it.
"""

from jrs_site.content.bundles import Article, Bundle, Edition, Report, Site, Story
from jrs_site.content.loader import load_site, load_site_or_raise
from jrs_site.content.models import DEFAULT_LANGUAGE, LANGUAGES
from jrs_site.content.problems import ContentError, Problem

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
