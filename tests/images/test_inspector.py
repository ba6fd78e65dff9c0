"""`Inspector`: a photo's upright size learnt once, kept in the cache by content, so the
checks of the next process do not decode unchanged photos again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from jrs_site.images import ImageError, Inspector, cache, decode


def no_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(src: Path, data: bytes | None = None) -> tuple[int, int]:
        raise AssertionError(f"{src.name} was decoded again")

    monkeypatch.setattr(cache, "inspect", refuse)


def learnt(photos: Path, cache_dir: Path, size: tuple[int, int] = (300, 200)) -> Path:
    """A photo of `size`, inspected and saved by one process."""
    src = photos / "a.jpg"
    Image.new("RGB", size).save(src)
    first = Inspector(cache_dir)
    assert first(src) == size
    first.save()
    return src


def test_the_next_process_does_not_decode_an_unchanged_photo(
    photos: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = learnt(photos, tmp_path / "cache")
    no_decoding(monkeypatch)
    assert Inspector(tmp_path / "cache")(src) == (300, 200)


def test_what_the_cache_knows_is_not_decoded_again_in_this_process(
    photos: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = learnt(photos, tmp_path / "cache", (310, 200))
    decode._sizes.clear()  # a new process: it knows only what the cache knows  # noqa: SLF001 - as a new process
    monkeypatch.setattr(decode, "read_source", lambda p: pytest.fail(f"{p.name} was read again"))
    assert Inspector(tmp_path / "cache")(src) == (310, 200)
    assert decode.inspect(src) == (310, 200)  # as the print checks and the PDF ask


def test_the_same_photo_under_another_name_is_known_by_its_content(
    photos: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = learnt(photos, tmp_path / "cache")
    copy = photos / "b.jpg"
    copy.write_bytes(src.read_bytes())
    no_decoding(monkeypatch)
    assert Inspector(tmp_path / "cache")(copy) == (300, 200)


def test_a_changed_photo_is_inspected_again(photos: Path, tmp_path: Path) -> None:
    src = learnt(photos, tmp_path / "cache")
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


def test_a_new_photo_is_read_from_the_disk_once(
    photos: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    src = photos / "a.jpg"
    Image.new("RGB", (300, 200)).save(src)
    reads = []

    def counted(path: Path) -> bytes:
        reads.append(path)
        return path.read_bytes()

    monkeypatch.setattr(cache, "read_source", counted)
    monkeypatch.setattr(decode, "read_source", counted)
    assert Inspector(tmp_path / "cache")(src) == (300, 200)
    assert reads == [src]  # hashed and inspected from the same bytes
