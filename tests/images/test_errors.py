"""Bad input: every kind raises ImageError with a plain message and leaves nothing half-written."""

from __future__ import annotations

import io
import pickle
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import ImageFile

from jrs_site.images import ImageError, ImageSettings, build_all, inspect, web_image
from jrs_site.util.files import write_atomic
from tests.images.helpers import marker_image


def _jpeg_bytes() -> bytes:
    out = io.BytesIO()
    marker_image((600, 400)).save(out, "JPEG", quality=90)
    return out.getvalue()


def _png_bytes() -> bytes:
    out = io.BytesIO()
    marker_image((600, 400)).save(out, "PNG")
    return out.getvalue()


def _png_claiming(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width` x `height` pixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 99))


BAD: dict[str, tuple[Callable[[], bytes] | None, str]] = {
    "empty.jpg": (lambda: b"", "empty (0 bytes)"),
    "notes.jpg": (lambda: b"Dear team,\nthe photo is attached.\n" * 20, "looks like text"),
    "cut.jpg": (lambda: _jpeg_bytes()[:4000], "cut off (truncated)"),
    "cut-header.jpg": (lambda: _jpeg_bytes()[:300], "export it again"),
    "cut.png": (lambda: _png_bytes()[:-40], "cut off (truncated)"),
    "garbage.jpg": (lambda: bytes(range(256)) * 40, "not a photo"),
    "document.jpg": (lambda: b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
    "bomb.png": (lambda: _png_claiming(20000, 20000), "too large"),
    # Over 100 megapixels but under twice that: Pillow only warns, which must fail all the same.
    "big.png": (lambda: _png_claiming(11000, 10000), "too large"),
    "corrupt.jpg": (
        lambda: _jpeg_bytes()[:600] + bytes(4000) + _jpeg_bytes()[4600:],
        "export it again",
    ),
    "missing.jpg": (None, "not found"),
}


def _write(folder: Path, name: str) -> Path:
    make = BAD[name][0]
    path = folder / name
    if make is not None:
        path.write_bytes(make())
    return path


@pytest.mark.parametrize("name", BAD)
def test_bad_input_raises_a_plain_image_error(name: str, photos: Path) -> None:
    src = _write(photos, name)
    with pytest.raises(ImageError) as caught:
        inspect(src)
    error = caught.value
    assert error.path == src
    assert BAD[name][1] in error.message
    assert str(error) == f"{src}: {error.message}"
    assert "Traceback" not in error.message and "PIL" not in error.message


@pytest.mark.parametrize("name", BAD)
def test_bad_input_leaves_no_output_and_no_temporary_file(
    name: str, photos: Path, settings: ImageSettings
) -> None:
    src = _write(photos, name)
    with pytest.raises(ImageError):
        web_image(src, settings)
    leftovers = [p.name for p in settings.cache_dir.iterdir() if p.name != "index.json"]
    assert leftovers == []
    assert sorted(p.name for p in photos.iterdir()) == sorted([name] if BAD[name][0] else [])


@pytest.mark.parametrize("name", ["cut.jpg", "cut.png"])
def test_cut_off_photo_is_refused_even_when_pillow_was_told_to_pad_it(
    name: str, photos: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """WeasyPrint sets LOAD_TRUNCATED_IMAGES when imported; it must not let cut photos through."""
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    with pytest.raises(ImageError, match="cut off"):
        inspect(_write(photos, name))
    assert ImageFile.LOAD_TRUNCATED_IMAGES is True


def test_a_folder_is_not_a_photo(photos: Path) -> None:
    with pytest.raises(ImageError, match="folder"):
        inspect(photos)


def test_build_all_collects_every_error_and_builds_the_rest(
    photos: Path, settings: ImageSettings
) -> None:
    good = photos / "good.jpg"
    marker_image((300, 200)).save(good)
    bad = [_write(photos, name) for name in ("empty.jpg", "notes.jpg", "missing.jpg")]
    images, errors = build_all([bad[0], good, *bad[1:]], settings, jobs=2)
    assert list(images) == [good]
    assert [e.path for e in errors] == bad
    assert all(isinstance(e, ImageError) and e.message for e in errors)


def test_image_error_survives_pickling() -> None:
    error = pickle.loads(pickle.dumps(ImageError(Path("a.jpg"), "the photo is empty (0 bytes)")))
    assert (error.path, error.message) == (Path("a.jpg"), "the photo is empty (0 bytes)")


def test_failed_write_leaves_neither_target_nor_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.jpg"

    def half_then_fail(f: io.BufferedWriter) -> None:
        f.write(b"half a photo")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, half_then_fail)
    assert list(tmp_path.iterdir()) == []


def test_failed_write_keeps_the_previous_file_whole(tmp_path: Path) -> None:
    target = tmp_path / "out.jpg"
    target.write_bytes(b"the previous, complete photo")

    def fail(f: io.BufferedWriter) -> None:
        f.write(b"half")
        raise ValueError("encoder gave up")

    with pytest.raises(ValueError):
        write_atomic(target, fail)
    assert target.read_bytes() == b"the previous, complete photo"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jpg"]


def test_inspect_notices_a_photo_replaced_by_a_damaged_one(photos: Path) -> None:
    """inspect() remembers answers only while the file's size and mtime stay the same."""
    src = photos / "p.jpg"
    src.write_bytes(_jpeg_bytes())
    assert inspect(src) == (600, 400)
    src.write_bytes(_jpeg_bytes()[:4000])
    with pytest.raises(ImageError, match="cut off"):
        inspect(src)
