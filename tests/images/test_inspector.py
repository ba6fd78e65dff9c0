"""`Inspector`: a photo's upright size learnt once, kept in the cache by content, so the
checks of the next process do not decode unchanged photos again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from jrs_site.images import ImageError, Inspector, cache


def no_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(src: Path) -> tuple[int, int]:
        raise AssertionError(f"{src.name} was decoded again")

    monkeypatch.setattr(cache, "inspect", refuse)


def test_the_next_process_does_not_decode_an_unchanged_photo(
    photos: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = photos / "a.jpg"
    Image.new("RGB", (300, 200)).save(src)
    first = Inspector(tmp_path / "cache")
    assert first(src) == (300, 200)
    first.save()
    no_decoding(monkeypatch)
    assert Inspector(tmp_path / "cache")(src) == (300, 200)


def test_the_same_photo_under_another_name_is_known_by_its_content(
    photos: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = photos / "a.jpg"
    Image.new("RGB", (300, 200)).save(src)
    first = Inspector(tmp_path / "cache")
    first(src)
    first.save()
    copy = photos / "b.jpg"
    copy.write_bytes(src.read_bytes())
    no_decoding(monkeypatch)
    assert Inspector(tmp_path / "cache")(copy) == (300, 200)


def test_a_changed_photo_is_inspected_again(photos: Path, tmp_path: Path) -> None:
    src = photos / "a.jpg"
    Image.new("RGB", (300, 200)).save(src)
    first = Inspector(tmp_path / "cache")
    first(src)
    first.save()
    Image.new("RGB", (120, 400)).save(src)
    assert Inspector(tmp_path / "cache")(src) == (120, 400)


def test_an_unreadable_photo_is_never_remembered(photos: Path, tmp_path: Path) -> None:
    src = photos / "broken.jpg"
    src.write_bytes(b"\xff\xd8\xff not a photo")
    for _ in range(2):
        inspector = Inspector(tmp_path / "cache")
        with pytest.raises(ImageError):
            inspector(src)
        inspector.save()
