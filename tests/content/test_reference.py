"""The guide's field reference is made from the schemas: every field of every file is in it."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from jrs_site.model.languages import BILINGUAL
from jrs_site.render.reference import FILES, _rows, reference_markdown
from tests.conftest import Built


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_every_field_of_every_file_is_listed(lang: str) -> None:
    text = reference_markdown(lang, BILINGUAL)
    for title, model in FILES:
        assert f"## `{title.format(texts='nl.md, fr.md')}`" in text
        for name, info in _rows(model):
            assert f"| `{name}` |" in text, name
            assert info.description and info.description in text, f"{model.__name__}.{name}"


@pytest.mark.parametrize("prefix", ["", "fr/"])
def test_the_built_guide_shows_the_reference(built: Built, prefix: str) -> None:
    page = built.site / prefix / "guide/reference/index.html"
    doc = BeautifulSoup(page.read_text("utf-8"), "lxml")
    rows = [row.get_text(" ", strip=True) for row in doc.select("table tr")]
    assert any(row.startswith("consent.uses") for row in rows), rows[:5]
    assert len(doc.select("table")) == len(FILES)
