"""What the web host sends with the site, decided once here and written in each host's format.

A `HostPolicy` holds it all: the security headers (a Content-Security-Policy that allows the
site itself only, its inline scripts by their hashes, read from the built pages), the caching
rules (a year and `immutable` for the files named by their content, ten minutes for the rest),
each language's 404 page for the addresses under its prefix, the types some hosts get wrong,
and the text files sent precompressed. Every build writes it as `.htaccess` (Apache),
`_headers` and `_redirects` (Netlify, Cloudflare Pages); `jrs-site nginx` prints it for nginx.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from jrs_site.model.bundles import localized_url
from jrs_site.model.languages import Languages
from jrs_site.outputs.web.feeds import FEED_FILE
from jrs_site.outputs.web.publish import MEDIA_DIR, SOCIAL_DIR, Publisher
from jrs_site.outputs.web.search import BUNDLE_DIR

NOT_FOUND = "404.html"
#: The text files that hosts send compressed; the build puts a .gz and a .br beside each.
COMPRESSIBLE = ("html", "css", "js", "json", "xml", "svg", "txt")
#: Types some hosts lack or get wrong, by extension; text types are sent as UTF-8.
TYPES = {
    "js": "text/javascript",
    "avif": "image/avif",
    "webp": "image/webp",
    "xml": "application/xml",
    "pdf": "application/pdf",
    "woff2": "font/woff2",
}
#: Files whose type is not their extension's: the feeds are Atom.
FILE_TYPES = {FEED_FILE: "application/atom+xml"}
SHORT = "public, max-age=600"  # ten minutes, then the browser asks again (ETag)
IMMUTABLE = "public, max-age=31536000, immutable"  # a year, never asked again
#: The files named by their content, so that what a name holds never changes (`*`: any
#: characters): photos (`<digest>-<settings>-<width>.jpg`), social cards (a digest of what
#: they show), Material's stylesheets (`main.<digest>.min.css`) and Pagefind's index chunks.
#: Not the PDFs, fonts, jrs.js nor Pagefind's scripts: they keep their name when they change.
FINGERPRINTED = (
    f"{MEDIA_DIR}/*",
    f"{SOCIAL_DIR}/*",
    "assets/stylesheets/main.*",
    "assets/stylesheets/palette.*",
    f"{BUNDLE_DIR}/index/*",
    f"{BUNDLE_DIR}/fragment/*",
    f"{BUNDLE_DIR}/*.pf_meta",
)
#: Files a browser shows in its own viewer, not as a page: sent without the page's policy
#: (which is for our pages' scripts), since Chrome's PDF viewer has failed under one.
VIEWED = ("pdf",)
CSP = "Content-Security-Policy"
#: The host files of the build: for the host to read, never to serve.
HOST_FILES = (".htaccess", "_headers", "_redirects")
#: rsync's folder, in each folder, of the files `jrs-site publish` is uploading and has not
#: put in place yet (`--delay-updates`; left behind by an interrupted upload): never served.
UPLOADING = ".~tmp~"
#: `<script>` elements whose code runs inline (no `src`, a JavaScript type or none).
_INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\ssrc=)(?![^>]*\stype=\"(?!text/javascript|module)[^\"]*\")[^>]*>(.*?)</script>",
    re.DOTALL | re.IGNORECASE,
)


@dataclass(frozen=True)
class HostPolicy:
    """What the host sends, for a site served at `prefix` (`/`, or `/ankerpunt/`)."""

    prefix: str
    headers: tuple[tuple[str, str], ...]  # on every response, errors included
    not_found: tuple[tuple[str, str], ...]  # (address prefix, its 404 page), longest first

    def fingerprinted(self) -> Iterator[str]:
        """The patterns of the files cached for a year, under the prefix."""
        return (self.prefix + pattern for pattern in FINGERPRINTED)


def host_policy(site_dir: Path, site_url: str | None, languages: Languages) -> HostPolicy:
    """The policy of the built site in `site_dir`, served at `site_url`'s path."""
    prefix = urlsplit(site_url or "/").path.rstrip("/") + "/"
    pages = [prefix + localized_url(NOT_FOUND, lang, languages) for lang in languages.codes]
    not_found = sorted(
        ((page.removesuffix(NOT_FOUND), page) for page in pages), key=lambda p: -len(p[0])
    )
    return HostPolicy(prefix, security_headers(site_dir), tuple(not_found))


def security_headers(site_dir: Path) -> tuple[tuple[str, str], ...]:
    """The headers that keep readers private and safe, for every response."""
    return (
        (CSP, content_security_policy(site_dir)),
        ("Strict-Transport-Security", "max-age=31536000"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
    )


def content_security_policy(site_dir: Path) -> str:
    """Nothing but the site itself. Scripts: the site's files, and the inline scripts of its
    pages by their hashes; WebAssembly for Pagefind's search. Styles may be inline: every
    page carries its stylesheet inline (one round trip less) and the e-mail copies their
    style attributes. Images: the site's, and the `data:` icons of Material's stylesheet."""
    scripts = ["'self'"]
    if (site_dir / BUNDLE_DIR).is_dir():
        scripts.append("'wasm-unsafe-eval'")  # Pagefind runs its index as WebAssembly
    scripts += [f"'sha256-{digest}'" for digest in sorted(inline_script_hashes(site_dir))]
    directives = {
        "default-src": "'none'",
        "script-src": " ".join(scripts),
        "style-src": "'self' 'unsafe-inline'",
        "img-src": "'self' data:",
        "font-src": "'self'",
        "connect-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def inline_script_hashes(site_dir: Path) -> set[str]:
    """The base64 SHA-256 of every inline script of the site's pages, as CSP names them."""
    found = set()
    for page in site_dir.rglob("*.html"):
        for code in _INLINE_SCRIPT.findall(page.read_text("utf-8")):
            digest = hashlib.sha256(code.encode("utf-8")).digest()
            found.add(base64.b64encode(digest).decode("ascii"))
    return found


def _regex(pattern: str) -> str:
    """A pattern of FINGERPRINTED as a regular expression (`*`: any characters)."""
    return ".*".join(re.escape(part) for part in pattern.split("*"))


# -- Apache ---------------------------------------------------------------------------------


def apache(policy: HostPolicy) -> str:
    """`.htaccess` at the site's root (mod_headers, mod_rewrite, mod_mime; `AllowOverride
    All`, or at least FileInfo): every language's 404 page, headers, caching, types, and
    the precompressed copies for a browser that accepts them."""
    text = "|".join(COMPRESSIBLE)
    default_prefix, default_page = policy.not_found[-1]
    lines = [
        "# Written by every `jrs-site build`: do not edit (README: 'Your web host').",
        f"ErrorDocument 404 {default_page}",
    ]
    for prefix, page in policy.not_found[:-1]:
        lines += [
            f'<If "%{{REQUEST_URI}} =~ m#^{re.escape(prefix)}#">',
            f"  ErrorDocument 404 {page}",
            "</If>",
        ]
    lines += [f'Header always set {name} "{value}"' for name, value in policy.headers]
    lines += [
        f'<FilesMatch "\\.(?:{"|".join(VIEWED)})$">',
        f"  Header always unset {CSP}",
        "</FilesMatch>",
    ]
    immutable = "|".join(_regex(p) for p in policy.fingerprinted())
    lines += [
        f'Header always set Cache-Control "{SHORT}"',
        f'<If "%{{REQUEST_URI}} =~ m#^(?:{immutable})$#">',
        f'  Header always set Cache-Control "{IMMUTABLE}"',
        "</If>",
        *(f"AddType {type_} .{ext}" for ext, type_ in TYPES.items()),
        f"AddCharset utf-8 {' '.join('.' + ext for ext in COMPRESSIBLE)}",
        *(
            f'<FilesMatch "^{re.escape(name)}(?:\\.br|\\.gz)?$">\n'
            f'  ForceType "{type_}; charset=utf-8"\n</FilesMatch>'
            for name, type_ in FILE_TYPES.items()
        ),
        "# The .br or .gz copy beside a text file, for a browser that accepts it.",
        "RewriteEngine On",
        f"RewriteBase {policy.prefix}",
        f"RewriteRule ^(?:{'|'.join(re.escape(f) for f in HOST_FILES)})$ - [R=404,L]",
        f"RewriteRule (?:^|/){re.escape(UPLOADING)}/ - [R=404,L]",
    ]
    for encoding, ext in (("br", "br"), ("gzip", "gz")):
        lines += [
            f"RewriteCond %{{HTTP:Accept-Encoding}} \\b{encoding}\\b",
            f"RewriteCond %{{REQUEST_FILENAME}}/index.html.{ext} -f",
            f"RewriteRule ^(.*/)?$ $1index.html.{ext} [L]",
            f"RewriteCond %{{HTTP:Accept-Encoding}} \\b{encoding}\\b",
            f"RewriteCond %{{REQUEST_FILENAME}}.{ext} -f",
            f"RewriteRule ^(.+\\.(?:{text}))$ $1.{ext} [L]",
            f'<FilesMatch "\\.(?:{text})\\.{ext}$">',
            f"  RemoveType .{ext}",
            f"  AddEncoding {encoding} .{ext}",
            "</FilesMatch>",
        ]
    lines += [
        f'<FilesMatch "\\.(?:{text})(?:\\.br|\\.gz)?$">',
        "  Header append Vary Accept-Encoding",
        "</FilesMatch>",
    ]
    return "\n".join(lines) + "\n"


# -- Netlify, Cloudflare Pages --------------------------------------------------------------


def headers_file(policy: HostPolicy) -> str:
    """`_headers`: the headers of every file, then a year's caching for the fingerprinted
    ones. (Both hosts revalidate everything else by default, and join the values of a header
    that two matching rules set: so Cache-Control is set for those files only, and the PDFs
    keep the CSP, which no rule can take away on both.)"""
    lines = ["# Written by every `jrs-site build`: do not edit.", f"{policy.prefix}*"]
    lines += [f"  {name}: {value}" for name, value in policy.headers]
    for pattern in policy.fingerprinted():
        lines += [pattern, f"  Cache-Control: {IMMUTABLE}"]
    for name, type_ in FILE_TYPES.items():
        lines += [f"{policy.prefix}*{name}", f"  Content-Type: {type_}; charset=utf-8"]
    return "\n".join(lines) + "\n"


def redirects_file(policy: HostPolicy) -> str:
    """`_redirects`: each language's 404 page for the addresses under its prefix (Netlify;
    Cloudflare Pages finds the nearest 404.html by itself)."""
    lines = ["# Written by every `jrs-site build`: do not edit."]
    lines += [f"{prefix}*  {page}  404" for prefix, page in policy.not_found]
    return "\n".join(lines) + "\n"


# -- nginx ----------------------------------------------------------------------------------


def nginx(policy: HostPolicy) -> str:
    """The `location` blocks to put in the site's `server` block (its `root` the folder that
    holds site/'s files, in place of its `location /`). nginx's `add_header` in a block drops
    those of the blocks around it, so each block says every header."""
    default_page = policy.not_found[-1][1]

    def block(
        match: str, cache: str, page: str = default_page, *extra: str, csp: bool = True
    ) -> list[str]:
        headers = [(n, v) for n, v in policy.headers if csp or n != CSP]
        headers.append(("Cache-Control", cache))
        return [
            f"location {match} {{",
            *(f"    {line}" for line in (*extra, f"error_page 404 {page};")),
            *(f'    add_header {name} "{value}" always;' for name, value in headers),
            "}",
        ]

    immutable = "|".join(_regex(p) for p in policy.fingerprinted())
    lines = [
        "# Written by `jrs-site nginx` for the site as last built: include it in the site's",
        "# server block. gzip_static sends the .gz beside a file to a browser that accepts it;",
        "# with the ngx_brotli module loaded, add `brotli_static on;` for the .br.",
        "include mime.types;",
        "types {",
        *(f"    {type_} {ext};" for ext, type_ in TYPES.items()),
        "}",
        "gzip_static on;",
        "gzip_vary on;",
        "charset utf-8;",
        "charset_types text/css text/plain image/svg+xml text/javascript application/json "
        "application/xml application/atom+xml;",
    ]
    for prefix, page in policy.not_found:
        lines += block(prefix, SHORT, page)
    for name, type_ in FILE_TYPES.items():
        where = f"~ ^{re.escape(policy.prefix)}(?:.*/)?{re.escape(name)}$"
        lines += block(where, SHORT, default_page, "types { }", f"default_type {type_};")
    lines += block(f"~ ^(?:{immutable})$", IMMUTABLE)
    lines += block(f"~ \\.(?:{'|'.join(VIEWED)})$", SHORT, csp=False)
    files = "|".join(map(re.escape, HOST_FILES))
    hidden = f"~ ^{re.escape(policy.prefix)}(?:(?:{files})$|(?:.*/)?{re.escape(UPLOADING)}/)"
    lines += block(hidden, SHORT, default_page, "return 404;")  # for the host, not readers
    return "\n".join(lines) + "\n"


def write_host_files(publisher: Publisher, policy: HostPolicy) -> None:
    """The host files of every build, at the site's root."""
    for path, render in zip(HOST_FILES, (apache, headers_file, redirects_file), strict=True):
        publisher.text(path, render(policy), "the host configuration")
