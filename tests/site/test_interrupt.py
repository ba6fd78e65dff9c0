"""A build stopped part-way (Ctrl+C, or SIGINT or SIGTERM to `jrs-site` alone) ends at once:
one plain line, exit code 130, no process of it left, site/ as it was, no hidden build folder,
and a cache the next build can trust.

Each test builds a copy of the example with a cache of its own, empty, so that the photos are
really encoded and the PDFs really rendered, in pools of worker processes. The signal is sent
once the step runs: its workers are there (they exist only while a step uses them), found by
their process group, not by waiting some seconds.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pikepdf
import pytest

from tests.conftest import build, copy_project, tree_hash, wait_for

pytestmark = pytest.mark.slow

STOPPED = "Stopped: the site was not built;"
OLD_PAGE = "<p>the site as it was before</p>"


def group_members(group: int) -> list[tuple[int, str]]:
    """The processes of `group` still running (zombies left out): pid and command line."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if os.getpgid(int(entry.name)) != group:
                continue
            if (entry / "stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
                continue
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except (OSError, ProcessLookupError, IndexError):
            continue
        members.append((int(entry.name), command))
    return members


def workers(group: int) -> int:
    """How many pool workers run in `group`: the forkserver's children (the forkserver itself
    is one process with the same command line, started with the first pool)."""
    return max(0, sum("multiprocessing.forkserver" in c for _, c in group_members(group)) - 1)


class Build:
    """`python -m jrs_site build` in `project`, in a process group of its own, its output read
    as it comes."""

    def __init__(self, project: Path, *args: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "jrs_site", *(args or ("build",))],
            cwd=project,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.decode("utf-8", "replace"))

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def printed(self, start: str) -> bool:
        return any(line.startswith(start) for line in self.lines)

    def join(self) -> None:
        """Until all of its output is read."""
        self._reader.join(timeout=30)

    def end(self) -> None:
        """Whatever the test found: nothing of this build runs on."""
        for _ in group_members(self.process.pid):
            os.killpg(self.process.pid, signal.SIGKILL)
            break
        self.process.wait(timeout=30)
        self.join()


def wait_for_workers(build_: Build, after: str | None = None) -> None:
    """Until the step's pool runs (after the line starting with `after`, if given)."""
    pid = build_.process.pid

    def running() -> bool:
        assert build_.process.poll() is None, f"the build ended first:\n{build_.output}"
        return (after is None or build_.printed(after)) and workers(pid) > 0

    wait_for(running, "the step's worker processes", seconds=300, every=0.05)


def assert_stopped(build_: Build, site_before: dict[str, str], project: Path) -> None:
    """Exit 130 within seconds, with one plain line; nothing of it left; site/ as it was.
    Every difference is listed at once."""
    started = time.monotonic()
    code = build_.process.wait(timeout=120)
    waited = time.monotonic() - started
    build_.join()
    deadline = time.monotonic() + 20
    while group_members(build_.process.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    said = [line for line in build_.lines if line.startswith("Stopped")]
    hidden = [p.name for p in project.iterdir() if p.name.startswith(".site-")]
    found = {
        "exit code": code,
        "seconds to stop": waited < 20,
        "traceback": "Traceback" in build_.output or "Aborted" in build_.output,
        "what it said": said,
        "processes left": [command[:80] for _, command in group_members(build_.process.pid)],
        "site/ as it was": tree_hash(project / "site") == site_before,
        "hidden folders": hidden,
    }
    expected = {
        "exit code": 130,
        "seconds to stop": True,
        "traceback": False,
        "what it said": [f"{STOPPED} {project / 'site'} is as it was\n"],
        "processes left": [],
        "site/ as it was": True,
        "hidden folders": [],
    }
    assert found == expected, build_.output[-3000:]
    assert (project / "site/index.html").read_text("utf-8") == OLD_PAGE


def cache_is_whole(cache: Path) -> None:
    """No temporary file left, and every PDF the cache holds is a complete one."""
    leftovers = [p for p in cache.rglob(".*.tmp")]
    assert leftovers == []
    for pdf in (cache / "pdf").glob("*.pdf"):
        with pikepdf.open(pdf) as document:
            assert len(document.pages) > 0


@pytest.fixture
def cold_project(tmp_path: Path) -> Path:
    """A copy of the example with an empty cache of its own and an old site/ in place."""
    project = copy_project(tmp_path / "project", tmp_path / "cache")
    (tmp_path / "cache").mkdir()
    (project / "site").mkdir()
    (project / "site/index.html").write_text(OLD_PAGE, "utf-8")
    return project


def stop_while_running(
    project: Path, send: Callable[[Build], None], after: str | None = None
) -> None:
    """Start a build of `project`, `send` it a signal once its workers run (and `after` was
    printed), and check that it stopped as it should, its cache whole."""
    site_before = tree_hash(project / "site")
    running = Build(project)
    try:
        wait_for_workers(running, after=after)
        send(running)
        assert_stopped(running, site_before, project)
    finally:
        running.end()
    cache_is_whole(project / ".cache")


def sends(sig: int, *, group: bool = False) -> Callable[[Build], None]:
    """What sends `sig` to a running build: to its whole process group (as a terminal sends
    Ctrl+C) or to its main process alone."""

    def send(running: Build) -> None:
        (os.killpg if group else os.kill)(running.process.pid, sig)

    return send


def test_ctrl_c_during_the_screen_pdfs_stops_the_build(cold_project: Path) -> None:
    """Ctrl+C: SIGINT to the whole foreground process group, as a terminal sends it, while
    the PDF workers render."""
    stop_while_running(cold_project, sends(signal.SIGINT, group=True), after="photos:")
    # The next build trusts the cache: it renders what was not finished, and its PDFs are whole.
    result = build(cold_project)
    assert result.returncode == 0, result.stderr[-3000:]
    pdfs = sorted((cold_project / "site").rglob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        with pikepdf.open(pdf) as document:
            assert len(document.pages) > 0


def test_sigterm_to_the_main_process_during_the_screen_pdfs(cold_project: Path) -> None:
    """A service manager or `kill`: SIGTERM to jrs-site alone, its workers left to it."""
    stop_while_running(cold_project, sends(signal.SIGTERM), after="photos:")


def test_sigint_to_the_main_process_during_the_photos(cold_project: Path) -> None:
    """SIGINT to jrs-site alone while the photo workers encode."""

    def interrupt(running: Build) -> None:
        assert not running.printed("photos:"), "the photos were done before the signal"
        sends(signal.SIGINT)(running)

    stop_while_running(cold_project, interrupt)


def test_sigterm_while_another_process_renders_pages(tmp_path: Path, test_cache: Path) -> None:
    """The pages in two processes (`processes: 2`, `mkdocs_plugin/share.py`): SIGTERM to the
    first alone ends the other too, which MkDocs tells the plugin of only for an Exception."""
    project = copy_project(tmp_path / "project", test_cache)
    config = project / "mkdocs.yml"
    text = config.read_text("utf-8")
    assert "\n  - jrs\n" in text
    config.write_text(text.replace("\n  - jrs\n", "\n  - jrs:\n      processes: 2\n"), "utf-8")
    (project / "site").mkdir()
    (project / "site/index.html").write_text(OLD_PAGE, "utf-8")
    site_before = tree_hash(project / "site")
    running = Build(project)

    def sharing() -> bool:
        assert running.process.poll() is None, f"the build ended first:\n{running.output}"
        members = group_members(running.process.pid)
        return any("jrs_site.mkdocs_plugin.share" in command for _, command in members)

    try:
        wait_for(sharing, "the other process", seconds=300, every=0.05)
        os.kill(running.process.pid, signal.SIGTERM)
        assert_stopped(running, site_before, project)
    finally:
        running.end()
