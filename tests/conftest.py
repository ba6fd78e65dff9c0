"""Shared fixtures: a minimal valid content tree that tests change one thing at a time, and
the example site built once per session (`built`), for the site and browser tests.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pikepdf
import pytest
import yaml
from click.testing import CliRunner
from PIL import Image

from jrs_site.cli import main
from tests import tools
from tests.site.added_languages import add_arabic_and_ukrainian

REPO = Path(__file__).resolve().parent.parent


# -- markers and the tools they need ---------------------------------------------------
#: Tests under these folders get the marker of the same name (`pytest -m "not browser"`).
FOLDER_MARKERS = ("browser", "pdf")
#: The system tools each marker needs: missing ones skip the test with the install line
#: (printed once at the start), or fail it under CI=true.
MARKER_TOOLS = {
    "browser": ("chromium",),
    "pdf": ("pdfinfo", "pdftoppm", "pdfimages", "pdftotext", "pdffonts", "CMYK profile"),
}
#: Fixtures that build a whole site: a test that uses one is `slow`.
SLOW_FIXTURES = {
    *("built", "corpus_site", "broken_build", "pristine", "archive_site", "trilingual"),
    *("voices", "family_site", "on_host", "added_languages"),
}


def pytest_report_header(config: pytest.Config) -> str | None:
    return tools.report(tools.missing()) if tools.missing() else None


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    absent = {tool.name for tool in tools.missing()}
    for item in items:
        folder = item.path.relative_to(REPO / "tests").parts[0]
        if folder in FOLDER_MARKERS:
            item.add_marker(folder)
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker("slow")
        needed = {t for m in item.iter_markers() for t in MARKER_TOOLS.get(m.name, ())}
        if needed & absent and not tools.in_ci():
            lacking = tuple(tools.TOOLS[name] for name in sorted(needed & absent))
            names = ", ".join(tool.name for tool in lacking)
            reason = f"{names} missing: {tools.install_hint(lacking)}"
            item.add_marker(pytest.mark.skip(reason=reason))


def pytest_sessionstart(session: pytest.Session) -> None:
    session.config.stash[_CACHE_BEFORE] = _snapshot(REPO / ".cache")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the run if a test wrote into the developer's own `.cache/`."""
    if _snapshot(REPO / ".cache") != session.config.stash[_CACHE_BEFORE]:
        writer = session.config.get_terminal_writer()
        writer.line()
        writer.line(
            "FAILED: a test wrote into the repository's .cache/ (tests must use `test_cache`)",
            red=True,
        )
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


_CACHE_BEFORE = pytest.StashKey[dict[str, tuple[int, int]]]()


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under `folder` with its size and modification time."""
    if not folder.is_dir():
        return {}
    return {
        str(p): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()
    }


def write_yaml(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")


def write_md(path: Path, meta: dict, body: str = "Tekst.\n") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    path.write_text(f"---\n{front}---\n{body}", "utf-8")


def write_photo(path: Path, size: tuple[int, int] = (1200, 900)) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, (120, 140, 160)).save(path, quality=80)


STORY_META = {
    "person": {"name": "Samira", "pseudonym": True},
    "country": "SY",
    "arrived": 2019,
    "date": "2025-10-02",
    "themes": ["family"],
    "portrait": "portrait.jpg",
    "consent": {"given_by": "Samira", "date": "2025-09-01", "uses": ["web", "print", "social"]},
    "photos": {"portrait.jpg": {"credit": "eva", "focus": [0.5, 0.4]}},
}


def story_text(lang: str) -> dict:
    return {
        "title": f"“Titel {lang}”",
        "family": "moeder" if lang == "nl" else "mère",
        "lead": f"Inleiding {lang}.",
        "portrait_alt": f"Alt {lang}",
        "portrait_caption": f"Bijschrift {lang}",
    }


def make_story(root: Path, slug: str, **meta: object) -> Path:
    folder = root / "stories" / slug
    write_yaml(folder / "story.yml", {**STORY_META, **meta})
    write_photo(folder / "portrait.jpg")
    for lang in ("nl", "fr"):
        write_md(folder / f"{lang}.md", story_text(lang), f"**Samira:** Verhaal {lang} {slug}.\n")
    return folder


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A small valid content tree: data, two stories, a report and an edition."""
    root = tmp_path / "content"
    write_yaml(
        root / "data/authors.yml",
        [
            {"id": "eva", "name": "Eva Peeters", "role": {"nl": "fotograaf", "fr": "photographe"}},
            {"id": "jan", "name": "Jan Smet", "role": {"nl": "directeur", "fr": "directeur"}},
        ],
    )
    write_yaml(root / "data/themes.yml", {"family": {"nl": "Gezinnen", "fr": "Familles"}})
    write_yaml(
        root / "data/organisation.yml",
        {
            "name": "Ankerpunt",
            "newsletter": {"nl": "Ankerpunt Nieuws", "fr": "Ankerpunt Infos"},
            "tagline": {"nl": "Samen", "fr": "Ensemble"},
            "address": "Straat 1, 1000 Brussel",
            "email": "info@example.org",
            "phone": "+32 2 000 00 00",
            "iban": "BE00 0000 0000 0000",
            "bic": "GEBABEBB",
            "editor": "jan",
            "printer": "Drukkerij",
            "tax_note": {"nl": "Fiscaal attest", "fr": "Attestation fiscale"},
        },
    )
    make_story(root, "samira")
    make_story(root, "yonas", person={"name": "Yonas", "pseudonym": False}, country="ER")
    report = root / "reports/detention-2024"
    write_yaml(
        report / "report.yml",
        {
            "year": 2024,
            "number": "2025/01",
            "author": "jan",
            "date": "2025-06-20",
            "full_report": {"nl": "https://example.org/nl.pdf", "fr": "https://example.org/fr.pdf"},
            "figures": [
                {"value": 7412, "previous": 6938, "label": {"nl": "opgesloten", "fr": "détenus"}}
            ],
        },
    )
    for lang in ("nl", "fr"):
        write_md(
            report / f"{lang}.md",
            {"title": f"Rapport {lang}", "lead": "Lead.", "findings": ["Een."], "order": "Mail."},
        )
    edition = root / "editions/118"
    write_yaml(
        edition / "edition.yml",
        {
            "number": 118,
            "date": "2025-10-15",
            "cover": "cover.jpg",
            "articles": ["editorial", {"story": "samira"}, {"report": "detention-2024"}],
            "photos": {"cover.jpg": {"credit": "eva"}},
        },
    )
    write_photo(edition / "cover.jpg", (2600, 1950))  # 300 ppi across the A4 page
    for lang in ("nl", "fr"):
        write_md(
            edition / f"{lang}.md",
            {"season": "Herfst 2025", "theme": f"Thema {lang}", "cover_alt": "Omslag"},
        )
        write_md(
            edition / "editorial" / f"{lang}.md",
            {"kicker": "Editoriaal", "title": f"Editoriaal {lang}", "lead": "Lead."},
        )
    write_yaml(edition / "editorial/article.yml", {"byline": "jan"})
    return root


@pytest.fixture
def project(content: Path) -> Path:
    """The `content` tree as a project folder: with the mkdocs.yml the commands look for."""
    (content / "mkdocs.yml").write_text("site_name: test\n", "utf-8")
    return content


# -- a server started for a test: `jrs-site serve` and the pages it answers -------------


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    """Status and text of `url`; (0, "") when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - our own local server
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except OSError:
        return 0, ""


@contextmanager
def jrs_serve(
    project: Path, *args: str, output: IO[str] | int = subprocess.DEVNULL
) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`jrs-site serve` in `project` on a free port: its base URL and its process. It runs in
    a process group of its own, stopped whole at the end: its PDF and photo workers too, so
    that none writes on into the next test."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "jrs_site", "serve", *args, "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        stdout=output,
        stderr=subprocess.STDOUT if output != subprocess.DEVNULL else subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        yield f"http://127.0.0.1:{port}/", process
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def wait_for(
    condition: Callable[[], bool], what: str, seconds: float = 90, every: float = 0.5
) -> None:
    """Poll `condition` `every` so many seconds; fail the test after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(every)
    pytest.fail(f"gave up waiting: {what}")


def cli(cwd: Path, monkeypatch: pytest.MonkeyPatch, *args: str) -> tuple[int, str]:
    """Run `jrs-site ARGS` in `cwd`: its exit code and output (no traceback allowed)."""
    monkeypatch.chdir(cwd)
    result = CliRunner().invoke(main, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.fixture
def in_ci() -> bool:
    return tools.in_ci()


# -- the example site, built once per session in a temporary copy of the project ----------
# The copy gets two extra testimonies that must leave no trace: a copy of a real story marked
# `draft: true`, and one whose consent does not cover the web. Every copy shares one image
# cache made for the session (`test_cache`): photos are encoded once per run, and never from
# the developer's own `.cache/`, whose warm entries could hide an encoder regression.

SOURCES = ("docs", "stories", "editions", "reports", "data", "overrides", "mkdocs.yml")
DRAFT_MARK = "Kwartelkoningdraft"
NOWEB_MARK = "Roerdompnoweb"


@dataclass(frozen=True)
class Built:
    project: Path
    site: Path
    output: str


@pytest.fixture(scope="session")
def test_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The build cache shared by every project copy of this test session."""
    return tmp_path_factory.mktemp("cache")


def copy_project(target: Path, cache: Path) -> Path:
    """A copy of the sources whose `.cache/` is `cache`."""
    target.mkdir(parents=True)
    for name in SOURCES:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        else:
            shutil.copy2(source, target / name)
    (target / ".cache").symlink_to(cache)
    return target


def hidden_copy(project: Path, source: str, slug: str, mark: str, **changes: object) -> None:
    """Copy a published story under a new slug, put `mark` in its texts, apply `changes`."""
    folder = project / "stories" / slug
    shutil.copytree(project / "stories" / source, folder)
    meta = yaml.safe_load((folder / "story.yml").read_text("utf-8"))
    for key, value in changes.items():
        parent, _, leaf = key.rpartition(".")
        (meta[parent] if parent else meta)[leaf] = value
    (folder / "story.yml").write_text(yaml.safe_dump(meta, allow_unicode=True), "utf-8")
    for lang in ("nl", "fr"):
        text = (folder / f"{lang}.md").read_text("utf-8")
        (folder / f"{lang}.md").write_text(
            text.replace("\n---\n", f"\n---\n{mark}\n\n", 1), "utf-8"
        )


def build(project: Path, command: str = "build") -> subprocess.CompletedProcess[str]:
    """`jrs-site build` (or another `command`) run in `project`, as staff run it."""
    return subprocess.run(
        [sys.executable, "-m", "jrs_site", command],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=900,
    )


def tree_hash(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
        and ".cache" not in p.relative_to(root).parts
        and "site" not in p.relative_to(root).parts[:1]
    }


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory, test_cache: Path) -> Built:
    project = copy_project(tmp_path_factory.mktemp("build") / "project", test_cache)
    hidden_copy(project, "esther", "esther-draft", DRAFT_MARK, draft=True)
    hidden_copy(project, "esther", "esther-noweb", NOWEB_MARK, **{"consent.uses": ["print"]})
    hidden_copy(project, "esther", "esther-nl-only", "")
    (project / "stories/esther-nl-only/fr.md").unlink()
    (project / "docs/fr/contact.md").unlink()
    before = tree_hash(project)
    result = build(project)
    assert result.returncode == 0, result.stderr[-4000:]
    assert tree_hash(project) == before, "the build changed the sources"
    return Built(project, project / "site", result.stdout + result.stderr)


#: Edition 119 in the scripts of the people we serve (`tests/voices/README.md`), and the size
#: of each photo it shows: the test draws them.
VOICES = REPO / "tests" / "voices"
VOICES_PHOTOS = {
    "editions/119/cover.jpg": (2600, 1950),
    "stories/samira-yusuf/portrait.jpg": (1500, 2000),
    "editions/119/languages/square.jpg": (2600, 1700),  # landscape
    "editions/119/languages/letters.jpg": (1500, 2100),  # portrait
    "editions/119/languages/class.jpg": (1600, 2200),  # portrait
}


def add_voices(project: Path) -> None:
    """Edition 119 and its testimony and report, with their photos, into `project`."""
    shutil.copytree(VOICES, project, dirs_exist_ok=True, ignore=shutil.ignore_patterns("README.md"))
    for name, size in VOICES_PHOTOS.items():
        write_photo(project / name, size)


def build_changed(
    tmp_path_factory: pytest.TempPathFactory, cache: Path, change: Callable[[Path], None]
) -> Built:
    """A copy of the example with `change` made to it, built (the build must succeed)."""
    project = copy_project(tmp_path_factory.mktemp("changed") / "project", cache)
    change(project)
    result = build(project)
    assert result.returncode == 0, result.stderr[-4000:]
    return Built(project, project / "site", result.stdout + result.stderr)


@pytest.fixture(scope="session")
def voices(tmp_path_factory: pytest.TempPathFactory, test_cache: Path) -> Built:
    """The example site with edition 119 added, built."""
    return build_changed(tmp_path_factory, test_cache, add_voices)


@pytest.fixture(scope="session")
def added_languages(tmp_path_factory: pytest.TempPathFactory, test_cache: Path) -> Built:
    """The example site with Arabic and Ukrainian added (`tests/site/added_languages.py`)."""
    return build_changed(tmp_path_factory, test_cache, add_arabic_and_ukrainian)


PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif", ".tif", ".tiff", ".heic"}


def source_photos(project: Path) -> list[Path]:
    """Every photo in the content folders of `project`."""
    folders = ("stories", "editions", "reports", "docs")
    return sorted(
        p
        for folder in folders
        for p in (project / folder).rglob("*")
        if p.suffix.lower() in PHOTO_SUFFIXES
    )


def published_blobs(site: Path) -> Iterator[tuple[str, bytes]]:
    """(where, bytes) of every file under `site/` and of every image stream inside its PDFs."""
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        yield str(path.relative_to(site)), data
        if path.suffix == ".pdf":
            with pikepdf.open(path) as pdf:
                for number, page in enumerate(pdf.pages, 1):
                    for name, image in page.get_images().items():
                        where = f"{path.relative_to(site)} page {number} {name}"
                        yield where, image.read_raw_bytes()


def copied_sources(project: Path, site: Path) -> list[str]:
    """Where a source photo of `project` was published byte for byte (by SHA-256)."""
    sources = {hashlib.sha256(p.read_bytes()).hexdigest(): p for p in source_photos(project)}
    assert sources, "no source photo found: the check would pass on nothing"
    return [
        f"{sources[digest].relative_to(project)} is published as {where}"
        for where, data in published_blobs(site)
        if (digest := hashlib.sha256(data).hexdigest()) in sources
    ]


def search_text(site: Path, lang: str | None = None) -> str:
    """Everything in the Pagefind bundle (of one language, or all), decompressed: its files
    are gzipped, so a leak into the search index would escape a plain byte scan."""
    prefix = f"{lang}_" if lang else ""
    texts = [
        gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        for folder in ("fragment", "index")
        for path in sorted((site / "pagefind" / folder).glob(f"{prefix}*"))
    ]
    return "\n".join(texts)
