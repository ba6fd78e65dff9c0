"""The host configuration without a site build: the prefix and the languages come from the
configuration, inline scripts are allowed by their hashes, the compressed copies are cached;
and a site served under a prefix on a real Apache finds each language's 404 page."""

from __future__ import annotations

import base64
import gzip
import hashlib
from pathlib import Path

import brotli
import pytest

from jrs_site.model.languages import Languages
from jrs_site.outputs.web.compress import precompress
from jrs_site.outputs.web.host import UPLOADING, host_policy, nginx, write_host_files
from jrs_site.outputs.web.publish import Publisher
from tests.conftest import cli
from tests.servers import ENCODINGS, fetch, serving

DECODE = {"br": brotli.decompress, "gzip": gzip.decompress}
THREE = Languages(("nl", "fr", "en"), "nl")
SCRIPT = "console.log('hi')"
PAGE = "<!doctype html><html lang='{lang}'><title>{what}</title>{script}"


def small_site(root: Path) -> Path:
    """A site of three languages: a home page and a 404 page each, one with a script."""
    for lang, prefix in (("nl", ""), ("fr", "fr/"), ("en", "en/")):
        for name in ("index.html", "404.html"):
            path = root / prefix / name
            path.parent.mkdir(parents=True, exist_ok=True)
            script = f"<script>{SCRIPT}</script>" if (lang, name) == ("nl", "404.html") else ""
            text = PAGE.format(lang=lang, what=name, script=script) + "<p>text</p>" * 200
            path.write_text(text, "utf-8")
    return root


def test_the_prefix_and_the_languages_come_from_the_configuration(tmp_path: Path) -> None:
    site = small_site(tmp_path / "site")
    policy = host_policy(site, "https://example.org/ankerpunt/", THREE)
    write_host_files(Publisher(site), policy)
    htaccess = (site / ".htaccess").read_text("utf-8")
    redirects = (site / "_redirects").read_text("utf-8").splitlines()
    assert "ErrorDocument 404 /ankerpunt/404.html" in htaccess
    for lang in ("fr", "en"):
        assert f"ErrorDocument 404 /ankerpunt/{lang}/404.html" in htaccess
        assert f"/ankerpunt/{lang}/*  /ankerpunt/{lang}/404.html  404" in redirects
        assert f"location /ankerpunt/{lang}/ {{" in nginx(policy)
    assert redirects[-1] == "/ankerpunt/*  /ankerpunt/404.html  404"  # the catch-all last
    assert (site / "_headers").read_text("utf-8").splitlines()[1] == "/ankerpunt/*"


def test_inline_scripts_are_allowed_by_their_hash_only(tmp_path: Path) -> None:
    site = small_site(tmp_path / "site")
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()
    csp = dict(host_policy(site, None, THREE).headers)["Content-Security-Policy"]
    script_src = next(d for d in csp.split("; ") if d.startswith("script-src "))
    assert script_src == f"script-src 'self' 'sha256-{digest}'"  # no search: no WebAssembly


def test_compressed_copies_are_made_once(tmp_path: Path) -> None:
    site, cache = small_site(tmp_path / "site"), tmp_path / "cache"
    (site / "robots.txt").write_text("User-agent: *\n", "utf-8")  # too small to gain
    precompress(Publisher(site), cache)
    page = (site / "index.html").read_bytes()
    assert gzip.decompress((site / "index.html.gz").read_bytes()) == page
    assert brotli.decompress((site / "index.html.br").read_bytes()) == page
    assert not (site / "robots.txt.gz").exists() and not (site / "robots.txt.br").exists()
    made = {path: path.stat().st_mtime_ns for path in cache.iterdir()}
    rebuilt = small_site(tmp_path / "rebuilt")  # the next build: the same pages
    precompress(Publisher(rebuilt), cache)
    assert {path: path.stat().st_mtime_ns for path in cache.iterdir()} == made
    assert (rebuilt / "fr/404.html.br").read_bytes() == (site / "fr/404.html.br").read_bytes()


@pytest.mark.parametrize("server", ENCODINGS)
def test_a_server_serves_the_site_under_a_prefix(tmp_path: Path, server: str) -> None:
    """Each language's 404 page and the compressed copies, with the site at /ankerpunt/."""
    site = small_site(tmp_path / "site")
    uploading = site / "en" / UPLOADING / "index.html"  # a publish's upload not yet in place
    uploading.parent.mkdir()
    uploading.write_text("<p>half</p>", "utf-8")
    policy = host_policy(site, "https://example.org/ankerpunt/", THREE)
    write_host_files(Publisher(site), policy)
    precompress(Publisher(site), tmp_path / "cache")
    with serving(server, site, policy) as base:
        for prefix, lang in (("", "nl"), ("fr/", "fr"), ("en/", "en"), ("fr/a/b/", "fr")):
            response = fetch(base + prefix + "no-such-page")
            assert response.status == 404
            assert f"lang='{lang}'><title>404.html".encode() in response.body
        assert fetch(base + "en/").body == (site / "en/index.html").read_bytes()
        assert fetch(base + f"en/{UPLOADING}/index.html").status == 404
        for encoding in ENCODINGS[server]:
            compressed = fetch(base + "en/", encoding)
            assert compressed.headers["Content-Encoding"] == encoding
            assert DECODE[encoding](compressed.body) == (site / "en/index.html").read_bytes()


CONFIG = """site_url: https://example.org/ankerpunt/
plugins:
  - i18n:
      languages:
        - {locale: nl, default: true}
        - {locale: fr}
        - {locale: en}
"""


def test_jrs_site_nginx_prints_the_built_site_s_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "mkdocs.yml").write_text(CONFIG, "utf-8")
    code, output = cli(tmp_path, monkeypatch, "nginx")
    assert code == 1 and "run 'jrs-site build' first" in output and "Traceback" not in output
    small_site(tmp_path / "site")
    code, output = cli(tmp_path, monkeypatch, "nginx")
    assert code == 0, output
    for lang in ("fr", "en"):
        assert (
            f"location /ankerpunt/{lang}/ {{\n    error_page 404 /ankerpunt/{lang}/404.html;"
            in output
        )
