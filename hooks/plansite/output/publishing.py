"""A build for publishing: the public https address it must have, the sitemap index and robots.txt it
adds, and the check that no file names the publisher's own machine (a loopback address)."""
from __future__ import annotations

import ipaddress
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from plansite.model import LANGUAGES, Language
from plansite.output.leaks import site_contents
from plansite.render.languages import site_prefix
from plansite.validate.problems import say

EXAMPLE_URL = "https://ke-hoach.example.gov.vn/"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
# A loopback host written as an address: after "//" (http://, protocol-relative, JSON's "\/\/") or before a
# port. A bare word "localhost" in a library's comment is no address. Candidates are found with bytes.find,
# which stays fast on megabytes of minified scripts and source maps; a regular expression then reads each.
_NEEDLES = (b"localhost", b"127.", b"0.0.0.0", b"[::")
_HOST = re.compile(rb"(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\])(?![\w.-])")
_PORT = re.compile(rb":\d")
_SCHEME = re.compile(rb"(?:[a-z][a-z0-9+.-]*:)?(?:\\?/){2}$")
_REST = re.compile(rb"[^\s\"'<>)]*")


class PublishingError(Exception):
    """Why a build may not be published, in Vietnamese and English, with what to do."""

    def __init__(self, lines: list[str]):
        super().__init__("\n".join(lines))


def site_url_problem(url: str | None) -> str | None:
    """What is wrong with SITE_URL for a published site, or None when it is a public https address."""
    if not url:
        return f"SITE_URL: {say('problems.site_url_unset')}"
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        return f"SITE_URL: {url!r} {say('problems.site_url_not_https')}"
    if is_loopback_host(parts.hostname):
        return f"SITE_URL: {url!r} {say('problems.site_url_loopback')}"
    return None


def check_site_url(url: str | None) -> None:
    problem = site_url_problem(url)
    if problem:
        raise PublishingError([say("problems.not_published", shown=problem),
                               f"    → {say('fixes.site_url', shown=f'SITE_URL={EXAMPLE_URL} make publish')}"])


def is_loopback_host(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def language_sitemap(language: Language) -> str:
    """Where each language's own sitemap ends up: the default language's moves aside for the index."""
    return f"sitemap-{language}.xml" if site_prefix(language) == "" else site_prefix(language) + SITEMAP


def sitemap_index(site_url: str) -> str:
    entries = "".join(f"  <sitemap><loc>{escape(site_url + language_sitemap(lang))}</loc></sitemap>\n"
                      for lang in LANGUAGES)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{entries}</sitemapindex>\n")


def robots_txt(site_url: str, publishing: bool) -> str:
    if not publishing:
        # A local build copied to a host by mistake must not be indexed (its pages also say noindex).
        return f"# {say('problems.local_build')}\nUser-agent: *\nDisallow: /\n"
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url}{SITEMAP}\n"


def write_sitemaps_and_robots(site_dir: Path, site_url: str, publishing: bool) -> None:
    """Give the root's sitemap (MkDocs writes one per language) its language's name, and put the index of
    both at /sitemap.xml, where crawlers and robots.txt look."""
    own = site_dir / language_sitemap(LANGUAGES[0])
    (site_dir / SITEMAP).replace(own)
    gzipped = site_dir / f"{SITEMAP}.gz"
    if gzipped.exists():
        gzipped.replace(own.with_name(own.name + ".gz"))
    (site_dir / SITEMAP).write_text(sitemap_index(site_url), encoding="utf-8")
    (site_dir / ROBOTS).write_text(robots_txt(site_url, publishing), encoding="utf-8")


def loopback_mentions(site_dir: Path) -> list[tuple[str, str]]:
    """(file below site_dir, the address) for every loopback address in any file, gzip-compressed ones
    (sitemap.xml.gz, Pagefind's index) read unpacked."""
    return [(name, address) for name, data in site_contents(site_dir) for address in loopback_addresses(data.lower())]


def loopback_addresses(text: bytes) -> list[str]:
    addresses = []
    for start in sorted(_candidates(text)):
        host = _HOST.match(text, start)
        if not host:
            continue
        scheme = _SCHEME.search(text, max(0, start - 24), start)
        before = text[start - 1: start]
        if scheme or (_PORT.match(text, host.end()) and not (before.isalnum() or before in (b".", b"_", b"-"))):
            begin = scheme.start() if scheme else start
            addresses.append(text[begin: _REST.match(text, host.end()).end()].decode("utf-8", errors="replace"))
    return addresses


def _candidates(text: bytes):
    for needle in _NEEDLES:
        at = text.find(needle)
        while at != -1:
            yield at
            at = text.find(needle, at + 1)


def check_no_loopback(site_dir: Path) -> None:
    found = loopback_mentions(site_dir)
    if not found:
        return
    shown = [f"{path}: {address}" for path, address in found[:20]]
    more = [f"… {say('problems.more', count=len(found) - 20)}"] if len(found) > 20 else []
    raise PublishingError([
        say("problems.not_published", shown=f"{len(found)} {say('problems.loopback_in_build')}") + ":", *shown, *more,
        f"    → {say('fixes.loopback_in_build')}",
    ])


def main() -> int:
    """`make publish` runs this before MkDocs, so a refusal prints only the editors' message."""
    try:
        check_site_url(os.environ.get("SITE_URL"))
    except PublishingError as error:
        print(error, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
