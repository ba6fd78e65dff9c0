"""Real web servers on 127.0.0.1 serving a built site with the configuration the build made
for them, as a host does, and fetching from them.

Apache httpd reads the site's own `.htaccess` (`AllowOverride All`, with mod_deflate on, as on
shared hosting); nginx includes what `jrs-site nginx` prints. Each test writes the server's
whole configuration into a temporary folder (no system configuration is read, and no system
service is started); the site is linked into a folder the server's user may read, served at
`prefix`.
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

from jrs_site.load.config import read_languages, read_site_url
from jrs_site.outputs.web.host import HostPolicy, host_policy, nginx
from tests import tools

APACHE_MODULES = ("mpm_event", "authz_core", "mime", "headers", "rewrite", "dir", "filter")
APACHE_MODULES += ("deflate",)
#: The encodings of the copies each server sends (nginx's brotli module is not Debian's).
ENCODINGS = {"apache2": ("br", "gzip"), "nginx": ("gzip",)}
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


@dataclass(frozen=True)
class Host:
    """A server running: its name (a key of ENCODINGS) and the site's address."""

    server: str
    base: str


def project_policy(project: Path, site: Path) -> HostPolicy:
    """The policy of the site built from `project` into `site`, as `jrs-site nginx` makes it."""
    return host_policy(site, read_site_url(project), read_languages(project)[0])


def _apache_config(folder: Path, root: Path, port: int) -> str:
    user = "User www-data\nGroup www-data\n" if os.geteuid() == 0 else ""
    loads = "\n".join(
        f"LoadModule {m}_module {tools.APACHE_MODULES}/mod_{m}.so" for m in APACHE_MODULES
    )
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
AddOutputFilterByType DEFLATE text/html text/css text/plain text/javascript
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


def _nginx_config(folder: Path, root: Path, port: int) -> str:
    user = "user www-data;\n" if os.geteuid() == 0 else ""
    temp = "\n".join(
        f"  {kind}_temp_path {folder}/{kind};"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return f"""daemon off;
{user}pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{}}
http {{
  access_log off;
{temp}
  server {{
    listen 127.0.0.1:{port};
    root {root};
    include {folder}/site.conf;
  }}
}}
"""


@contextmanager
def serving(server: str, site: Path, policy: HostPolicy) -> Iterator[str]:
    """`site` served by `server` ("apache2" or "nginx") at the policy's prefix on a free port;
    yields the site's address. Stopped after."""
    folder = Path(tempfile.mkdtemp(prefix=f"jrs-{server}-"))
    try:
        folder.chmod(0o755)  # the server's user (www-data) reads the site from here
        root = folder / "htdocs"
        shutil.copytree(site, root / policy.prefix.strip("/"), copy_function=_link)
        for path in [root, *root.rglob("*")]:
            if path.is_dir():
                path.chmod(0o755)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        config = folder / "server.conf"
        if server == "nginx":
            shutil.copy(Path("/etc/nginx/mime.types"), folder / "mime.types")
            (folder / "site.conf").write_text(nginx(policy), "utf-8")
            config.write_text(_nginx_config(folder, root, port), "utf-8")
            process = tools.start(server, "-p", folder, "-c", config, log=folder / "server.log")
        else:
            config.write_text(_apache_config(folder, root, port), "utf-8")
            process = tools.start(server, "-f", config, "-DFOREGROUND", log=folder / "server.log")
        try:
            base = f"http://127.0.0.1:{port}{policy.prefix}"
            _wait_for(base, process, folder)
            yield base
        finally:
            tools.stop(process)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _link(source: str, target: str) -> None:
    """A hard link (the site's files stay readable to all), else a copy."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _wait_for(base: str, process: subprocess.Popen[bytes], folder: Path) -> None:
    """Until the server answers; an error with its log if it stops or never does."""
    deadline = time.monotonic() + START_WITHIN
    while time.monotonic() < deadline and process.poll() is None:
        try:
            fetch(base)
            return
        except OSError:
            time.sleep(0.05)
    logs = [folder / "server.log", folder / "error.log"]
    told = "\n".join(log.read_text("utf-8", "replace") for log in logs if log.exists())
    raise RuntimeError(f"the web server did not start:\n{told}")
