"""What we read of mkdocs-static-i18n (frozen at 1.3.x), in one place.

i18n runs one complete MkDocs build per language, the later ones nested inside the first's
`on_post_build`, on the same plugin instances and config. These are the only three facts of
its state we use: which language is being built, whether this is a nested build, and which
languages the run builds. A change of i18n's internals is mended here. The site's languages
themselves (its `languages:` list) are read as the core reads them (`load.config`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from jrs_site.load.config import read_languages
from jrs_site.model.languages import Languages


def _plugin(config: MkDocsConfig) -> Any:
    return config.plugins.get("i18n")


def configured_languages(config: MkDocsConfig) -> Languages:
    """The site's languages, read from its mkdocs.yml (as loading the content reads them)."""
    return read_languages(Path(config.config_file_path).parent)[0]


def current_language(config: MkDocsConfig) -> str:
    """The language whose pages this build writes."""
    return (
        getattr(_plugin(config), "current_language", None) or configured_languages(config).default
    )


def nested(config: MkDocsConfig) -> bool:
    """True in the builds of the second and later languages (i18n's `building` flag)."""
    return bool(getattr(_plugin(config), "building", False))


def build_languages(config: MkDocsConfig) -> list[str]:
    """The languages this run builds, each one a complete MkDocs build."""
    return list(
        getattr(_plugin(config), "build_languages", None) or [configured_languages(config).default]
    )
