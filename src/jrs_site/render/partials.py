"""Plain data in, HTML out: the partials our core renders itself (photos, captions, key
figures), with Jinja's autoescape on, so every author string is escaped in one place."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

from jrs_site.render.bidi import language_direction

TEMPLATES = resources.files(__package__) / "templates"


@cache
def environment() -> jinja2.Environment:
    """Our partials (`jrs_site/templates/partials/`): autoescaping, undefined names fail."""
    return with_filters(
        jinja2.Environment(
            loader=jinja2.PackageLoader(__package__, "templates"),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
        )
    )


#: What every template of ours may use: `{{ lang | direction }}` is `rtl` or `ltr`, as CLDR
#: writes the language (the `dir` beside each `lang` that may differ from the page's).
FILTERS = {"direction": language_direction}


def with_filters(env: jinja2.Environment) -> jinja2.Environment:
    """`env` with our `FILTERS`."""
    env.filters.update(FILTERS)
    return env


@cache
def document_templates(folder: str) -> jinja2.Environment:
    """The whole-document templates in `folder` (print HTML, e-mail): autoescaping, undefined
    names fail, and block tags leave no blank lines."""
    return with_filters(
        jinja2.Environment(
            loader=jinja2.FileSystemLoader(folder),
            autoescape=True,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
        )
    )


def partial(name: str, **context: Any) -> Markup:
    """The partial `name` rendered with `context`; ready HTML."""
    return Markup(environment().get_template(name).render(**context))  # noqa: S704 - autoescaped
