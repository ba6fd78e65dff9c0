"""Putting a built site on the organisation's host over SSH with rsync, so that a reader never
meets a half-published site (ARCHITECTURE.md, "Publishing").

A publish is a plan, then passes, each one rsync run:

1. `assets`: everything the pages link to (styles, scripts, photos, PDFs, the search index),
   beside what is already there, so the pages on the host, old or new, still find theirs;
2. `pages`: the HTML pages, feeds and sitemaps, renamed into place together at the end of the
   pass (`--delay-updates`), once what they link to is there;
3. `stale pages`, then `stale files`: what the new site no longer has, pages first.

Files are compared by checksum, not by date (every build writes every page anew), so a
publish sends only the files whose bytes changed.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from jrs_site.outputs.web.host import HOST_FILES
from jrs_site.util.progress import Step

#: What a reader (or a search engine) opens and what names other files: the pages, feeds and
#: sitemaps (and their compressed copies), sent after everything they link to; with them the
#: host's files, whose script hashes are those of the pages.
PAGES = ("*.html", "*.html.gz", "*.html.br", "*.xml", "*.xml.gz", "*.xml.br", *HOST_FILES)
#: rsync's line per file: what happened (`%i`), its size, the bytes sent for it, its path.
OUT_FORMAT = "%i|%l|%b|%n"
#: Seconds without any data before rsync gives up on a silent connection.
IO_TIMEOUT = 60
#: A target: `[user@]host:path`; the host a name or address, an IPv6 one in brackets.
TARGET_RE = re.compile(
    r"(?:(?P<user>[^@\s:/]+)@)?(?P<host>[\w.-]+|\[[0-9a-fA-F:.]+\]):(?P<path>.*)"
)
#: rsync's exit codes for a transfer cut off: by a signal (20), a dead connection (12, 255),
#: a silent one (30, 35).
LOST = {12, 20, 30, 35, 255}
#: Folders whose every other file a publish would delete: never a target.
UNSAFE_PATHS = {"", "/", "~", "~/", ".", "./"}
EXAMPLE = "user@host.example:/var/www/ankerpunt"
Kind = Literal["new", "changed", "deleted"]


class UploadError(Exception):
    """The site could not be published; the message says why and what to do."""


@dataclass(frozen=True)
class Target:
    """Where the site goes: `[user@]host:path`, the SSH port, an SSH settings file."""

    remote: str
    port: int | None = None
    ssh_config: Path | None = None

    @classmethod
    def parse(cls, text: str, port: int | None = None, ssh_config: Path | None = None) -> Target:
        """The target `text`; an error that says how to write one if it is not one."""
        match = TARGET_RE.fullmatch(text.strip())
        if not match or match["path"].startswith(":") or "://" in text:
            raise UploadError(
                f"'{text}' is not a place on a host: write user@host:folder, e.g. {EXAMPLE}"
            )
        if match["path"].strip() in UNSAFE_PATHS:
            raise UploadError(
                f"'{text}' names your home folder or the host's root, and a publish deletes "
                f"there whatever the site does not have: name the site's own folder, e.g. "
                f"{EXAMPLE}"
            )
        return cls(text.strip(), port, ssh_config)

    def ssh(self) -> str:
        """The command rsync runs to reach the host (`-e`): never asks a question."""
        command = ["ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=20"]
        command += ["-o", "StrictHostKeyChecking=accept-new"]
        if self.port is not None:
            command += ["-p", str(self.port)]
        if self.ssh_config is not None:
            command += ["-F", str(self.ssh_config)]
        return shlex.join(command)


@dataclass(frozen=True)
class Change:
    """One file the publish sends (`new`, `changed`) or removes (`deleted`)."""

    kind: Kind
    path: str
    size: int
    sent: int  # bytes on the wire for it (0 in a plan)


@dataclass
class Summary:
    """What a publish did, for its one-line report."""

    changes: list[Change] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def sent(self) -> list[Change]:
        return [c for c in self.changes if c.kind != "deleted"]

    @property
    def deleted(self) -> list[Change]:
        return [c for c in self.changes if c.kind == "deleted"]

    def line(self, target: Target) -> str:
        sent = sum(c.sent for c in self.sent)
        return (
            f"Published to {target.remote}: {len(self.sent)} files sent "
            f"({_size(sent)}), {len(self.deleted)} removed, in {self.seconds:.1f} s"
        )


def _only(patterns: tuple[str, ...]) -> tuple[str, ...]:
    return ("--include=*/", *(f"--include={p}" for p in patterns), "--exclude=*")


#: Only removes (`--existing --ignore-existing`: nothing is sent); no `--delay-updates`, so
#: the folders an interrupted publish left are removed too.
_REMOVE = ("--delete", "--existing", "--ignore-existing")
#: Each pass, in order, with rsync's options for it.
PASSES = {
    "assets": ("--checksum", "--delay-updates", *(f"--exclude={p}" for p in PAGES)),
    "pages": ("--checksum", "--delay-updates", *_only(PAGES)),
    "stale pages": (*_REMOVE, *_only(PAGES)),
    "stale files": _REMOVE,
}
#: The plan: what the passes together will do, without doing it.
PLAN = ("--dry-run", "--checksum", "--delete")


def check_tools() -> None:
    """An error naming what to install when rsync or ssh is missing here."""
    for program in ("rsync", "ssh"):
        if shutil.which(program) is None:
            raise UploadError(
                f"{program} is not installed on this computer, and publishing needs it: "
                "on Debian or Ubuntu, sudo apt-get install rsync openssh-client; "
                "on a Mac, brew install rsync (Homebrew)"
            )


def probe(target: Target) -> None:
    """Reach the host and log in, changing nothing: an error saying why not, before a build."""
    with tempfile.TemporaryDirectory() as empty:
        list(_rsync(Path(empty), target, ("--dry-run",)))


def plan(site: Path, target: Target) -> list[Change]:
    """What publishing `site` to `target` would send and remove (nothing is changed)."""
    return list(_rsync(site, target, PLAN))


def publish(site: Path, target: Target, bwlimit: int | None = None) -> Summary:
    """Publish `site` to `target` in `PASSES`, with a live bar over the planned files (the
    caller prints the summary); `bwlimit` caps the upload (KiB/s)."""
    started = time.monotonic()
    summary = Summary()
    progress = Step("Publishing", len(plan(site, target)), sys.stderr)
    limit = (f"--bwlimit={bwlimit}",) if bwlimit else ()
    try:
        for options in PASSES.values():
            for change in _rsync(site, target, (*options, *limit)):
                summary.changes.append(change)
                progress.advance()
    finally:
        progress.stop()
    summary.seconds = time.monotonic() - started
    return summary


def describe(changes: list[Change]) -> Iterator[str]:
    """The lines of a dry run: each file with what would happen to it, then the totals."""
    signs = {"new": "+", "changed": "~", "deleted": "-"}
    for change in sorted(changes, key=lambda c: (c.kind, c.path)):
        yield f"  {signs[change.kind]} {change.path}"
    counts = {kind: sum(c.kind == kind for c in changes) for kind in signs}
    size = sum(c.size for c in changes if c.kind != "deleted")
    yield (
        f"Would send {counts['new']} new and {counts['changed']} changed files ({_size(size)}) "
        f"and remove {counts['deleted']}; nothing was changed on the host."
    )


def _size(count: int) -> str:
    return f"{count / 1e6:.1f} MB" if count >= 100_000 else f"{count / 1e3:.1f} kB"


def _rsync(site: Path, target: Target, options: tuple[str, ...]) -> Iterator[Change]:
    """Run rsync from `site` to `target` with `options`: each file it sends or removes."""
    command = [
        *("rsync", "--recursive", "--copy-links", "--perms", "--chmod=D755,F644"),
        f"--timeout={IO_TIMEOUT}",
        f"--out-format={OUT_FORMAT}",
        *options,
        *("-e", target.ssh()),
        f"{site}{os.sep}",
        target.remote,
    ]
    with tempfile.TemporaryFile() as errors:
        try:
            process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=errors, text=True)
        except FileNotFoundError:
            check_tools()
            raise
        try:
            assert process.stdout is not None
            for line in process.stdout:
                change = _change(line.rstrip("\n"))
                if change is not None:
                    yield change
            code = process.wait()
        except BaseException:
            process.terminate()
            process.wait()
            raise
        if code != 0:
            errors.seek(0)
            raise UploadError(_explain(code, errors.read().decode("utf-8", "replace"), target))


def _change(line: str) -> Change | None:
    """The file an rsync line is about, if one is sent or removed (not a folder, not a mere
    change of permissions)."""
    parts = line.split("|", 3)
    if len(parts) != 4 or not parts[1].isdigit():
        return None
    flags, size, sent, path = parts
    if flags.startswith("*deleting"):
        return None if path.endswith("/") else Change("deleted", path, 0, 0)
    if flags[:2] != "<f":
        return None
    kind: Kind = "new" if "+++" in flags else "changed"
    return Change(kind, path, int(size), int(sent) if sent.isdigit() else 0)


#: What rsync or ssh says, and what to tell staff: the first that matches.
_CAUSES = (
    (
        ("Could not resolve hostname", "Name or service not known"),
        "there is no host called {host}: check the name in the target ({remote})",
    ),
    (
        ("Connection refused", "No route to host", "Connection timed out", "Network is unreach"),
        "could not reach {host}{port}: check the host name and port (--port) with your host, "
        "and that this computer is online",
    ),
    (
        ("Host key verification failed", "IDENTIFICATION HAS CHANGED"),
        "{host} does not show the SSH key it showed before: do not publish until your host "
        "confirms the key changed, then remove the old one with ssh-keygen -R {host}",
    ),
    (
        ("Permission denied (publickey", "Permission denied (password", "Too many auth"),
        "{host} refused to let you in: your SSH key is not on the host, or not loaded; "
        "see 'Publishing' in README.md (ssh-copy-id{port_option} {login})",
    ),
    (
        ("rsync: command not found", "rsync: not found"),
        "{host} has no rsync: ask your host to install it (it is needed to publish)",
    ),
    (
        ("protocol version mismatch", "This account is currently not available"),
        "{host} let you in, but its login prints text or runs no commands (a message in "
        "the account's .bashrc, or an account for SFTP only): ask your host for SSH with rsync",
    ),
    (
        ("mkdir", "change_dir", "Permission denied"),
        "{host} refused to write into {path}: the folder above it must exist and be yours; "
        "check the folder with your host",
    ),
)


def _explain(code: int, errors: str, target: Target) -> str:
    """A plain sentence for rsync's exit `code` and what it and ssh wrote to `errors`."""
    parts = TARGET_RE.fullmatch(target.remote)
    assert parts is not None  # Target.parse made it
    login, host, path = target.remote[: parts.start("path") - 1], parts["host"], parts["path"]
    port = f" on port {target.port}" if target.port else ""
    values = {
        "host": host,
        "login": login,
        "path": path,
        "remote": target.remote,
        "port": port,
        "port_option": f" -p {target.port}" if target.port else "",
    }
    for needles, message in _CAUSES:
        if any(needle in errors for needle in needles):
            return message.format(**values)
    if code < 0 or code in LOST:
        return (
            f"the upload to {host} stopped before the end (stopped here, or the connection "
            "was lost): readers see a complete site, the old pages or the new ones; run the "
            "same command again to finish"
        )
    detail = " / ".join(line.strip() for line in errors.splitlines() if line.strip())[-500:]
    return f"rsync stopped (exit {code}) while publishing to {target.remote}: {detail}"
