"""A real Apache httpd on 127.0.0.1 serving a built site with its own `.htaccess`, as a
shared host does (`AllowOverride All`, mod_deflate on), and fetching from it.

The test writes the whole configuration into a temporary folder (no system configuration is
read, and the system's own Apache service is never started); the site is linked into a folder
the server's user may read, served at `prefix`.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

from tests import tools

MODULES = ("mpm_event", "authz_core", "mime", "headers", "rewrite", "dir", "filter", "deflate")
#: Starting takes well under a second; this is only how long to wait before giving up.
START_WITHIN = 30.0


@dataclass(frozen=True)
class Response:
    status: int
    headers: Message
    body: bytes


def fetch(url: str, encoding: str | None = None) -> Response:
    """GET `url` as a browser would (accepting `encoding`), without decompressing."""
    headers = {"Accept-Encoding": encoding} if encoding else {}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 - our local server
    try:
        with urllib.request.urlopen(request) as answer:  # noqa: S310
            return Response(answer.status, answer.headers, answer.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, error.headers, error.read())


def _config(folder: Path, root: Path, port: int) -> str:
    modules = tools.APACHE_MODULES
    user = "User www-data\nGroup www-data\n" if os.geteuid() == 0 else ""
    loads = "\n".join(f"LoadModule {m}_module {modules}/mod_{m}.so" for m in MODULES)
    return f"""ServerRoot "{folder}"
ServerName 127.0.0.1
Listen 127.0.0.1:{port}
PidFile "{folder}/httpd.pid"
ErrorLog "{folder}/error.log"
DefaultRuntimeDir "{folder}"
LogLevel warn
{loads}
{user}TypesConfig /etc/mime.types
DocumentRoot "{root}"
DirectoryIndex index.html
AddOutputFilterByType DEFLATE text/html text/css text/plain application/javascript
<Directory />
  AllowOverride None
  Require all denied
</Directory>
<Directory "{root}">
  AllowOverride All
  Require all granted
</Directory>
<Files ".ht*">
  Require all denied
</Files>
"""


@contextmanager
def apache_serving(site: Path, prefix: str = "/") -> Iterator[str]:
    """Serve `site` at `prefix` on a free port; yields the site's address. Stopped after."""
    folder = Path(tempfile.mkdtemp(prefix="jrs-apache-"))
    try:
        folder.chmod(0o755)  # the server's user (www-data) reads the site from here
        root = folder / "htdocs"
        target = root / prefix.strip("/") if prefix.strip("/") else root
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(site, target, copy_function=_link)
        for path in [root, *root.rglob("*")]:
            if path.is_dir():
                path.chmod(0o755)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        config = folder / "httpd.conf"
        config.write_text(_config(folder, root, port), "utf-8")
        server = tools.apache(config)
        try:
            base = f"http://127.0.0.1:{port}{prefix}"
            _wait_for(base, server, folder)
            yield base
        finally:
            server.terminate()
            server.wait()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _link(source: str, target: str) -> None:
    """A hard link (the site's files stay readable to all), else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _wait_for(base: str, server: subprocess.Popen[bytes], folder: Path) -> None:
    """Until the server answers; an error with its log if it stops or never does."""
    deadline = time.monotonic() + START_WITHIN
    while time.monotonic() < deadline and server.poll() is None:
        try:
            fetch(base)
            return
        except OSError:
            time.sleep(0.05)
    log = (folder / "error.log").read_text("utf-8") if (folder / "error.log").exists() else ""
    stderr = server.stderr.read().decode() if server.poll() is not None and server.stderr else ""
    raise RuntimeError(f"Apache did not start:\n{stderr}\n{log}")
