"""The one writer of the site's own files: each path once, whole files only."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from jrs_site.outputs.web.publish import Publisher, PublishError


def test_text_is_written_whole_and_only_once(tmp_path: Path) -> None:
    publisher = Publisher(tmp_path)
    publisher.text("fr/feed.xml", "<feed/>", "the feed (fr)")
    assert (tmp_path / "fr/feed.xml").read_text() == "<feed/>"
    assert [p.name for p in (tmp_path / "fr").iterdir()] == ["feed.xml"]  # no temporary left
    with pytest.raises(PublishError, match=r"the feed \(fr\) and the 404 page .* fr/feed\.xml"):
        publisher.text("fr/feed.xml", "<html/>", "the 404 page")
    with pytest.raises(PublishError):  # not even the same writer twice
        publisher.text("fr/feed.xml", "<feed/>", "the feed (fr)")


def test_nothing_of_ours_replaces_a_page(tmp_path: Path) -> None:
    publisher = Publisher(tmp_path)
    publisher.claim("feed.xml", "docs/nl/feed.xml.md")
    with pytest.raises(PublishError, match=r"docs/nl/feed\.xml\.md and the feed \(nl\)"):
        publisher.text("feed.xml", "<feed/>", "the feed (nl)")
    assert not (tmp_path / "feed.xml").exists()


def test_one_file_may_be_published_again_another_may_not(tmp_path: Path) -> None:
    """A card shown by many pages is linked once; another file for its path is an error."""
    card, other = tmp_path / "card.jpg", tmp_path / "other.jpg"
    card.write_bytes(b"card")
    other.write_bytes(b"other")
    publisher = Publisher(tmp_path / "site")
    publisher.file(card, "social/abc.jpg")
    publisher.file(card, "social/abc.jpg")
    assert os.path.samefile(card, tmp_path / "site/social/abc.jpg")  # a hard link, no copy
    with pytest.raises(PublishError, match="card.jpg and .*other.jpg"):
        publisher.file(other, "social/abc.jpg")


def test_a_copy_when_asked(tmp_path: Path) -> None:
    font = tmp_path / "font.woff2"
    font.write_bytes(b"font")
    Publisher(tmp_path / "site").file(font, "assets/fonts/font.woff2", link=False)
    published = tmp_path / "site/assets/fonts/font.woff2"
    assert published.read_bytes() == b"font" and not os.path.samefile(font, published)


def test_a_sweep_after_another_looks_only_at_what_the_last_build_left(tmp_path: Path) -> None:
    """Under `serve` each build's publisher knows the last one's: what it no longer writes
    goes (with the folders it leaves empty), what it put in place from a cache stays."""
    photo, card = tmp_path / "photo.avif", tmp_path / "card.jpg"  # cache files
    photo.write_bytes(b"photo")
    card.write_bytes(b"card")
    site = tmp_path / "site"
    first = Publisher(site)
    first.file(photo, "media/photo.avif")
    first.file(card, "social/card.jpg")
    first.text("stories/old/index.html", "<p>old</p>", "a page")
    (site / "stray.txt").write_text("no build wrote this")
    first.sweep(set(), spare="pagefind")
    assert not (site / "stray.txt").exists()  # the first sweep walks the site
    first.file(card, "pdf/late.pdf")  # after its sweep, as a screen PDF made later

    second = Publisher(site, since=first)
    second.file(photo, "media/photo.avif")
    second.sweep(set(), spare="pagefind")
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*")) == [
        "media",
        "media/photo.avif",
    ]
