"""Each language's own 404 page: MkDocs renders its error pages once, at the site's root."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from jinja2 import BytecodeCache
from mkdocs.commands.build import get_context
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from jrs_site.mkdocs_plugin import i18n
from jrs_site.mkdocs_plugin.material import valid_toggles, with_theme_globals
from jrs_site.model.bundles import localized_url
from jrs_site.model.languages import Languages
from jrs_site.outputs.web.publish import Publisher
from jrs_site.render.l10n import typeset
from jrs_site.render.views import not_found_views

NAME = "404.html"


def shown_languages(lang: str, languages: Languages) -> list[str]:
    """The languages a 404 page speaks: the root's answers for every language (its own
    first), each other language's only for itself."""
    if lang != languages.default:
        return [lang]
    return [lang, *languages.others(lang)]


def not_found_texts(config: MkDocsConfig, lang: str) -> list[Any]:
    """The 404 texts of `lang`'s page, with absolute links: a 404 is served at any depth."""
    base_path = urlsplit(config.site_url or "/").path
    languages = i18n.configured_languages(config)
    return not_found_views(base_path, shown_languages(lang, languages), languages)


def write_not_found_page(
    config: MkDocsConfig,
    nav: Navigation,
    files: Files,
    lang: str,
    publisher: Publisher,
    compiled: BytecodeCache,
) -> None:
    """`<lang>/404.html`, rendered from the theme's 404.html the way MkDocs renders the root's
    (with the plugin's compiled templates, `compiled`)."""
    env = config.theme.get_env()  # a new one: without what the plugin's on_env added
    with_theme_globals(env)
    env.bytecode_cache = compiled
    template = env.get_template(NAME)
    template = config.plugins.on_pre_template(template, template_name=NAME, config=config)
    base_url = urlsplit(config.site_url or "/").path
    languages = i18n.configured_languages(config)
    # The language switcher still points at the last page built: point it at the homes.
    for alternate in getattr(config.extra, "alternate", None) or []:
        alternate["link"] = base_url + localized_url("", alternate["lang"], languages)
    context = get_context(nav, files, config, base_url=base_url)
    context = config.plugins.on_template_context(context, template_name=NAME, config=config)
    html = valid_toggles(typeset(template.render(context), lang, languages))  # as on_post_template
    publisher.text(f"{lang}/{NAME}", html, f"the 404 page ({lang})")
