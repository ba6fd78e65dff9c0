"""Plain data in, HTML out: the partials our core renders itself (photos, captions, key
figures), with Jinja's autoescape on, so every author string is escaped in one place."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import jinja2
from markupsafe import Markup

TEMPLATES = resources.files(__package__) / "templates"


@cache
def environment() -> jinja2.Environment:
    """Our partials (`jrs_site/templates/partials/`): autoescaping, undefined names fail."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader(__package__, "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )


@cache
def document_templates(folder: str) -> jinja2.Environment:
    """The whole-document templates in `folder` (print HTML, e-mail): autoescaping, undefined
    names fail, and block tags leave no blank lines."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def partial(name: str, **context: Any) -> Markup:
    """The partial `name` rendered with `context`; ready HTML."""
    return Markup(environment().get_template(name).render(**context))  # noqa: S704 - autoescaped
