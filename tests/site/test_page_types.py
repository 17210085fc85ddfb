"""Every page type in both languages, in Debian's Chromium through nginx, loaded once per width with every check
run on that load: the status, no console error or failed response, no Content-Security-Policy violation, no other
host, no horizontal scrolling (also at 200% zoom) and no table scrolling sideways on a phone, no row name wrapped
one word a line on a desktop, the skip link, and axe-core's WCAG A and AA rules in the light
and the dark scheme. The site's own kinds are visited on its build, the fixture sites' states and shapes on
theirs (tests/page_types.py)."""
from __future__ import annotations

import pytest

from browser_checks import OVERFLOWING, SCROLLING_TABLES, WIDTHS, WORD_PER_LINE, ZOOMED, Load, axe, check_skip_link, switch_to_dark
from page_types import LANGUAGES, PAGE_TYPES

@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("prefix", LANGUAGES.values(), ids=LANGUAGES.keys())
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=str)
def test_page_type(browser, request, axe_incomplete, page_type, prefix, width):
    server = request.getfixturevalue(page_type.server)
    address = server + prefix + page_type.path
    load = Load(browser, width)
    page = load.page
    try:
        missing = page_type.kind == "not-found"
        response = page.goto(address)
        assert response.status == (404 if missing else 200)
        assert "script-src 'self'" in response.headers["content-security-policy"]
        if page_type.kind == "search-results":
            page.locator(".search-result").first.wait_for()  # the WebAssembly search has run
        assert page.locator("html").get_attribute("lang") == (prefix.rstrip("/") or "vi")
        assert page.locator("h1").first.is_visible()
        assert page.evaluate(OVERFLOWING) == []
        if width == "phone":
            assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
            assert page.evaluate(SCROLLING_TABLES) == []
        else:
            assert page.evaluate(WORD_PER_LINE) == []
        where = f"{prefix}{page_type.path} ({page_type}, {width})"
        violations = axe(page, "light", where, axe_incomplete)
        switch_to_dark(page)
        violations += axe(page, "dark", where, axe_incomplete)
        assert violations == []
        if width == "desktop" and not page_type.standalone:
            check_skip_link(page, prefix)  # after axe, which judges the page as loaded, nothing focused
        if width == "desktop":
            page.set_viewport_size(ZOOMED)
            assert page.evaluate(OVERFLOWING) == [], "at 200% zoom"
            assert page.locator("h1").first.is_visible()
            if not page_type.standalone:
                # The text reflows into one column that keeps most of the width: no sidebar squeezes it.
                column = page.locator(".md-content").first.evaluate("c => c.getBoundingClientRect().width")
                assert column >= 0.9 * ZOOMED["width"] - 40
        # Checked last, so that anything the page did while the checks ran is in.
        assert load.problems(address, missing) == {"console errors": [], "failed responses": [],
                                                   "CSP violations": [], "other hosts": []}
    finally:
        load.context.close()
