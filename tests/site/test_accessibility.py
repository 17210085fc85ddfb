"""axe-core's WCAG A and AA rules in a state no page starts in: the phone menu open, in both colour schemes.
(Every page type as loaded is checked in test_page_types.py.)"""
from __future__ import annotations

import pytest

from page_types import BY_KIND, LANGUAGES
from browser_checks import Load, axe, switch_to_dark


@pytest.mark.parametrize("prefix", LANGUAGES.values(), ids=LANGUAGES.keys())
def test_no_wcag_violation_with_the_menu_open(browser, site_server, axe_incomplete, prefix):
    load = Load(browser, "phone")
    try:
        load.page.goto(site_server + prefix + BY_KIND["group"].path)
        load.page.locator('.md-header .site-menu-button').click()
        load.page.locator(".md-sidebar--primary .md-nav__link").first.wait_for()
        where = f"{prefix}{BY_KIND['group'].path} (menu open)"
        violations = axe(load.page, "light", where, axe_incomplete)
        switch_to_dark(load.page)
        violations += axe(load.page, "dark", where, axe_incomplete)
        assert violations == []
    finally:
        load.context.close()
