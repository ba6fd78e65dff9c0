"""No published image carries metadata, and real phone photos come out upright and clean.

Walks every image under the built site with the pipeline's own `strip_check` and with
exiftool; then builds a story made of the shared corpus of real photos (GPS JPEGs, iPhone
HEIC, XMP, every EXIF orientation) and checks what the site publishes of them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from PIL import Image

from tests.conftest import (
    PHOTO_SUFFIXES,
    Built,
    build,
    copied_sources,
    copy_project,
    write_md,
    write_yaml,
)
from tests.images.helpers import assert_clean, corpus_dir, mean_diff

SHAPES = ("Landscape", "Portrait")


def site_images(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.suffix.lower() in PHOTO_SUFFIXES)


def test_no_image_in_the_site_carries_metadata(built: Built) -> None:
    assert_clean(site_images(built.site))


@pytest.fixture(scope="session")
def corpus_site(
    tmp_path_factory: pytest.TempPathFactory, test_cache: Path
) -> tuple[Path, list[str]]:
    """The example project plus a story whose photos are the real corpus, built with a short
    width ladder (the ladder itself is tested elsewhere)."""
    photos = [*sorted(corpus_dir("phone").iterdir()), *sorted(corpus_dir("orientation").iterdir())]
    missing = [f"{shape}_{n}.jpg" for shape in SHAPES for n in range(9)]
    missing = [name for name in missing if not (corpus_dir("orientation") / name).is_file()]
    assert missing == [], f"the orientation corpus lacks {missing}"
    project = copy_project(tmp_path_factory.mktemp("corpus") / "project", test_cache)
    config = (project / "mkdocs.yml").read_text("utf-8")
    (project / "mkdocs.yml").write_text(
        config.replace("  - jrs\n", "  - jrs:\n      image_widths: [480]\n"), "utf-8"
    )
    folder = project / "stories/corpus"
    folder.mkdir()
    for photo in photos:
        shutil.copy(photo, folder / photo.name)
    meta = yaml.safe_load((project / "stories/esther/story.yml").read_text("utf-8"))
    credit = next(iter(meta["photos"].values()))["credit"]
    meta.update(portrait=None, photos={p.name: {"credit": credit} for p in photos})
    write_yaml(folder / "story.yml", meta)
    body = "\n\n".join(f"![{p.stem}]({p.name})" for p in photos)
    for lang in ("nl", "fr"):
        write_md(folder / f"{lang}.md", {"title": "Corpus", "lead": "Echte foto's."}, body)
    result = build(project)
    assert result.returncode == 0, result.stderr[-3000:]
    return project, [p.name for p in photos]


def published_variant(site: Path, name: str) -> Path:
    """The JPEG the corpus story's page shows for the photo `name` (by its alt text)."""
    from bs4 import BeautifulSoup  # noqa: PLC0415

    page = BeautifulSoup((site / "stories/corpus/index.html").read_text("utf-8"), "lxml")
    img = page.find("img", alt=Path(name).stem)
    assert img is not None, name
    return (site / "stories/corpus" / img["src"]).resolve()


def test_corpus_photos_are_published_without_metadata(corpus_site) -> None:
    project, names = corpus_site
    site = project / "site"
    assert copied_sources(project, site) == []
    assert_clean([published_variant(site, name) for name in names])
    assert_clean(site_images(site / "media"))


@pytest.mark.parametrize("shape", SHAPES)
def test_corpus_orientations_come_out_upright(corpus_site, shape: str) -> None:
    site = corpus_site[0] / "site"
    upright = Image.open(published_variant(site, f"{shape}_1.jpg")).convert("L")
    for n in range(9):
        name = f"{shape}_{n}.jpg"
        out = Image.open(published_variant(site, name)).convert("L")
        assert out.size == upright.size, name
        assert mean_diff(out, upright) < 12, name
