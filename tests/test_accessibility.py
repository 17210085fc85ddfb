"""Every page type in both languages, in Debian's Chromium through nginx: axe-core's WCAG A and AA rules."""
from __future__ import annotations

import pytest

from conftest import ROOT
from page_types import PAGE_TYPES

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2, levels A and AA: every rule axe-core has for them, none switched off.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
LANGUAGES = {"vi": "", "en": "en/"}


@pytest.fixture(scope="module", params=["light", "dark"])
def axe_page(browser, request):
    """A page in one colour scheme that may inject axe-core.

    bypass_csp lets Playwright add axe (test tooling) as a script; the site's own CSP is checked in
    test_browser.py and test_server.py."""
    assert AXE.is_file(), f"{AXE} is missing: run `make test`, which runs `npm ci`"
    context = browser.new_context(bypass_csp=True, color_scheme=request.param, viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
    return [f"{v['id']} ({v['impact']}) at {node['target']}: {node['failureSummary']}"
            for v in result["violations"] for node in v["nodes"]]


@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("prefix", LANGUAGES.values(), ids=LANGUAGES.keys())
@pytest.mark.parametrize("kind,path", PAGE_TYPES.items(), ids=PAGE_TYPES.keys())
def test_no_wcag_violation(axe_page, site_server, kind, path, prefix, width):
    axe_page.set_viewport_size({"width": width, "height": 900})
    axe_page.goto(site_server + prefix + path)
    axe_page.wait_for_load_state("networkidle")
    if kind == "search-results":
        axe_page.locator(".search-result").first.wait_for()
    assert axe_violations(axe_page) == []


@pytest.mark.parametrize("prefix", LANGUAGES.values(), ids=LANGUAGES.keys())
def test_no_wcag_violation_with_the_menu_open(axe_page, site_server, prefix):
    axe_page.set_viewport_size({"width": 360, "height": 740})
    axe_page.goto(site_server + prefix + PAGE_TYPES["group"])
    axe_page.locator('.md-header .site-menu-button').click()
    axe_page.locator(".md-sidebar--primary .md-nav__link").first.wait_for()
    assert axe_violations(axe_page) == []
