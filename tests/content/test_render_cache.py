"""Rendered bodies kept between builds: the same HTML as rendering, photos filled in at use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from jrs_site.render import markdown
from jrs_site.render.markdown import RenderCache, render

BODY = """Een inleiding.

> Ik wilde alleen een deur die ik zelf kon sluiten.
> — Amina

![Een keukentafel](kitchen.jpg "De keuken")

**Lina:** Ik vertaal voor mama.

```figures
312 | gezinnen begeleid | 280
```
"""


def figure(src: str, alt: str, caption: str) -> str:
    return f'<figure class="photo"><img src="{src}" alt="{alt}">{caption}</figure>'


def test_a_cached_body_is_the_rendered_body(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "nl.json"
    expected = render(BODY, "nl", figure)
    first = RenderCache("nl", path)
    assert first.render(BODY, figure) == expected
    first.save()

    def fail(*args: object) -> str:
        raise AssertionError("an unchanged body is not rendered again")

    monkeypatch.setattr(markdown, "render", fail)
    again = RenderCache("nl", path)
    assert again.render(BODY, figure) == expected
    moved = again.render(BODY, lambda src, alt, caption: figure(f"media/{src}", alt, caption))
    assert 'src="media/kitchen.jpg"' in moved, "the photo's HTML is made for each page"


def test_only_the_bodies_of_the_last_build_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "fr.json"
    cache = RenderCache("fr", path)
    cache.render("Ancien texte.", figure)
    cache.save()
    cache = RenderCache("fr", path)
    cache.render("Nouveau texte.", figure)
    cache.save()
    stored = json.loads(path.read_text("utf-8"))
    assert [html for html, *_ in stored.values()] == ["<p>Nouveau texte.</p>"]
