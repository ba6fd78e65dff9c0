"""The score of Mozilla's HTTP Observatory (MDN's, 2024 onwards) for one response, from its
published scoring: a baseline of 100, each test's modifier added, bonuses (positive
modifiers) only when the score without them is 90 or more; A+ from 100.

The tests a static site's response decides: CSP, cookies, CORS, Referrer-Policy, HSTS,
Subresource Integrity, X-Content-Type-Options, X-Frame-Options, Cross-Origin-Resource-Policy.
Not redirection (HTTP to HTTPS is the host's, and the test server has no TLS), nor the HSTS
preload list (an entry made by hand, on a public list).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.message import Message

GRADES = ((100, "A+"), (90, "A"), (85, "A-"), (80, "B+"), (70, "B"), (65, "B-"), (60, "C+"))
GRADES += ((50, "C"), (45, "C-"), (40, "D+"), (30, "D"), (25, "D-"), (0, "F"))
BROAD = {"ftp:", "http:", "https:", "*", "http://*", "http://*.*", "https://*", "https://*.*"}
UNSAFE_INLINE = {"'unsafe-inline'", "data:"}
HASHES = ("'sha256-", "'sha384-", "'sha512-", "'nonce-")
SIX_MONTHS = 15768000
PRIVATE_REFERRERS = {
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
}
UNSAFE_REFERRERS = {
    "origin",
    "origin-when-cross-origin",
    "unsafe-url",
    "no-referrer-when-downgrade",
}


@dataclass(frozen=True)
class Result:
    test: str
    result: str
    modifier: int


def csp_directives(value: str) -> dict[str, set[str]]:
    """The directives of a policy, each with its sources (lowercase names)."""
    directives: dict[str, set[str]] = {}
    for part in value.split(";"):
        words = part.split()
        if words and words[0].lower() not in directives:
            directives[words[0].lower()] = set(words[1:])
    return directives


def csp(headers: Message) -> Result:
    value = headers.get("Content-Security-Policy")
    if not value:
        return Result("content-security-policy", "csp-not-implemented", -25)
    policy = csp_directives(value)
    default = policy.get("default-src", {"*"})
    script = set(policy.get("script-src", default))
    style = set(policy.get("style-src", default))
    objects = policy.get("object-src", default)
    for sources in (script, style):
        if any(s.startswith(HASHES) for s in sources):
            sources.discard("'unsafe-inline'")
    if script & (BROAD | UNSAFE_INLINE) or objects & BROAD:
        return Result("content-security-policy", "csp-implemented-with-unsafe-inline", -20)
    if "'unsafe-eval'" in script | style:
        return Result("content-security-policy", "csp-implemented-with-unsafe-eval", -10)
    if style & (BROAD | UNSAFE_INLINE):
        name = "csp-implemented-with-unsafe-inline-in-style-src-only"
        return Result("content-security-policy", name, 0)
    if policy.get("default-src") == {"'none'"}:
        name = "csp-implemented-with-no-unsafe-default-src-none"
        return Result("content-security-policy", name, 10)
    return Result("content-security-policy", "csp-implemented-with-no-unsafe", 5)


def cookies(headers: Message) -> Result:
    if headers.get_all("Set-Cookie"):
        return Result("cookies", "cookies-found (scored by hand: this site sets none)", -40)
    return Result("cookies", "cookies-not-found", 0)


def cors(headers: Message) -> Result:
    origin = headers.get("Access-Control-Allow-Origin")
    if origin is None:
        return Result("cors", "cross-origin-resource-sharing-not-implemented", 0)
    if headers.get("Access-Control-Allow-Credentials", "").lower() == "true":
        return Result(
            "cors", "cross-origin-resource-sharing-implemented-with-universal-access", -50
        )
    return Result("cors", "cross-origin-resource-sharing-implemented-with-public-access", 0)


def referrer_policy(headers: Message) -> Result:
    value = headers.get("Referrer-Policy")
    if value is None:
        return Result("referrer-policy", "referrer-policy-not-implemented", 0)
    known = PRIVATE_REFERRERS | UNSAFE_REFERRERS
    policies = [p.strip().lower() for p in value.split(",") if p.strip().lower() in known]
    if not policies:
        return Result("referrer-policy", "referrer-policy-header-invalid", -5)
    if policies[-1] in PRIVATE_REFERRERS:  # the last one a browser knows is the one it uses
        return Result("referrer-policy", "referrer-policy-private", 5)
    return Result("referrer-policy", "referrer-policy-unsafe", -5)


def hsts(headers: Message) -> Result:
    value = headers.get("Strict-Transport-Security")
    if value is None:
        return Result("strict-transport-security", "hsts-not-implemented", -20)
    match = re.search(r"(?:^|;)\s*max-age\s*=\s*\"?(\d+)\"?\s*(?:;|$)", value, re.IGNORECASE)
    if match is None:
        return Result("strict-transport-security", "hsts-header-invalid", -20)
    if int(match[1]) < SIX_MONTHS:
        return Result(
            "strict-transport-security", "hsts-implemented-max-age-less-than-six-months", -10
        )
    return Result("strict-transport-security", "hsts-implemented-max-age-at-least-six-months", 0)


def sri(html: str) -> Result:
    scripts = re.findall(r"<script\b[^>]*>", html, re.IGNORECASE)
    sources = [m[1] for s in scripts if (m := re.search(r"\ssrc=\"([^\"]*)\"", s))]
    external = [s for s in sources if re.match(r"(?:[a-z]+:)?//", s, re.IGNORECASE)]
    if not scripts:
        return Result("subresource-integrity", "sri-not-implemented-but-no-scripts-loaded", 0)
    if not external:
        name = "sri-not-implemented-but-all-scripts-loaded-from-secure-origin"
        return Result("subresource-integrity", name, 0)
    name = "external scripts (scored by hand: this site loads none)"
    return Result("subresource-integrity", name, -50)


def x_content_type_options(headers: Message) -> Result:
    value = headers.get("X-Content-Type-Options")
    if value is None:
        return Result("x-content-type-options", "x-content-type-options-not-implemented", -5)
    if value.strip().lower() == "nosniff":
        return Result("x-content-type-options", "x-content-type-options-nosniff", 0)
    return Result("x-content-type-options", "x-content-type-options-header-invalid", -5)


def x_frame_options(headers: Message) -> Result:
    ancestors = csp_directives(headers.get("Content-Security-Policy", "")).get("frame-ancestors")
    if ancestors is not None and not ancestors & BROAD:
        return Result("x-frame-options", "x-frame-options-implemented-via-csp", 5)
    value = (headers.get("X-Frame-Options") or "").strip().lower()
    if value in {"deny", "sameorigin"}:
        return Result("x-frame-options", "x-frame-options-sameorigin-or-deny", 0)
    if not value:
        return Result("x-frame-options", "x-frame-options-not-implemented", -20)
    return Result("x-frame-options", "x-frame-options-header-invalid", -20)


def cross_origin_resource_policy(headers: Message) -> Result:
    value = headers.get("Cross-Origin-Resource-Policy")
    test = "cross-origin-resource-policy"
    if value is None:
        return Result(test, "cross-origin-resource-policy-not-implemented", 0)
    value = value.strip().lower()
    if value in {"same-origin", "same-site"}:
        return Result(test, f"cross-origin-resource-policy-implemented-with-{value}", 10)
    if value == "cross-origin":
        return Result(test, "cross-origin-resource-policy-implemented-with-cross-origin", 0)
    return Result(test, "cross-origin-resource-policy-header-invalid", -5)


def score(headers: Message, html: str) -> tuple[int, str, list[Result]]:
    """The score, its grade and each test's result, for a page's response."""
    results = [
        csp(headers),
        cookies(headers),
        cors(headers),
        referrer_policy(headers),
        hsts(headers),
        sri(html),
        x_content_type_options(headers),
        x_frame_options(headers),
        cross_origin_resource_policy(headers),
    ]
    total = 100 + sum(r.modifier for r in results if r.modifier < 0)
    if total >= 90:
        total += sum(r.modifier for r in results if r.modifier > 0)
    total = max(total, 0)
    return total, next(grade for floor, grade in GRADES if total >= floor), results
