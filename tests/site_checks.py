"""Checks of a whole build that hold for any content: the site tests run them on the site's build, the engine
tests on the fixture sites' builds (where states the site may not have yet are: one-language articles, long
listings, reports, a second plan)."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import datetime as dt

import segno

from html_page import read
from plansite.derive.views import plan_state
from plansite.load.sitedata import PlanScope


def counterpart(relative: str) -> str:
    """The same page in the other language: 'ke-hoach/index.html' <-> 'en/ke-hoach/index.html'."""
    return relative.removeprefix("en/") if relative.startswith("en/") else "en/" + relative


def language_pair_problems(site: Path, base: str, one_language: set[str]) -> list[str]:
    """Every page of a build: its canonical address is its own (base: the build's SITE_URL), hreflang names its
    translation, and the switcher opens it; a one-language page (by built path) names itself only and switches
    to the other language's news index; a 404 page, the admin page and a standalone leaflet have neither."""
    problems = []
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if "pagefind" not in p.parts)
    for relative in pages:
        page, language = read(site / relative), "en" if relative.startswith("en/") else "vi"
        other = {"vi": "en", "en": "vi"}[language]
        if relative == "admin/index.html":  # the CMS (plansite.cms): not a site page, never indexed
            if (page.hreflang, page.canonical) != ({}, None):
                problems.append(f"{relative}: the admin page names addresses")
            continue
        if page.soup.select_one("body .md-header") is None:  # a standalone file (the leaflet): a download
            found = (page.hreflang, page.canonical, page.switcher)
            if found != ({}, None, {}):
                problems.append(f"{relative}: a standalone file has {found}")
            continue
        if relative.endswith("404.html"):  # served at any address: absolute links, no canonical address
            expected = {"vi": "/404.html", "en": "/en/"} if language == "vi" else {"vi": "/", "en": "/en/404.html"}
            if (page.hreflang, page.canonical, page.switcher) != ({}, None, expected):
                problems.append(f"{relative}: {page.hreflang, page.canonical, page.switcher}")
            continue
        own = base + relative.removesuffix("index.html")
        if page.canonical != own or page.switcher.get(language) != "./":
            problems.append(f"{relative}: canonical {page.canonical}, switcher {page.switcher}")
            continue
        if page.lang != language:
            problems.append(f"{relative}: lang={page.lang}")
        if relative in one_language:
            expected_hreflang = {language: own, "x-default": own}
            expected = site / ("" if other == "vi" else "en/") / "tin-tuc/index.html"
        else:
            translation = base + counterpart(relative).removesuffix("index.html")
            vi, en = (own, translation) if language == "vi" else (translation, own)
            expected_hreflang = {"vi": vi, "en": en, "x-default": vi}
            expected = site / counterpart(relative)
        if page.hreflang != expected_hreflang:
            problems.append(f"{relative}: hreflang {page.hreflang}")
        if other not in page.switcher or page.resolve(page.switcher[other], site)[0] != expected or not expected.is_file():
            problems.append(f"{relative}: the switcher does not open {expected.relative_to(site)}")
    return problems


def broken_links(site: Path) -> tuple[list[str], int]:
    """Every <a href> and every loaded address on every page whose file is missing, or whose #fragment names
    no id there; and how many were checked. Another site's addresses (edit, share, mailto:) are left aside:
    no page loads them (tests/site/test_build.py)."""
    broken, checked = [], 0
    for html in sorted(site.rglob("*.html")):
        page = read(html)
        for url in [*page.links, *page.urls]:
            if urlsplit(url).scheme or url.startswith("//"):
                continue
            target, fragment = page.resolve(url, site)
            checked += 1
            if not target.is_file():
                broken.append(f"{html.relative_to(site)}: {url} (no {target.relative_to(site)})")
            elif fragment and target.suffix == ".html" and unquote(fragment) not in read(target).ids:
                broken.append(f"{html.relative_to(site)}: {url} (no id {fragment!r})")
    return broken, checked


def assert_leaflet_presents_its_plan(path: Path, scope: PlanScope, language: str, day: dt.date, address: str) -> None:
    """A printable leaflet: its plan's short title, the plan's state on the build's day, and a QR code that
    encodes the address of the plan's overview (written out beside it)."""
    leaflet = read(path)
    assert leaflet.h1 == scope.plan.short_title(language)
    assert leaflet.soup.select_one(".state").get_text() == plan_state(scope, language, day).sentence
    [box] = leaflet.select(".qr-box")
    assert box.select_one(".address").get_text() == address
    drawn = box.select_one("svg.qr path")["d"]
    expected = segno.make(address, error="m").svg_inline(scale=3, svgclass="qr", lineclass=None)
    assert f'd="{drawn}"' in expected
    assert box.select_one("[role=img]")["aria-label"].endswith(address)
