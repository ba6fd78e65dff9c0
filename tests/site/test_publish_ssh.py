"""`jrs-site publish` against a real OpenSSH server that the tests start on 127.0.0.1, with a
temporary host key and user key: only what changed is sent, an upload killed half-way leaves
every page on the host whole, and the next publish finishes it. Bad targets, a missing rsync,
a closed port and a refused key are plain errors."""

from __future__ import annotations

import getpass
import hashlib
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import pytest
from PIL import Image

from tests import tools
from tests.conftest import (
    DRAFT_MARK,
    cli,
    copy_project,
    free_port,
    hidden_copy,
    search_text,
    wait_for,
)
from tests.site.test_links import broken_links

SUMMARY_RE = re.compile(
    r"Published to \S+: (?P<sent>\d+) files sent \([\d.]+ [kM]B\), (?P<removed>\d+) removed, "
    r"in [\d.]+ s"
)
#: Where rsync keeps the files of a pass until it renames them all into place.
PENDING = ".~tmp~"
#: The lines of `--dry-run` that name a file: new, changed, removed.
WOULD = ("  + ", "  ~ ", "  - ")


@dataclass(frozen=True)
class Host:
    folder: Path  # the web folder on the host
    port: int
    config: Path  # the SSH client's settings: our key, our known hosts
    keys: Path

    @property
    def target(self) -> str:
        return f"{getpass.getuser()}@127.0.0.1:{self.folder}"

    def options(self) -> list[str]:
        return ["--port", str(self.port), "--ssh-config", str(self.config)]


def _listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Host]:
    """sshd on a free port of 127.0.0.1, letting in one key; stopped after the module."""
    tools.require("sshd", "ssh", "ssh-keygen", "rsync")
    keys = tmp_path_factory.mktemp("ssh")
    for name in ("host_key", "user_key", "other_key", "chatty_key"):
        tools.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", keys / name)
    # chatty_key logs in to a shell that greets: as a hosting account with a message in .bashrc
    chatty = 'command="echo Welcome to your hosting" ' + (keys / "chatty_key.pub").read_text()
    (keys / "authorized_keys").write_text((keys / "user_key.pub").read_text() + chatty)
    port = free_port()
    (keys / "sshd_config").write_text(
        f"ListenAddress 127.0.0.1\nPort {port}\nHostKey {keys / 'host_key'}\n"
        f"AuthorizedKeysFile {keys / 'authorized_keys'}\nPidFile none\nUsePAM no\n"
        "StrictModes no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n"
        "PermitRootLogin prohibit-password\n"
    )
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(exist_ok=True)  # sshd's privilege separation folder
    server = tools.start("sshd", "-D", "-e", "-f", keys / "sshd_config", log=keys / "sshd.log")
    try:
        wait_for(lambda: _listening(port), "sshd listening", seconds=30)
        config = _client_config(keys, "user_key")
        yield Host(tmp_path_factory.mktemp("host") / "www", port, config, keys)
    finally:
        tools.stop(server)


def _client_config(keys: Path, key: str) -> Path:
    config = keys / f"{key}.config"
    config.write_text(
        f"Host *\n  IdentityFile {keys / key}\n  IdentitiesOnly yes\n"
        f"  UserKnownHostsFile {keys / 'known_hosts'}\n"
    )
    return config


def publish(project: Path, host: Host, *args: str) -> subprocess.Popen[str]:
    """`jrs-site publish` to `host`, started in a process group of its own."""
    return subprocess.Popen(
        [sys.executable, "-m", "jrs_site", "publish", host.target, *host.options(), *args],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def published(project: Path, host: Host, *args: str) -> str:
    """Publish to the end; its output (it must succeed)."""
    process = publish(project, host, *args)
    output, _ = process.communicate(timeout=900)
    assert process.returncode == 0, output[-4000:]
    assert "Traceback" not in output
    return output


def files(folder: Path) -> dict[str, str]:
    """Each file under `folder` with the hash of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def summary(output: str) -> tuple[int, int]:
    """Files sent and removed, from the one-line summary."""
    match = SUMMARY_RE.search(output)
    assert match, output[-2000:]
    return int(match["sent"]), int(match["removed"])


@pytest.fixture(scope="module")
def on_host(host: Host, tmp_path_factory: pytest.TempPathFactory, test_cache: Path) -> Path:
    """A copy of the example project with a draft, published once to `host`: the project."""
    project = copy_project(tmp_path_factory.mktemp("publish") / "project", test_cache)
    hidden_copy(project, "esther", "esther-draft", DRAFT_MARK, draft=True)
    output = published(project, host)
    site = files(project / "site")
    assert summary(output) == (len(site), 0)
    assert files(host.folder) == site
    texts = (p.read_bytes() for p in host.folder.rglob("*") if p.is_file())
    assert not any(DRAFT_MARK.encode() in text for text in texts)
    assert DRAFT_MARK not in search_text(host.folder)
    return project


def test_strict_refuses_a_site_with_warnings(on_host: Path, host: Host) -> None:
    before = files(host.folder)
    untranslated = on_host / "stories/esther-nl"
    shutil.copytree(on_host / "stories/esther", untranslated)
    (untranslated / "fr.md").unlink()
    try:
        process = publish(on_host, host, "--strict")
        output, _ = process.communicate(timeout=900)
    finally:
        shutil.rmtree(untranslated)
    assert process.returncode == 1, output
    assert "the site was not built; fix the errors above first (--strict: warnings too)" in output
    assert files(host.folder) == before


def test_a_publish_sends_only_what_changed(on_host: Path, host: Host) -> None:
    project = on_host
    assert summary(published(project, host)) == (0, 0), "an unchanged site sends nothing"

    before = files(project / "site")
    story = project / "stories/farid-mariam/nl.md"  # printed in edition 118
    story.write_text(story.read_text("utf-8") + "\nEen zin erbij.\n", "utf-8")
    listed = published(project, host, "--dry-run")
    after = files(project / "site")
    changed = {path for path, digest in after.items() if before.get(path) != digest}
    gone = before.keys() - after.keys()
    assert {"stories/farid-mariam/index.html", "pdf/ankerpunt-nieuws-118-nl.pdf"} <= changed
    assert "about/index.html" not in changed  # guard: not every page changes
    assert "pdf/ankerpunt-infos-118-fr.pdf" not in changed  # made again, the same bytes
    would = {line[4:]: line[2] for line in listed.splitlines() if line[:4] in WOULD}
    assert {path for path, sign in would.items() if sign in "+~"} == changed
    assert {path for path, sign in would.items() if sign == "-"} == gone
    assert files(host.folder) == before, "--dry-run changed the host"

    assert summary(published(project, host)) == (len(changed), len(gone))
    assert files(host.folder) == after


def _pending(folder: Path, suffix: str) -> bool:
    """Whether a file ending in `suffix` has arrived in a pass not yet renamed into place."""
    return any(p.suffix == suffix for p in folder.rglob(f"{PENDING}/*"))


def _served(host: Host, into: Path) -> Path:
    """What a reader can reach on the host: a copy without rsync's pending folders."""
    shutil.copytree(host.folder, into, ignore=shutil.ignore_patterns(PENDING))
    return into


def test_an_interrupted_publish_leaves_every_page_whole(
    on_host: Path, host: Host, tmp_path: Path
) -> None:
    """A testimony moves to a new address with a new portrait (new pages and photos, old
    ones to remove); the upload is killed once while the photos arrive, once while the pages
    arrive; each time every page on the host finds every file it links to; then a publish
    finishes, and the host holds the new site."""
    project = on_host
    published(project, host)
    (project / "stories/ousmane").rename(project / "stories/ousmane-again")
    noise = Image.frombytes("RGB", (600, 780), random.Random(24).randbytes(600 * 780 * 3))
    noise.save(project / "stories/ousmane-again/portrait.jpg", quality=90)  # photos that weigh
    assert (host.folder / "stories/ousmane/index.html").is_file()

    for moment, suffix in (("photos", ".webp"), ("pages", ".html")):
        process = publish(project, host, "--bwlimit", "48")
        try:
            arrived = partial(_pending, host.folder, suffix)
            wait_for(arrived, f"{moment} arriving", seconds=600, every=0.05)
        finally:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
        served = _served(host, tmp_path / moment)
        pages = list(served.rglob("*.html"))
        assert len(pages) > 50, "the check would pass on an empty host"
        assert broken_links(served) == [], f"killed while the {moment} arrived"

    sent, removed = summary(published(project, host))
    assert sent > 0 and removed > 0
    assert files(host.folder) == files(project / "site")
    assert not (host.folder / "stories/ousmane").exists()


# -- errors: said in plain words, before any build -------------------------------------


@pytest.mark.parametrize(
    ("target", "says"),
    [
        ("ankerpunt.example/www", "is not a place on a host: write user@host:folder"),
        ("https://ankerpunt.example/www", "is not a place on a host"),
        ("user@ankerpunt.example::www", "is not a place on a host"),
        ("user@ankerpunt.example:", "names your home folder or the host's root"),
        ("user@ankerpunt.example:/", "names your home folder or the host's root"),
        ("user@ankerpunt.example:~", "names your home folder or the host's root"),
    ],
)
def test_a_bad_target_says_how_to_write_one(
    project: Path, monkeypatch: pytest.MonkeyPatch, target: str, says: str
) -> None:
    code, output = cli(project, monkeypatch, "publish", target)
    assert code == 1 and says in output, output
    assert not (project / "site").exists()


def test_without_rsync_it_says_what_to_install(
    project: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    code, output = cli(project, monkeypatch, "publish", "user@ankerpunt.example:www")
    assert code == 1, output
    assert "rsync is not installed" in output and "apt-get install rsync" in output


def refused(
    project: Path, monkeypatch: pytest.MonkeyPatch, host: Host, config: Path, port: int
) -> str:
    """What a publish to `host` that cannot log in says: it fails before any build."""
    args = ["publish", host.target, "--port", str(port), "--ssh-config", str(config)]
    code, output = cli(project, monkeypatch, *args)
    assert code == 1, output
    assert not (project / "site").exists()
    return output


def test_a_closed_port_is_an_unreachable_host(
    project: Path, monkeypatch: pytest.MonkeyPatch, host: Host
) -> None:
    port = free_port()
    output = refused(project, monkeypatch, host, host.config, port)
    assert f"could not reach 127.0.0.1 on port {port}: check the host name and port" in output


@pytest.mark.parametrize(
    ("key", "says"),
    [
        ("other_key", "refused to let you in: your SSH key is not on the host|ssh-copy-id -p"),
        ("chatty_key", "let you in, but its login prints text or runs no commands"),
    ],
)
def test_a_login_that_fails_is_named(
    project: Path, monkeypatch: pytest.MonkeyPatch, host: Host, key: str, says: str
) -> None:
    """A key the host does not know; a login that prints text (a greeting in .bashrc)."""
    output = refused(project, monkeypatch, host, _client_config(host.keys, key), host.port)
    for part in says.split("|"):
        assert part in output
