"""A URL in, a prepared file out: WeasyPrint reads only what the pipeline made for this PDF
(print variants of photos, TrueType fonts, the CMYK profile); anything else, a web address or
a source photo, stops the PDF."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from weasyprint.urls import FatalURLFetchingError, URLFetcher


class Refused(FatalURLFetchingError):  # type: ignore[misc]  # WeasyPrint has no types
    """A URL outside the prepared files; WeasyPrint lets only this kind of error through."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.url = url


class PreparedFiles(URLFetcher):  # type: ignore[misc]  # WeasyPrint has no types
    """Fetches `file:` URLs inside `folders` (or naming one of `files`) and refuses every
    other URL by raising `Refused`, which stops the rendering."""

    def __init__(self, folders: list[Path], files: list[Path]) -> None:
        super().__init__(allowed_protocols={"file"})
        self.folders = [folder.resolve() for folder in folders]
        self.files = {file.resolve() for file in files}

    def allows(self, url: str) -> bool:
        """Whether `url` names a prepared file."""
        parts = urlsplit(url)
        if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
            return False
        path = Path(url2pathname(parts.path)).resolve()
        return path in self.files or any(path.is_relative_to(f) for f in self.folders)

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> object:
        if not self.allows(url):
            raise Refused(url)
        return super().fetch(url, headers)
