"""The templates are compiled once, and the next process finds them compiled in the cache."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from jrs_site.mkdocs_plugin.pages import Compiled


def render(compiled: Compiled, source: str) -> str:
    """`source` rendered by a new environment (as MkDocs makes one per build and language)
    that has its templates compiled by `compiled`; a template in a .html file, as a theme's."""
    env = jinja2.Environment(loader=jinja2.DictLoader({"page.html": source}))
    env.bytecode_cache = compiled
    return env.get_template("page.html").render(name="Amina")


def test_the_next_process_uses_the_compiled_templates_and_compiles_a_changed_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = "<p>{{ name }}</p>"
    assert render(Compiled().kept_in(tmp_path), source) == "<p>Amina</p>"
    assert len(list((tmp_path / "templates").iterdir())) == 1

    compiles: list[str] = []
    compile_source = jinja2.Environment.compile

    def counted(self: jinja2.Environment, *args: object, **kwargs: object) -> object:
        compiles.append(str(args[1]))
        return compile_source(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(jinja2.Environment, "compile", counted)
    assert render(Compiled().kept_in(tmp_path), source) == "<p>Amina</p>"  # a new process
    assert compiles == []
    assert render(Compiled().kept_in(tmp_path), "<b>{{ name }}</b>") == "<b>Amina</b>"
    assert compiles == ["page.html"]  # the same name, another source: compiled again
