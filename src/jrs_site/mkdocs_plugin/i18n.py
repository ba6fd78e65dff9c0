"""What we read of mkdocs-static-i18n (frozen at 1.3.x), in one place.

i18n runs one complete MkDocs build per language, the later ones nested inside the first's
`on_post_build`, on the same plugin instances and config. These are the only three facts of
its state we use: which language is being built, whether this is a nested build, and which
languages the run builds. A change of i18n's internals is mended here.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from jrs_site.model.languages import languages


def _plugin(config: MkDocsConfig) -> Any:
    return config.plugins.get("i18n")


def current_language(config: MkDocsConfig) -> str:
    """The language whose pages this build writes."""
    return getattr(_plugin(config), "current_language", None) or languages().default


def nested(config: MkDocsConfig) -> bool:
    """True in the builds of the second and later languages (i18n's `building` flag)."""
    return bool(getattr(_plugin(config), "building", False))


def build_languages(config: MkDocsConfig) -> list[str]:
    """The languages this run builds, each one a complete MkDocs build."""
    return list(getattr(_plugin(config), "build_languages", None) or [languages().default])
