"""The project's configuration that the core reads: its languages and address, from mkdocs.yml.

mkdocs-static-i18n's `languages:` is the one list of the site's languages; the core reads it
here, as plain YAML (no MkDocs import), and takes its order and its `default: true`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from jrs_site.model.languages import BILINGUAL, Languages
from jrs_site.model.problems import Problem

CONFIG = "mkdocs.yml"


class _Tolerant(yaml.SafeLoader):
    """MkDocs' own tags (`!ENV`, `!!python/name:`) read as nothing: we need none of them."""


_Tolerant.add_multi_constructor("!", lambda loader, suffix, node: None)
_Tolerant.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def config_file(root: Path) -> Path | None:
    """The mkdocs.yml of the project whose content is under `root` (there or above)."""
    return next((f / CONFIG for f in (root, *root.parents) if (f / CONFIG).is_file()), None)


def read_languages(root: Path) -> tuple[Languages, list[Problem]]:
    """The languages configured for the project of `root` (Dutch and French when there is no
    mkdocs.yml or it lists none), and what is wrong with their configuration."""
    path = config_file(root)
    fallback = BILINGUAL
    if path is None:
        return fallback, []
    config = _read(path)
    entries = _i18n_languages(config)
    if not entries:
        return fallback, []
    codes = tuple(str(e.get("locale")) for e in entries if e.get("build", True) is not False)
    defaults = [str(e.get("locale")) for e in entries if e.get("default")]
    if len(defaults) != 1 or defaults[0] not in codes:
        hint = "mark exactly one built language 'default: true' under the i18n plugin"
        problem = Problem(path, "no single default language", "plugins.i18n.languages", hint=hint)
        return Languages(codes or fallback.codes, (codes or fallback.codes)[0]), [problem]
    return Languages(codes, defaults[0]), []


def read_site_url(root: Path) -> str:
    """The website's address (`site_url`) of the project of `root`, or "" when it says none."""
    path = config_file(root)
    return str((_read(path) if path is not None else {}).get("site_url") or "")


def _read(path: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data; nothing when it is broken (MkDocs says so in its words)."""
    try:
        config = yaml.load(path.read_text("utf-8"), Loader=_Tolerant) or {}  # noqa: S506
    except yaml.YAMLError:
        return {}
    return config if isinstance(config, dict) else {}


def _i18n_languages(config: dict[str, Any]) -> list[dict[str, Any]]:
    """The i18n plugin's `languages:` entries, whether `plugins:` is a list or a mapping."""
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):
        plugins = [{name: options} for name, options in plugins.items()]
    for entry in plugins:
        if isinstance(entry, dict) and isinstance(entry.get("i18n"), dict):
            return [e for e in entry["i18n"].get("languages") or [] if isinstance(e, dict)]
    return []
