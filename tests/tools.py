"""The system tools the test suite needs, the Debian packages that provide them, and what a
test does when one is missing: skip with a message naming the package, or fail under CI=true.

`python -m tests.tools` (run by `make test` before pytest) prints one message listing every
missing tool and the `apt-get install` line that provides them all; under CI it exits 1.

A test runs a system program only through `run` (a server through `start`, Chromium through
`chromium`), which checks the tool first: tests/test_architecture.py refuses any other way.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import pytest

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright

CHROMIUM = os.environ.get("JRS_CHROMIUM", "/usr/bin/chromium")
#: The web servers, outside a user's PATH (Debian puts them in /usr/sbin).
SERVERS = {"apache2": Path("/usr/sbin/apache2"), "nginx": Path("/usr/sbin/nginx")}
APACHE_MODULES = Path("/usr/lib/apache2/modules")
CMYK_PROFILES = (
    Path("/usr/share/color/icc/ghostscript/default_cmyk.icc"),
    Path("/usr/share/color/icc/ghostscript/ps_cmyk.icc"),
)
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
SSHD = "/usr/sbin/sshd"  # not on a user's PATH
#: The checkers the tests run from npm, pinned in package.json and package-lock.json there:
#: the Nu HTML Checker (vnu-jar) and the caniemail data (@jsx-email/doiuse-email).
NPM = Path(__file__).resolve().parent / "npm"
VNU_JAR = NPM / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def in_ci() -> bool:
    """True in continuous integration (`CI=true`), where every test must run."""
    return os.environ.get("CI", "").lower() == "true"


def unavailable(reason: str, remedy: str = ".ci/run installs it") -> NoReturn:
    """Skip the test with `reason`; under CI=true fail instead, saying `remedy`."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: nothing may be skipped; {remedy})")
    pytest.skip(reason)


def _program(name: str) -> Callable[[], bool]:
    return lambda: shutil.which(name) is not None


def _library(*names: str) -> Callable[[], bool]:
    return lambda: all(ctypes.util.find_library(name) for name in names)


@dataclass(frozen=True)
class Tool:
    name: str
    package: str  # the Debian package(s) that provide it
    needed_for: str
    present: Callable[[], bool]
    command: str = ""  # the program to run, when not `name` on the PATH


TOOLS = {
    tool.name: tool
    for tool in (
        Tool("chromium", "chromium", "browser tests", _program(CHROMIUM)),
        *(
            Tool(name, "poppler-utils", "PDF tests", _program(name))
            for name in ("pdfinfo", "pdftoppm", "pdfimages", "pdftotext", "pdffonts")
        ),
        Tool("exiftool", "libimage-exiftool-perl", "metadata checks", _program("exiftool")),
        Tool(
            "Pango",
            "libpango-1.0-0 libpangoft2-1.0-0",
            "PDF rendering (WeasyPrint)",
            _library("pango-1.0", "pangoft2-1.0"),
        ),
        Tool(
            "HarfBuzz subset",
            "libharfbuzz-subset0",
            "PDF font embedding",
            _library("harfbuzz-subset"),
        ),
        Tool(
            "CMYK profile",
            "libgs-common",
            "print PDFs and CMYK photos",
            lambda: any(p.is_file() for p in CMYK_PROFILES),
        ),
        Tool("DejaVu fonts", "fonts-dejavu-core", "image tests", FONT.is_file),
        Tool("sshd", "openssh-server", "publish tests (an SSH host)", _program(SSHD), SSHD),
        *(
            Tool(name, "openssh-client", "publish tests", _program(name))
            for name in ("ssh", "ssh-keygen")
        ),
        Tool("rsync", "rsync", "publish tests", _program("rsync")),
        Tool(
            "apache2",
            "apache2",
            "the web host tests (Apache httpd with the site's .htaccess)",
            lambda: os.access(SERVERS["apache2"], os.X_OK) and APACHE_MODULES.is_dir(),
            str(SERVERS["apache2"]),
        ),
        Tool(
            "nginx",
            "nginx",
            "the web host tests (nginx with `jrs-site nginx`)",
            lambda: os.access(SERVERS["nginx"], os.X_OK),
            str(SERVERS["nginx"]),
        ),
        Tool("java", "default-jre-headless", "the Nu HTML Checker", _program("java")),
        Tool("node", "nodejs", "the e-mail clients check (caniemail)", _program("node")),
        Tool("npm", "npm", "installing the checkers of tests/npm", _program("npm")),
    )
}


@cache
def missing() -> tuple[Tool, ...]:
    """The tools this machine lacks (looked up once per process)."""
    return tuple(tool for tool in TOOLS.values() if not tool.present())


def install_hint(tools: tuple[Tool, ...]) -> str:
    packages = sorted({p for tool in tools for p in tool.package.split()})
    return "apt-get install " + " ".join(packages)


def report(tools: tuple[Tool, ...]) -> str:
    """One message: what is missing, what it is needed for, and the line that installs it."""
    by_package: dict[str, list[Tool]] = {}
    for tool in tools:
        by_package.setdefault(tool.package, []).append(tool)
    lines = [
        f"  {', '.join(t.name for t in group)} ({package}): {group[0].needed_for}"
        for package, group in by_package.items()
    ]
    return "\n".join(
        [
            "Missing system tools for the tests:",
            *lines,
            f"Install them, as root: {install_hint(tools)}",
            "(without them, the tests that need them are skipped; under CI=true they fail)",
        ]
    )


def require(*names: str) -> None:
    """Skip the test (fail under CI) unless every named tool is present."""
    unknown = set(names) - TOOLS.keys()
    assert not unknown, f"not in tests.tools.TOOLS: {sorted(unknown)}"
    absent = tuple(tool for tool in missing() if tool.name in names)
    if absent:
        unavailable(
            ", ".join(f"{t.name} is not installed" for t in absent) + f": {install_hint(absent)}"
        )


def run(tool: str, *args: str | Path, input: bytes | None = None, check: bool = True) -> str:
    """The standard output of the system program `tool` (one of TOOLS) run with `args`, as
    text; the test is skipped with the install line (failed under CI) when it is missing."""
    require(tool)
    command = [TOOLS[tool].command or tool, *map(str, args)]
    result = subprocess.run(command, input=input, capture_output=True, check=check)
    return result.stdout.decode("utf-8", "replace")


def start(tool: str, *args: str | Path, log: Path) -> subprocess.Popen[bytes]:
    """The system program `tool` (one of TOOLS) started in the background with `args`, its
    output into `log`, in a process group of its own (stop it with `stop`); the test is
    skipped with the install line (failed under CI) when it is missing."""
    require(tool)
    with log.open("ab") as out:
        command = [TOOLS[tool].command or tool, *map(str, args)]
        return subprocess.Popen(command, stdout=out, stderr=out, start_new_session=True)


def stop(process: subprocess.Popen[bytes]) -> None:
    """End a program `start` started, with everything in its process group."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    process.wait(timeout=30)


def chromium(playwright: Playwright, args: list[str]) -> Browser:
    """Debian's Chromium (`CHROMIUM`, the file the tool check looks at), launched headless;
    the test is skipped with the install line (failed under CI) when it is missing."""
    require("chromium")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=args)


def cmyk_profile() -> Path:
    """A CMYK ICC profile from the system (Debian: libgs-common)."""
    require("CMYK profile")
    return next(p for p in CMYK_PROFILES if p.is_file())


def npm_checkers() -> Path:
    """tests/npm with its packages installed (`npm ci`, as .ci/run does first: the only
    download, from the lock file); the test is skipped (failed under CI) without npm."""
    if not (NPM / "node_modules" / ".package-lock.json").is_file():
        run("npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefix", NPM)
    return NPM


def main() -> int:
    absent = missing()
    if not absent:
        print("System tools for the tests: all present.")
        return 0
    print(report(absent), file=sys.stderr)
    return 1 if in_ci() else 0


if __name__ == "__main__":
    sys.exit(main())
